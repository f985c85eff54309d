"""Traditional → simplified characters, one to one (a seed table; see ingest.normalize).

Only characters that map to exactly one simplified character are listed, so offsets never move.
"""

T2S: dict[str, str] = dict(
    zip(
        "國會黨務區縣鄉鎮規範條於與為這個們來說對時進過還運發現實際關係機構經濟體製議員辦設備開處應準確認權責"
        "務變強監督檢察審計復議訴訟調解糾紛釋護憲黨組織領導幹學習貫徹總書記講話精神義務職責單位門戶網絡統計報"
        "告歲萬億項場級當選舉並據從決議層壓風險廳長執罰許證營環衛級獲獎參與積極開展聯動協調諮詢諮詢評價覆蓋",
        "国会党务区县乡镇规范条于与为这个们来说对时进过还运发现实际关系机构经济体制议员办设备开处应准确认权责"
        "务变强监督检察审计复议诉讼调解纠纷释护宪党组织领导干学习贯彻总书记讲话精神义务职责单位门户网络统计报"
        "告岁万亿项场级当选举并据从决议层压风险厅长执罚许证营环卫级获奖参与积极开展联动协调咨询咨询评价覆盖",
        strict=True,
    )
)

"""Titles of national laws and of central administrative regulations that reports cite by a short form.

Reports often cite a national law without its head: 《复议法》 for 《中华人民共和国行政复议法》, 《信息公开条例》
for 《中华人民共和国政府信息公开条例》. :func:`full_title` links such a short form to the full title's identity
key when exactly one title of :data:`NATIONAL_TITLES` ends with it (诉讼法 stays as written: 行政, 民事 and
刑事诉讼法 all end with it), or when it is one of the usual abbreviations in :data:`ABBREVIATIONS`.
Titles are identity keys (:func:`ingest.regulations.title_key`): no 中华人民共和国 prefix, no version.
These are facts about national legislation (names as in force), not strings of any report.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: National laws (全国人大 and its standing committee) most cited in reports on law-based government.
_LAWS = """
宪法 立法法 监察法 监察官法 公务员法 法官法 检察官法 人民法院组织法 人民检察院组织法 国务院组织法
地方各级人民代表大会和地方各级人民政府组织法 全国人民代表大会组织法 各级人民代表大会常务委员会监督法
全国人民代表大会和地方各级人民代表大会代表法 全国人民代表大会和地方各级人民代表大会选举法
村民委员会组织法 城市居民委员会组织法 民族区域自治法 国家安全法 国防法 兵役法 反分裂国家法 香港特别行政区基本法
行政复议法 行政诉讼法 行政处罚法 行政许可法 行政强制法 国家赔偿法 民法典 刑法 民事诉讼法 刑事诉讼法 仲裁法
人民调解法 法律援助法 律师法 公证法 人民陪审员法 治安管理处罚法 出境入境管理法 居民身份证法 反恐怖主义法
反有组织犯罪法 反间谍法 反电信网络诈骗法 禁毒法 保守国家秘密法 档案法 突发事件应对法 消防法 安全生产法
道路交通安全法 人民警察法 人民武装警察法 社区矫正法 预防未成年人犯罪法 未成年人保护法 妇女权益保障法
老年人权益保障法 残疾人保障法 英雄烈士保护法 退役军人保障法 家庭教育促进法 反家庭暴力法 教育法 义务教育法
高等教育法 职业教育法 教师法 民办教育促进法 学前教育法 体育法 科学技术进步法 促进科技成果转化法 著作权法
专利法 商标法 反不正当竞争法 反垄断法 消费者权益保护法 产品质量法 广告法 价格法 电子商务法 标准化法 计量法
认证认可法 食品安全法 药品管理法 疫苗管理法 中医药法 基本医疗卫生与健康促进法 传染病防治法 精神卫生法
医师法 职业病防治法 母婴保健法 献血法 生物安全法 劳动法 劳动合同法 就业促进法 社会保险法
劳动争议调解仲裁法 工会法 矿山安全法 特种设备安全法 建筑法 城乡规划法 土地管理法
城市房地产管理法 农村土地承包法 农业法 种子法 畜牧法 动物防疫法 农产品质量安全法 乡村振兴促进法
农民专业合作社法 森林法 草原法 水法 防洪法 水土保持法 渔业法 矿产资源法 环境保护法 环境影响评价法
大气污染防治法 水污染防治法 土壤污染防治法 固体废物污染环境防治法 噪声污染防治法 海洋环境保护法
放射性污染防治法 野生动物保护法 湿地保护法 长江保护法 黄河保护法 黑土地保护法 青藏高原生态保护法
循环经济促进法 清洁生产促进法 节约能源法 可再生能源法 文物保护法 非物质文化遗产法
公共文化服务保障法 电影产业促进法 网络安全法 数据安全法 个人信息保护法 电子签名法 统计法 审计法 预算法
会计法 税收征收管理法 个人所得税法 企业所得税法 政府采购法 招标投标法 公司法 合伙企业法 企业破产法
中小企业促进法 外商投资法 对外贸易法 海关法 进出口商品检验法 银行业监督管理法 商业银行法 中国人民银行法
证券法 保险法 反洗钱法 慈善法 红十字会法 境外非政府组织境内活动管理法
公路法 铁路法 民用航空法 邮政法 港口法 航道法 测绘法 气象法 防震减灾法 人民防空法
国旗法 国歌法 国徽法 国家通用语言文字法 外国国家豁免法 对外关系法 爱国主义教育法
无障碍环境建设法 粮食安全保障法 反食品浪费法 农村集体经济组织法 国家勋章和国家荣誉称号法
"""

#: Central administrative regulations cited by reports on law-based government.
_REGULATIONS = """
政府信息公开条例 优化营商环境条例 重大行政决策程序暂行条例 法规规章备案条例 规章制定程序条例 行政法规制定程序条例
信访工作条例 信访条例 保障农民工工资支付条例 行政执法机关移送涉嫌犯罪案件的规定 国家赔偿费用管理条例
行政区域边界争议处理条例 行政复议法实施条例 社会救助暂行办法 物业管理条例 宗教事务条例 道路运输条例
"""

NATIONAL_TITLES: frozenset[str] = frozenset(_LAWS.split() + _REGULATIONS.split())

#: Usual short forms that are not a tail of the full title.
ABBREVIATIONS: dict[str, str] = {
    "保密法": "保守国家秘密法",
    "地方组织法": "地方各级人民代表大会和地方各级人民政府组织法",
    "监督法": "各级人民代表大会常务委员会监督法",
    "税收征管法": "税收征收管理法",
    "治安处罚法": "治安管理处罚法",
    "环保法": "环境保护法",
    "未保法": "未成年人保护法",
    "消法": "消费者权益保护法",
    "信息公开条例": "政府信息公开条例",
    "政府信息公开法": "政府信息公开条例",
}

_TAIL = re.compile(r"(?:法|条例)$")
_IMPLEMENTING = re.compile(r"^(.{2,}法)(实施条例|实施细则)$")


@lru_cache(maxsize=4096)
def full_title(key: str) -> str | None:
    """The full national title a short form stands for (``复议法`` → ``行政复议法``), else None."""
    if key in NATIONAL_TITLES:
        return None
    if key in ABBREVIATIONS:
        return ABBREVIATIONS[key]
    if m := _IMPLEMENTING.match(key):  # 复议法实施条例 → 行政复议法实施条例
        law = full_title(m.group(1))
        return law + m.group(2) if law else None
    if len(key) < 3 or not _TAIL.search(key):
        return None
    matches = [t for t in NATIONAL_TITLES if t.endswith(key)]
    return matches[0] if len(matches) == 1 else None

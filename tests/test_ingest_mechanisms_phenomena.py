"""Quote classes by phenomenon (issue 3 follow-up), and a stress batch labelled before it was run.

Each phenomenon found in the blind held-out set (tests/heldout) has crafted cases here in *other*
wording: short names defined in quotes, observance days, version labels, “cannot” descriptions, a
system or campaign word after the quote, verb + 法 phrases, parallel slogan clauses, 以…为… formulas.
"""

from __future__ import annotations

import pytest

from ingest import mechanisms
from ingest.evaluate import PRF, score_sets
from ingest.model import Doc
from ingest.quote_classes import classify_quote


def run(text: str) -> Doc:
    doc = Doc.from_text(text)
    mechanisms.extract_mechanisms(doc)
    return doc


@pytest.mark.parametrize(
    ("name", "before", "after", "expected"),
    [
        # a short name defined for what the text just named is a label …
        ("区市监局", "理局(以下简称", ")", "short-name"),
        ("市司法局", "司法局(简称", ")", "short-name"),
        ("两高", "统称", ")", "short-name"),
        # … unless its form or the next word still says it is a system
        ("告知承诺制", "(以下简称", ")", None),
        ("两个清单", "(以下简称", ")制度", None),
        # observance days, weeks, months
        ("国际禁毒日", "围绕", "开展", "observance"),
        ("全国科普日", "结合", "等节点", "observance"),
        ("全民国家安全教育日", "在", "当天", "observance"),
        ("民法典宣传月", "开展", "活动", "observance"),
        # version labels
        ("3.0版", "升级至", "", "version"),
        ("V2.1", "推出", "", "version"),
        ("升级版", "打造", "", "version"),
        # what cannot be done is a problem, not a method
        ("事情办不了", "设立", "投诉专窗", "quotation"),
        ("看不懂", "解决群众", "的问题", "quotation"),
        ("层层加码", "严防", "", "quotation"),
        # a system or campaign word right after the quote overrides the tail of the name
        ("法律顾问", "推行", "制度", None),
        ("乡村网格员", "健全", "机制", None),
        ("平安广场", "开展", "专项整治", None),
        ("无违建街区", "推进", "创建", None),
        ("法治大讲堂", "举办", "活动", "named"),  # 活动 alone does not say so
        ("法律顾问", "聘请", "", "group"),
        # verb + 法 is a working method, not a law's short name
        ("法官释法", "推行", "", None),
        ("以案普法", "坚持", "", None),
        ("行政复议法", "学习", "", "set-label"),
        # parallel short clauses are a theme slogan, even when each ends with a law's name
        ("学民法典 用民法典", "开展", "主题活动", None),
        ("懂宪法、守宪法、护宪法", "围绕", "", None),
        ("宪法、民法典", "学习", "", "set-label"),
        # 以…为…: a formula whatever its tail
        ("以群众需求为中心", "坚持", "", None),
        # metaphor, publications, bodies, a county's app
        ("水磨功夫", "下足", "", "metaphor"),
        ("民法典口袋书", "编印", "", "named"),
        ("法治故事汇", "出版", "", "named"),
        ("流动法庭", "设立", "", "named"),
        ("德清办", "依托", "", "named"),
        ("龙港通", "推广", "", "named"),
    ],
)
def test_phenomena(name: str, before: str, after: str, expected: str | None) -> None:
    assert classify_quote(name, before, after) == expected


def test_phenomena_in_sentences() -> None:
    doc = run(
        "县自然资源和规划局(以下简称“县资规局”)认真贯彻落实。结合“国际禁毒日”“全国消防日”等节点开展宣传,"
        "推动“互联网+督查”平台迭代至“4.0版”,深入推行“法律顾问”制度,开展“清洁街区”集中整治,"
        "组织“普法释法”进社区和“懂民法典 用民法典”等主题活动。"
    )
    others = {q.text: q.category for q in doc.quoted_other}
    found = {m.text for m in doc.mechanisms if m.quoted}
    assert others == {
        "县资规局": "short-name",
        "国际禁毒日": "observance",
        "全国消防日": "observance",
        "互联网+督查": "named",
        "4.0版": "version",
    }
    assert found == {"法律顾问", "清洁街区", "普法释法", "懂民法典 用民法典"}


#: Quoted names in the style of other provinces' reports (reforms, slogans, platforms, honours,
#: metaphors, campaigns), labelled by ANNOTATION §6 before the classifier was run on them. Measured
#: with the rules of commit 41fbf2e: 96 names, P 0.864 R 0.983 F1 0.919 (errors: observance days,
#: a version label, 绣花功夫, 以人民为中心, bodies and publications, a county's app); the rules were
#: then changed by phenomenon. The one error left: 宪法宣传周, which the seed scheme holds as a campaign.
STRESS: list[tuple[str, dict[str, int]]] = [
    ("深化“最多跑一次”改革,推行“一件事一次办”。", {"最多跑一次": 1, "一件事一次办": 1}),
    ("推进政务服务“跨省通办”,深化“证照分离”改革。", {"跨省通办": 1, "证照分离": 1}),
    ("推行“互联网+监管”,落实“首违不罚”清单制度。", {"互联网+监管": 1, "首违不罚": 1}),
    ("“七五”普法顺利通过验收,“八五”普法规划全面启动。", {"七五": 0, "八五": 0}),
    ("每个行政村培育“法律明白人”3名以上。", {"法律明白人": 0}),
    ("依托“赣服通”实现掌上办理,在“浙里办”开设行政复议申请专区。", {"赣服通": 0, "浙里办": 0}),
    ("以“绣花功夫”推进城市精细化管理,啃下执法难的“硬骨头”。", {"绣花功夫": 0, "硬骨头": 0}),
    ("制定法治政府建设“三年行动计划”,分解任务86项。", {"三年行动计划": 1}),
    ("全市新创建“枫桥式派出所”6个。", {"枫桥式派出所": 0}),
    ("成功创建“全国法治政府建设示范市”。", {"全国法治政府建设示范市": 0}),
    ("始终坚持“司法为民”宗旨,推行“接诉即办”改革,实现“有诉即办”。", {"司法为民": 1, "接诉即办": 1, "有诉即办": 1}),
    ("开展“民法典进万家”宣传活动,深化“放管服”改革。", {"民法典进万家": 1, "放管服": 1}),
    ("打造“粤省事”“粤商通”移动政务服务平台。", {"粤省事": 0, "粤商通": 0}),
    ("推行“秒批秒办”“无感审批”。", {"秒批秒办": 1, "无感审批": 1}),
    ("开展“扫黑除恶”专项斗争,深化“雪亮工程”建设。", {"扫黑除恶": 1, "雪亮工程": 1}),
    ("围绕“平安中国”建设,推进“法治乡村”建设。", {"平安中国": 1, "法治乡村": 1}),
    ("我市被授予“全国文明城市”称号,获评“全国守法普法示范市”。", {"全国文明城市": 0, "全国守法普法示范市": 0}),
    ("评选“学法用法示范户”120户。", {"学法用法示范户": 0}),
    ("推进“数字政府”建设,推行“容缺受理+承诺制”审批模式。", {"数字政府": 1, "容缺受理+承诺制": 1}),
    ("畅通“12345”政务服务便民热线。", {"12345": 0}),
    ("建立“府院联席会议”制度,落实“四下基层”制度,推行“一线工作法”。", {"府院联席会议": 1, "四下基层": 1, "一线工作法": 1}),
    ("建设“智慧法院”,推广“移动微法院”小程序。", {"智慧法院": 1, "移动微法院": 0}),
    ("组织开展“宪法宣传周”系列活动。", {"宪法宣传周": 0}),
    ("在“3·15”国际消费者权益日开展集中宣传。", {"3·15": 0}),
    ("坚持“法定职责必须为、法无授权不可为”。", {"法定职责必须为、法无授权不可为": 1}),
    ("打造“法治超市”“法律诊所”等服务阵地。", {"法治超市": 0, "法律诊所": 0}),
    ("构建“1+6+N”公共法律服务体系,推行“非现场执法”和“柔性执法”。", {"1+6+N": 1, "非现场执法": 1, "柔性执法": 1}),
    ("推广“信用+”监管模式,开展“蓝盾行动”“昆仑行动”。", {"信用+": 1, "蓝盾行动": 1, "昆仑行动": 1}),
    ("推动“e路护航”平台建设,建设“智慧城管”。", {"e路护航": 0, "智慧城管": 1}),
    ("发布市场准入“负面清单”,实施“白名单”制度。", {"负面清单": 1, "白名单": 1}),
    ("用好“法治副校长”,建强“法治辅导员”队伍,发挥“人民调解员”作用。", {"法治副校长": 0, "法治辅导员": 0, "人民调解员": 0}),
    ("坚持“以人民为中心”的发展思想,落实“三个区分开来”要求。", {"以人民为中心": 1, "三个区分开来": 1}),
    ("实施“万名干部进万企”活动,组织“百名律师进千企”活动。", {"万名干部进万企": 1, "百名律师进千企": 1}),
    ("推进“三零”创建,开展“无讼村居”创建。", {"三零": 1, "无讼村居": 1}),
    ("启用“苏服办”总门户,推广“龙游通”。", {"苏服办": 0, "龙游通": 0}),
    ("被评为“全国青少年普法教育示范基地”,设立“老兵调解室”。", {"全国青少年普法教育示范基地": 0, "老兵调解室": 0}),
    ("深化“大综合一体化”行政执法改革,推进“县乡一体、条抓块统”改革。", {"大综合一体化": 1, "县乡一体、条抓块统": 1}),
    ("当好服务企业的“店小二”,推行“一支队伍管执法”。", {"店小二": 0, "一支队伍管执法": 1}),
    ("全面落实“双告知”制度,打造“一刻钟便民服务圈”。", {"双告知": 1, "一刻钟便民服务圈": 1}),
    ("在“信用中国”网站公示,推进“一窗受理、集成服务”改革。", {"信用中国": 0, "一窗受理、集成服务": 1}),
    ("加强“两法衔接”,实施“守信联合激励、失信联合惩戒”。", {"两法衔接": 1, "守信联合激励、失信联合惩戒": 1}),
    ("开展“法律援助惠民生”活动,在“国家宪法日”组织宣誓。", {"法律援助惠民生": 1, "国家宪法日": 0}),
    ("“渝快办”迭代升级至“3.0版”。", {"渝快办": 0, "3.0版": 0}),
    ("推行“承诺即入”和“准入即准营”。", {"承诺即入": 1, "准入即准营": 1}),
    ("树立“有解思维”,推动“诉源治理”。", {"有解思维": 1, "诉源治理": 1}),
    ("整治“新官不理旧账”问题,破除“中梗阻”。", {"新官不理旧账": 0, "中梗阻": 0}),
    ("编印“普法口袋书”5000册,开设“律师说法”专栏。", {"普法口袋书": 0, "律师说法": 0}),
    ("推动“放管服”改革和“四减一优”。", {"放管服": 1, "四减一优": 1}),
    ("开展“法治体检”进企业,建设“共享法庭”。", {"法治体检": 1, "共享法庭": 0}),
    ("实行“局队合一”体制,推进“一队多能”。", {"局队合一": 1, "一队多能": 1}),
]


def score(batch: list[tuple[str, dict[str, int]]]) -> PRF:
    total = PRF()
    for sentence, labels in batch:
        doc = run(sentence)
        found = {m.text for m in doc.mechanisms if m.quoted}
        assert found | {q.text for q in doc.quoted_other} >= set(labels), sentence
        total.add(score_sets(sorted(found), [t for t, is_mechanism in labels.items() if is_mechanism]))
    return total


def test_stress_batch() -> None:
    total = score(STRESS)
    print("stress batch", total.as_dict())
    assert sum(len(labels) for _, labels in STRESS) >= 90
    assert total.f1 >= 0.97 and total.recall >= 0.98

"""Mechanisms in “”, the other things in quotes, unquoted mentions, and the SKOS scheme (ANNOTATION §6)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SKOS

import ingest.mechanisms as mechanisms
from ingest.decode import read_report
from ingest.evaluate import PRF, score_sets
from ingest.mechanism_scheme import CONCEPTS, lookup
from ingest.model import Doc
from ingest.quote_classes import classify_quote
from ingest.scheme_ttl import GENERATED, SCHEMES_DIR

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "data" / "reports"
GOLD = sorted((ROOT / "tests" / "gold").glob("*.json"))
FZ_MECHANISM = URIRef("https://w3id.org/fazhi/ont#Mechanism")


def run(text: str) -> Doc:
    doc = Doc.from_text(text)
    mechanisms.extract_mechanisms(doc)
    return doc


def run_file(name: str) -> Doc:
    return run(read_report(REPORTS / name).text)


def score_gold() -> tuple[PRF, PRF]:
    """(strict, every-quote) scores over every gold file."""
    strict, every = PRF(), PRF()
    for g in GOLD:
        gold = json.loads(g.read_text(encoding="utf-8"))
        doc = run_file(gold["file"])
        quoted = [m.text for m in doc.mechanisms if m.quoted]
        other = [q.text for q in doc.quoted_other]
        strict.add(score_sets(quoted, [m for m in gold["mechanisms"] if m not in gold["quoted_other"]]))
        every.add(score_sets(quoted + other, gold["mechanisms"]))
    return strict, every


def test_scores_against_every_gold_file() -> None:
    strict, every = score_gold()
    print("mechanisms strict", strict.as_dict(), "every quote", every.as_dict())
    assert every.f1 == 1.0 and every.tp >= 73
    assert strict.f1 >= 0.98 and strict.tp >= 48


def test_rules_alone_classify_the_gold_quotes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the seed scheme, the form-and-context rules still separate mechanisms from the rest."""
    monkeypatch.setattr(mechanisms, "lookup", lambda name: None)
    strict, _ = score_gold()
    print("mechanisms strict, rules only", strict.as_dict())
    assert strict.f1 >= 0.95


def test_seed_must_haves() -> None:
    doc = run_file("taierzhuang-2019.txt")
    quoted = [m for m in doc.mechanisms if m.quoted]
    for name in ("一次办好", "一窗受理", "一网通办", "双随机、一公开", "三项制度", "枫桥经验", "三联一共"):
        iris = {m.iri for m in quoted if m.text == name}
        assert len(iris) == 1, name
    assert len({m.iri for m in doc.mechanisms if m.text == "双随机、一公开"}) == 1
    others = {q.text: q.category for q in doc.quoted_other}
    assert others["全市法治文化宣传教育示范点"] == "honour"
    assert others["我要开饭店"] == "named" and others["两库"] == "set-label"
    assert "全市法治文化宣传教育示范点" not in {m.text for m in doc.mechanisms}
    for m in doc.mechanisms:
        assert doc.text[m.start : m.end] == m.text


def test_variant_names_share_one_concept() -> None:
    a = run("深化“双随机、一公开”监管").mechanisms[0]
    b = run("推行“双随机一公开”").mechanisms[0]
    c = run("落實“雙隨機、一公開”").mechanisms[0]
    assert a.iri == b.iri == c.iri and a.iri.endswith("/scheme/mechanism/shuang-sui-ji-yi-gong-kai")
    assert run("行政执法“三项制度”").mechanisms[0].iri == run("“行政执法三项制度”").mechanisms[0].iri
    assert run("“放管服”改革").mechanisms[0].iri == run("“放管服改革”").mechanisms[0].iri
    new1 = run("推行“三服务一提升”工作法").mechanisms[0]
    new2 = run("落實“三服務、一提升”").mechanisms[0]
    assert new1.iri == new2.iri and new1.label == new2.label  # minted, stable, label a function of the IRI


def test_unquoted_mentions_share_the_quoted_iri() -> None:
    doc = run("全面推行“双随机、一公开”监管,双随机一公开实现全覆盖;落实行政执法三项制度。《关于“放管服”的通知》")
    quoted = [m for m in doc.mechanisms if m.quoted]
    unquoted = [m for m in doc.mechanisms if not m.quoted]
    assert [m.text for m in unquoted] == ["双随机一公开", "行政执法三项制度"]
    assert unquoted[0].iri == quoted[0].iri
    assert "放管服" in [m.text for m in quoted]  # quotes inside a 《》 title count (ANNOTATION §6)
    seed = run_file("taierzhuang-2019.txt")
    assert any(not m.quoted and m.label == "三项制度" for m in seed.mechanisms)  # 全区执法三项制度


@pytest.mark.parametrize(
    ("name", "before", "after", "expected"),
    [
        ("十四五", "", "时期", "period"),
        ("八五", "以", "普法", "period"),
        ("十五周年", "", "系列", "period"),
        ("12·4", "", "宪法日", "period"),
        ("中国法治政府奖", "首次获得", "", "honour"),
        ("全国社会治理创新优秀城市", "再获", "殊荣", "honour"),
        ("全市民主法治示范村(社区)", "创建", "11个", "honour"),
        ("某某领域十大典型案例", "入选", "", "honour"),
        ("渝快办", "开通", "通道", "named"),
        ("浙里办", "", "", "named"),
        ("凤鸣政策通", "开展", "等17场品牌", "named"),
        ("我要开诊所", "梳理", "等", "named"),
        ("法治大讲堂", "举办", "", "named"),
        ("学习习近平法治思想,助力先行区建设", "全省", "培训班", "named"),
        ("时间表", "", "", "metaphor"),
        ("最后一公里", "打通", "", "metaphor"),
        ("善后者", "从", "向", "metaphor"),
        ("一号司法建议", "", "", "set-label"),
        ("两委", "", "成员", "set-label"),
        ("一府一委两院", "", "", "set-label"),
        ("关键少数", "抓住", "", "group"),
        ("小散乱污", "", "企业", "group"),
        ("门难进、脸难看、事难办", "破解", "", "quotation"),
        ("无事不扰", "推进", "企业清单", None),
        ("补短迎考攻坚行动", "", "", None),
        ("思想引领、学习在先", "坚持", "", None),
        ("大排查、快调处、护稳定", "开展矛盾纠纷", "活动", None),
        ("成熟一项划转一项", "按照", "原则", None),
        ("网格—社区(村)—街乡—区", "完善", "四级", None),
        ("3+X", "深化构建", "产业", None),
        ("法治小镇", "安昌", "作为", None),
        ("十项行动", "", "提供", None),
        ("民法典", "学习宣传", "", "set-label"),
        ("随申办", "依托", "", "named"),
        ("吃拿卡要", "整治", "", "quotation"),
        ("全国法治县(市、区)创建活动先进单位", "获评", "", "honour"),
        ("一号工程", "作为", "", None),
        ("五步工作法", "推广", "", None),
        ("跨省通办", "推进", "", None),
    ],
)
def test_quote_classes(name: str, before: str, after: str, expected: str | None) -> None:
    assert classify_quote(name, before, after) == expected


def test_scheme_file_is_generated_from_the_table_and_well_formed() -> None:
    for name, make in GENERATED.items():
        assert (SCHEMES_DIR / name).read_text(encoding="utf-8") == make(), f"regenerate {name}"
    g = Graph().parse(SCHEMES_DIR / "mechanism.ttl")
    concepts = set(g.subjects(RDF.type, FZ_MECHANISM))
    assert len(concepts) == len(CONCEPTS) >= 25
    for c in concepts:
        assert (c, RDF.type, SKOS.Concept) in g
        langs = {o.language for o in g.objects(c, SKOS.prefLabel)}
        assert langs == {"zh", "en"}
        assert g.value(c, SKOS.definition) is not None and g.value(c, SKOS.notation) is not None
    for label in ("一次办好", "最多跑一次", "放管服", "三项制度", "枫桥经验", "12345政务服务便民热线"):
        assert lookup(label) is not None, label


def test_every_emitted_iri_is_in_the_scheme_unless_minted() -> None:
    g = Graph().parse(SCHEMES_DIR / "mechanism.ttl")
    seeded = {str(c) for c in g.subjects(RDF.type, FZ_MECHANISM)}
    minted = 0
    for name in sorted(p.name for p in REPORTS.glob("*.txt")):
        for m in run_file(name).mechanisms:
            assert m.iri.startswith("https://w3id.org/fazhi/scheme/mechanism/")
            if lookup(m.text) is not None:
                assert m.iri in seeded, m.text
            else:
                minted += 1
                assert m.quoted  # unquoted mentions are only ever of seeded concepts
    assert minted > 0


def test_unbalanced_quotes_and_pathological_input() -> None:
    doc = run("开展“补短迎考攻坚行动")
    assert doc.mechanisms == [] and doc.quoted_other == []
    doc = run("“" * 10000 + "”" * 10000 + "“" + "字" * 100000)
    assert doc.mechanisms == []
    doc = run("“放管服”" * 5000)
    assert len(doc.mechanisms) == 5000 and len({m.iri for m in doc.mechanisms}) == 1



#: Sentences in the style of real reports (not from the bundled ones), with the quoted names that are
#: mechanisms (1) or not (0) by ANNOTATION §6. The rules were refined on these; the last four batches
#: (from 深化“最多跑一地”…, 推进“一件事一次办”…, 大力推行“掌上办”… and 全面推行“证明事项告知承诺制”… on)
#: were labelled first and scored F1 0.80, 0.84, 0.92 and 0.94 before any rule changed for them.
CRAFTED: list[tuple[str, dict[str, int]]] = [
    ("深入推进“证照分离”改革全覆盖,全面实行“一业一证”“一照通行”。", {"证照分离": 1, "一业一证": 1, "一照通行": 1}),
    ("持续开展“法律进企业”“法律进乡村”活动,打造“法治广场”“法治长廊”等阵地。", {"法律进企业": 1, "法律进乡村": 1, "法治广场": 0, "法治长廊": 0}),
    ("依托“i西安”APP和“秦务员”平台,推行“秒批”服务。", {"i西安": 0, "秦务员": 0, "秒批": 1}),
    ("我县荣获“全国法治政府建设示范县”称号,被命名为“全省七五普法先进县”。", {"全国法治政府建设示范县": 0, "全省七五普法先进县": 0}),
    ("紧紧抓住领导干部这个“关键少数”,落实“谁执法谁普法”责任制。", {"关键少数": 0, "谁执法谁普法": 1}),
    ("扎实开展“八五”普法,组织“宪法进万家”“民法典进社区”等主题活动。", {"八五": 0, "宪法进万家": 1, "民法典进社区": 1}),
    ("打通服务群众“最后一公里”,着力解决“办事难、办事慢、办事繁”问题。", {"最后一公里": 0, "办事难、办事慢、办事繁": 0}),
    ("推行“首违不罚”“轻微免罚”清单,实施“综合查一次”。", {"首违不罚": 1, "轻微免罚": 1, "综合查一次": 1}),
    ("开设“法治讲堂”栏目,举办“学法用法”知识竞赛。", {"法治讲堂": 0, "学法用法": 0}),
    ("坚持和发展新时代“枫桥经验”,构建“大调解”工作格局,推进“一站式”矛盾纠纷调处化解中心建设。", {"枫桥经验": 1, "大调解": 1, "一站式": 1}),
    ("推行“互联网+监管”,实现“一网统管”。", {"互联网+监管": 1, "一网统管": 1}),
    ("严格落实“三重一大”集体决策制度和“一岗双责”。", {"三重一大": 1, "一岗双责": 1}),
    ("在“十四五”开局之年,围绕“两个确立”,做到“两个维护”。", {"十四五": 0, "两个确立": 1, "两个维护": 1}),
    ("建立“好差评”制度,推行“跨省通办”“全省通办”。", {"好差评": 1, "跨省通办": 1, "全省通办": 1}),
    ("12月4日开展“12·4”国家宪法日宣传,以“弘扬宪法精神,建设法治中国”为主题。", {"12·4": 0, "弘扬宪法精神,建设法治中国": 1}),
    ("组织“法治副校长”进校园,聘请“法律明白人”386名。", {"法治副校长": 0, "法律明白人": 0}),
    ("全面推行“河长制”“林长制”,深入打好“蓝天保卫战”。", {"河长制": 1, "林长制": 1, "蓝天保卫战": 1}),
    ("推动“放管服”改革向纵深发展,聚焦“高效办成一件事”。", {"放管服": 1, "高效办成一件事": 1}),
    ("整治“吃拿卡要”“庸懒散拖”等问题,打破“玻璃门”“旋转门”。", {"吃拿卡要": 0, "庸懒散拖": 0, "玻璃门": 0, "旋转门": 0}),
    ("上线“浙里办”“浙政钉”,在“学习强国”学习平台发布。", {"浙里办": 0, "浙政钉": 0, "学习强国": 0}),
    ("推广“容缺受理”“告知承诺”,实施“双随机”抽查。", {"容缺受理": 1, "告知承诺": 1, "双随机": 1}),
    ("开展“我为群众办实事”实践活动和“不忘初心、牢记使命”主题教育。", {"我为群众办实事": 1, "不忘初心、牢记使命": 1}),
    ("落实“四个不摘”要求,巩固“两不愁三保障”成果。", {"四个不摘": 1, "两不愁三保障": 1}),
    ("打造“有事好商量”协商平台和“民情茶馆”议事品牌。", {"有事好商量": 0, "民情茶馆": 0}),
    ("全面推行“一窗综办”“一网通办”,实现“只进一扇门”“最多跑一次”。", {"一窗综办": 1, "一网通办": 1, "只进一扇门": 1, "最多跑一次": 1}),
    ("获评“全国法治宣传教育先进单位”,入选“中国营商环境百佳示范城市”。", {"全国法治宣传教育先进单位": 0, "中国营商环境百佳示范城市": 0}),
    ("开展“三服务”活动,推进“五个一”工程。", {"三服务": 1, "五个一": 1}),
    ("通过“随手拍”小程序收集问题,利用“有事来找我”热线。", {"随手拍": 0, "有事来找我": 0}),
    ("建设“智慧司法”,深化“数字法治”。", {"智慧司法": 1, "数字法治": 1}),
    ("做好“两会”期间维稳,召开“两委”换届培训会。", {"两会": 0, "两委": 0}),
    ("贯彻落实《法治政府建设实施纲要》“八大任务”,完成“十三五”目标。", {"八大任务": 1, "十三五": 0}),
    ("创新“党建+法治”模式,推广“1+N”调解机制。", {"党建+法治": 1, "1+N": 1}),
    ("组织开展“法治护航”专项行动和“春雷行动”。", {"法治护航": 1, "春雷行动": 1}),
    ("在“法治日报”“人民网”刊发宣传报道20余篇。", {"法治日报": 0, "人民网": 0}),
    ("实行“红黑榜”通报,推进“信用修复”。", {"红黑榜": 1, "信用修复": 1}),
    ("实现行政复议“应收尽收”,做到“案结事了”。", {"应收尽收": 1, "案结事了": 1}),
    ("把权力关进“制度的笼子”,筑牢“防火墙”。", {"制度的笼子": 0, "防火墙": 0}),
    ("落实“三会一课”,开展“三亮三比三评”活动。", {"三会一课": 1, "三亮三比三评": 1}),
    ("设立“老娘舅”调解工作室,打造“和事佬”调解品牌。", {"老娘舅": 0, "和事佬": 0}),
    ("建成“15分钟公共法律服务圈”,推行“法律服务一码通”。", {"15分钟公共法律服务圈": 1, "法律服务一码通": 0}),
    ("深化“最多跑一地”改革,推行“无差别受理”“同城通办”。", {"最多跑一地": 1, "无差别受理": 1, "同城通办": 1}),
    ("荣获“全国模范司法所”称号,2个村被评为“省级民主法治示范村”。", {"全国模范司法所": 0, "省级民主法治示范村": 0}),
    ("围绕“尊法学法守法用法”主题,开展“法治文化进万家”巡演。", {"尊法学法守法用法": 1, "法治文化进万家": 1}),
    ("依托“天府通办”平台,推出“川渝通办”事项。", {"天府通办": 0, "川渝通办": 1}),
    ("破解“执行难”,治理“新官不理旧账”。", {"执行难": 0, "新官不理旧账": 0}),
    ("健全“1+3+N”网格体系,推行“街乡吹哨、部门报到”。", {"1+3+N": 1, "街乡吹哨、部门报到": 1}),
    ("推进行政执法“三项制度”,落实“谁主管谁负责”。", {"三项制度": 1, "谁主管谁负责": 1}),
    ("“十四五”时期,围绕“一带一路”建设提供法律服务。", {"十四五": 0, "一带一路": 1}),
    ("开展“法治体检”,为企业送上“法治大礼包”。", {"法治体检": 1, "法治大礼包": 0}),
    ("持续擦亮“红色调解”品牌,建好“矛调中心”。", {"红色调解": 0, "矛调中心": 0}),
    ("出台“助企纾困十条”,实施“非接触式”执法。", {"助企纾困十条": 1, "非接触式": 1}),
    ("推动“两个结合”,践行“四下基层”。", {"两个结合": 1, "四下基层": 1}),
    ("设置“办不成事”反映窗口,推行“帮办代办”。", {"办不成事": 0, "帮办代办": 1}),
    ("利用“法治宣传车”下乡,组织观看“法治进行时”节目。", {"法治宣传车": 0, "法治进行时": 0}),
    ("严防“新官不理旧账”“击鼓传花”。", {"新官不理旧账": 0, "击鼓传花": 0}),
    ("推进“一件事一次办”集成改革,打造“15分钟政务服务圈”。", {"一件事一次办": 1, "15分钟政务服务圈": 1}),
    ("被司法部确定为“全国公共法律服务体系建设示范区”。", {"全国公共法律服务体系建设示范区": 0}),
    ("组建“法治宣讲团”,开展“送法进企业”活动。", {"法治宣讲团": 0, "送法进企业": 1}),
    ("实施“七五”普法规划总结验收,启动“八五”普法。", {"七五": 0, "八五": 0}),
    ("落实“谁执法谁普法、谁服务谁普法、谁主管谁普法”要求。", {"谁执法谁普法、谁服务谁普法、谁主管谁普法": 1}),
    ("建成“法治文化主题公园”3个,打造“法治书屋”。", {"法治文化主题公园": 0, "法治书屋": 0}),
    ("推行“一表申请、一窗受理、一次办结”。", {"一表申请、一窗受理、一次办结": 1}),
    ("在“学习强国”“今日头条”等平台发布信息。", {"学习强国": 0, "今日头条": 0}),
    ("开展“行政执法质量提升年”活动和“清风行动”。", {"行政执法质量提升年": 1, "清风行动": 1}),
    ("严格落实“四不两直”检查制度,推行“543”工作法。", {"四不两直": 1, "543": 1}),
    ("把“法治”作为核心竞争力,让“法治”成为营商环境的“金字招牌”。", {"法治": 1, "金字招牌": 0}),
    ("开展“法律服务进万家”“法治进校园”系列活动。", {"法律服务进万家": 1, "法治进校园": 1}),
    ("落实“三个规定”,推进“清廉机关”建设。", {"三个规定": 1, "清廉机关": 1}),
    ("坚持“应用尽用、应接尽接”原则,推进电子证照应用。", {"应用尽用、应接尽接": 1}),
    ("开通“12348”公共法律服务热线,建设“法律服务网”。", {"12348": 0, "法律服务网": 0}),
    ("评选“十佳执法标兵”“优秀法治宣传志愿者”。", {"十佳执法标兵": 0, "优秀法治宣传志愿者": 0}),
    ("以“小切口”推动“大变化”,实现“零投诉”。", {"小切口": 0, "大变化": 0, "零投诉": 1}),
    ("大力推行“掌上办”“指尖办”,政务服务事项实现“就近办”。", {"掌上办": 1, "指尖办": 1, "就近办": 1}),
    ("积极争创“全国法治政府建设示范市”,3个镇获评“省级法治镇”。", {"全国法治政府建设示范市": 0, "省级法治镇": 0}),
    ("围绕“营商环境优化年”,开展“万人助万企”活动。", {"营商环境优化年": 1, "万人助万企": 1}),
    ("在“爱山东”APP开设“法治服务”专区。", {"爱山东": 0, "法治服务": 0}),
    ("落实行政执法“三项制度”,推行“说理式”执法和“阳光执法”。", {"三项制度": 1, "说理式": 1, "阳光执法": 1}),
    ("开展“法润乡村”行动,培育“法治带头人”“法律明白人”。", {"法润乡村": 1, "法治带头人": 0, "法律明白人": 0}),
    ("着力解决群众“急难愁盼”问题,防止“一刀切”。", {"急难愁盼": 0, "一刀切": 0}),
    ("推动行政复议工作从“书面审”向“听证审”转变。", {"书面审": 1, "听证审": 1}),
    ("举办“法治大讲堂”4期,播出“以案释法”节目20期。", {"法治大讲堂": 0, "以案释法": 0}),
    ("建立“府院联动”机制,推行“诉前调解+司法确认”模式。", {"府院联动": 1, "诉前调解+司法确认": 1}),
    ("通过“两微一端”发布政务信息,回应“12345”热线诉求。", {"两微一端": 0, "12345": 0}),
    ("深化“放管服”改革,持续打造“无证明城市”。", {"放管服": 1, "无证明城市": 1}),
    ("荣获全省“人民满意的公务员集体”称号。", {"人民满意的公务员集体": 0}),
    ("坚持“严格规范公正文明执法”,做到“有法可依、有法必依、执法必严、违法必究”。", {"严格规范公正文明执法": 1, "有法可依、有法必依、执法必严、违法必究": 1}),
    ("全面推行“证明事项告知承诺制”,扎实开展“减证便民”行动。", {"证明事项告知承诺制": 1, "减证便民": 1}),
    ("创新推出“企业开办一日办结”,实现“拿地即开工”。", {"企业开办一日办结": 1, "拿地即开工": 1}),
    ("打造“法治小院”“法治超市”等品牌。", {"法治小院": 0, "法治超市": 0}),
    ("组织开展“百名法学家百场报告会”。", {"百名法学家百场报告会": 0}),
    ("落实“一案一评查”“一案三查”制度。", {"一案一评查": 1, "一案三查": 1}),
    ("我市被评为“全国普法工作先进城市”。", {"全国普法工作先进城市": 0}),
    ("坚持“把非诉讼纠纷解决机制挺在前面”,推进“诉源治理”。", {"把非诉讼纠纷解决机制挺在前面": 1, "诉源治理": 1}),
    ("用好“互联网+公共法律服务”平台,推广“智慧矫正”。", {"互联网+公共法律服务": 0, "智慧矫正": 1}),
    ("打好“组合拳”,下好“先手棋”。", {"组合拳": 0, "先手棋": 0}),
    ("推行“首问负责、一次告知、限时办结”制度。", {"首问负责、一次告知、限时办结": 1}),
    ("开展“送法进万家”“法律体检进企业”活动。", {"送法进万家": 1, "法律体检进企业": 1}),
    ("做好“六稳”工作,落实“六保”任务。", {"六稳": 1, "六保": 1}),
    ("聚焦“放管服”改革,开展“营商环境大讨论”。", {"放管服": 1, "营商环境大讨论": 1}),
    ("全市“七五”普法验收获“优秀”等次。", {"七五": 0, "优秀": 0}),
    ("实现“零上访、零事故、零案件”目标。", {"零上访、零事故、零案件": 1}),
]


def test_crafted_sentences() -> None:
    total = PRF()
    for sentence, labels in CRAFTED:
        doc = run(sentence)
        found = {m.text for m in doc.mechanisms if m.quoted}
        assert found | {q.text for q in doc.quoted_other} >= set(labels)
        total.add(score_sets(sorted(found), [t for t, is_mechanism in labels.items() if is_mechanism]))
    print("crafted sentences", total.as_dict())
    assert total.f1 >= 0.95 and total.recall >= 0.98

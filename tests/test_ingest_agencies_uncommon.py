"""Bodies with uncommon names (issue 3): departments whose field is in no type table, on crafted text."""

from __future__ import annotations

from ingest.pipeline import extract_text
from ingest.to_rdf import doc_to_rdf
from shapes.validate import validate_report

HEAD = "阿荣旗人民政府关于2022年度法治政府建设情况的报告\n"


def _mentions(text: str) -> dict[str, tuple[str, str]]:
    return {a.text: (a.type, a.iri) for a in extract_text(text).agencies}


def test_unknown_field_after_an_owner_is_a_department_of_that_owner() -> None:
    got = _mentions(HEAD + "旗草原监督管理局、旗沙产业和治沙发展局联合开展检查,自治区营商环境监督局督导,"
                           "旗司法局配合。\n")
    for name in ("旗草原监督管理局", "旗沙产业和治沙发展局"):
        assert got[name][0] == "department", (name, got)
        assert "/150721/gov/dept-" in got[name][1], got[name]
    assert got["旗草原监督管理局"][1].endswith("/dept-cao-yuan-jian-du-guan-li-ju")
    assert got["自治区营商环境监督局"][1].endswith("/150000/gov/dept-ying-shang-huan-jing-jian-du-ju")
    assert got["旗司法局"][0] == "justice"


def test_generic_words_ending_in_ju_are_not_bodies() -> None:
    got = _mentions(HEAD + "坚持全旗一盘棋,服务全局和大局,优化市场格局,旗里各局要有好结局,本局不当局。"
                           "推进市民服务中心建设,区域发展新格局。\n")
    assert not [t for t in got if t.endswith("局")], got


def test_unknown_department_maps_to_rdf_and_validates() -> None:
    doc = extract_text(HEAD + "2022年,旗人民政府统筹推进法治政府建设,旗草原监督管理局开展执法检查12次。\n")
    iri = next(a.iri for a in doc.agencies if a.text == "旗草原监督管理局")
    rdf = doc_to_rdf(doc, "20261127T213000Z-0000test")
    assert any(str(s) == iri for s in rdf.entities.subjects()), iri
    outcome = validate_report(rdf)
    assert outcome.violations == 0, outcome.results


BANNER = "准格尔旗人民政府关于2021年度法治政府建设情况的报告\n"


def test_sumu_government_tribunal_station_and_presidium() -> None:
    got = _mentions(BANNER + "布尔陶亥苏木人民政府推进依法行政,沙圪堵人民法庭巡回审判18次,大路派出所破获案件6起,"
                             "纳日松镇人大主席团开展执法检查。\n")
    assert got["布尔陶亥苏木人民政府"][1].endswith("/org/150622707/gov")  # the table's 布尔陶亥苏木乡
    assert got["布尔陶亥苏木人民政府"][0] == "people-government"
    assert got["沙圪堵人民法庭"][0] == "dispatched-body"
    assert "/150622/court/" in got["沙圪堵人民法庭"][1]
    assert got["大路派出所"][0] == "dispatched-body"
    assert "/150622/gov/public-security/" in got["大路派出所"][1]
    assert got["纳日松镇人大主席团"][0] == "internal-unit"
    assert "派出所" not in got and "人民法庭" not in got


def test_tribunal_and_presidium_need_a_town() -> None:
    got = _mentions(BANNER + "旗人大主席团会议,人民法庭建设,派出所规范化建设,大路街头派出所。\n")
    assert not [t for t in got if t.endswith(("主席团", "法庭", "派出所"))], got


def test_short_autonomous_prefecture_and_its_county_branch_are_one_body() -> None:
    got = _mentions("凯里市人民政府关于2020年度法治政府建设情况的报告\n黔东南州自然资源局凯里市分局、黔东南州司法局"
                    "指导开展执法监督。\n")
    assert got["黔东南州自然资源局凯里市分局"][0] == "dispatched-body", got
    assert got["黔东南州司法局"][1].endswith("/org/522600/gov/justice"), got
    assert "州自然资源局凯里市分局" not in got


def test_short_forms_of_the_approval_and_enforcement_bureaus_have_their_types() -> None:
    from ingest.pipeline import extract_text

    text = ("平阴县人民政府2022年法治政府建设情况报告\n2022年,平阴县人民政府依法行政。"
            "县审批局推行“一窗受理”,县执法局开展专项整治,县审批服务局优化流程。")
    types = {a.text: a.type for a in extract_text(text).agencies}
    assert types["县审批局"] == types["县审批服务局"] == "admin-approval"
    assert types["县执法局"] == "comprehensive-enforcement"

"""Agency phenomena from blind held-out sets, each on crafted text in other wording (other places, bodies)."""

from __future__ import annotations

from ingest.pipeline import extract_text

HEAD = "醴陵市人民政府关于2021年度法治政府建设情况的报告\n"


def _by_text(text: str) -> dict[str, str]:
    return {a.text: a.type for a in extract_text(text).agencies}


def test_named_offices_after_any_body_are_internal_units() -> None:
    got = _by_text(HEAD + "市委督查室、市政府行政审批科、市司法局法治宣传股和市人大常委会法工委参加。"
                          "市政府研究室起草,市财政局行政复议应诉科配合,市委巡察办督促。\n")
    for unit in ("市委督查室", "市政府行政审批科", "市司法局法治宣传股", "市人大常委会法工委", "市政府研究室",
                 "市财政局行政复议应诉科", "市委巡察办"):
        assert got.get(unit) == "internal-unit", (unit, got)


def test_verbs_after_a_body_are_not_offices() -> None:
    got = _by_text(HEAD + "市公安局查办案件12件,市法院判处3人,市政府督办事项,市政府挂牌督办5件,市委区政府办。\n")
    assert {"市公安局", "市法院", "市政府"} <= set(got)
    assert not [t for t in got if t.endswith(("查办", "判处", "督办"))], got


def test_merged_and_older_bureaus_and_short_forms() -> None:
    got = _by_text(HEAD + "市工商局、市质监局、市食药监局、市物价局、市国土局、市知识产权局、市药监局、市教委、"
                          "市大数据局、市建委和市房产局参加检查。\n")
    assert got == {"醴陵市人民政府": "people-government", "市工商局": "industry-commerce",
                   "市质监局": "quality-supervision", "市食药监局": "food-drug", "市物价局": "prices",
                   "市国土局": "natural-resources", "市知识产权局": "intellectual-property",
                   "市药监局": "drug-administration", "市教委": "education", "市大数据局": "data-services",
                   "市建委": "housing-construction", "市房产局": "housing-security"}


def test_generic_sets_before_a_department_are_not_a_body() -> None:
    got = _by_text(HEAD + "各县市区公安局、各乡镇司法所、全省各级财政局按要求报送,市财政局汇总。\n")
    assert set(got) == {"醴陵市人民政府", "市财政局"}


def test_a_verb_running_into_a_place_name() -> None:
    # 会同县 is a county in 湖南; 会同 is also the verb "together with"
    got = _by_text("新化县人民政府关于2020年度法治政府建设情况的报告\n县司法局会同县财政局、协同县公安局检查。\n")
    assert {"县司法局", "县财政局", "县公安局"} <= set(got) and "会同县财政局" not in got
    own = _by_text("会同县人民政府关于2020年度法治政府建设情况的报告\n会同县财政局检查。\n")
    assert "会同县财政局" in own

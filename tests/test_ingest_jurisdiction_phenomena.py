"""Jurisdiction phenomena from blind held-out sets, each on crafted text in other wording."""

from __future__ import annotations

from ingest import divisions
from ingest.pipeline import extract_text


def test_chongqing_districts_missing_from_the_package_are_known() -> None:
    assert [d.code for d in divisions.candidates("江北区") if d.code.startswith("50")] == ["500105"]
    assert divisions.get("500112") is not None and divisions.get("500112").parent == "500000"


def test_glued_signature_spells_out_a_short_title() -> None:
    text = ("江北区2021年法治政府建设工作报告2021年,江北区人民政府在市委、市政府坚强领导下,推进依法行政。"
            "重庆市人民政府督查,重庆市司法局指导,重庆市各部门配合,重庆市法治建设推进。区司法局落实。"
            "下一步,我们将持续用力。重庆市江北区人民政府2022年2月8日")
    m = extract_text(text).meta
    assert m.division_code == "500105" and m.jurisdiction == "重庆市江北区人民政府"
    assert m.published


def test_glued_signature_in_chinese_numerals_names_a_department() -> None:
    text = ("2020年工作报告\n2020年,我局坚持依法行政,严格执法。局党组抓总。"
            "今后将继续努力。宁波市江北区司法局二〇二一年一月十日")
    m = extract_text(text).meta
    assert m.division_code == "330205" and m.jurisdiction.endswith("江北区司法局")


def test_table_style_cms_header_is_furniture_and_a_clue() -> None:
    text = ("| 索 引 号 | 000014349/2022-00108 | 发布机构 | 醴陵市司法局 |\n|:---|:---|:---|:---|\n"
            "| 发文日期 | 2022-02-10 | 主题分类:政务公开 |\n\n"
            "2021年法治建设工作总结\n2021年,我局坚持依法行政,市政府督查。\n")
    d = extract_text(text)
    assert d.meta.header["发布机构"] == "醴陵市司法局" and d.meta.header["主题分类"] == "政务公开"
    assert d.meta.published == "2022-02-10" and d.meta.header_end > text.index("主题分类")
    assert d.meta.jurisdiction == "醴陵市司法局"
    assert [a.text for a in d.agencies] == ["市政府"]


def test_a_table_in_the_body_is_no_header() -> None:
    d = extract_text("醴陵市人民政府关于2021年度法治政府建设情况的报告\n一、基本情况\n| 项目 | 数量 |\n|---|---|\n"
                     "| 案件 | 12件 |\n市司法局牵头。\n")
    assert d.meta.header_end == 0 and "市司法局" in [a.text for a in d.agencies]


def test_a_district_in_no_table_wins_over_its_frequent_city_and_keeps_relative_forms() -> None:
    text = ("江湾区2023年法治政府建设情况报告2023年,江湾区人民政府在市委、市政府和区委领导下推进法治。上海市司法局指导,"
            "上海市人民政府督查,上海市法治建设。区司法局、区人民法院、区委依法治区办落实。下一步继续。"
            "上海市江湾区人民政府2024年1月2日")
    d = extract_text(text)
    assert d.meta.jurisdiction == "上海市江湾区人民政府" and not d.meta.division_code
    assert d.meta.confidence["jurisdiction"] < 0.5
    by = {a.text: a for a in d.agencies}
    assert {"江湾区人民政府", "区委", "区司法局", "区人民法院", "区委依法治区办", "上海市司法局"} <= set(by)
    assert by["区司法局"].iri == "" and by["上海市司法局"].iri.endswith("/310000/gov/justice")


def test_relative_forms_below_a_guessed_higher_place_stay_mentions() -> None:
    text = ("2023年法治政府建设情况报告\n2023年,在市委、市政府和区委的领导下推进法治。天津市司法局指导,天津市人民政府督查,"
            "天津市法治建设。区司法局、区人民法院、区委依法治区办落实。\n")
    d = extract_text(text)
    assert d.meta.confidence["jurisdiction"] < 0.5  # a guess: the most-named place
    by = {a.text: a for a in d.agencies}
    assert {"区委", "区司法局", "区人民法院", "区委依法治区办"} <= set(by)
    assert by["区司法局"].iri == "" and by["天津市司法局"].iri.endswith("/120000/gov/justice")


def test_an_enforcement_bureau_named_in_the_opening_is_the_reporter_not_its_supervisor() -> None:
    # a department whose name carries 行政执法 between its field and 局; the text names its superior more often
    text = ("县委、县政府:\n2022年,绵阳市城市管理综合行政执法局在省住房城乡建设厅指导下依法行政。"
            "省住房城乡建设厅督导检查,省住房城乡建设厅通报表扬。我局推进严格规范公正文明执法,我局落实普法责任制。")
    m = extract_text(text).meta
    assert m.jurisdiction == "绵阳市城市管理综合行政执法局"
    assert m.key.endswith("urban-management")


def test_a_name_spelled_in_traditional_script_is_given_in_that_script() -> None:
    # ANNOTATION §4: a traditional-character text keeps traditional script when it spells the name out
    text = ("臺州市黃巖區人民政府2021年度法治政府建設情況報告\n2021年,黃巖區堅持依法行政,區司法局推進執法規範化。\n"
            "臺州市黃巖區人民政府\n2022年3月1日")
    m = extract_text(text).meta
    assert m.jurisdiction == "臺州市黃巖區人民政府" and m.key.startswith("331003-2021")

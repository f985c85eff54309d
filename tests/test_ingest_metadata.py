"""Report metadata (header, title, year, published, addressee) on the real reports and crafted openings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.metadata import extract_metadata, parse_date
from ingest.model import Doc

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "data" / "reports"
GOLD = ROOT / "tests" / "gold"
NAMES = sorted(p.stem for p in REPORTS.glob("*.txt"))


def meta_of(text: str):
    doc = Doc.from_text(text)
    extract_metadata(doc)
    return doc.meta


def report(name: str):
    return meta_of((REPORTS / f"{name}.txt").read_text(encoding="utf-8"))


def test_seed_report():
    text = (REPORTS / "taierzhuang-2019.txt").read_text(encoding="utf-8")
    m = meta_of(text)
    assert m.header["索引号"] == "370405/2020-00025"
    assert m.header["发布机构"] == "台儿庄区人民政府办公室"
    assert m.header["成文时间"] == "2020年01月15日"
    assert m.header["文号"] == "无"
    assert text[m.header_end :].startswith("台儿庄区人民政府关于2019年度")
    assert m.title == "台儿庄区人民政府关于2019年度法治政府建设情况的报告"
    assert text[m.title_start : m.title_end] == m.title
    assert m.year == 2019
    assert m.published == "2020-01-15"
    assert set(m.confidence) >= {"header", "title", "year", "published"}
    assert set(m.evidence) == set(m.confidence)


@pytest.mark.parametrize("name", NAMES)
def test_title_and_year_match_gold(name):
    gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    m = report(name)
    assert m.title == gold["title"]
    assert m.year == gold["year"]


def test_scores_against_gold(capsys):
    titles = years = 0
    for name in NAMES:
        gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
        m = report(name)
        titles += m.title == gold["title"]
        years += m.year == gold["year"]
    with capsys.disabled():
        print(f"\nmetadata vs gold: title {titles}/{len(NAMES)}, year {years}/{len(NAMES)}")
    assert titles == years == len(NAMES)


def test_split_title_is_joined_and_glued_title_is_cut():
    m = report("014")
    assert m.title == "陕西省人民政府办公厅2021年度法治建设工作情况报告"
    assert "\n" in Doc.from_text((REPORTS / "014.txt").read_text(encoding="utf-8")).text[m.title_start : m.title_end]
    m = report("004")
    assert m.title == "湖北省人民政府关于2023年度法治政府建设情况的报告"
    assert m.evidence["title"].startswith("title glued")


def test_no_title_openings():
    for name in ("003", "005", "006", "009"):
        assert report(name).title is None, name
    assert meta_of("根据《法治政府建设实施纲要》要求,现将我局2020年度法治政府建设情况报告如下:\n一、主要工作").year == 2020


def test_addressee():
    assert report("010").addressee == ["县委", "县政府"]
    assert report("001").addressee == []
    m = meta_of("关于2021年度法治政府建设情况的报告\n市委、市政府:\n2021年,我区依法行政。")
    assert m.addressee == ["市委", "市政府"] and m.year == 2021


def test_published_from_closing_line_byline_and_chinese_numerals():
    body = "2021年,我县坚持依法行政,推进法治政府建设。\n"
    assert meta_of("X县2021年法治政府建设情况报告\n" + body + "X县人民政府\n2022年2月28日\n").published == "2022-02-28"
    assert meta_of(body + "省政府办公厅 2022-03-15\n").published == "2022-03-15"
    assert meta_of(body + "二〇二二年一月十日\n").published == "2022-01-10"
    assert parse_date("2020年13月01日") is None


def test_year_from_publication_date_when_the_text_gives_no_year():
    m = meta_of("- 索 引 号:123/2021-1\n- 成文时间:2021年03月02日\n我县坚持依法行政,推进法治政府建设。\n")
    assert m.published == "2021-03-02" and m.year == 2020
    m = meta_of("- 成文时间:2021年12月20日\n- 标 题:关于法治建设的报告\n今年以来,我县坚持依法行政。\n")
    assert m.year == 2021 and m.title is None and m.header["标题"] == "关于法治建设的报告"


def test_traditional_title_keeps_its_script():
    m = meta_of("司法部2021年度法治政府建設情況報告\n2021年,司法部堅持依法行政。")
    assert m.title == "司法部2021年度法治政府建設情況報告" and m.year == 2021


def test_header_fields_on_one_line_and_under_the_title():
    m = meta_of("来源:XX区司法局  发布时间:2021-03-01 10:00\nXX区司法局2020年法治政府建设工作报告\n今年以来,我局依法行政。")
    assert m.header == {"来源": "XX区司法局", "发布时间": "2021-03-01 10:00"}
    assert m.title == "XX区司法局2020年法治政府建设工作报告" and m.published == "2021-03-01"
    m = meta_of("XX县2020年法治政府建设情况报告\n发布时间:2021-01-03\n2020年,我县依法行政。")
    assert m.title == "XX县2020年法治政府建设情况报告" and m.header_end == 0 and m.published == "2021-01-03"


def test_title_whose_last_words_wrap_to_the_next_line():
    m = meta_of("关于2020年度法治政府建设情况\n的报告\n2020年,我县依法行政。\nXX县人民政府\n2021年1月5日\n")
    assert m.title == "关于2020年度法治政府建设情况的报告" and m.published == "2021-01-05"


def test_a_date_inside_a_sentence_is_not_a_publication_date():
    assert meta_of("XX县2020年法治政府建设情况报告\n2020年,我县依法行政。\n2020年12月31日前完成整改").published is None


def test_year_from_a_later_paragraph_or_from_the_years_mentioned():
    m = meta_of("XX县司法局工作总结\n现将有关情况报告如下:\n2019年,我局依法行政。")
    assert m.year == 2019 and m.confidence["year"] < 0.9
    m = meta_of("XX县司法局工作总结\n我局依法行政,2018年办理3件,2019年办理5件,2019年全部办结。")
    assert m.year == 2019 and m.confidence["year"] < 0.5


def test_red_header_document_number_and_attachment_lines_before_the_title():
    m = meta_of("某县人民政府文件\n某政发〔2023〕5号\n某县人民政府关于2022年度法治政府建设情况的报告\n市人民政府:\n"
                "2022年,我县依法行政。\n某县人民政府\n2023年1月5日\n")
    assert m.title == "某县人民政府关于2022年度法治政府建设情况的报告"
    assert m.header["文号"] == "某政发〔2023〕5号" and m.addressee == ["市人民政府"]
    assert m.year == 2022 and m.published == "2023-01-05"
    assert meta_of("附件1\n某县2022年法治政府建设情况报告\n2022年,我县依法行政。").title == "某县2022年法治政府建设情况报告"


def test_page_furniture_before_a_repeated_title():
    text = ("天津市静海区人民政府 2019年12月3日星期二\n\n无障碍 简体| 繁体\n\n静海区2023年度法治政府建设情况报告\n"
            "来源:静海区人民政府办公室 发布时间:2024-03-28 09:18\n\n静海区2023年度法治政府建设情况报告\n\n\n"
            " 2023年,静海区坚持以习近平新时代中国特色社会主义思想为指导。\n\n一、区政府主要负责同志履行职责情况\n")
    m = meta_of(text)
    assert m.title == "静海区2023年度法治政府建设情况报告"
    assert m.title_start == text.rindex("静海区2023年度法治政府建设情况报告")  # the document's own title line
    assert m.year == 2023 and m.published == "2024-03-28" and m.header["来源"] == "静海区人民政府办公室"
    assert meta_of("当前位置:首页>政务公开>法治政府建设\n2022年,我县依法行政。").title is None


def test_title_year_skips_cited_titles_and_ranges():
    m = meta_of("某县贯彻落实《法治政府建设实施纲要(2021-2025年)》2022年度情况报告\n2022年,我县依法行政。")
    assert m.year == 2022
    assert meta_of("某县2021—2025年规划实施和2022年度法治政府建设情况报告\n我县依法行政。").year == 2022


def test_addressee_is_an_opening_line_only():
    m = meta_of("某县2022年法治政府建设情况报告\n某市人力资源和社会保障局、某县人民政府:\n2022年,我局依法行政。")
    assert m.addressee == ["某市人力资源和社会保障局", "某县人民政府"]
    m = meta_of("某县2022年法治政府建设情况报告\n2022年,我局依法行政,取得成效。\n一、主要工作:\n")
    assert m.addressee == []


def test_raw_portal_page_opening():
    text = ("今天是:2019年10月31日 星期三 农历十月初七\n工作报告\n\n您所在的位置:政务公开 > 工作报告\n\n"
            "2020年静海区法治政府建设情况报告\n文章来源:司法局 更新时间:2021/03/29 11:30:01\n\n\n"
            "2020年静海区法治政府建设情况报告\n\n\n2020年,静海区坚持以习近平新时代中国特色社会主义思想为指导。\n\n"
            "一、2020年推进法治政府建设的主要举措和成效\n")
    m = meta_of(text)
    assert m.title == "2020年静海区法治政府建设情况报告" and m.title_start == text.rindex(m.title)
    assert m.year == 2020 and m.published == "2021-03-29" and m.header["文章来源"] == "司法局"


def test_printing_line_gives_the_publication_date():
    m = meta_of("某县2022年法治政府建设情况报告\n2022年,我县依法行政。\n某县人民政府办公室 2023年1月10日印发\n")
    assert m.published == "2023-01-10"

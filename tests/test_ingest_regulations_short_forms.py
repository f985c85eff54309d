"""Short forms of national laws that a report leaves undefined link to the full title's IRI."""

from __future__ import annotations

import pytest

from ingest.model import Doc
from ingest.national_laws import ABBREVIATIONS, NATIONAL_TITLES, full_title
from ingest.regulations import extract_regulations


def iris(text: str) -> dict[str, str]:
    doc = Doc.from_text(text)
    extract_regulations(doc)
    return {r.text: r.iri for r in doc.regulations}


def test_prefix_and_truncated_forms_share_the_full_titles_iri() -> None:
    found = iris(
        "认真贯彻《中华人民共和国行政复议法》,落实《复议法》《复议法实施条例》,"
        "执行《强制法》和《行政强制法》,依照《政府信息公开条例》《信息公开条例》办理,"
        "学习《行政诉讼法》《中华人民共和国行政诉讼法》。"
    )
    assert found["复议法"] == found["中华人民共和国行政复议法"]
    assert found["复议法实施条例"].endswith("/xing-zheng-fu-yi-fa-shi-shi-tiao-li")
    assert found["强制法"] == found["行政强制法"]
    assert found["信息公开条例"] == found["政府信息公开条例"]
    assert found["行政诉讼法"] == found["中华人民共和国行政诉讼法"]


def test_the_same_short_form_links_in_a_report_that_never_names_the_full_title() -> None:
    alone = iris("依法办理《许可法》规定的事项。")["许可法"]
    assert alone == iris("严格执行《中华人民共和国行政许可法》。")["中华人民共和国行政许可法"]


@pytest.mark.parametrize(
    ("short", "expected"),
    [
        ("复议法", "行政复议法"),
        ("赔偿法", "国家赔偿法"),
        ("营商环境条例", "优化营商环境条例"),
        ("保密法", "保守国家秘密法"),
        ("地方组织法", "地方各级人民代表大会和地方各级人民政府组织法"),
        ("诉讼法", None),  # 行政, 民事 and 刑事诉讼法: ambiguous
        ("处罚法", None),  # 行政处罚法 or 治安管理处罚法
        ("教育法", None),  # a law of its own, though 义务教育法 ends with it
        ("行政处罚法", None),  # already full
        ("环境保护条例", None),  # no national regulation ends so: a local one
        ("条例", None),
    ],
)
def test_full_title(short: str, expected: str | None) -> None:
    assert full_title(short) == expected


def test_abbreviations_point_into_the_table() -> None:
    assert set(ABBREVIATIONS.values()) <= NATIONAL_TITLES
    assert not any(t.startswith("中华人民共和国") for t in NATIONAL_TITLES)


def test_a_short_form_the_report_defines_wins() -> None:
    found = iris("制定《枣庄市物业管理办法》(以下简称《办法》),《办法》明确了职责。")
    assert len(set(found.values())) == 1

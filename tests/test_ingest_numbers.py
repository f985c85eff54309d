"""Number parsing: Arabic, Chinese numerals, 万/亿 scaling (ingest.numbers)."""

from __future__ import annotations

import pytest

from ingest.numbers import decimals, parse_chinese, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("53", 53),
        ("1,234", 1234),
        ("1,234.5", 1234.5),
        ("69.23", 69.23),
        ("100.0", 100),
        ("两", 2),
        ("一", 1),
        ("十", 10),
        ("十五", 15),
        ("二十", 20),
        ("一百二十", 120),
        ("三千零五", 3005),
        ("两万", 20000),
        ("三万五千", 35000),
        ("一千二百万", 12_000_000),
        ("五亿", 500_000_000),
        ("二〇一九", 2019),
        ("1.2万", 12000),
        ("3.5万", 35000),
        ("2亿", 200_000_000),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    parsed = parse_number(text)
    assert parsed == value
    assert isinstance(parsed, int) == (value == int(value))


@pytest.mark.parametrize("text", ["", "abc", "一二三十", "1.2.3", "万万"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_bare_scale_characters() -> None:
    # 百万 parses as a numeral (1,000,000) but the figure grammar requires a digit before it
    assert parse_chinese("百万") == 1_000_000
    assert parse_chinese("万万") is None


def test_long_runs_are_not_numbers() -> None:
    assert parse_number("1234567890" * 500) is None
    assert parse_number("一二三四五六七八九" * 1000) is None
    assert parse_number("1" * 100) == int("1" * 100)


def test_decimals() -> None:
    assert decimals("69.23") == 2
    assert decimals("87.5") == 1
    assert decimals("100") == 0

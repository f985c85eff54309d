"""Parsing the numbers written in reports: Arabic digits, Chinese numerals, 万/亿 scaling.

``parse_number("1,234.5")`` → 1234.5, ``parse_number("两")`` → 2, ``parse_number("三千二百")`` → 3200,
``parse_number("1.2万")`` → 12000. Values are ``int`` when whole. ``None`` when the string is not a
number this module understands.
"""

from __future__ import annotations

import re

#: Chinese digits (including the financial forms and the circle zero).
CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0,
    "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "兩": 2, "俩": 2,
    "三": 3, "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6,
    "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
#: Chinese unit characters below 万.
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
#: Scaling characters: they multiply everything before them.
CN_BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL_UNITS) + "".join(CN_BIG_UNITS)

#: An Arabic number: digits with optional thousands separators (groups of exactly three) and decimals.
ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
ARABIC_RE = re.compile(rf"(?:{ARABIC})")
#: A Chinese numeral (at least one digit or 十; a bare 百/千/万 is not a number).
CHINESE_RE = re.compile(rf"[{CN_NUMERAL_CHARS}]+")


def as_number(x: float) -> int | float:
    """``x`` as an int when it is whole, else a float rounded to 10 places (kills binary noise)."""
    if abs(x - round(x)) < 1e-9:
        return int(round(x))
    return round(x, 10)


#: Longer digit runs are identifiers or garbage, not numbers (and ``int()`` refuses over 4300 digits).
MAX_DIGITS = 100


def parse_arabic(s: str) -> int | float | None:
    """``"1,234.5"`` → 1234.5; ``None`` when ``s`` is not an Arabic number (or has over ``MAX_DIGITS`` digits)."""
    s = s.strip().replace(",", "")
    if len(s) > MAX_DIGITS + 1 or not re.fullmatch(r"\d+(?:\.\d+)?", s):
        return None
    return as_number(float(s)) if "." in s else int(s)


def _parse_below_wan(s: str) -> int | None:
    """A Chinese numeral without 万/亿: 三千零五 → 3005, 十二 → 12, 二五 (digit string) → 25."""
    if not s:
        return 0
    if all(ch in CN_DIGITS for ch in s):
        if len(s) == 1:
            return CN_DIGITS[s]
        # digit-by-digit form (二〇一九); 两 never appears in it
        return int("".join(str(CN_DIGITS[ch]) for ch in s))
    total = 0
    digit: int | None = None
    for ch in s:
        if ch in CN_DIGITS:
            if digit is not None and digit != 0 and CN_DIGITS[ch] != 0:
                return None  # two digits in a row inside a positional numeral
            digit = CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            total += (1 if digit is None else digit) * CN_SMALL_UNITS[ch]
            digit = None
        else:
            return None
    if digit:
        total += digit
    return total


def parse_chinese(s: str) -> int | None:
    """A Chinese numeral → int: 两 → 2, 十五 → 15, 一百二十 → 120, 三万五千 → 35000."""
    if not s or len(s) > MAX_DIGITS or any(ch not in CN_NUMERAL_CHARS for ch in s):
        return None
    total = 0
    rest = s
    for big_char, big in sorted(CN_BIG_UNITS.items(), key=lambda kv: -kv[1]):
        if big_char in rest:
            head, _, rest = rest.partition(big_char)
            if big_char in rest:
                return None
            head_value = _parse_below_wan(head) if head else 1
            if head_value is None:
                return None
            total += head_value * big
    tail = _parse_below_wan(rest)
    if tail is None:
        return None
    return total + tail


def parse_number(s: str) -> int | float | None:
    """Any number as written: Arabic (``1,234.5``), Chinese (``两``, ``三千``), or mixed (``1.2万``)."""
    s = s.strip()
    if not s:
        return None
    value = parse_arabic(s)
    if value is not None:
        return value
    m = re.fullmatch(rf"({ARABIC})\s*([万萬亿億]+)", s)
    if m:
        base = parse_arabic(m.group(1))
        if base is None:
            return None
        factor = 1
        for ch in m.group(2):
            factor *= CN_BIG_UNITS[ch]
        return as_number(base * factor)
    return parse_chinese(s)


def decimals(number_text: str) -> int:
    """How many decimals ``number_text`` is written with (``69.23`` → 2, ``100`` → 0)."""
    _, dot, frac = number_text.partition(".")
    return len(frac) if dot else 0

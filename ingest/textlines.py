"""Line spans and layout facts shared by the metadata and sections components.

All offsets are into ``Doc.norm`` (same length as ``Doc.text``), half-open.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

_QUOTED = re.compile(r"《[^《》\n]{0,300}》|“[^“”\n]{0,300}”")


@dataclass(frozen=True)
class Line:
    """One line: ``start``/``end`` exclude the line break; ``lstart``/``rend`` exclude surrounding spaces."""

    start: int
    end: int
    lstart: int
    rend: int

    @property
    def blank(self) -> bool:
        return self.lstart >= self.rend


def lines(norm: str) -> list[Line]:
    """Every line of ``norm`` (split on ``\\n``; ``normalize`` turned ``\\r`` into ``\\n``)."""
    out: list[Line] = []
    pos = 0
    n = len(norm)
    while pos <= n:
        nl = norm.find("\n", pos)
        end = n if nl < 0 else nl
        seg = norm[pos:end]
        stripped_left = len(seg) - len(seg.lstrip())
        stripped_right = len(seg.rstrip())
        out.append(Line(pos, end, pos + stripped_left, pos + max(stripped_right, stripped_left)))
        if nl < 0:
            break
        pos = nl + 1
    return out


_NONBLANK = re.compile(r"[^\S\n]*(\S(?:[^\n]*\S)?)[^\S\n]*(?=\n|$)")


def iter_nonblank(norm: str, start: int = 0, end: int | None = None) -> Iterator[Line]:
    """Non-blank lines whose text begins at or after ``start`` (and before ``end``), lazily."""
    pos = start
    stop = len(norm) if end is None else end
    while pos < stop:
        m = _NONBLANK.search(norm, pos, stop)
        if not m:
            return
        line_start = norm.rfind("\n", pos, m.start(1)) + 1 or pos
        nl = norm.find("\n", m.end(1))
        line_end = len(norm) if nl < 0 else nl
        yield Line(max(line_start, pos), line_end, m.start(1), m.end(1))
        pos = line_end + 1


def nonblank(norm: str, start: int = 0, limit: int | None = None) -> list[Line]:
    """Non-blank lines that begin at or after ``start`` (the first ``limit`` of them when given)."""
    return list(islice(iter_nonblank(norm, start), limit))


def last_nonblank(norm: str, count: int, start: int = 0) -> list[Line]:
    """The last ``count`` non-blank lines at or after ``start``, in text order."""
    out: list[Line] = []
    end = len(norm)
    while len(out) < count:
        end = start + len(norm[start:end].rstrip())  # after the last non-space character
        if end <= start:
            break
        line_start = norm.rfind("\n", start, end) + 1 or start
        nl = norm.find("\n", end)
        lstart = line_start + len(norm[line_start:end]) - len(norm[line_start:end].lstrip())
        out.append(Line(line_start, len(norm) if nl < 0 else nl, lstart, end))
        end = line_start
    return out[::-1]


def lost_line_breaks(norm: str) -> bool:
    """True when the text has lost its line breaks: one line holds (nearly) all of a long text."""
    body = norm.strip()
    if len(body) < 300:
        return False
    # a line holding 80 % of the text covers its middle: measure only the line through the middle
    middle = len(body) // 2
    start = body.rfind("\n", 0, middle) + 1
    end = body.find("\n", middle)
    longest = (len(body) if end < 0 else end) - start
    return longest >= 0.8 * len(body)


def quoted_mask(norm: str) -> bytearray:
    """1 at every offset inside a closed 《…》 or “…” span on one line (brackets included)."""
    mask = bytearray(len(norm))
    for m in _QUOTED.finditer(norm):
        mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return mask


_CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}


def cn_int(s: str) -> int | None:
    """Value of a small Chinese numeral (一 … 九十九) or of ASCII digits; ``None`` otherwise."""
    if s.isascii() and s.isdigit():
        return int(s)
    if not s:
        return None
    if "十" in s:
        tens, _, ones = s.partition("十")
        t = 1 if not tens else _CN_DIGITS.get(tens)
        o = 0 if not ones else _CN_DIGITS.get(ones)
        if t is None or o is None or len(tens) > 1 or len(ones) > 1:
            return None
        return t * 10 + o
    if len(s) == 1:
        return _CN_DIGITS.get(s)
    return None


def cn_digits_int(s: str) -> int | None:
    """Value of a digit-by-digit Chinese number (二〇一九 → 2019) or ASCII digits."""
    if s.isascii() and s.isdigit():
        return int(s)
    digits = [_CN_DIGITS.get(ch) for ch in s]
    if not digits or any(d is None for d in digits):
        return None
    return int("".join(str(d) for d in digits))

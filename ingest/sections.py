"""Numbered section headings, their levels, extents and nesting (ANNOTATION §9).

Marker types and levels (the level follows the marker type, never the nesting):

=============  =========================  =====
type           marker as written          level
=============  =========================  =====
``cn``         一、 (also 一. 一,)          1
``paren_cn``   (一) （一）                  2
``arabic``     1. 1、 1．                  3
``paren_num``  (1) （1）                   4
``circled``    ① ②                        4
``shi``        一是 二是 (paragraph/inline) 4
=============  =========================  =====

(1) and ① are not in the annotation table; they are the fourth tier of the usual 一、/(一)/1./(1)
scheme, so they take level 4 like 一是.

Headings 一、 … (1) count at the start of a line. Where the text lost its line breaks they also count
after a sentence end, or glued to the previous title (…成效(一)加强…), when they continue their
sequence (a glued 一、 never counts: 统一、规范), or repeat the last number before a short heading
(4.…。4.加强执法监督。). Where line breaks were kept, a 二、 or (二) run into a paragraph after a sentence
end counts when it continues its sequence. 一是 items (and ① ② items) count at a line start or after a
sentence or clause end (。;:!?), and after a comma or glued inside a run (一是 followed by 二是 in its
paragraph).
Titles stop at the first 。, the line end or the next heading; where line breaks were lost, a long
title is also cut before the first word that opens a body sentence (坚持, 全面, 深入 …).
Nothing inside a closed 《…》 or “…” counts, nor ``1.`` followed by a digit (1.5), nor anything in the
CMS header or the title.

``parent`` is decided by nesting in the text, not by marker type: a heading whose type is already open
closes that heading and everything under it (a sibling); any other type opens inside the innermost open
heading. 一是 items are leaves: the next heading of another type closes them.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.model import Doc, Section
from ingest.textlines import cn_int, lost_line_breaks, quoted_mask

_CN = "一二三四五六七八九十"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
#: Headings kept at most: real reports have a few hundred; beyond this the text is not a report.
MAX_SECTIONS = 5000
LEVELS = {"cn": 1, "paren_cn": 2, "arabic": 3, "paren_num": 4, "circled": 4, "shi": 4}

_MARKER = re.compile(
    rf"(?P<cn>[{_CN}]{{1,3}})\s*(?P<cn_sep>[、.,])"
    rf"|(?P<paren_cn>\(\s*[{_CN}]{{1,3}}\s*\))\s*、?"
    rf"|(?P<arabic>\d{{1,2}})\s*(?P<arabic_sep>[.、])(?!\d)"
    rf"|(?P<paren_num>\(\s*\d{{1,2}}\s*\))\s*、?"
    rf"|(?P<circled>[{_CIRCLED}])"
    rf"|(?P<shi>[{_CN}]{{1,3}}是)"
)
# The marker type of a match from the name of its last group (一、 ends in cn_sep, 1. in arabic_sep).
_KIND_OF_GROUP = {"cn_sep": "cn", "arabic_sep": "arabic"}
# Candidates anywhere: a line start (after indentation) or a sentence/clause end before the marker.
# The lookahead holds the whole marker, so the engine (not the loop) skips what cannot be a heading.
_CANDIDATE = re.compile(rf"(?:(?<=[\n。;:!?,])|\A)[ \t]*(?=[{_CN}(\d{_CIRCLED}])(?=(?:{_MARKER.pattern}))")
# Where the line breaks were lost, a heading may also follow the previous title with no punctuation.
_GLUED_CANDIDATE = re.compile(rf"(?<=[\u4e00-\u9fff”》)])(?=[{_CN}(\d{_CIRCLED}])(?=(?:{_MARKER.pattern}))")
# Characters that make a word with a following numeral (第一, 统一, 唯一, 之一 …): no heading there.
_WORD_BEFORE_NUMERAL = set("第统唯之同单万专划不逐其初十百千")
_SENTENCE_END = "。;!?:"
_NUMERAL_LIST = re.compile(rf"(?:[{_CN}]{{1,3}}|\d{{1,2}})[、,](?:[{_CN}]{{1,3}}|\d{{1,2}})")
# A short heading closed by 。 (a repeated inline number counts only before one of these).
_SHORT_HEADING = re.compile(r"[^。，,;；:：\n\d]{2,20}。")
# Where a heading that lost its line break runs into the body: words that open a body sentence.
_BODY_OPENERS = re.compile(
    r"坚持|全面|深入|认真|严格|加强|推进|持续|围绕|按照|紧紧|聚焦|健全|完善|强化|进一步|大力|积极|扎实|始终|牢固|"
    r"着力|不断|切实|高度|结合|制定|建立|开展|组织|今年|全年|\d{4}年"
)


@dataclass
class _Hit:
    kind: str
    start: int  # marker start
    title_start: int
    number: str
    value: int | None
    at_line_start: bool


def _number_as_written(text: str, m: re.Match[str], kind: str) -> str:
    if kind == "cn":
        return text[m.start("cn") : m.end("cn")]
    if kind == "arabic":
        digits = text[m.start("arabic") : m.end("arabic")]
        sep = m.group("arabic_sep")
        return digits + text[m.start("arabic_sep") : m.end("arabic_sep")] if sep == "." else digits
    return text[m.start(kind) : m.end(kind)]


@lru_cache(maxsize=1024)
def _value(s: str, kind: str) -> int | None:
    if kind == "circled":
        return _CIRCLED.index(s) + 1
    return cn_int(re.sub(r"[()\s是.、]", "", s))


def _find_hits(doc: Doc, skip_until: int, title_span: tuple[int, int], lost: bool) -> list[_Hit]:
    norm, text = doc.norm, doc.text
    mask = quoted_mask(norm)
    hits: list[_Hit] = []
    last_value: dict[str, int] = {}  # per marker type, for sequence checks of inline headings
    shi_prev: int | None = None  # number of the last 一是-type item in the current paragraph
    paragraph_start = line_start = scanned = 0
    run_follows = _RunFollows(norm)
    candidates = _CANDIDATE.finditer(norm, skip_until)
    if lost:
        candidates = heapq.merge(candidates, _GLUED_CANDIDATE.finditer(norm, skip_until), key=lambda c: c.start())
    for c in candidates:
        if len(hits) >= MAX_SECTIONS:
            doc.warnings.append(f"{doc.source}: more than {MAX_SECTIONS} numbered headings; kept the first {MAX_SECTIONS}")
            break
        pos = c.end()
        nl = norm.rfind("\n", scanned, pos)  # only the stretch not scanned yet: linear over the text
        scanned = pos
        if nl >= 0:
            line_start = nl + 1
        if title_span[0] <= pos < title_span[1] or mask[pos]:
            continue
        m = _MARKER.match(norm, pos)
        if not m:
            continue
        kind = _KIND_OF_GROUP.get(m.lastgroup or "", m.lastgroup or "")
        at_line_start = c.start() == line_start
        if line_start > paragraph_start:
            paragraph_start, shi_prev = line_start, None
        title_start = m.end()
        while title_start < len(norm) and norm[title_start] in " \t":
            title_start += 1
        if title_start >= len(norm) or norm[title_start] in "\n、,,。;:":
            continue  # a bare marker
        if kind in ("cn", "arabic") and _NUMERAL_LIST.match(norm, title_start):
            continue  # a list of numerals: 一、二、三级 …, 1、2、3号
        if kind in ("cn", "arabic") and not at_line_start and norm[m.end() - 1] not in "、.":
            continue
        value = _value(m.group(kind), kind)
        prev_char = norm[c.start() - 1] if c.start() > 0 else "\n"
        glued = not at_line_start and prev_char not in _SENTENCE_END and prev_char not in ",\n"
        if glued and not _glued_heading_ok(kind, value, prev_char, last_value, shi_prev, run_follows, title_start,
                                          m.group("cn_sep") or m.group("arabic_sep")):
            continue
        if kind == "shi":
            if norm[title_start] in _CN and norm[title_start + 1 : title_start + 2] == "是":
                continue  # 一是一、二是二
            if prev_char == "," and not at_line_start:
                # After a comma only inside a run: 二是 follows 一是, or 一是 is followed by 二是 in its paragraph.
                if shi_prev is not None and value != shi_prev + 1 and not (value == 1 and run_follows(title_start)):
                    continue  # (a new 一是…二是 run may begin where an earlier one ended: lost line breaks)
                if shi_prev is None and (value != 1 or not run_follows(title_start)):
                    continue
            shi_prev = value
        elif not at_line_start and not glued:
            # Inline 一、/(一)/(1) only after a sentence end, in sequence, and where the line breaks were
            # lost; with line breaks, only 一、/(一) that continue their sequence (…成效。二、存在的问题).
            in_sequence = value is not None and value > 1 and value == last_value.get(kind, 0) + 1
            if prev_char == "," and lost and kind == "paren_cn" and in_sequence:
                pass  # …培训4200人次,(三)加强重点领域执法: a lost 。 before a heading in sequence
            elif prev_char not in _SENTENCE_END or (
                not lost
                and not _merged_heading(kind, value, last_value, norm, title_start)
                and not _circled_item(norm, kind, value, last_value, title_start)
            ):
                continue
            expected = last_value.get(kind, 0) + 1
            if value is None or (
                value not in (expected, 1) and not (value == expected - 1 and _short_heading(norm, title_start))
            ):
                continue  # out of sequence; a repeated number counts when a short heading follows (4.…。4.…。)
        if value is not None:
            last_value[kind] = value
        hits.append(_Hit(kind, pos, title_start, _number_as_written(text, m, kind), value, at_line_start))
        inner = _MARKER.match(norm, title_start) if kind != "shi" else None
        if inner and inner.group("shi") and not mask[title_start]:  # 二、一是… : an item opens the heading
            shi_prev = _value(inner.group("shi"), "shi")
            hits.append(_Hit("shi", title_start, inner.end(), text[title_start : inner.end()], shi_prev, False))
    return hits


def _merged_heading(kind: str, value: int | None, last_value: dict[str, int], norm: str, title_start: int) -> bool:
    """A 二、, (二) or (2) run into a paragraph of a text that kept its line breaks: it continues its
    sequence, or it opens one (value 1) with a short heading (…5次。(1)健全组织体系。)."""
    if kind not in ("cn", "paren_cn", "paren_num") or value is None:
        return False
    if value == 1:
        return _short_heading(norm, title_start)
    return value == last_value.get(kind, 0) + 1


def _circled_item(norm: str, kind: str, value: int | None, last_value: dict[str, int], title_start: int) -> bool:
    """An inline ① … ② item (like 一是 … 二是): the next in its run, or ① with ② after it in the line."""
    if kind != "circled" or value is None:
        return False
    if value == last_value.get("circled", 0) + 1 and value > 1:
        return True
    line_end = norm.find("\n", title_start, title_start + 300)
    return value == 1 and norm.find("②", title_start, line_end if line_end >= 0 else title_start + 300) >= 0


def _short_heading(norm: str, title_start: int) -> bool:
    """Whether a heading-like clause follows: a few words ending in 。 with no comma or digit (加强执法监督。)."""
    return _SHORT_HEADING.match(norm, title_start) is not None


def _glued_heading_ok(
    kind: str, value: int | None, prev_char: str, last_value: dict[str, int], shi_prev: int | None,
    run_follows: _RunFollows, title_start: int, sep: str | None,
) -> bool:
    """A marker right after a word (lost line breaks only): a heading when it continues its sequence."""
    if value is None or prev_char in _WORD_BEFORE_NUMERAL:
        return False
    if kind == "shi":
        return (shi_prev is not None and value == shi_prev + 1) or (value == 1 and run_follows(title_start))
    if kind == "cn":  # 一、 is never glued (统一、规范); 二、 … continue a sequence already begun
        return sep == "、" and value == last_value.get("cn", 0) + 1 and value > 1
    if kind == "arabic" and sep != ".":
        return False
    return value in (last_value.get(kind, 0) + 1, 1)


class _RunFollows:
    """Whether a 二是 follows a position in the same paragraph, within ``window`` characters.

    Called with increasing positions; it remembers the next 二是 and the next line break, so a text
    full of candidates costs one pass.
    """

    def __init__(self, norm: str, window: int = 600) -> None:
        self.norm, self.window = norm, window
        self.next_item = self.next_break = -1

    def __call__(self, pos: int) -> bool:
        n = len(self.norm)
        if self.next_item < pos:
            found = self.norm.find("二是", pos)
            self.next_item = n if found < 0 else found
        if self.next_break < pos:
            found = self.norm.find("\n", pos)
            self.next_break = n if found < 0 else found
        return self.next_item < min(self.next_break, pos + self.window)


def _title_end(norm: str, hit: _Hit, next_start: int, lost: bool) -> int:
    """End of a heading title: the first 。, the line end or the next heading, whichever comes first.

    A heading that opens with an item (二、一是…) keeps the item in its title.
    """
    end = next_start
    for stop in ("。", "\n"):
        i = norm.find(stop, hit.title_start, end)
        if i >= 0:
            end = i
    if lost and hit.kind != "shi" and end - hit.title_start > 30:
        end = _cut_run_on_heading(norm, hit.title_start, end)
    while end > hit.title_start and norm[end - 1] in " \t;,,":
        end -= 1
    return end


def _cut_run_on_heading(norm: str, start: int, end: int) -> int:
    """Where a heading that ran into its body (lost line breaks) ends: before the first body opener."""
    clause_start = start
    for k, clause in enumerate(re.split(r"(?<=,)", norm[start:end])):
        min_offset = 8 if k == 0 else 4
        for m in _BODY_OPENERS.finditer(clause, min_offset):
            return clause_start + m.start()
        clause_start += len(clause)
    return end


def _nest(hits: list[_Hit]) -> tuple[list[int | None], list[int]]:
    """Parent index and nesting depth per hit."""
    stack: list[int] = []
    parents: list[int | None] = []
    depths: list[int] = []
    for i, hit in enumerate(hits):
        kinds = [hits[j].kind for j in stack]
        if hit.kind in kinds:
            del stack[kinds.index(hit.kind) :]
        else:
            while stack and hits[stack[-1]].kind == "shi":
                stack.pop()
        parents.append(stack[-1] if stack else None)
        depths.append(len(stack))
        stack.append(i)
    return parents, depths


def extract_sections(doc: Doc) -> None:
    """Fill ``doc.sections`` with every numbered heading, in text order."""
    meta = doc.meta
    title_span = (meta.title_start, meta.title_end) if meta.title and meta.title_start >= 0 else (0, 0)
    lost = lost_line_breaks(doc.norm)
    hits = _find_hits(doc, meta.header_end, title_span, lost)
    if not hits:
        return
    parents, depths = _nest(hits)
    n = len(doc.text)
    for i, hit in enumerate(hits):
        # The next heading that starts after this title begins (二、一是…: the item is inside the title).
        k = i + 1
        while k < len(hits) and (
            hits[k].start <= hit.title_start or (hit.kind != "shi" and hits[k].kind == "shi")
        ):
            k += 1
        next_start = hits[k].start if k < len(hits) else n
        title_end = max(_title_end(doc.norm, hit, next_start, lost), hit.title_start)
        end = next((hits[j].start for j in range(i + 1, len(hits)) if depths[j] <= depths[i]), n)
        end = hit.start + len(doc.text[hit.start : end].rstrip())  # trailing blank lines stay outside
        doc.sections.append(
            Section(
                number=hit.number,
                title=doc.text[hit.title_start : title_end],
                level=LEVELS[hit.kind],
                start=hit.start,
                end=end,
                title_start=hit.title_start,
                title_end=title_end,
                parent=parents[i],
            )
        )

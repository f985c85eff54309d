"""Report metadata: CMS header list, title, year reported on, publication date and addressee.

Fills ``doc.meta`` fields ``header``/``header_end``, ``title``/``title_start``/``title_end``, ``year``,
``published``, ``addressee`` and a ``confidence``/``evidence`` entry for each field it sets. Matching
runs on ``doc.norm``; every value is sliced from ``doc.text`` (values as written). Issuer and
jurisdiction are left to ``ingest.jurisdiction``.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from ingest.model import Doc, ReportMeta
from ingest.textlines import Line, cn_digits_int, cn_int, iter_nonblank, last_nonblank, nonblank

# ---------------------------------------------------------------------------- CMS header list

#: Keys of the metadata lists that government CMS pages put above a document (spaces removed).
HEADER_KEYS = frozenset(
    "索引号 主题分类 发布机构 发文机关 发文机构 发布单位 成文时间 成文日期 文号 发文字号 文件编号 发文时间 发文日期 "
    "发布时间 发布日期 公开日期 生成日期 更新时间 标题 名称 信息名称 效力状态 有效性 时效 来源 信息来源 文章来源 "
    "主题词 关键词 公开方式 公开范围 公开时限 体裁分类 组配分类 内容分类 所属机构 分类 主题 浏览次数 统一编号".split()
)
_HEADER_LINE = re.compile(r"[-*•·]?\s*([\u4e00-\u9fff][\u4e00-\u9fff ]{0,10}[\u4e00-\u9fff])\s*:\s*(.*)")
_MAX_HEADER_LINES = 40
#: Header keys that carry the publication date, best first.
_DATE_KEYS = ("成文时间", "成文日期", "发文时间", "发文日期", "发布时间", "发布日期", "公开日期", "生成日期", "更新时间")


_KEY_ANYWHERE = re.compile(
    "(" + "|".join(r"\s*".join(k) for k in sorted(HEADER_KEYS, key=len, reverse=True)) + r")\s*:"
)


#: A row of a table-style CMS header (``| 发布机构 | 某某县人民政府 | 发文日期 | 2021-03-01 |``) and its rule line.
_TABLE_ROW = re.compile(r"\s*\|.*\|\s*")
_TABLE_CELL = re.compile(r"\|([^|\n]*)(?=\|)")
_TABLE_RULE = re.compile(r"\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*")


def _table_items(norm: str, ln: Line) -> list[tuple[str, int, int]]:
    """(key, value start, value end) per known key cell of a table row (the value is the next cell,
    or the rest of the cell after ``键:``)."""
    cells = [c.span(1) for c in _TABLE_CELL.finditer(norm, ln.lstart, ln.rend)]
    items = []
    for k, (cs, ce) in enumerate(cells):
        raw = norm[cs:ce]
        key, colon, rest = raw.partition(":")
        key = re.sub(r"\s+", "", key)
        if key not in HEADER_KEYS:
            continue
        if colon and rest.strip():
            items.append((key, cs + raw.index(":") + 1, ce))
        elif k + 1 < len(cells):
            items.append((key, cells[k + 1][0], cells[k + 1][1]))
    return items


def _header_items(norm: str, ln: Line) -> list[tuple[str, int, int]]:
    """(key, value start, value end) per field when ``ln`` is a ``- 键:值`` header line or a table row.

    A line may hold several known fields (``来源:司法局  发布时间:2021-03-01``).
    """
    if _TABLE_ROW.fullmatch(norm, ln.lstart, ln.rend):
        return _table_items(norm, ln)
    m = _HEADER_LINE.fullmatch(norm, ln.lstart, ln.rend)
    if not m:
        return []
    key = re.sub(r"\s+", "", m.group(1))
    bulleted = norm[ln.lstart] in "-*•·"
    if key not in HEADER_KEYS:
        return [(key, m.start(2), m.end(2))] if bulleted and len(key) <= 6 else []
    keys = []
    for km in _KEY_ANYWHERE.finditer(norm, m.start(1), min(ln.rend, m.start(1) + 4000)):
        if keys and km.start() - keys[-1].end() > 120:  # the list ended long before this key
            break
        keys.append(km)
    items = []
    for k, km in enumerate(keys):
        key = re.sub(r"\s+", "", km.group(1))
        value_end = keys[k + 1].start() if k + 1 < len(keys) else ln.rend
        if k + 1 == len(keys) and ln.rend - ln.lstart > _LONG_LINE:
            value_end = _bounded_value_end(norm, key, km.end(), value_end)
        while value_end > km.end() and norm[value_end - 1] in " -*•·":  # the next field's bullet
            value_end -= 1
        items.append((key, km.end(), value_end))
    return items


#: A header line longer than this has lost its line breaks: its last value runs into the text.
_LONG_LINE = 300
#: What the last value of a run-on header line can be, by key (anything else: at most 30 characters).
_VALUE_SHAPES = {
    "效力状态": r"现行有效|部分有效|有效|失效|已废止|废止|已修改|无",
    "有效性": r"有效|失效|废止|无",
    "时效": r"现行有效|有效|失效|废止|无",
    "文号": r"无|[\u4e00-\u9fffA-Za-z]{1,12}\s*[〔\[(【]\s*\d{4}\s*[〕\])】]\s*\d{1,4}\s*号",
    "发文字号": r"无|[\u4e00-\u9fffA-Za-z]{1,12}\s*[〔\[(【]\s*\d{4}\s*[〕\])】]\s*\d{1,4}\s*号",
    "索引号": r"[0-9A-Za-z/\-_.]+",
    "标题": r"[^,。;:!?]{4,80}?(?:报告|汇报|总结)",
}


def _bounded_value_end(norm: str, key: str, start: int, end: int) -> int:
    """Where the last value of a run-on header line ends."""
    shape = _VALUE_SHAPES.get(key)
    if shape is None and key in _DATE_KEYS:
        shape = r"\d{4}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    m = re.compile(r"\s*(?:" + shape + ")").match(norm, start, end) if shape else None
    return m.end() if m else min(end, start + 30)


def _extract_header(doc: Doc) -> None:
    """The CMS list at the top of the text (within its first five non-blank lines)."""
    norm, text, meta = doc.norm, doc.text, doc.meta
    found: dict[str, str] = {}
    end = 0
    first = -1  # index of the first header line among the non-blank lines
    for i, ln in enumerate(iter_nonblank(norm)):
        items = _header_items(norm, ln) if i < _MAX_HEADER_LINES else []
        if not items and i < _MAX_HEADER_LINES and _TABLE_RULE.fullmatch(norm, ln.lstart, ln.rend):
            if first >= 0:
                end = ln.end + 1 if ln.end < len(norm) else ln.end
            continue  # |---|---| between the rows of a table-style header
        if not items:
            if first >= 0 or i >= 5:
                break
            continue
        if first < 0:
            first = i
        for key, vs, ve in items:
            found.setdefault(key, text[vs:ve].strip())
        end = ln.end + 1 if ln.end < len(norm) else ln.end
        if ln.rend - ln.lstart > _LONG_LINE:  # the text goes on after the last value
            end = items[-1][2]
            break
    known = [k for k in found if k in HEADER_KEYS]
    if len(found) >= 2 or known:
        meta.header = found
        # A list at the top is page furniture before the document; fields under a title are kept,
        # but the text before them stays the document's opening.
        meta.header_end = min(end, len(norm)) if first == 0 else 0
        meta.confidence["header"] = 1.0 if len(known) >= 2 else 0.7
        where = f"before offset {meta.header_end}" if first == 0 else "under the opening lines"
        meta.evidence["header"] = f"CMS list of {len(found)} field(s) {where}"


# ---------------------------------------------------------------------------- title

_REPORT_WORD = re.compile(r"报告|汇报|总结|情况|工作要点|年报")
_SENTENCE_PUNCT = re.compile(r"[。;!?]")
_MARKER_START = re.compile(r"(?:[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、](?!\d)|[一二三四五六七八九十]是)")
_OPENING = re.compile(r"(?:根据|按照|依据|为|现将|今年|近年|\d{4}年(?:度)?(?:以来)?[,是])")
#: A body whose name ends a first title line that goes on on the next line (陕西省人民政府办公厅 / 2021年度…报告).
_ISSUER_END = re.compile(r"(?:政府|办公厅|办公室|委员会|局|厅|委|部|院|署|办事处|街道|镇|乡|中心|党组|党委|公司)$")
#: A title glued to the body when line breaks were lost: the text up to the first 报告/汇报 with no punctuation.
_GLUED_TITLE = re.compile(r"(?! )[^,。;:!?《》“”()\n]{4,70}?(?:报告|汇报|总结)(?=\S)")


def _title_like(norm: str, ln: Line) -> bool:
    """A line that reads as a document title."""
    s = norm[ln.lstart : ln.rend]
    if not (4 <= len(s) <= 80) or ":" in s or _PAGE_JUNK.search(s):
        return False
    if _SENTENCE_PUNCT.search(s) or _MARKER_START.match(s) or _OPENING.match(s):
        return False
    if "," in s and len(s) > 40:
        return False
    # A report word with a sign of the genre (法, a year), or 法治 in a short line: not 工作报告 alone.
    if _REPORT_WORD.search(s) and re.search(r"法|年|度", s) and len(s) >= 6:
        return True
    return "法治" in s and "," not in s and len(s) <= 50


def _first_line_of_title(norm: str, ln: Line) -> bool:
    """A short name-like line that may begin a title split over two lines."""
    s = norm[ln.lstart : ln.rend]
    return (
        2 <= len(s) <= 40
        and not re.search(r"[,。;:!?,]", s)
        and not _REPORT_WORD.search(s)
        and not _MARKER_START.match(s)
        and bool(_ISSUER_END.search(s) or s.startswith("关于"))
    )


#: Marks of web-page furniture (breadcrumbs, script switches, font-size bars): never part of a title.
_PAGE_JUNK = re.compile(r"[>»|]|首页|当前位置|您的位置|无障碍|简体|繁体|字号|打印|关闭窗口|星期[一二三四五六日天]")
_TITLE_END = re.compile(r"(?:报告|汇报|总结|报告书|年报|工作要点)$")


def _title_tail(norm: str, first: Line, second: Line) -> bool:
    """``second`` finishes a title that ``first`` began (关于2020年度法治政府建设情况 / 的报告)."""
    a, b = norm[first.lstart : first.rend], norm[second.lstart : second.rend]
    return (
        not _TITLE_END.search(a)
        and norm.count("\n", first.rend, second.lstart) <= 2
        and len(b) <= 30
        and bool(_TITLE_END.search(b))
        and not re.search(r"[,。;:!?,]", a + b)
        and not _OPENING.match(b)
    )


def _opening_lines(norm: str, body: list[Line]) -> int:
    """How many lines open the text before its first body paragraph (title, junk, addressee)."""
    for k, ln in enumerate(body[:6]):
        s = norm[ln.lstart : ln.rend]
        if len(s) > 80 or "。" in s or _MARKER_START.match(s) or _OPENING.match(s):
            return k
    return min(len(body), 6)


def _extract_title(doc: Doc, body: list[Line]) -> tuple[int, int | None]:
    """Set the title. Return the index in ``body`` of the first line after it (0 when there is none)
    and, for a title glued to the body, the offset where the body starts."""
    norm, text, meta = doc.norm, doc.text, doc.meta
    if not body:
        return 0, None
    opening = _opening_lines(norm, body)
    for k in range(opening):
        line, nxt = body[k], (body[k + 1] if k + 1 < len(body) else None)
        if _title_like(norm, line):
            if nxt is not None and _title_tail(norm, line, nxt):
                joined = text[line.lstart : line.rend] + text[nxt.lstart : nxt.rend]
                _set_title(meta, joined, line.lstart, nxt.rend, 0.8, "title split over two lines, joined")
                return k + 2, None
            # A page heading repeated as the document's own title: take the one nearer the body.
            same = [j for j in range(k + 1, opening) if norm[body[j].lstart : body[j].rend] == norm[line.lstart : line.rend]]
            if same:
                line, k = body[same[-1]], same[-1]
            why = "first line" if k == 0 else f"line {k + 1} of the opening"
            _set_title(meta, text[line.lstart : line.rend], line.lstart, line.rend, 0.9 if k == 0 else 0.75, why)
            return k + 1, None
        adjacent = nxt is not None and norm.count("\n", line.rend, nxt.lstart) <= 2
        if adjacent and _first_line_of_title(norm, line) and _title_like(norm, nxt):
            joined = text[line.lstart : line.rend] + text[nxt.lstart : nxt.rend]
            _set_title(meta, joined, line.lstart, nxt.rend, 0.85, "title split over two lines, joined")
            return k + 2, None
    if opening < len(body):
        first = body[opening]
        m = _GLUED_TITLE.match(norm, first.lstart, first.rend)
        if m and not _OPENING.match(norm, first.lstart) and ("法" in m.group() or "年" in m.group()):
            _set_title(meta, text[m.start() : m.end()], m.start(), m.end(), 0.75, "title glued to the body, cut after 报告")
            return opening, m.end()
    # No title line. The CMS list's 标题 stays in ``meta.header`` only: the list is page furniture,
    # not the document (ANNOTATION §1, §4).
    return 0, None


def _set_title(meta: ReportMeta, title: str, start: int, end: int, conf: float, why: str) -> None:
    meta.title, meta.title_start, meta.title_end = title, start, end
    meta.confidence["title"] = conf
    meta.evidence["title"] = why


# ---------------------------------------------------------------------------- addressee

_ADDRESSEE = re.compile(r"(?:尊敬的)?([^,。;:!?《》“”\d]{2,40}):")


def _extract_addressee(doc: Doc, body: list[Line], after: int) -> None:
    """An opening line such as ``县委、县政府:`` right after the title."""
    norm, text, meta = doc.norm, doc.text, doc.meta
    opening = _opening_lines(norm, body)
    for ln in body[after : min(after + 2, opening)]:
        m = _ADDRESSEE.fullmatch(norm, ln.lstart, ln.rend)
        if not m or re.search(r"如下|报告|现将|根据", m.group(1)) or _MARKER_START.match(m.group(1)):
            continue
        names: list[str] = []
        pos = m.start(1)
        for part in re.split(r"([、,])", norm[m.start(1) : m.end(1)]):  # not 和: 人力资源和社会保障局
            if part and part not in "、,":
                names.append(text[pos : pos + len(part)].strip())
            pos += len(part)
        names = [n for n in names if n]
        if names and all(len(n) <= 20 for n in names):
            meta.addressee = names
            meta.confidence["addressee"] = 0.9
            meta.evidence["addressee"] = f"opening line {text[ln.lstart:ln.rend]!r}"
        return


# ---------------------------------------------------------------------------- dates

_DATE = re.compile(r"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?")
_DATE_LABEL = re.compile(r"(?:发布|发文|成文|印发)?(?:时间|日期)\s*:?")
_CN_DATE = re.compile(r"([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")


def _iso(y: int | None, mo: int | None, d: int | None) -> str | None:
    try:
        return date(y, mo, d).isoformat() if y and mo and d and 1990 <= y <= 2100 else None
    except ValueError:
        return None


def parse_date(s: str) -> str | None:
    """The first date in ``s`` (2020年01月15日, 2022-03-15, 二〇二〇年一月十五日) as YYYY-MM-DD."""
    m = _DATE.search(s)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _CN_DATE.search(s)
    if m:
        return _iso(cn_digits_int(m.group(1)), cn_int(m.group(2)), cn_int(m.group(3)))
    return None


def _date_line(norm: str, ln: Line) -> tuple[str, bool] | None:
    """(ISO date, date-only) when ``ln`` is a short line holding a date (a dateline or a byline)."""
    s = norm[ln.lstart : ln.rend]
    if len(s) > 40 or _SENTENCE_PUNCT.search(s) or "," in s:
        return None
    m = _DATE.search(s) or _CN_DATE.search(s)
    if not m:
        return None
    rest = re.sub(r"\s*(?:印发|发布|签发)$", "", (s[: m.start()] + s[m.end() :]).strip(" ()[]【】"))
    # Only a date, a date beside a signature (台儿庄区人民政府 2020年1月15日) or a labelled date.
    if rest and not (_DATE_LABEL.fullmatch(rest) or (len(rest) <= 25 and _ISSUER_END.search(rest.split()[-1]))):
        return None
    iso = parse_date(m.group())
    return (iso, not rest) if iso else None


def _extract_published(doc: Doc, body: list[Line], tail: list[Line]) -> None:
    norm, meta = doc.norm, doc.meta
    for key in _DATE_KEYS:
        iso = parse_date(meta.header.get(key, "").translate({0xFF10 + i: str(i) for i in range(10)}))
        if iso:
            meta.published = iso
            meta.confidence["published"] = 0.95
            meta.evidence["published"] = f"CMS header {key}"
            return
    for ln in reversed(tail):
        found = _date_line(norm, ln)
        if found:
            meta.published = found[0]
            meta.confidence["published"] = 0.9 if found[1] else 0.8
            meta.evidence["published"] = "closing date line" if found[1] else "closing byline"
            return
    tail = norm[-30:].rstrip()
    m = _DATE.search(tail) or _CN_DATE.search(tail)
    if m and m.end() == len(tail) and (iso := parse_date(m.group())):
        meta.published = iso
        meta.confidence["published"] = 0.7
        meta.evidence["published"] = "date at the very end of the text"
        return
    for ln in body[:4]:
        found = _date_line(norm, ln)
        if found:
            meta.published = found[0]
            meta.confidence["published"] = 0.7
            meta.evidence["published"] = "byline near the top"
            return


# ---------------------------------------------------------------------------- year reported on

_YEAR = r"((?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})"
_TITLE_YEAR = re.compile(_YEAR + r"\s*年")
_OPENING_YEAR = re.compile(r"\s*" + _YEAR + r"\s*年(?:度)?(?:以来|,|是|全年|上半年)")
_REPORT_AS_FOLLOWS = re.compile(_YEAR + r"\s*年度?[^。;]{0,40}?(?:报告|汇报|总结)如下")
_THIS_YEAR = re.compile(r"今年以来|今年,|今年是|本年度")
_ANY_YEAR = re.compile(r"(?<![\d\-–—~])" + r"((?:19|20)\d{2})" + r"\s*年(?!\s*[\-–—~至])")


def _year(s: str) -> int | None:
    y = cn_digits_int(s)
    return y if y is not None and 1990 <= y <= 2100 else None


def _set_year(meta: ReportMeta, year: int, conf: float, why: str) -> None:
    meta.year = year
    meta.confidence["year"] = conf
    meta.evidence["year"] = why


def _extract_year(doc: Doc, body_start: int) -> None:
    norm, meta = doc.norm, doc.meta
    if meta.title:
        t = re.sub(r"《[^《》]*》", lambda q: " " * len(q.group()), norm[meta.title_start : meta.title_end])
        for m in _TITLE_YEAR.finditer(t):  # the first year that is not the end of a range (2021-2025年)
            if m.start() > 0 and t[m.start() - 1] in "-–—~至到":
                continue
            if y := _year(m.group(1)):
                return _set_year(meta, y, 0.95, f"title {m.group()!r}")
    m = _OPENING_YEAR.match(norm, body_start)
    if m and (y := _year(m.group(1))):
        return _set_year(meta, y, 0.9, f"opening {m.group().strip()!r}")
    head = norm[body_start : body_start + 1500]
    m = _REPORT_AS_FOLLOWS.search(head)
    if m and (y := _year(m.group(1))):
        return _set_year(meta, y, 0.9, "“现将…年…报告如下”")
    for para in re.finditer(r"\n[ \t]*" + _YEAR + r"\s*年(?:度)?(?:以来|,|是|全年)", head):
        if y := _year(para.group(1)):
            return _set_year(meta, y, 0.8, f"paragraph opening {para.group().strip()!r}")
    published = int(meta.published[:4]) if meta.published else None
    if published and _THIS_YEAR.search(head):
        return _set_year(meta, published, 0.7, "“今年” with the publication date")
    if published:
        month = int(meta.published[5:7])
        y = published - 1 if month <= 6 else published
        return _set_year(meta, y, 0.6, "publication date (reports are published early in the next year)")
    mask_free = re.sub(r"《[^《》\n]{0,300}》", lambda m: " " * len(m.group()), norm[body_start:])
    years = Counter(y for m in _ANY_YEAR.finditer(mask_free) if (y := int(m.group(1))) <= date.today().year)
    if years:
        y, _ = years.most_common(1)[0]
        return _set_year(meta, y, 0.4, "most frequent year in the body")


# ---------------------------------------------------------------------------- document furniture

#: Lines above the title of an official document: 附件1, a red header (XX县人民政府文件), the
#: document number (X政发〔2023〕5号), 签发人, urgency and disclosure marks.
_FURNITURE = re.compile(
    r"附件\s*\d{0,2}\s*:?"
    r"|.{2,30}文件"
    r"|(?P<docno>[\u4e00-\u9fffA-Za-z]{1,12}\s*[〔\[(【]\s*\d{4}\s*[〕\])】]\s*\d{1,4}\s*号)"
    r"|签发人\s*:.{0,20}|(?:密级|紧急程度|公开属性|公开方式)\s*:.{0,20}"
    r"|特急|加急|急件|平急|主动公开|依申请公开|不予公开"
)


def _skip_furniture(doc: Doc, body: list[Line]) -> list[Line]:
    """Drop the furniture lines that open ``body``; a document number found there goes to the header."""
    k = 0
    while k < min(len(body), 4):
        m = _FURNITURE.fullmatch(doc.norm, body[k].lstart, body[k].rend)
        if not m:
            break
        if m.group("docno") and "文号" not in doc.meta.header:
            doc.meta.header["文号"] = doc.text[m.start("docno") : m.end("docno")]
        k += 1
    return body[k:]


# ---------------------------------------------------------------------------- component


def extract_metadata(doc: Doc) -> None:
    """Fill ``doc.meta``: header, title, addressee, published date and the year reported on."""
    _extract_header(doc)
    body = nonblank(doc.norm, doc.meta.header_end, limit=12)  # the opening lines
    body = _skip_furniture(doc, body)[:8]
    tail = last_nonblank(doc.norm, 6, doc.meta.header_end)  # the closing lines
    after_title, glued_end = _extract_title(doc, body)
    _extract_addressee(doc, body, after_title)
    _extract_published(doc, body, tail)
    if glued_end is not None:
        body_start = glued_end  # a title glued to the body: the body starts right after it
    else:
        skip = after_title + (1 if doc.meta.addressee else 0)
        body_start = body[skip].lstart if skip < len(body) else len(doc.norm)
    _extract_year(doc, body_start)


__all__ = ["extract_metadata", "parse_date", "HEADER_KEYS"]

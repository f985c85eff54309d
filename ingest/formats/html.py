"""Saved web pages: the report's text without the site around it, and the page's disclosure metadata.

A government page wraps the report in site furniture: header, navigation, breadcrumbs (您所在的位置),
"今天是…", a byline with font-size/print/close links, share buttons, related-article lists and a
footer (主办单位, 网站标识码, ICP备). The report is found as the tightest element that holds most of
the page's *prose* (Chinese text outside links, weighted by sentence punctuation), with id/class
hints (content, zoom, article, TRS_Editor …) to break ties; the title heading just above it is
kept. Block elements become lines; whitespace that HTML source layout puts between Chinese
characters is dropped. The information-disclosure table (索引号, 主题分类, 发布机构, 成文日期 …) goes to
``Converted.metadata``, ``<link rel=canonical>``/``og:url`` to ``source_url``.

Encodings: BOM, then the declared charset (meta tag), checked against what actually reads as
Chinese; a wrong declaration is corrected with a warning. Standard library only (``html.parser``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

from ingest.decode import InputError, _plausible_chinese
from ingest.formats.base import Converted

# ---------------------------------------------------------------------------- encoding

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-]+)""", re.I)
_GB = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "hz-gb-2312", "gb_2312-80", "csgb2312"}


def _canonical(name: str) -> str | None:
    name = name.lower().strip()
    if name in _GB:
        return "gb18030"
    if name in ("utf-8", "utf8"):
        return "utf-8"
    if name in ("big5", "big5-hkscs", "cp950"):
        return "big5hkscs"
    return None


def decode_page(raw: bytes, path: str) -> tuple[str, str, list[str]]:
    """(text, encoding, warnings): by BOM, else the declared charset when the bytes read as Chinese in
    it, else whichever of UTF-8 / GB18030 / Big5 does (with a warning about the wrong declaration)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8", []
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace").lstrip("\ufeff"), "utf-16", []
    head = raw[:4096]
    m = _CHARSET.search(head) or _XML_ENCODING.search(head)
    declared_name = m.group(1).decode("ascii", "replace") if m else None
    declared = _canonical(declared_name) if declared_name else None
    order = [e for e in (declared, "utf-8", "gb18030", "big5hkscs") if e]
    order = list(dict.fromkeys(order))
    for encoding in order:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _reads_as_chinese(text) or not re.search(r"[\u4e00-\u9fff]", text):
            return text, encoding, _declaration_warning(path, declared_name, declared, encoding)
    for encoding in order:  # broken bytes: the reading that is Chinese prose, with replacements
        text = raw.decode(encoding, errors="replace")
        if _reads_as_chinese(text):
            bad = text.count("\ufffd")
            warnings = _declaration_warning(path, declared_name, declared, encoding)
            warnings.append(f"{path}: {bad} invalid byte sequence(s) in the page, each replaced by U+FFFD")
            return text, encoding, warnings
    what = f"declared {declared_name}" if declared_name else "no charset declared"
    raise InputError(f"{path}: web page in an unreadable encoding ({what}; not UTF-8, GB18030/GBK or Big5 Chinese)")


def _reads_as_chinese(page: str) -> bool:
    """The page's text (markup removed) reads as Chinese prose in this decoding."""
    return _plausible_chinese(_MARKUP.sub("", page))


_MARKUP = re.compile(r"<[^<>]*>")


def _declaration_warning(path: str, name: str | None, declared: str | None, used: str) -> list[str]:
    if name and declared != used:
        return [f"{path}: the page declares charset {name} but its bytes are {used.upper()}; read as {used.upper()}"]
    return []


# ---------------------------------------------------------------------------- tree

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_SKIP = frozenset("script style noscript template iframe object svg select option button textarea head title".split())
_BLOCK = frozenset(
    "address article aside blockquote body center dd details dialog div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section table tbody thead tfoot tr td th ul "
    "caption".split()
)
_CLOSES_P = _BLOCK - {"body", "html", "td", "th", "tr", "li", "dd", "dt"}


class Node:
    """An element: tag, attributes and children (nodes and text strings)."""

    __slots__ = ("tag", "attrs", "children", "parent", "prose", "own", "cjk", "link_cjk")

    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []
        self.prose = self.own = self.cjk = self.link_cjk = 0.0  # ``own``: prose of its own inline text

    def hint(self) -> str:
        return f"{self.attrs.get('id', '')} {self.attrs.get('class', '')}".lower()

    def elements(self) -> Iterator[Node]:
        """This node and every element under it, in document order."""
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(c for c in reversed(node.children) if isinstance(c, Node))

    def text(self) -> str:
        parts: list[str] = []
        for node in self.elements():
            if node.tag in _SKIP:
                continue
            parts.extend(c for c in node.children if isinstance(c, str))
        return "".join(parts)


#: Nesting kept in the tree; the tree walks recurse, and broken pages nest unclosed tags thousands deep.
_MAX_DEPTH = 300


class _TreeBuilder(HTMLParser):
    """A forgiving DOM builder: implied end tags for p/li/td/tr, stray end tags ignored."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.stack = [self.root]
        self.comments: list[str] = []

    def _close_until(self, tags: set[str] | frozenset[str], stop: frozenset[str]) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[i].tag
            if tag in tags:
                del self.stack[i:]
                return
            if tag in stop:
                return

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _CLOSES_P:
            self._close_until({"p"}, frozenset({"div", "td", "th", "li", "body", "table"}))
        if tag == "li":
            self._close_until({"li"}, frozenset({"ul", "ol"}))
        elif tag in ("td", "th"):
            self._close_until({"td", "th"}, frozenset({"tr", "table"}))
        elif tag == "tr":
            self._close_until({"tr"}, frozenset({"table"}))
        elif tag in ("dd", "dt"):
            self._close_until({"dd", "dt"}, frozenset({"dl"}))
        parent = self.stack[-1]
        node = Node(tag, {k: v or "" for k, v in attrs}, parent)
        parent.children.append(node)
        if tag not in _VOID and len(self.stack) < _MAX_DEPTH:  # deeper (unclosed <font> …): content stays flat
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def parse(page: str, path: str) -> tuple[Node, list[str], list[str]]:
    """(root, comments, warnings); a page cut off inside a tag is an :class:`InputError`."""
    builder = _TreeBuilder()
    builder.feed(page)
    rest = builder.rawdata
    if rest.startswith("<") and ">" not in rest and not rest.startswith("<!--"):
        raise InputError(
            f"{path}: the web page is cut off (it ends inside an unfinished tag {rest[:30]!r}); save or download it again"
        )
    builder.close()
    warnings = []
    if not re.search(r"</html\s*>\s*$", page[-2000:], re.I) and re.search(r"<html", page[:4096], re.I):
        warnings.append(f"{path}: the page has no closing </html>: it may be incomplete")
    return builder.root, builder.comments, warnings


# ---------------------------------------------------------------------------- prose scores

_CJK = re.compile(r"[\u3400-\u9fff]")
_SENTENCE = re.compile(r"[。,;、!?,;]")
#: id/class words of the element that holds an article's text.
_CONTENT_HINT = re.compile(
    r"content|zoom|article|trs_editor|pages_content|detail|main[-_]?text|maintext|xxgk_?con|view|zwnr|wznr|"
    r"con_?text|textcon|nr\b|text\b|body[-_]?text|neirong|info_?con|news_?con|conent"
)
#: id/class words of site furniture.
_FURNITURE_HINT = re.compile(
    r"share|bdshare|related|xgyd|xglj|xgwz|xgxx|print|close|zihao|font-?size|fontsize|crumb|position|location|"
    r"\bnav|menu|footer|\bfoot|copyright|banner|toolbar|\btools?\b|sidebar|\bside\b|pager|prev|next|qrcode|ewm|"
    r"comment|search|login|weather|\btop\b|topbar|skip"
)
_FURNITURE_TAGS = frozenset({"nav", "footer", "aside", "form"})
#: Elements that may be a list of links (never a paragraph or an inline element).
_LISTS = frozenset({"div", "ul", "ol", "dl", "table", "tbody", "tr", "td", "li", "section", "span"})


def _weight(run: str) -> float:
    """Prose weight of one paragraph's text: its Chinese characters, discounted unless it reads as prose."""
    n = len(_CJK.findall(run))
    return float(n) if n >= 30 or _SENTENCE.search(run) else 0.2 * n


def _score(node: Node, in_link: bool = False) -> str:
    """Fill ``prose``/``cjk``/``link_cjk`` bottom-up; return the node's inline text (for its block ancestor)."""
    if node.tag in _SKIP:
        return ""
    in_link = in_link or node.tag == "a"
    run: list[str] = []
    for child in node.children:
        if isinstance(child, str):
            n = len(_CJK.findall(child))
            node.cjk += n
            if in_link:
                node.link_cjk += n
            else:
                run.append(child)
            continue
        inline = _score(child, in_link)
        node.cjk += child.cjk
        node.link_cjk += child.link_cjk
        node.prose += child.prose
        if child.tag in _BLOCK:
            run.append("\n")
        else:
            run.append(inline)
    text = "".join(run)
    if node.tag in _BLOCK or node.tag == "#root":
        node.own = sum(_weight(part) for part in text.split("\n"))
        node.prose += node.own
        return ""
    return text


def _paragraph(node: Node) -> bool:
    """An element whose prose is mostly its own text (a paragraph, not a container of paragraphs)."""
    return node.own >= 0.5 * node.prose


def _real_paragraph(node: Node) -> bool:
    """A sibling paragraph that reads as report text (not furniture)."""
    if node.own < 40 or not _paragraph(node) or node.link_cjk > 0.3 * max(node.cjk, 1):
        return False
    if _FURNITURE_HINT.search(node.hint()):
        return False
    return not _furniture_line(node.text()[:120].strip()) and not _metadata_table(node)


def _paragraph_sibling(node: Node) -> bool:
    """A short paragraph beside the longest one (a heading line, a closing date), not furniture."""
    if node.own < 2 or not _paragraph(node) or _FURNITURE_HINT.search(node.hint()):
        return False
    return not _furniture_line(node.text()[:120].strip()) and node.link_cjk < 0.5 * max(node.cjk, 1)


def content_block(root: Node) -> Node:
    """The tightest element holding most of the page's prose."""
    node = root
    while True:
        children = [c for c in node.children if isinstance(c, Node) and c.tag not in _SKIP and c.prose > 0]
        if not children:
            return node
        best = max(children, key=lambda c: c.prose)
        share = best.prose / node.prose if node.prose else 0
        hinted = bool(_CONTENT_HINT.search(best.hint()))
        others = [c for c in children if c is not best]
        if best.tag in ("p", "li", "h1", "h2", "h3", "pre") or any(_real_paragraph(c) for c in others):
            return node
        if _paragraph(best) and any(_paragraph_sibling(c) for c in others):
            return node  # ``node`` holds the paragraphs (the longest one is not the report)
        if share >= 0.7 or (hinted and share >= 0.5):
            node = best
            continue
        return node


# ---------------------------------------------------------------------------- disclosure metadata

#: Disclosure-table keys (spaces inside removed before the look-up).
DISCLOSURE_KEYS = (
    "索引号 主题分类 发布机构 发文机关 发文机构 发布单位 成文日期 成文时间 发文日期 发文时间 发布日期 发布时间 文号 "
    "发文字号 文件编号 效力状态 有效性 时效 名称 标题 信息名称 主题词 关键词 体裁分类 组配分类 内容分类 公开方式 "
    "公开范围 公开时限 生成日期 更新时间 来源 信息来源 文章来源 统一编号 所属机构"
).split()
_KEY = "|".join(r"\s*".join(map(re.escape, k)) for k in sorted(DISCLOSURE_KEYS, key=len, reverse=True))
_KEY_START = re.compile(rf"\s*({_KEY})\s*[::]?\s*", re.S)
_KEY_INSIDE = re.compile(rf"({_KEY})\s*[::]")
_VALUE_END = re.compile(r"\s{2,}|【|\[|字号|打印|关闭|分享|浏览次数|阅读次数|点击")
#: Standard ``<meta name=…>`` fields of Chinese government CMS pages.
_META_NAMES = {"articletitle": "标题", "pubdate": "发布日期", "contentsource": "来源"}


def _chunks(root: Node, skip: Node) -> Iterator[tuple[str, bool]]:
    """(text, in a table cell or list) per text string in document order, outside ``skip``'s paragraphs."""

    def walk(node: Node, cell: bool, in_skip: bool) -> Iterator[tuple[str, bool]]:
        if node.tag in _SKIP or node.tag == "a":
            return
        if node is skip:  # inside the report: only a disclosure table placed above the text
            in_skip, cell = True, False
        cell = cell or (not in_skip and node.tag in ("td", "th", "dt", "dd", "li", "table"))
        if in_skip and not cell:
            for child in node.children:
                if isinstance(child, Node) and child.tag in ("table", "ul", "dl", "div") and _metadata_table(child):
                    yield from walk(child, True, True)
            return
        for child in node.children:
            if isinstance(child, str):
                if child.strip():
                    yield child.strip(), cell
            else:
                yield from walk(child, cell, in_skip)

    yield from walk(root, False, False)


def _clean_value(value: str) -> str:
    value = value.replace("\xa0", " ").replace("\u3000", " ").strip()
    m = _VALUE_END.search(value)
    if m:
        value = value[: m.start()]
    return re.sub(r"^[\s::|·-]+|[\s::|·-]+$", "", value)[:120]


def read_disclosure(root: Node, content: Node) -> dict[str, str]:
    """Disclosure-table fields (索引号, 发布机构, 成文日期 …) keyed by their label, spaces removed."""
    found: dict[str, str] = {}
    chunks = list(_chunks(root, content))
    for i, (text, cell) in enumerate(chunks):
        m = _KEY_START.match(text)
        if not m:
            continue
        key = re.sub(r"\s+", "", m.group(1))
        rest = text[m.end() :]
        colon = re.search(r"[::]", text[: m.end()]) is not None
        if not rest.strip():
            if not (colon or cell) or i + 1 >= len(chunks) or _KEY_START.fullmatch(chunks[i + 1][0]):
                continue
            value = _clean_value(chunks[i + 1][0])
            if value:
                found.setdefault(key, value)
            continue
        if not colon:
            continue  # 标题党… : a word that merely starts like a key
        inner = list(_KEY_INSIDE.finditer(rest))
        value_end = inner[0].start() if inner else len(rest)
        if value := _clean_value(rest[:value_end]):
            found.setdefault(key, value)
        for k, km in enumerate(inner):
            end = inner[k + 1].start() if k + 1 < len(inner) else len(rest)
            if value := _clean_value(rest[km.end() : end]):
                found.setdefault(re.sub(r"\s+", "", km.group(1)), value)
    for node in root.elements():
        if node.tag == "meta":
            label = _META_NAMES.get(node.attrs.get("name", "").lower())
            if label and node.attrs.get("content", "").strip():
                found.setdefault(label, node.attrs["content"].strip()[:120])
    return found


_URL = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
_SAVED_FROM = re.compile(r"saved from url=\(\d+\)(\S+)")


def source_url(root: Node, comments: list[str]) -> str | None:
    """The page's own address: ``<link rel=canonical>``, ``og:url``, else a browser's "saved from url"."""
    candidates: list[str] = []
    for node in root.elements():
        if node.tag == "link" and "canonical" in node.attrs.get("rel", "").lower().split():
            candidates.insert(0, node.attrs.get("href", ""))
        elif node.tag == "meta" and node.attrs.get("property", "").lower() == "og:url":
            candidates.append(node.attrs.get("content", ""))
    for comment in comments:
        m = _SAVED_FROM.search(comment)
        if m:
            candidates.append(m.group(1))
    return next((u.strip() for u in candidates if _URL.match(u.strip())), None)


# ---------------------------------------------------------------------------- rendering

#: Lines of site furniture (breadcrumbs, date bars, font-size/print/close links, share bars, footers).
_STRONG_FURNITURE = re.compile(
    r"您(?:所在|现在|当前)的位置|当前位置\s*[::]|^\s*首页\s*[>»›/]|字号\s*[::]?\s*[\[【(]?\s*大|【\s*(?:打印|关闭)|"
    r"打印本页|关闭窗口|打印\s+关闭|网站标识码|ICP\s*备|公网安备|^\s*(?:打印|关闭|收藏|分享)\s*$",
    re.I,
)
#: Words of furniture that a report sentence may also use (无障碍环境建设): only short lines without
#: sentence punctuation are dropped for them.
_WEAK_FURNITURE = re.compile(
    r"今天是|分享到|扫一扫|主办单位|承办单位|版权所有|Copyright|上一篇|下一篇|浏览次数|阅读次数|访问量|网站地图|"
    r"联系我们|无障碍|加入收藏|设为首页|收藏本页|简体|繁體|English",
    re.I,
)


def _furniture_line(line: str) -> bool:
    """A line of site furniture (breadcrumb, date bar, font-size/print links, share bar, footer)."""
    if len(line) > 120:
        return False
    if _STRONG_FURNITURE.search(line):
        return True
    if _HEADING_START.match(line) or re.search(r"[。;]$", line):
        return False
    return bool(_WEAK_FURNITURE.search(line)) and (len(line) <= 40 or "。" not in line)


#: A numbered heading of the report (一、 (一) 1. 第一章): never furniture.
_HEADING_START = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}[、.]|[((][一二三四五六七八九十]{1,3}[))]|\d{1,2}[.、](?!\d)|第[一二三四五六七八九十]{1,3}[章节部分])")
_RELATED_HEAD = re.compile(r"^\s*(?:相关(?:阅读|链接|文章|新闻|信息|文件|稿件|附件)|延伸阅读|推荐阅读|热点推荐|猜你喜欢)\s*[::]?\s*$")
#: A download link under the text (附件:….pdf), or the bare label left of one.
_ATTACHMENT = re.compile(r"^\s*(?:附件\s*\d{0,2}\s*[::]?\s*)?(?:\S.{0,80}\.(?:pdf|docx?|xlsx?|wps|ofd|zip|rar)|附件\s*[::])\s*$", re.I)
_BYLINE = re.compile(rf"^\s*(?:{_KEY})\s*[::]")
_CJK_OR_PUNCT = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’…—]"
#: Source white space, marked while rendering: \x01 held a line break (source layout: dropped next to a
#: Chinese character), \x02 is a space the author typed (kept), \x03 a space-only node between tags
#: (dropped between Chinese characters).
_ASCII_SPACE = re.compile(r"[ \t\r\n\f\v]+")
_MARKS = re.compile(r"[\x01\x02\x03]+")
_NL_GAP = re.compile(rf"(?<={_CJK_OR_PUNCT})\x01|\x01(?={_CJK_OR_PUNCT})")
_TAG_GAP = re.compile(rf"(?<={_CJK_OR_PUNCT})\x03(?={_CJK_OR_PUNCT})")


def _mark_spaces(text: str) -> str:
    """``text`` with each run of ASCII white space replaced by its marker."""
    if not text.strip(" \t\r\n\f\v"):
        return "\x01" if "\n" in text or "\r" in text else "\x03"
    return _ASCII_SPACE.sub(lambda m: "\x01" if "\n" in m.group() or "\r" in m.group() else "\x02", text)


def _one_mark(m: re.Match) -> str:
    run = m.group()
    return "\x01" if "\x01" in run else "\x02" if "\x02" in run else "\x03"


def _metadata_table(node: Node) -> bool:
    """A table (or list) that is the disclosure metadata, not report content."""
    if node.prose >= 400:
        return False
    chunks = [text for text, _ in _chunks(node, Node("#none", {}, None))]
    keys = [m.group(1) for text in chunks if (m := _KEY_START.match(text))]
    # Keys beside their values, not the header row of a listing (名称 | 文号 | 发布日期 over many rows).
    return len(set(keys)) >= 2 and len(keys) >= 0.3 * len(chunks)


def _dropped(node: Node, content: Node) -> bool:
    """Furniture inside the content block: scripts, share bars, related lists, metadata tables."""
    if node is content:
        return False
    if node.tag in _SKIP or node.tag in _FURNITURE_TAGS:
        return True
    hint = node.hint()
    if hint and _FURNITURE_HINT.search(hint) and not _CONTENT_HINT.search(hint) and node.prose < 300:
        return True
    if node.tag in _LISTS and node.cjk and node.link_cjk > 0.5 * node.cjk and node.cjk - node.link_cjk < 100:
        return True  # link lists (related articles, menus)
    return node.tag in ("table", "ul", "ol", "dl", "div") and _metadata_table(node)


def _render(node: Node, content: Node, out: list[str]) -> None:
    for child in node.children:
        if isinstance(child, str):
            out.append(_mark_spaces(child))
            continue
        if _dropped(child, content):
            continue
        tag = child.tag
        if tag == "br":
            out.append("\n")
        elif tag in ("td", "th"):
            out.append("\t")
            _render(child, content, out)
        elif tag in _BLOCK:
            out.append("\n")
            _render(child, content, out)
            out.append("\n")
        else:
            _render(child, content, out)


def _tidy_line(line: str) -> str:
    """One rendered line: source white space resolved, the paragraph's own indentation (&nbsp;, 　) kept."""
    line = _MARKS.sub(_one_mark, line)
    lead = re.match(r"[\x01\x02\x03 \xa0\u3000\t]*", line).group()
    indent = "".join(ch for ch in lead if ch in "\xa0\u3000").replace("\xa0", " ")
    body = line[len(lead) :].rstrip("\x01\x02\x03 \t\u3000\xa0")
    body = _TAG_GAP.sub("", _NL_GAP.sub("", body))
    body = body.replace("\x01", " ").replace("\x02", " ").replace("\x03", " ").replace("\xa0", " ")
    body = re.sub(r"(?<=\t)\t+", "", body)  # empty cells
    if not body:
        return ""
    return (indent if "\u3000" in indent or len(indent) >= 2 else "") + body


def render_lines(content: Node) -> list[str]:
    """The content block as non-empty lines, furniture lines removed."""
    out: list[str] = []
    _render(content, content, out)
    lines = [_tidy_line(x) for x in "".join(out).split("\n")]
    kept: list[str] = []
    in_related = False
    for line in lines:
        if not line:
            continue
        if _RELATED_HEAD.match(line):
            in_related = True
            continue
        if in_related and len(line) <= 60 and "。" not in line:
            continue
        in_related = False
        if _furniture_line(line) or (len(line) <= 120 and (_BYLINE.match(line) or _ATTACHMENT.match(line))):
            continue
        kept.append(line)
    return kept


_TITLE_HINT = re.compile(r"title|biaoti|\bbt\b|tit\b|headline|heading|wzbt|art_?tit")


def _title(root: Node, content: Node, metadata: dict[str, str], lines: list[str]) -> str | None:
    """The heading just above the content block (the report's title), unless the block starts with it."""
    order = list(root.elements())
    inside = {id(n) for n in content.elements()}
    ancestors = set()
    up = content.parent
    while up is not None:
        ancestors.add(id(up))
        up = up.parent
    idx = order.index(content)
    wanted = {re.sub(r"\s+", "", v) for k, v in metadata.items() if k in ("标题", "名称", "信息名称")}
    for node in root.elements():  # the <title> names the page: "报告题目_某某区人民政府" or "报告题目 - 网站"
        if node.tag == "title":
            name = re.sub(r"\s+", "", re.split(r"\s*[_|]\s*|\s+-\s+|--", "".join(map(str, node.children)))[0])
            if _TITLE_WORDS.search(name):  # not a column's or the site's name
                wanted.add(name)
    opening = {re.sub(r"\s+", "", x) for x in lines[:3]}
    candidates: list[str] = []
    for node in reversed(order[max(0, idx - 400) : idx]):
        if id(node) in inside or id(node) in ancestors or node.tag in _SKIP or node.tag == "a":
            continue
        is_heading = node.tag in ("h1", "h2", "h3", "h4") or (
            node.tag in ("div", "p", "td", "span", "strong", "font") and bool(_TITLE_HINT.search(node.hint()))
        )
        if not is_heading or node.link_cjk > 0.5 * max(node.cjk, 1):
            continue
        text = _tidy_line(_mark_spaces(node.text())).strip()
        if 6 <= len(text) <= 100 and _CJK.search(text) and not _furniture_line(text):
            candidates.append(text)
    if not candidates:
        return None
    best = next((c for c in candidates if re.sub(r"\s+", "", c) in wanted), None)
    if best is None and _TITLE_WORDS.search(candidates[0]) and len(candidates[0]) >= 8:
        best = candidates[0]  # the nearest heading, when it reads as a report's title
    return None if best is None or re.sub(r"\s+", "", best) in opening else best


_TITLE_WORDS = re.compile(r"报告|汇报|总结|情况|年度|\d{4}年")


# ---------------------------------------------------------------------------- entry point

_NOT_FOUND = re.compile(r"404|页面不存在|找不到(?:该|您)?(?:页面|网页)|Not Found|页面已删除|信息已删除|无法访问")


def convert(raw: bytes, path: str) -> Converted:
    """The report in a saved web page: its text, disclosure metadata and the page's address."""
    page, encoding, warnings = decode_page(raw, path)
    root, comments, parse_warnings = parse(page, path)
    warnings += parse_warnings
    _score(root)
    if root.cjk == 0 and not re.search(r"\w", root.text()):
        raise InputError(f"{path}: web page with an empty body: no report text found")
    content = content_block(root)
    lines = render_lines(content) if content.prose >= 20 else []
    prose = sum(_weight(line) for line in lines)
    if prose < 50:
        why = "an error page (page not found)" if _NOT_FOUND.search(root.text()[:3000]) else "only navigation, links or furniture"
        raise InputError(f"{path}: no report text found in the web page ({why}; an index or list page?)")
    metadata = read_disclosure(root, content)
    title = _title(root, content, metadata, lines)
    if title:
        lines.insert(0, title)
    return Converted(
        text="\n".join(lines) + "\n",
        media_type="text/html",
        metadata=metadata,
        source_url=source_url(root, comments),
        encoding=encoding,
        warnings=warnings,
    )

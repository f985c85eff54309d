"""Word (.docx) reader with the standard library (``zipfile`` + ``xml.etree``): no dependency is needed
to read WordprocessingML text, and python-docx would add lxml and still not render list numbers.

* Body order: paragraphs, tables and content controls as they come in ``word/document.xml``; text
  boxes after the paragraph that anchors them (the ``mc:Fallback`` copy skipped).
* A paragraph's text: its runs' ``w:t``, ``w:tab`` as a tab, ``w:br``/``w:cr`` as a line break;
  deleted revisions, field codes, hidden runs (``w:vanish``), footnote/endnote/comment references
  are not text. Content imported as ``w:altChunk`` (HTML/RTF kept as a part) is not read: a warning,
  or an error when it is all the document has.
* Automatic numbering (the 一、 （一） 1. of headings and lists, which Word keeps in ``numbering.xml``,
  not in the text) is rendered in front of the paragraph, from the paragraph's or its style's
  ``w:numPr``; bullets are left out.
* Tables: one line per row, cells separated by a tab (a cell's paragraphs joined by a space), empty
  and vertically merged continuation cells left out. A table used for layout (a row with one cell,
  or a cell of running text: several paragraphs over 100 characters, or one over 200) gives its
  cells' paragraphs as paragraphs.
* Footnotes, endnotes, comments, headers and footers are not report text (their parts are not read).
* Core properties → metadata 标题 (dc:title), 作者 (dc:creator), 主题 (dc:subject), 关键词
  (cp:keywords), 创建日期 (dcterms:created), 修改日期 (dcterms:modified).

Errors (:class:`~ingest.decode.InputError`): an encrypted (password-protected) document, an old
binary .doc or other OLE file, a truncated or damaged zip, a zip that is not a Word document, a
document with no text.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
import zlib
from dataclasses import dataclass, field

from ingest.decode import InputError
from ingest.formats.base import Converted

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Largest XML part read (uncompressed bytes): a zip bomb must not exhaust memory.
_MAX_PART = 64 * 1024 * 1024
_REL_OFFICE_DOCUMENT = "/officeDocument"

_OTHER_PACKAGES = (
    ("xl/workbook.xml", "an Excel workbook (.xlsx)"),
    ("ppt/presentation.xml", "a PowerPoint presentation (.pptx)"),
    ("mimetype", "an OpenDocument file (.odt/.ods)"),
    ("META-INF/container.xml", "an EPUB book"),
)


def convert(raw: bytes, path: str) -> Converted:
    """Text and core properties of a .docx; :class:`InputError` when it is not a readable Word document."""
    if raw.startswith(_OLE):
        raise InputError(f"{path}: {_ole_kind(raw)}")
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, EOFError, OSError):
        if raw.startswith(b"PK"):
            raise InputError(
                f"{path}: .docx is truncated or damaged (its zip directory cannot be read); download it again"
            ) from None
        raise InputError(f"{path}: not a .docx (not a zip package)") from None
    with archive:
        main = _main_part(archive, path)
        document = _xml(archive, main, path)
        base = main.rsplit("/", 1)[0]
        styles = _xml(archive, f"{base}/styles.xml", path, required=False)
        numbering = _xml(archive, f"{base}/numbering.xml", path, required=False)
        core = _xml(archive, "docProps/core.xml", path, required=False)
    reader = _Reader(_Styles(styles), _Numbering(numbering))
    warnings: list[str] = []
    lines = reader.body(document)
    text = "\n".join(line for line in lines if line.strip())
    if not text.strip():
        if reader.alt_chunks:
            what = f"no text of its own: its content is {reader.alt_chunks} imported chunk(s) (w:altChunk); open and save it in Word first"
        elif reader.images:
            what = f"only {reader.images} picture(s) (scanned pages?); it needs OCR first"
        else:
            what = "no text"
        raise InputError(f"{path}: .docx has {what}")
    if reader.alt_chunks:
        warnings.append(f"{path}: {reader.alt_chunks} imported chunk(s) (w:altChunk) not read")
    return Converted(text=text + "\n", media_type=MEDIA_TYPE, metadata=_core(core), warnings=warnings)


# ---------------------------------------------------------------------------------------- package


def _ole_kind(raw: bytes) -> str:
    head = raw[: 1 << 20]
    if "EncryptedPackage".encode("utf-16-le") in head or "EncryptionInfo".encode("utf-16-le") in head:
        return "Word document is encrypted (password-protected); save an unprotected copy first"
    if "WordDocument".encode("utf-16-le") in head:
        return "an old binary Word .doc (Word 97–2003), not a .docx; save it as .docx or text"
    return "an old binary Office file (OLE compound document), not a .docx; save it as .docx or text"


def _main_part(archive: zipfile.ZipFile, path: str) -> str:
    names = set(archive.namelist())
    main = None
    if "_rels/.rels" in names:
        rels = _xml(archive, "_rels/.rels", path)
        for rel in rels:
            if rel.get("Type", "").endswith(_REL_OFFICE_DOCUMENT):
                main = rel.get("Target", "").lstrip("/")
                break
    if main and main in names and main.startswith("word/"):
        return main
    if "word/document.xml" in names:
        return "word/document.xml"
    for entry, what in _OTHER_PACKAGES:
        if entry in names:
            raise InputError(f"{path}: {what}, not a Word document")
    raise InputError(f"{path}: a zip archive that is not a Word document (no word/document.xml)")


def _xml(archive: zipfile.ZipFile, name: str, path: str, required: bool = True) -> ET.Element | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        if required:
            raise InputError(f"{path}: .docx is damaged ({name} is missing)") from None
        return None
    if info.file_size > _MAX_PART:
        raise InputError(f"{path}: .docx part {name} is too large ({info.file_size:,} bytes unpacked)")
    try:
        data = archive.read(name)
    except (zipfile.BadZipFile, EOFError, OSError, zlib.error) as e:
        raise InputError(f"{path}: .docx is damaged ({name} cannot be unpacked: {e})") from None
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
        raise InputError(f"{path}: .docx part {name} declares a DTD (not Word XML)")
    try:
        return ET.fromstring(data)
    except ET.ParseError as e:
        raise InputError(f"{path}: .docx is damaged ({name} is not well-formed XML: {e})") from None


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _attr(el: ET.Element, name: str) -> str | None:
    """A ``w:``-prefixed attribute whatever the namespace (transitional or strict OOXML)."""
    for key, value in el.attrib.items():
        if _local(key) == name:
            return value
    return None


def _child(el: ET.Element | None, name: str) -> ET.Element | None:
    if el is None:
        return None
    for c in el:
        if _local(c.tag) == name:
            return c
    return None


def _hidden(run: ET.Element) -> bool:
    """A run formatted as hidden text (``w:vanish``): not shown, not report text."""
    vanish = _child(_child(run, "rPr"), "vanish")
    return vanish is not None and _attr(vanish, "val") not in ("0", "false", "off")


def _core(core: ET.Element | None) -> dict[str, str]:
    labels = {"title": "标题", "creator": "作者", "subject": "主题", "keywords": "关键词",
              "created": "创建日期", "modified": "修改日期"}
    out: dict[str, str] = {}
    if core is None:
        return out
    for el in core:
        label = labels.get(_local(el.tag))
        value = (el.text or "").strip()
        if label and value:
            out[label] = value
    return out


# ---------------------------------------------------------------------------------------- numbering

_CN_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"


def chinese_number(n: int) -> str:
    """一, 十, 十一, 二十一, 一百零五 (counting numbers up to 9999)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    out = ""
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            out += _CN_DIGITS[digit] + unit
        elif out and n and not out.endswith("零"):
            out += "零"
    return out


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A list counter in a Word number format (``w:numFmt``)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital"):
        return chinese_number(n)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt in ("ideographTraditional", "ideographZodiac"):
        return _HEAVENLY[(n - 1) % 10]
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalFullWidth":
        return str(n).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


class _Numbering:
    """List definitions of ``numbering.xml`` and the running counters."""

    def __init__(self, root: ET.Element | None) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId → (abstractNumId, start overrides)
        self.counters: dict[str, dict[int, int]] = {}  # abstractNumId → level → last number given
        self.restarted: set[tuple[str, int]] = set()  # (numId, level) whose start override was applied
        if root is None:
            return
        for el in root:
            name = _local(el.tag)
            if name == "abstractNum":
                levels: dict[int, _Level] = {}
                for lvl in el:
                    if _local(lvl.tag) != "lvl":
                        continue
                    level = _Level()
                    for prop in lvl:
                        value = _attr(prop, "val")
                        if value is None:
                            continue
                        if _local(prop.tag) == "numFmt":
                            level.fmt = value
                        elif _local(prop.tag) == "lvlText":
                            level.text = value
                        elif _local(prop.tag) == "start" and value.lstrip("-").isdigit():
                            level.start = int(value)
                    levels[int(_attr(lvl, "ilvl") or 0)] = level
                self.abstract[_attr(el, "abstractNumId") or ""] = levels
            elif name == "num":
                ref = _child(el, "abstractNumId")
                overrides: dict[int, int] = {}
                for ov in el:
                    if _local(ov.tag) == "lvlOverride":
                        start = _child(ov, "startOverride")
                        value = _attr(start, "val") if start is not None else None
                        if value and value.isdigit():
                            overrides[int(_attr(ov, "ilvl") or 0)] = int(value)
                self.nums[_attr(el, "numId") or ""] = (_attr(ref, "val") or "" if ref is not None else "", overrides)

    def label(self, num_id: str, ilvl: int) -> str:
        """The next number of list ``num_id`` at level ``ilvl`` as printed (``一、``), or ``""``."""
        if num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        level = levels.get(ilvl)
        if level is None or level.fmt in ("bullet", "none"):
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        if ilvl in overrides and (num_id, ilvl) not in self.restarted:
            # a list that restarts its numbering (Word's "restart at 1"): first use starts over
            self.restarted.add((num_id, ilvl))
            counters[ilvl] = overrides[ilvl]
        elif ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = level.start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]

        def number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lv = levels.get(k, _Level())
            return format_number(counters.get(k, lv.start), lv.fmt)

        return re.sub(r"%(\d)", number, level.text)


@dataclass
class _Styles:
    """Paragraph styles: the numbering each carries (through ``basedOn``)."""

    root: ET.Element | None
    numbering: dict[str, tuple[str, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.root is None:
            return
        based: dict[str, str] = {}
        own: dict[str, tuple[str | None, int | None]] = {}
        for style in self.root:
            if _local(style.tag) != "style":
                continue
            sid = _attr(style, "styleId") or ""
            parent = _child(style, "basedOn")
            if parent is not None:
                based[sid] = _attr(parent, "val") or ""
            num_pr = _child(_child(style, "pPr"), "numPr")
            if num_pr is not None:
                num = _child(num_pr, "numId")
                lvl = _child(num_pr, "ilvl")
                own[sid] = (
                    _attr(num, "val") if num is not None else None,
                    int(_attr(lvl, "val") or 0) if lvl is not None else None,
                )
        for sid in set(own) | set(based):
            num_id, ilvl, seen, cur = None, None, set(), sid
            while cur and cur not in seen:
                seen.add(cur)
                n, lv = own.get(cur, (None, None))
                num_id = num_id if num_id is not None else n
                ilvl = ilvl if ilvl is not None else lv
                cur = based.get(cur, "")
            if num_id:
                self.numbering[sid] = (num_id, ilvl or 0)


# ---------------------------------------------------------------------------------------- body


def _prose(cell_lines: list[str]) -> bool:
    """A cell holding running text (several paragraphs, or one long one), not a table value."""
    return len(cell_lines) > 1 and sum(map(len, cell_lines)) > 100 or any(len(x) > 200 for x in cell_lines)


class _Reader:
    """Walks ``w:body`` and gives its lines."""

    def __init__(self, styles: _Styles, numbering: _Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.images = 0
        self.alt_chunks = 0  # w:altChunk: content imported from another file (HTML, RTF) kept as a part

    def body(self, document: ET.Element) -> list[str]:
        body = _child(document, "body")
        return self.blocks(body) if body is not None else []

    def blocks(self, parent: ET.Element) -> list[str]:
        lines: list[str] = []
        for el in parent:
            name = _local(el.tag)
            if name == "p":
                lines.extend(self.paragraph(el))
            elif name == "tbl":
                lines.extend(self.table(el))
            elif name in ("sdt", "customXml", "smartTag", "ins", "moveTo"):
                content = _child(el, "sdtContent") if name == "sdt" else el
                if content is not None:
                    lines.extend(self.blocks(content))
            elif name == "altChunk":
                self.alt_chunks += 1
            elif name == "AlternateContent":
                choice = _child(el, "Choice")
                if choice is not None:
                    lines.extend(self.blocks(choice))
        return lines

    def paragraph(self, p: ET.Element) -> list[str]:
        """The paragraph's text (with its list number) and then any text boxes anchored in it."""
        parts: list[str] = []
        boxes: list[str] = []
        self._inline(p, parts, boxes)
        text = "".join(parts).strip(" \u3000")
        if text:
            text = self._number(p) + text
        return [text, *boxes]

    def _inline(self, el: ET.Element, parts: list[str], boxes: list[str]) -> None:
        for child in el:
            name = _local(child.tag)
            if name == "t":
                parts.append(child.text or "")
            elif name == "tab":
                parts.append("\t")
            elif name in ("br", "cr"):
                if _attr(child, "type") != "page":
                    parts.append("\n")
            elif name == "noBreakHyphen":
                parts.append("-")
            elif name in ("del", "moveFrom", "instrText", "delText", "pPr", "rPr", "Fallback",
                          "footnoteReference", "endnoteReference", "commentReference"):
                continue
            elif name == "r" and _hidden(child):
                continue
            elif name == "txbxContent":
                boxes.extend(line for line in self.blocks(child) if line.strip())
            else:
                if name in ("blip", "imagedata"):
                    self.images += 1
                self._inline(child, parts, boxes)

    def _number(self, p: ET.Element) -> str:
        ppr = _child(p, "pPr")
        num_pr = _child(ppr, "numPr")
        style = _child(ppr, "pStyle")
        num_id, ilvl = None, None
        if num_pr is not None:
            num = _child(num_pr, "numId")
            lvl = _child(num_pr, "ilvl")
            num_id = _attr(num, "val") if num is not None else None
            ilvl = int(_attr(lvl, "val") or 0) if lvl is not None else None
        if style is not None:
            inherited = self.styles.numbering.get(_attr(style, "val") or "")
            if inherited:
                num_id = num_id if num_id is not None else inherited[0]
                ilvl = ilvl if ilvl is not None else inherited[1]
        if not num_id or num_id == "0":
            return ""
        return self.numbering.label(num_id, ilvl or 0)

    def table(self, tbl: ET.Element) -> list[str]:
        lines: list[str] = []
        for row in tbl:
            if _local(row.tag) != "tr":
                continue
            cells: list[list[str]] = []
            for cell in row:
                if _local(cell.tag) == "sdt":
                    inner = _child(_child(cell, "sdtContent"), "tc")
                    cell = inner if inner is not None else cell
                if _local(cell.tag) != "tc":
                    continue
                merge = _child(_child(cell, "tcPr"), "vMerge")
                if merge is not None and _attr(merge, "val") in (None, "continue"):
                    continue
                cell_lines = [line.strip() for line in self.blocks(cell) if line.strip()]
                if cell_lines:
                    cells.append(cell_lines)
            if len(cells) == 1 or any(_prose(c) for c in cells):
                # a table used for layout (the whole report in one cell, a label beside its text):
                # the cells' paragraphs stay paragraphs
                lines.extend(line for c in cells for line in c)
            elif cells:
                lines.append("\t".join(" ".join(c) for c in cells))
        return lines

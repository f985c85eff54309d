"""Build PDF and DOCX files from a bundled plain-text report, in the test run (tests of ingest.formats).

The PDF is laid out the way government offices publish reports: a CJK font (reportlab's built-in CID
font ``STSong-Light``, which needs no font file), a centred title, paragraphs indented by two characters
and wrapped mid-sentence, a running header and a page number on every page. The DOCX has heading
styles, body paragraphs, a table, a footnote and a comment (neither is report text) and core
properties, written with ``zipfile`` only.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape

#: A heading line of a report: 一、… （一）… 第一章 … (the generator decides layout by it).
HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[章节部分])")
#: Characters a line may not start with (Chinese line-breaking rules): they stay on the line before.
_NO_LINE_START = set("，。、；：！？）》”’,.;:!?)")
_ASCII_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%-]*")


def _tokens(text: str) -> list[str]:
    """Wrapping units: a run of ASCII letters/digits is one unit (never split), any other char is one."""
    out: list[str] = []
    i = 0
    while i < len(text):
        m = _ASCII_WORD.match(text, i)
        if m:
            out.append(m.group())
            i = m.end()
        else:
            out.append(text[i])
            i += 1
    return out


def pdf_safe(text: str) -> str:
    """``text`` as STSong-Light can show it: its UCS2 CMap has no code for U+00B7 (a viewer shows
    nothing there, and no reader can extract it), so the middle dot is set as U+30FB, as GB 2312 has it."""
    return text.replace("\u00b7", "\u30fb")


def wrap(text: str, width: float, first_indent: float, measure) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` (the first ``first_indent`` narrower)."""
    lines: list[str] = []
    line = ""
    avail = width - first_indent
    for tok in _tokens(text):
        if line and measure(line + tok) > avail and tok not in _NO_LINE_START:
            lines.append(line)
            line = ""
            avail = width
        line += tok
    if line:
        lines.append(line)
    return lines


def build_pdf(
    text: str,
    header: str,
    *,
    title: str | None = None,
    author: str | None = None,
    footer_style: str = "dash",
    encrypt: str | None = None,
    body_size: float = 12,
    font: str = "STSong-Light",
    even_header: str | None = None,
    watermark: str | None = None,
    flush_headings: bool = False,
    fake_bold: bool = False,
) -> bytes:
    """A multi-page PDF of ``text`` (one paragraph per line): title centred, every paragraph indented two
    characters as GB/T 9704 sets official documents (with ``flush_headings``, heading lines flush left), ``header`` at the top of every page, a page number at the bottom
    (``footer_style``: ``dash`` "- 3 -", ``page`` "第3页", ``slash`` "3/12", ``bare`` "3").

    ``fake_bold``: heading rows drawn twice, 0.3 pt apart (how some producers embolden a font).
    ``watermark``: a large diagonal text across every page.
    ``even_header``: another header on even pages (as books and some reports have).
    ``encrypt``: a user password ("" = opens without one). reportlab leaves the CID font's
    CIDSystemInfo strings unencrypted, which readers that decrypt every string (pdfminer) then
    misread; encrypted test files therefore use a standard font (``font="Helvetica"``, Latin text)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if font == "STSong-Light":
        pdfmetrics.registerFont(UnicodeCIDFont(font))
    page_w, page_h = A4
    left, right, top, bottom = 72.0, 72.0, 90.0, 80.0
    width = page_w - left - right

    # Lay out every line first (to know the page count for "3/12").
    placed: list[list[tuple[float, float, str, float]]] = [[]]  # per page: (x, size, text, gap before)
    y = page_h - top
    paragraphs = [p.strip() for p in pdf_safe(text).splitlines() if p.strip()]
    for n, para in enumerate(paragraphs):
        is_title = (title is not None and para == title) or (n == 0 and len(para) <= 40 and para[-1] not in "。：:")
        size = body_size * 1.5 if is_title else body_size

        def measure(s: str, size: float = size) -> float:
            return pdfmetrics.stringWidth(s, font, size)

        if is_title:
            lines = wrap(para, width, 0, measure)
            xs = [left + (width - measure(line)) / 2 for line in lines]
        else:
            heading = HEADING.match(para) and len(para) <= 40 and "。" not in para
            indent = 0.0 if heading and flush_headings else 2 * size
            lines = wrap(para, width, indent, measure)
            xs = [left + (indent if i == 0 else 0.0) for i in range(len(lines))]
        for line, x in zip(lines, xs, strict=True):
            step = size * 1.6
            if y - step < bottom:
                placed.append([])
                y = page_h - top
            y -= step
            placed[-1].append((x, size, line, y))
    pages = len(placed)

    buf = io.BytesIO()
    enc = StandardEncryption(encrypt, ownerPassword="owner", canPrint=1) if encrypt is not None else None
    c = canvas.Canvas(buf, pagesize=A4, encrypt=enc, invariant=1)
    if title:
        c.setTitle(title)
    if author:
        c.setAuthor(author)
    for number, lines in enumerate(placed, start=1):
        c.setFont(font, 9)
        c.drawCentredString(page_w / 2, page_h - 50, even_header if even_header and number % 2 == 0 else header)
        c.line(left, page_h - 56, page_w - right, page_h - 56)
        for x, size, line, ly in lines:
            c.setFont(font, size)
            if size == body_size and x == left and _is_full(line, width, size, font):
                # a full line is justified to the right margin, as word processors do
                c.drawString(x, ly, line, charSpace=_justify(line, width, size, font))
            else:
                c.drawString(x, ly, line)
                if fake_bold and HEADING.match(line):  # bold simulated by drawing the line again, offset
                    c.drawString(x + 0.3, ly, line)
        footer = {
            "dash": f"- {number} -",
            "page": f"第{number}页",
            "slash": f"{number}/{pages}",
            "bare": f"{number}",
        }[footer_style]
        c.setFont(font, 10)
        c.drawCentredString(page_w / 2, 40, footer)
        if watermark:  # diagonal, across the body text
            c.saveState()
            c.translate(page_w / 2, page_h / 2)
            c.rotate(35)
            c.setFont(font, 60)
            c.drawCentredString(0, 0, watermark)
            c.restoreState()
        c.showPage()
    c.save()
    return buf.getvalue()


def _is_full(line: str, width: float, size: float, font: str) -> bool:
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.stringWidth(line, font, size) > width - 2 * size


def _justify(line: str, width: float, size: float, font: str) -> float:
    from reportlab.pdfbase import pdfmetrics

    gaps = max(len(line) - 1, 1)
    return max(0.0, (width - pdfmetrics.stringWidth(line, font, size)) / gaps)


def build_image_only_pdf() -> bytes:
    """A one-page PDF whose only content is a drawn picture (as a scanner makes): no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for i in range(40):
        c.rect(60 + (i % 8) * 55, 100 + (i // 8) * 120, 40, 90, fill=1)
    c.showPage()
    c.save()
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------- DOCX

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""
_DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>"""
_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{_W}">
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="10"><w:name w:val="numbered heading 1"/><w:basedOn w:val="1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="Title"/><w:basedOn w:val="a"/></w:style>
</w:styles>"""


#: Chinese outline numbering as Word stores it: 一、 at level 0, （一） at level 1.
_NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{_W}">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""
_H1 = re.compile(r"^[一二三四五六七八九十]+、")
_H2 = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")


def _runs(text: str, split_every: int = 7) -> str:
    """Text as several runs (Word splits paragraphs into runs at every edit and format change)."""
    parts = [text[i : i + split_every] for i in range(0, len(text), split_every)] or [""]
    return "".join(f'<w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r>' for p in parts)


def _para(text: str, style: str | None = None, num_level: int | None = None) -> str:
    num = f'<w:numPr><w:ilvl w:val="{num_level}"/><w:numId w:val="1"/></w:numPr>' if num_level is not None else ""
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/>{num}</w:pPr>' if style else ""
    return f"<w:p>{ppr}{_runs(text)}</w:p>"


def _table(rows: list[list[str]]) -> str:
    body = "".join(
        "<w:tr>" + "".join(f"<w:tc><w:tcPr/>{_para(cell)}</w:tc>" for cell in row) + "</w:tr>" for row in rows
    )
    return f"<w:tbl><w:tblPr/>{body}</w:tbl>"


def build_docx(
    text: str,
    *,
    title: str | None = None,
    creator: str | None = None,
    created: str | None = None,
    table: list[list[str]] | None = None,
    footnote: str = "脚注：本报告数据截至当年12月31日。",
    comment: str = "批注：请核对数字。",
    numbered: bool = False,
    layout_table: bool = False,
) -> bytes:
    """A DOCX of ``text`` (one paragraph per line): the first line in the Title style, 一、 headings in
    heading 1, （一） in heading 2, other lines as body paragraphs; ``table`` (rows of cells) after the
    first 一、 heading; a footnote reference and a comment in the second body paragraph. With
    ``numbered``, the headings' 一、 and （一） are Word's automatic numbering (numbering.xml; level 0
    through the heading style, level 1 on the paragraph), not text. With ``layout_table``, everything
    sits in one table cell."""
    paras = [p.strip() for p in text.splitlines() if p.strip()]
    body: list[str] = []
    body_seen = 0
    table_placed = False
    for n, para in enumerate(paras):
        if n == 0:
            body.append(_para(para, "a5"))
            continue
        if _H1.match(para):
            body.append(_para(_H1.sub("", para), "10") if numbered else _para(para, "1"))
            if table and not table_placed:
                body.append(_table(table))
                table_placed = True
            continue
        if _H2.match(para):
            body.append(_para(_H2.sub("", para), "2", num_level=1) if numbered else _para(para, "2"))
            continue
        body_seen += 1
        if body_seen == 2:
            # a comment range and a footnote reference inside the paragraph
            body.append(
                f'<w:p><w:commentRangeStart w:id="0"/>{_runs(para)}<w:commentRangeEnd w:id="0"/>'
                '<w:r><w:commentReference w:id="0"/></w:r>'
                '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r></w:p>'
            )
        else:
            body.append(_para(para))
    if layout_table:  # the whole report inside one table cell, as some CMS exports lay it out
        body = [f'<w:tbl><w:tblPr/><w:tr><w:tc><w:tcPr/>{"".join(body)}</w:tc></w:tr></w:tbl>']
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{_W}"><w:body>'
        + "".join(body)
        + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{_W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1"><w:p>{_runs(footnote)}</w:p></w:footnote></w:footnotes>'
    )
    comments = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="{_W}">'
        f'<w:comment w:id="0" w:author="审核人"><w:p>{_runs(comment)}</w:p></w:comment></w:comments>'
    )
    props = []
    if title:
        props.append(f"<dc:title>{escape(title)}</dc:title>")
    if creator:
        props.append(f"<dc:creator>{escape(creator)}</dc:creator>")
    if created:
        props.append(f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>')
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' + "".join(props) + "</cp:coreProperties>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/_rels/document.xml.rels", _DOC_RELS)
        z.writestr("word/document.xml", document)
        z.writestr("word/styles.xml", _STYLES)
        z.writestr("word/numbering.xml", _NUMBERING)
        z.writestr("word/footnotes.xml", footnotes)
        z.writestr("word/comments.xml", comments)
        z.writestr("docProps/core.xml", core)
    return buf.getvalue()

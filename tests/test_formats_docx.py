"""DOCX reader (ingest.formats.docx): Word files built in the test run from the bundled reports (title
and heading styles, Word's automatic 一、/（一） numbering, a table, a footnote and a comment) give the
same extraction and report metadata as the plain text; broken files get clear messages."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from formats_build import build_docx

from ingest.decode import InputError
from ingest.formats.docx import chinese_number, convert, format_number
from ingest.pipeline import extract_text

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"
SEED = "taierzhuang-2019.txt"
TABLE = [["事项", "数量"], ["行政复议案件", "76件"], ["行政应诉案件", "54件"]]


def _text(name: str) -> str:
    return (REPORTS / name).read_text(encoding="utf-8")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _with_table(text: str) -> str:
    """The plain text as the DOCX holds it: the table's rows (cells tab-separated) after the first 一、 heading."""
    out: list[str] = []
    placed = False
    for line in _lines(text):
        out.append(line)
        if not placed and line.startswith("一、"):
            out.extend("\t".join(row) for row in TABLE)
            placed = True
    return "\n".join(out) + "\n"


def _signature(doc) -> dict[str, list[str]]:
    return {k: sorted(m.text for m in getattr(doc, k)) for k in ("regulations", "mechanisms", "agencies", "figures")}


@pytest.mark.parametrize(("name", "numbered"), [(SEED, False), (SEED, True), ("006.txt", True), ("013.txt", False)])
def test_docx_extraction_equals_plain_text_extraction(name: str, numbered: bool) -> None:
    text = _text(name)
    converted = convert(build_docx(text, table=TABLE, numbered=numbered), name.replace(".txt", ".docx"))
    expected = _with_table(text)
    assert _lines(converted.text) == _lines(expected)
    from_docx, from_txt = extract_text(converted.text), extract_text(expected)
    assert _signature(from_docx) == _signature(from_txt)
    assert (from_docx.meta.title, from_docx.meta.issuer, from_docx.meta.year) == (
        from_txt.meta.title,
        from_txt.meta.issuer,
        from_txt.meta.year,
    )
    assert [s.number for s in from_docx.sections] == [s.number for s in from_txt.sections]


def test_table_rows_are_lines_and_notes_are_not_text() -> None:
    converted = convert(build_docx(_text(SEED), table=TABLE), "seed.docx")
    assert "行政复议案件\t76件\n" in converted.text
    assert "脚注" not in converted.text and "批注" not in converted.text
    assert converted.media_type.endswith("wordprocessingml.document")


def test_a_report_laid_out_in_a_table_cell_keeps_its_paragraphs() -> None:
    text = _text(SEED)
    converted = convert(build_docx(text, layout_table=True), "cell.docx")
    assert _lines(converted.text) == _lines(text)


def test_automatic_numbering_is_rendered() -> None:
    # 001 has 一、 headings and （一） sub-headings; as Word numbering neither is in the text runs.
    converted = convert(build_docx(_text("001.txt"), numbered=True), "001.docx")
    lines = _lines(converted.text)
    assert "一、2020年推进法治政府建设的主要举措和成效" in lines
    assert "（二）依法全面履行政府职能" in lines


def test_core_properties_go_to_metadata() -> None:
    converted = convert(
        build_docx(_text(SEED), title="台儿庄区2019年度法治政府建设情况报告", creator="台儿庄区司法局",
                   created="2020-01-15T08:00:00Z"),
        "seed.docx",
    )
    assert converted.metadata == {
        "标题": "台儿庄区2019年度法治政府建设情况报告",
        "作者": "台儿庄区司法局",
        "创建日期": "2020-01-15T08:00:00Z",
    }


def test_number_formats() -> None:
    assert [chinese_number(n) for n in (1, 10, 11, 20, 21, 105, 110)] == ["一", "十", "十一", "二十", "二十一", "一百零五", "一百一十"]
    assert format_number(3, "decimalEnclosedCircle") == "③"
    assert format_number(2, "ideographTraditional") == "乙"
    assert format_number(4, "upperRoman") == "IV"


def _zip(entries: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_zip_that_is_not_a_docx() -> None:
    with pytest.raises(InputError, match=r"a\.docx: a zip archive that is not a Word document"):
        convert(_zip({"report.txt": "法治政府建设情况报告"}), "a.docx")
    with pytest.raises(InputError, match=r"b\.docx: an Excel workbook \(\.xlsx\), not a Word document"):
        convert(_zip({"xl/workbook.xml": "<workbook/>"}), "b.docx")


def test_truncated_docx() -> None:
    raw = build_docx(_text(SEED))
    with pytest.raises(InputError, match=r"cut\.docx: \.docx is truncated or damaged"):
        convert(raw[: len(raw) // 2], "cut.docx")


def test_encrypted_and_old_binary_word_files() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    encrypted = ole + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(InputError, match=r"locked\.docx: Word document is encrypted \(password-protected\)"):
        convert(encrypted, "locked.docx")
    with pytest.raises(InputError, match=r"old\.doc: an old binary Word \.doc"):
        convert(ole + "WordDocument".encode("utf-16-le"), "old.doc")


def test_damaged_xml_and_picture_only_documents() -> None:
    raw = build_docx(_text(SEED))
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        parts = {n: z.read(n).decode("utf-8") for n in z.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"][:500]
    with pytest.raises(InputError, match=r"bad\.docx: \.docx is damaged \(word/document\.xml is not well-formed XML"):
        convert(_zip(parts), "bad.docx")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    parts["word/document.xml"] = (
        f'<w:document xmlns:w="{w}" xmlns:a="{a}"><w:body><w:p><w:r><w:drawing><a:blip/></w:drawing></w:r></w:p>'
        "</w:body></w:document>"
    )
    with pytest.raises(InputError, match=r"scan\.docx: \.docx has only 1 picture\(s\) \(scanned pages\?\); it needs OCR"):
        convert(_zip(parts), "scan.docx")


def test_hidden_runs_are_not_text_and_imported_chunks_are_named() -> None:
    raw = build_docx(_text("006.txt"))
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        parts = {n: z.read(n).decode("utf-8") for n in z.namelist()}
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    hidden = '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的修订说明</w:t></w:r>'
    parts["word/document.xml"] = parts["word/document.xml"].replace("</w:p>", hidden + "</w:p>", 1)
    assert "隐藏的修订说明" not in convert(_zip(parts), "hidden.docx").text
    parts["word/document.xml"] = f'<w:document xmlns:w="{w}"><w:body><w:altChunk/></w:body></w:document>'
    with pytest.raises(InputError, match=r"chunk\.docx: \.docx has no text of its own: .*imported chunk"):
        convert(_zip(parts), "chunk.docx")


def test_a_list_that_restarts_its_numbering() -> None:
    # Sub-headings of each section as their own list over one definition, restarted at 1 (Word's
    # "restart numbering"): （一）（二） then （一）（二）, not （三）（四）.
    import xml.etree.ElementTree as ET

    from ingest.formats.docx import _Numbering

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    numbering = _Numbering(ET.fromstring(
        f'<w:numbering xmlns:w="{w}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/></w:lvl></w:abstractNum>'
        f'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        f'<w:num w:numId="2"><w:abstractNumId w:val="0"/>{restart}</w:num></w:numbering>'
    ))
    assert [numbering.label("1", 0) for _ in range(2)] + [numbering.label("2", 0) for _ in range(2)] == [
        "（一）", "（二）", "（一）", "（二）",
    ]

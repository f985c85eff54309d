"""PDF reader (ingest.formats.pdf): PDFs built in the test run from the bundled reports (CJK font,
several pages, running header, page numbers, lines wrapped mid-sentence) give the same text, the same
extraction and the same report metadata as the plain text; broken PDFs get clear messages."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("reportlab")
pytest.importorskip("pdfminer")

from formats_build import build_image_only_pdf, build_pdf, pdf_safe  # noqa: E402

from ingest.decode import InputError  # noqa: E402
from ingest.formats.pdf import (  # noqa: E402
    _check_text_layer,
    _page_number,
    _Row,
    convert,
    fold_radicals,
    pdf_date,
)
from ingest.pipeline import extract_text  # noqa: E402

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"
SEED = "taierzhuang-2019.txt"
TITLE = "台儿庄区人民政府关于2019年度法治政府建设情况的报告"


def _text(name: str) -> str:
    return pdf_safe((REPORTS / name).read_text(encoding="utf-8"))


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def seed_pdf() -> bytes:
    return build_pdf(_text(SEED), "台儿庄区人民政府", title=TITLE, author="台儿庄区人民政府办公室")


def test_seed_pdf_has_several_pages_and_wrapped_lines(seed_pdf: bytes) -> None:
    """The generated file really is what the reader must undo (else the tests below prove nothing)."""
    import io

    from pdfminer.high_level import extract_text as raw_text

    raw = raw_text(io.BytesIO(seed_pdf))
    assert raw.count("\f") >= 3  # pages
    assert raw.count("台儿庄区人民政府\n") >= 3  # running header on every page
    assert "- 2 -" in raw and "- 3 -" in raw
    assert len(_lines(raw)) > 3 * len(_lines(_text(SEED)))  # paragraphs wrapped over many lines


def test_seed_pdf_gives_the_plain_text_paragraph_for_paragraph(seed_pdf: bytes) -> None:
    converted = convert(seed_pdf, "seed.pdf")
    assert converted.media_type == "application/pdf"
    assert _lines(converted.text) == _lines(_text(SEED))
    assert not converted.warnings


@pytest.mark.parametrize(
    ("name", "footer", "size", "flush"),
    [(SEED, "page", 16, False), ("004.txt", "slash", 12, True), ("013.txt", "bare", 12, False),
     ("009.txt", "dash", 16, True), ("007.txt", "page", 14, False)],
)
def test_pdf_extraction_equals_plain_text_extraction(name: str, footer: str, size: float, flush: bool) -> None:
    text = _text(name)
    pdf = build_pdf(text, "某某省人民政府办公厅", footer_style=footer, body_size=size, flush_headings=flush)
    converted = convert(pdf, name.replace(".txt", ".pdf"))
    from_pdf, from_txt = extract_text(converted.text), extract_text(text)
    for kind in ("regulations", "mechanisms", "agencies", "figures"):
        assert sorted(m.text for m in getattr(from_pdf, kind)) == sorted(m.text for m in getattr(from_txt, kind)), kind
    assert (from_pdf.meta.title, from_pdf.meta.issuer, from_pdf.meta.year) == (
        from_txt.meta.title,
        from_txt.meta.issuer,
        from_txt.meta.year,
    )
    assert [s.number for s in from_pdf.sections] == [s.number for s in from_txt.sections]


@pytest.mark.parametrize("footer", ["dash", "page", "slash", "bare"])
def test_page_numbers_and_running_header_are_removed(footer: str) -> None:
    text = _text(SEED)
    converted = convert(build_pdf(text, "台儿庄区人民政府", footer_style=footer), "seed.pdf")
    out = _lines(converted.text)
    assert out.count("台儿庄区人民政府") == 1  # the signature, not the header of every page
    assert not [line for line in out if line.isdigit() or line.startswith(("- ", "第")) and line.endswith(("-", "页"))]
    assert not [line for line in out if "/" in line and line.replace("/", "").isdigit()]
    assert out == _lines(text)


def test_odd_and_even_page_headers_are_removed() -> None:
    text = _text(SEED)
    pdf = build_pdf(text, "台儿庄区人民政府", even_header="2019年度法治政府建设情况报告", body_size=16)
    assert _lines(convert(pdf, "seed.pdf").text) == _lines(text)


def test_fake_bold_headings_are_read_once() -> None:
    text = _text("001.txt")
    pdf = build_pdf(text, "天津市静海区人民政府", fake_bold=True, flush_headings=True, body_size=16)
    assert _lines(convert(pdf, "bold.pdf").text) == _lines(text)


def test_diagonal_watermark_is_not_text() -> None:
    text = _text(SEED)
    pdf = build_pdf(text, "台儿庄区人民政府", watermark="内部资料注意保存")
    assert _lines(convert(pdf, "seed.pdf").text) == _lines(text)


def test_no_break_and_no_space_inside_a_sentence(seed_pdf: bytes) -> None:
    text = convert(seed_pdf, "seed.pdf").text
    assert "《山东省行政权力清单动态管理办法》" in text
    body = [line for line in _lines(text) if len(line) > 60]
    assert body and all(line[-1] in "。！？；：”)）" for line in body)
    assert "  " not in text and " \n" not in text


def test_document_info_goes_to_metadata(seed_pdf: bytes) -> None:
    meta = convert(seed_pdf, "seed.pdf").metadata
    assert meta["标题"] == TITLE
    assert meta["作者"] == "台儿庄区人民政府办公室"
    assert meta["创建日期"].startswith("2000-01-01")  # reportlab's invariant mode fixes the date
    assert "主题" not in meta  # reportlab's placeholder subject "unspecified"


def test_pdf_dates() -> None:
    assert pdf_date("D:20200115093000+08'00'") == "2020-01-15T09:30:00+08:00"
    assert pdf_date("D:20200115") == "2020-01-15"
    assert pdf_date("D:20200115093000Z") == "2020-01-15T09:30:00Z"
    assert pdf_date("yesterday") == "yesterday"


def test_page_number_lines() -> None:
    for line in ("3", "- 3 -", "— 12 —", "第3页", "第3页 共12页", "共12页 第3页", "3/12", "Page 3 of 12", "iv"):
        assert _page_number(line, 12), line
    for line in ("2019", "一、总体情况", "3项", "2019年"):
        assert not _page_number(line, 12), line


def test_radical_code_points_become_ideographs() -> None:
    # What fonts with radical-mapped ToUnicode tables give (Kangxi ⼈ U+2F08, supplement ⺠ U+2EA0, ⻓ U+2ED3).
    assert fold_radicals("台⼉庄区⼈⺠政府⻓期") == "台儿庄区人民政府长期"
    assert fold_radicals("没有部首") == "没有部首"


def test_pdf_with_empty_user_password_is_read() -> None:
    # Only owner restrictions: it opens without a password (Latin text: see build_pdf's note on encrypt).
    paragraph = "The county government reviewed 54 normative documents and answered 76 appeals in 2019. " * 6
    text = "Law-based government annual report\n" + (paragraph.strip() + "\n") * 8
    converted = convert(build_pdf(text, "County Government", encrypt="", font="Helvetica"), "open.pdf")
    assert _lines(converted.text) == _lines(text)


def test_password_protected_pdf_is_refused() -> None:
    pdf = build_pdf(_text("001.txt"), "天津市静海区人民政府", encrypt="secret")
    with pytest.raises(InputError, match=r"locked\.pdf: PDF is encrypted and needs a password"):
        convert(pdf, "locked.pdf")


def test_truncated_pdf_is_refused(seed_pdf: bytes) -> None:
    with pytest.raises(InputError, match=r"cut\.pdf: PDF is truncated or damaged"):
        convert(seed_pdf[: len(seed_pdf) // 2], "cut.pdf")


def test_damaged_pdf_is_refused(seed_pdf: bytes) -> None:
    # the body overwritten but the end marker kept: no object can be read
    damaged = seed_pdf[:20] + b"\x00garbage" * 2000 + seed_pdf[-30:]
    with pytest.raises(InputError, match=r"bad\.pdf: PDF (is damaged|has no pages|has no text layer)"):
        convert(damaged, "bad.pdf")


def test_scanned_pdf_needs_ocr() -> None:
    with pytest.raises(InputError, match=r"scan\.pdf: PDF has no text layer \(scanned\?\); it needs OCR first"):
        convert(build_image_only_pdf(), "scan.pdf")


def _row(text: str) -> _Row:
    return _Row(text, 72, 500, 700, 688, 12)


def test_fonts_without_unicode_mapping_need_ocr() -> None:
    # What pdfminer gives for glyphs of a font with neither a ToUnicode map nor a known encoding.
    pages = [[_row("(cid:1041)(cid:2753)" * 20)] for _ in range(3)]
    with pytest.raises(InputError, match=r"f\.pdf: PDF fonts have no Unicode mapping .*it needs OCR first"):
        _check_text_layer(pages, "f.pdf", [])


def test_scanned_pages_among_text_pages_are_named_in_a_warning() -> None:
    text_page = [_row("台儿庄区人民政府关于2019年度法治政府建设情况的报告" * 3)]
    warnings: list[str] = []
    _check_text_layer([text_page, [], text_page, [_row("12")]], "mixed.pdf", warnings)
    assert warnings == ["mixed.pdf: page(s) 2, 4 have no text layer (scanned?); their text is missing"]


def test_not_a_pdf() -> None:
    with pytest.raises(InputError, match=r"x\.pdf: not a PDF file"):
        convert("台儿庄区人民政府关于2019年度法治政府建设情况的报告".encode(), "x.pdf")

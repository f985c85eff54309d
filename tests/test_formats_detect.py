"""Recognising a file's format from its content, the name only breaking ties (issue 9)."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest

from ingest.decode import InputError, read_report
from ingest.formats import DOCX, HTML, PDF, TEXT, Refused, convert, detect
from ingest.load import find_reports

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"
SEED_BYTES = (REPORTS / "taierzhuang-2019.txt").read_bytes()
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


def _zip(**entries: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries.items():
            z.writestr(name.replace("__", "/"), data)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (SEED_BYTES, "a.txt", TEXT),
        (SEED_BYTES, "a.html", TEXT),  # a text named .html is text
        ("\ufeff".encode() + SEED_BYTES, "a.htm", TEXT),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "a.txt", HTML),  # a page named .txt is a page
        (b"\xef\xbb\xbf\r\n  <!-- saved from url=(0020)http://a.gov.cn/ -->\n<html>", "a", HTML),
        (b'<?xml version="1.0" encoding="gb2312"?>\n<html xmlns="x">', "a.xml", HTML),
        ("<meta charset=gbk><div>报告</div>".encode("gbk"), "a.dat", HTML),
        (b"Report of the year <b>2020</b> see <p> <div> </div> <br>", "a.html", HTML),  # a fragment: the name decides
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a.doc", PDF),
        (_zip(**{"word__document.xml": "<w:document/>", "[Content_Types].xml": "x"}), "a.zip", DOCX),
    ],
)
def test_detect_by_content(data, name, kind):
    assert detect(data, name) == kind


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (OLE + "WordDocument".encode("utf-16-le") + bytes(600), "old binary .doc (Word 97–2003)"),
        (OLE + "Workbook".encode("utf-16-le") + bytes(600), "old binary .xls"),
        (OLE + bytes(600), "OLE compound document"),
        (_zip(**{"xl__workbook.xml": "x"}), "Excel workbook"),
        (_zip(mimetype="application/vnd.oasis.opendocument.text", content="x"), "OpenDocument text (.odt)"),
        (_zip(**{"readme.txt": "x"}), "zip archive that is not a Word document"),
        (b"PK\x03\x04" + bytes(100), "damaged or truncated"),
        (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}", "RTF document"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG image"),
        (b"\xff\xd8\xff\xe0" + bytes(100), "JPEG image"),
        (b"\x1f\x8b\x08" + bytes(100), "gzip archive"),
    ],
)
def test_refused_formats_are_named(data, words):
    kind = detect(data, "report.doc")
    assert isinstance(kind, Refused) and words in kind.name
    with pytest.raises(InputError) as err:
        convert(data, "report.doc")
    message = str(err.value)
    assert message.startswith("report.doc: ") and words in message and "not a format fazhi reads" in message


def test_old_doc_message_says_what_to_do(tmp_path):
    path = tmp_path / "报告.doc"
    path.write_bytes(OLE + "WordDocument".encode("utf-16-le") + bytes(600))
    with pytest.raises(InputError, match=r"old binary \.doc \(Word 97–2003\).*save it as \.docx or text"):
        read_report(path)


def test_text_that_starts_like_a_magic_number_is_text():
    assert detect("BM市2020年法治政府建设报告".encode(), "a.txt") == TEXT
    assert detect(b"MZ " + SEED_BYTES, "a.txt") == TEXT


def test_a_missing_reader_says_support_is_not_installed(monkeypatch):
    monkeypatch.setitem(sys.modules, "ingest.formats.pdf", None)
    with pytest.raises(InputError, match="PDF support not installed"):
        convert(b"%PDF-1.4\n", "a.pdf")


def test_read_report_keeps_the_media_type(tmp_path):
    page = tmp_path / "page.txt"
    body = SEED_BYTES.decode("utf-8").replace("\n", "</p>\n<p>")
    page.write_text(f"<!DOCTYPE html><html><body><div id='zoom'><p>{body}</p></div></body></html>", "utf-8")
    dec = read_report(page)
    assert dec.media_type == "text/html" and "<p>" not in dec.text and dec.raw == page.read_bytes()
    plain = tmp_path / "plain.html"
    plain.write_bytes(SEED_BYTES)
    dec = read_report(plain)
    assert dec.media_type == "text/plain" and dec.source_metadata == {} and dec.source_url is None


def test_folders_list_every_report_format(tmp_path):
    for name in ("a.txt", "b.HTML", "c.htm", "d.pdf", "e.docx", "f.doc", "SOURCES.tsv", "g.md", "h.png"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "i.html").write_bytes(b"x")
    files, missing = find_reports([str(tmp_path)])
    assert sorted(f.name for f in files) == ["a.txt", "b.HTML", "c.htm", "d.pdf", "e.docx", "f.doc", "i.html"]
    assert missing == []


def _mhtml(page: bytes, charset: str, location: str) -> bytes:
    """A web archive as browsers save it: MIME headers, the page as a quoted-printable part, an image."""
    from email.mime.image import MIMEImage
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    archive = MIMEMultipart("related", type="text/html")
    archive["From"] = "<Saved by Blink>"
    archive["Snapshot-Content-Location"] = location
    archive["Subject"] = "report"
    part = MIMEText(page.decode(charset), "html", charset)
    part["Content-Location"] = location
    archive.attach(part)
    archive.attach(MIMEImage(b"\x89PNG\r\n\x1a\n" + bytes(64), "png"))
    return archive.as_bytes()


def test_web_archive_is_read_like_the_page(tmp_path):
    from formats_html_build import build_page

    from ingest.formats import MHTML
    from ingest.pipeline import extract_file

    text = (REPORTS / "007.txt").read_text(encoding="utf-8")
    page = build_page(text, charset="gbk").replace(b'<link rel="canonical"', b'<link rel="x"')
    page = page.replace(b'<meta property="og:url"', b'<meta property="x"').replace(b"saved from url", b"x")
    page = page.replace(b"charset=gbk", b"")  # the charset only in the part header
    archive = _mhtml(page, "gbk", "http://www.dg.gov.cn/a/2019/report.html")
    assert detect(archive, "a.mht") == MHTML
    (tmp_path / "a.mht").write_bytes(archive)
    (tmp_path / "b.html").write_bytes(build_page(text, charset="gbk"))
    doc, plain = extract_file(tmp_path / "a.mht"), extract_file(tmp_path / "b.html")
    assert doc.text == plain.text and doc.media_type == "multipart/related"
    assert doc.source_url == "http://www.dg.gov.cn/a/2019/report.html"
    assert [r.text for r in doc.regulations] == [r.text for r in plain.regulations] != []
    from ingest.to_rdf import doc_to_rdf
    from shapes.validate import validate_report

    assert validate_report(doc_to_rdf(doc, "20261127T000000Z-mht")).violations == 0

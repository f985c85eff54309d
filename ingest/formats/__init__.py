"""Recognising a report file's format from its content, and converting non-text formats to text.

:func:`detect` looks at the bytes (magic numbers, markup at the start), using the file name only to
break a tie; :func:`convert` hands HTML, PDF and DOCX to their readers (``ingest.formats.html``,
``.pdf``, ``.docx``, imported when needed) and refuses every other binary format with an
:class:`~ingest.decode.InputError` that names it. Plain text returns ``None``: ``ingest.decode``
reads it.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from importlib import import_module
from pathlib import PurePath

from ingest.decode import InputError
from ingest.formats.base import Converted

TEXT, HTML, PDF, DOCX, MHTML = "text", "html", "pdf", "docx", "mhtml"

MEDIA_TYPES = {
    TEXT: "text/plain",
    HTML: "text/html",
    PDF: "application/pdf",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    MHTML: "multipart/related",
}


@dataclass(frozen=True)
class Refused:
    """A format fazhi does not read: what it is and what to do instead."""

    name: str
    advice: str
    binary: bool = True


_SAVE_AS = "save it as .docx, PDF with a text layer, or plain text"
_OCR = "it has no text layer and needs OCR first; save the report's text instead"

#: Magic numbers of formats that are refused outright (prefix → what it is).
_MAGIC: tuple[tuple[bytes, Refused], ...] = (
    (b"{\\rtf", Refused("RTF document", "save it as .docx or plain text", binary=False)),
    (b"\x89PNG\r\n\x1a\n", Refused("PNG image", _OCR)),
    (b"\xff\xd8\xff", Refused("JPEG image", _OCR)),
    (b"GIF87a", Refused("GIF image", _OCR)),
    (b"GIF89a", Refused("GIF image", _OCR)),
    (b"II*\x00", Refused("TIFF image", _OCR)),
    (b"MM\x00*", Refused("TIFF image", _OCR)),
    (b"BM", Refused("BMP image", _OCR)),
    (b"\x1f\x8b", Refused("gzip archive", "unpack it and ingest the files inside")),
    (b"7z\xbc\xaf\x27\x1c", Refused("7-Zip archive", "unpack it and ingest the files inside")),
    (b"Rar!\x1a\x07", Refused("RAR archive", "unpack it and ingest the files inside")),
    (b"\x7fELF", Refused("executable program", "not a report")),
    (b"MZ", Refused("Windows executable", "not a report")),
    (b"SQLite format 3\x00", Refused("SQLite database", "not a report")),
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Entries that name an Office Open XML / OpenDocument package other than a Word document.
_ZIP_KINDS = (
    ("xl/workbook.xml", Refused("Excel workbook (.xlsx)", "not a report; save the report as .docx or text")),
    ("ppt/presentation.xml", Refused("PowerPoint presentation (.pptx)", _SAVE_AS)),
    ("word/document2.xml", Refused("Word document with an unusual main part", _SAVE_AS)),
)
_ODF = re.compile(rb"application/vnd\.oasis\.opendocument\.(\w+)")

#: Markup a web page starts with (after a BOM, white space and comments).
_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|link|script|style|div|table|p|h[1-6]|center|font|span|form)\b",
    re.I,
)
_XML_DECL = re.compile(r"<\?xml[^>]*>\s*", re.I)
_COMMENT = re.compile(r"<!--.*?-->\s*", re.S)
_TAG = re.compile(r"</?(?:html|head|body|div|p|br|table|tr|td|span|meta|a|h[1-6]|ul|li|script|style)\b[^<>]{0,300}>", re.I)
_HTML_NAMES = (".html", ".htm", ".shtml", ".xhtml")
#: A web archive (.mht): MIME headers of a multipart/related message at the start.
_MHTML = re.compile(rb"\A(?:[\x21-\x7e]+:[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*){0,30}?[^\n]*multipart/related", re.I)


def _sample_text(raw: bytes) -> str:
    """The opening bytes as text, good enough to look for ASCII markup."""
    head = raw[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore")
    return head.decode("latin-1")


def _looks_like_html(raw: bytes, path: str) -> bool:
    sample = _sample_text(raw).lstrip("\ufeff\xef\xbb\xbf \t\r\n")
    sample = _XML_DECL.sub("", sample, count=1)
    while sample.startswith("<!--"):
        rest = _COMMENT.sub("", sample, count=1)
        if rest == sample:
            break
        sample = rest
    if _HTML_START.match(sample):
        return True
    # Text before the markup (a saved fragment): the name decides, given enough tags.
    return PurePath(path).suffix.lower() in _HTML_NAMES and len(_TAG.findall(_sample_text(raw))) >= 3


def _zip_kind(raw: bytes, path: str) -> str | Refused:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            names = set(z.namelist())
            mimetype = z.read("mimetype")[:200] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        what = ".docx" if PurePath(path).suffix.lower() == ".docx" else "zip archive"
        return Refused(f"damaged or truncated {what} (the zip directory cannot be read)", "download or save it again")
    if "word/document.xml" in names:
        return DOCX
    m = _ODF.search(mimetype)
    if m:
        kind = m.group(1).decode()
        what = {"text": "OpenDocument text (.odt)", "spreadsheet": "OpenDocument spreadsheet (.ods)"}.get(kind)
        return Refused(what or f"OpenDocument {kind}", _SAVE_AS)
    for entry, refused in _ZIP_KINDS:
        if entry in names:
            return refused
    return Refused("zip archive that is not a Word document (no word/document.xml)", "unpack it or " + _SAVE_AS)


def _ole_kind(raw: bytes) -> Refused:
    head = raw[:1 << 20]
    if "EncryptedPackage".encode("utf-16-le") in head:  # an encrypted .docx/.xlsx is an OLE wrapper
        return Refused("password-protected (encrypted) Office document", "save an unprotected copy first")
    if "WordDocument".encode("utf-16-le") in head:
        return Refused("old binary .doc (Word 97–2003)", "save it as .docx or text")
    if "Workbook".encode("utf-16-le") in head or "Book".encode("utf-16-le") in head:
        return Refused("old binary .xls (Excel 97–2003)", "not a report; save the report as .docx or text")
    if "PowerPoint".encode("utf-16-le") in head:
        return Refused("old binary .ppt (PowerPoint 97–2003)", _SAVE_AS)
    return Refused("old binary Office file (OLE compound document, e.g. .doc/.wps)", "save it as .docx or text")


def detect(raw: bytes, path: str = "<bytes>") -> str | Refused:
    """The format of ``raw``: ``text``, ``html``, ``pdf``, ``docx``, or a :class:`Refused` format."""
    body = raw.lstrip(b"\xef\xbb\xbf")
    if b"%PDF-" in body[:1024]:
        return PDF
    if body.startswith(b"PK\x03\x04") or body.startswith(b"PK\x05\x06"):
        return _zip_kind(body, path)
    if body.startswith(_OLE):
        return _ole_kind(body)
    if body[:4] == b"RIFF" and body[8:12] == b"WEBP":
        return Refused("WebP image", _OCR)
    for magic, refused in _MAGIC:
        if body.startswith(magic):
            if magic in (b"BM", b"MZ") and not _binary(body):
                continue  # a text that merely starts with these letters
            return refused
    if _MHTML.match(body[:8192]):
        return MHTML
    return HTML if _looks_like_html(raw, path) else TEXT


def _binary(raw: bytes) -> bool:
    return b"\x00" in raw[:4096]


def convert(raw: bytes, path: str) -> Converted | None:
    """Text and metadata of a non-text file; ``None`` for plain text; :class:`InputError` for a refused
    format or a reader's failure."""
    kind = detect(raw, path)
    if kind == TEXT:
        return None
    if isinstance(kind, Refused):
        what = f"{kind.name} (a binary file)" if kind.binary else kind.name
        raise InputError(f"{path}: {what}, not a format fazhi reads: {kind.advice}")
    try:
        reader = import_module(f"ingest.formats.{kind}")
    except ModuleNotFoundError as e:
        if e.name in (f"ingest.formats.{kind}",):
            raise InputError(f"{path}: {kind.upper()} file: {kind.upper()} support not installed") from None
        raise InputError(
            f"{path}: {kind.upper()} file: {kind.upper()} support not installed (missing module {e.name})"
        ) from None
    return reader.convert(raw, path)


__all__ = ["Converted", "Refused", "detect", "convert", "MEDIA_TYPES", "TEXT", "HTML", "PDF", "DOCX", "MHTML"]

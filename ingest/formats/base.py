"""What a format reader gives back: the report's plain text and what the file said about itself.

Each reader module in :mod:`ingest.formats` (``html``, ``pdf``, ``docx``) exposes
``convert(raw: bytes, path: str) -> Converted`` and raises :class:`ingest.decode.InputError` with a
message naming the file and the problem when it cannot give a report's text (encrypted or scanned PDF,
a zip that is not a DOCX, a page with no report in it, an old binary ``.doc`` …).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Converted:
    """Plain text extracted from a non-text file, with the file's own metadata."""

    text: str
    media_type: str  # e.g. "text/html", "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    #: Disclosure-table or document-property fields, keyed by their Chinese label as printed
    #: (索引号, 主题分类, 发布机构, 成文日期, 发文日期, 文号, 效力状态, 标题 …); values stripped.
    metadata: dict[str, str] = field(default_factory=dict)
    source_url: str | None = None  # the page's own address (canonical link or og:url)
    encoding: str | None = None  # the character encoding the text was read in, when the format has one
    warnings: list[str] = field(default_factory=list)

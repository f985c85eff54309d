"""Web archives (.mht/.mhtml, "save as single file"): the page inside, read like a saved web page.

An MHTML file is a MIME ``multipart/related`` message whose first ``text/html`` part is the page
(quoted-printable or base64, with its charset in the part header); images and styles are the other
parts. The page's own address is the part's ``Content-Location`` when it has no canonical link.
"""

from __future__ import annotations

import email
import email.policy
import re

from ingest.decode import InputError
from ingest.formats import html
from ingest.formats.base import Converted

_CHARSET_META = re.compile(rb"<meta[^>]+charset\s*=", re.I)


def convert(raw: bytes, path: str) -> Converted:
    """The report in the archive's HTML part."""
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    part = next((p for p in message.walk() if p.get_content_type() == "text/html"), None)
    if part is None:
        raise InputError(f"{path}: web archive (MHTML) without an HTML page in it")
    page = part.get_payload(decode=True) or b""
    if not page.strip():
        raise InputError(f"{path}: web archive (MHTML) whose HTML page is empty")
    charset = part.get_content_charset()
    if charset and not _CHARSET_META.search(page[:4096]):  # the part header names the charset the page does not
        page = f'<meta charset="{charset}">'.encode("ascii", "ignore") + page
    converted = html.convert(page, path)
    location = part.get("Content-Location") or message.get("Snapshot-Content-Location")
    if converted.source_url is None and location and re.match(r"^https?://\S+$", location.strip()):
        converted.source_url = location.strip()
    converted.media_type = "multipart/related"
    return converted

"""Minting stable, readable IRIs under the base (see docs/architecture.md, "IRIs")."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from fazhi.namespaces import ID, SCHEME

_UNSAFE = re.compile(r"[^0-9A-Za-z._~\-\u3400-\u9fff]+")


def short_hash(text: str, n: int = 10) -> str:
    """A short, stable hex digest of ``text`` (NFKC-normalised, whitespace removed)."""
    norm = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:n]


def slug(text: str) -> str:
    """A path segment safe in an IRI: ASCII letters/digits and CJK kept, the rest as ``-``."""
    s = _UNSAFE.sub("-", unicodedata.normalize("NFKC", text)).strip("-")
    return s or short_hash(text)


def instance(*parts: str) -> str:
    """An instance IRI ``{BASE}id/part1/part2…``."""
    return str(ID) + "/".join(parts)


def concept(scheme: str, notation: str) -> str:
    """A concept IRI ``{BASE}scheme/{scheme}/{notation}``."""
    return f"{SCHEME}{scheme}/{notation}"

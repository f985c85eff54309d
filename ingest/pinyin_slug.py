"""Readable, stable ASCII slugs for Chinese names (legal-document and mechanism IRIs)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from fazhi.iri import short_hash

_NON_SLUG = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=16384)
def pinyin_slug(text: str, max_len: int = 60) -> str:
    """``双随机一公开`` → ``shuang-sui-ji-yi-gong-kai``; long names are cut and get a hash suffix.

    Digits and Latin letters are kept (lower-cased); everything that is neither a letter, a digit
    nor a CJK character becomes a separator. The result depends only on ``text``.
    """
    from pypinyin import Style, lazy_pinyin

    norm = unicodedata.normalize("NFKC", text).replace("+", " plus ")
    parts = lazy_pinyin(norm, style=Style.NORMAL, errors=lambda s: [s])
    joined = "-".join(_NON_SLUG.sub("-", p.lower()).strip("-") for p in parts)
    slug = re.sub(r"-{2,}", "-", joined).strip("-")
    if not slug:
        return "h-" + short_hash(text)
    if len(slug) > max_len:
        slug = slug[:max_len].rstrip("-") + "-" + short_hash(text, 6)
    return slug

"""A same-length normalised copy of a text, for matching.

Every character maps to exactly one character, so an offset into the copy is an offset into the
original. Full-width ASCII forms fold to ASCII (（ → (, ： → :, ， → ,), the ideographic space and
other Unicode spaces to a space, ``\\r`` to ``\\n`` (so line-based rules see CR and CRLF line ends),
and traditional characters to simplified ones where the mapping is one character to one
(``ingest.t2s``, generated from OpenCC by ``scripts/gen_t2s.py``).
"""

from __future__ import annotations

from functools import lru_cache

# Full-width punctuation kept as is: these are the marks the annotation rules treat as Chinese.
_KEEP = set("、。“”‘’《》〈〉「」『』【】〔〕")
# Unicode spaces (no-break, en/em …, zero-width, narrow no-break, BOM inside the text) → ASCII space.
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\ufeff"
# Small form variants (﹐﹑﹒ …) used by some converters, folded like their full-width counterparts.
_SMALL_FORMS = {"﹐": ",", "﹑": "、", "﹒": ".", "﹔": ";", "﹕": ":", "﹖": "?", "﹗": "!", "﹙": "(", "﹚": ")"}


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0xFF01, 0xFF5F):  # full-width ASCII variants
        table[cp] = chr(cp - 0xFEE0)
    table[0x3000] = " "
    for ch in _SPACES:
        table[ord(ch)] = " "
    table[ord("\r")] = "\n"
    for small, folded in _SMALL_FORMS.items():
        table[ord(small)] = folded
    from ingest.t2s import T2S

    for trad, simp in T2S.items():
        table[ord(trad)] = simp
    for ch in _KEEP:
        table.pop(ord(ch), None)
    return table


def normalize(text: str) -> str:
    """The matching copy of ``text``: same length, simplified, full-width ASCII folded."""
    out = text.translate(_table())
    if len(out) != len(text):  # pragma: no cover - the table is 1→1 by construction
        raise AssertionError("normalize changed the text length")
    return out

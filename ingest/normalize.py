"""A same-length normalised copy of a text, for matching.

Every character maps to exactly one character, so an offset into the copy is an offset into the
original. Full-width ASCII forms fold to ASCII (（ → (, ： → :, ， → ,), the ideographic space to a
space, and traditional characters to simplified ones where the mapping is one character to one.
"""

from __future__ import annotations

from functools import lru_cache

# Full-width punctuation kept as is: these are the marks the annotation rules treat as Chinese.
_KEEP = set("、。“”‘’《》〈〉「」『』【】〔〕")


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0xFF01, 0xFF5F):  # full-width ASCII variants
        table[cp] = chr(cp - 0xFEE0)
    table[0x3000] = " "
    from ingest.t2s import T2S

    for trad, simp in T2S.items():
        table[ord(trad)] = simp
    for ch in _KEEP:
        table.pop(ord(ch), None)
    return table


def normalize(text: str) -> str:
    """The matching copy of ``text``: same length, simplified, full-width ASCII folded."""
    out = text.translate(_table())
    assert len(out) == len(text)
    return out

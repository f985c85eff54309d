"""Pipeline component: who issued the report, whose report it is, and the report's identity.

Clues, strongest first: the title (台儿庄区人民政府关于…的报告, 陵川县教育局 2025年…), the body's
self-reference in the opening (2021年,司法部坚持…; 现将庆隆镇2020年度…报告如下), a closing signature,
the CMS header's 发布机构, self-pronouns (我县, 我局, 本局, 我厅), the addressee (县委、县政府:) and the
places the text names. Each clue is parsed into a division chain (GB/T 2260, townships from the town
list) and a body (people's government, department …). A division name shared by several units (市中区)
is resolved by the other places and the towns the text names. The file name is never used.

Sets ``doc.meta``: issuer, jurisdiction (full simplified name: 北京市朝阳区人民政府,
枣庄市市中区人力资源和社会保障局, 铜梁区庆隆镇人民政府), division_code, division_name, level,
confidence/evidence, key (``{code}-{year}-{issuer-slug}``) and iri.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from fazhi.iri import instance
from ingest import divisions
from ingest.agency_ids import NATIONAL, AgencyInfo, make, party_name
from ingest.agency_types import DEPARTMENTS, dept_forms
from ingest.divisions import Division
from ingest.model import Doc, ReportMeta
from ingest.normalize import normalize

_TOWN_SUFFIX = ("街道", "镇", "乡", "苏木")
_PRONOUNS = {"县": "gov", "区": "gov", "市": "gov", "省": "gov", "州": "gov", "旗": "gov", "镇": "gov",
             "乡": "gov", "街道": "gov", "局": "dept", "厅": "dept", "部": "dept", "委": "dept", "办": "dept"}
_PRONOUN_RE = re.compile(r"(?:我|本)(街道|县|区|市|省|州|旗|镇|乡|局|厅|部|委|办)(?![长委员])")
_OPENING_SUBJECT = re.compile(
    r"(?:^|[。\n:])\s*(?:\d{4}年(?:度|以来|来)?|[一二三四五六七八九十]+年来|今年以来|近年来|过去一年)\s*,?\s*"
    r"(?:在[^,。]{2,40}?下\s*,\s*)?"
    r"(?P<n>[^\s,。、“《:;]{2,32}?)"
    r"(?=坚持|深入|认真|全面|紧紧|始终|以|按照|围绕|扎实|持续|积极|着力|不断|高度|聚焦|立足|牢固|严格|在|把|将|"
    r"紧扣|贯彻|落实|切实|努力|主动|大力|进一步|紧密|强化|加强|推进|统筹|全力|锚定)"
)
_REPORT_AS = re.compile(r"现将(?P<n>[^\s,。、“《]{2,32}?)(?:\d{4}年|[上下]半年|年度|法治|有关|工作|相关)")
_SIGNATURE_END = ("人民政府", "政府", "局", "厅", "委员会", "办公室", "办公厅", "办事处", "部", "委", "办", "行政公署",
                  "管委会")
# a development zone's administrative committee (合肥经济技术开发区管理委员会): a body with no division code
_ZONE = re.compile(r"^(?:中共)?(?P<zone>[\u4e00-\u9fff](?:(?!委)[\u4e00-\u9fff]){1,23}?"
                   r"(?:开发区|高新区|园区|新区|试验区|示范区|保税区|合作区))"
                   r"(?:党?工委[、和与及 ]*(?P=zone)?)?(?:管理委员会|管委会)")
_GLUED_SIGNATURE = re.compile(
    r"[。;!?”)](?P<n>[^。;,、!?“”()《》:]{3,40}?(?:人民政府|政府|局|厅|委员会|办公室|办公厅|办事处|部|委|办))"
    r"(?:\d{4}|[〇○零一二三四五六七八九十]{4})年[\d〇○零一二三四五六七八九十]{1,3}月[\d〇○零一二三四五六七八九十]{1,3}日$")
_UNKNOWN_COUNTY = re.compile(r"([\u4e00-\u9fff]{2,5}?(?:新区|区|县|旗))(?=人民政府|政府|党?委|人大|政协|$)")
_DATE_LINE = re.compile(r"^\s*(?:\d{4}|[〇○零一二三四五六七八九十]{4})\s*年.{0,8}日?\s*$")


@dataclass
class Parsed:
    """One clue, parsed: division options along the name, and the body it names."""

    clue: str  # title, opening, signature, header, pronoun, addressee
    text: str
    chain: list[list[Division]] = field(default_factory=list)  # options per place named, outer first
    body: str | None = None  # gov, dept, general-office, party-gov, party, national
    dept: str | None = None
    noun: str | None = None  # level noun the clue implies (我县 → 县)
    form: str = ""  # the department name as written (卫生健康局)
    unknown: str = ""  # a county-level name after the places that no table knows (a new district)

    @property
    def options(self) -> list[Division]:
        return self.chain[-1] if self.chain else []


@lru_cache(maxsize=1)
def _dept_forms_longest() -> list[tuple[str, str]]:
    return sorted(dept_forms().items(), key=lambda kv: -len(kv[0]))


def _match_place(name: str, i: int, outer: list[Division]) -> tuple[int, list[Division]] | None:
    """The longest division or town name starting at ``name[i]`` (short names only for 省/地级)."""
    for k in range(min(12, len(name) - i), 1, -1):
        piece = name[i:i + k]
        opts = divisions.candidates(piece)
        full = [o for o in opts if o.name == piece]
        if full:
            return k, full
        short = [o for o in opts if o.level != "county"]
        if short and (i + k == len(name) or _body_follows(name, i + k) or name[i + k].isdigit()):
            return k, short
        if outer and outer[-1].level == "township":
            continue  # towns do not nest
        if piece.endswith(_TOWN_SUFFIX) or (piece.endswith("街") and not name.startswith("街道", i + k)):
            county = outer[-1].code if outer and outer[-1].level == "county" else None
            towns = divisions.towns(piece, county) or (divisions.towns(piece + "道", county) if piece.endswith("街") else [])
            if towns:
                return k, towns
    return None


def _body_follows(name: str, j: int) -> bool:
    rest = name[j:]
    return rest.startswith(("人民政府", "政府", "委", "党委", "人大", "政协", "法院", "检察院", "人民法院", "人民检察院")) or \
        any(rest.startswith(f) for f, _ in _dept_forms_longest())


def parse_name(clue: str, name: str) -> Parsed:
    """Parse a body name (台儿庄区人民政府, 市中区人力资源和社会保障局, 留下街道, 司法部) into places and body."""
    p = Parsed(clue, name)
    i = 0
    if name.startswith("中共"):
        i = 2
    outer: list[Division] = []
    while i < len(name):
        m = _match_place(name, i, outer)
        if m is None:
            break
        k, opts = m
        p.chain.append(opts)
        outer = opts
        i += k
    rest = name[i:]
    new = _UNKNOWN_COUNTY.match(rest) if len(p.chain) <= 1 and (not p.chain or p.chain[-1][0].level != "county") else None
    if new:  # 上海市江湾区人民政府, 江湾区 (title): a county-level unit the tables do not have
        p.unknown, rest = new.group(1), rest[new.end(1):]
    lead = re.match(r"(街道|[省市区县州旗镇乡])(?=(?:人民)?政府|委|[\u4e00-\u9fff]{1,12}[局厅委办])", rest) if not p.chain else None
    if lead:  # 省政府, 县司法局: a level noun instead of a place
        p.noun, rest = lead.group(1), rest[lead.end():]
    if rest.startswith(("人民政府办公厅", "人民政府办公室", "政府办公厅", "政府办公室")):
        p.body = "general-office"
    elif rest.startswith(("人民政府", "政府", "办事处", "行政公署")):
        p.body = "gov"
    elif re.match(r"(?:党?委|党工委)[、和与及 ]*(?:中共)?[\u4e00-\u9fff]{0,12}?(?:人民)?政府", rest):
        p.body = "party-gov"
    elif rest.startswith("国务院") and not p.chain:
        p.body, p.chain = "gov", [[NATIONAL]]
    else:
        for form, notation in _dept_forms_longest():
            if rest.startswith(form):
                p.body, p.dept, p.form = "dept", notation, form
                t = DEPARTMENTS[notation]
                if not p.chain and t.kind == "department" and (form.endswith("部") or form == t.national_name):
                    p.chain = [[NATIONAL]]
                break
        else:
            if rest.startswith(("党委", "委", "党工委")) and p.chain:
                p.body = "party"
            elif (p.chain or p.unknown) and (rest == "" or re.match(r"\d{4}|关于|法治|年度|[上下]半年|20|全面|依法", rest)):
                p.body = "gov"
    return p


def _title_clue(doc: Doc) -> str | None:
    title = doc.meta.title
    if not title:
        start = doc.meta.header_end
        first = doc.norm[start:start + 200].strip().split("\n", 1)[0].strip()
        if "报告" in first and len(first) <= 80:
            title = first
    if not title:
        return None
    t = re.sub(r"\s+", "", doc.norm[doc.meta.title_start:doc.meta.title_end] if doc.meta.title_start >= 0
               and doc.meta.title else title)
    t = re.sub(r"^(?:关于)?(?:\d{4}年(?:度)?)?", "", t)
    m = re.match(r"(.*?)(?:关于|\d{4}|法治|年度|依法行政|[上下]半年|工作报告|情况报告|$)", t)
    return m.group(1) if m and m.group(1) else None


def _opening_clues(doc: Doc) -> list[str]:
    start = max(doc.meta.header_end, 0)
    head = doc.norm[start:start + 1500]
    out = [m.group("n") for m in _OPENING_SUBJECT.finditer(head)]
    out += [m.group("n") for m in _REPORT_AS.finditer(doc.norm[start:start + 3000])]
    return [re.sub(r"^(?:中共)?", "", n) for n in out if not n.startswith(("我", "本", "全", "各", "今年", "一年"))]


def _signature_clues(doc: Doc) -> list[str]:
    lines = [ln.strip() for ln in doc.norm[-400:].split("\n") if ln.strip()]
    out = []
    for ln in lines[-4:]:
        if _DATE_LINE.match(ln):
            continue
        ln = re.sub(r"\s+", "", ln)
        if 3 <= len(ln) <= 40 and ln.endswith(_SIGNATURE_END) and "。" not in ln and "," not in ln:
            out.append(ln)
    if not out and lines:  # lost line breaks: the signature and date glued to the last sentence
        m = _GLUED_SIGNATURE.search(re.sub(r"\s+", "", lines[-1]))
        if m:
            out.append(m.group("n"))
    return out


def _context_codes(doc: Doc) -> list[str]:
    """Codes of every county-or-higher unit the text names in full (homonyms give all their codes)."""
    found = _places_in(doc.norm)
    return [d.code for name in found for d in divisions.candidates(name)]


def _places_in(norm: str) -> set[str]:
    auto = _automaton()
    out: set[str] = set()
    if auto is None:
        return out
    for _end, name in auto.iter(norm):
        out.add(name)
    return out


@lru_cache(maxsize=1)
def _automaton() -> Any:
    """An Aho-Corasick automaton over division names (None without pyahocorasick)."""
    try:
        import ahocorasick
    except ImportError:
        return None
    a = ahocorasick.Automaton()
    for name in divisions.all_names():
        opts = divisions.candidates(name)
        # full names, and short names of provinces and prefectures only (北京, 湖北, 绍兴)
        if any(name == d.name for d in opts) or (len(name) >= 2 and any(d.level != "county" for d in opts)):
            a.add_word(name, name)
    a.make_automaton()
    return a


def _town_hits(norm: str, county: str) -> int:
    return sum(1 for t in divisions.towns_in(county) if len(t) >= 3 and t in norm)


def _choose(options: list[Division], doc: Doc, ctx: list[str]) -> tuple[Division | None, float]:
    if len(options) <= 1:
        return (options[0], 1.0) if options else (None, 0.0)
    extra: list[str] = []
    for o in options:
        county = o.code if o.level == "county" else (o.parent if o.level == "township" else None)
        if county:
            extra += [o.code] * _town_hits(doc.norm, county)
    return divisions.pick(options, ctx + extra)


def _resolve_chain(p: Parsed, doc: Doc, ctx: list[str]) -> tuple[Division | None, float, str]:
    """The innermost division of a clue, each level restricted to the one before it, and the place
    prefix as the clue spells it out (南宁市青秀区) when it names more than one level."""
    chosen: Division | None = None
    conf = 1.0
    names: list[str] = []
    sup = _superior_noun(doc)
    for opts in p.chain:
        if chosen is not None:
            inside = [o for o in opts if divisions.related(o.code, chosen.code)]
            opts = inside or opts
        if sup and len(opts) > 1 and opts[0].level == "township":  # 区委、区政府 above a town: its county is a 区
            opts = [o for o in opts if (divisions.get(o.parent or "") or o).noun == sup] or opts
        d, c = _choose(opts, doc, ctx + ([chosen.code] if chosen else []))
        chosen, conf = d, min(conf, c)
        if d is not None and d.code != "cn":
            names.append(d.name)
    return chosen, conf, "".join(names) if len(names) > 1 else ""


def _spelled_elsewhere(clues: list[Parsed], used: Parsed, div: Division, doc: Doc, ctx: list[str]) -> str:
    """The longest place prefix another clue spells out for the same division (重庆市渝北区)."""
    best = ""
    for c in clues:
        if c is used or len(c.chain) < 2:
            continue
        d, _conf, spelled = _resolve_chain(c, doc, ctx)
        if d is not None and d.code == div.code and len(spelled) > len(best):
            best = spelled
    return best


def _pronoun_noun(doc: Doc) -> tuple[str | None, int]:
    counts: dict[str, int] = {}
    for m in _PRONOUN_RE.finditer(doc.norm):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    if not counts:
        return None, 0
    noun = max(counts, key=lambda k: counts[k])
    return noun, counts[noun]


def _superior_noun(doc: Doc) -> str | None:
    """The level noun of the bodies the report answers to (县委、县政府:, 在区委、区政府的领导下)."""
    texts = list(doc.meta.addressee)
    m = re.search(r"在(?:[^,。]{0,10}?)([省市区县])委[、,和]?\s*\1(?:人民)?政府", doc.norm[:3000])
    if m:
        texts.append(m.group(1) + "委")
    for t in texts:
        t = doc_norm(t)
        for n in ("省", "市", "区", "县", "州", "旗"):
            if t.startswith(n + "委") or t.startswith(n + "政府") or t.startswith(n + "人民政府"):
                return n
    return None


def doc_norm(s: str) -> str:
    """The matching form of a string taken from ``doc.text`` (simplified, folded)."""
    return normalize(s)


_TOWN_SELF = re.compile(r"(?:^|[,。\n])\s*(?:我|本|全)?(街道|镇|乡)(?:党工委|党委|按照|坚持|深入|认真|全面|积极|在)")


def _town_by_stem(doc: Doc, county: str, noun: str) -> Division | None:
    """The one town of ``county`` (of the kind ``noun``: 街道/镇/乡) whose name or stem (鱼复) the text uses."""
    hits = []
    for name in divisions.towns_in(county):
        if noun and not name.endswith(noun):
            continue
        stem = re.sub(r"(?:街道|镇|乡)$", "", name)
        if len(stem) >= 2 and stem in doc.norm:
            hits.append(name)
    if len(hits) != 1:
        return None
    found = divisions.towns(hits[0], county)
    return found[0] if found else None


def _fallback_division(doc: Doc, ctx: list[str], noun: str | None) -> tuple[Division | None, float]:
    """The most-named county-or-higher unit of the text (optionally with the level noun wanted)."""
    counts: dict[str, int] = {}
    for name in _places_in(doc.norm):
        opts = divisions.candidates(name)
        if len(opts) != 1 or name != opts[0].name:
            continue
        d = opts[0]
        if noun and d.noun != noun:
            continue
        counts[d.code] = doc.norm.count(name)
    if not counts and noun:
        return None, 0.0  # the report answers to a 区/县/市 that the text never names
    if not counts:
        return None, 0.0
    best = max(counts, key=lambda c: (counts[c], c[4:] != "00"))  # most named; a county wins a tie
    return divisions.get(best), 0.5


def resolve_jurisdiction(doc: Doc) -> None:
    """Fill issuer, jurisdiction, division, level, key and IRI of ``doc.meta`` from every clue.

    A name that the text spells out is given in the text's own script (ANNOTATION §4: a traditional-character
    report keeps 廣州市天河區人民政府); IRIs and keys do not depend on it.
    """
    _resolve(doc)
    doc.meta.issuer = _in_script_of_text(doc, doc.meta.issuer)
    doc.meta.jurisdiction = _in_script_of_text(doc, doc.meta.jurisdiction)


def _in_script_of_text(doc: Doc, name: str | None) -> str | None:
    """``name`` as the text writes it, where the matching copy holds it and the text differs only in script."""
    if not name:
        return name
    i = doc.norm.find(name)
    if i < 0:
        return name
    written = doc.text[i:i + len(name)]
    return written if re.sub(r"\s", "", written) == written else name


def _resolve(doc: Doc) -> None:
    meta = doc.meta
    ctx = _context_codes(doc)
    clues: list[Parsed] = []
    t = _title_clue(doc)
    if t:
        clues.append(parse_name("title", t))
    clues += [parse_name("opening", n) for n in _opening_clues(doc)]
    clues += [parse_name("signature", n) for n in _signature_clues(doc)]
    publisher = meta.header.get("发布机构") or meta.header.get("发文机关") or meta.header.get("发布单位")
    if publisher:
        clues.append(parse_name("header 发布机构", re.sub(r"\s+", "", doc_norm(publisher))))
    zone = _zone_committee([c.text for c in clues if c.clue != "opening"])
    if zone:
        _set_zone(meta, doc, zone)
        return
    clues = [c for c in clues if c.chain or c.body]
    pron, pron_n = _pronoun_noun(doc)

    body_clue = next((c for c in clues if c.body and c.clue != "header 发布机构"), None)
    if body_clue is None:
        body_clue = next((c for c in clues if c.body), None)
        if body_clue is not None and body_clue.body == "general-office" and pron in ("县", "区", "市", "省", "州", "旗"):
            body_clue.body = "gov"  # the government's office publishes the government's report
    if body_clue is not None and body_clue.unknown and body_clue.body in ("gov", "party-gov"):
        _set_unknown(meta, doc, [c for c in clues if c.unknown == body_clue.unknown])
        return
    place_clue = next((c for c in clues if c.chain and (body_clue is None or c.clue == body_clue.clue
                                                         or not body_clue.chain)), None)
    if body_clue is not None and body_clue.chain:
        place_clue = body_clue
    evidence: list[str] = []
    div, conf, spelled = None, 0.0, ""
    if place_clue is not None:
        div, conf, spelled = _resolve_chain(place_clue, doc, ctx)
        evidence.append(f"{place_clue.clue}: {place_clue.text}")
        if div is not None and not spelled:  # 渝北区 in the title, 重庆市渝北区人民政府 in the signature
            spelled = _spelled_elsewhere(clues, place_clue, div, doc, ctx)
    body = body_clue.body if body_clue else None
    dept = body_clue.dept if body_clue else None
    if body_clue is not None and body_clue is not place_clue:
        evidence.append(f"{body_clue.clue}: {body_clue.text}")
    if body is None and pron:
        body = _PRONOUNS[pron]
        evidence.append(f"pronoun 我{pron} ×{pron_n}")
    if div is None:
        sup = _superior_noun(doc)
        m_self = _TOWN_SELF.search(doc.norm[:3000])
        self_noun = pron if pron in ("街道", "镇", "乡") else (m_self.group(1) if m_self else None)
        town_self = self_noun is not None
        wanted = sup if body == "dept" or town_self else (pron if pron in ("县", "区", "市") else None)
        if body_clue is not None and body_clue.noun:
            wanted = body_clue.noun  # 现将省政府…报告如下: a 省; 县教育局2021年…: a 县
        div, conf = _fallback_division(doc, ctx, wanted)
        if div is not None:
            evidence.append(f"most-named place {div.name}")
        if div is not None and town_self and div.level in ("county", "prefecture"):
            town = _town_by_stem(doc, div.code, self_noun or "")
            if town is not None:
                div, body = town, "gov"
                evidence.append(f"town named by its stem: {town.name}")
    if body is None and div is not None:
        body = "gov"
    if body == "dept" and dept is None:
        dept = _most_named_department(doc)
        if dept is None:
            body = None  # a department we cannot name
        else:
            conf *= 0.5
            evidence.append(f"most-named department type {dept}")
    conf = conf * (0.95 if body_clue and body_clue.clue == "title" else 0.85)
    written = body_clue.form if body_clue is not None and body_clue.dept == dept else ""
    _set(meta, doc, div, body, dept, conf, "; ".join(evidence), spelled, written)
    _as_signed(meta, clues)


def _zone_committee(texts: list[str]) -> str | None:
    """The full name of a development zone's committee that a title, signature or header names as the issuer."""
    names = []
    for t in texts:
        m = _ZONE.match(t)
        if m:
            names.append(m.group("zone") + "管理委员会")
    return max(names, key=len) if names else None


def _set_zone(meta: ReportMeta, doc: Doc, name: str) -> None:
    """A zone committee: named in full, with no division code of its own (its bodies stay unresolved)."""
    _set(meta, doc, None, None, None, 0.0, f"development zone committee {name}")
    meta.issuer = meta.jurisdiction = name
    meta.confidence["jurisdiction"] = meta.confidence["issuer"] = 0.6


def _set_unknown(meta: ReportMeta, doc: Doc, same: list[Parsed]) -> None:
    """A government whose county-level division no table has: named as the clues spell it (上海市江湾区人民政府),
    with no division code, so that its relative forms (区司法局) stay mentions without a canonical IRI."""
    best = max(same, key=lambda c: len(c.text))
    name = best.text if best.text.endswith(("人民政府", "政府")) else best.text + "人民政府"
    _set(meta, doc, None, None, None, 0.0, f"{best.clue}: {best.text}; {best.unknown} is in no division table")
    meta.issuer = meta.jurisdiction = name
    meta.division_name, meta.level = best.unknown, "county"  # no code: agencies read the name as unresolved
    meta.confidence["jurisdiction"] = meta.confidence["issuer"] = 0.4


def _as_signed(meta: ReportMeta, clues: list[Parsed]) -> None:
    """The issuer as a clue writes it in full with its government inside (南京市鼓楼区人民政府X街道办事处)."""
    for c in clues:
        if meta.issuer and "人民政府" in c.text[:-4] and c.text.replace("人民政府", "", 1) == meta.issuer:
            meta.issuer = meta.jurisdiction = c.text
            return


def _spell(name: str, div: Division, spelled: str) -> str:
    """``name`` with its place prefix as the text spelled it when that is longer (南宁市青秀区人民政府)."""
    short = divisions.qualified_name(div.code)
    if spelled and len(spelled) > len(short) and short and name.startswith(short) and spelled.endswith(div.name):
        return spelled + name[len(short):]
    if spelled and len(spelled) > len(short) and short and name.startswith("中共" + short):
        return "中共" + spelled + name[len(short) + 2:]
    return name


def _gov_name(name: str, div: Division, body: str) -> str:
    """A league's or prefecture's government is its administrative office (锡林郭勒盟行政公署)."""
    if body == "gov" and div.level == "prefecture" and div.name.endswith(("盟", "地区")) and name.endswith("人民政府"):
        return name[: -len("人民政府")] + "行政公署"
    return name


def _as_written(name: str, div: Division, dept: str | None, written: str) -> str:
    """The department's name as the report writes it in full (桐庐县卫生健康局, not the standard 卫生健康委员会)."""
    t = DEPARTMENTS.get(dept or "")
    if t is None or not written or not written.startswith(t.stem) or written.endswith("分局"):
        return name
    standard = t.name_zh(div.level)
    return name[: -len(standard)] + written if name.endswith(standard) else name


def _set(meta: ReportMeta, doc: Doc, div: Division | None, body: str | None, dept: str | None, conf: float,
         evidence: str, spelled: str = "", written: str = "") -> None:
    """Write the resolved identity into ``meta`` (a report with no division gets a unique placeholder key)."""
    year = str(meta.year) if meta.year else "nd"
    if div is None or body is None:
        code = "x" + doc.sha256[:8]
        meta.key = f"{code}-{year}-unknown"
        meta.iri = instance("report", code, year, "unknown")
        meta.confidence["jurisdiction"] = 0.0
        meta.evidence["jurisdiction"] = evidence or "no clue"
        if div is not None:
            meta.division_code, meta.division_name, meta.level = div.code, div.name, _level(div)
        return
    info: AgencyInfo
    if body == "party-gov":
        info = make(div, "gov")
        meta.issuer = _spell(info.name_zh, div, spelled)  # joint report: the government issues it with the Party
        evidence += f"; joint with {party_name(div)}"
        slug = "party-gov"
    else:
        info = make(div, body if body != "dept" else "dept", dept)
        slug = info.iri.split(f"/org/{div.code}/", 1)[1]
        meta.issuer = _spell(_as_written(_gov_name(info.name_zh, div, body), div, dept, written), div, spelled)
    meta.jurisdiction = meta.issuer
    meta.division_code = div.code
    meta.division_name = div.name if div.code != "cn" else "中国"
    meta.level = _level(div)
    meta.key = f"{div.code}-{year}-{slug.replace('/', '-')}"
    meta.iri = instance("report", div.code, year, *slug.split("/"))
    meta.confidence["jurisdiction"] = round(conf, 2)
    meta.confidence["issuer"] = round(conf, 2)
    meta.evidence["jurisdiction"] = evidence
    meta.evidence["issuer"] = evidence


def _most_named_department(doc: Doc) -> str | None:
    """The department type the text names most often (a bureau writes about its own field)."""
    counts: dict[str, int] = {}
    for form, notation in _dept_forms_longest():
        if DEPARTMENTS[notation].kind == "department" and len(form) >= 3:
            counts[notation] = counts.get(notation, 0) + doc.norm.count(form)
    best = max(counts, key=lambda k: counts[k], default=None)
    return best if best is not None and counts[best] > 0 else None


def _level(div: Division) -> str:
    return div.level


def reporting_body(doc: Doc) -> tuple[Division | None, AgencyInfo | None]:
    """The division and canonical agency of the report's own body (after :func:`resolve_jurisdiction`)."""
    code = doc.meta.division_code
    if not code:
        return None, None
    div = NATIONAL if code == "cn" else divisions.get(code)
    if div is None or not doc.meta.jurisdiction:
        return div, None
    slug = doc.meta.iri.split(f"/{doc.meta.year or 'nd'}/", 1)[-1]  # the issuer slug: gov, gov/justice …
    if slug.startswith("gov/") and slug[4:] in DEPARTMENTS:
        return div, make(div, "dept", slug[4:])
    if slug == "gov/general-office":
        return div, make(div, "general-office")
    return div, make(div, "gov")

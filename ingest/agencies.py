"""Pipeline component: every public body the text names, linked to its canonical agency.

A mention is an owner followed by a body: the owner is a place (台儿庄区, 北京市朝阳区, 留下街道, 中共…),
a level noun (区, 市, 省, 县, 镇, 街道: relative to the report's jurisdiction), the report's own body
(局, 部, 厅, 机关: 局党组, 部党组, 局政策法规科) or nothing (司法局, 信访办, 司法所); the body is a
people's government, Party committee (委, 党委, 党工委) and its organs, people's congress, CPPCC,
court, procuratorate, supervisory commission or a department from :mod:`ingest.agency_types`.
National bodies (党中央, 国务院, 中办, 司法部 …) have fixed forms. Unseparated pairs (市委市政府) are
two matches; a body heading a longer phrase (县人大代表建议, 局党组书记, 省委常委会会议) is matched on
its own. Not matched: generic references (各部门, 乡镇政府, 公安机关: no owner or an excluded one;
各县市区司法局: a generic set before a bare department), bodies inside 《》 or “” and the CMS header list.

A body may be followed by a named office (县委督查室, 县司法局法治督察股, 省政府行政复议办公室, 部办公厅:
an internal unit; not a verb such as 查处, 督办), a branch bureau by its station (X公安分局Y派出所), a city
bureau by a county's short name and 分局 (…生态环境局浏阳分局: that county's branch); a vertical
administration runs into its local bureau (国家税务总局X税务局). Stems of several fields after an owner make
one merged bureau (县文化旅游广电体育局). A verb that runs into a place name (会同县公安局) is cut off unless
that place is the report's own.

Matching runs on ``doc.norm``; ``text`` is sliced from ``doc.text``. Linking uses the jurisdiction
set by :mod:`ingest.jurisdiction` (区司法局 in 台儿庄区's report → ``id/org/370405/gov/justice``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from fazhi.iri import instance, short_hash
from ingest import divisions
from ingest.agency_ids import (
    NATIONAL,
    AgencyInfo,
    agency_info,
    branch,
    child,
    field_bureau,
    make,
    state_bureau,
    station,
    tribunal,
)
from ingest.agency_types import DEPARTMENTS, dept_forms
from ingest.divisions import Division
from ingest.jurisdiction import _places_in, reporting_body
from ingest.model import AgencyMention, Doc

__all__ = ["extract_agencies", "agency_info", "AgencyInfo"]

#: A level noun owns a body unless it ends a longer word or a set (全市, 各区, 乡镇, 城市, 社区, 省市县).
_LEVEL = (r"(?<![全各本该省市区县乡镇村两三四五上下分社小园城景片辖山试新校库牧郊街老矿灾都超门夜股湖港团"
          r"边苏军战厂营展能济范税验贸护游业聚集菜花早重古名强家节反外弟发])"
          r"(?:街道|自治区|自治州|省|市|区|县|镇|乡|州|旗|盟)")
_NOUN = "[省市区县州旗]"
#: A named internal division: 政策法规科, 法规处, 法规与标准司 (not 科学, 处理, 司法 …).
_UNIT = (r"(?![署门长分])[^\s\W\d的了到落在是把将对为从向给被让使及等和并已要应该能会就都也还又]{2,7}?"
         r"(?:科(?![学技室研普长])|处(?![理罚置分境长])|司(?![法机长]))")
#: A town's own offices of a county bureau (司法所 of the justice bureau …).
_STATION_DEPT = {"司法所": "justice", "派出所": "public-security", "市场监管所": "market-regulation", "财政所": "finance"}
_NOUN_CODES = {"省": "p", "市": "c", "区": "d", "县": "x", "镇": "t", "乡": "s", "街道": "j", "州": "z", "旗": "q",
               "盟": "m", "自治区": "r", "自治州": "a"}
_NATIONAL = {
    "党中央": ("party", None), "中共中央办公厅": ("party-office", None), "中央办公厅": ("party-office", None),
    "中共中央": ("party", None), "国务院办公厅": ("general-office", None), "国务院法制办公室": ("dept", "legal-affairs-office"),
    "国务院法制办": ("dept", "legal-affairs-office"), "国务院": ("gov", None),
    "全国人大常委会": ("npc-sc", None), "全国人民代表大会常务委员会": ("npc-sc", None),
    "全国人民代表大会": ("npc", None), "全国人大": ("npc", None), "全国政协": ("cppcc", None),
    "最高人民法院": ("court", None), "最高法": ("court", None), "最高人民检察院": ("procuratorate", None),
    "最高检": ("procuratorate", None), "国家监察委员会": ("supervision", None), "国家监委": ("supervision", None),
    "中央全面依法治国委员会办公室": ("lbg-office", None), "中央依法治国办": ("lbg-office", None),
    "中央全面依法治国委员会": ("lbg", None), "中央纪委国家监委": ("discipline", None), "中央纪委": ("discipline", None),
    "中纪委": ("discipline", None), "中央政法委员会": ("dept", "political-legal-affairs"),
    "中央政法委": ("dept", "political-legal-affairs"), "中央组织部": ("dept", "party-organization"),
    "中组部": ("dept", "party-organization"), "中央宣传部": ("dept", "party-publicity"), "中宣部": ("dept", "party-publicity"),
    "中央统战部": ("dept", "party-united-front"), "中央编办": ("dept", "establishment-office"),
    "市场监管总局": ("dept", "market-regulation"), "税务总局": ("dept", "taxation"),
}
#: A named internal office or division after any body (县委督查室, 县司法局法治督察股, 省政府行政复议办公室,
#: 区委督查办, 省人大常委会法工委); not verbs (督办, 查处) nor phrases running on (区委区政府办, 与公司).
_UNIT_TAIL = re.compile(
    r"(?![署门长分部各]|机关|[^\s,。、]{0,4}内设)(?:法工委|法制工作委员会|办公室|办公厅"
    r"|(?:应诉|[^\s\W\d的了到落在是把将对为从向给被让使及等和并已要应该能会就都也还又各委局府院厅县区市省镇乡处]){1,10}?"
    r"(?:办公室|办公厅|(?<![学内外儿专本工理文医牙眼妇])科(?![学技室研普长])|(?<![入控参配持炒])股(?![份东权票市])"
    r"|(?<![查判惩论办别到证好住此何深长短益难出用相共])处(?![理罚置分境长])|(?<!公)司(?![法机长])"
    r"|(?<=..)(?<=[查究事问规息理合务审研策])室(?![内外])"
    r"|(?:(?<=督查)|(?<=..)(?<![查督承交代协主创举开兴包首帮领催转合立筹申操专试接快速即上通联近可难好随]))办"
    r"(?![理事法学公好成结案件实证])))")
#: Bodies whose named offices (督查室, 法规科) are listed as their own internal units.
_UNIT_OWNERS = ("people-government", "party-committee", "department", "party-department", "general-office",
                "people-congress-standing-committee", "discipline-commission", "coordinating-office")
#: A generic set before a bare department (各县市区司法局, 全市各级): not a specific body.
_GENERIC_BEFORE = re.compile(r"(?:各|全|所有|有关)[设省市区县州盟旗乡镇街道级和、()]{1,8}$")
#: Verbs that may run into a place name (会同县公安局 = 会同 + 县公安局 unless 会同县 is the report's own).
_LEADING_VERBS = ("会同", "协同", "联合", "配合", "督促", "指导", "要求", "组织", "推动", "联同", "会商", "商请",
                  "提请", "报请", "协调", "牵头", "通过", "依托", "通报", "移交", "移送", "邀请")
#: A station named after a branch bureau: 公安分局 + 湖滨 + 派出所.
_BRANCH_STATION = re.compile(r"(?P<town>[^\s\W\d的了在是和与及等各局所]{2,6}?)(?P<kind>派出所|司法所|市场监管所)")
#: A body followed by these marks opens a document number (国办发〔2019〕, 人社部函, 国务院令第): not a mention.
_DOC_NUMBER = re.compile(r"(?:发|函|令|字|办发|办函)\s*(?:[〔\[(【]|第?\s*\d)")


@lru_cache(maxsize=1)
def _forms() -> dict[str, str]:
    return dept_forms()


@lru_cache(maxsize=1)
def _dept_alternation() -> str:
    forms = sorted(dept_forms(), key=len, reverse=True)
    return "|".join(re.escape(f) for f in forms)


#: Field words that join department stems into a merged bureau's name (文化旅游广电体育局) besides the stems.
_FIELDS = ("广电", "广播电视", "新闻出版", "旅游", "文化", "规划", "文物", "体育", "科技", "人防", "知识产权")


@lru_cache(maxsize=1)
def _stems() -> dict[str, str]:
    """Department stem or field word → the department type it names ('' for a bare field word)."""
    out = {v: d.notation for d in DEPARTMENTS.values() if d.kind == "department" for v in (d.stem, *d.variants)}
    return {**{f: "" for f in _FIELDS}, **out}


#: A department of an owner whose field is in no type table (旗能源局, 市林业和园林局): owner required, the
#: field 2–10 characters of content words; not a word the owner noun starts (市场, 区域) nor 格局, 大局 ….
_FIELD_BUREAU = (r"(?P<fieldbureau>(?(place)|(?(level)|(?!)))(?!场|民(?!族)|域|别|级|内|外|直|属|里|辖|情|长|和)"
                 r"[^\s\W\d的了到落在是把将对为从向给被让使及等并已要应该会就都也还又各委局府院厅县区市省镇乡旗州盟街村]{2,10}?"
                 r"(?<![全大格布结当开时总分干内外本各政残变定骗饭赌邮和])局(?![长势面限]))")


def _compound_prefix() -> str:
    stems = "|".join(re.escape(x) for x in sorted(_stems(), key=len, reverse=True))
    return rf"(?P<compound>(?:{stems})(?:(?:和|与)?(?:{stems})){{1,3}})(?P<csuf>局|委员会|委)(?![长员])"


def _body_pattern() -> str:
    d = _dept_alternation()
    return (
        rf"(?P<lbg>委?(?:全面)?依法治(?P<lbgnoun>{_NOUN})(?:委员会|委(?![员托])))(?P<lbgoff>办公室)?"
        rf"|(?P<lbgoff2>委?依法治(?P<lbgnoun2>{_NOUN})办)"
        r"|(?P<standing>委常委会)"
        r"|委(?P<partydept>组织部|宣传部|统一战线工作部|统战部|政法委员会|政法委|机构编制委员会办公室|编办|网信办|社会工作部)"
        r"|(?P<partyoffice>委办公[厅室]|委办(?![理事法学公好成结]))"
        r"|(?P<discipline>纪委监委|纪工委|纪委)"
        r"|(?P<organs>直属?机关(?:党)?工委|机关(?:党)?工委)"
        r"|(?P<zone>(?:[^\s\W\d的了到落在是把将对为从向给被让使及等和并已要应该能会就都也还又各委局府院厅县市省]{0,8}?"
        r"(?:区|园|中心|港|城|基地))?(?:管委会|管理委员会))"
        r"|(?P<party>委(?![员托])|党委|党工委|工委)"
        r"|(?P<partyfull>委员会)"
        r"|(?P<legal>(?:人民)?政府法制办(?:公室)?)"
        r"|(?P<genoffice>(?:人民)?政府办公[厅室]|政府办(?![理事法学公好成结]))"
        r"|(?P<street>办事处)"
        r"|(?P<gov>人民政府|政府)(?P<govpg>党组(?!织))?"
        r"|(?P<presidium>人大主席团|人民代表大会主席团)"
        r"|(?P<npcsc>人大常委会|人民代表大会常务委员会)"
        r"|(?P<npc>人大|人民代表大会)"
        r"|(?P<cppcc>政协)"
        r"|(?P<court>(?:中级|高级)?人民法院|法院|中院|高院)|(?P<tribunal>人民法庭)"
        r"|(?P<proc>人民检察院|检察院)"
        r"|(?P<supervision>监察委员会|监委)"
        r"|(?P<unit>党政(?:综合)?办(?:公室)?)"
        r"|(?P<station>司法所|派出所|市场监管所|财政所)"
        rf"|(?P<dept>{d})(?![门长])(?P<depttail>党组(?!织)|党委)?"
        rf"|{_compound_prefix()}"
        rf"|(?P<samejob>局|厅)(?![长面势部限])(?P<sametail>{_UNIT})?"
        rf"|{_FIELD_BUREAU}"
    )


def _pattern(places: list[str]) -> re.Pattern[str]:
    national = "|".join(re.escape(n) for n in sorted(_NATIONAL, key=len, reverse=True))
    place = "|".join(re.escape(p) for p in sorted(places, key=len, reverse=True))
    place = place or "(?!)"  # no place named: a group that never matches
    # a run of places, a government's name standing between two (南京市鼓楼区人民政府宁海路街道办事处)
    owner = rf"(?P<place>(?:中共|中国共产党)?(?:{place})(?:(?:人民政府)?(?:{place})){{0,3}})|(?P<level>{_LEVEL})"
    firsts = set("中国总局部厅机街省市区县镇乡州旗盟自委党人政办司派驻纪监高法检依全")
    firsts |= {f[0] for f in _NATIONAL} | {f[0] for f in dept_forms()} | {p[0] for p in places}
    first = "[" + "".join(sorted(firsts)) + "]"  # a cheap test at each position before the alternation
    return re.compile(
        rf"(?={first})(?:(?P<nat>{national})|国家(?P<natdept>{_dept_alternation()})(?![门长])"
        rf"|(?:中国人民政治协商会议|政协)(?P<cppccplace>(?:{place}){{1,4}})委员会"
        r"|(?P<zhongban>中办)(?=[、,]?国办|印发|《)|(?<=中办[、,])(?P<guoban>国办)|(?P<guoban2>国办)(?=印发|《)"
        r"|(?<![全大格布结当开时总分干内外东西南北中支本乐底上下局部厅省市区县州旗镇乡纪监政党常编工团])"
        rf"(?P<rel>总局|局|部|厅|机关|委)(?P<reltail>党组(?!织)|(?:机关)?党委|{_UNIT_TAIL.pattern}"
        r"|(?<=[部厅])(?![门署长分部各])(?:应诉|[^\s\W\d的了到落在是把将对为从向给被让使及等和并已要应该能会就都也还又各委局府院厅县区市省]){2,8}?(?<![格布大全当结开时政残变])局"
        r"(?![长势面限]))"
        r"|(?P<inspect>(?:派驻|驻)(?:部|局|厅|委|办)纪检(?:监察)?组)"
        rf"|(?:{owner})?(?:{_body_pattern()})"
        r"|(?P<natbureau>(?:国家|中国)[^\s\W\d的了到落在是把将对为从向给被让使及等和并已要应该能会就都也还又各委局府院厅"
        r"县区市省级层面]{2,6}?(?<![格布大全当结开时政残变])局(?![长势面限])))"
    )


def _zones(doc: Doc) -> list[tuple[int, int]]:
    """Spans where no agency is taken: the CMS header list, 《》 titles and “” quotes."""
    out = [(0, doc.meta.header_end)] if doc.meta.header_end else []
    for m in re.finditer(r"《[^《》\n]{0,300}》|“[^“”\n]{0,300}”", doc.norm):
        out.append(m.span())
    return out


def _inside(zones: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps a zone (zones sorted by start, not overlapping each other)."""
    i = bisect_right(starts, start) - 1
    return any(0 <= k < len(zones) and zones[k][0] < end and start < zones[k][1] for k in (i, i + 1))


class _Linker:
    """Resolves owners relative to the report's jurisdiction and mints the canonical agencies."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.j_div, self.j_body = reporting_body(doc)
        self.town_aliases = _town_aliases(doc)
        self.chain: list[Division] = []
        if self.j_div is not None and self.j_div.code != "cn":
            self.chain = [self.j_div, *divisions.ancestors(self.j_div.code)]

    def level_owner(self, noun: str) -> tuple[Division | None, float]:
        if noun in ("自治区", "自治州"):
            noun = "省" if noun == "自治区" else "州"
            for d in self.chain:
                if (noun == "省" and d.name.endswith("自治区")) or (noun == "州" and d.name.endswith("自治州")):
                    return d, 0.9
            return None, 0.3
        for d in self.chain:
            if d.noun == noun or (noun == "市" and d.level == "prefecture") or (noun == "州" and d.name.endswith("州")):
                return d, 0.9
        level = {"省": "province", "镇": "township", "乡": "township", "街道": "township"}.get(noun, "county")
        if self.j_div is None or self._guessed_above(level):
            # jurisdiction unknown, or only guessed from a frequent higher place: one placeholder per level noun
            return Division(f"x{self.doc.sha256[:8]}-{_NOUN_CODES.get(noun, 'o')}", noun, level, None), 0.3
        return None, 0.3

    def _guessed_above(self, level: str) -> bool:
        """Whether the jurisdiction is a most-named place above ``level`` (区司法局 in a report placed at 重庆市)."""
        meta = self.doc.meta
        guessed = "most-named" in meta.evidence.get("jurisdiction", "") and meta.confidence.get("jurisdiction", 1) < 0.5
        ranks = {"province": 0, "prefecture": 1, "county": 2, "township": 3}
        return guessed and self.j_div is not None and ranks.get(level, 2) > ranks.get(self.j_div.level, 0)

    def place_owner(self, text: str) -> tuple[Division | None, float]:
        from ingest.jurisdiction import parse_name

        name = re.sub(r"^(?:中共|中国共产党)", "", text).replace("人民政府", "")
        if name in self.town_aliases:
            return self.town_aliases[name], 0.9
        unknown = self.doc.meta.division_name if not self.doc.meta.division_code else ""
        if unknown and name.endswith(unknown):  # the report's own division, in no table: unresolved
            return self.level_owner(unknown[-1])
        p = parse_name("mention", name + "人民政府")
        chosen: Division | None = None
        conf = 1.0
        chain = p.chain
        if not chain or not name.endswith(tuple(o.name for o in chain[-1]) + tuple(
                divisions.short_name(o.name) for o in chain[-1])):
            chain = _split_places(name) or chain  # a short county name after its city (泉州市晋江)
        for opts in chain:
            if chosen is not None:
                opts = [o for o in opts if divisions.related(o.code, chosen.code)] or opts
            near = [o for o in opts if self.j_div is not None and self.j_div.code != "cn"
                    and (divisions.related(o.code, self.j_div.code) or o.parent == self.j_div.parent)]
            if len(near) == 1:
                chosen = near[0]
            else:
                chosen = sorted(near or opts, key=lambda o: o.code)[0]
                conf = min(conf, 1.0 / max(1, len(near or opts)))
        return chosen, conf

    def home(self) -> Division | None:
        """The division a bare department belongs to (a township's county)."""
        d = self.j_div
        if d is not None and d.level == "township":
            return divisions.get(d.parent or "")
        return d


def _split_places(name: str) -> list[list[Division]]:
    """Division options for each piece of a run of place names, longest piece first (重庆 + 两江新区)."""
    chain: list[list[Division]] = []
    i = 0
    while i < len(name):
        for k in range(min(12, len(name) - i), 1, -1):
            opts = divisions.candidates(name[i:i + k])
            if opts:
                chain.append(opts)
                i += k
                break
        else:
            return []
    return chain


def _owns(rel: str, owner: AgencyInfo) -> bool:
    """Whether 局/委/部/厅/总局 can stand for the reporting body ``owner`` (机关 always can)."""
    dept = DEPARTMENTS.get(owner.type)
    national, province = owner.division_code == "cn", owner.division_code.endswith("0000")
    if rel == "机关":
        return True
    if rel == "总局":
        return national and owner.name_zh.endswith("总局")
    if rel == "部":
        return (national and owner.name_zh.endswith("部")) or owner.kind == "party-department"
    if rel == "厅":
        return province and owner.kind in ("department", "general-office")
    if rel == "委":
        return dept is not None and ("委" in dept.suffixes or owner.name_zh.endswith(("委", "委员会")))
    return owner.kind == "department" and not (national and owner.name_zh.endswith("部"))  # 局


def _body_of(m: re.Match[str]) -> tuple[str, str | None]:
    g = m.group
    if g("lbg"):
        return ("lbg-office" if g("lbgoff") else "lbg"), None
    for name, body in (("lbgoff2", "lbg-office"), ("standing", "party-standing"), ("partyoffice", "party-office"),
                       ("discipline", "discipline"), ("party", "party"), ("genoffice", "general-office"),
                       ("gov", "gov"), ("npcsc", "npc-sc"), ("npc", "npc"), ("cppcc", "cppcc"), ("court", "court"),
                       ("proc", "procuratorate"), ("supervision", "supervision"), ("unit", "unit"),
                       ("station", "station"), ("street", "gov"), ("partyfull", "party")):
        if g(name):
            return body, None
    if g("partydept"):
        pd = g("partydept")
        if "编" in pd:
            return "dept", "establishment-office"
        if pd in ("网信办", "社会工作部"):
            return "dept", "cyberspace-affairs" if pd == "网信办" else "party-social-work"
        return "dept", {"组织部": "party-organization", "宣传部": "party-publicity"}.get(
            pd, "party-united-front" if "统" in pd else "political-legal-affairs")
    if g("legal"):
        return "dept", "legal-affairs-office"
    if g("dept"):
        return "dept", _forms()[g("dept")]
    if g("compound"):  # a merged bureau: the type of its first department stem
        name = g("compound")
        for k, v in sorted(_stems().items(), key=lambda kv: -len(kv[0])):
            if v and k in name:
                return "dept", v
        return "", None
    return "", None


def _link(m: re.Match[str], lk: _Linker) -> tuple[AgencyInfo | None, float]:
    """The canonical agency of one match, or (None, 0) when the match is not a specific body."""
    g = m.group
    if g("nat"):
        body, dept = _NATIONAL[g("nat")]
        return make(NATIONAL, body, dept), 1.0
    if g("natdept"):
        return make(NATIONAL, "dept", _forms()[g("natdept")]), 1.0
    if g("cppccplace"):
        div, conf = lk.place_owner(g("cppccplace"))
        return (make(div, "cppcc"), conf) if div is not None else (None, 0.0)
    if g("natbureau"):  # a state bureau under a ministry (国家铁路局, 中国民用航空局)
        return state_bureau(g("natbureau")), 0.8
    if g("inspect"):  # the discipline inspection group stationed in the reporting body
        owner = lk.j_body
        return (child(owner, "unit", g("inspect")), 0.7) if owner is not None else (None, 0.0)
    if g("zhongban"):
        return make(NATIONAL, "party-office"), 1.0
    if g("guoban") or g("guoban2"):
        return make(NATIONAL, "general-office"), 1.0
    if g("rel"):
        owner = lk.j_body
        if owner is None or not _owns(g("rel"), owner):
            return None, 0.0  # 局党组 needs a bureau's report, 部党组 a ministry's, 厅党组 a 厅's
        tail = g("reltail")
        return (child(owner, "party-group", tail) if tail == "党组" else child(owner, "unit", tail)), 0.8
    body, dept = _body_of(m)
    place, level = g("place"), g("level")
    if g("samejob"):  # 省局, 市局: the bureau of the reporting body's own type at that level
        own = lk.j_body
        if not level or own is None or own.kind != "department":
            return None, 0.0
        div, conf = lk.level_owner(level)
        if div is None:
            return None, 0.0
        info = make(div, "dept", own.type)
        return (child(info, "unit", g("sametail")) if g("sametail") else info), conf
    if place:
        div, conf = lk.place_owner(place)
    elif level:
        div, conf = lk.level_owner(level)
    else:
        div, conf = None, 0.0
    if div is None and (place or level):
        return None, 0.0
    if g("fieldbureau"):
        return (field_bureau(div, g("fieldbureau")), min(conf, 0.6)) if div is not None else (None, 0.0)
    if g("presidium") or g("tribunal"):  # 镇人大主席团; 三工人民法庭 (a town's tribunal of the county court)
        if div is None or div.level != "township":
            return None, 0.0
        return (tribunal(div) if g("tribunal") else child(make(div, "npc"), "unit", "主席团")), conf
    if body == "station":
        town = div if div is not None else (lk.j_div if not (place or level) else None)
        if town is None or town.level != "township":
            return None, 0.0
        return station(town, _STATION_DEPT[g("station")], g("station")), 0.8
    if g("partyfull") and not (place and place.startswith(("中共", "中国共产党"))):
        return None, 0.0  # 委员会 after a bare place is not the Party committee (政协…委员会)
    if g("street") and (div is None or div.level != "township" or div.noun != "街道"):
        return None, 0.0  # 办事处 stands only for a street's own office
    if body == "unit":
        if div is None:
            return None, 0.0
        return child(make(div, "gov"), "unit", g("unit")), conf
    if g("organs") or g("zone"):  # 县直机关工委 (a Party organ), 行政服务中心管委会 (a zone's committee)
        if div is None or (g("zone") in ("管委会", "管理委员会") and not (place or "").endswith("区")):
            return None, 0.0
        return child(make(div, "party" if g("organs") else "gov"), "unit", g("organs") or g("zone")), conf
    bare_lbg = (g("lbg") or "").startswith("全面") or (g("lbgoff2") or "").startswith("依法治")
    if div is None and bare_lbg and not (place or level):  # 全面依法治县委员会, 依法治县办: the 县 they name
        div, conf = lk.level_owner(g("lbgnoun") or g("lbgnoun2"))
        if div is None or div.code.startswith("x"):
            return None, 0.0
    if div is None:  # a bare body: only departments stand alone
        if body != "dept" or dept is None:
            return None, 0.0
        form = g("dept") or g("legal") or ""
        t = DEPARTMENTS[dept]
        if form == t.national_name or (form.endswith("部") and t.kind == "department"):
            div, conf = NATIONAL, 0.9
        elif form.endswith("厅") and lk.chain:
            div, conf = lk.chain[-1], 0.8  # a 厅 is a province's department
        elif lk.j_div is not None and lk.j_div.level == "township" and form.endswith(("办", "办公室")):
            return child(make(lk.j_div, "gov"), "unit", form), 0.6  # a town's own 信访办
        else:
            div, conf = lk.home(), 0.7
            if div is None:
                return None, 0.0
    short_county = bool(place) and div.level == "county" and not place.endswith(div.name)
    if body == "dept" and g("dept") and (g("dept").endswith("分局") or short_county) and div.level == "county":
        # 区公安分局; 泉州市晋江生态环境局 (a county's short name: the city bureau's branch located there)
        parent = divisions.get(div.parent or "")
        info = branch(div, parent, dept) if parent is not None and dept else make(div, "dept", dept)
    else:
        info = make(div, body, dept)
    if g("govpg") or g("depttail") == "党组":
        info = child(info, "party-group", "党组")
    return info, conf


#: Bodies a town is named before by its short name (三工派出所, 三工人民法庭 for 三工镇).
_SHORT_TOWN_BODIES = ("人民法庭", "派出所", "司法所")


def _town_aliases(doc: Doc) -> dict[str, Division]:
    """Other names of the report's divisions: 昌吉州 for an autonomous prefecture above it, 阿尔巴斯苏木 for a
    table's 阿尔巴斯苏木乡, and a town's short name (三工 for 三工镇) right before a tribunal or a station."""
    j = doc.meta.division_code
    if not j or j == "cn":
        return {}
    out: dict[str, Division] = {}
    for d in divisions.ancestors(j):  # 昌吉州 for 昌吉回族自治州
        alias = divisions.short_name(d.name) + "州"
        if d.name.endswith("自治州") and len(alias) >= 3 and alias in doc.norm:
            out[alias] = d
    for name in divisions.towns_in(j[:6]):
        towns = divisions.towns(name, j[:6])
        if len(towns) != 1:
            continue
        if name.endswith("苏木乡") and name[:-1] in doc.norm:
            out[name[:-1]] = towns[0]
        short = re.sub(r"(?:街道|镇|苏木乡|乡)$", "", name)
        if len(short) >= 2 and short != name and any(short + b in doc.norm for b in _SHORT_TOWN_BODIES):
            out.setdefault(short, towns[0])
    return out


def _places(doc: Doc) -> list[str]:
    """Place names that may own a body: those the text names (two-character ones such as 和县 only when
    they are the jurisdiction or one of its parents or children), and the towns of the report's county."""
    j = doc.meta.division_code
    county = j[:6] if j and j != "cn" else None
    names = {n for n in _places_in(doc.norm)
             if len(n) > 2 or (county and any(divisions.related(d.code, county) for d in divisions.candidates(n)))}
    names |= set(_town_aliases(doc))
    if not j and doc.meta.division_name:
        names.add(doc.meta.division_name)  # a division no table has (see jurisdiction._set_unknown)
    if county:
        names |= {t for t in divisions.towns_in(county) if t in doc.norm}
        own = [d for d in (divisions.get(county), divisions.get(j or "")) if d is not None]
        names |= {s for d in own if len(s := divisions.short_name(d.name)) >= 2 and s in doc.norm}  # 鼓楼公安分局
    return sorted(names)


_COUNTY_BRANCH = re.compile(r"(?P<short>[\u4e00-\u9fff]{2,4}?)分局")


def _county_branch(info: AgencyInfo, norm: str, end: int) -> tuple[AgencyInfo, int] | None:
    """A city bureau followed by a county's short name and 分局: that county's branch of the bureau."""
    m = _COUNTY_BRANCH.match(norm, end)
    owner = divisions.get(info.division_code)
    if m is None or owner is None or info.type not in DEPARTMENTS:
        return None
    counties = [d for d in divisions.candidates(m.group("short")) if d.parent == owner.code]
    if len(counties) != 1:
        return None
    return branch(counties[0], owner, info.type), m.end()


def _branch_station(branch_info: AgencyInfo, post: re.Match[str], lk: _Linker) -> AgencyInfo:
    """The station a branch bureau runs in a town (the town's own station when the town is known)."""
    county = lk.home()
    name = post.group("town")
    towns = divisions.towns(name, county.code) or divisions.towns(name + "街道", county.code) if county else []
    if towns:
        return station(towns[0], _STATION_DEPT[post.group("kind")], post.group("kind"))
    return child(branch_info, "unit", post.group(0))


def _unglue_verb(m: re.Match[str], pattern: re.Pattern[str], doc: Doc, lk: _Linker) -> re.Match[str] | None:
    """``m``, or the match after a verb that ran into a place name (会同县公安局 → 县公安局) when the place
    so read is not the report's own nor one of its parents or children."""
    place = m.group("place")
    verb = next((v for v in _LEADING_VERBS if place and place.startswith(v)), None)
    if verb is None:
        return m
    own = lk.j_div.code if lk.j_div is not None else ""
    if own and own != "cn" and any(divisions.related(d.code, own) for d in divisions.candidates(place)):
        return m
    return pattern.match(doc.norm, m.start() + len(verb), m.end())


def extract_agencies(doc: Doc) -> None:
    """Fill ``doc.agencies`` with every specific public body the text names, in text order."""
    lk = _Linker(doc)
    zones = sorted(_zones(doc))
    starts = [a for a, _ in zones]
    out: list[AgencyMention] = []
    links: dict[str, tuple[AgencyInfo | None, float]] = {}  # a surface form links the same way all through
    pattern = _pattern(_places(doc))
    taken = 0  # end of the last mention
    for found in pattern.finditer(doc.norm):
        m: re.Match[str] | None = _unglue_verb(found, pattern, doc, lk)
        if m is not None and m.group("compound") and not (m.group("place") or m.group("level")):
            m = pattern.search(doc.norm, m.start() + 1, m.end())  # stems joined into a bureau need an owner
        if m is None:
            continue
        start, end = m.span()
        if start < taken or _inside(zones, starts, start, end) or _DOC_NUMBER.match(doc.norm, end):
            continue  # inside a mention extended by an office or station, a title, a quote or a document number
        if not (m.group("place") or m.group("level")) and _GENERIC_BEFORE.search(doc.norm, max(0, start - 10), start):
            continue
        form = m.group(0)
        if form not in links:
            links[form] = _link(m, lk)
        info, conf = links[form]
        if info is None:
            continue
        tail = _UNIT_TAIL.match(doc.norm, end)
        post = _BRANCH_STATION.match(doc.norm, end) if form.endswith("分局") else None
        sub = _county_branch(info, doc.norm, end) if info.kind == "department" and not post else None
        if out and out[-1].end == start and out[-1].text.endswith("总局") and out[-1].type == info.type:
            start = out.pop().start  # 国家税务总局宁乡市税务局: the local bureau of a vertical administration
        if post and not _inside(zones, starts, start, post.end()):  # 鼓楼公安分局宁海路派出所: one station
            info, end = _branch_station(info, post, lk), post.end()
        elif sub is not None and not _inside(zones, starts, start, sub[1]):  # 长沙市自然资源和规划局宁乡分局
            info, end = sub
        elif tail and info.kind in _UNIT_OWNERS and not _inside(zones, starts, start, tail.end()):
            info, end = child(info, "unit", tail.group(0)), tail.end()
        iri = "" if info.division_code.startswith("x") else info.iri  # unresolved: no canonical IRI
        taken = end
        out.append(AgencyMention(text=doc.text[start:end], start=start, end=end, iri=iri,
                                 name=info.name_zh, type=info.type, confidence=round(conf, 2)))
    doc.agencies = out


def unresolved_iri(text: str) -> str:
    """IRI for a body that cannot be placed (kept for callers that want one)."""
    return instance("org", "unresolved", short_hash(text))

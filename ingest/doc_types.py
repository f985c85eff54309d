"""Legal-document type from a title and its issuer (ontology-brief §3), with the id of the deciding rule.

Rule ids follow the suffix table of ontology-brief §3.3 (``S1`` … ``S26``; ``S27``/``S28`` are ours for
reports and agreements), qualified by the signal that settled an ambiguous suffix:

* ``/issuer``  — the issuer named just before the 《 (中共中央、国务院《…》, 省人大常委会《…》 …);
* ``/party``   — a Party word in the title (党政, 党内, 中国共产党 …) on a Party-regulation name;
* ``/level``   — the administrative level of the place that heads the title (县级 and below make no
  rules or regulations, ontology-brief §3.2 "level rule");
* ``/default`` — the suffix's default type.

``K/known`` marks a central document whose type the title cannot tell (a small table of real-world
facts, see :data:`KNOWN_TYPES`). ``S0/none`` means no rule applied (type ``other``).

The notations and labels here are the concepts of ``ontology/schemes/doc-type.ttl``; a test keeps
the two in step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class DocType:
    """A concept of the doc-type scheme."""

    notation: str
    zh: str
    en: str
    broader: str | None  # notation of the group concept, or None for a top concept
    rank: int  # legal force, for sorting (lower = stronger); 99 for non-normative documents


#: Every doc-type concept, groups first.
DOC_TYPES: dict[str, DocType] = {
    t.notation: t
    for t in (
        DocType("legislation", "法律规范", "legislation", None, 10),
        DocType("policy-document", "政策文件", "policy document", None, 80),
        DocType("working-document", "工作文件", "working document", None, 90),
        DocType("constitution", "宪法", "constitution", "legislation", 1),
        DocType("law", "法律", "law", "legislation", 2),
        DocType("administrative-regulation", "行政法规", "administrative regulation", "legislation", 3),
        DocType("supervisory-regulation", "监察法规", "supervisory regulation", "legislation", 3),
        DocType("local-regulation", "地方性法规", "local regulation", "legislation", 4),
        DocType("rule", "规章", "rule (departmental or local-government)", "legislation", 5),
        DocType("judicial-interpretation", "司法解释", "judicial interpretation", None, 6),
        DocType("party-regulation", "党内法规", "Party regulation", None, 6),
        DocType("normative-document", "规范性文件", "normative document", None, 7),
        DocType("plan", "规划纲要", "plan or outline", "policy-document", 80),
        DocType("opinion", "意见", "opinion", "policy-document", 80),
        DocType("decision", "决定", "decision or resolution", "policy-document", 80),
        DocType("work-document", "工作方案", "work plan, programme or key points", "working-document", 90),
        DocType("notice", "通知", "notice or announcement", "working-document", 90),
        DocType("list", "清单", "list or catalogue", "working-document", 90),
        DocType("report", "报告", "report", "working-document", 90),
        DocType("agreement", "协议", "agreement or memorandum", "working-document", 90),
        DocType("guideline", "指南", "guideline", None, 85),
        DocType("standard", "标准", "standard", None, 85),
        DocType("other", "其他文件", "other document", None, 99),
    )
}

#: Central documents whose type the title does not tell (normalised title → notation). Real-world
#: facts about documents cited by reports everywhere, not strings of one report.
KNOWN_TYPES: dict[str, str] = {
    "法治政府建设与责任落实督察工作规定": "party-regulation",  # 中办、国办 2019
    "党政主要负责人履行推进法治建设第一责任人职责规定": "party-regulation",  # 中办、国办 2016
    "习近平法治思想学习纲要": "other",  # a study book (中宣部、中央依法治国办)
    "民法典": "law",
    "宪法": "constitution",
    "信访工作条例": "party-regulation",  # 中共中央、国务院 2022
}

_PARTY_WORDS = re.compile(r"中国共产党|党内|党政|党委|党组|党员|党的|党风|纪律检查|纪检")
_PARTY_NAMES = ("规定", "条例", "办法", "细则", "规则", "准则")
_PLACE_HEAD = re.compile(
    r"(省|自治区|特别行政区|自治州|市|州|盟|地区|自治县|县|区|旗|镇|乡|街道)"
)
_LEVEL_OF = {
    "province": "province", "prefecture": "city", "county": "county", "township": "township",
    "全省": "province", "全市": "city", "全州": "city", "全县": "county", "全区": "county", "全镇": "township",
}  # fmt: skip
_LAW_TAIL = re.compile(r"(?<![办方做立司执守普依宪])法(典)?$")


def title_level(title: str) -> str | None:
    """Level of the real place named at the head of a title (``台儿庄区…`` → county), if any.

    A head counts only when the division table knows it (so 城市管理… or 关于在市场… name no place);
    ``全市``/``全县`` … (the reporting jurisdiction itself) count too.
    """
    from ingest import divisions

    body = re.sub(r"^\d{4}年度?", "", title)
    if body[:2] in _LEVEL_OF:
        return _LEVEL_OF[body[:2]]
    level, start = None, 0  # follow a chain of places: 北京市朝阳区… → county
    for m in _PLACE_HEAD.finditer(body[:16]):
        head = body[start : m.end()]
        if len(head) < 2:
            continue
        found = divisions.candidates(head) or divisions.towns(head)
        if found:
            level, start = _LEVEL_OF.get(found[0].level), m.end()
        elif level is None and m.end() > 10:
            break
    return level


def issuer_kind(issuer: str) -> str | None:
    """What kind of body an issuer string names: npc, party, state-council, court, ministry, gov."""
    if not issuer:
        return None
    if re.search(r"人民代表大会|人大", issuer):
        return "npc"
    if re.search(r"中共|中国共产党|党中央|中办|中央办公厅|[省市县区]委(?!员)|党委|党工委|全面依法治", issuer):
        return "party"
    if re.search(r"最高人民法院|最高人民检察院|最高法|最高检", issuer):
        return "court"
    if re.search(r"国务院|国办", issuer):
        return "state-council"
    if re.search(r"[部委局厅署]$", issuer):
        return "ministry"
    if re.search(r"政府", issuer):
        return "gov"
    return None


def classify_doc_type(title: str, issuer: str = "", report_level: str | None = None) -> tuple[str, str]:
    """(doc-type notation, rule id) for a normalised title and the issuer named before it, if any.

    ``report_level`` (province, city, county, township, national) is used only when the title is
    headed by no place name and names the report's own kind of document (a dated work document).
    """
    if title in KNOWN_TYPES:
        return KNOWN_TYPES[title], "K/known"
    while True:  # a trailing period or version in brackets does not decide the type
        bare = re.sub(r"\([^()]*\)$", "", title)
        if bare == title or not bare:
            break
        title = bare
    if title in KNOWN_TYPES:
        return KNOWN_TYPES[title], "K/known"
    head = re.match(r"^(.{2,20}?)关于", title)
    kind = issuer_kind(issuer) or (issuer_kind(head.group(1)) if head else None)  # 最高人民法院关于…的规定
    level = title_level(title)
    if level is None and re.match(r"^\d{4}年", title):
        level = report_level
    local_low = level in ("county", "township")
    party_title = bool(_PARTY_WORDS.search(title))
    party = party_title or kind == "party"
    party_sig = "party" if party_title else "issuer"  # what the title says wins: same title, same rule

    def by_name(default: str, rule: str) -> tuple[str, str]:
        """Types for the names shared by rules, Party regulations and normative documents."""
        if party_title:
            return "party-regulation", f"{rule}/party"
        if local_low:  # 县级 and below make no rules: at most a normative document (§3.2)
            return "normative-document", f"{rule}/level"
        if kind == "party":
            return "party-regulation", f"{rule}/issuer"
        if kind == "npc":
            return "local-regulation", f"{rule}/issuer"
        if kind == "court":
            return "judicial-interpretation", f"{rule}/issuer"
        return default, f"{rule}/default"

    if re.search(r"宪法(修正案)?$", title):
        return "constitution", "S1/default"
    if re.search(r"法修正案$", title) or re.search(r"关于修改.*法.*的决定$", title):
        return "law", "S3/default"
    if re.match(r"^全国人民代表大会", title) and re.search(r"(决定|解释)$", title):
        return "law", "S4/issuer"
    if re.search(r"(中国共产党章程|党章)$", title):
        return "party-regulation", "S8/default"
    if title.endswith("实施办法"):
        return by_name("rule", "S5")
    if title.endswith("条例"):
        rule = "S6" if title.endswith("暂行条例") else "S7"
        if party_title:
            return "party-regulation", f"{rule}/party"
        if "监察" in title and level is None and kind in (None, "party"):
            return "supervisory-regulation", f"{rule}/default"
        if "自治" in title or level in ("province", "city"):
            return "local-regulation", f"{rule}/level"
        if local_low:
            return "normative-document", f"{rule}/level"
        if kind == "party":
            return "party-regulation", f"{rule}/issuer"
        if kind == "npc":
            return "local-regulation", f"{rule}/issuer"
        return "administrative-regulation", f"{rule}/default"
    if title.endswith("准则"):
        return "party-regulation", "S9/default"
    if title.endswith("细则"):
        return by_name("rule", "S10")
    if title.endswith("规定"):
        if level in ("province", "city") and not party and kind != "npc":
            return "rule", "S11/level"
        return by_name("rule", "S11")
    if title.endswith("办法"):
        if level in ("province", "city") and not party and kind != "npc":
            return "normative-document", "S12/level"
        return by_name("rule", "S12")
    if title.endswith("规则"):
        if party:
            return "party-regulation", f"S13/{party_sig}"
        return "normative-document", "S13/default"
    if re.search(r"(解释|批复)$", title):
        if kind == "npc":
            return "law", "S14/issuer"
        return "judicial-interpretation", "S14/default"
    if title.endswith("决定"):
        if kind == "npc":
            return ("law" if level is None and "全国" in issuer else "local-regulation"), "S15/issuer"
        return "decision", "S15/default"
    if title.endswith("决议"):
        return "decision", "S16/default"
    if title.endswith("意见"):
        return "opinion", "S17/default"
    if title.endswith("纲要"):
        return "plan", "S18/default"
    if title.endswith("规划"):
        return "plan", "S19/default"
    if title.endswith("方案"):
        return "work-document", "S20/default"
    if re.search(r"(要点|计划|安排)$", title):
        return "work-document", "S21/default"
    if title.endswith("通知"):
        return "notice", "S22/default"
    if re.search(r"(通告|公告)$", title):
        return "notice", "S23/default"
    if re.search(r"(清单|目录)$", title):
        return "list", "S24/default"
    if re.search(r"(标准|规范)$", title):
        return "standard", "S25/default"
    if re.search(r"(指南|指引|导则)$", title):
        return "guideline", "S26/default"
    if re.search(r"(报告|汇报|白皮书)$", title):
        return "report", "S27/default"
    if re.search(r"(备忘录|协议|协议书|合同|公约)$", title):
        return "agreement", "S28/default"
    if _LAW_TAIL.search(title):
        return ("law", "S2/default") if not local_low else ("normative-document", "S2/level")
    return "other", "S0/none"

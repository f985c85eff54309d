"""The unit and indicator vocabularies of figures, and the mapping of a figure to an indicator.

``UNITS`` lists every unit the figure extractor can emit (the measure word as written → slug and
labels); ``INDICATORS`` the comparable indicators (ontology brief §7) with their cue phrases and
allowed units. ``ontology/schemes/unit.ttl`` and ``indicator.ttl`` hold the same concepts as SKOS
(a test keeps them consistent); ``unit_iri`` and ``indicator_iri`` give the concept IRIs used by
``ingest.to_rdf``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fazhi.iri import concept


@dataclass(frozen=True)
class Unit:
    """A unit of measure: ``zh`` is the measure word as written after the number."""

    zh: str
    slug: str
    en: str
    kind: str  # count | duration | quantity | money | ratio | level | score


_UNIT_ROWS: list[tuple[str, str, str, str]] = [
    # counts (classifiers)
    ("项", "xiang", "item", "count"),
    ("件", "jian", "piece (case, document)", "count"),
    ("个", "ge", "unit (generic classifier)", "count"),
    ("名", "ming", "person", "count"),
    ("人", "ren", "person", "count"),
    ("位", "wei", "person (polite)", "count"),
    ("人次", "renci", "person-time", "count"),
    ("次", "ci", "time (occurrence)", "count"),
    ("件次", "jianci", "piece-time", "count"),
    ("台次", "taici", "machine-time (vehicle dispatch)", "count"),
    ("辆次", "liangci", "vehicle-time", "count"),
    ("车次", "checi", "vehicle-trip", "count"),
    ("起次", "qici-incident", "incident-time", "count"),
    ("个次", "geci", "unit-time", "count"),
    ("场", "chang", "session (event)", "count"),
    ("场次", "changci", "session (event-time)", "count"),
    ("批", "pi", "batch", "count"),
    ("批次", "pici", "batch-time", "count"),
    ("期", "qi", "issue (of a series, a training class)", "count"),
    ("轮", "lun", "round", "count"),
    ("轮次", "lunci", "round-time", "count"),
    ("期次", "qici", "issue-time (class sessions)", "count"),
    ("处", "chu", "site", "count"),
    ("家", "jia", "organisation", "count"),
    ("家次", "jiaci", "organisation-time", "count"),
    ("户", "hu", "household (business entity)", "count"),
    ("户次", "huci", "household-time", "count"),
    ("类", "lei", "category", "count"),
    ("台", "tai", "machine (set)", "count"),
    ("笔", "bi", "transaction", "count"),
    ("份", "fen", "copy (document)", "count"),
    ("票", "piao", "ticket (vote)", "count"),
    ("起", "qi-incident", "incident (case)", "count"),
    ("所", "suo", "institution (school, station)", "count"),
    ("条", "tiao", "entry (item of text)", "count"),
    ("种", "zhong", "kind", "count"),
    ("支", "zhi", "team", "count"),
    ("卷", "juan", "case file", "count"),
    ("册", "ce", "booklet (volume)", "count"),
    ("本", "ben", "volume (book)", "count"),
    ("套", "tao", "set", "count"),
    ("张", "zhang", "sheet", "count"),
    ("篇", "pian", "article", "count"),
    ("封", "feng", "letter", "count"),
    ("宗", "zong", "case (lot)", "count"),
    ("例", "li", "case (instance)", "count"),
    ("部", "bu", "work (regulation, vehicle)", "count"),
    ("辆", "liang", "vehicle", "count"),
    ("块", "kuai", "piece (board)", "count"),
    ("幅", "fu", "banner (picture)", "count"),
    ("座", "zuo", "building (facility)", "count"),
    ("堂", "tang", "lesson", "count"),
    ("课时", "keshi", "class hour", "count"),
    ("学时", "xueshi", "study hour", "count"),
    ("门", "men", "course", "count"),
    ("讲", "jiang", "lecture", "count"),
    ("节", "jie", "lesson (class period)", "count"),
    ("艘", "sou", "vessel", "count"),
    ("艘次", "souci", "vessel-time", "count"),
    ("台件", "taijian", "piece of equipment", "count"),
    ("株", "zhu", "plant (tree)", "count"),
    ("级", "ji", "level (of a hierarchy)", "level"),
    # durations
    ("天", "tian", "day", "duration"),
    ("日", "ri", "day (in a time limit: 15日内)", "duration"),
    ("个工作日", "ge-gongzuori", "working day", "duration"),
    ("工作日", "gongzuori", "working day", "duration"),
    ("个月", "geyue", "month", "duration"),
    ("小时", "xiaoshi", "hour", "duration"),
    ("个小时", "ge-xiaoshi", "hour (2个小时)", "duration"),
    ("分钟", "fenzhong", "minute", "duration"),
    ("年", "nian", "year (duration)", "duration"),
    # quantities
    ("亩", "mu", "mu (666.7 m²)", "quantity"),
    ("平方米", "pingfangmi", "square metre", "quantity"),
    ("平方公里", "pingfanggongli", "square kilometre", "quantity"),
    ("公顷", "gongqing", "hectare", "quantity"),
    ("公里", "gongli", "kilometre", "quantity"),
    ("千米", "qianmi", "kilometre", "quantity"),
    ("米", "mi", "metre", "quantity"),
    ("吨", "dun", "tonne", "quantity"),
    ("公斤", "gongjin", "kilogram", "quantity"),
    ("千克", "qianke", "kilogram", "quantity"),
    # money
    ("元", "yuan", "yuan", "money"),
    ("万元", "wan-yuan", "ten thousand yuan", "money"),
    ("亿元", "yi-yuan", "hundred million yuan", "money"),
    ("万亿元", "wanyi-yuan", "trillion yuan", "money"),
    # ratios
    ("%", "percent", "percent", "ratio"),
    ("‰", "permille", "per mille", "ratio"),
    ("个百分点", "percentage-point", "percentage point", "ratio"),
    ("倍", "bei", "times (fold)", "ratio"),
    ("成", "cheng", "tenth (两成 = 20 %)", "ratio"),
    ("分", "fen-score", "point (score)", "score"),
]

#: Every unit the extractor can emit, by its written form.
UNITS: dict[str, Unit] = {zh: Unit(zh, slug, en, kind) for zh, slug, en, kind in _UNIT_ROWS}


@dataclass(frozen=True)
class Indicator:
    """A comparable indicator: cue phrases (regexes over the figure's context) and allowed units."""

    notation: str
    zh: str
    en: str
    definition: str
    units: tuple[str, ...]  # allowed units; the first is the default unit
    cues: tuple[str, ...]
    area: str = ""


# Order matters: the first indicator whose cue matches nearest the figure wins (see ``match_indicator``).
INDICATORS: list[Indicator] = [
    Indicator("recon-correction", "行政复议纠错率", "administrative reconsideration correction rate",
              "Share of administrative reconsideration cases in which the contested act was corrected.",
              ("%",), (r"纠错率",), "T6"),
    Indicator("head-appearance", "行政机关负责人出庭应诉率", "rate of agency heads appearing in court",
              "Share of administrative lawsuits in which the head of the defendant agency appeared in court.",
              ("%", "次", "人次", "件"), (r"负责人出庭(?:应诉)?", r"出庭应诉率"), "T6"),
    Indicator("recon-cases", "行政复议案件数", "administrative reconsideration cases",
              "Number of administrative reconsideration applications received, accepted or concluded.",
              ("件", "起"), (r"行政复议", r"复议(?:案件|申请)"), "T6"),
    Indicator("litigation", "行政应诉案件数", "administrative litigation cases",
              "Number of administrative lawsuits (行政诉讼/行政应诉) against the government or its agencies.",
              ("件", "起", "%"), (r"行政应诉", r"行政诉讼", r"应诉案件", r"败诉率?"), "T6"),
    Indicator("nf-cleanup", "规范性文件清理数", "normative documents reviewed in clean-ups",
              "Number of normative documents reviewed in a clean-up, by result (kept, amended, repealed).",
              ("件", "份"), (r"清理[^，,。；;]{0,12}(?:规范性)?文件", r"文件清理"), "T2"),
    Indicator("nf-filed", "规范性文件报送备案数", "normative documents filed for record",
              "Number of normative documents filed for the record (报送备案) and the filing rate.",
              ("件", "份", "%"), (r"报送备案", r"备案审查", r"报备率", r"备案"), "T2"),
    Indicator("nf-issued", "行政规范性文件制发数", "normative documents issued",
              "Number of administrative normative documents issued (制发/出台/印发/制定).",
              ("件", "份"), (r"(?:制发|出台|印发|制定|发布)[^，,。；;]{0,8}规范性文件", r"规范性文件"), "T2"),
    Indicator("legal-review", "合法性审查(审核)件数", "legality reviews",
              "Number of documents, decisions and contracts that underwent a legality review (合法性审查/审核).",
              ("件", "项", "份", "次", "条"), (r"合法性审[查核]", r"法律意见", r"法制审核"), "T2/T3"),
    Indicator("major-decision", "重大行政决策事项数", "major administrative decisions",
              "Number of major administrative decisions (重大行政决策) made or listed in the decision catalogue.",
              ("项", "件", "场"), (r"重大行政决策", r"听证会"), "T3"),
    Indicator("legal-adviser", "法律顾问/公职律师人数", "legal advisers and public-sector lawyers",
              "Number of legal advisers or public-sector lawyers engaged, and their coverage rate.",
              ("名", "人", "位", "家", "%"), (r"法律顾问", r"公职律师"), "T3"),
    Indicator("power-list", "权责清单事项数", "items in the powers and responsibilities list",
              "Number of administrative powers in the powers and responsibilities list (权责清单, 行政权力事项).",
              ("项", "个", "条"), (r"权责清单", r"权力清单", r"行政权力事项", r"权力事项"), "T1"),
    Indicator("service-items", "政务服务事项数", "government service items",
              "Number of government service or administrative licensing items kept, cancelled, delegated or taken over.",
              ("项", "个", "件"),
              (r"政务服务事项", r"行政许可(?:等)?事项", r"许可事项", r"审批事项", r"即办件", r"全程网办", r"一件事"), "T1"),
    Indicator("approval-time", "审批时限压缩率", "reduction of approval time limits",
              "Reduction of the statutory or promised time limit of approvals, as a rate or in working days.",
              ("%", "个工作日", "工作日", "天"), (r"时限", r"压缩", r"提速"), "T1"),
    Indicator("enf-penalty", "行政处罚案件数", "administrative penalty cases",
              "Number of administrative penalty cases handled, and the fines and confiscations imposed.",
              ("件", "起", "万元", "元", "亿元"), (r"行政处罚", r"处罚案件", r"罚没", r"罚款", r"查处", r"违法案件"), "T4"),
    Indicator("enf-random", "双随机抽查次数/检查对象数", "random inspections",
              "Number of random joint inspections (双随机、一公开) and of the entities inspected.",
              ("次", "批次", "户", "户次", "家", "家次"), (r"双随机", r"抽查"), "T4"),
    Indicator("enf-personnel", "行政执法人员数/执法证件数", "law-enforcement personnel and certificates",
              "Number of administrative law-enforcement officers, of enforcement certificates, and the certification rate.",
              ("名", "人", "个", "%"), (r"执法人员", r"执法证", r"持证", r"执法资格"), "T4"),
    Indicator("case-review", "行政执法案卷评查数", "enforcement case files reviewed",
              "Number of administrative enforcement case files reviewed, by grade.",
              ("卷", "份", "件", "次"), (r"案卷", r"评查"), "T4"),
    Indicator("enf-training", "执法人员及工作人员法治培训", "rule-of-law training",
              "Rule-of-law training of officials and enforcement staff: classes held and participants.",
              ("人次", "期", "名", "人", "场", "场次", "次"), (r"培训", r"轮训"), "T4/T9"),
    Indicator("npc-sugg", "人大代表建议办理数", "NPC deputies' suggestions handled",
              "Number of suggestions (建议/议案) of people's congress deputies handled, by outcome.",
              ("件", "%"), (r"人大代表(?:议案|建议)?", r"代表建议", r"(?:议案|建议)(?:办理|办结)"), "T7"),
    Indicator("cppcc-prop", "政协委员提案办理数", "CPPCC members' proposals handled",
              "Number of proposals of CPPCC members handled, by outcome.",
              ("件", "%"), (r"政协(?:委员)?提案", r"委员提案", r"提案"), "T7"),
    Indicator("info-disclosure", "政府信息公开数", "government information disclosed",
              "Government information disclosed proactively and disclosure requests handled.",
              ("条", "件", "次"), (r"信息公开", r"主动公开", r"公开(?:政府)?信息"), "T7"),
    Indicator("hotline", "12345热线诉求办理数", "12345 hotline requests handled",
              "Number of requests to the 12345 government service hotline handled, and the completion rates.",
              ("件", "个", "%"), (r"12345", r"热线", r"工单"), "T7"),
    Indicator("mediation", "矛盾纠纷调解数", "disputes mediated",
              "Number of disputes investigated and mediated (people's, administrative, pre-litigation mediation).",
              ("件", "起", "%", "处"), (r"矛盾纠纷", r"调解", r"调处"), "T6"),
    Indicator("petition", "信访事项办理数", "petitions handled",
              "Number of petition (信访) matters handled and the on-time completion rate.",
              ("件", "批", "人次", "%"), (r"信访",), "T6"),
    Indicator("legal-aid", "法律援助案件数", "legal-aid cases",
              "Number of legal-aid cases handled and the losses recovered for the aided.",
              ("件", "万元", "元"), (r"法律援助",), "T6"),
    Indicator("study-sessions", "领导干部集体学法次数", "collective law-study sessions",
              "Number of collective law-study sessions of leading officials (会前学法, 集体学法, 专题学法).",
              ("次", "场", "场次", "期"), (r"学法", r"法律知识学习", r"法治讲座", r"专题讲座"), "T9"),
    Indicator("exam", "学法考试参考率/合格率", "law examination participation and pass rates",
              "Participation and pass rates of law examinations of officials, and the numbers examined.",
              ("%", "人次", "名", "人", "批"), (r"考试", r"参考率", r"合格率"), "T9"),
    Indicator("publicity", "普法活动数", "legal-publicity activities",
              "Legal-publicity (普法) activities held, materials handed out and people reached.",
              ("场", "场次", "次", "份", "册", "人次", "期"), (r"普法", r"宣传活动", r"宣传资料", r"法治宣传"), "T9"),
]  # fmt: skip

INDICATORS_BY_NOTATION: dict[str, Indicator] = {i.notation: i for i in INDICATORS}
_COMPILED: list[tuple[Indicator, re.Pattern[str]]] = [(i, re.compile("|".join(i.cues))) for i in INDICATORS]
#: Per unit, the indicators that allow it (with their list order): most figures need only a few.
_COMPILED_BY_UNIT: dict[str, list[tuple[int, Indicator, re.Pattern[str]]]] = {}
for _order, (_ind, _pattern) in enumerate(_COMPILED):
    for _u in _ind.units:
        _COMPILED_BY_UNIT.setdefault(_u, []).append((_order, _ind, _pattern))


def unit_iri(unit: str) -> str | None:
    """The unit concept IRI of a written unit (``件``, ``萬元``, ``％`` …), or None if unknown."""
    from ingest.normalize import normalize

    u = UNITS.get(normalize(unit.strip()))
    return concept("unit", u.slug) if u else None


def written_variants(unit: str) -> list[str]:
    """Other ways a unit is written: traditional characters (萬元, 個工作日) and full-width forms (％)."""
    from itertools import product

    from ingest.t2s import T2S

    trad: dict[str, list[str]] = {}
    for t, simp in T2S.items():
        trad.setdefault(simp, []).append(t)
    options = [[ch, *trad.get(ch, [])] for ch in unit]
    variants = ["".join(p) for p in product(*options)][1:17]
    if unit in ("%", "‰"):
        variants.append({"%": "％", "‰": "‰"}[unit])
    return [v for v in dict.fromkeys(variants) if v != unit]


def indicator_iri(notation: str) -> str:
    """The indicator concept IRI of a notation (``recon-cases`` → ``…/scheme/indicator/recon-cases``)."""
    return concept("indicator", notation)


def match_indicator(context: str, unit: str) -> str | None:
    """The notation of the indicator whose cue occurs in ``context`` (nearest the end wins) and allows ``unit``.

    ``context`` is the text leading up to the figure (its clause), optionally followed by the counted
    noun; a cue nearer the figure beats one further away, and list order breaks ties.
    """
    best: tuple[int, int, str] | None = None
    for order, ind, pattern in _COMPILED_BY_UNIT.get(unit, ()):
        for m in pattern.finditer(context):
            key = (m.end(), -order)
            if best is None or key > best[:2]:
                best = (m.end(), -order, ind.notation)
    return best[2] if best else None


# --- the SKOS schemes (ontology/schemes/unit.ttl and indicator.ttl are written from these tables) ---

_SCHEME_BASE = "https://w3id.org/fazhi/scheme/"
_PREFIXES = (
    "@prefix fz: <https://w3id.org/fazhi/ont#> .\n"
    "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
)
#: QUDT units (and the currency vocabulary) that match a fazhi unit exactly.
_QUDT: dict[str, str] = {
    "percent": "http://qudt.org/vocab/unit/PERCENT",
    "tian": "http://qudt.org/vocab/unit/DAY", "xiaoshi": "http://qudt.org/vocab/unit/HR",
    "fenzhong": "http://qudt.org/vocab/unit/MIN", "nian": "http://qudt.org/vocab/unit/YR",
    "geyue": "http://qudt.org/vocab/unit/MO", "mi": "http://qudt.org/vocab/unit/M",
    "gongli": "http://qudt.org/vocab/unit/KiloM", "qianmi": "http://qudt.org/vocab/unit/KiloM",
    "pingfangmi": "http://qudt.org/vocab/unit/M2", "pingfanggongli": "http://qudt.org/vocab/unit/KiloM2",
    "gongqing": "http://qudt.org/vocab/unit/HA", "dun": "http://qudt.org/vocab/unit/TONNE",
    "gongjin": "http://qudt.org/vocab/unit/KiloGM", "qianke": "http://qudt.org/vocab/unit/KiloGM",
    "yuan": "http://qudt.org/vocab/currency/CNY",
}  # fmt: skip


def _lit(text: str, lang: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + f'"@{lang}'


def unit_scheme_turtle() -> str:
    """``ontology/schemes/unit.ttl``: one ``fz:Unit`` concept per entry of ``UNITS``."""
    scheme = f"<{_SCHEME_BASE}unit>"
    out = [_PREFIXES + "# Units of figures: the measure word as written (prefLabel@zh) and its meaning.\n"
           "# Generated from ingest/indicators.py (UNITS); tests/test_ingest_figures_vocab.py keeps them in step.\n",
           f"{scheme} a skos:ConceptScheme ;\n    skos:prefLabel \"计量单位\"@zh , \"Units of measure\"@en ;\n"
           f"    rdfs:label \"计量单位\"@zh , \"Units of measure\"@en .\n"]
    for u in UNITS.values():
        lines = [f"<{_SCHEME_BASE}unit/{u.slug}> a skos:Concept , fz:Unit ;",
                 f"    skos:inScheme {scheme} ; skos:topConceptOf {scheme} ;",
                 f"    skos:notation \"{u.slug}\" ;",
                 f"    skos:prefLabel {_lit(u.zh, 'zh')} , {_lit(u.en, 'en')} ;",
                 f"    skos:scopeNote {_lit(u.kind, 'en')}"]
        variants = written_variants(u.zh)
        if variants:
            lines[-1] += " ;"
            lines.append("    skos:hiddenLabel " + " , ".join(_lit(v, "zh") for v in variants))
        if u.slug in _QUDT:
            lines[-1] += " ;"
            lines.append(f"    skos:exactMatch <{_QUDT[u.slug]}>")
        out.append("\n".join(lines) + " .\n")
    return "\n".join(out)


def indicator_scheme_turtle() -> str:
    """``ontology/schemes/indicator.ttl``: one ``fz:Indicator`` concept per entry of ``INDICATORS``."""
    scheme = f"<{_SCHEME_BASE}indicator>"
    out = [_PREFIXES + "# Comparable indicators of the reports' figures (ontology brief §7).\n"
           "# Generated from ingest/indicators.py (INDICATORS); tests/test_ingest_figures_vocab.py keeps them in step.\n",
           f"{scheme} a skos:ConceptScheme ;\n    skos:prefLabel \"法治政府建设指标\"@zh , \"Indicators\"@en ;\n"
           f"    rdfs:label \"法治政府建设指标\"@zh , \"Indicators\"@en .\n"]
    for ind in INDICATORS:
        unit = UNITS[ind.units[0]]
        lines = [f"<{_SCHEME_BASE}indicator/{ind.notation}> a skos:Concept , fz:Indicator ;",
                 f"    skos:inScheme {scheme} ; skos:topConceptOf {scheme} ;",
                 f"    skos:notation \"{ind.notation}\" ;",
                 f"    skos:prefLabel {_lit(ind.zh, 'zh')} , {_lit(ind.en, 'en')} ;",
                 f"    skos:definition {_lit(ind.definition, 'en')} ;",
                 f"    skos:scopeNote {_lit('task area ' + ind.area, 'en')} ;",
                 f"    fz:defaultUnit <{_SCHEME_BASE}unit/{unit.slug}>"]
        out.append("\n".join(lines) + " .\n")
    return "\n".join(out)

"""Crafted extractions of the seed report for the RDF-mapping and shapes tests.

They place mentions where the real text has them (found by search), so the tests do not depend on
the extractor modules, which other engineers write; once those land, the tests also run the pipeline.
"""

from __future__ import annotations

import re
from pathlib import Path

from fazhi.iri import concept, instance
from ingest.model import AgencyMention, Doc, Figure, MechanismMention, RegulationMention, Relation, Section

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"
SEED = REPORTS / "taierzhuang-2019.txt"


def _at(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    i = text.index(needle, after)
    return i, i + len(needle)


def seed_doc() -> Doc:
    """The seed report with hand-placed metadata, sections, mentions, a breakdown and a relation."""
    raw = SEED.read_bytes()
    text = raw.decode("utf-8").lstrip("\ufeff")
    doc = Doc.from_text(text, source=str(SEED), raw=raw)
    m = doc.meta
    m.title = "台儿庄区人民政府关于2019年度法治政府建设情况的报告"
    m.title_start, m.title_end = _at(text, m.title, text.index("效力状态"))
    m.issuer = m.jurisdiction = "台儿庄区人民政府"
    m.division_code, m.division_name, m.level, m.year, m.published = "370405", "台儿庄区", "county", 2019, "2020-01-15"
    m.header = {"索 引 号": "370405/2020-00025", "成文时间": "2020年01月15日"}
    m.addressee = ["区委"]
    m.key, m.iri = "370405-2019-gov", instance("report", "370405", "2019", "gov")
    heads = [mm for mm in re.finditer(r"^([一二三四五六七八])、([^。\n]+)。", text, re.M)]
    for i, h in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        doc.sections.append(Section(h.group(1), h.group(2), 1, h.start(), end, h.start(2), h.end(2)))
    gov = instance("org", "370405", "gov")
    s, e = _at(text, "台儿庄区人民政府", m.title_end)
    doc.agencies.append(AgencyMention("台儿庄区人民政府", s, e, gov, "台儿庄区人民政府", ""))
    s, e = _at(text, "区行政审批服务局")
    approval = instance("org", "370405", "gov", "admin-approval")
    doc.agencies.append(AgencyMention("区行政审批服务局", s, e, approval, "台儿庄区行政审批服务局", "admin-approval"))
    s, e = _at(text, "区人大常委会")
    doc.agencies.append(AgencyMention("区人大常委会", s, e, instance("org", "370405", "npc-sc"), "台儿庄区人大常委会", ""))
    title = "山东省行政执法监督条例"
    s, e = _at(text, title)
    doc.regulations.append(
        RegulationMention(title, s, e, instance("legal", "370000", "local-regulation", "x1"), title, "local-regulation", "S7")
    )
    for name in ("一次办好", "枫桥经验"):
        s, e = _at(text, name)
        doc.mechanisms.append(MechanismMention(name, s, e, concept("mechanism", name), name))
    total = text.index("事项54项")
    for value, needle in ((54, "54项"), (26, "26项"), (24, "24项"), (4, "4项")):
        s, e = _at(text, needle, total)
        doc.figures.append(Figure(needle, s, e, value, "项", part_of=None if value == 54 else 0, measure="调整事项"))
    pos = text.index("办结行政复议案件13件")
    for value, needle, unit, part_of in (
        (13, "13件", "件", None), (100, "100%", "%", None), (7, "7件", "件", 4), (1, "1件", "件", 4),
        (1, "1件", "件", 4), (4, "4件", "件", 4), (69.23, "69.23%", "%", None),
    ):
        s, e = _at(text, needle, pos)
        pos = e
        doc.figures.append(Figure(needle, s, e, value, unit, part_of=part_of, indicator="recon-cases"))
    doc.figures[-1].indicator = "recon-correction"
    doc.figures[-1].rate_of = {"numerator": [6, 7, 8], "denominator": 4}
    s, e = _at(text, "组建区行政审批服务局")
    doc.relations.append(Relation("establishment", s, e, text[s:e], subject=approval))
    return doc

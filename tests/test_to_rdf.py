"""Mapping a Doc to RDF: the report, its text and spans, figures as a Data Cube, events, the run, and
entities that are a pure function of the entity."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, ORG, PROV, QB, SKOS
from to_rdf_samples import seed_doc

from fazhi.iri import concept, instance
from fazhi.namespaces import FZ, NIF, OA, SDMX_ATTR, SDMX_MEASURE
from ingest.model import AgencyMention, Doc
from ingest.to_rdf import doc_to_rdf

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"
RUN = "20261127T193000Z-abcd1234"


@pytest.fixture(scope="module")
def seed():
    doc = seed_doc()
    return doc, doc_to_rdf(doc, RUN)


def test_report_node(seed):
    doc, rdf = seed
    g, r = rdf.report, URIRef(rdf.iri)
    assert rdf.key == "370405-2019-gov" and rdf.iri.endswith("/id/report/370405/2019/gov")
    assert (r, RDF.type, FZ.AnnualReport) in g
    assert g.value(r, DCTERMS.title) == Literal("台儿庄区人民政府关于2019年度法治政府建设情况的报告", lang="zh")
    assert g.value(r, FZ.issuer) == URIRef(instance("org", "370405", "gov"))
    assert g.value(r, FZ.jurisdiction) == URIRef(instance("division", "370405"))
    assert g.value(r, FZ.reportingPeriod) == URIRef(instance("period", "2019"))
    assert g.value(r, DCTERMS.issued) == Literal("2020-01-15", datatype=XSD.date)
    assert g.value(r, DCTERMS.created) == Literal("2020-01-15", datatype=XSD.date)
    assert g.value(r, FZ.indexNumber) == Literal("370405/2020-00025")
    assert g.value(r, FZ.addresseeName) == Literal("区委", lang="zh")
    source = g.value(r, FZ.source)
    assert g.value(source, FZ.sha256) == Literal(doc.sha256)


def test_text_and_every_span_quote(seed):
    doc, rdf = seed
    g = rdf.report
    text = g.value(URIRef(f"{rdf.iri}/text"), NIF.isString)
    assert str(text) == doc.text
    spans = list(g.subjects(RDF.type, FZ.Span))
    assert len(spans) >= 20
    for s in spans:
        pos, quote = URIRef(f"{s}#position"), URIRef(f"{s}#quote")
        start, end = int(g.value(pos, OA.start)), int(g.value(pos, OA.end))
        assert str(g.value(quote, OA.exact)) == doc.text[start:end] == str(g.value(s, NIF.anchorOf))
        assert str(g.value(quote, OA.prefix)) == doc.text[max(0, start - 8) : start]
        assert str(g.value(quote, OA.suffix)) == doc.text[end : end + 8]


def test_sections_with_heading_spans(seed):
    doc, rdf = seed
    g = rdf.report
    sections = list(g.objects(URIRef(f"{rdf.iri}/text"), FZ.hasSection))
    assert len(sections) == len(doc.sections) == 8
    first = URIRef(instance("section", rdf.key, "1"))
    assert str(g.value(first, FZ.sectionNumber)) == "一"
    span = g.value(first, FZ.evidence)
    assert str(g.value(span, NIF.anchorOf)) == doc.sections[0].title


def test_breakdown_and_rate(seed):
    _, rdf = seed
    g = rdf.report
    total = URIRef(instance("obs", rdf.key, "1"))
    slice_ = g.value(predicate=FZ.total, object=total)
    assert (slice_, RDF.type, FZ.Breakdown) in g and (slice_, RDF.type, QB.Slice) in g
    parts = sorted(float(g.value(p, SDMX_MEASURE.obsValue).toPython()) for p in g.objects(slice_, QB.observation))
    assert parts == [4, 24, 26] and sum(parts) == float(g.value(total, SDMX_MEASURE.obsValue).toPython()) == 54
    assert g.value(total, FZ.breakdown) == URIRef(concept("breakdown", "_T"))
    assert all(g.value(p, FZ.partOf) == total for p in g.objects(slice_, QB.observation))
    rate = URIRef(instance("obs", rdf.key, "11"))
    assert len(list(g.objects(rate, FZ.numerator))) == 3
    assert g.value(rate, FZ.denominator) == URIRef(instance("obs", rdf.key, "5"))
    assert g.value(rate, SDMX_ATTR.unitMeasure) == URIRef(concept("unit", "percent"))
    assert g.value(total, FZ.rawText) == Literal("54项")


def test_events_adoptions_and_run(seed):
    _, rdf = seed
    g = rdf.report
    event = next(g.subjects(RDF.type, FZ.OrgChangeEvent))
    approval = URIRef(instance("org", "370405", "gov", "admin-approval"))
    assert g.value(event, ORG.resultingOrganization) == approval
    assert g.value(event, FZ.changeType) == URIRef(concept("change-type", "establishment"))
    adoptions = list(g.subjects(RDF.type, FZ.MechanismAdoption))
    assert len(adoptions) == 2
    assert all(g.value(a, FZ.adopter) == URIRef(instance("org", "370405", "gov")) for a in adoptions)
    run = URIRef(instance("run", RUN))
    assert (run, RDF.type, PROV.Activity) in g
    assert g.value(run, PROV.startedAtTime) == Literal("2026-11-27T19:30:00Z", datatype=XSD.dateTime)


def test_entities(seed):
    _, rdf = seed
    e = rdf.entities
    dept = URIRef(instance("org", "370405", "gov", "admin-approval"))
    assert (dept, RDF.type, FZ.GovernmentDepartment) in e
    assert e.value(dept, ORG.subOrganizationOf) == URIRef(instance("org", "370405", "gov"))
    assert e.value(URIRef(instance("division", "370405")), SKOS.broader) == URIRef(instance("division", "370400"))
    assert e.value(URIRef(instance("division", "370400")), SKOS.prefLabel) == Literal("枣庄市", lang="zh")
    assert (URIRef(instance("org", "370405", "npc-sc")), RDF.type, FZ.PeoplesCongressBody) in e


def test_entity_triples_do_not_depend_on_the_report():
    gov = instance("org", "370405", "gov")

    def entity_triples(text: str, surface: str) -> Graph:
        doc = Doc.from_text(text)
        s = text.index(surface)
        doc.agencies.append(AgencyMention(surface, s, s + len(surface), gov, "台儿庄区人民政府", ""))
        e = doc_to_rdf(doc).entities
        out = Graph()
        for t in e.triples((URIRef(gov), None, None)):
            out.add(t)
        return out

    a = entity_triples("区政府召开常务会议。", "区政府")
    b = entity_triples("2020年，台儿庄区人民政府印发方案。", "台儿庄区人民政府")
    assert len(a) > 3 and isomorphic(a, b)


def test_same_doc_same_graph():
    assert isomorphic(doc_to_rdf(seed_doc(), RUN).report, doc_to_rdf(seed_doc(), RUN).report)


def test_empty_extraction_still_maps():
    doc = Doc.from_text("这不是一份报告。")
    rdf = doc_to_rdf(doc)
    assert rdf.key.startswith("unresolved-")
    assert (URIRef(rdf.iri), RDF.type, FZ.AnnualReport) in rdf.report
    assert len(rdf.entities) == 0


@pytest.mark.parametrize("path", sorted(REPORTS.glob("*.txt")), ids=lambda p: p.name)
def test_bundled_reports_map_and_validate(path):
    from ingest.pipeline import extract_file
    from shapes.validate import validate_report

    doc = extract_file(path)
    rdf = doc_to_rdf(doc, RUN)
    g = rdf.report
    for s in g.subjects(RDF.type, FZ.Span):
        start, end = int(g.value(s, NIF.beginIndex)), int(g.value(s, NIF.endIndex))
        assert str(g.value(s, NIF.anchorOf)) == doc.text[start:end]
    outcome = validate_report(rdf)
    assert outcome.violations == 0, outcome.messages("Violation")[:5]


def test_sections_are_tagged_with_task_areas_and_report_parts(seed):
    _, rdf = seed
    g = rdf.report
    areas = [g.value(URIRef(instance("section", rdf.key, str(n))), FZ.taskArea) for n in range(1, 9)]
    assert areas == [URIRef(concept("task-area", f"2015/T{n}")) for n in range(1, 9)]


@pytest.mark.parametrize(
    "title,year,part,area",
    [
        ("2020年推进法治政府建设的主要举措和成效", 2020, "RP1", None),
        ("区政府主要负责同志履行推进法治建设第一责任人职责情况", 2023, "RP3", None),
        ("存在的问题和不足", 2021, "RP2", None),
        ("2022年工作打算", 2021, "RP4", None),
        ("聚焦重点领域，深入推进“放管服”改革", 2021, None, "2021/T1"),
        ("健全矛盾纠纷多元化解机制", 2019, None, "2015/T6"),
        ("依法应对突发事件", 2022, None, "2021/T5"),
    ],
)
def test_topic_rules(title, year, part, area):
    from ingest.rdf_topics import report_part, task_area

    assert report_part(title) == (URIRef(concept("report-part", part)) if part else None)
    if area:
        assert task_area(title, year) == URIRef(concept("task-area", area))


def test_adopted_and_names_relations():
    from ingest.model import Relation

    doc = seed_doc()
    mech = doc.mechanisms[0]
    npc = instance("org", "370405", "npc-sc")
    doc.relations.append(Relation("adopted", mech.start - 2, mech.end, "推行" + mech.text, subject=npc, objects=[mech.iri]))
    doc.relations.append(Relation("names", 0, 1, "", subject=doc.regulations[0].iri, objects=[mech.iri]))
    rdf = doc_to_rdf(doc, RUN)
    g = rdf.report
    adoption = next(a for a in g.subjects(FZ.mechanism, URIRef(mech.iri)))
    assert set(g.objects(adoption, FZ.adopter)) == {URIRef(npc)}
    assert len(set(g.objects(adoption, FZ.evidence))) == 2
    assert (URIRef(doc.regulations[0].iri), DCTERMS.subject, URIRef(mech.iri)) in rdf.entities


@pytest.mark.parametrize(
    "indicator,measure,code",
    [
        ("npc-sugg", "(人大代表建议)积极解决", "proposal-outcome/resolving"),
        ("cppcc-prop", "暂无法解决", "proposal-outcome/cannot-resolve"),
        ("recon-cases", "(行政复议案件)维持", "reconsideration-decision/upheld"),
        ("nf-cleanup", "宣布废止", "cleanup-action/repealed"),
        ("nf-cleanup", "确认继续有效", "cleanup-action/retained"),
        ("npc-sugg", "其他", "_Z"),
        (None, "办结", "_Z"),
    ],
)
def test_breakdown_codes_follow_the_totals_indicator(indicator, measure, code):
    from ingest.model import Figure
    from ingest.rdf_figures import breakdown_code

    total = Figure("53件", 0, 3, 53, "件", indicator=indicator)
    part = Figure("16件", 5, 8, 16, "件", part_of=0, measure=measure)
    assert breakdown_code(part, total) == URIRef(concept("breakdown", code))


def test_figures_take_the_task_area_of_their_section(seed):
    _, rdf = seed
    g = rdf.report
    # 54项 sits in section 一 (依法全面履行政府职能), the reconsideration cases in section 六 (矛盾纠纷)
    assert g.value(URIRef(instance("obs", rdf.key, "1")), FZ.taskArea) == URIRef(concept("task-area", "2015/T1"))
    assert g.value(URIRef(instance("obs", rdf.key, "5")), FZ.taskArea) == URIRef(concept("task-area", "2015/T6"))

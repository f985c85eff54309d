"""Every shape fires on a small graph that breaks it, with the expected severity and message.

The base graph is the seed report mapped from a crafted extraction (``tests/to_rdf_samples.py``); it
validates clean, and each case changes a few triples of it.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from rdflib import RDF, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, QB, SKOS
from to_rdf_samples import seed_doc

from fazhi.iri import concept, instance
from fazhi.namespaces import ELI, FZ, NIF, OA, SDMX_ATTR, SDMX_MEASURE
from ingest.to_rdf import ReportRDF, doc_to_rdf
from shapes.validate import validate_report

RUN = "20261127T193000Z-0000test"
SHAPES = "https://w3id.org/fazhi/shapes#"


def base() -> ReportRDF:
    return doc_to_rdf(seed_doc(), RUN)


def _report(r: ReportRDF) -> URIRef:
    return URIRef(r.iri)


def _text(r: ReportRDF) -> URIRef:
    return URIRef(f"{r.iri}/text")


def _obs(r: ReportRDF, n: int) -> URIRef:
    return URIRef(instance("obs", r.key, str(n)))


def _slice(r: ReportRDF, n: int) -> URIRef:
    return URIRef(instance("slice", r.key, str(n)))


def _a_span(r: ReportRDF, cls: URIRef) -> URIRef:
    return next(s for s in r.report.subjects(FZ.mentionType, cls))


def _set(g, s, p, o) -> None:
    g.remove((s, p, None))
    g.add((s, p, o))


GOV = URIRef(instance("org", "370405", "gov"))
APPROVAL = URIRef(instance("org", "370405", "gov", "admin-approval"))
NPC = URIRef(instance("org", "370405", "npc-sc"))
LEGAL = URIRef(instance("legal", "370000", "local-regulation", "x1"))


def m_no_text(r):
    r.report.remove((_report(r), FZ.hasText, None))


def m_eli_cites(r):
    r.report.add((_report(r), ELI.cites, LEGAL))


def m_no_title(r):
    r.report.remove((_report(r), DCTERMS.title, None))


def m_cites_without_span(r):
    other = URIRef(instance("legal", "cn", "law", "x2"))
    r.entities.add((other, RDF.type, FZ.LegalDocument))
    r.entities.add((other, DCTERMS.title, Literal("某法", lang="zh")))
    r.report.add((_report(r), FZ.cites, other))


def m_late(r):
    _set(r.report, _report(r), DCTERMS.issued, Literal("2020-06-30", datatype=XSD.date))


def m_bad_sha(r):
    _set(r.report, URIRef(f"{r.iri}/source"), FZ.sha256, Literal("xyz"))


def m_text_length(r):
    _set(r.report, _text(r), NIF.endIndex, Literal(12, datatype=XSD.integer))


def m_section_extent(r):
    sec = URIRef(instance("section", r.key, "2"))
    _set(r.report, sec, NIF.endIndex, Literal(10, datatype=XSD.integer))
    _set(r.report, sec, NIF.beginIndex, Literal(20, datatype=XSD.integer))


def m_section_nesting(r):
    r.report.add((URIRef(instance("section", r.key, "2")), FZ.parentSection, URIRef(instance("section", r.key, "1"))))


def m_header_value(r):
    r.report.remove((URIRef(f"{r.iri}#header-1"), FZ.fieldValue, None))


def m_quote(r):
    span = _a_span(r, FZ.Agency)
    _set(r.report, URIRef(f"{span}#quote"), OA.exact, Literal("不是原文"))


def m_offsets(r):
    span = _a_span(r, FZ.LegalDocument)
    pos = URIRef(f"{span}#position")
    start = int(r.report.value(pos, OA.start))
    _set(r.report, pos, OA.start, Literal(start + 1, datatype=XSD.integer))


def m_confidence(r):
    r.report.add((_a_span(r, FZ.Agency), FZ.confidence, Literal(Decimal("1.5"), datatype=XSD.decimal)))


def m_unresolved(r):
    r.report.remove((_a_span(r, FZ.Mechanism), FZ.mentions, None))


def m_selector_end(r):
    r.report.remove((URIRef(f"{_a_span(r, FZ.Agency)}#position"), OA.end, None))


def m_run_agent(r):
    r.report.remove((URIRef(instance("run", RUN)), PROV.wasAssociatedWith, None))


def m_period_label(r):
    from rdflib.namespace import RDFS

    r.entities.remove((URIRef(instance("period", "2019")), RDFS.label, None))


def m_no_jurisdiction(r):
    r.entities.remove((NPC, FZ.jurisdiction, None))


def m_two_names(r):
    r.entities.add((NPC, SKOS.prefLabel, Literal("台儿庄区人大", lang="zh")))


def m_agency_type(r):
    _set(r.entities, APPROVAL, ORG.classification, URIRef(concept("agency-type", "no-such-type")))


def m_department_elsewhere(r):
    other = URIRef(instance("org", "370402", "gov"))
    r.entities.add((other, RDF.type, FZ.PeoplesGovernment))
    r.entities.add((other, RDF.type, FZ.Agency))
    r.entities.add((other, SKOS.prefLabel, Literal("市中区人民政府", lang="zh")))
    r.entities.add((other, FZ.jurisdiction, URIRef(instance("division", "370400"))))
    _set(r.entities, APPROVAL, ORG.subOrganizationOf, other)


def m_division_notation(r):
    _set(r.entities, URIRef(instance("division", "370405")), SKOS.notation, Literal("3704"))


def m_division_broader(r):
    other = URIRef(instance("division", "370300"))
    r.entities.add((other, RDF.type, FZ.Division))
    r.entities.add((other, SKOS.notation, Literal("370300")))
    _set(r.entities, URIRef(instance("division", "370405")), SKOS.broader, URIRef(instance("division", "370300")))


def m_doc_untyped(r):
    r.entities.remove((LEGAL, ELI.type_document, None))


def m_doc_type_namespace(r):
    _set(r.entities, LEGAL, ELI.type_document, URIRef("http://example.org/law"))


def m_mechanism_label(r):
    mech = URIRef(concept("mechanism", "枫桥经验"))
    r.entities.remove((mech, SKOS.prefLabel, None))


def m_concept_labels(r):
    unit = URIRef(concept("unit", "test-unit"))
    r.entities.add((unit, RDF.type, FZ.Unit))
    r.entities.add((unit, SKOS.prefLabel, Literal("测", lang="zh")))
    r.entities.add((unit, SKOS.inScheme, URIRef(concept("unit", "").rstrip("/"))))


def m_structure(r):
    _set(r.report, URIRef(instance("dataset", r.key)), QB.structure, URIRef("http://example.org/dsd"))


def m_no_unit(r):
    r.report.remove((_obs(r, 1), SDMX_ATTR.unitMeasure, None))


def m_value_string(r):
    _set(r.report, _obs(r, 1), SDMX_MEASURE.obsValue, Literal("54"))


def m_negative(r):
    _set(r.report, _obs(r, 2), SDMX_MEASURE.obsValue, Literal(Decimal("-26"), datatype=XSD.decimal))


def m_unknown_unit(r):
    _set(r.report, _obs(r, 2), SDMX_ATTR.unitMeasure, URIRef(concept("unit", "no-such-unit")))


def m_percent(r):
    _set(r.report, _obs(r, 6), SDMX_MEASURE.obsValue, Literal(Decimal("120"), datatype=XSD.decimal))


def m_rate(r):
    _set(r.report, _obs(r, 11), SDMX_MEASURE.obsValue, Literal(Decimal("60.5"), datatype=XSD.decimal))


def m_no_evidence(r):
    r.report.remove((_obs(r, 3), FZ.evidence, None))


def m_sum_over(r):
    _set(r.report, _obs(r, 2), SDMX_MEASURE.obsValue, Literal(Decimal("28"), datatype=XSD.decimal))


def m_sum_exhaustive(r):
    _set(r.report, _obs(r, 2), SDMX_MEASURE.obsValue, Literal(Decimal("20"), datatype=XSD.decimal))
    r.report.add((_slice(r, 1), FZ.exhaustive, Literal(True)))


def m_sum_under(r):
    _set(r.report, _obs(r, 2), SDMX_MEASURE.obsValue, Literal(Decimal("20"), datatype=XSD.decimal))


def m_member_not_part(r):
    r.report.remove((_obs(r, 3), FZ.partOf, None))


def m_part_other_unit(r):
    _set(r.report, _obs(r, 3), SDMX_ATTR.unitMeasure, URIRef(concept("unit", "jian")))


def _adoption(r):
    return next(r.report.subjects(RDF.type, FZ.MechanismAdoption))


def m_adoption_mechanism(r):
    r.report.remove((_adoption(r), FZ.mechanism, None))


def m_adoption_adopter(r):
    r.report.remove((_adoption(r), FZ.adopter, None))


def _event(r, cls):
    return next(r.report.subjects(RDF.type, cls))


def m_change_orgs(r):
    ev = _event(r, FZ.OrgChangeEvent)
    r.report.remove((ev, ORG.resultingOrganization, None))
    r.report.remove((ev, ORG.originalOrganization, None))


def m_document_event(r):
    ev = URIRef(instance("event", r.key, "99"))
    r.report.add((ev, RDF.type, FZ.DocumentEvent))
    r.report.add((ev, FZ.documentAction, URIRef(concept("document-action", "issued"))))
    r.report.add((ev, FZ.evidence, _a_span(r, FZ.LegalDocument)))


#: (mutation, shape local name, severity, words of the message)
CASES: list[tuple[Callable[[ReportRDF], None], str, str, str]] = [
    (m_no_text, "AnnualReportShape", "Violation", "hasText"),
    (m_eli_cites, "AnnualReportShape", "Violation", "eli:cites would make it a legal resource"),
    (m_no_title, "AnnualReportShape", "Info", "title was not found"),
    (m_cites_without_span, "CitationEvidenceShape", "Violation", "but no span of its text mentions it"),
    (m_late, "LatePublicationShape", "Info", "published 2020-06-30, after 1 April"),
    (m_bad_sha, "SourceDocumentShape", "Violation", "does not match"),
    (m_text_length, "ReportTextShape", "Violation", "is not the length of the text"),
    (m_section_extent, "ReportSectionShape", "Violation", "is empty or outside the text"),
    (m_section_nesting, "SectionNestingShape", "Info", "not inside its parent section"),
    (m_header_value, "HeaderFieldShape", "Violation", "fieldValue"),
    (m_quote, "SpanShape", "Violation", "the quote 不是原文 is not the text at"),
    (m_offsets, "SpanShape", "Violation", "is not the text at"),
    (m_confidence, "SpanShape", "Violation", "1.5 is above 1"),
    (m_unresolved, "UnresolvedMentionShape", "Info", "not linked to any entity"),
    (m_selector_end, "TextPositionSelectorShape", "Violation", "oa#end"),
    (m_run_agent, "IngestRunShape", "Violation", "wasAssociatedWith"),
    (m_period_label, "PeriodShape", "Violation", "label"),
    (m_no_jurisdiction, "AgencyShape", "Violation", "the agency has no jurisdiction"),
    (m_two_names, "AgencyShape", "Violation", "two values with the language tag zh"),
    (m_agency_type, "AgencyShape", "Info", "not in the agency-type scheme"),
    (m_department_elsewhere, "GovernmentDepartmentShape", "Violation", "government"),
    (m_division_notation, "DivisionShape", "Violation", "does not match"),
    (m_division_broader, "DivisionShape", "Violation", "does not contain this code"),
    (m_doc_untyped, "LegalDocumentShape", "Info", "type was not decided"),
    (m_doc_type_namespace, "LegalDocumentShape", "Violation", "does not match"),
    (m_mechanism_label, "MechanismShape", "Violation", "prefLabel"),
    (m_concept_labels, "ConceptShape", "Violation", "one prefLabel in Chinese and one in English"),
    (m_structure, "ReportDataSetShape", "Violation", "annualReportStructure"),
    (m_no_unit, "ObservationShape", "Violation", "unitMeasure"),
    (m_value_string, "ObservationShape", "Violation", "is not a literal of datatype"),
    (m_negative, "ObservationShape", "Violation", "a negative value -26"),
    (m_unknown_unit, "ObservationShape", "Info", "not in the unit scheme"),
    (m_percent, "PercentShape", "Warning", "a rate of 120% is above 100%"),
    (m_rate, "RateShape", "Warning", "the rate 60.5% does not agree with its numerator 9 and denominator 13"),
    (m_no_evidence, "EvidenceShape", "Violation", "without an evidence span"),
    (m_sum_over, "BreakdownSumShape", "Warning", "the parts add up to 56, not to the total 54"),
    (m_sum_exhaustive, "BreakdownSumShape", "Warning", "the parts add up to 48, not to the total 54"),
    (m_sum_under, "BreakdownCoverageShape", "Info", "less than the total 54"),
    (m_member_not_part, "BreakdownShape", "Violation", "is not a part of the breakdown's total"),
    (m_part_other_unit, "BreakdownCoverageShape", "Info", "counted in another unit"),
    (m_adoption_mechanism, "MechanismAdoptionShape", "Violation", "mechanism"),
    (m_adoption_adopter, "MechanismAdoptionShape", "Info", "no adopter known"),
    (m_change_orgs, "OrgChangeEventShape", "Violation", "without any original or resulting organisation"),
    (m_document_event, "DocumentEventShape", "Violation", "document"),
]


def test_the_base_graph_is_clean():
    outcome = validate_report(base())
    assert outcome.results == []
    assert outcome.conforms


@pytest.mark.parametrize("mutate,shape,severity,words", CASES, ids=[c[0].__name__ for c in CASES])
def test_shape_fires(mutate, shape, severity, words):
    r = base()
    mutate(r)
    outcome = validate_report(r)
    hits = [d for d in outcome.details if d.shape == SHAPES + shape and d.severity == severity]
    assert hits, f"{shape} did not fire; got {outcome.messages()}"
    assert any(words in d.message for d in hits), [d.message for d in hits]


def test_every_shape_has_a_breaking_case():
    from rdflib.namespace import SH

    from shapes import shapes_graph

    tested = {c[1] for c in CASES}
    shapes = {str(s).removeprefix(SHAPES) for s in shapes_graph().subjects(RDF.type, SH.NodeShape)}
    untested = shapes - tested - {"TextQuoteSelectorShape", "ExtractorShape", "InstantShape"}
    assert not untested, untested


def test_outcome_graph_is_a_validation_report():
    from rdflib.namespace import SH

    r = base()
    m_sum_over(r)
    m_no_evidence(r)
    outcome = validate_report(r)
    g = outcome.graph
    report = next(g.subjects(RDF.type, SH.ValidationReport))
    assert g.value(report, SH.conforms) == Literal(False)
    severities = {g.value(x, SH.resultSeverity) for x in g.objects(report, SH.result)}
    assert {SH.Violation, SH.Warning} <= severities
    assert outcome.violations == 1 and outcome.warnings == 1
    assert outcome.first_violation().endswith("a fact without an evidence span")
    assert outcome.messages("Warning")[0].startswith("Violation:")

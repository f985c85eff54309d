"""Mapping an extracted :class:`~ingest.model.Doc` to RDF under the fazhi ontology.

``report`` holds the report's own facts (the report, its text, sections, spans, observations,
citations, adoptions, change events and the ingest run); ``entities`` the canonical things it
mentions (agencies, divisions, legal documents, mechanism concepts), each written as a pure
function of the entity so that merging every report's entities is idempotent. Helpers:
``ingest.rdf_text`` (text, sections, spans), ``ingest.rdf_entities`` (entities),
``ingest.rdf_figures`` (Data Cube), ``ingest.rdf_events`` (adoptions, change and document events).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, PROV, TIME

from fazhi import __version__
from fazhi.iri import instance
from fazhi.namespaces import FZ
from ingest.model import Doc
from ingest.rdf_entities import add_agency, add_division, add_legal_document, add_mechanism
from ingest.rdf_events import add_adoptions, add_relations, adoption_iri
from ingest.rdf_figures import ReportContext, add_figures, observation_iris
from ingest.rdf_text import Spans, add_sections, add_text, area_at
from ingest.triples import Terms, Triples

# Each namespace term is built once per process (ingest.triples.Terms), not at every look-up.
RDF, RDFS, XSD, DCAT, DCTERMS, PROV, TIME, FZ = map(Terms, (RDF, RDFS, XSD, DCAT, DCTERMS, PROV, TIME, FZ))


@dataclass
class ReportRDF:
    """A report's triples: its own graph and the canonical entities it contributes."""

    key: str
    iri: str
    report: Triples
    entities: Triples


_DATE = re.compile(r"(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})")
_RUN_TIME = re.compile(r"^(\d{8}T\d{6}Z)")
#: Header fields (as printed) that map to a property of their own besides the generic fz:headerField.
_INDEX_FIELDS = ("索引号",)
_WRITTEN_FIELDS = ("成文日期", "成文时间", "发文日期")


def report_key(doc: Doc) -> str:
    """The report key (``{code}-{year}-{issuer-slug}``), or a digest-based one when metadata is missing."""
    return doc.meta.key or f"unresolved-{doc.sha256[:16]}"


def report_iri(doc: Doc) -> str:
    """The report IRI from the jurisdiction component, or one under ``id/report/unresolved/``."""
    return doc.meta.iri or instance("report", "unresolved", doc.sha256[:16])


def period_iri(year: int) -> URIRef:
    """IRI of a calendar year: ``id/period/{year}``."""
    return URIRef(instance("period", str(year)))


def add_period(e: Graph, year: int) -> URIRef:
    """A calendar year as an OWL-Time proper interval (an entity: the same triples from every report)."""
    node = period_iri(year)
    e.add((node, RDF.type, TIME.ProperInterval))
    e.add((node, RDFS.label, Literal(f"{year}年", lang="zh")))
    e.add((node, RDFS.label, Literal(str(year), lang="en")))
    e.add((node, TIME.hasXSDDuration, Literal("P1Y", datatype=XSD.duration)))
    for prop, date in ((TIME.hasBeginning, f"{year}-01-01"), (TIME.hasEnd, f"{year}-12-31")):
        instant = URIRef(instance("instant", date))
        e.add((node, prop, instant))
        e.add((instant, RDF.type, TIME.Instant))
        e.add((instant, TIME.inXSDDate, Literal(date, datatype=XSD.date)))
    return node


def parse_date(text: str) -> str | None:
    """``YYYY-MM-DD`` from a printed date (2020-01-15, 2020年1月15日 …), or None."""
    m = _DATE.search(text or "")
    if not m:
        return None
    y, mo, d = (int(x) for x in m.groups())
    try:
        return datetime(y, mo, d).strftime("%Y-%m-%d")
    except ValueError:
        return None


def issuer_iri(doc: Doc, iri: str) -> URIRef | None:
    """The issuing agency: the agency mention named like the issuer, else ``id/org/{code}/{issuer-slug}``."""
    m = doc.meta
    if m.issuer:
        for a in doc.agencies:
            if a.iri and m.issuer in (a.name, a.text):
                return URIRef(a.iri)
    match = re.search(r"/id/report/(cn|\d{6}|\d{9})/\d{4}/(.+)$", iri)
    if match:
        return URIRef(instance("org", match.group(1), match.group(2)))
    return None


def add_run(g: Graph, run_id: str) -> URIRef | None:
    """The ingest run as a ``prov:Activity`` associated with this version of the extractor."""
    if not run_id:
        return None
    run = URIRef(instance("run", run_id))
    software = URIRef(instance("software", "fazhi", __version__))
    g.add((run, RDF.type, FZ.IngestRun))
    g.add((run, RDF.type, PROV.Activity))
    g.add((run, PROV.wasAssociatedWith, software))
    m = _RUN_TIME.match(run_id)
    if m:
        started = datetime.strptime(m.group(1), "%Y%m%dT%H%M%SZ").strftime("%Y-%m-%dT%H:%M:%SZ")
        g.add((run, PROV.startedAtTime, Literal(started, datatype=XSD.dateTime)))
    g.add((software, RDF.type, FZ.Extractor))
    g.add((software, RDF.type, PROV.SoftwareAgent))
    g.add((software, RDFS.label, Literal(f"fazhi {__version__}")))
    g.add((software, FZ.extractorVersion, Literal(__version__)))
    return run


def _add_header(g: Graph, report: URIRef, header: dict[str, str]) -> None:
    for n, (name, value) in enumerate(header.items(), start=1):
        node = URIRef(f"{report}#header-{n}")
        g.add((report, FZ.headerField, node))
        g.add((node, RDF.type, FZ.HeaderField))
        g.add((node, FZ.fieldName, Literal(name, lang="zh")))
        g.add((node, FZ.fieldValue, Literal(value, lang="zh")))
        name = re.sub(r"\s+", "", name)
        if name in _INDEX_FIELDS and value.strip():
            g.add((report, FZ.indexNumber, Literal(value.strip())))
        if name in _WRITTEN_FIELDS and parse_date(value):
            g.add((report, DCTERMS.created, Literal(parse_date(value), datatype=XSD.date)))


def _add_source(g: Graph, doc: Doc, node: URIRef, run: URIRef | None) -> None:
    g.add((node, RDF.type, FZ.SourceDocument))
    g.add((node, RDF.type, DCAT.Distribution))
    g.add((node, FZ.sha256, Literal(doc.sha256)))
    g.add((node, FZ.fileName, Literal(doc.source.replace("\\", "/").rsplit("/", 1)[-1])))
    if doc.encoding:
        g.add((node, FZ.encoding, Literal(doc.encoding)))
    # The original file's media type (the stored text is always the extracted plain text).
    g.add((node, DCTERMS["format"], Literal(doc.media_type)))
    g.add((node, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{doc.media_type}")))
    url = doc.source_info.get("url", "").strip()
    if re.match(r"^https?://[^\s<>\"{}|\\^`]+$", url):
        g.add((node, DCAT.accessURL, URIRef(url)))
    page = (doc.source_url or "").strip()
    if re.match(r"^https?://[^\s<>\"{}|\\^`]+$", page):  # the page's own address, as the page gives it
        g.add((node, PROV.hadPrimarySource, URIRef(page)))
    if doc.source_info.get("title"):
        g.add((node, DCTERMS.title, Literal(doc.source_info["title"], lang="zh")))
    if run is not None:
        g.add((run, PROV.used, node))


def doc_to_rdf(doc: Doc, run_id: str = "", graph: Callable[[], Triples | Graph] = Triples) -> ReportRDF:
    """Map everything in ``doc`` to a report graph and an entities graph.

    ``graph`` makes the two collections: :class:`~ingest.triples.Triples` (fast, N-Triples cached), or
    ``rdflib.Graph`` to check that both give the same triples (``tests/test_to_rdf_triples.py``).
    """
    key, iri = report_key(doc), report_iri(doc)
    g, e = graph(), graph()
    m = doc.meta
    report = URIRef(iri)
    text_node, source_node = URIRef(f"{iri}/text"), URIRef(f"{iri}/source")
    run = add_run(g, run_id)

    g.add((report, RDF.type, FZ.AnnualReport))
    if m.title:
        g.add((report, DCTERMS.title, Literal(m.title, lang="zh")))
        g.add((report, RDFS.label, Literal(m.title, lang="zh")))
    area = add_division(e, m.division_code, m.division_name) if m.division_code else None
    if area is not None:
        g.add((report, FZ.jurisdiction, area))
    period = add_period(e, m.year) if m.year else None
    if period is not None:
        g.add((report, FZ.reportingPeriod, period))
    issuer = issuer_iri(doc, iri)
    if issuer is not None:
        if not any(a.iri == str(issuer) for a in doc.agencies):
            add_agency(e, str(issuer), m.issuer or m.jurisdiction or "")
        g.add((report, FZ.issuer, issuer))
    if m.published and parse_date(m.published):
        g.add((report, DCTERMS.issued, Literal(parse_date(m.published), datatype=XSD.date)))
    _add_header(g, report, m.header)
    for clue in (f"{k}={v}" for k, v in sorted(m.evidence.items())):
        g.add((report, FZ.resolution, Literal(clue)))

    g.add((report, FZ.hasText, text_node))
    g.add((report, FZ.source, source_node))
    _add_source(g, doc, source_node, run)
    add_text(g, doc, text_node, source_node, run)
    spans = Spans(g, doc, key, text_node, run)
    if 0 <= m.title_start < m.title_end:
        g.add((report, FZ.evidence, spans.span(m.title_start, m.title_end)))
    areas = add_sections(g, doc, key, text_node, spans)

    agencies_by_name = {}
    for a in doc.agencies:
        target = add_agency(e, a.iri, a.name or a.text, a.type) if a.iri else None
        if target is not None and a.name:
            agencies_by_name.setdefault(a.name, target)
        span = spans.mention(a.start, a.end, target, FZ.Agency)
        if target is not None and 0 <= a.confidence < 1:
            g.add((span, FZ.confidence, Literal(Decimal(str(round(a.confidence, 3))), datatype=XSD.decimal)))
    for name in m.addressee:
        if name in agencies_by_name:
            g.add((report, FZ.addressee, agencies_by_name[name]))
        else:
            g.add((report, FZ.addresseeName, Literal(name, lang="zh")))
    for r in doc.regulations:
        target = add_legal_document(e, r.iri, r.title or r.text, r.doc_type, r.type_rule) if r.iri else None
        if target is not None:
            g.add((report, FZ.cites, target))
        spans.mention(r.start, r.end, target, FZ.LegalDocument)
    for x in doc.mechanisms:
        target = add_mechanism(e, x.iri, x.label or x.text) if x.iri else None
        spans.mention(x.start, x.end, target, FZ.Mechanism)

    ctx = ReportContext(key=key, dataset=URIRef(instance("dataset", key)), area=area, period=period, agency=issuer)
    add_figures(g, doc, ctx, spans, run)
    for f, obs in zip(doc.figures, observation_iris(doc, key), strict=True):
        area = area_at(doc, areas, f.start)
        if area is not None and (obs, RDF.type, FZ.Observation) in g:
            g.add((obs, FZ.taskArea, area))
    if doc.figures:
        g.add((ctx.dataset, PROV.wasDerivedFrom, report))
    add_adoptions(g, doc, key, spans, adopter=issuer, period=period)
    for x in doc.mechanisms:
        area = area_at(doc, areas, x.start) if x.iri else None
        if area is not None:
            g.add((adoption_iri(key, x.iri), FZ.taskArea, area))
    add_relations(g, e, doc, key, spans, period=period)
    return ReportRDF(key=key, iri=iri, report=g, entities=e)

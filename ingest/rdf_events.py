"""What a report says happened: mechanism adoptions, organisational change events, document events.

All are n-ary nodes of the report graph with ``fz:evidence`` spans. Relations come from
``doc.relations`` (``ingest.relations``); a mechanism the report mentions without a stated
adopter is recorded as adopted by the report's issuer in the reporting period.
"""

from __future__ import annotations

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV

from fazhi.iri import concept, instance, short_hash
from fazhi.namespaces import FZ
from ingest.model import Doc
from ingest.rdf_text import Spans
from ingest.triples import Terms

# Each namespace term is built once per process (ingest.triples.Terms), not at every look-up.
RDF, XSD, DCTERMS, ORG, PROV, FZ = map(Terms, (RDF, XSD, DCTERMS, ORG, PROV, FZ))

#: Relation kinds that are organisational change events, with their change-type notation.
CHANGE_KINDS = {
    "establishment": "establishment",
    "merger": "merger",
    "abolition": "abolition",
    "renaming": "renaming",
    "transfer": "transfer",
    "split": "split",
}
#: Relation kinds that are document events, with their document-action notation.
DOCUMENT_KINDS = {"issued": "issued", "revised": "revised", "repealed": "repealed"}


def adoption_iri(key: str, mechanism: str) -> URIRef:
    """IRI of the adoption of one mechanism in one report."""
    return URIRef(instance("adoption", key, short_hash(mechanism)))


def add_adoptions(
    g: Graph, doc: Doc, key: str, spans: Spans, adopter: URIRef | None, period: URIRef | None
) -> None:
    """One ``fz:MechanismAdoption`` per mechanism the report mentions, with every mention as evidence."""
    explicit: dict[str, list[str]] = {}
    stated: dict[str, list[tuple[int, int]]] = {}
    for r in doc.relations:
        if r.kind == "adopted" and r.subject:
            for obj in r.objects:
                explicit.setdefault(obj, []).append(r.subject)
                stated.setdefault(obj, []).append((r.start, r.end))
    for x in doc.mechanisms:
        if not x.iri:
            continue
        node = adoption_iri(key, x.iri)
        g.add((node, RDF.type, FZ.MechanismAdoption))
        g.add((node, RDF.type, PROV.Entity))
        g.add((node, FZ.mechanism, URIRef(x.iri)))
        g.add((node, FZ.evidence, spans.span(x.start, x.end)))
        for who in explicit.get(x.iri, []):
            g.add((node, FZ.adopter, URIRef(who)))
        for start, end in stated.get(x.iri, []):
            g.add((node, FZ.evidence, spans.span(start, end)))
        if adopter is not None and x.iri not in explicit:
            g.add((node, FZ.adopter, adopter))
        if period is not None:
            g.add((node, FZ.period, period))


def add_relations(g: Graph, e: Graph, doc: Doc, key: str, spans: Spans, period: URIRef | None) -> None:
    """Change events (ORG) and document events from ``doc.relations``; ``names`` links go to the entities."""
    for n, r in enumerate(doc.relations, start=1):
        if r.kind == "names" and r.subject:  # a document whose title names a mechanism: a fact of the document
            for obj in r.objects:
                e.add((URIRef(r.subject), DCTERMS.subject, URIRef(obj)))
        elif r.kind in CHANGE_KINDS:
            _change_event(g, r, URIRef(instance("event", key, str(n))), spans, period)
        elif r.kind in DOCUMENT_KINDS:
            _document_event(g, r, URIRef(instance("event", key, str(n))), spans, period)


def _when(g: Graph, node: URIRef, r, period: URIRef | None) -> None:
    year = r.attrs.get("year") if isinstance(r.attrs, dict) else None
    if isinstance(year, int) or (isinstance(year, str) and year.isdigit()):
        g.add((node, DCTERMS.date, Literal(str(year), datatype=XSD.gYear)))
    elif period is not None:
        g.add((node, FZ.period, period))


def _change_event(g: Graph, r, node: URIRef, spans: Spans, period: URIRef | None) -> None:
    """subject = the resulting agency; objects = the original agencies (for a merger: all merged ones)."""
    g.add((node, RDF.type, FZ.OrgChangeEvent))
    g.add((node, RDF.type, ORG.ChangeEvent))
    g.add((node, FZ.changeType, URIRef(concept("change-type", CHANGE_KINDS[r.kind]))))
    g.add((node, FZ.evidence, spans.span(r.start, r.end)))
    _when(g, node, r, period)
    if r.subject:
        subject = URIRef(r.subject)
        if r.kind == "abolition":
            g.add((node, ORG.originalOrganization, subject))
            g.add((subject, ORG.changedBy, node))
        else:
            g.add((node, ORG.resultingOrganization, subject))
            g.add((subject, ORG.resultedFrom, node))
    for obj in r.objects:
        g.add((node, ORG.originalOrganization, URIRef(obj)))
        g.add((URIRef(obj), ORG.changedBy, node))


def _document_event(g: Graph, r, node: URIRef, spans: Spans, period: URIRef | None) -> None:
    """subject = the acting agency; objects = the documents."""
    g.add((node, RDF.type, FZ.DocumentEvent))
    g.add((node, RDF.type, PROV.Activity))
    g.add((node, FZ.documentAction, URIRef(concept("document-action", DOCUMENT_KINDS[r.kind]))))
    g.add((node, FZ.evidence, spans.span(r.start, r.end)))
    _when(g, node, r, period)
    if r.subject:
        g.add((node, FZ.actor, URIRef(r.subject)))
    for obj in r.objects:
        g.add((node, FZ.document, URIRef(obj)))

"""Mapping an extracted :class:`~ingest.model.Doc` to RDF under the fazhi ontology."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from fazhi.namespaces import FZ
from ingest.model import Doc


@dataclass
class ReportRDF:
    """A report's triples: its own graph and the canonical entities it contributes."""

    key: str
    iri: str
    report: Graph
    entities: Graph


def doc_to_rdf(doc: Doc, run_id: str = "") -> ReportRDF:
    """First version: the report node only."""
    key = doc.meta.key or doc.sha256[:16]
    iri = doc.meta.iri or f"{FZ}report-{key}"
    g = Graph()
    g.add((URIRef(iri), RDF.type, FZ.AnnualReport))
    if doc.meta.title:
        g.add((URIRef(iri), DCTERMS.title, Literal(doc.meta.title, lang="zh")))
    return ReportRDF(key=key, iri=iri, report=g, entities=Graph())

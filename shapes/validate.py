"""Validating one report's graph (plus the ontology and schemes) against the shapes.

Two engines give the same results (``tests/test_shapes_engines.py``): ``sparql`` (default) runs the
shapes compiled to SPARQL on an in-memory Oxigraph store (:mod:`shapes.engine`); ``pyshacl`` is the
reference SHACL implementation. Only the report's own nodes and the entities it brings are focus
nodes; the ontology and schemes are read, not validated (``tests/test_ontology.py`` checks them).
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache

from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SH

from shapes.engine import SEVERITIES, Result, SparqlValidator

ORDER = {"Info": 0, "Warning": 1, "Violation": 2}


@dataclass
class Outcome:
    """The result of validating one report."""

    graph: Graph  # the sh:ValidationReport as RDF
    violations: int = 0
    warnings: int = 0
    infos: int = 0
    results: list[tuple[str, str, str]] = field(default_factory=list)  # (severity, focus node, message)
    details: list[Result] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        """True when there is no violation (warnings and infos do not make a report invalid)."""
        return self.violations == 0

    def messages(self, min_severity: str = "Info") -> list[str]:
        return [f"{sev}: {focus}: {msg}" for sev, focus, msg in self.results if ORDER[sev] >= ORDER[min_severity]]

    def first_violation(self) -> str:
        return next((f"{f}: {m}" for s, f, m in self.results if s == "Violation"), "")


@lru_cache(maxsize=1)
def sparql_validator() -> SparqlValidator:
    """The compiled shapes with the vocabulary loaded (built once per process)."""
    from ontology import vocabulary_graph
    from shapes import shapes_graph

    return SparqlValidator(shapes_graph(), vocabulary_graph())


@contextmanager
def _cached_sparql_translation():
    """Translate each SPARQL text once: pyshacl re-parses a constraint's query for every focus node."""
    from rdflib.plugins.sparql import processor

    original = processor.SPARQLProcessor.query
    cache: dict[tuple, object] = {}

    def query(self, strOrQuery, initBindings=None, initNs=None, base=None, DEBUG=False):  # noqa: N803
        if isinstance(strOrQuery, str):
            key = (strOrQuery, base, tuple(sorted((initNs or {}).items())))
            if key not in cache:
                cache[key] = processor.translateQuery(processor.parseQuery(strOrQuery), base, initNs)
            strOrQuery = cache[key]
        return original(self, strOrQuery, initBindings or {}, initNs or {}, base, DEBUG)

    processor.SPARQLProcessor.query = query
    try:
        yield
    finally:
        processor.SPARQLProcessor.query = original


def run_pyshacl(graphs: Iterable[Graph], cache_queries: bool = True) -> list[Result]:
    """The same validation with pyshacl (slow; the reference)."""
    import pyshacl

    from ontology import vocabulary_graph
    from shapes import shapes_graph

    data = Graph()
    focus: set[URIRef] = set()
    for g in graphs:
        for t in g:
            data.add(t)
            if isinstance(t[0], URIRef):
                focus.add(t[0])
    data += vocabulary_graph()
    shapes = shapes_graph()
    with _cached_sparql_translation() if cache_queries else nullcontext():
        _, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    return [r for r in _results_from_report(report, shapes) if URIRef(r.focus) in focus]


def _owning_shape(shapes: Graph, shape) -> str:
    if isinstance(shape, BNode):
        parent = next(shapes.subjects(SH.property, shape), None)
        return str(parent) if parent is not None else str(shape)
    return str(shape)


def _results_from_report(report: Graph, shapes: Graph) -> list[Result]:
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        path = report.value(r, SH.resultPath)
        value = report.value(r, SH.value)
        out.append(
            Result(
                severity=SEVERITIES.get(report.value(r, SH.resultSeverity), "Violation"),
                focus=str(report.value(r, SH.focusNode)),
                message=str(report.value(r, SH.resultMessage) or ""),
                path=str(path) if path is not None else None,
                value=str(value) if value is not None else None,
                component=str(report.value(r, SH.sourceConstraintComponent)),
                shape=_owning_shape(shapes, report.value(r, SH.sourceShape)),
                value_is_iri=isinstance(value, URIRef),
            )
        )
    return out


def report_graph(results: list[Result], key: str, subject: str | None = None) -> Graph:
    """The results as an ``sh:ValidationReport`` with IRIs ``{BASE}id/validation/{key}[/n]``."""
    from fazhi.iri import instance

    g = Graph()
    node = URIRef(instance("validation", key))
    g.add((node, RDF.type, SH.ValidationReport))
    g.add((node, SH.conforms, Literal(not results)))
    g.add((node, PROV.generatedAtTime, Literal(datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), datatype=XSD.dateTime)))
    if subject:
        g.add((node, DCTERMS.subject, URIRef(subject)))
    inverse = {v: k for k, v in SEVERITIES.items()}
    for n, r in enumerate(sorted(results, key=lambda r: (-ORDER[r.severity], r.focus, r.message)), start=1):
        rn = URIRef(f"{node}/{n}")
        g.add((node, SH.result, rn))
        g.add((rn, RDF.type, SH.ValidationResult))
        g.add((rn, SH.focusNode, URIRef(r.focus) if r.focus.startswith(("http", "urn:")) else Literal(r.focus)))
        g.add((rn, SH.resultSeverity, inverse[r.severity]))
        g.add((rn, SH.resultMessage, Literal(r.message)))
        g.add((rn, SH.sourceConstraintComponent, URIRef(r.component)))
        if r.shape.startswith("http"):
            g.add((rn, SH.sourceShape, URIRef(r.shape)))
        if r.path:
            g.add((rn, SH.resultPath, URIRef(r.path)))
        if r.value is not None:
            g.add((rn, SH.value, URIRef(r.value) if r.value_is_iri else Literal(r.value)))
    return g


def outcome_of(results: list[Result], key: str, subject: str | None = None) -> Outcome:
    """An :class:`Outcome` (counts, messages, report graph) for a list of results."""
    ordered = sorted(results, key=lambda r: (-ORDER[r.severity], r.focus, r.message))
    return Outcome(
        graph=report_graph(ordered, key, subject),
        violations=sum(r.severity == "Violation" for r in ordered),
        warnings=sum(r.severity == "Warning" for r in ordered),
        infos=sum(r.severity == "Info" for r in ordered),
        results=[(r.severity, r.focus, r.message) for r in ordered],
        details=ordered,
    )


def validate_graphs(graphs: Iterable[Graph], key: str, subject: str | None = None, engine: str = "sparql") -> Outcome:
    """Validate the union of ``graphs`` (their subjects are the focus nodes)."""
    graphs = list(graphs)
    results = run_pyshacl(graphs) if engine == "pyshacl" else sparql_validator().validate(graphs)
    return outcome_of(results, key, subject)


def validate_report(rdf, engine: str = "sparql", ntriples: bytes | None = None) -> Outcome:
    """Validate a report's RDF (``ingest.to_rdf.ReportRDF``): its own graph plus its entities.

    ``ntriples``: the same two graphs already serialised as N-Triples (spares serialising them again).
    """
    if ntriples is not None and engine == "sparql":
        return outcome_of(sparql_validator().validate_ntriples(ntriples), rdf.key, rdf.iri)
    return validate_graphs([rdf.report, rdf.entities], rdf.key, rdf.iri, engine=engine)

"""Validating a whole store: every report graph, the entities graph, and the cross-report checks."""

from __future__ import annotations

import io
import time
from dataclasses import dataclass, field

from rdflib import Graph

from fazhi.namespaces import ENTITIES_GRAPH, FZ, GRAPH, STORE_CHECKS_GRAPH, VOCAB_GRAPH, validation_graph
from shapes.engine import SparqlValidator
from shapes.store_checks import run_store_checks
from shapes.validate import ORDER, Outcome, outcome_of, run_pyshacl

REPORT_PREFIX = f"{GRAPH}report/"


@dataclass
class StoreValidation:
    """Outcomes per report key (plus ``entities`` and ``store``), with timings."""

    outcomes: dict[str, Outcome] = field(default_factory=dict)
    seconds: float = 0.0
    report_seconds: list[float] = field(default_factory=list)

    @property
    def violations(self) -> int:
        return sum(o.violations for o in self.outcomes.values())

    def graph(self) -> Graph:
        g = Graph()
        for o in self.outcomes.values():
            g += o.graph
        return g

    def to_json(self, min_severity: str = "Info") -> dict:
        def part(key: str, o: Outcome) -> dict:
            return {
                "key": key, "violations": o.violations, "warnings": o.warnings, "infos": o.infos,
                "results": [
                    {"severity": r.severity, "focus": r.focus, "path": r.path, "value": r.value,
                     "message": r.message, "shape": r.shape}
                    for r in o.details if ORDER[r.severity] >= ORDER[min_severity]
                ],
            }

        return {
            "reports": len([k for k in self.outcomes if k not in ("entities", "store")]),
            "violations": self.violations,
            "warnings": sum(o.warnings for o in self.outcomes.values()),
            "infos": sum(o.infos for o in self.outcomes.values()),
            "seconds": round(self.seconds, 3),
            "graphs": [part(k, o) for k, o in self.outcomes.items()],
        }

    def to_text(self, min_severity: str = "Warning") -> str:
        lines = []
        for key, o in self.outcomes.items():
            lines.append(f"{key}: {o.violations} violation(s), {o.warnings} warning(s), {o.infos} info(s)")
            lines.extend(f"  {m}" for m in o.messages(min_severity))
        n = len([k for k in self.outcomes if k not in ("entities", "store")])
        total = self.to_json()
        lines.append(
            f"{n} report(s): {total['violations']} violation(s), {total['warnings']} warning(s), "
            f"{total['infos']} info(s) in {self.seconds:.2f} s"
        )
        return "\n".join(lines) + "\n"


def _graph_nt(store, graph: str) -> bytes:
    import pyoxigraph as ox

    out = io.BytesIO()
    store.dump(out, ox.RdfFormat.N_TRIPLES, graph=graph)
    return out.getvalue()


def report_graphs(store) -> list[str]:
    """IRIs of the report graphs (not their validation graphs)."""
    return [g for g in store.graph_names() if g.startswith(REPORT_PREFIX) and not g.endswith("/validation")]


def _subjects(nt: bytes) -> set[str]:
    """IRIs in subject position of N-Triples text."""
    return {line[1 : line.index(b">")].decode("utf-8") for line in nt.splitlines() if line.startswith(b"<")}


def validate_store(store, engine: str = "sparql", save: bool = True, batch: int = 25) -> StoreValidation:
    """Validate every report graph against the shapes, the entities graph once, then the store checks.

    With the SPARQL engine, report graphs are validated ``batch`` at a time (the compiled queries run
    once per batch, not once per report) and each result goes to the report that holds its focus node.
    """
    from ontology import vocabulary_graph
    from shapes import shapes_graph

    t0 = time.perf_counter()
    result = StoreValidation()
    names = set(store.graph_names())
    vocab = Graph()
    if str(VOCAB_GRAPH) in names:
        vocab.parse(data=_graph_nt(store, str(VOCAB_GRAPH)).decode("utf-8"), format="nt")
    else:
        vocab = vocabulary_graph()
    entities = Graph().parse(data=_graph_nt(store, str(ENTITIES_GRAPH)).decode("utf-8"), format="nt")
    keys = [g.removeprefix(REPORT_PREFIX) for g in report_graphs(store)]
    results: dict[str, list] = {k: [] for k in keys}
    subjects: dict[str, str | None] = {}
    if engine == "sparql":
        validator = SparqlValidator(shapes_graph(), vocab, context=[entities])
        for i in range(0, len(keys), batch):
            t = time.perf_counter()
            chunk = keys[i : i + batch]
            owner: dict[str, str] = {}
            data = []
            for key in chunk:
                nt = _graph_nt(store, REPORT_PREFIX + key)
                data.append(nt)
                for s in _subjects(nt):
                    owner[s] = key
            for r in validator.validate_ntriples(b"".join(data)):
                results[owner.get(r.focus, chunk[0])].append(r)
            result.report_seconds.extend([(time.perf_counter() - t) / len(chunk)] * len(chunk))
        result_entities = SparqlValidator(shapes_graph(), vocab).validate([entities])
    else:
        for key in keys:
            t = time.perf_counter()
            data = Graph().parse(data=_graph_nt(store, REPORT_PREFIX + key).decode("utf-8"), format="nt")
            mine = {str(s) for s in data.subjects()}
            results[key] = [r for r in run_pyshacl([data, entities]) if r.focus in mine]
            result.report_seconds.append(time.perf_counter() - t)
        result_entities = run_pyshacl([entities])
    for key in keys:
        subjects[key] = _report_subject(store, REPORT_PREFIX + key)
    saved: dict[str, str] = {}
    for key in keys:
        outcome = outcome_of(results[key], key, subjects[key])
        result.outcomes[key] = outcome
        saved[validation_graph(key)] = outcome.graph.serialize(format="nt")
    result.outcomes["entities"] = outcome_of(result_entities, "entities")
    checks = outcome_of(run_store_checks(store), "store")
    result.outcomes["store"] = checks
    saved[str(STORE_CHECKS_GRAPH)] = checks.graph.serialize(format="nt")
    if save:
        for graph, nt in saved.items():
            store.replace_graphs({graph: nt})
    result.seconds = time.perf_counter() - t0
    return result


def _report_subject(store, graph: str) -> str | None:
    rows = store.query(f"SELECT ?r WHERE {{ GRAPH <{graph}> {{ ?r a <{FZ.AnnualReport}> }} }} LIMIT 1")
    return next((row["r"].value for row in rows), None)

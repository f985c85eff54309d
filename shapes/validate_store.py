"""Validating a whole store: every report graph, the entities graph, and the cross-report checks."""

from __future__ import annotations

import io
import time
from dataclasses import dataclass, field

from rdflib import RDF, Graph

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


def validate_store(store, engine: str = "sparql", save: bool = True) -> StoreValidation:
    """Validate every report graph against the shapes, the entities graph once, then the store checks."""
    from ontology import vocabulary_graph
    from shapes import shapes_graph

    t0 = time.perf_counter()
    result = StoreValidation()
    entities_nt = _graph_nt(store, str(ENTITIES_GRAPH))
    names = set(store.graph_names())
    vocab = Graph()
    if str(VOCAB_GRAPH) in names:
        vocab.parse(data=_graph_nt(store, str(VOCAB_GRAPH)).decode("utf-8"), format="nt")
    else:
        vocab = vocabulary_graph()
    entities = Graph().parse(data=entities_nt.decode("utf-8"), format="nt")
    validator = SparqlValidator(shapes_graph(), vocab, context=[entities]) if engine == "sparql" else None
    saved: dict[str, str] = {}
    for g in report_graphs(store):
        t = time.perf_counter()
        key = g.removeprefix(REPORT_PREFIX)
        data = Graph().parse(data=_graph_nt(store, g).decode("utf-8"), format="nt")
        subject = next((str(s) for s in data.subjects(RDF.type, FZ.AnnualReport)), None)
        if validator is not None:
            results = validator.validate([data])
        else:
            focus = {s for s in data.subjects()}
            results = [r for r in run_pyshacl([data, entities]) if r.focus in {str(f) for f in focus}]
        outcome = outcome_of(results, key, subject)
        result.outcomes[key] = outcome
        saved[validation_graph(key)] = outcome.graph.serialize(format="nt")
        result.report_seconds.append(time.perf_counter() - t)
    if validator is not None:
        ent_validator = SparqlValidator(shapes_graph(), vocab)
        result.outcomes["entities"] = outcome_of(ent_validator.validate([entities]), "entities")
    else:
        result.outcomes["entities"] = outcome_of(run_pyshacl([entities]), "entities")
    checks = outcome_of(run_store_checks(store), "store")
    result.outcomes["store"] = checks
    saved[str(STORE_CHECKS_GRAPH)] = checks.graph.serialize(format="nt")
    if save:
        for graph, nt in saved.items():
            store.replace_graphs({graph: nt})
    result.seconds = time.perf_counter() - t0
    return result

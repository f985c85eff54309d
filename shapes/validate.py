"""Validating one report's graph (plus the ontology and schemes) against the shapes."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph


@dataclass
class Outcome:
    """The result of validating one report."""

    graph: Graph  # the sh:ValidationReport as RDF
    violations: int = 0
    warnings: int = 0
    infos: int = 0
    results: list[tuple[str, str, str]] = field(default_factory=list)  # (severity, focus node, message)

    def messages(self, min_severity: str = "Info") -> list[str]:
        order = {"Info": 0, "Warning": 1, "Violation": 2}
        return [f"{sev}: {focus}: {msg}" for sev, focus, msg in self.results if order[sev] >= order[min_severity]]

    def first_violation(self) -> str:
        return next((f"{f}: {m}" for s, f, m in self.results if s == "Violation"), "")


def validate_report(rdf) -> Outcome:
    """Validate a report's RDF (``ingest.to_rdf.ReportRDF``). First version: no shapes yet."""
    return Outcome(graph=Graph())

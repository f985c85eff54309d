"""Checks that span reports, run as SPARQL on the whole store.

Per-report validation sees one report and the entities it brings; these queries look at what the
reports say together: a document typed two ways, an agency placed in two jurisdictions or named two
ways, two reports for the same issuer and year.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from fazhi.namespaces import sparql_prefixes
from shapes.engine import Result

STORE_CHECK = "https://w3id.org/fazhi/shapes#StoreCheck"


@dataclass(frozen=True)
class StoreCheck:
    """A query whose solutions (?this, ?value) are results of one severity."""

    name: str
    severity: str
    message: str  # {?value} is filled in
    query: str


CHECKS = [
    StoreCheck(
        "DocumentTypedTwice", "Violation", "the document is typed two ways: {?value}",
        """SELECT ?this (GROUP_CONCAT(DISTINCT STR(?t); separator=" | ") AS ?value) WHERE {
            ?this eli:type_document ?t } GROUP BY ?this HAVING (COUNT(DISTINCT ?t) > 1)""",
    ),
    StoreCheck(
        "AgencyInTwoJurisdictions", "Violation", "the agency is placed in two jurisdictions: {?value}",
        """SELECT ?this (GROUP_CONCAT(DISTINCT STR(?d); separator=" | ") AS ?value) WHERE {
            ?this a fz:Agency ; fz:jurisdiction ?d } GROUP BY ?this HAVING (COUNT(DISTINCT ?d) > 1)""",
    ),
    StoreCheck(
        "EntityNamedTwice", "Violation", "two Chinese names for one entity: {?value}",
        """SELECT ?this (GROUP_CONCAT(DISTINCT STR(?l); separator=" | ") AS ?value) WHERE {
            GRAPH ?g { ?this skos:prefLabel ?l } FILTER (STRENDS(STR(?g), "graph/entities") && lang(?l) = "zh") }
            GROUP BY ?this HAVING (COUNT(DISTINCT ?l) > 1)""",
    ),
    StoreCheck(
        "ReportTwice", "Info", "another report of the same issuer and year: {?value}",
        """SELECT ?this ?value WHERE {
            ?this a fz:AnnualReport ; fz:issuer ?i ; fz:reportingPeriod ?p .
            ?value a fz:AnnualReport ; fz:issuer ?i ; fz:reportingPeriod ?p . FILTER (STR(?this) < STR(?value)) }""",
    ),
    StoreCheck(
        "ReportNotValidated", "Info", "the report has no validation graph",
        """SELECT ?this WHERE {
            GRAPH ?g { ?this a fz:AnnualReport }
            FILTER NOT EXISTS { GRAPH ?v { ?r a sh:ValidationReport } FILTER (?v = IRI(CONCAT(STR(?g), "/validation"))) } }""",
    ),
]


def run_store_checks(store) -> list[Result]:
    """Results of every cross-report check on ``store`` (a :class:`fazhi.store.Store`)."""
    prefixes = sparql_prefixes()
    out: list[Result] = []
    for check in CHECKS:
        solutions = store.query(prefixes + check.query)
        has_value = "value" in {v.value for v in solutions.variables}
        for sol in solutions:
            focus = sol["this"].value
            value = sol["value"].value if has_value and sol["value"] is not None else None
            out.append(
                Result(
                    severity=check.severity,
                    focus=focus,
                    message=check.message.replace("{?value}", value or ""),
                    value=value,
                    component=f"{STORE_CHECK}/{check.name}",
                    shape=STORE_CHECK,
                    value_is_iri=has_value and isinstance(sol["value"], ox.NamedNode),
                )
            )
    return out

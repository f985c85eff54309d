"""The cheaper validation paths of ingest give exactly the results of the plain ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD

from ingest.pipeline import extract_file
from ingest.to_rdf import doc_to_rdf
from shapes.engine import SparqlValidator
from shapes.validate import sparql_validator, validate_report

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"
EX = "http://example.org/"
DATETIME = re.compile(r'"[^"]*"\^\^<http://www.w3.org/2001/XMLSchema#dateTime>')
BNODE = re.compile(r"_:[A-Za-z0-9]+")


def _lines(graph: Graph) -> list[str]:
    """N-Triples lines with timestamps and blank-node labels masked."""
    return sorted(BNODE.sub("_:b", DATETIME.sub('"T"', graph.serialize(format="nt"))).splitlines())


def _details(outcome) -> list[tuple]:
    return sorted((r.key(), r.message, r.value, tuple(sorted(r.extra.items()))) for r in outcome.details)


@pytest.mark.parametrize("name", ["taierzhuang-2019.txt", "003.txt", "011.txt"])
def test_validating_the_serialised_ntriples_equals_validating_the_graphs(name: str) -> None:
    rdf = doc_to_rdf(extract_file(REPORTS / name), run_id="t")
    plain = validate_report(rdf)
    ntriples = f"{rdf.report.serialize(format='nt')}\n{rdf.entities.serialize(format='nt')}".encode()
    fast = validate_report(rdf, ntriples=ntriples)
    assert fast.results == plain.results
    assert _details(fast) == _details(plain)
    assert _lines(fast.graph) == _lines(plain.graph)


def test_serialised_path_finds_the_same_violations_in_a_broken_report() -> None:
    rdf = doc_to_rdf(extract_file(REPORTS / "003.txt"), run_id="t")
    text = f"{rdf.report.serialize(format='nt')}\n{rdf.entities.serialize(format='nt')}"
    broken = "\n".join(line for line in text.splitlines() if "#anchorOf>" not in line and "#start>" not in line)
    graph = Graph().parse(data=broken, format="nt")
    from_graph = sparql_validator().validate([graph])
    from_ntriples = sparql_validator().validate_ntriples(broken.encode())
    assert len(from_graph) > 2  # every span lost its anchor, every position selector its start
    key = lambda r: (r.key(), r.message, r.value, tuple(sorted(r.extra.items())))  # noqa: E731
    assert sorted(map(key, from_ntriples)) == sorted(map(key, from_graph))


def _shape(min_count: int) -> Graph:
    g = Graph()
    shape, prop = URIRef(EX + "S"), URIRef(EX + "p")
    g.add((shape, RDF.type, SH.NodeShape))
    g.add((shape, SH.targetClass, URIRef(EX + "C")))
    ps = BNode()
    g.add((shape, SH.property, ps))
    g.add((ps, SH.path, prop))
    g.add((ps, SH.minCount, Literal(min_count, datatype=XSD.integer)))
    return g


@pytest.mark.parametrize("min_count", [1, 2])
def test_min_count_finds_exactly_the_nodes_with_too_few_values(min_count: int) -> None:
    validator = SparqlValidator(_shape(min_count), Graph())
    data = (
        f"<{EX}a> <{RDF.type}> <{EX}C> .\n"  # no value
        f"<{EX}b> <{RDF.type}> <{EX}C> .\n<{EX}b> <{EX}p> \"x\" .\n"  # one value
        f"<{EX}c> <{RDF.type}> <{EX}C> .\n<{EX}c> <{EX}p> \"x\" .\n<{EX}c> <{EX}p> \"y\" .\n"  # two values
    ).encode()
    results = validator.validate_ntriples(data)
    found = sorted((r.focus, r.extra["count"]) for r in results)
    expected = [(f"{EX}a", "0")] + ([(f"{EX}b", "1")] if min_count == 2 else [])
    assert found == expected
    assert all(r.component == str(SH.MinCountConstraintComponent) for r in results)

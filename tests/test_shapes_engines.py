"""The SPARQL engine (shapes compiled to SPARQL on Oxigraph) agrees with pyshacl, the reference.

pyshacl re-runs each SHACL-SPARQL constraint per focus node and is slow (seconds for a small report),
so the comparison runs on the crafted seed graph broken in every way the shape tests know, and on the
smallest bundled reports through the real pipeline.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_shapes_checks import CASES, RUN, base

from ingest.to_rdf import doc_to_rdf
from shapes.engine import UnsupportedShape, compile_shapes
from shapes.validate import run_pyshacl, sparql_validator

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"


def _keys(results):
    return sorted({tuple(x or "" for x in r.key()) for r in results})


def test_engines_agree_on_a_graph_broken_every_way():
    r = base()
    for mutate, *_ in CASES:
        mutate(r)
    graphs = [r.report, r.entities]
    fast = sparql_validator().validate(graphs)
    reference = run_pyshacl(graphs)
    assert len({x.shape for x in fast}) >= 25
    assert _keys(fast) == _keys(reference)


def test_engines_agree_on_a_clean_graph():
    r = base()
    assert _keys(sparql_validator().validate([r.report, r.entities])) == _keys(run_pyshacl([r.report, r.entities]))


@pytest.mark.parametrize("name", ["001.txt", "002.txt"])
def test_engines_agree_on_bundled_reports(name):
    from ingest.pipeline import extract_file

    rdf = doc_to_rdf(extract_file(REPORTS / name), RUN)
    graphs = [rdf.report, rdf.entities]
    assert _keys(sparql_validator().validate(graphs)) == _keys(run_pyshacl(graphs))


def test_unsupported_features_are_refused():
    from rdflib import Graph

    g = Graph().parse(
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:qualifiedMinCount 1 ] .""",
        format="turtle",
    )
    with pytest.raises(UnsupportedShape):
        compile_shapes(g)

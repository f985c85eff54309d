"""Validation in the store: ingest writes a validation graph per report, queryable by SPARQL;
``fazhi validate`` re-checks every report and runs the cross-report checks; and a SPARQL query over
the ingested seed lists the three parts of the 54-item total."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import SKOS

from fazhi.cli import main
from fazhi.namespaces import ENTITIES_GRAPH, sparql_prefixes
from fazhi.store import open_store
from ingest.load import ingest_paths

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"
SEED = REPORTS / "taierzhuang-2019.txt"


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory) -> str:
    location = str(tmp_path_factory.mktemp("store") / "s")
    summary = ingest_paths([str(SEED), str(REPORTS / "001.txt")], store_location=location, progress=False)
    assert summary.loaded == 2, summary.failures
    return location


def _rows(location: str, query: str) -> list[dict[str, str]]:

    store = open_store(location, read_only=True)
    try:
        res = store.query(sparql_prefixes() + query)
        names = [v.value for v in res.variables]
        return [{n: s[n].value for n in names if s[n] is not None} for s in res]
    finally:
        store.close()


def test_validation_graphs_are_queryable(seed_store):
    rows = _rows(seed_store, """SELECT ?g ?conforms WHERE { GRAPH ?g { ?r a sh:ValidationReport ; sh:conforms ?conforms } }""")
    graphs = {r["g"] for r in rows}
    assert any(g.endswith("/370405-2019-gov/validation") for g in graphs)
    assert len(graphs) == 2


def test_the_three_parts_of_the_54_item_total(seed_store):
    rows = _rows(seed_store, """
        SELECT ?part ?value WHERE {
          ?slice a fz:Breakdown ; fz:total ?total ; qb:observation ?part .
          ?total sdmx-measure:obsValue ?t ; fz:rawText "54项" .
          ?part sdmx-measure:obsValue ?value ; fz:partOf ?total .
          FILTER (?t = 54)
        }""")
    if not rows:
        pytest.skip("the figures extractor does not link the 54-item breakdown yet")
    values = sorted(float(r["value"]) for r in rows)
    assert values == [4, 24, 26]
    assert sum(values) == 54


def test_validate_command_text_json_turtle(seed_store, capsys):
    assert main(["validate", "--store", seed_store, "--no-save"]) == 0
    text = capsys.readouterr().out
    assert "370405-2019-gov: 0 violation(s)" in text
    assert "2 report(s): 0 violation(s)" in text
    assert main(["validate", "--store", seed_store, "--no-save", "--format", "json", "--min-severity", "Info"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["reports"] == 2 and data["violations"] == 0
    assert {g["key"] for g in data["graphs"]} >= {"370405-2019-gov", "entities", "store"}
    assert main(["validate", "--store", seed_store, "--no-save", "--format", "turtle"]) == 0
    assert "sh:ValidationReport" in capsys.readouterr().out


def test_cross_report_checks_fire_and_exit_non_zero(tmp_path, capsys):
    location = str(tmp_path / "s")
    assert ingest_paths([str(SEED)], store_location=location, progress=False).loaded == 1
    doc = _rows(location, "SELECT ?d WHERE { ?d a fz:LegalDocument } LIMIT 1")[0]["d"]
    agency = _rows(location, "SELECT ?a WHERE { ?a a fz:Agency } LIMIT 1")[0]["a"]
    other_type = URIRef("https://w3id.org/fazhi/scheme/doc-type/law")
    second_name = Literal("另一个名称", lang="zh")
    store = open_store(location)
    store.update(
        f"INSERT DATA {{ GRAPH <{ENTITIES_GRAPH}> {{ <{doc}> <http://data.europa.eu/eli/ontology#type_document> "
        f"<{other_type}> . <{agency}> <{SKOS.prefLabel}> {second_name.n3()} . }} }}"
    )
    store.close()
    assert main(["validate", "--store", location]) == 1
    out = capsys.readouterr().out
    assert "the document is typed two ways" in out
    assert "two Chinese names for one entity" in out
    rows = _rows(location, "SELECT ?m WHERE { GRAPH ?g { ?r sh:resultMessage ?m } FILTER (STRENDS(STR(?g), 'graph/checks')) }")
    assert any("typed two ways" in r["m"] for r in rows)


def test_validate_reports_a_bad_store_location(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a store")
    assert main(["validate", "--store", str(blocker)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("fazhi validate:") and "Traceback" not in err


def test_batched_validation_equals_one_report_at_a_time(seed_store):
    from shapes.validate_store import validate_store

    store = open_store(seed_store, read_only=True)
    try:
        one = validate_store(store, save=False, batch=1)
        many = validate_store(store, save=False, batch=25)
    finally:
        store.close()
    assert one.outcomes.keys() == many.outcomes.keys()
    for key in one.outcomes:
        assert one.outcomes[key].results == many.outcomes[key].results

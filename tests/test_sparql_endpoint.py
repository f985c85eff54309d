"""/sparql over HTTP: result formats, content negotiation (q-values, wildcards, 406), DESCRIBE with inbound
triples, the union default graph vs. FROM / protocol datasets, service description, query page, and the
Graph Store Protocol at /store."""

from __future__ import annotations

import csv
import io
import json

import httpx
import pyoxigraph as ox
import pytest
from conformance.harness import start_fazhi, stop
from rdflib import Graph

EX = "http://example.org/"
DATA = {
    EX + "g1": f'<{EX}law> <{EX}title> "行政复议法"@zh . <{EX}law> <{EX}cites> <{EX}constitution> .',
    EX + "g2": f'<{EX}gov> <{EX}adopts> <{EX}law> . <{EX}gov> <{EX}name> "区政府"@zh .',
}
SELECT = f"SELECT ?o WHERE {{ <{EX}law> <{EX}title> ?o }}"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    url, proc = start_fazhi(str(tmp_path_factory.mktemp("endpoint") / "store"), "--allow-update")
    with httpx.Client(base_url=url, timeout=30) as c:
        update = "INSERT DATA { " + " ".join(f"GRAPH <{g}> {{ {nt} }}" for g, nt in DATA.items()) + " }"
        assert c.post("/sparql", data={"update": update}).status_code == 204
        yield c
    stop(proc)


def _get(client, query, accept=None, **params):
    headers = {"Accept": accept} if accept else {}
    return client.get("/sparql", params={"query": query, **params}, headers=headers)


@pytest.mark.parametrize(("accept", "media"), [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("application/json", "application/json"),
    (None, "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("text/*", "text/csv"),
    ("text/csv;q=0.5, text/tab-separated-values;q=0.9", "text/tab-separated-values"),
    ("application/sparql-results+json;q=0, */*;q=0.1", "application/sparql-results+xml"),
])
def test_select_formats_and_negotiation(client, accept, media):
    r = _get(client, SELECT, accept)
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == media
    if "json" in media:
        assert r.json()["results"]["bindings"][0]["o"]["value"] == "行政复议法"
    elif media == "text/csv":
        assert list(csv.reader(io.StringIO(r.text)))[1] == ["行政复议法"]
    elif media == "text/tab-separated-values":
        assert r.text.splitlines()[1] == '"行政复议法"@zh'
    else:
        assert "行政复议法" in r.text


def test_ask_in_every_results_format(client):
    for media in ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                  "text/tab-separated-values"):
        r = _get(client, "ASK { ?s ?p ?o }", media)
        assert r.status_code == 200 and "true" in r.text.lower()


def test_not_acceptable(client):
    r = _get(client, SELECT, "image/png, text/turtle")
    assert r.status_code == 406 and "application/sparql-results+json" in r.text
    assert _get(client, f"CONSTRUCT WHERE {{ <{EX}law> ?p ?o }}", "application/sparql-results+json").status_code == 406


@pytest.mark.parametrize(("accept", "parse_as"), [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/n-quads", "nquads"),
    ("application/trig", "trig"), ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml"),
])
def test_construct_formats(client, accept, parse_as):
    r = _get(client, f"CONSTRUCT WHERE {{ <{EX}law> ?p ?o }}", accept)
    assert r.status_code == 200 and r.headers["content-type"].split(";")[0] == accept
    g = Graph().parse(data=r.text, format=parse_as)
    assert len(g) == 2


def test_describe_includes_inbound_triples(client):
    r = _get(client, f"DESCRIBE <{EX}law>", "application/n-triples")
    lines = set(r.text.strip().splitlines())
    assert f"<{EX}gov> <{EX}adopts> <{EX}law> ." in lines  # the resource as object
    assert f"<{EX}law> <{EX}cites> <{EX}constitution> ." in lines
    assert len(lines) == 3
    r = _get(client, f"PREFIX ex: <{EX}> DESCRIBE ?x WHERE {{ ?x ex:name ?n }}", "application/n-triples")
    lines = set(r.text.strip().splitlines())
    assert f"<{EX}gov> <{EX}adopts> <{EX}law> ." in lines and len(lines) == 2


def test_default_graph_is_the_union_unless_a_dataset_is_named(client):
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

    def n(**params):
        return int(_get(client, q, "application/json", **params).json()["results"]["bindings"][0]["n"]["value"])

    assert n() == 4
    assert int(_get(client, f"SELECT (COUNT(*) AS ?n) FROM <{EX}g1> WHERE {{ ?s ?p ?o }}", "application/json")
               .json()["results"]["bindings"][0]["n"]["value"]) == 2
    assert n(**{"default-graph-uri": EX + "g2"}) == 2
    r = _get(client, "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", "application/json",
             **{"named-graph-uri": EX + "g1"})
    assert {b["g"]["value"] for b in r.json()["results"]["bindings"]} == {EX + "g1"}


def test_format_parameter_and_syntax_error(client):
    r = _get(client, SELECT, None, format="csv")
    assert r.headers["content-type"].startswith("text/csv")
    r = _get(client, "SELECT * WHERE { ?s ?p }")
    assert r.status_code == 400 and "syntax" in r.text.lower()


def test_service_description_and_query_page(client):
    r = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    g = Graph().parse(data=r.text, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert any(str(o) == sd + "Service" for o in g.objects())
    assert {str(o) for o in g.objects(predicate=None)} >= {sd + "SPARQL11Query", sd + "SPARQL11Update", EX + "g1"}
    page = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "/sparql/yasgui/yasgui.min.js" in page.text and "cdn" not in page.text.lower()
    assert "PREFIX fz:" in page.text
    examples = json.loads(page.text.split("const EXAMPLES = ", 1)[1].split(";\n", 1)[0])
    assert len(examples) >= 10
    js = client.get("/sparql/yasgui/yasgui.min.js")
    assert js.status_code == 200 and len(js.content) > 100_000
    assert client.get("/sparql/yasgui/..%2F..%2Fsparql.py").status_code == 404


def test_example_queries_run(client):
    from service.sparql_page import examples

    for ex in examples():
        r = client.post("/sparql", data={"query": ex.query}, headers={"Accept": "*/*"})
        assert r.status_code == 200, (ex.name, r.text[:300])


def test_graph_store_protocol(client):
    g = EX + "gsp"
    turtle = f"<{EX}a> <{EX}p> <{EX}b> , <{EX}c> ."
    assert client.put("/store", params={"graph": g}, content=turtle,
                      headers={"content-type": "text/turtle"}).status_code == 201
    assert client.put("/store", params={"graph": g}, content=turtle,
                      headers={"content-type": "text/turtle"}).status_code == 204
    r = client.get("/store", params={"graph": g}, headers={"Accept": "application/n-triples"})
    assert len(r.text.strip().splitlines()) == 2
    assert client.post("/store", params={"graph": g}, content=f"<{EX}a> <{EX}p> <{EX}d> .",
                       headers={"content-type": "application/n-triples"}).status_code == 204
    r = client.get("/store", params={"graph": g}, headers={"Accept": "text/turtle"})
    assert len(Graph().parse(data=r.text, format="turtle")) == 3
    assert client.head("/store", params={"graph": g}).status_code == 200
    assert client.head("/store", params={"graph": EX + "missing"}).status_code == 404
    whole = client.get("/store", headers={"Accept": "application/n-quads"})
    assert len(list(ox.parse(whole.content, format=ox.RdfFormat.N_QUADS))) == 7
    assert client.put("/store", params={"graph": g}, content=b"not turtle <",
                      headers={"content-type": "text/turtle"}).status_code == 400
    assert client.put("/store", params={"graph": g}, content=turtle,
                      headers={"content-type": "image/png"}).status_code == 415
    assert client.delete("/store", params={"graph": g}).status_code == 204
    assert client.delete("/store", params={"graph": g}).status_code == 404
    assert _get(client, f"ASK {{ <{EX}a> ?p ?o }}", "application/json").json()["boolean"] is False

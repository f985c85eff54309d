"""A result cut by the row cap says so in the body too, where the format has a standard place for it
(SPARQL JSON ``head.link``, SPARQL XML ``<link>``, comment lines in Turtle/TriG/N-Triples/N-Quads/RDF/XML),
and stays valid: parsers read exactly the rows that were kept."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest

from fazhi.store import LocalStore
from service.query_exec import QueryJob, execute

EX = "http://example.org/"
NOTE = "http://127.0.0.1:8000/sparql#truncated"
SELECT = "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s"
CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
RESULTS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPHS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/trig": ox.RdfFormat.TRIG,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = LocalStore(tmp_path_factory.mktemp("trunc") / "store")
    data = " ".join(f'<{EX}s{i}> <{EX}p> "value {i}" .' for i in range(8))
    s.update(f"INSERT DATA {{ GRAPH <{EX}g> {{ {data} }} }}")
    yield s
    s.close()


def _run(store, text: str, media: str, max_rows: int):
    form = text.split()[0]
    return execute(store, QueryJob(text=text, form=form, media_type=media, max_rows=max_rows, note_iri=NOTE))


@pytest.mark.parametrize("media", list(RESULTS))
def test_truncated_results_stay_valid_and_keep_the_cap(store, media):
    reply = _run(store, SELECT, media, 3)
    assert reply.status == 200 and reply.headers["X-Fazhi-Truncated"] == "true"
    assert _rows(reply.body, media) == 3
    full = _run(store, SELECT, media, 100)
    assert "X-Fazhi-Truncated" not in full.headers and NOTE.encode() not in full.body
    assert _rows(full.body, media) == 8


def _rows(body: bytes, media: str) -> int:
    if media == "text/csv":  # lossy: Oxigraph does not parse it; one line per row after the header
        return len(body.splitlines()) - 1
    return len(list(ox.parse_query_results(body, RESULTS[media])))


def test_json_results_link_to_the_note(store):
    body = json.loads(_run(store, SELECT, "application/sparql-results+json", 3).body)
    assert body["head"] == {"vars": ["s", "o"], "link": [NOTE]}
    assert len(body["results"]["bindings"]) == 3


def test_xml_results_link_to_the_note(store):
    root = ET.fromstring(_run(store, SELECT, "application/sparql-results+xml", 3).body)
    ns = "{http://www.w3.org/2005/sparql-results#}"
    head = root.find(f"{ns}head")
    assert [child.tag for child in head] == [f"{ns}variable", f"{ns}variable", f"{ns}link"]
    assert head.find(f"{ns}link").get("href") == NOTE


@pytest.mark.parametrize("media", list(GRAPHS))
def test_truncated_graphs_say_it_in_a_comment_where_there_is_one(store, media):
    reply = _run(store, CONSTRUCT, media, 3)
    assert reply.headers["X-Fazhi-Truncated"] == "true"
    assert len(list(ox.parse(reply.body, GRAPHS[media]))) == 3
    if media == "application/ld+json":  # no comments in JSON; a key would be data: headers only
        assert b"Truncated" not in reply.body
    else:
        assert b"Truncated: only the first 3 results" in reply.body and NOTE.encode() in reply.body

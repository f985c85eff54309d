"""Content negotiation (service/conneg.py) and the SPARQL lexer checks (service/sparql_text.py)."""

from __future__ import annotations

import pytest

from service.conneg import RDF_TYPES, RESULTS_TYPES, negotiate
from service.sparql_text import (
    ABSENT_GRAPH,
    DatasetConflict,
    add_using,
    describe_as_select,
    has_dataset_clause,
    neutralise_dataset,
    outbound_operation,
    query_facts,
    query_form,
    tokenize,
)

RESULTS = list(RESULTS_TYPES)
RDF = list(RDF_TYPES)


@pytest.mark.parametrize(("accept", "offered", "expected"), [
    (None, RESULTS, RESULTS[0]),
    ("", RDF, RDF[0]),
    ("*/*", RDF, "text/turtle"),
    ("application/*", RDF, "application/n-triples"),
    ("text/turtle;q=0.2, application/ld+json;q=0.8", RDF, "application/ld+json"),
    ("application/ld+json;q=0, application/*;q=0.5", RDF, "application/n-triples"),
    ("text/html, */*;q=0.1", RDF + ["text/html"], "text/html"),
    ("text/html;q=0.9, */*;q=1", RDF + ["text/html"], "text/turtle"),
    ("TEXT/CSV", RESULTS, "text/csv"),
    ("image/png", RESULTS, None),
    ("*/*;q=0", RESULTS, None),
    ("text/csv;q=abc", RESULTS, None),
    ("garbage", RESULTS, RESULTS[0]),
])
def test_negotiate(accept, offered, expected):
    assert negotiate(accept, offered) == expected


def test_query_form_after_prologue_and_comments():
    q = "# a comment SELECT\nBASE <http://b/> PREFIX ex: <http://e/> PREFIX : <http://d/>\n construct { ?s ?p ?o } WHERE {}"
    assert query_form(tokenize(q)) == "CONSTRUCT"
    assert query_form(tokenize("INSERT DATA {}")) is None


@pytest.mark.parametrize("query", [
    "SELECT * { SERVICE <http://x/> { ?s ?p ?o } }",
    "select * { service silent <http://x/> {} }",
    "SELECT * { { SELECT * { SeRvIcE ?endpoint { ?s ?p ?o } } } }",
    "SELECT * {\n# hi\nSERVICE#x\n<http://x/> {} }",
])
def test_service_is_found_anywhere(query):
    assert outbound_operation(tokenize(query)) == "SERVICE"


@pytest.mark.parametrize("query", [
    'SELECT * { ?s ?p "SERVICE" }',
    "SELECT * { ?s <http://e/SERVICE> ?o }",
    "PREFIX service: <http://e/> SELECT * { ?s service:load ?service }",
    'SELECT * { ?s ?p """multi\nline SERVICE LOAD""" }',
    'SELECT * { ?s ?p "x"@service }',
    "SELECT ?load WHERE { ?load ?p ?o } # SERVICE in a comment",
])
def test_keywords_inside_other_tokens_do_not_count(query):
    assert outbound_operation(tokenize(query)) is None


def test_codepoint_escapes_do_not_hide_service():
    # some engines (Jena) decode \\u escapes before parsing; the check reads the query both ways
    assert query_facts(r"SELECT * { \u0053ERVICE <http://x/> { ?s ?p ?o } }").outbound == "SERVICE"
    assert query_facts(r"LOA\u0044 <http://x/>").outbound == "LOAD"
    assert query_facts(r'SELECT * { ?s ?p "\u0041" }').outbound is None


def test_virtuoso_pragmas_are_refused():
    q = 'define get:soft "replace" SELECT * FROM <http://x/> WHERE { ?s ?p ?o }'
    assert outbound_operation(tokenize(q)) == "DEFINE"


def test_load_in_updates():
    assert outbound_operation(tokenize("LOAD <http://x/>")) == "LOAD"
    assert outbound_operation(tokenize("CLEAR ALL ; load silent <http://x/> INTO GRAPH <g>")) == "LOAD"


def test_dataset_clause():
    assert has_dataset_clause(tokenize("SELECT * FROM <g> { ?s ?p ?o }"))
    assert not has_dataset_clause(tokenize("SELECT * { GRAPH <g> { ?s ?p ?o } }"))


def test_describe_as_select():
    q = "PREFIX ex: <http://e/> DESCRIBE ex:a ?x FROM <http://g> WHERE { ?x ?p ?o } LIMIT 2"
    sel = describe_as_select(q, tokenize(q))
    assert sel == ("PREFIX ex: <http://e/> SELECT DISTINCT (ex:a AS ?__fz_describe0) ?x "
                   "FROM <http://g> WHERE { ?x ?p ?o } LIMIT 2")
    q = "DESCRIBE <http://a>"
    assert "WHERE {}" in describe_as_select(q, tokenize(q))
    assert describe_as_select("SELECT * {}", tokenize("SELECT * {}")) is None


def test_add_using_and_conflict():
    u = "INSERT { GRAPH <o> { ?s ?p ?o } } WHERE { ?s ?p ?o } ; DELETE WHERE { ?a ?b ?c }"
    out = add_using(u, tokenize(u), ["http://g"], ["http://n"])
    assert out == ("INSERT { GRAPH <o> { ?s ?p ?o } } USING <http://g> USING NAMED <http://n> WHERE { ?s ?p ?o } ; "
                   "DELETE WHERE { ?a ?b ?c }")
    assert add_using(u, tokenize(u), [], []) == u
    w = "WITH <g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"
    with pytest.raises(DatasetConflict):
        add_using(w, tokenize(w), ["http://g"], [])


def test_neutralise_unknown_graphs():
    q = "SELECT * FROM <http://known> FROM NAMED <http://evil/x> WHERE { ?s ?p ?o }"
    out = neutralise_dataset(q, tokenize(q), {"http://known"})
    assert out == f"SELECT * FROM <http://known> FROM NAMED <{ABSENT_GRAPH}> WHERE {{ ?s ?p ?o }}"

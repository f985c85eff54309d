"""Dereferenceable IRIs: /id/… and /scheme/… as HTML, Turtle, JSON-LD, N-Triples and RDF/XML."""

import json

import pytest
from explore_fixture import GOV, JUSTICE, SEED_KEY, SHUANG, make_client
from rdflib import Graph, URIRef
from rdflib.namespace import SKOS


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return make_client(tmp_path_factory.mktemp("ld"))


@pytest.mark.parametrize(
    ("accept", "parse_as", "media"),
    [("text/turtle", "turtle", "text/turtle"), ("application/ld+json", "json-ld", "application/ld+json"),
     ("application/n-triples", "nt", "application/n-triples"), ("application/rdf+xml", "xml", "application/rdf+xml")],
)
def test_accept_header_chooses_rdf_format(client, accept, parse_as, media):
    r = client.get("/id/org/370405/gov/justice", headers={"accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(media)
    g = Graph().parse(data=r.text, format=parse_as)
    assert (URIRef(JUSTICE), SKOS.prefLabel, None) in g
    assert (URIRef(JUSTICE), URIRef("http://www.w3.org/ns/org#subOrganizationOf"), URIRef(GOV)) in g
    assert "Vary" in r.headers and 'rel="alternate"' in r.headers["link"]


@pytest.mark.parametrize(("suffix", "parse_as"), [(".ttl", "turtle"), (".jsonld", "json-ld"), (".nt", "nt"),
                                                  (".rdf", "xml")])
def test_suffix_chooses_format_over_accept(client, suffix, parse_as):
    r = client.get(f"/scheme/mechanism/shuang-suiji-yi-gongkai{suffix}", headers={"accept": "text/html"})
    assert r.status_code == 200
    g = Graph().parse(data=r.text, format=parse_as)
    labels = {str(o) for o in g.objects(URIRef(SHUANG), SKOS.prefLabel)}
    assert "双随机、一公开" in labels


def test_description_includes_incoming_links_and_selectors(client):
    r = client.get(f"/id/span/{SEED_KEY}/" + _first_span_of(client, JUSTICE), headers={"accept": "text/turtle"})
    g = Graph().parse(data=r.text, format="turtle")
    # the selectors are '#'-nodes of the span: their offsets travel with its description
    assert any(str(p).endswith("#start") for _, p, _ in g)


def _first_span_of(client, iri):
    data = client.get(iri.replace("https://w3id.org/fazhi", "") + ".jsonld").text
    spans = [x for x in json.dumps(json.loads(data)).split('"') if "/id/span/" in x]
    assert spans, "the agency's description lists the spans that mention it"
    return spans[0].rsplit("/", 1)[1]


def test_browser_gets_entity_page_with_highlighted_evidence(client):
    r = client.get("/id/org/370405/gov/justice", headers={"accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert "台儿庄区司法局" in html
    assert '<mark class="hl">区司法局</mark>' in html
    assert f"/reports/{SEED_KEY}#m-" in html
    assert 'href="/id/org/370405/gov"' in html  # the parent agency is a link
    assert 'href="/id/org/370405/gov/justice.ttl"' in html


def test_entity_page_in_english(client):
    html = client.get("/id/org/370405/gov/justice?lang=en", headers={"accept": "text/html"}).text
    assert "<h1>Taierzhuang District Justice Bureau</h1>" in html
    assert "Evidence" in html


def test_unknown_iri_is_404(client):
    assert client.get("/id/org/999999/gov", headers={"accept": "text/turtle"}).status_code == 404
    assert client.get("/id/org/999999/gov", headers={"accept": "text/html"}).status_code == 404


def test_describe_any_iri_and_bad_iri(client):
    r = client.get("/describe", params={"iri": "https://w3id.org/fazhi/ont#Agency", "format": "turtle"})
    assert r.status_code == 200 and "Agency" in r.text
    assert client.get("/describe", params={"iri": "http://x/a b"}).status_code == 400
    assert client.get("/describe", params={"iri": GOV, "format": "pdf"}).status_code == 400


def test_fact_evidence_on_mechanism_page(client):
    html = client.get("/scheme/mechanism/shuang-suiji-yi-gongkai", headers={"accept": "text/html"}).text
    assert '<mark class="hl">双随机、一公开</mark>' in html
    assert '<mark class="hl">双随机</mark>' in html  # the other report's shorter form


def test_report_node_page_links_to_the_report_page(client):
    html = client.get("/id/report/370405/2019/gov", headers={"accept": "text/html"}).text
    assert f'href="/reports/{SEED_KEY}"' in html
    html = client.get("/id/org/370405/gov/justice", headers={"accept": "text/html"}).text
    assert 'class="report-link"' not in html  # a shared entity belongs to no single report


def test_head_request(client):
    r = client.head("/id/org/370405/gov/justice", headers={"accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")

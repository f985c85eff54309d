"""The ontology served at /ont: HTML documentation for a browser, RDF by Accept, format= or suffix."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from rdflib import OWL, RDF, Graph, URIRef

from fazhi.namespaces import FZ
from ontology import ontology_graph


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from fazhi.store import open_store
    from service.app import create_app
    from service.settings import Settings

    location = str(tmp_path_factory.mktemp("ont") / "store")
    open_store(location).close()
    with TestClient(create_app(Settings(store=location))) as c:
        yield c


def test_browser_gets_documentation(client):
    r = client.get("/ont", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    for local in ("AnnualReport", "Span", "Observation", "cites", "evidence", "annualReportStructure"):
        assert f'id="{local}"' in html
    assert "法治政府建设年度报告" in html and 'rel="alternate"; type="text/turtle"' in r.headers["link"]
    assert 'href="/scheme/task-area/2021"' in html
    assert "Accept" in r.headers["vary"]


@pytest.mark.parametrize(
    "accept,fmt",
    [("text/turtle", "turtle"), ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml"),
     ("application/n-triples", "nt")],
)
def test_rdf_by_accept(client, accept, fmt):
    r = client.get("/ont", headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
    g = Graph().parse(data=r.content, format=fmt)
    assert len(g) == len(ontology_graph())
    assert (URIRef(str(FZ).rstrip("#")), RDF.type, OWL.Ontology) in g


def test_format_parameter_suffix_version_and_changelog(client):
    assert client.get("/ont?format=jsonld").headers["content-type"].startswith("application/ld+json")
    assert json.loads(client.get("/ont.jsonld").content)
    assert "@prefix fz:" in client.get("/ont.ttl").text
    version = str(ontology_graph().value(URIRef(str(FZ).rstrip("#")), OWL.versionInfo))
    assert client.get(f"/ont/{version}", headers={"Accept": "text/turtle"}).status_code == 200
    assert client.get("/ont/0.0.0").status_code == 404
    assert client.get("/ont?format=pdf").status_code == 400
    assert version in client.get("/ont/CHANGELOG").text

"""/dump (streamed N-Quads, TriG, Turtle), fazhi export, VoID and the DCAT catalogue with real statistics."""

import pyoxigraph as ox
import pytest
from explore_fixture import SEED_KEY, make_client
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCAT, RDF, VOID

from fazhi.cli import main
from fazhi.namespaces import BASE, report_graph


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return make_client(tmp_path_factory.mktemp("dumps"))


@pytest.fixture(scope="module")
def store(client):
    return client.app.state.store


def test_nquads_dump_holds_every_quad_of_every_graph(client, store):
    r = client.get("/dump")
    assert r.headers["content-type"].startswith("application/n-quads")
    quads = list(ox.parse(r.content, ox.RdfFormat.N_QUADS))
    assert len(quads) == store.count()
    assert {q.graph_name.value for q in quads} == set(store.graph_names())


def test_trig_and_turtle_dumps_parse(client, store):
    ds = Dataset()
    ds.parse(data=client.get("/dump", params={"format": "trig"}).text, format="trig")
    assert sum(len(ds.graph(URIRef(g))) for g in store.graph_names()) == store.count()
    r = client.get("/dump", headers={"accept": "text/turtle"})
    assert r.headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=r.text, format="turtle")
    assert (URIRef(BASE + "id/org/370405/gov/justice"), None, None) in g
    assert client.get("/dump", params={"format": "xlsx"}).status_code == 400


def test_dump_streams_in_chunks(client):
    with client.stream("GET", "/dump", params={"format": "nquads"}) as r:
        chunks = [c for c in r.iter_raw()]
    assert len(chunks) >= 2  # more than 64 KiB, so written as it is produced, not as one body


def test_export_command_writes_the_same_as_dump(client, store, tmp_path, capsys):
    out = tmp_path / "all.nq"
    assert main(["export", "--store", store.location, "--format", "nquads", "-o", str(out)]) == 0
    exported = sorted(str(q) for q in ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS))
    served = sorted(str(q) for q in ox.parse(client.get("/dump").content, ox.RdfFormat.N_QUADS))
    assert exported == served and len(exported) > 500
    assert any(report_graph(SEED_KEY) in q for q in exported)
    assert main(["export", "--store", store.location, "--format", "turtle"]) == 0
    g = Graph().parse(data=capsys.readouterr().out, format="turtle")
    assert len(g) == len({(q.subject, q.predicate, q.object) for q in store.oxigraph})
    assert main(["export", "--store", str(tmp_path / "missing"), "--format", "trig"]) == 1
    assert "cannot open store" in capsys.readouterr().err


def test_void_with_real_statistics(client):
    r = client.get("/.well-known/void")
    assert r.headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=r.text, format="turtle")
    kg = URIRef(BASE + "kg")
    store = client.app.state.store
    assert int(g.value(kg, VOID.triples)) == len({(q.subject, q.predicate, q.object) for q in store.oxigraph})
    assert int(g.value(kg, VOID.entities)) > 10
    classes = {g.value(p, VOID["class"]): int(g.value(p, VOID.entities)) for p in g.objects(kg, VOID.classPartition)}
    assert classes[URIRef(BASE + "ont#AnnualReport")] == 2
    assert int(g.value(kg, VOID.classes)) == len(classes)
    assert (kg, VOID.sparqlEndpoint, URIRef("http://testserver/sparql")) in g


def test_dcat_catalogue_lists_dataset_distributions_and_service(client):
    g = Graph().parse(data=client.get("/catalog", headers={"accept": "application/ld+json"}).text, format="json-ld")
    catalog = next(g.subjects(RDF.type, DCAT.Catalog))
    dataset = g.value(catalog, DCAT.dataset)
    urls = {str(g.value(d, DCAT.downloadURL)) for d in g.objects(dataset, DCAT.distribution)}
    assert urls == {f"http://testserver/dump?format={f}" for f in ("nquads", "trig", "turtle")}
    service = g.value(catalog, DCAT.service)
    assert (service, DCAT.servesDataset, dataset) in g
    assert (service, DCAT.endpointURL, URIRef("http://testserver/sparql")) in g
    assert (dataset, VOID.triples, None) in g and Literal("fazhi") not in set(g.objects())

"""/neighborhood and /path: hops, directions, filters, truncation, formats; both engines agree."""

import pytest
from explore_fixture import APPROVAL, CHAOYANG_GOV, GOV, JUSTICE, SHUANG, make_client
from rdflib import Graph, URIRef

ORG_SUB = "http://www.w3.org/ns/org#subOrganizationOf"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return make_client(tmp_path_factory.mktemp("nb"))


def nb(client, **params):
    r = client.get("/neighborhood", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_one_hop_out_follows_outgoing_edges_only(client):
    data = nb(client, iri=JUSTICE, hops=1, direction="out")
    ids = {n["id"]: n for n in data["nodes"]}
    assert GOV in ids and ids[GOV]["distance"] == 1
    assert ids[JUSTICE]["distance"] == 0
    assert not any("/id/span/" in i for i in ids)  # spans point *to* the agency
    assert any(e["source"] == JUSTICE and e["target"] == GOV and e["predicate"] == ORG_SUB for e in data["edges"])
    assert ids[GOV]["labels"] == {"zh": "台儿庄区人民政府", "en": "Taierzhuang District People's Government"}
    assert "https://w3id.org/fazhi/ont#PeoplesGovernment" in ids[GOV]["types"]


def test_in_direction_and_predicate_filter(client):
    data = nb(client, iri=GOV, hops=1, direction="in", predicate="org:subOrganizationOf")
    assert {n["id"] for n in data["nodes"]} == {GOV, JUSTICE, APPROVAL}
    assert all(e["predicate"] == ORG_SUB for e in data["edges"])


def test_type_filter_and_two_hops(client):
    data = nb(client, iri=JUSTICE, hops=2, direction="both", type="fz:Agency", limit=500)
    ids = {n["id"] for n in data["nodes"]}
    assert ids >= {JUSTICE, GOV, APPROVAL}
    assert all("/id/org/" in i for i in ids)


def test_limit_truncates_farthest_first_and_says_so(client):
    full = nb(client, iri=GOV, hops=2, limit=2000)
    cut = nb(client, iri=GOV, hops=2, limit=5)
    assert not full["truncated"] and cut["truncated"]
    assert len(cut["nodes"]) == 5
    assert max(n["distance"] for n in cut["nodes"]) <= max(n["distance"] for n in full["nodes"])
    kept = {n["id"] for n in cut["nodes"]}
    assert all(e["source"] in kept and e["target"] in kept for e in cut["edges"])


@pytest.mark.parametrize("params", [
    {"iri": GOV, "hops": 1}, {"iri": JUSTICE, "hops": 2, "direction": "both"}, {"iri": SHUANG, "hops": 3, "limit": 40},
    {"iri": GOV, "hops": 2, "direction": "in", "type": "fz:Span"},
])
def test_sparql_and_networkx_engines_give_the_same_answer(client, params):
    a = nb(client, **params, engine="sparql")
    b = nb(client, **params, engine="networkx")
    assert a == b
    assert len(a["nodes"]) > 1


def test_cytoscape_jsonld_and_turtle_formats(client):
    cy = client.get("/neighborhood", params={"iri": JUSTICE, "format": "cytoscape"}).json()
    assert {"nodes", "edges"} <= cy["elements"].keys()
    assert all("id" in n["data"] and "label" in n["data"] for n in cy["elements"]["nodes"])
    assert all({"source", "target"} <= e["data"].keys() for e in cy["elements"]["edges"])
    r = client.get("/neighborhood", params={"iri": JUSTICE}, headers={"accept": "text/turtle"})
    assert r.headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=r.text, format="turtle")
    assert (URIRef(JUSTICE), URIRef(ORG_SUB), URIRef(GOV)) in g
    r = client.get("/neighborhood", params={"iri": JUSTICE}, headers={"accept": "application/ld+json"})
    assert (URIRef(JUSTICE), URIRef(ORG_SUB), URIRef(GOV)) in Graph().parse(data=r.text, format="json-ld")


def test_bad_parameters(client):
    assert client.get("/neighborhood", params={"iri": GOV, "hops": 4}).status_code == 422
    assert client.get("/neighborhood", params={"iri": GOV, "direction": "up"}).status_code == 400
    assert client.get("/neighborhood", params={"iri": "not an iri"}).status_code == 400
    assert client.get("/neighborhood", params={"iri": GOV, "engine": "x"}).status_code == 400


@pytest.mark.parametrize("engine", ["sparql", "networkx"])
def test_path_between_two_governments_through_a_shared_mechanism(client, engine):
    r = client.get("/path", params={"from": GOV, "to": CHAOYANG_GOV, "engine": engine})
    data = r.json()
    assert data["found"] and data["length"] == 4
    for path in data["paths"]:
        nodes = {x for e in path for x in (e["source"], e["target"])}
        assert {GOV, CHAOYANG_GOV, SHUANG} <= nodes
        assert len(path) == data["length"]


def test_path_not_found_within_hops(client):
    data = client.get("/path", params={"from": GOV, "to": CHAOYANG_GOV, "max_hops": 2}).json()
    assert data["found"] is False and data["paths"] == []

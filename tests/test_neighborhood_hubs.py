"""Hubs: a walk reads at most ``limit + 1`` links of a node per direction, the same ones in both engines."""

import pytest
from explore_fixture import GOV, JUSTICE, SEED_IRI, SHUANG, load, make_client

import service.graph_walk as gw
from fazhi.store import LocalStore

TEXT = SEED_IRI + "/text"  # the object of every span of the seed report: the fixture's hub


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    st = LocalStore(load(tmp_path_factory.mktemp("hubs") / "store"), read_only=True)
    yield st
    st.close()


@pytest.fixture(scope="module")
def walkers(store):
    return gw.SparqlWalker(store), gw.NetworkxWalker(store)


@pytest.mark.parametrize("node", [GOV, TEXT, SHUANG, SEED_IRI])
@pytest.mark.parametrize("direction", ["in", "out"])
def test_capped_expansion_keeps_the_first_links_in_both_engines(walkers, node, direction):
    sparql, nx = walkers
    full = sparql.expand([node], direction, frozenset())
    assert full == nx.expand([node], direction, frozenset())
    order = (lambda e: e) if direction == "in" else (lambda e: (e[2], e[1]))
    for cap in (1, 3, len(full) + 1):
        got = sparql.expand([node], direction, frozenset(), cap=cap)
        assert got == set(sorted(full, key=order)[:cap])
        assert got == nx.expand([node], direction, frozenset(), cap=cap)


def test_scan_cap_never_reads_fewer_links_than_asked(walkers, monkeypatch):
    sparql, nx = walkers
    monkeypatch.setattr(gw, "SCAN_CAP", 1)
    assert len(sparql.expand([TEXT], "in", frozenset(), cap=4)) == 4


def test_hub_root_is_cut_to_the_limit_and_named_as_capped(walkers):
    sparql, nx = walkers
    assert len(sparql.expand([TEXT], "in", frozenset())) > 20
    a = gw.neighborhood(sparql, TEXT, hops=2, direction="in", limit=10)
    b = gw.neighborhood(nx, TEXT, hops=2, direction="in", limit=10)
    assert (a.distance, a.edges, a.truncated, a.capped) == (b.distance, b.edges, b.truncated, b.capped)
    assert a.truncated and TEXT in a.capped and len(a.distance) == 10
    small = gw.neighborhood(sparql, JUSTICE, hops=1, direction="out", limit=100)
    assert not small.truncated and small.capped == []


def test_capped_key_in_the_api_answer(tmp_path):
    client = make_client(tmp_path)
    data = client.get("/neighborhood", params={"iri": TEXT, "hops": 1, "direction": "in", "limit": 5}).json()
    assert data["truncated"] and data["capped"] == [TEXT] and len(data["nodes"]) == 5

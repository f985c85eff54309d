"""fazhi on a separate SPARQL server: RemoteStore against ``oxigraph serve``, ``fazhi ingest --store URL``,
and ``fazhi serve --store URL`` passing the W3C protocol tests with the same limits and safety."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from conformance.harness import (
    fazhi_bin,
    load_manifest,
    oxigraph_bin,
    run_test,
    start_fazhi,
    start_oxigraph,
    stop,
)

from fazhi.namespaces import GRAPH
from fazhi.remote_store import RemoteStore
from fazhi.store import open_store

pytestmark = pytest.mark.remote
if oxigraph_bin() is None:
    pytest.skip("the oxigraph CLI is not installed (pip install oxigraph)", allow_module_level=True)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "reports" / "taierzhuang-2019.txt"
EX = "http://example.org/"
JSON = {"Accept": "application/sparql-results+json"}
TESTS = load_manifest()


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    url, proc = start_oxigraph(str(tmp_path_factory.mktemp("oxigraph") / "db"), "--timeout-s", "60")
    yield url
    stop(proc)


@pytest.fixture
def remote(oxigraph):
    store = open_store(oxigraph)
    store.update("DROP ALL")
    yield store
    store.close()


def test_open_store_gives_a_remote_store_with_oxigraph_layout(oxigraph):
    store = open_store(oxigraph)
    assert isinstance(store, RemoteStore)
    assert store.query_url == oxigraph + "/query" and store.update_url == oxigraph + "/update"
    assert store.store_url == oxigraph + "/store"
    other = RemoteStore("http://h:3030/ds#query=/ds/query&update=/ds/update&store=/ds/data&union=native")
    assert (other.query_url, other.update_url, other.store_url, other.union_mode) == (
        "http://h:3030/ds/query", "http://h:3030/ds/update", "http://h:3030/ds/data", "native")


def test_remote_store_reads_and_writes(remote):
    remote.replace_graphs({EX + "g1": f'<{EX}a> <{EX}p> "甲" .'}, merge={EX + "e": f"<{EX}a> <{EX}q> <{EX}b> ."})
    remote.replace_graphs({EX + "g1": f'<{EX}a> <{EX}p> "乙" .'})  # replaces, no duplicate
    assert remote.graph_names() == [EX + "e", EX + "g1"]
    assert remote.count() == 2
    rows = list(remote.query(f"SELECT ?o WHERE {{ <{EX}a> <{EX}p> ?o }}"))  # union default graph
    assert [r["o"].value for r in rows] == ["乙"]
    assert bool(remote.query("ASK { ?s ?p ?o }")) is True
    triples = list(remote.query("CONSTRUCT WHERE { ?s ?p ?o }"))
    assert len(triples) == 2 and all(isinstance(t, ox.Triple) for t in triples)
    only_e = remote.query("SELECT * WHERE { ?s ?p ?o }", union_default_graph=False,
                          default_graph=[ox.NamedNode(EX + "e")], named_graphs=[])
    assert [r["o"].value for r in only_e] == [EX + "b"]
    out = io.BytesIO()
    remote.dump(out, ox.RdfFormat.N_QUADS)
    assert len(out.getvalue().splitlines()) == 2
    with pytest.raises(SyntaxError):
        remote.query("SELECT {")


def test_remote_update_is_atomic(remote):
    remote.replace_graphs({EX + "g": f"<{EX}a> <{EX}p> <{EX}b> ."})
    with pytest.raises(SyntaxError):
        remote.update(f"DROP GRAPH <{EX}g> ; INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{EX}p> }} }}")
    assert remote.count() == 1


def test_ingest_and_serve_from_remote_store(remote, oxigraph, tmp_path):
    r = subprocess.run([fazhi_bin(), "ingest", "--store", oxigraph, "--quiet", "--no-validate", str(SEED)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    graphs = remote.graph_names()
    report_graphs = [g for g in graphs if g.startswith(str(GRAPH) + "report/") and not g.endswith("/validation")]
    assert len(report_graphs) == 1
    direct = remote.count()
    exported = subprocess.run([fazhi_bin(), "export", "--store", oxigraph, "--format", "nquads"],
                              capture_output=True, timeout=120)
    assert exported.returncode == 0, exported.stderr[-2000:]
    assert len(list(ox.parse(exported.stdout, format=ox.RdfFormat.N_QUADS))) == direct
    url, proc = start_fazhi(oxigraph, "--query-timeout", "5", "--max-rows", "50")
    try:
        with httpx.Client(base_url=url, timeout=30) as c:
            q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
            got = c.get("/sparql", params={"query": q}, headers=JSON).json()
            assert int(got["results"]["bindings"][0]["n"]["value"]) == direct
            # the union default graph sees the report without GRAPH
            ask = f"ASK {{ GRAPH <{report_graphs[0]}> {{ ?r ?p ?o }} ?r ?p ?o }}"
            assert c.get("/sparql", params={"query": ask}, headers=JSON).json()["boolean"] is True
            # same limits: rows capped, SERVICE refused, read-only without a token
            r = c.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}, headers=JSON)
            assert len(r.json()["results"]["bindings"]) == 50 and r.headers["x-fazhi-truncated"] == "true"
            r = c.get("/sparql", params={"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"})
            assert r.status_code == 400
            r = c.post("/sparql", content=b"DROP ALL", headers={"content-type": "application/sparql-update"})
            assert r.status_code == 403
            heavy = "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(f"?s{i} ?p{i} ?o{i} ." for i in range(6)) + " }"
            r = c.get("/sparql", params={"query": heavy, "timeout": "1"}, headers=JSON)
            assert r.status_code == 503
        assert remote.count() == direct
    finally:
        stop(proc)


@pytest.fixture(scope="module")
def fazhi_on_oxigraph(oxigraph):
    url, proc = start_fazhi(oxigraph, "--allow-update")
    with httpx.Client(base_url=url, timeout=30) as c:
        yield c
    stop(proc)


@pytest.mark.parametrize("test", TESTS, ids=[t.name for t in TESTS])
def test_protocol_on_remote_store(fazhi_on_oxigraph, test):
    assert run_test(fazhi_on_oxigraph, "/sparql", test) == []

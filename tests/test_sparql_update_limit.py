"""Writes have a time limit too: a SPARQL Update past ``--update-timeout`` is stopped (503) and nothing of it
is applied (Oxigraph commits an update atomically; the writer process is killed before it commits)."""

from __future__ import annotations

import httpx
import pyoxigraph as ox
import pytest
from conformance.harness import start_fazhi, stop

EX = "http://example.org/"
JSON = {"Accept": "application/sparql-results+json"}
UPDATE = {"content-type": "application/sparql-update"}
#: Deletes every triple and inserts new ones for each row of a 6-way cartesian product: runs for ages.
RUNAWAY = (f"DELETE {{ GRAPH <{EX}g> {{ ?s0 ?p0 ?o0 }} }} "
           f"INSERT {{ GRAPH <{EX}runaway> {{ ?s0 <{EX}q> ?o5 }} }} "
           f"WHERE {{ GRAPH <{EX}g> {{ " + " ".join(f"?s{i} ?p{i} ?o{i} ." for i in range(6)) + " } }")


def _triples(client: httpx.Client, graph: str | None = None) -> int:
    where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    r = client.get("/sparql", params={"query": f"SELECT (COUNT(*) AS ?n) {{ {where} }}"}, headers=JSON)
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = str(tmp_path_factory.mktemp("update-limit") / "store")
    url, proc = start_fazhi(store, "--allow-update", "--update-timeout", "1.5")
    with httpx.Client(base_url=url, timeout=60) as client:
        data = " ".join(f"<{EX}s{i}> <{EX}p> <{EX}o{i % 7}> ." for i in range(40))
        assert client.post("/sparql", content=f"INSERT DATA {{ GRAPH <{EX}g> {{ {data} }} }}",
                           headers=UPDATE).status_code == 204
        yield client, store
    stop(proc)


def test_a_runaway_update_is_stopped_and_changes_nothing(server):
    client, _ = server
    assert _triples(client) == 40
    r = client.post("/sparql", content=RUNAWAY, headers=UPDATE)
    assert r.status_code == 503
    assert "time limit" in r.text and "nothing" in r.text
    assert _triples(client) == 40  # nothing deleted
    assert _triples(client, f"{EX}runaway") == 0  # nothing inserted


def test_writes_work_after_a_stopped_one(server):
    client, store = server
    assert client.post("/sparql", content=RUNAWAY, headers=UPDATE).status_code == 503
    assert client.post("/sparql", content=f"INSERT DATA {{ GRAPH <{EX}h> {{ <{EX}a> <{EX}b> <{EX}c> }} }}",
                       headers=UPDATE).status_code == 204
    assert _triples(client, f"{EX}h") == 1
    put = client.put("/store", params={"graph": f"{EX}k"}, content=f"<{EX}x> <{EX}y> <{EX}z> .",
                     headers={"content-type": "application/n-triples"})
    assert put.status_code in (201, 204), put.text
    assert _triples(client, f"{EX}k") == 1
    assert client.post("/sparql", content="INSERT DATA { <oops", headers=UPDATE).status_code == 400
    # the files on disk hold exactly the committed writes (read by another process, as after a restart)
    on_disk = ox.Store.read_only(store)
    assert len(list(on_disk.quads_for_pattern(None, None, None, ox.NamedNode(f"{EX}runaway")))) == 0
    assert len(list(on_disk.quads_for_pattern(None, None, None, ox.NamedNode(f"{EX}g")))) == 40
    assert len(list(on_disk.quads_for_pattern(None, None, None, ox.NamedNode(f"{EX}h")))) == 1


def test_an_update_that_crashes_the_engine_is_a_400_and_changes_nothing(server):
    client, _ = server
    before = _triples(client)
    nested = f"INSERT {{ GRAPH <{EX}deep> {{ <{EX}a> <{EX}b> <{EX}c> }} }} WHERE " + "{" * 50000 + "}" * 50000
    r = client.post("/sparql", content=nested, headers=UPDATE)
    assert r.status_code == 400 and "too deeply nested" in r.text
    assert _triples(client) == before and _triples(client, f"{EX}deep") == 0

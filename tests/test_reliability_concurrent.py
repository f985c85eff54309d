"""Concurrent writers of the same report leave one copy.

* Two ``fazhi ingest`` processes on the same files and store at once: only one process can hold the
  on-disk store for writing, so the second waits for it (``LocalStore.lock_wait``, ``FAZHI_STORE_WAIT``)
  and then replaces the same graphs: the store equals one ingest's. When the wait runs out the ingest
  fails with a one-line message, not a traceback.
* Graph Store PUTs and POSTs of the same graph through ``fazhi serve --update-token``, at once: one
  copy; two different PUTs racing leave one of the two bodies, never a mix.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from conformance.harness import start_fazhi, stop
from crash_harness import FAZHI, REPORTS, graph_set

FILES = [str(REPORTS / "001.txt"), str(REPORTS / "taierzhuang-2019.txt")]


def _ingest(store: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen([FAZHI, "ingest", *FILES, "--store", str(store), "-q"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})


def _graphs(location: Path) -> tuple[dict[str, frozenset[str]], int]:
    from fazhi.store import LocalStore

    store = LocalStore(location, read_only=True)
    try:
        names = store.graph_names()
        return {g: graph_set(store.oxigraph, g) for g in names}, store.count()
    finally:
        store.close()


def test_two_ingests_of_the_same_reports_at_once_leave_one_copy(tmp_path):
    single = tmp_path / "single"
    assert _ingest(single).wait(timeout=300) == 0
    both = tmp_path / "both"
    procs = [_ingest(both), _ingest(both)]
    outcomes = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    for code, err in outcomes:
        assert code == 0, err[-2000:]
        assert "Traceback" not in err
    expected, expected_count = _graphs(single)
    got, count = _graphs(both)
    assert got == expected
    assert count == expected_count
    assert sum("/graph/report/" in g and not g.endswith("/validation") for g in got) == len(FILES)


_HOLDER = """
import sys, time
from fazhi.store import LocalStore
store = LocalStore(sys.argv[1])
print("open", flush=True)
time.sleep(float(sys.argv[2]))
store.close()
"""


def test_an_ingest_waits_for_the_store_and_then_says_clearly_that_it_is_busy(tmp_path):
    store = tmp_path / "store"
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(store), "20"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        busy = _ingest(store, {"FAZHI_STORE_WAIT": "1"})
        code, err = busy.wait(timeout=120), busy.stderr.read()
    finally:
        holder.kill()
        holder.wait()
    assert code == 1
    assert "in use by another process" in err and str(store) in err
    assert "Traceback" not in err
    assert _ingest(store).wait(timeout=300) == 0  # the holder is gone (killed: its lock went with it)


TOKEN = "concurrency-token"
G = "http://example.org/same-graph"


def _body(prefix: str, n: int = 200) -> str:
    return "".join(f"<http://example.org/{prefix}{i}> <http://example.org/p> \"{prefix} {i}\" .\n" for i in range(n))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    url, proc = start_fazhi(str(tmp_path_factory.mktemp("gsp") / "store"), "--update-token", TOKEN)
    with httpx.Client(base_url=url, timeout=60) as client:
        yield client
    stop(proc)


def _graph(client: httpx.Client) -> set[str]:
    r = client.get("/store", params={"graph": G}, headers={"accept": "application/n-triples"})
    assert r.status_code == 200
    return {line for line in r.text.splitlines() if line.strip()}


def _write(client: httpx.Client, method: str, body: str) -> int:
    headers = {"authorization": f"Bearer {TOKEN}", "content-type": "application/n-triples"}
    return client.request(method, "/store", params={"graph": G}, content=body, headers=headers).status_code


@pytest.mark.parametrize("method", ["PUT", "POST"])
def test_the_same_graph_written_at_once_holds_one_copy(server, method):
    body = _body("a")
    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(lambda _: _write(server, method, body), range(8)))
    assert all(c in (201, 204) for c in codes), codes
    assert len(_graph(server)) == 200


def test_racing_puts_of_two_bodies_leave_one_of_them_whole(server):
    bodies = {"a": _body("a"), "b": _body("b")}
    for _ in range(3):
        with ThreadPoolExecutor(6) as pool:
            codes = list(pool.map(lambda k: _write(server, "PUT", bodies[k]), "ababab"))
        assert all(c in (201, 204) for c in codes), codes
        held = _graph(server)
        prefixes = {line.split("/")[3][0] for line in held}
        assert len(held) == 200 and len(prefixes) == 1, (len(held), prefixes)

"""`fazhi serve` is read-only and without CORS by default, and it sees what another process (e.g.
`fazhi ingest`) writes to its store."""

from __future__ import annotations

import time

import httpx
from conformance.harness import start_fazhi, stop

from fazhi.store import LocalStore

EX = "http://example.org/"
ASK = f"ASK {{ <{EX}new> ?p ?o }}"


def test_read_only_server_sees_writes_made_by_another_process(tmp_path):
    path = tmp_path / "store"
    LocalStore(path).close()
    url, proc = start_fazhi(str(path), "--workers", "1")  # one worker: it must reopen, not start fresh
    try:
        with httpx.Client(base_url=url, timeout=30) as c:
            def ask() -> bool:
                return c.get("/sparql", params={"query": ASK}, headers={"Accept": "application/json"}).json()["boolean"]

            assert ask() is False
            # read-only by default: an update is refused and changes nothing; no CORS headers
            r = c.post("/sparql", content=f"INSERT DATA {{ <{EX}new> <{EX}p> <{EX}o> }}".encode(),
                       headers={"content-type": "application/sparql-update"})
            assert r.status_code == 403
            r = c.get("/sparql", params={"query": ASK}, headers={"Origin": "https://ok.example"})
            assert r.status_code == 200 and "access-control-allow-origin" not in r.headers
            assert ask() is False
            writer = LocalStore(path)  # a second process would do the same (the server only reads)
            writer.replace_graphs({EX + "g": f"<{EX}new> <{EX}p> <{EX}o> ."})
            writer.close()
            deadline = time.monotonic() + 10
            seen = False
            while time.monotonic() < deadline and not seen:
                time.sleep(0.5)
                seen = ask()
            assert seen
    finally:
        stop(proc)

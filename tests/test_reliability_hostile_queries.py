"""Hostile requests to /sparql (catalogue in ``hostile_queries.py``): each gets its documented status, never
a 5xx other than the time-limit 503, never a stack trace; a canary on 127.0.0.1 receives nothing; and a cheap
query keeps being answered while the heavy ones run concurrently."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

import httpx
import pytest
from conformance.harness import start_fazhi, stop
from explore_fixture import load
from hostile_queries import CATALOGUE, METADATA_IP, Hostile
from test_safety_sparql import Canary

CHEAP = "ASK { ?s a ?t }"
TOKEN = "hostile-update-token"
LIMIT = 5  # seconds: the server's query time limit
WORKERS = 4  # query worker processes (the pool forks up to twice as many when all are on slow queries)
#: A cheap query must be answered well within the time limit while heavy ones hold every worker.
CHEAP_BOUND = LIMIT / 2
TRACE_MARKS = ("Traceback", 'File "', "site-packages", "Exception in ASGI")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    """fazhi serve over the explorer fixture store, 2 s query limit, default 1 MB body cap; and a canary."""
    store = load(tmp_path_factory.mktemp("hostile") / "store")
    url, proc = start_fazhi(store, "--query-timeout", str(LIMIT), "--workers", str(WORKERS))
    canary = Canary()
    with httpx.Client(base_url=url, timeout=60) as client:
        yield client, canary
    canary.close()
    stop(proc)
    assert canary.hits == []


def _send(client: httpx.Client, case: Hostile, canary: Canary) -> httpx.Response:
    return client.request(**case.request(canary.url))


def _check(case: Hostile, r: httpx.Response) -> None:
    assert r.status_code in case.expect, (case.name, r.status_code, r.text[:300])
    assert r.status_code < 500 or r.status_code == 503, (case.name, r.text[:300])
    assert not any(mark in r.text for mark in TRACE_MARKS), (case.name, r.text[:500])
    if r.status_code == 200:
        assert "evil" not in r.text and "root:" not in r.text, case.name


def test_catalogue_is_large_and_documented():
    assert len(CATALOGUE) >= 25
    assert len({c.name for c in CATALOGUE}) == len(CATALOGUE)
    assert all(c.why and c.expect for c in CATALOGUE)


@pytest.mark.parametrize("case", [c for c in CATALOGUE if not c.heavy], ids=lambda c: c.name)
def test_light_hostile_request(service, case):
    client, canary = service
    _check(case, _send(client, case, canary))
    assert canary.hits == [], case.name


def test_heavy_ones_concurrently_while_a_cheap_query_is_answered(service):
    """All heavy cases at once (more than the pool's workers); a cheap ASK keeps getting 200 meanwhile."""
    client, canary = service
    heavy = [c for c in CATALOGUE if c.heavy]
    assert len(heavy) > WORKERS
    cheap_answers: list[tuple[int, float]] = []
    stop_probe = threading.Event()

    def probe() -> None:
        while not stop_probe.is_set():
            t = time.monotonic()
            r = client.get("/sparql", params={"query": CHEAP}, headers={"Accept": "application/sparql-results+json"})
            cheap_answers.append((r.status_code, time.monotonic() - t))
            time.sleep(0.05)

    prober = threading.Thread(target=probe)
    with ThreadPoolExecutor(len(heavy)) as pool:
        futures = [pool.submit(_send, client, c, canary) for c in heavy]
        time.sleep(0.5)  # every worker busy and deprioritised
        prober.start()
        results = [f.result() for f in futures]
    stop_probe.set()
    prober.join()
    for case, r in zip(heavy, results, strict=True):
        _check(case, r)
    assert len(cheap_answers) >= 3, cheap_answers
    assert [s for s, _ in cheap_answers] == [200] * len(cheap_answers), cheap_answers
    assert max(t for _, t in cheap_answers) < CHEAP_BOUND, cheap_answers  # idle: ~10 ms; fork: ~0.3 s
    assert canary.hits == []
    # the service is still whole afterwards
    r = client.get("/sparql", params={"query": CHEAP}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200 and r.json()["boolean"] is True


@pytest.mark.parametrize("path", ["/reports/{key}/figures", "/reports/{key}/figures.csv", "/reports/{key}"])
def test_path_parameters_do_not_reach_the_query_text(service, path):
    """A report key is put into SPARQL text by the service: one that closes the IRI and adds a SERVICE
    (its IRI written with \\u escapes, as a path segment cannot hold '/') is refused as unknown."""
    client, canary = service
    host = canary.url.removeprefix("http://").rstrip("/")
    iri = "http:\\u002F\\u002F" + host + "\\u002Finjected"
    key = f"x> {{ }} }} {{ SERVICE <{iri}> {{ ?a ?b ?c }} }} {{ GRAPH <urn:y"
    r = client.get(path.format(key=quote(key, safe="")))
    assert r.status_code == 404, (path, r.status_code, r.text[:200])
    assert canary.hits == []


def test_hostile_updates_with_the_right_token_change_nothing(tmp_path):
    """With updates enabled and the right token: fetching operations are refused (400), engine-breaking
    nesting is stopped (400 or the 503 time-limit status), the store is unchanged, the canary untouched."""
    url, proc = start_fazhi(load(tmp_path / "store"), "--update-token", TOKEN, "--update-timeout", "2",
                            "--query-timeout", "2")
    canary = Canary()
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    try:
        with httpx.Client(base_url=url, timeout=60) as client:
            def n() -> str:
                r = client.get("/sparql", params={"query": count}, headers={"Accept": "application/sparql-results+json"})
                return r.json()["results"]["bindings"][0]["n"]["value"]

            before = n()
            auth = {"Authorization": f"Bearer {TOKEN}", "content-type": "application/sparql-update"}
            cases = [
                (f"LOAD <{canary.url}data.nt>", (400,)),
                (f"load silent <{METADATA_IP}> into graph <urn:x>", (400,)),
                (f"INSERT {{ GRAPH <urn:x> {{ ?s ?p ?o }} }} WHERE {{ SERVICE <{canary.url}> {{ ?s ?p ?o }} }}", (400,)),
                (f"INSERT {{ GRAPH <urn:x> {{ ?s ?p ?o }} }} USING <{canary.url}> WHERE {{ ?s ?p ?o }}", (204,)),
                ("INSERT { <urn:a> <urn:b> <urn:c> } WHERE " + "{" * 50000 + "}" * 50000, (400, 503)),
                ("INSERT { <urn:a> <urn:b> <urn:c> } WHERE { FILTER(" + "!" * 200000 + "true) }", (400, 503)),
            ]
            for text, expect in cases:
                r = client.post("/sparql", content=text.encode(), headers=auth)
                assert r.status_code in expect, (text[:80], r.status_code, r.text[:200])
                assert not any(mark in r.text for mark in TRACE_MARKS)
            assert n() == before
    finally:
        canary.close()
        stop(proc)
    assert canary.hits == []

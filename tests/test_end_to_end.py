"""End to end over HTTP: ingest the seed with the CLI into a temporary store, start ``fazhi serve`` on a
free port, and ask the questions of the foundation issue through the SPARQL protocol."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from fazhi.namespaces import sparql_prefixes

SEED = Path(__file__).resolve().parent.parent / "data" / "reports" / "taierzhuang-2019.txt"
FAZHI = [sys.executable, "-m", "fazhi.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    store = tmp_path_factory.mktemp("e2e") / "store"
    ingest = subprocess.run([*FAZHI, "ingest", str(SEED), "--store", str(store), "-q"],
                            capture_output=True, text=True, timeout=300)
    assert ingest.returncode == 0, ingest.stderr
    assert "ingested 1/1 report(s)" in ingest.stderr
    port = free_port()
    server = subprocess.Popen([*FAZHI, "serve", "--store", str(store), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=dict(os.environ))
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/docs", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if server.poll() is not None:
                pytest.fail(f"fazhi serve exited: {server.stderr.read().decode()[-2000:]}")
            time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)


def select(base: str, query: str) -> list[dict[str, str]]:
    r = httpx.post(f"{base}/sparql", data={"query": sparql_prefixes() + query},
                   headers={"Accept": "application/sparql-results+json"}, timeout=60)
    assert r.status_code == 200, r.text
    return [{k: v["value"] for k, v in b.items()} for b in r.json()["results"]["bindings"]]


def test_the_parts_of_the_54_item_total_add_up(endpoint) -> None:
    rows = select(endpoint, """
        SELECT ?part ?v WHERE {
          ?total a qb:Observation ; sdmx-measure:obsValue ?t ; fz:rawText "54项" .
          ?part fz:partOf ?total ; sdmx-measure:obsValue ?v .
        }""")
    assert len(rows) == 3
    assert sorted(float(r["v"]) for r in rows) == [4, 24, 26]
    assert sum(float(r["v"]) for r in rows) == 54


def test_report_metadata(endpoint) -> None:
    rows = select(endpoint, """
        SELECT ?issuerName ?issued ?index ?period WHERE {
          ?r a fz:AnnualReport ; fz:issuer ?issuer ; dct:issued ?issued ; fz:indexNumber ?index ;
             fz:reportingPeriod ?period .
          ?issuer skos:prefLabel ?issuerName . FILTER(LANG(?issuerName) = "zh")
        }""")
    assert len(rows) == 1
    assert rows[0]["issuerName"] == "台儿庄区人民政府"
    assert rows[0]["issued"] == "2020-01-15"
    assert rows[0]["index"] == "370405/2020-00025"
    assert rows[0]["period"].endswith("/period/2019")


def test_eight_regulations_and_eight_top_level_sections(endpoint) -> None:
    docs = select(endpoint, "SELECT DISTINCT ?d WHERE { ?r a fz:AnnualReport ; fz:cites ?d }")
    assert len(docs) == 8
    sections = select(endpoint, """
        SELECT ?n WHERE { ?s a fz:ReportSection ; fz:sectionLevel 1 ; fz:sectionNumber ?n ; fz:sectionOrder ?o }
        ORDER BY ?o""")
    assert [s["n"] for s in sections] == list("一二三四五六七八")


def test_one_iri_per_body_whatever_its_form(endpoint) -> None:
    rows = select(endpoint, """
        SELECT ?text ?agency WHERE { ?span fz:mentions ?agency ; nif:anchorOf ?text . ?agency a fz:Agency }""")
    by_text: dict[str, set[str]] = {}
    for r in rows:
        by_text.setdefault(r["text"], set()).add(r["agency"])
    assert by_text["台儿庄区人民政府"] == by_text["区政府"]
    assert by_text["区行政审批服务局"] == by_text["行政审批服务局"]
    assert all(len(v) == 1 for v in by_text.values())

"""Query latency through HTTP: example queries, /neighborhood (2 hops), /search, entity pages.

Starts ``fazhi serve`` on a store (or uses ``--url`` of a running server), measures its start-up
time (until it answers) and memory (RSS of the server and its query workers), then sends each
request ``--n`` times in sequence on one keep-alive connection (after two warm-up requests) and
reports the median and the 99th percentile.

    python bench/http_bench.py --store bench/data/stores/ingest-1000-j2-bulk --label 1000
    python bench/http_bench.py --store http://127.0.0.1:7878 --label 1000-remote   # fazhi over an Oxigraph server

Results: ``bench/results/http-<date>.jsonl`` and a Markdown table on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_bench import tree_rss  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FAZHI = ROOT / ".venv" / "bin" / "fazhi"
BASE = os.environ.get("FAZHI_BASE", "https://w3id.org/fazhi/")
FZ = BASE + "ont#"
SPARQL_JSON = "application/sparql-results+json"
TIMEOUT = 60.0  # seconds a request may take (--timeout)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def start_server(store: str, port: int) -> tuple[subprocess.Popen, float]:
    """Start ``fazhi serve``; (process, seconds until ``/`` answered 200 after its redirect)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [str(FAZHI), "serve", "--store", store, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}/"
    while time.perf_counter() - t0 < 300:
        if proc.poll() is not None:
            raise RuntimeError(f"fazhi serve exited: {proc.stderr.read().decode()[-2000:] if proc.stderr else ''}")
        try:
            if httpx.get(url, timeout=5, follow_redirects=True).status_code == 200:  # / redirects to /explore
                return proc, time.perf_counter() - t0
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    proc.kill()
    raise RuntimeError("fazhi serve did not answer within 300 s")


def sparql(client: httpx.Client, query: str) -> list[dict]:
    r = client.get("/sparql", params={"query": query}, headers={"Accept": SPARQL_JSON}, timeout=TIMEOUT)
    r.raise_for_status()
    return r.json()["results"]["bindings"]


def pick_targets(client: httpx.Client) -> dict[str, str]:
    """A popular and a median agency (by mentions in a sample), a report and a mechanism (SPARQL)."""
    sample = sparql(
        client, f"SELECT ?o WHERE {{ ?s <{FZ}mentions> ?o . FILTER(STRSTARTS(STR(?o), '{BASE}id/org/')) }} LIMIT 20000"
    )
    ranked = Counter(b["o"]["value"] for b in sample).most_common()
    out: dict[str, str] = {}
    if ranked:
        out["agency_popular"] = ranked[0][0]
        out["agency_median"] = ranked[len(ranked) // 2][0]
    report = sparql(client, f"SELECT ?r WHERE {{ ?r a <{FZ}AnnualReport> }} LIMIT 1")
    if report:
        out["report"] = report[0]["r"]["value"]
    mech = sparql(client, f"SELECT ?m WHERE {{ ?m a <{FZ}Mechanism> }} LIMIT 1")
    if mech:
        out["mechanism"] = mech[0]["m"]["value"]
    return out


def local_path(iri: str) -> str:
    """The service's path for an IRI under the base (``{BASE}id/x`` → ``/id/x``)."""
    return "/" + iri.removeprefix(BASE) if iri.startswith(BASE) else f"/describe?iri={quote(iri)}"


def requests_to_time(targets: dict[str, str], examples: list[Path]) -> list[tuple[str, str, dict, dict]]:
    """(name, path, params, headers) of every request to time."""
    reqs: list[tuple[str, str, dict, dict]] = []
    for name in ("agency_popular", "agency_median", "mechanism"):
        if name in targets:
            reqs.append((f"neighborhood 2 hops ({name})", "/neighborhood", {"iri": targets[name], "hops": 2}, {}))
    for q in ("司法局", "双随机", "行政复议", "justice"):
        reqs.append((f"search {q}", "/search", {"q": q}, {}))
    for name in ("agency_popular", "agency_median", "report", "mechanism"):
        if name in targets:
            reqs.append((f"entity page ({name})", local_path(targets[name]), {}, {"Accept": "text/html"}))
    for rq in examples:
        reqs.append((f"example {rq.stem}", "/sparql", {"query": rq.read_text("utf-8")}, {"Accept": SPARQL_JSON}))
    return reqs


def time_request(client: httpx.Client, path: str, params: dict, headers: dict, n: int) -> tuple[list[float], int, int]:
    """Latencies (ms) of ``n`` sequential requests after two warm-ups; (latencies, status, bytes)."""
    status, size = 0, 0
    t = time.perf_counter()
    for _ in range(2):
        r = client.get(path, params=params, headers=headers, timeout=TIMEOUT)
        status, size = r.status_code, len(r.content)
        if time.perf_counter() - t > 10.0:  # a very slow request (or one at the time limit): one timed repeat
            n = 1
            break
    if time.perf_counter() - t > 2.0:  # a slow request: fewer repeats (the median is what matters)
        n = min(n, 5)
    times = []
    for _ in range(n):
        t = time.perf_counter()
        r = client.get(path, params=params, headers=headers, timeout=TIMEOUT)
        r.read()
        times.append(1000 * (time.perf_counter() - t))
        status = r.status_code
    return times, status, size


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="HTTP latency of fazhi's queries, pages and APIs")
    ap.add_argument("--store", help="store directory or SPARQL server URL given to fazhi serve")
    ap.add_argument("--url", help="a running fazhi server instead of starting one")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--n", type=int, default=50, help="timed requests per target")
    ap.add_argument("--label", default="", help="scale label for the results (e.g. 1000)")
    ap.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds a request may take (default 60)")
    args = ap.parse_args(argv)
    globals()["TIMEOUT"] = args.timeout
    if not (args.store or args.url):
        ap.error("give --store or --url")
    proc, startup = None, None
    if args.url:
        base = args.url.rstrip("/")
    else:
        proc, startup = start_server(args.store, args.port)
        base = f"http://127.0.0.1:{args.port}"
    rows = []
    try:
        rss_start = tree_rss(proc.pid) if proc else 0
        with httpx.Client(base_url=base) as client:
            t = time.perf_counter()
            first = client.get("/search", params={"q": "司法局"}, timeout=600)
            first_search = (time.perf_counter() - t, first.status_code)
            print(f"first /search answered {first_search[1]} after {first_search[0]:.1f} s", file=sys.stderr, flush=True)
            t = time.perf_counter()
            targets = pick_targets(client)
            pick_s = time.perf_counter() - t
            examples = sorted((ROOT / "service" / "examples").glob("*.rq"))
            for name, path, params, headers in requests_to_time(targets, examples):
                t = time.perf_counter()
                try:
                    times, status, size = time_request(client, path, params, headers, args.n)
                except httpx.HTTPError as e:  # e.g. longer than --timeout: record it and go on
                    elapsed = 1000 * (time.perf_counter() - t)
                    times, status, size = [elapsed], f"{type(e).__name__} after {elapsed / 1000:.0f} s", 0
                rows.append({"target": name, "status": status, "bytes": size, "n": len(times),
                             "median_ms": round(statistics.median(times), 2),
                             "p99_ms": round(percentile(times, 0.99), 2)})
                print(json.dumps(rows[-1], ensure_ascii=False), file=sys.stderr, flush=True)
        rss_end = tree_rss(proc.pid) if proc else 0
    finally:
        if proc:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
    record = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}",
        "command": "python bench/http_bench.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "label": args.label, "store": args.store or args.url, "startup_s": startup and round(startup, 2),
        "first_search_s": round(first_search[0] + (startup or 0), 2), "first_search_status": first_search[1],
        "rss_after_start_mb": round(rss_start / 2**20), "rss_after_bench_mb": round(rss_end / 2**20),
        "target_pick_s": round(pick_s, 2), "targets": targets, "rows": rows,
    }
    out = ROOT / "bench" / "results" / f"http-{datetime.now(UTC):%Y%m%d}.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{args.label}: start-up {record['startup_s']} s to the first 200 on /, {record['first_search_s']} s to the "
          f"first /search answered, RSS {record['rss_after_start_mb']} MB after start, "
          f"{record['rss_after_bench_mb']} MB after the run (server + query workers)\n")
    print("| request | status | n | median ms | p99 ms | bytes |\n|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['target']} | {r['status']} | {r['n']} | {r['median_ms']:.1f} | {r['p99_ms']:.1f} | {r['bytes']:,} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Load: concurrent clients for a fixed time on a mixed workload against ``fazhi serve`` on loopback.

Starts ``fazhi serve`` on a store (or uses ``--url``), picks targets as ``http_bench.py`` does (a popular
and a median agency, a report, a mechanism), then runs ``--clients`` closed-loop clients (default 16) for
``--seconds`` (default 60). Each client sends the next request of a shuffled mix, waits for the answer
and sends the next: the SPARQL examples (``service/examples/*.rq``, JSON results), ``/neighborhood`` 2 hops,
``/search`` and entity pages (HTML). An error is any transport failure or any status other than 200.
Reports per kind: requests, errors, p50, p99, max; overall throughput; the server's RSS.

    nice -n 10 python bench/load_bench.py --store /tmp/bundled-store --label bundled
    nice -n 10 python bench/load_bench.py --store bench/data/stores/ingest-1000-j2-bulk --label 1000

Results: ``bench/results/load-<date>.jsonl`` and a Markdown table on stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import sys
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from http_bench import ROOT, percentile, pick_targets, requests_to_time, start_server  # noqa: E402
from ingest_bench import tree_rss  # noqa: E402


def kind_of(name: str) -> str:
    """The request kind reported: sparql, neighborhood, search or entity page."""
    if name.startswith("example"):
        return "sparql (examples)"
    if name.startswith("neighborhood"):
        return "neighborhood 2 hops"
    if name.startswith("search"):
        return "search"
    return "entity page"


async def client_loop(client: httpx.AsyncClient, mix: list[tuple], deadline: float, seed: int,
                      samples: dict[str, list[float]], errors: dict[str, list[str]], timeout: float) -> None:
    """One closed-loop client: request, wait, next, until the deadline."""
    order = list(mix)
    random.Random(seed).shuffle(order)
    i = 0
    while time.perf_counter() < deadline:
        name, path, params, headers = order[i % len(order)]
        i += 1
        kind = kind_of(name)
        t = time.perf_counter()
        try:
            r = await client.get(path, params=params, headers=headers, timeout=timeout)
            await r.aread()
            if r.status_code != 200:
                errors[kind].append(f"{name}: {r.status_code} {r.text[:120]!r}")
        except httpx.HTTPError as e:
            errors[kind].append(f"{name}: {type(e).__name__} {e}")
        samples[kind].append(1000 * (time.perf_counter() - t))


async def run_load(base: str, mix: list[tuple], clients: int, seconds: float, timeout: float):
    samples: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, list[str]] = defaultdict(list)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits) as client:
        t0 = time.perf_counter()
        deadline = t0 + seconds
        await asyncio.gather(*(client_loop(client, mix, deadline, seed, samples, errors, timeout)
                               for seed in range(clients)))
        elapsed = time.perf_counter() - t0
    return samples, errors, elapsed


def markdown(record: dict) -> str:
    lines = [f"| kind ({record['label']}) | requests | errors | p50 ms | p99 ms | max ms |", "|---|---|---|---|---|---|"]
    for kind, row in record["kinds"].items():
        lines.append(f"| {kind} | {row['requests']} | {row['errors']} | {row['p50_ms']} | {row['p99_ms']} | "
                     f"{row['max_ms']} |")
    t = record["total"]
    lines.append(f"| **all** | {t['requests']} | **{t['errors']}** | {t['p50_ms']} | {t['p99_ms']} | {t['max_ms']} |")
    return "\n".join(lines)


def summary(values: list[float], errors: int) -> dict:
    return {"requests": len(values), "errors": errors, "p50_ms": round(percentile(values, 0.5), 1),
            "p99_ms": round(percentile(values, 0.99), 1), "max_ms": round(max(values), 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="fazhi under load: concurrent clients on a mixed workload")
    ap.add_argument("--store", help="store directory (or SPARQL server URL) given to fazhi serve")
    ap.add_argument("--url", help="a running fazhi server instead of starting one")
    ap.add_argument("--port", type=int, default=8766)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds a request may take (client side)")
    ap.add_argument("--label", default="")
    args = ap.parse_args(argv)
    if not (args.store or args.url):
        ap.error("give --store or --url")
    proc = None
    if args.url:
        base = args.url.rstrip("/")
    else:
        proc, startup = start_server(args.store, args.port)
        base = f"http://127.0.0.1:{args.port}"
        print(f"server up after {startup:.1f} s", file=sys.stderr, flush=True)
    try:
        with httpx.Client(base_url=base) as c:
            c.get("/search", params={"q": "司法局"}, timeout=600)  # builds the search index
            targets = pick_targets(c)
        examples = sorted((ROOT / "service" / "examples").glob("*.rq"))
        mix = requests_to_time(targets, examples)
        print(f"{len(mix)} requests in the mix; {args.clients} clients for {args.seconds:g} s", file=sys.stderr,
              flush=True)
        samples, errors, elapsed = asyncio.run(run_load(base, mix, args.clients, args.seconds, args.timeout))
        rss = tree_rss(proc.pid) if proc else 0
    finally:
        if proc:
            proc.terminate()
            proc.wait(timeout=30)
    every = [v for vs in samples.values() for v in vs]
    record = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f} at the end",
        "command": "python bench/load_bench.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "label": args.label, "store": args.store or args.url, "clients": args.clients,
        "seconds": round(elapsed, 1), "req_per_s": round(len(every) / elapsed, 1),
        "rss_after_mb": round(rss / 2**20),
        "kinds": {k: summary(v, len(errors[k])) for k, v in sorted(samples.items())},
        "total": summary(every, sum(len(e) for e in errors.values())),
        "error_samples": {k: v[:5] for k, v in errors.items() if v},
        "targets": targets,
    }
    out = ROOT / "bench" / "results" / f"load-{datetime.now(UTC):%Y%m%d}.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(markdown(record))
    print(f"\n{record['req_per_s']} req/s over {record['seconds']} s; RSS after {record['rss_after_mb']} MB; "
          f"{record['machine']}; errors: {record['error_samples'] or 'none'}")
    return 1 if record["total"]["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""SPARQL endpoint benchmark: fazhi's ``/sparql`` vs ``oxigraph serve`` (on disk) vs rdflib-endpoint.

Same data (the bundled reports; a generated corpus of 1,000 reports), same query mix (look-ups, 1- and
2-hop, a label scan, aggregates), concurrency 1 and 16, servers measured side by side in interleaved
rounds so the ratios share the machine's conditions. Also: a cheap query's latency while two heavy
queries run to their time limit, the time-limit overhead, and the in-process floor (pyoxigraph alone).

    .venv/bin/python bench/sparql_bench.py                      # bundled reports (+ rdflib-endpoint)
    .venv/bin/python bench/sparql_bench.py --dataset gen1000    # 1,000 generated reports (no rdflib)

Data and stores are cached under ``bench/data/sparql/``; the corpus comes from ``bench/generate.py``.
rdflib-endpoint is installed into its own venv there (bench-only, never into the project venv).
Results: ``bench/results/sparql-<dataset>-<time>.json`` and a Markdown table on stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data" / "sparql"
BIN = Path(sys.executable).parent
ACCEPT = "application/sparql-results+json"
PREFIXES = """PREFIX fz: <https://w3id.org/fazhi/ont#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#>
"""


# ----------------------------------------------------------------------------- data


def _run(cmd: list[str], **kw) -> None:
    print("$", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True, **kw)


def prepare(dataset: str) -> tuple[Path, Path, Path]:
    """(fazhi store dir, N-Quads dump, oxigraph dir) for ``dataset``, built once and cached."""
    DATA.mkdir(parents=True, exist_ok=True)
    store = DATA / f"{dataset}-store"
    if not (store / "CURRENT").exists():
        if dataset == "bundled":
            src = ROOT / "data" / "reports"
        else:
            src = ROOT / "bench" / "data" / "reports-1000"
            if not src.exists():
                _run([sys.executable, str(ROOT / "bench" / "generate.py"), "--n", "1000", "--seed", "1", "--out", str(src)])
        _run([str(BIN / "fazhi"), "ingest", "--store", str(store), "--quiet", "--no-validate", "--bulk", str(src)])
    optimized = store / "fazhi-bench-optimized"
    if not optimized.exists():  # compact, as `oxigraph load` advises for read-heavy use (4-5x faster scans)
        s = ox.Store(str(store))
        s.optimize()
        s.flush()
        del s
        optimized.touch()
    dump = DATA / f"{dataset}.nq"
    if not dump.exists():
        s = ox.Store.read_only(str(store))
        with open(dump, "wb") as f:
            s.dump(f, ox.RdfFormat.N_QUADS)
        del s
    oxdir = DATA / f"{dataset}-oxigraph"
    if not (oxdir / "CURRENT").exists():
        _run([str(BIN / "oxigraph"), "load", "--location", str(oxdir), "--file", str(dump)])
    return store, dump, oxdir


def rdflib_endpoint_bin() -> Path:
    """rdflib-endpoint in its own venv (bench-only)."""
    venv = DATA / "venv-rdflib-endpoint"
    exe = venv / "bin" / "rdflib-endpoint"
    if not exe.exists():
        _run([sys.executable, "-m", "venv", str(venv)])
        _run([str(venv / "bin" / "pip"), "install", "-q", "rdflib-endpoint[cli]==0.6.3"])
    return exe


def pick_parameters(store: Path) -> dict[str, str]:
    """Concrete IRIs and labels for the query mix, chosen from the data."""
    s = ox.Store.read_only(str(store))

    def one(q: str) -> ox.QuerySolution:
        return next(iter(s.query(PREFIXES + q, use_default_graph_as_union=True)))

    report = one("SELECT ?r WHERE { ?r a fz:AnnualReport } ORDER BY ?r LIMIT 1")["r"]
    agency = one("SELECT ?a (COUNT(?m) AS ?n) WHERE { ?m fz:mentions ?a ; fz:mentionType fz:Agency } "
                 "GROUP BY ?a ORDER BY DESC(?n) ?a LIMIT 1")["a"]
    label = one(f"SELECT ?l WHERE {{ <{agency.value}> skos:prefLabel ?l }} LIMIT 1")["l"]
    mechanism = one("SELECT ?m (COUNT(?ad) AS ?n) WHERE { ?ad fz:mechanism ?m } GROUP BY ?m ORDER BY DESC(?n) ?m LIMIT 1")["m"]
    return {"report": report.value, "agency": agency.value, "label": str(label), "mechanism": mechanism.value}


def query_mix(p: dict[str, str]) -> dict[str, str]:
    return {
        "lookup_report": f"SELECT ?p ?o WHERE {{ <{p['report']}> ?p ?o }}",
        "lookup_label": PREFIXES + f"SELECT ?s WHERE {{ ?s skos:prefLabel {p['label']} }}",
        "hop1_agency": f"SELECT ?s ?p ?o WHERE {{ {{ <{p['agency']}> ?p ?o }} UNION {{ ?s ?p <{p['agency']}> }} }}",
        "hop2_mechanism": PREFIXES + "SELECT DISTINCT ?adopter ?name WHERE { ?ad fz:mechanism "
                          f"<{p['mechanism']}> ; fz:adopter ?adopter . ?adopter skos:prefLabel ?name }}",
        "label_scan": PREFIXES + 'SELECT ?s ?l WHERE { ?s skos:prefLabel ?l FILTER(CONTAINS(STR(?l), "司法")) }',
        # (adding "; sdmx-measure:obsValue ?v" and SUM makes Oxigraph take 6-9 s at 1,000 reports)
        "agg_indicators": PREFIXES + "SELECT ?ind (COUNT(?o) AS ?n) WHERE { ?o fz:indicator ?ind } GROUP BY ?ind",
        "agg_mechanisms": PREFIXES + "SELECT ?m (COUNT(DISTINCT ?a) AS ?adopters) WHERE "
                          "{ ?ad fz:mechanism ?m ; fz:adopter ?a } GROUP BY ?m ORDER BY DESC(?adopters) LIMIT 20",
    }


HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(f"?s{i} ?p{i} ?o{i} ." for i in range(6)) + " }"


# ----------------------------------------------------------------------------- servers


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    name: str
    cmd: list[str]
    path: str  # query path
    port: int
    proc: subprocess.Popen | None = None
    env: dict = field(default_factory=dict)

    def start(self) -> None:
        log = open(DATA / f"{self.name}.log", "wb")
        self.proc = subprocess.Popen(self.cmd, stdout=log, stderr=subprocess.STDOUT,
                                     env={**os.environ, **self.env})
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    pass
                if asyncio.run(_one(self.port, self.url("ASK {}")))[0] == 200:
                    self.settle()
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"{self.name} did not start")

    def settle(self, quiet: float = 0.05, longest: float = 600.0) -> None:
        """Wait until the server is idle (start-up work such as fazhi's search-index warm-up, which scans the
        whole store in the background, would otherwise be measured as query cost)."""
        deadline = time.monotonic() + longest
        before = tree_cpu(self.proc.pid)
        while time.monotonic() < deadline:
            time.sleep(1.0)
            now = tree_cpu(self.proc.pid)
            if now - before < quiet:
                return
            before = now
        print(f"warning: {self.name} still busy after {longest:.0f} s", file=sys.stderr)

    def url(self, query: str, **params: str) -> str:
        return self.path + "?" + urllib.parse.urlencode({"query": query, **params})

    def stop(self) -> None:
        if self.proc:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def servers(dataset: str, store: Path, dump: Path, oxdir: Path, with_rdflib: bool) -> list[Server]:
    out = []
    p = free_port()
    out.append(Server("fazhi", [str(BIN / "fazhi"), "serve", "--store", str(store), "--port", str(p)], "/sparql", p))
    p = free_port()
    out.append(Server("oxigraph", [str(BIN / "oxigraph"), "serve", "--location", str(oxdir), "--bind",
                                   f"127.0.0.1:{p}", "--union-default-graph"], "/query", p))
    if with_rdflib:
        p = free_port()
        out.append(Server("rdflib-endpoint", [str(rdflib_endpoint_bin()), "serve", "--host", "127.0.0.1", "--port",
                                              str(p), str(dump)], "/", p))
    return out


# ----------------------------------------------------------------------------- a small keep-alive HTTP client


class Conn:
    """One HTTP/1.1 keep-alive connection (Content-Length and chunked bodies)."""

    def __init__(self, port: int):
        self.port = port
        self.reader = self.writer = None

    async def open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)

    async def get(self, target: str) -> tuple[int, int]:
        status, body = await self.fetch(target)
        if status >= 500:
            print(f"HTTP {status}: {body[:300]!r}", file=sys.stderr)
        return status, len(body)

    async def fetch(self, target: str) -> tuple[int, bytes]:
        if self.writer is None:
            await self.open()
        self.writer.write(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: {ACCEPT}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
        body = b""
        if "content-length" in headers:
            body = await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            parts = []
            while True:
                n = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                if n == 0:
                    await self.reader.readuntil(b"\r\n")
                    break
                parts.append((await self.reader.readexactly(n + 2))[:-2])
            body = b"".join(parts)
        if headers.get("connection", "").lower() == "close":
            self.writer.close()
            self.writer = None
        return status, body

    def close(self) -> None:
        if self.writer:
            self.writer.close()


async def _one(port: int, target: str) -> tuple[int, int]:
    c = Conn(port)
    try:
        return await c.get(target)
    finally:
        c.close()


async def sequential(server: Server, target: str, n: int, every: float = 0.0, warmup: int = 2) -> list[float]:
    """``n`` timed sequential requests on one connection after ``warmup`` untimed ones; with ``every`` > 0 one
    is started every ``every`` seconds (so they sample a stretch of time, not one burst that a neighbour's job
    can swamp)."""
    c = Conn(server.port)
    await c.open()
    times = []
    try:
        for _ in range(warmup):
            await c.get(target)
        for _ in range(n):
            t = time.perf_counter()
            status, _ = await c.get(target)
            times.append(time.perf_counter() - t)
            if status != 200:
                raise RuntimeError(f"{server.name}: HTTP {status} for {target[:100]}")
            if every:
                await asyncio.sleep(max(0.0, every - (time.perf_counter() - t)))
    finally:
        c.close()
    return times


async def closed_loop(server: Server, targets: list[str], clients: int, seconds: float) -> tuple[int, list[float]]:
    stop_at = time.perf_counter() + seconds
    latencies: list[float] = []

    async def client(k: int) -> None:
        c = Conn(server.port)
        await c.open()
        i = k
        try:
            while time.perf_counter() < stop_at:
                t = time.perf_counter()
                status, _ = await c.get(targets[i % len(targets)])
                latencies.append(time.perf_counter() - t)
                if status != 200:
                    raise RuntimeError(f"{server.name}: HTTP {status}")
                i += 1
        finally:
            c.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(client(k) for k in range(clients)))
    return len(latencies), latencies + [time.perf_counter() - t0]


# ----------------------------------------------------------------------------- measurements


def ms(x: float) -> float:
    return round(x * 1000, 3)


def check_same_answers(srvs: list[Server], mix: dict[str, str]) -> dict[str, dict[str, int]]:
    rows: dict[str, dict[str, int]] = {}
    for name, q in mix.items():
        rows[name] = {}
        for s in srvs:
            c = Conn(s.port)

            async def fetch(c=c, s=s, q=q):
                await c.open()
                c.writer.write(f"GET {s.url(q)} HTTP/1.1\r\nHost: x\r\nAccept: {ACCEPT}\r\nConnection: close\r\n\r\n"
                               .encode())
                data = await c.reader.read(-1)
                c.close()
                return data

            raw = asyncio.run(fetch())
            head, _, body = raw.partition(b"\r\n\r\n")
            if b"chunked" in head.lower():
                parts, rest = [], body
                while rest:
                    size_line, _, rest = rest.partition(b"\r\n")
                    n = int(size_line.split(b";")[0] or b"0", 16)
                    if n == 0:
                        break
                    parts.append(rest[:n])
                    rest = rest[n + 2:]
                body = b"".join(parts)
            try:
                rows[name][s.name] = len(json.loads(body)["results"]["bindings"])
            except ValueError as e:
                raise RuntimeError(f"{s.name} {name}: {head[:60]!r} {body[:300]!r}") from e
    return rows


def tree_cpu(pid: int) -> float:
    """CPU seconds (user + system, reaped children included) of process ``pid`` and all its descendants."""
    tick = os.sysconf("SC_CLK_TCK")
    stats: dict[int, tuple[int, float]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        stats[int(entry)] = (int(fields[1]), sum(int(x) for x in fields[11:15]) / tick)
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        total += stats.get(p, (0, 0.0))[1]
        todo += [c for c, (parent, _) in stats.items() if parent == p]
    return total


def bench(srvs: list[Server], mix: dict[str, str], rounds: int, n_seq: int, seconds: float) -> dict:
    """Per round: each query's sequential requests on every server in turn, then the concurrency-16 mix on
    every server in turn (server order alternating), so both share the machine's changing load."""
    seq: dict[str, dict[str, list[float]]] = {s.name: {q: [] for q in mix} for s in srvs}
    conc: dict[str, dict[str, list]] = {s.name: {"requests": [], "seconds": [], "latencies": [], "cpu": []}
                                        for s in srvs}
    for r in range(rounds):
        for i, (qname, q) in enumerate(mix.items()):
            for s in (srvs if (r + i) % 2 == 0 else list(reversed(srvs))):
                seq[s.name][qname] += asyncio.run(sequential(s, s.url(q), n_seq))
        for s in (srvs if r % 2 == 0 else list(reversed(srvs))):
            cpu = tree_cpu(s.proc.pid)
            count, lat = asyncio.run(closed_loop(s, [s.url(q) for q in mix.values()], 16, seconds))
            conc[s.name]["cpu"].append(tree_cpu(s.proc.pid) - cpu)
            conc[s.name]["requests"].append(count)
            conc[s.name]["seconds"].append(lat.pop())
            conc[s.name]["latencies"] += lat
            print(f"round {r + 1}/{rounds} {s.name}: c16 {count / conc[s.name]['seconds'][-1]:.0f} req/s, "
                  f"{os.getloadavg()[0]:.1f} load", file=sys.stderr)
    out = {}
    for s in srvs:
        per_query = {q: ms(statistics.median(v)) for q, v in seq[s.name].items()}
        all_seq = [x for v in seq[s.name].values() for x in v]
        c = conc[s.name]
        out[s.name] = {
            "c1_median_ms": per_query,
            "c1_mix_median_ms": ms(statistics.median(all_seq)),
            "c1_mix_mean_ms": ms(statistics.fmean(all_seq)),
            "c16_req_per_s": round(sum(c["requests"]) / sum(c["seconds"]), 1),
            "c16_req_per_s_by_round": [round(n / t, 1) for n, t in zip(c["requests"], c["seconds"], strict=True)],
            "c16_median_ms": ms(statistics.median(c["latencies"])),
            "c16_cpu_ms_per_request": ms(sum(c["cpu"]) / max(1, sum(c["requests"]))),
        }
    return out


def heavy_load(fazhi: Server, cheap: str, n: int = 60, limit: float = 5.0) -> dict:
    """Cheap query median idle vs. while two heavy queries run to their time limit, each sampled over ~3.6 s."""
    every = (limit - 1.4) / n
    idle = statistics.median(asyncio.run(sequential(fazhi, fazhi.url(cheap), n, every=every, warmup=1)))

    async def busy() -> tuple[list[float], list[tuple[int, float]]]:
        async def heavy() -> tuple[int, float]:
            t = time.perf_counter()
            status, _ = await _one(fazhi.port, fazhi.url(HEAVY, timeout=f"{limit:g}"))
            return status, time.perf_counter() - t

        tasks = [asyncio.create_task(heavy()) for _ in range(2)]
        await asyncio.sleep(0.5)
        lat = await sequential(fazhi, fazhi.url(cheap), n, every=every, warmup=1)
        return lat, await asyncio.gather(*tasks)

    lat, heavy_results = asyncio.run(busy())
    loaded = statistics.median(lat)
    time.sleep(1.0)  # let the pool replace the killed workers
    return {"idle_median_ms": ms(idle), "with_2_heavy_median_ms": ms(loaded), "ratio": round(loaded / idle, 2),
            "heavy_status": [h[0] for h in heavy_results], "heavy_seconds": [round(h[1], 2) for h in heavy_results]}


def timeout_overhead(fazhi: Server, limit: float = 0.5, n: int = 5) -> dict:
    """How long past its limit a stopped query answers, and when the next query is served again."""
    over, next_ok = [], []
    for _ in range(n):
        t = time.perf_counter()
        status, _ = asyncio.run(_one(fazhi.port, fazhi.url(HEAVY, timeout=str(limit))))
        over.append(time.perf_counter() - t - limit)
        assert status == 503, status
        t = time.perf_counter()
        asyncio.run(_one(fazhi.port, fazhi.url("ASK {}")))
        next_ok.append(time.perf_counter() - t)
        time.sleep(0.5)
    return {"answer_after_limit_ms": ms(statistics.median(over)), "next_query_ms": ms(statistics.median(next_ok))}


def in_process(store: Path, mix: dict[str, str], n: int) -> dict[str, float]:
    """The floor: pyoxigraph on the same on-disk store, query + JSON serialisation, no HTTP."""
    s = ox.Store.read_only(str(store))
    out = {}
    for name, q in mix.items():
        times = []
        for i in range(n + 2):
            t = time.perf_counter()
            s.query(q, use_default_graph_as_union=True).serialize(format=ox.QueryResultsFormat.JSON)
            if i >= 2:
                times.append(time.perf_counter() - t)
        out[name] = ms(statistics.median(times))
    return out


def markdown(res: dict) -> str:
    names = list(res["servers"])
    fz, oxs = res["servers"]["fazhi"], res["servers"]["oxigraph"]
    lines = [f"### {res['dataset']} ({res['quads']:,} quads) — {res['date']}", "",
             "| query | rows | in-process ms | " + " | ".join(f"{n} c=1 ms" for n in names) + " | fazhi/oxigraph |",
             "|---|---|---|" + "---|" * len(names) + "---|"]
    for q in res["mix"]:
        cells = [str(res["rows"][q]["fazhi"]), f"{res['in_process_ms'][q]:.3f}"]
        cells += [f"{res['servers'][n]['c1_median_ms'][q]:.2f}" for n in names]
        cells.append(f"{fz['c1_median_ms'][q] / oxs['c1_median_ms'][q]:.2f}x")
        lines.append(f"| {q} | " + " | ".join(cells) + " |")
    lines.append("| **mix median (c=1)** | | | " + " | ".join(f"{res['servers'][n]['c1_mix_median_ms']:.2f}" for n in names)
                 + f" | **{fz['c1_mix_median_ms'] / oxs['c1_mix_median_ms']:.2f}x** |")
    lines.append("| **throughput c=16 (req/s)** | | | " + " | ".join(f"{res['servers'][n]['c16_req_per_s']:.0f}" for n in names)
                 + f" | **{fz['c16_req_per_s'] / oxs['c16_req_per_s']:.2f}x** |")
    lines.append("| CPU ms per request c=16 (server + workers) | | | "
                 + " | ".join(f"{res['servers'][n]['c16_cpu_ms_per_request']:.2f}" for n in names)
                 + f" | {fz['c16_cpu_ms_per_request'] / oxs['c16_cpu_ms_per_request']:.2f}x |")
    lines.append("| median latency c=16 (ms) | | | " + " | ".join(f"{res['servers'][n]['c16_median_ms']:.2f}" for n in names)
                 + f" | {fz['c16_median_ms'] / oxs['c16_median_ms']:.2f}x |")
    h = res["heavy_load"]
    lines += ["", f"Cheap look-up with two heavy queries at their 5 s limit: idle {h['idle_median_ms']:.2f} ms, "
              f"loaded {h['with_2_heavy_median_ms']:.2f} ms (**{h['ratio']:.2f}x**, goal ≤ 5x); heavy queries answered "
              f"{h['heavy_status']} after {h['heavy_seconds']} s.",
              f"Time limit: a stopped query answers {res['timeout']['answer_after_limit_ms']:.1f} ms after its limit; "
              f"the next query takes {res['timeout']['next_query_ms']:.1f} ms."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dataset", choices=["bundled", "gen1000"], default="bundled")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--n", type=int, default=30, help="sequential requests per query, server and round")
    ap.add_argument("--seconds", type=float, default=3.0, help="length of each concurrency-16 run")
    ap.add_argument("--no-rdflib", action="store_true", help="skip rdflib-endpoint")
    args = ap.parse_args(argv)

    store, dump, oxdir = prepare(args.dataset)
    mix = query_mix(pick_parameters(store))
    with_rdflib = args.dataset == "bundled" and not args.no_rdflib
    srvs = servers(args.dataset, store, dump, oxdir, with_rdflib)
    try:
        for s in srvs:
            s.start()
        rows = check_same_answers(srvs, mix)
        for q, r in rows.items():
            if len(set(r.values())) != 1:
                print(f"warning: {q} row counts differ: {r}", file=sys.stderr)
        quads = sum(1 for _ in open(dump, "rb"))
        res = {
            "dataset": args.dataset, "quads": quads, "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
                       f"pyoxigraph {ox.__version__}",
            "command": "python bench/sparql_bench.py " + " ".join(argv if argv is not None else sys.argv[1:]),
            "load_average_start": [round(x, 2) for x in os.getloadavg()],
            "mix": mix, "rows": rows,
            "in_process_ms": in_process(store, mix, args.n),
            "servers": bench(srvs, mix, args.rounds, args.n, args.seconds),
        }
        fazhi = srvs[0]
        res["heavy_load"] = heavy_load(fazhi, mix["lookup_report"])
        res["timeout"] = timeout_overhead(fazhi)
        res["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    finally:
        for s in srvs:
            s.stop()
    out = ROOT / "bench" / "results" / f"sparql-{args.dataset}-{time.strftime('%Y%m%dT%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, ensure_ascii=False, indent=1))
    print(markdown(res))
    print(f"\n(raw: {out.relative_to(ROOT)}; machine: {res['machine']}; load average (1, 5, 15 min) "
          f"{res['load_average_start']} at the start, {res['load_average_end']} at the end)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

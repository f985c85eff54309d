"""Benchmark of the exploring API: neighbourhoods (SPARQL vs networkx), paths and the search index.

    python bench/generate.py --n 1000 --seed 1 --out bench/data/reports-1000
    fazhi ingest bench/data/reports-1000 --store bench/data/store-explore-1000 --no-validate
    python bench/bench_explore.py --store bench/data/store-explore-1000 [--out bench/results/explore-1000.md]

Prints a Markdown table: for each engine and hop count, the median and 95th-percentile time of a
``/neighborhood`` walk over sampled roots (agencies, mechanisms, documents, reports), the networkx
graph's build time and memory, ``/path`` times, and the label index's build time and look-up times.
Both engines must give the same answer on every root (checked here too).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fazhi.store import LocalStore  # noqa: E402
from service.graph_walk import NetworkxWalker, SparqlWalker, neighborhood, shortest_paths  # noqa: E402
from service.search import LabelIndex  # noqa: E402

QUERIES = ["司法局", "双随机", "人民政府", "一次办好", "justice", "法治政府建设实施纲要", "区"]


def sample_roots(store, per_kind: int) -> list[str]:
    """A few IRIs of each kind: agencies, mechanisms, documents, reports."""
    roots = []
    for pattern in ("/id/org/", "/scheme/mechanism/", "/id/legal/", "/id/report/"):
        q = f"""SELECT DISTINCT ?s WHERE {{ ?s ?p ?o FILTER(isIRI(?s) && CONTAINS(STR(?s), "{pattern}")
              && !CONTAINS(STR(?s), "#")) }} ORDER BY ?s LIMIT {per_kind * 20}"""
        found = [r["s"].value for r in store.query(q)]
        roots += found[:: max(1, len(found) // per_kind)][:per_kind]
    return roots


def timed(fn, *args, **kw):
    t0 = time.perf_counter()
    out = fn(*args, **kw)
    return out, (time.perf_counter() - t0) * 1000


def summary(ms: list[float]) -> str:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    return f"{statistics.median(ms):.1f} | {p95:.1f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", required=True)
    ap.add_argument("--per-kind", type=int, default=5)
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--out")
    args = ap.parse_args()
    store = LocalStore(args.store, read_only=True)
    lines = [f"store `{args.store}`: {store.count():,} quads, {len(store.graph_names()):,} graphs", ""]
    roots = sample_roots(store, args.per_kind)

    tracemalloc.start()
    nx_walker, build_ms = timed(NetworkxWalker, store)
    mem = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    sparql = SparqlWalker(store)
    lines += [f"networkx graph: built in {build_ms / 1000:.1f} s, {nx_walker.graph.number_of_nodes():,} nodes, "
              f"{nx_walker.graph.number_of_edges():,} edges, peak {mem:.0f} MiB", "",
              f"| walk ({len(roots)} roots, limit {args.limit}) | engine | median ms | p95 ms |", "|---|---|---|---|"]
    for hops in (1, 2, 3):
        times: dict[str, list[float]] = {"sparql": [], "networkx": []}
        for root in roots:
            a, ms_a = timed(neighborhood, sparql, root, hops, "both", (), (), args.limit)
            b, ms_b = timed(neighborhood, nx_walker, root, hops, "both", (), (), args.limit)
            assert (a.distance, a.edges, a.truncated) == (b.distance, b.edges, b.truncated), root
            times["sparql"].append(ms_a)
            times["networkx"].append(ms_b)
        for engine, ms in times.items():
            lines.append(f"| {hops} hop(s), both directions | {engine} | {summary(ms)} |")

    govs = [r for r in roots if r.endswith("/gov")][:4]
    pairs = [(govs[i], govs[j]) for i in range(len(govs)) for j in range(i + 1, len(govs))]
    if pairs:
        lines += ["", f"| /path ({len(pairs)} pairs of governments) | engine | median ms | p95 ms |", "|---|---|---|---|"]
        for name, walker in (("sparql", sparql), ("networkx", nx_walker)):
            ms = [timed(shortest_paths, walker, a, b, 6, 10)[1] for a, b in pairs]
            lines.append(f"| shortest connections | {name} | {summary(ms)} |")

    index, idx_ms = timed(LabelIndex, store)
    lines += ["", f"label index: built in {idx_ms / 1000:.2f} s, {len(index):,} entities, {len(index.labels):,} labels,"
              f" {len(index.blob):,} characters", "", "| search | hits | median ms (20 runs) |", "|---|---|---|"]
    for q in QUERIES:
        runs = [timed(index.search, q)[1] for _ in range(20)]
        total, _ = index.search(q)
        lines.append(f"| {q} | {total} | {statistics.median(runs):.2f} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

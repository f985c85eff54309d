"""Benchmark of ``/search``'s label index at the scale of 10,000 reports, without ingesting them.

A synthetic entities graph is built in an in-memory Oxigraph store: for every real GB/T 2260 division
(about 3,000) its government and a dozen departments with full and short names, plus national
documents and mechanisms, and mention spans (Zipf-distributed) — about as many labelled entities as
10,000 reports mention. Then the index build and look-ups are timed.

    python bench/bench_search.py [--departments 14] [--mentions 1500000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from divisions import load_divisions  # noqa: E402

from service.search import LabelIndex  # noqa: E402

BASE = "https://w3id.org/fazhi/"
PREF = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
ALT = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
MENTIONS = ox.NamedNode(BASE + "ont#mentions")
DEPARTMENTS = ["司法局", "公安局", "财政局", "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局",
               "交通运输局", "农业农村局", "市场监督管理局", "应急管理局", "行政审批服务局", "教育局", "卫生健康委员会",
               "文化和旅游局", "统计局", "信访局", "医疗保障局"]
QUERIES = ["司法局", "双随机", "人民政府", "一次办好", "台儿庄区司法局", "justice", "区", "行政复议法"]


def build_store(n_departments: int, n_mentions: int, seed: int = 1) -> tuple[ox.Store, int]:
    rng = random.Random(seed)
    store = ox.Store()
    graph = ox.NamedNode(BASE + "graph/entities")
    quads: list[ox.Quad] = []
    entities: list[ox.NamedNode] = []

    def add(iri: str, cls: str, zh: str, alts: list[str], en: str | None = None) -> None:
        s = ox.NamedNode(iri)
        entities.append(s)
        quads.append(ox.Quad(s, TYPE, ox.NamedNode(BASE + "ont#" + cls), graph))
        quads.append(ox.Quad(s, PREF, ox.Literal(zh, language="zh"), graph))
        if en:
            quads.append(ox.Quad(s, PREF, ox.Literal(en, language="en"), graph))
        quads.extend(ox.Quad(s, ALT, ox.Literal(a, language="zh"), graph) for a in alts)

    for d in load_divisions():
        generic = d.generic
        add(f"{BASE}id/org/{d.code}/gov", "PeoplesGovernment", f"{d.name}人民政府", [f"{generic}政府"],
            f"{d.name} People's Government")
        for dep in DEPARTMENTS[:n_departments]:
            add(f"{BASE}id/org/{d.code}/gov/{dep}", "GovernmentDepartment", f"{d.name}{dep}", [f"{generic}{dep}"],
                "Justice Bureau" if dep == "司法局" else None)
    for i in range(2000):
        add(f"{BASE}scheme/mechanism/m{i}", "Mechanism", f"机制{i}号“双随机、一公开”" if i == 0 else f"改革机制{i}", [])
    for i in range(20000):
        add(f"{BASE}id/legal/doc{i}", "LegalDocument", f"某某规定{i}" if i else "中华人民共和国行政复议法", [])
    weights = [1 / (r + 1) ** 1.1 for r in range(len(entities))]
    for m, target in enumerate(rng.choices(entities, weights=weights, k=n_mentions)):
        quads.append(ox.Quad(ox.NamedNode(f"{BASE}id/span/r/{m}"), MENTIONS, target,
                             ox.NamedNode(f"{BASE}graph/report/r{m % 10000}")))
    store.extend(quads)
    return store, len(entities)


class _Wrapped:
    """The ``Store.query`` interface over a plain pyoxigraph store (union default graph)."""

    def __init__(self, store: ox.Store):
        self.store = store

    def query(self, q: str, **kw):
        return self.store.query(q, use_default_graph_as_union=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--departments", type=int, default=14)
    ap.add_argument("--mentions", type=int, default=1_500_000, help="mention spans (≈150 per report × 10,000)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    store, n = build_store(args.departments, args.mentions)
    print(f"synthetic store: {n:,} labelled entities, {args.mentions:,} mentions, built in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    index = LabelIndex(_Wrapped(store))
    print(f"label index: {time.perf_counter() - t0:.1f} s, {len(index):,} entities, {len(index.labels):,} labels, "
          f"{len(index.blob):,} characters\n")
    print("| query | hits | median ms (20 runs) | first result |\n|---|---|---|---|")
    for q in QUERIES:
        runs = []
        for _ in range(20):
            t = time.perf_counter()
            total, hits = index.search(q)
            runs.append((time.perf_counter() - t) * 1000)
        first = hits[0][0].labels.get("zh", hits[0][0].iri) if hits else ""
        print(f"| {q} | {total:,} | {statistics.median(runs):.1f} | {first} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

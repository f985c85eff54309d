"""Latency of 2-hop ``/neighborhood`` and entity pages on hub nodes (popular agencies, mechanisms).

    python bench/bench_hubs.py --store bench/data/sparql/gen1000-store [--roots 6] [--repeat 3]

Roots are the most-linked agencies and mechanisms among a sample of spans; prints median/max ms per call
through ``fastapi.testclient`` (HTTP stack included, server in-process).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def hub_roots(store, n: int) -> list[str]:
    """The most-mentioned agencies and mechanisms among the first 20,000 mention triples."""
    q = """SELECT ?o WHERE { ?s ?p ?o FILTER(isIRI(?o) && (CONTAINS(STR(?o), "/id/org/")
           || CONTAINS(STR(?o), "/scheme/mechanism/")) && ?p != <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>) }
           LIMIT 20000"""
    counts = Counter(r["o"].value for r in store.query(q))
    orgs = [i for i, _ in counts.most_common() if "/id/org/" in i][: n // 2]
    mechs = [i for i, _ in counts.most_common() if "/scheme/mechanism/" in i][: n - n // 2]
    return orgs + mechs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", required=True)
    ap.add_argument("--roots", type=int, default=6)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from fastapi.testclient import TestClient

    from fazhi.store import LocalStore
    from service.app import create_app
    from service.ld_common import iri_to_path
    from service.settings import Settings

    roots = hub_roots(LocalStore(args.store, read_only=True), args.roots)
    client = TestClient(create_app(Settings(store=args.store)))
    for name, url in (("neighborhood 2-hop", lambda r: f"/neighborhood?hops=2&iri={r}"),
                      ("entity page", lambda r: iri_to_path(r) + "?format=html")):
        times = []
        for root in roots:
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                resp = client.get(url(root))
                times.append((time.perf_counter() - t0) * 1000)
                assert resp.status_code == 200, (url(root), resp.status_code)
        print(f"{name}: {len(roots)} roots x {args.repeat}: median {statistics.median(times):.1f} ms, "
              f"max {max(times):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A consistent copy of a store that an ingest is still writing, compacted and counted, for query benchmarks.

RocksDB checkpoint (``Store.backup``: hard links to the immutable table files, so instant and no extra disk
until compaction) through a read-only handle, taken between two bulk-loaded batches (when the ingest is
not writing); then the copy is opened for writing, compacted (``optimize``, as ``fazhi ingest --bulk`` does at
its end) and its quads and graphs counted.

    python bench/checkpoint_store.py bench/data/stores/ingest-10000-j2-bulk bench/data/stores/checkpoint-3000

Prints one JSON object (seconds of each step, quads, report graphs, bytes on disk).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="checkpoint, compact and count a store")
    ap.add_argument("source", type=Path)
    ap.add_argument("target", type=Path)
    ap.add_argument("--no-optimize", action="store_true")
    args = ap.parse_args(argv)
    out: dict = {"date": datetime.now(UTC).isoformat(timespec="seconds"), "source": str(args.source)}
    t = time.perf_counter()
    ox.Store.read_only(str(args.source)).backup(str(args.target))
    out["backup_s"] = round(time.perf_counter() - t, 1)
    out["bytes_before_optimize"] = dir_size(args.target)
    store = ox.Store(str(args.target))
    if not args.no_optimize:
        t = time.perf_counter()
        store.optimize()
        out["optimize_s"] = round(time.perf_counter() - t, 1)
    t = time.perf_counter()
    out["quads"] = len(store)
    graphs = [g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)]
    out["graphs"] = len(graphs)
    out["report_graphs"] = sum("/graph/report/" in g and not g.endswith("/validation") for g in graphs)
    out["count_s"] = round(time.perf_counter() - t, 1)
    store.flush()
    del store
    out["bytes"] = dir_size(args.target)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Summary of an ingest run's curve (``bench/results/ingest-<n>-<config>-<time>.curve.jsonl``).

Reports done, wall and CPU seconds, CPU per report, the rate between batch loads and the length of the
stalls while a batch is bulk-loaded (progress flat), peak RSS per block of reports (does memory grow with
the number of reports?) and the load average seen. Works on a run still going or stopped early.

    python bench/curve_summary.py bench/results/ingest-10000-j2-bulk-20261127T215115.curve.jsonl [--block 1000]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def stalls(points: list[dict], min_s: float = 30.0) -> list[tuple[int, float, float]]:
    """(reports done, start s, seconds) of each stretch of at least ``min_s`` with no progress."""
    out, start = [], None
    for prev, cur in zip(points, points[1:], strict=False):
        if cur["done"] == prev["done"] and cur["done"] > 0:
            start = prev if start is None else start
        elif start is not None:
            if prev["t_s"] - start["t_s"] >= min_s:
                out.append((start["done"], start["t_s"], prev["t_s"] - start["t_s"]))
            start = None
    if start is not None and points[-1]["t_s"] - start["t_s"] >= min_s:
        out.append((start["done"], start["t_s"], points[-1]["t_s"] - start["t_s"]))
    return out


def summary(points: list[dict], block: int) -> dict:
    last = points[-1]
    done, wall, cpu = last["done"], last["t_s"], last["cpu_s"]
    stall_list = stalls(points)
    stalled = sum(s for _, _, s in stall_list)
    rss_by_block: dict[int, int] = {}
    for p in points:
        if p["done"]:
            key = min((p["done"] - 1) // block, (max(done, 1) - 1) // block)
            rss_by_block[key] = max(rss_by_block.get(key, 0), p["rss_mb"])
    loads = [p["load1"] for p in points]
    return {
        "reports_done": done,
        "wall_s": round(wall),
        "cpu_s": round(cpu),
        "cpu_s_per_report": round(cpu / done, 3) if done else None,
        "reports_per_s": round(done / wall, 3) if wall else None,
        "reports_per_s_between_loads": round(done / (wall - stalled), 3) if wall > stalled else None,
        "stalls": [{"after": d, "at_s": round(t), "seconds": round(s)} for d, t, s in stall_list],
        "peak_rss_mb_by_block": {f"{k * block + 1}-{(k + 1) * block}": v for k, v in sorted(rss_by_block.items())},
        "peak_rss_mb": max(p["rss_mb"] for p in points),
        "median_rss_mb": round(statistics.median(p["rss_mb"] for p in points if p["done"])) if done else None,
        "load1_min_median_max": [min(loads), round(statistics.median(loads), 1), max(loads)],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="summary of an ingest curve")
    ap.add_argument("curve", type=Path)
    ap.add_argument("--block", type=int, default=1000, help="reports per block for the RSS peaks")
    args = ap.parse_args(argv)
    print(json.dumps(summary(load(args.curve), args.block), indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

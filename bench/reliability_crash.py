"""The long crash run: SIGKILL ``fazhi ingest`` hundreds of times and check the store after each kill.

Usage: ``.venv/bin/python bench/reliability_crash.py [--kills 100] [--chain 20] [--modes normal jobs2 bulk]``.
Per mode, chains of ``--chain`` kills on a fresh store, each chain ended by an uninterrupted run whose
store must equal a clean single run (``tests/crash_harness.py`` says what is checked). Prints a
Markdown table for ``bench/README.md`` and writes ``bench/results/reliability_crash.json``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from crash_harness import REPORTS, expected_graphs, kill_chain, time_clean_run  # noqa: E402


def batch_folder(tmp: Path, generated: int) -> Path:
    """The bundled reports, plus ``generated`` reports from ``bench/generate.py`` in a folder beside them."""
    if not generated:
        return REPORTS
    folder = tmp / "batch"
    shutil.copytree(REPORTS, folder / "bundled")
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--n", str(generated), "--seed", "8",
                    "--out", str(folder / "generated")], check=True, capture_output=True)
    return folder


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=100, help="kills per mode")
    ap.add_argument("--chain", type=int, default=20, help="kills on one store before the completing run")
    ap.add_argument("--modes", nargs="+", default=["normal", "jobs2", "bulk"])
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--generated", type=int, default=0,
                    help="add this many reports from bench/generate.py to the batch (a longer bulk load to hit)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "reliability_crash.json")
    args = ap.parse_args()

    rows = []
    with tempfile.TemporaryDirectory(prefix="fazhi-crash-") as tmp:
        folder = batch_folder(Path(tmp), args.generated)
        expected = expected_graphs(folder)
        scale = {mode: time_clean_run(Path(tmp) / f"clean-{mode}", mode, folder) for mode in args.modes}
        for mode in args.modes:
            t0 = time.monotonic()
            kills = early = repaired = chains = restarts = 0
            present: Counter[int] = Counter()
            while kills < args.kills:
                n = min(args.chain, args.kills - kills)
                stats = kill_chain(Path(tmp) / f"{mode}-{chains}", mode, expected, seed=args.seed + 1000 * chains,
                                   kills=n, scale=scale[mode], folder=folder)
                chains += 1
                kills += stats.kills
                early += stats.finished_early
                repaired += stats.repaired_batches
                restarts += stats.restarts
                present.update(stats.reports_after_kill)
                print(f"{mode}: chain {chains}: {stats.kills} kills, reports after each: {stats.reports_after_kill}",
                      file=sys.stderr, flush=True)
            rows.append({
                "mode": mode, "reports": len(expected.report), "kills": kills, "chains": chains, "runs_finished_before_kill": early,
                "bulk_batches_undone": repaired, "restarts_from_empty": restarts, "clean_run_s": round(scale[mode], 2),
                "reports_present_after_kill": dict(sorted(present.items())),
                "minutes": round((time.monotonic() - t0) / 60, 1),
            })
    out = args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    print("| mode | reports | kills | chains (each ended by a complete run) | runs done before their kill | bulk batches "
          "undone by the journal | checks finding 0 / some / all reports | clean run s | minutes |")
    print("|---|---:|---:|---:|---:|---:|---|---:|---:|")
    for r in rows:
        p = r["reports_present_after_kill"]
        n = r["reports"]
        none, some, full = p.get(0, 0), sum(v for k, v in p.items() if 0 < k < n), p.get(n, 0)
        print(f"| {r['mode']} | {r['reports']} | {r['kills']} | {r['chains']} | {r['runs_finished_before_kill']} | "
              f"{r['bulk_batches_undone']} | {none} / {some} / {full} | {r['clean_run_s']} | {r['minutes']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

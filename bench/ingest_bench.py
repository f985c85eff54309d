"""Ingest throughput and memory: reports/s, triples/s, CPU and peak RSS per scale and configuration.

Each run is a fresh ``fazhi ingest`` process on a fresh store, over a generated corpus
(``bench/generate.py``, created when missing). The RSS of the whole process tree (the ingest
process and its workers) is sampled every 0.2 s; the peak of each quarter of the run shows whether
memory grows with the number of reports.

    python bench/ingest_bench.py --scales 100 1000 --configs j1 j2 j2-bulk j2-bulk-noval
    python bench/ingest_bench.py --scales 10000 --configs j2-bulk      # long: run in the background

Results: one JSON object per run appended to ``bench/results/ingest-<date>.jsonl``, and a
Markdown table on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("BENCH_DATA", ROOT / "bench" / "data"))
RESULTS = ROOT / "bench" / "results"
FAZHI = ROOT / ".venv" / "bin" / "fazhi"

#: configuration name → extra ``fazhi ingest`` arguments
CONFIGS: dict[str, list[str]] = {
    "j1": ["--jobs", "1"],
    "j2": ["--jobs", "2"],
    "j1-bulk": ["--jobs", "1", "--bulk"],
    "j2-bulk": ["--jobs", "2", "--bulk"],
    "j1-noval": ["--jobs", "1", "--no-validate"],
    "j2-noval": ["--jobs", "2", "--no-validate"],
    "j2-bulk-noval": ["--jobs", "2", "--bulk", "--no-validate"],
}
SUMMARY_RE = re.compile(r"ingested (\d+)/(\d+) report\(s\), (\d+) triples, (\d+) warning\(s\), (\d+) failure")


def corpus(n: int, seed: int) -> Path:
    """The folder of ``n`` generated reports (generated on first use)."""
    folder = DATA / f"reports-{n}" if seed == 1 else DATA / f"reports-{n}-seed{seed}"
    if len(list(folder.glob("*.txt"))) != n:
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "generate.py"), "--n", str(n), "--seed", str(seed), "--out", str(folder)],
            check=True,
        )
    return folder


def tree_stats(pid: int) -> dict[int, tuple[int, float]]:
    """(RSS bytes, CPU seconds) of ``pid`` and each of its descendants (pool workers included)."""
    children: dict[int, list[int]] = {}
    stats: dict[int, tuple[int, float]] = {}
    page, tick = os.sysconf("SC_PAGE_SIZE"), os.sysconf("SC_CLK_TCK")
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        p = int(entry.name)
        children.setdefault(int(fields[1]), []).append(p)
        stats[p] = (int(fields[21]) * page, (int(fields[11]) + int(fields[12])) / tick)
    out, stack = {}, [pid]
    while stack:
        p = stack.pop()
        if p in stats:
            out[p] = stats[p]
        stack.extend(children.get(p, []))
    return out


def tree_rss(pid: int) -> int:
    """Resident set size (bytes) of ``pid`` and all its descendants."""
    return sum(rss for rss, _ in tree_stats(pid).values())


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


PROGRESS_RE = re.compile(rb"(\d+)/(\d+) \[")


def reports_done(log: Path) -> int:
    """Reports finished so far, from the last tqdm progress update in the ingest's stderr log."""
    try:
        with log.open("rb") as fh:
            fh.seek(max(0, log.stat().st_size - 4096))
            found = PROGRESS_RE.findall(fh.read())
    except OSError:
        return 0
    return int(found[-1][0]) if found else 0


def run_one(n: int, config: str, folder: Path, src: Path | None = None, curve_every: float = 5.0) -> dict:
    """One ``fazhi ingest`` run; ``src``: a source tree to run instead of the installed one (a snapshot).

    The ingest's stderr (its progress bar) goes to ``bench/results/ingest-<n>-<config>-<time>.log``; every
    ``curve_every`` seconds one line (time, RSS of the tree, CPU so far, reports done, load average) is
    appended to the ``….curve.jsonl`` beside it, so a run stopped early still shows how far it got and
    whether memory grows with the number of reports.
    """
    store = DATA / "stores" / f"ingest-{n}-{config}"
    shutil.rmtree(store, ignore_errors=True)
    stamp = f"{datetime.now(UTC):%Y%m%dT%H%M%S}"
    log = RESULTS / f"ingest-{n}-{config}-{stamp}.log"
    curve = log.with_suffix(".curve.jsonl")
    cmd = [str(FAZHI), "ingest", str(folder), "--store", str(store), *CONFIGS[config]]
    env = dict(os.environ)
    if src is not None:
        cmd[:1] = [sys.executable, "-m", "fazhi.cli"]
        env["PYTHONPATH"] = str(src)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    cwd = str(src) if src is not None else None  # `python -m` puts the working directory first on sys.path
    err = log.open("wb")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env, cwd=cwd)
    samples: list[tuple[float, int]] = []
    worker_cpu: dict[int, float] = {}  # last CPU seen of each descendant (they are not our children)
    gone_cpu = 0.0  # CPU of descendants that have exited (replaced workers)
    next_curve = 0.0
    while proc.poll() is None:
        stats = tree_stats(proc.pid)
        now = time.perf_counter() - t0
        samples.append((now, sum(rss for rss, _ in stats.values())))
        gone_cpu += sum(cpu for p, cpu in worker_cpu.items() if p not in stats)
        worker_cpu = {p: cpu for p, (_, cpu) in stats.items()}
        if now >= next_curve:
            point = {
                "t_s": round(now, 1),
                "rss_mb": round(samples[-1][1] / 2**20),
                "processes": len(stats),
                "cpu_s": round(gone_cpu + sum(worker_cpu.values()), 1),
                "done": reports_done(log),
                "load1": round(os.getloadavg()[0], 2),
            }
            with curve.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(point) + "\n")
            next_curve = now + curve_every
        time.sleep(0.5)
    wall = time.perf_counter() - t0
    err.close()
    stderr = log.read_text(encoding="utf-8", errors="replace")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    main_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # rusage of the reaped child covers it and the workers it waited for; the others were seen in /proc
    cpu = max(main_cpu, 0.0) + gone_cpu + sum(c for p, c in worker_cpu.items() if p != proc.pid)
    m = SUMMARY_RE.search(stderr)
    loaded, files, triples = (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else (0, n, 0)
    quarters = [max((r for t, r in samples if q * wall / 4 <= t < (q + 1) * wall / 4), default=0) for q in range(4)]
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}",
        "command": " ".join(["fazhi", *cmd[3 if src else 1 :]]),
        "source": str(src or ROOT),
        "reports": n,
        "config": config,
        "loaded": loaded,
        "files": files,
        "triples": triples,
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "main_cpu_s": round(main_cpu, 2),
        "reports_per_s": round(loaded / wall, 2),
        "triples_per_s": round(triples / wall),
        "peak_rss_mb": round(max((r for _, r in samples), default=0) / 2**20, 1),
        "rss_quarters_mb": [round(q / 2**20) for q in quarters],
        "store_mb": round(dir_size(store) / 2**20, 1),
        "exit": proc.returncode,
        "failures_head": stderr.splitlines()[1:4] if proc.returncode else [],
        "log": str(log.relative_to(ROOT)),
        "curve": str(curve.relative_to(ROOT)),
    }


def table(rows: list[dict]) -> str:
    head = (
        "| reports | config | loaded | triples | wall s | CPU s (main process) | reports/s | k triples/s | peak RSS MB "
        "| RSS by quarter MB | store MB |\n|---|---|---|---|---|---|---|---|---|---|---|\n"
    )
    lines = [
        f"| {r['reports']:,} | {r['config']} | {r['loaded']:,} | {r['triples']:,} | {r['wall_s']:.1f} | "
        f"{r['cpu_s']:.1f} ({r.get('main_cpu_s', r['cpu_s']):.1f}) | {r['reports_per_s']:.2f} | {r['triples_per_s'] / 1000:.1f} | {r['peak_rss_mb']:,.0f} | "
        f"{' / '.join(map(str, r['rss_quarters_mb']))} | {r['store_mb']:,.0f} |"
        for r in rows
    ]
    return head + "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="ingest throughput and memory at several scales")
    ap.add_argument("--scales", type=int, nargs="+", default=[100, 1000])
    ap.add_argument("--configs", nargs="+", default=["j1", "j2", "j2-bulk", "j2-bulk-noval"], choices=list(CONFIGS))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--src", type=Path, help="run this source tree (e.g. a `git archive` snapshot of HEAD)")
    ap.add_argument("--keep-stores", action="store_true", help="keep the stores (default: delete after each run)")
    args = ap.parse_args(argv)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"ingest-{datetime.now(UTC):%Y%m%d}.jsonl"
    rows = []
    for n in args.scales:
        folder = corpus(n, args.seed)
        for config in args.configs:
            row = run_one(n, config, folder, args.src)
            rows.append(row)
            with out.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            print(json.dumps(row, ensure_ascii=False), file=sys.stderr, flush=True)
            if not args.keep_stores:
                shutil.rmtree(DATA / "stores" / f"ingest-{n}-{config}", ignore_errors=True)
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())

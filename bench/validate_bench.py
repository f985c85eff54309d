"""Benchmark of SHACL validation: seconds per report and for a whole store.

Per report: ``shapes.validate.validate_report`` (shapes compiled to SPARQL on an in-memory Oxigraph
store) on each report's graph + entities, against pyshacl (the reference) on a few of them. Whole
store: ``fazhi validate`` (``shapes.validate_store.validate_store``: every report graph in batches, the
entities graph, the cross-report checks) on a store holding the bundled reports plus ``--n``
generated ones (``bench/generate.py``), ingested without validation first.

    .venv/bin/python bench/validate_bench.py --n 100 --pyshacl 3
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _reports(n: int) -> list[Path]:
    bundled = sorted((ROOT / "data" / "reports").glob("*.txt"))
    if n <= 0:
        return bundled
    folder = ROOT / "bench" / "data" / f"reports-{1000 if n > 100 else 100}"
    if not folder.is_dir():
        sys.exit(f"{folder}: missing; run: python bench/generate.py --n {max(n, 100)} --seed 1 --out {folder}")
    return bundled + sorted(folder.glob("*.txt"))[:n]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", type=int, default=100, help="generated reports to add to the bundled ones (0: bundled only)")
    p.add_argument("--pyshacl", type=int, default=3, help="reports also validated with pyshacl (slow)")
    p.add_argument("--batch", type=int, default=25, help="reports per batch in the whole-store run")
    args = p.parse_args()

    from fazhi.store import open_store
    from ingest.load import ingest_paths
    from ingest.pipeline import extract_file
    from ingest.to_rdf import doc_to_rdf
    from shapes.validate import run_pyshacl, sparql_validator, validate_report
    from shapes.validate_store import validate_store

    files = _reports(args.n)
    sparql_validator()  # compile and load the vocabulary once, outside the timings
    per_report, cpu, sizes, reference = [], [], [], []
    for i, f in enumerate(files):
        rdf = doc_to_rdf(extract_file(f), "bench")
        t, c = time.perf_counter(), time.process_time()
        outcome = validate_report(rdf)
        per_report.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        sizes.append(len(rdf.report) + len(rdf.entities))
        if i < args.pyshacl:
            t = time.perf_counter()
            slow = run_pyshacl([rdf.report, rdf.entities])
            reference.append({"file": f.name, "triples": sizes[-1], "sparql_s": per_report[-1],
                              "pyshacl_s": time.perf_counter() - t,
                              "same": sorted(map(str, (r.key() for r in slow))) == sorted(map(str, (r.key() for r in outcome.details)))})
    with tempfile.TemporaryDirectory() as tmp:
        location = str(Path(tmp) / "store")
        t = time.perf_counter()
        summary = ingest_paths([str(f) for f in files], store_location=location, validate=False, progress=False)
        ingest_s = time.perf_counter() - t
        store = open_store(location)
        try:
            triples = store.count()
            whole = validate_store(store, save=True, batch=args.batch)
        finally:
            store.close()
    result = {
        "when": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "reports": len(files), "loaded": summary.loaded, "store_quads": triples,
        "per_report_s": {"median": statistics.median(per_report), "max": max(per_report), "mean": statistics.mean(per_report)},
        "per_report_cpu_s": {"median": statistics.median(cpu), "max": max(cpu)},
        "triples_per_report": {"median": statistics.median(sizes), "max": max(sizes)},
        "pyshacl": reference,
        "whole_store_s": whole.seconds, "whole_store_per_report_s": whole.seconds / max(1, summary.loaded),
        "whole_store_violations": whole.violations, "ingest_without_validation_s": ingest_s,
    }
    out = ROOT / "bench" / "results" / f"validate-{result['when'].replace(':', '')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

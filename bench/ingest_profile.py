"""Where ingest time goes: CPU ms per report for each pipeline component, the RDF mapping,
serialisation, SHACL validation and the store write (atomic update vs bulk load).

One process, reports in sequence, CPU time (``time.process_time``: insensitive to other jobs on a
shared host, unlike wall time). The first report is a warm-up and not counted.

    python bench/ingest_profile.py --n 20              # first 20 reports of bench/data/reports-100
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def profile(files: list[Path]) -> tuple[dict[str, list[float]], dict[str, float]]:
    import pyoxigraph as ox

    from fazhi.namespaces import ENTITIES_GRAPH, report_graph, validation_graph
    from fazhi.store import LocalStore
    from ingest.bulk import to_nquads
    from ingest.decode import read_report
    from ingest.model import Doc
    from ingest.pipeline import components
    from ingest.to_rdf import doc_to_rdf
    from shapes.validate import validate_report

    times: dict[str, list[float]] = defaultdict(list)
    sizes: dict[str, float] = defaultdict(float)
    tmp = Path(tempfile.mkdtemp(prefix="fazhi-prof-"))
    store, bulk_store = LocalStore(tmp / "update"), LocalStore(tmp / "bulk")

    def clock(stage: str, fn, *args):
        t = time.process_time()
        out = fn(*args)
        times[stage].append(time.process_time() - t)
        return out

    try:
        for i, path in enumerate(files):
            if i == 1:
                times.clear()
                sizes.clear()
            dec = clock("decode", read_report, path)
            doc = Doc.from_text(dec.text, source=str(path), raw=dec.raw)
            for component in components():
                clock(f"extract: {component.__module__}", component, doc)
            rdf = clock("to_rdf (ingest.to_rdf.doc_to_rdf)", doc_to_rdf, doc, "run")
            report_nt = clock("serialize N-Triples (rdflib)", rdf.report.serialize, None, "nt")
            entities_nt = rdf.entities.serialize(format="nt")
            outcome = clock("validate (shapes.validate.validate_report)", validate_report, rdf)
            validation_nt = outcome.graph.serialize(format="nt")
            replace = {report_graph(rdf.key): report_nt, validation_graph(rdf.key): validation_nt}
            clock("store: atomic replace (SPARQL Update)", store.replace_graphs, replace,
                  {str(ENTITIES_GRAPH): entities_nt})

            def bulk(replace: dict[str, str] = replace, entities_nt: str = entities_nt) -> None:
                lines = [q for g, nt in replace.items() for q in to_nquads(nt, g)]
                lines += to_nquads(entities_nt, str(ENTITIES_GRAPH))
                bulk_store.oxigraph.bulk_load("".join(lines), ox.RdfFormat.N_QUADS)

            clock("store: bulk load (N-Quads, one report)", bulk)
            sizes["chars"] += len(doc.text)
            sizes["report triples"] += len(rdf.report)
            sizes["entity triples"] += len(rdf.entities)
            sizes["validation triples"] += len(outcome.graph)
            sizes["N-Triples KB"] += len(report_nt.encode()) / 1024
    finally:
        store.close()
        bulk_store.close()
        shutil.rmtree(tmp, ignore_errors=True)
    counted = max(1, len(files) - 1)
    return times, {k: v / counted for k, v in sizes.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="CPU time per ingest stage")
    ap.add_argument("--corpus", type=Path, default=ROOT / "bench" / "data" / "reports-100")
    ap.add_argument("--n", type=int, default=20)
    args = ap.parse_args(argv)
    files = sorted(args.corpus.glob("*.txt"))[: args.n + 1]
    if len(files) < 2:
        print(f"ingest_profile: no reports in {args.corpus} (run bench/generate.py first)", file=sys.stderr)
        return 2
    times, sizes = profile(files)
    per_report = {stage: 1000 * sum(v) / len(v) for stage, v in times.items()}
    pipeline = sum(v for k, v in per_report.items() if not k.startswith("store: bulk"))
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {len(files) - 1} reports of {args.corpus.name}; per report: "
          + ", ".join(f"{k} {v:,.0f}" for k, v in sizes.items()))
    print("\n| stage | CPU ms / report | share of the normal path |\n|---|---|---|")
    for stage, ms in sorted(per_report.items(), key=lambda kv: -kv[1]):
        share = "" if stage.startswith("store: bulk") else f"{100 * ms / pipeline:.1f}%"
        print(f"| {stage} | {ms:,.1f} | {share} |")
    print(f"| **total (normal path)** | **{pipeline:,.1f}** | 100% |")
    record = {"date": datetime.now(UTC).isoformat(timespec="seconds"), "corpus": str(args.corpus), "n": len(files) - 1,
              "ms_per_report": per_report, "per_report": sizes}
    out = ROOT / "bench" / "results" / f"ingest-profile-{datetime.now(UTC):%Y%m%d}.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Ingesting files into the store: read → extract → RDF → validate → atomic load, with a summary."""

from __future__ import annotations

import csv
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from fazhi.config import DEFAULT_MAX_BYTES
from fazhi.namespaces import ENTITIES_GRAPH, VOCAB_GRAPH
from fazhi.store import LocalStore, Store, StoreError, open_store


@dataclass
class Summary:
    """What an ingest run did."""

    files: int = 0
    loaded: int = 0
    triples: int = 0
    warnings: list[str] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, message)
    violations: int = 0
    seconds: float = 0.0

    def print(self, out=sys.stderr) -> None:
        print(
            f"ingested {self.loaded}/{self.files} report(s), {self.triples} triples, "
            f"{len(self.warnings)} warning(s), {len(self.failures)} failure(s) in {self.seconds:.1f} s",
            file=out,
        )
        for w in self.warnings[:50]:
            print(f"  warning: {w}", file=out)
        if len(self.warnings) > 50:
            print(f"  … and {len(self.warnings) - 50} more warnings", file=out)
        for path, msg in self.failures:
            print(f"  FAILED {path}: {msg}", file=out)


#: File name endings a folder is searched for (the content decides the format; see ``ingest.formats``).
REPORT_SUFFIXES = frozenset({".txt", ".html", ".htm", ".shtml", ".mht", ".mhtml", ".pdf", ".docx", ".doc"})


def find_reports(paths: list[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand files and folders (recursively, files named as in :data:`REPORT_SUFFIXES`; ``SOURCES.tsv``
    skipped) into report files; missing paths are failures."""
    files: list[Path] = []
    missing: list[tuple[str, str]] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(
                sorted(
                    x for x in p.rglob("*")
                    if x.suffix.lower() in REPORT_SUFFIXES and x.name != "SOURCES.tsv" and x.is_file()
                )
            )
        elif p.is_file():
            files.append(p)
        else:
            missing.append((str(p), "no such file or folder"))
    return files, missing


def read_sources(files: list[Path]) -> dict[Path, dict[str, str]]:
    """Rows of the ``SOURCES.tsv`` files beside the reports, keyed by report path."""
    out: dict[Path, dict[str, str]] = {}
    for folder in {f.parent for f in files}:
        tsv = folder / "SOURCES.tsv"
        if tsv.is_file():
            with tsv.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh, delimiter="\t"):
                    if row.get("file"):
                        out[folder / row["file"]] = {k: v for k, v in row.items() if v}
    return out


def load_vocab(store: Store) -> None:
    """Replace the vocabulary graph with the ontology and the SKOS schemes."""
    from ontology import vocabulary_graph

    store.replace_graphs({str(VOCAB_GRAPH): vocabulary_graph().serialize(format="nt")})


def ingest_paths(
    paths: list[str],
    store_location: str | None = None,
    max_bytes: int | None = None,
    validate: bool = True,
    keep_invalid: bool = False,
    jobs: int = 1,
    progress: bool = True,
    bulk: bool = False,
) -> Summary:
    """Ingest every report under ``paths`` into the store; never raises for a bad report.

    ``jobs`` > 1 spreads extraction, RDF mapping and validation over that many processes (the store
    writes stay in this process, in input order). ``bulk`` loads through N-Quads files and
    ``pyoxigraph.Store.bulk_load`` instead of one atomic update per report (local stores only).
    """
    from tqdm import tqdm

    from ingest.parallel import ReportResult, Task, process_reports

    t0 = time.perf_counter()
    files, failures = find_reports(paths)
    summary = Summary(files=len(files) + len(failures), failures=failures)
    if not files:
        summary.seconds = time.perf_counter() - t0
        return summary
    sources = read_sources(files)
    try:
        store = open_store(store_location)
    except StoreError as e:
        summary.failures.append((str(store_location), str(e)))
        return summary
    run_iri = f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"
    limit = max_bytes or DEFAULT_MAX_BYTES
    tasks = (Task(str(p), sources.get(p, {}), run_iri, validate, keep_invalid, limit) for p in files)

    def accept(result: ReportResult) -> bool:
        """Count a result in the summary; whether it is to be loaded."""
        if result.failure:
            summary.failures.append((result.path, result.failure))
            summary.violations += result.violations
            summary.warnings.extend(result.warnings)
            return False
        summary.loaded += 1
        summary.triples += result.triples
        summary.warnings.extend(result.warnings)
        return True

    try:
        load_vocab(store)
        results = process_reports(tasks, jobs=jobs)
        bar = tqdm(results, total=len(files), unit="report", disable=not progress or len(files) < 2, file=sys.stderr)
        if bulk and not isinstance(store, LocalStore):
            summary.warnings.append(f"{store.location}: --bulk needs a local store; loading report by report")
        if bulk and isinstance(store, LocalStore):
            from ingest.bulk import bulk_load_results

            try:
                bulk_load_results(store, bar, accept)
            except (OSError, SyntaxError, StoreError) as e:
                summary.failures.append((store.location, f"bulk load: {e}"))
        else:
            for result in bar:
                if result.failure:
                    accept(result)
                    continue
                try:
                    store.replace_graphs(result.replace(), merge={str(ENTITIES_GRAPH): result.entities_nt})
                except StoreError as e:
                    summary.failures.append((result.path, f"store: {e}"))
                    continue
                accept(result)
    finally:
        store.close()
    summary.seconds = time.perf_counter() - t0
    return summary

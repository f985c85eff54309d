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
from fazhi.namespaces import ENTITIES_GRAPH, VOCAB_GRAPH, report_graph, validation_graph
from fazhi.store import Store, StoreError, open_store
from ingest.decode import InputError


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


def find_reports(paths: list[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand files and folders (``*.txt`` recursively) into report files; missing paths are failures."""
    files: list[Path] = []
    missing: list[tuple[str, str]] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(x for x in p.rglob("*.txt") if x.is_file()))
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
) -> Summary:
    """Ingest every report under ``paths`` into the store; never raises for a bad report."""
    from tqdm import tqdm

    from ingest.pipeline import extract_file
    from ingest.to_rdf import doc_to_rdf

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
    try:
        load_vocab(store)
        bar = tqdm(files, unit="report", disable=not progress or len(files) < 2, file=sys.stderr)
        for path in bar:
            bar.set_postfix_str(path.name, refresh=False)
            try:
                doc = extract_file(path, max_bytes=max_bytes or DEFAULT_MAX_BYTES)
                doc.source_info = sources.get(path, {})
                rdf = doc_to_rdf(doc, run_id=run_iri)
                replace = {report_graph(rdf.key): rdf.report.serialize(format="nt")}
                if validate:
                    from shapes.validate import validate_report

                    outcome = validate_report(rdf)
                    replace[validation_graph(rdf.key)] = outcome.graph.serialize(format="nt")
                    summary.warnings.extend(f"{path}: {m}" for m in outcome.messages(min_severity="Warning"))
                    if outcome.violations and not keep_invalid:
                        summary.violations += outcome.violations
                        raise InputError(
                            f"{outcome.violations} SHACL violation(s); not loaded (first: {outcome.first_violation()})"
                        )
                store.replace_graphs(replace, merge={str(ENTITIES_GRAPH): rdf.entities.serialize(format="nt")})
                summary.loaded += 1
                summary.triples += len(rdf.report) + len(rdf.entities)
                summary.warnings.extend(doc.warnings)
            except InputError as e:
                msg = str(e)
                summary.failures.append((str(path), msg.removeprefix(f"{path}: ")))
            except StoreError as e:
                summary.failures.append((str(path), f"store: {e}"))
            except Exception as e:  # a bug must not stop the batch; report it with its type
                summary.failures.append((str(path), f"internal error: {type(e).__name__}: {e}"))
    finally:
        store.close()
    summary.seconds = time.perf_counter() - t0
    return summary

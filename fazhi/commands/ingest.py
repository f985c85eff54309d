"""fazhi ingest PATH...: extract, map to RDF, validate and load reports into the store."""

from __future__ import annotations

import argparse

HELP = "ingest report files or folders into the store (one named graph per report)"
DESCRIPTION = """Read each report (UTF-8 or GB18030/GBK text), extract its metadata, sections,
agencies, documents cited in 《》, mechanisms and figures, map them to RDF under the fazhi
ontology, validate the report's graph with the SHACL shapes, and load it into the store as
the report's named graph. Ingesting a report again replaces its graph. Each report is loaded
atomically: a report that fails leaves the store exactly as it was.

Folders are searched recursively for *.txt files; a SOURCES.tsv beside them (columns file, url,
title, jurisdiction, level, year, note) gives each file's source.

Only one process writes a local store at a time: another ingest waits for it (up to
$FAZHI_STORE_WAIT seconds, default 60), then gives up with a message.

Exit status: 0 when every report was loaded, 1 when any failed (the summary lists them)."""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="report files and/or folders of *.txt reports")
    p.add_argument("--store", help="store directory or SPARQL server URL (default data/store or $FAZHI_STORE)")
    p.add_argument("--max-bytes", type=int, default=None, help="largest file accepted (default 5 MB)")
    p.add_argument("--no-validate", action="store_true", help="skip SHACL validation (faster bulk loads)")
    p.add_argument(
        "--keep-invalid", action="store_true", help="load reports even when their graph has SHACL violations"
    )
    p.add_argument(
        "--jobs", "-j", type=int, default=1, help="worker processes for extraction, RDF and validation (default 1)"
    )
    p.add_argument(
        "--bulk", action="store_true",
        help="large batches: bulk-load N-Quads files of 500 reports (faster; a batch cut short by a crash is "
        "undone as a whole at the next open of the store; local stores only)",
    )
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    from ingest.load import ingest_paths

    summary = ingest_paths(
        args.paths,
        store_location=args.store,
        max_bytes=args.max_bytes,
        validate=not args.no_validate,
        keep_invalid=args.keep_invalid,
        jobs=args.jobs,
        bulk=args.bulk,
        progress=not args.quiet,
    )
    summary.print()
    return 0 if summary.loaded and not summary.failures else 1

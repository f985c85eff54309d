"""fazhi extract FILE: print a report's extraction as JSON; touches no store."""

from __future__ import annotations

import argparse
import json
import sys

HELP = "print the extraction of one report as JSON (no store is touched)"
DESCRIPTION = """Print what fazhi reads from one report file, as JSON on stdout.

The keys source, sha256, report, sections, agencies, regulations, mechanisms and figures
are a stable contract (see README, "fazhi extract"); later versions may add keys, never
remove or rename them. Offsets count Unicode code points in the decoded text (BOM removed),
half-open, so text == source_text[start:end]."""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="a report: UTF-8 (with or without BOM) or GB18030/GBK text")
    p.add_argument("--indent", type=int, default=1, help="JSON indentation (0 for one line; default 1)")
    p.add_argument("--max-bytes", type=int, default=None, help="largest file accepted (default 5 MB)")


def run(args: argparse.Namespace) -> int:
    from fazhi.config import DEFAULT_MAX_BYTES
    from ingest.decode import InputError
    from ingest.pipeline import extract_file

    try:
        doc = extract_file(args.file, max_bytes=args.max_bytes or DEFAULT_MAX_BYTES)
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    for w in doc.warnings:
        print(f"warning: {w}", file=sys.stderr)
    json.dump(doc.to_extract_json(), sys.stdout, ensure_ascii=False, indent=args.indent or None)
    sys.stdout.write("\n")
    return 0

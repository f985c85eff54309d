"""fazhi validate: check the store's graphs against the SHACL shapes."""

from __future__ import annotations

import argparse

HELP = "validate the reports in the store against the SHACL shapes"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", help="store directory or SPARQL server URL (default data/store)")
    p.add_argument("--format", choices=["text", "json", "turtle"], default="text", help="output format")


def run(args: argparse.Namespace) -> int:
    raise SystemExit("fazhi validate: not implemented yet")

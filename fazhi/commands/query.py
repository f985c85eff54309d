"""fazhi query (not written yet)."""

from __future__ import annotations

import argparse

HELP = "query (not implemented yet)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", help="store directory or SPARQL server URL (default data/store)")


def run(args: argparse.Namespace) -> int:
    raise SystemExit("fazhi query: not implemented yet")

"""fazhi validate: check the store's graphs against the SHACL shapes, and run the cross-report checks."""

from __future__ import annotations

import argparse
import json
import sys

HELP = "validate the reports in the store against the SHACL shapes"
DESCRIPTION = """Validate every report graph in the store (with the entities and the vocabulary), the shared
entities graph, and the checks that span reports (a document typed two ways, an agency in two
jurisdictions …). Prints a readable report and exits 1 when there is any violation.

Severities: Violation = the graph is broken (an extraction or mapping error); Warning = the report
contradicts itself (parts that do not add up to the printed total …), kept and shown, never fixed;
Info = worth a look.

The results replace each report's validation graph ({BASE}graph/report/{key}/validation) and the
cross-report graph ({BASE}graph/checks), unless --no-save.

Examples:
  fazhi validate
  fazhi validate --store data/store --format json
  fazhi validate --min-severity Info --engine pyshacl"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", help="store directory or SPARQL server URL (default data/store)")
    p.add_argument("--format", choices=["text", "json", "turtle"], default="text", help="output format")
    p.add_argument("--min-severity", choices=["Info", "Warning", "Violation"], default="Warning",
                   help="list results from this severity up (counts always include all; default Warning)")
    p.add_argument("--engine", choices=["sparql", "pyshacl"], default="sparql",
                   help="sparql: shapes compiled to SPARQL on Oxigraph (fast); pyshacl: the reference (slow)")
    p.add_argument("--no-save", action="store_true", help="do not write the results back into the store")


def run(args: argparse.Namespace) -> int:
    from fazhi.store import StoreError, open_store
    from shapes.validate_store import validate_store

    try:
        store = open_store(args.store, read_only=args.no_save)
    except StoreError as e:
        print(f"fazhi validate: {e}", file=sys.stderr)
        return 2
    try:
        result = validate_store(store, engine=args.engine, save=not args.no_save)
    except StoreError as e:
        print(f"fazhi validate: {e}", file=sys.stderr)
        return 2
    finally:
        store.close()
    if not [k for k in result.outcomes if k not in ("entities", "store")]:
        print(f"fazhi validate: no report graphs in {store.location}", file=sys.stderr)
    if args.format == "json":
        json.dump(result.to_json(args.min_severity), sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif args.format == "turtle":
        sys.stdout.write(result.graph().serialize(format="turtle"))
    else:
        sys.stdout.write(result.to_text(args.min_severity))
    return 1 if result.violations else 0

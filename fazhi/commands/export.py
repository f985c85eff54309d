"""fazhi export: write the whole dataset as N-Quads, TriG or Turtle, streaming (the same bytes as ``/dump``)."""

from __future__ import annotations

import argparse
import sys
from typing import BinaryIO

HELP = "export the whole dataset as N-Quads, TriG or Turtle (streamed, like /dump)"
DESCRIPTION = """Export the dataset without loading it in memory.

  nquads  every named graph, one quad a line (the lossless dump)
  trig    every named graph, grouped
  turtle  the union of all graphs as triples (graph names are dropped)

Examples:
  fazhi export --format nquads -o fazhi.nq
  fazhi export --store data/store --format turtle | gzip > fazhi.ttl.gz"""

#: Export format name → pyoxigraph RdfFormat attribute, media type and file suffix.
FORMATS = {
    "nquads": ("N_QUADS", "application/n-quads", ".nq"),
    "trig": ("TRIG", "application/trig", ".trig"),
    "turtle": ("TURTLE", "text/turtle", ".ttl"),
}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", help="store directory or SPARQL server URL (default data/store)")
    p.add_argument("--format", choices=sorted(FORMATS), default="nquads", help="output format (default nquads)")
    p.add_argument("-o", "--output", help="file to write (default: standard output)")


def dump_dataset(store, out: BinaryIO, fmt: str) -> None:
    """Stream the dataset in ``fmt`` (nquads, trig or turtle) to ``out``."""
    import pyoxigraph as ox

    from fazhi.namespaces import PREFIXES

    rdf_format = getattr(ox.RdfFormat, FORMATS[fmt][0])
    if fmt == "turtle":
        triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", union_default_graph=True)
        ox.serialize(triples, out, rdf_format, prefixes=PREFIXES)
    else:
        store.dump(out, rdf_format)


def run(args: argparse.Namespace) -> int:
    from fazhi.store import StoreError, open_store

    try:
        store = open_store(args.store, read_only=True)
    except StoreError as e:
        print(f"fazhi export: {e}", file=sys.stderr)
        return 1
    try:
        if args.output:
            try:
                with open(args.output, "wb") as out:
                    dump_dataset(store, out, args.format)
            except OSError as e:
                print(f"fazhi export: cannot write {args.output}: {e.strerror or e}", file=sys.stderr)
                return 1
            print(f"wrote {args.output} ({args.format})", file=sys.stderr)
        else:
            dump_dataset(store, sys.stdout.buffer, args.format)
            sys.stdout.buffer.flush()
    except StoreError as e:
        print(f"fazhi export: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    finally:
        store.close()
    return 0

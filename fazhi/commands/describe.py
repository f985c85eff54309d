"""fazhi describe: what the store says about one IRI (readable text, or Turtle/JSON-LD/N-Triples)."""

from __future__ import annotations

import argparse
import sys

HELP = "describe one IRI: labels, types, facts, incoming links and the evidence from the reports"
DESCRIPTION = """Describe one entity, as the entity page does, from a shell.

IRI may be a full IRI, a compact one (fzid:org/370405/gov) or a local path (/id/org/370405/gov).

Examples:
  fazhi describe https://w3id.org/fazhi/id/org/370405/gov
  fazhi describe /scheme/mechanism/yi-ci-ban-hao --format turtle"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("iri", help="the IRI (full, prefix:local, or /id/… path)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--store", help="store directory (default data/store)")
    where.add_argument("--endpoint", help="SPARQL endpoint URL (http(s)://…)")
    p.add_argument("--format", choices=["text", "turtle", "jsonld", "nt"], default="text",
                   help="output format (default text)")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="label language of the text output")


def resolve_iri(value: str) -> str:
    """A full IRI from a full IRI, a compact IRI or a ``/id/…`` path."""
    from fazhi.namespaces import BASE, PREFIXES

    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    if value.startswith(("http://", "https://", "urn:")):
        return value
    if value.startswith("/"):
        return BASE + value.lstrip("/")
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES:
        return PREFIXES[prefix] + local
    raise ValueError(f"not an IRI, compact IRI or /path: {value!r}")


def print_text(view, out) -> None:
    print(view.label, file=out)
    print(f"  <{view.iri}>", file=out)
    if view.types:
        print("  types: " + ", ".join(t.label for t in view.types), file=out)
    for lang, label in sorted(view.labels.items()):
        print(f"  label@{lang or '-'}: {label}", file=out)
    if view.facts:
        print("facts:", file=out)
        for plink, values in view.facts.values():
            shown = ", ".join(v.label if not v.href else f"{v.label} <{v.value}>" for v in values[:10])
            more = f" … (+{len(values) - 10})" if len(values) > 10 else ""
            print(f"  {plink.label}: {shown[:600]}{more}", file=out)
    if view.incoming:
        print("incoming:", file=out)
        for plink, values in view.incoming.values():
            print(f"  {plink.label}: {len(values)} (e.g. {values[0].label})", file=out)
    print(f"evidence: {len(view.evidence)}", file=out)
    for ev in view.evidence[:20]:
        print(f"  [{ev.report_key} {ev.start}-{ev.end}] {ev.before}【{ev.exact}】{ev.after}", file=out)


def run(args: argparse.Namespace) -> int:
    from fazhi.commands.query import endpoint_location
    from fazhi.store import StoreError, open_store

    try:
        iri = resolve_iri(args.iri)
    except ValueError as e:
        print(f"fazhi describe: {e}", file=sys.stderr)
        return 2
    try:
        store = open_store(endpoint_location(args.endpoint) if args.endpoint else args.store, read_only=True)
    except StoreError as e:
        print(f"fazhi describe: {e}", file=sys.stderr)
        return 1
    try:
        from service.entity import describe_graph, entity_view, exists

        if not exists(store, iri):
            print(f"fazhi describe: nothing is known about <{iri}> in {store.location}", file=sys.stderr)
            return 1
        if args.format == "text":
            print_text(entity_view(store, iri, args.lang), sys.stdout)
        else:
            from fazhi.namespaces import PREFIXES

            g = describe_graph(store, iri)
            kw = {"context": PREFIXES, "auto_compact": True} if args.format == "jsonld" else {}
            sys.stdout.write(g.serialize(format={"jsonld": "json-ld"}.get(args.format, args.format), **kw))
    except ValueError as e:
        print(f"fazhi describe: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except (StoreError, OSError) as e:
        print(f"fazhi describe: {e}", file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0

"""fazhi query: run a SPARQL query on a store directory or a SPARQL endpoint, print table, CSV or JSON."""

from __future__ import annotations

import argparse
import csv
import json
import sys

HELP = "run a SPARQL query on the store (or an endpoint) and print the results"
DESCRIPTION = """Run a SPARQL query without a server, from a shell or a notebook.

The query is the argument, '-' for standard input, or @FILE. The fazhi prefixes (fz:, fzid:, dct:,
skos:, org:, qb:, oa:, nif:, prov: …) are predeclared. The default graph is the union of all graphs.

  SELECT     table (default), csv or json (SPARQL 1.1 JSON results)
  ASK        true/false (json: {"boolean": …})
  CONSTRUCT  Turtle (json: JSON-LD)

Examples:
  fazhi query 'SELECT ?r ?t WHERE { ?r a fz:AnnualReport ; dct:title ?t }'
  fazhi query --format csv @q.rq > out.csv
  fazhi query --endpoint http://127.0.0.1:8000/sparql 'ASK { ?s ?p ?o }'"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", help="SPARQL text, '-' for standard input, or @FILE")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--store", help="store directory (default data/store)")
    where.add_argument("--endpoint", help="SPARQL endpoint URL (http(s)://…)")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table", help="output format (default table)")
    p.add_argument("--limit-width", type=int, default=60, help="table cells longer than this are cut (0: never)")


def read_query(arg: str) -> str:
    """The query text from the argument, standard input (``-``) or a file (``@FILE``)."""
    if arg == "-":
        return sys.stdin.read()
    if arg.startswith("@"):
        with open(arg[1:], encoding="utf-8") as fh:
            return fh.read()
    return arg


def with_prefixes(query: str) -> str:
    """``query`` with the fazhi prefix declarations the query does not make itself."""
    import re

    from fazhi.namespaces import PREFIXES

    declared = {m.lower() for m in re.findall(r"(?i)PREFIX\s+([\w\-]*):", query)}
    lines = [f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items() if p.lower() not in declared]
    return "\n".join(lines) + "\n" + query


def term_text(term) -> str:
    """A term as a table cell: IRIs as curies, literals as their value."""
    import pyoxigraph as ox

    from service.ld_common import curie

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return curie(term.value)
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return term.value


def print_table(variables: list[str], rows: list[list[str]], width: int, out) -> None:
    cut = [[c if not width or len(c) <= width else c[: width - 1] + "…" for c in r] for r in rows]

    def w(s: str) -> int:
        import unicodedata

        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)

    widths = [max([w(v)] + [w(r[i]) for r in cut]) for i, v in enumerate(variables)]

    def line(cells: list[str]) -> str:
        return " | ".join(c + " " * (widths[i] - w(c)) for i, c in enumerate(cells)).rstrip()

    print(line(variables), file=out)
    print("-+-".join("-" * x for x in widths), file=out)
    for r in cut:
        print(line(r), file=out)
    print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})", file=out)


def emit(result, fmt: str, width: int, out=None) -> None:
    """Print a query result (solutions, boolean or triples) in ``fmt``."""
    import pyoxigraph as ox

    out = out or sys.stdout
    if isinstance(result, bool) or type(result).__name__ == "QueryBoolean":
        value = bool(result)
        print(json.dumps({"head": {}, "boolean": value}) if fmt == "json" else str(value).lower(), file=out)
        return
    if hasattr(result, "variables"):
        variables = [v.value for v in result.variables]
        if fmt == "json":
            from service.ld_common import term_json

            bindings = [{v: term_json(s[v]) for v in variables if s[v] is not None} for s in result]
            json.dump({"head": {"vars": variables}, "results": {"bindings": bindings}}, out, ensure_ascii=False, indent=1)
            print(file=out)
        elif fmt == "csv":
            w = csv.writer(out)
            w.writerow(variables)
            for s in result:
                w.writerow(["" if s[v] is None else s[v].value for v in variables])
        else:
            print_table(variables, [[term_text(s[v]) for v in variables] for s in result], width, out)
        return
    from fazhi.namespaces import PREFIXES

    data = ox.serialize(result, None, ox.RdfFormat.JSON_LD if fmt == "json" else ox.RdfFormat.TURTLE,
                        **({} if fmt == "json" else {"prefixes": PREFIXES}))
    out.write(data.decode("utf-8"))


def endpoint_location(url: str) -> str:
    """A ``RemoteStore`` location for a SPARQL endpoint URL: queries go to the URL itself, and its default
    graph is taken as it is (fazhi's /sparql answers over the union of all graphs). A URL with a ``#``
    fragment is passed on as it is (see ``fazhi.remote_store`` for its keys)."""
    from urllib.parse import urlencode

    if "#" in url:
        return url
    return url + "#" + urlencode({"query": url, "update": url, "store": "none", "union": "native"})


def syntax_message(error: SyntaxError, prefix_lines: int) -> str:
    """The parser's first line, with line numbers counted in the user's query (not the added prefixes)."""
    import re

    first = (str(error).splitlines() or [""])[0]
    return re.sub(r"at (\d+):(\d+)", lambda m: f"at line {max(1, int(m.group(1)) - prefix_lines)}, column {m.group(2)}",
                  first)


def run(args: argparse.Namespace) -> int:
    from fazhi.store import StoreError, open_store

    try:
        text = read_query(args.query)
    except OSError as e:
        print(f"fazhi query: cannot read {args.query[1:]}: {e.strerror or e}", file=sys.stderr)
        return 2
    if not text.strip():
        print("fazhi query: the query is empty", file=sys.stderr)
        return 2
    location = endpoint_location(args.endpoint) if args.endpoint else args.store
    if args.endpoint and not args.endpoint.startswith(("http://", "https://")):
        print(f"fazhi query: --endpoint must be an http(s) URL, not {args.endpoint!r}", file=sys.stderr)
        return 2
    try:
        store = open_store(location, read_only=True)
    except StoreError as e:
        print(f"fazhi query: {e}", file=sys.stderr)
        return 1
    full = with_prefixes(text)
    try:
        emit(store.query(full), args.format, args.limit_width)
    except SyntaxError as e:
        print(f"fazhi query: bad SPARQL: {syntax_message(e, full.count(chr(10)) - text.count(chr(10)))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except (StoreError, OSError) as e:
        print(f"fazhi query: {e}", file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0

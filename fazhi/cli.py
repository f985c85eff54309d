"""The ``fazhi`` command line: one sub-command per module in ``fazhi.commands``.

Each command module defines ``HELP`` (one line), ``DESCRIPTION`` (optional, longer),
``add_arguments(parser)`` and ``run(args) -> int`` (the exit code). Modules stay light at import
time; heavy imports happen inside ``run``.
"""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

from fazhi import __version__

COMMANDS = ["ingest", "extract", "validate", "serve", "query", "describe", "export", "eval"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fazhi",
        description="fazhi (法治): build, validate, query and serve a knowledge graph of Chinese "
        "law-based-government annual reports (法治政府建设情况报告).",
        epilog="Run 'fazhi COMMAND --help' for the options of one command. "
        "The store defaults to data/store (or $FAZHI_STORE); IRIs are minted under $FAZHI_BASE "
        "(default https://w3id.org/fazhi/).",
    )
    parser.add_argument("--version", action="version", version=f"fazhi {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        mod = import_module(f"fazhi.commands.{name}")
        p = sub.add_parser(
            name,
            help=mod.HELP,
            description=getattr(mod, "DESCRIPTION", mod.HELP),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        mod.add_arguments(p)
        p.set_defaults(_run=mod.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    try:
        return int(args._run(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

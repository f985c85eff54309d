"""fazhi serve: the HTTP service (SPARQL, linked data, API, web pages)."""

from __future__ import annotations

import argparse

HELP = "serve the graph over HTTP: SPARQL endpoint, linked data, API and web pages"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", help="store directory or SPARQL server URL (default data/store)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from service.app import create_app
    from service.settings import Settings

    app = create_app(Settings(store=args.store))
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0

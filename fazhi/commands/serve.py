"""fazhi serve: the HTTP service (SPARQL, linked data, API, web pages)."""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys

HELP = "serve the graph over HTTP: SPARQL endpoint, linked data, API and web pages"
DESCRIPTION = (
    "Serve the store over HTTP. Read-only by default: SPARQL Update and Graph Store writes need "
    "--update-token (clients send 'Authorization: Bearer TOKEN') or --allow-update (no token, loopback only). "
    "Every query runs in a worker process with a time limit and a row cap."
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", help="store directory or SPARQL server URL (default data/store)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--query-timeout", type=float, default=30.0, metavar="SECONDS",
                   help="time limit per query (default 30); a request may ask for less with timeout=")
    p.add_argument("--update-timeout", type=float, default=300.0, metavar="SECONDS",
                   help="time limit per SPARQL Update or Graph Store write (default 300); past it the write "
                        "is stopped and nothing of it is applied")
    p.add_argument("--max-rows", type=int, default=10_000, metavar="N",
                   help="result rows (or triples) returned at most; more are cut and the response says so")
    p.add_argument("--max-body", type=int, default=1_000_000, metavar="BYTES",
                   help="largest request body accepted (default 1000000)")
    p.add_argument("--workers", type=int, default=4, metavar="N",
                   help="query worker processes (default 4)")
    p.add_argument("--update-token", metavar="TOKEN", default=os.environ.get("FAZHI_UPDATE_TOKEN"),
                   help="accept SPARQL Update and Graph Store writes carrying this bearer token "
                        "(or set FAZHI_UPDATE_TOKEN, which keeps it out of the process list)")
    p.add_argument("--allow-update", action="store_true",
                   help="accept updates without a token (only when bound to a loopback address; for tests)")
    p.add_argument("--access-log", action="store_true",
                   help="log every request: method, path, status, ms, query hash and start (never tokens)")
    p.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN",
                   help="allow cross-origin requests from ORIGIN (repeatable; CORS is off by default)")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    if args.allow_update and not _is_loopback(args.host):
        print(f"fazhi serve: --allow-update is refused on --host {args.host}: bind a loopback address "
              "(127.0.0.1) or use --update-token", file=sys.stderr)
        return 2
    for name in ("query_timeout", "update_timeout", "max_rows", "max_body", "workers"):
        if getattr(args, name) <= 0:
            print(f"fazhi serve: --{name.replace('_', '-')} must be positive", file=sys.stderr)
            return 2
    if args.update_token is not None and len(args.update_token) < 8:
        print("fazhi serve: --update-token must be at least 8 characters", file=sys.stderr)
        return 2

    import uvicorn

    from fazhi.store import StoreError
    from service.app import create_app
    from service.settings import Settings

    settings = Settings(
        store=args.store,
        query_timeout=args.query_timeout,
        update_timeout=args.update_timeout,
        max_rows=args.max_rows,
        max_body_bytes=args.max_body,
        update_token=args.update_token,
        allow_update=args.allow_update,
        cors_origins=list(args.cors_origin),
        query_workers=args.workers,
    )
    if args.access_log:
        from service.request_log import enable_access_log

        enable_access_log()  # replaces uvicorn's access log, which prints raw URLs (tokens included)
    try:
        app = create_app(settings)
    except StoreError as e:
        print(f"fazhi serve: {e}", file=sys.stderr)
        return 1
    uvicorn.run(app, host=args.host, port=args.port, log_level="info", access_log=False)
    return 0

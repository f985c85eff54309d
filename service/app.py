"""The FastAPI application: ``create_app(settings)`` wires the store and the routers."""

from __future__ import annotations

from importlib import import_module

from fastapi import FastAPI

from fazhi import __version__
from fazhi.store import open_store
from service import method_not_allowed
from service.settings import Settings

#: Router modules under ``service``, included in this order when they exist; each exposes ``router``.
ROUTERS = [
    "sparql",  # /sparql: SPARQL 1.1 protocol, service description, query page
    "graph_store",  # /store: Graph Store Protocol (writes need the update token)
    "ontology_routes",  # /ont: the ontology (HTML docs, Turtle, JSON-LD)
    "neighborhood",  # /neighborhood, /path
    "search",  # /search
    "reports",  # /reports, /reports/{id}
    "dumps",  # /dump, /.well-known/void, /catalog
    "pages",  # /, /explore, static assets
    "linked_data",  # /id/…, /scheme/…: dereferenceable IRIs (keep last: catch-all paths)
]


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    app = FastAPI(
        title="fazhi",
        version=__version__,
        description="A knowledge graph of Chinese law-based-government annual reports (法治政府建设情况报告).",
    )
    app.state.settings = settings
    app.state.store = open_store(settings.store, read_only=not (settings.update_token or settings.allow_update))
    for name in ROUTERS:
        try:
            module = import_module(f"service.{name}")
        except ModuleNotFoundError as e:
            if e.name == f"service.{name}":
                continue
            raise
        app.include_router(module.router)
    _add_limits(app, settings)
    _add_headers_and_log(app)
    method_not_allowed.install(app)
    return app


def _add_headers_and_log(app: FastAPI) -> None:
    """Security headers on every response (outermost); the access log when it is enabled."""
    from service.request_log import RequestLogMiddleware, access_log_enabled
    from service.security_headers import SecurityHeadersMiddleware

    if access_log_enabled():
        app.add_middleware(RequestLogMiddleware)
    app.add_middleware(SecurityHeadersMiddleware)


def _add_limits(app: FastAPI, settings: Settings) -> None:
    """Request-body cap for every route; CORS only for the allow-listed origins, never with credentials."""
    from fastapi.middleware.cors import CORSMiddleware

    from service.body_limit import BodyLimitMiddleware

    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_credentials=False,
            allow_methods=["GET", "POST", "HEAD", "OPTIONS"],
            allow_headers=["Accept", "Content-Type"],
            expose_headers=["X-Fazhi-Truncated", "X-Fazhi-Max-Rows"],
        )
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)

"""The FastAPI application: ``create_app(settings)`` wires the store and the routers."""

from __future__ import annotations

from fastapi import FastAPI

from fazhi import __version__
from fazhi.store import open_store
from service.settings import Settings


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    app = FastAPI(
        title="fazhi",
        version=__version__,
        description="A knowledge graph of Chinese law-based-government annual reports (法治政府建设情况报告).",
    )
    app.state.settings = settings
    app.state.store = open_store(settings.store)
    return app

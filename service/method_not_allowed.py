"""405 answers that list every method the path accepts.

Starlette stops at the first route whose path matches and reports only that route's methods, so a path served
by two routes (``GET /sparql`` and ``POST /sparql``) said ``Allow: GET``. RFC 9110 §15.5.6 wants the full set.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match


def allowed_methods(app: FastAPI, request: Request) -> list[str]:
    """Methods of every route whose path matches the request's."""
    methods: set[str] = set()
    scope = {"type": "http", "path": request.url.path, "root_path": "", "method": request.method}
    routes = list(app.router.routes)
    while routes:
        route = routes.pop()
        inner = getattr(route, "original_router", None)  # an included router (FastAPI wraps them)
        if inner is not None:
            routes.extend(inner.routes)
        elif route.matches(scope)[0] is not Match.NONE:
            methods |= set(getattr(route, "methods", None) or ())
    return sorted(methods)


def install(app: FastAPI) -> None:
    """Answer 405 with the complete ``Allow`` header (other HTTP errors keep FastAPI's handler)."""
    from fastapi.exception_handlers import http_exception_handler

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code != 405:
            return await http_exception_handler(request, exc)
        allow = ", ".join(allowed_methods(app, request))
        return JSONResponse({"detail": f"Method Not Allowed: {request.method} {request.url.path} accepts {allow}"},
                            status_code=405, headers={"Allow": allow})

"""OpenAPI ``responses=`` for the routers: which statuses a route answers and in which media types.

``responses(ok=[media…], errors=(400, 404))`` documents a 200 in those media types and each error with
the bodies errors come in (FastAPI's JSON ``{"detail": …}``, the HTML not-found page, plain text).
Checked by ``tests/test_reliability_schema.py`` (schemathesis against ``/openapi.json``).
"""

from __future__ import annotations

from collections.abc import Iterable

ERROR_MEDIA = ("application/json", "text/html", "text/plain")
WHY = {
    200: "the resource, in the negotiated format",
    201: "graph created",
    204: "done (no body)",
    303: "see other: the resource's page",
    400: "bad parameter (unknown format, malformed IRI, empty query …)",
    401: "write without the right bearer token",
    403: "writes are disabled: the service is read-only",
    404: "not found",
    406: "no acceptable format",
    413: "request body too large",
    415: "unsupported Content-Type",
    503: "stopped at its time limit",
}

RDF_MEDIA = ["text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml"]


def _media(types: Iterable[str]) -> dict:
    return {t.split(";")[0].strip(): {} for t in types}


def responses(ok: Iterable[str] | None = None, errors: Iterable[int] = (), no_body: Iterable[int] = ()) -> dict:
    """``responses=`` for a route: 200 in ``ok`` media types, ``errors`` with error bodies, ``no_body`` bare."""
    out: dict[int | str, dict] = {}
    if ok is not None:
        out[200] = {"description": WHY[200], "content": _media(ok)}
    for status in errors:
        out[status] = {"description": WHY.get(status, "error"), "content": _media(ERROR_MEDIA)}
    for status in no_body:
        out[status] = {"description": WHY.get(status, "")}
    return out

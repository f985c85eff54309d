"""Dereferenceable IRIs: every ``{BASE}X`` is served at ``/X`` (``/id/…``, ``/scheme/…``).

HTML (the entity page) for a browser; Turtle, JSON-LD, N-Triples or RDF/XML by ``Accept``, by
``format=`` or by a ``.ttl``/``.jsonld``/``.nt``/``.rdf`` suffix. Every answer carries ``Link``
headers to its alternates. ``/describe?iri=…`` does the same for any IRI (including ones outside
the base). This router is included last: its paths are catch-alls.
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from fazhi.namespaces import PREFIXES
from service.api_docs import RDF_MEDIA, responses
from service.entity import describe_graph, entity_view, exists
from service.ld_common import iri_to_path, path_to_iri
from service.negotiate import FORMATS, Format, choose, format_by_name, format_by_suffix
from service.pages import render

router = APIRouter(tags=["linked data"])

RDF_FORMATS = ["turtle", "jsonld", "nt", "rdfxml"]
ALLOWED = ["html", *RDF_FORMATS]


def alternate_url(path: str, name: str) -> str:
    """The URL of the resource at ``path`` in format ``name``."""
    if "?" in path:
        return f"{path}&format={name}"
    return path if name == "html" else path + FORMATS[name].suffix


def alternates(path: str) -> str:
    """The ``Link`` header naming the other representations of the resource at ``path``."""
    return ", ".join(
        f'<{alternate_url(path, n)}>; rel="alternate"; type="{FORMATS[n].media_type.split(";")[0]}"' for n in ALLOWED
    )


def serialize(store, iri: str, fmt: Format) -> bytes:
    """The description of ``iri`` in an RDF format."""
    graph = describe_graph(store, iri)
    if fmt.name == "jsonld":
        return graph.serialize(format="json-ld", context=PREFIXES, auto_compact=True, indent=1).encode("utf-8")
    data = graph.serialize(format=fmt.rdflib)
    return data.encode("utf-8") if isinstance(data, str) else data


def answer(request: Request, iri: str, fmt: Format, page_path: str) -> Response:
    """The resource ``iri`` in ``fmt`` (404 when the store knows nothing about it)."""
    store = request.app.state.store
    try:
        known = exists(store, iri)
    except ValueError as e:
        raise HTTPException(400, str(e)) from e
    headers = {"Vary": "Accept", "Link": alternates(page_path)}
    if not known:
        if fmt.name == "html":
            return render(request, "not_found.html", status_code=404, iri=iri)
        raise HTTPException(404, f"nothing is known about <{iri}>")
    if fmt.name == "html":
        from service.i18n import lang_of

        view = entity_view(store, iri, lang_of(request), page_number(request))
        response = render(request, "entity.html", view=view, page_path=page_path,
                          formats=[(FORMATS[n], alternate_url(page_path, n)) for n in RDF_FORMATS])
        response.headers.update(headers)
        return response
    return Response(serialize(store, iri, fmt), media_type=fmt.media_type, headers=headers)


def page_number(request: Request) -> int:
    """``?page=`` of the entity page (1 when absent); 400 unless a positive integer."""
    raw = request.query_params.get("page", "1")
    if not raw.isdigit() or int(raw) < 1 or int(raw) > 100_000:
        raise HTTPException(400, f"page must be a positive integer, not {raw!r}")
    return int(raw)


def resolve(request: Request, path: str, format: str | None) -> Response:
    """Find the IRI and format for a local path (suffix, ``format=``, then ``Accept``)."""
    store = request.app.state.store
    if format:
        fmt = format_by_name(format)
        if fmt is None or fmt.name not in ALLOWED:
            raise HTTPException(400, f"unknown format {format!r}; use one of {', '.join(ALLOWED)}")
        return answer(request, path_to_iri(path), fmt, path)
    by_suffix = format_by_suffix(path, RDF_FORMATS + ["html"])
    if by_suffix:
        bare, fmt = by_suffix
        if exists(store, path_to_iri(bare)) and not exists(store, path_to_iri(path)):
            return answer(request, path_to_iri(bare), fmt, bare)
    fmt = choose(request.headers.get("accept"), ALLOWED, "html")
    return answer(request, path_to_iri(path), fmt, path)


_LD_RESPONSES = responses(["text/html", *RDF_MEDIA], errors=(400, 404))


@router.get("/describe", summary="Describe any IRI (HTML, Turtle, JSON-LD, N-Triples, RDF/XML)", responses=_LD_RESPONSES)
def describe(request: Request, iri: str = Query(..., description="the IRI to describe"),
             format: str | None = Query(None, description="html, turtle, jsonld, nt or rdfxml")) -> Response:
    """The description of any IRI, chosen by ``format=`` or ``Accept``."""
    fmt = format_by_name(format) if format else choose(request.headers.get("accept"), ALLOWED, "html")
    if fmt is None or fmt.name not in ALLOWED:
        raise HTTPException(400, f"unknown format {format!r}; use one of {', '.join(ALLOWED)}")
    if iri.startswith(path_to_iri("")) and "#" not in iri and fmt.name == "html":
        page = iri_to_path(iri)
    else:
        page = f"/describe?iri={quote(iri, safe='')}"
    return answer(request, iri, fmt, page)


@router.head("/id/{rest:path}", include_in_schema=False)
@router.get("/id/{rest:path}", summary="An instance IRI {BASE}id/… (entity page or RDF; HEAD too)",
            responses=_LD_RESPONSES)
def instance(request: Request, rest: str, format: str | None = None) -> Response:
    return resolve(request, f"/id/{rest}", format)


@router.head("/scheme/{rest:path}", include_in_schema=False)
@router.get("/scheme/{rest:path}", summary="A concept or scheme IRI {BASE}scheme/… (entity page or RDF; HEAD too)",
            responses=_LD_RESPONSES)
def scheme(request: Request, rest: str, format: str | None = None) -> Response:
    return resolve(request, f"/scheme/{rest}", format)

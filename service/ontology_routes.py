"""The ontology at its own IRI: ``/ont`` (and ``/ont/{version}``) as HTML documentation for a browser,
Turtle, JSON-LD, RDF/XML or N-Triples by ``Accept``, ``format=`` or a suffix; ``/ont/CHANGELOG``."""

from __future__ import annotations

from functools import lru_cache

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import PlainTextResponse, Response

from service.api_docs import RDF_MEDIA, responses
from service.negotiate import FORMATS, choose, format_by_name

router = APIRouter(tags=["ontology"])

ALLOWED = ["html", "turtle", "jsonld", "rdfxml", "nt"]


@lru_cache(maxsize=8)
def _body(fmt: str) -> bytes:
    from fazhi.namespaces import PREFIXES
    from ontology import ONTOLOGY_FILE, _rebase, ontology_graph, vocabulary_graph
    from ontology.docs import ontology_html

    if fmt == "html":
        return ontology_html(ontology_graph(), vocabulary_graph()).encode("utf-8")
    if fmt == "turtle":
        return _rebase(ONTOLOGY_FILE.read_text(encoding="utf-8")).encode("utf-8")
    g = ontology_graph()
    if fmt == "jsonld":
        return g.serialize(format="json-ld", context=PREFIXES, auto_compact=True, indent=1).encode("utf-8")
    return g.serialize(format=FORMATS[fmt].rdflib, encoding="utf-8")


def _alternates() -> str:
    return ", ".join(
        f'</ont{FORMATS[n].suffix if n != "html" else ""}>; rel="alternate"; type="{FORMATS[n].media_type.split(";")[0]}"'
        for n in ALLOWED
    )


def _answer(request: Request, suffix: str = "") -> Response:
    fmt = None
    if suffix:
        fmt = next((FORMATS[n] for n in ALLOWED if FORMATS[n].suffix == suffix), None)
        if fmt is None:
            raise HTTPException(404, f"no ontology format with suffix {suffix}")
    elif request.query_params.get("format"):
        fmt = format_by_name(request.query_params["format"])
        if fmt is None or fmt.name not in ALLOWED:
            raise HTTPException(400, f"unknown format {request.query_params['format']!r}; use one of {', '.join(ALLOWED)}")
    if fmt is None:
        fmt = choose(request.headers.get("accept"), ALLOWED, "html")
    return Response(_body(fmt.name), media_type=fmt.media_type, headers={"Vary": "Accept", "Link": _alternates()})


@router.get("/ont", summary="The fazhi ontology (HTML, Turtle, JSON-LD, RDF/XML, N-Triples by Accept)",
            responses=responses(["text/html", *RDF_MEDIA], errors=(400,)))
def ontology(request: Request) -> Response:
    return _answer(request)


@router.get("/ont.{ext}", include_in_schema=False)
def ontology_suffix(request: Request, ext: str) -> Response:
    return _answer(request, "." + ext)


@router.get("/ont/CHANGELOG", summary="The ontology's changelog (Markdown)", responses=responses(["text/markdown"]))
def changelog() -> PlainTextResponse:
    from ontology import HERE

    return PlainTextResponse((HERE / "CHANGELOG.md").read_text(encoding="utf-8"), media_type="text/markdown; charset=utf-8")


@router.get("/ont/{version}", summary="A version of the ontology (by its owl:versionIRI)",
            responses=responses(["text/html", *RDF_MEDIA], errors=(400, 404)))
def ontology_version(request: Request, version: str) -> Response:
    from rdflib import OWL

    from ontology import ontology_graph

    versions = {str(v).rsplit("/", 1)[-1] for v in ontology_graph().objects(None, OWL.versionIRI)}
    if version not in versions:
        raise HTTPException(404, f"no ontology version {version}; this service has {', '.join(sorted(versions))}")
    return _answer(request)

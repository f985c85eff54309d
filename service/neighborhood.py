"""``/neighborhood`` (k-hop neighbourhood of an IRI) and ``/path`` (shortest connections between two).

Answers: JSON nodes and edges with zh/en labels and types (default), Cytoscape.js elements JSON,
JSON-LD or Turtle, by ``format=`` or ``Accept``. The walk runs over SPARQL by default: one indexed query
per hop, no start-up load, flat memory. ``engine=networkx`` runs it over an in-memory networkx graph of
the store's triples instead, with the same answer: 10-100x faster per walk, but at 1,000 reports the
graph takes minutes and 3 GiB to build and at 10,000 it would not fit (``bench/bench_explore.py``,
figures in ``bench/README.md``).
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from rdflib import RDF, Graph, Literal, URIRef

from fazhi.namespaces import PREFIXES
from service.api_docs import responses
from service.graph_walk import (
    DIRECTIONS,
    Neighborhood,
    SparqlWalker,
    Walker,
    WalkerCache,
    neighborhood,
    shortest_paths,
)
from service.ld_common import curie, fetch_labels, iri_to_path, kind_of, local_name, pick_label, sparql_iri
from service.negotiate import choose, format_by_name

router = APIRouter(tags=["graph"])

FORMATS = ["json", "cytoscape", "jsonld", "turtle"]
DEFAULT_ENGINE = "sparql"
MAX_LIMIT = 2000


def walker_for(request: Request, engine: str | None) -> Walker:
    """The walker of the chosen engine (``sparql`` or ``networkx``)."""
    engine = engine or DEFAULT_ENGINE
    store = request.app.state.store
    if engine == "sparql":
        return SparqlWalker(store)
    if engine == "networkx":
        cache = getattr(request.app.state, "walker_cache", None)
        if cache is None:
            cache = request.app.state.walker_cache = WalkerCache()
        return cache.get(store)
    raise HTTPException(400, f"unknown engine {engine!r}; use sparql or networkx")


def _check_iri(name: str, iri: str) -> str:
    try:
        sparql_iri(iri)
    except ValueError as e:
        raise HTTPException(400, f"{name}: {e}") from e
    return iri


def node_json(iri: str, labels: dict, types: set[str], lang: str, **extra) -> dict:
    """A node as JSON: id, zh/en labels, display label, types, kind, page link."""
    lab = labels.get(iri, {})
    return {
        "id": iri,
        "label": pick_label(lab, lang, local_name(iri)),
        "labels": {k: v for k, v in lab.items() if k},
        "types": sorted(types),
        "type_labels": sorted(pick_label(labels.get(t), lang, curie(t)) for t in types),
        "kind": kind_of(iri),
        "href": iri_to_path(iri),
        **extra,
    }


def edge_json(edge: tuple[str, str, str], labels: dict, lang: str) -> dict:
    s, p, o = edge
    return {"source": s, "target": o, "predicate": p,
            "label": pick_label(labels.get(p), lang, curie(p))}


def result_json(nb: Neighborhood, labels: dict, lang: str) -> dict:
    """The neighbourhood as JSON nodes and edges."""
    return {
        "root": nb.root,
        "hops": nb.hops,
        "direction": nb.direction,
        "limit": nb.limit,
        "truncated": nb.truncated,
        "capped": nb.capped,
        "node_count": len(nb.distance),
        "edge_count": len(nb.edges),
        "nodes": [node_json(n, labels, nb.types.get(n, set()), lang, distance=d) for n, d in nb.distance.items()],
        "edges": [edge_json(e, labels, lang) for e in nb.edges],
    }


def cytoscape_json(data: dict) -> dict:
    """Cytoscape.js elements JSON of a nodes/edges answer."""
    nodes = [{"data": {**n, "types": n["types"]}, "classes": n["kind"]} for n in data["nodes"]]
    edges = [{"data": {"id": f"{e['source']} {e['predicate']} {e['target']}", **e}} for e in data["edges"]]
    meta = {k: v for k, v in data.items() if k not in ("nodes", "edges")}
    return {"elements": {"nodes": nodes, "edges": edges}, "data": meta}


def rdf_graph(nodes: dict[str, set[str]], edges: list[tuple[str, str, str]], labels: dict) -> Graph:
    """The edges, types and labels of an answer as an rdflib graph."""
    g = Graph()
    for p, ns in PREFIXES.items():
        g.bind(p, ns)
    for s, p, o in edges:
        g.add((URIRef(s), URIRef(p), URIRef(o)))
    for n, types in nodes.items():
        for t in types:
            g.add((URIRef(n), RDF.type, URIRef(t)))
        for lang, lab in labels.get(n, {}).items():
            g.add((URIRef(n), URIRef(PREFIXES["rdfs"] + "label"), Literal(lab, lang=lang or None)))
    return g


def respond(request: Request, data: dict, nodes: dict[str, set[str]], edges, labels: dict,
            format: str | None) -> Response:
    """``data`` in the format asked for."""
    fmt = format_by_name(format) if format else choose(request.headers.get("accept"), FORMATS, "json")
    if fmt is None or fmt.name not in FORMATS:
        raise HTTPException(400, f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    if fmt.name == "json":
        return JSONResponse(data)
    if fmt.name == "cytoscape":
        return JSONResponse(cytoscape_json(data), media_type=fmt.media_type)
    g = rdf_graph(nodes, edges, labels)
    if fmt.name == "jsonld":
        return Response(g.serialize(format="json-ld", context=PREFIXES, auto_compact=True), media_type=fmt.media_type)
    return Response(g.serialize(format="turtle"), media_type=fmt.media_type)


@router.get("/neighborhood", summary="k-hop neighbourhood of an IRI (JSON, Cytoscape.js, JSON-LD, Turtle)",
            responses=responses([format_by_name(f).media_type for f in FORMATS], errors=(400, 404)))
def get_neighborhood(
    request: Request,
    iri: str = Query(..., description="the IRI at the centre"),
    hops: int = Query(1, ge=1, le=3, description="1 to 3 hops"),
    direction: str = Query("both", description="out, in or both"),
    predicate: list[str] = Query([], description="follow only these predicates (repeatable)"),
    type: list[str] = Query([], description="keep only nodes of these types (repeatable; IRIs or fz:Term)"),
    limit: int = Query(100, ge=1, le=MAX_LIMIT, description="at most this many nodes; `truncated` says when cut"),
    format: str | None = Query(None, description="json, cytoscape, jsonld or turtle (else by Accept)"),
    engine: str | None = Query(None, description="sparql (default) or networkx"),
    lang: str | None = Query(None, description="zh or en: the language of `label`"),
) -> Response:
    """Nodes within ``hops`` of ``iri``, closest first, with the edges among them."""
    _check_iri("iri", iri)
    if direction not in DIRECTIONS:
        raise HTTPException(400, f"direction must be one of {', '.join(DIRECTIONS)}")
    predicates = [_check_iri("predicate", expand_curie(p)) for p in predicate]
    types = [_check_iri("type", expand_curie(t)) for t in type]
    walker = walker_for(request, engine)
    nb = neighborhood(walker, iri, hops, direction, predicates, types, limit)
    labels = fetch_labels(request.app.state.store,
                          set(nb.distance) | {e[1] for e in nb.edges} | {t for ts in nb.types.values() for t in ts})
    data = result_json(nb, labels, lang if lang in ("zh", "en") else "zh")
    nodes = {n: nb.types.get(n, set()) for n in nb.distance}
    return respond(request, data, nodes, nb.edges, labels, format)


@router.get("/path", summary="Shortest connections between two IRIs",
            responses=responses([format_by_name(f).media_type for f in FORMATS], errors=(400, 404)))
def get_path(
    request: Request,
    from_: str = Query(..., alias="from", description="one IRI"),
    to: str = Query(..., description="the other IRI"),
    max_hops: int = Query(6, ge=1, le=10, description="longest connection looked for"),
    max_paths: int = Query(10, ge=1, le=100),
    predicate: list[str] = Query([], description="follow only these predicates (repeatable)"),
    format: str | None = Query(None, description="json, cytoscape, jsonld or turtle"),
    engine: str | None = Query(None, description="sparql (default) or networkx"),
    lang: str | None = Query(None),
) -> Response:
    """The shortest undirected connections, e.g. two governments through a mechanism both adopted."""
    _check_iri("from", from_)
    _check_iri("to", to)
    predicates = [_check_iri("predicate", expand_curie(p)) for p in predicate]
    walker = walker_for(request, engine)
    paths = shortest_paths(walker, from_, to, max_hops, max_paths, predicates)
    edges = sorted({e for path in paths for e in path})
    node_ids = sorted({x for s, _, o in edges for x in (s, o)} | {from_, to})
    types = walker.types(node_ids)
    labels = fetch_labels(request.app.state.store,
                          set(node_ids) | {e[1] for e in edges} | {t for ts in types.values() for t in ts})
    lg = lang if lang in ("zh", "en") else "zh"
    data = {
        "from": from_,
        "to": to,
        "found": bool(paths),
        "length": len(paths[0]) if paths else None,
        "paths": [[edge_json(e, labels, lg) for e in p] for p in paths],
        "nodes": [node_json(n, labels, types.get(n, set()), lg) for n in node_ids],
        "edges": [edge_json(e, labels, lg) for e in edges],
    }
    return respond(request, data, {n: types.get(n, set()) for n in node_ids}, edges, labels, format)


def expand_curie(value: str) -> str:
    """``fz:Agency`` → the full IRI (known prefixes); full IRIs unchanged."""
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return PREFIXES[prefix] + local
    return value

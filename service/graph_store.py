"""``/store``: the SPARQL 1.1 Graph Store HTTP Protocol (``?graph=IRI`` or ``?default``).

GET/HEAD read a graph (or, without a parameter, the whole dataset as N-Quads/TriG); PUT replaces a
graph, POST adds to it, DELETE drops it. Writes need the update token (``Authorization: Bearer``) or
``--allow-update``, exactly like SPARQL Update; without them nothing changes.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from fazhi.store import StoreError
from service.api_docs import responses
from service.conneg import RDF_TYPES, negotiate, not_acceptable
from service.sparql import pool_for
from service.update_auth import update_refusal
from service.update_exec import UpdateTimeout, apply_update

router = APIRouter(tags=["graph store"])

QUAD_TYPES = ["application/n-quads", "application/trig"]
TRIPLE_TYPES = [m for m in RDF_TYPES if m not in QUAD_TYPES]


def _target(request: Request) -> tuple[str | None, bool, Response | None]:
    """(graph IRI, is-default, error): from ``graph=`` or ``default``; neither means the whole dataset."""
    params = request.query_params
    graphs = params.getlist("graph")
    if len(graphs) > 1 or (graphs and "default" in params):
        return None, False, PlainTextResponse("Give one 'graph' parameter or 'default', not both.", status_code=400)
    if graphs:
        return graphs[0], False, None
    return None, "default" in params, None


async def _exists(request: Request, graph: str) -> bool:
    return graph in await run_in_threadpool(request.app.state.store.graph_names)


def _stream(file) -> Iterator[bytes]:
    def chunks():
        with file:
            file.seek(0)
            while chunk := file.read(1 << 16):
                yield chunk

    return chunks()


async def read(request: Request) -> Response:
    graph, default, error = _target(request)
    if error:
        return error
    store = request.app.state.store
    offered = TRIPLE_TYPES if (graph or default) else QUAD_TYPES
    media = negotiate(request.headers.get("accept"), offered)
    if media is None:
        return not_acceptable(offered)
    fmt = RDF_TYPES[media]
    if graph is not None and not await _exists(request, graph):
        return PlainTextResponse(f"No graph <{graph}> in the store.", status_code=404)
    if request.method == "HEAD":
        return Response(media_type=media)
    out = tempfile.SpooledTemporaryFile(max_size=8 << 20)

    def write() -> None:
        if default:
            triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", union_default_graph=False)
            ox.serialize(list(triples), out, format=fmt)
        else:
            store.dump(out, fmt, graph=graph)

    try:
        await run_in_threadpool(write)
    except (StoreError, OSError) as e:
        out.close()
        return PlainTextResponse(f"Could not read the store: {e}", status_code=500)
    return StreamingResponse(_stream(out), media_type=media)


def _parse_body(body: bytes, content_type: str, base: str, quads_allowed: bool) -> list | Response:
    media = content_type.split(";")[0].strip().lower()
    fmt = RDF_TYPES.get(media)
    if fmt is None or (media in QUAD_TYPES and not quads_allowed):
        allowed = list(RDF_TYPES) if quads_allowed else TRIPLE_TYPES
        return PlainTextResponse(f"Unsupported Content-Type {media or '(none)'!r}; send one of: {', '.join(allowed)}.",
                                 status_code=415)
    try:
        return list(ox.parse(body, format=fmt, base_iri=base))
    except (SyntaxError, ValueError) as e:
        return PlainTextResponse(f"The body is not valid {media}: {e}", status_code=400)


def _nt(quads: list[ox.Quad]) -> str:
    return ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES).decode()


async def write(request: Request) -> Response:
    refusal = update_refusal(request)
    if refusal is not None:
        return refusal
    graph, default, error = _target(request)
    if error:
        return error
    if request.method == "DELETE":
        if default:
            update = "DROP SILENT DEFAULT"
        elif graph is None:
            return PlainTextResponse("DELETE needs 'graph=IRI' or 'default'.", status_code=400)
        elif not await _exists(request, graph):
            return PlainTextResponse(f"No graph <{graph}> in the store.", status_code=404)
        else:
            update = f"DROP GRAPH <{graph}>"
        return await _apply(request, update, 204)
    if request.method == "PUT" and graph is None and not default:
        return PlainTextResponse("PUT needs 'graph=IRI' or 'default'.", status_code=400)
    parsed = _parse_body(await request.body(), request.headers.get("content-type", ""),
                         str(request.url), quads_allowed=graph is None and not default)
    if isinstance(parsed, Response):
        return parsed
    existed = graph is None or await _exists(request, graph)
    if graph is None and not default:  # POST of quads to the dataset
        blocks = {}
        for q in parsed:
            key = "" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
            blocks.setdefault(key, []).append(q)
        body = "".join(_nt(qs) if not g else f"GRAPH {g} {{\n{_nt(qs)}}}\n" for g, qs in blocks.items())
        return await _apply(request, f"INSERT DATA {{\n{body}}}", 204)
    target = f"GRAPH <{graph}>" if graph else "DEFAULT"
    data = _nt(parsed)
    ops = [f"DROP SILENT {target}"] if request.method == "PUT" else []
    if data.strip():
        ops.append(f"INSERT DATA {{ GRAPH <{graph}> {{\n{data}}} }}" if graph else f"INSERT DATA {{\n{data}}}")
    if not ops:
        return Response(status_code=204)
    return await _apply(request, " ;\n".join(ops), 204 if existed else 201)


_WRITE = responses(errors=(400, 401, 403, 404, 413, 415, 503), no_body=(201, 204))
_RESPONSES = {"GET": responses(RDF_TYPES, errors=(400, 404, 406)), "HEAD": responses(RDF_TYPES, errors=(400, 404, 406)),
              "PUT": _WRITE, "POST": _WRITE, "DELETE": _WRITE}

for _method, _handler, _summary in [
    ("GET", read, "Graph Store Protocol: read a graph (?graph=IRI, ?default) or the whole dataset"),
    ("HEAD", read, "Graph Store Protocol: does the graph exist"),
    ("PUT", write, "Graph Store Protocol: replace a graph (token needed)"),
    ("POST", write, "Graph Store Protocol: add to a graph or the dataset (token needed)"),
    ("DELETE", write, "Graph Store Protocol: drop a graph (token needed)"),
]:
    router.add_api_route("/store", _handler, methods=[_method], operation_id=f"graph_store_{_method.lower()}",
                         summary=_summary, response_class=Response, responses=_RESPONSES[_method])


async def _apply(request: Request, update: str, status: int) -> Response:
    pool = pool_for(request.app)
    async with request.app.state.update_lock:
        try:
            await apply_update(request.app, update, request.app.state.settings.update_timeout)
        except UpdateTimeout as e:
            return PlainTextResponse(f"Write stopped: {e}.", status_code=503)
        except (StoreError, OSError, SyntaxError, ValueError) as e:
            return PlainTextResponse(f"Write failed: {e}", status_code=500)
        finally:
            pool.bump_generation()
            request.app.state.graph_names_cache = None
    return Response(status_code=status)

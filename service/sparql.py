"""``/sparql``: the SPARQL 1.1 Protocol endpoint (query and update), its service description and query page.

* Query by GET, POST form or POST direct; results negotiated by ``Accept`` (or ``format=``):
  SELECT/ASK as SPARQL JSON, XML, CSV, TSV; CONSTRUCT/DESCRIBE as Turtle, N-Triples, N-Quads, TriG,
  JSON-LD, RDF/XML. DESCRIBE also gives the triples where the resource is the object.
* The default graph is the union of all graphs unless the query (FROM) or the protocol
  (``default-graph-uri``, ``named-graph-uri``) names the dataset.
* Safety: SERVICE and LOAD are refused (400); every query runs in a worker process with a time limit
  (server ``--query-timeout``, lower per request with ``timeout=SECONDS``) and is killed past it (503);
  updates likewise run in a child process killed at ``--update-timeout`` (503, nothing applied);
  rows are capped (``--max-rows``, header ``X-Fazhi-Truncated``, and in the body where the format has a
  place for it: see ``service.truncation_note``); updates need the bearer token or
  ``--allow-update``.
* ``GET /sparql`` without a query: the service description (``sd:``), or the YASGUI query page for
  ``Accept: text/html``.
"""

from __future__ import annotations

import asyncio
import time
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import parse_qsl

import pyoxigraph as ox
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.concurrency import run_in_threadpool

from fazhi.store import LocalStore, StoreError
from service.conneg import FORMAT_ALIASES, RDF_TYPES, RESULTS_TYPES, negotiate, not_acceptable
from service.query_exec import SLOW_AFTER, PoolClosed, QueryJob, QueryTimeout, WorkerPool
from service.sparql_page import query_page
from service.sparql_text import (
    ABSENT_GRAPH,
    DatasetConflict,
    PrefixedDatasetName,
    add_using,
    dataset_iris,
    describe_as_select,
    neutralise_dataset,
    query_facts,
    tokenize,
)
from service.truncation_note import note
from service.update_auth import update_refusal
from service.update_exec import UpdateTimeout, apply_update

YASGUI_DIR = Path(__file__).parent / "static" / "yasgui"
FORM = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
GRAPH_NAMES_TTL = 5.0  # seconds


def pool_for(app: FastAPI) -> WorkerPool:
    """The app's query worker pool (created on first use)."""
    pool = getattr(app.state, "sparql_pool", None)
    if pool is None:
        pool = WorkerPool(app.state.store.location, app.state.settings.query_workers)
        app.state.sparql_pool = pool
        app.state.update_lock = asyncio.Lock()
    return pool


@asynccontextmanager
async def lifespan(app: FastAPI):
    pool = pool_for(app)
    await pool.start()
    try:
        yield
    finally:
        await pool.close()


router = APIRouter(tags=["sparql"], lifespan=lifespan)


def _error(status: int, message: str) -> PlainTextResponse:
    return PlainTextResponse(message, status_code=status)


def _endpoint_url(request: Request) -> str:
    return f"{request.url.scheme}://{request.url.netloc}{request.url.path}"


async def _read_params(request: Request) -> tuple[dict[str, list[str]], Response | None]:
    """Protocol parameters from the URL and the body: name → values (``query``/``update`` included)."""
    params: dict[str, list[str]] = {}
    for name, value in request.query_params.multi_items():
        params.setdefault(name, []).append(value)
    if request.method == "GET":
        return params, None
    ctype_header = request.headers.get("content-type", "")
    ctype, _, rest = ctype_header.partition(";")
    ctype = ctype.strip().lower()
    charset = ""
    for p in rest.split(";"):
        k, _, v = p.partition("=")
        if k.strip().lower() == "charset":
            charset = v.strip().strip('"').lower()
    if charset and charset not in ("utf-8", "utf8", "us-ascii"):
        return params, _error(415, f"Unsupported charset {charset!r}: send the request body as UTF-8.")
    if ctype not in (FORM, QUERY_TYPE, UPDATE_TYPE):
        return params, _error(
            415,
            f"Unsupported Content-Type {ctype_header or '(none)'!r}: POST a query as {QUERY_TYPE}, "
            f"an update as {UPDATE_TYPE}, or either as {FORM}.",
        )
    raw = await request.body()
    try:
        body = raw.decode("utf-8")
    except UnicodeDecodeError:
        return params, _error(400, "The request body is not valid UTF-8.")
    if ctype == FORM:
        for name, value in parse_qsl(body, keep_blank_values=True):
            params.setdefault(name, []).append(value)
    else:
        params.setdefault("query" if ctype == QUERY_TYPE else "update", []).append(body)
    return params, None


def _param(name: str, description: str, many: bool = False) -> dict:
    schema = {"type": "array", "items": {"type": "string"}} if many else {"type": "string"}
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


OPENAPI = {
    "parameters": [
        _param("query", "SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE). Without it: the service description."),
        _param("default-graph-uri", "graph(s) forming the default graph (default: the union of all graphs)", True),
        _param("named-graph-uri", "graph(s) available to GRAPH (default: all)", True),
        _param("timeout", "time limit in seconds for this query (at most the server's)"),
        _param("format", "json, xml, csv, tsv, ttl, nt, nq, trig, jsonld, rdf: overrides Accept"),
    ],
    "requestBody": {
        "required": False,
        "content": {
            "application/sparql-query": {"schema": {"type": "string"}},
            "application/sparql-update": {"schema": {"type": "string"}},
            "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {
                "query": {"type": "string"}, "update": {"type": "string"}}}},
        },
    },
    "responses": {
        "200": {"description": "results, negotiated by Accept", "content": {m: {} for m in [*RESULTS_TYPES, *RDF_TYPES]}},
        "204": {"description": "update applied"},
        "400": {"description": "syntax error, SERVICE/LOAD refused, bad parameters"},
        "401": {"description": "update without the right bearer token"},
        "403": {"description": "updates disabled (read-only)"},
        "406": {"description": "no acceptable result format"},
        "413": {"description": "request body too large"},
        "415": {"description": "unsupported Content-Type or charset"},
        "503": {"description": "query stopped at its time limit"},
    },
}


async def sparql(request: Request) -> Response:
    """SPARQL 1.1 Protocol: ``query`` by GET/POST, ``update`` by POST; without either, the service description."""
    params, error = await _read_params(request)
    if error is not None:
        return error
    queries, updates = params.get("query", []), params.get("update", [])
    if len(queries) > 1 or len(updates) > 1:
        return _error(400, "Give exactly one 'query' or one 'update' parameter.")
    if queries and updates:
        return _error(400, "A request carries either a query or an update, not both.")
    if updates:
        if request.method != "POST":
            return _error(405 if request.method == "GET" else 400, "Updates must be sent with POST.")
        return await _run_update(request, updates[0], params)
    if queries:
        return await _run_query(request, queries[0], params)
    if request.method == "POST":
        return _error(400, "Missing 'query' or 'update'.")
    return await _describe_service(request, params)


for _method in ("GET", "POST"):
    router.add_api_route(
        "/sparql", sparql, methods=[_method], response_class=Response, openapi_extra=OPENAPI,
        operation_id=f"sparql_{_method.lower()}",
        summary=f"SPARQL 1.1 Protocol ({_method}): query, update, service description, query page",
    )


async def _client_gone(request: Request) -> None:
    """Returns when the client disconnects."""
    while (await request.receive())["type"] != "http.disconnect":
        pass


async def _run_watching_client(request: Request, pool: WorkerPool, job: QueryJob, timeout: float):
    """Run ``job``; past :data:`SLOW_AFTER` also watch the client and stop the query if it leaves."""
    run = asyncio.ensure_future(pool.run(job, timeout))
    done, _ = await asyncio.wait({run}, timeout=SLOW_AFTER)
    if not done:
        gone = asyncio.ensure_future(_client_gone(request))
        done, _ = await asyncio.wait({run, gone}, return_when=asyncio.FIRST_COMPLETED)
        if run not in done:
            run.cancel()  # the pool kills and replaces the worker
            return None
        gone.cancel()
    return run.result()


def _timeout(request: Request, params: dict[str, list[str]]) -> float | Response:
    limit = request.app.state.settings.query_timeout
    asked = params.get("timeout")
    if not asked:
        return limit
    try:
        value = float(asked[-1])
    except ValueError:
        return _error(400, f"timeout must be a number of seconds, got {asked[-1]!r}.")
    if not value > 0:  # also NaN
        return _error(400, "timeout must be positive.")
    return min(value, limit)


async def _graph_names(request: Request) -> set[str]:
    """Named graphs of the store, cached for a few seconds (used to vet dataset IRIs on remote stores)."""
    cached = getattr(request.app.state, "graph_names_cache", None)
    now = time.monotonic()
    if cached is None or now - cached[0] > GRAPH_NAMES_TTL:
        cached = (now, set(await run_in_threadpool(request.app.state.store.graph_names)))
        request.app.state.graph_names_cache = cached
    return cached[1]


async def _known_graphs(request: Request, graphs: list[str]) -> list[str]:
    """Protocol dataset graphs; on a remote store, unknown ones become the absent-graph placeholder."""
    if isinstance(request.app.state.store, LocalStore) or not graphs:
        return graphs
    known = await _graph_names(request)
    return [g if g in known else ABSENT_GRAPH for g in graphs]


async def _neutralised(request: Request, text: str, tokens) -> str | Response:
    if not dataset_iris(tokens) and not any(t.is_word("FROM", "USING") for t in tokens):
        return text
    try:
        return neutralise_dataset(text, tokens, await _graph_names(request))
    except PrefixedDatasetName as e:
        return _error(400, f"On this server {e}.")


def _choose(request: Request, params: dict[str, list[str]], offered: list[str]) -> str | None:
    fmt = params.get("format")
    if fmt:
        media = FORMAT_ALIASES.get(fmt[-1].lower(), fmt[-1].lower())
        return media if media in offered else None
    return negotiate(request.headers.get("accept"), offered)


async def _run_query(request: Request, query: str, params: dict[str, list[str]]) -> Response:
    settings = request.app.state.settings
    text = f"BASE <{_endpoint_url(request)}> {query}"
    facts = query_facts(text)
    if facts.outbound:
        return _error(
            400, f"{facts.outbound} is not allowed here: this endpoint never fetches data from other servers or files."
        )
    if facts.tokens is not None and not isinstance(request.app.state.store, LocalStore):
        safe = await _neutralised(request, text, facts.tokens)
        if isinstance(safe, Response):
            return safe
        text, facts = safe, query_facts(safe)
    form = facts.form or "SELECT"
    offered = list(RESULTS_TYPES) if form in ("SELECT", "ASK") else list(RDF_TYPES)
    media = _choose(request, params, offered)
    if media is None:
        return not_acceptable(offered)
    timeout = _timeout(request, params)
    if isinstance(timeout, Response):
        return timeout
    default_graphs = params.get("default-graph-uri")
    named_graphs = params.get("named-graph-uri")
    protocol_dataset = default_graphs is not None or named_graphs is not None
    for graph in (default_graphs or []) + (named_graphs or []):
        try:
            ox.NamedNode(graph)
        except ValueError:
            return _error(400, f"default-graph-uri and named-graph-uri must be absolute IRIs, not {graph!r}.")
    job = QueryJob(
        text=text,
        form=form,
        media_type=media,
        max_rows=settings.max_rows,
        union_default_graph=not facts.has_dataset,
        default_graphs=await _known_graphs(request, default_graphs or []) if protocol_dataset else None,
        named_graphs=await _known_graphs(request, named_graphs or []) if protocol_dataset else None,
        describe_select=describe_as_select(text, facts.tokens) if form == "DESCRIBE" and facts.tokens else None,
        note_iri=f"{_endpoint_url(request)}#truncated",
    )
    try:
        reply = await _run_watching_client(request, pool_for(request.app), job, timeout)
        if reply is None:  # the client went away: its query was stopped
            return Response(status_code=499)
    except QueryTimeout as e:
        return _error(503, f"Query stopped: {e}.")
    except PoolClosed as e:
        return _error(503, str(e))
    headers = dict(reply.headers)
    if headers:
        headers["Access-Control-Expose-Headers"] = ", ".join(headers)
    return Response(reply.body, status_code=reply.status, media_type=reply.media_type, headers=headers)


async def _run_update(request: Request, update: str, params: dict[str, list[str]]) -> Response:
    refusal = update_refusal(request)
    if refusal is not None:
        return refusal
    text = f"BASE <{_endpoint_url(request)}> {update}"
    tokens = tokenize(text)
    outbound = query_facts(text).outbound
    if outbound:
        return _error(
            400, f"{outbound} is not allowed here: this endpoint never fetches data from other servers or files."
        )
    try:
        text = add_using(text, tokens, params.get("using-graph-uri", []), params.get("using-named-graph-uri", []))
    except DatasetConflict as e:
        return _error(400, str(e))
    if not isinstance(request.app.state.store, LocalStore):
        safe = await _neutralised(request, text, tokenize(text))
        if isinstance(safe, Response):
            return safe
        text = safe
    pool = pool_for(request.app)
    async with request.app.state.update_lock:
        try:
            await apply_update(request.app, text, request.app.state.settings.update_timeout)
        except UpdateTimeout as e:
            return _error(503, f"Update stopped: {e}.")
        except SyntaxError as e:
            return _error(400, f"Update syntax error: {e}")
        except (StoreError, OSError, ValueError, RuntimeError) as e:
            return _error(500, f"Update failed: {e}")
        finally:
            pool.bump_generation()
            request.app.state.graph_names_cache = None
    return Response(status_code=204)


SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
_SD_FORMATS = ["SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
               "Turtle", "N-Triples", "N-Quads", "TriG", "JSON-LD", "RDF_XML"]


def service_description(endpoint: str, updates: bool, graphs: list[str], max_rows: int | None = None) -> str:
    """The ``sd:Service`` description of this endpoint, as N-Triples (with the row-cap note truncated
    results link to, ``#truncated``)."""
    lines = [
        f"<{endpoint}#service> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{SD}Service> .",
        f"<{endpoint}#service> <{SD}endpoint> <{endpoint}> .",
        f"<{endpoint}#service> <{SD}supportedLanguage> <{SD}SPARQL11Query> .",
        f"<{endpoint}#service> <{SD}feature> <{SD}UnionDefaultGraph> .",
        f"<{endpoint}#service> <{SD}defaultDataset> <{endpoint}#dataset> .",
        f"<{endpoint}#dataset> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{SD}Dataset> .",
        f"<{endpoint}#dataset> <{SD}defaultGraph> <{endpoint}#default-graph> .",
        f"<{endpoint}#default-graph> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{SD}Graph> .",
        f'<{endpoint}#default-graph> <http://purl.org/dc/terms/description> "The union of all named graphs."@en .',
    ]
    if updates:
        lines.append(f"<{endpoint}#service> <{SD}supportedLanguage> <{SD}SPARQL11Update> .")
    if max_rows is not None:
        lines.append(f'<{endpoint}#truncated> <http://www.w3.org/2000/01/rdf-schema#comment> "{note(max_rows)}"@en .')
    lines += [f"<{endpoint}#service> <{SD}resultFormat> <{FORMATS}{f}> ." for f in _SD_FORMATS]
    for i, g in enumerate(graphs):
        node = f"<{endpoint}#graph-{i}>"
        lines += [
            f"<{endpoint}#dataset> <{SD}namedGraph> {node} .",
            f"{node} <{SD}name> <{g}> .",
        ]
    return "\n".join(lines) + "\n"


async def _describe_service(request: Request, params: dict[str, list[str]]) -> Response:
    offered = list(RDF_TYPES) + ["text/html"]
    media = _choose(request, params, offered)
    if media is None:
        return not_acceptable(offered)
    if media == "text/html":
        settings = request.app.state.settings
        return HTMLResponse(query_page(_endpoint_url(request), settings.query_timeout, settings.max_rows))
    try:
        graphs = await run_in_threadpool(request.app.state.store.graph_names)
    except (StoreError, OSError):
        graphs = []
    settings = request.app.state.settings
    nt = service_description(_endpoint_url(request), settings.updates_enabled, graphs, settings.max_rows)
    triples = [q.triple for q in ox.parse(nt.encode(), format=ox.RdfFormat.N_TRIPLES)]
    body = ox.serialize(triples, format=RDF_TYPES[media])
    return Response(body, media_type=media)


@router.get("/sparql/yasgui/{name}", include_in_schema=False)
def yasgui_asset(name: str) -> FileResponse:
    """The vendored YASGUI files (no CDN)."""
    path = YASGUI_DIR / name
    if name not in ("yasgui.min.js", "yasgui.min.css") or not path.is_file():
        return PlainTextResponse("Not found", status_code=404)
    return FileResponse(path, headers={"Cache-Control": "public, max-age=86400"})

"""``/dump`` (the dataset streamed as N-Quads, TriG or Turtle), ``/.well-known/void`` (VoID) and
``/catalog`` (DCAT: catalogue, dataset, distributions, SPARQL service), with real statistics."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterator

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response, StreamingResponse
from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, VOID

from fazhi import __version__
from fazhi.commands.export import FORMATS as DUMP_FORMATS
from fazhi.commands.export import dump_dataset
from fazhi.namespaces import BASE, PREFIXES, SD
from service.api_docs import RDF_MEDIA, responses
from service.negotiate import choose, format_by_name

router = APIRouter(tags=["dumps"])

DESCRIPTION_FORMATS = ["turtle", "jsonld", "nt", "rdfxml"]
CHUNK = 64 * 1024
KG = URIRef(BASE + "kg")


class _QueueWriter:
    """A binary writer that hands its bytes, in chunks, to a bounded queue (back-pressure for streaming)."""

    def __init__(self, q: queue.Queue, cancelled: threading.Event):
        self.q, self.cancelled, self.buf = q, cancelled, bytearray()

    def write(self, data) -> int:
        if self.cancelled.is_set():
            raise BrokenPipeError("client went away")
        self.buf += data
        if len(self.buf) >= CHUNK:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if self.buf:
            chunk, self.buf = bytes(self.buf), bytearray()
            while not self.cancelled.is_set():
                try:
                    self.q.put(chunk, timeout=0.5)
                    return
                except queue.Full:
                    continue


def stream_dump(store, fmt: str) -> Iterator[bytes]:
    """The dump's bytes as they are written by a background thread (never the whole dataset in memory)."""
    q: queue.Queue = queue.Queue(maxsize=16)
    cancelled = threading.Event()
    done = object()
    errors: list[BaseException] = []

    def work() -> None:
        writer = _QueueWriter(q, cancelled)
        try:
            dump_dataset(store, writer, fmt)
            writer.flush()
        except BaseException as e:  # handed to the consumer below
            errors.append(e)
        finally:
            while not cancelled.is_set():
                try:
                    q.put(done, timeout=0.5)
                    break
                except queue.Full:
                    continue

    thread = threading.Thread(target=work, name="fazhi-dump", daemon=True)
    thread.start()
    try:
        while True:
            item = q.get()
            if item is done:
                break
            yield item
        if errors and not isinstance(errors[0], BrokenPipeError):
            raise errors[0]
    finally:
        cancelled.set()


@router.get("/dump", summary="The whole dataset, streamed: N-Quads (default), TriG or Turtle",
            responses=responses([media for _, media, _ in DUMP_FORMATS.values()], errors=(400,)))
def dump(request: Request, format: str | None = Query(None, description="nquads, trig or turtle (else by Accept)")):
    if format:
        name = {"nq": "nquads", "n-quads": "nquads", "ttl": "turtle"}.get(format.lower(), format.lower())
    else:
        name = choose(request.headers.get("accept"), ["nquads", "trig", "turtle"], "nquads").name
    if name not in DUMP_FORMATS:
        raise HTTPException(400, f"unknown dump format {format!r}; use nquads, trig or turtle")
    _, media, suffix = DUMP_FORMATS[name]
    return StreamingResponse(
        stream_dump(request.app.state.store, name), media_type=media,
        headers={"Content-Disposition": f'attachment; filename="fazhi{suffix}"'},
    )


def compute_statistics(store) -> dict:
    """Triples, entities (distinct IRI subjects), classes, properties, graphs, and per-class/property counts."""
    one = "SELECT (COUNT(*) AS ?n) WHERE {{ {} }}"

    def scalar(q: str) -> int:
        return int(next(iter(store.query(q)))["n"].value)

    stats = {
        "quads": store.count(),
        "triples": scalar("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"),
        "entities": scalar("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o FILTER(isIRI(?s)) }"),
        "distinct_objects": scalar("SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }"),
        "graphs": len(store.graph_names()),
        "reports": scalar(one.format(f"GRAPH ?g {{ ?r a <{BASE}ont#AnnualReport> }}")),
    }
    stats["class_partitions"] = {
        r["c"].value: int(r["n"].value)
        for r in store.query("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c FILTER(isIRI(?c)) } GROUP BY ?c")
    }
    stats["property_partitions"] = {
        r["p"].value: int(r["n"].value)
        for r in store.query("SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p")
    }
    stats["classes"] = len(stats["class_partitions"])
    stats["properties"] = len(stats["property_partitions"])
    return stats


class StatsCache:
    """Statistics recomputed when the store's quad count changes (checked at most every ``ttl`` s)."""

    def __init__(self, ttl: float = 30.0):
        self.ttl, self._lock = ttl, threading.Lock()
        self._stats: dict | None = None
        self._count, self._checked = -1, 0.0

    def get(self, store) -> dict:
        with self._lock:
            now = time.monotonic()
            if self._stats is None or now - self._checked > self.ttl:
                count = store.count()
                self._checked = now
                if self._stats is None or count != self._count:
                    self._stats, self._count = compute_statistics(store), count
            return self._stats


def statistics(request: Request) -> dict:
    state = request.app.state
    cache = getattr(state, "stats_cache", None)
    if cache is None:
        cache = state.stats_cache = StatsCache()
    return cache.get(state.store)


def description_graph(base_url: str, stats: dict) -> Graph:
    """VoID and DCAT 3 description of the dataset served at ``base_url`` (ends with ``/``)."""
    g = Graph()
    for p, ns in PREFIXES.items():
        g.bind(p, ns)
    catalog, service = URIRef(BASE), URIRef(BASE + "sparql-service")
    g.add((catalog, RDF.type, DCAT.Catalog))
    g.add((catalog, DCTERMS.title, Literal("fazhi 法治政府建设年度报告知识图谱目录", lang="zh")))
    g.add((catalog, DCTERMS.title, Literal("fazhi catalogue", lang="en")))
    g.add((catalog, DCAT.dataset, KG))
    g.add((catalog, DCAT.service, service))
    g.add((catalog, FOAF.homepage, URIRef(base_url)))

    g.add((KG, RDF.type, DCAT.Dataset))
    g.add((KG, RDF.type, VOID.Dataset))
    g.add((KG, DCTERMS.title, Literal("法治政府建设年度报告知识图谱", lang="zh")))
    g.add((KG, DCTERMS.title, Literal("Knowledge graph of Chinese law-based-government annual reports", lang="en")))
    g.add((KG, DCTERMS.description, Literal(
        "Reports, the agencies, documents, mechanisms and figures they mention, with the text spans that "
        "support every fact.", lang="en")))
    g.add((KG, DCTERMS.hasVersion, Literal(__version__)))
    g.add((KG, DCAT.landingPage, URIRef(base_url + "explore")))
    g.add((KG, VOID.uriSpace, Literal(BASE + "id/")))
    g.add((KG, VOID.sparqlEndpoint, URIRef(base_url + "sparql")))
    g.add((KG, VOID.rootResource, URIRef(base_url + "reports")))
    for key, prop in (("triples", VOID.triples), ("entities", VOID.entities), ("classes", VOID.classes),
                      ("properties", VOID.properties), ("distinct_objects", VOID.distinctObjects)):
        g.add((KG, prop, Literal(stats[key], datatype=XSD.integer)))
    g.add((KG, URIRef(BASE + "ont#reportCount"), Literal(stats["reports"], datatype=XSD.integer)))
    g.add((KG, URIRef(BASE + "ont#namedGraphCount"), Literal(stats["graphs"], datatype=XSD.integer)))
    for ns in ("org", "eli", "qb", "oa", "nif", "skos", "prov", "dct", "dcat", "time", "cv"):
        g.add((KG, VOID.vocabulary, URIRef(PREFIXES[ns])))
    for name, (_, media, suffix) in sorted(DUMP_FORMATS.items()):
        dist = URIRef(f"{BASE}kg/dump/{name}")
        g.add((KG, DCAT.distribution, dist))
        g.add((KG, VOID.dataDump, URIRef(f"{base_url}dump?format={name}")))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCAT.downloadURL, URIRef(f"{base_url}dump?format={name}")))
        g.add((dist, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{media}")))
        g.add((dist, DCTERMS.format, Literal(media)))
        g.add((dist, DCTERMS.title, Literal(f"fazhi{suffix}")))
    for cls, n in sorted(stats["class_partitions"].items()):
        part = BNode()
        g.add((KG, VOID.classPartition, part))
        g.add((part, VOID["class"], URIRef(cls)))
        g.add((part, VOID.entities, Literal(n, datatype=XSD.integer)))
    for prop, n in sorted(stats["property_partitions"].items()):
        part = BNode()
        g.add((KG, VOID.propertyPartition, part))
        g.add((part, VOID.property, URIRef(prop)))
        g.add((part, VOID.triples, Literal(n, datatype=XSD.integer)))

    g.add((service, RDF.type, DCAT.DataService))
    g.add((service, RDF.type, SD.Service))
    g.add((service, DCTERMS.title, Literal("fazhi SPARQL 1.1 endpoint", lang="en")))
    g.add((service, DCAT.endpointURL, URIRef(base_url + "sparql")))
    g.add((service, SD.endpoint, URIRef(base_url + "sparql")))
    g.add((service, DCAT.servesDataset, KG))
    return g


def description_response(request: Request, format: str | None) -> Response:
    fmt = format_by_name(format) if format else choose(request.headers.get("accept"), DESCRIPTION_FORMATS, "turtle")
    if fmt is None or fmt.name not in DESCRIPTION_FORMATS:
        raise HTTPException(400, f"unknown format {format!r}; use one of {', '.join(DESCRIPTION_FORMATS)}")
    g = description_graph(str(request.base_url), statistics(request))
    if fmt.name == "jsonld":
        body = g.serialize(format="json-ld", context=PREFIXES, auto_compact=True)
    else:
        body = g.serialize(format=fmt.rdflib)
    return Response(body, media_type=fmt.media_type)


@router.get("/.well-known/void", summary="VoID description with statistics (Turtle, JSON-LD, N-Triples, RDF/XML)",
            responses=responses(RDF_MEDIA, errors=(400,)))
def void(request: Request, format: str | None = None) -> Response:
    return description_response(request, format)


@router.get("/catalog", summary="DCAT catalogue: dataset, distributions (dumps), SPARQL service, statistics",
            responses=responses(RDF_MEDIA, errors=(400,)))
def catalog(request: Request, format: str | None = None) -> Response:
    return description_response(request, format)


@router.get("/stats", summary="Dataset statistics as JSON")
def stats(request: Request) -> dict:
    return statistics(request)

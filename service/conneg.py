"""Content negotiation: pick a media type from an ``Accept`` header (RFC 9110 §12.5.1).

The whole API:

* :func:`negotiate(accept, offered)` → the offered media type the client prefers, or ``None`` when
  nothing fits (answer 406 then). q-values, ``type/*`` and ``*/*`` are honoured; ``q=0`` excludes; the
  most specific matching range sets a type's quality; ties keep the order of ``offered`` (put the
  default first). A missing or empty header accepts anything.
* :data:`RESULTS_TYPES` / :data:`RDF_TYPES`: media types fazhi serves for SPARQL results (SELECT, ASK)
  and for RDF graphs (CONSTRUCT, DESCRIBE, dumps, linked data), each mapped to its pyoxigraph format.
* :func:`not_acceptable(offered)`: the 406 response that lists what could have been asked for.

Example::

    media = negotiate(request.headers.get("accept"), list(RDF_TYPES) + ["text/html"])
    if media is None:
        return not_acceptable(list(RDF_TYPES) + ["text/html"])
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import pyoxigraph as ox
from fastapi.responses import PlainTextResponse

#: SPARQL results (SELECT, ASK): media type → pyoxigraph format; the first is the default.
RESULTS_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/xml": ox.QueryResultsFormat.XML,
}

#: RDF graphs (CONSTRUCT, DESCRIBE): media type → pyoxigraph format; the first is the default.
RDF_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}

#: Short names accepted in a ``format=`` parameter (handy in links and for curl users).
FORMAT_ALIASES: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "ttl": "text/turtle",
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "json-ld": "application/ld+json",
    "rdf": "application/rdf+xml",
    "rdfxml": "application/rdf+xml",
    "nq": "application/n-quads",
    "nquads": "application/n-quads",
    "trig": "application/trig",
    "html": "text/html",
}


@lru_cache(maxsize=512)
def parse_accept(accept: str) -> tuple[tuple[str, str, float, int], ...]:
    """``Accept`` → ranges as (type, subtype, q, position); malformed ranges are skipped."""
    ranges = []
    for pos, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if "/" not in media:
            if media == "*":  # some clients send a bare "*"
                media = "*/*"
            else:
                continue
        mtype, _, subtype = media.partition("/")
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value.strip())))
                except ValueError:
                    q = 0.0
        ranges.append((mtype, subtype, q, pos))
    return tuple(ranges)


def _quality(media: str, ranges: tuple[tuple[str, str, float, int], ...]) -> float:
    """Quality of one offered type: from the most specific range that matches it (0 if none)."""
    mtype, _, subtype = media.lower().partition("/")
    best_rank, q = -1, 0.0
    for rtype, rsub, rq, _pos in ranges:
        if rtype == mtype and rsub == subtype:
            rank = 2
        elif rtype == mtype and rsub == "*":
            rank = 1
        elif rtype == "*" and rsub == "*":
            rank = 0
        else:
            continue
        if rank > best_rank:
            best_rank, q = rank, rq
    return q


def negotiate(accept: str | None, offered: Sequence[str]) -> str | None:
    """The offered media type the ``Accept`` header prefers; ``None`` when none is acceptable."""
    if not offered:
        return None
    if accept is None or not accept.strip():
        return offered[0]
    ranges = parse_accept(accept)
    if not ranges:
        return offered[0]
    best, best_q = None, 0.0
    for media in offered:
        q = _quality(media, ranges)
        if q > best_q:
            best, best_q = media, q
    return best


def not_acceptable(offered: Sequence[str]) -> PlainTextResponse:
    """A 406 answer naming the media types that are available."""
    return PlainTextResponse(
        "Not Acceptable: none of the requested media types can be produced here. Available: "
        + ", ".join(dict.fromkeys(offered)),
        status_code=406,
    )

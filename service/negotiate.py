"""Choosing a response format from ``format=``, a file suffix or the ``Accept`` header.

A small local helper for the exploring routers (linked data, neighbourhood, reports, dumps).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    """A response format: short name, media type, rdflib serializer name (for RDF) and file suffix."""

    name: str
    media_type: str
    rdflib: str | None = None
    suffix: str = ""


FORMATS: dict[str, Format] = {
    "html": Format("html", "text/html; charset=utf-8", None, ".html"),
    "turtle": Format("turtle", "text/turtle; charset=utf-8", "turtle", ".ttl"),
    "jsonld": Format("jsonld", "application/ld+json", "json-ld", ".jsonld"),
    "nt": Format("nt", "application/n-triples", "nt", ".nt"),
    "rdfxml": Format("rdfxml", "application/rdf+xml", "xml", ".rdf"),
    "json": Format("json", "application/json", None, ".json"),
    "cytoscape": Format("cytoscape", "application/vnd.cytoscape+json", None, ".cyjs"),
    "csv": Format("csv", "text/csv; charset=utf-8", None, ".csv"),
    "nquads": Format("nquads", "application/n-quads", None, ".nq"),
    "trig": Format("trig", "application/trig", None, ".trig"),
}

#: Aliases accepted in ``format=``.
ALIASES = {
    "ttl": "turtle", "json-ld": "jsonld", "ntriples": "nt", "n-triples": "nt", "xml": "rdfxml",
    "rdf": "rdfxml", "rdf/xml": "rdfxml", "cyjs": "cytoscape", "nq": "nquads", "n-quads": "nquads",
    "htm": "html",
}

MEDIA_TYPES = {
    "text/html": "html", "application/xhtml+xml": "html",
    "text/turtle": "turtle", "application/x-turtle": "turtle",
    "application/ld+json": "jsonld",
    "application/n-triples": "nt", "text/plain": "nt",
    "application/rdf+xml": "rdfxml",
    "application/json": "json",
    "application/vnd.cytoscape+json": "cytoscape",
    "text/csv": "csv",
    "application/n-quads": "nquads",
    "application/trig": "trig",
}


def format_by_name(name: str) -> Format | None:
    """The format called ``name`` (or one of its aliases), or None."""
    key = name.strip().lower()
    return FORMATS.get(ALIASES.get(key, key))


def format_by_suffix(path: str, allowed: list[str]) -> tuple[str, Format] | None:
    """``(path without suffix, format)`` when ``path`` ends with the suffix of an allowed format."""
    for name in allowed:
        fmt = FORMATS[name]
        if fmt.suffix and path.endswith(fmt.suffix):
            return path[: -len(fmt.suffix)], fmt
    return None


def parse_accept(accept: str) -> list[tuple[str, float]]:
    """Media ranges of an ``Accept`` header with their q-values, best first (stable)."""
    out = []
    for i, part in enumerate(accept.split(",")):
        bits = [b.strip() for b in part.split(";")]
        if not bits[0]:
            continue
        q = 1.0
        for b in bits[1:]:
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        out.append((bits[0].lower(), q, i))
    out.sort(key=lambda x: (-x[1], x[2]))
    return [(m, q) for m, q, _ in out if q > 0]


def choose(accept: str | None, allowed: list[str], default: str) -> Format:
    """The allowed format that ``accept`` prefers; ``default`` when none or ``*/*``."""
    if not accept:
        return FORMATS[default]
    for media, _ in parse_accept(accept):
        if media in ("*/*", "*"):
            return FORMATS[default]
        name = MEDIA_TYPES.get(media)
        if name in allowed:
            return FORMATS[name]
        if media.endswith("/*"):
            major = media[:-1]
            for a in [default, *allowed]:
                if FORMATS[a].media_type.startswith(major):
                    return FORMATS[a]
    return FORMATS[default]

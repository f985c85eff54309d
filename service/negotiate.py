"""Choosing a response format from ``format=``, a file suffix or the ``Accept`` header.

Format names, aliases and suffixes for the exploring routers (linked data, neighbourhood, reports,
dumps); the ``Accept`` matching itself is the SPARQL endpoint's :func:`service.conneg.negotiate`.
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


def choose(accept: str | None, allowed: list[str], default: str) -> Format:
    """The allowed format that ``accept`` prefers (``service.conneg.negotiate``: q-values, ``type/*``,
    ``*/*``; ties go to ``default``); ``default`` when nothing offered is acceptable."""
    from service.conneg import negotiate

    order = [default] + [a for a in allowed if a != default]
    offered = [FORMATS[a].media_type.split(";")[0] for a in order]
    media = negotiate(accept, offered)
    if media is None:
        return FORMATS[default]
    return FORMATS[order[offered.index(media)]]

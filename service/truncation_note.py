"""Say in the body, where the format has a standard place for it, that the row cap cut a result.

The headers (``X-Fazhi-Truncated``, ``X-Fazhi-Max-Rows``) say it for every format; the body says it too:

* SPARQL JSON results: ``head.link``, an array of IRIs "to refer for further metadata about the query
  results" (SPARQL 1.1 Query Results JSON Format §3.1), here the note in the service description;
* SPARQL XML results: ``<link href="…"/>`` in ``<head>`` (after the variables, as the schema orders them);
* Turtle, TriG, N-Triples, N-Quads: a ``#`` comment line first; RDF/XML: an XML comment after the
  declaration. Parsers skip both, so the data is unchanged.

CSV, TSV and JSON-LD have no place for it (no comments, no metadata; a JSON-LD key would be data), so
there only the headers say it.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

COMMENT_TYPES = {"text/turtle", "application/trig", "application/n-triples", "application/n-quads"}


def note(max_rows: int) -> str:
    return f"Truncated: only the first {max_rows} results are given (the server's row cap); page with LIMIT/OFFSET."


def mark_truncated(body: bytes, media_type: str, note_iri: str, max_rows: int) -> bytes:
    """``body`` with the truncation said in it where ``media_type`` allows; otherwise unchanged."""
    if media_type == "application/sparql-results+json":
        head = b'{"head":{"vars":['
        end = body.find(b"]", len(head)) if body.startswith(head) else -1
        if end < 0:
            return body
        return body[: end + 1] + b',"link":[' + _json_string(note_iri) + b"]" + body[end + 1:]
    if media_type == "application/sparql-results+xml":
        link = f"<link href={quoteattr(note_iri)}/>".encode()
        if b"<head/>" in body:
            return body.replace(b"<head/>", b"<head>" + link + b"</head>", 1)
        return body.replace(b"</head>", link + b"</head>", 1)
    if media_type in COMMENT_TYPES:
        return f"# {note(max_rows)} See <{note_iri}>.\n".encode() + body
    if media_type == "application/rdf+xml":
        comment = f"<!-- {note(max_rows)} See {note_iri} -->".encode()
        if body.startswith(b"<?xml"):
            end = body.find(b"?>") + 2
            return body[:end] + b"\n" + comment + body[end:]
        return comment + b"\n" + body
    return body


def _json_string(text: str) -> bytes:
    import json

    return json.dumps(text).encode()

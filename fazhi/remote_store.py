"""A :class:`~fazhi.store.Store` on a separate SPARQL 1.1 server (query, update, Graph Store Protocol).

``RemoteStore("http://host:7878")`` assumes Oxigraph's layout: ``/query``, ``/update``, ``/store``, and
its ``union-default-graph`` parameter. Other servers are configured in the URL's fragment (never sent to
the server) or by environment variables:

=================  =====================================  ==============================
fragment key       environment variable                   meaning
=================  =====================================  ==============================
``query``          ``FAZHI_STORE_QUERY_URL``              query endpoint (path or URL)
``update``         ``FAZHI_STORE_UPDATE_URL``             update endpoint
``store``          ``FAZHI_STORE_GSP_URL``                Graph Store Protocol endpoint
``union``          ``FAZHI_STORE_UNION``                  ``param`` (Oxigraph) or ``native``
``token``          ``FAZHI_STORE_TOKEN``                  bearer token sent with updates
=================  =====================================  ==============================

e.g. Fuseki: ``http://host:3030/fazhi#query=/fazhi/query&update=/fazhi/update&store=/fazhi/data&union=native``
(with ``tdb2:unionDefaultGraph true``); see ``docs/remote-store.md``.

Results come back as pyoxigraph objects, parsed while they stream, so a caller that stops reading
(the endpoint's row cap) stops the transfer too.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from typing import BinaryIO
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import httpx
import pyoxigraph as ox

from fazhi.store import Store, StoreError

RESULTS_JSON = "application/sparql-results+json"
ACCEPT = f"{RESULTS_JSON}, application/sparql-results+xml;q=0.9, application/n-triples;q=0.8, text/turtle;q=0.7"


class _StreamReader(io.RawIOBase):
    """A readable file over an httpx streaming response (so pyoxigraph parses while bytes arrive)."""

    def __init__(self, response: httpx.Response):
        self._chunks = response.iter_bytes()
        self._buffer = b""

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        while not self._buffer:
            try:
                self._buffer = next(self._chunks)
            except StopIteration:
                return 0
        n = min(len(b), len(self._buffer))
        b[:n] = self._buffer[:n]
        self._buffer = self._buffer[n:]
        return n


def _option(fragment: dict[str, str], key: str, env: str, default: str | None) -> str | None:
    return fragment.get(key) or os.environ.get(env) or default


class RemoteStore(Store):
    """The store interface over HTTP, for ``--store http(s)://…``."""

    def __init__(self, url: str, *, timeout: float | None = None):
        parts = urlsplit(url)
        fragment = dict(parse_qsl(parts.fragment))
        base = urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/") + "/", parts.query, ""))
        self.location = url
        self.query_url = urljoin(base, _option(fragment, "query", "FAZHI_STORE_QUERY_URL", "query"))
        self.update_url = urljoin(base, _option(fragment, "update", "FAZHI_STORE_UPDATE_URL", "update"))
        store = _option(fragment, "store", "FAZHI_STORE_GSP_URL", "store")
        self.store_url = urljoin(base, store) if store and store != "none" else None
        self.union_mode = _option(fragment, "union", "FAZHI_STORE_UNION", "param")
        token = _option(fragment, "token", "FAZHI_STORE_TOKEN", None)
        self._update_headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._client = httpx.Client(timeout=httpx.Timeout(timeout, connect=10.0), headers={"User-Agent": "fazhi"})
        self._open: httpx.Response | None = None

    # ------------------------------------------------------------------ reading

    def _release(self) -> None:
        if self._open is not None:
            self._open.close()
            self._open = None

    def query(self, sparql: str, *, union_default_graph: bool = True, default_graph=None, named_graphs=None,
              base_iri: str | None = None, **kwargs):
        """Run a query on the server; SELECT/ASK as pyoxigraph results, CONSTRUCT/DESCRIBE as triples."""
        if kwargs:
            raise TypeError(f"unsupported arguments for a remote store: {sorted(kwargs)}")
        self._release()
        form: list[tuple[str, str]] = [("query", f"BASE <{base_iri}> {sparql}" if base_iri else sparql)]
        if default_graph is not None or named_graphs is not None:
            defaults = default_graph if isinstance(default_graph, list) else [default_graph]
            form += [("default-graph-uri", g.value) for g in defaults if isinstance(g, ox.NamedNode)]
            form += [("named-graph-uri", g.value) for g in named_graphs or []]
        elif union_default_graph and self.union_mode == "param":
            form.append(("union-default-graph", ""))
        try:
            request = self._client.build_request(
                "POST", self.query_url, content=urlencode(form).encode(),
                headers={"Accept": ACCEPT, "Content-Type": "application/x-www-form-urlencoded"},
            )
            response = self._client.send(request, stream=True)
        except httpx.HTTPError as e:
            raise StoreError(f"query failed on {self.query_url}: {e}") from e
        if response.status_code >= 400:
            message = response.read().decode(errors="replace")[:2000]
            response.close()
            if response.status_code == 400:
                raise SyntaxError(message)
            raise StoreError(f"query failed on {self.query_url}: HTTP {response.status_code}: {message}")
        self._open = response
        media = response.headers.get("content-type", "").split(";")[0].strip().lower()
        stream = io.BufferedReader(_StreamReader(response))
        results_format = ox.QueryResultsFormat.from_media_type(media) if "sparql-results" in media else None
        if results_format is not None:
            return ox.parse_query_results(stream, results_format)
        try:
            rdf_format = ox.RdfFormat.from_media_type(media)
        except ValueError as e:
            raise StoreError(f"unexpected answer type {media!r} from {self.query_url}") from e
        return self._triples(stream, rdf_format)

    @staticmethod
    def _triples(stream: BinaryIO, fmt: ox.RdfFormat) -> Iterator[ox.Triple]:
        for quad in ox.parse(stream, format=fmt):
            yield quad.triple

    def graph_names(self) -> list[str]:
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }", union_default_graph=False)
        return sorted(r["g"].value for r in rows if isinstance(r["g"], ox.NamedNode))

    def dump(self, out: BinaryIO, fmt: ox.RdfFormat, graph: str | None = None) -> None:
        if self.store_url is None:
            self._dump_by_query(out, fmt, graph)
            return
        params = {"graph": graph} if graph is not None else {}
        try:
            with self._client.stream("GET", self.store_url, params=params, headers={"Accept": fmt.media_type}) as r:
                if r.status_code >= 400:
                    raise StoreError(f"dump failed on {self.store_url}: HTTP {r.status_code}")
                for chunk in r.iter_bytes():
                    out.write(chunk)
        except httpx.HTTPError as e:
            raise StoreError(f"dump failed on {self.store_url}: {e}") from e

    def _dump_by_query(self, out: BinaryIO, fmt: ox.RdfFormat, graph: str | None) -> None:
        if graph is not None:
            triples = self.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}",
                                 union_default_graph=False)
            ox.serialize(list(triples), out, format=fmt)
            return
        rows = self.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", union_default_graph=False)
        ox.serialize([ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows], out, format=fmt)

    # ------------------------------------------------------------------ writing

    def update(self, sparql: str) -> None:
        self._release()
        try:
            r = self._client.post(self.update_url, content=sparql.encode(),
                                  headers={"Content-Type": "application/sparql-update", **self._update_headers})
        except httpx.HTTPError as e:
            raise StoreError(f"update failed on {self.update_url}: {e}") from e
        if r.status_code == 400:
            raise SyntaxError(r.text[:2000])
        if r.status_code >= 300:
            raise StoreError(f"update failed on {self.update_url}: HTTP {r.status_code}: {r.text[:500]}")

    def close(self) -> None:
        self._release()
        self._client.close()

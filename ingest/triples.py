"""A cheap triple collector used by the RDF mapping in place of :class:`rdflib.Graph`.

``Graph.add`` indexes every triple three ways in rdflib's memory store (~24 µs a triple); the mapping
only adds triples and then writes them as N-Triples, so :class:`Triples` keeps them in an insertion-ordered
dict (duplicates collapse as in a graph), writes N-Triples itself with rdflib's escaping (the same
lines ``Graph.serialize(format="nt")`` writes, cached until the next change) and hands any other call
(``value``, ``subjects``, ``query``, other formats …) to a real rdflib Graph built on first use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache, wraps
from typing import Any

from rdflib import Graph, Literal
from rdflib.plugins.serializers.nt import _quoteLiteral

Triple = tuple[Any, Any, Any]
_NT_FORMATS = ("nt", "nt11", "ntriples", "application/n-triples")


def _matches(triple: Triple, pattern: Triple) -> bool:
    return all(p is None or p == t for t, p in zip(triple, pattern, strict=True))


def ntriples(triples: Iterable[Triple]) -> str:
    """N-Triples text of ``triples``, line for line as rdflib's ``nt`` serializer writes them."""
    cache: dict[Any, str] = {}
    lines = []
    for s, p, o in triples:
        ss = cache.get(s)
        if ss is None:
            ss = cache[s] = s.n3()
        ps = cache.get(p)
        if ps is None:
            ps = cache[p] = p.n3()
        if isinstance(o, Literal):
            os_ = _quoteLiteral(o)
        else:
            os_ = cache.get(o)
            if os_ is None:
                os_ = cache[o] = o.n3()
        lines.append(f"{ss} {ps} {os_} .\n")
    return "".join(lines)


class Terms:
    """A namespace whose terms are made once: an rdflib namespace builds a new URIRef on every look-up.

    ``Terms(FZ).Observation == FZ.Observation``; after the first look-up the term is a plain attribute.
    """

    def __init__(self, namespace: Any):
        self._namespace = namespace

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> Any:
        return self._namespace[name]

    def __str__(self) -> str:
        return str(self._namespace)


class Triples:
    """A set of rdflib triples with ``add``, ``remove``, ``len``, ``in``, iteration and fast N-Triples."""

    def __init__(self, triples: Iterable[Triple] = ()):
        self._triples: dict[Triple, None] = dict.fromkeys(triples)
        self._graph: Graph | None = None
        self._nt: str | None = None
        self._nt_bytes: bytes | None = None  # UTF-8, for the validator and the store

    def _changed(self) -> None:
        self._graph = self._nt = self._nt_bytes = None

    def add(self, triple: Triple) -> Triples:
        """Add one triple (a duplicate keeps its first place)."""
        self._triples[triple] = None
        self._graph = self._nt = self._nt_bytes = None
        return self

    def remove(self, pattern: Triple) -> Triples:
        """Remove the triples matching ``pattern`` (None matches anything), as ``Graph.remove`` does."""
        if None not in pattern:
            self._triples.pop(pattern, None)
        else:
            for t in [t for t in self._triples if _matches(t, pattern)]:
                del self._triples[t]
        self._changed()
        return self

    def __len__(self) -> int:
        return len(self._triples)

    def __iter__(self) -> Iterator[Triple]:
        return iter(list(self._triples))

    def __contains__(self, triple: Triple) -> bool:
        if None in triple:
            return any(_matches(t, triple) for t in self._triples)
        return triple in self._triples

    def __add__(self, other: Iterable[Triple]) -> Graph:
        return self.graph() + other

    def __iadd__(self, other: Iterable[Triple]) -> Triples:
        for triple in other:
            self.add(triple)
        return self

    def graph(self) -> Graph:
        """The triples as an rdflib Graph (built on first use, cached until the next change)."""
        if self._graph is None:
            g = Graph()
            g.addN((s, p, o, g) for s, p, o in self._triples)
            self._graph = g
        return self._graph

    def serialize(self, destination: Any = None, format: str = "turtle", encoding: str | None = None, **kwargs: Any):
        """N-Triples written here (str, or bytes with ``encoding``); other formats by rdflib."""
        if format in _NT_FORMATS and destination is None and not kwargs:
            if self._nt is None:
                self._nt = ntriples(self._triples)
            if encoding is None:
                return self._nt
            if encoding.lower().replace("-", "") != "utf8":
                return self._nt.encode(encoding)
            if self._nt_bytes is None:
                self._nt_bytes = self._nt.encode("utf-8")
            return self._nt_bytes
        return self.graph().serialize(destination=destination, format=format, encoding=encoding, **kwargs)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.graph(), name)


def entity_writer(write: Callable[..., Any]) -> Callable[..., Any]:
    """Memoise a writer of entity triples ``write(graph, *args) -> node`` by its arguments.

    Entity triples are a pure function of the entity (docs/architecture.md, "RDF"), so the triples one
    call writes (nested writers included) are recorded once and replayed into any graph afterwards.
    The unmemoised function stays at ``__wrapped__``.
    """

    @lru_cache(maxsize=1 << 14)
    def record(*args: Any) -> tuple[Any, tuple[Triple, ...]]:
        recorder = Triples()
        node = write(recorder, *args)
        return node, tuple(recorder)

    @wraps(write)
    def replay(graph: Any, *args: Any) -> Any:
        node, triples = record(*args)
        for triple in triples:
            graph.add(triple)
        return node

    return replay

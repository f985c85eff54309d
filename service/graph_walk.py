"""Walking the graph: k-hop neighbourhoods and shortest paths between IRIs.

Two back-ends answer the same three primitive questions (the edges touching a set of nodes, the
types of nodes, the edges among a set of nodes): :class:`SparqlWalker` asks the store one query per
hop; :class:`NetworkxWalker` loads every IRI-to-IRI triple into a networkx ``MultiDiGraph`` once.
The walk itself (:func:`neighborhood`, :func:`shortest_paths`) is shared, so both give the same
answer; ``bench/bench_neighborhood.py`` measures which is faster.

Edges join two IRIs; ``rdf:type`` is a node attribute, never an edge.
"""

from __future__ import annotations

import heapq
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from service.ld_common import RDF_TYPE, values

Edge = tuple[str, str, str]  # (subject, predicate, object)
DIRECTIONS = ("out", "in", "both")
SCAN_CAP = 200  # links of one node read per direction by the SPARQL walker (at least cap); engines agree below it


class Walker:
    """The primitives a walk needs."""

    def expand(self, nodes: list[str], direction: str, predicates: frozenset[str], cap: int | None = None) -> set[Edge]:
        """Edges with an end in ``nodes``: outgoing (``out``), incoming (``in``) or both.

        With ``cap``, each node gives at most ``cap`` edges per direction: the first by (other end,
        predicate), so a hub costs what is shown, not its degree, and every engine cuts alike.
        """
        raise NotImplementedError

    def types(self, nodes: Iterable[str]) -> dict[str, set[str]]:
        """``rdf:type`` values of nodes."""
        raise NotImplementedError

    def edges_among(self, nodes: list[str], predicates: frozenset[str]) -> set[Edge]:
        """Edges whose two ends are both in ``nodes``."""
        raise NotImplementedError


def _pred_filter(predicates: frozenset[str]) -> str:
    if predicates:
        return values("p", sorted(predicates))
    return f"FILTER(?p != <{RDF_TYPE}>)"


class SparqlWalker(Walker):
    """Asks the store: one SPARQL query per hop (chunked ``VALUES``)."""

    def __init__(self, store, chunk: int = 500):
        self.store = store
        self.chunk = chunk

    def _chunks(self, nodes: list[str]) -> Iterable[list[str]]:
        for i in range(0, len(nodes), self.chunk):
            yield nodes[i:i + self.chunk]

    def expand(self, nodes, direction, predicates, cap=None):
        if cap is not None:
            return self._expand_capped(nodes, direction, predicates, cap)
        out: set[Edge] = set()
        pf = _pred_filter(predicates)
        for part in self._chunks(nodes):
            branches = []
            if direction in ("out", "both"):
                branches.append(f"{{ {values('s', part)} ?s ?p ?o . FILTER(isIRI(?o)) }}")
            if direction in ("in", "both"):
                branches.append(f"{{ {values('o', part)} ?s ?p ?o . FILTER(isIRI(?s)) }}")
            q = f"SELECT DISTINCT ?s ?p ?o WHERE {{ {' UNION '.join(branches)} {pf} }}"
            out.update((r["s"].value, r["p"].value, r["o"].value) for r in self.store.query(q))
        return out

    def _expand_capped(self, nodes, direction, predicates, cap):
        """One sub-select per node and direction, unordered and limited to :data:`SCAN_CAP` rows.

        Oxigraph's ``ORDER BY`` decodes and sorts every row (0.35 s for a 10,000-link hub), so rows are
        fetched unordered and the first ``cap`` by (other end, predicate) are picked here.
        """
        pf = _pred_filter(predicates)
        groups: dict[tuple[str, str], set[Edge]] = {}
        for i in range(0, len(nodes), 40):
            branches = []
            for n in nodes[i:i + 40]:
                t = f"<{n}>"
                if direction in ("out", "both"):
                    branches.append(f"{{ SELECT DISTINCT ?s ?p ?o ?d WHERE {{ {t} ?p ?o . FILTER(isIRI(?o)) {pf} "
                                    f"BIND({t} AS ?s) BIND(\"out\" AS ?d) }} LIMIT {max(SCAN_CAP, cap)} }}")
                if direction in ("in", "both"):
                    branches.append(f"{{ SELECT DISTINCT ?s ?p ?o ?d WHERE {{ ?s ?p {t} . FILTER(isIRI(?s)) {pf} "
                                    f"BIND({t} AS ?o) BIND(\"in\" AS ?d) }} LIMIT {max(SCAN_CAP, cap)} }}")
            q = f"SELECT ?s ?p ?o ?d WHERE {{ {' UNION '.join(branches)} }}"
            for r in self.store.query(q):
                s, p, o, d = r["s"].value, r["p"].value, r["o"].value, r["d"].value
                groups.setdefault((s if d == "out" else o, d), set()).add((s, p, o))
        out: set[Edge] = set()
        for (_, d), edges in groups.items():
            out.update(heapq.nsmallest(cap, edges, key=(lambda e: (e[2], e[1])) if d == "out" else (lambda e: e)))
        return out

    def types(self, nodes):
        out: dict[str, set[str]] = {}
        for part in self._chunks(sorted(set(nodes))):
            q = f"SELECT DISTINCT ?s ?t WHERE {{ {values('s', part)} ?s a ?t . FILTER(isIRI(?t)) }}"
            for r in self.store.query(q):
                out.setdefault(r["s"].value, set()).add(r["t"].value)
        return out

    def edges_among(self, nodes, predicates):
        out: set[Edge] = set()
        if not nodes:
            return out
        keep = sorted(set(nodes))
        pf = _pred_filter(predicates)
        for part in self._chunks(keep):  # out-links filtered in the engine (two VALUES made it scan in-links too)
            for other in self._chunks(keep):
                ends = ", ".join(f"<{x}>" for x in other)
                q = f"SELECT DISTINCT ?s ?p ?o WHERE {{ {values('s', part)} ?s ?p ?o . FILTER(?o IN ({ends})) {pf} }}"
                out.update((r["s"].value, r["p"].value, r["o"].value) for r in self.store.query(q))
        return out


class NetworkxWalker(Walker):
    """Every IRI-to-IRI triple of the store in a networkx ``MultiDiGraph`` (keys are predicates)."""

    def __init__(self, store):
        import networkx as nx

        self.graph = nx.MultiDiGraph()
        self.node_types: dict[str, set[str]] = {}
        q = "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o . FILTER(isIRI(?s) && isIRI(?o)) }"
        for r in store.query(q):
            s, p, o = r["s"].value, r["p"].value, r["o"].value
            if p == RDF_TYPE:
                self.node_types.setdefault(s, set()).add(o)
            else:
                self.graph.add_edge(s, o, key=p)

    def expand(self, nodes, direction, predicates, cap=None):
        out: set[Edge] = set()
        g = self.graph
        for n in nodes:
            if n not in g:
                continue
            if direction in ("out", "both"):
                ends = sorted({(o, p) for _, o, p in g.out_edges(n, keys=True) if not predicates or p in predicates})
                out.update((n, p, o) for o, p in ends[:cap])
            if direction in ("in", "both"):
                ends = sorted({(s, p) for s, _, p in g.in_edges(n, keys=True) if not predicates or p in predicates})
                out.update((s, p, n) for s, p in ends[:cap])
        return out

    def types(self, nodes):
        return {n: self.node_types[n] for n in nodes if n in self.node_types}

    def edges_among(self, nodes, predicates):
        keep = set(nodes)
        return {e for e in self.expand(sorted(keep), "out", predicates) if e[2] in keep}


@dataclass
class Neighborhood:
    """The result of a walk: nodes with their hop distance, edges, and whether it was cut."""

    root: str
    distance: dict[str, int]
    edges: list[Edge]
    types: dict[str, set[str]]
    truncated: bool
    limit: int
    hops: int
    direction: str
    notes: list[str] = field(default_factory=list)
    capped: list[str] = field(default_factory=list)  # nodes with more links than were read (``limit + 1`` a direction)


def neighborhood(
    walker: Walker,
    root: str,
    hops: int = 1,
    direction: str = "both",
    predicates: Iterable[str] = (),
    types: Iterable[str] = (),
    limit: int = 100,
) -> Neighborhood:
    """Nodes within ``hops`` of ``root`` (closest first, then by IRI), at most ``limit`` of them.

    ``predicates`` restricts the edges followed; ``types`` keeps only nodes of those types (the
    root always stays). When more nodes are found than ``limit``, the farthest are dropped and
    ``truncated`` is set.
    """
    preds = frozenset(predicates)
    wanted = frozenset(types)
    distance = {root: 0}
    frontier = [root]
    truncated = False
    capped: set[str] = set()
    for hop in range(1, hops + 1):
        if not frontier:
            break
        if len(distance) > limit:
            truncated = True
            break
        found = walker.expand(frontier, direction, preds, cap=limit + 1)
        cut = _hit_cap(found, frontier, direction, limit + 1)
        capped.update(cut)
        truncated = truncated or bool(cut)
        new = sorted({x for s, _, o in found for x in (s, o)} - distance.keys())
        if wanted and new:
            node_types = walker.types(new)
            new = [n for n in new if node_types.get(n, set()) & wanted]
        for n in new:
            distance[n] = hop
        frontier = new
    if len(distance) > limit:
        truncated = True
    kept = sorted(distance, key=lambda n: (distance[n], n))[:limit]
    kept_distance = {n: distance[n] for n in kept}
    edges = sorted(walker.edges_among(kept, preds))
    return Neighborhood(root, kept_distance, edges, walker.types(kept), truncated, limit, hops, direction,
                        capped=sorted(capped))


def _hit_cap(found: set[Edge], frontier: list[str], direction: str, cap: int) -> set[str]:
    """The nodes of ``frontier`` that gave ``cap`` edges in one direction (so more may have been left out)."""
    outs: dict[str, int] = {}
    ins: dict[str, int] = {}
    for s, _, o in found:
        outs[s] = outs.get(s, 0) + 1
        ins[o] = ins.get(o, 0) + 1
    counts = ([outs] if direction in ("out", "both") else []) + ([ins] if direction in ("in", "both") else [])
    return {n for c in counts for n in frontier if c.get(n, 0) >= cap}


def shortest_paths(walker: Walker, start: str, goal: str, max_hops: int = 6, max_paths: int = 10,
                   predicates: Iterable[str] = ()) -> list[list[Edge]]:
    """Shortest undirected connections from ``start`` to ``goal`` as lists of edges (at most ``max_paths``).

    A bidirectional breadth-first search: each round expands the smaller frontier by one hop.
    """
    if start == goal:
        return [[]]
    preds = frozenset(predicates)
    parents: list[dict[str, set[Edge]]] = [{start: set()}, {goal: set()}]
    frontiers = [[start], [goal]]
    meet: set[str] = set()
    for _ in range(max_hops):
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        if not frontiers[side]:
            break
        seen = parents[side]
        layer: dict[str, set[Edge]] = {}
        frontier_set = set(frontiers[side])
        for s, p, o in walker.expand(frontiers[side], "both", preds):
            for here, there in ((s, o), (o, s)):
                if here in frontier_set and there not in seen:
                    layer.setdefault(there, set()).add((s, p, o))
        seen.update(layer)
        frontiers[side] = sorted(layer)
        meet = set(layer) & parents[1 - side].keys()
        if meet:
            break
    if not meet:
        return []

    def chains(node: str, side: int) -> list[list[Edge]]:
        """Edge chains from the search's origin on ``side`` to ``node``."""
        if not parents[side][node]:
            return [[]]
        out = []
        for edge in sorted(parents[side][node]):
            prev = edge[0] if edge[2] == node else edge[2]
            out.extend(c + [edge] for c in chains(prev, side))
            if len(out) >= max_paths:
                break
        return out[:max_paths]

    paths = []
    for node in sorted(meet):
        for left in chains(node, 0):
            for right in chains(node, 1):
                paths.append(left + list(reversed(right)))
                if len(paths) >= max_paths:
                    return paths
    return paths


class WalkerCache:
    """One :class:`NetworkxWalker` per store, rebuilt when the store's quad count changes (checked at most every ``ttl`` s)."""

    def __init__(self, ttl: float = 30.0):
        self.ttl = ttl
        self._lock = threading.Lock()
        self._walker: NetworkxWalker | None = None
        self._count = -1
        self._checked = 0.0

    def get(self, store) -> NetworkxWalker:
        with self._lock:
            now = time.monotonic()
            if self._walker is None or now - self._checked > self.ttl:
                count = store.count()
                self._checked = now
                if self._walker is None or count != self._count:
                    self._walker = NetworkxWalker(store)
                    self._count = count
            return self._walker

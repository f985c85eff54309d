"""What the store says about one IRI: its description graph and the view behind the entity page."""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import Graph

from fazhi.namespaces import PREFIXES
from service.ld_common import (
    EVIDENCE,
    LABEL_PREDICATES,
    MENTIONS,
    RDF_TYPE,
    curie,
    fetch_labels,
    fetch_types,
    iri_to_path,
    kind_of,
    pick_label,
    report_key_of_graph,
    sparql_iri,
    to_rdflib,
)

OA = "http://www.w3.org/ns/oa#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
SENTENCE_END = "。！？!?；;\n"
INCOMING_LIMIT = 500
PAGE_SIZE = 50  # incoming links and evidence shown per entity page (``?page=``)
COUNT_CAP = 1_000  # totals are counted up to this many (shown as "1,000+"), so a hub costs no more than this


def exists(store, iri: str) -> bool:
    """Whether ``iri`` is the subject or object of any triple."""
    t = sparql_iri(iri)
    return bool(store.query(f"ASK {{ {{ {t} ?p ?o }} UNION {{ ?s ?p {t} }} }}"))


def describe_graph(store, iri: str, incoming: bool = True) -> Graph:
    """The triples about ``iri``: outgoing, those of its blank and ``#``-nodes, and (optionally) incoming."""
    t = sparql_iri(iri)
    g = Graph()
    for p, ns in PREFIXES.items():
        g.bind(p, ns)
    q = f"""CONSTRUCT {{ {t} ?p ?o . ?o ?p2 ?o2 }} WHERE {{
      {t} ?p ?o .
      OPTIONAL {{ ?o ?p2 ?o2 . FILTER(isBlank(?o) || STRSTARTS(STR(?o), CONCAT(STR({t}), "#"))) }}
    }}"""
    for tr in store.query(q):
        g.add((to_rdflib(tr.subject), to_rdflib(tr.predicate), to_rdflib(tr.object)))
    if incoming:
        q = f"CONSTRUCT {{ ?s ?p {t} }} WHERE {{ ?s ?p {t} }} LIMIT {INCOMING_LIMIT}"
        for tr in store.query(q):
            g.add((to_rdflib(tr.subject), to_rdflib(tr.predicate), to_rdflib(tr.object)))
    return g


@dataclass
class Link:
    """One value of a property on the page: an IRI with its label, or a literal."""

    value: str
    label: str
    href: str | None = None
    lang: str = ""
    kind: str = ""


@dataclass
class Evidence:
    """A span that supports a fact: its sentence split around the highlighted part."""

    span: str
    report_key: str | None
    start: int
    end: int
    before: str
    exact: str
    after: str
    via: str = ""
    href: str = ""


@dataclass
class EntityView:
    """Everything the entity page shows."""

    iri: str
    label: str
    labels: dict[str, str]
    kind: str
    types: list[Link]
    facts: OrderedDict[str, tuple[Link, list[Link]]] = field(default_factory=OrderedDict)
    incoming: OrderedDict[str, tuple[Link, list[Link]]] = field(default_factory=OrderedDict)
    evidence: list[Evidence] = field(default_factory=list)
    text: str | None = None  # nif:isString, when the entity is a report text
    report_key: str | None = None  # the report graph the entity lives in, when it is a report's own node
    page: int = 1  # which PAGE_SIZE slice of incoming links and evidence is shown
    page_size: int = PAGE_SIZE
    incoming_total: int = 0  # distinct (subject, predicate) pointing here, counted up to COUNT_CAP
    evidence_total: int = 0  # distinct evidence spans, counted up to COUNT_CAP
    count_cap: int = COUNT_CAP

    @property
    def has_next(self) -> bool:
        """Whether another page of incoming links or evidence follows."""
        return self.page * self.page_size < max(self.incoming_total, self.evidence_total)

    def total_text(self, total: int) -> str:
        """A total for display: ``10000+`` when counting stopped at the cap."""
        return f"{self.count_cap:,}+" if total > self.count_cap else f"{total:,}"


def _link(term, labels: dict, lang: str) -> Link:
    if isinstance(term, ox.NamedNode):
        iri = term.value
        return Link(iri, pick_label(labels.get(iri), lang, curie(iri)), iri_to_path(iri), kind=kind_of(iri))
    if isinstance(term, ox.BlankNode):
        return Link("_:" + term.value, "_:" + term.value)
    return Link(term.value, term.value, lang=term.language or "")


def _group(rows: list[tuple[str, object]], labels: dict, lang: str, limit: int = 200) -> OrderedDict:
    groups: dict[str, list] = {}
    for pred, term in rows:
        groups.setdefault(pred, []).append(term)
    out: OrderedDict = OrderedDict()
    for pred in sorted(groups, key=lambda p: (p != RDF_TYPE, curie(p))):
        terms = groups[pred]
        links = [_link(x, labels, lang) for x in terms[:limit]]
        links.sort(key=lambda x: (x.lang not in ("", lang), x.label))
        out[pred] = (Link(pred, pick_label(labels.get(pred), lang, curie(pred)), iri_to_path(pred)), links)
    return out


def sentence_around(text: str, start: int, end: int, max_len: int = 160) -> tuple[str, str, str]:
    """The sentence holding ``text[start:end]``, as (before, exact, after), trimmed to ``max_len`` around it."""
    s = start
    while s > 0 and text[s - 1] not in SENTENCE_END and start - s < max_len:
        s -= 1
    e = end
    while e < len(text) and text[e] not in SENTENCE_END and e - end < max_len:
        e += 1
    if e < len(text) and text[e] != "\n" and text[e] in SENTENCE_END:
        e += 1  # keep the sentence's own full stop
    return text[s:start], text[start:end], text[end:e]


def _evidence_branches(iri: str) -> list[tuple[int, str]]:
    """(rank, pattern binding ``?span`` and ``?via``): mentions, own evidence, evidence of facts pointing here."""
    t = sparql_iri(iri)
    branches = [(0, f"?span <{p}> {t} . BIND(\"mention\" AS ?via)") for p in MENTIONS]
    branches.append((1, f"{t} <{EVIDENCE}> ?span . BIND(\"evidence\" AS ?via)"))
    branches.append((2, f"?fact ?p {t} . ?fact <{EVIDENCE}> ?span . BIND(STR(?fact) AS ?via)"))
    return branches


def capped_count(store, select: str, cap: int = COUNT_CAP) -> int:
    """The number of solutions of ``select``, counted up to ``cap + 1`` (bounded cost on hubs)."""
    q = f"SELECT (COUNT(*) AS ?n) WHERE {{ {{ {select} LIMIT {cap + 1} }} }}"
    return next(int(sol["n"].value) for sol in store.query(q))


def count_evidence(store, iri: str, cap: int = COUNT_CAP) -> int:
    """Distinct spans supporting ``iri`` (as :func:`fetch_evidence` finds them), counted up to ``cap + 1``."""
    union = " UNION ".join(f"{{ {pattern} }}" for _, pattern in _evidence_branches(iri))
    return capped_count(store, f"SELECT DISTINCT ?span WHERE {{ {union} FILTER(isIRI(?span)) }}", cap)


def fetch_evidence(store, iri: str, limit: int = 60, offset: int = 0) -> list[Evidence]:
    """Spans that mention ``iri``, then spans that are its evidence, then the evidence of facts pointing to it.

    Each kind is one query capped at ``offset + limit`` (no ORDER BY in SPARQL, so a hub with 100,000 facts
    costs no more than a leaf); the kinds are chained in that order, ``[offset:offset + limit]`` of them kept,
    and those sorted here by kind, report and offset.
    """
    found: dict[str, tuple[int, str]] = {}
    for rank, pattern in _evidence_branches(iri):  # the spans first: a GRAPH pattern up front would scan them all
        q = f"SELECT DISTINCT ?span ?via WHERE {{ {pattern} FILTER(isIRI(?span)) }} LIMIT {offset + limit}"
        for sol in store.query(q):
            found.setdefault(sol["span"].value, (rank, sol["via"].value))
    found = dict(list(found.items())[offset:offset + limit])
    rows = []
    spans = sorted(found)
    for i in range(0, len(spans), 200):
        q = f"""SELECT ?span ?g ?src ?start ?end WHERE {{ VALUES ?span {{ {' '.join(f'<{x}>' for x in spans[i:i + 200])} }}
          GRAPH ?g {{ ?span <{OA}hasSource>|<{NIF}referenceContext> ?src
            OPTIONAL {{ ?span <{OA}hasSelector> ?sel . ?sel <{OA}start> ?start ; <{OA}end> ?end }}
            OPTIONAL {{ ?span <{NIF}beginIndex> ?start ; <{NIF}endIndex> ?end }} }} }}"""
        for sol in store.query(q, union_default_graph=False):
            if sol["start"] is None or sol["end"] is None:
                continue
            span = sol["span"].value
            rows.append((found[span][0], sol["g"].value, int(sol["start"].value), span, sol["src"].value,
                         int(sol["end"].value), found[span][1]))
    rows.sort()
    rows = [(span, graph, src, start, end, via) for _, graph, start, span, src, end, via in rows]
    texts = fetch_texts(store, {r[2] for r in rows})
    out, seen = [], set()
    for span, graph, src, start, end, via in rows:
        text = texts.get(src)
        if text is None or span in seen or not (0 <= start < end <= len(text)):
            continue
        seen.add(span)
        key = report_key_of_graph(graph)
        before, exact, after = sentence_around(text, start, end)
        href = f"/reports/{key}#m-{start}-{end}" if key else iri_to_path(span)
        out.append(Evidence(span, key, start, end, before, exact, after, via, href))
    return out[:limit]


_TEXT_CACHE: OrderedDict[str, str] = OrderedDict()


def fetch_texts(store, sources: set[str], cache_size: int = 64) -> dict[str, str]:
    """``nif:isString`` of text nodes, with a small in-process cache."""
    out = {s: _TEXT_CACHE[s] for s in sources if s in _TEXT_CACHE}
    missing = sorted(sources - out.keys())
    if missing:
        vals = " ".join(sparql_iri(s) for s in missing)
        for sol in store.query(f"SELECT ?s ?t WHERE {{ VALUES ?s {{ {vals} }} ?s <{NIF}isString> ?t }}"):
            out[sol["s"].value] = sol["t"].value
            _TEXT_CACHE[sol["s"].value] = sol["t"].value
        while len(_TEXT_CACHE) > cache_size:
            _TEXT_CACHE.popitem(last=False)
    return out


def entity_view(store, iri: str, lang: str = "zh", page: int = 1) -> EntityView:
    """The entity page's content for ``iri``: page ``page`` (of PAGE_SIZE) of its incoming links and evidence."""
    t = sparql_iri(iri)
    offset = (page - 1) * PAGE_SIZE
    out_rows = [(s["p"].value, s["o"]) for s in store.query(f"SELECT DISTINCT ?p ?o WHERE {{ {t} ?p ?o }}")]
    incoming = f"SELECT DISTINCT ?s ?p WHERE {{ ?s ?p {t} }}"
    in_rows = [(s["p"].value, s["s"]) for s in store.query(f"{incoming} LIMIT {PAGE_SIZE} OFFSET {offset}")]
    iris = {iri} | {p for p, _ in out_rows + in_rows}
    iris |= {o.value for _, o in out_rows + in_rows if isinstance(o, ox.NamedNode)}
    labels = fetch_labels(store, iris)
    text = next((o.value for p, o in out_rows if p == NIF + "isString"), None)
    hidden = set(LABEL_PREDICATES[:3]) | {NIF + "isString"}
    types = [o for p, o in out_rows if p == RDF_TYPE and isinstance(o, ox.NamedNode)]
    view = EntityView(
        iri=iri,
        label=pick_label(labels.get(iri), lang, curie(iri)),
        labels=labels.get(iri, {}),
        kind=kind_of(iri),
        types=[_link(x, labels, lang) for x in types],
        facts=_group([r for r in out_rows if r[0] not in hidden and r[0] != RDF_TYPE], labels, lang),
        incoming=_group(in_rows, labels, lang),
        text=text,
        page=page,
        page_size=PAGE_SIZE,
        incoming_total=capped_count(store, incoming),
        evidence_total=count_evidence(store, iri),
    )
    view.evidence = fetch_evidence(store, iri, PAGE_SIZE, offset)
    view.report_key = home_report(store, iri)
    return view


def home_report(store, iri: str) -> str | None:
    """The key of the report graph holding ``iri``'s own triples (reports, texts, sections, figures …)."""
    q = f"SELECT ?g WHERE {{ GRAPH ?g {{ {sparql_iri(iri)} a ?t }} }} LIMIT 5"
    keys = [report_key_of_graph(s["g"].value) for s in store.query(q, union_default_graph=False)]
    return next((k for k in keys if k), None)


def type_map(store, iris: set[str]) -> dict[str, list[str]]:
    """Types of IRIs (re-exported for the pages)."""
    return fetch_types(store, iris)


def short_text(value: str, n: int = 300) -> str:
    """``value`` cut to ``n`` characters with an ellipsis."""
    value = re.sub(r"\s+", " ", value)
    return value if len(value) <= n else value[:n] + "…"

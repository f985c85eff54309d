"""Helpers shared by the exploring routers: IRI ↔ URL, labels, types, kinds and term conversion.

Every fazhi IRI ``{BASE}X`` is served at ``/X`` on this host; other IRIs are shown as links to
the entity page ``/describe?iri=…``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from fazhi.namespaces import BASE, GRAPH, PREFIXES

LABEL_PREDICATES = [
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://purl.org/dc/terms/title",
    "http://www.w3.org/2004/02/skos/core#altLabel",
    "http://xmlns.com/foaf/0.1/name",
]
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
FZ = BASE + "ont#"
MENTIONS = [FZ + "mentions", "http://www.w3.org/2005/11/its/rdf#taIdentRef"]
EVIDENCE = FZ + "evidence"
#: What an unlabelled n-ary node (adoption, event) is about, for its display label.
ABOUT_PREDICATES = [FZ + "mechanism", FZ + "document", FZ + "indicator", "http://www.w3.org/ns/org#resultingOrganization"]
REPORT_GRAPH_PREFIX = f"{GRAPH}report/"

#: Kinds of mention, decided by the IRI patterns of docs/architecture.md.
KIND_PATTERNS = [
    ("agency", "id/org/"),
    ("document", "id/legal/"),
    ("mechanism", "scheme/mechanism/"),
    ("figure", "id/obs/"),
    ("place", "id/division/"),
    ("report", "id/report/"),
    ("span", "id/span/"),
]


def iri_to_path(iri: str) -> str:
    """The local URL path of an IRI: ``{BASE}X`` → ``/X``; others → ``/describe?iri=…``."""
    if iri.startswith(BASE):
        rest = iri[len(BASE):]
        return "/" + quote(rest, safe="/#:@!$&'()*+,;=-._~%")
    return "/describe?iri=" + quote(iri, safe="")


def path_to_iri(path: str) -> str:
    """The IRI served at a local path: ``/X`` → ``{BASE}X``."""
    return BASE + path.lstrip("/")


def kind_of(iri: str) -> str:
    """What an IRI names: agency, document, mechanism, figure, place, report, span, concept or entity."""
    if iri.startswith(BASE):
        rest = iri[len(BASE):]
        for kind, prefix in KIND_PATTERNS:
            if rest.startswith(prefix):
                return kind
        if rest.startswith("scheme/"):
            return "concept"
        if rest.startswith("ont"):
            return "ontology"
    return "entity"


def report_key_of_graph(graph: str) -> str | None:
    """The report key of a report graph IRI (``…/graph/report/{key}``), or None."""
    if graph.startswith(REPORT_GRAPH_PREFIX):
        key = graph[len(REPORT_GRAPH_PREFIX):]
        return None if key.endswith("/validation") else key
    return None


def curie(iri: str) -> str:
    """A compact form ``prefix:local`` when a known prefix fits, else the IRI."""
    best = ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(best):
            best, name = ns, prefix
    if best and re.fullmatch(r"[\w.\-]*", iri[len(best):]):
        return f"{name}:{iri[len(best):]}"
    return iri


def sparql_iri(iri: str) -> str:
    """An IRI as a SPARQL term, refusing characters that cannot appear in one and relative or malformed IRIs."""
    if not iri or re.search(r"[\s<>\"{}|^`\\]", iri):
        raise ValueError(f"not a valid IRI: {iri!r}")
    try:
        ox.NamedNode(iri)  # the engine's own check: absolute, well-formed (else its parser fails mid-query)
    except ValueError:
        raise ValueError(f"not a valid absolute IRI: {iri!r}") from None
    return f"<{iri}>"


def values(var: str, iris: Iterable[str]) -> str:
    """A SPARQL ``VALUES`` block over IRIs."""
    return f"VALUES ?{var} {{ {' '.join(sparql_iri(i) for i in iris)} }}"


def values_sp(subjects: Iterable[str], predicates: Iterable[str]) -> str:
    """``VALUES (?s ?p)`` of every pair: two separate ``VALUES`` let the engine scan a predicate whole."""
    preds = list(predicates)
    return "VALUES (?s ?p) { " + " ".join(f"(<{s}> <{p}>)" for s in subjects for p in preds) + " }"


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal):
    """A pyoxigraph term as an rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    dt = term.datatype.value
    if dt == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(dt))


def term_json(term) -> dict:
    """A term as JSON: ``{"type": "iri"|"bnode"|"literal", "value", "lang"?, "datatype"?}``."""
    if isinstance(term, ox.NamedNode):
        return {"type": "iri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def python_value(term):
    """A literal's value as a Python number where it is numeric, else its string."""
    if not isinstance(term, ox.Literal):
        return term.value
    dt = term.datatype.value
    if dt.endswith(("#integer", "#int", "#long", "#nonNegativeInteger", "#positiveInteger", "#short")):
        try:
            return int(term.value)
        except ValueError:
            return term.value
    if dt.endswith(("#decimal", "#double", "#float")):
        try:
            v = float(term.value)
            return int(v) if v.is_integer() else v
        except ValueError:
            return term.value
    if dt.endswith("#boolean"):
        return term.value in ("true", "1")
    return term.value


def fetch_labels(store, iris: Iterable[str], chunk: int = 400) -> dict[str, dict[str, str]]:
    """Labels of IRIs by language (``zh``, ``en``, ``""``), best predicate first."""
    iris = sorted(set(iris))
    ranks = {p: i for i, p in enumerate(LABEL_PREDICATES)}
    best: dict[str, dict[str, tuple[int, str]]] = {}
    for i in range(0, len(iris), chunk):
        part = [x for x in iris[i:i + chunk] if not re.search(r"[\s<>\"{}|^`\\]", x)]
        if not part:
            continue
        q = f"SELECT ?s ?p ?l WHERE {{ {values_sp(part, LABEL_PREDICATES)} ?s ?p ?l . FILTER(isLiteral(?l)) }}"
        for sol in store.query(q):
            s, p, lit = sol["s"].value, sol["p"].value, sol["l"]
            lang = (lit.language or "").split("-")[0].lower()
            lang = "zh" if lang == "zh" else "en" if lang == "en" else ""
            rank = ranks.get(p, 99)
            slot = best.setdefault(s, {})
            if lang not in slot or (rank, lit.value) < slot[lang]:
                slot[lang] = (rank, lit.value)
    out = {s: {lang: v for lang, (_, v) in d.items()} for s, d in best.items()}
    missing = [x for x in iris if x not in out and not re.search(r"[\s<>\"{}|^`\\]", x)]
    if missing:
        out.update(fallback_labels(store, missing, chunk))
    return out


def fallback_labels(store, iris: list[str], chunk: int = 400) -> dict[str, dict[str, str]]:
    """Labels for unlabelled nodes: a span's quoted text, else its type's label and its local name."""
    out: dict[str, dict[str, str]] = {}
    anchor = "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf>"
    exact = f"<http://www.w3.org/ns/oa#hasSelector>/<http://www.w3.org/ns/oa#exact>|<{FZ}rawText>"
    for i in range(0, len(iris), chunk):
        part = iris[i:i + chunk]
        q = f"SELECT ?s (SAMPLE(?x) AS ?t) WHERE {{ {values('s', part)} ?s {anchor}|{exact} ?x }} GROUP BY ?s"
        for sol in store.query(q):
            out[sol["s"].value] = {"": f"“{sol['t'].value[:40]}”"}
        rest = [x for x in part if x not in out]
        if not rest:
            continue
        # n-ary fact nodes (adoptions, events) are named after the thing they are about
        about: dict[str, dict[str, str]] = {}
        # two steps each (links, then their labels): one join over both lets the engine scan every label
        q = f"SELECT ?s ?o WHERE {{ {values_sp(rest, ABOUT_PREDICATES)} ?s ?p ?o . FILTER(isIRI(?o)) }}"
        targets = _pairs(store, q)
        names = _literals(store, {o for os in targets.values() for o in os}, (LABEL_PREDICATES[0], LABEL_PREDICATES[2]))
        for s, os in targets.items():
            for o in sorted(os):
                for lang_tag, value in names.get(o, []):
                    lang = lang_tag[:2]
                    about.setdefault(s, {}).setdefault(lang if lang in ("zh", "en") else "", value)
        q = f"SELECT DISTINCT ?s ?o WHERE {{ {values('s', rest)} ?s a ?o . FILTER(isIRI(?o)) }}"
        classes = _pairs(store, q)
        class_names = _literals(store, {o for os in classes.values() for o in os},
                                ("http://www.w3.org/2000/01/rdf-schema#label", LABEL_PREDICATES[0]))
        for s, lang_tag, value in sorted((s, lt, v) for s, os in classes.items() for o in os
                                         for lt, v in class_names.get(o, [])):
            lang = lang_tag[:2]
            slot = out.setdefault(s, {})
            if lang in ("zh", "en") and lang not in slot:
                what = about.get(s, {})
                name = what.get(lang) or what.get("zh") or what.get("")
                slot[lang] = f"{name} ({value})" if name else f"{value} · {local_name(s)}"
    return out


def _pairs(store, query: str) -> dict[str, set[str]]:
    """``?s`` → the set of ``?o`` of a two-column query."""
    out: dict[str, set[str]] = {}
    for sol in store.query(query):
        out.setdefault(sol["s"].value, set()).add(sol["o"].value)
    return out


def _literals(store, iris: set[str], predicates: tuple[str, ...]) -> dict[str, list[tuple[str, str]]]:
    """(language tag, value) of the literals of ``iris`` by ``predicates``, in query order."""
    out: dict[str, list[tuple[str, str]]] = {}
    if not iris:
        return out
    q = f"SELECT ?s ?l WHERE {{ {values_sp(sorted(iris), predicates)} ?s ?p ?l . FILTER(isLiteral(?l)) }}"
    for sol in store.query(q):
        out.setdefault(sol["s"].value, []).append((sol["l"].language or "", sol["l"].value))
    return out


def fetch_types(store, iris: Iterable[str], chunk: int = 400) -> dict[str, list[str]]:
    """``rdf:type`` values of IRIs, sorted."""
    iris = sorted(set(iris))
    out: dict[str, set[str]] = {}
    for i in range(0, len(iris), chunk):
        part = iris[i:i + chunk]
        if not part:
            continue
        q = f"SELECT ?s ?t WHERE {{ {values('s', part)} ?s a ?t . FILTER(isIRI(?t)) }}"
        for sol in store.query(q):
            out.setdefault(sol["s"].value, set()).add(sol["t"].value)
    return {s: sorted(t) for s, t in out.items()}


def pick_label(labels: dict[str, str] | None, lang: str, fallback: str) -> str:
    """The label in ``lang``, else any other, else ``fallback``."""
    if labels:
        for choice in (lang, "zh" if lang == "en" else "en", ""):
            if labels.get(choice):
                return labels[choice]
    return fallback


def local_name(iri: str) -> str:
    """The last segment of an IRI (after ``#`` or ``/``)."""
    return re.split(r"[#/]", iri.rstrip("/"))[-1] or iri

"""Reading reports from the store: the list with counts, one report's metadata, sections,
mentions and figures, and the breakdown checks (do the parts add up to their total?)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fazhi.namespaces import report_graph
from service.ld_common import (
    FZ,
    MENTIONS,
    fetch_labels,
    kind_of,
    pick_label,
    python_value,
    report_key_of_graph,
)

PREFIXES = f"""PREFIX fz: <{FZ}>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#>
PREFIX sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#>
"""
KEY_RE = re.compile(r"^[\w.\-]+$")
MENTION_PATH = "|".join(f"<{p}>" for p in MENTIONS)

#: SPARQL expression giving a mention's kind from the mentioned IRI (patterns of docs/architecture.md).
KIND_EXPR = """IF(CONTAINS(STR(?e), "/id/org/"), "agency",
  IF(CONTAINS(STR(?e), "/id/legal/"), "document",
  IF(CONTAINS(STR(?e), "/scheme/mechanism/"), "mechanism",
  IF(CONTAINS(STR(?e), "/id/obs/"), "figure",
  IF(CONTAINS(STR(?e), "/id/division/"), "place", "entity")))))"""


def year_of(period: str | None, fallback: str | None = None) -> int | None:
    """The year of a period IRI (``…/period/2019``) or of a literal, else None."""
    for value in (period, fallback):
        m = re.search(r"(?<!\d)(\d{4})(?!\d)", value or "")
        if m:
            return int(m.group(1))
    return None


def list_reports(store, year: int | None = None, limit: int = 1000, offset: int = 0,
                 key: str | None = None) -> list[dict]:
    """Every report (or the one with ``key``) with its metadata and counts of mentions, figures and sections."""
    only = f"VALUES ?g {{ <{report_graph(key)}> }}" if key else ""
    q = PREFIXES + """SELECT ?g ?r (SAMPLE(?t) AS ?title) (SAMPLE(?i) AS ?issuer) (SAMPLE(?p) AS ?period)
      (SAMPLE(?y) AS ?yr) (SAMPLE(?d) AS ?issued) (SAMPLE(?a) AS ?area) WHERE { ONLY
      GRAPH ?g { ?r a fz:AnnualReport .
        OPTIONAL { ?r dct:title ?t } OPTIONAL { ?r fz:issuer ?i } OPTIONAL { ?r fz:reportingPeriod ?p }
        OPTIONAL { ?r fz:year ?y } OPTIONAL { ?r dct:issued ?d } OPTIONAL { ?r fz:jurisdiction ?a } }
    } GROUP BY ?g ?r ORDER BY ?g""".replace("ONLY", only)
    rows = []
    for sol in store.query(q, union_default_graph=False):
        key = report_key_of_graph(sol["g"].value)
        if key is None:
            continue
        period = sol["period"].value if sol["period"] else None
        yr = year_of(period, sol["yr"].value if sol["yr"] else None)
        if year is not None and yr != year:
            continue
        rows.append({
            "key": key, "iri": sol["r"].value, "graph": sol["g"].value,
            "title": sol["title"].value if sol["title"] else None,
            "issuer": sol["issuer"].value if sol["issuer"] else None,
            "jurisdiction": sol["area"].value if sol["area"] else None,
            "year": yr, "published": sol["issued"].value if sol["issued"] else None,
        })
    rows = rows[offset:offset + limit]
    counts = count_mentions(store, [r["graph"] for r in rows])
    labels = fetch_labels(store, {r[k] for r in rows for k in ("issuer", "jurisdiction") if r[k]})
    for r in rows:
        r["counts"] = counts.get(r.pop("graph"), {})
        r["issuer_label"] = pick_label(labels.get(r["issuer"] or ""), "zh", r["issuer"] or "") or None
        r["jurisdiction_label"] = pick_label(labels.get(r["jurisdiction"] or ""), "zh", "") or None
        r["href"] = f"/reports/{r['key']}"
    return rows


def count_mentions(store, graphs: list[str]) -> dict[str, dict[str, int]]:
    """Per report graph: mentions by kind, plus figures (observations) and sections."""
    out: dict[str, dict[str, int]] = {g: {} for g in graphs}
    if not graphs:
        return out
    vals = " ".join(f"<{g}>" for g in graphs)
    q = PREFIXES + f"""SELECT ?g ?kind (COUNT(?span) AS ?n) WHERE {{ VALUES ?g {{ {vals} }}
      GRAPH ?g {{ ?span {MENTION_PATH} ?e }} BIND({KIND_EXPR} AS ?kind) }} GROUP BY ?g ?kind"""
    for sol in store.query(q, union_default_graph=False):
        out[sol["g"].value]["mentions_" + sol["kind"].value] = int(sol["n"].value)
    q = PREFIXES + f"""SELECT ?g (COUNT(DISTINCT ?o) AS ?obs) (COUNT(DISTINCT ?s) AS ?sec) WHERE {{ VALUES ?g {{ {vals} }}
      GRAPH ?g {{ {{ ?o a qb:Observation }} UNION {{ ?s a fz:ReportSection }} }} }} GROUP BY ?g"""
    for sol in store.query(q, union_default_graph=False):
        out[sol["g"].value]["figures"] = int(sol["obs"].value)
        out[sol["g"].value]["sections"] = int(sol["sec"].value)
    return out


@dataclass
class Mention:
    start: int
    end: int
    kind: str
    target: str
    label: str


@dataclass
class Section:
    number: str
    title: str
    level: int
    start: int
    end: int


@dataclass
class Report:
    key: str
    iri: str
    meta: dict
    text: str
    sections: list[Section] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)


def find_report(store, key: str) -> tuple[str, str] | None:
    """``(report IRI, text IRI)`` of the report with this key, or None."""
    if not KEY_RE.match(key):
        return None
    q = PREFIXES + f"""SELECT ?r ?t WHERE {{ GRAPH <{report_graph(key)}> {{ ?r a fz:AnnualReport .
      OPTIONAL {{ ?r fz:hasText ?t }} }} }} LIMIT 1"""
    for sol in store.query(q, union_default_graph=False):
        return sol["r"].value, (sol["t"].value if sol["t"] else "")
    return None


def report_meta(store, key: str, iri: str, lang: str = "zh") -> dict:
    """The report's own properties (title, issuer, period, dates, header fields …) with labels."""
    rows = list_reports(store, key=key)
    meta = rows[0] if rows else {"key": key, "iri": iri}
    q = PREFIXES + f"""SELECT ?name ?value WHERE {{ GRAPH <{report_graph(key)}> {{
      <{iri}> fz:headerField ?h . ?h fz:fieldName ?name ; fz:fieldValue ?value }} }}"""
    meta["header"] = {s["name"].value: s["value"].value for s in store.query(q, union_default_graph=False)}
    q = PREFIXES + f"SELECT ?v WHERE {{ GRAPH <{report_graph(key)}> {{ <{iri}> fz:indexNumber ?v }} }}"
    meta["index_number"] = next((s["v"].value for s in store.query(q, union_default_graph=False)), None)
    return meta


def load_report(store, key: str, lang: str = "zh") -> Report | None:
    """Everything the report page shows, or None when there is no such report."""
    found = find_report(store, key)
    if not found:
        return None
    iri, text_iri = found
    g = f"<{report_graph(key)}>"
    text = ""
    if text_iri:
        q = PREFIXES + f"SELECT ?s WHERE {{ GRAPH {g} {{ <{text_iri}> nif:isString ?s }} }}"
        text = next((s["s"].value for s in store.query(q, union_default_graph=False)), "")
    report = Report(key, iri, report_meta(store, key, iri, lang), text)
    report.sections = load_sections(store, g)
    report.mentions = load_mentions(store, g, len(text), lang)
    report.figures = load_figures(store, key, lang)
    return report


def load_sections(store, g: str) -> list[Section]:
    q = PREFIXES + f"""SELECT ?s ?num ?title ?level ?order ?b ?e WHERE {{ GRAPH {g} {{ ?s a fz:ReportSection .
      OPTIONAL {{ ?s fz:sectionNumber|fz:number ?num }} OPTIONAL {{ ?s dct:title ?title }}
      OPTIONAL {{ ?s fz:sectionLevel|fz:level ?level }} OPTIONAL {{ ?s fz:sectionOrder ?order }}
      OPTIONAL {{ ?s nif:beginIndex ?b }} OPTIONAL {{ ?s nif:endIndex ?e }} }} }}"""
    rows = []
    for sol in store.query(q, union_default_graph=False):
        b = int(sol["b"].value) if sol["b"] else 0
        rows.append((int(sol["order"].value) if sol["order"] else 0, b, Section(
            sol["num"].value if sol["num"] else "", sol["title"].value if sol["title"] else "",
            int(sol["level"].value) if sol["level"] else 1, b, int(sol["e"].value) if sol["e"] else b)))
    rows.sort(key=lambda x: (x[1], x[0]))
    return [s for _, _, s in rows]


def load_mentions(store, g: str, text_len: int, lang: str) -> list[Mention]:
    """Spans that name something, with the kind and label of what they name (outermost first)."""
    q = PREFIXES + f"""SELECT DISTINCT ?start ?end ?e WHERE {{ GRAPH {g} {{ ?span {MENTION_PATH} ?e .
      ?span oa:hasSelector ?sel . ?sel oa:start ?start ; oa:end ?end }} }}"""
    rows = [(int(s["start"].value), int(s["end"].value), s["e"].value) for s in store.query(q, union_default_graph=False)]
    labels = fetch_labels(store, {e for _, _, e in rows if kind_of(e) != "figure"})
    out = [Mention(s, e, kind_of(t), t, pick_label(labels.get(t), lang, t.rsplit("/", 1)[-1]))
           for s, e, t in rows if 0 <= s < e <= text_len]
    out.sort(key=lambda m: (m.start, -m.end, m.target))
    return out


def load_figures(store, key: str, lang: str = "zh") -> list[dict]:
    """The report's observations in text order, with parts and the breakdown check on each total."""
    if not KEY_RE.match(key):  # the key goes into the query text
        return []
    g = f"<{report_graph(key)}>"
    q = PREFIXES + f"""SELECT ?o (SAMPLE(?v) AS ?value) (SAMPLE(?u) AS ?unit) (SAMPLE(?r) AS ?raw)
      (SAMPLE(?m) AS ?measure) (SAMPLE(?p) AS ?part_of) (SAMPLE(?i) AS ?indicator) (SAMPLE(?q) AS ?qualifier)
      (MIN(?st) AS ?start) (MIN(?en) AS ?end) WHERE {{ GRAPH {g} {{
        ?o a qb:Observation ; sdmx-measure:obsValue ?v .
        OPTIONAL {{ ?o sdmx-attribute:unitMeasure ?u }} OPTIONAL {{ ?o fz:rawText ?r }} OPTIONAL {{ ?o fz:measure ?m }}
        OPTIONAL {{ ?o fz:partOf ?p }} OPTIONAL {{ ?o fz:indicator ?i }} OPTIONAL {{ ?o fz:valueQualifier ?q }}
        OPTIONAL {{ ?o fz:evidence ?span . ?span oa:hasSelector ?sel . ?sel oa:start ?st ; oa:end ?en }} }} }}
      GROUP BY ?o"""
    figs = []
    for sol in store.query(q, union_default_graph=False):
        figs.append({k: (python_value(sol[k]) if sol[k] is not None else None)
                     for k in ("value", "unit", "raw", "measure", "part_of", "indicator", "qualifier", "start", "end")}
                    | {"iri": sol["o"].value})
    q = PREFIXES + f"""SELECT ?t ?x WHERE {{ GRAPH {g} {{ ?b fz:total ?t ; fz:exhaustive ?x }} }}"""
    exhaustive = {s["t"].value: python_value(s["x"]) for s in store.query(q, union_default_graph=False)}
    labels = fetch_labels(store, {f[k] for f in figs for k in ("unit", "indicator", "qualifier") if f[k]})
    figs.sort(key=lambda f: (f["start"] if f["start"] is not None else 10**9, f["iri"]))
    index = {f["iri"]: n for n, f in enumerate(figs)}
    for f in figs:
        for k in ("unit", "indicator", "qualifier"):
            f[k + "_iri"] = f[k]
            f[k] = pick_label(labels.get(f[k]), lang, f[k].rsplit("/", 1)[-1]) if f[k] else None
        f["part_of_index"] = index.get(f["part_of"]) if f["part_of"] else None
        f["parts"] = []
    for n, f in enumerate(figs):
        if f["part_of_index"] is not None:
            figs[f["part_of_index"]]["parts"].append(n)
    for f in figs:
        f["check"] = breakdown_check(f, [figs[i] for i in f["parts"]], exhaustive.get(f["iri"], True))
    return figs


def breakdown_check(total: dict, parts: list[dict], exhaustive: bool = True) -> dict | None:
    """``{"parts_sum", "total", "ok", "exhaustive"}`` for a total with parts; None for a figure without parts."""
    if not parts:
        return None
    values = [p["value"] for p in parts if isinstance(p["value"], int | float)]
    parts_sum = sum(values)
    if isinstance(parts_sum, float) and parts_sum.is_integer():
        parts_sum = int(parts_sum)
    t = total["value"]
    ok = abs(parts_sum - t) < 1e-9 if exhaustive else parts_sum <= t + 1e-9
    return {"parts_sum": parts_sum, "total": t, "ok": bool(ok), "exhaustive": exhaustive,
            "difference": round(t - parts_sum, 6)}

"""Figures as RDF Data Cube observations of one dataset per report, and breakdowns as slices."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV, QB, SKOS

from fazhi.iri import concept, instance, slug
from fazhi.namespaces import FZ, SDMX_ATTR, SDMX_MEASURE
from ingest.model import Doc, Figure
from ingest.rdf_text import Spans
from ingest.triples import Terms

# Each namespace term is built once per process (ingest.triples.Terms), not at every look-up.
RDF, XSD, PROV, QB, SKOS, FZ, SDMX_ATTR, SDMX_MEASURE = map(Terms, (RDF, XSD, PROV, QB, SKOS, FZ, SDMX_ATTR, SDMX_MEASURE))

#: Words just before a number that make it a change or a running total rather than a level.
_STAT_CUES: list[tuple[tuple[str, ...], str]] = [
    (("同比", "较上年", "比上年", "较去年", "比去年", "环比"), "yoy-change"),
    (("累计",), "cumulative"),
    (("截至", "截止"), "stock"),
]
_CUE_WINDOW = 10
_QUALIFIERS = {"exact", "approx", "more-than", "at-least", "less-than", "at-most"}
#: Indicator of a total → the breakdown code list its parts are classified in.
BREAKDOWN_FAMILIES = {
    "npc-sugg": "proposal-outcome",
    "cppcc-prop": "proposal-outcome",
    "recon-cases": "reconsideration-decision",
    "litigation": "litigation-result",
    "nf-cleanup": "cleanup-action",
    "legal-review": "review-object",
    "info-disclosure": "disclosure-handling",
    "service-items": "service-item-change",
    "power-list": "service-item-change",
}
_LEADING_CONTEXT = re.compile(r"^[(（][^)）]*[)）]")


@dataclass
class ReportContext:
    """The report-level values every observation of the report shares."""

    key: str
    dataset: URIRef
    area: URIRef | None
    period: URIRef | None
    agency: URIRef | None


@lru_cache(maxsize=1)
def unit_concepts() -> dict[str, str]:
    """Unit label, alt label or notation → concept IRI, from the unit scheme in the vocabulary."""
    from ontology import vocabulary_graph

    g = vocabulary_graph()
    out: dict[str, str] = {}
    for c in set(g.subjects(RDF.type, FZ.Unit)):
        for p in (SKOS.notation, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
            for lit in g.objects(c, p):
                out.setdefault(str(lit), str(c))
    return out


@lru_cache(maxsize=1)
def breakdown_labels() -> dict[str, list[tuple[str, str]]]:
    """Breakdown family notation → (label, concept IRI) of its codes, longest label first."""
    from ontology import vocabulary_graph

    g = vocabulary_graph()
    out: dict[str, list[tuple[str, str]]] = {}
    for family in set(BREAKDOWN_FAMILIES.values()):
        node = URIRef(concept("breakdown", family))
        pairs = [(str(lit), str(c)) for c in g.subjects(SKOS.broader, node)
                 for p in (SKOS.prefLabel, SKOS.altLabel) for lit in g.objects(c, p) if lit.language == "zh"]
        out[family] = sorted(pairs, key=lambda x: (-len(x[0]), x[1]))
    return out


def breakdown_code(part: Figure, total: Figure) -> URIRef:
    """The code of a part in the code list of its total's indicator (``_Z`` when none fits)."""
    family = BREAKDOWN_FAMILIES.get(total.indicator or "")
    measure = _LEADING_CONTEXT.sub("", part.measure or "")
    if family and measure:
        for label, iri in breakdown_labels().get(family, []):
            if label in measure:
                return URIRef(iri)
    return URIRef(concept("breakdown", "_Z"))


def unit_iri(unit: str) -> URIRef:
    """The unit concept for a unit as written (a minted ``scheme/unit/{slug}`` when the scheme lacks it)."""
    return URIRef(unit_concepts().get(unit) or concept("unit", slug(unit)))


def decimal_literal(value: float | int) -> Literal | None:
    """``value`` as an ``xsd:decimal`` (the precision the text used is in ``fz:rawText``); None if not finite."""
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        return None
    if not d.is_finite():
        return None
    if d == d.to_integral_value() and d.adjusted() < 20:
        d = d.quantize(Decimal("0.1"))  # "54.0": the form Turtle's decimal shorthand round-trips
    return Literal(d, datatype=XSD.decimal)


def stat_type(doc: Doc, f: Figure) -> str:
    """level, cumulative, stock, yoy-change-abs or yoy-change-pct, from cue words just before the figure."""
    before = (doc.norm or doc.text)[max(0, f.start - _CUE_WINDOW) : f.start]
    for cues, kind in _STAT_CUES:
        if any(c in before for c in cues):
            if kind == "yoy-change":
                return "yoy-change-pct" if f.unit == "%" else "yoy-change-abs"
            return kind
    return "level"


def observation_iris(doc: Doc, key: str) -> list[URIRef]:
    """One IRI per figure: the extractor's (shared by repeats of one figure) or ``id/obs/{key}/{n}``."""
    return [URIRef(f.iri) if f.iri else URIRef(instance("obs", key, str(i + 1))) for i, f in enumerate(doc.figures)]


def add_figures(g: Graph, doc: Doc, ctx: ReportContext, spans: Spans, run: URIRef | None) -> None:
    """The dataset, an observation per distinct figure, and a breakdown slice per total with parts."""
    if not doc.figures:
        return
    g.add((ctx.dataset, RDF.type, FZ.ReportDataSet))
    g.add((ctx.dataset, RDF.type, QB.DataSet))
    g.add((ctx.dataset, QB.structure, FZ.annualReportStructure))
    if run is not None:
        g.add((ctx.dataset, PROV.wasGeneratedBy, run))
    iris = observation_iris(doc, ctx.key)
    parts: dict[int, list[int]] = {}
    for i, f in enumerate(doc.figures):
        if f.part_of is not None and 0 <= f.part_of < len(iris) and iris[f.part_of] != iris[i]:
            parts.setdefault(f.part_of, []).append(i)
    part_ids = {i for ps in parts.values() for i in ps}
    done: set[URIRef] = set()
    for i, f in enumerate(doc.figures):
        obs = iris[i]
        g.add((obs, FZ.evidence, spans.mention(f.start, f.end, obs, FZ.Observation)))
        if obs in done:
            continue
        done.add(obs)
        code = breakdown_code(f, doc.figures[f.part_of]) if i in part_ids else URIRef(concept("breakdown", "_T"))
        _add_observation(g, doc, ctx, obs, f, code)
        if i in part_ids:
            g.add((obs, FZ.partOf, iris[f.part_of]))
        if f.rate_of:
            for n in f.rate_of.get("numerator") or []:
                if isinstance(n, int) and 0 <= n < len(iris):
                    g.add((obs, FZ.numerator, iris[n]))
            d = f.rate_of.get("denominator")
            if isinstance(d, int) and 0 <= d < len(iris):
                g.add((obs, FZ.denominator, iris[d]))
    for total, members in parts.items():
        _add_breakdown(g, ctx, total, [iris[m] for m in members], iris)


def _add_observation(g: Graph, doc: Doc, ctx: ReportContext, obs: URIRef, f: Figure, code: URIRef) -> None:
    g.add((obs, RDF.type, FZ.Observation))
    g.add((obs, RDF.type, QB.Observation))
    g.add((obs, QB.dataSet, ctx.dataset))
    if f.indicator:
        g.add((obs, FZ.indicator, URIRef(concept("indicator", f.indicator))))
    if ctx.area is not None:
        g.add((obs, FZ.refArea, ctx.area))
    if ctx.period is not None:
        g.add((obs, FZ.refPeriod, ctx.period))
    if ctx.agency is not None:
        g.add((obs, FZ.subjectAgency, ctx.agency))
    g.add((obs, FZ.breakdown, code))
    g.add((obs, FZ.statType, URIRef(concept("stat-type", stat_type(doc, f)))))
    value = decimal_literal(f.value)
    if value is not None:  # else the shapes report an observation without a value
        g.add((obs, SDMX_MEASURE.obsValue, value))
    g.add((obs, SDMX_ATTR.unitMeasure, unit_iri(f.unit)))
    qualifier = f.qualifier if f.qualifier in _QUALIFIERS else "exact"
    if f.approx and qualifier == "exact":
        qualifier = "approx"
    g.add((obs, FZ.valueQualifier, URIRef(concept("value-qualifier", qualifier))))
    g.add((obs, FZ.rawText, Literal(f.text)))
    if f.measure:
        g.add((obs, FZ.measure, Literal(f.measure, lang="zh")))
    if f.optional:
        g.add((obs, FZ.incidental, Literal(True)))


def _add_breakdown(g: Graph, ctx: ReportContext, total: int, members: list[URIRef], iris: list[URIRef]) -> None:
    node = URIRef(instance("slice", ctx.key, str(total + 1)))
    g.add((node, RDF.type, FZ.Breakdown))
    g.add((node, RDF.type, QB.Slice))
    g.add((node, QB.sliceStructure, FZ.breakdownSliceKey))
    g.add((node, FZ.total, iris[total]))
    g.add((ctx.dataset, QB.slice, node))
    for m in members:
        g.add((node, QB.observation, m))

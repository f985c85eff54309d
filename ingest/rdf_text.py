"""The report's text as a NIF context, its sections, and evidence spans (Web Annotation + NIF)."""

from __future__ import annotations

from functools import lru_cache

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from fazhi.iri import instance
from fazhi.namespaces import FZ, NIF, OA
from ingest.model import Doc
from ingest.rdf_topics import report_part, task_area
from ingest.triples import Terms

# Each namespace term is built once per process (ingest.triples.Terms), not at every look-up.
RDF, XSD, DCTERMS, PROV, FZ, NIF, OA = map(Terms, (RDF, XSD, DCTERMS, PROV, FZ, NIF, OA))

#: Characters of context kept before and after a quote (oa:prefix / oa:suffix).
QUOTE_CONTEXT = 8

# Terms of the span pattern as module constants: a report has about a thousand spans of seventeen triples.
_TYPE, _SPAN_CLASSES = RDF.type, (FZ.Span, OA.SpecificResource, NIF.OffsetBasedString)
_HAS_SOURCE, _HAS_SELECTOR, _START, _END = OA.hasSource, OA.hasSelector, OA.start, OA.end
_EXACT, _PREFIX, _SUFFIX = OA.exact, OA.prefix, OA.suffix
_POSITION, _QUOTE = OA.TextPositionSelector, OA.TextQuoteSelector
_REFERENCE, _BEGIN, _END_INDEX, _ANCHOR = NIF.referenceContext, NIF.beginIndex, NIF.endIndex, NIF.anchorOf
_GENERATED_BY, _MENTIONS, _MENTION_TYPE = PROV.wasGeneratedBy, FZ.mentions, FZ.mentionType


@lru_cache(maxsize=1 << 16)
def _nni(n: int) -> Literal:
    """An offset as ``xsd:integer`` (Oxigraph stores derived integer types as ``xsd:integer`` anyway)."""
    return Literal(n, datatype=XSD.integer)


class Spans:
    """Mints one evidence-span node per distinct [start, end) of a report's text."""

    def __init__(self, g: Graph, doc: Doc, key: str, text_node: URIRef, run: URIRef | None):
        self.g, self.doc, self.key, self.text_node, self.run = g, doc, key, text_node, run
        self._made: dict[tuple[int, int], URIRef] = {}

    def span(self, start: int, end: int) -> URIRef:
        """The span node for ``doc.text[start:end]`` (created on first use)."""
        if (start, end) in self._made:
            return self._made[(start, end)]
        g, text = self.g, self.doc.text
        node = URIRef(instance("span", self.key, f"{start}-{end}"))
        exact = text[start:end]
        pos, quote = URIRef(f"{node}#position"), URIRef(f"{node}#quote")
        begin, end_index, exact_literal = _nni(start), _nni(end), Literal(exact)
        for cls in _SPAN_CLASSES:
            g.add((node, _TYPE, cls))
        g.add((node, _HAS_SOURCE, self.text_node))
        g.add((node, _HAS_SELECTOR, pos))
        g.add((node, _HAS_SELECTOR, quote))
        g.add((pos, _TYPE, _POSITION))
        g.add((pos, _START, begin))
        g.add((pos, _END, end_index))
        g.add((quote, _TYPE, _QUOTE))
        g.add((quote, _EXACT, exact_literal))
        g.add((quote, _PREFIX, Literal(text[max(0, start - QUOTE_CONTEXT) : start])))
        g.add((quote, _SUFFIX, Literal(text[end : end + QUOTE_CONTEXT])))
        g.add((node, _REFERENCE, self.text_node))
        g.add((node, _BEGIN, begin))
        g.add((node, _END_INDEX, end_index))
        g.add((node, _ANCHOR, exact_literal))
        if self.run is not None:
            g.add((node, _GENERATED_BY, self.run))
        self._made[(start, end)] = node
        return node

    def mention(self, start: int, end: int, target: URIRef | None, cls: URIRef) -> URIRef:
        """A span that names ``target`` (an entity of class ``cls``); unresolved when ``target`` is None."""
        node = self.span(start, end)
        if target is not None:
            self.g.add((node, _MENTIONS, target))
        self.g.add((node, _MENTION_TYPE, cls))
        return node


def add_text(g: Graph, doc: Doc, text_node: URIRef, source_node: URIRef, run: URIRef | None) -> None:
    """The report text as a ``nif:Context`` holding the whole string."""
    g.add((text_node, RDF.type, FZ.ReportText))
    g.add((text_node, RDF.type, NIF.Context))
    g.add((text_node, NIF.isString, Literal(doc.text)))
    g.add((text_node, NIF.beginIndex, _nni(0)))
    g.add((text_node, NIF.endIndex, _nni(len(doc.text))))
    g.add((text_node, FZ.source, source_node))
    g.add((text_node, PROV.wasDerivedFrom, source_node))
    g.add((text_node, DCTERMS.language, Literal("zh")))
    if run is not None:
        g.add((text_node, PROV.wasGeneratedBy, run))


def section_iri(key: str, index: int) -> URIRef:
    """IRI of the ``index``-th section (0-based) of a report: ``id/section/{key}/{index+1}``."""
    return URIRef(instance("section", key, str(index + 1)))


def area_at(doc: Doc, areas: list[URIRef | None], offset: int) -> URIRef | None:
    """The task area of the innermost section around ``offset`` that has one."""
    best: tuple[int, URIRef] | None = None
    for s, area in zip(doc.sections, areas, strict=True):
        if area is not None and s.start <= offset < s.end and (best is None or s.start >= best[0]):
            best = (s.start, area)
    return best[1] if best else None


def add_sections(g: Graph, doc: Doc, key: str, text_node: URIRef, spans: Spans) -> list[URIRef | None]:
    """Every section with its number, title, level, extent, the span of its heading and its topic.

    Returns the task area of each section (None where its title names none).
    """
    nodes = [section_iri(key, i) for i in range(len(doc.sections))]
    areas: list[URIRef | None] = []
    for i, (node, s) in enumerate(zip(nodes, doc.sections, strict=True)):
        g.add((text_node, FZ.hasSection, node))
        g.add((node, RDF.type, FZ.ReportSection))
        g.add((node, RDF.type, NIF.Structure))
        g.add((node, FZ.sectionNumber, Literal(s.number)))
        g.add((node, DCTERMS.title, Literal(s.title, lang="zh")))
        g.add((node, FZ.sectionLevel, Literal(max(1, s.level), datatype=XSD.integer)))
        g.add((node, FZ.sectionOrder, Literal(i + 1, datatype=XSD.integer)))
        g.add((node, NIF.referenceContext, text_node))
        g.add((node, NIF.beginIndex, _nni(s.start)))
        g.add((node, NIF.endIndex, _nni(s.end)))
        if s.parent is not None and 0 <= s.parent < len(nodes):
            g.add((node, FZ.parentSection, nodes[s.parent]))
        if 0 <= s.title_start < s.title_end:
            g.add((node, FZ.evidence, spans.span(s.title_start, s.title_end)))
        title = doc.norm[s.title_start : s.title_end] if doc.norm and 0 <= s.title_start < s.title_end else s.title
        part, area = report_part(title), task_area(title, doc.meta.year)
        if part is not None:
            g.add((node, FZ.reportPart, part))
        if area is not None and part is None:
            g.add((node, FZ.taskArea, area))
        areas.append(area if part is None else None)
    return areas

"""HTML documentation of the ontology, generated from the graph (one standalone page, no assets).

Each term has an anchor equal to its local name, so ``{BASE}ont#Term`` lands on its entry.
"""

from __future__ import annotations

from html import escape

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, QB, SKOS

from fazhi.namespaces import FZ, PREFIXES, SCHEME

_KINDS = [
    (OWL.Class, "classes", "Classes", "类"),
    (OWL.ObjectProperty, "object-properties", "Object properties", "对象属性"),
    (OWL.DatatypeProperty, "datatype-properties", "Datatype properties", "数据属性"),
    (QB.DataStructureDefinition, "cube", "Data structure", "数据结构定义"),
    (QB.SliceKey, "cube-keys", "Slice keys", "切片键"),
]

_CSS = """body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;
line-height:1.5;color:#222}h1{margin-bottom:.2rem}code{background:#f4f4f4;padding:0 .2rem}
.term{border-top:1px solid #ddd;padding:.6rem 0}.term h3{margin:.2rem 0}.zh{color:#555}
table{border-collapse:collapse}td,th{padding:.15rem .6rem;vertical-align:top;text-align:left}
th{color:#666;font-weight:normal;white-space:nowrap}nav a{margin-right:1rem}.iri{color:#666;font-size:.9em}"""


def curie(iri: str) -> str:
    """``prefix:local`` for an IRI under a known prefix, else the IRI."""
    best = max(((p, ns) for p, ns in PREFIXES.items() if iri.startswith(ns)), key=lambda x: len(x[1]), default=None)
    return f"{best[0]}:{iri[len(best[1]):]}" if best else iri


def _link(iri) -> str:
    s = str(iri)
    if s.startswith(str(FZ)):
        local = s[len(str(FZ)) :]
        return f'<a href="#{escape(local)}"><code>fz:{escape(local)}</code></a>'
    return f'<a href="{escape(s)}"><code>{escape(curie(s))}</code></a>'


def _label(g: Graph, node, lang: str) -> str:
    return next((str(x) for x in g.objects(node, RDFS.label) if x.language == lang), "")


def _row(name: str, values: list[str]) -> str:
    return f"<tr><th>{escape(name)}</th><td>{', '.join(values)}</td></tr>" if values else ""


def _term(g: Graph, t: URIRef) -> str:
    local = str(t)[len(str(FZ)) :]
    rows = [
        _row("IRI", [f'<span class="iri">{escape(str(t))}</span>']),
        _row("definition 定义", [escape(str(d)) for d in g.objects(t, SKOS.definition)]),
        _row("subclass of 上位类", sorted(_link(x) for x in g.objects(t, RDFS.subClassOf) if isinstance(x, URIRef))),
        _row("subclasses 下位类", sorted(_link(x) for x in g.subjects(RDFS.subClassOf, t))),
        _row("subproperty of 上位属性", sorted(_link(x) for x in g.objects(t, RDFS.subPropertyOf))),
        _row("domain 定义域", sorted(_link(x) for x in g.objects(t, RDFS.domain))),
        _row("range 值域", sorted(_link(x) for x in g.objects(t, RDFS.range))),
        _row("used with 相关属性", sorted(_link(x) for x in g.subjects(RDFS.domain, t))),
        _row("values of 作为值域", sorted(_link(x) for x in g.subjects(RDFS.range, t))),
        _row("types 类型", sorted(_link(x) for x in g.objects(t, RDF.type) if x not in (OWL.Class,))),
    ]
    return (
        f'<div class="term" id="{escape(local)}"><h3>{escape(_label(g, t, "en"))} '
        f'<span class="zh">{escape(_label(g, t, "zh"))}</span> <code>fz:{escape(local)}</code></h3>'
        f"<table>{''.join(rows)}</table></div>"
    )


def ontology_html(ontology: Graph, vocabulary: Graph | None = None) -> str:
    """The documentation page of ``ontology`` (with the list of concept schemes in ``vocabulary``)."""
    g = ontology
    ont = next(g.subjects(RDF.type, OWL.Ontology))
    title_en = next((str(x) for x in g.objects(ont, DCTERMS.title) if x.language == "en"), str(ont))
    title_zh = next((str(x) for x in g.objects(ont, DCTERMS.title) if x.language == "zh"), "")
    desc = next((str(x) for x in g.objects(ont, DCTERMS.description)), "")
    meta = [
        _row("IRI", [f"<code>{escape(str(ont))}</code>"]),
        _row("version IRI 版本", [f"<code>{escape(str(x))}</code>" for x in g.objects(ont, OWL.versionIRI)]),
        _row("version 版本号", [escape(str(x)) for x in g.objects(ont, OWL.versionInfo)]),
        _row("modified 修改日期", [escape(str(x)) for x in g.objects(ont, DCTERMS.modified)]),
        _row("license 许可", [f'<a href="{escape(str(x))}">{escape(str(x))}</a>' for x in g.objects(ont, DCTERMS.license)]),
        _row("prefix 前缀", [f"<code>fz: &lt;{escape(str(FZ))}&gt;</code>"]),
        _row("formats 格式", ['<a href="?format=turtle">Turtle</a>', '<a href="?format=jsonld">JSON-LD</a>',
                              '<a href="?format=rdfxml">RDF/XML</a>', '<a href="?format=nt">N-Triples</a>']),
    ]
    parts = [
        f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{escape(title_en)}</title>"
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{escape(title_en)}</h1><p class=\"zh\">{escape(title_zh)}</p><table>{''.join(meta)}</table>",
        f"<p>{escape(desc)}</p>",
        "<nav>" + "".join(f'<a href="#{a}">{en} {zh}</a>' for _, a, en, zh in _KINDS) + '<a href="#schemes">Schemes 概念体系</a></nav>',
    ]
    for kind, anchor, en, zh in _KINDS:
        terms = sorted((t for t in g.subjects(RDF.type, kind) if str(t).startswith(str(FZ))), key=str)
        parts.append(f'<h2 id="{anchor}">{en} {zh} ({len(terms)})</h2>')
        parts.extend(_term(g, t) for t in terms)
    if vocabulary is not None:
        schemes = sorted(s for s in vocabulary.subjects(RDF.type, SKOS.ConceptScheme) if str(s).startswith(str(SCHEME)))
        parts.append(f'<h2 id="schemes">Concept schemes 概念体系 ({len(schemes)})</h2><table>')
        for s in schemes:
            labels = {x.language: str(x) for x in vocabulary.objects(s, SKOS.prefLabel)}
            n = len(set(vocabulary.subjects(SKOS.inScheme, s)))
            path = "/" + str(s)[len(str(SCHEME)) - len("scheme/") :]
            parts.append(
                f'<tr><td><a href="{escape(path)}"><code>{escape(curie(str(s)))}</code></a></td>'
                f'<td>{escape(labels.get("en", ""))}</td><td class="zh">{escape(labels.get("zh", ""))}</td><td>{n} concepts</td></tr>'
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)

"""Running the SHACL shapes as SPARQL on an in-memory Oxigraph store.

The subset of SHACL the shapes use is compiled once into one SELECT query per constraint:
``sh:targetClass``; property shapes with an IRI ``sh:path`` and ``sh:minCount``, ``sh:maxCount``,
``sh:datatype``, ``sh:class``, ``sh:nodeKind``, ``sh:pattern`` (+ ``sh:flags``), ``sh:languageIn``,
``sh:uniqueLang``, ``sh:in``, ``sh:hasValue``; ``sh:nodeKind`` and ``sh:pattern`` on node shapes; and
``sh:sparql`` SELECT constraints. Anything else in a shape raises :class:`UnsupportedShape`, so the
engine never silently skips a constraint. pyshacl stays the reference (``tests/test_shapes_engines.py``).

Focus nodes are the instances of the target classes (through ``rdfs:subClassOf*``) that are subjects in
the data graph, so the vocabulary loaded beside the data is read but not itself validated.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import SH

DATA_GRAPH = ox.NamedNode("urn:fazhi:validation:data")
VOCAB_GRAPH = ox.NamedNode("urn:fazhi:validation:vocab")
SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}

#: Parameters of a property shape this engine compiles; anything else with the sh: namespace is refused.
_KNOWN = {
    SH.path, SH.minCount, SH.maxCount, SH.datatype, SH["class"], SH.nodeKind, SH.pattern, SH.flags,
    SH.languageIn, SH.uniqueLang, SH["in"], SH.hasValue, SH.minInclusive, SH.maxInclusive, SH.minExclusive,
    SH.maxExclusive, SH.severity, SH.message, SH.name, SH.description,
    SH.deactivated, SH.order, SH.group,
}
_NODE_KNOWN = {
    SH.targetClass, SH.property, SH.sparql, SH.severity, SH.message, SH.nodeKind, SH.pattern, SH.flags,
    SH.deactivated, SH.name, SH.description,
}
_NODE_KINDS = {
    SH.IRI: "!isIRI(?value)",
    SH.Literal: "!isLiteral(?value)",
    SH.BlankNode: "!isBlank(?value)",
    SH.BlankNodeOrIRI: "isLiteral(?value)",
    SH.IRIOrLiteral: "isBlank(?value)",
    SH.BlankNodeOrLiteral: "isIRI(?value)",
}


_RANGES = {
    SH.minInclusive: ("MinInclusiveConstraintComponent", ">="),
    SH.maxInclusive: ("MaxInclusiveConstraintComponent", "<="),
    SH.minExclusive: ("MinExclusiveConstraintComponent", ">"),
    SH.maxExclusive: ("MaxExclusiveConstraintComponent", "<"),
}


class UnsupportedShape(ValueError):
    """A shape uses a SHACL feature the SPARQL engine does not compile."""


@dataclass
class Check:
    """One compiled constraint: a query whose solutions are validation results."""

    shape: str  # IRI of the node shape the constraint belongs to
    component: str  # IRI of the SHACL constraint component
    severity: str  # Violation | Warning | Info
    path: str | None
    message: str  # template; {?var} and {$this} are filled from the solution
    query: str
    target: str = ""  # the SPARQL group pattern binding the shape's focus nodes to ?this


@dataclass
class Result:
    """One validation result."""

    severity: str
    focus: str
    message: str
    path: str | None = None
    value: str | None = None
    component: str = ""
    shape: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    value_is_iri: bool = False

    def key(self) -> tuple[str, str, str | None, str, str]:
        """What two engines must agree on: focus, path, component, severity, source shape."""
        return (self.focus, self.severity, self.path, self.component, self.shape)


def _term(node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        return node.n3()
    raise UnsupportedShape(f"blank node {node} where an IRI or literal is expected")


def _sparql_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _target_pattern(shapes: Graph, shape) -> str | None:
    classes = sorted(str(c) for c in shapes.objects(shape, SH.targetClass))
    if not classes:
        return None
    alts = " UNION ".join(f"{{ ?this a/<{RDFS_SUB}>* <{c}> }}" for c in classes)
    return f"{{ SELECT DISTINCT ?this WHERE {{ {alts} FILTER EXISTS {{ GRAPH <{DATA_GRAPH.value}> {{ ?this ?fp ?fo }} }} }} }}"


RDFS_SUB = "http://www.w3.org/2000/01/rdf-schema#subClassOf"


def _severity(shapes: Graph, shape) -> str:
    sev = shapes.value(shape, SH.severity)
    return SEVERITIES.get(sev, "Violation") if sev is not None else "Violation"


def _value_filter(shapes: Graph, pshape, param, obj) -> tuple[str, str] | None:
    """(component local name, FILTER expression true for a bad ?value) of a value-type constraint."""
    if param == SH.datatype:
        return "DatatypeConstraintComponent", f"!isLiteral(?value) || datatype(?value) != <{obj}>"
    if param == SH.nodeKind:
        return "NodeKindConstraintComponent", _NODE_KINDS[obj]
    if param == SH.pattern:
        flags = shapes.value(pshape, SH.flags)
        fl = f", {_sparql_string(str(flags))}" if flags else ""
        return "PatternConstraintComponent", f"isBlank(?value) || !REGEX(STR(?value), {_sparql_string(str(obj))}{fl})"
    if param == SH.languageIn:
        langs = [str(x) for x in shapes.items(obj)]
        ok = " || ".join(f"langMatches(lang(?value), {_sparql_string(x)})" for x in langs) or "false"
        return "LanguageInConstraintComponent", f"!isLiteral(?value) || !({ok})"
    if param in _RANGES:
        component, op = _RANGES[param]
        return component, f"!isLiteral(?value) || !COALESCE(?value {op} {_term(obj)}, false)"
    if param == SH["in"]:
        members = " || ".join(f"sameTerm(?value, {_term(x)})" for x in shapes.items(obj)) or "false"
        return "InConstraintComponent", f"!({members})"
    return None


def _default_message(component: str, path: str | None, obj) -> str:
    p = f"<{path}>" if path else "the node"
    return {
        "MinCountConstraintComponent": f"{p}: fewer than {obj} value(s) ({{?count}})",
        "MaxCountConstraintComponent": f"{p}: more than {obj} value(s) ({{?count}})",
        "DatatypeConstraintComponent": f"{p}: {{?value}} is not a literal of datatype <{obj}>",
        "ClassConstraintComponent": f"{p}: {{?value}} is not an instance of <{obj}>",
        "NodeKindConstraintComponent": f"{p}: {{?value}} is not of node kind <{obj}>",
        "PatternConstraintComponent": f"{p}: {{?value}} does not match {obj}",
        "LanguageInConstraintComponent": f"{p}: {{?value}} has a language tag outside the allowed ones",
        "UniqueLangConstraintComponent": f"{p}: two values with the language tag {{?lang}}",
        "InConstraintComponent": f"{p}: {{?value}} is not one of the allowed values",
        "MinInclusiveConstraintComponent": f"{p}: {{?value}} is below {obj}",
        "MaxInclusiveConstraintComponent": f"{p}: {{?value}} is above {obj}",
        "MinExclusiveConstraintComponent": f"{p}: {{?value}} is not above {obj}",
        "MaxExclusiveConstraintComponent": f"{p}: {{?value}} is not below {obj}",
        "HasValueConstraintComponent": f"{p}: the required value {obj} is missing",
    }[component]


def _property_checks(shapes: Graph, node_shape, pshape, target: str) -> list[Check]:
    if shapes.value(pshape, SH.deactivated) == Literal(True):
        return []
    for p in set(shapes.predicates(pshape)):
        if str(p).startswith(str(SH)) and p not in _KNOWN:
            raise UnsupportedShape(f"{node_shape}: property shape uses {p}")
    path = shapes.value(pshape, SH.path)
    if not isinstance(path, URIRef):
        raise UnsupportedShape(f"{node_shape}: only IRI paths are compiled, not {path}")
    sev, msg = _severity(shapes, pshape), shapes.value(pshape, SH.message)
    out: list[Check] = []

    def add(component: str, obj, query: str) -> None:
        text = str(msg) if msg is not None else _default_message(component, str(path), obj)
        out.append(Check(str(node_shape), str(SH[component]), sev, str(path), text, query))

    for param, obj in shapes.predicate_objects(pshape):
        if param == SH.minCount and int(obj) == 1:  # the common case: no GROUP BY over every focus node
            add("MinCountConstraintComponent", 1,
                f"SELECT ?this (0 AS ?count) WHERE {{ {target} FILTER NOT EXISTS {{ ?this <{path}> ?v }} }}")
        elif param == SH.minCount:
            n = int(obj)
            add("MinCountConstraintComponent", n,
                f"SELECT ?this (COUNT(DISTINCT ?v) AS ?count) WHERE {{ {target} OPTIONAL {{ ?this <{path}> ?v }} }}"
                f" GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {n})")
        elif param == SH.maxCount:
            n = int(obj)
            add("MaxCountConstraintComponent", n,
                f"SELECT ?this (COUNT(DISTINCT ?v) AS ?count) WHERE {{ {target} ?this <{path}> ?v }}"
                f" GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {n})")
        elif param == SH["class"]:
            add("ClassConstraintComponent", obj,
                f"SELECT ?this ?value WHERE {{ {target} ?this <{path}> ?value"
                f" FILTER NOT EXISTS {{ ?value a/<{RDFS_SUB}>* <{obj}> }} }}")
        elif param == SH.uniqueLang and obj == Literal(True):
            add("UniqueLangConstraintComponent", obj,
                f"SELECT DISTINCT ?this ?lang WHERE {{ {target} ?this <{path}> ?a , ?b"
                f" FILTER (isLiteral(?a) && lang(?a) != \"\" && lang(?a) = lang(?b) && !sameTerm(?a, ?b))"
                f" BIND (lang(?a) AS ?lang) }}")
        elif param == SH.hasValue:
            add("HasValueConstraintComponent", obj,
                f"SELECT ?this WHERE {{ {target} FILTER NOT EXISTS {{ ?this <{path}> {_term(obj)} }} }}")
        else:
            vf = _value_filter(shapes, pshape, param, obj)
            if vf is not None:
                component, expr = vf
                add(component, obj, f"SELECT ?this ?value WHERE {{ {target} ?this <{path}> ?value FILTER ({expr}) }}")
    return out


def _prefix_block(shapes: Graph, constraint) -> str:
    lines = []
    for src in shapes.objects(constraint, SH.prefixes):
        for decl in shapes.objects(src, SH.declare):
            lines.append(f"PREFIX {shapes.value(decl, SH.prefix)}: <{shapes.value(decl, SH.namespace)}>")
    return "\n".join(sorted(set(lines)))


def _sparql_checks(shapes: Graph, node_shape, target: str) -> list[Check]:
    out = []
    sev = _severity(shapes, node_shape)
    for c in shapes.objects(node_shape, SH.sparql):
        if shapes.value(c, SH.deactivated) == Literal(True):
            continue
        select = str(shapes.value(c, SH.select))
        inner = re.sub(r"\$this\b", "?this", select)
        msg = shapes.value(c, SH.message) or shapes.value(node_shape, SH.message) or "SPARQL constraint failed"
        where = re.search(r"\bWHERE\s*\{", inner, re.IGNORECASE)
        if where is None:
            raise UnsupportedShape(f"{node_shape}: SPARQL constraint without WHERE {{")
        # The target pattern opens the outer WHERE group, so $this is bound wherever the body reads it
        # (as SHACL-SPARQL's pre-binding would have it, e.g. inside FILTER NOT EXISTS).
        query = f"{_prefix_block(shapes, c)}\n{inner[: where.end()]} {target} {inner[where.end() :]}"
        out.append(Check(str(node_shape), str(SH.SPARQLConstraintComponent), sev, None, str(msg), query))
    return out


def _node_checks(shapes: Graph, node_shape, target: str) -> list[Check]:
    out = []
    sev = _severity(shapes, node_shape)
    msg = shapes.value(node_shape, SH.message)
    for param, obj in shapes.predicate_objects(node_shape):
        if param in (SH.nodeKind, SH.pattern):
            component, expr = _value_filter(shapes, node_shape, param, obj)
            text = str(msg) if msg is not None else _default_message(component, None, obj)
            query = f"SELECT ?this ?value WHERE {{ {target} BIND (?this AS ?value) FILTER ({expr}) }}"
            out.append(Check(str(node_shape), str(SH[component]), sev, None, text, query))
    return out


def compile_shapes(shapes: Graph) -> list[Check]:
    """Every constraint of every targeted node shape, as SPARQL."""
    checks: list[Check] = []
    for node_shape in sorted(set(shapes.subjects(SH.targetClass, None)), key=str):
        if isinstance(node_shape, BNode):
            raise UnsupportedShape("node shapes with targets must have IRIs")
        if shapes.value(node_shape, SH.deactivated) == Literal(True):
            continue
        for p in set(shapes.predicates(node_shape)):
            if str(p).startswith(str(SH)) and p not in _NODE_KNOWN:
                raise UnsupportedShape(f"{node_shape}: node shape uses {p}")
        target = _target_pattern(shapes, node_shape)
        own = _node_checks(shapes, node_shape, target)
        for pshape in shapes.objects(node_shape, SH.property):
            own += _property_checks(shapes, node_shape, pshape, target)
        own += _sparql_checks(shapes, node_shape, target)
        for check in own:
            check.target = target
        checks += own
    return checks


def _show(term) -> str:
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term)


def _fill(template: str, bindings: dict[str, str]) -> str:
    def sub(m: re.Match) -> str:
        return bindings.get(m.group(1), m.group(0))

    return re.sub(r"\{[?$](\w+)\}", sub, template)


class SparqlValidator:
    """Compiled shapes plus an in-memory store holding the vocabulary; validates one data graph at a time."""

    def __init__(self, shapes: Graph, vocabulary: Graph, context: Iterable[Graph] = (), fresh_every: int = 1):
        """``vocabulary`` and ``context`` graphs are read by every validation but are not focus nodes.

        Oxigraph's in-memory store keeps the memory of what it once held (about 3 MB per report), so the
        store is rebuilt from the cached vocabulary N-Triples every ``fresh_every`` validations.
        """
        self.checks = compile_shapes(shapes)
        self._vocabulary_nt = b"".join(g.serialize(format="nt", encoding="utf-8") for g in (vocabulary, *context))
        self._fresh_every = max(1, fresh_every)
        self._validations = 0
        self.store = self._new_store()
        self._lock = threading.Lock()

    def _new_store(self) -> ox.Store:
        store = ox.Store()
        store.load(self._vocabulary_nt, ox.RdfFormat.N_TRIPLES, to_graph=VOCAB_GRAPH)
        return store

    def validate(self, graphs: Iterable[Graph]) -> list[Result]:
        """Validation results for the union of ``graphs`` (read with the vocabulary)."""
        graphs = list(graphs)
        if len(graphs) == 1:
            return self.validate_ntriples(graphs[0].serialize(format="nt", encoding="utf-8"))
        return self.validate_ntriples(b"".join(g.serialize(format="nt", encoding="utf-8") for g in graphs))

    def validate_ntriples(self, data: bytes) -> list[Result]:
        """Validation results for N-Triples ``data`` (its subjects are the focus nodes)."""
        with self._lock:
            if self._validations and self._validations % self._fresh_every == 0:
                self.store = self._new_store()
            else:
                self.store.clear_graph(DATA_GRAPH)
            self._validations += 1
            self.store.load(data, ox.RdfFormat.N_TRIPLES, to_graph=DATA_GRAPH)
            try:
                return self._run()
            finally:
                if self._fresh_every > 1:
                    self.store.clear_graph(DATA_GRAPH)

    def _targets_with_focus(self) -> set[str]:
        """The target patterns (one per node shape) that bind at least one focus node in the data."""
        found = set()
        for target in {c.target for c in self.checks}:
            if bool(self.store.query(f"ASK {{ {target} }}", use_default_graph_as_union=True)):
                found.add(target)
        return found

    def _run(self) -> list[Result]:
        results: list[Result] = []
        live = self._targets_with_focus()
        for check in self.checks:
            if check.target not in live:
                continue
            solutions = self.store.query(check.query, use_default_graph_as_union=True)
            names = [v.value for v in solutions.variables]
            for sol in solutions:
                bindings = {n: _show(sol[n]) for n in names if sol[n] is not None}
                bindings["this"] = bindings.get("this", "")
                value = bindings.get("value")
                results.append(
                    Result(
                        severity=check.severity,
                        focus=bindings["this"],
                        message=_fill(check.message, bindings),
                        path=check.path,
                        value=value,
                        component=check.component,
                        shape=check.shape,
                        extra={k: v for k, v in bindings.items() if k not in ("this", "value")},
                        value_is_iri=isinstance(sol["value"], ox.NamedNode) if "value" in names else False,
                    )
                )
        return results

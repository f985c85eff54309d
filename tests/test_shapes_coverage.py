"""Every property the data uses is constrained by a shape of the class (or a superclass) of its subject."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS
from rdflib.namespace import SH
from to_rdf_samples import seed_doc

from ingest.to_rdf import doc_to_rdf
from ontology import vocabulary_graph
from shapes import shapes_graph

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"


def _constrained() -> dict:
    sg = shapes_graph()
    out: dict = {}
    for shape in set(sg.subjects(SH.targetClass, None)):
        paths = {sg.value(p, SH.path) for p in sg.objects(shape, SH.property)}
        for c in sg.objects(shape, SH.targetClass):
            out.setdefault(c, set()).update(paths)
    return out


def _supers(vocab, c) -> set:
    out, todo = {c}, [c]
    while todo:
        for s in vocab.objects(todo.pop(), RDFS.subClassOf):
            if s not in out:
                out.add(s)
                todo.append(s)
    return out


@pytest.mark.parametrize("name", ["seed-crafted", "taierzhuang-2019.txt", "006.txt", "011.txt"])
def test_every_used_property_is_constrained(name):
    from ingest.pipeline import extract_file

    doc = seed_doc() if name == "seed-crafted" else extract_file(REPORTS / name)
    rdf = doc_to_rdf(doc, "20261127T000000Z-0")
    data = rdf.report + rdf.entities
    vocab, constrained = vocabulary_graph(), _constrained()
    missing = set()
    for s, p, _ in data:
        if p == RDF.type:
            continue
        classes = set().union(*[_supers(vocab, t) for t in data.objects(s, RDF.type)] or [set()])
        if not any(p in constrained.get(c, ()) for c in classes):
            missing.add((tuple(sorted(map(str, data.objects(s, RDF.type)))), str(p)))
    assert not missing, sorted(missing)


def test_every_class_of_the_ontology_has_a_shape():
    from rdflib import OWL

    from fazhi.namespaces import FZ

    targeted = set(shapes_graph().objects(None, SH.targetClass))
    classes = {c for c in vocabulary_graph().subjects(RDF.type, OWL.Class) if str(c).startswith(str(FZ))}
    vocab = vocabulary_graph()
    unshaped = {c for c in classes if not (_supers(vocab, c) & targeted)}
    assert not unshaped, unshaped

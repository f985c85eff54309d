"""The fast triple collector gives exactly the triples (and N-Triples lines) that rdflib's Graph gives."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from rdflib import RDF, XSD, Graph, Literal, URIRef

from ingest.pipeline import extract_file, extract_text
from ingest.to_rdf import doc_to_rdf
from ingest.triples import Triples

ROOT = Path(__file__).resolve().parent.parent
RUN = "20261127T193000Z-abcd1234"
TEXTS = sorted([*(ROOT / "data" / "reports").glob("*.txt"), *ROOT.glob("tests/heldout*/*.txt")])
GENERATED = range(20)  # reports 0–19 of bench/generate.py's seed-1 corpus (made here: bench/data is not in git)


def generated_text(index: int) -> str:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from generate import generate_report
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return generate_report(1, index).text


def _lines(nt: str) -> list[str]:
    return sorted(line for line in nt.splitlines() if line)


def assert_same_triples(doc) -> None:
    fast, slow = doc_to_rdf(doc, RUN), doc_to_rdf(doc, RUN, graph=Graph)
    assert isinstance(fast.report, Triples) and isinstance(slow.report, Graph)
    for new, old in ((fast.report, slow.report), (fast.entities, slow.entities)):
        assert len(new) == len(old)
        assert set(new) == set(old)
        assert _lines(new.serialize(format="nt")) == _lines(old.serialize(format="nt"))


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_same_triples_as_rdflib_graph(path: Path):
    assert_same_triples(extract_file(path))


@pytest.mark.parametrize("index", GENERATED)
def test_same_triples_as_rdflib_graph_on_generated_reports(index: int):
    assert_same_triples(extract_text(generated_text(index), source=f"generated-{index}.txt"))


def test_corpus_is_there():
    assert len(TEXTS) > 40


def test_escaping_and_graph_api():
    s, p, q = URIRef("http://ex.org/s"), URIRef("http://ex.org/p"), URIRef("http://ex.org/q")
    odd = [Literal('a "q" \\ b\nc\rd\te'), Literal("中文", lang="zh"), Literal(7, datatype=XSD.integer), URIRef("http://ex.org/o")]
    t, g = Triples(), Graph()
    for o in odd + odd[:2]:
        t.add((s, p, o))
        g.add((s, p, o))
    t += [(s, q, odd[2])]
    g.add((s, q, odd[2]))
    assert len(t) == 5 and (s, p, odd[0]) in t and (s, None, None) in t and (p, None, None) not in t
    assert _lines(t.serialize(format="nt")) == _lines(g.serialize(format="nt"))
    assert t.serialize(format="nt", encoding="utf-8") == t.serialize(format="nt").encode()
    assert t.value(s, RDF.type) is None and set(t.objects(s, p)) == set(odd)  # rdflib fallback
    t.remove((s, p, odd[1]))
    assert len(t) == 4 and (s, p, odd[1]) not in t and odd[1] not in set(t.objects(s, p))
    t.remove((None, p, None))
    assert len(t) == 1 and t.serialize(format="nt") == f"{s.n3()} {q.n3()} {odd[2].n3()} .\n"
    t.remove((s, q, odd[2]))
    assert len(t) == 0 and t.serialize(format="nt") == ""


def test_memoised_entity_writers_replay_what_they_wrote():
    from fazhi.iri import instance
    from ingest.rdf_entities import add_agency, add_division

    calls = [(add_division, ("370405",)), (add_division, ("110101", "东城区")), (add_division, ("cn",)),
             (add_agency, (instance("org", "370405", "gov", "justice"), "台儿庄区司法局", "justice")),
             (add_agency, (instance("org", "370400", "gov"), "枣庄市人民政府"))]
    for writer, args in calls:
        fresh, replayed, again = Graph(), Triples(), Triples()
        node = writer.__wrapped__(fresh, *args)
        assert writer(replayed, *args) == node == writer(again, *args)
        assert len(fresh) > 4 and set(replayed) == set(fresh) == set(again)

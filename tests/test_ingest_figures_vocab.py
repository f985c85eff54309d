"""The unit and indicator schemes (ontology/schemes/unit.ttl, indicator.ttl) match the Python tables."""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS

from ingest.indicators import (
    INDICATORS,
    UNITS,
    indicator_iri,
    indicator_scheme_turtle,
    match_indicator,
    unit_iri,
    unit_scheme_turtle,
)

SCHEMES = Path(__file__).resolve().parent.parent / "ontology" / "schemes"
FZ = Namespace("https://w3id.org/fazhi/ont#")


def graph(name: str) -> Graph:
    return Graph().parse(SCHEMES / name, format="turtle")


def test_every_unit_the_extractor_can_emit_is_a_concept() -> None:
    g = graph("unit.ttl")
    for zh, u in UNITS.items():
        c = URIRef(f"https://w3id.org/fazhi/scheme/unit/{u.slug}")
        assert (c, RDF.type, FZ.Unit) in g, zh
        assert (c, SKOS.prefLabel, Literal(zh, lang="zh")) in g
        assert (c, SKOS.notation, Literal(u.slug)) in g
        assert (c, SKOS.inScheme, URIRef("https://w3id.org/fazhi/scheme/unit")) in g
        assert unit_iri(zh).endswith(f"/scheme/unit/{u.slug}")
    assert len({u.slug for u in UNITS.values()}) == len(UNITS)
    assert unit_iri("furlong") is None


def test_every_indicator_is_a_concept_with_a_default_unit() -> None:
    g = graph("indicator.ttl")
    units = graph("unit.ttl")
    for ind in INDICATORS:
        c = URIRef(f"https://w3id.org/fazhi/scheme/indicator/{ind.notation}")
        assert (c, RDF.type, FZ.Indicator) in g
        assert (c, RDF.type, SKOS.Concept) in g
        assert (c, SKOS.notation, Literal(ind.notation)) in g
        assert (c, SKOS.prefLabel, Literal(ind.zh, lang="zh")) in g
        assert any(lbl.language == "en" for lbl in g.objects(c, SKOS.prefLabel))
        assert any(d.language == "en" for d in g.objects(c, SKOS.definition))
        unit = g.value(c, FZ.defaultUnit)
        assert (unit, RDF.type, FZ.Unit) in units
        assert all(u in UNITS for u in ind.units), ind.notation
        assert indicator_iri(ind.notation) == str(c)
    assert len(INDICATORS) >= 28


def test_turtle_files_are_the_generated_ones() -> None:
    assert (SCHEMES / "unit.ttl").read_text(encoding="utf-8") == unit_scheme_turtle()
    assert (SCHEMES / "indicator.ttl").read_text(encoding="utf-8") == indicator_scheme_turtle()


def test_match_indicator_uses_the_nearest_cue_and_the_unit() -> None:
    assert match_indicator("全年共受理行政复议案件", "件") == "recon-cases"
    assert match_indicator("行政复议综合纠错率", "%") == "recon-correction"
    assert match_indicator("行政复议综合纠错率", "件") != "recon-correction"
    assert match_indicator("办理人大代表建议", "件") == "npc-sugg"
    assert match_indicator("发放宣传资料", "份") == "publicity"
    assert match_indicator("召开会议", "次") is None

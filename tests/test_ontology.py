"""The ontology and the SKOS schemes: they parse, every term is labelled in Chinese and English and
defined, alignments go through subclass/subproperty axioms only, every term the data uses is declared,
and serialising to Turtle, JSON-LD and RDF/XML keeps every triple."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, ORG, PROV, QB, SKOS
from to_rdf_samples import seed_doc

from fazhi.namespaces import ELI, FZ, NIF, OA, SCHEME, SDMX_DIM
from ingest.to_rdf import doc_to_rdf
from ontology import ONTOLOGY_FILE, SCHEMES_DIR, ontology_graph, vocabulary_graph

ROOT = Path(__file__).resolve().parent.parent
DECLARED_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, QB.SliceKey, QB.DataStructureDefinition)
#: The schemes this part writes (the others are checked by their owners' tests, and here for labels).
OWN_SCHEMES = ["task-area/2015", "task-area/2021", "report-part", "change-type", "breakdown", "stat-type",
               "value-qualifier", "document-action"]


def fz_terms(g: Graph) -> set[URIRef]:
    return {s for t in DECLARED_TYPES for s in g.subjects(RDF.type, t) if str(s).startswith(str(FZ))}


def test_ontology_header():
    g = ontology_graph()
    ont = URIRef(str(FZ).rstrip("#"))
    assert (ont, RDF.type, OWL.Ontology) in g
    version = g.value(ont, OWL.versionIRI)
    assert version is not None and str(version).startswith(str(ont) + "/")
    assert str(g.value(ont, OWL.versionInfo)) in (ROOT / "ontology" / "CHANGELOG.md").read_text(encoding="utf-8")


def test_every_term_has_both_labels_and_a_definition():
    g = ontology_graph()
    terms = fz_terms(g)
    assert len(terms) > 80
    for t in terms:
        langs = {lit.language for lit in g.objects(t, RDFS.label)}
        assert {"zh", "en"} <= langs, t
        assert g.value(t, SKOS.definition) is not None, t


def test_no_domain_or_range_on_imported_terms():
    g = ontology_graph()
    for p in (RDFS.domain, RDFS.range):
        for s in g.subjects(p, None):
            assert str(s).startswith(str(FZ)), f"{p} added to imported term {s}"


@pytest.mark.parametrize(
    "sub,rel,sup",
    [
        (FZ.AnnualReport, RDFS.subClassOf, PROV.Entity),
        (FZ.Agency, RDFS.subClassOf, ORG.Organization),
        (FZ.OrgChangeEvent, RDFS.subClassOf, ORG.ChangeEvent),
        (FZ.LegalDocument, RDFS.subClassOf, ELI.LegalResource),
        (FZ.Observation, RDFS.subClassOf, QB.Observation),
        (FZ.Breakdown, RDFS.subClassOf, QB.Slice),
        (FZ.Span, RDFS.subClassOf, OA.SpecificResource),
        (FZ.Span, RDFS.subClassOf, NIF.OffsetBasedString),
        (FZ.ReportText, RDFS.subClassOf, NIF.Context),
        (FZ.SourceDocument, RDFS.subClassOf, DCAT.Distribution),
        (FZ.IngestRun, RDFS.subClassOf, PROV.Activity),
        (FZ.Mechanism, RDFS.subClassOf, SKOS.Concept),
        (FZ.cites, RDFS.subPropertyOf, DCTERMS.references),
        (FZ.evidence, RDFS.subPropertyOf, PROV.wasDerivedFrom),
        (FZ.refArea, RDFS.subPropertyOf, SDMX_DIM.refArea),
        (FZ.reportingPeriod, RDFS.subPropertyOf, DCTERMS.temporal),
    ],
)
def test_alignments(sub, rel, sup):
    assert (sub, rel, sup) in ontology_graph()


def test_scheme_classes_the_other_parts_use_are_declared():
    g = ontology_graph()
    for cls in (FZ.Indicator, FZ.Unit, FZ.AgencyType, FZ.DivisionLevel, FZ.Mechanism, FZ.DocType):
        assert (cls, RDFS.subClassOf, SKOS.Concept) in g


def test_every_concept_has_chinese_and_english_labels():
    g = vocabulary_graph()
    concepts = set(g.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) > 100
    missing = [c for c in concepts if not {"zh", "en"} <= {x.language for x in g.objects(c, SKOS.prefLabel)}]
    assert not missing, missing[:10]


def test_own_schemes_are_complete():
    g = vocabulary_graph()
    for scheme in OWN_SCHEMES:
        node = URIRef(f"{SCHEME}{scheme}")
        assert (node, RDF.type, SKOS.ConceptScheme) in g, scheme
        members = set(g.subjects(SKOS.inScheme, node))
        assert members, scheme
        for c in members:
            assert g.value(c, SKOS.notation) is not None, c


def test_task_areas_of_the_two_editions_are_mapped():
    g = vocabulary_graph()
    mappings = (SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch, SKOS.exactMatch)
    for edition, other in (("2015", "2021"), ("2021", "2015")):
        for c in g.subjects(SKOS.inScheme, URIRef(f"{SCHEME}task-area/{edition}")):
            targets = {o for p in mappings for o in g.objects(c, p)}
            if str(c).endswith(("/2021/T0", "/2021/T5")):  # new in 2021
                continue
            assert any(f"/task-area/{other}/" in str(t) for t in targets), c


def test_every_term_the_data_uses_is_declared():
    from ingest.pipeline import extract_file

    vocab = vocabulary_graph()
    declared = fz_terms(vocab)
    graphs = [doc_to_rdf(seed_doc(), "20261127T000000Z-0"), doc_to_rdf(extract_file(ROOT / "data/reports/taierzhuang-2019.txt"))]
    for rdf in graphs:
        for g in (rdf.report, rdf.entities):
            used = {p for p in g.predicates() if str(p).startswith(str(FZ))}
            used |= {o for o in g.objects(None, RDF.type) if str(o).startswith(str(FZ))}
            assert used <= declared, used - declared
            own = [o for o in g.objects() if any(str(o).startswith(f"{SCHEME}{s}/") for s in OWN_SCHEMES)]
            assert all((o, RDF.type, SKOS.Concept) in vocab for o in own), [o for o in own if (o, RDF.type, SKOS.Concept) not in vocab]


@pytest.mark.parametrize("fmt", ["turtle", "json-ld", "xml"])
def test_round_trip_keeps_every_triple(fmt):
    rdf = doc_to_rdf(seed_doc(), "20261127T000000Z-0")
    for g in (vocabulary_graph(), rdf.report, rdf.entities):
        text = g.serialize(format=fmt)
        back = Graph().parse(data=text, format=fmt)
        assert len(back) == len(g)
        assert isomorphic(back, g)


def test_files_parse_on_their_own():
    assert len(Graph().parse(ONTOLOGY_FILE)) > 500
    for f in SCHEMES_DIR.glob("*.ttl"):
        assert len(Graph().parse(f)) > 0, f


def test_base_iri_is_configurable():
    code = (
        "from ontology import ontology_graph\n"
        "from shapes import shapes_graph\n"
        "g = ontology_graph(); s = shapes_graph().serialize(format='turtle')\n"
        "print(any('example.org/kg/ont#Agency' in str(x) for x in g.subjects()), 'w3id.org/fazhi' in s + g.serialize(format='nt'))\n"
    )
    env = dict(os.environ, FAZHI_BASE="http://example.org/kg/")
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["True", "False"], out.stderr

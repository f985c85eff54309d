"""Triples of the canonical entities a report mentions: divisions, agencies, legal documents, mechanisms.

Each function writes only what follows from the entity itself (its IRI, canonical name, type), never
anything specific to the report that mentions it, so merging the entities of every report into one
graph is idempotent (see docs/architecture.md, "RDF").
"""

from __future__ import annotations

import re
from functools import lru_cache

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, SKOS

from fazhi.iri import concept, instance
from fazhi.namespaces import CV, ELI, FZ, ID, SCHEME
from ingest.rdf_divisions import division_level, division_names, is_division_code, parent_code
from ingest.triples import entity_writer

#: Agency IRI ``{BASE}id/org/{code}/{path}`` → (code, path).
_AGENCY_IRI = re.compile(r"^" + re.escape(str(ID)) + r"org/(cn|\d{6}|\d{9})/(.+)$")

#: Last path segment of an agency IRI (under ``id/org/{code}/``) → its fz class.
_BODY_CLASSES = {
    "party": FZ.PartyOrgan,
    "npc": FZ.PeoplesCongressBody,
    "npc-sc": FZ.PeoplesCongressBody,
    "cppcc": FZ.CPPCCBody,
    "court": FZ.Court,
    "procuratorate": FZ.Procuratorate,
    "supervision": FZ.SupervisoryCommission,
}


def division_iri(code: str) -> URIRef:
    """IRI of a division: ``{BASE}id/division/{code}``."""
    return URIRef(instance("division", code))


@entity_writer
def add_division(e: Graph, code: str, name: str | None = None) -> URIRef:
    """A division and its ancestors, with labels from the GB/T 2260 table (``name`` if the table lacks it)."""
    node = division_iri(code)
    label = "中国" if code == "cn" else division_names().get(code) or name
    e.add((node, RDF.type, FZ.Division))
    e.add((node, RDF.type, SKOS.Concept))
    e.add((node, SKOS.notation, Literal(code)))
    e.add((node, SKOS.inScheme, SCHEME["division"]))
    e.add((node, FZ.divisionLevel, URIRef(concept("division-level", division_level(code)))))
    if label:
        e.add((node, SKOS.prefLabel, Literal(label, lang="zh")))
    if code == "cn":
        e.add((node, SKOS.prefLabel, Literal("China", lang="en")))
    parent = parent_code(code)
    if parent is not None:
        e.add((node, SKOS.broader, add_division(e, parent)))
    return node


def agency_code(iri: str) -> str | None:
    """The division code inside an agency IRI, or None if the IRI does not follow the pattern."""
    m = _AGENCY_IRI.match(iri)
    return m.group(1) if m else None


def agency_class(iri: str, name: str = "") -> URIRef:
    """The most specific fz class of an agency, read from its IRI pattern (and name for 街道办事处)."""
    m = _AGENCY_IRI.match(iri)
    if not m:
        return FZ.Agency
    path = m.group(2).split("/")
    if path == ["gov"]:
        return FZ.DispatchedOrgan if name.endswith(("街道办事处", "行政公署", "区公所")) else FZ.PeoplesGovernment
    if path[0] == "gov":
        return FZ.GovernmentDepartment if len(path) == 2 else FZ.DispatchedBody
    if path[0] == "party" and len(path) > 1:
        return FZ.CoordinatingBody if any(k in path[1] for k in ("governance", "group", "leading")) else FZ.PartyOrgan
    return _BODY_CLASSES.get(path[0], FZ.Agency)


def government_name(code: str) -> str:
    """The canonical name of a division's people's government (国务院 for ``cn``)."""
    from ingest.agency_ids import gov_label

    return gov_label(code) or f"{division_names().get(code, code)}人民政府"


#: Broad agency kinds (the agency-type scheme's top concepts) → fz class.
_KIND_CLASSES = {
    "people-government": FZ.PeoplesGovernment,
    "department": FZ.GovernmentDepartment,
    "party-committee": FZ.PartyOrgan,
    "party-standing-committee": FZ.PartyOrgan,
    "party-department": FZ.PartyOrgan,
    "party-group": FZ.PartyOrgan,
    "discipline-commission": FZ.PartyOrgan,
    "coordinating-body": FZ.CoordinatingBody,
    "coordinating-office": FZ.CoordinatingBody,
    "people-congress": FZ.PeoplesCongressBody,
    "cppcc": FZ.CPPCCBody,
    "court": FZ.Court,
    "procuratorate": FZ.Procuratorate,
    "supervisory-commission": FZ.SupervisoryCommission,
}


def _agency_info(iri: str):
    """The agencies part's canonical record of an agency IRI (names zh/en, kind, parent), or None."""
    try:
        from ingest.agency_ids import agency_info

        return agency_info(iri)
    except Exception:  # the agencies part is optional here: fall back to the IRI pattern
        return None


@entity_writer
def add_agency(e: Graph, iri: str, name: str, agency_type: str = "") -> URIRef:
    """An agency: its class, canonical names, classification, jurisdiction and the body it belongs to.

    The canonical record of the agencies part (``ingest.agency_ids.agency_info``) wins over ``name``, so
    that every report writes the same names; without one, the class comes from the IRI pattern.
    """
    node = URIRef(iri)
    info = _agency_info(iri)
    name = (info.name_zh if info is not None and info.name_zh else name) or ""
    cls = agency_class(iri, name)
    if info is not None and info.kind in _KIND_CLASSES and not (cls == FZ.DispatchedOrgan):
        cls = _KIND_CLASSES[info.kind]
    e.add((node, RDF.type, FZ.Agency))
    e.add((node, RDF.type, CV.PublicOrganisation))
    e.add((node, RDF.type, ORG.Organization))
    if cls != FZ.Agency:
        e.add((node, RDF.type, cls))
    if name:
        e.add((node, SKOS.prefLabel, Literal(name, lang="zh")))
    if info is not None and info.name_en:
        e.add((node, SKOS.prefLabel, Literal(info.name_en, lang="en")))
    if agency_type:
        e.add((node, ORG.classification, URIRef(concept("agency-type", agency_type))))
    code = agency_code(iri)
    if code and is_division_code(code):
        e.add((node, FZ.jurisdiction, add_division(e, code)))
        parent_info = _agency_info(info.parent_iri) if info is not None and info.parent_iri else None
        if parent_info is not None:
            e.add((node, ORG.subOrganizationOf, URIRef(parent_info.iri)))
            add_agency(e, parent_info.iri, parent_info.name_zh)
        elif cls in (FZ.GovernmentDepartment, FZ.DispatchedBody):
            gov = URIRef(instance("org", code, "gov"))
            parent = gov if cls == FZ.GovernmentDepartment else URIRef(iri.rsplit("/", 1)[0])
            e.add((node, ORG.subOrganizationOf, parent))
            if parent == gov:  # the government a department belongs to, even when the report never names it
                add_agency(e, str(gov), government_name(code))
    return node


def add_legal_document(e: Graph, iri: str, title: str, doc_type: str = "", type_rule: str = "") -> URIRef:
    """A legal or policy document at the ELI Work level."""
    node = URIRef(iri)
    e.add((node, RDF.type, FZ.LegalDocument))
    e.add((node, RDF.type, ELI.LegalResource))
    e.add((node, DCTERMS.title, Literal(title, lang="zh")))
    e.add((node, SKOS.prefLabel, Literal(title, lang="zh")))
    if doc_type:
        e.add((node, ELI.type_document, URIRef(concept("doc-type", doc_type))))
    if type_rule:
        e.add((node, FZ.typeRule, Literal(type_rule)))
    return node


@lru_cache(maxsize=1)
def _vocabulary_concepts() -> frozenset[str]:
    from ontology import vocabulary_graph

    return frozenset(str(s) for s in vocabulary_graph().subjects(RDF.type, SKOS.Concept))


def add_mechanism(e: Graph, iri: str, label: str) -> URIRef:
    """A mechanism concept; nothing is written for a concept the mechanism scheme already holds."""
    node = URIRef(iri)
    if iri in _vocabulary_concepts():
        return node
    e.add((node, RDF.type, FZ.Mechanism))
    e.add((node, RDF.type, SKOS.Concept))
    e.add((node, SKOS.prefLabel, Literal(label, lang="zh")))
    e.add((node, SKOS.inScheme, SCHEME["mechanism"]))
    return node

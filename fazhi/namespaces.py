"""RDF namespaces used across fazhi, as rdflib ``Namespace`` objects, and the prefix map.

The fazhi namespaces depend on the configured base IRI (``FAZHI_BASE``); they are computed
when this module is imported.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, OWL, PROV, QB, RDF, RDFS, SKOS, TIME, VOID, XSD

from fazhi.config import base_iri

BASE = base_iri()
FZ = Namespace(BASE + "ont#")  # classes and properties of the fazhi ontology
ID = Namespace(BASE + "id/")  # instances
SCHEME = Namespace(BASE + "scheme/")  # SKOS concept schemes and concepts
GRAPH = Namespace(BASE + "graph/")  # named graphs

ELI = Namespace("http://data.europa.eu/eli/ontology#")
CV = Namespace("http://data.europa.eu/m8g/")
OA = Namespace("http://www.w3.org/ns/oa#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
SDMX_DIM = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
SDMX_MEASURE = Namespace("http://purl.org/linked-data/sdmx/2009/measure#")
SDMX_ATTR = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")
SCHEMA = Namespace("https://schema.org/")
SH = Namespace("http://www.w3.org/ns/shacl#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
DCT = DCTERMS

#: Well-known named graphs.
ENTITIES_GRAPH = GRAPH["entities"]  # canonical agencies, documents, divisions: shared by all reports
VOCAB_GRAPH = GRAPH["vocab"]  # the ontology and the SKOS schemes
STORE_CHECKS_GRAPH = GRAPH["checks"]  # results of the checks that span reports

PREFIXES: dict[str, str] = {
    "fz": str(FZ),
    "fzid": str(ID),
    "fzs": str(SCHEME),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dct": str(DCTERMS),
    "foaf": str(FOAF),
    "org": str(ORG),
    "cv": str(CV),
    "eli": str(ELI),
    "qb": str(QB),
    "sdmx-dimension": str(SDMX_DIM),
    "sdmx-measure": str(SDMX_MEASURE),
    "sdmx-attribute": str(SDMX_ATTR),
    "prov": str(PROV),
    "oa": str(OA),
    "nif": str(NIF),
    "itsrdf": str(ITSRDF),
    "time": str(TIME),
    "dcat": str(DCAT),
    "void": str(VOID),
    "schema": str(SCHEMA),
    "sh": str(SH),
}


def sparql_prefixes() -> str:
    """The prefix map as SPARQL ``PREFIX`` lines."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def report_graph(report_key: str) -> str:
    """IRI of the named graph holding one report's facts."""
    return f"{GRAPH}report/{report_key}"


def validation_graph(report_key: str) -> str:
    """IRI of the named graph holding one report's SHACL validation results."""
    return f"{GRAPH}report/{report_key}/validation"

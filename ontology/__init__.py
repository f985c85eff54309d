"""The fazhi ontology (OWL/RDFS, ``fazhi.ttl``) and its SKOS concept schemes (``schemes/*.ttl``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Graph

HERE = Path(__file__).resolve().parent
ONTOLOGY_FILE = HERE / "fazhi.ttl"
SCHEMES_DIR = HERE / "schemes"


def _rebase(ttl: str) -> str:
    """Turtle text with the default base replaced by the configured one."""
    from fazhi.config import DEFAULT_BASE
    from fazhi.namespaces import BASE

    return ttl if BASE == DEFAULT_BASE else ttl.replace(DEFAULT_BASE, BASE)


def ontology_graph() -> Graph:
    """The ontology as an rdflib graph."""
    return Graph().parse(data=_rebase(ONTOLOGY_FILE.read_text(encoding="utf-8")), format="turtle")


@lru_cache(maxsize=1)
def vocabulary_graph() -> Graph:
    """The ontology plus every SKOS scheme (what is loaded into the vocab graph)."""
    g = ontology_graph()
    for f in sorted(SCHEMES_DIR.glob("*.ttl")):
        g.parse(data=_rebase(f.read_text(encoding="utf-8")), format="turtle")
    return g

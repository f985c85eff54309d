"""SHACL shapes (``*.ttl``) that every report's graph must satisfy, and the validator."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Graph

HERE = Path(__file__).resolve().parent
SHAPES_FILES = sorted(HERE.glob("*.ttl"))


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """Every shapes file, rebased to the configured base IRI (``FAZHI_BASE``)."""
    from ontology import _rebase

    g = Graph()
    for f in SHAPES_FILES:
        g.parse(data=_rebase(f.read_text(encoding="utf-8")), format="turtle")
    return g

"""What a section is about: the report part it provides and the 纲要 task area it covers.

A section title is matched against the labels of the ``report-part`` and ``task-area/{edition}`` concepts
(pref, alt and hidden labels: hidden ones are the cue phrases titles use, e.g. 执法, 矛盾纠纷): the longest
label the title contains wins. Reports on 2021 and later years use the 2021–2025 edition, earlier ones
the 2015–2020 edition.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rdflib import RDF, URIRef
from rdflib.namespace import SKOS

from fazhi.namespaces import FZ, SCHEME

_LABELS = (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
_NOISE = re.compile(r"[\s\d年度、，,。:：;；“”\"（）()《》]+")


@lru_cache(maxsize=4)
def _labels(scheme: str, cls: str) -> tuple[tuple[str, URIRef], ...]:
    """(label, concept) pairs of one scheme, longest label first."""
    from ontology import vocabulary_graph

    g = vocabulary_graph()
    node = URIRef(f"{SCHEME}{scheme}")
    pairs = [
        (_NOISE.sub("", str(lit)), c)
        for c in g.subjects(SKOS.inScheme, node)
        if (c, RDF.type, FZ[cls]) in g
        for p in _LABELS
        for lit in g.objects(c, p)
        if lit.language == "zh"
    ]
    return tuple(sorted((p for p in pairs if p[0]), key=lambda p: (-len(p[0]), str(p[1]))))


def _best(title: str, scheme: str, cls: str) -> URIRef | None:
    text = _NOISE.sub("", title)
    return next((c for label, c in _labels(scheme, cls) if label in text), None)


def edition(year: int | None) -> str:
    """The 纲要 edition in force for a report on ``year``."""
    return "2021" if year is not None and year >= 2021 else "2015"


def report_part(title: str) -> URIRef | None:
    """The required report content a section title announces, if any."""
    return _best(title, "report-part", "ReportPart")


def task_area(title: str, year: int | None) -> URIRef | None:
    """The task area a section title names, in the edition for ``year``."""
    return _best(title, f"task-area/{edition(year)}", "TaskArea")

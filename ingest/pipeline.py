"""The extraction pipeline: components run in order over one :class:`~ingest.model.Doc`.

Each component is a callable ``(doc) -> None`` that adds to the document (metadata, sections,
mentions), in the style of a spaCy pipeline. ``extract_file`` and ``extract_text`` are the entry
points used by ``fazhi extract`` and ``fazhi ingest``.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from fazhi.config import DEFAULT_MAX_BYTES
from ingest.decode import read_report
from ingest.model import Doc

Component = Callable[[Doc], None]

#: Component names in run order, as ``module:function`` under the ``ingest`` package.
COMPONENTS: list[str] = [
    "metadata:extract_metadata",  # CMS header, title, year, published, addressee
    "source_meta:apply_source_metadata",  # a web page's disclosure table fills what the text lacks
    "sections:extract_sections",
    "jurisdiction:resolve_jurisdiction",  # issuer, jurisdiction, division code, report IRI and key
    "regulations:extract_regulations",
    "mechanisms:extract_mechanisms",
    "agencies:extract_agencies",
    "figures:extract_figures",
    "relations:extract_relations",
]


def _load(spec: str) -> Component | None:
    module, func = spec.split(":")
    try:
        mod = import_module(f"ingest.{module}")
    except ModuleNotFoundError as e:
        if e.name == f"ingest.{module}":
            return None  # component not written yet
        raise
    return getattr(mod, func)


def components() -> list[Component]:
    """The pipeline's components, in order."""
    return [c for c in (_load(s) for s in COMPONENTS) if c is not None]


def extract_text(text: str, source: str = "<text>", raw: bytes | None = None) -> Doc:
    """Run the pipeline over a decoded text."""
    doc = Doc.from_text(text, source=source, raw=raw)
    for component in components():
        component(doc)
    return doc


def extract_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Doc:
    """Read (see :func:`ingest.decode.read_report`) and extract one report file."""
    dec = read_report(path, max_bytes=max_bytes)
    doc = Doc.from_text(dec.text, source=str(path), raw=dec.raw)
    doc.encoding = dec.encoding
    doc.media_type, doc.source_metadata, doc.source_url = dec.media_type, dec.source_metadata, dec.source_url
    for component in components():
        component(doc)
    doc.warnings[:0] = dec.warnings
    return doc

"""Configuration shared by every part: the base IRI and default locations."""

from __future__ import annotations

import os
from pathlib import Path

#: Default base under which every fazhi IRI is minted (ontology, schemes, instances, graphs).
DEFAULT_BASE = "https://w3id.org/fazhi/"

#: The repository root (where ``data/`` lives) when running from a checkout.
ROOT = Path(__file__).resolve().parent.parent

#: Default on-disk store, under ``data/``.
DEFAULT_STORE = str(ROOT / "data" / "store")

#: Largest report file accepted by default (bytes); real reports are well under 1 MB.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


def base_iri() -> str:
    """The base IRI, from ``FAZHI_BASE`` or :data:`DEFAULT_BASE`; always ends with ``/``."""
    base = os.environ.get("FAZHI_BASE", DEFAULT_BASE).strip()
    return base if base.endswith("/") else base + "/"

"""Fixtures shared by several test modules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.model import Doc
from ingest.pipeline import extract_file

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def docs() -> dict[str, Doc]:
    """Every bundled report that has a gold file, extracted once, keyed by file name."""
    out = {}
    for g in sorted((ROOT / "tests" / "gold").glob("*.json")):
        name = json.loads(g.read_text(encoding="utf-8"))["file"]
        out[name] = extract_file(ROOT / "data" / "reports" / name)
    return out

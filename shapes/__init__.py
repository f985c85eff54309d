"""SHACL shapes (``*.ttl``) that every report's graph must satisfy, and the validator."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
SHAPES_FILES = sorted(HERE.glob("*.ttl"))

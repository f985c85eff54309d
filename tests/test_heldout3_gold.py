"""Integrity of the third held-out gold set (tests/heldout3/m01–m06): keys, substrings, order, sums, rates."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

FOLDER = Path(__file__).parent / "heldout3"
GOLD_FILES = sorted(FOLDER.glob("m*.json"))
KEYS = {"file", "title", "jurisdiction", "year", "regulations", "mechanisms", "quoted_other", "agencies",
        "agencies_optional", "agency_aliases", "figures", "sections", "notes"}
FIGURE_KEYS = {"text", "value", "unit", "approx", "measure", "parts_of"}


def load(path: Path) -> tuple[dict, str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    return gold, (FOLDER / gold["file"]).read_text(encoding="utf-8")


def test_six_full_length_files() -> None:
    assert len(GOLD_FILES) == 6
    for path in GOLD_FILES:
        _, text = load(path)
        assert 5000 <= len(text) <= 9000, (path.name, len(text))


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_keys_and_strings(path: Path) -> None:
    gold, text = load(path)
    assert set(gold) == KEYS
    assert isinstance(gold["year"], int) and 2019 <= gold["year"] <= 2025
    if gold["title"] is not None:
        assert gold["title"] in text.replace("\n", "")
    assert gold["regulations"] == list(dict.fromkeys(re.findall(r"《([^《》]*)》", text)))
    assert gold["mechanisms"] == list(dict.fromkeys(re.findall(r"“([^“”]*)”", text)))
    assert gold["quoted_other"] == [m for m in gold["mechanisms"] if m in gold["quoted_other"]]
    for name in gold["agencies"] + gold["agencies_optional"]:
        assert name in text, name
    assert not set(gold["agencies"]) & set(gold["agencies_optional"])
    for core, aliases in gold["agency_aliases"].items():
        assert core in gold["agencies"]
        for alias in aliases:
            assert alias in text and alias not in gold["agencies"], alias


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_first_appearance_order(path: Path) -> None:
    gold, text = load(path)
    # Agencies are ordered by their first marked mention in the source (a short form such as 省人大
    # also occurs earlier inside a longer name such as 省人大常委会), so only their presence is checked.
    for key, wrap in (("regulations", "《{}》"), ("mechanisms", "“{}”")):
        positions = [text.find(wrap.format(item)) for item in gold[key]]
        assert positions == sorted(positions), key
    cursor = 0
    for figure in gold["figures"]:
        found = text.find(figure["text"], cursor)
        assert found >= 0, figure["text"]
        cursor = found + len(figure["text"])


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_figures_breakdowns_and_rates(path: Path) -> None:
    gold, _ = load(path)
    figures = gold["figures"]
    parts: dict[int, list[dict]] = {}
    for figure in figures:
        assert FIGURE_KEYS <= set(figure) <= FIGURE_KEYS | {"optional", "rate_of"}
        assert isinstance(figure["value"], int | float) and figure["unit"]
        assert figure.get("optional", True) is True
        if figure["parts_of"] is not None:
            parts.setdefault(figure["parts_of"], []).append(figure)
    for total_index, members in parts.items():
        total = figures[total_index]
        assert total["parts_of"] is None
        assert all(m["unit"] == total["unit"] for m in members)
        assert sum(m["value"] for m in members) <= total["value"] + 1e-9
    for figure in figures:
        rate = figure.get("rate_of")
        if rate:
            numerator = sum(figures[i]["value"] for i in rate["numerator"])
            computed = round(numerator / figures[rate["denominator"]]["value"] * 100, 2)
            assert abs(computed - figure["value"]) < 0.006, (figure["text"], computed)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_sections(path: Path) -> None:
    gold, text = load(path)
    flat = text.replace("\n", "")
    assert 6 <= sum(1 for s in gold["sections"] if s["level"] == 1) <= 8
    for section in gold["sections"]:
        assert set(section) == {"number", "title", "level"}
        assert section["level"] in (1, 2, 3, 4)
        assert section["number"] in flat and section["title"] in flat

"""Integrity of the second held-out gold set (tests/heldout2/kNN.json, docs/ANNOTATION.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

HELDOUT = Path(__file__).parent / "heldout2"
GOLD = sorted(HELDOUT.glob("k*.json"))
KEYS = {"file", "title", "jurisdiction", "year", "regulations", "mechanisms", "quoted_other", "agencies",
        "agencies_optional", "agency_aliases", "figures", "sections", "notes"}
FIGURE_KEYS = {"text", "value", "unit", "approx", "measure", "parts_of"}


def load(path: Path) -> tuple[dict, str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    return gold, (HELDOUT / gold["file"]).read_text(encoding="utf-8")


def test_eight_files() -> None:
    assert len(GOLD) == 8


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_keys_and_verbatim_strings(path: Path) -> None:
    gold, text = load(path)
    assert set(gold) == KEYS
    assert gold["title"] is None or gold["title"].replace("\n", "") in text.replace("\n", "")
    assert 2016 <= gold["year"] <= 2025
    for key in ("regulations", "mechanisms", "quoted_other", "agencies", "agencies_optional"):
        for s in gold[key]:
            assert s and s in text, (key, s)
    assert set(gold["quoted_other"]) <= set(gold["mechanisms"])
    for core, aliases in gold["agency_aliases"].items():
        assert core in gold["agencies"]
        for alias in aliases:
            assert alias in text and alias not in gold["agencies"], alias


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_quotes_follow_the_regexes(path: Path) -> None:
    gold, text = load(path)
    assert gold["regulations"] == list(dict.fromkeys(re.findall(r"《([^《》]*)》", text)))
    assert gold["mechanisms"] == list(dict.fromkeys(re.findall(r"“([^“”]*)”", text)))


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_figures_in_order_parts_and_rates(path: Path) -> None:
    gold, text = load(path)
    figures = gold["figures"]
    pos = 0
    for fig in figures:
        assert FIGURE_KEYS <= set(fig) and fig.get("optional", True) is True
        found = text.find(fig["text"], pos)
        assert found >= 0, f"{fig['text']} not found after offset {pos}"
        pos = found + len(fig["text"])
    totals: dict[int, float] = {}
    for i, fig in enumerate(figures):
        if fig["parts_of"] is not None:
            total = figures[fig["parts_of"]]
            assert fig["parts_of"] < i and total["parts_of"] is None and total["unit"] == fig["unit"]
            totals[fig["parts_of"]] = totals.get(fig["parts_of"], 0) + fig["value"]
    for idx, parts_sum in totals.items():
        assert parts_sum <= figures[idx]["value"], figures[idx]["text"]
    for fig in figures:
        if "rate_of" in fig:
            num = sum(figures[i]["value"] for i in fig["rate_of"]["numerator"])
            den = figures[fig["rate_of"]["denominator"]]["value"]
            assert fig["unit"] == "%" and round(num / den * 100, 2) == fig["value"], fig["text"]


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_sections_in_text_order(path: Path) -> None:
    gold, text = load(path)
    pos = 0
    for sec in gold["sections"]:
        assert sec["level"] in (1, 2, 3, 4)
        found = text.find(sec["number"], pos)
        assert found >= 0, sec
        assert text.find(sec["title"], found) >= 0, sec
        pos = found + len(sec["number"])  # inline items: a title may run over the next marker

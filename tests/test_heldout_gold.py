"""Integrity of the held-out gold files (tests/heldout/*.json): keys, verbatim strings, order, sums, rates."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

HELDOUT = Path(__file__).parent / "heldout"
GOLD_FILES = sorted(HELDOUT.glob("h*.json"))
KEYS = ["file", "title", "jurisdiction", "year", "regulations", "mechanisms", "quoted_other", "agencies",
        "agencies_optional", "agency_aliases", "figures", "sections", "notes"]
FIGURE_KEYS = {"text", "value", "unit", "approx", "measure", "parts_of"}


def load(path: Path) -> tuple[dict, str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    return gold, (HELDOUT / gold["file"]).read_text(encoding="utf-8")


def first_own_mention(name: str, names: list[str], text: str) -> int:
    """Where ``name`` first occurs outside a longer listed name that contains it (区人大 vs 区人大常委会)."""
    longer = [n for n in names if name in n and n != name]
    for m in re.finditer(re.escape(name), text):
        covered = any(text.startswith(n, m.start() - n.index(name)) for n in longer if m.start() >= n.index(name))
        if not covered:
            return m.start()
    return -1


def in_text_order(strings: list[str], text: str) -> bool:
    """True when each string's first own occurrence comes after the previous one's."""
    firsts = [first_own_mention(s, strings, text) for s in strings]
    return all(i >= 0 for i in firsts) and firsts == sorted(firsts)


def test_there_are_twelve_held_out_files():
    assert len(GOLD_FILES) == 12
    for gf in GOLD_FILES:
        assert 1200 <= len(load(gf)[1]) <= 3000, gf.name


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_keys_and_types(path: Path):
    gold, _ = load(path)
    assert list(gold) == KEYS
    assert gold["file"] == path.with_suffix(".txt").name
    assert isinstance(gold["year"], int) and 2016 <= gold["year"] <= 2025
    for fig in gold["figures"]:
        assert FIGURE_KEYS <= set(fig) <= FIGURE_KEYS | {"optional", "rate_of"}, fig
        assert fig.get("optional", True) is True
        assert isinstance(fig["value"], int) or fig["value"] != int(fig["value"]), fig
    for sec in gold["sections"]:
        assert set(sec) == {"number", "title", "level"} and sec["level"] in (1, 2, 3, 4)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_strings_are_verbatim_and_in_order(path: Path):
    gold, text = load(path)
    assert gold["title"] is None or "".join(gold["title"].split("\n")) == gold["title"]
    if gold["title"]:
        assert gold["title"] in text.replace("\n", ""), gold["title"]
    assert gold["regulations"] == list(dict.fromkeys(re.findall(r"《([^《》]*)》", text)))
    assert gold["mechanisms"] == list(dict.fromkeys(re.findall(r"“([^“”]*)”", text)))
    assert gold["quoted_other"] == [q for q in gold["mechanisms"] if q in set(gold["quoted_other"])]
    assert len(set(gold["agencies"])) == len(gold["agencies"])
    assert in_text_order(gold["agencies"], text), gold["agencies"]
    for name in gold["agencies_optional"]:
        assert name in text, name
    aliases = [a for forms in gold["agency_aliases"].values() for a in forms]
    assert set(gold["agency_aliases"]) <= set(gold["agencies"])
    assert not set(aliases) & set(gold["agencies"])
    for alias in aliases:
        assert alias in text, alias
    pos = 0
    for sec in gold["sections"]:
        heading = re.compile(re.escape(sec["number"]) + r"[、.．]?\s*" + re.escape(sec["title"][:8]))
        found = heading.search(text, pos)
        assert found and sec["title"] in text, sec
        pos = found.start() + 1


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_figures_in_text_order(path: Path):
    gold, text = load(path)
    pos = 0
    for fig in gold["figures"]:
        found = text.find(fig["text"], pos)
        assert found >= 0, fig["text"]
        pos = found + len(fig["text"])


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_breakdowns_and_rates(path: Path):
    gold, _ = load(path)
    figs = gold["figures"]
    totals: dict[int, list[int]] = {}
    for i, fig in enumerate(figs):
        if fig["parts_of"] is not None:
            total = fig["parts_of"]
            assert 0 <= total < len(figs) and total != i
            assert figs[total]["parts_of"] is None and figs[total]["unit"] == fig["unit"]
            totals.setdefault(total, []).append(i)
    for total, parts in totals.items():
        assert sum(figs[i]["value"] for i in parts) <= figs[total]["value"] + 1e-9, (total, parts)
    for fig in figs:
        if "rate_of" in fig:
            assert fig["unit"] == "%"
            num = sum(figs[i]["value"] for i in fig["rate_of"]["numerator"])
            den = figs[fig["rate_of"]["denominator"]]["value"]
            assert round(100 * num / den, 2) == round(fig["value"], 2), fig

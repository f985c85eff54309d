"""The scorer (ingest.evaluate) follows docs/ANNOTATION.md §10."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from ingest.evaluate import PRF, Scores, match_figures, score_agencies, score_file, score_sections

GOLD = Path(__file__).parent / "gold"


def gold(name: str) -> dict:
    return json.loads((GOLD / name).read_text(encoding="utf-8"))


def as_extraction(g: dict) -> dict:
    """A gold file written as a perfect ``fazhi extract`` output."""
    quoted_other = set(g["quoted_other"])
    return {
        "report": {"title": g["title"], "issuer": g["jurisdiction"], "jurisdiction": g["jurisdiction"], "year": g["year"]},
        "sections": g["sections"],
        "agencies": [{"text": a} for a in g["agencies"]],
        "regulations": [{"text": r} for r in g["regulations"]],
        "mechanisms": [{"text": m} for m in g["mechanisms"] if m not in quoted_other],
        "quoted_other": [{"text": m} for m in g["quoted_other"]],
        "figures": [dict(f, part_of=f["parts_of"]) for f in g["figures"]],
    }


@pytest.mark.parametrize("name", sorted(p.name for p in GOLD.glob("*.json")))
def test_gold_scores_perfectly_against_itself(name: str) -> None:
    g = gold(name)
    scores = Scores()
    score_file(as_extraction(g), g, scores)
    for kind, prf in scores.kinds.items():
        assert prf.fp == 0 and prf.fn == 0, kind
    assert all(r == t for r, t in scores.fields.values())


def test_dropping_a_figure_costs_recall_and_its_links() -> None:
    g = gold("taierzhuang-2019.json")
    ext = as_extraction(g)
    # drop the part "26项" (index 1), a part of 54项: one figure and one link are missed
    del ext["figures"][1]
    for f in ext["figures"]:
        if f["part_of"] is not None and f["part_of"] > 1:
            f["part_of"] -= 1
    scores = Scores()
    score_file(ext, g, scores)
    assert scores.kinds["figures"].fn == 1 and scores.kinds["figures"].fp == 0
    assert scores.kinds["breakdown_links"].fn == 1 and scores.kinds["breakdown_links"].fp == 0


def test_agencies_aliases_count_once_and_optionals_are_ignored() -> None:
    g = gold("taierzhuang-2019.json")
    prf = score_agencies(["台儿庄区人民政府", "区政府", "政务服务中心", "各部门"], g)
    assert (prf.tp, prf.fp) == (1, 1)  # 区政府 is an alias of the same body; 政务服务中心 optional; 各部门 wrong
    assert prf.fn == len(g["agencies"]) - 1


def test_repeated_figures_match_one_to_one() -> None:
    g = [{"text": "4件", "value": 4, "unit": "件"}, {"text": "4件", "value": 4, "unit": "件"}]
    mapping, prf = match_figures([{"text": "4件", "value": 4, "unit": "件"}] * 3, g)
    assert (prf.tp, prf.fp, prf.fn) == (2, 1, 0) and mapping == {0: 0, 1: 1}


def test_sections_match_in_order() -> None:
    g = [{"number": "一", "level": 1, "title": "A"}, {"number": "一是", "level": 4, "title": "B"}]
    p = [{"number": "一是", "level": 4, "title": "B"}, {"number": "一", "level": 1, "title": "A"}]
    prf, _ = score_sections(p, g)
    assert (prf.tp, prf.fp, prf.fn) == (1, 1, 1)


def test_prf_arithmetic() -> None:
    prf = PRF(8, 2, 2)
    assert prf.precision == pytest.approx(0.8) and prf.recall == pytest.approx(0.8) and prf.f1 == pytest.approx(0.8)
    assert copy.copy(prf).as_dict()["f1"] == 0.8

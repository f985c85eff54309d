"""Figures against the gold annotations (ANNOTATION §8, §10): scores per file and overall, the seed's
breakdowns, approximations and rates exactly."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from ingest.decode import read_report
from ingest.evaluate import PRF, match_figures, score_links
from ingest.figures import extract_figures
from ingest.model import Doc, Figure

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
REPORTS = ROOT / "data" / "reports"
NAMES = sorted(p.stem for p in GOLD.glob("*.json"))

#: Floors on the 15 gold files (measured: figures 120/120, links 17/17, F1 1.000 for both).
FIGURE_F1_FLOOR = 0.99
LINK_F1_FLOOR = 0.99


def figures_of(name: str) -> list[Figure]:
    """The figures of a bundled report, extracted by the component alone (no other component)."""
    dec = read_report(REPORTS / f"{name}.txt")
    doc = Doc.from_text(dec.text, source=name, raw=dec.raw)
    extract_figures(doc)
    for f in doc.figures:
        assert doc.text[f.start : f.end] == f.text
    return doc.figures


def score(name: str) -> tuple[PRF, PRF]:
    gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))["figures"]
    pred = [asdict(f) for f in figures_of(name)]
    mapping, figs = match_figures(pred, gold)
    return figs, score_links(pred, gold, mapping)


@pytest.fixture(scope="module")
def seed() -> list[Figure]:
    return figures_of("taierzhuang-2019")


def test_scores_per_file_and_overall(capsys: pytest.CaptureFixture[str]) -> None:
    total_figs, total_links = PRF(), PRF()
    lines = []
    for name in NAMES:
        figs, links = score(name)
        total_figs.add(figs)
        total_links.add(links)
        lines.append(
            f"{name:18} figures P {figs.precision:.3f} R {figs.recall:.3f} F1 {figs.f1:.3f}"
            f"  links P {links.precision:.3f} R {links.recall:.3f} F1 {links.f1:.3f}"
        )
    lines.append(f"{'overall':18} figures {total_figs.as_dict()}  links {total_links.as_dict()}")
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert total_figs.f1 >= FIGURE_F1_FLOOR
    assert total_links.f1 >= LINK_F1_FLOOR


def _find(figs: list[Figure], text: str, after: int = 0) -> int:
    return next(i for i, f in enumerate(figs) if f.text == text and f.start >= after)


@pytest.mark.parametrize(
    ("total", "context", "parts"),
    [
        ("54项", "调整区级行政许可等事项", ["26项", "24项", "4项"]),
        ("26件", "清理规范性文件", ["17件", "9件"]),
        ("53件", "人大代表建议", ["33件", "16件", "4件"]),
        ("75件", "政协委员提案", ["47件", "26件", "2件"]),
        ("13件", "行政复议案件", ["7件", "1件", "1件", "4件"]),
    ],
)
def test_seed_breakdowns_exactly(seed: list[Figure], total: str, context: str, parts: list[str]) -> None:
    t = next(i for i, f in enumerate(seed) if f.text == total and context in f.measure)
    linked = [f.text for f in seed if f.part_of == t]
    assert linked == parts
    assert sum(f.value for f in seed if f.part_of == t) == seed[t].value
    assert seed[t].part_of is None


def test_seed_has_no_other_links(seed: list[Figure]) -> None:
    assert sum(f.part_of is not None for f in seed) == 15


def test_seed_approximations(seed: list[Figure]) -> None:
    approx = {f.text: f for f in seed if f.approx}
    assert set(approx) == {"70余项", "400余件", "130余场次"}
    assert (approx["70余项"].value, approx["70余项"].unit, approx["70余项"].qualifier) == (70, "项", "more-than")
    assert approx["130余场次"].unit == "场次"


def test_seed_correction_rate(seed: list[Figure]) -> None:
    r = _find(seed, "69.23%")
    rate = seed[r]
    assert rate.rate_of is not None
    den = seed[rate.rate_of["denominator"]]
    num = [seed[i] for i in rate.rate_of["numerator"]]
    assert den.text == "13件"
    assert [f.text for f in num] == ["7件", "1件", "1件"]
    assert round(sum(f.value for f in num) / den.value * 100, 2) == rate.value
    assert rate.indicator == "recon-correction"
    # rates whose counts the text does not give stay unlinked
    assert [f.text for f in seed if f.unit == "%" and f.rate_of is None] == ["100%", "87.5%", "100%", "99%", "100%"]


def test_seed_indicators(seed: list[Figure]) -> None:
    by_text = {(f.text, f.indicator) for f in seed}
    for expected in [
        ("13件", "recon-cases"),
        ("63件", "litigation"),
        ("87.5%", "head-appearance"),
        ("4件", "nf-issued"),
        ("53件", "npc-sugg"),
        ("75件", "cppcc-prop"),
    ]:
        assert expected in by_text
    # parts share their total's indicator
    t = next(i for i, f in enumerate(seed) if f.text == "13件")
    assert {f.indicator for f in seed if f.part_of == t} == {"recon-cases"}


def test_seed_optional_and_exclusions(seed: list[Figure]) -> None:
    assert [(f.text, f.unit) for f in seed if f.optional] == [("两级", "级"), ("四年", "年")]
    texts = [f.text for f in seed]
    for absent in ["2019年", "370405", "70周年", "一级", "一项", "三项", "一次", "一个"]:
        assert absent not in texts
    # nothing from the CMS header list
    assert min(f.start for f in seed) > seed_text().index("效力状态")


def seed_text() -> str:
    return read_report(REPORTS / "taierzhuang-2019.txt").text


def test_iris_and_measures(seed: list[Figure]) -> None:
    assert len({f.iri for f in seed}) == len(seed)
    assert all(f.iri.startswith("https://w3id.org/fazhi/id/obs/") or "/id/obs/" in f.iri for f in seed)
    assert seed[_find(seed, "63件")].measure == "2019年全区共办理行政应诉案件"
    assert seed[_find(seed, "33件")].measure == "(人大代表建议)办结"  # a part carries its total's noun
    assert seed[_find(seed, "69.23%")].measure == "综合纠错率"
    assert all(f.measure for f in seed)

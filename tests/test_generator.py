"""The benchmark report generator: deterministic, full-length, and its planted spans are real."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

from generate import MAX_CHARS, MIN_CHARS, generate_report, write_corpus  # noqa: E402


def test_same_seed_same_reports_other_seed_other_reports() -> None:
    for i in (0, 7, 123):
        assert generate_report(1, i).text == generate_report(1, i).text
    assert generate_report(1, 0).text != generate_report(2, 0).text


def test_a_corpus_is_a_prefix_of_a_bigger_one(tmp_path) -> None:
    write_corpus(3, 5, tmp_path / "small")
    write_corpus(6, 5, tmp_path / "big")
    for name in ("000000.txt", "000002.txt"):
        assert (tmp_path / "small" / name).read_text("utf-8") == (tmp_path / "big" / name).read_text("utf-8")
    rows = (tmp_path / "big" / "SOURCES.tsv").read_text("utf-8").splitlines()
    assert rows[0].startswith("file\t") and len(rows) == 7
    assert len((tmp_path / "big" / "planted.jsonl").read_text("utf-8").splitlines()) == 6


def test_reports_are_full_length_with_real_divisions_and_unique_keys() -> None:
    reports = [generate_report(3, i) for i in range(120)]
    lengths = [len(r.text) for r in reports]
    assert all(MIN_CHARS <= n <= MAX_CHARS for n in lengths), (min(lengths), max(lengths))
    assert max(lengths) - min(lengths) > 4_000  # a spread, not one size
    slots = [(r.issuer.name, r.year) for r in reports]
    assert len(set(slots)) == len(slots)
    codes = Counter(r.issuer.division.code for r in reports)
    assert len(codes) >= 10 and max(codes.values()) > 1  # many jurisdictions, each seen more than once
    assert all(len(c) == 6 and c.isdigit() for c in codes)


def test_planted_spans_are_where_they_say_and_breakdowns_add_up() -> None:
    for i in range(20):
        rep = generate_report(1, i)
        p = rep.planted
        for kind in ("figures", "regulations", "mechanisms", "agencies", "sections", "quoted_other"):
            for item in getattr(p, kind):
                assert rep.text[item["start"] : item["end"]] == item["text"], (kind, item)
        assert rep.text[p.regulations[0]["start"] - 1] == "《"
        totals: dict[int, int] = {}
        for f in p.figures:
            if f["part_of"] is not None:
                totals[f["part_of"]] = totals.get(f["part_of"], 0) + f["value"]
        for idx, total in totals.items():
            assert p.figures[idx]["value"] == total
        assert p.figures and p.regulations and p.agencies


def test_national_documents_repeat_across_reports_with_zipf_weights() -> None:
    cited = Counter(r["text"] for i in range(60) for r in generate_report(1, i).planted.regulations)
    counts = [n for _, n in cited.most_common()]
    assert counts[0] >= 5 * counts[len(counts) // 2]  # a long tail under a few popular titles


@pytest.mark.skipif(
    importlib.util.find_spec("ingest.regulations") is None or importlib.util.find_spec("ingest.figures") is None,
    reason="regulation and figure extractors not written yet",
)
def test_the_ingester_finds_what_was_planted() -> None:
    from ingest.pipeline import extract_text

    found_regs = planted_regs = found_figs = planted_figs = 0
    for i in range(4):
        rep = generate_report(1, i)
        doc = extract_text(rep.text, source=f"gen-{i}")
        regs = Counter((m.start, m.end) for m in doc.regulations)
        planted = Counter((r["start"], r["end"]) for r in rep.planted.regulations)
        found_regs += sum((regs & planted).values())
        planted_regs += sum(planted.values())
        figs = Counter((float(f.value), f.unit) for f in doc.figures)
        want = Counter((float(f["value"]), f["unit"]) for f in rep.planted.figures)
        found_figs += sum((figs & want).values())
        planted_figs += sum(want.values())
    assert found_regs / planted_regs >= 0.95, (found_regs, planted_regs)
    assert found_figs / planted_figs >= 0.85, (found_figs, planted_figs)

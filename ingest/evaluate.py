"""Scoring extractions against gold annotations (the rules of docs/ANNOTATION.md §10).

``evaluate(gold_dir, reports_dir)`` runs the pipeline over every text that has a gold file and returns
micro-averaged precision, recall and F1 per kind, plus the accuracy of title, issuer, jurisdiction and year.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def norm(s: str | None) -> str:
    """NFKC, whitespace removed, traditional folded to simplified (evaluators may normalise, §10)."""
    from ingest.normalize import normalize

    if s is None:
        return ""
    return normalize(re.sub(r"\s+", "", unicodedata.normalize("NFKC", s)))


@dataclass
class PRF:
    """Counts of true positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: PRF) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def score_sets(pred: list[str], gold: list[str]) -> PRF:
    """Exact set match after normalisation."""
    p, g = {norm(x) for x in pred}, {norm(x) for x in gold}
    return PRF(len(p & g), len(p - g), len(g - p))


def score_agencies(pred: list[str], gold: dict[str, Any]) -> PRF:
    """§10: a prediction is right if it names a core agency or one of its aliases, each core once."""
    alias_of: dict[str, str] = {}
    for core in gold["agencies"]:
        alias_of[norm(core)] = norm(core)
        for alias in gold.get("agency_aliases", {}).get(core, []):
            alias_of.setdefault(norm(alias), norm(core))
    optional = {norm(x) for x in gold.get("agencies_optional", [])}
    matched: set[str] = set()
    out = PRF()
    for text in dict.fromkeys(norm(x) for x in pred):
        core = alias_of.get(text)
        if core is not None:
            if core not in matched:
                matched.add(core)
                out.tp += 1
        elif text not in optional:
            out.fp += 1
    out.fn = len({norm(c) for c in gold["agencies"]} - matched)
    return out


def _value_key(value: Any, unit: str) -> tuple[float, str]:
    return (round(float(value), 4), norm(unit))


def match_figures(pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> tuple[dict[int, int], PRF]:
    """One-to-one matching on value + unit in text order; optional figures ignored on both sides."""
    used: set[int] = set()
    mapping: dict[int, int] = {}
    out = PRF()
    for i, f in enumerate(pred):
        if f.get("optional"):
            continue
        key = _value_key(f["value"], f["unit"])
        cands = [j for j, g in enumerate(gold) if j not in used and _value_key(g["value"], g["unit"]) == key]
        best = next((j for j in cands if not gold[j].get("optional") and norm(gold[j]["text"]) == norm(f["text"])), None)
        if best is None:
            best = next((j for j in cands if not gold[j].get("optional")), None)
        if best is not None:
            used.add(best)
            mapping[i] = best
            out.tp += 1
        elif any(gold[j].get("optional") for j in cands):
            used.add(next(j for j in cands if gold[j].get("optional")))
        else:
            out.fp += 1
    out.fn = sum(1 for j, g in enumerate(gold) if not g.get("optional") and j not in used)
    return mapping, out


def score_links(pred: list[dict[str, Any]], gold: list[dict[str, Any]], mapping: dict[int, int]) -> PRF:
    """Breakdown links (part → total), compared through the figure matching."""
    gold_links = {(j, g["parts_of"]) for j, g in enumerate(gold) if g.get("parts_of") is not None}
    pred_links = set()
    for i, f in enumerate(pred):
        if f.get("part_of") is not None and not f.get("optional"):
            pred_links.add((mapping.get(i, -1 - i), mapping.get(f["part_of"], -10_000 - i)))
    tp = len(pred_links & gold_links)
    return PRF(tp, len(pred_links) - tp, len(gold_links) - tp)


def score_sections(pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> tuple[PRF, int]:
    """(number, level) matched in order (longest common subsequence); also counts matching titles."""
    a = [(norm(s["number"]), s["level"]) for s in pred]
    b = [(norm(s["number"]), s["level"]) for s in gold]
    n, m = len(a), len(b)
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            dp[i][j] = dp[i + 1][j + 1] + 1 if a[i] == b[j] else max(dp[i + 1][j], dp[i][j + 1])
    i = j = titles = 0
    while i < n and j < m:
        if a[i] == b[j]:
            pt, gt = norm(pred[i]["title"]), norm(gold[j]["title"])
            titles += bool(pt and gt and (pt.startswith(gt) or gt.startswith(pt)))
            i, j = i + 1, j + 1
        elif dp[i + 1][j] >= dp[i][j + 1]:
            i += 1
        else:
            j += 1
    lcs = dp[0][0] if n and m else 0
    return PRF(lcs, n - lcs, m - lcs), titles


KINDS = ["regulations", "mechanisms", "mechanisms_all_quotes", "agencies", "figures", "breakdown_links", "sections"]
FIELDS = ["title", "issuer", "jurisdiction", "year"]


@dataclass
class Scores:
    """Micro-averaged scores over a set of gold files."""

    kinds: dict[str, PRF] = field(default_factory=lambda: {k: PRF() for k in KINDS})
    fields: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0] for f in FIELDS})  # [right, total]
    approx: list[int] = field(default_factory=lambda: [0, 0])
    section_titles: list[int] = field(default_factory=lambda: [0, 0])
    files: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kinds": {k: v.as_dict() for k, v in self.kinds.items()},
            "fields": {f: {"right": r, "total": t, "accuracy": round(r / t, 4) if t else None}
                       for f, (r, t) in self.fields.items()},
            "figure_approx_accuracy": round(self.approx[0] / self.approx[1], 4) if self.approx[1] else None,
            "section_title_accuracy": round(self.section_titles[0] / self.section_titles[1], 4)
            if self.section_titles[1] else None,
            "files": self.files,
        }


def score_file(extraction: dict[str, Any], gold: dict[str, Any], scores: Scores) -> dict[str, Any]:
    """Add one file's comparison to ``scores``; returns the file's own figures."""
    own: dict[str, Any] = {"file": gold["file"]}
    quoted = [m["text"] for m in extraction["mechanisms"]]
    other = [q["text"] for q in extraction.get("quoted_other", [])]
    strict_gold = [m for m in gold["mechanisms"] if m not in set(gold["quoted_other"])]
    figs, gfigs = extraction["figures"], gold["figures"]
    mapping, fig_prf = match_figures(figs, gfigs)
    sec_prf, titles = score_sections(extraction["sections"], gold["sections"])
    parts = {
        "regulations": score_sets([r["text"] for r in extraction["regulations"]], gold["regulations"]),
        "mechanisms": score_sets(quoted, strict_gold),
        "mechanisms_all_quotes": score_sets(quoted + other, gold["mechanisms"]),
        "agencies": score_agencies([a["text"] for a in extraction["agencies"]], gold),
        "figures": fig_prf,
        "breakdown_links": score_links(figs, gfigs, mapping),
        "sections": sec_prf,
    }
    for k, prf in parts.items():
        scores.kinds[k].add(prf)
        own[k] = prf.as_dict()
    for i, j in mapping.items():
        scores.approx[0] += bool(figs[i]["approx"]) == bool(gfigs[j]["approx"])
        scores.approx[1] += 1
    scores.section_titles[0] += titles
    scores.section_titles[1] += sec_prf.tp
    rep = extraction["report"]
    checks = {
        "title": (norm(rep.get("title")) == norm(gold.get("title"))),
        "issuer": norm(rep.get("issuer")) == norm(gold.get("jurisdiction")),
        "jurisdiction": norm(rep.get("jurisdiction")) == norm(gold.get("jurisdiction")),
        "year": rep.get("year") == gold.get("year"),
    }
    for f, ok in checks.items():
        scores.fields[f][0] += ok
        scores.fields[f][1] += 1
        own[f] = {"right": ok, "predicted": rep.get(f), "gold": gold.get("jurisdiction" if f == "issuer" else f)}
    scores.files.append(own)
    return own


def find_text(gold_file: Path, name: str, reports_dir: Path | None) -> Path | None:
    """The text a gold file annotates: in ``reports_dir``, beside the gold file, or one folder up."""
    for folder in ([reports_dir] if reports_dir else []) + [gold_file.parent, gold_file.parent.parent]:
        if (folder / name).is_file():
            return folder / name
    return None


def evaluate(gold_dir: str | Path, reports_dir: str | Path | None = None) -> Scores:
    """Score the pipeline against every ``*.json`` gold file in ``gold_dir``."""
    from ingest.pipeline import extract_file

    scores = Scores()
    for gf in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        text = find_text(gf, gold["file"], Path(reports_dir) if reports_dir else None)
        if text is None:
            raise FileNotFoundError(f"{gf}: its text {gold['file']} was not found")
        score_file(extract_file(text).to_extract_json(), gold, scores)
    return scores


def format_scores(scores: Scores) -> str:
    """A plain-text table of the scores."""
    lines = [f"{'kind':<24}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for k, v in scores.kinds.items():
        lines.append(f"{k:<24}{v.precision:>8.3f}{v.recall:>8.3f}{v.f1:>8.3f}{v.tp:>6}{v.fp:>6}{v.fn:>6}")
    lines.append("")
    for f, (r, t) in scores.fields.items():
        lines.append(f"{f + ' accuracy':<24}{r / t if t else 0:>8.3f}   ({r}/{t})")
    d = scores.as_dict()
    lines.append(f"{'figure approx accuracy':<24}{d['figure_approx_accuracy'] or 0:>8.3f}")
    lines.append(f"{'section title accuracy':<24}{d['section_title_accuracy'] or 0:>8.3f}")
    return "\n".join(lines)


def counts_by_kind(extraction: dict[str, Any]) -> Counter[str]:
    """How many mentions of each kind an extraction holds (for summaries)."""
    return Counter({k: len(extraction.get(k, [])) for k in ("agencies", "regulations", "mechanisms", "figures")})

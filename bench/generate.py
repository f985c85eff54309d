"""A seeded, deterministic generator of realistic full-length 法治政府建设 reports for benchmarks.

Reports follow the structure and phrasing of the bundled real reports (``data/reports/``):
an optional CMS metadata list, a title, an opening paragraph, numbered sections (一、 / (一) /
一是 / 1.), figures with breakdowns (其中 …), rates, citations in 《》, mechanisms in “”, agencies
with their short forms, a closing paragraph, a signature and a date. Jurisdictions are real GB/T
2260 divisions; national documents and mechanisms are drawn with Zipf weights, local agencies and
documents belong to each jurisdiction, so entities repeat across reports the way real ones do.

Report ``i`` depends only on ``(seed, i)``: the first 100 reports of ``--n 10000`` are the reports of
``--n 100``. Besides the ``*.txt`` files the output folder holds ``SOURCES.tsv`` (read by ``fazhi
ingest``) and ``planted.jsonl`` (what was planted where: figures, citations, mechanisms, agencies).

    python bench/generate.py --n 10000 --seed 1 --out bench/data/reports-10000
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen_phrases as ph  # noqa: E402
from divisions import Division, load_divisions  # noqa: E402

MIN_CHARS, MAX_CHARS = 4_000, 15_000
REPORTS_PER_DIVISION = 8  # consecutive reports share a jurisdiction (government + departments, years)
YEARS = list(range(2018, 2026))
UNITS = sorted(
    ["人次", "场次", "户次", "万元", "件", "项", "个", "名", "次", "份", "条", "户", "卷", "期", "批", "处", "%", "场"],
    key=len,
    reverse=True,
)
UNIT_RE = re.compile("(余)?(" + "|".join(map(re.escape, UNITS)) + ")")
PLACEHOLDER_RE = re.compile(r"\{(\w+)\}")
NUMERIC = {"n", "m", "k", "k2", "w", "r", "r2"}


def zipf_weights(n: int, s: float = 1.1) -> list[float]:
    return [1.0 / (rank + 1) ** s for rank in range(n)]


@dataclass
class Issuer:
    """Who writes the report: a government or one of its departments."""

    division: Division
    department: int | None  # index into ph.DEPARTMENTS, None for the government

    @property
    def name(self) -> str:
        return self.division.name + self.suffix

    @property
    def suffix(self) -> str:
        if self.department is None:
            return "行政公署" if self.division.generic == "地区" else "人民政府"
        long_name, province_name, _ = ph.DEPARTMENTS[self.department]
        return province_name if self.division.level == "province" else long_name

    @property
    def slug(self) -> str:
        return "gov" if self.department is None else f"dept{self.department:02d}"


@dataclass
class Planted:
    """What the generator put where (offsets into the report text)."""

    figures: list[dict] = field(default_factory=list)
    regulations: list[dict] = field(default_factory=list)
    mechanisms: list[dict] = field(default_factory=list)
    quoted_other: list[dict] = field(default_factory=list)
    agencies: list[dict] = field(default_factory=list)
    sections: list[dict] = field(default_factory=list)


class TextBuilder:
    """Appends text and records the spans of what it plants."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.planted = Planted()

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def span(self, kind: str, text: str, inner: tuple[int, int] | None = None, **attrs) -> int:
        """Append ``text``; record ``text[inner[0]:inner[1]]`` (default all) under ``kind``; its index."""
        a, b = inner or (0, len(text))
        items = getattr(self.planted, kind)
        items.append({"text": text[a:b], "start": self.length + a, "end": self.length + b, **attrs})
        self.add(text)
        return len(items) - 1

    def text(self) -> str:
        return "".join(self.parts)


class ReportWriter:
    """Writes one report for an issuer and year, drawing from a per-report random generator."""

    def __init__(self, rng: random.Random, issuer: Issuer, year: int, style: str):
        self.rng = rng
        self.issuer = issuer
        self.div = issuer.division
        self.year = year
        self.style = style
        self.b = TextBuilder()
        self.seen_agencies: set[str] = set()
        self._title: str | None = None
        self.bags: dict[int, list[tuple[str, str, list[str] | None]]] = {}
        self.national = [(t, y) for t, y in ph.NATIONAL_DOCS if y <= year and not self._outdated(t)]
        self.mechanisms = [
            label for label, y, prov in ph.MECHANISMS if y <= year and (not prov or self.div.code.startswith(prov))
        ]
        if year >= 2021 and "七五" in self.mechanisms:
            self.mechanisms.remove("七五")

    def _outdated(self, title: str) -> bool:
        return ("2015—2020" in title and self.year > 2020) or ("2021—2025" in title and self.year < 2021)

    # -- vocabulary -----------------------------------------------------------------------------
    @property
    def g(self) -> str:
        return self.div.generic

    @property
    def p(self) -> str:
        return self.div.parent.generic if self.div.parent else "党中央、国务"

    def document(self) -> str:
        """A title for 《》: national (Zipf), provincial or local to the jurisdiction."""
        roll = self.rng.random()
        if roll < 0.55 and self.national:
            titles = [t for t, _ in self.national]
            title = self.rng.choices(titles, weights=zipf_weights(len(titles)))[0]
            dash = self.rng.choice(["—", "—", "-", "－"])
            return title.replace("—", dash)
        if roll < 0.75:
            return self.rng.choice(ph.PROVINCIAL_DOCS).format(S=self.div.province.name)
        return self.rng.choice(ph.LOCAL_DOCS).format(J=self.div.name, Y=self.year)

    def mechanism(self) -> str:
        return self.rng.choices(self.mechanisms, weights=zipf_weights(len(self.mechanisms)))[0]

    def agency(self) -> tuple[str, str]:
        """(mention text, canonical name): a body of the jurisdiction, in full on first mention."""
        rng = self.rng
        if rng.random() < 0.25:
            suffix, short = rng.choice(ph.OTHER_BODIES)
        else:
            long_name, province_name, short_dept = rng.choices(
                ph.DEPARTMENTS, weights=zipf_weights(len(ph.DEPARTMENTS), 0.8)
            )[0]
            suffix = province_name if self.div.level == "province" else long_name
            short = short_dept if short_dept and rng.random() < 0.4 else suffix
        canonical = self.div.name + suffix
        if canonical in self.seen_agencies and rng.random() < 0.7:
            return self.g + short, canonical
        self.seen_agencies.add(canonical)
        return canonical, canonical

    # -- rendering ------------------------------------------------------------------------------
    def numbers(self) -> dict[str, float]:
        rng = self.rng
        rate = lambda: rng.choice([100, 100, round(rng.uniform(85, 99.9), 1), rng.randint(90, 99)])  # noqa: E731
        return {
            "n": int(round(10 ** rng.uniform(0.7, 3.3))),
            "m": int(round(10 ** rng.uniform(0.5, 3.0))),
            "k": rng.randint(2, 30),
            "k2": rng.randint(1, 12),
            "w": round(rng.uniform(1, 900), rng.choice([0, 1, 2])),
            "r": rate(),
            "r2": rate(),
        }

    def breakdown(self, labels: list[str], total: int) -> list[tuple[str, int]]:
        k = self.rng.randint(2, min(4, len(labels)))
        chosen = sorted(self.rng.sample(range(len(labels)), k))
        total = max(total, k)
        cuts = sorted(self.rng.sample(range(1, total), k - 1)) if total > k else list(range(1, k))
        values = [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]
        return [(labels[i], v) for i, v in zip(chosen, values, strict=True)]

    def render(self, template: str, unit: str = "", labels: list[str] | None = None) -> None:
        """Render a template into the builder, planting every placeholder's span."""
        nums = self.numbers()
        parts: list[tuple[str, int]] = []
        if "{parts}" in template:  # the total is the sum of its parts
            parts = self.breakdown(labels or [], int(nums["n"]))
            nums["n"] = sum(v for _, v in parts)
        pieces = PLACEHOLDER_RE.split(template)  # literal, name, literal, name, …
        total_index: int | None = None
        for i, piece in enumerate(pieces):
            if i % 2 == 0:
                self.b.add(piece)
            elif piece in NUMERIC:
                nxt = pieces[i + 1]
                m = UNIT_RE.match(nxt)
                value = nums[piece]
                shown = f"{value:g}" if isinstance(value, float) else str(value)
                idx = self.b.span(
                    "figures",
                    shown + (m.group(0) if m else ""),
                    value=value,
                    unit=m.group(2) if m else "",
                    approx=bool(m and m.group(1)),
                    part_of=None,
                )
                if piece == "n":
                    total_index = idx
                if m:
                    pieces[i + 1] = nxt[m.end() :]
            elif piece == "parts":
                for j, (label, v) in enumerate(parts):
                    self.b.add(("、" if j else "") + label)
                    self.b.span("figures", f"{v}{unit}", value=v, unit=unit, approx=False, part_of=total_index)
            elif piece == "D":
                title = self.document()
                self.b.span("regulations", f"《{title}》", inner=(1, len(title) + 1))
            elif piece == "M":
                label = self.mechanism()
                self.b.span("mechanisms", f"“{label}”", inner=(1, len(label) + 1))
            elif piece == "A":
                text, canonical = self.agency()
                self.b.span("agencies", text, name=canonical)
            else:
                self.b.add(self.plain(piece))

    def plain(self, name: str) -> str:
        return {
            "J": self.div.name,
            "g": self.g,
            "P": self.p,
            "Y": str(self.year),
            "Y1": str(self.year + 1),
            "I": self.issuer.name,
        }[name]

    def sentence(self, area: int) -> None:
        """One sentence of the area, drawn without replacement until the area's pool is used up."""
        bag = self.bags.get(area)
        if not bag:
            pool = [(t, "", None) for t in ph.FILLERS[area]] * 3 + list(ph.FIGURE_TEMPLATES[area])
            bag = self.bags[area] = self.rng.sample(pool, len(pool))
        template, unit, labels = bag.pop()
        self.render(template, unit, labels)

    def paragraph_sentences(self, area: int) -> None:
        """Two to five sentences of one item (fillers and figures), sometimes a quoted honour."""
        for _ in range(self.rng.randint(2, 5)):
            self.sentence(area)
        if self.rng.random() < 0.15:
            other = self.rng.choice(ph.QUOTED_OTHER)
            self.b.add("积极开展")
            self.b.span("quoted_other", f"“{other}”", inner=(1, len(other) + 1))
            self.b.add("相关工作。")

    # -- structure ------------------------------------------------------------------------------
    def header(self) -> None:
        if self.rng.random() < 0.15:
            month, day = self.rng.randint(1, 3), self.rng.randint(1, 28)
            code = f"{self.div.code}/{self.year + 1}-{self.rng.randint(1, 99999):05d}"
            self.b.add(
                f"- 索 引 号:{code}\n- 主题分类:法治政府建设报告\n- 发布机构:{self.issuer.name}办公室\n"
                f"- 成文时间:{self.year + 1}年{month:02d}月{day:02d}日\n- 文 号:无\n"
                f"- 标 题:{self.title()}\n- 效力状态:有效\n"
            )
        if self.rng.random() < 0.85:
            self.b.add(self.title() + "\n")
        if self.issuer.department is not None and self.rng.random() < 0.3:
            self.b.add(f"{self.g}委、{self.g}政府:\n")

    def title(self) -> str:
        """The report's title, chosen once (the CMS list and the heading repeat it)."""
        if self._title is None:
            forms = [
                "{I}关于{Y}年度法治政府建设情况的报告",
                "{I}{Y}年度法治政府建设情况报告",
                "{Y}年{I}法治政府建设工作报告",
                "{I}{Y}年法治政府建设年度报告",
            ]
            self._title = self.rng.choice(forms).format(I=self.issuer.name, Y=self.year)
        return self._title

    def opening(self) -> None:
        self.render(self.rng.choice(ph.OPENINGS))
        self.b.add("\n")

    def section(self, number: int, area: int, budget: int) -> None:
        start = self.b.length
        edition = 0 if self.year <= 2020 else 1
        title = ph.SECTION_TITLES[area][edition]
        head = f"{ph.cn_number(number)}、"
        self.b.add(head)
        self.b.span("sections", title, number=head, level=1)
        subs = list(ph.SUBSECTION_TITLES[area])
        self.rng.shuffle(subs)
        inline = self.style == "inline"
        self.b.add("。" if inline else "\n")
        j = 0
        while self.b.length - start < budget or j == 0:
            sub = subs[j % len(subs)]
            j += 1
            if self.style == "inline":
                marker = ph.ORDINALS[(j - 1) % len(ph.ORDINALS)]
                self.b.add(marker)
                self.b.span("sections", sub, number=marker, level=3)
                self.b.add("。")
            elif self.style == "paren":
                paren = self.rng.choice(["({})", "({})", "（{}）"]).format(ph.cn_number(j))
                self.b.add(paren)
                self.b.span("sections", sub, number=paren, level=2)
                self.b.add("\n" if self.rng.random() < 0.5 else "。")
            else:  # dotted
                marker = f"{j}."
                self.b.add(marker)
                self.b.span("sections", sub, number=marker, level=3)
                self.b.add("。")
            self.paragraph_sentences(area)
            self.b.add("" if inline else "\n")
        if inline:
            self.b.add("\n")

    def closing(self) -> None:
        self.render(self.rng.choice(ph.CLOSINGS))
        self.render(self.rng.choice(ph.PLANS))
        month, day = self.rng.randint(1, 3), self.rng.randint(1, 28)
        self.b.add(f"\n{self.issuer.name}\n{self.year + 1}年{month}月{day}日\n")

    def write(self, target_chars: int) -> str:
        self.header()
        self.opening()
        n_sections = self.rng.randint(5, 9)
        areas = sorted(self.rng.sample(range(len(ph.SECTION_TITLES)), n_sections))
        closing_estimate = 420
        for i, area in enumerate(areas):
            left = n_sections - i
            budget = max(120, (target_chars - self.b.length - closing_estimate) // left)
            self.section(i + 1, area, budget)
        self.closing()
        return self.b.text()


@dataclass
class Generated:
    """One generated report with its metadata and planted spans."""

    index: int
    text: str
    issuer: Issuer
    year: int
    planted: Planted

    @property
    def filename(self) -> str:
        return f"{self.index:06d}.txt"


def _slot(seed: int, index: int, divisions: tuple[Division, ...]) -> tuple[Issuer, int]:
    """The (issuer, year) of report ``index``: unique per index for up to ~200k reports."""
    order = list(range(len(divisions)))
    random.Random(f"divisions:{seed}").shuffle(order)
    group, k = divmod(index, REPORTS_PER_DIVISION)
    rounds, pos = divmod(group, len(order))
    div = divisions[order[pos]]
    # weighted random order of the division's (issuer, year) grid: the government first more often
    rng = random.Random(f"grid:{seed}:{div.code}")
    grid = [(d, y) for d in [None, *range(len(ph.DEPARTMENTS))] for y in YEARS]
    weights = [8.0 if d is None else 1.0 / (1 + d) ** 0.7 for d, _ in grid]
    keys = [rng.random() ** (1.0 / w) for w in weights]
    ranked = [cell for _, cell in sorted(zip(keys, grid, strict=True), key=lambda t: -t[0])]
    dept, year = ranked[(rounds * REPORTS_PER_DIVISION + k) % len(ranked)]
    return Issuer(division=div, department=dept), year


def generate_report(seed: int, index: int) -> Generated:
    """Report number ``index`` of the corpus with this seed (deterministic)."""
    divisions = load_divisions()
    issuer, year = _slot(seed, index, divisions)
    rng = random.Random(f"report:{seed}:{index}")
    style = rng.choice(["inline", "inline", "paren", "paren", "dotted"])
    target = rng.randint(MIN_CHARS + 300, MAX_CHARS - 1_200)
    writer = ReportWriter(rng, issuer, year, style)
    text = writer.write(target)
    return Generated(index=index, text=text, issuer=issuer, year=year, planted=writer.b.planted)


def source_row(rep: Generated) -> str:
    div = rep.issuer.division
    level = {"province": "省", "prefecture": "市", "county": div.generic}[div.level]
    if rep.issuer.department is not None:
        level = f"部门({level})"
    note = f"province={div.province.name}; code={div.code}; generated by bench/generate.py"
    return "\t".join(["", rep.filename, "", rep.issuer.name, level, str(rep.year), note])[1:]


def write_corpus(n: int, seed: int, out: Path, start: int = 0) -> None:
    """Write reports ``start`` … ``n-1`` with SOURCES.tsv and planted.jsonl into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    with (
        (out / "SOURCES.tsv").open("w", encoding="utf-8") as sources,
        (out / "planted.jsonl").open("w", encoding="utf-8") as planted,
    ):
        sources.write("file\turl\ttitle\tjurisdiction\tlevel\tyear\tnote\n")
        for i in range(start, n):
            rep = generate_report(seed, i)
            (out / rep.filename).write_text(rep.text, encoding="utf-8")
            sources.write(source_row(rep) + "\n")
            record = {"file": rep.filename, "issuer": rep.issuer.name, "code": rep.issuer.division.code}
            record |= {"year": rep.year, "chars": len(rep.text), **rep.planted.__dict__}
            planted.write(json.dumps(record, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, required=True, help="number of reports")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True, help="output folder")
    args = ap.parse_args(argv)
    if args.n < 1:
        print("generate: --n must be at least 1", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    write_corpus(args.n, args.seed, args.out)
    print(f"wrote {args.n} reports to {args.out} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

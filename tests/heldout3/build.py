"""Build tests/heldout3/mNN.txt and mNN.json from the marked-up sources in src/mNN.src.

Source format: header lines ``@key: value`` (title, jurisdiction, year, other, optional, notes,
script), a line ``---``, then the body with inline marks:

* ``{A:text}`` a core agency mention, ``{A:text=Core}`` an alias of the core agency ``Core``;
* ``{O:text}`` an optional agency;
* ``{F:text|measure|flags}`` a figure; flags (space separated): ``opt`` optional, ``~`` approx,
  ``#x`` label, ``P:x`` part of the figure labelled x, ``R:a+b/c`` rate over labelled figures.

Regulations and mechanisms come from the 《》 and “” spans of the plain text; sections from the
numbered headings. ``@script: trad`` converts the whole source to traditional script first.
Run: ``.venv/bin/python tests/heldout3/build.py``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9, "壹": 1, "兩": 2}
APPROX_BEFORE = re.compile(r"(约|約|逾|近|超过|超過|不超过|不超過|超|不少于|不少於|不低于|不低於)$")
NOT_APPROX = re.compile(r"(公约|公約|条约|條約|规约|規約|节约|節約|制约|制約|预约|預約)$")
MARK = re.compile(r"\{([AOFH])(?::([^{}]*))?\}")
NUM = re.compile(r"^([0-9][0-9,]*(?:\.[0-9]+)?|[零一二两兩三四五六七八九十百千]+)\s*(万|亿|萬|億)?\s*(余|多|餘)?\s*(.*?)(以上|以内|以內)?$")


def cn_to_int(s: str) -> int:
    """Convert a Chinese numeral below 十万 to an int."""
    total, cur = 0, 0
    for ch in s:
        if ch in CN_DIGITS:
            cur = CN_DIGITS[ch]
        else:
            mult = {"十": 10, "百": 100, "千": 1000}[ch]
            total += (cur or 1) * mult
            cur = 0
    return total + cur


def parse_figure(text: str) -> tuple[float | int, str, bool]:
    """Return (value, unit, approx-inside-span) of a figure span."""
    m = NUM.match(text)
    if not m:
        raise ValueError(f"unparsable figure {text!r}")
    raw, scale, approx_word, unit, above = m.groups()
    raw = raw.replace(",", "")
    value: float | int = float(raw) if "." in raw else (int(raw) if raw.isdigit() else cn_to_int(raw))
    if scale and unit.startswith("元"):
        unit = scale + unit
    elif scale:
        value = value * (10000 if scale in "万萬" else 100000000)
    if isinstance(value, float) and value.is_integer() and "." not in raw:
        value = int(value)
    if isinstance(value, float) and value.is_integer() and scale:
        value = int(value)
    return value, unit.strip(), bool(approx_word or above)


def build(src: Path) -> None:
    raw = src.read_text(encoding="utf-8")
    head, body = raw.split("\n---\n", 1)
    meta: dict[str, str] = {}
    for line in head.splitlines():
        if line.startswith("@"):
            key, _, val = line[1:].partition(":")
            meta[key.strip()] = val.strip()
    if meta.get("script") == "trad":
        import opencc

        conv = opencc.OpenCC("s2tw")
        body = conv.convert(body)
        for key in ("title", "jurisdiction", "other", "optional"):
            if meta.get(key):
                meta[key] = conv.convert(meta[key])
    out: list[str] = []
    pos = 0
    length = 0
    agencies: list[str] = []
    aliases: dict[str, list[str]] = {}
    optional: list[str] = [x for x in meta.get("optional", "").split("|") if x]
    figures: list[dict] = []
    labels: dict[str, int] = {}
    pending: list[tuple[int, str]] = []
    heading_ends: list[int] = []
    if meta.get("join") == "yes":
        body = body.rstrip("\n").replace("\n", "") + "\n"
    for m in MARK.finditer(body):
        out.append(body[pos:m.start()])
        length += m.start() - pos
        kind, inner = m.groups()
        if kind == "H":
            heading_ends.append(length)
        elif kind == "F":
            text, measure, flags = (inner.split("|") + ["", ""])[:3]
            value, unit, approx = parse_figure(text)
            plain_before = "".join(out)[-4:]
            if APPROX_BEFORE.search(plain_before) and not NOT_APPROX.search(plain_before) or "~" in flags.split():
                approx = True
            fig: dict = {"text": text, "value": value, "unit": unit, "approx": approx,
                         "measure": measure, "parts_of": None}
            for flag in flags.split():
                if flag == "opt":
                    fig["optional"] = True
                elif flag.startswith("#"):
                    labels[flag[1:]] = len(figures)
                elif flag.startswith("P:"):
                    fig["parts_of"] = labels[flag[2:]]
                elif flag.startswith("R:"):
                    pending.append((len(figures), flag[2:]))
            figures.append(fig)
            out.append(text)
            length += len(text)
        else:
            text, _, core = inner.partition("=")
            core = "" if core == text else core
            if kind == "O":
                if text not in optional:
                    optional.append(text)
            elif core:
                if core not in agencies:
                    raise ValueError(f"{src.name}: alias {text!r} of unknown {core!r}")
                if text != core and text not in aliases.setdefault(core, []):
                    aliases[core].append(text)
            elif text not in agencies and not any(text in v for v in aliases.values()):
                agencies.append(text)
            out.append(text)
            length += len(text)
        pos = m.end()
    out.append(body[pos:])
    text = "".join(out)
    if "{" in text or "}" in text:
        raise ValueError(f"{src.name}: stray brace")
    for idx, spec in pending:
        nums, den = spec.split("/")
        figures[idx]["rate_of"] = {"numerator": [labels[n] for n in nums.split("+")],
                                   "denominator": labels[den]}
    aliases = {k: v for k, v in aliases.items() if v}
    regs = list(dict.fromkeys(re.findall(r"《([^《》]*)》", text)))
    mechs = list(dict.fromkeys(re.findall(r"“([^“”]*)”", text)))
    other = [x for x in meta.get("other", "").split("|") if x]
    for o in other:
        if o not in mechs:
            raise ValueError(f"{src.name}: quoted_other {o!r} not a quote")
    other = [m for m in mechs if m in other]
    gold = {
        "file": src.stem + ".txt",
        "title": meta.get("title") or None,
        "jurisdiction": meta["jurisdiction"],
        "year": int(meta["year"]),
        "regulations": regs,
        "mechanisms": mechs,
        "quoted_other": other,
        "agencies": agencies,
        "agencies_optional": optional,
        "agency_aliases": aliases,
        "figures": figures,
        "sections": find_sections(text, heading_ends, meta.get("join") == "yes"),
        "notes": meta.get("notes", ""),
    }
    (HERE / (src.stem + ".txt")).write_text(text, encoding="utf-8")
    (HERE / (src.stem + ".json")).write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                             encoding="utf-8")
    print(f"{src.stem}: {len(text)} chars, {len(regs)} regs, {len(mechs)} quotes ({len(other)} other), "
          f"{len(agencies)} agencies, {len(figures)} figures, {len(gold['sections'])} sections")


CN = "一二三四五六七八九十"
HEADING = re.compile(
    rf"^(?P<n1>[{CN}]+)、|^(?P<n2>[(（][{CN}]+[)）])|^(?P<n3>[0-9]+[.．、])|^(?P<n4>\([0-9]+\)|（[0-9]+）)",
    re.M,
)
INLINE = re.compile(rf"(?:^|(?<=[。：:；;，,]))(?P<n>[{CN}]+是)[，,：:]?", re.M)


def find_sections(text: str, heading_ends: list[int], lost_breaks: bool) -> list[dict]:
    """Numbered headings in text order (line-start markers and 一是 items).

    ``{H}`` marks end a heading; in a text with lost line breaks a heading also starts after 。.
    """
    for pos in sorted(heading_ends, reverse=True):
        text = text[:pos] + "\n" + text[pos:]
    if lost_breaks:
        text = text.replace("。", "。\n")
    found: list[tuple[int, str, int, int]] = []
    for m in HEADING.finditer(text):
        if m.group("n1"):
            found.append((m.start(), m.group("n1"), 1, m.end()))
        elif m.group("n2"):
            found.append((m.start(), m.group("n2"), 2, m.end()))
        elif m.group("n3"):
            found.append((m.start(), m.group("n3").rstrip("、"), 3, m.end()))
        else:
            found.append((m.start(), m.group("n4"), 4, m.end()))
    for m in INLINE.finditer(text):
        found.append((m.start(), m.group("n"), 4, m.end("n")))
    sections = []
    for _, number, level, end in sorted(found):
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        stop = text.find("。", end, line_end)
        title = text[end:stop if stop >= 0 else line_end].strip()
        title = title.lstrip("，,：:")
        sections.append({"number": number, "title": title, "level": level})
    return sections


if __name__ == "__main__":
    names = sys.argv[1:] or sorted(p.stem for p in (HERE / "src").glob("*.src"))
    for name in names:
        build(HERE / "src" / f"{name}.src")

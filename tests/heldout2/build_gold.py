"""Build tests/heldout2/kNN.txt and kNN.json from the marked-up sources in tests/heldout2/src/.

Markup (written by hand, blind to the extractor):
  header lines ``#key: value`` (title, jurisdiction, year, notes, qo = quoted_other joined by ``|``,
  aliases = ``core=alias|…`` for aliases seen only inside other names, flags = ``trad`` and/or ``joined``);
  ``[[X]]`` core agency, ``[[X>Y]]`` alias X of core Y, ``[[?X]]`` optional agency;
  ``{{text|measure|opts}}`` figure; opts: ``a`` approx, ``?`` optional, ``#id`` label,
  ``^id`` part of the figure labelled id, ``r=id+id/id`` rate, ``v=`` value, ``u=`` unit;
  ``§`` starts a section heading, ``¦`` ends its title early.
Regulations and mechanisms are the 《》 and “” spans of the clean text.
Run: .venv/bin/python tests/heldout2/build_gold.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
CN = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNIT = {"十": 10, "百": 100, "千": 1000}
TOKEN = re.compile(r"\[\[(.+?)\]\]|\{\{(.+?)\}\}|§|¦")
SECTION = re.compile(r"([一二三四五六七八九十]+是)|([一二三四五六七八九十]+)、|([(（][一二三四五六七八九十]+[)）])"
                     r"|(\d+)[、]|(\d+[.．])|([(（]\d+[)）])")


def cn_number(s: str) -> int:
    """Chinese numeral (up to thousands) to int."""
    total, cur = 0, 0
    for ch in s:
        if ch in CN:
            cur = CN[ch]
        elif ch in CN_UNIT:
            total += (cur or 1) * CN_UNIT[ch]
            cur = 0
    return total + cur


NUM = re.compile(r"^([0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+)\s*(万|亿)?(余|多)?\s*(.*?)(以上|余|多)?$")


def parse_figure(text: str) -> tuple[float | int, str, bool]:
    """Value, unit and approx of a figure span."""
    m = NUM.match(text.translate(str.maketrans("萬億餘兩個", "万亿余两个")))
    if not m:
        raise ValueError(f"cannot parse figure {text!r}")
    num, mult, approx1, unit, approx2 = m.groups()
    unit = text[m.start(4):m.end(4)]
    if mult:
        mult = text[m.start(2):m.end(2)]
    value: float = float(num) if num[0].isdigit() else cn_number(num)
    if mult and unit.startswith("元"):  # 万元/亿元 kept as unit
        unit = mult + unit
    elif mult:
        value *= 10000 if mult in "万萬" else 100000000
    value = round(value, 4)
    out: float | int = int(value) if value == int(value) else value
    return out, unit.strip(), bool(approx1 or approx2)


def build(src: Path) -> None:
    lines = src.read_text(encoding="utf-8").split("\n")
    meta: dict[str, str] = {}
    while lines and lines[0].startswith("#"):
        key, _, val = lines.pop(0)[1:].partition(":")
        meta[key.strip()] = val.strip()
    body = "\n".join(lines).strip("\n") + "\n"
    flags = meta.get("flags", "").split()
    if "trad" in flags:
        from opencc import OpenCC

        cc = OpenCC("s2t")
        body = cc.convert(body)
        for k in ("title", "jurisdiction", "qo", "aliases"):
            if k in meta:
                meta[k] = cc.convert(meta[k])
    if "joined" in flags:
        head, _, rest = body.partition("\n")
        body = head + rest.replace("\n", "") + "\n" if meta.get("title") else body.replace("\n", "") + "\n"
        if "joinall" in flags:
            body = body.replace("\n", "")
    out: list[str] = []
    pos = 0
    agencies: list[str] = []
    optional: list[str] = []
    aliases: dict[str, list[str]] = {}
    figures: list[dict] = []
    labels: dict[str, int] = {}
    rates: list[tuple[int, str]] = []
    section_starts: list[int] = []
    section_ends: dict[int, int] = {}
    length = 0
    for m in TOKEN.finditer(body):
        chunk = body[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        tok = m.group(0)
        if tok == "§":
            section_starts.append(length)
            continue
        if tok == "¦":
            section_ends[section_starts[-1]] = length
            continue
        if m.group(1):
            spec = m.group(1)
            if spec.startswith("?"):
                surface = spec[1:]
                if surface not in optional:
                    optional.append(surface)
            elif ">" in spec:
                surface, core = spec.split(">")
                if core not in agencies:
                    raise ValueError(f"{src.name}: alias {surface} of unknown core {core}")
                if surface != core and surface not in aliases.setdefault(core, []):
                    aliases[core].append(surface)
            else:
                surface = spec
                if surface not in agencies:
                    agencies.append(surface)
        else:
            parts = m.group(2).split("|")
            surface, measure = parts[0], parts[1]
            opts = parts[2].split() if len(parts) > 2 else []
            value, unit, approx = parse_figure(surface)
            fig: dict = {"text": surface, "value": value, "unit": unit, "approx": approx, "measure": measure,
                         "parts_of": None}
            for o in opts:
                if o == "a":
                    fig["approx"] = True
                elif o == "?":
                    fig["optional"] = True
                elif o.startswith("#"):
                    labels[o[1:]] = len(figures)
                elif o.startswith("^"):
                    fig["parts_of"] = labels[o[1:]]
                elif o.startswith("r="):
                    rates.append((len(figures), o[2:]))
                elif o.startswith("v="):
                    fig["value"] = json.loads(o[2:])
                elif o.startswith("u="):
                    fig["unit"] = o[2:]
                else:
                    raise ValueError(f"{src.name}: bad option {o}")
            figures.append(fig)
        out.append(surface)
        length += len(surface)
    out.append(body[pos:])
    text = "".join(out)
    for idx, spec in rates:
        num, den = spec.split("/")
        figures[idx]["rate_of"] = {"numerator": [labels[x] for x in num.split("+")], "denominator": labels[den]}
    sections = []
    for start in section_starts:
        sm = SECTION.match(text, start)
        if not sm:
            raise ValueError(f"{src.name}: no section marker at {text[start:start + 10]!r}")
        g = sm.groups()
        if g[0]:
            number, level = g[0], 4
        elif g[1]:
            number, level = g[1], 1
        elif g[2]:
            number, level = g[2], 2
        elif g[3]:
            number, level = g[3], 3
        elif g[4]:
            number, level = g[4], 3
        else:
            number, level = g[5], 4  # (1): below 1. in 一、>(一)>1.>(1)
        tstart = sm.end()
        end = section_ends.get(start)
        if end is None:
            stops = [i for i in (text.find("。", tstart), text.find("\n", tstart)) if i >= 0]
            end = min(stops) if stops else len(text)
        sections.append({"number": number, "title": text[tstart:end].strip(), "level": level})
    regulations = list(dict.fromkeys(re.findall(r"《([^《》]*)》", text)))
    mechanisms = list(dict.fromkeys(re.findall(r"“([^“”]*)”", text)))
    qo = [q for q in meta.get("qo", "").split("|") if q]
    for q in qo:
        if q not in mechanisms:
            raise ValueError(f"{src.name}: quoted_other {q!r} is not a quote")
    for pair in filter(None, meta.get("aliases", "").split("|")):
        core, alias = pair.split("=")
        if core not in agencies:
            raise ValueError(f"{src.name}: alias {alias} of unknown core {core}")
        if alias not in aliases.setdefault(core, []):
            aliases[core].append(alias)
    gold = {
        "file": src.stem + ".txt",
        "title": meta.get("title") or None,
        "jurisdiction": meta["jurisdiction"],
        "year": int(meta["year"]),
        "regulations": regulations,
        "mechanisms": mechanisms,
        "quoted_other": [q for q in mechanisms if q in qo],
        "agencies": agencies,
        "agencies_optional": optional,
        "agency_aliases": {k: v for k, v in aliases.items() if v},
        "figures": figures,
        "sections": sections,
        "notes": meta.get("notes", ""),
    }
    (HERE / (src.stem + ".txt")).write_text(text, encoding="utf-8")
    (HERE / (src.stem + ".json")).write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{src.stem}: {len(text)} chars, {len(agencies)} agencies, {len(figures)} figures, "
          f"{len(sections)} sections, {len(regulations)} regs, {len(mechanisms)} quotes")


if __name__ == "__main__":
    for path in sorted((HERE / "src").glob("*.src")) if len(sys.argv) < 2 else map(Path, sys.argv[1:]):
        build(path)

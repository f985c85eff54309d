"""Hostile files, property-based (hypothesis): the ingester never crashes, never hangs, never half-loads.

Inputs are random bytes, bundled reports mutated (chunks inserted, deleted, duplicated), broken
UTF-8/GBK, deep nesting of 《（“【, unbalanced brackets and quotes, control, zero-width and RTL
characters, runs of numbers and percent signs, thousands of 《》; megabyte lines run in a subprocess
with a wall bound. Properties:

* reading + extraction raises nothing but ``InputError``;
* every mention's span is exact: ``doc.text[start:end] == text``;
* an example costs less than ``CPU_BOUND`` CPU seconds (CPU, not wall time: the bound holds on a
  loaded machine);
* ``doc_to_rdf`` + ``Store.replace_graphs`` lands the report's graphs whole, or (when the update
  fails) leaves the store exactly as it was.

CI runs a fixed, derandomised sample; ``HYPOTHESIS_PROFILE=long`` (or ``bench/reliability_fuzz.py``)
explores more.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.decode import InputError

ROOT = Path(__file__).resolve().parent.parent
REPORTS = sorted((ROOT / "data" / "reports").glob("*.txt"))
PROSE = [p.read_text(encoding="utf-8") for p in REPORTS]

LONG = os.environ.get("HYPOTHESIS_PROFILE") == "long"
PROFILE = settings(
    max_examples=400 if LONG else 40,
    deadline=None,  # wall time swings with the machine's load: the bound is on CPU time (CPU_BOUND)
    derandomize=not LONG,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)

#: CPU seconds one example may take (reading, extraction, RDF, store): a pathological file costs at most a
#: few seconds; a hang or catastrophic backtracking goes far past this.
CPU_BOUND = 10.0

# Hostile pieces, inserted into real prose.
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060"]
RTL = ["\u200f", "\u202e", "\u202b", "\u2067", "\u061c"]
CONTROL = [chr(c) for c in (*range(1, 9), 11, 12, *range(14, 32), 127, 0x85)]
OPENERS, CLOSERS = "《（“【(「『〔[{‘", "》）”】)」』〕]}’"
SNIPPETS = [
    "《", "》", "“", "”", "（", "）", "【", "】", "(", ")", "「", "」", "%", "％", "‰",
    "《中华人民共和国行政处罚法》", "“放管服”", "共办理案件123件，同比增长45.6%", "第一条", "一、", "（一）",
    "1.", "一是", "\r", "\r\n", "\n\n\n", "\t", "\ufffd", "\U0001f600", "\u3000", "，。；：",
]


def _spread(text: str, pieces: list[str], rng_positions: list[int]) -> str:
    """``pieces`` inserted into ``text`` at the given (clamped) positions."""
    out = text
    for piece, pos in zip(pieces, rng_positions, strict=False):
        pos %= len(out) + 1
        out = out[:pos] + piece + out[pos:]
    return out


@st.composite
def mutated_prose(draw) -> str:
    """A bundled report with chunks inserted, deleted or duplicated, and hostile pieces sprinkled in."""
    text = draw(st.sampled_from(PROSE))
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["insert", "delete", "duplicate", "swap"]))
        i = draw(st.integers(0, len(text)))
        j = min(len(text), i + draw(st.integers(0, 400)))
        if op == "insert":
            text = text[:i] + draw(st.text(min_size=1, max_size=40)) + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] * draw(st.integers(1, 20)) + text[j:]
        else:
            k = min(len(text), j + (j - i))
            text = text[:i] + text[j:k] + text[i:j] + text[k:]
    alphabet = SNIPPETS + ZERO_WIDTH + RTL + CONTROL + list(OPENERS) + list(CLOSERS)
    n = draw(st.integers(0, 60))
    pieces = draw(st.lists(st.sampled_from(alphabet), min_size=n, max_size=n))
    positions = draw(st.lists(st.integers(0, 1 << 20), min_size=n, max_size=n))
    return _spread(text, pieces, positions)


@st.composite
def inside_words(draw) -> str:
    """Zero-width, RTL or control characters inside words: after every few characters of a report."""
    text = draw(st.sampled_from(PROSE))[:3000]
    junk = draw(st.sampled_from([ZERO_WIDTH, RTL, CONTROL[:3], ZERO_WIDTH + RTL]))
    step = draw(st.integers(1, 7))
    return "".join(ch + (junk[i % len(junk)] if i % step == 0 else "") for i, ch in enumerate(text))


@st.composite
def nesting(draw) -> str:
    """Deeply nested or unbalanced 《（“【 inside a report."""
    text = draw(st.sampled_from(PROSE))[:2000]
    depth = draw(st.integers(1, 3000))
    openers = draw(st.text(alphabet=OPENERS, min_size=1, max_size=4))
    closers = draw(st.text(alphabet=CLOSERS, min_size=0, max_size=4))
    core = draw(st.sampled_from(["法", "行政处罚法", "12.5%", "", "“依法行政”", "第三条"]))
    unbalanced = draw(st.booleans())
    block = openers * depth + core + closers * (depth // 2 if unbalanced else depth)
    return _spread(text, [block], [draw(st.integers(0, len(text)))])


@st.composite
def numbers_and_brackets(draw) -> str:
    """Very many numbers, percent signs or 《》 titles in a row."""
    text = draw(st.sampled_from(PROSE))[:2000]
    unit = draw(st.sampled_from([
        "12.5%", "增长3.4%，", "共1件", "《》", "《法》", "《中华人民共和国》、", "100%", "％", "1,234,567.89万元",
        "一是", "第1条", "3", "“”", "(1)",
    ]))
    block = unit * draw(st.integers(100, 5000))
    return text + block + text[:500]


def _corrupt(raw: bytes, positions: list[int], junk: list[bytes]) -> bytes:
    out = bytearray(raw)
    for pos, bad in zip(positions, junk, strict=False):
        pos %= len(out) + 1
        out[pos:pos] = bad
    return bytes(out)


@st.composite
def broken_encoding(draw) -> bytes:
    """A report in UTF-8 or GBK with invalid sequences: stray bytes, cut characters, surrogate encodings."""
    text = draw(st.sampled_from(PROSE))[:4000]
    raw = text.encode(draw(st.sampled_from(["utf-8", "gbk", "utf-8-sig", "utf-16"])), errors="replace")
    junk = [b"\xff", b"\x80", b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xc0\xaf", b"\xe6\xb3", b"\x81", b"\xfe\xfe",
            b"\x00", b"\xef\xbb\xbf", b"\xa1"]
    n = draw(st.integers(1, 300))
    bad = draw(st.lists(st.sampled_from(junk), min_size=n, max_size=n))
    positions = draw(st.lists(st.integers(0, 1 << 20), min_size=n, max_size=n))
    out = _corrupt(raw, positions, bad)
    if draw(st.booleans()):
        out = out[: draw(st.integers(0, len(out)))]  # cut in the middle of a character
    return out


def _utf8_or_gbk(draw, text: str) -> bytes:
    if draw(st.booleans()):
        return text.encode("utf-8", errors="surrogatepass")
    return text.encode("gb18030", errors="replace")


@st.composite
def hostile_bytes(draw) -> bytes:
    kind = draw(st.sampled_from(["random", "text", "prose", "words", "nesting", "numbers", "broken"]))
    if kind == "random":
        return draw(st.binary(max_size=5000))
    if kind == "broken":
        return draw(broken_encoding())
    if kind == "text":
        return _utf8_or_gbk(draw, draw(st.text(max_size=3000)))
    strategy = {"prose": mutated_prose, "words": inside_words, "nesting": nesting, "numbers": numbers_and_brackets}
    return _utf8_or_gbk(draw, draw(strategy[kind]()))


def spans(payload) -> list[dict]:
    """Every dict with ``start``, ``end`` and ``text`` anywhere in the extract JSON."""
    out: list[dict] = []
    if isinstance(payload, dict):
        if isinstance(payload.get("start"), int) and isinstance(payload.get("end"), int) and "text" in payload:
            out.append(payload)
        for value in payload.values():
            out += spans(value)
    elif isinstance(payload, list):
        for value in payload:
            out += spans(value)
    return out


def extract_or_refuse(raw: bytes, folder: Path):
    """The Doc for ``raw`` read as a report file, or None when it is refused with ``InputError``."""
    from ingest.pipeline import extract_file

    path = folder / "hostile.txt"
    path.write_bytes(raw)
    started = time.process_time()
    try:
        doc = extract_file(path)
    except InputError:
        return None
    finally:
        cpu = time.process_time() - started
        assert cpu < CPU_BOUND, f"{cpu:.1f} CPU s for {len(raw)} bytes"
    for span in spans(doc.to_extract_json()):
        assert doc.text[span["start"]:span["end"]] == span["text"], span
    return doc


@PROFILE
@given(raw=hostile_bytes())
def test_extraction_raises_only_input_error_and_spans_are_exact(raw, tmp_path):
    extract_or_refuse(raw, tmp_path)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from fazhi.store import LocalStore

    store = LocalStore(tmp_path_factory.mktemp("hostile") / "store")
    yield store
    store.close()


def _snapshot(store) -> dict[str, int]:
    rows = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                       union_default_graph=False)
    return {row["g"].value: int(row["n"].value) for row in rows}


def _canonical_count(ntriples: str) -> int:
    import pyoxigraph as ox

    mem = ox.Store()
    mem.load(ntriples, format=ox.RdfFormat.N_TRIPLES)
    return len(mem)


@PROFILE
@given(raw=st.one_of(hostile_bytes(), st.builds(lambda t: t.encode(), mutated_prose())))
def test_a_hostile_report_lands_whole_or_not_at_all(raw, tmp_path, store):
    from fazhi.namespaces import ENTITIES_GRAPH, report_graph
    from fazhi.store import StoreError
    from ingest.to_rdf import doc_to_rdf

    doc = extract_or_refuse(raw, tmp_path)
    if doc is None:
        return
    rdf = doc_to_rdf(doc, run_id="20261127T000000Z-0000abcd")
    report_nt, entities_nt = rdf.report.serialize(format="nt"), rdf.entities.serialize(format="nt")
    before = _snapshot(store)
    try:
        store.replace_graphs({report_graph(rdf.key): report_nt}, merge={str(ENTITIES_GRAPH): entities_nt})
    except (StoreError, SyntaxError, ValueError, OSError):
        assert _snapshot(store) == before, "a failed replace changed the store"
        return
    after = _snapshot(store)
    assert after.get(report_graph(rdf.key), 0) == _canonical_count(report_nt), "the report graph is not whole"
    others = {g: n for g, n in after.items() if g not in (report_graph(rdf.key), str(ENTITIES_GRAPH))}
    assert others == {g: n for g, n in before.items() if g not in (report_graph(rdf.key), str(ENTITIES_GRAPH))}
    assert after.get(str(ENTITIES_GRAPH), 0) >= before.get(str(ENTITIES_GRAPH), 0)


def huge_cases() -> dict[str, str]:
    """Megabyte texts: one line without a newline, deep nesting, a run of numbers, thousands of 《》."""
    seed = PROSE[-1] if "taierzhuang" in REPORTS[-1].name else max(PROSE, key=len)
    line = seed.replace("\n", "")
    return {
        "1 MB line": (line * (1_000_000 // len(line) + 1))[:1_000_000],
        "deep nesting": seed + "《（“【" * 60_000 + "法" + "】”）》" * 30_000,
        "numbers and percents": seed + "增长12.5%，下降3.4％，共1,234件，" * 4_000,  # 12,000 figures
        "thousands of titles": seed + "《中华人民共和国行政处罚法》、《》" * 5_000 + "《" * 50_000,
    }


_HUGE_RUNNER = """
import json, sys
from ingest.decode import InputError
from ingest.pipeline import extract_file
out = {}
for path in sys.argv[1:]:
    try:
        doc = extract_file(path)
    except InputError as e:
        out[path] = {"refused": str(e)}
        continue
    bad = [m for lst in ("agencies", "regulations", "mechanisms", "figures") for m in doc.to_extract_json()[lst]
           if doc.text[m["start"]:m["end"]] != m["text"]]
    out[path] = {"bad_spans": len(bad), "regulations": len(doc.regulations), "figures": len(doc.figures)}
print(json.dumps(out))
"""
HUGE_WALL = 240  # seconds for all huge cases together in one subprocess (a hang fails the test)


def test_megabyte_lines_and_nesting_finish_within_a_wall_bound(tmp_path):
    paths = []
    for i, (name, text) in enumerate(huge_cases().items()):
        path = tmp_path / f"huge-{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append((name, str(path)))
    proc = subprocess.run([sys.executable, "-c", _HUGE_RUNNER, *(p for _, p in paths)], capture_output=True,
                          text=True, timeout=HUGE_WALL, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(proc.stdout)
    for name, path in paths:
        assert results[path].get("bad_spans", 0) == 0, (name, results[path])


def test_a_replace_that_fails_half_way_leaves_the_store_as_it_was(tmp_path, store):
    """The failing branch, made certain: a report in the store is replaced by N-Triples that break half-way
    (… and stays whole: the DROP and the INSERT are one transaction)."""
    from fazhi.namespaces import ENTITIES_GRAPH, report_graph
    from fazhi.store import StoreError
    from ingest.to_rdf import doc_to_rdf

    doc = extract_or_refuse(REPORTS[0].read_bytes(), tmp_path)
    rdf = doc_to_rdf(doc, run_id="20261127T000000Z-0000abcd")
    lines = rdf.report.serialize(format="nt").splitlines()
    broken = "\n".join(lines[: len(lines) // 2] + ['<urn:x> <urn:p> "unterminated .'] + lines[len(lines) // 2:])
    store.replace_graphs({report_graph(rdf.key): "\n".join(lines)})  # the report is in the store …
    before = _snapshot(store)
    assert before[report_graph(rdf.key)] > 0
    with pytest.raises((StoreError, SyntaxError, ValueError, OSError)):
        store.replace_graphs({report_graph(rdf.key): broken},
                             merge={str(ENTITIES_GRAPH): rdf.entities.serialize(format="nt")})
    assert _snapshot(store) == before

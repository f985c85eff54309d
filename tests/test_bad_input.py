"""Bad input through the real command line: clear messages naming the file, exit codes, no crash, no
hang, and a store that keeps its previous content when a file fails (issues 2 and 3, "Bad input")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import fazhi, quads

from ingest.decode import decode_bytes

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"
SEED = REPORTS / "taierzhuang-2019.txt"


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


# Files that must be refused: name → (bytes, words that the message must contain).
def _refused(tmp: Path) -> dict[str, tuple[bytes, tuple[str, ...]]]:
    seed = seed_text()
    broken = bytearray(seed.encode("utf-8"))
    for i in range(100, len(broken), 40):
        broken[i] = 0xFF
    return {
        "empty.txt": (b"", ("empty",)),
        "blank.txt": (b"\xef\xbb\xbf \n\t\n", ("empty",)),
        "binary.txt": (bytes(range(256)) * 40, ("binary",)),
        "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(2000), ("binary",)),
        "mangled.txt": (bytes(broken), ("broken UTF-8", "invalid byte")),
        "latin1.txt": ("Résumé café naïve ".encode("latin-1") * 100, ("not UTF-8",)),
        "english.txt": (b"This annual report describes the weather in spring. " * 60, ("not a report", "Latin")),
        "punctuation.txt": ("。,、;:!?《》“”()【】……——".encode() * 300, ("not a report", "punctuation")),
        "novel.txt": (("春天来了,小河里的水哗哗地流着,孩子们在岸边放风筝。" * 40).encode(), ("not a law-based",)),
    }


@pytest.fixture(scope="module")
def bad_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    for name, (data, _) in _refused(folder).items():
        (folder / name).write_bytes(data)
    return folder


@pytest.mark.parametrize("name", list(_refused(Path("."))))
def test_extract_refuses_with_a_message_naming_file_and_problem(bad_dir, name):
    path = bad_dir / name
    res = fazhi("extract", str(path))
    assert res.returncode == 1
    assert res.stdout == ""
    assert "Traceback" not in res.stderr
    line = res.stderr.strip()
    assert str(path) in line and len(line.splitlines()) == 1
    assert any(word in line for word in _refused(bad_dir)[name][1]), line


def test_too_large_file_and_folder_given_as_file(tmp_path):
    big = tmp_path / "big.txt"
    text = seed_text()
    with big.open("w", encoding="utf-8") as fh:
        for _ in range(20 * 1024 * 1024 // len(text.encode()) + 1):
            fh.write(text)
    assert big.stat().st_size > 20 * 1024 * 1024
    res = fazhi("extract", str(big))
    assert res.returncode == 1 and str(big) in res.stderr and "too large" in res.stderr
    assert "--max-bytes" in res.stderr
    res = fazhi("extract", str(tmp_path))
    assert res.returncode == 1 and str(tmp_path) in res.stderr and "folder" in res.stderr
    res = fazhi("extract", str(tmp_path / "missing.txt"))
    assert res.returncode == 1 and "missing.txt" in res.stderr and "Traceback" not in res.stderr


def _extraction(path: Path) -> dict:
    res = fazhi("extract", "--indent", "0", str(path))
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


def _without_file_identity(ex: dict) -> dict:
    return {k: v for k, v in ex.items() if k not in ("source", "sha256", "warnings")}


def test_gbk_gives_the_same_extraction_as_utf8(tmp_path):
    utf8 = _extraction(SEED)
    assert utf8["report"]["published"] == "2020-01-15" and utf8["report"]["year"] == 2019
    (tmp_path / "gbk.txt").write_bytes(seed_text().encode("gbk"))
    gbk = _extraction(tmp_path / "gbk.txt")
    assert _without_file_identity(gbk) == _without_file_identity(utf8)
    assert gbk["sha256"] != utf8["sha256"]


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-16", "utf-16-be-bom"])
def test_other_encodings_decode_to_the_same_text(encoding):
    """The same text means the same extraction (the pipeline only sees the decoded text)."""
    text = seed_text()
    data = b"\xfe\xff" + text.encode("utf-16-be") if encoding == "utf-16-be-bom" else text.encode(encoding)
    assert decode_bytes(data, "x.txt").text == text


def test_traditional_big5_reads_like_its_utf8_copy():
    text = (REPORTS / "003.txt").read_text(encoding="utf-8").replace("?!毒V要", "。《綱要")  # garble not in Big5
    dec = decode_bytes(text.encode("big5hkscs"), "big5.txt")
    assert dec.text == text and dec.encoding == "big5hkscs"


def _check_offsets(ex: dict, text: str) -> None:
    for kind in ("agencies", "regulations", "mechanisms", "figures"):
        for m in ex[kind]:
            assert text[m["start"] : m["end"]] == m["text"], (kind, m)
    for s in ex["sections"]:
        assert 0 <= s["start"] <= s["end"] <= len(text)


def _pathological() -> dict[str, tuple[str, str]]:
    """name → (text, words of the warning)."""
    seed = seed_text()
    cut = seed.index("\n二、加强规范性文件管理")  # insert at the end of section 一
    return {
        "unclosed_title.txt": (seed[:cut] + "制定《台儿庄区行政规范性文件管理办法" + seed[cut:], "unbalanced title bracket"),
        "never_closed.txt": (seed + "\n根据《" + "法治政府建设" * 500, "never closed"),
        "unbalanced_quotes.txt": (seed.replace("”", "", 4), "unbalanced quotation mark"),
        "digits.txt": (seed[:cut] + "共办理" + "1234567890" * 4 + "件。" + seed[cut:], "40 digits"),
        "nested.txt": (seed[:cut] + "《" * 10000 + "法" + "》" * 10000 + "(" * 10000 + ")" * 10000
                       + "“" * 10000 + "”" * 10000 + "\n" + seed[cut:], "nested 10000 deep"),
    }


@pytest.mark.parametrize("name", list(_pathological()))
def test_pathological_texts_extract_with_a_warning(tmp_path, name):
    text, warning = _pathological()[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    res = fazhi("extract", "--indent", "0", str(path))
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    assert any(str(path) in ln and warning in ln for ln in res.stderr.splitlines()), res.stderr
    ex = json.loads(res.stdout)
    _check_offsets(ex, text)
    assert [s["number"] for s in ex["sections"] if s["level"] == 1] == list("一二三四五六七八")
    assert ex["report"]["year"] == 2019


def test_a_few_broken_utf8_bytes_are_replaced_with_a_warning(tmp_path):
    data = bytearray(SEED.read_bytes())
    data[500] = 0xFF
    path = tmp_path / "one_bad_byte.txt"
    path.write_bytes(bytes(data))
    res = fazhi("extract", "--indent", "0", str(path))
    assert res.returncode == 0
    assert str(path) in res.stderr and "broken UTF-8" in res.stderr and "the first near byte" in res.stderr
    ex = json.loads(res.stdout)
    assert ex["report"]["year"] == 2019 and len(ex["sections"]) > 8


def test_ingest_keeps_the_store_when_files_fail(tmp_path, bad_dir):
    store = tmp_path / "store"
    # --no-validate: this test is about bad input and atomicity, not about the shapes.
    first = fazhi("ingest", "-q", "--no-validate", "--store", str(store), str(SEED))
    assert first.returncode == 0, first.stderr
    before = quads(store)
    assert before > 1000

    # One bad file: the whole command fails, the message names it, nothing is written.
    res = fazhi("ingest", "-q", "--store", str(store), str(bad_dir / "empty.txt"))
    assert res.returncode == 1
    assert f"FAILED {bad_dir / 'empty.txt'}: " in res.stderr and "empty" in res.stderr
    assert quads(store) == before

    # A batch of bad files: each is listed in the summary; the store is unchanged.
    big = tmp_path / "big" / "big.txt"
    big.parent.mkdir()
    text = seed_text().encode("utf-8")
    big.write_bytes(text * (20 * 1024 * 1024 // len(text) + 1))  # 20 MB of real report text
    res = fazhi("ingest", "-q", "--store", str(store), str(bad_dir), str(big))
    assert res.returncode == 1
    for name in _refused(bad_dir):
        assert f"FAILED {bad_dir / name}: " in res.stderr, name
    assert f"FAILED {big}: " in res.stderr and "too large" in res.stderr
    assert "Traceback" not in res.stderr
    assert quads(store) == before

    # Good and bad together: the good file loads, the bad ones are listed, exit status 1.
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    (mixed / "001.txt").write_bytes((REPORTS / "001.txt").read_bytes())
    (mixed / "binary.txt").write_bytes(bytes(range(256)) * 8)
    res = fazhi("ingest", "-q", "--no-validate", "--store", str(store), str(mixed))
    assert res.returncode == 1
    assert "ingested 1/2 report(s)" in res.stderr
    assert f"FAILED {mixed / 'binary.txt'}: binary" in res.stderr
    assert quads(store) > before


def test_a_very_long_digit_run_does_not_crash_extract(tmp_path):
    """Over Python's 4300-digit int() limit: a warning, no traceback."""
    path = tmp_path / "digits5000.txt"
    path.write_text(seed_text() + "\n共" + "1234567890" * 500 + "件。\n", encoding="utf-8")
    res = fazhi("extract", "--indent", "0", str(path))
    assert res.returncode == 0 and "Traceback" not in res.stderr
    assert "5000 digits" in res.stderr


def test_ingest_of_pathological_texts_loads_them_with_warnings_beside_a_failure(tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    for name in ("nested.txt", "never_closed.txt"):
        (folder / name).write_text(_pathological()[name][0], encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    store = tmp_path / "store"
    res = fazhi("ingest", "-q", "--no-validate", "--store", str(store), str(folder))
    assert res.returncode == 1  # the empty file failed; the two odd ones loaded
    assert "ingested 2/3 report(s)" in res.stderr and "1 failure(s)" in res.stderr
    assert f"warning: {folder / 'nested.txt'}: title bracket 《 nested 10000 deep" in res.stderr
    assert f"warning: {folder / 'never_closed.txt'}: unbalanced title bracket 《" in res.stderr
    assert quads(store) > 1000


def test_a_few_broken_gbk_bytes_are_replaced_with_a_warning():
    data = bytearray(seed_text().encode("gbk"))
    data[600:602] = b"\xff\xff"
    dec = decode_bytes(bytes(data), "broken_gbk.txt")
    assert dec.encoding == "gb18030" and "\ufffd" in dec.text
    assert dec.warnings and dec.warnings[0].startswith("broken_gbk.txt: broken GB18030/GBK")

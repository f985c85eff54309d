"""The same-length matching copy: traditional → simplified, full-width folding, offsets kept."""

from __future__ import annotations

from pathlib import Path

from ingest.normalize import normalize
from ingest.t2s import T2S

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"


def test_table_is_one_to_one_and_large():
    assert len(T2S) > 2500
    assert all(len(k) == 1 and len(v) == 1 and k != v for k, v in T2S.items())


def test_traditional_report_simplified_with_same_length():
    text = (REPORTS / "003.txt").read_text(encoding="utf-8")
    norm = normalize(text)
    assert len(norm) == len(text)
    assert "司法部坚持以习近平新时代中国特色社会主义思想为指导" in norm
    assert "加强党对法治政府建设的领导" in norm
    assert "“四个意识”" in norm and "“两个维护”" in norm
    # Offsets found in the copy slice the original.
    i = norm.index("法治政府建设实施纲要")
    assert text[i : i + 10] == "法治政府建設實施綱要"


def test_every_report_keeps_length_and_simplified_text_unchanged():
    for path in REPORTS.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        assert len(normalize(text)) == len(text), path.name
    seed = (REPORTS / "taierzhuang-2019.txt").read_text(encoding="utf-8")
    # A simplified text only changes in folded punctuation and spaces.
    changed = {a for a, b in zip(seed, normalize(seed), strict=True) if a != b}
    assert changed <= set("（）：，；？！０１２３４５６７８９　\r")


def test_folding_of_punctuation_spaces_and_line_ends():
    assert normalize("（一）：１２％，ＡＢ") == "(一):12%,AB"
    assert normalize("a\u3000b\u00a0c\r\nd") == "a b c\n\nd"
    assert normalize("《》“”、。〔〕") == "《》“”、。〔〕"  # Chinese marks are kept
    assert normalize("國務院關於") == "国务院关于"


def test_characters_also_used_in_simplified_names_are_kept():
    assert normalize("乾县人民政府") == "乾县人民政府"
    assert normalize("關於徵收") == "关于征收"

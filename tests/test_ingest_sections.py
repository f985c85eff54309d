"""Numbered headings: levels, numbers, titles, extents and nesting, on real reports and crafted texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.metadata import extract_metadata
from ingest.model import Doc
from ingest.sections import extract_sections

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "data" / "reports"
GOLD = ROOT / "tests" / "gold"
NAMES = sorted(p.stem for p in REPORTS.glob("*.txt"))


def sections_of(text: str) -> tuple[Doc, list]:
    doc = Doc.from_text(text)
    extract_metadata(doc)
    extract_sections(doc)
    return doc, doc.sections


def report(name: str):
    return sections_of((REPORTS / f"{name}.txt").read_text(encoding="utf-8"))


def titles_agree(pred: str, gold: str) -> bool:
    return pred == gold or pred.startswith(gold) or gold.startswith(pred)


@pytest.mark.parametrize("name", NAMES)
def test_sections_match_gold(name):
    gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))["sections"]
    doc, secs = report(name)
    assert [(s.number, s.level) for s in secs] == [(g["number"], g["level"]) for g in gold]
    for s, g in zip(secs, gold, strict=True):
        assert titles_agree(s.title, g["title"]), (s.title, g["title"])
        assert doc.text[s.title_start : s.title_end] == s.title
        assert s.start <= s.title_start <= s.title_end <= s.end <= len(doc.text)


def test_scores_against_gold(capsys):
    files_ok = n_gold = n_match = exact = 0
    for name in NAMES:
        gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))["sections"]
        _, secs = report(name)
        pairs = list(zip(secs, gold, strict=False))
        n_gold += len(gold)
        n_match += sum((s.number, s.level) == (g["number"], g["level"]) for s, g in pairs)
        exact += sum(s.title == g["title"] for s, g in pairs)
        files_ok += [(s.number, s.level) for s in secs] == [(g["number"], g["level"]) for g in gold]
    with capsys.disabled():
        print(f"\nsections vs gold: {files_ok}/{len(NAMES)} files exact, {n_match}/{n_gold} number+level in order, "
              f"{exact}/{n_gold} titles exact")
    assert files_ok == len(NAMES)


def test_seed_has_eight_top_level_sections_with_extents_and_parents():
    doc, secs = report("taierzhuang-2019")
    top = [s for s in secs if s.level == 1]
    assert [s.number for s in top] == list("一二三四五六七八")
    assert top[0].title == "依法全面履行政府职能"
    for a, b in zip(top, top[1:], strict=False):
        assert a.end <= b.start and doc.text[a.start :].startswith(a.number + "、")
    assert top[-1].end == len(doc.text.rstrip())
    for i, s in enumerate(secs):
        if s.level == 4:
            parent = secs[s.parent]
            assert parent.level == 1 and parent.start < s.start and s.end <= parent.end, i


def test_nesting_follows_the_text_not_the_marker():
    text = ("报告\n一、总体情况\n(一)组织领导\n1.加强领导。一是健全机制。二是压实责任。\n2.强化考核\n(二)依法履职\n"
            "3.深化改革\n二、存在问题\n一是学法不够。\n二是执法不严。\n")
    doc, secs = sections_of(text)
    got = [(s.number, s.level, s.parent) for s in secs]
    assert got == [
        ("一", 1, None), ("(一)", 2, 0), ("1.", 3, 1), ("一是", 4, 2), ("二是", 4, 2), ("2.", 3, 1),
        ("(二)", 2, 0), ("3.", 3, 6), ("二", 1, None), ("一是", 4, 8), ("二是", 4, 8),
    ]
    assert secs[3].title == "健全机制" and secs[2].title == "加强领导"
    assert doc.text[secs[0].start : secs[0].end].endswith("3.深化改革")
    assert secs[1].end == secs[6].start - 1 or doc.text[secs[1].end : secs[6].start].strip() == ""


def test_arabic_marker_variants_and_paren_numbers():
    _, secs = sections_of("一、工作\n1、建章立制\n(1)制定规则\n(2)执行规则\n2．培训\n①学习\n")
    assert [(s.number, s.level) for s in secs] == [
        ("一", 1), ("1", 3), ("(1)", 4), ("(2)", 4), ("2．", 3), ("①", 4)]
    assert secs[2].parent == 1 and secs[4].parent == 0 and secs[5].parent == 4


def test_false_headings_are_ignored():
    text = ("一、主要工作\n"
            "1.5亿元用于执法装备。\n"
            "2019.12.3召开会议。\n"
            "《关于(一)类事项的规定》印发。\n"
            "制定了一、二级目录,统一是关键,(一)类事项共3项。\n"
            "--加强学习\n"
            "——强化考核\n")
    _, secs = sections_of(text)
    assert [s.number for s in secs] == ["一"]


def test_fullwidth_parentheses_kept_as_written_and_heading_ending_in_full_stop():
    _, secs = sections_of("（一）健全制度。\n（二）规范执法。全年办理案件3件。\n二、一是加强学习;二是加强培训。")
    assert [(s.number, s.title) for s in secs] == [
        ("（一）", "健全制度"), ("（二）", "规范执法"), ("二", "一是加强学习;二是加强培训"),
        ("一是", "加强学习"), ("二是", "加强培训")]


def test_duplicated_and_skipped_numbers_kept():
    _, secs = sections_of("一、甲\n一、乙\n三、丙\n五、丁\n")
    assert [s.number for s in secs] == ["一", "一", "三", "五"]
    assert all(s.parent is None for s in secs)


def test_no_numbering_gives_no_sections_and_inline_items_after_commas_need_a_run():
    assert sections_of("2020年,我局坚持依法行政,扎实推进法治政府建设,取得明显成效。" * 20)[1] == []
    _, secs = sections_of("主要做法,一是加强领导,强化监督。唯一是指")
    assert [s.number for s in secs] == []  # after a comma, a lone 一是 is not trusted
    _, secs = sections_of("主要做法,一是加强领导,二是完善制度,三是强化监督。")
    assert [(s.number, s.title) for s in secs] == [("一是", "加强领导"), ("二是", "完善制度"), ("三是", "强化监督")]
    _, secs = sections_of("主要做法:一是加强领导,二是完善制度,三是强化监督。")
    assert [s.number for s in secs] == ["一是", "二是", "三是"]


def test_lost_line_breaks():
    doc, secs = report("004")
    assert secs[0].title == "坚持党的领导,坚决扛牢法治政府建设政治责任"
    assert [s.parent for s in secs] == [None, 0, 0, 0]


def test_cut_off_heading_is_listed():
    _, secs = report("003")
    assert secs[-1].number == "一是" and secs[-1].title == "開展法治政府建設督"


def test_numeral_lists_are_not_headings_and_lost_breaks_accept_inline_sequences():
    assert [s.number for s in sections_of("一、二、三级联动\n一、工作\n")[1]] == ["一"]
    text = "报告全文如下。" * 60 + "一、加强领导。按照要求推进。1.完善机制。做好工作。2.强化考核。推进工作,1.5亿元。二、规范执法。"
    _, secs = sections_of(text)
    assert [(s.number, s.level, s.parent) for s in secs] == [("一", 1, None), ("1.", 3, 0), ("2.", 3, 0), ("二", 1, None)]
    # With line breaks, an inline 1. is part of a sentence.
    assert [s.number for s in sections_of("一、加强领导\n按照要求推进。1.完善机制。\n")[1]] == ["一"]


def _without_repeats(gold: list[dict]) -> list[dict]:
    """Gold sections minus a 一、 that repeats the previous 一、 (not trusted without line breaks)."""
    out: list[dict] = []
    last_top = None
    for g in gold:
        if g["level"] == 1:
            if g["number"] == last_top:
                continue
            last_top = g["number"]
        out.append(g)
    return out


@pytest.mark.parametrize("name", NAMES)
def test_every_report_with_its_line_breaks_lost(name):
    """The same report as one run-on line (CMS header included) still gives its title, year and sections."""
    gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    text = "".join(line.strip() for line in (REPORTS / f"{name}.txt").read_text(encoding="utf-8").split("\n"))
    doc, secs = sections_of(text)
    assert doc.meta.title == gold["title"] and doc.meta.year == gold["year"]
    expected = _without_repeats(gold["sections"])
    assert [(s.number, s.level) for s in secs] == [(g["number"], g["level"]) for g in expected]
    for s, g in zip(secs, expected, strict=True):
        assert titles_agree(s.title, g["title"]), (s.number, s.title, g["title"])


@pytest.mark.parametrize("name", ["001", "008", "010", "014", "taierzhuang-2019"])
def test_crlf_and_full_width_forms_give_the_same_sections_and_metadata(name):
    text = (REPORTS / f"{name}.txt").read_text(encoding="utf-8")
    base_doc, base = sections_of(text)
    wide = text.translate({ord("("): "（", ord(")"): "）", ord(","): "，", ord(":"): "：",
                           **{ord(str(d)): chr(0xFF10 + d) for d in range(10)}})
    for variant in (text.replace("\n", "\r\n"), text.replace("\n", "\r"), wide):
        doc, secs = sections_of(variant)
        assert [(s.number.translate({0xFF08: "(", 0xFF09: ")", **{0xFF10 + d: str(d) for d in range(10)}}), s.level)
                for s in secs] == [(s.number, s.level) for s in base]
        assert [len(s.title) for s in secs] == [len(s.title) for s in base]
        assert doc.meta.year == base_doc.meta.year and (doc.meta.title is None) == (base_doc.meta.title is None)
        for s in secs:
            assert variant[s.title_start : s.title_end] == s.title and "\r" not in s.title


def test_repeated_inline_number_with_lost_line_breaks():
    body = "全年工作取得新进展。" * 40
    text = (body + "一、强化执法监督1.规范执法程序。全年评查案卷20卷。2.加强持证管理。执法人员均持证上岗。"
            "2.推进行政复议。全年办理案件5件。3.深化普法宣传。开展活动8场。二、下一步打算2.5万元预算。")
    _, secs = sections_of(text)
    assert [(s.number, s.title) for s in secs] == [
        ("一", "强化执法监督"), ("1.", "规范执法程序"), ("2.", "加强持证管理"), ("2.", "推进行政复议"),
        ("3.", "深化普法宣传"), ("二", "下一步打算2.5万元预算")]
    # a repeated number before a long clause is a sentence, not a heading
    text = body + "一、强化执法监督1.规范执法程序。全年评查案卷20卷。2.加强持证管理。2.全年开展执法检查,发现问题3个。"
    assert [s.number for s in sections_of(text)[1]] == ["一", "1.", "2."]


def test_heading_run_into_a_paragraph_of_a_text_with_line_breaks():
    text = "一、工作成效\n全年办理案件12件,取得明显成效。二、存在的问题\n(一)制度有待完善。全年修订2项。(二)执法有待规范。\n"
    assert [(s.number, s.title, s.level) for s in sections_of(text)[1]] == [
        ("一", "工作成效", 1), ("二", "存在的问题", 1), ("(一)", "制度有待完善", 2), ("(二)", "执法有待规范", 2)]
    # out of sequence, or an Arabic list inside a paragraph: body text
    text = "一、工作成效\n取得明显成效。三、其他事项。措施如下。1.建立台账。2.定期通报。\n"
    assert [s.number for s in sections_of(text)[1]] == ["一"]


def test_circled_items_inline_like_numbered_items():
    text = "一、下一步打算\n主要措施:①健全制度;②强化监督;③严格考核。\n位于③号楼。\n"
    assert [(s.number, s.title, s.level) for s in sections_of(text)[1]] == [
        ("一", "下一步打算", 1), ("①", "健全制度", 4), ("②", "强化监督", 4), ("③", "严格考核", 4)]


def test_inline_paren_items_and_new_shi_runs():
    # with line breaks kept: a (1) opening a run inside a paragraph, before a short heading
    text = "一、加强领导\n局党组研究法治工作4次。(1)完善议事规则。\n(2)强化考核。\n"
    assert [(s.number, s.level) for s in sections_of(text)[1]] == [("一", 1), ("(1)", 4), ("(2)", 4)]
    # with line breaks lost: a (三) after a comma that lost its 。, and a second 一是 run after a comma
    body = "全年工作稳步推进。" * 40
    text = (body + "一、深化改革(一)优化服务。办理事项20件。(二)规范执法。培训300人次,(三)强化监督。检查5次。"
            "二、下一步打算主要任务是,一是加强学习;二是完善制度。今后工作中,一是强化考核;二是严格问责。")
    assert [s.number for s in sections_of(text)[1]] == ["一", "(一)", "(二)", "(三)", "二", "一是", "二是", "一是", "二是"]

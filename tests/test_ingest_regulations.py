"""Documents cited in 《》: spans, identity across reports, types, IRIs (ANNOTATION §5, ontology-brief §3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import SKOS

from ingest.decode import read_report
from ingest.doc_types import DOC_TYPES, classify_doc_type
from ingest.evaluate import PRF, score_sets
from ingest.model import Doc
from ingest.regulations import extract_regulations, title_key

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "data" / "reports"
GOLD = sorted((ROOT / "tests" / "gold").glob("*.json"))


def run(text: str) -> Doc:
    doc = Doc.from_text(text)
    extract_regulations(doc)
    return doc


def run_file(name: str) -> Doc:
    return run(read_report(REPORTS / name).text)


def test_regulations_against_every_gold_file() -> None:
    total = PRF()
    for g in GOLD:
        gold = json.loads(g.read_text(encoding="utf-8"))
        doc = run_file(gold["file"])
        prf = score_sets([r.text for r in doc.regulations], gold["regulations"])
        total.add(prf)
        assert prf.f1 >= 0.99, (gold["file"], prf.as_dict())
    print("regulations", total.as_dict())
    assert total.f1 >= 0.99 and total.tp >= 59


def test_seed_has_exactly_eight_distinct_documents() -> None:
    doc = run_file("taierzhuang-2019.txt")
    iris = {r.iri for r in doc.regulations}
    assert len(iris) == 8 and len({r.title for r in doc.regulations}) == 8
    assert any("“双随机、一公开”" in r.text for r in doc.regulations)
    for r in doc.regulations:
        assert doc.text[r.start : r.end] == r.text
        assert doc.text[r.start - 1] == "《" and doc.text[r.end] == "》"


def test_every_mention_is_listed_and_shares_one_iri() -> None:
    doc = run_file("014.txt")  # 《法治政府建设实施纲要(20212025年)》 twice
    outline = [r for r in doc.regulations if r.title == "法治政府建设实施纲要(2021-2025)"]
    assert len(outline) == 2 and outline[0].iri == outline[1].iri and outline[0].start != outline[1].start


def test_one_entity_whatever_the_spelling() -> None:
    variants = [
        "法治政府建设实施纲要(2021-2025年)", "法治政府建设实施纲要（2021—2025年）", "法治政府建设实施纲要(20212025年)",
        "法治政府建设实施纲要 （2021－2025年）", "法治政府建設實施綱要(2021-2025年)", "法治政府建设实施纲要(2021–2025)",
    ]  # fmt: skip
    iris = {run(f"按照《{v}》要求").regulations[0].iri for v in variants}
    assert len(iris) == 1
    laws = ["中华人民共和国行政复议法", "行政复议法", "中华人民共和国行政复议法(2023年修订)", "行政复议法（试行）"]
    assert len({run(f"依据《{t}》").regulations[0].iri for t in laws}) == 1
    # a 关于印发…的通知 carries the document it prints
    assert title_key("国务院关于印发<法治政府建设实施纲要(2021-2025年)>的通知") == title_key("法治政府建设实施纲要(2021-2025年)")
    # different periods are different documents
    assert title_key("法治政府建设实施纲要(2015-2020年)") != title_key("法治政府建设实施纲要(2021-2025年)")


def test_unbalanced_brackets_give_nothing() -> None:
    doc = run("制定《对开展行政审批中介服务的审批部门所属事业单位清理规范工作")
    assert doc.regulations == []
    doc = run("完成起草工作?!毒V要》印发实施,及《民法典》")
    assert [r.text for r in doc.regulations] == ["民法典"]
    doc = run("《外层《内层》文件》")  # a nested 《 restarts the span (regex of ANNOTATION §5)
    assert [r.text for r in doc.regulations] == ["内层"]
    doc = run("《贯彻落实<法治政府建设实施纲要(2021-2025年)>重要举措实施方案》")
    assert doc.regulations[0].text.startswith("贯彻落实<")


def test_pathological_input_is_linear() -> None:
    doc = run("《" * 10000 + "》" * 10000 + "《" + "字" * 100000)
    assert len(doc.regulations) == 0  # 《》 with nothing inside is no title
    doc = run("《a》" * 20000)
    assert len(doc.regulations) == 20000 and len({r.iri for r in doc.regulations}) == 1


@pytest.mark.parametrize(
    ("title", "issuer", "expected"),
    [
        ("宪法", "", "constitution"),
        ("行政复议法", "", "law"),
        ("民法典", "", "law"),
        ("重大行政决策程序暂行条例", "", "administrative-regulation"),
        ("优化营商环境条例", "", "administrative-regulation"),
        ("山东省行政执法监督条例", "", "local-regulation"),
        ("中国共产党纪律处分条例", "", "party-regulation"),
        ("党政主要负责人履行推进法治建设第一责任人职责规定", "", "party-regulation"),
        ("台儿庄区行政执法责任追究办法", "", "normative-document"),
        ("朝阳区行政规范性文件管理规定", "", "normative-document"),
        ("法治政府建设实施纲要(2021-2025)", "中共中央、国务院", "plan"),
        ("法治绍兴建设规划(2021-2025)", "", "plan"),
        ("关于加强行政执法工作的实施意见", "", "opinion"),
        ("2021年法治建设工作要点", "", "work-document"),
        ("陕西省法治政府建设实施方案(2021-2025)", "", "work-document"),
        ("关于进一步做好改革有关工作的通知", "", "notice"),
        ("东莞市行政许可事项目录", "", "list"),
        ("静海区2022年度法治政府建设情况报告", "", "report"),
        ("事项划转备忘录", "", "agreement"),
        ("关于审理行政协议案件若干问题的规定", "最高人民法院", "judicial-interpretation"),
        ("山西省贯彻落实法治政府建设年度报告制定的规定", "山西省委全面依法治省委员会", "party-regulation"),
        ("某省实施办法", "省人大常委会", "local-regulation"),
        ("最高人民法院关于行政机关负责人出庭应诉若干问题的规定", "", "judicial-interpretation"),
        ("监察法实施条例", "", "supervisory-regulation"),
    ],
)
def test_doc_type_rules(title: str, issuer: str, expected: str) -> None:
    doc_type, rule = classify_doc_type(title, issuer)
    assert doc_type == expected, rule
    assert rule.split("/")[0][0] in "SK"


def test_issuer_before_the_title_decides() -> None:
    doc = run("根据中办、国办《某某工作规定》和山西省委《某某实施细则》")
    assert [(r.doc_type, r.type_rule) for r in doc.regulations] == [
        ("party-regulation", "S11/issuer"), ("party-regulation", "S10/issuer"),
    ]  # fmt: skip


def test_emitted_types_exist_in_the_doc_type_scheme() -> None:
    g = Graph().parse(ROOT / "ontology" / "schemes" / "doc-type.ttl")
    notations = {str(o) for o in g.objects(None, SKOS.notation)}
    assert set(DOC_TYPES) <= notations
    for name in sorted(p.name for p in REPORTS.glob("*.txt")):
        for r in run_file(name).regulations:
            assert r.doc_type in notations
            assert "/id/legal/" + r.doc_type + "/" in r.iri
    assert (None, SKOS.prefLabel, Literal("党内法规", lang="zh")) in g


def test_short_form_defined_by_the_report_links_to_the_full_title() -> None:
    doc = run("贯彻《中华人民共和国行政复议法》(以下简称《复议法》),学习《复议法》和《民法典》。")
    assert [r.text for r in doc.regulations] == ["中华人民共和国行政复议法", "复议法", "复议法", "民法典"]
    assert len({r.iri for r in doc.regulations[:3]}) == 1 and doc.regulations[3].iri != doc.regulations[0].iri

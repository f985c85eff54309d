"""Mechanisms in “”, the other things in quotes, unquoted mentions, and the SKOS scheme (ANNOTATION §6)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SKOS

import ingest.mechanisms as mechanisms
from ingest.decode import read_report
from ingest.evaluate import PRF, score_sets
from ingest.mechanism_scheme import CONCEPTS, lookup
from ingest.model import Doc
from ingest.quote_classes import classify_quote
from ingest.scheme_ttl import GENERATED, SCHEMES_DIR

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "data" / "reports"
GOLD = sorted((ROOT / "tests" / "gold").glob("*.json"))
FZ_MECHANISM = URIRef("https://w3id.org/fazhi/ont#Mechanism")


def run(text: str) -> Doc:
    doc = Doc.from_text(text)
    mechanisms.extract_mechanisms(doc)
    return doc


def run_file(name: str) -> Doc:
    return run(read_report(REPORTS / name).text)


def score_gold() -> tuple[PRF, PRF]:
    """(strict, every-quote) scores over every gold file."""
    strict, every = PRF(), PRF()
    for g in GOLD:
        gold = json.loads(g.read_text(encoding="utf-8"))
        doc = run_file(gold["file"])
        quoted = [m.text for m in doc.mechanisms if m.quoted]
        other = [q.text for q in doc.quoted_other]
        strict.add(score_sets(quoted, [m for m in gold["mechanisms"] if m not in gold["quoted_other"]]))
        every.add(score_sets(quoted + other, gold["mechanisms"]))
    return strict, every


def test_scores_against_every_gold_file() -> None:
    strict, every = score_gold()
    print("mechanisms strict", strict.as_dict(), "every quote", every.as_dict())
    assert every.f1 == 1.0 and every.tp >= 73
    assert strict.f1 >= 0.98 and strict.tp >= 48


def test_rules_alone_classify_the_gold_quotes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the seed scheme, the form-and-context rules still separate mechanisms from the rest."""
    monkeypatch.setattr(mechanisms, "lookup", lambda name: None)
    strict, _ = score_gold()
    print("mechanisms strict, rules only", strict.as_dict())
    assert strict.f1 >= 0.95


def test_seed_must_haves() -> None:
    doc = run_file("taierzhuang-2019.txt")
    quoted = [m for m in doc.mechanisms if m.quoted]
    for name in ("一次办好", "一窗受理", "一网通办", "双随机、一公开", "三项制度", "枫桥经验", "三联一共"):
        iris = {m.iri for m in quoted if m.text == name}
        assert len(iris) == 1, name
    assert len({m.iri for m in doc.mechanisms if m.text == "双随机、一公开"}) == 1
    others = {q.text: q.category for q in doc.quoted_other}
    assert others["全市法治文化宣传教育示范点"] == "honour"
    assert others["我要开饭店"] == "named" and others["两库"] == "set-label"
    assert "全市法治文化宣传教育示范点" not in {m.text for m in doc.mechanisms}
    for m in doc.mechanisms:
        assert doc.text[m.start : m.end] == m.text


def test_variant_names_share_one_concept() -> None:
    a = run("深化“双随机、一公开”监管").mechanisms[0]
    b = run("推行“双随机一公开”").mechanisms[0]
    c = run("落實“雙隨機、一公開”").mechanisms[0]
    assert a.iri == b.iri == c.iri and a.iri.endswith("/scheme/mechanism/shuang-sui-ji-yi-gong-kai")
    assert run("行政执法“三项制度”").mechanisms[0].iri == run("“行政执法三项制度”").mechanisms[0].iri
    assert run("“放管服”改革").mechanisms[0].iri == run("“放管服改革”").mechanisms[0].iri
    new1 = run("推行“三服务一提升”工作法").mechanisms[0]
    new2 = run("落實“三服務、一提升”").mechanisms[0]
    assert new1.iri == new2.iri and new1.label == new2.label  # minted, stable, label a function of the IRI


def test_unquoted_mentions_share_the_quoted_iri() -> None:
    doc = run("全面推行“双随机、一公开”监管,双随机一公开实现全覆盖;落实行政执法三项制度。《关于“放管服”的通知》")
    quoted = [m for m in doc.mechanisms if m.quoted]
    unquoted = [m for m in doc.mechanisms if not m.quoted]
    assert [m.text for m in unquoted] == ["双随机一公开", "行政执法三项制度"]
    assert unquoted[0].iri == quoted[0].iri
    assert "放管服" in [m.text for m in quoted]  # quotes inside a 《》 title count (ANNOTATION §6)
    seed = run_file("taierzhuang-2019.txt")
    assert any(not m.quoted and m.label == "三项制度" for m in seed.mechanisms)  # 全区执法三项制度


@pytest.mark.parametrize(
    ("name", "before", "after", "expected"),
    [
        ("十四五", "", "时期", "period"),
        ("八五", "以", "普法", "period"),
        ("十五周年", "", "系列", "period"),
        ("12·4", "", "宪法日", "period"),
        ("中国法治政府奖", "首次获得", "", "honour"),
        ("全国社会治理创新优秀城市", "再获", "殊荣", "honour"),
        ("全市民主法治示范村(社区)", "创建", "11个", "honour"),
        ("某某领域十大典型案例", "入选", "", "honour"),
        ("渝快办", "开通", "通道", "named"),
        ("浙里办", "", "", "named"),
        ("凤鸣政策通", "开展", "等17场品牌", "named"),
        ("我要开诊所", "梳理", "等", "named"),
        ("法治大讲堂", "举办", "", "named"),
        ("学习习近平法治思想,助力先行区建设", "全省", "培训班", "named"),
        ("时间表", "", "", "metaphor"),
        ("最后一公里", "打通", "", "metaphor"),
        ("善后者", "从", "向", "metaphor"),
        ("一号司法建议", "", "", "set-label"),
        ("两委", "", "成员", "set-label"),
        ("关键少数", "抓住", "", "group"),
        ("小散乱污", "", "企业", "group"),
        ("门难进、脸难看、事难办", "破解", "", "quotation"),
        ("无事不扰", "推进", "企业清单", None),
        ("补短迎考攻坚行动", "", "", None),
        ("思想引领、学习在先", "坚持", "", None),
        ("大排查、快调处、护稳定", "开展矛盾纠纷", "活动", None),
        ("成熟一项划转一项", "按照", "原则", None),
        ("网格—社区(村)—街乡—区", "完善", "四级", None),
        ("3+X", "深化构建", "产业", None),
        ("法治小镇", "安昌", "作为", None),
        ("十项行动", "", "提供", None),
        ("民法典", "学习宣传", "", "set-label"),
        ("随申办", "依托", "", "named"),
        ("吃拿卡要", "整治", "", "quotation"),
        ("全国法治县(市、区)创建活动先进单位", "获评", "", "honour"),
        ("一号工程", "作为", "", None),
        ("五步工作法", "推广", "", None),
        ("跨省通办", "推进", "", None),
    ],
)
def test_quote_classes(name: str, before: str, after: str, expected: str | None) -> None:
    assert classify_quote(name, before, after) == expected


def test_scheme_file_is_generated_from_the_table_and_well_formed() -> None:
    for name, make in GENERATED.items():
        assert (SCHEMES_DIR / name).read_text(encoding="utf-8") == make(), f"regenerate {name}"
    g = Graph().parse(SCHEMES_DIR / "mechanism.ttl")
    concepts = set(g.subjects(RDF.type, FZ_MECHANISM))
    assert len(concepts) == len(CONCEPTS) >= 25
    for c in concepts:
        assert (c, RDF.type, SKOS.Concept) in g
        langs = {o.language for o in g.objects(c, SKOS.prefLabel)}
        assert langs == {"zh", "en"}
        assert g.value(c, SKOS.definition) is not None and g.value(c, SKOS.notation) is not None
    for label in ("一次办好", "最多跑一次", "放管服", "三项制度", "枫桥经验", "12345政务服务便民热线"):
        assert lookup(label) is not None, label


def test_every_emitted_iri_is_in_the_scheme_unless_minted() -> None:
    g = Graph().parse(SCHEMES_DIR / "mechanism.ttl")
    seeded = {str(c) for c in g.subjects(RDF.type, FZ_MECHANISM)}
    minted = 0
    for name in sorted(p.name for p in REPORTS.glob("*.txt")):
        for m in run_file(name).mechanisms:
            assert m.iri.startswith("https://w3id.org/fazhi/scheme/mechanism/")
            if lookup(m.text) is not None:
                assert m.iri in seeded, m.text
            else:
                minted += 1
                assert m.quoted  # unquoted mentions are only ever of seeded concepts
    assert minted > 0


def test_unbalanced_quotes_and_pathological_input() -> None:
    doc = run("开展“补短迎考攻坚行动")
    assert doc.mechanisms == [] and doc.quoted_other == []
    doc = run("“" * 10000 + "”" * 10000 + "“" + "字" * 100000)
    assert doc.mechanisms == []
    doc = run("“放管服”" * 5000)
    assert len(doc.mechanisms) == 5000 and len({m.iri for m in doc.mechanisms}) == 1

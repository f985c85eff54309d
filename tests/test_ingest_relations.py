"""Relations the text states: change events, documents issued or revised, mechanisms adopted, citations."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.mechanisms import extract_mechanisms
from ingest.model import AgencyMention, Doc, Relation
from ingest.pipeline import extract_file
from ingest.regulations import extract_regulations
from ingest.relations import extract_relations

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "reports" / "taierzhuang-2019.txt"


def crafted(text: str, agencies: dict[str, str]) -> Doc:
    """A document whose agency mentions are the given names (name → IRI tail), found by plain search."""
    doc = Doc.from_text(text)
    doc.meta.iri, doc.meta.year, doc.meta.issuer = "urn:report", 2021, "某县人民政府"
    extract_regulations(doc)
    extract_mechanisms(doc)
    pattern = "|".join(sorted(map(re.escape, agencies), key=len, reverse=True))
    for m in re.finditer(pattern, doc.norm) if agencies else ():
        name = "某县人民政府" if agencies[m.group(0)] == "gov" else m.group(0)
        doc.agencies.append(AgencyMention(m.group(0), m.start(), m.end(), "org/" + agencies[m.group(0)], name=name))
    extract_relations(doc)
    return doc


def kinds(doc: Doc, kind: str) -> list[Relation]:
    return [r for r in doc.relations if r.kind == kind]


def test_seed_relations() -> None:
    doc = extract_file(SEED)
    by_iri = {a.iri: a.name for a in doc.agencies}
    merger = kinds(doc, "merger")
    assert len(merger) == 1
    assert by_iri[merger[0].subject] == "台儿庄区司法局"
    assert {by_iri[o] for o in merger[0].objects} >= {"台儿庄区司法局", "台儿庄区人民政府法制办公室"}
    assert merger[0].attrs["year"] == 2019 and merger[0].text == "区司法局与原政府法制办顺利合并"
    created = kinds(doc, "establishment")
    assert [by_iri[r.subject] for r in created] == ["台儿庄区行政审批服务局"]
    transfer = kinds(doc, "transfer")
    assert transfer and by_iri[transfer[0].subject] == "台儿庄区行政审批服务局"
    issued = {r.objects[0] for r in kinds(doc, "issued")}
    titles = {r.iri: r.text for r in doc.regulations}
    assert {titles[i] for i in issued} >= {"台儿庄区人民政府工作规则", "事项划转备忘录"}
    adopted = {r.objects[0] for r in kinds(doc, "adopted")}
    labels = {m.iri: m.label for m in doc.mechanisms}
    assert {labels[i] for i in adopted} >= {"一次办好", "双随机、一公开", "三项制度", "枫桥经验"}
    assert len(kinds(doc, "cites")) == len(doc.regulations)
    assert all(r.subject == doc.meta.iri for r in kinds(doc, "cites"))
    named = [r for r in kinds(doc, "names") if "双随机" in r.text]
    assert named and labels[named[0].objects[0]] == "双随机、一公开"
    for r in doc.relations:
        assert doc.text[r.start : r.end] == r.text


def test_crafted_change_events() -> None:
    doc = crafted(
        "2020年,将县国土资源局并入县自然资源局。撤销县编制办,县档案局更名为县档案馆。"
        "整合县商务局、县粮食局合并组建县商务粮食局。将县城管局的执法职责划转至县综合执法局。"
        "县编制办的职责划入县委组织部。",
        {n: n for n in ("县国土资源局", "县自然资源局", "县编制办", "县档案局", "县档案馆", "县商务局", "县粮食局",
                        "县商务粮食局", "县城管局", "县综合执法局", "县委组织部")},
    )  # fmt: skip
    [m1, m2] = kinds(doc, "merger")
    assert m1.subject == "org/县自然资源局" and "org/县国土资源局" in m1.objects and m1.attrs["year"] == 2020
    assert m2.subject == "org/县商务粮食局" and m2.objects == ["org/县商务局", "org/县粮食局"]
    assert [r.subject for r in kinds(doc, "abolition")] == ["org/县编制办"]
    [rename] = kinds(doc, "renaming")
    assert rename.subject == "org/县档案馆" and rename.objects == ["org/县档案局"]
    [transfer, into] = kinds(doc, "transfer")
    assert transfer.subject == "org/县综合执法局" and transfer.objects == ["org/县城管局"]
    assert into.subject == "org/县委组织部" and into.objects == ["org/县编制办"]
    assert kinds(doc, "establishment") == []  # 组建 inside a merger is not a second event


def test_crafted_documents_and_adoptions() -> None:
    doc = crafted(
        "县司法局印发《某县行政执法公示办法》《某县执法全过程记录办法》和《某县法制审核办法》。"
        "县政府修订《某县人民政府工作规则》,严格执行《行政处罚法》。县市场监管局全面推行“双随机、一公开”监管。"
        "县司法局废止《某县旧办法》。",
        {"县司法局": "justice", "县政府": "gov", "县市场监管局": "market"},
    )
    issued = kinds(doc, "issued")
    assert len(issued) == 1 and issued[0].subject == "org/justice" and len(issued[0].objects) == 3
    [revised] = kinds(doc, "revised")
    assert revised.subject == "org/gov" and len(revised.objects) == 1
    assert all("行政处罚法" not in r.text for r in issued + [revised])  # 执行 is not issuing
    [repealed] = kinds(doc, "repealed")
    assert repealed.subject == "org/justice" and len(repealed.objects) == 1
    [adopted] = kinds(doc, "adopted")
    assert adopted.subject == "org/market" and adopted.objects[0].endswith("/shuang-sui-ji-yi-gong-kai")


def test_no_agencies_no_change_events() -> None:
    doc = crafted("组建区行政审批服务局。区司法局与原政府法制办顺利合并。", {})
    assert kinds(doc, "merger") == kinds(doc, "establishment") == []


def test_long_and_pathological_text_stays_linear() -> None:
    text = "县政府:" + "县司法局印发《某办法》,推行“放管服”,组建县政务服务局。" * 3000 + "推行" * 50000
    doc = crafted(text, {"县政府": "gov", "县司法局": "justice", "县政务服务局": "service"})
    assert len(kinds(doc, "issued")) == len(kinds(doc, "adopted")) == len(kinds(doc, "establishment")) == 3000


def test_one_event_per_title_when_verbs_pile_up() -> None:
    doc = crafted("县司法局起草印发《某县工作要点》《某县实施方案》,制订《某县规则》。", {"县司法局": "justice"})
    issued = kinds(doc, "issued")
    assert [(r.attrs["verb"], len(r.objects)) for r in issued] == [("起草", 2), ("制订", 1)]
    assert all(r.subject == "org/justice" for r in issued)


def test_an_agency_inside_an_object_is_no_subject() -> None:
    doc = crafted("召开县委依法治县委员会会议,在全县推行“双随机、一公开”。", {"县委依法治县委员会": "party", "县政府": "gov"})
    assert [r.subject for r in kinds(doc, "adopted")] == []  # no stated adopter and no 县政府 mention
    doc = crafted("县政府召开县委依法治县委员会会议,在全县推行“双随机、一公开”。", {"县委依法治县委员会": "party", "县政府": "gov"})
    assert [r.subject for r in kinds(doc, "adopted")] == ["org/gov"]


def test_joint_issuers_and_partners() -> None:
    agencies = {"中共中央": "party", "国务院": "state-council", "县政府": "gov", "县司法所": "office", "县派出所": "police"}
    doc = crafted("县政府贯彻中共中央、国务院印发的《法治政府建设实施纲要(2021-2025年)》。", agencies)
    [issued] = kinds(doc, "issued")
    assert issued.subject == "org/state-council" and issued.attrs["with"] == ["org/party"]
    assert issued.text == "中共中央、国务院印发的《法治政府建设实施纲要(2021-2025年)》"
    assert "year" not in issued.attrs  # another body's act: not dated by the report, nor by the title's 2025
    doc = crafted("县司法局编制《某县规划(2021-2025年)》。", agencies | {"县司法局": "justice"})
    assert kinds(doc, "issued")[0].attrs["year"] == 2021  # the year reported on, not 2025
    doc = crafted("县政府联合县司法所、县派出所建立“三调联动”机制。", agencies)
    assert [r.subject for r in kinds(doc, "adopted")] == ["org/gov"]  # partners are not the adopter

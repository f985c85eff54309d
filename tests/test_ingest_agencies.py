"""Agency mentions, linking and scores against the gold files (ingest.agencies)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from ingest.agency_ids import agency_info
from ingest.agency_types import all_notations
from ingest.evaluate import PRF, score_agencies
from ingest.model import Doc
from ingest.pipeline import extract_text

ROOT = Path(__file__).resolve().parent.parent
GOLD = sorted((ROOT / "tests" / "gold").glob("*.json"))
ORG = "https://w3id.org/fazhi/id/org/"


def test_offsets_slice_the_text(docs: dict[str, Doc]) -> None:
    for d in docs.values():
        assert d.agencies
        for a in d.agencies:
            assert d.text[a.start:a.end] == a.text and a.iri.startswith(ORG) and a.name and a.type


def test_scores_on_gold(docs: dict[str, Doc]) -> None:
    total = PRF()
    for g in GOLD:
        gold = json.loads(g.read_text(encoding="utf-8"))
        total.add(score_agencies([a.text for a in docs[gold["file"]].agencies], gold))
    print(f"agencies P {total.precision:.3f} R {total.recall:.3f} F1 {total.f1:.3f} "
          f"(tp {total.tp}, fp {total.fp}, fn {total.fn})")
    assert total.f1 >= 0.95


def test_seed_must_haves_one_iri_per_body(docs: dict[str, Doc]) -> None:
    d = docs["taierzhuang-2019.txt"]
    iri = {}
    for a in d.agencies:
        iri.setdefault(a.text, set()).add(a.iri)
    assert all(len(v) == 1 for v in iri.values())
    gov = ORG + "370405/gov"
    assert iri["台儿庄区人民政府"] == iri["区政府"] == {gov}
    assert iri["区行政审批服务局"] == iri["行政审批服务局"] == {gov + "/admin-approval"}
    assert iri["区司法局"] == {gov + "/justice"}
    assert iri["区人大常委会"] == {ORG + "370405/npc-sc"}
    assert iri["区委全面依法治区委员会"] == {ORG + "370405/party/law-based-governance-commission"}
    assert iri["区委依法治区办"] == {ORG + "370405/party/law-based-governance-commission/office"}
    assert iri["政府法制办"] == {gov + "/legal-affairs-office"}  # historic body keeps its own IRI
    assert iri["市委"] == {ORG + "370400/party"}  # the parent city's committee
    info = agency_info(gov + "/justice")
    assert info is not None and info.name_zh == "台儿庄区司法局" and info.name_en.endswith("Justice Bureau")
    assert info.parent_iri == gov and info.division_code == "370405"


def test_nothing_from_titles_quotes_or_header(docs: dict[str, Doc]) -> None:
    d = docs["taierzhuang-2019.txt"]
    assert min(a.start for a in d.agencies) >= d.meta.header_end > 0
    d2 = docs["002.txt"]
    assert "最高人民法院" not in {a.text for a in d2.agencies}  # only inside a 《》 title


def test_relative_forms_link_to_the_reporting_body(docs: dict[str, Doc]) -> None:
    by = {a.text: a for a in docs["003.txt"].agencies}
    assert by["部黨組"].iri == by["司法部黨組"].iri == ORG + "cn/gov/justice/party-group"
    by = {a.text: a for a in docs["012.txt"].agencies}
    assert by["区人社局"].iri == by["市中区人力资源和社会保障局"].iri
    assert by["局政策法规科"].type == "internal-unit"
    by = {a.text: a for a in docs["005.txt"].agencies}  # a 重庆 township: 区委 is 铜梁区's, 市委 重庆's
    assert by["区委"].iri == ORG + "500151/party" and by["市委"].iri == ORG + "500000/party"
    assert by["司法所"].type == "dispatched-body"


def _texts(text: str) -> list[str]:
    return [a.text for a in extract_text(text).agencies]


def test_pairs_heads_and_issuers() -> None:
    text = "台儿庄区人民政府关于2019年度法治政府建设情况的报告\n" \
        "在市委市政府领导下,根据中办、国办《法治政府建设与责任落实督察工作规定》,办理县人大代表建议。局党组书记主持。\n"
    got = _texts(text)
    assert ["市委", "市政府", "中办", "国办"] == got[1:5]
    assert "法治政府建设与责任落实督察工作规定" not in "".join(got)


def test_generic_references_are_not_agencies() -> None:
    text = "台儿庄区人民政府关于2019年度法治政府建设情况的报告\n" \
        "各部门、有关部门、区直部门、公安机关、司法行政机关和乡镇政府,各级人民政府,财政部门,县长、律师、企业。集中办理。\n"
    assert _texts(text) == ["台儿庄区人民政府"]


def test_every_type_emitted_is_in_the_scheme(docs: dict[str, Doc]) -> None:
    g = Graph().parse(ROOT / "ontology" / "schemes" / "agency-type.ttl")
    in_ttl = {str(o) for o in g.objects(None, SKOS.notation)}
    assert all_notations() <= in_ttl
    assert {a.type for d in docs.values() for a in d.agencies} <= in_ttl
    assert g.value(URIRef("https://w3id.org/fazhi/scheme/agency-type/justice"), SKOS.broader) is not None


def _links(text: str) -> dict[str, str]:
    return {a.text: a.iri.removeprefix(ORG) for a in extract_text(text).agencies}


def test_county_department_report_links() -> None:
    got = _links("汾西县司法局2022年法治政府建设情况报告\n2022年,县司法局在市司法局指导下工作。局党组召开会议,"
                 "联合县公安局、县法院、县检察院、县委编办、县委政法委、县卫健委、市中级人民法院开展行动。团县委参加。\n")
    assert got["县司法局"] == got["汾西县司法局"] == "141034/gov/justice"
    assert got["市司法局"] == "141000/gov/justice" and got["市中级人民法院"] == "141000/court"
    assert got["局党组"] == "141034/gov/justice/party-group"
    assert got["县委编办"] == "141034/party/establishment-office" and got["县卫健委"] == "141034/gov/health"
    assert "团县委" not in got and "县委" not in got


def test_township_report_links() -> None:
    got = _links("庆隆镇2021年法治政府建设情况报告\n2021年,庆隆镇在区委、区政府领导下工作。镇党委、镇政府、镇人大,"
                 "庆隆镇司法所、派出所联合排查。各乡镇政府。\n")
    assert got["镇党委"] == "500151716/party" and got["区政府"] == "500151/gov"
    assert got["庆隆镇司法所"] == "500151/gov/justice/500151716-station"
    assert got["派出所"] == "500151/gov/public-security/500151716-station"
    assert "乡镇政府" not in got and "镇政府" in got


def test_national_bodies_and_party_groups() -> None:
    got = _links("2021年,国家市场监督管理总局坚持依法行政。总局党组、党中央、国务院、国家发展改革委、生态环境部。\n")
    assert got["总局党组"] == "cn/gov/market-regulation/party-group"
    assert got["国家发展改革委"] == "cn/gov/development-reform" and got["生态环境部"] == "cn/gov/ecology-environment"


def test_agency_info_is_rebuilt_from_the_iri_alone() -> None:
    from ingest import agency_ids

    agency_ids._REGISTRY.clear()  # as in a process that never extracted the report
    info = agency_info(ORG + "370405/party/law-based-governance-commission/office")
    assert info is not None and info.name_zh == "中共台儿庄区委员会全面依法治区委员会办公室"
    assert info.type == "coordinating-office" and info.parent_iri == ORG + "370405/party/law-based-governance-commission"
    pg = agency_info(ORG + "cn/gov/justice/party-group")
    assert pg is not None and pg.name_zh == "司法部党组" and pg.name_en == "Party Group of the Ministry of Justice"
    assert agency_info(ORG + "370402/gov/human-resources").name_zh == "枣庄市市中区人力资源和社会保障局"
    assert agency_info("https://example.org/x") is None


def test_full_party_names_national_organs_and_document_numbers() -> None:
    got = _links("汾西县司法局2022年法治政府建设情况报告\n中共汾西县委员会、中共临汾市委员会、中央政法委、中宣部。"
                 "根据国办发〔2019〕3号、人社部发〔2020〕1号、国务院令第711号,司法厅指导。\n")
    assert got["中共汾西县委员会"] == "141034/party" and got["中共临汾市委员会"] == "141000/party"
    assert got["中央政法委"] == "cn/party/political-legal-affairs" and got["中宣部"] == "cn/party/party-publicity"
    assert got["司法厅"] == "140000/gov/justice"  # a 厅 belongs to the province
    assert not {"国办", "人社部", "国务院"} & set(got)  # document numbers


def test_unknown_jurisdiction_keeps_mentions_without_iri() -> None:
    d = extract_text("2023年区五年法治政府建设工作情况报告\n五年来,*区严格落实职责。市委全面依法治市工作会议精神。"
                     "区委依法治区委抓总,区委依法治区办督促,区政府、区司法局落实。\n")
    assert d.meta.jurisdiction is None
    by = {a.text: a for a in d.agencies}
    assert {"市委", "区委依法治区委", "区委依法治区办", "区政府", "区司法局"} <= set(by)
    assert all(a.iri == "" and a.confidence < 0.5 for a in d.agencies)  # unresolved: named, typed, not linked
    assert by["区司法局"].type == "justice"


def test_sheng_ju_is_the_same_type_of_bureau_one_level_up() -> None:
    got = _links("泸西县市场监督管理局关于2022年法治政府建设情况的报告\n按照省局要求,现将我局情况报告如下:"
                 "市局指导,县政府支持。全局干部学法。\n")
    assert got["省局"] == "530000/gov/market-regulation" and got["市局"] == "532500/gov/market-regulation"
    assert got["泸西县市场监督管理局"] == "532527/gov/market-regulation" and "全局" not in got
    got = _links("石柱土家族自治县市场监督管理局关于2022年法治政府建设情况的报告\n按照省局、市局要求开展工作。\n")
    assert "省局" not in got and got["市局"] == "500000/gov/market-regulation"  # 重庆: no province above
    gov = _links("台儿庄区人民政府关于2019年度法治政府建设情况的报告\n按照市局要求开展工作。\n")
    assert "市局" not in gov  # a government report has no "own type" of bureau


def test_zones_and_towns_named_before_a_body_are_not_the_government() -> None:
    got = _texts("台儿庄区人民政府关于2019年度法治政府建设情况的报告\n经济开发区党工委、高新区管委会、示范区党工委、"
                 "保护区党委、社区党委、城镇政府、古镇政府,向区政府报告,经市政府、报省政府。\n")
    assert got == ["台儿庄区人民政府", "区政府", "市政府", "省政府"]


def test_full_cppcc_and_party_names() -> None:
    got = _links("汾西县司法局2022年法治政府建设情况报告\n政协汾西县委员会、中国人民政治协商会议汾西县委员会、"
                 "中国共产党汾西县委员会、中共汾西县委。\n")
    assert got["政协汾西县委员会"] == got["中国人民政治协商会议汾西县委员会"] == "141034/cppcc"
    assert got["中国共产党汾西县委员会"] == got["中共汾西县委"] == "141034/party"


def test_relative_party_groups_need_a_matching_reporting_body() -> None:
    got = _texts("台儿庄区人民政府关于2019年度法治政府建设情况的报告\n局党组、部党组和机关党组学习。\n")
    assert got == ["台儿庄区人民政府", "机关党组"]


@pytest.mark.parametrize("form", ["全面依法治县委员会", "依法治县办", "县全面依法治县委员会办公室", "县委依法治县委",
                                  "政协赵县委员会", "中国共产党赵县委员会", "总局党组",
                                  "中办", "国家发展改革委", "县司法局", "县人民法院", "县纪委监委", "县委编办"])
def test_each_form_is_found_on_its_own(form: str) -> None:
    head = "赵县人民政府\n2022年度法治政府建设情况报告\n按照"
    if form == "总局党组":
        head = "2021年,国家市场监督管理总局坚持依法行政。按照"
    tail = "《规定》要求开展工作。\n" if form == "中办" else "要求开展工作。\n"
    got = _texts(head + form + tail)
    assert form in got, got


def test_level_nouns_the_jurisdiction_does_not_have_name_no_body() -> None:
    got = _texts("赵县人民政府\n2022年度法治政府建设情况报告\n自治区党委、盟委、州委、区委、镇党委和县委。\n")
    assert got == ["赵县人民政府", "县委"]


def test_long_runs_of_place_names_stay_linear() -> None:
    # (?:place)+ before a body once backtracked over the whole run at every position (minutes on 50 kB)
    d = extract_text("台儿庄区人民政府关于2019年度法治政府建设情况的报告\n" + "北京市朝阳区台儿庄区" * 3000 + "。区政府。\n")
    assert [a.text for a in d.agencies][-1] == "区政府"


def test_internal_divisions_commission_owners_and_working_committees() -> None:
    got = _links("遵义市卫生健康委员会2025年法治政府建设情况报告\n委党组召开会议,委法规科、市局法规处配合。"
                 "部署落到实处,处理案件。\n")
    assert got["委党组"] == "520300/gov/health/party-group" and got["委法规科"].startswith("520300/gov/health/unit-")
    assert "部署落到实处" not in got and got["市局法规处"].startswith("520300/gov/health/unit-")
    got = _links("2018年,生态环境部坚持依法行政。部法规与标准司、国家海洋局配合。\n")
    assert got["部法规与标准司"].startswith("cn/gov/ecology-environment/unit-") and got["国家海洋局"] == "cn/gov/ocean"
    got = _links("中关村街道2016年依法行政工作报告\n2016年,中关村街道工委、办事处在区委、区政府领导下工作。县行政复议局。\n")
    assert got["中关村街道工委"] == "110108705/party" and got["区委"] == "110108/party"

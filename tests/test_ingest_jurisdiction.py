"""Issuer, jurisdiction, division code and report identity (ingest.jurisdiction) on real reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.model import Doc
from ingest.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent
GOLD = sorted((ROOT / "tests" / "gold").glob("*.json"))


def test_seed_identity(docs: dict[str, Doc]) -> None:
    m = docs["taierzhuang-2019.txt"].meta
    assert m.issuer == "台儿庄区人民政府" and m.jurisdiction == "台儿庄区人民政府"
    assert (m.division_code, m.division_name, m.level) == ("370405", "台儿庄区", "county")
    assert m.key == "370405-2019-gov"
    assert m.iri.endswith("/id/report/370405/2019/gov")
    assert m.confidence["jurisdiction"] > 0.8 and "title" in m.evidence["jurisdiction"]


@pytest.mark.parametrize(
    "name, jurisdiction, code, level, key",
    [
        ("003.txt", "司法部", "cn", "national", "cn-2021-gov-justice"),  # traditional text, 司法部堅持
        ("005.txt", "铜梁区庆隆镇人民政府", "500151716", "township", None),  # no title: 现将庆隆镇…
        ("008.txt", "北京市朝阳区人民政府", "110105", "county", None),  # homonym, resolved by 北京市 in the text
        ("010.txt", "陵川县教育局", "140524", "county", "140524-2025-gov-education"),
        ("011.txt", "杭州市西湖区留下街道办事处", "330106706", "township", None),
        ("014.txt", "陕西省人民政府办公厅", "610000", "province", "610000-2021-gov-general-office"),
    ],
)
def test_jurisdiction_from_every_clue(docs: dict[str, Doc], name: str, jurisdiction: str, code: str,
                                      level: str, key: str | None) -> None:
    m = docs[name].meta
    assert (m.jurisdiction, m.division_code, m.level) == (jurisdiction, code, level)
    if key:
        assert m.key == key


def test_accuracy_on_all_gold(docs: dict[str, Doc]) -> None:
    right = 0
    for g in GOLD:
        gold = json.loads(g.read_text(encoding="utf-8"))
        right += normalize(gold["jurisdiction"]) == docs[gold["file"]].meta.jurisdiction
    print(f"jurisdiction accuracy {right}/{len(GOLD)}")
    assert right / len(GOLD) >= 0.9


def test_unresolvable_homonym_has_low_confidence(docs: dict[str, Doc]) -> None:
    m = docs["012.txt"].meta  # 市中区 with no other place in the text: four candidates
    assert m.jurisdiction and m.jurisdiction.endswith("市中区人力资源和社会保障局")
    assert m.confidence["jurisdiction"] < 0.5


def _doc(text: str) -> Doc:
    from ingest.pipeline import extract_text

    return extract_text(text)


def test_pronoun_and_addressee_with_a_place_in_the_body() -> None:
    d = _doc("县委、县政府:\n2020年,我县坚持依法行政,安泽县各部门扎实推进法治政府建设。现将有关情况报告如下:\n一、主要举措\n")
    assert d.meta.jurisdiction == "安泽县人民政府" and d.meta.division_code == "141026"


def test_joint_party_government_report() -> None:
    d = _doc("中共台儿庄区委 台儿庄区人民政府关于2020年度法治政府建设情况的报告\n2020年,全区坚持依法行政。\n")
    assert d.meta.jurisdiction == "台儿庄区人民政府"
    assert d.meta.key == "370405-2020-party-gov" and d.meta.issuer == "台儿庄区人民政府"
    assert "joint with 中共台儿庄区委员会" in d.meta.evidence["jurisdiction"]


def test_no_clue_gives_no_jurisdiction_and_a_unique_key() -> None:
    a, b = _doc("一、主要举措\n加强学习。\n"), _doc("一、主要举措\n加强培训。\n")
    assert a.meta.jurisdiction is None and a.meta.confidence["jurisdiction"] == 0.0
    assert a.meta.key != b.meta.key


def test_department_named_only_in_the_closing_signature() -> None:
    d = _doc("关于2022年度法治政府建设工作情况的报告\n县委、县政府:\n2022年,县司法局在县委、县政府的坚强领导下,"
             "认真履行职责。现将我局2022年法治政府建设情况报告如下:\n一、主要工作\n加强学习。\n汾西县司法局\n2023年1月10日\n")
    assert d.meta.jurisdiction == "汾西县司法局" and d.meta.key == "141034-2022-gov-justice"
    assert "signature" in d.meta.evidence["jurisdiction"]


def test_national_body_from_the_opening() -> None:
    d = _doc("2021年,国家市场监督管理总局坚持以习近平法治思想为指导。现将有关情况报告如下:\n")
    assert (d.meta.jurisdiction, d.meta.division_code, d.meta.level) == ("国家市场监督管理总局", "cn", "national")


def test_bureau_known_only_as_wo_ju() -> None:
    d = _doc("2021年度法治政府建设情况报告\n2021年,在县委、县政府的坚强领导下,我局认真贯彻落实。陵川县各学校,"
             "县教育局统一部署,市教育局指导。现将我局有关情况报告如下:\n")
    assert d.meta.jurisdiction == "陵川县教育局"
    assert d.meta.confidence["jurisdiction"] < 0.5 and "我局" in d.meta.evidence["jurisdiction"]


def test_street_named_by_its_stem_under_the_county_the_text_names() -> None:
    d = _doc("为进一步加强法治政府建设,2021年来,街道按照《奉节县法治政府建设实施方案》的要求,"
             "开拓鱼复法治建设新征程。现将2021年工作情况报告如下。\n一、主要举措\n街道平安办发放宣传资料。\n")
    assert d.meta.jurisdiction == "奉节县鱼复街道办事处" and d.meta.level == "township"


def test_guangzhou_style_jie_and_homonym_streets() -> None:
    d = _doc("2021年,洛浦街在区委、区政府的正确领导下,根据《广东省法治政府建设情况定期报告规定》,全面推进法治政府建设工作。"
             "现将洛浦街2021年度法治政府建设工作情况报告如下:\n")  # 洛浦街道 also in 洛阳: 广东省 decides
    assert d.meta.jurisdiction == "番禺区洛浦街道办事处"
    d = _doc("2021年,新华街道坚持以习近平新时代中国特色社会主义思想为指导,学习了韶关市全面依法治市工作要点和"
             "武江区全面依法治区工作要点。现将2021年度工作推进情况报告如下:\n")
    assert d.meta.jurisdiction == "武江区新华街道办事处"  # many 新华街道: the places named decide


def test_level_noun_self_reference_narrows_the_place() -> None:
    d = _doc("根据有关规定,现将省政府2022年度法治政府建设情况报告如下。\n一、主要工作\n省政府切实履行职责,"
             "一体推进法治湖南建设,出台《湖南省重大行政决策事项目录管理办法》,组织对长沙市开展督察。\n")
    assert d.meta.jurisdiction == "湖南省人民政府" and d.meta.level == "province"


def test_place_prefix_kept_as_the_text_spells_it() -> None:
    d = _doc("南宁市青秀区人民政府2022年法治政府建设情况报告\n2022年,在自治区党委、自治区人民政府领导下,区委、区政府坚持依法行政。\n")
    assert d.meta.jurisdiction == "南宁市青秀区人民政府" and d.meta.division_code == "450103"
    assert d.meta.issuer == "南宁市青秀区人民政府"
    by = {a.text: a.iri.rsplit("/org/", 1)[1] for a in d.agencies}
    assert by["自治区党委"] == "450000/party" and by["区委"] == "450103/party"


def test_level_noun_title_takes_the_place_of_that_level() -> None:
    d = _doc("县教育局2021年法治政府建设工作报告\n2021年,我局认真贯彻《山西省教育条例》,全面推进依法治教。陵川县各学校依法办学。\n")
    assert d.meta.jurisdiction == "陵川县教育局"  # not 山西省教育厅: the title says 县


def test_department_keeps_the_name_it_writes_for_itself() -> None:
    d = _doc("桐庐县卫生健康局关于2023年度法治政府建设工作情况的报告\n县委、县政府:\n2023年,县卫生健康局认真履职。\n")
    assert d.meta.jurisdiction == d.meta.issuer == "桐庐县卫生健康局"  # the standard type name is 卫生健康委员会
    assert d.meta.key == "330122-2023-gov-health"

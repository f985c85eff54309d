"""Agency phenomena from blind held-out sets, each on crafted text in other wording (other places, bodies)."""

from __future__ import annotations

from ingest.pipeline import extract_text

HEAD = "醴陵市人民政府关于2021年度法治政府建设情况的报告\n"


def _by_text(text: str) -> dict[str, str]:
    return {a.text: a.type for a in extract_text(text).agencies}


def test_named_offices_after_any_body_are_internal_units() -> None:
    got = _by_text(HEAD + "市委督查室、市政府行政审批科、市司法局法治宣传股和市人大常委会法工委参加。"
                          "市政府研究室起草,市财政局行政复议应诉科配合,市委巡察办督促。\n")
    for unit in ("市委督查室", "市政府行政审批科", "市司法局法治宣传股", "市人大常委会法工委", "市政府研究室",
                 "市财政局行政复议应诉科", "市委巡察办"):
        assert got.get(unit) == "internal-unit", (unit, got)


def test_verbs_after_a_body_are_not_offices() -> None:
    got = _by_text(HEAD + "市公安局查办案件12件,市法院判处3人,市政府督办事项,市政府挂牌督办5件,市委区政府办。"
                          "市财政局分别处理,市司法局公证处办证。市教育局加强学科,市政府推行跨省通办,"
                          "市司法局老马调解室、市政府会议室、市委档案室。\n")
    assert {"市公安局", "市法院", "市政府", "市财政局", "市司法局"} <= set(got)
    assert {"市教育局", "市委"} <= set(got)
    assert not [t for t in got if t.endswith(("查办", "判处", "督办", "别处", "公证处", "学科", "通办", "室"))], got


def test_merged_and_older_bureaus_and_short_forms() -> None:
    got = _by_text(HEAD + "市工商局、市质监局、市食药监局、市物价局、市国土局、市知识产权局、市药监局、市教委、"
                          "市大数据局、市建委和市房产局参加检查。\n")
    assert got == {"醴陵市人民政府": "people-government", "市工商局": "industry-commerce",
                   "市质监局": "quality-supervision", "市食药监局": "food-drug", "市物价局": "prices",
                   "市国土局": "natural-resources", "市知识产权局": "intellectual-property",
                   "市药监局": "drug-administration", "市教委": "education", "市大数据局": "data-services",
                   "市建委": "housing-construction", "市房产局": "housing-security"}


def test_generic_sets_before_a_department_are_not_a_body() -> None:
    got = _by_text(HEAD + "各县市区公安局、各乡镇司法所、全省各级财政局按要求报送,市财政局汇总。\n")
    assert set(got) == {"醴陵市人民政府", "市财政局"}


def test_a_verb_running_into_a_place_name() -> None:
    # 会同县 is a county in 湖南; 会同 is also the verb "together with"
    got = _by_text("新化县人民政府关于2020年度法治政府建设情况的报告\n县司法局会同县财政局、协同县公安局检查。\n")
    assert {"县司法局", "县财政局", "县公安局"} <= set(got) and "会同县财政局" not in got
    own = _by_text("会同县人民政府关于2020年度法治政府建设情况的报告\n会同县财政局检查。\n")
    assert "会同县财政局" in own


def test_offices_of_the_reporting_ministry_and_state_bureaus() -> None:
    got = _by_text("2019年,水利部坚持依法行政。部办公厅、部政策法规司、部水文局和部审计办分工负责,"
                   "部水文局查处违法案件,驻部纪检监察组监督。国家林业和草原局、国家文物局、中国地震局配合。"
                   "构建中国式现代化新格局,服务国家发展大局,部工作全局。\n")
    for unit in ("部办公厅", "部政策法规司", "部水文局", "部审计办", "驻部纪检监察组"):
        assert got.get(unit) == "internal-unit", (unit, got)
    assert got["国家文物局"] == "department" and got["中国地震局"] == "earthquake"
    assert not [t for t in got if t.endswith(("查处", "格局", "大局", "全局"))], got


def test_party_organs_committees_and_detachments() -> None:
    got = _by_text(HEAD + "市直机关工委、市经济开发区管委会、市消防救援支队和市行政复议委员会参加。"
                          "县纪委监委派驻纪检监察组监督。\n")
    assert {"市直机关工委", "市经济开发区管委会", "市消防救援支队", "市行政复议委员会"} <= set(got), got
    assert got["市消防救援支队"] == "fire-rescue" and "派驻纪检监察组" not in got
    got = _by_text(HEAD + "市食品安全管理委员会、市管委会检查。\n")  # a coordinating committee; no zone named
    assert set(got) == {"醴陵市人民政府"}


def test_a_zone_committee_owned_by_a_short_place_name() -> None:
    got = _by_text("江北区2021年法治政府建设工作报告\n与重庆两江新区管委会共建。街道纪工委监督。\n")
    assert "重庆两江新区管委会" in got
    got = _by_text("湖滨街道2021年法治建设工作报告\n2021年,杭州市上城区湖滨街道坚持依法办事。街道纪工委、街道党政办监督。\n")
    assert {"街道纪工委", "街道党政办"} <= set(got), got


STREET = ("2022年,杭州市上城区湖滨街道坚持依法行政,推进法治街道建设。\n街道党工委统筹,与上城公安分局湖滨派出所联合整治,"
          "杭州市上城区人民政府湖滨街道办事处牵头。\n下一步,街道将继续努力。\n杭州市上城区人民政府湖滨街道办事处\n2023年1月5日\n")


def test_street_office_full_name_is_one_body_and_the_jurisdiction() -> None:
    d = extract_text(STREET)
    assert d.meta.jurisdiction == "杭州市上城区人民政府湖滨街道办事处"
    by = {a.text: a for a in d.agencies}
    assert "杭州市上城区人民政府湖滨街道办事处" in by and "杭州市上城区人民政府" not in by
    assert by["杭州市上城区人民政府湖滨街道办事处"].type == "people-government"


def test_a_station_named_after_its_branch_bureau_is_one_body() -> None:
    by = {a.text: a for a in extract_text(STREET).agencies}
    assert "上城公安分局湖滨派出所" in by and "派出所" not in by and "公安分局" not in by
    assert by["上城公安分局湖滨派出所"].type == "dispatched-body"


def test_city_bureau_named_with_a_county_short_name_is_its_branch() -> None:
    d = extract_text("石狮市人民政府关于2019年度法治政府建设情况的报告\n泉州市石狮生态环境局、石狮市税务局检查。\n")
    by = {a.text: a for a in d.agencies}
    assert by["泉州市石狮生态环境局"].type == "dispatched-body" and "生态环境局" not in by


def test_a_municipality_names_its_departments_bureaus() -> None:
    d = extract_text("2021年,天津市人民政府坚持依法行政。天津市司法局、市教委、天津市高级人民法院配合。\n")
    by = {a.text: a for a in d.agencies}
    assert by["天津市司法局"].name == "天津市司法局" and by["市教委"].iri.endswith("/120000/gov/education")


def test_merged_bureaus_named_by_several_fields() -> None:
    got = _by_text(HEAD + "市文化旅游广电局、市文化广电体育和旅游局、市自然资源和规划局检查,推进教育司法局配合。\n")
    assert got["市文化旅游广电局"] == got["市文化广电体育和旅游局"] == "culture-tourism"
    assert got["市自然资源和规划局"] == "natural-resources"
    assert "司法局" in got and "推进教育司法局" not in got and "教育司法局" not in got  # no owner: stems stay apart


def test_county_branches_of_city_bureaus_and_vertical_administrations() -> None:
    d = extract_text("浏阳市人民政府关于2022年度法治政府建设情况的报告\n长沙市生态环境局浏阳分局、"
                     "国家税务总局浏阳市税务局、市公安局交警大队检查。\n")
    by = {a.text: a for a in d.agencies}
    assert by["长沙市生态环境局浏阳分局"].type == "dispatched-body"
    assert by["国家税务总局浏阳市税务局"].type == "taxation" and "国家税务总局" not in by
    assert "市公安局" in by


def test_a_provincial_department_report_names_its_own_offices_and_systems() -> None:
    d = extract_text("江西省司法厅2021年法治政府建设年度报告\n2021年,省司法厅在省委、省政府领导下工作。厅机关党委、"
                     "厅行政复议与应诉局、驻厅纪检监察组配合,省监狱管理局、省戒毒管理局、南昌市司法局参加。"
                     "各设区市司法局、各县(市、区)司法局落实。部门建设情况纳入厅局考核。\n")
    got = {a.text: a.type for a in d.agencies}
    assert got["厅机关党委"] == got["厅行政复议与应诉局"] == got["驻厅纪检监察组"] == "internal-unit"
    assert got["省监狱管理局"] == "prison-administration" and got["省戒毒管理局"] == "drug-rehabilitation"
    assert "司法局" not in got and not [t for t in got if "门" in t]


def test_more_standard_bureaus() -> None:
    got = _by_text(HEAD + "市乡村振兴局、市扶贫办、市机关事务管理局、市投资促进局、市地震局、市侨务办配合。平台办理。\n")
    assert got == {"醴陵市人民政府": "people-government", "市乡村振兴局": "rural-revitalization",
                   "市扶贫办": "poverty-alleviation", "市机关事务管理局": "offices-administration",
                   "市投资促进局": "investment-promotion", "市地震局": "earthquake", "市侨务办": "overseas-chinese"}

"""GB/T 2260 look-ups restricted by context (ingest.divisions)."""

from ingest import divisions


def test_county_code_and_ancestors() -> None:
    (d,) = divisions.candidates("台儿庄区")
    assert d.code == "370405" and d.level == "county" and d.noun == "区"
    assert [a.code for a in divisions.ancestors("370405")] == ["370400", "370000"]


def test_homonyms_are_all_returned_and_qualified() -> None:
    codes = {d.code for d in divisions.candidates("市中区")}
    assert {"370402", "370103", "511002", "511102"} <= codes
    assert divisions.qualified_name("370402") == "枣庄市市中区"
    assert divisions.qualified_name("110105") == "北京市朝阳区"
    assert divisions.qualified_name("120118") == "静海区"  # unique: no prefix


def test_pick_uses_context() -> None:
    opts = divisions.candidates("朝阳区")
    best, conf = divisions.pick(opts, ["110000"])
    assert best is not None and best.code == "110105" and conf > 0.5
    best, conf = divisions.pick(opts, [])
    assert conf <= 0.5  # no clue: low confidence


def test_municipality_districts_sit_under_the_province() -> None:
    d = divisions.get("500151")
    assert d is not None and d.parent == "500000"
    assert divisions.get("500000").noun == "市"  # 市委 in a 重庆 district report is 重庆市委


def test_towns_resolve_to_their_county() -> None:
    (t,) = divisions.towns("庆隆镇")
    assert t.parent == "500151" and t.level == "township" and t.code.startswith("500151") and len(t.code) == 9 and int(t.code[6:]) >= 700
    assert divisions.get(t.code) == t
    assert divisions.qualified_name(t.code) == "铜梁区庆隆镇"
    (s,) = divisions.towns("留下街道")
    assert divisions.qualified_name(s.code) == "杭州市西湖区留下街道" and s.noun == "街道"


def test_short_names() -> None:
    assert divisions.short_name("枣庄市") == "枣庄"
    assert divisions.short_name("广西壮族自治区") == "广西"
    assert divisions.short_name("酉阳土家族苗族自治县") == "酉阳"
    assert {d.code for d in divisions.candidates("湖北")} == {"420000"}

"""/reports and /reports/{key}: metadata, counts, sections, figures as CSV/JSON, breakdown checks, pages."""

import csv
import io

import pytest
from explore_fixture import SEED_KEY, make_client, real_client


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return real_client(tmp_path_factory.mktemp("reports"))


def test_report_list_with_metadata_and_counts(client):
    data = client.get("/reports", headers={"accept": "application/json"}).json()
    assert data["count"] == 2
    seed = next(r for r in data["reports"] if r["key"] == SEED_KEY)
    assert seed["year"] == 2019 and seed["published"] == "2020-01-15"
    assert seed["issuer_label"] == "台儿庄区人民政府"
    assert seed["counts"]["mentions_document"] >= 8 and seed["counts"]["figures"] >= 20
    first = client.get("/reports", params={"format": "json", "limit": 1}).json()
    assert first["count"] == 1 and first["next"] == "/reports?format=json&offset=1&limit=1"
    second = client.get(first["next"]).json()
    assert second["reports"][0]["key"] != first["reports"][0]["key"]
    only_2019 = client.get("/reports", params={"year": 2019, "format": "json"}).json()
    assert [r["key"] for r in only_2019["reports"]] == [SEED_KEY]


def test_report_list_as_csv_and_html(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/reports?format=csv").text)))
    assert {r["key"] for r in rows} >= {SEED_KEY} and rows[0]["figures"]
    html = client.get("/reports", headers={"accept": "text/html"}).text
    assert f'href="/reports/{SEED_KEY}"' in html


def test_report_detail_json(client):
    data = client.get(f"/reports/{SEED_KEY}", headers={"accept": "application/json"}).json()
    assert data["index_number"] == "370405/2020-00025"
    assert data["header"]["索引号"] == "370405/2020-00025"
    top = [s["number"] for s in data["sections"] if s["level"] == 1]
    assert top == ["一", "二", "三", "四", "五", "六", "七", "八"]
    assert data["mention_counts"]["document"] >= 8
    assert data["breakdowns_not_adding_up"] == []


def _figure(figs, raw):
    return next(f for f in figs if f["raw"] == raw)


def test_figures_json_with_breakdown_checks(client):
    figs = client.get(f"/reports/{SEED_KEY}/figures.json").json()["figures"]
    total = _figure(figs, "54项")
    assert sorted(figs[i]["value"] for i in total["parts"]) == [4, 24, 26]
    assert total["check"] == {"parts_sum": 54, "total": 54, "ok": True, "exhaustive": True, "difference": 0}
    npc = next(f for f in figs if f["value"] == 53 and f["parts"])
    assert sorted(figs[i]["value"] for i in npc["parts"]) == [4, 16, 33] and npc["check"]["ok"]


def test_figures_csv_for_statistics_software(client):
    r = client.get(f"/reports/{SEED_KEY}/figures.csv")
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    total = next(x for x in rows if x["raw"] == "54项")
    parts = [x for x in rows if x["part_of"] == total["n"]]
    assert sorted(float(x["value"]) for x in parts) == [4, 24, 26]
    assert total["check"] == "ok" and float(total["parts_sum"]) == 54
    assert client.get(f"/reports/{SEED_KEY}/figures", params={"format": "csv"}).text == r.text


def test_report_page_highlights_mentions_and_lists_sections(client):
    html = client.get(f"/reports/{SEED_KEY}", headers={"accept": "text/html"}).text
    assert 'class="mention document"' in html and 'class="mention figure"' in html
    assert 'class="mention mechanism"' in html
    assert 'href="#sec-1"' in html and 'id="sec-1"' in html
    assert "依法全面履行政府职能" in html
    assert 'class="flag-ok"' in html and 'class="flag-bad"' not in html


def test_unknown_report_is_404(client):
    assert client.get("/reports/999999-2019-gov", headers={"accept": "application/json"}).status_code == 404
    assert client.get("/reports/999999-2019-gov/figures.csv").status_code == 404
    assert client.get("/reports/bad key!", headers={"accept": "text/html"}).status_code == 404


def test_parts_that_do_not_add_up_are_flagged(tmp_path):
    broken = make_client(tmp_path, parts_of_54=("26项", "24项"))  # the 4项 part left out
    data = broken.get(f"/reports/{SEED_KEY}", headers={"accept": "application/json"}).json()
    total = _figure(data["figures"], "54项")
    assert total["check"]["ok"] is False and total["check"]["parts_sum"] == 50
    assert data["breakdowns_not_adding_up"] == [data["figures"].index(total)]
    html = broken.get(f"/reports/{SEED_KEY}?lang=en", headers={"accept": "text/html"}).text
    assert 'class="flag-bad"' in html and "50 ≠ 54" in html
    rows = list(csv.DictReader(io.StringIO(broken.get(f"/reports/{SEED_KEY}/figures.csv").text)))
    assert next(x for x in rows if x["raw"] == "54项")["check"] == "mismatch"

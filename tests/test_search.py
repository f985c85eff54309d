"""/search: Chinese substrings, traditional forms, English, IRIs, type filters, ranking."""

import pytest
from explore_fixture import APPROVAL, CHAOYANG_GOV, GOV, JUSTICE, SHUANG, make_client

from service.search import LabelIndex, norm


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return make_client(tmp_path_factory.mktemp("search"))


def search(client, **params):
    r = client.get("/search", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_chinese_substring_finds_the_justice_bureau(client):
    data = search(client, q="司法局")
    assert [x["iri"] for x in data["results"]] == [JUSTICE]
    hit = data["results"][0]
    assert hit["label"] == "台儿庄区司法局" and hit["kind"] == "agency" and hit["mentions"] >= 1
    assert hit["href"] == "/id/org/370405/gov/justice"


def test_mechanism_by_part_of_its_name(client):
    data = search(client, q="双随机")
    assert data["results"][0]["iri"] == SHUANG
    assert data["results"][0]["match"] == "exact"  # 双随机 is one of its labels


def test_ranking_exact_then_prefix_then_substring_then_mentions(client):
    data = search(client, q="区政府")
    iris = [x["iri"] for x in data["results"]]
    assert iris[0] == GOV  # exact alt label 区政府
    assert CHAOYANG_GOV in iris
    matches = [x["match"] for x in data["results"]]
    assert matches == sorted(matches, key=["exact", "prefix", "substring", "iri"].index)
    data = search(client, q="台儿庄区")
    first = data["results"][0]
    assert first["match"] == "exact" and first["kind"] == "place"
    subs = [x for x in data["results"] if x["match"] == "prefix"]
    assert [x["mentions"] for x in subs] == sorted((x["mentions"] for x in subs), reverse=True)


def test_traditional_characters_and_full_width_forms(client):
    assert search(client, q="司法局")["results"] == search(client, q="司法局")["results"]
    assert search(client, q="區司法局")["results"][0]["iri"] == JUSTICE


def test_english_and_iri_lookup(client):
    assert search(client, q="Justice Bureau")["results"][0]["iri"] == JUSTICE
    assert search(client, q=APPROVAL)["results"][0]["iri"] == APPROVAL
    assert search(client, q="admin-approval")["results"][0]["match"] == "iri"


def test_type_and_kind_filters(client):
    data = search(client, q="台儿庄", type="fz:PeoplesGovernment")
    assert [x["iri"] for x in data["results"]] == [GOV]
    data = search(client, q="台儿庄", kind="place")
    assert {x["kind"] for x in data["results"]} == {"place"}


def test_no_match_and_bad_query(client):
    assert search(client, q="不存在的机构名称")["total"] == 0
    assert client.get("/search", params={"q": ""}).status_code == 422
    assert client.get("/search", params={"q": "  "}).status_code == 400


def test_norm_folds_forms():
    assert norm("區司法局") == "区司法局"
    assert norm("  Justice   Bureau ") == "justice bureau"


def test_index_counts_every_labelled_entity(tmp_path):
    from explore_fixture import ENTITIES, load

    from fazhi.store import LocalStore

    store = LocalStore(load(tmp_path / "s"), read_only=True)
    index = LabelIndex(store)
    assert set(ENTITIES) <= {e.iri for e in index.entries}
    total, hits = index.search("人民政府")
    assert total >= 2 and all("人民政府" in lab for _, _, lab in hits)


def test_index_is_built_in_the_background_at_start_up(tmp_path):
    import time

    from explore_fixture import load
    from fastapi.testclient import TestClient

    from service.app import create_app
    from service.settings import Settings

    app = create_app(Settings(store=load(tmp_path / "s")))
    with TestClient(app) as c:  # runs the start-up hooks
        deadline = time.monotonic() + 30
        while app.state.label_index._index is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert app.state.label_index._index is not None
        assert c.get("/search", params={"q": "司法局"}).json()["results"][0]["iri"] == JUSTICE

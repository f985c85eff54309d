"""Entity pages on hubs: incoming links and evidence are paged (``?page=``) with capped totals."""

import pytest
from explore_fixture import GOV, SEED_IRI, load, make_client

import service.entity as entity
from fazhi.store import LocalStore
from service.ld_common import iri_to_path

TEXT = SEED_IRI + "/text"  # the object of every span of the seed report


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    st = LocalStore(load(tmp_path_factory.mktemp("paging") / "store"), read_only=True)
    yield st
    st.close()


def incoming_pairs(view) -> set[tuple[str, str]]:
    return {(pred, link.value) for pred, (_, links) in view.incoming.items() for link in links}


@pytest.mark.parametrize("node", [TEXT, GOV])
def test_incoming_links_are_paged_without_overlap_and_counted(store, monkeypatch, node):
    monkeypatch.setattr(entity, "PAGE_SIZE", 7)
    every = {(r["p"].value, r["s"].value) for r in store.query(f"SELECT DISTINCT ?s ?p WHERE {{ ?s ?p <{node}> }}")}
    assert len(every) > 7
    seen: set[tuple[str, str]] = set()
    page = 1
    while True:
        view = entity.entity_view(store, node, "zh", page)
        assert view.incoming_total == len(every) and view.page_size == 7
        part = incoming_pairs(view)
        assert len(part) <= 7 and not part & seen
        seen |= part
        if not view.has_next:
            break
        page += 1
    assert seen == every and page >= 2


def test_evidence_is_paged_and_its_total_matches(store):
    every = entity.fetch_evidence(store, GOV, limit=10_000)
    assert len(every) > 4
    assert entity.count_evidence(store, GOV) == len(every)
    pages = [entity.fetch_evidence(store, GOV, limit=4, offset=o) for o in range(0, len(every), 4)]
    spans = [ev.span for p in pages for ev in p]
    assert len(spans) == len(set(spans)) and set(spans) == {ev.span for ev in every}


def test_totals_stop_counting_at_the_cap(store):
    select = f"SELECT DISTINCT ?s ?p WHERE {{ ?s ?p <{TEXT}> }}"
    assert entity.capped_count(store, select, cap=5) == 6
    view = entity.EntityView(iri=TEXT, label="", labels={}, kind="", types=[], incoming_total=6, count_cap=5)
    assert view.total_text(6) == "5+" and view.total_text(5) == "5"


def test_entity_page_pager_over_http(tmp_path, monkeypatch):
    monkeypatch.setattr(entity, "PAGE_SIZE", 10)
    client = make_client(tmp_path)
    path = iri_to_path(TEXT)
    first = client.get(path, params={"format": "html"})
    assert first.status_code == 200 and 'rel="next"' in first.text and 'rel="prev"' not in first.text
    second = client.get(path, params={"format": "html", "page": 2})
    assert second.status_code == 200 and 'rel="prev"' in second.text
    for bad in ("0", "abc", "-1"):
        assert client.get(path, params={"format": "html", "page": bad}).status_code == 400

"""The store: atomic per-report replacement, no duplicates, nothing half-written."""

from __future__ import annotations

import pytest

from fazhi.store import LocalStore, StoreError, open_store

G1, G2, ENT = "https://w3id.org/fazhi/graph/report/a", "https://w3id.org/fazhi/graph/report/b", "https://w3id.org/fazhi/graph/entities"


def nt(*triples: tuple[str, str, str]) -> str:
    return "\n".join(f"<{s}> <{p}> {o} ." for s, p, o in triples)


def test_replace_is_idempotent_and_merges_entities(tmp_path) -> None:
    store = open_store(tmp_path / "s")
    assert isinstance(store, LocalStore)
    rep = nt(("http://x/r", "http://x/p", '"1"'), ("http://x/r", "http://x/q", '"2"'))
    ent = nt(("http://x/e", "http://x/label", '"司法局"@zh'))
    for _ in range(3):
        store.replace_graphs({G1: rep}, merge={ENT: ent})
    store.replace_graphs({G2: nt(("http://x/r2", "http://x/p", '"1"'))}, merge={ENT: ent})
    assert store.count() == 4  # 2 in G1 + 1 in G2 + 1 entity triple, however often re-ingested
    assert store.graph_names() == sorted([G1, G2, ENT])
    store.replace_graphs({G1: nt(("http://x/r", "http://x/p", '"3"'))})
    rows = list(store.query(f"SELECT ?o WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}", union_default_graph=False))
    assert [r["o"].value for r in rows] == ["3"]


def test_failed_update_leaves_store_unchanged(tmp_path) -> None:
    store = open_store(tmp_path / "s")
    store.replace_graphs({G1: nt(("http://x/r", "http://x/p", '"1"'))})
    before = store.count()
    with pytest.raises((StoreError, SyntaxError, ValueError)):
        # the drop is valid, the data block is not: nothing of the update may apply
        store.replace_graphs({G1: "<http://x/r> <http://x/p> ."})
    assert store.count() == before


def test_store_persists_on_disk(tmp_path) -> None:
    store = open_store(tmp_path / "s")
    store.replace_graphs({G1: nt(("http://x/r", "http://x/p", '"1"'))})
    store.close()
    assert open_store(tmp_path / "s", read_only=True).count() == 1


def test_closing_a_read_only_store_and_closing_twice_are_fine(tmp_path) -> None:
    open_store(tmp_path / "s").close()
    ro = open_store(tmp_path / "s", read_only=True)
    ro.close()
    ro.close()


def test_a_read_only_view_follows_writes_made_elsewhere(tmp_path) -> None:
    writer = open_store(tmp_path / "s")
    writer.replace_graphs({G1: nt(("http://x/r", "http://x/p", '"1"'))})
    view = open_store(tmp_path / "s", read_only=True)
    view.refresh_every = 0.0
    assert view.count() == 1
    writer.replace_graphs({G2: nt(("http://x/r", "http://x/p", '"2"'))})
    writer.close()
    assert view.count() == 2 and view.graph_names() == [G1, G2]

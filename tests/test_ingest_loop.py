"""The ingest loop: re-ingesting replaces, a failing file does not stop the batch or touch the store."""

from __future__ import annotations

import shutil
from pathlib import Path

from fazhi.namespaces import report_graph
from fazhi.store import open_store
from ingest.load import ingest_paths

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"


def test_reingest_gives_the_same_store(tmp_path) -> None:
    store_dir = str(tmp_path / "store")
    first = ingest_paths([str(REPORTS / "taierzhuang-2019.txt")], store_location=store_dir, progress=False)
    assert first.loaded == 1 and not first.failures
    store = open_store(store_dir)
    n, graphs = store.count(), store.graph_names()
    store.close()
    again = ingest_paths([str(REPORTS / "taierzhuang-2019.txt")], store_location=store_dir, progress=False)
    assert again.loaded == 1
    store = open_store(store_dir)
    assert store.count() == n and store.graph_names() == graphs
    store.close()


def test_a_bad_file_in_a_batch_is_listed_and_the_rest_loads(tmp_path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(REPORTS / "001.txt", batch / "001.txt")
    shutil.copy(REPORTS / "002.txt", batch / "002.txt")
    (batch / "empty.txt").write_bytes(b"")
    summary = ingest_paths([str(batch), str(tmp_path / "missing.txt")], store_location=str(tmp_path / "s"),
                           progress=False)
    assert summary.loaded == 2 and summary.files == 4
    failed = dict(summary.failures)
    assert "empty" in failed[str(batch / "empty.txt")]
    assert "no such file" in failed[str(tmp_path / "missing.txt")]
    store = open_store(str(tmp_path / "s"))
    reports = [g for g in store.graph_names() if g.startswith(report_graph(""))]
    assert len([g for g in reports if not g.endswith("/validation")]) == 2
    store.close()


def test_reingest_without_validation_drops_the_old_validation_graph(tmp_path) -> None:
    """Stale SHACL results must not sit beside a report graph they no longer describe (normal and bulk paths)."""
    report = str(REPORTS / "001.txt")
    for bulk in (False, True):
        store_dir = str(tmp_path / f"store-{bulk}")
        ingest_paths([report], store_location=store_dir, progress=False)
        store = open_store(store_dir)
        assert any(g.endswith("/validation") for g in store.graph_names())
        store.close()
        ingest_paths([report], store_location=store_dir, progress=False, validate=False, bulk=bulk)
        store = open_store(store_dir)
        names = store.graph_names()
        store.close()
        assert not [g for g in names if g.endswith("/validation")], bulk
        assert len([g for g in names if g.startswith(report_graph(""))]) == 1

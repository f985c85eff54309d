"""Bulk ingest in several batches (loaded in a background thread) gives the store of the normal path."""

from __future__ import annotations

import shutil
from functools import partial
from pathlib import Path

import pytest
from test_parallel_ingest import normalized_quads

import ingest.bulk
from ingest.load import ingest_paths

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"
NAMES = ["taierzhuang-2019.txt", "001.txt", "004.txt", "008.txt", "012.txt"]


@pytest.fixture
def five_reports(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in NAMES:
        shutil.copy(REPORTS / name, folder / name)
    return folder


def test_batches_of_two_give_the_same_store_as_the_normal_path(tmp_path, five_reports, monkeypatch) -> None:
    normal = ingest_paths([str(five_reports)], store_location=str(tmp_path / "normal"), progress=False, validate=False)
    monkeypatch.setattr(ingest.bulk, "bulk_load_results", partial(ingest.bulk.bulk_load_results, batch_reports=2))
    bulk = ingest_paths(
        [str(five_reports)], store_location=str(tmp_path / "bulk"), progress=False, validate=False, bulk=True
    )
    assert normal.loaded == bulk.loaded == len(NAMES)
    reference = normalized_quads(tmp_path / "normal")
    assert len(reference) > 1000
    assert normalized_quads(tmp_path / "bulk") == reference


def test_a_failing_batch_load_is_reported_as_a_failure(tmp_path, five_reports, monkeypatch) -> None:
    calls = []

    def fail(*args, **kwargs):
        calls.append(1)
        raise OSError("disk full")

    monkeypatch.setattr(ingest.bulk, "bulk_load_results", partial(ingest.bulk.bulk_load_results, batch_reports=2))
    monkeypatch.setattr(ingest.bulk.bulk_journal, "commit", fail)  # raised in the loader thread
    summary = ingest_paths([str(five_reports)], store_location=str(tmp_path / "s"), progress=False, validate=False,
                           bulk=True)
    assert calls == [1]  # the first batch's error stops the run before a second batch is loaded
    assert [msg for _, msg in summary.failures] == ["bulk load: disk full"]

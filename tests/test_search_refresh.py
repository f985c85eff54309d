"""The search index follows the store: a change is noticed cheaply and the new index is built in the background."""

from __future__ import annotations

import time
from pathlib import Path

from fazhi.store import open_store
from ingest.load import ingest_paths
from service.search import IndexCache, change_token

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"


def test_a_new_report_reaches_the_index_without_blocking_searches(tmp_path) -> None:
    location = str(tmp_path / "store")
    ingest_paths([str(REPORTS / "001.txt")], store_location=location, progress=False)
    view = open_store(location, read_only=True)
    cache = IndexCache(ttl=0.0)
    first = cache.get(view)
    token = change_token(view)
    assert cache.get(view) is first  # nothing changed: the same index, no rebuild
    total_before, _ = first.search("台儿庄", None, None, 20, 0)

    ingest_paths([str(REPORTS / "taierzhuang-2019.txt")], store_location=location, progress=False)
    assert change_token(view) != token
    assert cache.get(view) is first  # the change is seen, but the old index answers while the new one builds
    deadline = time.monotonic() + 60
    while (index := cache.get(view)) is first and time.monotonic() < deadline:
        time.sleep(0.05)
    assert index is not first
    total_after, found = index.search("台儿庄", None, None, 20, 0)
    assert total_after > total_before and found
    view.close()

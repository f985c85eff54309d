"""SIGKILL ``fazhi ingest`` at random points of a batch, many times: no half report, no duplicate.

Each mode (one process, ``--jobs 2``, ``--bulk``) gets a chain of seeded kills on its own store; after
every kill the store opens and holds only complete reports (``tests/crash_harness.py`` says what is
checked), and a final uninterrupted run leaves exactly the store a clean single run gives. The longer
run is ``bench/reliability_crash.py``.
"""

from __future__ import annotations

import os

import pytest
from crash_harness import REPORTS, check_complete, expected_graphs, kill_chain, time_clean_run

KILLS = 4  # per mode, 12 in all: ~45 s on the shared 2-core machine (each kill starts a fresh `fazhi ingest`)
MODES = {"normal": 11, "jobs2": 22, "bulk": 33}  # mode → seed


@pytest.fixture(scope="module")
def expected():
    return expected_graphs(REPORTS)


@pytest.fixture(scope="module")
def scale(tmp_path_factory, expected) -> float:
    """Seconds of one uninterrupted ingest of the batch (kill delays are spread over it).

    That clean run's store is also what the harness expects (a check of the check).
    """
    store = tmp_path_factory.mktemp("clean") / "store"
    seconds = time_clean_run(store, "normal")
    check_complete(store, expected)
    return seconds


@pytest.mark.parametrize("mode", MODES)
def test_killed_ingests_leave_complete_reports_and_a_rerun_completes(tmp_path, expected, scale, mode):
    factor = 1.5 if mode == "jobs2" else 1.0  # worker start-up
    stats = kill_chain(tmp_path / "store", mode, expected, seed=MODES[mode], kills=KILLS, scale=factor * scale)
    print(mode, stats)
    assert stats.kills == KILLS, stats
    assert len(expected.report) == 15


def test_a_bulk_batch_cut_short_is_undone_at_the_next_writable_open(tmp_path, expected):
    """The journal, deterministically: a batch that re-loads report A and adds report B dies after
    dropping A and bulk-loading half of B; the next open restores A as it was and leaves no trace of B."""
    import pyoxigraph as ox
    from crash_harness import graph_set

    from fazhi import bulk_journal
    from fazhi.namespaces import report_graph, validation_graph
    from fazhi.store import LocalStore
    from ingest.load import ingest_paths

    location = tmp_path / "store"
    first = sorted(REPORTS.glob("0*.txt"))[0]
    assert ingest_paths([str(first)], str(location), progress=False).loaded == 1
    store = LocalStore(location)
    ox_store = store.oxigraph
    old = {g.value for g in ox_store.named_graphs()}
    key_a = next(k for k in expected.report if report_graph(k) in old)
    before = {g: graph_set(ox_store, g) for g in old}
    key_b = next(k for k in expected.report if k != key_a)
    batch = [report_graph(key_a), validation_graph(key_a), report_graph(key_b), validation_graph(key_b)]
    bulk_journal.begin(ox_store, location, batch, old)
    ox_store.update(f"DROP GRAPH <{report_graph(key_a)}>")
    half = sorted(expected.report[key_b])[: len(expected.report[key_b]) // 2]
    nquads = "".join(f"{t} <{report_graph(key_b)}> .\n" for t in half if "RUN" not in t and '"T"' not in t)
    ox_store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
    assert report_graph(key_b) in {g.value for g in ox_store.named_graphs()}  # the half report is there
    store.close()  # no commit: the process "died"
    del ox_store

    reopened = LocalStore(location)
    try:
        names = {g.value for g in reopened.oxigraph.named_graphs()}
        assert names == old
        assert {g: graph_set(reopened.oxigraph, g) for g in names} == before
        assert not bulk_journal.pending(location)
    finally:
        reopened.close()


_CREATE = """
import sys, time
from fazhi.store import LocalStore
store = LocalStore(sys.argv[1])
store.update("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }")
time.sleep(30)
"""


def test_a_store_whose_creation_was_killed_still_opens_read_only(tmp_path):
    """Regression: a process killed while Oxigraph created the store left a folder that only a writable
    open could complete ("Column family not found", no CURRENT); a reader (the service) could not open it.
    Stores are now created aside and renamed into place whole."""
    import random
    import signal
    import subprocess
    import sys
    import time

    from fazhi.store import LocalStore

    rng = random.Random(8)
    for i in range(12):
        location = tmp_path / f"s{i}"
        proc = subprocess.Popen([sys.executable, "-c", _CREATE, str(location)], start_new_session=True)
        time.sleep(rng.uniform(0.05, 0.6))
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        if not location.exists():
            continue
        view = LocalStore(location, read_only=True)  # raised StoreError before the fix
        assert len(view.oxigraph) in (0, 1)
        view.close()

"""Parallel (--jobs) and bulk ingest give the same store as the normal one-process run."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pyoxigraph as ox

from fazhi.store import open_store
from ingest.bulk import BulkWriter, to_nquads
from ingest.load import ingest_paths
from ingest.parallel import ReportResult, Task, process_reports

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"
RUN_ID = re.compile(r"\d{8}T\d{6}Z-[0-9a-f]{8}")
DATETIME = re.compile(r'"[^"]*"\^\^<http://www.w3.org/2001/XMLSchema#dateTime>')
BNODE = re.compile(r"_:[A-Za-z0-9]+")


def normalized_quads(store_dir: Path) -> list[str]:
    """The store's quads as sorted N-Quads lines, with run ids, timestamps and blank-node labels masked."""
    store = open_store(str(store_dir))
    buf = io.BytesIO()
    store.dump(buf, ox.RdfFormat.N_QUADS)
    store.close()
    text = BNODE.sub("_:b", DATETIME.sub('"T"', RUN_ID.sub("RUN", buf.getvalue().decode("utf-8"))))
    return sorted(text.splitlines())


def ingest(tmp_path: Path, name: str, **kwargs) -> tuple[Path, object]:
    store_dir = tmp_path / name
    summary = ingest_paths([str(REPORTS)], store_location=str(store_dir), progress=False, **kwargs)
    return store_dir, summary


def test_two_jobs_and_bulk_give_the_same_store_as_one_job(tmp_path) -> None:
    one, s1 = ingest(tmp_path, "one", jobs=1)
    two, s2 = ingest(tmp_path, "two", jobs=2)
    bulk, s3 = ingest(tmp_path, "bulk", jobs=2, bulk=True)
    assert s1.loaded > 0 and s1.triples > 0
    assert (s2.loaded, s2.triples, sorted(s2.failures)) == (s1.loaded, s1.triples, sorted(s1.failures))
    assert (s3.loaded, s3.triples, sorted(s3.failures)) == (s1.loaded, s1.triples, sorted(s1.failures))
    reference = normalized_quads(one)
    assert len(reference) > 100
    assert normalized_quads(two) == reference
    assert normalized_quads(bulk) == reference


def test_bulk_reingest_replaces_instead_of_adding(tmp_path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    for name in ("taierzhuang-2019.txt", "008.txt"):
        shutil.copy(REPORTS / name, batch / name)
    store_dir = tmp_path / "store"
    first = ingest_paths([str(batch)], store_location=str(store_dir), progress=False, bulk=True)
    assert first.loaded == 2
    before = normalized_quads(store_dir)
    again = ingest_paths([str(batch)], store_location=str(store_dir), progress=False, bulk=True, jobs=2)
    assert again.loaded == 2
    assert normalized_quads(store_dir) == before


def test_results_come_back_in_input_order_with_failures_in_place(tmp_path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    paths = [REPORTS / "001.txt", empty, tmp_path / "missing.txt", REPORTS / "002.txt"]
    tasks = [Task(str(p), {}, "run") for p in paths]
    for jobs in (1, 2):
        results = list(process_reports(iter(tasks), jobs=jobs, chunksize=1))
        assert [r.path for r in results] == [str(p) for p in paths]
        assert [bool(r.failure) for r in results] == [False, True, True, False], [r.failure for r in results]


def test_nquads_put_triples_in_their_graph_and_shared_entities_are_written_once() -> None:
    nt = '<http://x/s> <http://x/p> "a b ." .\n\n<http://x/s> <http://x/p> <http://x/o> .\n'
    assert list(to_nquads(nt, "http://g/1")) == [
        '<http://x/s> <http://x/p> "a b ." <http://g/1> .\n',
        "<http://x/s> <http://x/p> <http://x/o> <http://g/1> .\n",
    ]
    writer, out = BulkWriter(), io.StringIO()
    for key in ("k1", "k2"):
        result = ReportResult(path=key, key=key, report_nt=nt, entities_nt="<http://x/e> <http://x/p> <http://x/o> .\n")
        writer.write(result, out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 5 and sum("graph/entities" in line for line in lines) == 1
    ox.Store().load(out.getvalue(), ox.RdfFormat.N_QUADS)  # valid N-Quads

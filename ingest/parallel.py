"""Per-report work of an ingest run (extract → RDF → validate → N-Triples), in one or N processes.

``process_report`` does everything that does not touch the store and returns plain strings, so it
can run in a worker process; ``process_reports`` yields the results in input order, from the
calling process (``jobs <= 1``) or from a pool of ``jobs`` worker processes. The store writes stay
in the calling process (see ``ingest.load``), which is what keeps the store content identical
whatever ``jobs`` is (``ingest.bulk`` is the bulk-load path for large batches).
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from fazhi.config import DEFAULT_MAX_BYTES
from fazhi.namespaces import report_graph, validation_graph
from ingest.decode import InputError

#: Reports a worker handles before it is replaced: bounds what a worker can accumulate (pyoxigraph's
#: in-memory store, reused by the SHACL engine, keeps ~0.75 MB per 1,000 triples it ever held).
MAX_TASKS_PER_WORKER = 100


@dataclass
class ReportResult:
    """What one report contributes to the store (N-Triples text per graph), or why it failed."""

    path: str
    key: str = ""
    report_nt: str = ""
    validation_nt: str = ""
    entities_nt: str = ""
    triples: int = 0
    warnings: list[str] = field(default_factory=list)
    violations: int = 0
    failure: str = ""  # empty when the report is to be loaded
    validated: bool = False

    def replace(self) -> dict[str, str]:
        """Graphs to replace atomically: the report graph and its validation graph.

        Without validation the validation graph is replaced by nothing, so a re-ingest never leaves the
        results of an earlier run beside a report they no longer describe.
        """
        return {report_graph(self.key): self.report_nt,
                validation_graph(self.key): self.validation_nt if self.validated else ""}


@dataclass(frozen=True)
class Task:
    """One report to process and the run's settings (picklable for worker processes)."""

    path: str
    source_info: dict[str, str]
    run_id: str
    validate: bool = True
    keep_invalid: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES


def process_report(task: Task) -> ReportResult:
    """Extract, map, validate and serialise one report; never raises for a bad report."""
    from ingest.pipeline import extract_file
    from ingest.to_rdf import doc_to_rdf

    path = task.path
    result = ReportResult(path=path)
    try:
        doc = extract_file(path, max_bytes=task.max_bytes)
        doc.source_info = task.source_info
        rdf = doc_to_rdf(doc, run_id=task.run_id)
        result.key = rdf.key
        result.report_nt = rdf.report.serialize(format="nt")
        result.entities_nt = rdf.entities.serialize(format="nt")
        if task.validate:
            from shapes.validate import validate_report

            ntriples = f"{result.report_nt}\n{result.entities_nt}".encode()
            outcome = validate_report(rdf, ntriples=ntriples)
            result.validated = True
            result.validation_nt = outcome.graph.serialize(format="nt")
            result.warnings.extend(f"{path}: {m}" for m in outcome.messages(min_severity="Warning"))
            if outcome.violations and not task.keep_invalid:
                result.violations = outcome.violations
                raise InputError(
                    f"{outcome.violations} SHACL violation(s); not loaded (first: {outcome.first_violation()})"
                )
        result.triples = len(rdf.report) + len(rdf.entities)
        result.warnings.extend(doc.warnings)
    except InputError as e:
        result.failure = str(e).removeprefix(f"{path}: ")
    except Exception as e:  # a bug must not stop the batch; report it with its type
        result.failure = f"internal error: {type(e).__name__}: {e}"
    return result


def _pool_context() -> multiprocessing.context.BaseContext:
    """Forkserver: workers never inherit the parent's open store (RocksDB threads and locks)."""
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        ctx.set_forkserver_preload(["ingest.parallel", "ingest.pipeline", "ingest.to_rdf"])
    return ctx


def process_reports(tasks: Iterable[Task], jobs: int = 1, chunksize: int = 4) -> Iterator[ReportResult]:
    """Results of ``tasks`` in input order, computed here (``jobs <= 1``) or by ``jobs`` processes.

    At most a few chunks per worker are in flight (tasks are fed only as results are consumed), so
    memory does not grow with the number of reports even when the consumer is the slower side.
    """
    if jobs <= 1:
        for task in tasks:
            yield process_report(task)
        return
    in_flight = threading.Semaphore(4 * jobs * chunksize)
    stop = threading.Event()

    def feed() -> Iterator[Task]:
        for task in tasks:
            in_flight.acquire()
            if stop.is_set():
                return
            yield task

    pool = _pool_context().Pool(processes=jobs, maxtasksperchild=MAX_TASKS_PER_WORKER)
    try:
        for result in pool.imap(process_report, feed(), chunksize=chunksize):
            in_flight.release()
            yield result
        pool.close()
    finally:
        stop.set()
        in_flight.release()  # unblock the feeder if we stopped early
        pool.terminate()
        pool.join()

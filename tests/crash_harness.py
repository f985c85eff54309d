"""SIGKILL an ingest at random points and check what survives (used by tests and ``bench/``).

``expected_graphs`` computes, in this process and without a store, what a clean ingest of each
report gives (report, validation and entity triples). ``kill_chain`` runs ``fazhi ingest`` on the
same store again and again, killing it (the whole process group) after seeded random delays; after
each kill ``check_store`` asserts what must hold:

* the store opens (read-only, as the service does, and for writing, as the next ingest does);
* every report graph in it equals the clean one, and comes with its validation graph (they are
  replaced in one transaction); no graph that a clean ingest does not make;
* the entities graph holds exactly the entities of the reports present (normal path and
  ``--jobs``: a report and its entities are loaded in one transaction); after a killed ``--bulk``
  batch (undone by the journal, ``fazhi.bulk_journal``) it may also hold entity triples of reports of
  that batch, never a triple no clean ingest makes;
* the vocabulary graph, when present, is the clean one.

Run identifiers (``id/run/…``) and the times of runs and validations differ between runs and are normalised.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from fazhi.namespaces import ENTITIES_GRAPH, VOCAB_GRAPH, report_graph, validation_graph

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "data" / "reports"
FAZHI = str(Path(sys.executable).with_name("fazhi"))
RUN_ID = "19700101T000000Z-00000000"
_RUN = re.compile(r"/id/run/[^>]+>")
_BNODE = re.compile(r"_:\w+")

MODES: dict[str, list[str]] = {"normal": [], "jobs2": ["--jobs", "2"], "bulk": ["--bulk"]}


def _triple(s, p, o) -> str:
    line = f"{s} {p} {o}"
    line = _RUN.sub("/id/run/RUN>", line)
    if "prov#startedAtTime>" in line or "prov#generatedAtTime>" in line:  # the clock of the run
        line = line.rsplit(" ", 1)[0] + ' "T"'
    return _BNODE.sub("_:b", line)


def nt_set(ntriples: str) -> frozenset[str]:
    """Normalised triples of N-Triples text, as a store holds them (Oxigraph canonicalises literals)."""
    store = ox.Store()
    store.load(ntriples, format=ox.RdfFormat.N_TRIPLES)
    return frozenset(_triple(q.subject, q.predicate, q.object) for q in store)


def _count(ntriples: str) -> int:
    store = ox.Store()
    store.load(ntriples, format=ox.RdfFormat.N_TRIPLES)
    return len(store)


def graph_set(store: ox.Store, graph: str) -> frozenset[str]:
    """Normalised triples of one named graph."""
    return frozenset(_triple(q.subject, q.predicate, q.object)
                     for q in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))


@dataclass
class Expected:
    """What a clean ingest of the batch gives, per report key."""

    report: dict[str, frozenset[str]] = field(default_factory=dict)
    validation: dict[str, frozenset[str]] = field(default_factory=dict)
    entities: dict[str, frozenset[str]] = field(default_factory=dict)
    vocab: frozenset[str] = frozenset()
    vocab_quads: int = 0

    def graphs(self) -> set[str]:
        names = {str(ENTITIES_GRAPH), str(VOCAB_GRAPH)}
        for key in self.report:
            names |= {report_graph(key), validation_graph(key)}
        return names

    def all_entities(self) -> frozenset[str]:
        return frozenset().union(*self.entities.values())


def expected_graphs(folder: Path = REPORTS) -> Expected:
    """The graphs a clean ingest of every report under ``folder`` gives (computed in this process)."""
    from ingest.load import find_reports, read_sources
    from ingest.parallel import Task, process_report
    from ontology import vocabulary_graph

    files, _ = find_reports([str(folder)])
    sources = read_sources(files)
    vocab_nt = vocabulary_graph().serialize(format="nt")
    out = Expected(vocab=nt_set(vocab_nt), vocab_quads=_count(vocab_nt))
    for path in files:
        result = process_report(Task(str(path), sources.get(path, {}), RUN_ID))
        assert not result.failure, (path, result.failure)
        out.report[result.key] = nt_set(result.report_nt)
        out.validation[result.key] = nt_set(result.validation_nt)
        out.entities[result.key] = nt_set(result.entities_nt)
    return out


def ingest_command(store: Path, mode: str, folder: Path = REPORTS) -> list[str]:
    return [FAZHI, "ingest", str(folder), "--store", str(store), "-q", *MODES[mode]]


def run_and_kill(command: list[str], delay: float) -> bool:
    """Run ``command``, SIGKILL its process group after ``delay`` s; True if it was killed (not finished)."""
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return True


@dataclass
class CheckResult:
    """What one check found in the store."""

    reports: int  # complete reports present
    repaired: int  # graphs an interrupted bulk batch left, undone at the writable open


def _check_view(store: ox.Store, expected: Expected, bulk: bool) -> int:
    names = {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
    unexpected = names - expected.graphs()
    assert not unexpected, f"graphs a clean ingest does not make: {sorted(unexpected)[:5]}"
    present = [k for k in expected.report if report_graph(k) in names]
    for key in expected.report:
        has_report, has_validation = report_graph(key) in names, validation_graph(key) in names
        assert has_report == has_validation, f"{key}: report graph {has_report}, validation graph {has_validation}"
    for key in present:
        assert graph_set(store, report_graph(key)) == expected.report[key], f"{key}: report graph differs"
        assert graph_set(store, validation_graph(key)) == expected.validation[key], f"{key}: validation differs"
    entities = graph_set(store, str(ENTITIES_GRAPH))
    needed = frozenset().union(*(expected.entities[k] for k in present))
    assert needed <= entities, f"entities of present reports missing: {sorted(needed - entities)[:3]}"
    if bulk:
        extra = entities - expected.all_entities()
        assert not extra, f"entity triples no clean ingest makes: {sorted(extra)[:3]}"
    else:
        assert entities == needed, f"entity triples of no present report: {sorted(entities - needed)[:3]}"
    if str(VOCAB_GRAPH) in names:
        assert graph_set(store, str(VOCAB_GRAPH)) == expected.vocab, "vocabulary graph differs"
    return len(present)


def check_store(location: Path, expected: Expected, mode: str) -> CheckResult:
    """Assert the invariants after a kill; open read-only first (what a reader sees), then for writing."""
    from fazhi import bulk_journal
    from fazhi.store import LocalStore

    bulk = mode == "bulk"
    if not location.exists():
        return CheckResult(0, 0)
    pending = bulk_journal.pending(location)
    if not pending:  # with a journal pending, readers may see the half batch until the next writer opens
        view = LocalStore(location, read_only=True)
        try:
            _check_view(view.oxigraph, expected, bulk)
        finally:
            view.close()
    writer = LocalStore(location)
    try:
        assert not bulk_journal.pending(location), "a writable open leaves no journal"
        return CheckResult(_check_view(writer.oxigraph, expected, bulk), len(pending))
    finally:
        writer.close()


def check_complete(location: Path, expected: Expected) -> None:
    """The store equals a clean single run: every graph the clean one, each report once."""
    from fazhi.store import LocalStore

    store = LocalStore(location, read_only=True)
    try:
        ox_store = store.oxigraph
        names = {g.value for g in ox_store.named_graphs() if isinstance(g, ox.NamedNode)}
        assert names == expected.graphs()
        for key in expected.report:
            assert graph_set(ox_store, report_graph(key)) == expected.report[key], key
            assert graph_set(ox_store, validation_graph(key)) == expected.validation[key], key
        assert graph_set(ox_store, str(ENTITIES_GRAPH)) == expected.all_entities()
        assert graph_set(ox_store, str(VOCAB_GRAPH)) == expected.vocab
        rows = store.query("PREFIX fz: <https://w3id.org/fazhi/ont#> "
                           "SELECT (COUNT(?r) AS ?n) WHERE { ?r a fz:AnnualReport }")
        assert int(next(iter(rows))["n"].value) == len(expected.report)
        total = sum(len(expected.report[k]) + len(expected.validation[k]) for k in expected.report)
        total += len(expected.all_entities()) + expected.vocab_quads
        assert store.count() == total, "duplicate or stray quads"
    finally:
        store.close()


@dataclass
class ChainStats:
    """What a kill chain did."""

    kills: int = 0
    finished_early: int = 0
    repaired_batches: int = 0
    restarts: int = 0  # times the store was complete after a kill and the chain went on with an empty one
    reports_after_kill: list[int] = field(default_factory=list)
    seconds: float = 0.0


def time_clean_run(store: Path, mode: str, folder: Path = REPORTS) -> float:
    """Seconds an uninterrupted ingest takes (the scale of the kill delays)."""
    t0 = time.monotonic()
    subprocess.run(ingest_command(store, mode, folder), check=True, capture_output=True)
    return time.monotonic() - t0


def kill_chain(store: Path, mode: str, expected: Expected, *, seed: int, kills: int, scale: float,
               budget: float = float("inf"), max_kills: int = 0, folder: Path = REPORTS) -> ChainStats:
    """Kill ``kills`` ingests of the batch into ``store`` (more, up to ``max_kills``, while ``budget`` s
    last), check after each, then ingest to completion and check the store equals a clean run.

    A kill can find the batch complete (it hit the last store writes or the flush): the next kill then
    re-ingests over complete reports (replacement under a kill), or, more often, the chain starts
    again from an empty store, so that most kills cut a batch.

    Half of the delays are uniform over the whole run (``1.1 × scale`` s, startup and finish included),
    half fall in its last third, where the store is written (the bulk load, the last reports, the flush).
    """
    rng = random.Random(seed)
    stats = ChainStats()
    t0 = time.monotonic()
    command = ingest_command(store, mode, folder)
    while stats.kills < kills or (stats.kills < max_kills and time.monotonic() - t0 < budget):
        if rng.random() < 0.5:
            delay = rng.uniform(0.0, 1.1 * scale)
        else:
            delay = rng.uniform(0.67 * scale, 1.05 * scale)
        started = time.monotonic()
        if run_and_kill(command, delay):
            stats.kills += 1
        else:  # the run was faster than thought: spread the next delays over its real length
            stats.finished_early += 1
            scale = time.monotonic() - started
        result = check_store(store, expected, mode)
        stats.repaired_batches += bool(result.repaired)
        stats.reports_after_kill.append(result.reports)
        if result.reports == len(expected.report) and rng.random() < 0.6:
            shutil.rmtree(store)  # mostly start again from an empty store: kills then land on a partial batch
            stats.restarts += 1
    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    check_complete(store, expected)
    stats.seconds = time.monotonic() - t0
    return stats

"""Bounded SPARQL execution: a pool of worker processes that are killed at the time limit.

pyoxigraph cannot cancel a running query from Python, so each query runs in a worker process that
opens the store read-only (a directory) or talks to the remote server (a URL). The parent waits
for the answer up to the deadline; past it, the worker is killed (which stops the work for real)
and a fresh one takes its place. Workers serialise the results themselves, with the row cap
applied, so the parent only relays bytes.

After a write the parent bumps ``generation``; a worker reopens its read-only view of the store
before its next query when its generation is older, so it sees the new data.
"""

from __future__ import annotations

import asyncio
import itertools
import multiprocessing as mp
import os
import signal
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

import pyoxigraph as ox

from fazhi.store import disk_signature
from service.conneg import RDF_TYPES, RESULTS_TYPES
from service.truncation_note import mark_truncated


@dataclass(slots=True)
class QueryJob:
    """One query, as the worker needs it."""

    text: str
    form: str  # SELECT, ASK, CONSTRUCT, DESCRIBE
    media_type: str  # negotiated output type
    max_rows: int
    union_default_graph: bool = True
    default_graphs: list[str] | None = None
    named_graphs: list[str] | None = None
    base_iri: str | None = None
    describe_select: str | None = None  # for DESCRIBE: SELECT of the described resources
    note_iri: str | None = None  # what a truncated body links to (see service.truncation_note)
    generation: int = 0


@dataclass(slots=True)
class QueryReply:
    """What the worker sends back."""

    status: int
    media_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


class QueryTimeout(Exception):
    """The query ran past its time limit and was stopped."""


class PoolClosed(Exception):
    """The pool was shut down."""


# ----------------------------------------------------------------------------- execution (worker side)


def _dataset_kwargs(job: QueryJob) -> dict:
    if job.default_graphs is None and job.named_graphs is None:
        return {"union_default_graph": job.union_default_graph}
    return {
        "union_default_graph": False,
        "default_graph": [ox.NamedNode(g) for g in job.default_graphs or []],
        "named_graphs": [ox.NamedNode(g) for g in job.named_graphs or []],
    }


class _Enough(Exception):
    """Raised by :class:`_LineCap` to stop a serialiser once it has written enough lines."""


class _LineCap:
    """A binary sink that keeps the first ``limit`` lines and stops the writer at the line after them."""

    def __init__(self, limit: int):
        self.limit = limit
        self.parts: list[bytes] = []
        self.lines = 0
        self.overflow = False

    def write(self, chunk) -> int:
        data = bytes(chunk)
        self.parts.append(data)
        self.lines += data.count(b"\n")
        if self.lines > self.limit:
            self.overflow = True
            raise _Enough
        return len(data)

    def flush(self) -> None:
        pass

    def text(self) -> bytes:
        """The kept lines (all of them when the writer finished below the limit)."""
        data = b"".join(self.parts)
        if not self.overflow:
            return data
        end = -1
        for _ in range(self.limit):
            end = data.index(b"\n", end + 1)
        return data[: end + 1]


def _solutions_body(solutions: ox.QuerySolutions, fmt: ox.QueryResultsFormat, max_rows: int) -> tuple[bytes, bool]:
    """Serialise at most ``max_rows`` solutions natively; says if rows were cut.

    Oxigraph writes TSV (one line per solution after the header) into a sink that stops it after
    ``max_rows`` rows, so a huge result is never built; TSV is then re-read and written in ``fmt``
    (both native: no Python object per row).
    """
    sink = _LineCap(max_rows + 1)  # header + rows
    try:
        solutions.serialize(sink, format=ox.QueryResultsFormat.TSV)
    except _Enough:
        pass
    tsv = sink.text()
    if fmt == ox.QueryResultsFormat.TSV:
        return tsv, sink.overflow
    return ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV).serialize(format=fmt), sink.overflow


def _inbound_triples(store, job: QueryJob, kwargs: dict, limit: int) -> list[ox.Triple]:
    """Triples whose object is one of the IRIs a DESCRIBE describes."""
    targets: set[ox.NamedNode] = set()
    for row in store.query(job.describe_select, base_iri=job.base_iri, **kwargs):
        targets.update(t for t in row if isinstance(t, ox.NamedNode))
    if not targets:
        return []
    values = " ".join(str(t) for t in targets)
    inbound = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ VALUES ?o {{ {values} }} ?s ?p ?o }}"
    kw = dict(kwargs)
    if "default_graph" in kw:  # inbound triples come from the same default graph
        kw.pop("named_graphs", None)
    return list(itertools.islice(store.query(inbound, **kw), limit + 1))


def execute(store, job: QueryJob) -> QueryReply:
    """Run one query on ``store`` and serialise its answer (row cap applied)."""
    kwargs = _dataset_kwargs(job)
    try:
        result = store.query(job.text, base_iri=job.base_iri, **kwargs)
        headers: dict[str, str] = {}
        truncated = False
        if isinstance(result, ox.QueryBoolean):
            body = result.serialize(format=RESULTS_TYPES[job.media_type])
        elif isinstance(result, ox.QuerySolutions):
            body, truncated = _solutions_body(result, RESULTS_TYPES[job.media_type], job.max_rows)
        else:
            triples = list(itertools.islice(result, job.max_rows + 1))
            if job.describe_select:
                triples = list(dict.fromkeys(triples + _inbound_triples(store, job, kwargs, job.max_rows)))
            truncated = len(triples) > job.max_rows
            body = ox.serialize(triples[: job.max_rows], format=RDF_TYPES[job.media_type])
        if truncated:
            headers["X-Fazhi-Truncated"] = "true"
            headers["X-Fazhi-Max-Rows"] = str(job.max_rows)
            if job.note_iri:
                body = mark_truncated(body, job.media_type, job.note_iri, job.max_rows)
        return QueryReply(200, job.media_type, body, headers)
    except SyntaxError as e:
        return QueryReply(400, "text/plain", f"Query syntax error: {e}".encode())
    except (RuntimeError, ValueError) as e:
        return QueryReply(500, "text/plain", f"Query failed: {e}".encode())


class _WorkerState:
    def __init__(self, location: str):
        self.location = location
        self.store = None
        self.generation = -1

    def store_for(self, generation: int):
        if self.store is None or generation != self.generation:
            from fazhi.store import open_store

            if self.store is not None:
                try:
                    self.store.close()
                except Exception:  # noqa: BLE001 - a read-only store cannot flush; dropping it is enough
                    pass
                self.store = None
            self.store = open_store(self.location, read_only=True)
            self.generation = generation
        return self.store


def worker_main(conn: Connection, location: str) -> None:
    """Worker process: answer jobs from ``conn`` until it closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    state = _WorkerState(location)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            try:
                reply = execute(state.store_for(job.generation), job)
            except OSError:  # e.g. files compacted away under an old read-only view: reopen, retry once
                state.store = None
                reply = execute(state.store_for(job.generation), job)
        except Exception as e:  # noqa: BLE001 - the parent must always get an answer
            reply = QueryReply(500, "text/plain", f"Query failed: {type(e).__name__}: {e}".encode())
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return


# ----------------------------------------------------------------------------- the pool (parent side)


#: A query still running after this long is deprioritised (nice 10) as soon as another query runs or arrives,
#: so cheap queries keep their latency (a slow query running alone keeps its priority).
SLOW_AFTER = 0.2
SLOW_NICE = 10
#: A new query gets an extra worker only when every worker has been on its query this long: earlier, busy
#: workers are usually about to finish, and a fresh worker (cold caches) costs more than waiting for them
#: (at concurrency 16 on 1,000 reports, forking at SLOW_AFTER cost 1.66x the CPU per request).
OVERFLOW_AFTER = 1.0
#: How often (seconds) to look whether another process changed an on-disk store.
REFRESH_EVERY = 1.0


class _Worker:
    def __init__(self, ctx, location: str):
        self.niced = False
        self.busy_since = 0.0  # when its current job was sent
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=worker_main, args=(child, location), daemon=True)
        self.process.start()
        child.close()

    def deprioritise(self) -> None:
        try:
            os.setpriority(os.PRIO_PROCESS, self.process.pid, SLOW_NICE)
            self.niced = True
        except (OSError, TypeError):
            pass

    def restore_priority(self) -> bool:
        """Back to normal priority after a slow query; False when not permitted (then retire the worker)."""
        if not self.niced:
            return True
        try:
            os.setpriority(os.PRIO_PROCESS, self.process.pid, 0)
        except (PermissionError, OSError):
            return False
        self.niced = False
        return True

    def kill(self) -> None:
        try:
            os.kill(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, TypeError):
            pass
        self.conn.close()
        self.process.join(timeout=5)


#: Signals a worker dies of when the query itself broke the engine (Oxigraph's recursive parser and
#: planner overflow the stack on queries nested or chained thousands deep: braces, ``!!!…``, ``BIND``s).
_QUERY_CRASH_SIGNALS = (signal.SIGSEGV, signal.SIGABRT, signal.SIGBUS)


def _death_reply(worker: _Worker, error: Exception) -> QueryReply:
    """The answer when a worker died running a query: 400 when the query crashed it, else 500."""
    worker.process.join(timeout=2)
    if worker.process.exitcode is not None and -worker.process.exitcode in _QUERY_CRASH_SIGNALS:
        return QueryReply(400, "text/plain", b"The query is too deeply nested or too long for the query engine "
                          b"(it exhausted the engine's stack): simplify it or split it.")
    return QueryReply(500, "text/plain", f"Query worker failed: {error}".encode())


class WorkerPool:
    """``size`` worker processes; :meth:`run` answers a job within a time limit or raises QueryTimeout."""

    def __init__(self, location: str, size: int = 4):
        self.location = location
        self.size = size
        self.generation = 0
        self._ctx = mp.get_context("forkserver")
        self._ctx.set_forkserver_preload(["service.query_exec", "fazhi.store"])
        self._idle: asyncio.LifoQueue[_Worker] | None = None
        self._all: set[_Worker] = set()
        self._closed = False
        self._spawning: asyncio.Future | None = None
        self._forking = 0  # extra workers being forked by _acquire
        self._active = 0  # queries in run(): waiting for a worker or running
        self._slow: set[_Worker] = set()  # past SLOW_AFTER but alone, so not deprioritised (yet)
        self._is_dir = os.path.isdir(location)
        self._signature = self._store_signature()
        self._checked = time.monotonic()

    async def start(self) -> None:
        """Create the pool and fork its workers (the server answers once they are ready)."""
        if self._idle is not None:
            return
        self._idle = asyncio.LifoQueue()  # the most recently used worker first: its caches are warm
        self._spawning = asyncio.ensure_future(self._spawn(self.size))
        await self._spawning

    async def _spawn(self, n: int) -> None:
        loop = asyncio.get_running_loop()
        for _ in range(n):
            if self._closed:
                return
            w = await loop.run_in_executor(None, _Worker, self._ctx, self.location)
            self._all.add(w)
            self._idle.put_nowait(w)

    def bump_generation(self) -> None:
        """Make workers reopen the store before their next query (after a write)."""
        self.generation += 1

    def _store_signature(self) -> tuple:
        """Write-ahead logs and CURRENT of an on-disk store: they change when another process writes."""
        return disk_signature(self.location) if self._is_dir else ()

    def _refresh_if_changed(self) -> None:
        """At most once a second: if another process (e.g. ``fazhi ingest``) wrote the store, reopen it."""
        now = time.monotonic()
        if not self._is_dir or now - self._checked < REFRESH_EVERY:
            return
        self._checked = now
        signature = self._store_signature()
        if signature != self._signature:
            self._signature = signature
            self.bump_generation()

    async def _replace(self, worker: _Worker) -> None:
        loop = asyncio.get_running_loop()
        self._all.discard(worker)
        await loop.run_in_executor(None, worker.kill)
        if self._closed:
            return
        fresh = await loop.run_in_executor(None, _Worker, self._ctx, self.location)
        self._all.add(fresh)
        self._idle.put_nowait(fresh)

    async def _acquire(self, timeout: float) -> _Worker:
        """An idle worker; while there is none and every worker has been on a slow (deprioritised) query for
        :data:`OVERFLOW_AFTER`, a fresh one for this job (up to 2× size), so a cheap query is not queued behind
        heavy ones to their limit."""
        if not self._idle.empty():  # the common case, without wait_for's task and timer
            return self._idle.get_nowait()
        deadline = time.monotonic() + timeout
        while True:
            stuck_before = time.monotonic() - OVERFLOW_AFTER
            if self._idle.empty() and len(self._all) + self._forking < 2 * self.size and all(
                w.niced and w.busy_since < stuck_before for w in self._all
            ):
                self._forking += 1
                try:
                    worker = await asyncio.get_running_loop().run_in_executor(None, _Worker, self._ctx, self.location)
                finally:
                    self._forking -= 1
                self._all.add(worker)
                return worker
            remaining = deadline - time.monotonic()
            try:
                return await asyncio.wait_for(self._idle.get(), min(SLOW_AFTER, remaining))
            except TimeoutError:
                if remaining <= SLOW_AFTER:
                    raise

    def _surplus(self) -> bool:
        """More workers than ``size`` (extra ones forked by :meth:`_acquire`): a worker done with its job is
        retired rather than handed to a queued job, so extra workers serve only newly arrived queries."""
        return len(self._all) > self.size

    async def run(self, job: QueryJob, timeout: float) -> QueryReply:
        if self._closed:
            raise PoolClosed("the query service is shutting down")
        await self.start()
        self._refresh_if_changed()
        self._active += 1
        try:
            return await self._run(job, timeout)
        finally:
            self._active -= 1

    def _deprioritise_slow(self) -> None:
        """Another query arrived: the slow ones that ran alone so far now yield to it."""
        for w in self._slow:
            w.deprioritise()
        self._slow.clear()

    async def _run(self, job: QueryJob, timeout: float) -> QueryReply:
        deadline = time.monotonic() + timeout
        self._deprioritise_slow()
        try:
            worker = await self._acquire(timeout)
        except TimeoutError as e:
            raise QueryTimeout(f"no query worker became free within {timeout:g} s") from e
        job.generation = self.generation
        loop = asyncio.get_running_loop()
        ready = loop.create_future()
        fd = worker.conn.fileno()
        try:
            worker.busy_since = time.monotonic()
            worker.conn.send(job)
            loop.add_reader(fd, lambda: ready.done() or ready.set_result(None))
            try:
                remaining = deadline - time.monotonic()
                if remaining > SLOW_AFTER:
                    done, _ = await asyncio.wait({ready}, timeout=SLOW_AFTER)
                    if not done and self._active > 1:
                        worker.deprioritise()
                    elif not done:  # alone: deprioritising would only lose CPU to other programs
                        self._slow.add(worker)
                await asyncio.wait_for(ready, max(0.0, deadline - time.monotonic()))
            finally:
                self._slow.discard(worker)
                loop.remove_reader(fd)
                os.set_blocking(fd, True)  # uvloop's add_reader makes the pipe non-blocking
            reply = worker.conn.recv()
        except TimeoutError as e:
            asyncio.ensure_future(self._replace(worker))
            raise QueryTimeout(f"the query ran longer than its time limit of {timeout:g} s and was stopped") from e
        except (EOFError, OSError) as e:
            reply = await loop.run_in_executor(None, _death_reply, worker, e)
            asyncio.ensure_future(self._replace(worker))
            return reply
        except BaseException:  # cancelled (client gone): the worker may still be busy, replace it
            asyncio.ensure_future(self._replace(worker))
            raise
        if self._surplus():
            self._all.discard(worker)
            asyncio.ensure_future(loop.run_in_executor(None, worker.kill))
        elif worker.restore_priority():
            self._idle.put_nowait(worker)
        else:
            asyncio.ensure_future(self._replace(worker))
        return reply

    async def close(self) -> None:
        self._closed = True
        loop = asyncio.get_running_loop()
        if self._spawning is not None:
            await asyncio.gather(self._spawning, return_exceptions=True)
        for w in list(self._all):
            await loop.run_in_executor(None, w.kill)
        self._all.clear()

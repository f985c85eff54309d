"""The store: where every report's named graph lives.

``open_store(location)`` gives a :class:`LocalStore` (an embedded, persistent Oxigraph store in a
directory) or, for an ``http(s)://`` location, a remote SPARQL 1.1 server (see
``fazhi.remote_store``). Both offer the same small interface, so ``ingest`` and ``service`` never
care which one they talk to.

Layout of the dataset:

* one named graph per report (``{BASE}graph/report/{key}``) with the report's own facts;
* one validation graph per report (``…/validation``) with its SHACL results;
* ``{BASE}graph/entities``: canonical agencies, documents, divisions and mechanisms, merged
  (set semantics) from every report, so the union of all graphs has no duplicate entity triples;
* ``{BASE}graph/vocab``: the ontology and the SKOS schemes.

Replacing a report is one SPARQL Update, which Oxigraph applies in a single transaction: when it
fails, the store is exactly as it was.
"""

from __future__ import annotations

import abc
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from fazhi import bulk_journal


class StoreError(RuntimeError):
    """A store could not be opened, read or written."""


def _graph_block(graph: str, ntriples: str) -> str:
    return f"GRAPH <{graph}> {{\n{ntriples}\n}}\n"


def replace_update(replace: Mapping[str, str], merge: Mapping[str, str] | None = None) -> str:
    """The SPARQL Update that drops and refills the ``replace`` graphs and adds to ``merge`` graphs.

    Both map a graph IRI to N-Triples text.
    """
    ops = [f"DROP SILENT GRAPH <{g}>" for g in replace]
    blocks = [_graph_block(g, nt) for g, nt in replace.items() if nt.strip()]
    blocks += [_graph_block(g, nt) for g, nt in (merge or {}).items() if nt.strip()]
    if blocks:
        ops.append("INSERT DATA {\n" + "".join(blocks) + "}")
    return " ;\n".join(ops)


class Store(abc.ABC):
    """What ingest and the service need from a SPARQL store."""

    location: str

    @abc.abstractmethod
    def query(self, sparql: str, *, union_default_graph: bool = True, **kwargs):
        """Run a SPARQL query; results as pyoxigraph objects (solutions, boolean or triples)."""

    @abc.abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL Update atomically."""

    def replace_graphs(self, replace: Mapping[str, str], merge: Mapping[str, str] | None = None) -> None:
        """Atomically replace whole graphs and merge triples into others (N-Triples text per graph)."""
        self.update(replace_update(replace, merge))

    @abc.abstractmethod
    def graph_names(self) -> list[str]:
        """IRIs of the named graphs."""

    @abc.abstractmethod
    def dump(self, out: BinaryIO, fmt: ox.RdfFormat, graph: str | None = None) -> None:
        """Write the dataset (or one graph) to ``out``, streaming."""

    def count(self) -> int:
        """Number of quads in all named graphs."""
        res = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", union_default_graph=False)
        return int(next(iter(res))["n"].value)

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release resources."""


def disk_signature(location: str) -> tuple:
    """Write-ahead logs and ``CURRENT`` of an on-disk store: they change whenever some process writes it."""
    try:
        return tuple(sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(location)
                            if e.name.endswith(".log") or e.name == "CURRENT"))
    except OSError:
        return ()


class LocalStore(Store):
    """An embedded Oxigraph store persisted in a directory (RocksDB).

    Only one process can open the directory for writing; another writer waits for it (``lock_wait``).
    Opening for writing first undoes a bulk-loaded batch a crash interrupted (``fazhi.bulk_journal``).
    A read-only store is a view of the directory as it was when opened; it reopens itself (checked at
    most once every ``refresh_every`` seconds) when another process has written since, so a running
    service sees what ``fazhi ingest`` loads.
    """

    refresh_every = 1.0
    #: Seconds a writer waits for another process to release the store (``FAZHI_STORE_WAIT``).
    lock_wait = float(os.environ.get("FAZHI_STORE_WAIT", "60"))

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False):
        self.location = str(path)
        self.read_only = read_only
        self._checked = time.monotonic()
        self._signature = disk_signature(self.location) if read_only else ()
        self._store = self._open()

    def _open(self) -> ox.Store:
        if not self.read_only:
            store = self._open_writable()
            try:
                bulk_journal.repair(store, self.location)
            except (OSError, RuntimeError, SyntaxError) as e:
                raise StoreError(f"cannot repair the interrupted bulk load in {self.location}: {e}") from e
            return store
        # A writer in another process may be compacting: the file list read at open can name a file
        # that is deleted a moment later. Such an open fails and succeeds when tried again.
        for attempt in range(20):
            try:
                return ox.Store.read_only(self.location)
            except (OSError, RuntimeError) as e:
                error = e
                time.sleep(0.02 * (attempt + 1))
        if Path(self.location).is_dir() and not (Path(self.location) / "CURRENT").exists() or (
            "Column family not found" in str(error) or "only possible on read-write" in str(error)
        ):
            raise StoreError(
                f"cannot open store {self.location} read-only: it was never completely created (the process "
                "creating it stopped before its first write); opening it for writing (fazhi ingest) completes it"
            )
        raise StoreError(f"cannot open store {self.location} read-only: {error}")

    def _open_writable(self) -> ox.Store:
        """Open for writing; while another process holds the store, wait up to ``lock_wait`` seconds."""
        deadline = time.monotonic() + self.lock_wait
        while True:
            try:
                self._create_if_missing()
                return ox.Store(self.location)
            except OSError as e:
                held_here = "current process" in str(e)  # waiting for ourselves would never end
                if "LOCK" not in str(e) or held_here or time.monotonic() >= deadline:
                    if "LOCK" in str(e) and held_here:
                        raise StoreError(f"store {self.location} is already open for writing in this process") from e
                    if "LOCK" in str(e):
                        raise StoreError(
                            f"store {self.location} is in use by another process (an ingest, or a service "
                            f"with updates enabled); gave up after waiting {self.lock_wait:g} s"
                        ) from e
                    raise StoreError(f"cannot open store {self.location}: {e}") from e
                time.sleep(0.1)

    def _create_if_missing(self) -> None:
        """Create a new store whole: in a hidden sibling folder, renamed into place once initialised.

        A process killed while Oxigraph creates a store leaves a folder that opens for writing but not
        read-only (missing column families or ``CURRENT``); built aside, the store either exists
        complete or not at all. An empty folder is replaced; a half-created one (from before) is
        completed by the writable open that follows.
        """
        target = Path(self.location)
        if (target / "CURRENT").exists() or (target.exists() and any(target.iterdir())):
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        for stale in target.parent.glob(f".{target.name}.creating-*"):  # left by a creator that was killed
            if time.time() - stale.stat().st_mtime > 60:
                shutil.rmtree(stale, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.creating-", dir=target.parent))
        try:
            store = ox.Store(str(staging))
            store.flush()
            del store
            os.rename(staging, target)  # replaces an empty folder; fails if another process won the race
        except OSError:
            pass
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def refresh(self, force: bool = False) -> bool:
        """Reopen a read-only view if the directory changed since it was opened (checked at most every
        ``refresh_every`` seconds unless ``force``); True if it did."""
        if not self.read_only:
            return False
        now = time.monotonic()
        if not force and now - self._checked < self.refresh_every:
            return False
        self._checked = now
        signature = disk_signature(self.location)
        if signature == self._signature:
            return False
        try:
            self._store = self._open()
        except StoreError:
            return False  # keep the old view; the next check tries again
        self._signature = signature
        return True

    @property
    def signature(self) -> tuple:
        """What changes when the data changes: for a read-only view, the disk signature of what it has open."""
        return self._signature if self.read_only else disk_signature(self.location)

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store (for bulk loads and benchmarks)."""
        return self._store

    def query(self, sparql: str, *, union_default_graph: bool = True, **kwargs):
        self.refresh()
        return self._store.query(sparql, use_default_graph_as_union=union_default_graph, **kwargs)

    def update(self, sparql: str) -> None:
        try:
            self._store.update(sparql)
        except OSError as e:
            raise StoreError(f"update failed on {self.location}: {e}") from e

    def graph_names(self) -> list[str]:
        self.refresh()
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def dump(self, out: BinaryIO, fmt: ox.RdfFormat, graph: str | None = None) -> None:
        self.refresh()
        if graph is not None:
            self._store.dump(out, fmt, from_graph=ox.NamedNode(graph))
        else:
            self._store.dump(out, fmt)

    def add_quads(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads in one transaction."""
        self._store.extend(quads)

    def close(self) -> None:
        if not hasattr(self, "_store"):
            return
        if not self.read_only:  # a read-only store has nothing to flush (and refuses to)
            try:
                self._store.flush()
            except (OSError, RuntimeError):
                pass
        del self._store


def open_store(location: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> Store:
    """Open the store at ``location``: a directory (default ``data/store``) or an ``http(s)://`` URL."""
    from fazhi.config import DEFAULT_STORE

    loc = str(location or os.environ.get("FAZHI_STORE") or DEFAULT_STORE)
    if loc.startswith(("http://", "https://")):
        from fazhi.remote_store import RemoteStore

        return RemoteStore(loc)
    return LocalStore(loc, read_only=read_only)

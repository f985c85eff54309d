"""A journal that makes each bulk-loaded batch all-or-nothing across crashes.

``pyoxigraph.Store.bulk_load`` is not transactional: a process killed while it runs can leave part
of a batch in the store (half a report graph, a report graph without its validation graph). Before a
batch touches the store, :func:`begin` saves the batch's graphs that the store already holds (a backup
in N-Quads) and then the list of the batch's graphs (the journal), both in the store's directory and
synced to disk. :func:`commit` removes them once the batch is loaded. :func:`repair`, called whenever
the store is opened for writing, finds a journal left by a crash and puts the store back as it was
before that batch: the batch's graphs are dropped and the backup is loaded again (one transaction).
A repair that is itself interrupted is repeated at the next open: both steps are idempotent.

Entity triples an interrupted batch loaded into the shared entities graph stay: they are canonical
facts (the same a completed run writes), merged with set semantics, never a report's own triples.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

JOURNAL = "fazhi-bulk-journal.json"
BACKUP = "fazhi-bulk-backup.nq"


class JournalError(RuntimeError):
    """A journal left by a crash cannot be read."""


def _sync_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` durably and atomically (temporary file, fsync, rename, fsync dir)."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _sync_dir(path.parent)


def _sync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def pending(location: str | os.PathLike[str]) -> list[str]:
    """Graphs of an interrupted batch (empty when there is none)."""
    path = Path(location) / JOURNAL
    if not path.is_file():
        return []
    try:
        return list(json.loads(path.read_text(encoding="utf-8"))["graphs"])
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise JournalError(f"unreadable bulk-load journal {path}: {e}") from e


def begin(store: ox.Store, location: str | os.PathLike[str], graphs: Iterable[str], existing: set[str]) -> None:
    """Record a batch about to be loaded: back up the graphs of it that the store holds, then list them all."""
    folder = Path(location)
    graphs = list(dict.fromkeys(graphs))
    backup = folder / BACKUP
    kept = [g for g in graphs if g in existing]
    quads = (q for g in kept for q in store.quads_for_pattern(None, None, None, ox.NamedNode(g)))
    _sync_write(backup, ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"")
    _sync_write(folder / JOURNAL, json.dumps({"graphs": graphs}).encode("utf-8"))


def commit(store: ox.Store, location: str | os.PathLike[str]) -> None:
    """The batch is in the store: forget its journal (the backup is only read through the journal)."""
    store.flush()
    folder = Path(location)
    (folder / JOURNAL).unlink(missing_ok=True)
    _sync_dir(folder)
    (folder / BACKUP).unlink(missing_ok=True)


def repair(store: ox.Store, location: str | os.PathLike[str]) -> list[str]:
    """Undo an interrupted batch, if any: drop its graphs, reload their backup; the graphs repaired."""
    graphs = pending(location)
    if not graphs:
        return []
    store.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs))
    backup = Path(location) / BACKUP
    if backup.is_file() and backup.stat().st_size:
        store.load(path=str(backup), format=ox.RdfFormat.N_QUADS)
    commit(store, location)
    return graphs

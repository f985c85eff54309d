"""Bounded writes: SPARQL Update and Graph Store writes run in a child process killed at the time limit.

pyoxigraph cannot cancel an update from Python, and the server keeps answering reads while a write
runs, so each write on an on-disk store runs in a child process: it opens the store read-write (taking
RocksDB's lock), applies the update in one transaction, flushes and exits. Past the time limit the child
is killed. Oxigraph commits an update as one atomic RocksDB write batch, so a killed update leaves the
store exactly as it was (the next open recovers the write-ahead log up to the last commit).

The server therefore holds only a read-only view of the store once it has written (the lock belongs to
the writing child while it writes), and opens a fresh view after every write so every router sees it.
A remote store (``--store http://…``) is written by its own server, which applies its own limits.
"""

from __future__ import annotations

import asyncio
import multiprocessing as mp
import os
import signal
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

from fazhi.store import LocalStore, StoreError, disk_signature

if TYPE_CHECKING:  # the writer child imports this module: keep it light (no FastAPI)
    from fastapi import FastAPI


class UpdateTimeout(Exception):
    """The write ran past its time limit and was stopped; nothing of it was applied."""


#: Signals the writer dies of when the update itself broke the engine (Oxigraph's recursive parser
#: overflows the stack on updates nested thousands deep); nothing was written, the answer is 400.
_CRASH_SIGNALS = (signal.SIGSEGV, signal.SIGABRT, signal.SIGBUS)


def writer_main(conn: Connection, location: str, text: str) -> None:
    """Child process: apply one update to the store at ``location`` and report how it went."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        store = LocalStore(location)  # waits while the server's read-write handle is being dropped
        try:
            store.update(text)
        finally:
            store.close()
        outcome = ("ok", "")
    except SyntaxError as e:
        outcome = ("syntax", str(e))
    except Exception as e:  # noqa: BLE001 - the parent must always get an answer
        outcome = ("error", f"{type(e).__name__}: {e}")
    try:
        conn.send(outcome)
    except OSError:
        pass


def _give_up_write_lock(store: LocalStore) -> None:
    """Turn a read-write ``store`` into a read-only view in place, releasing RocksDB's lock.

    In place, so that requests still holding the object keep reading; the read-write handle is dropped
    (and the lock released) once calls running on it return. The writing child waits for the lock
    (``LocalStore.lock_wait``).
    """
    if store.read_only:
        return
    writable = store.oxigraph
    try:
        writable.flush()
    except (OSError, RuntimeError):
        pass
    store.read_only = True
    store._store = store._open()  # noqa: SLF001 - LocalStore opens read-only views itself
    store._signature = disk_signature(store.location)  # noqa: SLF001
    del writable


def _wait(conn: Connection, process, timeout: float):
    """The child's outcome, or None when it is still running at ``timeout`` (then it is killed)."""
    if not conn.poll(timeout):
        try:
            os.kill(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.join(5)
        return None
    try:
        return conn.recv()
    except (EOFError, OSError):  # the child died before answering
        process.join(5)
    if process.exitcode is not None and -process.exitcode in _CRASH_SIGNALS:
        return ("syntax", "the update is too deeply nested or too long for the engine (it exhausted the "
                          "engine's stack): simplify it or split it")
    return ("error", f"the writer process ended with status {process.exitcode}")


async def apply_update(app: FastAPI, text: str, timeout: float) -> None:
    """Apply a SPARQL Update within ``timeout`` seconds (callers hold the app's update lock).

    Raises UpdateTimeout (nothing applied), SyntaxError or StoreError.
    """
    store = app.state.store
    loop = asyncio.get_running_loop()
    if not isinstance(store, LocalStore):
        await loop.run_in_executor(None, store.update, text)
        return
    _give_up_write_lock(store)
    ctx = mp.get_context("forkserver")
    parent, child = ctx.Pipe(duplex=False)
    process = ctx.Process(target=writer_main, args=(child, store.location, text), daemon=True)
    try:
        await loop.run_in_executor(None, process.start)
        child.close()
        outcome = await loop.run_in_executor(None, _wait, parent, process, timeout)
    finally:
        parent.close()
        app.state.store = LocalStore(store.location, read_only=True)  # sees the write (or its absence)
    if outcome is None:
        raise UpdateTimeout(f"the update ran longer than its time limit of {timeout:g} s and was stopped; "
                            "nothing of it was applied")
    kind, message = outcome
    if kind == "syntax":
        raise SyntaxError(message)
    if kind != "ok":
        raise StoreError(f"update failed: {message}")

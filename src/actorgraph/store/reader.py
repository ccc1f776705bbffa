"""One read-only connection shared by a server's threads, closed whenever a writer wants a turn.

Opening the store costs tens of milliseconds and a cold cache, so a server that opened it per
request spent most of its time opening (bench/load.py, RELIABILITY.md). A ``Reader`` opens it
once and hands each request a cursor of that connection. DuckDB lets no process write while
another reads, so a watcher thread looks for a writer's ticket (``FILE.writers/``, left by a
writer holding the turnstile; see gate.py): then new sessions wait, the sessions inside finish,
the connection closes, the writer writes, and the next session opens the file again (seeing
the new data). An idle connection closes after ``IDLE_SECONDS``.

A session must not be held while its request waits for anything else (a thread, the event
loop): a writer waits for every session to end, and new sessions wait for the writer.

Example:
    >>> reader = Reader("/tmp/example.duckdb")
    >>> with reader.session() as store:  # doctest: +SKIP
    ...     store.count("events")
    >>> reader.close()
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import threading
import time
import weakref
from collections.abc import Iterator

from actorgraph.store.database import Store, StoreError
from actorgraph.store.gate import LOCK_TIMEOUT_SECONDS, writer_waiting

__all__ = ["IDLE_SECONDS", "MAX_SESSIONS", "QUERY_THREADS", "WATCH_SECONDS", "Reader"]

log = logging.getLogger("actorgraph")

# How often the watcher looks for a waiting writer: a writer's turn starts at most this much
# later than it would with per-request connections (a batch takes 0.1-1 s, BENCHMARKS.md).
WATCH_SECONDS = 0.025
# An unused connection closes after this long, so an idle server holds no file open.
IDLE_SECONDS = 5.0
# Sessions that run at once; more wait their turn. A burst of requests that all run at once
# shares the CPU and finishes together, late; in turns, most finish early and the last no later
# (bench/load.py, RELIABILITY.md). DuckDB runs a query without the GIL, so one per core.
MAX_SESSIONS = os.cpu_count() or 2
# DuckDB threads per query. Requests already run side by side; a query spread over threads
# spent 15-35% more CPU on bench/load.py's 100,000-event store (the same answers, 2 cores).
QUERY_THREADS = 1


# Readers alive in this process, whose watchers stop before the interpreter exits: a daemon
# thread still inside DuckDB when Python finalizes is unwound through C++ code that does not
# expect it, and the process aborts ("FATAL: exception not rethrown", seen once in CI after
# every test had passed).
_LIVE: weakref.WeakSet[Reader] = weakref.WeakSet()


@atexit.register
def _stop_all() -> None:
    for reader in list(_LIVE):
        reader._stop_watcher()


class Reader:
    """Read-only sessions over one shared connection to the store at ``path``."""

    def __init__(
        self, path: str, timeout: float = LOCK_TIMEOUT_SECONDS, max_sessions: int = MAX_SESSIONS
    ) -> None:
        if max_sessions < 1:
            raise ValueError(f"max_sessions must be at least 1, not {max_sessions}")
        self.path = path
        self.timeout = timeout
        self._slots = threading.BoundedSemaphore(max_sessions)
        self.opens = 0  # how many times the file was opened: one per writer turn under load
        self._generation = 0  # moves on at every open and close
        self._cond = threading.Condition()
        self._store: Store | None = None
        self._opening = False
        self._closing = False
        self._active = 0
        self._last_used = 0.0
        self._watcher: threading.Thread | None = None
        self._stopped = False  # tells the watcher to end
        _LIVE.add(self)

    @contextlib.contextmanager
    def session(self) -> Iterator[Store]:
        """A read-only Store over a cursor of the shared connection, for one request.

        Raises StoreError when the store cannot be opened (missing, busy beyond the timeout).
        """
        if not self._slots.acquire(timeout=self.timeout):
            raise StoreError(f"{self.path}: no session free for {self.timeout:.0f} s")
        try:
            store = self._enter()
            cursor = store.con.cursor()
            try:
                yield Store.over(cursor, self.path)
            finally:
                cursor.close()
                with self._cond:
                    self._active -= 1
                    self._last_used = time.monotonic()
                    self._cond.notify_all()
        finally:
            self._slots.release()

    @property
    def generation(self) -> int | None:
        """Which opening of the file sessions now read, or None while it is closed (a writer may
        be writing). What sessions read cannot change while this stays the same."""
        with self._cond:
            return self._generation if self._store is not None and not self._closing else None

    def close(self) -> None:
        """Close the connection once the sessions inside have ended, and stop the watcher. A
        later session opens the file again."""
        with self._cond:
            self._shut()
        self._stop_watcher()

    def _stop_watcher(self, timeout: float = 1.0) -> None:
        """Ask the watcher to end and wait for it (a few of its ticks at most)."""
        with self._cond:
            self._stopped = True
            watcher = self._watcher
        if watcher is not None and watcher is not threading.current_thread():
            watcher.join(timeout)

    def _enter(self) -> Store:
        deadline = time.monotonic() + self.timeout
        with self._cond:
            while self._closing or self._opening:
                if not self._cond.wait(timeout=max(0.0, deadline - time.monotonic())):
                    raise StoreError(f"{self.path}: the store stayed busy for {self.timeout:.0f} s")
            if self._store is not None:
                self._ensure_watcher()
                self._active += 1
                return self._store
            self._opening = True
        store = self._open(deadline)
        with self._cond:
            self._active += 1
            return store

    def _open(self, deadline: float) -> Store:
        """Open the file (``_opening`` set by the caller) and make it the shared connection.

        Opens outside the lock: it may wait for a writer's turn, and sessions ending meanwhile
        must still be able to say so.
        """
        try:
            store = Store(self.path, read_only=True, timeout=max(0.0, deadline - time.monotonic()))
            store.con.execute(f"SET threads = {QUERY_THREADS}")
        except BaseException:
            with self._cond:
                self._opening = False
                self._cond.notify_all()
            raise
        with self._cond:
            self._store, self._opening = store, False
            self.opens += 1
            self._generation += 1
            self._ensure_watcher()
            self._cond.notify_all()
            return store

    def _ensure_watcher(self) -> None:
        """An open connection always has its watcher (call holding the condition): one asked to
        stop and not yet gone carries on (it reads ``_stopped`` under the lock), else a new one
        starts."""
        self._stopped = False
        if self._watcher is None or not self._watcher.is_alive():
            self._watcher = threading.Thread(target=self._watch, name="actorgraph-reader", daemon=True)
            self._watcher.start()

    def _watch(self) -> None:
        """Close for a waiting writer (or when idle); reopen once the writer is done if the
        server is in use, so the first request after a writer's turn does not pay the open."""
        after_writer = False
        while True:
            time.sleep(WATCH_SECONDS)
            with self._cond:
                if self._stopped:
                    self._watcher = None
                    return
            try:
                wanted = writer_waiting(self.path)
            except OSError as exc:  # the folder unreadable for a moment: look again, say why
                log.warning("%s: cannot look for writers (%s)", self.path, exc)
                continue
            with self._cond:
                in_use = self._active > 0 or time.monotonic() - self._last_used <= IDLE_SECONDS
                if self._store is not None:
                    if wanted or not in_use:
                        self._shut()
                        after_writer = wanted
                    continue
                if self._opening or (after_writer and in_use and wanted):
                    continue  # a request is opening it, or the writer is not done yet
                if not (after_writer and in_use):
                    self._watcher = None
                    return
                after_writer = False
                self._opening = True
            try:
                self._open(time.monotonic() + self.timeout)
            except StoreError:
                pass  # the next request tries again, and says why
            except Exception:  # never leave the connection without its watcher
                log.exception("%s: reopening after a writer's turn failed", self.path)

    def _shut(self) -> None:
        """Wait (holding the condition) for the sessions inside to end, then close."""
        if self._store is None:
            return
        self._closing = True
        self._cond.wait_for(lambda: self._active == 0)
        self._store.close()
        self._store, self._closing = None, False
        self._generation += 1
        self._cond.notify_all()

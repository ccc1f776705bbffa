"""Who may open the store file, and when: one writer at a time, readers in between.

DuckDB lets one process open a file for writing, and no process read it meanwhile. So nobody
keeps the file open long: a writer opens it for one batch, a reader for one query. A lock file
beside the store (``FILE.lock``) is the turnstile: a writer holds it for its whole batch; a
reader holds it only while it opens the file, then lets go and runs its query. A writer that
takes the turnstile waits for the readers already inside to close, and new readers queue
behind it, so a stream of readers cannot starve it. The other way round, a reader waiting for
its turn leaves a ticket (a file in ``FILE.readers/``); a writer coming back for its next
batch lets ticketed readers in first (for up to ``WRITER_YIELD_SECONDS``), so back-to-back
batches cannot starve readers either. A writer holding the turnstile leaves a ticket too (in
``FILE.writers/``), so a reader that keeps the file open between writes (store/reader.py) knows
when to let go. See docs/decisions.md ("One writer, short windows").

Example:
    >>> with gate("/tmp/example.duckdb", timeout=1.0):
    ...     pass
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
import uuid
from collections.abc import Iterator

__all__ = [
    "LOCK_TIMEOUT_SECONDS",
    "WRITER_YIELD_SECONDS",
    "GateTimeout",
    "gate",
    "lock_path",
    "writer_waiting",
]

# How long a reader or writer waits for the file before giving up with a clear error. A batch
# write of 64 coded documents takes well under a second on the 2-core machine in BENCHMARKS.md;
# a minute leaves room for a checkpoint of a large store.
LOCK_TIMEOUT_SECONDS = 60.0
# How long a writer lets waiting readers go first: longer than a reader needs to open the file
# (milliseconds), short enough that ingest never stalls behind a crowd.
WRITER_YIELD_SECONDS = 1.0
_POLL_SECONDS = 0.005


class GateTimeout(TimeoutError):
    """The store stayed busy for longer than the timeout."""


def lock_path(path: str) -> str:
    return path + ".lock"


def _alive(ticket: str) -> bool:
    try:
        os.kill(int(ticket.split("-", 1)[0]), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:  # another user's live process
        return True
    return True


def writer_waiting(path: str) -> bool:
    """Whether a writer holds the turnstile of the store at ``path`` (and so waits for readers)."""
    return _waiting(path + ".writers")


def _waiting(folder: str) -> bool:
    try:
        tickets = os.listdir(folder)
    except FileNotFoundError:
        return False
    waiting = False
    for ticket in tickets:
        if _alive(ticket):
            waiting = True
        else:  # left by a reader that was killed while it waited
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(folder, ticket))
    return waiting


@contextlib.contextmanager
def _ticket(folder: str) -> Iterator[None]:
    name = os.path.join(folder, f"{os.getpid()}-{uuid.uuid4().hex}")
    try:
        os.makedirs(folder, exist_ok=True)
        open(name, "x").close()
    except OSError:
        yield
        return
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(name)


@contextlib.contextmanager
def gate(path: str, timeout: float = LOCK_TIMEOUT_SECONDS, writer: bool = False) -> Iterator[None]:
    """Hold the store's turnstile (an exclusive lock on ``FILE.lock``).

    An in-memory store (``:memory:``) needs none; nor does a store in a read-only folder, where
    the lock file cannot be created and no writer can exist either.
    """
    if path == ":memory:":
        yield
        return
    try:
        fd = os.open(lock_path(path), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield
        return
    folder = path + ".readers"
    try:
        if writer:
            yield_until = time.monotonic() + WRITER_YIELD_SECONDS
            while time.monotonic() < yield_until and _waiting(folder):
                time.sleep(_POLL_SECONDS)
            _take(fd, path, timeout)
            with _ticket(path + ".writers"):
                yield
        else:
            with _ticket(folder):
                _take(fd, path, timeout)
            yield
    finally:
        os.close(fd)


def _take(fd: int, path: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise GateTimeout(f"{path}: the store stayed busy for {timeout:.0f} s") from None
            time.sleep(_POLL_SECONDS)

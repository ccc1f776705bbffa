"""The shared reader: one connection for many sessions, let go whenever a writer wants a turn."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from actorgraph.store import Reader, Store, StoreError
from actorgraph.store import reader as reader_module

WRITE = """
import sys, time
from actorgraph.store import Store
for i in range(int(sys.argv[2])):
    with Store(sys.argv[1], timeout=float(sys.argv[3])) as store:
        store.con.execute("INSERT INTO probe VALUES (?)", [i])
    time.sleep(0.02)
print("written", flush=True)
"""


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "r.duckdb"
    with Store(str(path)) as store:
        store.con.execute("CREATE TABLE probe (x INTEGER)")
    return path


def count(reader: Reader) -> int:
    with reader.session() as store:
        row = store.con.execute("SELECT count(*) FROM probe").fetchone()
        assert row is not None
        return int(row[0])


def test_sessions_share_one_open_file(db: Path) -> None:
    reader = Reader(str(db))
    try:
        assert [count(reader) for _ in range(20)] == [0] * 20
        assert reader.opens == 1
    finally:
        reader.close()


def test_a_writer_in_another_process_gets_in_and_the_reader_then_sees_its_rows(db: Path) -> None:
    reader = Reader(str(db))
    try:
        assert count(reader) == 0
        # The reader holds the file open; the writer waits at most a watcher tick for it.
        args = [sys.executable, "-c", WRITE, str(db), "3", "10"]
        done = subprocess.run(args, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert count(reader) == 3
        assert reader.opens >= 2
    finally:
        reader.close()


def test_a_writer_in_this_process_gets_in_too(db: Path) -> None:
    reader = Reader(str(db))
    try:
        assert count(reader) == 0
        with Store(str(db), timeout=5) as store:
            store.con.execute("INSERT INTO probe VALUES (1)")
        assert count(reader) == 1
    finally:
        reader.close()


def test_busy_readers_and_a_writer_take_turns_without_deadlock(db: Path) -> None:
    """Eight threads read back to back while another process writes 20 batches: every session
    succeeds and sees whole batches, and the writer never waits out its (short) timeout."""
    reader = Reader(str(db), timeout=20)
    errors: list[BaseException] = []
    seen: list[int] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            try:
                seen.append(count(reader))
            except BaseException as exc:
                errors.append(exc)
                return

    threads = [threading.Thread(target=read) for _ in range(8)]
    for t in threads:
        t.start()
    try:
        done = subprocess.run(
            [sys.executable, "-c", WRITE, str(db), "20", "10"], capture_output=True, text=True, timeout=120
        )
    finally:
        stop.set()
        for t in threads:
            t.join(30)
        reader.close()
    assert done.returncode == 0, done.stderr
    assert not errors, errors[0]
    assert len(seen) > 20 and set(seen) <= set(range(21))
    assert reader.opens > 1  # it let the writer in and came back, more than once


def test_an_idle_connection_is_closed(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader_module, "IDLE_SECONDS", 0.05)
    reader = Reader(str(db))
    count(reader)
    time.sleep(0.5)
    # Closed: a writer gets in without waiting for the watcher, and the watcher has stopped.
    with Store(str(db), timeout=0.001) as store:
        store.con.execute("INSERT INTO probe VALUES (1)")
    assert count(reader) == 1 and reader.opens == 2
    reader.close()


def test_a_missing_store_raises_store_error(tmp_path: Path) -> None:
    reader = Reader(str(tmp_path / "none.duckdb"), timeout=1)
    with pytest.raises(StoreError), reader.session():
        pass


def test_at_most_max_sessions_run_at_once_and_the_next_waits_its_turn(db: Path) -> None:
    reader = Reader(str(db), max_sessions=1)
    inside, release, second_in = threading.Event(), threading.Event(), threading.Event()

    def first() -> None:
        with reader.session():
            inside.set()
            release.wait(10)

    def second() -> None:
        with reader.session():
            second_in.set()

    a, b = threading.Thread(target=first), threading.Thread(target=second)
    try:
        a.start()
        assert inside.wait(10)
        b.start()
        assert not second_in.wait(0.3)  # waits while the first holds the only session
        release.set()
        assert second_in.wait(10)
    finally:
        release.set()
        a.join(10)
        b.join(10)
        reader.close()


def test_max_sessions_must_be_positive(db: Path) -> None:
    with pytest.raises(ValueError, match="max_sessions"):
        Reader(str(db), max_sessions=0)


def test_each_query_runs_on_one_thread(db: Path) -> None:
    reader = Reader(str(db))
    try:
        with reader.session() as store:
            row = store.con.execute("SELECT current_setting('threads')").fetchone()
        assert row is not None and int(row[0]) == reader_module.QUERY_THREADS
    finally:
        reader.close()


def test_the_reader_reopens_by_itself_after_a_writers_turn_when_in_use(db: Path) -> None:
    reader = Reader(str(db))
    try:
        assert count(reader) == 0 and reader.opens == 1
        args = [sys.executable, "-c", WRITE, str(db), "1", "10"]
        done = subprocess.run(args, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        deadline = time.monotonic() + 10
        while reader.opens < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert reader.opens == 2 and reader.generation is not None  # open again, no request asked
        assert count(reader) == 1 and reader.opens == 2  # and the next session uses it
    finally:
        reader.close()


def test_the_watcher_outlives_an_unreadable_writers_folder(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"n": 0}
    real = reader_module.writer_waiting

    def flaky(path: str) -> bool:
        calls["n"] += 1
        if calls["n"] <= 3:
            raise PermissionError("writers folder not readable")
        return real(path)

    monkeypatch.setattr(reader_module, "writer_waiting", flaky)
    reader = Reader(str(db))
    try:
        assert count(reader) == 0
        args = [sys.executable, "-c", WRITE, str(db), "1", "10"]
        done = subprocess.run(args, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr  # the watcher still let the writer in
        assert calls["n"] > 3 and count(reader) == 1
    finally:
        reader.close()


def test_watchers_stop_before_the_interpreter_exits_even_in_use(db: Path) -> None:
    # A watcher still running at exit, inside DuckDB, aborted a CI run after every test had
    # passed ("FATAL: exception not rethrown"); the exit hook ends them while in use too.
    reader = Reader(str(db))
    count(reader)  # in use: the watcher would keep the connection for IDLE_SECONDS
    [watcher] = [t for t in threading.enumerate() if t.name == "actorgraph-reader" and t.is_alive()]
    reader_module._stop_all()
    assert not watcher.is_alive()
    # Used again, the reader has a watcher again (a writer must always be let in).
    assert count(reader) == 0
    assert any(t.name == "actorgraph-reader" and t.is_alive() for t in threading.enumerate())
    reader.close()

"""One writer, many readers: they take turns through the store's lock file, and wait, not fail."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from actorgraph.store import Store, StoreError

HOLD = """
import pathlib, sys, time
from actorgraph.store import Store
store = Store(sys.argv[1], read_only=sys.argv[2] == "read")
print("open", flush=True)
time.sleep(float(sys.argv[3]))
store.close()
pathlib.Path(sys.argv[1] + ".closed").touch()
"""


def hold(path: Path, mode: str, seconds: float) -> subprocess.Popen[str]:
    """Another process that opens the store and keeps it open for ``seconds``."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), mode, str(seconds)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "open"
    return proc


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "g.duckdb"
    Store(str(path)).close()
    return path


@pytest.mark.parametrize("mode", ["write", "read"])
def test_a_writer_waits_for_the_other_process_then_writes(db: Path, mode: str) -> None:
    other = hold(db, mode, 0.5)
    with Store(str(db), timeout=30) as store:
        # It got in only after the other process closed the file: it waited, not failed.
        assert Path(f"{db}.closed").exists()
        store.con.execute("CREATE TABLE IF NOT EXISTS probe (x INTEGER)")
    assert other.wait(10) == 0


def test_a_reader_waits_for_the_writer(db: Path) -> None:
    writer = hold(db, "write", 0.5)
    with Store(str(db), read_only=True, timeout=30) as store:
        assert Path(f"{db}.closed").exists()
        assert store.count("documents") == 0
    assert writer.wait(10) == 0


def test_readers_do_not_wait_for_each_other(db: Path) -> None:
    reader = hold(db, "read", 3.0)
    # Had it to wait for the other reader, the short timeout would raise.
    with Store(str(db), read_only=True, timeout=0.5) as store:
        assert store.count("events") == 0
        assert not Path(f"{db}.closed").exists()
    assert reader.wait(10) == 0


def test_a_store_busy_past_the_timeout_is_a_clear_error(db: Path) -> None:
    writer = hold(db, "write", 2.0)
    with pytest.raises(StoreError, match=r"g\.duckdb"):
        Store(str(db), read_only=True, timeout=0.2)
    assert writer.wait(10) == 0


BURST = """
import pathlib, sys, time
from actorgraph.store import Store
print("start", flush=True)
for _ in range(int(sys.argv[2])):
    with Store(sys.argv[1]) as store:  # back-to-back batches, as a fast ingest makes
        time.sleep(0.2)
pathlib.Path(sys.argv[1] + ".done").touch()
"""


def test_back_to_back_writes_let_a_waiting_reader_in(db: Path) -> None:
    writer = subprocess.Popen([sys.executable, "-c", BURST, str(db), "25"], stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None and writer.stdout.readline().strip() == "start"
    for _ in range(3):
        with Store(str(db), read_only=True, timeout=30) as store:
            assert store.count("documents") == 0
        # The reader got its turn while the writer still had batches to write.
        assert not Path(f"{db}.done").exists()
    assert writer.wait(60) == 0

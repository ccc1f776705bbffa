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

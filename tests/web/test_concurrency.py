"""The served API under more concurrent requests than threads while another process writes.

The regression test for the deadlock bench/load.py found: requests that held a read connection
while they waited for a thread, threads that waited for a writer, a writer that waited for the
connections. Here three threads serve 30 clients while a writer commits 15 batches with a
10-second timeout: every request must succeed and the writer must finish.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from actorgraph.store import Store
from actorgraph.web import create_app
from tests.web.serving import serving

WRITE = """
import sys, time
from actorgraph.store import Store
for i in range(15):
    with Store(sys.argv[1], timeout=10) as store:
        store.con.execute("INSERT INTO probe VALUES (?)", [i])
    time.sleep(0.05)
"""
THREADS = 3
CLIENTS = 30
PATHS = ["/api/events", "/api/documents", "/api/graph", "/api/actors", "/api/periods", "/api/clusters"]


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    import anyio.to_thread

    db = tmp_path / "c.duckdb"
    with Store(str(db)) as store:
        store.con.execute("CREATE TABLE probe (x INTEGER)")
    app = create_app(str(db))

    async def few_threads() -> None:
        anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS

    app.router.on_startup.append(few_threads)
    with serving(app) as url:
        yield url, db


async def _clients(base: str, stop: threading.Event) -> list[int]:
    statuses: list[int] = []

    async def client(n: int) -> None:
        async with httpx.AsyncClient(base_url=base, timeout=60) as http:
            i = n
            while not stop.is_set():
                statuses.append((await http.get(PATHS[i % len(PATHS)])).status_code)
                i += 1

    await asyncio.gather(*(client(n) for n in range(CLIENTS)))
    return statuses


def test_more_clients_than_threads_and_a_writer_all_get_through(served: tuple[str, Path]) -> None:
    base, db = served
    stop = threading.Event()
    result: list[list[int]] = []
    load = threading.Thread(target=lambda: result.append(asyncio.run(_clients(base, stop))))
    load.start()
    try:
        writer = subprocess.run([sys.executable, "-c", WRITE, str(db)], capture_output=True, text=True,
                                timeout=120)
    finally:
        stop.set()
        load.join(90)
    assert writer.returncode == 0, writer.stderr.strip().splitlines()[-1:]
    [statuses] = result
    assert len(statuses) > CLIENTS and set(statuses) == {200}
    with Store(str(db), read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM probe").fetchone() == (15,)

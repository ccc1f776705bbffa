"""Engines: the same events whether coded here, on local worker processes or on Dask, the same
store whether the workers hand back documents or write Parquet parts, and a worker killed
mid-job changes nothing."""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest

import actorgraph.engine as engine_module
from actorgraph import CodedDocument, make_document
from actorgraph.engine import DaskEngine, LocalEngine, SerialEngine, make_engine
from actorgraph.output import event_json
from actorgraph.pipeline import Settings
from actorgraph.records import Document, Failure
from actorgraph.store import Store
from actorgraph.store.parts import Part, import_parts
from tests.store.test_parts import dump

TEMPLATES = [
    "Russian jets bombed rebel positions near Idlib on day {n}.",
    "Turkey condemned the Syrian army after talks number {n}.",
    "Iran and Iraq signed agreement {n} on border trade in Baghdad.",
    "Hezbollah fighters attacked Israeli troops near the border, wave {n}.",
]


def corpus(n: int = 24) -> list[Document | Failure]:
    docs: list[Document | Failure] = [
        make_document(f"d{i:02d}", TEMPLATES[i % 4].format(n=i), None) for i in range(n)
    ]
    docs.insert(5, Failure("bad.txt", "not UTF-8"))  # failures pass through in order
    return docs


def fingerprint(items: list[Any]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if isinstance(item, CodedDocument):
            out.append((item.document.name, [json.dumps(event_json(e), sort_keys=True) for e in item.events]))
        else:
            out.append(("failure", item.path))
    return out


@pytest.fixture(scope="module")
def reference() -> list[Any]:
    return fingerprint(list(SerialEngine(Settings()).run(corpus())))


@pytest.fixture()
def small_batches(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(engine_module, "BATCH_DOCUMENTS", 2)
    yield


def test_the_reference_codes_every_document(reference: list[Any]) -> None:
    assert len(reference) == 25 and reference[5] == ("failure", "bad.txt")
    assert sum(len(events) for name, events in reference if name != "failure") >= 20


@pytest.mark.parametrize("name", ["local", "dask"])
def test_every_engine_gives_the_same_events(name: str, reference: list[Any], small_batches: None) -> None:
    engine = make_engine(name, Settings(), workers=2)
    try:
        assert fingerprint(list(engine.run(corpus()))) == reference
    finally:
        engine.close()


def _pid_after(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def _worker_pids(engine: LocalEngine) -> set[int]:
    """Every worker's process id, asked of the workers: tasks that hold a worker a moment land
    on all of them."""
    pids: set[int] = set()
    deadline = time.monotonic() + 60
    while len(pids) < engine.workers and time.monotonic() < deadline:
        futures = [engine.pool.submit(_pid_after, 0.3) for _ in range(2 * engine.workers)]
        pids |= {f.result() for f in futures}
    assert len(pids) == engine.workers
    return pids


def test_a_local_worker_killed_mid_job_changes_nothing(reference: list[Any], small_batches: None) -> None:
    engine = LocalEngine(Settings(), workers=2)
    try:
        results = engine.run(corpus())
        got = [next(results)]
        os.kill(engine.pool.submit(os.getpid).result(), signal.SIGKILL)  # a live worker
        got += list(results)
        assert fingerprint(got) == reference  # nothing lost, nothing twice, same order
    finally:
        engine.close()


def test_a_local_pool_broken_before_a_batch_is_submitted_is_renewed(
    reference: list[Any], small_batches: None
) -> None:
    engine = LocalEngine(Settings(), workers=2)
    try:
        for pid in _worker_pids(engine):
            os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # until the pool knows its workers are gone
            try:
                engine.pool.submit(int).result()
            except BrokenProcessPool:
                break
        with pytest.raises(BrokenProcessPool):  # the run's first submission will fail
            engine.pool.submit(int)
        assert fingerprint(list(engine.run(corpus()))) == reference
    finally:
        engine.close()


def test_a_dask_worker_killed_mid_job_changes_nothing(reference: list[Any], small_batches: None) -> None:
    engine = DaskEngine(Settings(), workers=2)
    try:
        results = engine.run(corpus())
        got = [next(results)]
        pids = engine.client.run(os.getpid)
        # Dask's 64 KiB heap trimming slowed the coder 14%; its one-thread BLAS settings stay.
        environ = engine.client.run(
            lambda: (os.environ.get("MALLOC_TRIM_THRESHOLD_"), os.environ.get("OMP_NUM_THREADS"))
        )
        assert set(environ.values()) == {(None, "1")}
        os.kill(next(iter(pids.values())), signal.SIGKILL)
        got += list(results)
        assert fingerprint(got) == reference
    finally:
        engine.close()


@pytest.fixture(scope="module")
def reference_store(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    coded = [i for i in SerialEngine(Settings()).run(corpus()) if isinstance(i, CodedDocument)]
    with Store(str(tmp_path_factory.mktemp("ref") / "ref.duckdb")) as store:
        store.add_many(coded)
        return dump(store)


def stored_parts(parts: list[Part], path: str) -> dict[str, list[str]]:
    assert [f.path for p in parts for f in p.failures] == ["bad.txt"]
    with Store(path) as store:
        import_parts(store, [p.path for p in parts if p.path])
        return dump(store)


@pytest.mark.parametrize("name", ["serial", "local", "dask"])
def test_parts_written_by_any_engine_import_to_the_same_store(
    name: str, reference_store: dict[str, list[str]], small_batches: None, tmp_path: Path
) -> None:
    engine = make_engine(name, Settings(), workers=2)
    try:
        parts = list(engine.run_parts(corpus(), str(tmp_path / "parts")))
    finally:
        engine.close()
    assert len(parts) == 13 and sum(len(p.doc_ids) for p in parts) == 24
    assert stored_parts(parts, str(tmp_path / "s.duckdb")) == reference_store


def test_a_dask_worker_killed_while_writing_parts_changes_nothing(
    reference_store: dict[str, list[str]], small_batches: None, tmp_path: Path
) -> None:
    engine = DaskEngine(Settings(), workers=2)
    try:
        results = engine.run_parts(corpus(), str(tmp_path / "parts"))
        got = [next(results)]
        os.kill(next(iter(engine.client.run(os.getpid).values())), signal.SIGKILL)
        got += list(results)
    finally:
        engine.close()
    assert stored_parts(got, str(tmp_path / "s.duckdb")) == reference_store


def test_unknown_engine_and_bad_worker_counts_are_misuse() -> None:
    with pytest.raises(ValueError, match="unknown engine"):
        make_engine("spark")
    with pytest.raises(ValueError, match="workers"):
        make_engine("local", workers=0)

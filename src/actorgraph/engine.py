"""Engines: the same per-batch coding function run in this process, in local worker processes,
or on a Dask cluster.

``code_batch`` codes one batch of documents with a pipeline built once per worker process.
Engines cut the input into batches, send them out, and give the results back in input order,
so the output is the same whatever the engine. ``run_parts`` has each worker write its coded
batch as a Parquet part (store/parts.py) that the store imports, and hand back only the part's
place and counts: the rows never travel through the scheduler or the client. A worker that
dies mid-batch (SIGKILL, lost node) is replaced and its batch runs again: Dask reschedules the
task; the local engine resubmits the batch to a fresh pool. A batch is pure (documents in,
coded documents out; a part is named by its documents), so running one twice changes nothing.

Example:
    >>> engine = make_engine("local", workers=2)  # doctest: +SKIP
    >>> for item in engine.run(read_paths(["examples"])):  # doctest: +SKIP
    ...     print(item.document.name)
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Protocol

from actorgraph.pipeline import Pipeline, Settings
from actorgraph.records import CodedDocument, Document, Failure
from actorgraph.store.parts import Part, write_part

__all__ = [
    "BATCH_DOCUMENTS",
    "ENGINES",
    "DaskEngine",
    "Engine",
    "LocalEngine",
    "SerialEngine",
    "code_batch",
    "code_part",
    "make_engine",
]

ENGINES = ("serial", "local", "dask")
# Documents per task: big enough that shipping a batch costs little next to coding it (about a
# second of parsing on the benchmark machine), small enough to keep two workers busy to the end.
BATCH_DOCUMENTS = 16
# Batches in flight per worker: enough to hide the hand-over, few enough to bound memory.
IN_FLIGHT_PER_WORKER = 2
_RETRIES = 2

log = logging.getLogger("actorgraph")
Item = CodedDocument | Failure

_PIPELINES: dict[Settings, Pipeline] = {}


def code_batch(batch: list[Document | Failure], settings: Settings) -> list[Item]:
    """Code a batch in this process, with a pipeline built on first use and kept."""
    pipeline = _PIPELINES.get(settings)
    if pipeline is None:
        pipeline = _PIPELINES[settings] = Pipeline(settings)
    return list(pipeline.run(batch))


def code_part(batch: list[Document | Failure], settings: Settings, directory: str) -> Part:
    """Code a batch and write it as a Parquet part in ``directory``."""
    items = code_batch(batch, settings)
    coded = [i for i in items if isinstance(i, CodedDocument)]
    return write_part(coded, directory, [i for i in items if isinstance(i, Failure)])


def _warm(settings: Settings) -> None:
    code_batch([], settings)


class Engine(Protocol):
    def run(self, items: Iterable[Document | Failure]) -> Iterator[Item]: ...

    def run_parts(self, items: Iterable[Document | Failure], directory: str) -> Iterator[Part]: ...

    def close(self) -> None: ...


def _batches(items: Iterable[Document | Failure], size: int) -> Iterator[list[Document | Failure]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


@dataclass
class SerialEngine:
    """This process, one batch after another (the reference the others must match)."""

    settings: Settings

    def run(self, items: Iterable[Document | Failure]) -> Iterator[Item]:
        for batch in _batches(items, BATCH_DOCUMENTS):
            yield from code_batch(batch, self.settings)

    def run_parts(self, items: Iterable[Document | Failure], directory: str) -> Iterator[Part]:
        for batch in _batches(items, BATCH_DOCUMENTS):
            yield code_part(batch, self.settings, directory)

    def close(self) -> None:
        return None


class LocalEngine:
    """Worker processes on this machine, each loading the model once."""

    def __init__(self, settings: Settings, workers: int) -> None:
        if workers < 1:
            raise ValueError("--workers must be 1 or more")
        self.settings, self.workers = settings, workers
        self.pool = self._pool()
        self.generation = 0
        self._task: tuple[Any, tuple[Any, ...]] = (code_batch, ())

    def _pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, initializer=_warm, initargs=(self.settings,))

    def run(self, items: Iterable[Document | Failure]) -> Iterator[Item]:
        for result in self._results(items, code_batch):
            yield from result

    def run_parts(self, items: Iterable[Document | Failure], directory: str) -> Iterator[Part]:
        yield from self._results(items, code_part, directory)

    def _results(self, items: Iterable[Document | Failure], task: Any, *args: Any) -> Iterator[Any]:
        """``task(batch, settings, *args)`` of each batch, in input order."""
        # Batches in flight, oldest first: [batch, future, the pool generation it went to].
        window: list[list[Any]] = []
        self._task = (task, args)
        for batch in itertools.chain(_batches(items, BATCH_DOCUMENTS), [None]):
            if batch is not None:
                window.append([batch, self._submit(batch), self.generation])
            while window and (batch is None or len(window) >= self.workers * IN_FLIGHT_PER_WORKER):
                yield self._first(window)

    def _submit(self, batch: list[Document | Failure]) -> Any:
        """The batch's future, or None when the pool is already broken (a worker died since the
        last result): ``_first`` then renews the pool and submits the batch again."""
        task, args = self._task
        try:
            return self.pool.submit(task, batch, self.settings, *args)
        except BrokenProcessPool:
            return None

    def _first(self, window: list[list[Any]]) -> Any:
        """The oldest batch's result; when a worker died, a fresh pool reruns every batch the
        broken pool held."""
        for _ in range(_RETRIES + 1):
            _, future, generation = window[0]
            try:
                if future is None:
                    raise BrokenProcessPool("the pool was broken when the batch was submitted")
                result = future.result()
                window.pop(0)
                return result
            except BrokenProcessPool:
                if generation == self.generation:
                    log.warning("a worker process died; rerunning %d batches", len(window))
                    self.pool.shutdown(wait=False, cancel_futures=True)
                    self.pool = self._pool()
                    self.generation += 1
                for entry in window:
                    if entry[2] != self.generation:
                        entry[1] = self._submit(entry[0])
                        entry[2] = self.generation
        raise RuntimeError(f"worker processes kept dying ({_RETRIES + 1} pools); giving up")

    def close(self) -> None:
        self.pool.shutdown()


_SPAWN_ENVIRON = "distributed.nanny.pre-spawn-environ"
# Housekeeping a local cluster does for a dashboard it does not have. With these, each of two
# workers' event loop took 1.7-1.9 CPU s instead of 3.0 and the client 1.8 instead of 3.0
# (bench/engine.py's corpus, 81,725 words, Dask x2 on 2 cores, where that CPU is the workers').
_QUIET_CLUSTER = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.tick.interval": "1s",
}


def _local_config() -> dict[str, Any]:
    """The Dask settings of a local cluster: quiet housekeeping, and the workers' environment
    without Dask's ``MALLOC_TRIM_THRESHOLD_``. Trimming the heap at 64 KiB made the coder 11-13%
    slower (serial, twice each way: 35.8 and 36.9 s without, 40.4 and 40.6 s with), since spaCy
    allocates and frees many small blocks per sentence; glibc's own threshold adapts to that."""
    import dask

    environ: dict[str, Any] = dict(dask.config.get(_SPAWN_ENVIRON, {}))
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    return {**_QUIET_CLUSTER, _SPAWN_ENVIRON: environ}


class DaskEngine:
    """A Dask cluster: a local one by default, or the scheduler at ``address``."""

    def __init__(self, settings: Settings, workers: int, address: str | None = None) -> None:
        import dask
        from dask.distributed import Client, LocalCluster

        # Dask reports workers coming and going at INFO/WARNING; a rerun batch is not news here.
        for name in ("distributed", "dask"):
            logging.getLogger(name).setLevel(logging.ERROR)
        self.settings = settings
        self.cluster: Any = None
        if address:
            self.client = Client(address)
        else:
            with dask.config.set(_local_config()):
                self.cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
                )
            self.client = Client(self.cluster)
        self.workers = max(1, len(self.client.scheduler_info(n_workers=-1).get("workers", {})) or workers)

    def run(self, items: Iterable[Document | Failure]) -> Iterator[Item]:
        for result in self._results(items, code_batch):
            yield from result

    def run_parts(self, items: Iterable[Document | Failure], directory: str) -> Iterator[Part]:
        yield from self._results(items, code_part, directory)

    def _results(self, items: Iterable[Document | Failure], task: Any, *args: Any) -> Iterator[Any]:
        window: list[Any] = []
        for batch in itertools.chain(_batches(items, BATCH_DOCUMENTS), [None]):
            if batch is not None:
                # pure=False: a batch is never shared with another submission's result.
                window.append(
                    self.client.submit(task, batch, self.settings, *args, pure=False, retries=_RETRIES)
                )
            while window and (batch is None or len(window) >= self.workers * IN_FLIGHT_PER_WORKER):
                yield window.pop(0).result()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_engine(
    name: str, settings: Settings | None = None, workers: int = 1, address: str | None = None
) -> Engine:
    """``serial``, ``local`` (worker processes; one worker codes in this process) or ``dask`` (a
    cluster: a local one unless ``address`` names a scheduler)."""
    settings = settings or Settings()
    if name == "serial" or (name == "local" and workers == 1):
        return SerialEngine(settings)
    if name == "local":
        return LocalEngine(settings, workers)
    if name == "dask":
        return DaskEngine(settings, workers, address)
    raise ValueError(f"unknown engine {name!r}; use {', '.join(ENGINES)}")

"""Writing coded documents into the store in short batches, so readers get their turns.

Example:
    >>> import tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "example.duckdb")
    >>> with Ingest(path) as ingest:
    ...     ingest.added
    0
"""

from __future__ import annotations

import itertools
import shutil
import time
from collections.abc import Iterable, Iterator
from types import TracebackType

from actorgraph.records import CodedDocument, Document, Failure
from actorgraph.store.database import Store, prepare
from actorgraph.store.gate import LOCK_TIMEOUT_SECONDS
from actorgraph.store.parts import Part, import_parts

__all__ = ["FLUSH_DOCUMENTS", "FLUSH_SECONDS", "Ingest"]

# A batch is written when it holds this many documents or is this old. On the benchmark machine
# the coder makes about one 800-word document a second; a write of 32 documents takes tens of
# milliseconds, so the file is busy well under 1% of the time and stored results lag the
# coder by at most FLUSH_SECONDS.
FLUSH_DOCUMENTS = 32
FLUSH_SECONDS = 5.0
_CHECK_CHUNK = 64


class Ingest:
    """Buffers coded documents and writes each batch in one transaction.

    Documents already in the store are skipped before they are coded (``fresh``) and again at
    write time, so a rerun after a crash codes only what is missing. Parts written by workers
    (``put_part``) are imported the same way, several to a turn; ``remove_parts`` deletes each
    part once it is stored.
    """

    def __init__(
        self,
        path: str,
        flush_documents: int = FLUSH_DOCUMENTS,
        flush_seconds: float = FLUSH_SECONDS,
        timeout: float = LOCK_TIMEOUT_SECONDS,
        remove_parts: bool = False,
    ) -> None:
        if flush_documents < 1:
            raise ValueError("flush_documents must be at least 1")
        self.path, self.timeout = path, timeout
        self.flush_documents, self.flush_seconds = flush_documents, flush_seconds
        self.added = self.skipped = 0
        self.remove_parts = remove_parts
        self._buffer: list[CodedDocument] = []
        self._parts: list[str] = []
        self._part_documents = 0
        self._since = time.monotonic()
        with Store(path, timeout=timeout):  # create or migrate the file up front
            pass

    def __enter__(self) -> Ingest:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.flush()

    def fresh(self, items: Iterable[Document | Failure]) -> Iterator[Document | Failure]:
        """``items`` without the documents already stored."""
        it = iter(items)
        while chunk := list(itertools.islice(it, _CHECK_CHUNK)):
            ids = [d.doc_id for d in chunk if isinstance(d, Document)]
            with Store(self.path, read_only=True, timeout=self.timeout) as store:
                stored = store.stored(ids)
            for item in chunk:
                if isinstance(item, Document) and item.doc_id in stored:
                    self.skipped += 1
                    continue
                yield item

    def put(self, coded: CodedDocument) -> None:
        if not self._buffer and not self._parts:
            self._since = time.monotonic()
        self._buffer.append(coded)
        self._maybe_flush()

    def put_part(self, part: Part) -> None:
        """Import a worker's part (with others, at the next flush)."""
        if part.path is None:
            return
        if not self._buffer and not self._parts:
            self._since = time.monotonic()
        self._parts.append(part.path)
        self._part_documents += len(part.doc_ids)
        self._maybe_flush()

    def _maybe_flush(self) -> None:
        waiting = len(self._buffer) + self._part_documents
        if waiting >= self.flush_documents or time.monotonic() - self._since >= self.flush_seconds:
            self.flush()

    def flush(self) -> None:
        if self._buffer:
            batch = prepare(self._buffer)  # before the turn: readers wait while the file is held
            with Store(self.path, timeout=self.timeout) as store:
                self.added += store.add_many(batch)
            self._buffer = []
        if self._parts:
            with Store(self.path, timeout=self.timeout) as store:
                self.added += import_parts(store, self._parts)
            if self.remove_parts:
                for path in self._parts:
                    shutil.rmtree(path, ignore_errors=True)
            self._parts, self._part_documents = [], 0

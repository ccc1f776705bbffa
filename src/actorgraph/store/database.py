"""The store: coded documents in an embedded DuckDB file.

A batch of documents is written in one transaction, so a crash (even SIGKILL) leaves each
document whole or absent; a document already stored (same ``doc_id``) is skipped, so re-ingest
adds nothing and a rerun after a crash completes the store. Readers and the writer take turns
through ``gate`` (see gate.py).

Example:
    >>> with Store(":memory:") as store:
    ...     store.count("events")
    0
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import duckdb
import pandas as pd

from actorgraph.output import flat_event
from actorgraph.records import Actor, CodedDocument, Event, EventDate, Location, Span
from actorgraph.store.bulk import frame, insert_frame
from actorgraph.store.clusters import Report, assign, interval
from actorgraph.store.filters import EventFilter, event_where
from actorgraph.store.gate import LOCK_TIMEOUT_SECONDS, GateTimeout, gate
from actorgraph.store.schema import (
    EVENT_COLUMNS,
    SCHEMA_VERSION,
    TABLES,
    SchemaError,
    migrate,
    schema_version,
)

__all__ = ["Batch", "DyadCount", "Store", "StoreError", "event_from_row", "prepare"]


class StoreError(RuntimeError):
    """The store file cannot be used (wrong schema version, busy for too long...)."""


@dataclass(frozen=True, slots=True)
class DyadCount:
    source: str
    target: str
    events: int
    mean_goldstein: float
    cooperation: int
    conflict: int


def _connect(path: str, read_only: bool, timeout: float) -> Any:
    """Open the file, waiting while another process holds DuckDB's own lock."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                raise StoreError(f"{path}: cannot open the store ({exc})") from None
            time.sleep(0.005)
        except duckdb.ConnectionException as exc:
            # This process holds the file open the other way (a server's shared reader, see
            # reader.py): it lets go when it sees this writer's ticket.
            if "different configuration" not in str(exc) or time.monotonic() > deadline:
                raise StoreError(f"{path}: cannot open the store ({exc})") from None
            time.sleep(0.005)
        except duckdb.Error as exc:
            raise StoreError(f"{path}: cannot open the store ({exc})") from None


class Store:
    """A DuckDB store opened for writing (``Store(path)``) or reading (``read_only=True``).

    Keep it open only as long as needed: while a Store is open for writing no one can read,
    and while one is open for reading no one can write (the other side waits, up to
    ``timeout`` seconds). ``actorgraph.store.Ingest`` writes in short batches.
    """

    def __init__(self, path: str, read_only: bool = False, timeout: float = LOCK_TIMEOUT_SECONDS) -> None:
        self.path = path
        self.read_only = read_only
        self._gate = gate(path, timeout, writer=not read_only)
        try:
            self._gate.__enter__()
        except GateTimeout as exc:
            raise StoreError(str(exc)) from None
        try:
            self.con = _connect(path, read_only, timeout)
        except BaseException:
            self._gate.__exit__(None, None, None)
            raise
        if read_only:
            # A reader needs the turnstile only to get in: the writer now waits for close().
            self._gate.__exit__(None, None, None)
        try:
            if read_only:
                version = schema_version(self.con)
                if version != SCHEMA_VERSION:
                    hint = " (open it for writing once, e.g. `actorgraph migrate`)" if version else ""
                    raise SchemaError(f"{path}: schema version {version}, expected {SCHEMA_VERSION}{hint}")
            else:
                migrate(self.con, path)
        except SchemaError as exc:
            self.close()
            raise StoreError(str(exc)) from None

    @classmethod
    def over(cls, con: Any, path: str) -> Store:
        """A read-only Store over a connection someone else opened (a cursor of store/reader.py's
        shared one): no turnstile, no schema check; ``close()`` closes only ``con``."""
        store = cls.__new__(cls)
        store.path, store.read_only, store.con = path, True, con
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        if self.con is None:
            return
        self.con.close()
        self.con = None
        if not self.read_only:
            self._gate.__exit__(None, None, None)

    def has(self, doc_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM documents WHERE doc_id = ?", [doc_id]).fetchone() is not None

    def stored(self, doc_ids: Iterable[str]) -> set[str]:
        """The ids among ``doc_ids`` that are already stored."""
        ids = list(doc_ids)
        if not ids:
            return set()
        sql = "SELECT doc_id FROM documents WHERE list_contains(?, doc_id)"
        rows = self.con.execute(sql, [ids]).fetchall()
        return {r[0] for r in rows}

    def count(self, table: str) -> int:
        if table not in TABLES:
            raise ValueError(f"no table {table!r}")
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def add(self, coded: CodedDocument) -> bool:
        """Store one coded document atomically; False if it was already stored."""
        return self.add_many([coded]) == 1

    def add_many(self, batch: Sequence[CodedDocument] | Batch) -> int:
        """Store documents in one transaction (all or none); returns how many were new.

        A ``Batch`` (``prepare``) was made ready before the file was taken, so the writer holds
        it only to write: readers wait for the whole turn (bench/load.py).
        """
        ready = batch if isinstance(batch, Batch) else prepare(batch)
        stored = self.stored(c.document.doc_id for c in ready.documents)
        if stored:
            ready = prepare([c for c in ready.documents if c.document.doc_id not in stored])
        if not ready.documents:
            return 0
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            for table, rows in ready.frames.items():
                insert_frame(con, table, rows, ignore=table == "actors")
            assign(con, ready.reports)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return len(ready.documents)

    def events(
        self,
        actor: str | None = None,
        code: str | None = None,
        since: dt.date | None = None,
        limit: int | None = None,
        voice: str | None = None,
        main: bool = False,
    ) -> Iterator[Event]:
        """Events filtered by actor code prefix (source or target), CAMEO code prefix, date
        and voice (``author``, ``quoted``, ``comment``); ``main``: each sentence's main event only.

        An event with no date of its own is dated by its document's publication date.
        """
        where, args = event_where(EventFilter(actor=actor, code=code, voice=voice, start=since, main=main))
        sql = (
            "SELECT * EXCLUDE (day) FROM events"
            + where
            + " ORDER BY day NULLS LAST, doc, sentence_index, trigger_start"
            + (f" LIMIT {int(limit)}" if limit else "")
        )
        cur = self.con.execute(sql, args)
        names = [c[0] for c in cur.description]
        while rows := cur.fetchmany(1000):
            for row in rows:
                yield event_from_row(dict(zip(names, row, strict=True)))

    def dyads(self, limit: int = 10) -> list[DyadCount]:
        """The most active source-target pairs, with their mean Goldstein score."""
        rows = self.con.execute(
            "SELECT source_code, target_code, count(*), avg(goldstein),"
            " count(*) FILTER (WHERE quad_class <= 2), count(*) FILTER (WHERE quad_class >= 3)"
            " FROM events WHERE source_code IS NOT NULL AND target_code IS NOT NULL"
            " GROUP BY ALL ORDER BY 3 DESC, 1, 2 LIMIT ?",
            [limit],
        ).fetchall()
        return [DyadCount(r[0], r[1], int(r[2]), float(r[3]), int(r[4]), int(r[5])) for r in rows]


@dataclass(frozen=True, slots=True)
class Batch:
    """Coded documents made ready to write: each table's new rows and the cluster reports."""

    documents: tuple[CodedDocument, ...]  # each doc_id once
    frames: dict[str, pd.DataFrame]
    reports: tuple[Report, ...]


def prepare(batch: Sequence[CodedDocument]) -> Batch:
    """A batch ready for ``Store.add_many``; a document given twice is kept once.

    >>> prepare([]).documents
    ()
    """
    by_id: dict[str, CodedDocument] = {}
    for c in batch:
        by_id.setdefault(c.document.doc_id, c)  # the first of a doc_id given twice
    unique = tuple(by_id.values())
    frames = {table: frame(rows) for table, rows in _rows(unique).items() if rows}
    return Batch(unique, frames, tuple(_reports(unique)))


def _day(e: Event, published: dt.date | None) -> dt.date | None:
    return e.date.value if e.date else published


def _reports(batch: Sequence[CodedDocument]) -> list[Report]:
    from actorgraph.store.clusters import CLUSTERED_MODALITIES

    out: list[Report] = []
    for c in batch:
        for e in {e.event_id: e for e in c.events}.values():
            when = interval(e.date, c.document.published)
            if e.modality not in CLUSTERED_MODALITIES or when is None:
                continue
            loc = e.location
            named = loc.name if loc and loc.precision != "country" and not loc.inferred else None
            out.append(
                Report(
                    e.event_id,
                    e.source.code if e.source else None,
                    e.target.code if e.target else None,
                    e.root,
                    e.code,
                    *when,
                    named,
                    loc.geonames_id if loc else None,
                    loc.country if loc and not loc.inferred else None,
                    c.document.doc_id,
                    c.document.source or c.document.url or c.document.name,
                    c.document.published,
                )
            )
    return out


def _rows(batch: Sequence[CodedDocument]) -> dict[str, list[list[object]]]:
    """Every table's new rows for a batch of documents."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows: dict[str, list[list[object]]] = {t: [] for t in TABLES if t not in ("clusters", "cluster_members")}
    for coded in batch:
        d = coded.document
        rows["documents"].append(
            [d.doc_id, d.name, d.title, d.url, d.published, d.source, d.path, d.genre, d.text, now]
        )
        rows["blocks"] += [[d.doc_id, b.index, b.start, b.end, b.voice, b.speaker, b.depth] for b in d.blocks]
        rows["sentences"] += [
            [d.doc_id, s.index, s.block_index, s.start, s.end, s.text, s.voice] for s in coded.sentences
        ]
        for m in coded.mentions:
            rows["mentions"].append(
                [d.doc_id, m.sentence_index, m.start, m.end, m.text, m.code, m.actor_id, m.country,
                 m.sector, m.kind, m.origin]
            )
            if m.code:
                key = f"{m.code}|{m.actor_id or ''}"
                rows["actors"].append([key, m.code, m.actor_id, m.text, m.country, m.sector])
        rows["quotes"] += [
            [d.doc_id, q.sentence_index, q.start, q.end, q.text, q.speaker.text if q.speaker else None,
             q.speaker.code if q.speaker else None, q.verb, q.voice]
            for q in coded.quotes
        ]
        rows["relations"] += [
            [d.doc_id, r.sentence_index, r.kind, r.source.text, r.source.code, r.target.text, r.target.code,
             r.cue.text, r.cue.start, r.cue.end, r.voice, r.rule]
            for r in coded.relations
        ]
        # An event id seen twice in one document is the same event: keep one. (A plain insert:
        # "OR IGNORE" costs a lookup per row in a large store's key index.)
        unique = {e.event_id: e for e in coded.events}
        for e in unique.values():
            row = flat_event(e) | {"day": _day(e, d.published)}
            rows["events"].append([row[c] for c in EVENT_COLUMNS])
    assert all(len(r) == len(EVENT_COLUMNS) for r in rows["events"])
    return rows


def event_from_row(row: dict[str, Any]) -> Event:
    """An Event from a row of the events table (``SELECT *``)."""

    def actor(prefix: str) -> Actor | None:
        if row[f"{prefix}_text"] is None and row[f"{prefix}_code"] is None:
            return None
        return Actor(
            row[f"{prefix}_text"],
            row[f"{prefix}_code"],
            row[f"{prefix}_actor_id"],
            row[f"{prefix}_country"],
            row[f"{prefix}_sector"],
        )

    date = None
    if row["date"] is not None:
        date = EventDate(row["date"], row["date_precision"], row["date_text"] or "")
    loc = None
    if row["location_name"] is not None:
        loc = Location(
            row["location_name"],
            row["location_country"],
            row["location_precision"],
            row["geonames_id"],
            row["lat"],
            row["lon"],
            bool(row["location_inferred"]),
        )
    speaker = None
    if row["attributed_to_text"] is not None:
        speaker = Actor(row["attributed_to_text"], row["attributed_to_code"])
    return Event(
        event_id=row["event_id"],
        doc_id=row["doc_id"],
        doc=row["doc"],
        sentence_index=row["sentence_index"],
        sentence=row["sentence"],
        trigger=Span(row["trigger_start"], row["trigger_end"], row["trigger_text"]),
        source=actor("source"),
        target=actor("target"),
        code=row["code"],
        root=row["root"],
        quad_class=row["quad_class"],
        goldstein=row["goldstein"],
        plover_type=row["plover_type"],
        plover_mode=row["plover_mode"],
        modality=row["modality"],
        voice=row["voice"],
        rule=row["rule"],
        confidence=row["confidence"],
        claim=bool(row["claim"]),
        main=bool(row.get("main")),  # NULL for events stored before schema version 3
        date=date,
        location=loc,
        attributed_to=speaker,
    )

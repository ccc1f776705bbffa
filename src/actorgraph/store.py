"""The store: coded documents in an embedded DuckDB file.

Each document is written in one transaction, so a crash leaves either the whole document or
none of it; a document already stored (same ``doc_id``) is skipped, so re-ingest adds nothing.

Example:
    >>> with Store(":memory:") as store:
    ...     store.count("events")
    0
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import duckdb

from actorgraph.output import COLUMN_TYPES, FLAT_COLUMNS, flat_event
from actorgraph.records import (
    Actor,
    CodedDocument,
    Event,
    EventDate,
    Location,
    Span,
)

__all__ = ["SCHEMA_VERSION", "DyadCount", "Store", "StoreError"]

SCHEMA_VERSION = 1


def _sql_type(column: str) -> str:
    if column == "event_id":
        return "VARCHAR PRIMARY KEY"
    return COLUMN_TYPES.get(column, "VARCHAR")


_EVENT_COLUMNS = ",\n    ".join(f"{c} {_sql_type(c)}" for c in FLAT_COLUMNS)
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY, name VARCHAR, title VARCHAR, url VARCHAR, published DATE,
    source VARCHAR, path VARCHAR, genre VARCHAR, text VARCHAR, ingested_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS blocks (
    doc_id VARCHAR, block_index INTEGER, start_char INTEGER, end_char INTEGER, voice VARCHAR,
    speaker VARCHAR, depth INTEGER);
CREATE TABLE IF NOT EXISTS sentences (
    doc_id VARCHAR, sentence_index INTEGER, block_index INTEGER, start_char INTEGER,
    end_char INTEGER, text VARCHAR, voice VARCHAR);
CREATE TABLE IF NOT EXISTS mentions (
    doc_id VARCHAR, sentence_index INTEGER, start_char INTEGER, end_char INTEGER, text VARCHAR,
    code VARCHAR, actor_id VARCHAR, country VARCHAR, sector VARCHAR, kind VARCHAR, origin VARCHAR);
CREATE TABLE IF NOT EXISTS quotes (
    doc_id VARCHAR, sentence_index INTEGER, start_char INTEGER, end_char INTEGER, text VARCHAR,
    speaker_text VARCHAR, speaker_code VARCHAR, verb VARCHAR, voice VARCHAR);
CREATE TABLE IF NOT EXISTS events (
    {_EVENT_COLUMNS});
"""


class StoreError(RuntimeError):
    """The store file cannot be used (wrong schema version, locked by another writer...)."""


@dataclass(frozen=True, slots=True)
class DyadCount:
    source: str
    target: str
    events: int
    mean_goldstein: float
    cooperation: int
    conflict: int


def _event_from_row(row: dict[str, Any]) -> Event:
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
        date=date,
        location=loc,
        attributed_to=speaker,
    )


class Store:
    """A DuckDB file holding documents, blocks, sentences, mentions and events."""

    def __init__(self, path: str, read_only: bool = False) -> None:
        try:
            self.con = duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{path}: cannot open the store ({exc})") from None
        self.path = path
        if not read_only:
            self.con.execute(_SCHEMA)
            self.con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        version = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if version is None or int(version[0]) != SCHEMA_VERSION:
            raise StoreError(f"{path}: schema version {version and version[0]}, expected {SCHEMA_VERSION}")

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def has(self, doc_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM documents WHERE doc_id = ?", [doc_id]).fetchone() is not None

    def count(self, table: str) -> int:
        if table not in ("documents", "blocks", "sentences", "mentions", "quotes", "events"):
            raise ValueError(f"no table {table!r}")
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def add(self, coded: CodedDocument) -> bool:
        """Store one coded document atomically; False if it was already stored."""
        d = coded.document
        if self.has(d.doc_id):
            return False
        con = self.con
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        tables: list[tuple[str, list[list[object]]]] = [
            (
                "documents",
                [[d.doc_id, d.name, d.title, d.url, d.published, d.source, d.path, d.genre, d.text, now]],
            ),
            ("blocks", [[d.doc_id, b.index, b.start, b.end, b.voice, b.speaker, b.depth] for b in d.blocks]),
            (
                "sentences",
                [
                    [d.doc_id, s.index, s.block_index, s.start, s.end, s.text, s.voice]
                    for s in coded.sentences
                ],
            ),
            (
                "mentions",
                [
                    [
                        d.doc_id,
                        m.sentence_index,
                        m.start,
                        m.end,
                        m.text,
                        m.code,
                        m.actor_id,
                        m.country,
                        m.sector,
                        m.kind,
                        m.origin,
                    ]
                    for m in coded.mentions
                ],
            ),
            (
                "quotes",
                [
                    [
                        d.doc_id,
                        q.sentence_index,
                        q.start,
                        q.end,
                        q.text,
                        q.speaker.text if q.speaker else None,
                        q.speaker.code if q.speaker else None,
                        q.verb,
                        q.voice,
                    ]
                    for q in coded.quotes
                ],
            ),
            ("events", [list(flat_event(e).values()) for e in coded.events]),
        ]
        con.execute("BEGIN TRANSACTION")
        try:
            for table, rows in tables:
                if rows:
                    marks = ", ".join("?" for _ in rows[0])
                    # An event id seen twice in one document is the same event: keep one.
                    verb = "INSERT OR IGNORE" if table == "events" else "INSERT"
                    con.executemany(f"{verb} INTO {table} VALUES ({marks})", rows)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return True

    def events(
        self,
        actor: str | None = None,
        code: str | None = None,
        since: dt.date | None = None,
        limit: int | None = None,
        voice: str | None = None,
    ) -> Iterator[Event]:
        """Events filtered by actor code prefix (source or target), CAMEO code prefix, date
        and voice (``author``, ``quoted``, ``comment``).

        An event with no date of its own is dated by its document's publication date.
        """
        where: list[str] = []
        args: list[object] = []
        if actor:
            where.append("(e.source_code LIKE ? OR e.target_code LIKE ?)")
            args += [actor.upper() + "%", actor.upper() + "%"]
        if voice:
            where.append("e.voice = ?")
            args.append(voice)
        if code:
            where.append("e.code LIKE ?")
            args.append(code + "%")
        if since:
            where.append("coalesce(e.date, d.published) >= ?")
            args.append(since)
        sql = (
            "SELECT e.* FROM events e JOIN documents d USING (doc_id)"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY coalesce(e.date, d.published) NULLS LAST, e.doc, e.sentence_index,"
            " e.trigger_start" + (f" LIMIT {int(limit)}" if limit else "")
        )
        cur = self.con.execute(sql, args)
        names = [c[0] for c in cur.description]
        while rows := cur.fetchmany(1000):
            for row in rows:
                yield _event_from_row(dict(zip(names, row, strict=True)))

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

"""The store's schema, versioned, and the migrations that bring an older file up to date.

A new store is created at version 1 and migrated forward, so every migration runs on every
new store and none rots untested.

Example:
    >>> import duckdb
    >>> con = duckdb.connect()
    >>> migrate(con, ":memory:")
    2
    >>> schema_version(con)
    2
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import duckdb

from actorgraph.output import COLUMN_TYPES, FLAT_COLUMNS

__all__ = [
    "ADDED_EVENT_COLUMNS",
    "EVENT_COLUMNS",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "TABLES",
    "Migration",
    "SchemaError",
    "migrate",
    "schema_version",
]

SCHEMA_VERSION = 3

# Event columns added by a migration after version 1, by version: a migration must create what
# it created when it was written, so version 1 leaves these out and their own step adds them.
ADDED_EVENT_COLUMNS: dict[str, int] = {"main": 3}
_V1_EVENT_COLUMNS = tuple(c for c in FLAT_COLUMNS if c not in ADDED_EVENT_COLUMNS)

# The events table in its column order: the flat event columns of version 1, then ``day`` (the
# event's date, else its document's publication date, so that time queries need no join), then
# the columns added since.
EVENT_COLUMNS: tuple[str, ...] = (*_V1_EVENT_COLUMNS, "day", *ADDED_EVENT_COLUMNS)

TABLES = (
    "documents",
    "blocks",
    "sentences",
    "mentions",
    "quotes",
    "events",
    "actors",
    "relations",
    "clusters",
    "cluster_members",
)


class SchemaError(RuntimeError):
    """The file's schema cannot be used by this version of actorgraph."""


def _sql_type(column: str) -> str:
    if column == "event_id":
        return "VARCHAR PRIMARY KEY"
    return COLUMN_TYPES.get(column, "VARCHAR")


_EVENT_DDL = ",\n    ".join(f"{c} {_sql_type(c)}" for c in _V1_EVENT_COLUMNS)
_V1 = f"""
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
    {_EVENT_DDL});
"""

# Version 2 drops the primary keys of the big tables: DuckDB rewrites a table's key index at
# every checkpoint, and with the file opened per batch (gate.py) that was 15 s per batch at
# 10 million events (BENCHMARKS.md). Uniqueness is the writer's job: a stored document is
# skipped before it is coded, and a batch's event ids are made unique before they are written.
_V2 = """
CREATE TABLE events_v2 AS
    SELECT e.*, coalesce(e.date, d.published) AS day FROM events e LEFT JOIN documents d USING (doc_id);
DROP TABLE events;
ALTER TABLE events_v2 RENAME TO events;
CREATE TABLE documents_v2 AS SELECT * FROM documents;
DROP TABLE documents;
ALTER TABLE documents_v2 RENAME TO documents;
-- One row per (code, lexicon entry): "Russian jets" (RUSMIL) and "Russia" (RUS) share an entry.
CREATE TABLE actors (
    actor_key VARCHAR PRIMARY KEY, code VARCHAR, actor_id VARCHAR, name VARCHAR, country VARCHAR,
    sector VARCHAR);
INSERT INTO actors
    SELECT code || '|' || coalesce(actor_id, ''), code, any_value(actor_id), min(text),
           any_value(country), any_value(sector)
    FROM mentions WHERE code IS NOT NULL GROUP BY code, coalesce(actor_id, '');
CREATE TABLE relations (
    doc_id VARCHAR, sentence_index INTEGER, kind VARCHAR, source_text VARCHAR, source_code VARCHAR,
    target_text VARCHAR, target_code VARCHAR, cue VARCHAR, start_char INTEGER, end_char INTEGER,
    voice VARCHAR, rule VARCHAR);
-- source_code and target_code are the cluster key: state codes in alphabetical order;
-- "reversed" says the first report ran target -> source.
CREATE TABLE clusters (
    cluster_id VARCHAR, source_code VARCHAR, target_code VARCHAR, root VARCHAR,
    code VARCHAR, date_precision VARCHAR, date_min DATE, date_max DATE, location_name VARCHAR,
    location_country VARCHAR, geonames_id BIGINT, n_events INTEGER, n_documents INTEGER,
    n_sources INTEGER, first_seen DATE, last_seen DATE, reversed BOOLEAN);
-- A member carries its document, outlet and publication date so that counts need no join.
CREATE TABLE cluster_members (
    event_id VARCHAR, cluster_id VARCHAR, doc_id VARCHAR, outlet VARCHAR, published DATE);
"""


@dataclass(frozen=True, slots=True)
class Migration:
    """The step from ``version - 1`` to ``version``: SQL, then an optional Python backfill."""

    version: int
    sql: str
    backfill: Callable[[Any], None] | None = None


def _backfill_clusters(con: Any) -> None:
    from actorgraph.store.clusters import recluster

    recluster(con)


# Version 3: whether an event is its sentence's main one (salience.py). Events stored before
# keep NULL: which one was main needs the parse, so only a re-ingest says.
_V3 = "ALTER TABLE events ADD COLUMN main BOOLEAN;"

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, _V1),
    Migration(2, _V2, _backfill_clusters),
    Migration(3, _V3),
)


def schema_version(con: Any) -> int | None:
    """The version written in the file, or None for a file that is not a store (or is empty)."""
    # Read meta directly: asking information_schema first took 20 ms of a 50 ms open, paid by
    # the writer and again by every reader after each of its turns (bench/load.py's store).
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except (duckdb.CatalogException, duckdb.BinderException):  # no meta table, or another one
        return None
    return int(row[0]) if row else None


def _is_empty(con: Any) -> bool:
    row = con.execute("SELECT count(*) FROM information_schema.tables").fetchone()
    return not row or not row[0]


def migrate(con: Any, path: str) -> int:
    """Create or upgrade the schema in one transaction per step; returns the version reached.

    A file newer than this actorgraph, or a DuckDB file that is not a store, raises SchemaError.
    """
    version = schema_version(con)
    if version is None:
        if not _is_empty(con):
            raise SchemaError(f"{path}: not an actorgraph store (schema version None)")
        version = 0
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"{path}: schema version {version} was written by a newer actorgraph "
            f"(this one reads up to {SCHEMA_VERSION})"
        )
    for step in MIGRATIONS:
        if step.version <= version:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(step.sql)
            if step.backfill is not None:
                step.backfill(con)
            con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(step.version)]
            )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        version = step.version
    return version

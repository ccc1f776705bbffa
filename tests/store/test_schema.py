"""Schema versions and migrations: an older store file is upgraded in place, data kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from actorgraph import CodedDocument, Pipeline
from actorgraph.cli import main
from actorgraph.output import flat_event
from actorgraph.store import SCHEMA_VERSION, TABLES, Store, StoreError
from actorgraph.store.schema import ADDED_EVENT_COLUMNS, EVENT_COLUMNS, MIGRATIONS, schema_version
from tests.conftest import code_text

PUBLISHED = dt.date(2024, 3, 14)


@pytest.fixture(scope="module")
def coded(pipeline: Pipeline) -> CodedDocument:
    doc = code_text(pipeline, "Russian jets bombed rebel positions near Idlib. Iran condemned Israel.",
                    PUBLISHED, name="v1doc")
    assert len(doc.events) >= 2
    return doc


def write_v1_store(path: str, coded: CodedDocument) -> None:
    """A store as version 1 wrote it: the v1 tables and rows, nothing newer."""
    con = duckdb.connect(path)
    con.execute(MIGRATIONS[0].sql)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    d = coded.document
    con.execute("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP)",
                [d.doc_id, d.name, d.title, d.url, d.published, d.source, d.path, d.genre, d.text])
    for m in coded.mentions:
        con.execute("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [d.doc_id, m.sentence_index, m.start, m.end, m.text, m.code, m.actor_id, m.country,
                     m.sector, m.kind, m.origin])
    for e in coded.events:
        row = [v for k, v in flat_event(e).items() if k not in ADDED_EVENT_COLUMNS]
        con.execute(f"INSERT INTO events VALUES ({', '.join('?' for _ in row)})", row)
    con.close()


def test_a_version_1_store_is_migrated_in_place_with_its_data(tmp_path: Path, coded: CodedDocument) -> None:
    path = str(tmp_path / "v1.duckdb")
    write_v1_store(path, coded)
    with Store(path) as store:
        assert schema_version(store.con) == SCHEMA_VERSION
        assert store.count("events") == len(coded.events)
        days = {r[0] for r in store.con.execute("SELECT day FROM events").fetchall()}
        assert days == {PUBLISHED}  # undated events take their document's date
        # The backfill clusters the old events and lists the coded actors.
        members = store.count("cluster_members")
        asserted = sum(e.modality == "asserted" for e in coded.events)
        assert members == asserted > 0
        codes = {r[0] for r in store.con.execute("SELECT code FROM actors").fetchall()}
        assert {m.code for m in coded.mentions if m.code} == codes


def test_a_migrated_store_has_the_new_stores_columns_and_takes_new_events(
    tmp_path: Path, coded: CodedDocument, pipeline: Pipeline
) -> None:
    """Rows are written by position: a migrated table must have a new one's columns in order.
    Events stored before version 3 have no main flag (NULL, read as False); new ones have it."""
    path = str(tmp_path / "v1.duckdb")
    write_v1_store(path, coded)
    new = code_text(pipeline, "Turkey condemned Syria. Egypt accused Israel.", PUBLISHED, name="newdoc")
    with Store(path) as store, Store(str(tmp_path / "new.duckdb")) as fresh:
        for s in (store, fresh):
            cols = [r[0] for r in s.con.execute("DESCRIBE events").fetchall()]
            assert cols == list(EVENT_COLUMNS)
        old = store.con.execute("SELECT count(*) FROM events WHERE main IS NULL").fetchone()
        assert old == (len(coded.events),)
        assert not any(e.main for e in store.events())
        store.add(new)
        flags = [e.main for e in store.events() if e.doc == "newdoc"]
        assert flags.count(True) == 2 and len(flags) == len(new.events)


def test_a_version_1_store_read_only_asks_for_a_migration(tmp_path: Path, coded: CodedDocument) -> None:
    path = str(tmp_path / "v1.duckdb")
    write_v1_store(path, coded)
    with pytest.raises(StoreError, match=r"schema version 1, expected .*actorgraph migrate"):
        Store(path, read_only=True)
    assert main(["migrate", "--db", path]) == 0
    with Store(path, read_only=True) as store:
        assert store.count("events") == len(coded.events)


def test_a_new_store_runs_every_migration_and_has_every_table(tmp_path: Path) -> None:
    with Store(str(tmp_path / "new.duckdb")) as store:
        assert schema_version(store.con) == SCHEMA_VERSION == MIGRATIONS[-1].version
        for table in TABLES:
            assert store.count(table) == 0


def test_a_failed_migration_leaves_the_old_version(tmp_path: Path, coded: CodedDocument,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = str(tmp_path / "v1.duckdb")
    write_v1_store(path, coded)
    import actorgraph.store.schema as schema

    def boom(con: object) -> None:
        raise RuntimeError("backfill failed")

    monkeypatch.setattr(schema, "MIGRATIONS", (MIGRATIONS[0], schema.Migration(2, MIGRATIONS[1].sql, boom)))
    with pytest.raises(RuntimeError, match="backfill failed"):
        Store(path)
    con = duckdb.connect(path, read_only=True)
    assert schema_version(con) == 1
    assert con.execute("SELECT count(*) FROM events").fetchone() == (len(coded.events),)
    con.close()


@pytest.mark.parametrize(
    "ddl",
    ["CREATE TABLE other (x INTEGER)", "CREATE TABLE meta (name VARCHAR)"],
    ids=["no meta table", "a meta table of its own"],
)
def test_a_duckdb_file_of_another_program_is_not_a_store(tmp_path: Path, ddl: str) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute(ddl)
    assert schema_version(con) is None
    con.close()
    for read_only in (True, False):
        with pytest.raises(StoreError, match=r"not an actorgraph store|schema version None"):
            Store(str(path), read_only=read_only)

"""Events out of the store and back in: Parquet round trips, JSON Lines, CSV and GDELT tables."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest

from actorgraph import CodedDocument, Pipeline
from actorgraph.exchange import DOC_COLUMNS, export, export_parquet, import_parquet
from actorgraph.output import event_json
from actorgraph.store import Store, StoreError
from actorgraph.store.schema import EVENT_COLUMNS
from tests.conftest import code_text

# name, publication date, outlet, text. "On Tuesday" in wire-1 is 2024-03-12; wire-2 reports the
# same strike two days later from another outlet, so the two reports make one cluster.
DOCS = [
    ("wire-1", dt.date(2024, 3, 13), "Reuters",
     "Russian jets bombed rebel positions near Idlib on Tuesday. "
     "Turkey and Russia signed an agreement on joint patrols."),
    ("wire-2", dt.date(2024, 3, 14), "AP", "Russian jets bombed rebel positions near Idlib."),
    ("wire-3", dt.date(2024, 4, 2), "Reuters", "Iran condemned the Israeli air strikes on Damascus."),
    ("wire-4", dt.date(2024, 5, 6), "AFP",
     "Hezbollah, Iran's proxy in Lebanon, attacked Israeli troops. "
     "Turkey and Russia signed an agreement on joint patrols."),
]
DOC_NAMES = [f"doc_{c}" for c in DOC_COLUMNS]
# The order every export uses.
ORDER = "ORDER BY day NULLS LAST, doc_id, sentence_index, trigger_start, event_id"
CLUSTER_SQL = "SELECT cluster_id, n_events, n_documents, n_sources FROM clusters ORDER BY cluster_id"


def _coded(pipeline: Pipeline, name: str, published: dt.date, source: str, text: str) -> CodedDocument:
    coded = code_text(pipeline, text, published, name=name)
    doc = dataclasses.replace(coded.document, source=source, url=f"https://news.example/{name}",
                              title=f"Title of {name}")
    return dataclasses.replace(coded, document=doc)


@pytest.fixture(scope="module")
def coded(pipeline: Pipeline) -> list[CodedDocument]:
    return [_coded(pipeline, *d) for d in DOCS]


@pytest.fixture(scope="module")
def store_path(coded: list[CodedDocument], tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("exchange") / "store.duckdb")
    with Store(path) as store:
        assert store.add_many(coded) == len(DOCS)
    return path


@pytest.fixture(scope="module")
def exported(store_path: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("parquet") / "events.parquet"
    with Store(store_path, read_only=True) as store:
        assert export_parquet(store, str(path)) == store.count("events")
    return path


def _query(sql: str, *args: object) -> list[tuple[Any, ...]]:
    return duckdb.connect().execute(sql, list(args)).fetchall()


def _rows(store_path: str, sql: str) -> list[tuple[Any, ...]]:
    with Store(store_path, read_only=True) as store:
        return store.con.execute(sql).fetchall()


def _text_export(store_path: str, fmt: str) -> tuple[int, str]:
    out = io.StringIO()
    with Store(store_path, read_only=True) as store:
        count = export(store, fmt, out)
    return count, out.getvalue()


def test_store_has_events_with_both_actors_and_a_shared_cluster(store_path: str) -> None:
    events = _rows(store_path, "SELECT source_code, target_code FROM events")
    assert len(events) >= len(DOCS)
    assert all(s and t for s, t in events)
    # The strike reported by Reuters and AP is one cluster of two documents from two outlets.
    assert (2, 2, 2) in {r[1:] for r in _rows(store_path, CLUSTER_SQL)}


# --- Parquet ----------------------------------------------------------------------------------

def test_parquet_has_every_event_and_its_document(store_path: str, exported: Path) -> None:
    names = [r[0] for r in _query("DESCRIBE SELECT * FROM read_parquet(?)", str(exported))]
    assert names == [*EVENT_COLUMNS, *DOC_NAMES]
    cols = ", ".join(EVENT_COLUMNS)
    assert _query(f"SELECT {cols} FROM read_parquet(?)", str(exported)) == _rows(
        store_path, f"SELECT {cols} FROM events {ORDER}")
    docs = set(_query("SELECT DISTINCT doc, doc_published, doc_source, doc_url, doc_title"
                      " FROM read_parquet(?)", str(exported)))
    assert docs == {(name, published, source, f"https://news.example/{name}", f"Title of {name}")
                    for name, published, source, _ in DOCS}


def test_parquet_round_trip_gives_the_same_table(exported: Path, tmp_path: Path) -> None:
    fresh = str(tmp_path / "fresh.duckdb")
    again = tmp_path / "again.parquet"
    with Store(fresh) as store:
        added = import_parquet(store, str(exported))
        assert added == store.count("events") > 0
        assert export_parquet(store, str(again)) == added
    # No column needs excluding: documents come back with the same metadata and events whole.
    first = _query("SELECT * FROM read_parquet(?)", str(exported))
    second = _query("SELECT * FROM read_parquet(?)", str(again))
    assert len(first) == added
    assert sorted(first, key=repr) == sorted(second, key=repr)
    assert first == second  # the export order is fixed too


def test_an_export_made_before_a_column_was_added_still_imports(exported: Path, tmp_path: Path) -> None:
    """A file written by a version before schema 3 has no ``main``: its events import with NULL."""
    older = tmp_path / "older.parquet"
    duckdb.connect().execute(
        f"COPY (SELECT * EXCLUDE (main) FROM read_parquet('{exported}')) TO '{older}' (FORMAT parquet)"
    )
    with Store(str(tmp_path / "older.duckdb")) as store:
        added = import_parquet(store, str(older))
        assert added == store.count("events") > 0
        assert store.con.execute("SELECT count(*) FROM events WHERE main IS NULL").fetchone() == (added,)


def test_import_twice_adds_nothing_the_second_time(exported: Path, tmp_path: Path) -> None:
    fresh = str(tmp_path / "twice.duckdb")
    tables = ("documents", "events", "clusters", "cluster_members")
    with Store(fresh) as store:
        first = import_parquet(store, str(exported))
        counts = {t: store.count(t) for t in tables}
        assert import_parquet(store, str(exported)) == 0
        assert {t: store.count(t) for t in tables} == counts
    assert first > 0 and counts["documents"] == len(DOCS)


def test_import_into_the_original_store_adds_nothing(store_path: str, exported: Path) -> None:
    before = _rows(store_path, CLUSTER_SQL)
    with Store(store_path) as store:
        n = store.count("events")
        assert import_parquet(store, str(exported)) == 0
        assert store.count("events") == n
    assert _rows(store_path, CLUSTER_SQL) == before


def test_imported_store_has_the_same_clusters(store_path: str, exported: Path, tmp_path: Path) -> None:
    fresh = str(tmp_path / "clusters.duckdb")
    with Store(fresh) as store:
        import_parquet(store, str(exported))
    assert _rows(fresh, CLUSTER_SQL) == _rows(store_path, CLUSTER_SQL)
    # Every cluster column, and the membership, too.
    everything = "SELECT * FROM clusters ORDER BY cluster_id"
    assert _rows(fresh, everything) == _rows(store_path, everything)
    members = "SELECT * FROM cluster_members ORDER BY event_id"
    assert _rows(fresh, members) == _rows(store_path, members)


def test_import_joins_reports_to_clusters_already_stored(
    coded: list[CodedDocument], store_path: str, tmp_path: Path
) -> None:
    """Two stores with half the documents each: importing one into the other gives the clusters
    of the store that had them all (documents arrive in date order either way)."""
    a, b = str(tmp_path / "a.duckdb"), str(tmp_path / "b.duckdb")
    with Store(a) as store:
        store.add_many([coded[0], coded[2]])
    with Store(b) as store:
        store.add_many([coded[1], coded[3]])
        export_parquet(store, str(tmp_path / "b.parquet"))
    with Store(a) as store:
        assert import_parquet(store, str(tmp_path / "b.parquet")) == sum(
            len(coded[i].events) for i in (1, 3))
    assert _rows(a, CLUSTER_SQL) == _rows(store_path, CLUSTER_SQL)


def _partition(path: str) -> set[frozenset[str]]:
    rows = _rows(path, "SELECT list(event_id) FROM cluster_members GROUP BY cluster_id")
    return {frozenset(r[0]) for r in rows}


def test_import_keeps_cluster_membership_of_documents_stored_out_of_date_order(
    coded: list[CodedDocument], tmp_path: Path
) -> None:
    """The AP report (published later) was stored before Reuters' report of the same strike.
    The import clusters in date order, so the same events group together (the cluster is then
    named by the earliest report, not by the first stored: arrival order is not exported)."""
    original = str(tmp_path / "original.duckdb")
    with Store(original) as store:
        store.add(coded[1])
        store.add(coded[0])
        export_parquet(store, str(tmp_path / "events.parquet"))
    fresh = str(tmp_path / "fresh.duckdb")
    with Store(fresh) as store:
        import_parquet(store, str(tmp_path / "events.parquet"))
    assert _partition(fresh) == _partition(original)
    assert any(len(c) == 2 for c in _partition(fresh))
    counts = "SELECT n_events, n_documents, n_sources FROM clusters ORDER BY ALL"
    assert _rows(fresh, counts) == _rows(original, counts)


def test_parquet_opens_as_a_dataframe(exported: Path, store_path: str) -> None:
    # pandas.read_parquet needs pyarrow, which is not a dependency: DuckDB makes the frame.
    frame = duckdb.connect().execute("SELECT * FROM read_parquet(?)", [str(exported)]).df()
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) == len(_rows(store_path, "SELECT event_id FROM events"))
    assert list(frame.columns) == [*EVENT_COLUMNS, *DOC_NAMES]


def test_parquet_path_with_a_quote(store_path: str, tmp_path: Path) -> None:
    path = tmp_path / "it's events.parquet"
    with Store(store_path, read_only=True) as store:
        n = export_parquet(store, str(path))
    assert not Path(f"{path}.part").exists()
    with Store(str(tmp_path / "quote.duckdb")) as store:
        assert import_parquet(store, str(path)) == n


# --- import errors ----------------------------------------------------------------------------

def _import_error(path: Path, tmp_path: Path) -> str:
    with Store(str(tmp_path / "target.duckdb")) as store, pytest.raises(StoreError) as info:
        import_parquet(store, str(path))
    with Store(str(tmp_path / "target.duckdb"), read_only=True) as store:
        assert store.count("events") == store.count("documents") == 0
    return str(info.value)


def test_import_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.parquet"
    message = _import_error(path, tmp_path)
    assert message.startswith(str(path)) and "no such file" in message


def test_import_a_file_that_is_not_parquet(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    path.write_text('{"event_id": "x"}\n', encoding="utf-8")
    message = _import_error(path, tmp_path)
    assert message.startswith(str(path)) and "not a Parquet file" in message
    assert len(message.splitlines()) == 1


def test_import_a_parquet_file_lacking_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "other.parquet"
    duckdb.connect().execute(f"COPY (SELECT 'x' AS event_id, 1 AS code) TO '{path}' (FORMAT parquet)")
    message = _import_error(path, tmp_path)
    assert message.startswith(str(path)) and "not an actorgraph export" in message
    assert "doc," in message  # the first missing column is named


# --- text formats -----------------------------------------------------------------------------

def test_export_jsonl(store_path: str, coded: list[CodedDocument]) -> None:
    count, text = _text_export(store_path, "jsonl")
    records = [json.loads(line) for line in text.splitlines()]
    originals = {e.event_id: e for c in coded for e in c.events}
    assert count == len(records) == len(originals)
    keys = set(event_json(next(iter(originals.values()))))
    assert all(set(r) == keys for r in records)
    assert [r["event_id"] for r in records] == [r[0] for r in _rows(
        store_path, f"SELECT event_id FROM events {ORDER}")]
    for r in records:
        want = json.loads(json.dumps(event_json(originals[r["event_id"]])))
        # The store keeps no character offsets of actors: those come back null.
        for side in ("source", "target"):
            assert r[side].pop("start") is None and r[side].pop("end") is None
            want[side].pop("start"), want[side].pop("end")
        assert r == want


def test_export_csv(store_path: str) -> None:
    count, text = _text_export(store_path, "csv")
    header = next(csv.reader(io.StringIO(text)))
    assert header == [*EVENT_COLUMNS, *DOC_NAMES]
    frame = pd.read_csv(io.StringIO(text))
    assert len(frame) == count == len(_rows(store_path, "SELECT event_id FROM events"))
    assert list(frame.columns) == header
    ids = [r[0] for r in _rows(store_path, f"SELECT event_id FROM events {ORDER}")]
    assert frame["event_id"].tolist() == ids
    assert set(frame["doc_source"]) == {d[2] for d in DOCS}


def test_export_csv_opens_in_duckdb(store_path: str, tmp_path: Path) -> None:
    count, text = _text_export(store_path, "csv")
    path = tmp_path / "events.csv"
    path.write_text(text, encoding="utf-8")
    con = duckdb.connect()
    cur = con.execute("SELECT * FROM read_csv_auto(?)", [str(path)])
    assert [c[0] for c in cur.description] == [*EVENT_COLUMNS, *DOC_NAMES]
    rows = cur.fetchall()
    assert len(rows) == count
    got = con.execute("SELECT event_id, code, sentence FROM read_csv_auto(?)", [str(path)]).fetchall()
    assert got == _rows(store_path, f"SELECT event_id, code, sentence FROM events {ORDER}")


def test_export_gdelt(store_path: str, tmp_path: Path) -> None:
    count, text = _text_export(store_path, "gdelt")
    path = tmp_path / "events.tsv"
    path.write_text(text, encoding="utf-8")
    cur = duckdb.connect().execute(
        "SELECT * FROM read_csv(?, delim='\t', header=false, all_varchar=true)", [str(path)])
    assert len(cur.description) == 61
    rows = cur.fetchall()
    expected = _rows(store_path, "SELECT e.code, e.day, d.url FROM events e JOIN documents d"
                                 " USING (doc_id) ORDER BY e.day NULLS LAST, e.doc_id, e.sentence_index,"
                                 " e.trigger_start, e.event_id")
    assert len(rows) == count == len(expected)
    assert [r[26] for r in rows] == [code for code, _, _ in expected]  # EventCode
    for row, (_, day, url) in zip(rows, expected, strict=True):
        assert len(row[1]) == 8 and row[1].isdigit()  # SQLDATE
        assert row[1] == day.strftime("%Y%m%d")
        assert row[60] == url  # SOURCEURL
    assert len({r[0] for r in rows}) == len(rows)  # GLOBALEVENTID


def test_export_unknown_text_format(store_path: str) -> None:
    with Store(store_path, read_only=True) as store, pytest.raises(ValueError, match="parquet needs a file"):
        export(store, "parquet", io.StringIO())


# --- an empty store ---------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["jsonl", "gdelt", "csv"])
def test_export_of_an_empty_store(fmt: str, tmp_path: Path) -> None:
    out = io.StringIO()
    with Store(str(tmp_path / "empty.duckdb")) as store:
        assert export(store, fmt, out) == 0
    if fmt == "csv":
        assert out.getvalue().splitlines() == [",".join([*EVENT_COLUMNS, *DOC_NAMES])]
    else:
        assert out.getvalue() == ""


def test_parquet_export_of_an_empty_store(tmp_path: Path) -> None:
    path = tmp_path / "empty.parquet"
    with Store(str(tmp_path / "empty.duckdb")) as store:
        assert export_parquet(store, str(path)) == 0
    assert _query("SELECT count(*) FROM read_parquet(?)", str(path)) == [(0,)]
    with Store(str(tmp_path / "other.duckdb")) as store:
        assert import_parquet(store, str(path)) == 0

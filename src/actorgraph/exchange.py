"""Events out of the store and back in: Parquet, JSON Lines, CSV and GDELT 2.0 tables.

Parquet carries every event column plus its document's metadata (``doc_published``,
``doc_source``, ``doc_url``, ``doc_title``, ``doc_genre``), so ``import_parquet`` rebuilds the
events, their documents (without text) and the clusters: exporting the imported store gives
the same table.

Example:
    >>> import io
    >>> from actorgraph.store import Store
    >>> with Store(":memory:") as store:
    ...     export(store, "jsonl", io.StringIO())
    0
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
from typing import IO, Any

from actorgraph.gdelt import gdelt_row, write_gdelt
from actorgraph.output import event_json
from actorgraph.store import Store, StoreError, event_from_row
from actorgraph.store.clusters import assign, report_from_row, reports_sql
from actorgraph.store.schema import ADDED_EVENT_COLUMNS, EVENT_COLUMNS

__all__ = ["DOC_COLUMNS", "EXPORT_FORMATS", "export", "export_parquet", "import_parquet"]

EXPORT_FORMATS = ("parquet", "jsonl", "csv", "gdelt")
DOC_COLUMNS = ("published", "source", "url", "title", "genre")
_SELECT = (
    "SELECT e.*, " + ", ".join(f"d.{c} AS doc_{c}" for c in DOC_COLUMNS)
    + " FROM events e JOIN documents d USING (doc_id) ORDER BY e.day NULLS LAST, e.doc_id, e.sentence_index,"
    " e.trigger_start, e.event_id"
)


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def export_parquet(store: Store, path: str) -> int:
    """Write every event with its document's metadata to one Parquet file (atomically)."""
    part = f"{path}.part"
    store.con.execute(f"COPY ({_SELECT}) TO {_sql_str(part)} (FORMAT parquet)")
    os.replace(part, path)
    row = store.con.execute("SELECT count(*) FROM events").fetchone()
    return int(row[0]) if row else 0


def _rows(store: Store) -> Any:
    cur = store.con.execute(_SELECT)
    names = [c[0] for c in cur.description]
    while rows := cur.fetchmany(1000):
        for row in rows:
            yield dict(zip(names, row, strict=True))


def export(store: Store, fmt: str, out: IO[str]) -> int:
    """Write events as ``jsonl`` (the ``code`` command's shape), ``csv`` (flat columns) or
    ``gdelt`` (the GDELT 2.0 event table: tab-separated, no header). Returns the count."""
    if fmt not in ("jsonl", "csv", "gdelt"):
        raise ValueError(f"unknown text format {fmt!r}; use jsonl, csv or gdelt (parquet needs a file)")
    count = 0
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow([*EVENT_COLUMNS, *(f"doc_{c}" for c in DOC_COLUMNS)])
    added = dt.datetime.now(dt.UTC)
    gdelt: list[tuple[str, ...]] = []
    for row in _rows(store):
        if fmt == "csv":
            writer.writerow(["" if v is None else v for v in row.values()])
        else:
            event = event_from_row({k: v for k, v in row.items() if k in EVENT_COLUMNS})
            if fmt == "jsonl":
                out.write(json.dumps(event_json(event), ensure_ascii=False) + "\n")
            else:
                gdelt.append(gdelt_row(event, row["doc_published"], row["doc_url"], added))
                if len(gdelt) >= 1000:
                    write_gdelt(gdelt, out)
                    gdelt = []
        count += 1
    if gdelt:
        write_gdelt(gdelt, out)
    return count


def import_parquet(store: Store, path: str) -> int:
    """Add the events of an exported Parquet file (and stub documents for them) in one
    transaction, then cluster the new events. Events already stored are skipped; returns how
    many were added."""
    if not os.path.exists(path):
        raise StoreError(f"{path}: no such file")
    con = store.con
    src = f"read_parquet({_sql_str(path)})"
    try:
        names = {r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {src}").fetchall()}
    except Exception as exc:  # DuckDB raises several kinds for a file that is not Parquet
        raise StoreError(f"{path}: not a Parquet file ({str(exc).splitlines()[0]})") from None
    # A file exported before a column was added lacks it: its events get NULL there.
    required = [c for c in EVENT_COLUMNS if c not in ADDED_EVENT_COLUMNS]
    missing = [c for c in (*required, *(f"doc_{c}" for c in DOC_COLUMNS)) if c not in names]
    if missing:
        raise StoreError(f"{path}: not an actorgraph export (missing columns: {', '.join(missing[:5])})")
    before = store.count("events")
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "INSERT INTO documents SELECT doc_id, any_value(doc), any_value(doc_title), any_value(doc_url),"
            " any_value(doc_published), any_value(doc_source), NULL, any_value(doc_genre), NULL,"
            f" now()::TIMESTAMP FROM {src} WHERE doc_id NOT IN (SELECT doc_id FROM documents) GROUP BY doc_id"
        )
        con.execute("CREATE OR REPLACE TEMP TABLE imported AS SELECT event_id FROM events LIMIT 0")
        con.execute(
            f"INSERT INTO imported SELECT event_id FROM {src}"
            " WHERE event_id NOT IN (SELECT event_id FROM events)"
        )
        cols = ", ".join(c if c in names else f"NULL AS {c}" for c in EVENT_COLUMNS)
        con.execute(
            f"INSERT INTO events SELECT {cols} FROM {src} WHERE event_id IN (SELECT event_id FROM imported)"
        )
        rows = con.execute(
            reports_sql("e.event_id IN (SELECT event_id FROM imported)")
            + " ORDER BY e.day, e.doc_id, e.sentence_index, e.trigger_start"
        ).fetchall()
        assign(con, [r for r in map(report_from_row, rows) if r is not None])
        con.execute("DROP TABLE imported")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return store.count("events") - before

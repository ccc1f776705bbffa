"""Bulk writes: rows go to DuckDB as one DataFrame scan, not one statement per row.

``executemany`` runs a statement per row: 2,000 rows into a table with a primary key took 6.9 s
where a DataFrame scan took 0.02 s (DuckDB 2.0.0, this machine; see BENCHMARKS.md).

Example:
    >>> import duckdb
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE TABLE t (k VARCHAR PRIMARY KEY, n INTEGER)")
    >>> insert(con, "t", [["a", 1], ["a", 1], ["b", None]], ignore=True)
    >>> con.execute("SELECT count(*) FROM t").fetchone()
    (2,)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

__all__ = ["frame", "insert", "insert_frame", "update"]


def frame(rows: Sequence[Sequence[Any]]) -> pd.DataFrame:
    """Rows (in a table's column order) as a DataFrame to insert; build it before taking the file."""
    return pd.DataFrame(list(rows), columns=[f"c{i}" for i in range(len(rows[0]))])


def insert(con: Any, table: str, rows: Sequence[Sequence[Any]], ignore: bool = False) -> None:
    """Insert rows (in the table's column order); ``ignore`` skips rows whose key exists."""
    if rows:
        insert_frame(con, table, frame(rows), ignore)


def insert_frame(con: Any, table: str, rows: pd.DataFrame, ignore: bool = False) -> None:
    """Insert a DataFrame made by ``frame``."""
    if rows.empty:
        return
    con.register("_bulk_rows", rows)
    try:
        con.execute(f"INSERT {'OR IGNORE ' if ignore else ''}INTO {table} SELECT * FROM _bulk_rows")
    finally:
        con.unregister("_bulk_rows")


def update(con: Any, table: str, key: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Set ``columns`` of the rows whose ``key`` is each row's last value."""
    if not rows:
        return
    frame = pd.DataFrame(list(rows), columns=[*columns, key])
    con.register("_bulk_rows", frame)
    try:
        sets = ", ".join(f"{c} = _bulk_rows.{c}" for c in columns)
        con.execute(f"UPDATE {table} SET {sets} FROM _bulk_rows WHERE {table}.{key} = _bulk_rows.{key}")
    finally:
        con.unregister("_bulk_rows")

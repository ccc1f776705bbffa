"""Parquet parts: a coded batch written by a worker as a folder of Parquet files, which the store
imports in one transaction.

A part holds one Parquet file per store table the batch fills (the store's own column types,
written through an in-memory store of the same schema), the batch's cluster reports in order,
and ``part.json`` (its documents' ids, event count, schema version). A worker writes into a
hidden folder and renames it once every file is closed, so a part is whole or absent; its name
comes from its documents' ids, so a batch run twice (a worker killed and its task rerun) leaves
one part. Importing skips documents already stored, so importing a part twice adds nothing.

Workers on a cluster write parts to a folder the importing machine can read; the rows never
pass through the Dask scheduler or the client's memory, and the client does no row building.

Example:
    >>> import tempfile
    >>> from actorgraph import make_document
    >>> from actorgraph.records import CodedDocument
    >>> doc = make_document("d1", "Turkey condemned Syria.", None)
    >>> part = write_part([CodedDocument(doc, (), (), ())], tempfile.mkdtemp())
    >>> with Store(":memory:") as store:
    ...     import_parts(store, [part.path]), store.count("documents")
    (1, 1)
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from actorgraph.records import CodedDocument, Failure
from actorgraph.store.bulk import insert_frame
from actorgraph.store.clusters import Report, assign
from actorgraph.store.database import Store, StoreError, prepare
from actorgraph.store.schema import SCHEMA_VERSION, TABLES, migrate

__all__ = ["MANIFEST", "Part", "import_parts", "list_parts", "read_manifest", "write_part"]

MANIFEST = "part.json"
_REPORTS = "reports"
_REPORT_COLUMNS = tuple(f.name for f in dataclasses.fields(Report))
_REPORT_TYPES = {
    "lo": "DATE", "hi": "DATE", "published": "DATE", "geonames_id": "BIGINT",
}


@dataclass(frozen=True, slots=True)
class Part:
    """What a worker hands back for a batch: where its part is (None when no document of the
    batch could be coded) and the batch's counts and failures."""

    path: str | None
    doc_ids: tuple[str, ...]
    events: int
    failures: tuple[Failure, ...] = ()


def _name(doc_ids: Sequence[str]) -> str:
    return "part-" + hashlib.sha256("\n".join(sorted(doc_ids)).encode()).hexdigest()[:24]


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def write_part(coded: Sequence[CodedDocument], directory: str, failures: Sequence[Failure] = ()) -> Part:
    """Write a coded batch as a part in ``directory`` (created if missing)."""
    ready = prepare(coded)
    ids = tuple(c.document.doc_id for c in ready.documents)
    events = len(ready.frames["events"]) if "events" in ready.frames else 0
    if not ids:
        return Part(None, (), 0, tuple(failures))
    name = _name(ids)
    final = os.path.join(directory, name)
    if os.path.isdir(final):  # this batch was written before (a rerun task)
        return Part(final, ids, events, tuple(failures))
    os.makedirs(directory, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=f".{name}.", dir=directory)
    try:
        con = _scratch()
        con.execute("BEGIN TRANSACTION")
        try:  # the rows only pass through: rolled back once copied out
            for table, rows in ready.frames.items():
                insert_frame(con, table, rows, ignore=table == "actors")
                _copy(con, table, tmp)
            _write_reports(con, ready.reports, tmp)
        finally:
            con.execute("ROLLBACK")
        manifest = {"schema_version": SCHEMA_VERSION, "documents": list(ids), "events": events,
                    "tables": sorted(ready.frames)}
        with open(os.path.join(tmp, MANIFEST), "w", encoding="utf-8") as f:
            json.dump(manifest, f)
        _sync(tmp)
        try:
            os.rename(tmp, final)
        except OSError:
            if not os.path.isdir(final):
                raise
            shutil.rmtree(tmp)  # another run of the same batch got there first: same rows
        else:
            _sync_dir(directory)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return Part(final, ids, events, tuple(failures))


def _sync(folder: str) -> None:
    """Flush a part's files and folder to disk before its rename publishes it: without this a
    machine that loses power can keep the rename and lose file contents, leaving a named part
    that is not whole."""
    for entry in os.scandir(folder):
        fd = os.open(entry.path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    _sync_dir(folder)


def _sync_dir(folder: str) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_LOCAL = threading.local()


def _scratch() -> Any:
    """This thread's in-memory store with the schema and a reports table, made once: creating
    one took 76 ms of the 205 a part of 11 documents took to write."""
    con = getattr(_LOCAL, "con", None)
    if con is None:
        con = duckdb.connect()
        migrate(con, ":memory:")
        columns = ", ".join(f"{c} {_REPORT_TYPES.get(c, 'VARCHAR')}" for c in _REPORT_COLUMNS)
        con.execute(f"CREATE TABLE {_REPORTS} (seq INTEGER, {columns})")
        _LOCAL.con = con
    return con


def _write_reports(con: Any, reports: Sequence[Report], folder: str) -> None:
    if reports:
        rows = [[i, *dataclasses.astuple(r)] for i, r in enumerate(reports)]
        frame = pd.DataFrame(rows, columns=[f"c{i}" for i in range(len(rows[0]))])
        insert_frame(con, _REPORTS, frame)
    _copy(con, _REPORTS, folder)


def _copy(con: Any, table: str, folder: str) -> None:
    con.execute(f"COPY {table} TO {_sql_str(os.path.join(folder, table + '.parquet'))} (FORMAT parquet)")


def read_manifest(path: str) -> dict[str, Any]:
    """A part's manifest, checked; a missing or foreign part is a ``StoreError`` naming it."""
    file = os.path.join(path, MANIFEST)
    try:
        with open(file, encoding="utf-8") as f:
            manifest = json.load(f)
    except FileNotFoundError:
        raise StoreError(
            f"{path}: no part here (a worker wrote it where this machine cannot see it? "
            "give --parts a folder that the workers and this machine share)"
        ) from None
    except (OSError, ValueError) as exc:
        raise StoreError(f"{file}: unreadable part manifest ({exc})") from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("documents"), list):
        raise StoreError(f"{file}: not an actorgraph part manifest")
    tables = manifest.get("tables", [])
    # The names go into SQL: only the store's own tables.
    if not isinstance(tables, list) or not set(tables) <= set(TABLES) or not all(
        isinstance(i, str) for i in manifest["documents"]
    ):
        raise StoreError(f"{file}: not an actorgraph part manifest (unknown tables or document ids)")
    if manifest.get("schema_version") != SCHEMA_VERSION:
        raise StoreError(
            f"{file}: written for store schema {manifest.get('schema_version')}, this actorgraph "
            f"writes {SCHEMA_VERSION}; code the documents again"
        )
    return manifest


def list_parts(directory: str) -> list[str]:
    """The finished parts in ``directory``, oldest first (the order they were written in)."""
    found = [p for p in Path(directory).glob("part-*") if (p / MANIFEST).is_file()]
    return [str(p) for p in sorted(found, key=lambda p: ((p / MANIFEST).stat().st_mtime_ns, p.name))]


def import_parts(store: Store, paths: Sequence[str]) -> int:
    """Add the documents of parts not yet stored, in one transaction (all or none), and cluster
    their events; returns how many documents were added."""
    manifests = [read_manifest(p) for p in paths]
    con = store.con
    added = 0
    reports: list[Report] = []
    con.execute("BEGIN TRANSACTION")
    try:
        for path, manifest in zip(paths, manifests, strict=True):
            ids: list[str] = manifest["documents"]
            stored = store.stored(ids)
            keep = [i for i in ids if i not in stored]
            if not keep:
                continue
            added += len(keep)
            everything = len(keep) == len(ids)
            if not everything:
                con.register("_part_keep", pd.DataFrame({"doc_id": keep}))
            for table in manifest.get("tables", []):
                _insert(con, table, os.path.join(path, table + ".parquet"), everything)
            kept = set(keep)
            reports += [r for r in _reports(con, path) if r.doc_id in kept]
            if not everything:
                con.unregister("_part_keep")
        assign(con, reports)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return added


def _insert(con: Any, table: str, file: str, everything: bool) -> None:
    source = f"read_parquet({_sql_str(file)})"
    # Stored when imported, not when the worker coded it: one time per import, as for a batch.
    select = "* REPLACE (now()::TIMESTAMP AS ingested_at)" if table == "documents" else "*"
    where = "" if everything or table == "actors" else " WHERE doc_id IN (SELECT doc_id FROM _part_keep)"
    verb = "INSERT OR IGNORE" if table == "actors" else "INSERT"
    con.execute(f"{verb} INTO {table} SELECT {select} FROM {source}{where}")


def _reports(con: Any, path: str) -> list[Report]:
    file = os.path.join(path, _REPORTS + ".parquet")
    cols = ", ".join(_REPORT_COLUMNS)
    rows = con.execute(f"SELECT {cols} FROM read_parquet({_sql_str(file)}) ORDER BY seq").fetchall()
    return [Report(*row) for row in rows]

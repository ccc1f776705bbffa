"""Parquet parts: a part imports to the same rows as a direct write, whole or not at all, once."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from actorgraph import CodedDocument, Pipeline
from actorgraph.records import Failure
from actorgraph.store import SCHEMA_VERSION, TABLES, Store, StoreError
from actorgraph.store.parts import MANIFEST, import_parts, list_parts, read_manifest, write_part
from tests.conftest import code_text

TEXTS = {
    "strike": "Russian jets bombed rebel positions near Idlib on Tuesday.",
    "condemn": "Iran condemned the Israeli air strikes on Damascus.",
    "talks": "Turkey and Russia held talks in Ankara. The Kremlin said the talks went well.",
    "again": "Russian jets bombed rebel positions near Idlib again on Tuesday.",
}


@pytest.fixture(scope="module")
def docs(pipeline: Pipeline) -> list[CodedDocument]:
    coded = [code_text(pipeline, text, name=name) for name, text in TEXTS.items()]
    assert all(c.events for c in coded), "every test text must code an event"
    return coded


def dump(store: Store) -> dict[str, list[str]]:
    """Every table's rows (but the time of writing), sorted: what two stores must share."""
    out = {}
    for table in TABLES:
        cols = [r[0] for r in store.con.execute(f"DESCRIBE {table}").fetchall() if r[0] != "ingested_at"]
        rows = store.con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
        out[table] = sorted(map(repr, rows))
    return out


def direct(docs: list[CodedDocument], tmp_path: Path) -> dict[str, list[str]]:
    with Store(str(tmp_path / "direct.duckdb")) as store:
        store.add_many(docs[:2])
        store.add_many(docs[2:])
        return dump(store)


def test_parts_import_to_the_rows_a_direct_write_makes(docs: list[CodedDocument], tmp_path: Path) -> None:
    first = write_part(docs[:2], str(tmp_path / "parts"))
    second = write_part(docs[2:], str(tmp_path / "parts"))
    assert first.path and second.path and first.doc_ids == tuple(c.document.doc_id for c in docs[:2])
    assert first.events + second.events == sum(len({e.event_id for e in c.events}) for c in docs)
    with Store(str(tmp_path / "parts.duckdb")) as store:
        assert import_parts(store, [first.path, second.path]) == 4
        got = dump(store)
    assert got == direct(docs, tmp_path)
    assert got["cluster_members"] and got["mentions"]


def test_importing_a_part_twice_or_over_stored_documents_adds_nothing_twice(
    docs: list[CodedDocument], tmp_path: Path
) -> None:
    part = write_part(docs, str(tmp_path / "parts"))
    assert part.path
    with Store(str(tmp_path / "s.duckdb")) as store:
        store.add_many(docs[1:3])  # two of the part's documents are already stored
        assert import_parts(store, [part.path]) == 2
        assert import_parts(store, [part.path]) == 0
        assert store.count("documents") == 4
        # each event once, and in one cluster
        events = store.count("events")
        assert events == sum(len({e.event_id for e in c.events}) for c in docs)
        sql = "SELECT count(*), count(DISTINCT event_id) FROM cluster_members"
        members = store.con.execute(sql).fetchone()
        assert members[0] == members[1]


def test_a_batch_written_twice_is_one_part_and_unfinished_parts_are_not_listed(
    docs: list[CodedDocument], tmp_path: Path
) -> None:
    folder = tmp_path / "parts"
    a = write_part(docs[:2], str(folder))
    b = write_part(list(reversed(docs[:2])), str(folder))
    assert a.path == b.path
    (folder / ".part-unfinished.x").mkdir()  # what a worker killed while writing leaves
    assert list_parts(str(folder)) == [a.path]


def test_a_part_is_on_disk_before_its_rename_publishes_it(
    docs: list[CodedDocument], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[str] = []
    seen: dict[str, set[str]] = {}
    real_fsync, real_rename = os.fsync, os.rename

    def fsync(fd: int) -> None:
        synced.append(os.path.realpath(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    def rename(src: str, dst: str) -> None:
        seen["synced before rename"] = set(synced)
        real_rename(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "rename", rename)
    folder = tmp_path / "parts"
    part = write_part(docs[:2], str(folder))
    assert part.path is not None
    written = {name: os.path.join(part.path, name) for name in os.listdir(part.path)}
    before = seen["synced before rename"]
    # every file and the part's own folder were flushed under their unfinished names
    unfinished = {os.path.basename(p) for p in before}
    assert set(written) <= unfinished
    assert any(os.path.basename(p).startswith(".part-") for p in before)
    assert os.path.realpath(folder) in synced[len(before):]  # and the rename itself after it


def test_a_batch_of_failures_writes_no_part_and_keeps_them(tmp_path: Path) -> None:
    failure = Failure("bad.txt", "not UTF-8")
    part = write_part([], str(tmp_path / "parts"), [failure])
    assert part.path is None and part.failures == (failure,)
    assert not (tmp_path / "parts").exists()


def test_an_import_that_fails_leaves_none_of_its_parts(docs: list[CodedDocument], tmp_path: Path) -> None:
    good = write_part(docs[:2], str(tmp_path / "parts"))
    bad = write_part(docs[2:], str(tmp_path / "parts"))
    assert good.path and bad.path
    with open(os.path.join(bad.path, "events.parquet"), "wb") as f:
        f.write(b"not parquet at all")
    with Store(str(tmp_path / "s.duckdb")) as store:
        with pytest.raises(Exception):  # noqa: B017 - DuckDB's own error for a broken file
            import_parts(store, [good.path, bad.path])
        assert store.count("documents") == store.count("events") == store.count("clusters") == 0


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        (None, "no part here"),
        ("{not json", "unreadable part manifest"),
        ('{"documents": ["a"], "schema_version": 1}', "written for store schema 1"),
        ('["a"]', "not an actorgraph part manifest"),
        (json.dumps({"documents": ["a"], "schema_version": SCHEMA_VERSION, "tables": ["x; DROP TABLE y"]}),
         "unknown tables"),  # table names go into SQL
    ],
)
def test_a_missing_broken_or_foreign_part_is_a_store_error_naming_it(
    tmp_path: Path, manifest: str | None, message: str
) -> None:
    part = tmp_path / "part-x"
    part.mkdir()
    if manifest is not None:
        (part / MANIFEST).write_text(manifest)
    with pytest.raises(StoreError, match=message) as err:
        read_manifest(str(part))
    assert "part-x" in str(err.value)


def test_the_manifest_says_what_the_part_holds(docs: list[CodedDocument], tmp_path: Path) -> None:
    part = write_part(docs[:1], str(tmp_path / "parts"))
    assert part.path
    manifest: dict[str, Any] = json.loads(Path(part.path, MANIFEST).read_text())
    assert manifest["documents"] == [docs[0].document.doc_id]
    assert manifest["events"] == part.events > 0
    assert {"documents", "events", "sentences", "mentions"} <= set(manifest["tables"])
    assert all(Path(part.path, f"{t}.parquet").is_file() for t in manifest["tables"])

"""Event writers: nested JSONL, flat CSV, Parquet read back with DuckDB."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from pathlib import Path

import duckdb
import pytest

from actorgraph import CodedDocument, Pipeline
from actorgraph.output import FLAT_COLUMNS, EventWriter, event_json, flat_event
from actorgraph.records import Actor, Event, Span
from tests.conftest import code_text

TEXT = ("Russian jets bombed rebel positions near Idlib on Tuesday. "
        "Iran condemned the Israeli air strikes on Damascus.")


@pytest.fixture(scope="module")
def coded(pipeline: Pipeline) -> CodedDocument:
    doc = code_text(pipeline, TEXT, dt.date(2024, 3, 14), name="out")
    assert len(doc.events) >= 2, doc.events
    return doc


def _bare_event() -> Event:
    """An event with no source, target, date or location, and a quote in its text."""
    return Event("e1", "d1", "bare, \"quoted\"", 0, "Talks,\n\"maybe\".", Span(0, 5, "Talks"),
                 None, None, "040", "04", 1, 1.0, "CONSULT", None, "hypothetical", "comment",
                 "noun 'talks' -> 040", 0.5)


def test_jsonl_is_one_json_object_per_event(coded: CodedDocument) -> None:
    out = io.StringIO()
    writer = EventWriter("jsonl", out)
    writer.write(coded.events)
    writer.close()
    lines = out.getvalue().splitlines()
    assert len(lines) == len(coded.events) == writer.count
    for line, event in zip(lines, coded.events, strict=True):
        rec = json.loads(line)
        assert rec == json.loads(json.dumps(event_json(event)))
        assert isinstance(rec["code"], str) and rec["code"] == event.code
        for side, actor in (("source", event.source), ("target", event.target)):
            assert isinstance(rec[side], dict)
            assert {"text", "code"} <= set(rec[side])
            assert rec[side]["code"] == (actor.code if actor else None)
            assert rec[side]["text"] == (actor.text if actor else None)
        assert rec["plover"] == {"type": event.plover_type, "mode": event.plover_mode}
        assert rec["doc"] == "out"
        assert rec["sentence"] in TEXT


def test_jsonl_of_the_airstrike(coded: CodedDocument) -> None:
    out = io.StringIO()
    EventWriter("jsonl", out).write(coded.events)
    recs = [json.loads(line) for line in out.getvalue().splitlines()]
    strike = next(r for r in recs if r["trigger"]["text"] == "bombed")
    assert strike["code"] == "195"
    assert strike["root"] == "19"
    assert strike["quad_class"] == 4
    assert strike["plover"]["type"] == "ASSAULT"
    assert strike["source"]["text"] and strike["source"]["code"]


def test_jsonl_event_without_actors_has_null_objects() -> None:
    out = io.StringIO()
    EventWriter("jsonl", out).write([_bare_event()])
    rec = json.loads(out.getvalue())
    assert rec["source"] == {"text": None, "code": None}
    assert rec["target"] == {"text": None, "code": None}
    assert rec["date"] is None and rec["location"] is None and rec["attributed_to"] is None
    assert rec["code"] == "040"
    assert rec["sentence"] == "Talks,\n\"maybe\"."


def test_jsonl_keeps_non_ascii() -> None:
    event = _bare_event()
    event = dataclasses.replace(event, source=Actor("Erdoğan", "TURGOV"))
    out = io.StringIO()
    EventWriter("jsonl", out).write([event])
    assert "Erdoğan" in out.getvalue()


def test_csv_header_and_rows(coded: CodedDocument) -> None:
    out = io.StringIO()
    writer = EventWriter("csv", out)
    writer.write([*coded.events, _bare_event()])
    writer.close()
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == FLAT_COLUMNS
    assert len(rows) == len(coded.events) + 2
    records = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["code"] for r in records] == [*(e.code for e in coded.events), "040"]
    assert [r["source_code"] for r in records[:-1]] == [
        (e.source.code if e.source else None) or "" for e in coded.events]
    bare = records[-1]
    assert bare["sentence"] == "Talks,\n\"maybe\"."  # quoting survives commas and newlines
    assert bare["source_code"] == "" and bare["date"] == ""


def test_csv_with_no_events_is_just_the_header() -> None:
    out = io.StringIO()
    writer = EventWriter("csv", out)
    writer.close()
    assert out.getvalue().strip() == ",".join(FLAT_COLUMNS)


def test_flat_event_has_exactly_the_flat_columns(coded: CodedDocument) -> None:
    for event in [*coded.events, _bare_event()]:
        assert tuple(flat_event(event)) == FLAT_COLUMNS


def test_parquet_round_trip(tmp_path: Path, coded: CodedDocument) -> None:
    path = tmp_path / "events.parquet"
    events = [*coded.events, _bare_event()]
    writer = EventWriter("parquet", path=str(path))
    writer.write(events)
    writer.close()
    assert path.exists()
    assert not Path(f"{path}.part").exists()
    con = duckdb.connect()
    cur = con.execute("SELECT * FROM read_parquet(?)", [str(path)])
    names = [c[0] for c in cur.description]
    rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    con.close()
    assert tuple(names) == FLAT_COLUMNS
    assert len(rows) == len(events)
    assert [r["code"] for r in rows] == [e.code for e in events]
    assert all(isinstance(r["code"], str) for r in rows)  # "040" keeps its leading zero
    assert [r["event_id"] for r in rows] == [e.event_id for e in events]
    for row, event in zip(rows, events, strict=True):
        assert row["date"] == (event.date.value if event.date else None)
        assert row["quad_class"] == event.quad_class
        assert row["goldstein"] == event.goldstein
        assert row["source_code"] == (event.source.code if event.source else None)
    assert rows[-1]["sentence"] == "Talks,\n\"maybe\"."


def test_parquet_with_no_events_has_no_rows(tmp_path: Path) -> None:
    path = tmp_path / "none.parquet"
    EventWriter("parquet", path=str(path)).close()
    count = duckdb.connect().execute("SELECT count(*) FROM read_parquet(?)",
                                     [str(path)]).fetchone()
    assert count == (0,)


@pytest.mark.parametrize("path", [None, ""])
def test_parquet_without_a_path_is_a_value_error(path: str | None) -> None:
    with pytest.raises(ValueError, match="-o FILE"):
        EventWriter("parquet", io.StringIO(), path)


def test_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        EventWriter("xml", io.StringIO())

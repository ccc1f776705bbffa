"""The DuckDB store: counts, idempotent adds, filters, round trips, atomic writes, versions."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import duckdb
import pytest

from actorgraph import CodedDocument, Pipeline, make_document
from actorgraph.records import Actor, Event, EventDate, Location, Span
from actorgraph.store import SCHEMA_VERSION, Store, StoreError
from tests.conftest import code_text

SENTENCE = "Russian jets bombed rebel positions near Idlib on Tuesday."
TABLES = ("documents", "blocks", "sentences", "mentions", "events")


@pytest.fixture(scope="module")
def coded(pipeline: Pipeline) -> CodedDocument:
    doc = code_text(pipeline, SENTENCE, dt.date(2024, 3, 14), name="airstrike")
    assert doc.events, "the test sentence must code at least one event"
    assert doc.mentions and doc.sentences
    return doc


@pytest.fixture(scope="module")
def coded_other(pipeline: Pipeline) -> CodedDocument:
    doc = code_text(pipeline, "Iran condemned the Israeli air strikes on Damascus.",
                    dt.date(2023, 5, 2), name="condemn")
    assert doc.events
    return doc


@pytest.fixture()
def store(tmp_path: Path) -> Any:
    with Store(str(tmp_path / "events.duckdb")) as s:
        yield s


def counts(store: Store) -> dict[str, int]:
    return {t: store.count(t) for t in TABLES}


def rows_for(store: Store, doc_id: str) -> dict[str, int]:
    return {t: store.con.execute(f"SELECT count(*) FROM {t} WHERE doc_id = ?",
                                 [doc_id]).fetchone()[0] for t in TABLES}


# --- counts and idempotence -------------------------------------------------------------------

def test_new_store_is_empty(store: Store) -> None:
    assert counts(store) == dict.fromkeys(TABLES, 0)


def test_add_counts_every_table(store: Store, coded: CodedDocument) -> None:
    assert store.add(coded) is True
    assert counts(store) == {
        "documents": 1,
        "blocks": len(coded.document.blocks),
        "sentences": len(coded.sentences),
        "mentions": len(coded.mentions),
        "events": len(coded.events),
    }
    assert store.has(coded.document.doc_id)


def test_adding_the_same_document_again_changes_nothing(
    store: Store, coded: CodedDocument, coded_other: CodedDocument
) -> None:
    assert store.add(coded) is True
    assert store.add(coded_other) is True
    before = counts(store)
    assert store.add(coded) is False
    assert store.add(coded_other) is False
    assert counts(store) == before


def test_the_same_text_under_another_name_is_the_same_document(
    store: Store, pipeline: Pipeline, coded: CodedDocument
) -> None:
    store.add(coded)
    again = code_text(pipeline, SENTENCE, dt.date(2024, 3, 14), name="renamed")
    assert again.document.doc_id == coded.document.doc_id
    assert store.add(again) is False
    assert store.count("documents") == 1


def test_store_persists_across_connections(tmp_path: Path, coded: CodedDocument) -> None:
    path = str(tmp_path / "p.duckdb")
    with Store(path) as s:
        s.add(coded)
    with Store(path) as s:
        assert s.count("events") == len(coded.events)
        assert s.add(coded) is False


def test_count_refuses_unknown_tables(store: Store) -> None:
    with pytest.raises(ValueError, match="no table"):
        store.count("meta; DROP TABLE events")


# --- round trip -------------------------------------------------------------------------------

def _key(e: Event) -> tuple[object, ...]:
    return (
        e.event_id, e.doc_id, e.doc, e.sentence_index, e.sentence, e.code, e.root,
        e.quad_class, e.goldstein, e.plover_type, e.plover_mode,
        e.source.code if e.source else None, e.source.text if e.source else None,
        e.target.code if e.target else None, e.target.text if e.target else None,
        e.trigger, e.voice, e.modality, e.rule, e.confidence,
        e.date.value if e.date else None, e.date.precision if e.date else None,
        e.location.name if e.location else None, e.location.country if e.location else None,
    )


def test_events_round_trip(store: Store, coded: CodedDocument) -> None:
    store.add(coded)
    back = list(store.events())
    assert len(back) == len(coded.events)
    written = {e.event_id: e for e in coded.events}
    for e in back:
        original = written[e.event_id]
        assert _key(e) == _key(original)
        assert e.code == original.code
        assert (e.source and e.source.code) == (original.source and original.source.code)
        assert (e.target and e.target.code) == (original.target and original.target.code)
        assert e.trigger == original.trigger
        assert (e.voice, e.modality) == (original.voice, original.modality)
        assert e.date == original.date
        assert (e.location and e.location.name) == (original.location and original.location.name)


def _event(doc_id: str, doc: str, n: int, code: str, source: str | None, target: str | None,
           day: dt.date | None, quad: int = 4, goldstein: float = -10.0, *,
           location: Location | None = None, speaker: Actor | None = None) -> Event:
    return Event(
        event_id=f"{doc_id}-{n}", doc_id=doc_id, doc=doc, sentence_index=n,
        sentence=f"Sentence {n}.", trigger=Span(0, 8, "Sentence"),
        source=Actor(source.lower(), source, f"id:{source}", source[:3], source[3:] or None)
        if source else None,
        target=Actor(target.lower(), target) if target else None,
        code=code, root=code[:2], quad_class=quad, goldstein=goldstein,
        plover_type="ASSAULT" if code.startswith("19") else None, plover_mode=None,
        modality="asserted", voice="author", rule=f"rule {code}", confidence=0.5,
        date=EventDate(day, "day", "on that day") if day else None,
        location=location, attributed_to=speaker,
    )


def _synthetic(name: str, published: dt.date | None, *specs: tuple[Any, ...]) -> CodedDocument:
    doc = make_document(name, f"{name}: " + " ".join(f"Sentence {n}." for n in range(len(specs))),
                        published)
    events = tuple(_event(doc.doc_id, name, n, *spec) for n, spec in enumerate(specs))
    return CodedDocument(doc, (), (), events)


def test_round_trip_of_every_optional_field(store: Store) -> None:
    loc = Location("Idlib", "SYR", "place", 169389, 35.93, 36.63)
    speaker = Actor("Reuters", "MED")
    coded = _synthetic("full", dt.date(2024, 1, 1),
                       ("195", "RUSMIL", "SYRREB", dt.date(2024, 1, 2)))
    event = coded.events[0]
    event = dataclasses.replace(event, location=loc, attributed_to=speaker, plover_mode="aerial")
    store.add(CodedDocument(coded.document, (), (), (event,)))
    [back] = store.events()
    assert back.location == loc
    assert back.attributed_to == speaker
    assert back.source == Actor("rusmil", "RUSMIL", "id:RUSMIL", "RUS", "MIL")
    assert back.target == Actor("syrreb", "SYRREB")
    assert back.date == EventDate(dt.date(2024, 1, 2), "day", "on that day")
    assert (back.plover_type, back.plover_mode, back.confidence) == ("ASSAULT", "aerial", 0.5)


def test_event_without_source_or_target_round_trips_as_none(store: Store) -> None:
    store.add(_synthetic("bare", None, ("010", None, None, None)))
    [back] = store.events()
    assert (back.source, back.target, back.date, back.location) == (None, None, None, None)


# --- filters ----------------------------------------------------------------------------------

@pytest.fixture()
def filled(store: Store) -> Store:
    store.add(_synthetic("a", dt.date(2024, 3, 14),
                         ("195", "RUSMIL", "SYRREB", dt.date(2024, 3, 12)),
                         ("111", "IRN", "ISR", None, 3, -2.0)))
    store.add(_synthetic("b", dt.date(2023, 5, 2),
                         ("0871", "TUR", "SYRREB", None, 1, 5.0),
                         ("057", "TURGOV", "IRQ", dt.date(2023, 5, 1), 1, 8.0)))
    store.add(_synthetic("c", None, ("190", "SYRMIL", "RUS", None)))
    return store


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["057", "0871", "195", "111", "190"]),
        ({"actor": "RUS"}, ["195", "190"]),
        ({"actor": "rus"}, ["195", "190"]),
        ({"actor": "RUSMIL"}, ["195"]),
        ({"actor": "SYR"}, ["0871", "195", "190"]),
        ({"actor": "ISR"}, ["111"]),
        ({"actor": "TURGOV"}, ["057"]),
        ({"actor": "USA"}, []),
        ({"code": "19"}, ["195", "190"]),
        ({"code": "195"}, ["195"]),
        ({"code": "08"}, ["0871"]),
        ({"code": "1"}, ["195", "111", "190"]),
        ({"since": dt.date(2024, 1, 1)}, ["195", "111"]),
        ({"since": dt.date(2024, 3, 13)}, ["111"]),
        ({"since": dt.date(2023, 5, 2)}, ["0871", "195", "111"]),
        ({"since": dt.date(2030, 1, 1)}, []),
        ({"actor": "SYR", "code": "19"}, ["195", "190"]),
        ({"actor": "TUR", "since": dt.date(2023, 5, 2)}, ["0871"]),
        ({"limit": 2}, ["057", "0871"]),
    ],
    ids=lambda v: repr(v) if isinstance(v, dict) else None,
)
def test_event_filters(filled: Store, filters: dict[str, Any], expected: list[str]) -> None:
    # Ordered by date (the event's own, else the document's), undated last.
    assert [e.code for e in filled.events(**filters)] == expected


def test_dyads(filled: Store) -> None:
    dyads = {(d.source, d.target): d for d in filled.dyads()}
    assert set(dyads) == {("RUSMIL", "SYRREB"), ("IRN", "ISR"), ("TUR", "SYRREB"),
                          ("TURGOV", "IRQ"), ("SYRMIL", "RUS")}
    tur = dyads[("TUR", "SYRREB")]
    assert (tur.events, tur.cooperation, tur.conflict, tur.mean_goldstein) == (1, 1, 0, 5.0)
    assert len(filled.dyads(limit=2)) == 2


# --- atomicity --------------------------------------------------------------------------------

class _FailingEventsInsert:
    """A connection that writes the event rows, then fails, like a crash mid-transaction."""

    def __init__(self, con: Any, exc: BaseException) -> None:
        self._con, self._exc = con, exc

    def execute(self, sql: str, *args: Any) -> Any:
        result = self._con.execute(sql, *args)
        if "INTO events" in sql:
            raise self._exc
        return result

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


@pytest.mark.parametrize("exc", [RuntimeError("disk full"), KeyboardInterrupt()],
                         ids=["error", "interrupt"])
def test_failed_add_leaves_no_row_of_the_document(
    store: Store, coded: CodedDocument, coded_other: CodedDocument,
    monkeypatch: pytest.MonkeyPatch, exc: BaseException,
) -> None:
    store.add(coded_other)
    before = counts(store)
    monkeypatch.setattr(store, "con", _FailingEventsInsert(store.con, exc))
    with pytest.raises(type(exc)):
        store.add(coded)
    monkeypatch.undo()
    doc_id = coded.document.doc_id
    assert rows_for(store, doc_id) == dict.fromkeys(TABLES, 0)
    assert counts(store) == before
    assert not store.has(doc_id)
    # The store is still usable and the document can be added afterwards.
    assert store.add(coded) is True
    assert rows_for(store, doc_id)["events"] == len(coded.events)


def test_failure_while_preparing_event_rows_is_atomic(
    store: Store, coded: CodedDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    import actorgraph.store.database as store_module

    def boom(_: Event) -> dict[str, Any]:
        raise ValueError("bad event")

    monkeypatch.setattr(store_module, "flat_event", boom)
    with pytest.raises(ValueError, match="bad event"):
        store.add(coded)
    assert counts(store) == dict.fromkeys(TABLES, 0)


# --- read-only and versions -------------------------------------------------------------------

def test_read_only_store_refuses_writes(tmp_path: Path, coded: CodedDocument,
                                        coded_other: CodedDocument) -> None:
    path = str(tmp_path / "ro.duckdb")
    with Store(path) as s:
        s.add(coded_other)
    with Store(path, read_only=True) as ro:
        with pytest.raises(duckdb.Error):
            ro.add(coded)
        assert ro.count("documents") == 1
        assert not ro.has(coded.document.doc_id)
        assert len(list(ro.events())) == len(coded_other.events)


def test_read_only_store_on_a_missing_file_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "missing.duckdb"
    with pytest.raises(StoreError, match=r"missing\.duckdb"):
        Store(str(path), read_only=True)


@pytest.mark.parametrize("read_only", [False, True], ids=["read-write", "read-only"])
def test_schema_version_mismatch_is_a_store_error(tmp_path: Path, read_only: bool) -> None:
    path = str(tmp_path / "old.duckdb")
    with Store(path) as s:
        s.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                      [str(SCHEMA_VERSION + 1)])
    with pytest.raises(StoreError) as info:
        Store(path, read_only=read_only)
    message = str(info.value)
    assert path in message
    assert f"schema version {SCHEMA_VERSION + 1}" in message


def test_a_duckdb_file_that_is_not_a_store_is_a_store_error(tmp_path: Path) -> None:
    path = str(tmp_path / "other.duckdb")
    con = duckdb.connect(path)
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.close()
    with pytest.raises(StoreError, match="schema version None"):
        Store(path, read_only=True)

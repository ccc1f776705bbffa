"""End to end: the bundled examples, and the shared seeds when they are here."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from actorgraph import CodedDocument, Failure, Pipeline, read_paths
from tests.conftest import EXAMPLES


def _coded(pipeline: Pipeline, *paths: object, date: dt.date | None = None) -> list[CodedDocument]:
    items = list(pipeline.run(read_paths([str(p) for p in paths], date)))
    assert not [i for i in items if isinstance(i, Failure)]
    return [i for i in items if isinstance(i, CodedDocument)]


def test_examples_code_into_events_with_every_voice(pipeline: Pipeline) -> None:
    docs = _coded(pipeline, EXAMPLES)
    assert len(docs) == 11  # 7 files and 4 JSONL records
    events = [e for d in docs for e in d.events]
    assert len(events) >= 60
    voices = Counter(e.voice for e in events)
    assert {"author", "quoted", "comment"} <= set(voices)
    dyads = {
        (e.code[:2], e.source.code if e.source else None, e.target.code if e.target else None) for e in events
    }
    # Events written into the samples on purpose (see examples/README.md).
    assert ("04", "IRQGOV", "SYRGOV") in dyads  # the Iraqi prime minister's visit to Damascus
    assert ("19", "LBNREB", "ISRMIL") in dyads  # Hezbollah rockets at Israeli army positions
    assert ("17", "IRQCOP", "IMGMUSISI") in dyads  # arrests of an ISIL cell (wire.jsonl)
    for e in events:
        assert e.sentence in next(d for d in docs if d.document.doc_id == e.doc_id).document.text


def test_dates_resolve_against_each_documents_own_date(pipeline: Pipeline) -> None:
    [doc] = _coded(pipeline, EXAMPLES / "news_damascus_visit.txt")
    assert doc.document.published == dt.date(2024, 3, 14)
    visits = [e for e in doc.events if e.code == "042" and e.date is not None]
    assert visits and visits[0].date is not None and visits[0].date.value == dt.date(2024, 3, 12)


def test_seed_000_visit_and_air_strikes(pipeline: Pipeline, shared) -> None:  # type: ignore[no-untyped-def]
    [doc] = _coded(pipeline, shared / "seeds" / "000_dfb08143cb227606.txt")
    visit = [
        e
        for e in doc.events
        if e.code == "042"
        and e.source
        and e.source.code == "SYRGOV"
        and e.target
        and (e.target.code or "").startswith("RUS")
    ]
    assert visit, "Assad's visit to Moscow"
    assert any(
        e.code == "195" and e.source and (e.source.code or "").startswith("RUS") for e in doc.events
    ), "Russian air strikes"


def test_seeds_voices(pipeline: Pipeline, shared) -> None:  # type: ignore[no-untyped-def]
    docs = _coded(pipeline, shared / "seeds")
    voices = Counter(b.voice for d in docs for b in d.document.blocks)
    assert voices["quoted"] >= 5 and voices["comment"] >= 4 and voices["boilerplate"] >= 2

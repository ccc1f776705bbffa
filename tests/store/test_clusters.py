"""Event clusters: reports of one event from several outlets merge; others stay apart."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from actorgraph import CodedDocument, Pipeline
from actorgraph.ingest import read_paths
from actorgraph.records import EventDate, Location
from actorgraph.score import cluster_score
from actorgraph.store import Store
from actorgraph.store.clusters import CLUSTER_WINDOW_DAYS, interval
from tests.conftest import code_text

CORPUS = Path(__file__).parent.parent / "data" / "clusters"
# Floors on the invented multi-outlet corpus (tests/data/clusters), measured with the coder as
# it is: reports whose event the coder gets right (root and dyad; 23 of 33) and all reports of
# the right root (31). The one error among the right ones: a background mention of an earlier
# strike, undated in its sentence, takes its story's date and joins the later strike.
FLOOR_BCUBED_F1_CORRECT = 0.93
FLOOR_BCUBED_F1_ROOT = 0.89


def _event(coded: CodedDocument, **changes: object) -> CodedDocument:
    """The document with its first event changed (e.g. a date or a place)."""
    first = dataclasses.replace(coded.events[0], **changes)  # type: ignore[arg-type]
    return dataclasses.replace(coded, events=(first,))


def _copy(coded: CodedDocument, name: str, published: dt.date | None, source: str) -> CodedDocument:
    doc = dataclasses.replace(
        coded.document, doc_id=f"{name}-id", name=name, published=published, source=source
    )
    events = tuple(
        dataclasses.replace(e, event_id=f"{name}-{e.event_id}", doc_id=doc.doc_id) for e in coded.events
    )
    return dataclasses.replace(coded, document=doc, events=events)


@pytest.fixture(scope="module")
def strike(pipeline: Pipeline) -> CodedDocument:
    coded = code_text(pipeline, "Russian jets bombed rebel positions near Idlib.", None, name="strike")
    assert [(e.source.code if e.source else None, e.root) for e in coded.events] == [("RUSMIL", "19")]
    return _event(coded, modality="asserted")


def clusters_of(store: Store) -> list[tuple[str, int, int, int]]:
    return store.con.execute(
        "SELECT cluster_id, n_events, n_documents, n_sources FROM clusters ORDER BY cluster_id"
    ).fetchall()


def _place(name: str, gid: int) -> Location:
    return Location(name, "SYR", "place", gid, None, None)


DAY = dt.date(2024, 3, 11)


@pytest.mark.parametrize(
    ("second", "merged"),
    [
        ({"published": DAY + dt.timedelta(days=1)}, True),
        ({"published": DAY + dt.timedelta(days=CLUSTER_WINDOW_DAYS)}, True),
        ({"published": DAY + dt.timedelta(days=CLUSTER_WINDOW_DAYS + 1)}, False),
        ({"published": DAY + dt.timedelta(days=14)}, False),
        ({"place": _place("Idlib", 1)}, True),
        ({"place": _place("Aleppo", 2)}, False),
        ({"date": EventDate(DAY.replace(day=1), "month", "in March")}, False),
        ({"modality": "negated"}, False),
        ({"published": None}, False),
    ],
    ids=["next-day", "window", "past-window", "two-weeks", "same-place", "other-place", "month", "negated",
         "undated"],
)
def test_two_reports_merge_only_when_dyad_root_time_and_place_agree(
    tmp_path: Path, strike: CodedDocument, second: dict[str, object], merged: bool
) -> None:
    first = _event(_copy(strike, "a", DAY, "Reuters"), location=_place("Idlib", 1))
    other = _copy(strike, "b", second.get("published", DAY), "AFP")  # type: ignore[arg-type]
    changes = {k: v for k, v in second.items() if k in ("date", "modality")}
    if "place" in second:
        changes["location"] = second["place"]
    other = _event(other, **changes)
    with Store(str(tmp_path / "c.duckdb")) as store:
        store.add_many([first, other])
        sizes = sorted(n for _, n, _, _ in clusters_of(store))
    undated = "published" in second and second["published"] is None
    unclustered = second.get("modality") == "negated" or undated
    clustered = 1 if unclustered else 2
    assert sizes == ([2] if merged else [1] * clustered)


def test_counts_update_as_documents_arrive(tmp_path: Path, strike: CodedDocument) -> None:
    path = str(tmp_path / "c.duckdb")
    with Store(path) as store:
        store.add(_copy(strike, "a", DAY, "Reuters"))
        assert [c[1:] for c in clusters_of(store)] == [(1, 1, 1)]
    with Store(path) as store:
        store.add(_copy(strike, "b", DAY + dt.timedelta(days=1), "AFP"))
        store.add(_copy(strike, "c", DAY, "Reuters"))
        [(cluster_id, events, docs, sources)] = clusters_of(store)
        first, last = store.con.execute("SELECT first_seen, last_seen FROM clusters").fetchone()
    assert (events, docs, sources) == (3, 3, 2)
    assert cluster_id == f"a-{strike.events[0].event_id}"  # the first report names the cluster
    assert (first, last) == (DAY, DAY + dt.timedelta(days=1))


def test_interval_of_coarse_dates() -> None:
    assert interval(EventDate(dt.date(2024, 2, 1), "month", "in February"), DAY) == (
        dt.date(2024, 2, 1), dt.date(2024, 2, 29), "month")
    assert interval(EventDate(DAY, "week", "this week"), None) == (DAY, DAY + dt.timedelta(days=6), "day")
    assert interval(None, None) is None


# --- the multi-outlet corpus ------------------------------------------------------------------

def _gold() -> list[dict[str, str]]:
    with (CORPUS / "gold.tsv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


@pytest.fixture(scope="module")
def corpus_store(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Store:
    path = str(tmp_path_factory.mktemp("clusters") / "corpus.duckdb")
    items = pipeline.run(read_paths([str(CORPUS / "corpus.jsonl")]))
    coded = [c for c in items if isinstance(c, CodedDocument)]
    assert len(coded) == 24
    with Store(path) as store:
        store.add_many(coded)
    return Store(path, read_only=True)


def corpus_figures(store: Store) -> dict[str, float]:
    """B-cubed and pairwise F1 of the stored clusters against the corpus's real events."""
    rows = store.con.execute(
        "SELECT e.doc, e.sentence, e.root, e.source_code, e.target_code, m.cluster_id FROM events e"
        " JOIN cluster_members m USING (event_id) ORDER BY e.doc, e.sentence_index, e.trigger_start"
    ).fetchall()
    system_root: dict[str, str] = {}
    system_right: dict[str, str] = {}
    gold_event: dict[str, str] = {}
    for n, g in enumerate(_gold()):
        key = str(n)
        gold_event[key] = g["event"]
        for doc, sentence, root, src, tgt, cluster in rows:
            if doc == g["doc_id"] and g["sentence"] in sentence and root == g["root"]:
                system_root.setdefault(key, cluster)
                if {src, tgt} == {g["source"], g["target"]}:
                    system_right.setdefault(key, cluster)
    by_root = cluster_score(system_root, gold_event)
    right = cluster_score(system_right, gold_event)
    return {
        "reports": len(gold_event),
        "root_reports": by_root.reports,
        "root_bcubed_f1": by_root.bcubed_f1,
        "root_pairwise_f1": by_root.pairwise.f1,
        "correct_reports": right.reports,
        "correct_bcubed_f1": right.bcubed_f1,
        "correct_pairwise_f1": right.pairwise.f1,
    }


def test_clusters_on_the_multi_outlet_corpus_hold_their_floors(corpus_store: Store) -> None:
    figures = corpus_figures(corpus_store)
    print(figures)
    assert figures["correct_bcubed_f1"] >= FLOOR_BCUBED_F1_CORRECT, figures
    assert figures["root_bcubed_f1"] >= FLOOR_BCUBED_F1_ROOT, figures


def test_distractor_two_weeks_later_is_its_own_cluster(corpus_store: Store) -> None:
    rows = corpus_store.con.execute(
        "SELECT date_min, n_documents FROM clusters WHERE source_code = 'RUS' AND target_code = 'SYRREB'"
        " AND root = '19' ORDER BY date_min"
    ).fetchall()
    assert len(rows) >= 2
    assert (rows[-1][0] - rows[0][0]).days >= 10

"""The pandas and networkx API over a store: events, dyads, clusters, relations, graph, coalitions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
import pytest

from actorgraph import Pipeline, frames
from actorgraph.store import Store
from actorgraph.store.schema import EVENT_COLUMNS
from tests.conftest import code_text

POST = (
    "Published: March 14, 2024\n\nTurkey shelled Kurdish positions, and I think it will go on.\n\n"
    "Here is how the agency reported it:\n\nRussian jets bombed rebel positions near Idlib.\n\n\n"
    "2 thoughts on \"post\"\n\n  1. Iran condemned Israel for the strike.\n"
)
# Turkey and Russia cooperate in March (one act each way, the second by state agencies that
# fold into RUS and TUR) and fall out in April; the blog post has an author's, a quoted and a
# comment voice; the last sentence asserts that Iran backs Hezbollah.
DOCS = [
    ("agreement", dt.date(2024, 3, 3), "Turkey and Russia signed an agreement on joint patrols."),
    ("summit", dt.date(2024, 3, 5),
     "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi."),
    ("post", dt.date(2024, 3, 14), POST),
    ("accusation", dt.date(2024, 4, 5), "Russia accused Turkey of violating the ceasefire."),
    ("proxy", dt.date(2024, 4, 10), "Hezbollah, Iran's proxy in Lebanon, attacked Israeli troops."),
]
DYAD_COLUMNS = ["source", "target", "period", "events", "quad1", "quad2", "quad3", "quad4", "cooperation",
                "conflict", "balance", "mean_goldstein", "evidence"]
COALITION_COLUMNS = ["members", "cooperation", "conflict", "relations", "enemies"]
MARCH, APRIL = dt.date(2024, 3, 1), dt.date(2024, 4, 1)


@pytest.fixture(scope="module")
def store(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = str(tmp_path_factory.mktemp("frames") / "store.duckdb")
    with Store(path) as writer:
        writer.add_many([code_text(pipeline, text, day, name=name) for name, day, text in DOCS])
    with Store(path, read_only=True) as reader:
        yield reader


@pytest.fixture(scope="module")
def everything(store: Store) -> pd.DataFrame:
    return frames.events(store)


def _ids(frame: pd.DataFrame, doc: str) -> set[str]:
    return set(frame.loc[frame["doc"] == doc, "event_id"])


def test_the_store_codes_what_the_tests_rely_on(everything: pd.DataFrame) -> None:
    got = sorted(zip(everything["doc"], everything["code"], everything["source_code"],
                     everything["target_code"], everything["voice"], strict=True))
    assert got == sorted([
        ("agreement", "057", "TUR", "RUS", "author"),
        ("summit", "040", "RUSGOV", "TURGOV", "author"),
        ("post", "194", "TURMIL", "SYRMIL", "author"),
        ("post", "195", "RUSMIL", "SYRREB", "quoted"),
        ("post", "111", "IRN", "ISR", "comment"),
        ("accusation", "112", "RUS", "TUR", "author"),
        ("proxy", "190", "LBNREB", "ISRMIL", "author"),
    ])


# --- events -----------------------------------------------------------------------------------

def test_events_is_a_dataframe_of_every_event(store: Store, everything: pd.DataFrame) -> None:
    assert isinstance(everything, pd.DataFrame)
    assert list(everything.columns) == list(EVENT_COLUMNS)
    assert len(everything) == store.count("events") == 7
    days = list(everything["day"])
    assert days == sorted(days)
    assert everything["event_id"].is_unique


def _starts(column: pd.Series, prefix: str) -> pd.Series:
    return column.fillna("").str.startswith(prefix)


@pytest.mark.parametrize(
    ("kwargs", "n"),
    [
        ({"actor": "RUS"}, 4),
        ({"actor": "rus"}, 4),
        ({"actor": "RUSMIL"}, 1),
        ({"actor": "ISR"}, 2),
        ({"code": "19"}, 3),
        ({"code": "1"}, 5),
        ({"code": "057"}, 1),
        ({"start": dt.date(2024, 3, 14)}, 5),
        ({"end": dt.date(2024, 3, 14)}, 2),
        ({"start": MARCH, "end": APRIL}, 5),
        ({"voice": "quoted"}, 1),
        ({"voice": "comment"}, 1),
        ({"voice": "author"}, 5),
        ({"actor": "RUS", "code": "1", "start": MARCH}, 2),
    ],
)
def test_events_filters(store: Store, everything: pd.DataFrame, kwargs: dict[str, Any], n: int) -> None:
    keep = pd.Series(True, index=everything.index)
    if "actor" in kwargs:
        prefix = kwargs["actor"].upper()
        keep &= _starts(everything["source_code"], prefix) | _starts(everything["target_code"], prefix)
    if "code" in kwargs:
        keep &= _starts(everything["code"], kwargs["code"])
    if "start" in kwargs:
        keep &= everything["day"] >= pd.Timestamp(kwargs["start"])  # DuckDB gives DATE as datetime64
    if "end" in kwargs:
        keep &= everything["day"] < pd.Timestamp(kwargs["end"])
    if "voice" in kwargs:
        keep &= everything["voice"] == kwargs["voice"]
    got = frames.events(store, **kwargs)
    assert isinstance(got, pd.DataFrame)
    assert list(got["event_id"]) == list(everything.loc[keep, "event_id"])
    assert len(got) == n


def test_events_filter_that_keeps_nothing(store: Store) -> None:
    got = frames.events(store, actor="USA", start=dt.date(2030, 1, 1))
    assert got.empty and list(got.columns) == list(EVENT_COLUMNS)


# --- dyads ------------------------------------------------------------------------------------

def test_dyads_merges_both_directions(store: Store, everything: pd.DataFrame) -> None:
    frame = frames.dyads(store, "TUR", "RUS")
    assert list(frame.columns) == DYAD_COLUMNS
    assert list(frame["period"]) == [MARCH, APRIL]
    assert set(frame["source"]) == {"TUR"} and set(frame["target"]) == {"RUS"}
    march, april = frame.iloc[0], frame.iloc[1]
    # The summit (RUSGOV -> TURGOV) folds into the TUR-RUS dyad.
    assert set(march["evidence"]) == _ids(everything, "agreement") | _ids(everything, "summit")
    assert (march["events"], march["cooperation"], march["conflict"], march["balance"]) == (2, 2, 0, 1.0)
    assert march["quad1"] + march["quad2"] == 2
    assert set(april["evidence"]) == _ids(everything, "accusation")
    assert (april["events"], april["cooperation"], april["conflict"], april["balance"]) == (1, 0, 1, -1.0)
    assert april["quad3"] == 1


def test_dyads_directed(store: Store) -> None:
    merged = frames.dyads(store, "TUR", "RUS")
    forth = frames.dyads(store, "TUR", "RUS", directed=True)
    back = frames.dyads(store, "RUS", "TUR", directed=True)
    assert list(forth.columns) == list(back.columns) == DYAD_COLUMNS
    assert list(forth["period"]) == [MARCH] and list(forth["events"]) == [1]
    assert list(back["period"]) == [MARCH, APRIL] and list(back["events"]) == [1, 1]
    # The merged series is the sum of the two directions.
    both = pd.concat([forth, back])
    for _, row in merged.iterrows():
        parts = both[both["period"] == row["period"]]
        assert row["events"] == parts["events"].sum()
        assert row["cooperation"] == parts["cooperation"].sum()
        assert row["conflict"] == parts["conflict"].sum()
        weighted = (parts["mean_goldstein"] * parts["events"]).sum() / parts["events"].sum()
        assert row["mean_goldstein"] == pytest.approx(weighted)
        assert sorted(row["evidence"]) == sorted(i for e in parts["evidence"] for i in e)


def test_dyads_by_day_and_unknown_dyad(store: Store) -> None:
    by_day = frames.dyads(store, "TUR", "RUS", period="day")
    assert list(by_day["period"]) == [dt.date(2024, 3, 3), dt.date(2024, 3, 5), dt.date(2024, 4, 5)]
    none = frames.dyads(store, "USA", "CHN")
    assert none.empty and list(none.columns) == DYAD_COLUMNS
    with pytest.raises(ValueError, match="period"):
        frames.dyads(store, "TUR", "RUS", period="year")  # type: ignore[arg-type]


# --- clusters and relations -------------------------------------------------------------------

def test_clusters(store: Store, everything: pd.DataFrame) -> None:
    frame = frames.clusters(store)
    assert isinstance(frame, pd.DataFrame)
    assert {"cluster_id", "source_code", "target_code", "root", "n_events", "n_documents",
            "n_sources"} <= set(frame.columns)
    assert len(frame) == store.count("clusters")
    # Every event here is asserted and dated, and no two are reports of one event.
    assert frame["n_events"].sum() == len(everything) == len(frame)
    assert set(frame["cluster_id"]) == set(everything["event_id"])
    order = list(zip(-frame["n_documents"], -frame["n_events"], frame["cluster_id"], strict=True))
    assert order == sorted(order)


def test_relations(store: Store, everything: pd.DataFrame) -> None:
    frame = frames.relations(store)
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) == 1
    rel = frame.iloc[0]
    assert (rel["kind"], rel["source_code"], rel["target_code"]) == ("backs", "IRN", "LBNREB")
    assert rel["doc_id"] == everything.loc[everything["doc"] == "proxy", "doc_id"].iloc[0]
    assert "Iran's proxy" in rel["sentence"]


# --- graph and coalitions ---------------------------------------------------------------------

def test_graph_is_a_multidigraph_of_folded_actors(store: Store, everything: pd.DataFrame) -> None:
    g = frames.graph(store)
    assert isinstance(g, nx.MultiDiGraph)
    assert set(g.nodes) == {"RUS", "TUR", "SYR", "SYRREB", "ISR", "IRN", "LBNREB"}  # RUSMIL... folded
    kinds = [d["kind"] for _, _, d in g.edges(data=True)]
    assert sorted(set(kinds)) == ["backs", "events"]
    assert sum(d["events"] for _, _, d in g.edges(data=True) if d["kind"] == "events") == len(everything)
    assert g.has_edge("IRN", "LBNREB")
    rus_tur = [d for _, t, d in g.out_edges("RUS", data=True) if t == "TUR"]
    assert [(d["events"], d["cooperation"], d["conflict"]) for d in rus_tur] == [(2, 1, 1)]
    assert g.nodes["RUS"]["events"] == 4 and g.nodes["RUS"]["name"]


def test_graph_of_a_period(store: Store) -> None:
    april = frames.graph(store, start=APRIL)
    assert "SYR" not in april.nodes  # the strikes on Syria were in March
    assert {"RUS", "TUR", "LBNREB", "ISR", "IRN"} <= set(april.nodes)
    assert frames.graph(store, end=dt.date(2024, 3, 1)).number_of_edges() == 0


def test_coalitions_frame(store: Store) -> None:
    frame = frames.coalitions_frame(store)
    assert list(frame.columns) == COALITION_COLUMNS
    rows = {tuple(r["members"]): r for _, r in frame.iterrows()}
    assert set(rows) == {("IRN", "LBNREB"), ("RUS", "TUR")}
    rt, il = rows[("RUS", "TUR")], rows[("IRN", "LBNREB")]
    assert (rt["cooperation"], rt["conflict"], rt["relations"], rt["enemies"]) == (2, 1, 0, ["SYR", "SYRREB"])
    assert (il["cooperation"], il["conflict"], il["relations"], il["enemies"]) == (0, 0, 1, ["ISR"])


def test_frames_of_an_empty_store(tmp_path: Path) -> None:
    with Store(str(tmp_path / "empty.duckdb")) as empty:
        assert frames.events(empty).empty
        assert list(frames.dyads(empty, "TUR", "RUS").columns) == DYAD_COLUMNS
        assert frames.clusters(empty).empty and frames.relations(empty).empty
        assert frames.graph(empty).number_of_nodes() == 0
        coalitions = frames.coalitions_frame(empty)
        assert coalitions.empty and list(coalitions.columns) == COALITION_COLUMNS

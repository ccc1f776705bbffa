"""The actor graph: dyad series, the graph of a period, coalitions and fissures."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from actorgraph import cameo
from actorgraph.graph import (
    coalitions,
    dyad_series,
    fisher_drop,
    fissures,
    period_graph,
    to_networkx,
)
from actorgraph.ingest import make_document
from actorgraph.records import Actor, CodedDocument, Event, Relation, Span
from actorgraph.store import Store

_ids = itertools.count()


def event(source: str, target: str, code: str, day: dt.date, modality: str = "asserted") -> Event:
    c = cameo.lookup(code)
    n = next(_ids)
    return Event(
        event_id=f"e{n:04d}", doc_id="", doc="", sentence_index=0, sentence=f"{source} {code} {target}",
        trigger=Span(0, 1, "x"), source=Actor(source, source), target=Actor(target, target), code=code,
        root=code[:2], quad_class=c.quad_class, goldstein=c.goldstein, plover_type=None, plover_mode=None,
        modality=modality,  # type: ignore[arg-type]
        voice="author", rule="test", confidence=1.0,
        date=None, location=None,
    )


def relation(kind: str, source: str, target: str) -> Relation:
    return Relation(0, kind, Actor(source, source), Actor(target, target), Span(0, 1, "x"), "author",  # type: ignore[arg-type]
                    "test")


def document(day: dt.date, events: list[Event], relations: tuple[Relation, ...] = ()) -> CodedDocument:
    doc = make_document(f"d{next(_ids)}", " ".join(e.sentence for e in events) or "x", day)
    import dataclasses

    placed = tuple(dataclasses.replace(e, doc_id=doc.doc_id, doc=doc.name) for e in events)
    return CodedDocument(doc, (), (), placed, (), relations)


JAN, FEB, MAR = dt.date(2024, 1, 10), dt.date(2024, 2, 10), dt.date(2024, 3, 10)


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = Store(str(tmp_path / "g.duckdb"))
    s.add_many([
        # January: Russia and Syria cooperate; both fight ISIL; Iran and Hezbollah stated allies.
        document(JAN, [event("RUSGOV", "SYRGOV", "042", JAN), event("SYRGOV", "RUSGOV", "057", JAN),
                       event("RUSMIL", "SYRMIL", "062", JAN), event("RUSMIL", "IMGMUSISI", "195", JAN),
                       event("SYRMIL", "IMGMUSISI", "190", JAN), event("IRN", "RUS", "040", JAN),
                       event("USA", "RUS", "112", JAN, modality="negated")],
                 (relation("ally", "LBNREB", "IRN"), relation("member", "LBNREB", "RUS"))),
        # February: Russia and Syria fall out.
        document(FEB, [event("RUSGOV", "SYRGOV", "111", FEB), event("SYRGOV", "RUSGOV", "112", FEB),
                       event("SYRMIL", "RUSMIL", "171", FEB)]),
        document(MAR, [event("USA", "TUR", "042", MAR), event("TUR", "USA", "057", MAR)]),
    ])
    s.close()
    reader = Store(str(tmp_path / "g.duckdb"), read_only=True)
    yield reader  # type: ignore[misc]
    reader.close()


def test_dyad_series_per_month_both_directions_folded(store: Store) -> None:
    series = dyad_series(store, "RUS", "SYR", "month")
    assert [(d.period, d.events, d.cooperation, d.conflict) for d in series] == [
        (dt.date(2024, 1, 1), 3, 3, 0), (dt.date(2024, 2, 1), 3, 0, 3)]
    jan, feb = series
    assert jan.balance == 1.0 and feb.balance == -1.0
    assert len(jan.evidence) == 3 and all(e.startswith("e") for e in jan.evidence)
    assert feb.mean_goldstein < 0 < jan.mean_goldstein


def test_dyad_series_directed_and_unfolded(store: Store) -> None:
    assert [d.events for d in dyad_series(store, "RUS", "SYR", "month", directed=True)] == [2, 1]
    assert [d.events for d in dyad_series(store, "RUSMIL", "SYRMIL", "month", fold=False)] == [1, 1]
    with pytest.raises(ValueError, match="period"):
        dyad_series(store, "RUS", "SYR", "year")  # type: ignore[arg-type]


def test_period_graph_counts_only_asserted_events_in_the_period(store: Store) -> None:
    jan = period_graph(store, dt.date(2024, 1, 1), dt.date(2024, 2, 1))
    pairs = {(e.source, e.target): e.events for e in jan.edges}
    assert pairs[("RUS", "SYR")] == 2 and pairs[("SYR", "RUS")] == 1
    assert ("USA", "RUS") not in pairs  # negated
    assert {n.code for n in jan.nodes} >= {"RUS", "SYR", "IMGMUSISI", "IRN", "LBNREB"}
    g = to_networkx(jan)
    assert g.number_of_edges() == len(jan.edges) + len(jan.relations)


def test_coalitions_bind_cooperation_and_asserted_alliance(store: Store) -> None:
    jan = coalitions(store, dt.date(2024, 1, 1), dt.date(2024, 2, 1))
    assert jan and set(jan[0].members) >= {"RUS", "SYR", "IRN", "LBNREB"}
    assert "IMGMUSISI" not in jan[0].members
    assert dict(jan[0].enemies)["IMGMUSISI"] == 2
    assert {(r.kind, r.source, r.target) for r in jan[0].relations} == {
        ("ally", "LBNREB", "IRN"), ("member", "LBNREB", "RUS")}
    # Over all time the February quarrel outweighs nothing: 3 coop vs 3 conflict is no bond.
    whole = coalitions(store)
    assert not any({"RUS", "SYR"} <= set(c.members) and c.cooperation <= c.conflict for c in whole
                   if len(c.members) == 2)


def test_fissure_when_cooperation_drops_significantly(store: Store) -> None:
    found = fissures(store, "month")
    dyad = [f for f in found if f.members == ("RUS", "SYR")]
    assert len(dyad) == 1
    f = dyad[0]
    assert (f.before, f.after) == (dt.date(2024, 1, 1), dt.date(2024, 2, 1))
    assert (f.cooperation_before, f.conflict_before, f.cooperation_after, f.conflict_after) == (3, 0, 0, 3)
    assert f.p_value == pytest.approx(0.05)
    assert len(f.evidence) == 3
    assert not [f for f in found if "TUR" in f.members]


@pytest.mark.parametrize(
    ("table", "p"),
    [((3, 0, 0, 3), 0.05), ((1, 0, 0, 1), 0.5), ((5, 5, 5, 5), 0.67186), ((0, 3, 3, 0), 1.0)],
)
def test_fisher_drop_matches_the_hypergeometric_tail(table: tuple[int, int, int, int], p: float) -> None:
    assert fisher_drop(*table) == pytest.approx(p, abs=1e-4)


def test_a_dyads_fissures_from_its_series_match_the_store_wide_search(store: Store) -> None:
    from actorgraph.graph import dyad_fissures

    series = dyad_series(store, "RUS", "SYR", "month")
    assert dyad_fissures(series) == [f for f in fissures(store, "month") if f.members == ("RUS", "SYR")]
    assert dyad_fissures([]) == []

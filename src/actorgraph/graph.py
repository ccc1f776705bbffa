"""The actor graph: dyads over time, the graph of a period, coalitions and their fissures.

Everything here reads the store. Only asserted events count (a denial or a threat is not a
tie), and an event is placed in time by its ``day`` (its own date, else its document's).
State agencies fold into their state ("RUSMIL" and "RUSGOV" are "RUS") unless ``fold=False``;
rebels, parties and other non-state codes stay themselves.

Example:
    >>> from actorgraph.store import Store
from actorgraph.store import Store
    >>> with Store(":memory:") as store:
    ...     period_graph(store).edges
    ()
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx

from actorgraph.cameo import STATE_SECTORS, country_names, fold_code, identified, unfold_code
from actorgraph.modularity import louvain
from actorgraph.store import Store

__all__ = [
    "COMMUNITY_RESOLUTION",
    "EVIDENCE_LIMIT",
    "FISSURE_ALPHA",
    "RELATION_WEIGHT",
    "STATE_SECTORS",
    "Coalition",
    "DyadPeriod",
    "Edge",
    "Fissure",
    "Graph",
    "Node",
    "Period",
    "RelationEdge",
    "coalitions",
    "communities",
    "dyad_fissures",
    "dyad_series",
    "fisher_drop",
    "fissures",
    "fold_code",
    "period_graph",
    "to_networkx",
]

Period = Literal["day", "week", "month"]
PERIODS: tuple[Period, ...] = ("day", "week", "month")
# An asserted alliance, membership or backing counts as this many cooperative events when
# coalitions are found: one statement of alliance outweighs one stray hostile report.
RELATION_WEIGHT = 2.0
# A fissure is a drop in the cooperative share of a dyad's events whose one-sided Fisher exact
# p-value is at most this (an exact test is discrete: 3 cooperative then 3 hostile events give
# exactly 0.05).
FISSURE_ALPHA = 0.05
# Evidence listed per dyad and period: the earliest events, enough to read, not a dump (the
# counts are exact; `actorgraph events` or the API page through the rest).
EVIDENCE_LIMIT = 50
# Earliest first; undated events (no day) after every dated one, not dropped.
_EVIDENCE_ORDER = "coalesce(day, DATE '9999-12-31')"
# Louvain's resolution: below 1 it favours fewer, larger communities. Coalitions in conflict
# reporting are few and large (a war's two or three camps); at 1.0 the Louvain split of a
# camp's star of alliances around its leader into pairs is common on small graphs. Set on the
# seeds and the unit-test graph in tests/test_graph.py.
COMMUNITY_RESOLUTION = 0.5


@dataclass(frozen=True, slots=True)
class DyadPeriod:
    """One dyad in one period: events per QuadClass, mean Goldstein, balance, evidence."""

    source: str
    target: str
    period: dt.date | None
    events: int
    quad: tuple[int, int, int, int]  # verbal coop, material coop, verbal conflict, material conflict
    mean_goldstein: float
    evidence: tuple[str, ...]  # event ids
    bonds: int = 0  # acts that bind: roots 03-08 (intent, consult, cooperate, aid, yield)
    hostilities: int = 0  # acts of enmity: roots 11-20 (disapprove ... fight)
    conflict_evidence: tuple[str, ...] = ()  # the ids of the conflict events (QuadClass 3-4)

    @property
    def cooperative_evidence(self) -> tuple[str, ...]:
        conflict = set(self.conflict_evidence)
        return tuple(e for e in self.evidence if e not in conflict)

    @property
    def cooperation(self) -> int:
        return self.quad[0] + self.quad[1]

    @property
    def conflict(self) -> int:
        return self.quad[2] + self.quad[3]

    @property
    def balance(self) -> float:
        """(cooperation - conflict) / events, from -1 (all conflict) to 1 (all cooperation)."""
        return (self.cooperation - self.conflict) / self.events if self.events else 0.0


Edge = DyadPeriod


@dataclass(frozen=True, slots=True)
class Node:
    code: str
    events: int
    name: str | None


@dataclass(frozen=True, slots=True)
class RelationEdge:
    """An asserted relation, with where it was said."""

    kind: str
    source: str
    target: str
    doc_id: str
    sentence_index: int
    sentence: str


@dataclass(frozen=True, slots=True)
class Graph:
    start: dt.date | None
    end: dt.date | None
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    relations: tuple[RelationEdge, ...]


@dataclass(frozen=True, slots=True)
class Coalition:
    """Actors bound by cooperation and asserted alliance, and whom they fight."""

    members: tuple[str, ...]
    cooperation: int
    conflict: int
    relations: tuple[RelationEdge, ...]
    evidence: tuple[str, ...]  # ids of the cooperative events inside the coalition
    enemies: tuple[tuple[str, int], ...]  # outside actors and hostile acts (roots 11-20) with them


@dataclass(frozen=True, slots=True)
class Fissure:
    """A dyad, or a coalition, whose cooperative share of events dropped between periods."""

    members: tuple[str, ...]
    before: dt.date
    after: dt.date
    cooperation_before: int
    conflict_before: int
    cooperation_after: int
    conflict_after: int
    p_value: float
    evidence: tuple[str, ...]  # the conflict events of the later period


def _code_sql(column: str, fold: bool) -> str:
    if not fold:
        return column
    sectors = ", ".join(f"'{s}'" for s in sorted(STATE_SECTORS))
    return (
        f"CASE WHEN length({column}) = 6 AND {column}[4:6] IN ({sectors}) THEN {column}[1:3]"
        f" ELSE {column} END"
    )


def _dyad_rows(
    store: Store, where: str, args: list[Any], period: Period | None, fold: bool
) -> list[DyadPeriod]:
    when = f"date_trunc('{period}', day)::DATE" if period else "NULL::DATE"
    src, tgt = _code_sql("source_code", fold), _code_sql("target_code", fold)
    rows = store.con.execute(
        f"SELECT {src} AS s, {tgt} AS t, {when} AS p, count(*),"
        " count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),"
        " count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4),"
        f" avg(goldstein), min_by(event_id, {_EVIDENCE_ORDER}, {EVIDENCE_LIMIT}),"
        " count(*) FILTER (WHERE root BETWEEN '03' AND '08'), count(*) FILTER (WHERE root >= '11'),"
        f" coalesce(min_by(event_id, {_EVIDENCE_ORDER}, {EVIDENCE_LIMIT}) FILTER (WHERE quad_class >= 3), [])"
        " FROM events WHERE modality = 'asserted' AND source_code IS NOT NULL AND target_code IS NOT NULL"
        f" AND {src} <> {tgt}" + (f" AND {where}" if where else "") + " GROUP BY ALL ORDER BY p, s, t",
        args,
    ).fetchall()
    return [
        DyadPeriod(r[0], r[1], r[2], int(r[3]), (int(r[4]), int(r[5]), int(r[6]), int(r[7])), float(r[8]),
                   tuple(r[9]), int(r[10]), int(r[11]), tuple(r[12]))
        for r in rows
        if identified(r[0]) and identified(r[1])
    ]


def dyad_series(
    store: Store,
    source: str,
    target: str,
    period: Period = "month",
    directed: bool = False,
    fold: bool = True,
) -> list[DyadPeriod]:
    """A dyad's events per period (both directions unless ``directed``), oldest first."""
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    # The raw codes that fold to each side, as a plain filter DuckDB can push into the scan.
    a, b = unfold_code(source, fold), unfold_code(target, fold)
    cond = "(list_contains(?, source_code) AND list_contains(?, target_code))"
    args: list[Any] = [a, b]
    if not directed:
        cond = f"({cond} OR (list_contains(?, source_code) AND list_contains(?, target_code)))"
        args += [b, a]
    rows = _dyad_rows(store, cond + " AND day IS NOT NULL", args, period, fold)
    if directed:
        return rows
    merged: dict[dt.date | None, list[DyadPeriod]] = defaultdict(list)
    for r in rows:
        merged[r.period].append(r)
    return [_merge(source, target, p, parts) for p, parts in merged.items()]


def _merge(source: str, target: str, period: dt.date | None, parts: list[DyadPeriod]) -> DyadPeriod:
    events = sum(p.events for p in parts)
    quad = tuple(sum(p.quad[k] for p in parts) for k in range(4))
    mean = sum(p.mean_goldstein * p.events for p in parts) / events
    evidence = tuple(sorted(e for p in parts for e in p.evidence))
    bonds, hostilities = sum(p.bonds for p in parts), sum(p.hostilities for p in parts)
    four = (quad[0], quad[1], quad[2], quad[3])
    conflict = tuple(sorted(e for p in parts for e in p.conflict_evidence))
    return DyadPeriod(source, target, period, events, four, mean, evidence, bonds, hostilities, conflict)


def _span(start: dt.date | None, end: dt.date | None) -> tuple[str, list[Any]]:
    parts, args = [], []
    if start is not None:
        parts.append("day >= ?")
        args.append(start)
    if end is not None:
        parts.append("day < ?")
        args.append(end)
    return " AND ".join(parts), args


def _relations(store: Store, start: dt.date | None, end: dt.date | None, fold: bool) -> list[RelationEdge]:
    where, args = _span(start, end)
    where = where.replace("day", "d.published")
    src, tgt = _code_sql("r.source_code", fold), _code_sql("r.target_code", fold)
    rows = store.con.execute(
        f"SELECT r.kind, {src}, {tgt}, r.doc_id, r.sentence_index FROM relations r"
        " JOIN documents d USING (doc_id)"
        " WHERE r.source_code IS NOT NULL AND r.target_code IS NOT NULL"
        + (f" AND ({where} OR d.published IS NULL)" if where else "")
        + " ORDER BY r.doc_id, r.sentence_index",
        args,
    ).fetchall()
    rows = [r for r in rows if r[1] != r[2] and identified(r[1]) and identified(r[2])]
    # The sentences in a second query: joined in the first, DuckDB hashed every sentence of the
    # store to find a handful (16 ms of the month's 40 on 100,000 events, bench/load.py's store;
    # this way 5 ms; `IN (SELECT unnest(?))` is a semi-join, `list_contains` a slower scan).
    text = dict.fromkeys(((r[3], r[4]) for r in rows), "")
    if text:
        found = store.con.execute(
            "SELECT doc_id, sentence_index, text FROM sentences WHERE doc_id IN (SELECT unnest(?))",
            [sorted({d for d, _ in text})],
        ).fetchall()
        text.update({(d, i): t for d, i, t in found if (d, i) in text})
    return [RelationEdge(r[0], r[1], r[2], r[3], r[4], text[r[3], r[4]] or "") for r in rows]


def period_graph(
    store: Store, start: dt.date | None = None, end: dt.date | None = None, fold: bool = True
) -> Graph:
    """The actor graph of events dated in [start, end) (all events when both are None)."""
    where, args = _span(start, end)
    edges = _dyad_rows(store, where, args, None, fold)
    relations = _relations(store, start, end, fold)
    activity: dict[str, int] = defaultdict(int)
    for e in edges:
        activity[e.source] += e.events
        activity[e.target] += e.events
    for r in relations:
        activity.setdefault(r.source, 0)
        activity.setdefault(r.target, 0)
    # A state's node is named by the lexicon; other codes by a name they were mentioned with.
    seen = dict(store.con.execute("SELECT code, min(name) FROM actors GROUP BY code").fetchall())
    names = seen | country_names()
    ranked = sorted(activity.items(), key=lambda kv: (-kv[1], kv[0]))
    nodes = tuple(Node(c, n, names.get(c)) for c, n in ranked)
    return Graph(start, end, nodes, tuple(edges), tuple(relations))


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The graph as networkx: event dyads (``kind="events"``) and relations as edges."""
    g = nx.MultiDiGraph(start=str(graph.start or ""), end=str(graph.end or ""))
    for n in graph.nodes:
        g.add_node(n.code, events=n.events, name=n.name or n.code)
    for e in graph.edges:
        g.add_edge(
            e.source, e.target, kind="events", events=e.events, cooperation=e.cooperation,
            conflict=e.conflict, mean_goldstein=round(e.mean_goldstein, 3), balance=round(e.balance, 3),
            evidence=" ".join(e.evidence),
        )
    for r in graph.relations:
        g.add_edge(r.source, r.target, kind=r.kind, doc_id=r.doc_id, sentence_index=r.sentence_index)
    return g


def coalitions(
    store: Store, start: dt.date | None = None, end: dt.date | None = None, fold: bool = True, seed: int = 0
) -> list[Coalition]:
    """Coalitions by Louvain community detection (modularity.py) on the cooperation graph.

    An undirected pair weighs its binding acts (roots 03-08: intent to cooperate, consultation,
    diplomatic and material cooperation, aid, yielding) minus its hostile acts (roots 11-20)
    plus RELATION_WEIGHT per asserted alliance, membership or backing; only positive pairs
    bind. Statements and appeals (01, 02) and demands (10) bind no one. Communities of two
    or more actors are coalitions, largest first.
    """
    return communities(period_graph(store, start, end, fold), seed)


def communities(graph: Graph, seed: int = 0) -> list[Coalition]:
    """The coalitions of a graph already built (see ``coalitions``)."""
    weight: dict[frozenset[str], float] = defaultdict(float)
    for e in graph.edges:
        weight[frozenset((e.source, e.target))] += e.bonds - e.hostilities
    for r in graph.relations:
        pair = frozenset((r.source, r.target))
        weight[pair] += -RELATION_WEIGHT if r.kind == "enemy" else RELATION_WEIGHT
    positive = {(a, b): w for pair, w in weight.items() if w > 0 for a, b in [sorted(pair)]}
    found = louvain(positive, resolution=COMMUNITY_RESOLUTION, seed=seed)
    out = [_coalition(graph, frozenset(c)) for c in found if len(c) > 1]
    return sorted(out, key=lambda c: (-len(c.members), c.members))


def _coalition(graph: Graph, members: frozenset[str]) -> Coalition:
    inside = [e for e in graph.edges if e.source in members and e.target in members]
    enemies: dict[str, int] = defaultdict(int)
    for e in graph.edges:
        if e.hostilities and (e.source in members) != (e.target in members):
            enemies[e.target if e.source in members else e.source] += e.hostilities
    rel = tuple(r for r in graph.relations if r.source in members and r.target in members)
    evidence = tuple(sorted(i for e in inside for i in e.cooperative_evidence))
    return Coalition(
        tuple(sorted(members)),
        sum(e.cooperation for e in inside),
        sum(e.conflict for e in inside),
        rel,
        evidence,
        tuple(sorted(enemies.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def fisher_drop(coop_before: int, conflict_before: int, coop_after: int, conflict_after: int) -> float:
    """One-sided Fisher exact p-value that the cooperative share fell from before to after.

    >>> round(fisher_drop(3, 0, 0, 3), 3)
    0.05
    """
    n1 = coop_before + conflict_before
    n = n1 + coop_after + conflict_after
    k = coop_before + coop_after
    total = math.comb(n, n1)
    top = min(k, n1)
    return sum(math.comb(k, x) * math.comb(n - k, n1 - x) for x in range(coop_before, top + 1)) / total


def fissures(
    store: Store, period: Period = "month", fold: bool = True, alpha: float = FISSURE_ALPHA
) -> list[Fissure]:
    """Dyads, and coalitions as wholes, whose cooperation dropped significantly from one
    period to the next (consecutive periods in which the pair has events)."""
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    rows = _dyad_rows(store, "day IS NOT NULL", [], period, fold)
    series: dict[tuple[str, ...], dict[dt.date, list[DyadPeriod]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        assert r.period is not None
        series[tuple(sorted((r.source, r.target)))][r.period].append(r)
    for c in coalitions(store, fold=fold):
        if len(c.members) < 3:  # a pair's series is the dyad's, already there
            continue
        inside = set(c.members)
        for r in rows:
            if r.source in inside and r.target in inside and r.period is not None:
                series[c.members][r.period].append(r)
    out = [f for members, by_period in series.items() for f in _drops(members, by_period, alpha)]
    return sorted(out, key=lambda f: (f.p_value, f.after, f.members))


def _drops(
    members: tuple[str, ...], by_period: dict[dt.date, list[DyadPeriod]], alpha: float
) -> list[Fissure]:
    """The significant drops of cooperative share between consecutive periods of one series."""
    out: list[Fissure] = []
    for before, after in itertools.pairwise(sorted(by_period)):
        b, a = by_period[before], by_period[after]
        cb, kb = sum(x.cooperation for x in b), sum(x.conflict for x in b)
        ca, ka = sum(x.cooperation for x in a), sum(x.conflict for x in a)
        if ca + ka == 0 or cb + kb == 0 or ca / (ca + ka) >= cb / (cb + kb):
            continue
        p = fisher_drop(cb, kb, ca, ka)
        if p <= alpha:
            evidence = tuple(sorted(i for x in a for i in x.conflict_evidence))
            out.append(Fissure(members, before, after, cb, kb, ca, ka, p, evidence))
    return out


def dyad_fissures(series: list[DyadPeriod], alpha: float = FISSURE_ALPHA) -> list[Fissure]:
    """The fissures of one dyad, from its series (``dyad_series``): no scan of other dyads."""
    by_period: dict[dt.date, list[DyadPeriod]] = defaultdict(list)
    for d in series:
        if d.period is not None:
            by_period[d.period].append(d)
    if not series:
        return []
    pair = tuple(sorted((series[0].source, series[0].target)))
    return _drops(pair, by_period, alpha)

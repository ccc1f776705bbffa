"""The Python API for analysis: the store's events, dyads, clusters and graph as pandas
DataFrames and networkx graphs.

Example:
    >>> from actorgraph.store import Store
from actorgraph.store.queries import EventFilter, event_where
    >>> with Store(":memory:") as store:
    ...     list(events(store).columns[:3])
    ['event_id', 'doc', 'doc_id']
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import networkx as nx
import pandas as pd

from actorgraph.graph import Period, coalitions, dyad_series, period_graph, to_networkx
from actorgraph.store import Store
from actorgraph.store.queries import EventFilter, event_where

__all__ = ["clusters", "coalitions_frame", "dyads", "events", "graph", "relations"]


def events(
    store: Store,
    actor: str | None = None,
    code: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    voice: str | None = None,
) -> pd.DataFrame:
    """Events, one row each (the flat columns plus ``day``), filtered like ``actorgraph events``:
    actor code prefix as source or target, CAMEO code prefix, days in [start, end), voice."""
    where, args = event_where(EventFilter(actor=actor, code=code, voice=voice, start=start, end=end))
    sql = f"SELECT * FROM events{where} ORDER BY day, event_id"
    frame: pd.DataFrame = store.con.execute(sql, args).df()
    return frame


def dyads(
    store: Store, source: str, target: str, period: Period = "month", directed: bool = False
) -> pd.DataFrame:
    """A dyad's time series: one row per period with QuadClass counts, mean Goldstein, the
    cooperation-conflict balance and the evidence event ids."""
    rows = []
    for d in dyad_series(store, source, target, period, directed):
        row = dataclasses.asdict(d)
        quad = row.pop("quad")
        row |= {f"quad{k + 1}": n for k, n in enumerate(quad)}
        row |= {"cooperation": d.cooperation, "conflict": d.conflict, "balance": d.balance}
        rows.append(row)
    columns = ["source", "target", "period", "events", "quad1", "quad2", "quad3", "quad4", "cooperation",
               "conflict", "balance", "mean_goldstein", "evidence"]
    return pd.DataFrame(rows, columns=columns)


def clusters(store: Store) -> pd.DataFrame:
    """Event clusters (reports of one real event merged across documents), most reported first."""
    frame: pd.DataFrame = store.con.execute(
        "SELECT * FROM clusters ORDER BY n_documents DESC, n_events DESC, cluster_id"
    ).df()
    return frame


def relations(store: Store) -> pd.DataFrame:
    """Relations the texts assert (member, ally, backs, enemy), with their sentences."""
    frame: pd.DataFrame = store.con.execute(
        "SELECT r.*, s.text AS sentence FROM relations r LEFT JOIN sentences s"
        " ON s.doc_id = r.doc_id AND s.sentence_index = r.sentence_index ORDER BY r.doc_id, r.sentence_index"
    ).df()
    return frame


def graph(store: Store, start: dt.date | None = None, end: dt.date | None = None) -> nx.MultiDiGraph:
    """The actor graph of [start, end) as networkx (see ``actorgraph.graph.to_networkx``)."""
    return to_networkx(period_graph(store, start, end))


def coalitions_frame(store: Store, start: dt.date | None = None, end: dt.date | None = None) -> pd.DataFrame:
    """One row per coalition: members, cooperation and conflict inside, main enemies."""
    rows = [
        {
            "members": list(c.members),
            "cooperation": c.cooperation,
            "conflict": c.conflict,
            "relations": len(c.relations),
            "enemies": [code for code, _ in c.enemies],
        }
        for c in coalitions(store, start, end)
    ]
    return pd.DataFrame(rows, columns=["members", "cooperation", "conflict", "relations", "enemies"])

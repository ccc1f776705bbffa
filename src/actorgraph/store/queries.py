"""Read queries over the store for the faces (HTTP API, web UI): filtered and paged events,
documents with everything found in them, actors, sentence search and clusters.

Every function takes an open ``Store`` and returns records.

Example:
    >>> from actorgraph.store import Store
    >>> with Store(":memory:") as store:
    ...     find_events(store, EventFilter(actor="RUS")).total
    0
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from actorgraph.records import (
    Actor,
    Block,
    CodedDocument,
    Document,
    Event,
    Mention,
    Quote,
    Relation,
    Sentence,
    Span,
)
from actorgraph.store.database import Store, event_from_row
from actorgraph.store.filters import MAX_PAGE, EventFilter, event_where

__all__ = [
    "MAX_PAGE",
    "ActorSummary",
    "ActorView",
    "ClusterRow",
    "DocumentSummary",
    "EventFilter",
    "EventPage",
    "Partner",
    "SentenceHit",
    "actor_view",
    "event_where",
    "find_events",
    "get_document",
    "list_actors",
    "list_clusters",
    "list_documents",
    "search_sentences",
]

@dataclass(frozen=True, slots=True)
class EventPage:
    total: int
    events: tuple[Event, ...]
    days: tuple[dt.date | None, ...] = ()  # each event's day: its date, else its document's


def _events(store: Store, sql: str, args: list[Any] | dict[str, Any]) -> list[Event]:
    cur = store.con.execute(sql, args)
    names = [c[0] for c in cur.description]
    return [event_from_row(dict(zip(names, row, strict=True))) for row in cur.fetchall()]


def find_events(store: Store, f: EventFilter) -> EventPage:
    """A page of events, by day then document order, and how many match in all."""
    where, args = event_where(f)
    row = store.con.execute(f"SELECT count(*) FROM events{where}", args).fetchone()
    order = "ORDER BY day NULLS LAST, doc, sentence_index, trigger_start"
    if f.ids:
        # A list of ids: find the rows by the id column alone, then fetch them (filtering whole
        # rows by a list took 42 ms vs 18 on bench/load.py's 100,000-event store).
        sql = (f"WITH page AS (SELECT rowid AS rid FROM events{where} {order} LIMIT ? OFFSET ?)"
               f" SELECT e.* FROM events e SEMI JOIN page ON e.rowid = page.rid {order}")
    else:
        # DuckDB sorts the filtered row ids and fetches the page's rows itself (late
        # materialisation): 12 ms vs 22 for a row-id page joined back, same store, one thread.
        sql = f"SELECT * FROM events{where} {order} LIMIT ? OFFSET ?"
    cur = store.con.execute(sql, [*args, f.limit, f.offset])
    names = [c[0] for c in cur.description]
    rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    days = tuple(r.pop("day") for r in rows)
    return EventPage(int(row[0]) if row else 0, tuple(event_from_row(r) for r in rows), days)


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    doc_id: str
    name: str
    title: str | None
    published: dt.date | None
    source: str | None
    genre: str | None
    events: int


def list_documents(store: Store, limit: int = 100, offset: int = 0) -> tuple[int, list[DocumentSummary]]:
    """A page of documents, newest first, with their event counts."""
    limit = max(1, min(limit, MAX_PAGE))
    rows = store.con.execute(
        "SELECT d.doc_id, d.name, d.title, d.published, d.source, d.genre,"
        " (SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id)"
        " FROM documents d ORDER BY d.published DESC NULLS LAST, d.name LIMIT ? OFFSET ?",
        [limit, max(0, offset)],
    ).fetchall()
    total = store.count("documents")
    return total, [DocumentSummary(*r) for r in rows]


def get_document(store: Store, doc_id: str) -> CodedDocument | None:
    """A stored document with its blocks, sentences, mentions, events, quotes and relations."""
    con = store.con
    d = con.execute(
        "SELECT doc_id, name, text, title, url, published, source, path, genre FROM documents"
        " WHERE doc_id = ?",
        [doc_id],
    ).fetchone()
    if d is None:
        return None
    blocks = tuple(
        Block(*r)
        for r in con.execute(
            "SELECT block_index, start_char, end_char, voice, speaker, depth FROM blocks WHERE doc_id = ?"
            " ORDER BY block_index",
            [doc_id],
        ).fetchall()
    )
    document = Document(d[0], d[1], d[2] or "", blocks, d[3], d[4], d[5], d[6], d[7], d[8])
    sentences = tuple(
        Sentence(*r)
        for r in con.execute(
            "SELECT sentence_index, block_index, start_char, end_char, text, voice FROM sentences"
            " WHERE doc_id = ? ORDER BY sentence_index",
            [doc_id],
        ).fetchall()
    )
    mentions = tuple(
        Mention(*r)
        for r in con.execute(
            "SELECT sentence_index, start_char, end_char, text, code, actor_id, country, sector, kind, origin"
            " FROM mentions WHERE doc_id = ? ORDER BY start_char",
            [doc_id],
        ).fetchall()
    )
    events = tuple(
        _events(
            store,
            "SELECT * EXCLUDE (day) FROM events WHERE doc_id = ? ORDER BY sentence_index, trigger_start",
            [doc_id],
        )
    )
    quotes = tuple(
        Quote(r[0], r[1], r[2], r[3], Actor(r[4], r[5]) if r[4] or r[5] else None, r[6], r[7])
        for r in con.execute(
            "SELECT sentence_index, start_char, end_char, text, speaker_text, speaker_code, verb, voice"
            " FROM quotes WHERE doc_id = ? ORDER BY start_char",
            [doc_id],
        ).fetchall()
    )
    relations = tuple(
        Relation(r[0], r[1], Actor(r[2], r[3]), Actor(r[4], r[5]), Span(r[7], r[8], r[6]), r[9], r[10])
        for r in con.execute(
            "SELECT sentence_index, kind, source_text, source_code, target_text, target_code, cue,"
            " start_char,"
            " end_char, voice, rule FROM relations WHERE doc_id = ? ORDER BY start_char",
            [doc_id],
        ).fetchall()
    )
    return CodedDocument(document, sentences, mentions, events, quotes, relations)


@dataclass(frozen=True, slots=True)
class ActorSummary:
    code: str
    name: str
    mentions: int
    events: int


def list_actors(store: Store, q: str | None = None, limit: int = 100) -> list[ActorSummary]:
    """Coded actors by how often they act or are acted on; ``q`` matches a code prefix or a name."""
    where, args = "", []
    if q:
        where = " WHERE (m.code LIKE ? OR m.text ILIKE ?)"
        args = [q.upper() + "%", f"%{q}%"]
    rows = store.con.execute(
        "WITH m AS (SELECT code, text FROM mentions WHERE code IS NOT NULL),"
        " e AS (SELECT source_code AS code FROM events UNION ALL SELECT target_code FROM events)"
        f" SELECT m.code, mode(m.text), count(*), (SELECT count(*) FROM e WHERE e.code = m.code) AS n"
        f" FROM m{where} GROUP BY m.code ORDER BY n DESC, count(*) DESC, m.code LIMIT ?",
        [*args, max(1, min(limit, MAX_PAGE))],
    ).fetchall()
    return [ActorSummary(r[0], r[1], int(r[2]), int(r[3])) for r in rows]


@dataclass(frozen=True, slots=True)
class Partner:
    code: str
    events: int
    cooperation: int
    conflict: int


@dataclass(frozen=True, slots=True)
class ActorView:
    """One actor: its code, the names it was mentioned by, its partners and recent events."""

    code: str
    names: tuple[tuple[str, int], ...]  # alias and mentions
    events: int
    partners: tuple[Partner, ...]
    recent: tuple[Event, ...]


def actor_view(store: Store, code: str, recent: int = 20, fold: bool = False) -> ActorView | None:
    """An actor's page. With ``fold``, a state's code also covers its agencies (RUS: RUSGOV,
    RUSMIL...), as the graph counts it. None when the store has never seen the code."""
    from actorgraph.cameo import unfold_code

    codes = unfold_code(code, fold)
    con = store.con
    names = con.execute(
        "SELECT text, count(*) FROM mentions WHERE list_contains(?, code) GROUP BY text ORDER BY 2 DESC, 1"
        " LIMIT 20",
        [codes],
    ).fetchall()
    mine = "(list_contains($codes, source_code) OR list_contains($codes, target_code))"
    row = con.execute(f"SELECT count(*) FROM events WHERE {mine}", {"codes": codes}).fetchone()
    total = int(row[0]) if row else 0
    if not names and not total:
        return None
    partners = con.execute(
        "SELECT CASE WHEN list_contains($codes, source_code) THEN target_code ELSE source_code END AS other,"
        " count(*), count(*) FILTER (WHERE quad_class <= 2), count(*) FILTER (WHERE quad_class >= 3)"
        f" FROM events WHERE {mine} AND source_code IS NOT NULL AND target_code IS NOT NULL"
        " AND NOT (list_contains($codes, source_code) AND list_contains($codes, target_code))"
        " GROUP BY other ORDER BY 2 DESC, 1 LIMIT 20",
        {"codes": codes},
    ).fetchall()
    order = "ORDER BY day DESC NULLS LAST, doc, sentence_index"
    sql = f"SELECT * EXCLUDE (day) FROM events WHERE {mine} {order} LIMIT $n"
    events = _events(store, sql, {"codes": codes, "n": recent})
    return ActorView(
        code,
        tuple((n, int(c)) for n, c in names),
        total,
        tuple(Partner(p[0], int(p[1]), int(p[2]), int(p[3])) for p in partners),
        tuple(events),
    )


@dataclass(frozen=True, slots=True)
class SentenceHit:
    doc_id: str
    doc: str
    sentence_index: int
    text: str
    voice: str


MAX_QUERY_CHARS = 200


def search_sentences(store: Store, q: str, limit: int = 50) -> list[SentenceHit]:
    """Sentences holding every word of ``q`` (case-insensitive)."""
    words = [w for w in q[:MAX_QUERY_CHARS].split() if w][:10]
    if not words:
        return []
    cond = " AND ".join("s.text ILIKE ?" for _ in words)
    pattern = [f"%{w.replace('%', '').replace('_', '')}%" for w in words]
    rows = store.con.execute(
        f"SELECT s.doc_id, d.name, s.sentence_index, s.text, s.voice FROM sentences s JOIN documents d"
        f" USING (doc_id) WHERE {cond}"
        " ORDER BY d.published DESC NULLS LAST, d.name, s.sentence_index LIMIT ?",
        [*pattern, max(1, min(limit, MAX_PAGE))],
    ).fetchall()
    return [SentenceHit(*r) for r in rows]


@dataclass(frozen=True, slots=True)
class ClusterRow:
    """Reports of one real event across documents."""

    cluster_id: str
    source_code: str | None
    target_code: str | None
    root: str
    code: str
    date_min: dt.date | None
    date_max: dt.date | None
    location_name: str | None
    n_events: int
    n_documents: int
    n_sources: int
    first_seen: dt.date | None
    last_seen: dt.date | None


def list_clusters(
    store: Store, limit: int = 100, offset: int = 0, min_documents: int = 1
) -> list[ClusterRow]:
    """Clusters, most widely reported first."""
    rows = store.con.execute(
        "SELECT cluster_id, source_code, target_code, root, code, date_min, date_max, location_name,"
        " n_events,"
        " n_documents, n_sources, first_seen, last_seen FROM clusters WHERE n_documents >= ?"
        " ORDER BY n_documents DESC, n_events DESC, date_min, cluster_id LIMIT ? OFFSET ?",
        [min_documents, max(1, min(limit, MAX_PAGE)), max(0, offset)],
    ).fetchall()
    return [ClusterRow(*r) for r in rows]

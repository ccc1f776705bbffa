"""Event filters: which events a query wants, as a typed record and as SQL.

Shared by the store's own event listing, the HTTP API's queries and the DataFrame helpers, so
that "actor RUS, root 19, main events only" means the same rows everywhere.

Example:
    >>> event_where(EventFilter(actor="rus", main=True))
    (' WHERE (source_code LIKE ? OR target_code LIKE ?) AND main', ['RUS%', 'RUS%'])
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

__all__ = ["MAX_PAGE", "EventFilter", "event_where"]

MAX_PAGE = 1000  # the most rows one call returns: a page, not a dump (use `actorgraph export`)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events: actor code prefix (source or target), CAMEO code prefix, root, QuadClass,
    voice, days in [start, end), place name or country, document, main events only; and the page."""

    actor: str | None = None
    code: str | None = None
    root: str | None = None
    quad_class: int | None = None
    voice: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    place: str | None = None
    doc_id: str | None = None
    limit: int = 100
    offset: int = 0
    ids: tuple[str, ...] = ()  # these events only (evidence lists)
    main: bool = False  # each sentence's main event only (salience.py)

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_PAGE:
            raise ValueError(f"limit must be between 1 and {MAX_PAGE}")
        if self.offset < 0:
            raise ValueError("offset must not be negative")


def event_where(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause (with its leading keyword, or empty) and arguments of a filter."""
    where: list[str] = []
    args: list[Any] = []
    if f.actor:
        where.append("(source_code LIKE ? OR target_code LIKE ?)")
        args += [f.actor.upper() + "%"] * 2
    if f.code:
        where.append("code LIKE ?")
        args.append(f.code + "%")
    if f.root:
        where.append("root = ?")
        args.append(f.root.zfill(2))
    if f.quad_class is not None:
        where.append("quad_class = ?")
        args.append(f.quad_class)
    if f.voice:
        where.append("voice = ?")
        args.append(f.voice)
    if f.main:
        where.append("main")
    if f.start:
        where.append("day >= ?")
        args.append(f.start)
    if f.end:
        where.append("day < ?")
        args.append(f.end)
    if f.place:
        where.append("(location_name ILIKE ? OR location_country = ?)")
        args += [f.place, f.place.upper()]
    if f.doc_id:
        where.append("doc_id = ?")
        args.append(f.doc_id)
    if f.ids:
        where.append("list_contains(?, event_id)")
        args.append(list(f.ids))
    return (" WHERE " + " AND ".join(where)) if where else "", args

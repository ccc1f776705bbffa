"""Time: date expressions resolved against the document's publication date, with a precision.

What the text does not let us resolve stays ``None``: refuse rather than guess.

Example:
    >>> resolve("on Tuesday evening", dt.date(2015, 10, 21)).value
    datetime.date(2015, 10, 20)
    >>> resolve("last month", dt.date(2015, 10, 21)).precision
    'month'
    >>> resolve("on Tuesday", None) is None
    True
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from actorgraph.records import EventDate

__all__ = ["date_for", "resolve"]

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {
    m: n
    for n, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        1,
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\.?\b(?:,?\s+(\d{{4}}))?")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_ONLY = re.compile(rf"\b({_MONTH_RE})\b(?:\s+(\d{{4}}))?")
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
# How far after the publication date an undated "March 3" may fall before we read it as last
# year's: news reports past days, and a week covers announced events of the coming days.
FUTURE_TOLERANCE_DAYS = 7


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day(value: dt.date | None, text: str) -> EventDate | None:
    return EventDate(value, "day", text) if value else None


def _month_day(text: str, low: str, published: dt.date | None) -> EventDate | None:
    m = _MONTH_DAY.search(low)
    if m:
        month, day, year = _MONTHS[m.group(1)], int(m.group(2)), m.group(3)
    else:
        m = _DAY_MONTH.search(low)
        if not m:
            return None
        day, month, year = int(m.group(1)), _MONTHS[m.group(2)], m.group(3)
    if year:
        return _day(_safe(int(year), month, day), text)
    if published is None:
        return None
    value = _safe(published.year, month, day)
    if value and (value - published).days > FUTURE_TOLERANCE_DAYS:
        value = _safe(published.year - 1, month, day)
    return _day(value, text)


def _relative(text: str, low: str, published: dt.date) -> EventDate | None:
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", low):
        return EventDate(published, "day", text)
    if "yesterday" in low:
        return EventDate(published - dt.timedelta(days=1), "day", text)
    if "tomorrow" in low:
        return EventDate(published + dt.timedelta(days=1), "day", text)
    for n, name in enumerate(_WEEKDAYS):
        if re.search(rf"\b{name}\b", low):
            back = (published.weekday() - n) % 7
            if re.search(r"\bnext\b", low):
                return EventDate(
                    published + dt.timedelta(days=(n - published.weekday()) % 7 or 7), "day", text
                )
            if re.search(r"\blast\b", low) and back == 0:
                back = 7
            return EventDate(published - dt.timedelta(days=back), "day", text)
    week_start = published - dt.timedelta(days=published.weekday())
    if re.search(r"\bthis week\b", low):
        return EventDate(week_start, "week", text)
    if re.search(r"\blast week\b", low):
        return EventDate(week_start - dt.timedelta(days=7), "week", text)
    if re.search(r"\bnext week\b", low):
        return EventDate(week_start + dt.timedelta(days=7), "week", text)
    first = published.replace(day=1)
    if re.search(r"\bthis month\b", low):
        return EventDate(first, "month", text)
    if re.search(r"\blast month\b", low):
        return EventDate((first - dt.timedelta(days=1)).replace(day=1), "month", text)
    if re.search(r"\bnext month\b", low):
        return EventDate((first + dt.timedelta(days=32)).replace(day=1), "month", text)
    if re.search(r"\bthis year\b", low):
        return EventDate(dt.date(published.year, 1, 1), "year", text)
    if re.search(r"\blast year\b", low):
        return EventDate(dt.date(published.year - 1, 1, 1), "year", text)
    return None


def resolve(text: str, published: dt.date | None) -> EventDate | None:
    """Resolve one date expression; None when it cannot be resolved without guessing."""
    low = text.lower()
    m = _ISO.search(low)
    if m:
        return _day(_safe(int(m.group(1)), int(m.group(2)), int(m.group(3))), text)
    found = _month_day(text, low, published)
    if found:
        return found
    if published is not None:
        rel = _relative(text, low, published)
        if rel:
            return rel
    m = _MONTH_ONLY.search(low)
    if (m and not re.search(r"\bmay\b", low)) or (m and m.group(2)):
        assert m is not None
        year = int(m.group(2)) if m.group(2) else None
        if year is None and published is not None:
            year = published.year if _MONTHS[m.group(1)] <= published.month else published.year - 1
        if year is not None:
            return EventDate(dt.date(year, _MONTHS[m.group(1)], 1), "month", text)
    m = _YEAR.search(low)
    if m:
        return EventDate(dt.date(int(m.group(1)), 1, 1), "year", text)
    return None


def date_for(doc: Any, anchor: Any, published: dt.date | None) -> EventDate | None:
    """The date of the event whose predicate is ``anchor``: a DATE entity governed by it."""
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME") or ent.sent.start != anchor.sent.start:
            continue
        node = ent.root.head
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i and node.i != anchor.i:
            node = node.head
        if node.i == anchor.i:
            found = resolve(ent.text, published)
            if found is not None:
                return found
    return None

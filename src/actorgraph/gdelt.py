"""GDELT export: events as rows of the GDELT 2.0 Event table (61 tab-separated columns, no header).

Each event becomes one row with the columns GDELT's 2.0 event codebook lists, in its order; what
we do not know is the empty string. Documented deviations from GDELT's own files:

- Country codes (actor and ``ActionGeo_CountryCode``) are ISO 3166 alpha-3, as everywhere in
  actorgraph, where GDELT writes FIPS 10-4 for geography; ``ActionGeo_FeatureID`` is a GeoNames
  id, not a GNS/GNIS feature id. ADM1/ADM2 codes are left empty: we do not know them.
- ``Actor1Geo_*`` and ``Actor2Geo_*`` are empty; only the action has a place.
- ``IsRootEvent`` is "1" for events in the first three sentences, our stand-in for GDELT's
  lead paragraph. ``NumMentions``, ``NumSources`` and ``NumArticles`` are "1": a row is one
  coded mention (clusters of merged events carry their own counts). ``AvgTone`` is empty.

Example:
    >>> len(GDELT_COLUMNS), GDELT_COLUMNS[26], GDELT_COLUMNS[60]
    (61, 'EventCode', 'SOURCEURL')
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Iterable
from typing import IO

from actorgraph.lexicon import load_actor_lexicon
from actorgraph.records import Actor, Event, Location

__all__ = ["GDELT_COLUMNS", "gdelt_row", "write_gdelt"]

_ACTOR_FIELDS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED",
    "SOURCEURL",
)

# CAMEO actor-type prefixes of codes that belong to no single country.
_GROUP_TYPES = frozenset({"IGO", "NGO", "IMG", "MNC"})
# A common subset of CAMEO's known-group codes; a code naming none of them gets no group code.
_KNOWN_GROUPS = frozenset(
    {
        "AFU", "ALQ", "AMN", "ARL", "ASN", "CIS", "COE", "EEC", "FAO", "FTA", "GCC", "HCR", "HEZ",
        "HMS", "HRW", "IAE", "ICC", "ICG", "ICJ", "ILO", "IMF", "IRC", "ISJ", "KID", "LRA", "MSF",
        "NAT", "OAS", "OPC", "PLO", "TAL", "UNO", "WBK", "WFP", "WHO", "WTO", "XFM",
    }
)  # fmt: skip
_RELIGIONS = frozenset({"BUD", "CHR", "HIN", "JEW", "MUS", "SIK"})
_LEAD_SENTENCES = 3
_UNSAFE = re.compile(r"[\t\r\n]")


@functools.cache
def _countries() -> frozenset[str]:
    """ISO3 codes of the countries in the actor lexicon."""
    actors = load_actor_lexicon().actors.values()
    return frozenset(a.actor_id.removeprefix("country:") for a in actors if a.kind == "country")


def _global_id(event_id: str) -> str:
    """A stable positive integer from the event id (a hex hash): its first 15 hex digits."""
    head = event_id[:15]
    try:
        n = int(head, 16)
    except ValueError:
        # Hand-made ids are not hex; hash them so the id stays stable.
        n = int(hashlib.sha256(event_id.encode()).hexdigest()[:15], 16)
    return str(max(n, 1))  # 15 hex digits fit GDELT's signed 64-bit column


def _date_fields(day: dt.date | None) -> dict[str, str]:
    if day is None:
        return {}
    # GDELT's fraction runs 0 to 0.9999 over the year; clamp so Dec 31 stays in its year.
    fraction = min(day.timetuple().tm_yday / 365, 0.9999)
    return {
        "SQLDATE": day.strftime("%Y%m%d"),
        "MonthYear": day.strftime("%Y%m"),
        "Year": f"{day.year:04d}",
        "FractionDate": f"{day.year + fraction:.4f}",
    }


def _actor_fields(prefix: str, actor: Actor | None) -> dict[str, str]:
    if actor is None:
        return {}
    code = actor.code or ""
    parts = [code[i : i + 3] for i in range(0, len(code), 3)]
    head, rest = (parts[0], parts[1:]) if parts else ("", [])
    country = actor.country or (head if head in _countries() else "")
    if head in _GROUP_TYPES:
        # The pipeline's sector is code[3:6], which for "IGOUNO" is the group, not a type.
        type1 = head
    else:
        type1 = actor.sector or (rest[0] if head in _countries() and rest else "")
    return {
        f"{prefix}Code": code,
        f"{prefix}Name": actor.text.upper(),
        f"{prefix}CountryCode": country,
        f"{prefix}KnownGroupCode": next((p for p in rest if p in _KNOWN_GROUPS), ""),
        f"{prefix}Religion1Code": next((p for p in rest if p in _RELIGIONS), ""),
        f"{prefix}Type1Code": type1,
    }


def _num(x: float | None) -> str:
    return "" if x is None else f"{x:.4f}".rstrip("0").rstrip(".")


def _geo_type(loc: Location) -> str:
    """GDELT's geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    us = loc.country == "USA"
    if loc.precision == "country":
        return "1"
    if loc.precision == "admin":
        return "2" if us else "5"
    return "3" if us else "4"


def _geo_fields(prefix: str, loc: Location | None) -> dict[str, str]:
    if loc is None:
        return {}
    return {
        f"{prefix}Type": _geo_type(loc),
        f"{prefix}FullName": loc.name,
        f"{prefix}CountryCode": loc.country or "",
        f"{prefix}Lat": _num(loc.lat),
        f"{prefix}Long": _num(loc.lon),
        f"{prefix}FeatureID": "" if loc.geonames_id is None else str(loc.geonames_id),
    }


def gdelt_row(
    event: Event, published: dt.date | None, source_url: str | None, added: dt.datetime
) -> tuple[str, ...]:
    """The event as 61 GDELT 2.0 fields, in :data:`GDELT_COLUMNS` order ("" when unknown).

    The date is the event's own, else ``published``; ``added`` becomes DATEADDED (in UTC when
    it carries a time zone).
    """
    if added.tzinfo is not None:
        added = added.astimezone(dt.UTC)
    row: dict[str, str] = {"GLOBALEVENTID": _global_id(event.event_id)}
    row |= _date_fields(event.date.value if event.date else published)
    row |= _actor_fields("Actor1", event.source) | _actor_fields("Actor2", event.target)
    row |= {
        "IsRootEvent": "1" if event.sentence_index < _LEAD_SENTENCES else "0",
        "EventCode": event.code,
        "EventBaseCode": event.code[:3],
        "EventRootCode": event.root,
        "QuadClass": str(event.quad_class),
        "GoldsteinScale": f"{event.goldstein:.1f}",
        "NumMentions": "1",
        "NumSources": "1",
        "NumArticles": "1",
    }
    row |= _geo_fields("ActionGeo_", event.location)
    row |= {"DATEADDED": added.strftime("%Y%m%d%H%M%S"), "SOURCEURL": source_url or ""}
    unknown = set(row) - set(GDELT_COLUMNS)
    assert not unknown, f"not GDELT columns: {sorted(unknown)}"
    return tuple(row.get(name, "") for name in GDELT_COLUMNS)


def write_gdelt(rows: Iterable[tuple[str, ...]], out: IO[str]) -> int:
    """Write rows as GDELT does: tab-separated, unquoted, no header. Returns the row count.

    Tabs and line breaks inside a value become spaces, so every row stays one line.
    """
    count = 0
    for row in rows:
        out.write("\t".join(_UNSAFE.sub(" ", value) for value in row) + "\n")
        count += 1
    return count

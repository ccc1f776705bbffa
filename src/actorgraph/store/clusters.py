"""Event clusters: reports of one real event, from many documents, merged as they arrive.

Two reports are of the same event when they have the same source and target and the same
CAMEO root, their dates fall within ``CLUSTER_WINDOW_DAYS`` of each other, and their places,
when both texts name one, agree. Actors compare as states ("RUSGOV" and "RUSMIL" are both
"RUS": outlets name the same act's author differently), and for mutual acts (meetings,
agreements, cooperation: ``MUTUAL_ROOTS``) in either order. Other acts reported in opposite
directions ("A attacked B", "B attacked A") merge only when both name the same place: each
side's account of one clash. Only asserted events cluster: a denial, a threat or a
hypothetical is not a report that something happened. Clusters grow in arrival order, so the
first report of an event names its cluster (``cluster_id`` is that event's id).

Example:
    >>> import datetime as dt
    >>> interval(None, dt.date(2024, 3, 12))
    (datetime.date(2024, 3, 12), datetime.date(2024, 3, 12), 'day')
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from actorgraph.cameo import MUTUAL_ROOTS, fold_code
from actorgraph.records import EventDate
from actorgraph.store.bulk import insert, update

__all__ = [
    "CLUSTERED_MODALITIES",
    "CLUSTER_WINDOW_DAYS",
    "Report",
    "assign",
    "cluster_key",
    "interval",
    "recluster",
    "report_from_row",
    "reports_sql",
]

# Reports dated up to two days apart are one event: outlets publish the next day, and "on
# Monday" in a Wednesday story resolves to the day itself. Tuned on tests/data/clusters
# (invented multi-outlet corpus): 1 day split next-day reports, 3+ days merged the distractor
# strikes two weeks apart only at 14, so 2 is the smallest window that keeps next-day reports.
CLUSTER_WINDOW_DAYS = 2
CLUSTERED_MODALITIES = ("asserted",)

Key = tuple[str | None, str | None, str]


def cluster_key(source: str | None, target: str | None, root: str) -> tuple[Key, bool]:
    """The dyad (as states, in a fixed order) and root that reports of one event share, and
    whether the report's own direction runs against that order.

    >>> cluster_key("SYRGOV", "IRNGOV", "04")
    (('IRN', 'SYR', '04'), True)
    """
    a = fold_code(source) if source else None
    b = fold_code(target) if target else None
    if a and b and b < a:
        return (b, a, root), True
    return (a, b, root), False


@dataclass(frozen=True, slots=True)
class Report:
    """One stored event as the clusterer sees it."""

    event_id: str
    source_code: str | None
    target_code: str | None
    root: str
    code: str
    lo: dt.date
    hi: dt.date
    precision: str  # "day" (also weeks and publication dates), "month" or "year"
    place: str | None  # a named place (not a country, not inferred)
    geonames_id: int | None
    country: str | None  # the country of a place the text names (not an inferred one)
    doc_id: str = ""
    outlet: str | None = None  # the document's source, else its URL or name
    published: dt.date | None = None

    @property
    def key(self) -> Key:
        return cluster_key(self.source_code, self.target_code, self.root)[0]

    @property
    def reversed(self) -> bool:
        return cluster_key(self.source_code, self.target_code, self.root)[1]


def interval(date: EventDate | None, published: dt.date | None) -> tuple[dt.date, dt.date, str] | None:
    """The days an event may have happened on: its date's period, else its publication day."""
    if date is None:
        return None if published is None else (published, published, "day")
    d = date.value
    if date.precision == "day":
        return d, d, "day"
    if date.precision == "week":
        return d, d + dt.timedelta(days=6), "day"
    if date.precision == "month":
        return d, d.replace(day=calendar.monthrange(d.year, d.month)[1]), "month"
    return d, d.replace(month=12, day=31), "year"


class _Cluster:
    """A cluster being extended inside one write (internal to this module)."""

    def __init__(self, cluster_id: str, row: Sequence[Any], new: bool) -> None:
        self.cluster_id = cluster_id
        self.precision, self.lo, self.hi, self.place, self.country, self.geonames_id, self.reversed = row
        self.new = new

    def accepts(self, r: Report) -> bool:
        if r.precision != self.precision:
            return False
        if r.reversed != self.reversed and r.root not in MUTUAL_ROOTS and not self._same_place(r):
            return False
        if r.precision != "day":  # a month or a year names one period: the same one, or not
            return bool(r.lo == self.lo)
        window = dt.timedelta(days=CLUSTER_WINDOW_DAYS)
        if r.lo > self.hi + window or r.hi < self.lo - window:
            return False
        if r.country and self.country and r.country != self.country:
            return False
        if r.place and self.place:
            return self._same_place(r)
        return True

    def _same_place(self, r: Report) -> bool:
        if not r.place or not self.place:
            return False
        same_id = r.geonames_id is not None and r.geonames_id == self.geonames_id
        return same_id or r.place.lower() == str(self.place).lower()

    def take(self, r: Report) -> None:
        self.lo, self.hi = min(self.lo, r.lo), max(self.hi, r.hi)
        if self.place is None and r.place:
            self.place, self.geonames_id = r.place, r.geonames_id
        self.country = self.country or r.country


def _candidates(con: Any, by_key: dict[Key, list[Report]]) -> dict[Key, list[_Cluster]]:
    """The stored clusters each key's reports might join, in one query for the whole batch."""
    window = dt.timedelta(days=CLUSTER_WINDOW_DAYS)
    wanted = [
        [k[0] or "", k[1] or "", k[2], min(r.lo for r in rs) - window, max(r.hi for r in rs) + window]
        for k, rs in by_key.items()
    ]
    con.execute("CREATE OR REPLACE TEMP TABLE wanted (s VARCHAR, t VARCHAR, root VARCHAR, lo DATE, hi DATE)")
    insert(con, "wanted", wanted)
    rows = con.execute(
        "SELECT c.source_code, c.target_code, c.root, c.cluster_id, c.date_precision, c.date_min, c.date_max,"
        " c.location_name, c.location_country, c.geonames_id, c.reversed FROM clusters c JOIN wanted w"
        " ON coalesce(c.source_code, '') = w.s AND coalesce(c.target_code, '') = w.t AND c.root = w.root"
        " AND c.date_max >= w.lo AND c.date_min <= w.hi ORDER BY c.date_min, c.cluster_id"
    ).fetchall()
    con.execute("DROP TABLE wanted")
    out: dict[Key, list[_Cluster]] = {k: [] for k in by_key}
    for row in rows:
        out[(row[0], row[1], row[2])].append(_Cluster(row[3], row[4:], new=False))
    return out


def assign(con: Any, reports: Sequence[Report]) -> None:
    """Put each report into a matching cluster, or a new one, and update the counts.

    Runs inside the caller's transaction, after the reports' events and documents are written.
    """
    if not reports:
        return
    by_key: dict[Key, list[Report]] = {}
    for r in reports:
        by_key.setdefault(r.key, []).append(r)
    members: list[tuple[str, str, str, str | None, dt.date | None]] = []
    touched: dict[str, tuple[Key, str, _Cluster]] = {}
    candidates = _candidates(con, by_key)
    for key, group in by_key.items():
        clusters = candidates[key]
        for r in group:
            found = next((c for c in clusters if c.accepts(r)), None)
            if found is None:
                found = _Cluster(
                    r.event_id, (r.precision, r.lo, r.hi, r.place, r.country, r.geonames_id, r.reversed), True
                )
                clusters.append(found)
            else:
                found.take(r)
            members.append((r.event_id, found.cluster_id, r.doc_id, r.outlet, r.published))
            touched.setdefault(found.cluster_id, (key, r.code, found))
    fresh = [c for (_, _, c) in touched.values() if c.new]
    insert(
        con,
        "clusters",
        [
            [c.cluster_id, *key, code, c.precision, c.lo, c.hi, c.place, c.country, c.geonames_id,
             0, 0, 0, None, None, c.reversed]
            for (key, code, c) in touched.values()
            if c.new
        ],
    )
    old = [c for (_, _, c) in touched.values() if not c.new]
    update(
        con,
        "clusters",
        "cluster_id",
        ["date_min", "date_max", "location_name", "location_country", "geonames_id"],
        [[c.lo, c.hi, c.place, c.country, c.geonames_id, c.cluster_id] for c in old],
    )
    insert(con, "cluster_members", members)
    _recount(con, [c.cluster_id for c in (*fresh, *old)])


def _recount(con: Any, cluster_ids: list[str]) -> None:
    con.execute("CREATE OR REPLACE TEMP TABLE touched (cluster_id VARCHAR)")
    insert(con, "touched", [[c] for c in cluster_ids])
    con.execute(
        "UPDATE clusters SET n_events = s.n, n_documents = s.docs, n_sources = s.outlets,"
        " first_seen = s.first, last_seen = s.last FROM ("
        "  SELECT cluster_id, count(*) AS n, count(DISTINCT doc_id) AS docs,"
        "   count(DISTINCT outlet) AS outlets,"
        "   min(published) AS first, max(published) AS last FROM cluster_members"
        "  WHERE cluster_id IN (SELECT cluster_id FROM touched) GROUP BY cluster_id) s"
        " WHERE clusters.cluster_id = s.cluster_id"
    )
    con.execute("DROP TABLE touched")


def reports_sql(where: str) -> str:
    """The SELECT that turns stored events into reports (shared by writes and ``recluster``)."""
    return (
        "SELECT e.event_id, e.source_code, e.target_code, e.root, e.code, e.date, e.date_precision,"
        " e.date_text, d.published, e.location_name, e.location_precision, e.location_inferred,"
        " e.geonames_id, e.location_country, e.doc_id, coalesce(d.source, d.url, d.name)"
        " FROM events e JOIN documents d USING (doc_id)"
        " WHERE e.modality IN (" + ", ".join(f"'{m}'" for m in CLUSTERED_MODALITIES) + ")"
        + (f" AND {where}" if where else "")
    )


def report_from_row(row: Sequence[Any]) -> Report | None:
    (event_id, src, tgt, root, code, date, precision, text, published, place, place_precision,
     inferred, geonames_id, country, doc_id, outlet) = row
    when = interval(EventDate(date, precision, text or "") if date else None, published)
    if when is None:
        return None
    named = place if place and place_precision != "country" and not inferred else None
    said = None if inferred else country
    return Report(
        event_id, src, tgt, root, code, when[0], when[1], when[2], named, geonames_id, said, doc_id, outlet,
        published,
    )


def recluster(con: Any) -> None:
    """Rebuild every cluster from the stored events, in ingest order (a migration backfill)."""
    con.execute("DELETE FROM cluster_members")
    con.execute("DELETE FROM clusters")
    rows = con.execute(
        reports_sql("") + " ORDER BY d.ingested_at, d.doc_id, e.sentence_index, e.trigger_start"
    ).fetchall()
    reports = [r for r in map(report_from_row, rows) if r is not None]
    assign(con, reports)

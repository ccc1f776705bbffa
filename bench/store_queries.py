"""The store at scale: query latency over millions of synthetic events, and ingest vs coding speed.

    python bench/store_queries.py [--events 10000000] [--db PATH] [--source DIR]

1. Builds (or reuses, when it holds the same number of synthetic events) a store of
   ``--events`` synthetic events: ``Store(path)`` creates the real schema, then one
   ``INSERT ... SELECT`` over ``range(N)`` fills ``events`` (250 actor codes: 50 countries,
   bare and with GOV/MIL/REB/OPP, Zipf-like so a few dyads dominate; real CAMEO codes with
   their roots, QuadClass and Goldstein, weighted roughly as in news; days over 2015-2024,
   ~8 events per document), ``documents``, ``actors`` and ``clusters``/``cluster_members``
   (asserted events grouped by state dyad, root and day). Events are inserted ordered by day,
   as a store ingesting news in roughly time order would hold them.
2. Times the queries the issue names, through ``actorgraph.graph`` when it exists, and as the
   SQL it would run: a dyad's time series (the most active and a median dyad), one actor's
   events in one month, the graph of one month. One warm-up, then median and max of 7 runs,
   with the Store kept open and with a fresh ``Store(path, read_only=True)`` per query.
3. Codes the documents of ``--source`` (default examples/) with ``Pipeline`` and writes copies
   of them (distinct ids, ~5000 events) into an empty store and into a copy of the big store,
   with ``Store.add_many`` and with ``Ingest``; reports events per second against the coder's.

Prints a Markdown table. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import importlib
import math
import os
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import duckdb

from actorgraph.cameo import STATE_SECTORS, codes, fold_code
from actorgraph.ingest import read_paths
from actorgraph.pipeline import Pipeline
from actorgraph.records import CodedDocument, Document
from actorgraph.store import Ingest, Store, event_from_row
from actorgraph.store.ingest import FLUSH_DOCUMENTS

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = "/tmp/actorgraph-bench-10m.duckdb"
RUNS = 7
LIMIT_MS = 200.0
INGEST_EVENTS = 5000
FIRST_DAY = dt.date(2015, 1, 1)
LAST_DAY = dt.date(2024, 12, 31)
MONTH = (dt.date(2020, 6, 1), dt.date(2020, 7, 1))
EVENTS_PER_DOCUMENT = 8

# Countries in order of activity: rank 0 is the most active.
COUNTRIES: tuple[tuple[str, str], ...] = (
    ("USA", "United States"), ("RUS", "Russia"), ("CHN", "China"), ("IRN", "Iran"), ("ISR", "Israel"),
    ("SYR", "Syria"), ("TUR", "Turkey"), ("UKR", "Ukraine"), ("IRQ", "Iraq"), ("SAU", "Saudi Arabia"),
    ("GBR", "United Kingdom"), ("FRA", "France"), ("DEU", "Germany"), ("PSE", "Palestine"),
    ("LBN", "Lebanon"), ("EGY", "Egypt"), ("AFG", "Afghanistan"), ("PAK", "Pakistan"), ("IND", "India"),
    ("PRK", "North Korea"), ("KOR", "South Korea"), ("JPN", "Japan"), ("YEM", "Yemen"), ("QAT", "Qatar"),
    ("ARE", "United Arab Emirates"), ("JOR", "Jordan"), ("LBY", "Libya"), ("SDN", "Sudan"),
    ("NGA", "Nigeria"), ("ETH", "Ethiopia"), ("SOM", "Somalia"), ("KEN", "Kenya"), ("ZAF", "South Africa"),
    ("BRA", "Brazil"), ("VEN", "Venezuela"), ("COL", "Colombia"), ("MEX", "Mexico"), ("CAN", "Canada"),
    ("AUS", "Australia"), ("POL", "Poland"), ("BLR", "Belarus"), ("GEO", "Georgia"), ("ARM", "Armenia"),
    ("AZE", "Azerbaijan"), ("KAZ", "Kazakhstan"), ("MMR", "Myanmar"), ("PHL", "Philippines"),
    ("IDN", "Indonesia"), ("VNM", "Vietnam"), ("TWN", "Taiwan"),
)
SECTORS: tuple[tuple[str, str], ...] = (
    ("", ""), ("GOV", " government"), ("MIL", " military"), ("REB", " rebels"), ("OPP", " opposition"),
)
# Share of CAMEO roots among events, roughly as in news-coded event data.
ROOT_WEIGHTS: dict[str, float] = {
    "01": 0.12, "02": 0.05, "03": 0.07, "04": 0.20, "05": 0.06, "06": 0.03, "07": 0.03, "08": 0.03,
    "09": 0.02, "10": 0.03, "11": 0.07, "12": 0.03, "13": 0.03, "14": 0.03, "15": 0.01, "16": 0.02,
    "17": 0.06, "18": 0.05, "19": 0.08, "20": 0.01,
}
CODE_SLOTS = 1000


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def actor_rows() -> list[tuple[int, str, str, str | None, str]]:
    """(rank, code, country, sector, name) of the 250 synthetic actors, most active first."""
    rows = []
    for s, (sector, word) in enumerate(SECTORS):
        for c, (country, name) in enumerate(COUNTRIES):
            rows.append((s * len(COUNTRIES) + c, country + sector, country, sector or None, name + word))
    return rows


def code_rows() -> list[tuple[int, str, str, float, int, str | None, str | None, str]]:
    """CODE_SLOTS slots of real CAMEO codes: a root takes slots by its weight, its codes share them."""
    book = codes()
    rows: list[tuple[int, str, str, float, int, str | None, str | None, str]] = []
    for root, weight in ROOT_WEIGHTS.items():
        members = sorted(c for c in book if len(c) == 3 and c.startswith(root))
        for k in range(round(weight * CODE_SLOTS)):
            c = book[members[k % len(members)]]
            rows.append((len(rows), c.code, c.root, c.goldstein, c.quad_class, c.plover_type, c.plover_mode,
                         c.name.lower()))
    return rows


def fold_sql(column: str) -> str:
    sectors = ", ".join(f"'{s}'" for s in sorted(STATE_SECTORS))
    return (
        f"CASE WHEN length({column}) = 6 AND {column}[4:6] IN ({sectors}) THEN {column}[1:3]"
        f" ELSE {column} END"
    )


def uniform(i: str, salt: int) -> str:
    """A deterministic uniform number in [0, 1) per row (DuckDB's random() is not reproducible)."""
    return f"((hash({i}, {salt}) % 1000003) / 1000003.0)"


def build(path: str, n: int) -> dict[str, float]:
    """Fill a new store at ``path`` with ``n`` synthetic events; returns seconds per step."""
    for suffix in ("", ".wal"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    steps: dict[str, float] = {}
    n_docs = math.ceil(n / EVENTS_PER_DOCUMENT)
    span = (LAST_DAY - FIRST_DAY).days + 1
    with Store(path) as store:
        con = store.con
        start = time.perf_counter()
        con.execute("CREATE TEMP TABLE bench_actors (rank INTEGER, code VARCHAR, country VARCHAR,"
                    " sector VARCHAR, name VARCHAR)")
        con.executemany("INSERT INTO bench_actors VALUES (?, ?, ?, ?, ?)", actor_rows())
        con.execute("CREATE TEMP TABLE bench_codes (slot INTEGER, code VARCHAR, root VARCHAR,"
                    " goldstein DOUBLE, quad_class INTEGER, plover_type VARCHAR, plover_mode VARCHAR,"
                    " name VARCHAR)")
        con.executemany("INSERT INTO bench_codes VALUES (?, ?, ?, ?, ?, ?, ?, ?)", code_rows())
        n_actors = len(actor_rows())
        u = {k: uniform("i", k) for k in range(1, 12)}
        # Source and target ranks: floor(250 * u^3) puts ~16% of mentions on the top actor.
        sql = f"""
        INSERT INTO events BY NAME
        WITH base AS (
            SELECT i, i // {EVENTS_PER_DOCUMENT} AS doc_no,
                DATE '{FIRST_DAY}' + ((i // {EVENTS_PER_DOCUMENT}) * {span} // {n_docs})::INTEGER
                    AS published,
                floor({n_actors} * pow({u[1]}, 3))::INTEGER AS s0,
                floor({n_actors} * pow({u[2]}, 3))::INTEGER AS t0,
                {u[3]} AS u_null, {u[4]} AS u_code, {u[5]} AS u_mod, {u[6]} AS u_voice,
                {u[7]} AS u_date, {u[8]} AS u_loc, {u[9]} AS u_conf
            FROM range({n}) r(i)
        ), ranked AS (
            SELECT *, CASE WHEN u_null < 0.03 THEN NULL ELSE s0 END AS s,
                CASE WHEN u_null >= 0.03 AND u_null < 0.11 THEN NULL
                     WHEN t0 = s0 THEN (t0 + 7) % {n_actors} ELSE t0 END AS t,
                u_date < 0.35 AS own_date
            FROM base
        )
        SELECT
            substr(md5('e' || i), 1, 16) AS event_id,
            'synthetic-' || doc_no || '.txt' AS doc,
            substr(md5('d' || doc_no), 1, 16) AS doc_id,
            (i % {EVENTS_PER_DOCUMENT})::INTEGER AS sentence_index,
            coalesce(sa.name, 'Someone') || ' ' || c.name || ' ' || coalesce(ta.name, 'others')
                || ', officials said in a statement on ' || strftime(published, '%B %d') || '.' AS sentence,
            split_part(c.name, ' ', 1) AS trigger_text,
            20::INTEGER AS trigger_start, (20 + length(split_part(c.name, ' ', 1)))::INTEGER AS trigger_end,
            sa.name AS source_text, sa.code AS source_code, sa.country AS source_country,
            sa.sector AS source_sector,
            ta.name AS target_text, ta.code AS target_code, ta.country AS target_country,
            ta.sector AS target_sector,
            c.code, c.root, c.quad_class, c.goldstein, c.plover_type, c.plover_mode,
            CASE WHEN own_date THEN published - (u_date * 10)::INTEGER END AS date,
            CASE WHEN own_date THEN 'day' END AS date_precision,
            CASE WHEN own_date THEN 'on ' || dayname(published - (u_date * 10)::INTEGER) END AS date_text,
            CASE WHEN u_loc < 0.4 THEN coalesce(ta.name, sa.name) END AS location_name,
            CASE WHEN u_loc < 0.4 THEN coalesce(ta.country, sa.country) END AS location_country,
            CASE WHEN u_loc < 0.4 THEN 'country' END AS location_precision,
            CASE WHEN u_loc < 0.4 THEN u_loc < 0.2 END AS location_inferred,
            CASE WHEN u_voice < 0.82 THEN 'author' WHEN u_voice < 0.97 THEN 'quoted' ELSE 'comment' END
                AS voice,
            CASE WHEN u_mod < 0.88 THEN 'asserted' WHEN u_mod < 0.93 THEN 'negated'
                 WHEN u_mod < 0.96 THEN 'hypothetical' WHEN u_mod < 0.98 THEN 'future'
                 ELSE 'request' END AS modality,
            false AS claim,
            round(0.5 + u_conf / 2, 2) AS confidence,
            'verb:' || c.code AS rule,
            CASE WHEN own_date THEN published - (u_date * 10)::INTEGER ELSE published END AS day
        FROM ranked
        LEFT JOIN bench_actors sa ON sa.rank = ranked.s
        LEFT JOIN bench_actors ta ON ta.rank = ranked.t
        JOIN bench_codes c ON c.slot = floor(u_code * {CODE_SLOTS})::INTEGER
        ORDER BY day, i
        """
        con.execute(sql)
        steps["events"] = time.perf_counter() - start
        log(f"events: {steps['events']:.0f} s")

        start = time.perf_counter()
        con.execute(f"""
        INSERT INTO documents BY NAME
        SELECT substr(md5('d' || d), 1, 16) AS doc_id, 'synthetic-' || d || '.txt' AS name,
            'Synthetic report ' || d AS title, 'https://outlet' || (d % 40) || '.example/' || d AS url,
            DATE '{FIRST_DAY}' + (d * {span} // {n_docs})::INTEGER AS published,
            'outlet' || (d % 40) AS source, 'news' AS genre,
            'Synthetic report ' || d || '. About eight coded events, one per sentence.' AS text,
            (DATE '{FIRST_DAY}' + (d * {span} // {n_docs})::INTEGER)::TIMESTAMP AS ingested_at
        FROM range({n_docs}) r(d) ORDER BY d
        """)
        con.execute("INSERT INTO actors SELECT code, code, NULL, name, country, sector FROM bench_actors")
        steps["documents"] = time.perf_counter() - start
        log(f"documents: {steps['documents']:.0f} s")

        # Clusters as the ingest would make them, simplified: asserted events of one state dyad
        # (alphabetical), root and day form one cluster, named by its smallest event id.
        start = time.perf_counter()
        fs, ft = fold_sql("source_code"), fold_sql("target_code")
        con.execute(f"""
        CREATE TEMP TABLE bench_keys AS
        WITH f AS (SELECT event_id, doc_id, root, code, day, {fs} AS fs, {ft} AS ft FROM events
                   WHERE modality = 'asserted' AND day IS NOT NULL),
        k AS (SELECT event_id, doc_id, root, code, day, coalesce(ft < fs, false) AS rev,
                  CASE WHEN ft < fs THEN ft ELSE fs END AS a, CASE WHEN ft < fs THEN fs ELSE ft END AS b
              FROM f)
        SELECT *, min(event_id) OVER (PARTITION BY a, b, root, day) AS cluster_id FROM k
        """)
        con.execute("""
        INSERT INTO clusters
        SELECT cluster_id, any_value(a), any_value(b), any_value(root), min(code), 'day', min(day), max(day),
            NULL, NULL, NULL, count(*), count(DISTINCT doc_id), count(DISTINCT doc_id), min(day), max(day),
            bool_or(rev)
        FROM bench_keys GROUP BY cluster_id ORDER BY min(day), cluster_id
        """)
        con.execute(
            "INSERT INTO cluster_members SELECT k.event_id, k.cluster_id, k.doc_id,"
            " coalesce(d.source, d.url, d.name), d.published"
            " FROM bench_keys k JOIN documents d USING (doc_id)"
            " ORDER BY k.day"
        )
        con.execute("DROP TABLE bench_keys")
        steps["clusters"] = time.perf_counter() - start
        log(f"clusters: {steps['clusters']:.0f} s")

        start = time.perf_counter()
        con.execute("CHECKPOINT")
        steps["checkpoint"] = time.perf_counter() - start
        steps["total"] = sum(steps.values())
        marks = [["bench_events", str(n)], *[[f"bench_seconds_{k}", f"{v:.1f}"] for k, v in steps.items()]]
        con.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", marks)
        con.execute("CHECKPOINT")
    return steps


def existing(path: str, n: int) -> dict[str, float] | None:
    """The build times of a finished synthetic store of ``n`` events at ``path``, else None."""
    if not os.path.exists(path):
        return None
    try:
        with Store(path, read_only=True) as store:
            row = store.con.execute("SELECT value FROM meta WHERE key = 'bench_events'").fetchone()
            if row is None or int(row[0]) != n or store.count("events") != n:
                return None
            sql = "SELECT key, value FROM meta WHERE key LIKE 'bench_seconds_%'"
            rows = store.con.execute(sql).fetchall()
    except Exception as exc:  # an unreadable or foreign file is rebuilt
        log(f"{path}: not reusable ({exc})")
        return None
    return {k.removeprefix("bench_seconds_"): float(v) for k, v in rows}


# --- queries -----------------------------------------------------------------------------------------

DYAD_SQL = (
    "SELECT date_trunc('month', day) AS period, count(*) AS events,"
    " count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),"
    " count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4),"
    " avg(goldstein), list(event_id) AS evidence"
    " FROM events WHERE source_code = ? AND target_code = ? AND modality = 'asserted'"
    " GROUP BY 1 ORDER BY 1"
)
ACTOR_SQL = (
    "SELECT * FROM events WHERE (source_code = ? OR target_code = ?) AND day >= ? AND day < ?"
    " ORDER BY day LIMIT 1000"
)
GRAPH_SQL = (
    "SELECT source_code, target_code, count(*) AS events,"
    " count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),"
    " count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4),"
    " avg(goldstein) FROM events WHERE day >= ? AND day < ? AND modality = 'asserted'"
    " AND source_code IS NOT NULL AND target_code IS NOT NULL GROUP BY ALL"
)


@dataclasses.dataclass(frozen=True)
class Query:
    name: str
    run: Callable[[Store], int]  # returns the number of rows (or items) it produced


@dataclasses.dataclass(frozen=True)
class Timing:
    name: str
    rows: int
    open_median: float
    open_max: float
    fresh_median: float
    fresh_max: float


def graph_module() -> tuple[ModuleType | None, str]:
    """actorgraph.graph when it can be imported and has the functions timed here; else why not."""
    try:
        module = importlib.import_module("actorgraph.graph")
    except Exception as exc:  # absent, or broken while being written: time the SQL alone
        return None, f"cannot import actorgraph.graph ({exc!r})"
    if hasattr(module, "dyad_series") and hasattr(module, "period_graph"):
        return module, "yes"
    return None, "actorgraph.graph has no dyad_series or period_graph"


def sql_query(name: str, sql: str, args: Sequence[Any]) -> Query:
    def run(store: Store) -> int:
        return len(store.con.execute(sql, list(args)).fetchall())

    return Query(name, run)


def actor_events_objects(code: str) -> Query:
    def run(store: Store) -> int:
        cur = store.con.execute(ACTOR_SQL, [code, code, *MONTH])
        names = [c[0] for c in cur.description]
        return len([event_from_row(dict(zip(names, r, strict=True))) for r in cur.fetchall()])

    return Query(f"actor {code}, {MONTH[0]:%Y-%m}: SQL as Event objects", run)


def pick(store: Store) -> tuple[list[tuple[str, str, int]], list[tuple[str, int]]]:
    """Dyads (directed, stored codes) and actors (either side), most active first."""
    dyads = store.con.execute(
        "SELECT source_code, target_code, count(*) FROM events WHERE source_code IS NOT NULL"
        " AND target_code IS NOT NULL GROUP BY ALL ORDER BY 3 DESC, 1, 2"
    ).fetchall()
    actors = store.con.execute(
        "SELECT code, count(*) FROM (SELECT source_code AS code FROM events UNION ALL"
        " SELECT target_code FROM events) WHERE code IS NOT NULL GROUP BY ALL ORDER BY 2 DESC, 1"
    ).fetchall()
    return [(a, b, int(c)) for a, b, c in dyads], [(a, int(c)) for a, c in actors]


def queries(store: Store, graph: ModuleType | None) -> tuple[list[Query], list[str]]:
    dyads, actors = pick(store)
    notes: list[str] = []
    # The floor under every 'fresh' figure: opening and closing the Store around a trivial query.
    out: list[Query] = [sql_query("baseline: SELECT 1 (fresh = Store open + close)", "SELECT 1", [])]
    for label, (a, b, count) in (("top", dyads[0]), ("median", dyads[len(dyads) // 2])):
        notes.append(f"{label} dyad {a}->{b}: {count} events (of {len(dyads)} directed dyads)")
        if graph is not None:
            fa, fb = fold_code(a), fold_code(b)

            def api(s: Store, fa: str = fa, fb: str = fb) -> int:
                assert graph is not None
                return len(graph.dyad_series(s, fa, fb, "month"))

            out.append(Query(f"dyad series {label} {fa}-{fb}: graph.dyad_series (folded, both ways)", api))
        out.append(sql_query(f"dyad series {label} {a}->{b}: SQL", DYAD_SQL, [a, b]))
    month = f"{MONTH[0]:%Y-%m}"
    for label, (code, count) in (("top", actors[0]), ("median", actors[len(actors) // 2])):
        notes.append(f"{label} actor {code}: {count} events as source or target")
        name = f"actor {label} {code}, {month}: SQL, 1000 rows"
        out.append(sql_query(name, ACTOR_SQL, [code, code, *MONTH]))
        if label == "top":
            out.append(actor_events_objects(code))

            def listed(s: Store, code: str = code) -> int:
                return sum(1 for _ in s.events(actor=code, since=MONTH[0], limit=1000))

            out.append(Query(f"actor {label} {code}: Store.events(actor, since={month}, limit=1000)", listed))
    if graph is not None:

        def month_graph(s: Store) -> int:
            assert graph is not None
            return len(graph.period_graph(s, *MONTH).edges)

        out.append(Query(f"graph of {month}: graph.period_graph (folded)", month_graph))
    out.append(sql_query(f"graph of {month}: SQL", GRAPH_SQL, list(MONTH)))
    return out, notes


def time_query(path: str, query: Query) -> Timing:
    with Store(path, read_only=True) as store:
        rows = query.run(store)  # warm-up
        kept = []
        for _ in range(RUNS):
            start = time.perf_counter()
            query.run(store)
            kept.append((time.perf_counter() - start) * 1000)
    fresh = []
    for k in range(RUNS + 1):
        start = time.perf_counter()
        with Store(path, read_only=True) as store:
            query.run(store)
        if k:  # the first is the warm-up
            fresh.append((time.perf_counter() - start) * 1000)
    return Timing(query.name, rows, statistics.median(kept), max(kept), statistics.median(fresh), max(fresh))


# --- ingest ------------------------------------------------------------------------------------------


def code_sample(source: Path) -> tuple[list[CodedDocument], float, int]:
    """The sample coded (a warm-up pass first); the seconds and words of the timed pass."""
    docs = [d for d in read_paths([source]) if isinstance(d, Document)]
    pipeline = Pipeline()
    list(pipeline.run(docs))  # warm-up: lazy loads happen once per process
    start = time.perf_counter()
    coded = [c for c in pipeline.run(docs) if isinstance(c, CodedDocument)]
    seconds = time.perf_counter() - start
    words = sum(
        len(d.text[b.start : b.end].split()) for d in docs for b in d.blocks if b.voice != "boilerplate"
    )
    return coded, seconds, words


def copies(sample: Sequence[CodedDocument], n_events: int, salt: str) -> list[CodedDocument]:
    """Copies of the sample with distinct document and event ids, at least ``n_events`` events."""
    per_pass = sum(len(c.events) for c in sample)
    out: list[CodedDocument] = []
    for k in range(max(1, math.ceil(n_events / max(per_pass, 1)))):

        def new_id(old: str, k: int = k) -> str:
            return hashlib.sha256(f"{salt}:{k}:{old}".encode()).hexdigest()[:16]

        for c in sample:
            doc_id = new_id(c.document.doc_id)
            events = tuple(
                dataclasses.replace(e, event_id=new_id(e.event_id), doc_id=doc_id) for e in c.events
            )
            document = dataclasses.replace(c.document, doc_id=doc_id)
            out.append(dataclasses.replace(c, document=document, events=events))
    return out


def write_add_many(path: str, batch: Sequence[CodedDocument]) -> tuple[float, float]:
    """Seconds to write with one open Store, FLUSH_DOCUMENTS per add_many; and the slowest batch."""
    slowest = 0.0
    with Store(path) as store:
        start = time.perf_counter()
        for k in range(0, len(batch), FLUSH_DOCUMENTS):
            t = time.perf_counter()
            store.add_many(batch[k : k + FLUSH_DOCUMENTS])
            slowest = max(slowest, time.perf_counter() - t)
        seconds = time.perf_counter() - start
    return seconds, slowest


def write_ingest(path: str, batch: Sequence[CodedDocument]) -> tuple[float, float]:
    """Seconds to write through Ingest (the Store opened and closed per batch); and the slowest flush."""
    slowest = 0.0
    with Ingest(path, flush_seconds=1e9) as ingest:
        start = time.perf_counter()
        for c in batch:
            t = time.perf_counter()
            ingest.put(c)
            slowest = max(slowest, time.perf_counter() - t)
        t = time.perf_counter()
        ingest.flush()
        slowest = max(slowest, time.perf_counter() - t)
        seconds = time.perf_counter() - start
    return seconds, slowest


# --- report ------------------------------------------------------------------------------------------


def machine() -> str:
    ram = "?"
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, {ram} RAM, Python {platform.python_version()},"
        f" DuckDB {duckdb.__version__}"
    )


def ms(value: float) -> str:
    return f"**{value:.0f}**" if value > LIMIT_MS else f"{value:.0f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--db", default=DEFAULT_DB)
    ap.add_argument("--source", type=Path, default=ROOT / "examples")
    ap.add_argument("--ingest-events", type=int, default=INGEST_EVENTS)
    a = ap.parse_args()
    path = str(a.db)

    steps = existing(path, a.events)
    reused = steps is not None
    if steps is None:
        log(f"building {path} with {a.events} events")
        steps = build(path, a.events)
    else:
        log(f"reusing {path}")
    size_gb = os.path.getsize(path) / 1024**3

    graph, graph_status = graph_module()
    log(f"queries through actorgraph.graph: {graph_status}")
    with Store(path, read_only=True) as store:
        qs, notes = queries(store, graph)
        counts = {t: store.count(t) for t in ("events", "documents", "clusters", "cluster_members")}
    timings: list[Timing] = []
    failed: list[str] = []
    for q in qs:
        log(f"timing {q.name}")
        try:
            timings.append(time_query(path, q))
        except Exception as exc:  # e.g. actorgraph.graph changed under the benchmark: report, go on
            failed.append(f"{q.name}: {exc!r}")

    log(f"coding {a.source}")
    sample, code_seconds, words = code_sample(a.source)
    sample_events = sum(len(c.events) for c in sample)
    coder_rate = sample_events / code_seconds
    writes: list[tuple[str, int, float, float]] = []
    scratch = tempfile.mkdtemp(prefix="actorgraph-bench-")
    try:
        for mode, write in (("Store.add_many", write_add_many), ("Ingest", write_ingest)):
            batch = copies(sample, a.ingest_events, f"empty-{mode}")
            n = sum(len(c.events) for c in batch)
            log(f"writing {n} events into an empty store ({mode})")
            seconds, slowest = write(os.path.join(scratch, f"empty-{mode}.duckdb"), batch)
            writes.append((f"empty store, {mode}", n, seconds, slowest))
        big = os.path.join(scratch, "big.duckdb")
        log(f"copying {path} ({size_gb:.2f} GiB)")
        shutil.copyfile(path, big)
        for mode, write in (("Store.add_many", write_add_many), ("Ingest", write_ingest)):
            batch = copies(sample, a.ingest_events, f"big-{mode}")
            n = sum(len(c.events) for c in batch)
            log(f"writing {n} events into a copy of the {a.events}-event store ({mode})")
            seconds, slowest = write(big, batch)
            writes.append((f"{a.events:,}-event store (copy), {mode}", n, seconds, slowest))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    argv = " ".join(sys.argv[1:])
    print(f"command: .venv/bin/python bench/store_queries.py {argv}".rstrip())
    print(f"date: {dt.date.today()}; machine: {machine()}")
    print(
        f"store: {path}, {size_gb:.2f} GiB; " + ", ".join(f"{v:,} {k}" for k, v in counts.items())
        + "; schema from Store(path), events inserted ordered by day (as time-ordered news ingest would)"
    )
    built = ", ".join(f"{k} {v:.0f} s" for k, v in steps.items())
    print(f"build: {'reused (built earlier: ' + built + ')' if reused else built}")
    through = graph_status if graph is not None else f"no, SQL only: {graph_status}"
    print(f"queries through actorgraph.graph: {through}")
    for note in notes:
        print(f"- {note}")
    print()
    print(f"Query latency, ms: 1 warm-up then {RUNS} runs; bold is over {LIMIT_MS:.0f} ms.")
    print("'open' reuses one read-only Store; 'fresh' opens Store(path, read_only=True), queries, closes.")
    print()
    print("| query | rows | open median | open max | fresh median | fresh max |")
    print("|---|---:|---:|---:|---:|---:|")
    for t in timings:
        print(f"| {t.name} | {t.rows} | {ms(t.open_median)} | {ms(t.open_max)} "
              f"| {ms(t.fresh_median)} | {ms(t.fresh_max)} |")
    for f in failed:
        print(f"| {f} (failed) | | | | | |")
    print()
    print(f"Ingest vs coder: sample {a.source} ({len(sample)} documents, {words} words,"
          f" {sample_events} events) coded in {code_seconds:.2f} s after a warm-up pass"
          f" = {coder_rate:.1f} events/s"
          f" ({words / code_seconds:.0f} words/s). Writes in batches of {FLUSH_DOCUMENTS} documents.")
    print()
    print("| write into | events | seconds | events/s | slowest batch ms | store / coder |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, n, seconds, slowest in writes:
        rate = n / seconds
        print(f"| {name} | {n} | {seconds:.2f} | {rate:.0f} | {slowest * 1000:.0f} "
              f"| {rate / coder_rate:.2f} |")
    print()
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()

"""A bounded load test: the HTTP API under concurrent clients while an ingest writes.

    python bench/load.py [--events 100000] [--clients 50] [--seconds 60] [--think 0]

Loopback only, everything in a temporary folder (removed at the end unless ``--keep``):

1. Builds a store of ``--events`` synthetic events with ``bench/store_queries.py``'s ``build``
   (events, documents, actors, clusters in a few SQL statements), then adds in SQL what the
   API also reads: each event's sentence as a stored sentence (documents' text is their
   sentences), actor mentions for its source and target, one block per document, and a few
   hundred asserted relations.
2. Writes a corpus of plain-text news documents ("Russian jets bombed rebel positions near
   Idlib on Tuesday, officials said.", varied actors, acts, places and days) and times
   ``actorgraph ingest`` of it alone into a copy of the store. The corpus is doubled (and the
   run repeated) while that ingest writes for less than ``--seconds``, so that it still writes
   during the whole load window below, where it runs slower.
3. Starts ``actorgraph serve`` (uvicorn, one process) on 127.0.0.1 and a free port over
   another copy, checks that every endpoint in the mix returns real data, and warms the
   coder of POST /api/code (its first call loads the model).
4. Starts ``actorgraph ingest`` of the same corpus into that copy; when its first batch is
   committed, runs ``--clients`` clients (asyncio, one httpx.AsyncClient, so one connection,
   each) for ``--seconds`` or ``--max-requests`` requests in all, each looping over a mix of
   GET requests as the web UI makes them (events with filters and pages, a month's graph and
   coalitions, dyads, actors, an actor's page, search, a document, documents, clusters,
   periods) and, rarely, POST /api/code; ``--think`` seconds on average between a client's
   requests (0: back to back; with a think time, clients also start spread over it).
5. Waits for the ingest to finish; its batches are read afterwards from the documents'
   ``ingested_at`` (one timestamp per batch), so nothing polls the store during the window.

Prints Markdown: totals, errors by kind, latency percentiles overall and per endpoint,
throughput, the ingest under load vs alone, latency near and away from the ingest's writes,
CPU used by each process, the machine and the load average. Progress goes to stderr. Exit
code 0 when the target holds (no errors, p99 under 500 ms, the ingest finished), else 1.

To find causes: ``--no-ingest`` (the same load, no writer), ``--exclude /api/dyads`` (an
endpoint out of the mix), ``--trace-writes`` (times each write turn of the ingest: waiting for
the turnstile and the readers inside, writing, closing; the same CLI, run from a wrapper that
times its Store), ``--clients 1`` (service times without queueing). Results: RELIABILITY.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import datetime as dt
import itertools
import json
import math
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
import store_queries  # bench/store_queries.py: the synthetic store

from actorgraph.cameo import fold_code
from actorgraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ACTORGRAPH = str(BIN / "actorgraph") if (BIN / "actorgraph").exists() else "actorgraph"
TARGET_P99_MS = 500.0
REQUEST_TIMEOUT = 120.0  # longer than the store's lock timeout (60 s): a stuck turn shows as slow
INGEST_DATE = "2024-06-15"  # the corpus's publication date: its events fall in the synthetic range
DOCS_PER_SECOND = 10  # a first guess at the coder's pace on 240-word documents (2 cores)
SENTENCES_PER_DOC = 16

# --- the synthetic store --------------------------------------------------------------------------


def augment(path: str) -> None:
    """Add what the API reads besides events: sentences, documents' text, blocks, mentions, relations.

    The synthetic events hold one sentence each (8 per document, indices 0-7); a document's text
    becomes its sentences joined by spaces, so sentence spans and mentions are real offsets.
    """
    with Store(path) as store:
        con = store.con
        con.execute("""
        CREATE TEMP TABLE load_sentences AS
        WITH s AS (SELECT doc_id, sentence_index, any_value(sentence) AS text, any_value(voice) AS voice
                   FROM events GROUP BY doc_id, sentence_index)
        SELECT *, coalesce(sum(length(text) + 1) OVER (PARTITION BY doc_id ORDER BY sentence_index
                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::INTEGER AS start_char
        FROM s
        """)
        con.execute(
            "INSERT INTO sentences SELECT doc_id, sentence_index, 0, start_char,"
            " start_char + length(text), text, voice FROM load_sentences ORDER BY doc_id, sentence_index"
        )
        con.execute("""
        UPDATE documents SET text = t.text FROM (
            SELECT doc_id, string_agg(text, ' ' ORDER BY sentence_index) AS text
            FROM load_sentences GROUP BY doc_id) t
        WHERE documents.doc_id = t.doc_id
        """)
        con.execute("INSERT INTO blocks SELECT doc_id, 0, 0, length(text), 'author', NULL, 0 FROM documents")
        # The source is named first in its sentence; the target after the act's name.
        con.execute("""
        INSERT INTO mentions
        WITH m AS (
            SELECT e.doc_id, e.sentence_index, s.start_char AS base, e.sentence,
                e.source_text, e.source_code, e.source_country, e.source_sector,
                e.target_text, e.target_code, e.target_country, e.target_sector,
                length(coalesce(e.source_text, 'Someone')) AS after_source
            FROM events e JOIN load_sentences s USING (doc_id, sentence_index))
        SELECT doc_id, sentence_index, base, base + length(source_text), source_text, source_code, NULL,
            source_country, source_sector, CASE WHEN source_sector IS NULL THEN 'state' ELSE 'agent' END,
            'lexicon'
        FROM m WHERE source_code IS NOT NULL
        UNION ALL
        SELECT doc_id, sentence_index,
            base + after_source + strpos(sentence[after_source + 1:], target_text) - 1,
            base + after_source + strpos(sentence[after_source + 1:], target_text) - 1 + length(target_text),
            target_text, target_code, NULL, target_country, target_sector,
            CASE WHEN target_sector IS NULL THEN 'state' ELSE 'agent' END, 'lexicon'
        FROM m WHERE target_code IS NOT NULL
        """)
        # About one event in a hundred among cooperative acts also asserts a standing relation.
        con.execute(f"""
        INSERT INTO relations
        SELECT doc_id, sentence_index,
            CASE WHEN root = '04' THEN 'ally' WHEN root = '05' THEN 'backs' ELSE 'member' END,
            source_text, source_code, target_text, target_code, 'allied with', 0, 11, voice, 'synthetic'
        FROM events
        WHERE root IN ('04', '05', '06') AND source_code IS NOT NULL AND target_code IS NOT NULL
            AND {store_queries.uniform('event_id', 99)} < 0.03
        """)
        con.execute("DROP TABLE load_sentences")
        con.execute("CHECKPOINT")


def build_store(path: str, n: int) -> dict[str, float]:
    steps = store_queries.build(path, n)
    start = time.perf_counter()
    augment(path)
    steps["sentences, mentions, relations"] = time.perf_counter() - start
    steps["total"] = sum(v for k, v in steps.items() if k != "total")
    return steps


def copy_store(source: str, target: str) -> None:
    for suffix in ("", ".wal"):
        if os.path.exists(source + suffix):
            shutil.copyfile(source + suffix, target + suffix)


# --- the corpus ----------------------------------------------------------------------------------

SOURCES = (
    "Russian jets", "Syrian troops", "Turkish forces", "Iranian officials", "Israeli aircraft",
    "Hezbollah fighters", "The Syrian government", "The United States", "Ukrainian forces", "The Kremlin",
    "Iraqi police", "Kurdish militias", "Rebel groups", "The Lebanese army", "The French president",
    "German diplomats", "Chinese envoys", "Saudi officials", "The UN Security Council", "Egyptian mediators",
    "Qatari negotiators", "Jordanian troops",
)
TARGETS = (
    "rebel positions", "Syrian army posts", "Kurdish fighters", "Hezbollah targets", "Iranian advisers",
    "Russian bases", "Turkish patrols", "Ukrainian towns", "Israeli army positions", "Iraqi militias",
    "opposition leaders", "the Syrian government", "Israel", "Iran", "Russia", "Turkey",
)
ACTS = (
    "bombed", "shelled", "attacked", "struck", "accused", "condemned", "praised", "met with", "threatened",
    "criticised", "welcomed", "signed an agreement with", "sent aid to", "negotiated with",
    "arrested members of", "expelled diplomats from", "urged restraint on", "killed",
)
PLACES = (
    "Idlib", "Aleppo", "Damascus", "Homs", "Raqqa", "Deir ez-Zor", "Mosul", "Baghdad", "Beirut", "Kharkiv",
    "Donetsk", "Gaza", "Tyre", "Afrin", "Manbij", "Latakia", "Kirkuk", "Basra",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TAILS = (
    "officials said", "according to local sources", "a monitoring group reported",
    "witnesses told reporters", "the ministry said in a statement",
)


def news_sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(SOURCES)} {rng.choice(ACTS)} {rng.choice(TARGETS)} near {rng.choice(PLACES)}"
        f" on {rng.choice(DAYS)}, {rng.choice(TAILS)}."
    )


def write_corpus(folder: Path, first: int, count: int) -> int:
    """Documents ``first`` .. ``first + count - 1`` (a title, 4 paragraphs of 4 sentences); words."""
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for k in range(first, first + count):
        rng = random.Random(k)
        title = f"Report {k}: {news_sentence(rng)[:-1]}"
        paragraphs = [
            " ".join(news_sentence(rng) for _ in range(4)) for _ in range(SENTENCES_PER_DOC // 4)
        ]
        text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / f"news_{k:05d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


# --- processes -----------------------------------------------------------------------------------


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a live process (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def loadavg() -> str:
    try:
        with open("/proc/loadavg", encoding="ascii") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


@dataclasses.dataclass
class IngestRun:
    """One ``actorgraph ingest`` process: wall-clock start and end (epoch s), exit code, CPU."""

    start: float
    end: float = 0.0
    code: int | None = None
    cpu: float = 0.0
    stderr: str = ""


# ``--trace-writes`` runs the same command line (actorgraph.cli.main) with the writer's Store
# timed: one JSON line per write turn, [asked, opened, written, closed] (epoch s) and documents.
# Asked -> opened is the wait for the turnstile and for the readers inside to close; a turn that
# never opened (the store stayed busy) is [asked, gave up, None, None].
TRACER = """
import json, sys, time
from actorgraph.store.database import Store
trace, init, close = open(sys.argv.pop(1), "a"), Store.__init__, Store.close
def timed_init(self, *a, **k):
    asked = time.time()
    try:
        init(self, *a, **k)
    except BaseException:
        if not k.get("read_only") and not a[1:2] == (True,):
            trace.write(json.dumps([asked, time.time(), None, None]) + "\\n")
            trace.flush()
        raise
    self._load_times = (asked, time.time())
def timed_close(self):
    if self.read_only or self.con is None:
        return close(self)
    closing = time.time()
    close(self)
    trace.write(json.dumps([*self._load_times, closing, time.time()]) + "\\n")
    trace.flush()
Store.__init__, Store.close = timed_init, timed_close
from actorgraph.cli import main
sys.exit(main(sys.argv[1:]))
"""


# Scheduling priority of the ingest (`--ingest-nice`): 0 runs it as a user would by default.
INGEST_NICE = 0


def start_ingest(
    corpus: Path, db: str, log_path: Path, trace: Path | None = None
) -> tuple[subprocess.Popen[bytes], IngestRun]:
    run = IngestRun(time.time())
    command = [ACTORGRAPH, "ingest", str(corpus), "--db", db, "--date", INGEST_DATE]
    if trace is not None:
        command = [sys.executable, "-c", TRACER, str(trace), *command[1:]]
    if INGEST_NICE:
        command = ["nice", "-n", str(INGEST_NICE), *command]
    with open(log_path, "wb") as err:
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err)
    return proc, run


def write_turns(trace: Path) -> tuple[list[tuple[float, float, float, float]], list[tuple[float, float]]]:
    """The writer's turns from a ``--trace-writes`` file: (asked, opened, written, closed), epoch s;
    and the turns that never opened: (asked, gave up)."""
    if not trace.exists():
        return [], []
    done, failed = [], []
    for line in trace.read_text(encoding="utf-8").splitlines():
        a, b, c, d = json.loads(line)
        if c is None:
            failed.append((float(a), float(b)))
        else:
            done.append((float(a), float(b), float(c), float(d)))
    return done, failed


def finish_ingest(proc: subprocess.Popen[bytes], run: IngestRun, log_path: Path, timeout: float) -> None:
    try:
        run.code = proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        run.code = proc.wait()
        run.stderr = f"killed after {timeout:.0f} s; "
    run.end = time.time()
    run.stderr += log_path.read_text(encoding="utf-8", errors="replace").strip()


def batches(db: str, since: float) -> list[tuple[float, int]]:
    """The ingest's batches in ``db`` after ``since`` (epoch s): (time, documents), oldest first.

    A batch's documents share one ``ingested_at`` (UTC), taken just before its transaction.
    """
    mark = dt.datetime.fromtimestamp(since - 1, dt.UTC).replace(tzinfo=None)
    with Store(db, read_only=True) as store:
        rows = store.con.execute(
            "SELECT ingested_at, count(*) FROM documents WHERE ingested_at >= ? GROUP BY 1 ORDER BY 1", [mark]
        ).fetchall()
    return [(r[0].replace(tzinfo=dt.UTC).timestamp(), int(r[1])) for r in rows]


def counts(db: str) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        return {t: store.count(t) for t in ("documents", "events", "sentences", "mentions", "clusters")}


def ingest_alone(
    corpus: Path, base: str, db: str, scratch: Path, trace: Path | None
) -> tuple[IngestRun, list[tuple[float, int]]]:
    for suffix in ("", ".wal"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(db + suffix)
    copy_store(base, db)
    log_path = scratch / "ingest-alone.log"
    proc, run = start_ingest(corpus, db, log_path, trace)
    finish_ingest(proc, run, log_path, timeout=3600)
    run.cpu = 0.0  # the child has exited: its CPU time is not in /proc any more
    return run, batches(db, run.start)


# --- the request mix -----------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Request:
    label: str  # the endpoint, as reported
    method: str
    path: str
    params: dict[str, str | int]
    body: dict[str, Any] | None = None


@dataclasses.dataclass(frozen=True)
class Sample:
    label: str
    start: float  # seconds since the window opened
    seconds: float
    status: int | None
    error: str | None  # None, "HTTP 503", or an exception's class name
    cached: bool = False  # answered from the server's response cache (X-Cache: hit)


@dataclasses.dataclass
class Plan:
    """What the clients ask for, drawn from the store so that every request finds data."""

    actors: list[str]  # most active first
    names: list[str]
    dyads: list[tuple[str, str]]
    months: list[dt.date]
    doc_ids: list[str]
    event_ids: list[str]
    searches: list[str]
    code_texts: list[str]
    code_share: float
    mix: list[tuple[str, float, Callable[[random.Random], Request]]] = dataclasses.field(default_factory=list)

    def __post_init__(self) -> None:
        # Weights: what the UI asks for as a user browses (lists, pages, the graph), per 100 requests.
        self.mix = [
            ("GET /api/events?actor", 10, self.events_by_actor),
            ("GET /api/events?filters", 8, self.events_filtered),
            ("GET /api/events?ids", 3, self.events_by_id),
            ("GET /api/graph", 10, self.graph),
            ("GET /api/coalitions", 4, self.coalitions),
            ("GET /api/dyads", 8, self.dyads_),
            ("GET /api/actors", 8, self.actor_list),
            ("GET /api/actors/{code}", 12, self.actor_page),
            ("GET /api/search", 10, self.search),
            ("GET /api/documents/{id}", 12, self.document),
            ("GET /api/documents", 3, self.documents),
            ("GET /api/clusters", 5, self.clusters),
            ("GET /api/periods", 2, self.periods),
        ]
        scale = (1 - self.code_share) / sum(w for _, w, _ in self.mix)
        self.mix = [(label, w * scale, f) for label, w, f in self.mix]
        self.mix.append(("POST /api/code", self.code_share, self.code))

    def pick(self, rng: random.Random) -> Request:
        [(_, _, make)] = rng.choices(self.mix, weights=[w for _, w, _ in self.mix])
        return make(rng)

    def actor(self, rng: random.Random) -> str:
        # Mostly the busy actors (a user looks up who is in the news), sometimes any.
        return rng.choice(self.actors[:40] if rng.random() < 0.8 else self.actors)

    def month(self, rng: random.Random) -> tuple[str, str]:
        first = rng.choice(self.months) if rng.random() < 0.8 else dt.date(2024, 6, 1)  # the ingest's
        after = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return first.isoformat(), after.isoformat()

    def events_by_actor(self, rng: random.Random) -> Request:
        limit = rng.choice((50, 100))
        return Request("GET /api/events?actor", "GET", "/api/events",
                       {"actor": self.actor(rng), "limit": limit, "offset": limit * rng.randrange(5)})

    def events_filtered(self, rng: random.Random) -> Request:
        params: dict[str, str | int] = {"limit": 50, "offset": 50 * rng.randrange(3)}
        start, end = self.month(rng)
        for key, value in (
            ("root", f"{rng.randint(1, 20):02d}"), ("quad_class", rng.randint(1, 4)),
            ("voice", rng.choice(("author", "quoted", "comment"))), ("start", start), ("end", end),
            ("place", rng.choice(self.actors[:20])[:3]),
        ):
            if rng.random() < 0.4:
                params[key] = value
        return Request("GET /api/events?filters", "GET", "/api/events", params)

    def events_by_id(self, rng: random.Random) -> Request:
        ids = ",".join(rng.sample(self.event_ids, 10))
        return Request("GET /api/events?ids", "GET", "/api/events", {"ids": ids})

    def graph(self, rng: random.Random) -> Request:
        start, end = self.month(rng)
        return Request("GET /api/graph", "GET", "/api/graph", {"start": start, "end": end})

    def coalitions(self, rng: random.Random) -> Request:
        start, end = self.month(rng)
        return Request("GET /api/coalitions", "GET", "/api/coalitions", {"start": start, "end": end})

    def dyads_(self, rng: random.Random) -> Request:
        a, b = rng.choice(self.dyads)
        return Request("GET /api/dyads", "GET", "/api/dyads", {"source": a, "target": b, "period": "month"})

    def actor_list(self, rng: random.Random) -> Request:
        params: dict[str, str | int] = {"limit": 100}
        if rng.random() < 0.5:
            params["q"] = rng.choice(self.names)[: rng.randint(3, 6)]
        return Request("GET /api/actors", "GET", "/api/actors", params)

    def actor_page(self, rng: random.Random) -> Request:
        code = self.actor(rng)
        params: dict[str, str | int] = {"fold": "true"} if len(code) == 3 and rng.random() < 0.5 else {}
        return Request("GET /api/actors/{code}", "GET", f"/api/actors/{code}", params)

    def search(self, rng: random.Random) -> Request:
        return Request("GET /api/search", "GET", "/api/search", {"q": rng.choice(self.searches), "limit": 50})

    def document(self, rng: random.Random) -> Request:
        return Request("GET /api/documents/{id}", "GET", f"/api/documents/{rng.choice(self.doc_ids)}", {})

    def documents(self, rng: random.Random) -> Request:
        params: dict[str, str | int] = {"limit": 50, "offset": 50 * rng.randrange(20)}
        return Request("GET /api/documents", "GET", "/api/documents", params)

    def clusters(self, rng: random.Random) -> Request:
        params: dict[str, str | int] = {"limit": 100, "offset": 100 * rng.randrange(5)}
        params["min_documents"] = rng.choice((1, 1, 2))
        return Request("GET /api/clusters", "GET", "/api/clusters", params)

    def periods(self, rng: random.Random) -> Request:
        return Request("GET /api/periods", "GET", "/api/periods", {"period": rng.choice(("month", "week"))})

    def code(self, rng: random.Random) -> Request:
        body = {"text": rng.choice(self.code_texts), "date": INGEST_DATE}
        return Request("POST /api/code", "POST", "/api/code", {}, body)


def make_plan(db: str, code_share: float, seed: int, exclude: Sequence[str] = ()) -> Plan:
    rng = random.Random(seed)
    with Store(db, read_only=True) as store:
        con = store.con
        actors = [r[0] for r in con.execute(
            "SELECT code FROM (SELECT source_code AS code FROM events"
            " UNION ALL SELECT target_code FROM events) WHERE code IS NOT NULL"
            " GROUP BY code ORDER BY count(*) DESC, code"
        ).fetchall()]
        names = [r[0] for r in con.execute("SELECT DISTINCT name FROM actors ORDER BY 1").fetchall()]
        pairs = con.execute(
            "SELECT source_code, target_code, count(*) FROM events WHERE source_code IS NOT NULL"
            " AND target_code IS NOT NULL GROUP BY ALL ORDER BY 3 DESC, 1, 2 LIMIT 400"
        ).fetchall()
        months = [r[0] for r in con.execute(
            "SELECT DISTINCT date_trunc('month', day)::DATE FROM events WHERE day IS NOT NULL ORDER BY 1"
        ).fetchall()]
        doc_ids = [r[0] for r in con.execute(
            "SELECT doc_id FROM documents USING SAMPLE 500 ROWS (reservoir, 7) ORDER BY 1").fetchall()]
        event_ids = [r[0] for r in con.execute(
            "SELECT event_id FROM events USING SAMPLE 2000 ROWS (reservoir, 7) ORDER BY 1").fetchall()]
    dyads: list[tuple[str, str]] = []
    for a, b, _ in pairs:
        fa, fb = fold_code(a), fold_code(b)
        if fa != fb and (fa, fb) not in dyads and len(dyads) < 60:
            dyads.append((fa, fb))
    country_words = [n for n in names if " " not in n][:30]
    searches = [
        *country_words, "military", "government statement", "rebels", "officials said", "Russia military",
        "Idlib", "bombed", "near Aleppo", "jets bombed", "Hezbollah", "Iran condemned", "ceasefire",
    ]
    code_texts = [" ".join(news_sentence(rng) for _ in range(3)) for _ in range(20)]
    plan = Plan(actors, names, dyads, months, doc_ids, event_ids, searches, code_texts, code_share)
    plan.mix = [m for m in plan.mix if not any(e and e in m[0] for e in exclude)]
    return plan


def check_endpoints(base_url: str, plan: Plan) -> list[tuple[str, str, float]]:
    """Each kind of request once, with the size of what it returned: the load test must find data.

    Raises when an endpoint fails or returns nothing. The first POST /api/code loads the coder.
    """
    a, b = plan.dyads[0]
    month: dict[str, str | int] = {"start": "2020-06-01", "end": "2020-07-01"}
    probes: list[tuple[Request, Callable[[Any], int], str]] = [
        (Request("", "GET", "/api/events", {"actor": plan.actors[0], "limit": 100}),
         lambda j: int(j["total"]), "events of the top actor"),
        (Request("", "GET", "/api/events", {"root": "19", "start": month["start"], "end": month["end"]}),
         lambda j: int(j["total"]), "events, root 19, in 2020-06"),
        (Request("", "GET", "/api/events", {"ids": ",".join(plan.event_ids[:10])}),
         lambda j: len(j["events"]), "events by id"),
        (Request("", "GET", "/api/graph", month), lambda j: len(j["edges"]), "graph edges, 2020-06"),
        (Request("", "GET", "/api/coalitions", month), len, "coalitions, 2020-06"),
        (Request("", "GET", "/api/dyads", {"source": a, "target": b}), lambda j: len(j["series"]),
         f"dyad {a}-{b}: months"),
        (Request("", "GET", "/api/actors", {"limit": 100}), len, "actors"),
        (Request("", "GET", f"/api/actors/{plan.actors[0]}", {}), lambda j: len(j["recent"]),
         f"actor page {plan.actors[0]}: recent events"),
        (Request("", "GET", "/api/search", {"q": "military"}), len, "search 'military': sentences"),
        (Request("", "GET", f"/api/documents/{plan.doc_ids[0]}", {}),
         lambda j: len(j["sentences"]) + len(j["events"]) + len(j["mentions"]),
         "a document: sentences + events + mentions"),
        (Request("", "GET", "/api/documents", {"limit": 50}), lambda j: len(j["documents"]), "documents"),
        (Request("", "GET", "/api/clusters", {"limit": 100}), len, "clusters"),
        (Request("", "GET", "/api/periods", {}), len, "periods (months)"),
        (Request("", "POST", "/api/code", {}, {"text": plan.code_texts[0], "date": INGEST_DATE}),
         lambda j: len(j["events"]), "POST /api/code: events (first call loads the coder)"),
    ]
    out: list[tuple[str, str, float]] = []
    with httpx.Client(base_url=base_url, timeout=300) as client:
        for req, size, what in probes:
            start = time.perf_counter()
            r = client.request(req.method, req.path, params=req.params, json=req.body)
            seconds = time.perf_counter() - start
            if r.status_code != 200:
                detail = f"HTTP {r.status_code} {r.text[:200]}"
                raise RuntimeError(f"{req.method} {req.path} {req.params}: {detail}")
            n = size(r.json())
            if n < 1:
                raise RuntimeError(f"{req.method} {req.path} {req.params}: no data ({what})")
            out.append((what, str(n), seconds))
    return out


# --- the clients ---------------------------------------------------------------------------------


@dataclasses.dataclass
class Budget:
    left: int

    def take(self) -> bool:
        if self.left <= 0:
            return False
        self.left -= 1
        return True


async def client(
    k: int, http: httpx.AsyncClient, plan: Plan, window: tuple[float, float], think: float, budget: Budget,
    samples: list[Sample],
) -> None:
    rng = random.Random(1000 + k)
    opened, deadline = window
    if think > 0:  # users arrive spread over one think time, not all in the first millisecond
        await asyncio.sleep(rng.uniform(0, 2 * think))
    async with http:
        while time.monotonic() < deadline and budget.take():
            req = plan.pick(rng)
            start = time.monotonic()
            status: int | None = None
            error: str | None = None
            cached = False
            try:
                r = await http.request(req.method, req.path, params=req.params, json=req.body)
                status = r.status_code
                cached = r.headers.get("x-cache") == "hit"
                if not 200 <= status < 300:
                    error = f"HTTP {status}"
            except httpx.HTTPError as exc:
                error = type(exc).__name__
            samples.append(Sample(req.label, start - opened, time.monotonic() - start, status, error, cached))
            if think > 0:
                await asyncio.sleep(rng.uniform(0, 2 * think))


async def loop_lag(deadline: float, lags: list[float], tick: float = 0.05) -> None:
    """How late the clients' event loop wakes up: time added to every latency by the client side."""
    while time.monotonic() < deadline:
        asked = time.monotonic()
        await asyncio.sleep(tick)
        lags.append(time.monotonic() - asked - tick)


async def run_clients(
    base_url: str, plan: Plan, clients: int, seconds: float, think: float, max_requests: int
) -> tuple[list[Sample], float, list[float]]:
    samples: list[Sample] = []
    lags: list[float] = []
    # Made before the window opens: making one costs tens of ms (its SSL context), on the loop.
    https = [httpx.AsyncClient(base_url=base_url, timeout=REQUEST_TIMEOUT) for _ in range(clients)]
    opened = time.monotonic()
    window = (opened, opened + seconds)
    budget = Budget(max_requests)
    await asyncio.gather(
        loop_lag(window[1], lags),
        *(client(k, http, plan, window, think, budget, samples) for k, http in enumerate(https)),
    )
    return samples, time.monotonic() - opened, lags


# --- the report ----------------------------------------------------------------------------------


def pct(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile of ``values`` (seconds) in ms."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)] * 1000


def ms(value: float) -> str:
    if math.isnan(value):
        return "-"
    return f"**{value:.0f}**" if value > TARGET_P99_MS else f"{value:.0f}"


def latency_row(label: str, group: Sequence[Sample], total: int) -> str:
    seconds = [s.seconds for s in group]
    errors = sum(1 for s in group if s.error)
    cached = sum(1 for s in group if s.cached)
    return (
        f"| {label} | {len(group)} | {100 * len(group) / max(total, 1):.1f}% | {errors}"
        f" | {100 * cached / max(len(group), 1):.0f}%"
        f" | {ms(pct(seconds, 50))} | {ms(pct(seconds, 90))} | {ms(pct(seconds, 99))}"
        f" | {ms(max(seconds) * 1000)} |"
    )


def overlaps(samples: Sequence[Sample], spans: Sequence[tuple[float, float]]) -> list[bool]:
    """Whether each request was in flight during one of ``spans`` (seconds since the window opened)."""
    return [any(s.start <= hi and s.start + s.seconds >= lo for lo, hi in spans) for s in samples]


def ingest_section(
    info: dict[str, Any],
    samples: list[Sample],
    load_run: IngestRun,
    alone_run: IngestRun,
    load_batches: list[tuple[float, int]],
    alone_batches: list[tuple[float, int]],
) -> list[float]:
    """The ingest under load vs alone, and latency during its write turns; the batches' marks."""
    window_start, window_end = info["window"]
    in_window = [(t, n) for t, n in load_batches if window_start <= t <= window_end]
    load_dur, alone_dur = load_run.end - load_run.start, alone_run.end - alone_run.start
    span_load = load_batches[-1][0] - load_batches[0][0] if len(load_batches) > 1 else 0.0
    span_alone = alone_batches[-1][0] - alone_batches[0][0] if len(alone_batches) > 1 else 0.0
    writing_at_end = bool(load_batches) and load_batches[-1][0] >= window_end
    print("## The ingest")
    print()
    nice = f"nice -n {INGEST_NICE} " if INGEST_NICE else ""
    print(f"corpus: {info['docs']} plain-text news documents, {info['words']:,} words,"
          f" `{nice}actorgraph ingest CORPUS --db STORE"
          f" --date {INGEST_DATE}` into a copy of the store"
          + (" (writer's turns timed: --trace-writes)" if info["trace"] else ""))
    print()
    print("| run | exit | wall s | batches | documents | first to last batch s | docs/s between"
          " | events added |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, run, bs, span, added in (
        ("alone (before the load)", alone_run, alone_batches, span_alone, info["added_alone"]),
        ("under load", load_run, load_batches, span_load, info["added_load"]),
    ):
        docs = sum(n for _, n in bs)
        rate = (docs - bs[0][1]) / span if span > 0 else float("nan")
        print(f"| {name} | {run.code} | {run.end - run.start:.1f} | {len(bs)} | {docs} | {span:.1f}"
              f" | {rate:.1f} | {added:,} |")
    print()
    if load_run.code != 0:
        print(f"- **the ingest under load failed** (exit {load_run.code}): its stderr is below")
    print(f"- under load / alone wall time: {load_dur / alone_dur:.2f}x")
    last = f"{load_batches[-1][0] - window_end:+.1f} s" if load_batches else "none"
    print(f"- batches committed during the client window: {len(in_window)}"
          f" ({sum(n for _, n in in_window)} documents); still writing when the window closed:"
          f" {'yes' if writing_at_end else 'NO'} (last batch {last} after it closed)")
    print(f"- ingest started {info['window_open'] - load_run.start:.1f} s before the window opened"
          " (model load, then the first batch)")
    gaps = [b - a for (a, _), (b, _) in itertools.pairwise(in_window)]
    if gaps:
        print(f"- gap between batches in the window: median {sorted(gaps)[len(gaps) // 2]:.1f} s,"
              f" max {max(gaps):.1f} s")
    for name, run in (("alone", alone_run), ("under load", load_run)):
        if run.code != 0 or run.stderr:
            print(f"- ingest {name} stderr: {run.stderr[-400:]!r}")
    same = info["added_alone"] == info["added_load"]
    print(f"- same content as alone: {'yes' if same else 'NO'} ({info['counts_after']})")
    print()

    # The writer's turns: while one runs (from taking the turnstile to closing the file), new
    # readers wait. Timed with --trace-writes; else guessed around each batch's timestamp.
    turns = [t for t in info["turns_load"] if t[3] >= window_start and t[0] <= window_end]
    spans = [(a - window_start, d - window_start) for a, _, _, d in turns]
    what = "in flight during one of the writer's turns (turnstile asked for -> file closed or given up)"
    if info["turns_alone"] or turns:
        print("The writer's turns, ms (asked: from asking for the turnstile to the file open,"
              " i.e. waiting for readers inside to close):")
        print()
        print("| run | turns | asked p50 | asked max | write p50 | write max | close p50 | close max"
              " | whole turn max |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for name, ts in (("alone", info["turns_alone"]), ("under load, in the window", turns)):
            if not ts:
                continue
            parts = [[(t[k + 1] - t[k]) for t in ts] for k in range(3)]
            whole = [t[3] - t[0] for t in ts]
            cells = " | ".join(f"{pct(p, 50):.0f} | {max(p) * 1000:.0f}" for p in parts)
            print(f"| {name} | {len(ts)} | {cells} | {max(whole) * 1000:.0f} |")
        print()
    for asked, gave_up in info["turns_failed"]:
        print(f"- **a write turn never opened the file**: asked {asked - window_start:+.1f} s into the"
              f" window, gave up after {gave_up - asked:.1f} s")
        spans.append((asked - window_start, gave_up - window_start))
    if info["turns_failed"]:
        print()
    if not turns and not info["turns_failed"]:
        spans = [(t - window_start - 2.0, t - window_start + 0.5) for t, _ in in_window]
        what = "in flight from 2 s before a batch's timestamp to 0.5 s after (a guess at the writer's turn)"
    flags = overlaps(samples, spans)
    near = [s.seconds for s, f in zip(samples, flags, strict=True) if f]
    away = [s.seconds for s, f in zip(samples, flags, strict=True) if not f]
    print(f"Latency near the ingest's writes ({what}) and away from them, ms:")
    print()
    print("| requests | count | p50 | p90 | p99 | max |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, group in (("near a write", near), ("away from writes", away)):
        if group:
            print(f"| {name} | {len(group)} | {ms(pct(group, 50))} | {ms(pct(group, 90))}"
                  f" | {ms(pct(group, 99))} | {ms(max(group) * 1000)} |")
    print()
    if turns:
        # Where the slowest requests fall against the turns: right after one (the reopening and
        # the queue it left) or anywhere (CPU shared with the coder).
        ends = sorted(d - window_start for _, _, _, d in turns)
        slowest = sorted(samples, key=lambda s: -s.seconds)[: max(5, len(samples) // 100)]
        cells = []
        for s in slowest:
            before = [e for e in ends if e <= s.start]
            since = f"{s.start - before[-1]:.2f} s after a turn" if before else "before the first turn"
            cells.append(f"{s.seconds * 1000:.0f} ms ({s.label}, {since})")
        print("The slowest 1% of requests, started how long after the writer's last turn ended"
              f" (turns every {pct([b - a for a, b in itertools.pairwise(ends)], 50) / 1000:.1f} s):")
        print()
        print("- " + "; ".join(cells))
        print()
    return [t - window_start for t, _ in in_window]


def report(
    args: argparse.Namespace,
    info: dict[str, Any],
    samples: list[Sample],
    elapsed: float,
    load_run: IngestRun | None,
    alone_run: IngestRun | None,
    load_batches: list[tuple[float, int]],
    alone_batches: list[tuple[float, int]],
) -> tuple[bool, float, int]:
    total = len(samples)
    errors = [s for s in samples if s.error]
    overall = [s.seconds for s in samples]
    p99 = pct(overall, 99)
    print(f"command: `{' '.join(['.venv/bin/python bench/load.py', *sys.argv[1:]])}`")
    print(f"date: {dt.date.today()}; machine: {store_queries.machine()}; {info['versions']}")
    print(f"load average (1, 5, 15 min): before {info['load_before']}, after {info['load_after']}"
          f" (2 cores: over 2 means processes queue for CPU)")
    print(f"store: {args.events:,} synthetic events built in {info['build']['total']:.1f} s; before the run "
          + ", ".join(f"{v:,} {k}" for k, v in info["counts_before"].items()))
    print(f"clients: {args.clients} (asyncio, one httpx.AsyncClient each), think time "
          f"{'none (back to back)' if args.think <= 0 else f'uniform 0-{2 * args.think:g} s'};"
          f" window {args.seconds:g} s, at most {args.max_requests:,} requests;"
          f" POST /api/code share {args.code_share:.1%}")
    flags = "".join(f" {a}" for a in info["sessions"])
    print(f"server: `actorgraph serve --db STORE --port {info['port']}{flags}` (uvicorn, 1 process,"
          " sync endpoints in AnyIO's thread pool, 40 threads by default)")
    print()
    print("Endpoint check before the load (each kind once, sequential, ingest starting):")
    print()
    print("| request | returned | ms |")
    print("|---|---:|---:|")
    for what, n, seconds in info["checks"]:
        print(f"| {what} | {n} | {seconds * 1000:.0f} |")
    print()
    ingest_ok = load_run is None or load_run.code == 0
    verdict = "met" if not errors and p99 < TARGET_P99_MS and ingest_ok else "MISSED"
    code = load_run.code if load_run else None
    failed = "" if ingest_ok else f"; the ingest under load FAILED (exit {code})"
    print(f"## Result: target (no errors, p99 < {TARGET_P99_MS:.0f} ms) {verdict}{failed}")
    print()
    print("| measure | value |")
    print("|---|---:|")
    print(f"| requests | {total:,} |")
    print(f"| errors | {len(errors)} |")
    print(f"| window | {elapsed:.1f} s |")
    print(f"| throughput | {total / elapsed:.1f} req/s |")
    for q in (50, 90, 99):
        print(f"| p{q} | {ms(pct(overall, q))} ms |")
    print(f"| max | {ms(max(overall) * 1000)} ms |")
    print()
    if errors:
        print("Errors by kind:")
        print()
        print("| endpoint | error | count |")
        print("|---|---|---:|")
        for (label, kind), n in Counter((s.label, s.error) for s in errors).most_common():
            print(f"| {label} | {kind} | {n} |")
        print()
    print("Latency per endpoint, ms (bold: over 500):")
    print()
    print("| endpoint | requests | share | errors | cache hits | p50 | p90 | p99 | max |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    groups: dict[str, list[Sample]] = defaultdict(list)
    for s in samples:
        groups[s.label].append(s)
    for label in sorted(groups, key=lambda k: -pct([s.seconds for s in groups[k]], 99)):
        print(latency_row(label, groups[label], total))
    print(latency_row("all", samples, total))
    print()

    marks: list[float] = []
    if load_run is not None and alone_run is not None:
        marks = ingest_section(info, samples, load_run, alone_run, load_batches, alone_batches)
    else:
        print("No ingest ran (--no-ingest).")
        print()
    # Throughput and latency per 10 s: whether the server keeps up, and when it does not.
    print("Per 10 s of the window, by when requests completed:")
    print()
    print("| seconds | completed | req/s | p50 | p99 | batches |")
    print("|---|---:|---:|---:|---:|---:|")
    for lo in range(0, math.ceil(elapsed), 10):
        group = [s.seconds for s in samples if lo <= s.start + s.seconds < lo + 10]
        nb = sum(1 for m in marks if lo <= m < lo + 10)
        if group:
            print(f"| {lo}-{lo + 10} | {len(group)} | {len(group) / 10:.1f} | {ms(pct(group, 50))}"
                  f" | {ms(pct(group, 99))} | {nb} |")
    print()
    cpu = info["cpu"]
    print(f"CPU during the window ({elapsed:.0f} s, 2 cores = {2 * elapsed:.0f} core-seconds): server"
          f" {cpu['server']:.0f} s, ingest {cpu['ingest']:.0f} s,"
          f" clients (this process) {cpu['clients']:.0f} s"
          f" = {(cpu['server'] + cpu['ingest'] + cpu['clients']) / elapsed:.2f} cores busy of 2")
    lags = info["lags"]
    worst = max(lags, default=0) * 1000
    print("Clients' event loop lag (added to the latencies above by this process):"
          f" p50 {pct(lags, 50):.0f} ms, p99 {pct(lags, 99):.0f} ms, max {worst:.0f} ms")
    return verdict == "met", p99, len(errors)


# --- main ----------------------------------------------------------------------------------------


def wait_healthy(base_url: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with {proc.returncode}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(base_url + "/api/health", timeout=2).status_code == 200:
                return
        time.sleep(0.2)
    raise RuntimeError("the server did not answer /api/health")


def wait_first_batch(db: str, since: float, proc: subprocess.Popen[bytes], timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return  # finished (or failed) already: reported later
        if batches(db, since):
            return
        time.sleep(0.5)
    raise RuntimeError("the ingest committed no batch in time")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000, help="synthetic events in the store")
    ap.add_argument("--clients", type=int, default=50, help="concurrent clients")
    ap.add_argument("--seconds", type=float, default=60.0, help="how long the clients run")
    ap.add_argument("--max-requests", type=int, default=200_000, help="requests in all, at most")
    ap.add_argument("--think", type=float, default=0.0,
                    help="mean seconds a client waits between requests (uniform 0-2x; 0: none)")
    ap.add_argument("--code-share", type=float, default=0.01, help="share of POST /api/code requests")
    ap.add_argument("--exclude", default="",
                    help="comma-separated endpoints to leave out of the mix, e.g. '/api/dyads'")
    ap.add_argument("--docs", type=int, default=0,
                    help="documents in the ingest corpus (default: enough to write for --seconds)")
    ap.add_argument("--no-ingest", action="store_true", help="no ingest during the load (a baseline)")
    ap.add_argument("--ingest-nice", type=int, default=0,
                    help="run the ingest under `nice -n N` (a batch job yielding the CPU to the server)")
    ap.add_argument("--trace-writes", action="store_true",
                    help="time the writer's turns (the same CLI, its Store timed from a wrapper)")
    ap.add_argument("--sessions", type=int, default=0,
                    help="the server's --sessions (requests reading the store at once; 0: its default)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (printed)")
    args = ap.parse_args()
    global INGEST_NICE
    INGEST_NICE = args.ingest_nice

    info: dict[str, Any] = {"load_before": loadavg(), "trace": args.trace_writes}
    import duckdb
    import fastapi
    import uvicorn

    info["versions"] = (f"FastAPI {fastapi.__version__}, uvicorn {uvicorn.__version__},"
                        f" httpx {httpx.__version__} (DuckDB {duckdb.__version__})")
    scratch = Path(tempfile.mkdtemp(prefix="actorgraph-load-"))
    server: subprocess.Popen[bytes] | None = None
    ingest: subprocess.Popen[bytes] | None = None
    try:
        base = str(scratch / "base.duckdb")
        log(f"building {args.events:,} synthetic events in {base}")
        info["build"] = build_store(base, args.events)
        info["counts_before"] = counts(base)

        corpus = scratch / "corpus"
        alone_run: IngestRun | None = None
        alone_batches: list[tuple[float, int]] = []
        info["turns_alone"], info["turns_load"], info["turns_failed"] = [], [], []
        if not args.no_ingest:
            docs = args.docs or max(100, int(args.seconds * DOCS_PER_SECOND))
            words = write_corpus(corpus, 0, docs)
            alone_db = str(scratch / "alone.duckdb")
            for attempt in range(4):
                log(f"ingest alone: {docs} documents, {words:,} words")
                trace = scratch / "turns-alone.jsonl" if args.trace_writes else None
                if trace is not None:
                    trace.unlink(missing_ok=True)
                alone_run, alone_batches = ingest_alone(corpus, base, alone_db, scratch, trace)
                span = alone_batches[-1][0] - alone_batches[0][0] if alone_batches else 0.0
                log(f"ingest alone: {alone_run.end - alone_run.start:.1f} s, writing for {span:.1f} s,"
                    f" exit {alone_run.code}")
                if args.docs or span >= args.seconds or attempt == 3 or alone_run.code != 0:
                    break
                more = math.ceil(docs * max(1.0, args.seconds / max(span, 1.0) - 1) * 1.1)
                words += write_corpus(corpus, docs, more)
                docs += more
            info["docs"], info["words"] = docs, words
            info["added_alone"] = counts(alone_db)["events"] - info["counts_before"]["events"]
            if trace is not None:
                info["turns_alone"], _ = write_turns(trace)

        db = str(scratch / "load.duckdb")
        copy_store(base, db)
        plan = make_plan(db, args.code_share, seed=1, exclude=[e for e in args.exclude.split(",") if e])
        port = free_port()
        info["port"] = port
        base_url = f"http://127.0.0.1:{port}"
        with open(scratch / "server.log", "wb") as err:
            sessions = ["--sessions", str(args.sessions)] if args.sessions else []
            info["sessions"] = sessions
            server = subprocess.Popen(
                [ACTORGRAPH, "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port), *sessions],
                stdout=subprocess.DEVNULL, stderr=err,
            )
        wait_healthy(base_url, server)
        log("checking the endpoints")
        info["checks"] = check_endpoints(base_url, plan)

        load_run: IngestRun | None = None
        ingest_log = scratch / "ingest-load.log"
        load_trace = scratch / "turns-load.jsonl" if args.trace_writes else None
        if not args.no_ingest:
            ingest, load_run = start_ingest(corpus, db, ingest_log, load_trace)
            log("ingest started; waiting for its first batch")
            wait_first_batch(db, load_run.start, ingest)
        cpu0 = {"server": cpu_seconds(server.pid), "ingest": cpu_seconds(ingest.pid) if ingest else 0.0,
                "clients": sum(os.times()[:2])}
        info["window_open"] = time.time()
        log(f"{args.clients} clients for {args.seconds:g} s")
        samples, elapsed, lags = asyncio.run(
            run_clients(base_url, plan, args.clients, args.seconds, args.think, args.max_requests)
        )
        info["window"] = (info["window_open"], info["window_open"] + elapsed)
        info["lags"] = lags
        info["cpu"] = {
            "server": cpu_seconds(server.pid) - cpu0["server"],
            "ingest": cpu_seconds(ingest.pid) - cpu0["ingest"] if ingest else 0.0,
            "clients": sum(os.times()[:2]) - cpu0["clients"],
        }
        info["load_after"] = loadavg()
        load_batches: list[tuple[float, int]] = []
        if ingest is not None and load_run is not None:
            log(f"{len(samples)} requests; waiting for the ingest to finish")
            finish_ingest(ingest, load_run, ingest_log, timeout=3600)
            ingest = None
            load_batches = batches(db, load_run.start)
            if load_trace is not None:
                info["turns_load"], info["turns_failed"] = write_turns(load_trace)
        info["counts_after"] = counts(db)
        info["added_load"] = info["counts_after"]["events"] - info["counts_before"]["events"]
        server_log = (scratch / "server.log").read_text(encoding="utf-8", errors="replace")
        met, _, _ = report(args, info, samples, elapsed, load_run, alone_run, load_batches, alone_batches)
        tracebacks = server_log.count("Traceback")
        print(f"server log: {len(server_log.splitlines())} lines, {tracebacks} tracebacks")
        if tracebacks:
            print("```\n" + server_log[-3000:] + "\n```")
        return 0 if met else 1
    finally:
        for proc in (ingest, server):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
        if args.keep:
            log(f"kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

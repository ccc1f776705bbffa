"""Evaluation: code every gold set we can find and score it.

- the project's own gold (``data/gold/sentences.jsonl``, shipped in the package), scored here
  with a per-root table;
- when the shared folder exists: the seeds gold, scored by the shared ``score_events.py``,
  and the PLOVER records, scored by the shared ``score_plover.py``.

Example:
    >>> report = evaluate_project(pipeline)  # doctest: +SKIP
    >>> round(report.overall["root+dyad"].f1, 2)  # doctest: +SKIP
    0.5
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TextIO

from actorgraph.ingest import make_document, read_paths
from actorgraph.output import event_json
from actorgraph.pipeline import Pipeline
from actorgraph.place import Gazetteer
from actorgraph.records import CodedDocument, Event
from actorgraph.score import PRF, Scored, matched_pairs, per_root, score

__all__ = [
    "GoldCase",
    "ProjectReport",
    "Provenance",
    "evaluate_plover",
    "evaluate_project",
    "evaluate_seeds",
    "figure",
    "load_project_gold",
    "provenance",
    "row_f1",
    "run_eval",
    "shared_dates",
]


@dataclass(frozen=True, slots=True)
class GoldCase:
    id: str
    text: str
    date: dt.date | None
    events: tuple[Scored, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ProjectReport:
    overall: dict[str, PRF]
    roots: dict[str, PRF]
    cases: int


def _gold_file(name: str) -> str:
    """A file shipped in the package's data/gold folder."""
    return (
        resources.files("actorgraph")
        .joinpath("data")
        .joinpath("gold")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )


def load_project_gold(path: Path | None = None) -> list[GoldCase]:
    """The project's gold sentences (or those in ``path``)."""
    text = _gold_file("sentences.jsonl") if path is None else path.read_text(encoding="utf-8")
    cases = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            events = tuple(Scored(rec["id"], e["source"], e["target"], e["code"]) for e in rec["events"])
            day = dt.date.fromisoformat(rec["date"]) if rec.get("date") else None
            cases.append(GoldCase(rec["id"], rec["text"], day, events, tuple(rec.get("tags", []))))
        except (KeyError, ValueError, TypeError) as exc:
            raise ValueError(f"gold line {number}: {exc}") from None
    return cases


def _scored(unit: str, events: Iterable[Event]) -> list[Scored]:
    return [
        Scored(
            unit,
            (e.source.code if e.source else None) or "---",
            (e.target.code if e.target else None) or "---",
            e.code,
        )
        for e in events
    ]


def evaluate_project(pipeline: Pipeline, cases: list[GoldCase] | None = None) -> ProjectReport:
    cases = cases if cases is not None else load_project_gold()
    docs = [make_document(c.id, c.text, c.date) for c in cases]
    gold: list[Scored] = [e for c in cases for e in c.events]
    system: list[Scored] = []
    for item in pipeline.run(docs):
        if isinstance(item, CodedDocument):
            system += _scored(item.document.name, item.events)
    return ProjectReport(score(gold, system), per_root(gold, system), len(cases))


def _print_prf_table(rows: dict[str, PRF], out: TextIO, label: str) -> None:
    print(f"  {label:<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'gold':>5} {'sys':>5}", file=out)
    for key, r in rows.items():
        print(
            f"  {key:<10} {r.precision:6.3f} {r.recall:6.3f} {r.f1:6.3f} {r.tp:>5} {r.gold:>5} {r.system:>5}",
            file=out,
        )


def _run_scorer(script: Path, gold: Path, system: Path, *extra: str) -> str:
    proc = subprocess.run(
        [sys.executable, str(script), *extra, str(gold), str(system)],
        capture_output=True,
        text=True,
        check=False,
    )
    return proc.stdout + proc.stderr


@dataclass(frozen=True, slots=True)
class Provenance:
    """How often matched events carry the gold's voice, place, place country and date."""

    voice: tuple[int, int]
    location: tuple[int, int]
    country: tuple[int, int]
    date: tuple[int, int]

    def lines(self) -> list[str]:
        def rate(pair: tuple[int, int]) -> str:
            ok, n = pair
            return f"{ok / n:.3f} ({ok}/{n})" if n else "n/a (0/0)"

        return [
            f"voice of matched events: {rate(self.voice)}",
            f"location of matched events with a gold location: {rate(self.location)}",
            f"location country of those: {rate(self.country)}",
            f"date of matched events with a gold date: {rate(self.date)}",
        ]


def shared_dates() -> dict[str, dt.date]:
    """Publication dates of the shared seed documents (see data/gold/shared_dates.tsv)."""
    text = _gold_file("shared_dates.tsv")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return {name: dt.date.fromisoformat(day) for name, day in rows}


def _norm_place(name: str) -> str:
    name = re.sub(r"\b(province|governorate|region|area|city|the)\b", " ", name.lower())
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", name).split())


def _place_ok(gold: str, system: Scored, gazetteer: Gazetteer) -> tuple[bool, bool]:
    """Whether the system's place is the gold's, and whether its country is."""
    if system.location is None:
        return False, False
    sys_name, sys_country = system.location.split("|", 1)
    g, s = _norm_place(gold), _norm_place(sys_name)
    parts = [p.strip() for p in gold.split(",") if p.strip()]
    same = bool(g) and (g == s or g.startswith(s + " ") or _norm_place(parts[0]) == s)
    countries = {loc.country for p in parts if (loc := gazetteer.lookup(p)) is not None}
    if not same and (first := gazetteer.lookup(parts[0])) and (mine := gazetteer.lookup(sys_name)):
        same = first.geonames_id is not None and first.geonames_id == mine.geonames_id
    return same, sys_country in countries or (same and bool(sys_country))


def provenance(pairs: list[tuple[Scored, Scored]], gazetteer: Gazetteer) -> Provenance:
    voice = [g.voice == s.voice for g, s in pairs]
    located = [_place_ok(g.location, s, gazetteer) for g, s in pairs if g.location]
    dated = [g.date == s.date for g, s in pairs if g.date]
    return Provenance(
        (sum(voice), len(voice)),
        (sum(p for p, _ in located), len(located)),
        (sum(c for _, c in located), len(located)),
        (sum(dated), len(dated)),
    )


def _code(actor: object) -> str:
    code = actor.get("code") if isinstance(actor, dict) else actor
    return str(code).upper() if code else "---"


def evaluate_seeds(pipeline: Pipeline, shared: Path, workdir: Path) -> str:
    """Score the seeds with the shared scorer, then the provenance of matched events."""
    out = workdir / "seeds-system.jsonl"
    dates = shared_dates()
    system: list[Scored] = []
    with out.open("w", encoding="utf-8") as fh:
        for path in sorted((shared / "seeds").iterdir()):
            for item in pipeline.run(read_paths([path], dates.get(path.name))):
                if not isinstance(item, CodedDocument):
                    continue
                for e in item.events:
                    rec = event_json(e)
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                    loc = f"{e.location.name}|{e.location.country or ''}" if e.location else None
                    system.append(
                        Scored(
                            e.doc,
                            _code(rec["source"]),
                            _code(rec["target"]),
                            e.code,
                            e.voice,
                            loc,
                            rec["date"],
                            e.sentence,
                        )
                    )
    gold_path = shared / "examples" / "seeds-gold.jsonl"
    gold = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            gold.append(
                Scored(
                    str(r.get("doc", "")),
                    _code(r.get("source")),
                    _code(r.get("target")),
                    str(r.get("code")),
                    r.get("voice"),
                    r.get("location"),
                    r.get("date"),
                    r.get("sentence"),
                )
            )
    report = provenance(matched_pairs(gold, system), pipeline.gazetteer)
    text = _run_scorer(shared / "score_events.py", gold_path, out)
    return text.rstrip() + "\n" + "\n".join(report.lines()) + "\n"


def evaluate_plover(pipeline: Pipeline, shared: Path, workdir: Path) -> str:
    """Score the PLOVER records twice with the shared scorer: every event, then the main event of
    each sentence only (the gold lists one event per sentence); the second block's lines start
    with "main " ("main F1 type+dyad: 0.68")."""
    gold = shared / "gold" / "plover-gsr-dev.jsonl"
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [make_document(r["id"], r["text"], None) for r in records]
    every, main = workdir / "plover-system.jsonl", workdir / "plover-system-main.jsonl"
    with every.open("w", encoding="utf-8") as fh, main.open("w", encoding="utf-8") as fm:
        for item in pipeline.run(docs):
            if isinstance(item, CodedDocument):
                events = [(e.main, _plover_event(e)) for e in item.events]
                fh.write(json.dumps({"id": item.document.name, "events": [e for _, e in events]}) + "\n")
                fm.write(json.dumps({"id": item.document.name, "events": [e for m, e in events if m]}) + "\n")
    text = _run_scorer(shared / "score_plover.py", gold, every, "score").rstrip()
    main_text = _run_scorer(shared / "score_plover.py", gold, main, "score").rstrip()
    return text + "\n" + "\n".join(f"main {line}" for line in main_text.splitlines()) + "\n"


def _plover_event(e: Event) -> dict[str, object]:
    return {
        "plover": e.plover_type,
        "code": e.code,
        "source": {"code": e.source.code if e.source else None},
        "target": {"code": e.target.code if e.target else None},
    }


def row_f1(text: str, level: str) -> float:
    """The F1 (last column) of a scorer's table row for ``level``, to three decimals:
    "root+dyad     34    59    56  0.607  0.576  0.591" -> 0.591 (its last line rounds to two)."""
    for line in text.splitlines():
        words = line.split()
        if words and words[0] == level:
            return float(words[-1])
    return float("nan")


def figure(text: str, label: str) -> float:
    """The number after ``label`` in a scorer's output ("F1 root+dyad: 0.28" -> 0.28); NaN if absent."""
    for line in text.splitlines():
        if label in line:
            return float(line.split(label, 1)[1].split()[0])
    return float("nan")


def run_eval(pipeline: Pipeline, shared: Path | None, out: TextIO | None = None) -> dict[str, float]:
    """Print every score we can compute; return the headline figures by name."""
    out = out if out is not None else sys.stdout  # resolved now, so redirection is honoured
    figures: dict[str, float] = {}
    report = evaluate_project(pipeline)
    print(f"== project gold ({report.cases} sentences, packaged data/gold/sentences.jsonl)", file=out)
    _print_prf_table(report.overall, out, "level")
    print("  per root (root+dyad):", file=out)
    _print_prf_table(report.roots, out, "root")
    figures["project_f1_root_dyad"] = report.overall["root+dyad"].f1
    if shared is None or not (shared / "score_events.py").exists():
        print("== shared gold: not found (pass --shared DIR); skipped", file=out)
        return figures
    with tempfile.TemporaryDirectory() as tmp:
        text = evaluate_seeds(pipeline, shared, Path(tmp))
        print(f"== seeds gold ({shared / 'examples' / 'seeds-gold.jsonl'})", file=out)
        print(text.rstrip(), file=out)
        figures["seeds_f1_root_dyad"] = row_f1(text, "root+dyad")
        text = evaluate_plover(pipeline, shared, Path(tmp))
        print(f"== PLOVER gold ({shared / 'gold' / 'plover-gsr-dev.jsonl'})", file=out)
        print(text.rstrip(), file=out)
        figures["plover_type_found"] = figure(text, "type found:")
        figures["plover_f1_type_dyad"] = figure(text, "F1 type+dyad:")
        figures["plover_main_f1_type_dyad"] = figure(text, "main F1 type+dyad:")
    return figures

"""The gold gate: no change may lower the pinned quality floors without saying so.

Floors live in tests/gold_floors.json. The shared gold sets are scored with the shared
scorers when ../shared is present, and skipped otherwise.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from actorgraph import Pipeline
from actorgraph.evaluate import evaluate_plover, evaluate_project, evaluate_seeds, figure

FLOORS = json.loads((Path(__file__).parent / "gold_floors.json").read_text(encoding="utf-8"))


def test_project_gold_floors(pipeline: Pipeline) -> None:
    report = evaluate_project(pipeline)
    assert report.overall["root+dyad"].f1 >= FLOORS["project_root_dyad_f1"]
    assert report.overall["root"].f1 >= FLOORS["project_root_f1"]


def test_seeds_gold_floor(pipeline: Pipeline, shared: Path, tmp_path: Path) -> None:
    text = evaluate_seeds(pipeline, shared, tmp_path)
    assert figure(text, "F1 root+dyad:") >= FLOORS["seeds_root_dyad_f1"], text
    # Provenance of matched events (issue 4): voice, place, place country, date.
    assert figure(text, "voice of matched events:") >= FLOORS["seeds_voice"], text
    assert figure(text, "location of matched events with a gold location:") >= FLOORS["seeds_location"]
    assert figure(text, "location country of those:") >= FLOORS["seeds_location_country"], text
    assert figure(text, "date of matched events with a gold date:") >= FLOORS["seeds_date"], text


def test_plover_gold_floors(pipeline: Pipeline, shared: Path, tmp_path: Path) -> None:
    if not (shared / "gold" / "plover-gsr-dev.jsonl").exists():
        pytest.skip("no PLOVER gold")
    text = evaluate_plover(pipeline, shared, tmp_path)
    assert figure(text, "type found:") >= FLOORS["plover_type_found"], text
    assert figure(text, "F1 type+dyad:") >= FLOORS["plover_f1_type_dyad"], text

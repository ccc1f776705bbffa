"""The gold gate: no change may lower the pinned quality floors without saying so.

Floors live in tests/gold_floors.json. The shared gold sets are scored with the shared
scorers when ../shared is present, and skipped otherwise.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from actorgraph import Pipeline
from actorgraph.evaluate import evaluate_plover, evaluate_project, evaluate_seeds, figure, row_f1

FLOORS_FILE = Path(__file__).parent / "gold_floors.json"
FLOORS = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))["floors"]


def test_project_gold_floors(pipeline: Pipeline) -> None:
    report = evaluate_project(pipeline)
    assert report.overall["root+dyad"].f1 >= FLOORS["project_root_dyad_f1"]
    assert report.overall["root"].f1 >= FLOORS["project_root_f1"]
    # Every root keeps its own floor: a gain on one root may not hide a loss on another.
    below = {
        root: round(prf.f1, 3)
        for root, prf in report.roots.items()
        if prf.f1 < FLOORS.get(f"project_root_{root}_f1", 0.0)
    }
    assert not below, f"roots below their floors (root+dyad F1): {below}"
    assert all(f"project_root_{r:02d}_f1" in FLOORS for r in range(1, 21)), "a root has no floor"


def _git(*args: str) -> str | None:
    try:
        proc = subprocess.run(["git", *args], cwd=FLOORS_FILE.parent, capture_output=True, text=True,
                              check=False, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return proc.stdout if proc.returncode == 0 else None


def test_a_floor_is_lowered_only_on_purpose() -> None:
    """A floor lower than in the file's previous version needs the commit that lowered it to say
    why ("Lower-floor: NAME: reason", as tools/floors.py prints) and a record in "lowered"."""
    last = _git("log", "-1", "--format=%H", "--", "gold_floors.json")
    if not last:
        pytest.skip("not a git checkout with history of the floors file")
    commit = last.strip()
    before_text = _git("show", f"{commit}^:tests/gold_floors.json")
    message = _git("log", "-1", "--format=%B", commit) or ""
    if before_text is None:
        pytest.skip("the floors file has no earlier version")
    before = json.loads(before_text)
    before = before.get("floors", before)
    current = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
    for name, old in before.items():
        if isinstance(old, float | int) and name in current["floors"] and current["floors"][name] < old:
            assert f"Lower-floor: {name}:" in message, f"{name} lowered {old} -> {current['floors'][name]}"
            assert any(r["floor"] == name for r in current["lowered"]), f"{name} lowered without a record"


def test_seeds_gold_floor(pipeline: Pipeline, shared: Path, tmp_path: Path) -> None:
    text = evaluate_seeds(pipeline, shared, tmp_path)
    # (three decimals from the table: the scorer's last line rounds to two)
    assert row_f1(text, "root+dyad") >= FLOORS["seeds_root_dyad_f1"], text
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
    # The main event of each sentence alone, as a one-record-per-sentence dataset would hold.
    assert figure(text, "main type found:") >= FLOORS["plover_main_type_found"], text
    assert figure(text, "main F1 type+dyad:") >= FLOORS["plover_main_f1_type_dyad"], text

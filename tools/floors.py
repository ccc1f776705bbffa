"""Change the gold gate's floors (tests/gold_floors.json) on purpose.

    python tools/floors.py measure              # print today's figures next to the floors
    python tools/floors.py raise                # raise every floor to today's figure (rounded down)
    python tools/floors.py lower NAME VALUE --reason "why"

Raising is always allowed. Lowering needs this explicit command and a reason; it records the
change in the file's "lowered" list and prints the line the commit message must carry
("Lower-floor: NAME: reason"). tests/test_gold_gate.py fails when a floor is lower than in the
previous version of the file and the commit that lowered it has no such line.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FLOORS = ROOT / "tests" / "gold_floors.json"
SHARED = ROOT.parent / "shared"


def measure() -> dict[str, float]:
    """Today's figure for every floor that can be measured here."""
    from actorgraph import Pipeline
    from actorgraph.evaluate import evaluate_plover, evaluate_project, evaluate_seeds, figure, row_f1

    pipeline = Pipeline()
    report = evaluate_project(pipeline)
    out = {
        "project_root_dyad_f1": report.overall["root+dyad"].f1,
        "project_root_f1": report.overall["root"].f1,
    }
    out |= {f"project_root_{root}_f1": prf.f1 for root, prf in report.roots.items()}
    if (SHARED / "seeds").is_dir():
        with tempfile.TemporaryDirectory() as tmp:
            text = evaluate_seeds(pipeline, SHARED, Path(tmp))
            out["seeds_root_dyad_f1"] = row_f1(text, "root+dyad")
            out["seeds_voice"] = figure(text, "voice of matched events:")
            out["seeds_location"] = figure(text, "location of matched events with a gold location:")
            out["seeds_location_country"] = figure(text, "location country of those:")
            out["seeds_date"] = figure(text, "date of matched events with a gold date:")
            text = evaluate_plover(pipeline, SHARED, Path(tmp))
            out["plover_type_found"] = figure(text, "type found:")
            out["plover_f1_type_dyad"] = figure(text, "F1 type+dyad:")
            out["plover_main_type_found"] = figure(text, "main type found:")
            out["plover_main_f1_type_dyad"] = figure(text, "main F1 type+dyad:")
    return out


def _load() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FLOORS.read_text(encoding="utf-8"))
    return data


def _save(data: dict[str, Any]) -> None:
    FLOORS.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("measure")
    sub.add_parser("raise")
    low = sub.add_parser("lower")
    low.add_argument("name")
    low.add_argument("value", type=float)
    low.add_argument("--reason", required=True)
    args = parser.parse_args()
    data = _load()
    floors: dict[str, float] = data["floors"]
    if args.command == "lower":
        if args.name not in floors:
            print(f"no floor {args.name!r}", file=sys.stderr)
            return 2
        if args.value >= floors[args.name]:
            print(f"{args.name} is {floors[args.name]}; {args.value} does not lower it", file=sys.stderr)
            return 2
        data.setdefault("lowered", []).append(
            {"floor": args.name, "from": floors[args.name], "to": args.value, "reason": args.reason}
        )
        floors[args.name] = args.value
        _save(data)
        print(f"Put this line in the commit message:\nLower-floor: {args.name}: {args.reason}")
        return 0
    today = measure()
    for name in sorted(set(floors) | set(today)):
        now, floor = today.get(name), floors.get(name)
        shown = "-" if floor is None else floor
        print(f"{name:<28} floor {shown:<6} today {'-' if now is None else round(now, 3)}")
        if args.command == "raise" and now is not None and (floor is None or now > floor):
            floors[name] = math.floor(now * 100) / 100
    if args.command == "raise":
        _save(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())

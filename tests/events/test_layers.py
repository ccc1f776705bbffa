"""The event coder's layers: each module uses only the layers before it (see events/__init__)."""

from __future__ import annotations

import ast
from pathlib import Path

import actorgraph.events

LAYERS = ["words", "arguments", "roles", "pairs", "verbs", "nouns", "judgements", "coder"]
_PEERS = {"verbs", "nouns", "judgements"}  # three rule families on one layer, none using another


def _imported_layers(module: str) -> set[str]:
    path = Path(actorgraph.events.__file__).parent / f"{module}.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    prefix = "actorgraph.events."
    return {n.module[len(prefix):] for n in ast.walk(tree)
            if isinstance(n, ast.ImportFrom) and n.module and n.module.startswith(prefix)}


def test_every_module_of_the_package_is_a_layer() -> None:
    present = {p.stem for p in Path(actorgraph.events.__file__).parent.glob("*.py")} - {"__init__"}
    assert present == set(LAYERS)


def test_each_layer_imports_only_layers_before_it() -> None:
    for k, module in enumerate(LAYERS):
        allowed = set(LAYERS[:k]) - (_PEERS if module in _PEERS else set())
        wrong = _imported_layers(module) - allowed
        assert not wrong, f"events.{module} imports {wrong}, which do not come before it"

"""The codebook: every code has a name, Goldstein weight, QuadClass and a PLOVER type."""

from __future__ import annotations

import pytest

from actorgraph import cameo


def test_every_code_is_consistent_with_its_root() -> None:
    table = cameo.codes()
    assert len(table) > 300
    for code, entry in table.items():
        root = table[code[:2]]
        assert entry.quad_class == root.quad_class, code
        assert -10 <= entry.goldstein <= 10
        if not code.startswith("01"):
            assert entry.plover_type, f"{code} has no PLOVER type"


@pytest.mark.parametrize(
    ("code", "ptype", "mode"),
    [
        ("042", "CONSULT", "visit"),
        ("195", "ASSAULT", "aerial"),
        ("0874", "RETREAT", "withdraw"),
        ("1041", "REQUEST", "demand"),
        ("173", "COERCE", "arrest"),
        ("010", None, None),
    ],
)
def test_plover_mapping(code: str, ptype: str | None, mode: str | None) -> None:
    entry = cameo.lookup(code)
    assert (entry.plover_type, entry.plover_mode) == (ptype, mode)


def test_unknown_code_raises() -> None:
    with pytest.raises(cameo.UnknownCodeError):
        cameo.lookup("999")

"""The CAMEO event codebook: names, Goldstein weights, QuadClass and the PLOVER mapping.

Example:
    >>> lookup("195").quad_class
    4
    >>> lookup("042").plover_type, lookup("042").plover_mode
    ('CONSULT', 'visit')
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

__all__ = [
    "MUTUAL_ROOTS",
    "STATE_SECTORS",
    "CameoCode",
    "UnknownCodeError",
    "codes",
    "country_codes",
    "country_names",
    "fold_code",
    "identified",
    "lookup",
    "unfold_code",
]


class UnknownCodeError(KeyError):
    """A CAMEO code that the codebook does not have."""


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


def _data_lines(name: str) -> list[tuple[int, list[str]]]:
    text = resources.files("actorgraph").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            rows.append((number, line.split("\t")))
    return rows


@functools.cache
def _plover() -> dict[str, tuple[str | None, str | None]]:
    table: dict[str, tuple[str | None, str | None]] = {}
    for number, cols in _data_lines("plover.tsv"):
        if len(cols) != 3:
            raise ValueError(f"plover.tsv:{number}: expected 3 columns, got {len(cols)}")
        prefix, ptype, mode = cols
        table[prefix] = (None if ptype == "-" else ptype, None if mode == "-" else mode)
    return table


def _plover_for(code: str) -> tuple[str | None, str | None]:
    """The longest prefix of ``code`` in plover.tsv gives the type and mode."""
    table = _plover()
    for length in range(len(code), 1, -1):
        if code[:length] in table:
            return table[code[:length]]
    return None, None


@functools.cache
def codes() -> dict[str, CameoCode]:
    """Every CAMEO code (2-digit roots, 3- and 4-digit codes), keyed by code."""
    table: dict[str, CameoCode] = {}
    for number, cols in _data_lines("cameo.tsv"):
        if cols[0] == "code":
            continue
        if len(cols) != 4:
            raise ValueError(f"cameo.tsv:{number}: expected 4 columns, got {len(cols)}")
        code, name, goldstein, quad = cols
        ptype, mode = _plover_for(code)
        table[code] = CameoCode(code, name, float(goldstein), int(quad), ptype, mode)
    return table


def lookup(code: str) -> CameoCode:
    """The codebook entry for ``code``; raises :class:`UnknownCodeError` if there is none."""
    try:
        return codes()[code]
    except KeyError:
        raise UnknownCodeError(f"unknown CAMEO code {code!r}") from None


# Agencies of a state that speak and act for it ("RUSMIL", "RUSGOV" are Russia); other sectors
# (REB, OPP, PTY...) are actors of their own whose interests can run against the state's.
STATE_SECTORS = frozenset({"GOV", "MIL", "SPY", "LEG", "JUD", "COP", "BUS", "MED"})
# Roots whose acts are mutual: a meeting, an agreement or joint cooperation reported as "A met
# B" by one outlet and "B met A" by another is one act.
MUTUAL_ROOTS = frozenset({"04", "05", "06"})


def fold_code(code: str, fold: bool = True) -> str:
    """A state agency's code folds into its state; other codes stay.

    >>> fold_code("RUSMIL"), fold_code("SYRREB"), fold_code("IMGMUSISI")
    ('RUS', 'SYRREB', 'IMGMUSISI')
    """
    if fold and len(code) == 6 and code[3:] in STATE_SECTORS and code[:3].isalpha():
        return code[:3]
    return code


def unfold_code(code: str, fold: bool = True) -> list[str]:
    """The codes that fold to ``code``: a state and its agencies; any other code alone.

    >>> unfold_code("RUS")[:3], unfold_code("SYRREB")
    (['RUS', 'RUSBUS', 'RUSCOP'], ['SYRREB'])
    """
    if fold and len(code) == 3:
        return [code, *(code + s for s in sorted(STATE_SECTORS))]
    return [code]


# Prefixes of codes for actors that are not states: international and non-governmental
# organisations, militant groups, companies.
_GROUP_PREFIXES = ("IGO", "NGO", "IMG", "MNC")


@functools.cache
def country_names() -> dict[str, str]:
    """ISO alpha-3 code -> name, from the country lexicon (lexicon/data/countries.tsv)."""
    text = resources.files("actorgraph").joinpath("lexicon", "data", "countries.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {row[0]: row[1] for row in rows}


@functools.cache
def country_codes() -> frozenset[str]:
    """The ISO alpha-3 codes of the country lexicon."""
    return frozenset(country_names())


def identified(code: str | None) -> bool:
    """Whether a code names an actor, not only a role: "SYRREB" and "IGOUNO" do, "REB" does not.

    >>> identified("SYRREB"), identified("REB"), identified("IMGMUSISI")
    (True, False, True)
    """
    if not code:
        return False
    return code[:3] in country_codes() or (len(code) > 3 and code.startswith(_GROUP_PREFIXES))

"""Tab-separated lexicon tables, validated column by column when they load.

A table is UTF-8 text: ``#`` starts a comment line, every other non-blank line holds the
same number of TAB-separated fields, ``|`` separates the values of a multi-valued field and
``-`` stands for "none". A bad entry raises :class:`LexiconError` naming file, line and entry.

Example:
    >>> cols = (Column("code", r"[A-Z]{3}"), Column("names", multi=True))
    >>> rows = parse_table("x.tsv", "RUS\\tRussia|Russian Federation\\n", cols)
    >>> rows[0].one("code"), rows[0].many("names")
    ('RUS', ('Russia', 'Russian Federation'))
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["Column", "LexiconError", "Row", "parse_table"]


class LexiconError(ValueError):
    """A lexicon entry that breaks its table's schema."""

    def __init__(self, path: str, line: int, entry: str, reason: str) -> None:
        self.path, self.line, self.entry, self.reason = path, line, entry, reason
        super().__init__(f"{path}:{line}: entry {entry!r}: {reason}")


@dataclass(frozen=True, slots=True)
class Column:
    """One field of a table: a regular expression each value must match in full."""

    name: str
    pattern: str = r".+"
    multi: bool = False
    optional: bool = False
    _regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_regex", re.compile(self.pattern))

    def check(self, value: str) -> str | None:
        """The reason ``value`` is invalid, or None."""
        if value != value.strip():
            return f"{self.name}: leading or trailing space in {value!r}"
        if not self._regex.fullmatch(value):
            return f"{self.name}: {value!r} does not match {self.pattern}"
        return None


@dataclass(frozen=True, slots=True)
class Row:
    path: str
    line: int
    values: dict[str, tuple[str, ...]]

    def one(self, name: str) -> str:
        return self.values[name][0]

    def maybe(self, name: str) -> str | None:
        vals = self.values[name]
        return vals[0] if vals else None

    def many(self, name: str) -> tuple[str, ...]:
        return self.values[name]

    def date(self, name: str) -> dt.date | None:
        value = self.maybe(name)
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise self.error(f"{name}: {value!r} is not a YYYY-MM-DD date") from None

    def error(self, reason: str) -> LexiconError:
        first = next(iter(self.values.values()), ())
        return LexiconError(self.path, self.line, first[0] if first else "", reason)


def parse_table(path: str, text: str, columns: Sequence[Column], fewest: int | None = None) -> list[Row]:
    """Parse and validate ``text`` (the content of ``path``) against ``columns``.

    A row has every column, or (when ``fewest`` is given) at least ``fewest``: the optional
    columns after those may be left out, so a table that gains columns keeps its old rows valid.
    """
    fewest = len(columns) if fewest is None else fewest
    if fewest < len(columns) and not all(c.optional for c in columns[fewest:]):
        raise ValueError("only optional columns may be left out of a row")
    rows = []
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = raw.split("\t")
        entry = fields[0]
        if not fewest <= len(fields) <= len(columns):
            wanted = f"{fewest} to {len(columns)}" if fewest < len(columns) else str(len(columns))
            got = f"expected {wanted} TAB-separated fields, got {len(fields)}"
            raise LexiconError(path, number, entry, got)
        fields += ["-"] * (len(columns) - len(fields))
        values: dict[str, tuple[str, ...]] = {}
        for col, cell in zip(columns, fields, strict=True):
            if cell == "":
                raise LexiconError(path, number, entry, f"{col.name}: empty field (use '-')")
            if cell == "-":
                if not col.optional:
                    raise LexiconError(path, number, entry, f"{col.name}: a value is required")
                values[col.name] = ()
                continue
            parts = tuple(cell.split("|")) if col.multi else (cell,)
            for part in parts:
                reason = "empty value" if not part else col.check(part)
                if reason:
                    raise LexiconError(path, number, entry, reason)
            values[col.name] = parts
        rows.append(Row(path, number, values))
    return rows

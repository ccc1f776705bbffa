"""The actor lexicon: states, leaders with dated offices, organisations, metonyms and agents.

Example:
    >>> lex = load_actor_lexicon()
    >>> lex.code("person:vladimir-putin", dt.date(2015, 10, 21))
    'RUSGOV'
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from actorgraph.lexicon.petrarch import load_actors_file
from actorgraph.lexicon.schema import Column, LexiconError, Row, parse_table

__all__ = [
    "ActorEntry",
    "ActorLexicon",
    "AgentEntry",
    "NameForm",
    "Term",
    "load_actor_lexicon",
]

_CODE = r"(---|[A-Z]{3}([A-Z]{3})*)"
_ROLE = r"[A-Z]{3}([A-Z]{3})*"
_DATE = r"\d{4}-\d{2}-\d{2}"
_KINDS = "armed_group|militia|party|legislature|intelligence|military|government|igo|ngo|media"

COUNTRY_COLUMNS = (
    Column("iso3", r"[A-Z]{3}"),
    Column("name"),
    Column("aliases", multi=True, optional=True),
    Column("adjectives", multi=True, optional=True),
    Column("capitals", multi=True, optional=True),
)
PEOPLE_COLUMNS = (
    Column("name"),
    Column("aliases", multi=True, optional=True),
    Column("code", _CODE),
    Column("start", _DATE, optional=True),
    Column("end", _DATE, optional=True),
    Column("office", optional=True),
)
ORGANIZATION_COLUMNS = (
    Column("name"),
    Column("aliases", multi=True, optional=True),
    Column("code", _CODE),
    Column("kind", _KINDS),
    # An organisation whose standing changes (the Taliban, a government since 2021) has one
    # row per period; undated rows may stop after ``kind``.
    Column("start", _DATE, optional=True),
    Column("end", _DATE, optional=True),
)
METONYM_COLUMNS = (Column("name"), Column("code", _CODE), Column("kind", _KINDS))
AGENT_COLUMNS = (
    Column("words", r"[a-z][a-z'. -]*", multi=True),  # "." for abbreviated titles: "lt. gen."
    Column("code", _ROLE),
    Column("kind", "person|group"),
)


@dataclass(frozen=True, slots=True)
class Term:
    """A code an actor holds from ``start`` to ``end`` (either open)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None
    office: str | None = None
    kind: str | None = None  # an organisation's kind in this term, when it changes over time

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    actor_id: str
    name: str
    kind: str
    terms: tuple[Term, ...]
    origin: str  # "file:line" of the entry, for the rule trace


@dataclass(frozen=True, slots=True)
class NameForm:
    """A surface form and the actor it names; ``role`` is how it names it."""

    text: str
    actor_id: str
    role: str  # name | adjective | capital
    start: dt.date | None = None  # a person's alias holds for the term it is listed with
    end: dt.date | None = None
    caseless: bool = False  # PETRARCH dictionaries are written in capitals: match any case

    def covers(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class AgentEntry:
    word: str
    code: str
    kind: str


@dataclass(frozen=True)
class ActorLexicon:
    actors: dict[str, ActorEntry]
    forms: tuple[NameForm, ...]
    agents: dict[str, AgentEntry]
    problems: tuple[str, ...] = ()  # lines of user dictionaries skipped, with their reason

    def term(self, actor_id: str, day: dt.date | None) -> Term | None:
        """The term in force on ``day``; with no date, the most recent term."""
        terms = self.actors[actor_id].terms
        if day is None:
            return max(terms, key=lambda t: t.start or dt.date.min, default=None)
        return next((t for t in terms if t.covers(day)), None)

    def code(self, actor_id: str, day: dt.date | None) -> str | None:
        term = self.term(actor_id, day)
        return term.code if term else None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class _Builder:
    def __init__(self) -> None:
        self.actors: dict[str, ActorEntry] = {}
        self.forms: dict[tuple[str, str, dt.date | None], NameForm] = {}
        self.static_code: dict[str, tuple[str, Row]] = {}

    def add(self, row: Row, actor_id: str, name: str, kind: str, terms: list[Term]) -> None:
        old = self.actors.get(actor_id)
        if old is not None:
            terms = [*old.terms, *terms]
        self.actors[actor_id] = ActorEntry(actor_id, name, kind, tuple(terms), f"{row.path}:{row.line}")

    def form(
        self, row: Row, text: str, actor_id: str, role: str, code: str | None, term: Term | None = None
    ) -> None:
        """Register a surface form; one undated form may not name two different codes."""
        if code is not None:
            seen = self.static_code.get(text)
            if seen and seen[0] != code:
                other = seen[1]
                raise row.error(f"{text!r} is coded {code} here and {seen[0]} at {other.path}:{other.line}")
            self.static_code.setdefault(text, (code, row))
        start, end = (term.start, term.end) if term else (None, None)
        self.forms.setdefault((text, actor_id, start), NameForm(text, actor_id, role, start, end))


def _read(
    name: str, columns: tuple[Column, ...], folder: Path | None, fewest: int | None = None
) -> list[Row]:
    if folder is not None and (folder / name).exists():
        path = folder / name
        return parse_table(str(path), path.read_text(encoding="utf-8"), columns, fewest)
    res = resources.files("actorgraph").joinpath("lexicon").joinpath("data").joinpath(name)
    return parse_table(f"lexicon/data/{name}", res.read_text(encoding="utf-8"), columns, fewest)


def _load_countries(b: _Builder, rows: Iterable[Row], prefix: str = "country") -> None:
    for row in rows:
        iso3 = row.one("iso3")
        actor_id = f"{prefix}:{iso3}"
        b.add(row, actor_id, row.one("name"), prefix, [Term(iso3)])
        for text in (row.one("name"), *row.many("aliases")):
            b.form(row, text, actor_id, "name", iso3)
        for text in row.many("adjectives"):
            b.form(row, text, actor_id, "adjective", iso3)
        for text in row.many("capitals"):
            b.form(row, text, actor_id, "capital", iso3 + "GOV")


def _load_people(b: _Builder, rows: Iterable[Row]) -> None:
    for row in rows:
        start, end = row.date("start"), row.date("end")
        if start and end and end < start:
            raise row.error(f"term ends ({end}) before it starts ({start})")
        actor_id = "person:" + _slug(row.one("name"))
        term = Term(row.one("code"), start, end, row.maybe("office"))
        b.add(row, actor_id, row.one("name"), "person", [term])
        for text in (row.one("name"), *row.many("aliases")):
            b.form(row, text, actor_id, "name", None, term)


def _load_named(b: _Builder, rows: Iterable[Row], prefix: str) -> None:
    """Organisations and metonyms; rows of one name with dates are the terms of one actor."""
    for row in rows:
        actor_id = f"{prefix}:{_slug(row.one('name'))}"
        code, kind = row.one("code"), row.one("kind")
        start = row.date("start") if "start" in row.values else None
        end = row.date("end") if "end" in row.values else None
        if start and end and end < start:
            raise row.error(f"term ends ({end}) before it starts ({start})")
        dated = start is not None or end is not None
        term = Term(code, start, end, kind=kind) if dated else Term(code)
        b.add(row, actor_id, row.one("name"), kind, [term])
        for text in (row.one("name"), *row.values.get("aliases", ())):
            # A dated form names its actor for its term only; it is exempt from the
            # one-code-per-undated-form check, like a person's name.
            b.form(row, text, actor_id, "name", None if dated else code, term if dated else None)


def _check_people(b: _Builder) -> None:
    """A name may be shared by two people only if the terms it names them for never overlap.

    A handover day (one term ends the day the other starts) is not an overlap.
    """
    by_text: dict[str, list[NameForm]] = {}
    for form in b.forms.values():
        if form.actor_id.startswith("person:"):
            by_text.setdefault(form.text, []).append(form)
    for text, forms in by_text.items():
        for n, a in enumerate(forms):
            for c in forms[n + 1 :]:
                if a.actor_id == c.actor_id:
                    continue
                lo = max(a.start or dt.date.min, c.start or dt.date.min)
                hi = min(a.end or dt.date.max, c.end or dt.date.max)
                if lo < hi:
                    path, _, line = b.actors[a.actor_id].origin.rpartition(":")
                    raise LexiconError(
                        path, int(line), text, f"names both {a.actor_id} and {c.actor_id} on {lo}"
                    )


def _check_terms(b: _Builder) -> None:
    """An organisation's terms (its dated rows) may not overlap: a day has one code."""
    for actor in b.actors.values():
        if actor.kind == "person" or len(actor.terms) < 2:
            continue
        spans = sorted(actor.terms, key=lambda t: t.start or dt.date.min)
        for a, c in itertools.pairwise(spans):
            if (a.end or dt.date.max) >= (c.start or dt.date.min):
                path, _, line = actor.origin.rpartition(":")
                raise LexiconError(path, int(line), actor.name, f"two terms overlap on {c.start or a.end}")


def load_actor_lexicon(folder: Path | None = None) -> ActorLexicon:
    """Load and validate the actor tables: those in ``folder``, else the packaged ones."""
    if folder is None:
        return _packaged()
    return _build(folder)


@functools.cache
def _packaged() -> ActorLexicon:
    return _build(None)


def _build(folder: Path | None) -> ActorLexicon:
    b = _Builder()
    _load_countries(b, _read("countries.tsv", COUNTRY_COLUMNS, folder))
    _load_countries(b, _read("regions.tsv", COUNTRY_COLUMNS, folder), "region")
    _load_named(b, _read("organizations.tsv", ORGANIZATION_COLUMNS, folder, fewest=4), "org")
    _load_named(b, _read("metonyms.tsv", METONYM_COLUMNS, folder), "seat")
    _check_terms(b)
    _load_people(b, _read("people.tsv", PEOPLE_COLUMNS, folder))
    _check_people(b)
    problems = _load_petrarch(b, folder) if folder is not None else []
    agents: dict[str, AgentEntry] = {}
    for row in _read("agents.tsv", AGENT_COLUMNS, folder):
        for word in row.many("words"):
            if word in agents and agents[word].code != row.one("code"):
                raise row.error(f"agent {word!r} already coded {agents[word].code}")
            agents[word] = AgentEntry(word, row.one("code"), row.one("kind"))
    return ActorLexicon(b.actors, tuple(b.forms.values()), agents, tuple(problems))


def _load_petrarch(b: _Builder, folder: Path) -> list[str]:
    """Every ``*.actors.txt`` (PETRARCH/Phoenix format) in ``folder``; bad lines are skipped
    and returned as one-line reasons naming file, line and entry."""
    problems: list[LexiconError] = []
    for path in sorted(folder.glob("*.actors.txt")):
        for entry in load_actors_file(path, problems):
            actor_id = f"petrarch:{path.name}:{entry.line}"
            terms = [Term(t.code, t.start, t.end) for t in entry.terms]
            b.actors[actor_id] = ActorEntry(
                actor_id, entry.names[0], "petrarch", tuple(terms), f"{path}:{entry.line}"
            )
            for name in entry.names:
                b.forms.setdefault((name, actor_id, None), NameForm(name, actor_id, "name", caseless=True))
    return [str(p) for p in problems]

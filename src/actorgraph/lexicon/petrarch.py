"""PETRARCH/Phoenix ``.actors.txt`` dictionaries: years of others' work, loaded as they are.

The format: an entry line ``NAME_WORDS_ [CODE]`` (words joined by ``_``; a trailing ``_`` stops
stemming in PETRARCH and is ignored here), ``+SYNONYM`` lines for the entry above, and
tab-indented ``[CODE >YYMMDD]`` / ``[CODE <YYMMDD]`` / ``[CODE YYMMDD-YYMMDD]`` / ``[CODE]``
lines giving codes by date (the undated one is the default). ``#`` starts a comment.
Names match case-insensitively, since these dictionaries were written for upper-case wire text.

Example:
    >>> entries = parse_actors("x.actors.txt", "VLADIMIR_PUTIN_\\n+PUTIN_\\n\\t[RUSGOV >000507]\\n")
    >>> entries[0].names, entries[0].terms[0].code
    (('Vladimir Putin', 'Putin'), 'RUSGOV')
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from actorgraph.lexicon.schema import LexiconError

__all__ = ["PetrarchActor", "load_actors_file", "parse_actors"]

_CODE = r"[A-Z0-9]{3,}|---"
_ENTRY = re.compile(r"^(?P<name>[^\s\[+][^\[]*?)\s*(?P<codes>(?:\[[^\]]*\]\s*)*)$")
_SMALL = {"of", "the", "and", "for", "de", "al", "el", "la", "le", "du", "da", "van", "von"}
_BRACKETS = re.compile(r"\[[^\]]*\]")
_DATED = re.compile(
    rf"^\[(?P<code>{_CODE})(?:\s+(?:(?P<after>>\s*\d{{6,8}})|(?P<before><\s*\d{{6,8}})"
    rf"|(?P<start>\d{{6,8}})-(?P<end>\d{{6,8}})))?\]$"
)


@dataclass(frozen=True, slots=True)
class _Term:
    code: str
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass
class PetrarchActor:
    """One dictionary entry: its names and its (dated) codes, with the line it starts on."""

    names: tuple[str, ...]
    terms: tuple[_Term, ...]
    line: int
    _names: list[str] = field(default_factory=list, repr=False)


def _date(raw: str, path: str, line: int) -> dt.date:
    """YYMMDD (two-digit years up to next year are 20YY, others 19YY) or YYYYMMDD."""
    try:
        if len(raw) == 8:
            return dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
        if len(raw) == 6:
            yy = int(raw[:2])
            century = 2000 if yy <= (dt.date.today().year % 100) + 1 else 1900
            return dt.date(century + yy, int(raw[2:4]), int(raw[4:]))
    except ValueError:
        pass
    raise LexiconError(path, line, raw, f"{raw!r} is not a YYMMDD or YYYYMMDD date")


def _name(raw: str) -> str:
    words = [w for w in raw.strip().strip("_").split("_") if w]
    # Display form only (matching ignores case): short words stay as acronyms ("FFZ", "UN").
    return " ".join(w.title() if w.isalpha() and (len(w) > 3 or w.lower() in _SMALL) else w for w in words)


def _term(text: str, path: str, line: int) -> _Term:
    m = _DATED.match(text)
    if m is None:
        raise LexiconError(
            path,
            line,
            text,
            "a dated code must look like [CODE], [CODE >YYMMDD], [CODE <YYMMDD] or [CODE YYMMDD-YYMMDD]",
        )
    if m.group("after"):
        return _Term(m.group("code"), start=_date(m.group("after")[1:].strip(), path, line))
    if m.group("before"):
        return _Term(m.group("code"), end=_date(m.group("before")[1:].strip(), path, line))
    if m.group("start"):
        start, end = _date(m.group("start"), path, line), _date(m.group("end"), path, line)
        return _Term(m.group("code"), start=start, end=end)
    return _Term(m.group("code"))


class _Reader:
    """Reads entries line by line; ``finish`` closes the entry being read."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.entries: list[PetrarchActor] = []
        self.current: PetrarchActor | None = None
        self.terms: list[_Term] = []

    def finish(self) -> None:
        if self.current is not None:
            # Dated codes first: the undated one is the default when no date range applies.
            dated = [t for t in self.terms if t.start or t.end]
            self.current.terms = tuple(dated + [t for t in self.terms if not (t.start or t.end)])
            self.current.names = tuple(dict.fromkeys(self.current._names))
            if self.current.terms:
                self.entries.append(self.current)
        self.current, self.terms = None, []

    def line(self, number: int, raw: str, line: str) -> None:
        if raw[:1].isspace():
            if self.current is None:
                raise LexiconError(self.path, number, line.strip(), "a dated code before any entry")
            self.terms.append(_term(line.strip(), self.path, number))
            return
        if line.startswith("+"):
            m = _ENTRY.match(line[1:])
            if self.current is None or m is None:
                raise LexiconError(self.path, number, line, "a synonym with no entry above it, or unreadable")
            self.current._names.append(_name(m.group("name")))
            return
        self.finish()
        m = _ENTRY.match(line)
        if m is None:
            raise LexiconError(self.path, number, line, "cannot read this entry")
        self.current = PetrarchActor((), (), number, [_name(m.group("name"))])
        # "NAME [CODE]", or dated codes on the entry line itself: "NAME\t[IGOUNO 820101-911231] [ELI]".
        self.terms = [_term(b, self.path, number) for b in _BRACKETS.findall(m.group("codes"))]


def parse_actors(path: str, text: str, problems: list[LexiconError] | None = None) -> list[PetrarchActor]:
    """Parse the content of a ``.actors.txt`` file.

    A malformed line raises :class:`LexiconError` naming file, line and entry; when a
    ``problems`` list is given instead, the line is skipped and its error recorded there
    (the shared Phoenix files have a few such lines, and one should not cost the rest).
    """
    reader = _Reader(path)
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        try:
            reader.line(number, raw, line)
        except LexiconError as exc:
            if problems is None:
                raise
            problems.append(exc)
    reader.finish()
    return reader.entries


def load_actors_file(path: Path, problems: list[LexiconError] | None = None) -> list[PetrarchActor]:
    """Read a ``.actors.txt`` file (UTF-8, or Latin-1 as older dictionaries are)."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return parse_actors(str(path), text, problems)

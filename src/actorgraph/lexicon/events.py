"""The event lexicon: verb and event-noun patterns mapped to CAMEO codes.

Example:
    >>> lex = load_event_lexicon()
    >>> [p.code for p in lex.verbs["visit"]]
    ['042']
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from actorgraph import cameo
from actorgraph.lexicon.schema import Column, Row, parse_table

__all__ = ["EventLexicon", "NounPattern", "VerbPattern", "load_event_lexicon"]

_WORD = r"[a-z][a-z'-]*"
# A slot names where the target is; "^to" instead names where the doer is, the subject then
# being what it acts on ("Avdiivka fell to Russian forces").
_SLOT = r"\^?(dobj|dative|[a-z]+)"

VERB_COLUMNS = (
    Column("code", r"\d{3,4}"),
    Column("lemma", _WORD),
    # A particle ("back"), or a preposition and its object's lemma ("into custody", "on alert"),
    # with alternatives for the object ("with sanction|embargo": either one).
    Column("particle", rf"{_WORD}( {_WORD}(\|{_WORD})*)?", optional=True),
    Column("object", _WORD, multi=True, optional=True),
    Column("target", _SLOT, multi=True, optional=True),
)
NOUN_COLUMNS = (
    Column("code", r"\d{3,4}"),
    Column("noun", _WORD),
    Column("modifier", _WORD, multi=True, optional=True),
    Column("target", _SLOT, multi=True, optional=True),
)


@dataclass(frozen=True, slots=True)
class VerbPattern:
    code: str
    lemma: str
    particle: str | None
    objects: frozenset[str]
    targets: tuple[str, ...]
    rule: str

    @property
    def specificity(self) -> int:
        return 2 * bool(self.objects) + bool(self.particle)


@dataclass(frozen=True, slots=True)
class NounPattern:
    code: str
    noun: str
    modifiers: frozenset[str]
    targets: tuple[str, ...]
    rule: str


@dataclass(frozen=True)
class EventLexicon:
    verbs: dict[str, tuple[VerbPattern, ...]]
    nouns: dict[str, tuple[NounPattern, ...]]

    @property
    def speech_lemmas(self) -> frozenset[str]:
        """Verbs with a bare statement pattern: what they introduce is reported speech."""
        return frozenset(
            lemma
            for lemma, pats in self.verbs.items()
            if any(p.code.startswith("01") and not p.objects for p in pats)
        )


def _check_code(row: Row) -> str:
    code = row.one("code")
    try:
        cameo.lookup(code)
    except cameo.UnknownCodeError:
        raise row.error(f"code {code} is not in the CAMEO codebook") from None
    return code


def _text(name: str, folder: Path | None) -> tuple[str, str]:
    if folder is not None and (folder / name).exists():
        path = folder / name
        return str(path), path.read_text(encoding="utf-8")
    res = resources.files("actorgraph").joinpath("lexicon").joinpath("data").joinpath(name)
    return f"lexicon/data/{name}", res.read_text(encoding="utf-8")


def _verbs(folder: Path | None) -> dict[str, tuple[VerbPattern, ...]]:
    path, text = _text("verbs.tsv", folder)
    table: dict[str, list[VerbPattern]] = {}
    for row in parse_table(path, text, VERB_COLUMNS):
        code = _check_code(row)
        lemma = row.one("lemma")
        objects = frozenset(row.many("object"))
        needs = "+" + "|".join(sorted(objects)) if objects else ""
        for particle in _particles(row.maybe("particle")):
            shape = " ".join(filter(None, [lemma, particle, needs]))
            pat = VerbPattern(
                code,
                lemma,
                particle,
                objects,
                row.many("target"),
                f"verb '{shape}' -> {code} ({path.rsplit('/', 1)[-1]}:{row.line})",
            )
            for other in table.get(lemma, []):
                same_shape = other.particle == particle and (
                    other.objects & objects or not (other.objects or objects)
                )
                if same_shape and other.targets == pat.targets and other.code != code:
                    raise row.error(f"same pattern as {other.rule} with another code")
            table.setdefault(lemma, []).append(pat)
    return {k: tuple(v) for k, v in table.items()}


def _particles(particle: str | None) -> list[str | None]:
    """A particle column's particles, one per alternative: "with sanction|embargo" ->
    ["with sanction", "with embargo"]."""
    if particle is None or " " not in particle:
        return [particle]
    prep, nouns = particle.split(" ", 1)
    return [f"{prep} {noun}" for noun in nouns.split("|")]


def _nouns(folder: Path | None) -> dict[str, tuple[NounPattern, ...]]:
    path, text = _text("nouns.tsv", folder)
    table: dict[str, list[NounPattern]] = {}
    for row in parse_table(path, text, NOUN_COLUMNS):
        code = _check_code(row)
        noun, mods = row.one("noun"), frozenset(row.many("modifier"))
        # "air strike"; with alternatives, "military|naval exercise" (either one, not both)
        shape = f"{'|'.join(sorted(mods))} {noun}" if mods else noun
        table.setdefault(noun, []).append(
            NounPattern(
                code,
                noun,
                mods,
                row.many("target"),
                f"noun '{shape}' -> {code} ({path.rsplit('/', 1)[-1]}:{row.line})",
            )
        )
    return {k: tuple(v) for k, v in table.items()}


def load_event_lexicon(folder: Path | None = None) -> EventLexicon:
    """Load and validate verbs.tsv and nouns.tsv (packaged, or from ``folder``)."""
    if folder is None:
        return _packaged()
    return EventLexicon(_verbs(folder), _nouns(folder))


@functools.cache
def _packaged() -> EventLexicon:
    return EventLexicon(_verbs(None), _nouns(None))

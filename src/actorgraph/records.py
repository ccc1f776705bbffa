"""The data model every stage shares: frozen, typed records.

Records import nothing from the project. Character offsets (``start``, ``end``) are always
offsets into ``Document.text``, so every event can be traced to its exact span.

Example:
    >>> Span(0, 6, "Russia").text
    'Russia'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "MODALITIES",
    "RELATION_KINDS",
    "VOICES",
    "Actor",
    "Block",
    "CodedDocument",
    "Document",
    "Event",
    "EventDate",
    "Failure",
    "Location",
    "Mention",
    "Modality",
    "Quote",
    "Relation",
    "RelationKind",
    "Sentence",
    "Span",
    "Voice",
]

Voice = Literal["author", "quoted", "comment", "boilerplate"]
VOICES: tuple[Voice, ...] = ("author", "quoted", "comment", "boilerplate")

Modality = Literal["asserted", "negated", "hypothetical", "future", "request"]
MODALITIES: tuple[Modality, ...] = ("asserted", "negated", "hypothetical", "future", "request")


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of a document's text: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Block:
    """A run of text in one voice: a paragraph of the author, a quoted excerpt, a comment.

    ``speaker`` names the quoted outlet or the commenter when the text gives it; ``depth`` is
    the reply depth of a comment (1 for a top-level comment, 0 for other voices).
    """

    index: int
    start: int
    end: int
    voice: Voice
    speaker: str | None = None
    depth: int = 0


@dataclass(frozen=True, slots=True)
class Document:
    """One input document after ingest.

    ``doc_id`` is a hash of the normalised text, so the same text ingested twice is the same
    document. ``name`` is what the user calls it: the JSONL ``id`` or the file name.
    """

    doc_id: str
    name: str
    text: str
    blocks: tuple[Block, ...]
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    source: str | None = None
    path: str | None = None
    genre: str | None = None  # news | opinion | blog: in opinion and blogs the author claims


@dataclass(frozen=True, slots=True)
class Failure:
    """Bad input: a file or line that could not become a document, with the reason."""

    path: str
    reason: str
    line: int | None = None
    doc: str | None = None

    def message(self) -> str:
        """One line naming the file (and line): ``path:line: reason``."""
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        # A file name may hold a line break; the message must stay one line.
        return " ".join(f"{where}: {self.reason}".splitlines())


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    block_index: int
    start: int
    end: int
    text: str
    voice: Voice


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor named in the text, coded against the lexicon (or flagged as unknown).

    ``origin`` says how it was found: ``lexicon``, ``agent`` (a generic role such as
    "troops" combined with a country), ``pronoun`` (resolved to an earlier mention) or
    ``ner`` (spaCy's entity recogniser; code unknown).
    """

    sentence_index: int
    start: int
    end: int
    text: str
    code: str | None
    actor_id: str | None
    country: str | None
    sector: str | None
    kind: str
    origin: str


@dataclass(frozen=True, slots=True)
class Actor:
    """The source or target of an event."""

    text: str
    code: str | None
    actor_id: str | None = None
    country: str | None = None
    sector: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None
    precision: Literal["place", "admin", "country"]
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    inferred: bool = False  # True when the text attaches no place: the document's main country


@dataclass(frozen=True, slots=True)
class EventDate:
    """A date resolved from the text. ``value`` is the first day of the period it names."""

    value: dt.date
    precision: Literal["day", "week", "month", "year"]
    text: str


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: who did what to whom, where, when, in whose voice, by which rule."""

    event_id: str
    doc_id: str
    doc: str
    sentence_index: int
    sentence: str
    trigger: Span
    source: Actor | None
    target: Actor | None
    code: str
    root: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    modality: Modality
    voice: Voice
    rule: str
    confidence: float
    date: EventDate | None = None
    location: Location | None = None
    attributed_to: Actor | None = None
    claim: bool = False  # the author's own assertion in an opinion piece or blog post
    # The sentence's main event, the one a dataset of one record per sentence (PLOVER, ICEWS)
    # would report; every other event of the sentence is kept beside it (salience.py).
    main: bool = False


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation: its text (inside the marks), span, speaker and speech verb."""

    sentence_index: int
    start: int
    end: int
    text: str
    speaker: Actor | None
    verb: str | None
    voice: Voice


RelationKind = Literal["member", "ally", "backs", "enemy"]
RELATION_KINDS: tuple[RelationKind, ...] = ("member", "ally", "backs", "enemy")


@dataclass(frozen=True, slots=True)
class Relation:
    """A standing relation the text asserts, not an event: "X, a member of Y", "Y-backed X".

    ``member``: source is a member of the group led by (or named after) target. ``backs``:
    source sponsors target. ``ally`` and ``enemy`` are symmetric.
    """

    sentence_index: int
    kind: RelationKind
    source: Actor
    target: Actor
    cue: Span
    voice: Voice
    rule: str


@dataclass(frozen=True, slots=True)
class CodedDocument:
    """A document with everything the pipeline found in it."""

    document: Document
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...] = field(default=())
    relations: tuple[Relation, ...] = field(default=())

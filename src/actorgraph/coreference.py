"""Event coreference for time, place and doer: what the text says later about an event it coded.

Five patterns, all general:

- a definite event noun refers back to the last coded event of its code: in "Assad visited
  Moscow. ... The visit happened on Tuesday evening.", "the visit" gives the visit its date
  (and its place, if it has none);
- "during the visit" anchors an event to that earlier event: it takes the visit's date and place;
- an event noun that names an event the document codes elsewhere (same code and actors, no
  place in another country: "Assad visited Moscow. ... Assad's visit to Moscow was a sign of
  confidence") is that event mentioned again, not another one: it is not coded twice;
- violence whose doer the text does not name, against the side the sentence before (or the same
  sentence) named a doer's violence against, continues it: "Jet shot down by rebels; pilot
  executed" -> the rebels executed the pilot (a guess, with lower confidence);
- a condemnation or rejection of an act named by a definite noun with no doer of its own is aimed
  at the doer of the last act of that kind coded a sentence or two before: "Rebels attacked a
  village. The government condemned the attack." -> the government condemned the rebels (also
  with lower confidence).

Only missing values are filled; a date or place the event's own sentence gives always wins.

Example:
    >>> events = resolve_references(events, pieces, lexicon, published, gazetteer)  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from actorgraph.dates import date_for
from actorgraph.lexicon import EventLexicon
from actorgraph.parse import Parsed
from actorgraph.place import Gazetteer, locate
from actorgraph.records import Actor, Event, EventDate, Location
from actorgraph.subcodes import VIOLENT_ROOTS
from actorgraph.syntax import modifiers

__all__ = ["resolve_references"]

_DEFINITE = {"the", "this", "that", "these", "those"}
# Prepositions that put an event at the same time (and place) as the event they name.
_SIMULTANEOUS = {"during", "at", "amid", "throughout"}


@dataclass(frozen=True, slots=True)
class _Mention:
    """A definite event noun: where it is, its code, and what its own clause says."""

    start: int
    code: str
    date: EventDate | None
    location: Location | None


def _definite_nouns(
    pieces: Sequence[Parsed], lexicon: EventLexicon, published: dt.date | None, gazetteer: Gazetteer
) -> list[_Mention]:
    out = []
    for piece in pieces:
        for n in piece.doc:
            pats = lexicon.nouns.get(n.lemma_.lower())
            if not pats or n.pos_ != "NOUN" or not any(c.lower_ in _DEFINITE for c in n.children):
                continue
            governor = n.head if n.dep_ in ("nsubj", "nsubjpass", "dobj") else n
            date = date_for(piece.doc, governor, published)
            loc = locate(piece.doc, governor, n, pats[0].code, None, gazetteer)
            out.append(_Mention(piece.offset + n.idx, pats[0].code, date, loc))
    return out


def _antecedent(events: Sequence[Event], code: str, before: int) -> int | None:
    """Index of the last event of this 3-digit code that starts before ``before``."""
    best = None
    for i, e in enumerate(events):
        if e.code[:3] == code[:3] and e.trigger.start < before:
            best = i
    return best


def _fill(e: Event, date: EventDate | None, loc: Location | None) -> Event:
    changes: dict[str, Any] = {}
    if e.date is None and date is not None:
        changes["date"] = date
    if loc is not None and (e.location is None or e.location.inferred) and not loc.inferred:
        changes["location"] = loc
    return dataclasses.replace(e, **changes) if changes else e


def resolve_references(
    events: Sequence[Event],
    pieces: Sequence[Parsed],
    lexicon: EventLexicon,
    published: dt.date | None,
    gazetteer: Gazetteer,
) -> list[Event]:
    """Fill events' missing dates and places from later definite references to them, and drop
    nominal mentions of events already coded."""
    out = _judged_doers(_continued(_without_repeats(events)), pieces, lexicon)
    mentions = _definite_nouns(pieces, lexicon, published, gazetteer)
    for m in mentions:
        i = _antecedent(out, m.code, m.start)
        if i is not None and out[i].trigger.start != m.start:
            out[i] = _fill(out[i], m.date, m.location)
    # "During the surprise visit, he had talks": the talks take the visit's time and place.
    for piece in pieces:
        for prep in piece.doc:
            if prep.lower_ not in _SIMULTANEOUS or prep.dep_ != "prep":
                continue
            nouns = [c for c in prep.children if c.dep_ == "pobj" and lexicon.nouns.get(c.lemma_.lower())]
            if not nouns:
                continue
            noun = nouns[0]
            code = lexicon.nouns[noun.lemma_.lower()][0].code
            j = _antecedent(out, code, piece.offset + noun.idx)
            if j is None:
                continue
            for k, e in enumerate(out):
                if k != j and _governed_by(piece, e, prep.head):
                    out[k] = _fill(e, out[j].date, out[j].location)
    return out


def _code(actor: Actor | None) -> str | None:
    return actor.code if actor is not None and actor.code else None


def _repeats(e: Event, other: Event) -> bool:
    """Whether event ``e`` names ``other`` again: the same code, source and target, both named
    ("Russian strikes" with no target may be other strikes than those on Aleppo), and no place
    of its own in another country."""
    if e.code != other.code or e.event_id == other.event_id:
        return False
    sides = (_code(e.source), _code(e.target))
    if sides != (_code(other.source), _code(other.target)) or None in sides:
        return False
    here, there = e.location, other.location
    elsewhere = here is not None and there is not None and not here.inferred and not there.inferred
    return not (elsewhere and here.country != there.country)  # type: ignore[union-attr]


# Acts of force (coercion, assault, fighting, mass violence) whose doer a later unattributed
# act of violence against the same side continues.
_CONTINUED_ROOTS = ("17", "18", "19", "20")
# Confidence kept when a doer is carried over from the event before.
CONTINUED_CONFIDENCE = 0.7


def _continued(events: Sequence[Event]) -> list[Event]:
    out = list(events)
    for k, e in enumerate(out):
        target = _code(e.target)
        if e.code[:2] not in VIOLENT_ROOTS or _code(e.source) is not None or target is None:
            continue
        before = [
            b for b in out[:k]
            if b.code[:2] in _CONTINUED_ROOTS and _code(b.source) and _code(b.target) == target
            and 0 <= e.sentence_index - b.sentence_index <= 1
        ]
        if before:
            doer = before[-1].source
            rule = f"{e.rule}; doer continued from the event before"
            confidence = round(e.confidence * CONTINUED_CONFIDENCE, 2)
            out[k] = dataclasses.replace(e, source=doer, rule=rule, confidence=confidence)
    return out


# Judgements (11x disapprove, 12x reject) of an act a definite noun names with no doer of its
# own ("South Korea condemned the launch") are aimed at the doer of the last act of that kind
# the text coded, in the same sentence or at most JUDGED_REACH sentences before (2: set by hand on
# own sentences, where a reaction follows its act at once; not tuned on any gold set).
_JUDGING_ROOTS = ("11", "12")
JUDGED_REACH = 2


def _judged_doers(events: Sequence[Event], pieces: Sequence[Parsed], lexicon: EventLexicon) -> list[Event]:
    out = list(events)
    for k, e in enumerate(out):
        if e.code[:2] not in _JUDGING_ROOTS or _code(e.target) is not None or _code(e.source) is None:
            continue
        tok = _token(pieces, e.trigger.start)
        judged = [] if tok is None else [
            c for c in tok.children
            if c.dep_ == "dobj" and c.pos_ == "NOUN" and lexicon.nouns.get(c.lemma_.lower())
            and any(d.lower_ in _DEFINITE for d in c.children)
            and not any(d.dep_ == "poss" or (d.dep_ == "prep" and d.lower_ == "by") for d in c.children)
        ]
        if not judged:
            continue
        noun = judged[0]
        kinds = modifiers(noun)
        pats = lexicon.nouns[noun.lemma_.lower()]
        pat = next((p for p in pats if not p.modifiers or p.modifiers & kinds), None)
        if pat is None:
            continue
        before = [
            b for b in out[:k]
            if _same_kind(b.code, pat.code) and _code(b.source) and _code(b.source) != _code(e.source)
            and 0 <= e.sentence_index - b.sentence_index <= JUDGED_REACH
        ]
        if before:
            rule = f"{e.rule}; target: the doer of the {judged[0].text} coded before"
            confidence = round(e.confidence * CONTINUED_CONFIDENCE, 2)
            out[k] = dataclasses.replace(e, target=before[-1].source, rule=rule, confidence=confidence)
    return out


def _same_kind(code: str, other: str) -> bool:
    """Whether two codes are of one root, all violence (18-20) counting as one: "bombed the
    market ... condemned the attack"."""
    return code[:2] == other[:2] or (code[:2] in VIOLENT_ROOTS and other[:2] in VIOLENT_ROOTS)


def _token(pieces: Sequence[Parsed], start: int) -> Any | None:
    """The token of ``pieces`` that starts at document offset ``start``, if any."""
    return next((t for piece in pieces if (t := _token_in(piece, start)) is not None), None)


def _token_in(piece: Parsed, start: int) -> Any | None:
    """The token of ``piece`` that starts at document offset ``start``, if any."""
    at = start - piece.offset
    if not 0 <= at < len(piece.doc.text):
        return None
    return next((t for t in piece.doc if t.idx == at), None)


def _nominal(e: Event) -> bool:
    return e.rule.startswith("noun ")


def _without_repeats(events: Sequence[Event]) -> list[Event]:
    """``events`` without nominal mentions of an event the document codes elsewhere: a verb's
    account wherever it stands ("Assad's trip to Moscow", in a blog's introduction to the
    news item "Assad has visited Moscow"), or an earlier nominal one."""
    kept: list[Event] = []
    for i, e in enumerate(events):
        if _nominal(e) and any(
            _repeats(e, other) and (not _nominal(other) or j < i) for j, other in enumerate(events)
        ):
            continue
        kept.append(e)
    return kept


def _governed_by(piece: Parsed, e: Event, head: Any) -> bool:
    """Whether event ``e``'s trigger is ``head`` or a noun it governs directly."""
    if e.trigger.start < piece.block.start:
        return False
    tok = _token_in(piece, e.trigger.start)
    return tok is not None and (tok.i == head.i or tok.head.i == head.i)

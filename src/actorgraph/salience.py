"""Salience: which of a sentence's events is its main one.

A sentence often holds more than one event ("Police opened fire to disperse the crowd, killing
one"; "Iran threatened to shell Iraqi towns"). actorgraph keeps every one of them and marks one
``main``: the event a dataset of one record per sentence (PLOVER, ICEWS) would report, so that
such a dataset can be drawn from the store (`actorgraph events --main`) and compared with one.

The main event is the one whose trigger stands highest in the sentence: fewest clauses between
it and the main clause (a purpose, "to disperse", or a relative clause sits one lower), then
fewest parse steps to the root. An event noun counts from the verb that carries it ("launched
strikes" stands where "launched" stands). A bare statement (CAMEO root 01, "said") is main only
when nothing else is coded: the reported act is the news. Ties go to the event that names both
its sides, then to the one first in the sentence.

Example:
    >>> import spacy
    >>> doc = spacy.blank("en")("Rebels fled")
    >>> prominence(doc[0])
    Prominence(clauses=0, depth=0)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from actorgraph.records import Event

__all__ = ["Prominence", "mark_main", "prominence"]

# Dependencies that open a clause below their head's.
_CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj", "parataxis"})
# Where an event noun takes its carrying verb's place ("launched strikes", "strikes hit").
_CARRIED = frozenset({"dobj", "nsubj", "nsubjpass", "attr"})


@dataclass(frozen=True, slots=True, order=True)
class Prominence:
    """How high a trigger stands: clauses below the main one, then parse steps to the root."""

    clauses: int
    depth: int


_LOWEST = Prominence(1_000, 1_000)


def prominence(token: Any) -> Prominence:
    """The prominence of a trigger token in its sentence's parse (conjuncts share their head's)."""
    node = token.head if token.dep_ in _CARRIED and token.pos_ in ("NOUN", "PROPN") else token
    clauses = depth = 0
    while node.head.i != node.i:
        clauses += node.dep_ in _CLAUSAL
        depth += node.dep_ != "conj"
        node = node.head
    return Prominence(clauses, depth)


def _rank(event: Event, ranks: Mapping[int, Prominence]) -> tuple[bool, Prominence, int, int]:
    sides = (event.source is not None) + (event.target is not None)
    return (event.root == "01", ranks.get(event.trigger.start, _LOWEST), -sides, event.trigger.start)


def mark_main(events: Sequence[Event], ranks: Mapping[int, Prominence]) -> list[Event]:
    """The events with ``main`` set on one per sentence; ``ranks`` maps a trigger's start (in
    the document's text) to its prominence."""
    best: dict[int, int] = {}
    for k, e in enumerate(events):
        j = best.get(e.sentence_index)
        if j is None or _rank(e, ranks) < _rank(events[j], ranks):
            best[e.sentence_index] = k
    chosen = set(best.values())
    out = []
    for k, e in enumerate(events):
        main = k in chosen
        out.append(e if e.main == main else dataclasses.replace(e, main=main))
    return out

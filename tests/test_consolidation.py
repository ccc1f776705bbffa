"""Consolidation: a sentence's codings read together, one table of sentences -> events."""

from __future__ import annotations

import datetime as dt

import pytest

from actorgraph import Pipeline
from tests.conftest import code_text

DAY = dt.date(2024, 3, 14)
Expected = tuple[str, str | None, str | None]

CASES = [
    # A protest's demand is its purpose: one event, coded by what is demanded.
    ("Hungarian teachers went on strike in Budapest, demanding the resignation of the education minister.",
     [("1431", "HUNEDU", "HUNGOV")]),
    # What an accusation alleges is not reported as done.
    ("Kenya accused Somalia of harbouring militants and shelling border posts.", [("1123", "KEN", "SOM")]),
    # An admission of one's own side's act is 015 by the speaker.
    ("Tehran admitted that Iranian forces had shot down the airliner.",
     [("015", "IRNGOV", None), ("190", "IRNMIL", None)]),
    # A verb that carries a violent event noun is that event, with the verb's target.
    ("Israeli air strikes hit Rafah overnight.", [("195", "ISRMIL", "PSE")]),
    # Force used for a purpose is used on whom the purpose names.
    ("Kenyan police fired live rounds to disperse opposition supporters.",
     [("193", "KENCOP", "KENOPP"), ("175", "KENCOP", "KENOPP")]),
    # What the writer only guesses is no event; a quoted speaker's "I" is the speaker.
    ("My guess is that Belgrade will recognise Kosovo within a year.", []),
    ("I suspect Turkey will invade northern Syria again.", []),
    ("\"I believe Turkey will invade northern Syria,\" the Kurdish commander said.",
     [("192", "TURMIL", "SYR")]),
    # An act claimed is the claimer's; the claim is about its target.
    ("The Pakistani Taliban claimed responsibility for the attack, which killed ten soldiers.",
     [("015", "PAKREB", "MIL"), ("190", "PAKREB", "MIL")]),
    # A message that says what its sender does is that act, not also a statement.
    ("The Arab League issued a statement condemning the attack on the embassy.",
     [("111", "IGOMEAARL", None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_sentence(pipeline: Pipeline, sentence: str, expected: list[Expected]) -> None:
    got = [(e.code, e.source.code if e.source else None, e.target.code if e.target else None)
           for e in code_text(pipeline, sentence, DAY).events]
    assert sorted(got, key=str) == sorted(expected, key=str)

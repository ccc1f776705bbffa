"""Salience: one main event per sentence, the one highest in the sentence's clauses."""

from __future__ import annotations

import dataclasses

import pytest

from actorgraph import Pipeline
from actorgraph.records import Actor, Event, Span
from actorgraph.salience import Prominence, mark_main, prominence
from tests.conftest import code_text

# (sentence, trigger of the main event, triggers of the others)
CASES = [
    # a purpose clause ("to disperse") and a relative clause sit below the act
    ("Police fired tear gas to disperse the protesters who had blocked the road.", "fired", ["blocked"]),
    # an event noun stands where the verb that carries it stands
    ("The army launched air strikes on rebel positions as rebels shelled the town.", "strikes", ["shelled"]),
    ("Rebels seized the town, which government forces had shelled for weeks.", "seized", ["shelled"]),
    # conjoined acts tie: the one that names both its sides
    ("Egypt condemned the attack and recalled its ambassador from Israel.", "recalled", ["condemned"]),
    # a threat to act is the threat
    ("Iran threatened to shell Iraqi towns.", "threatened", []),
]


@pytest.mark.parametrize(("sentence", "main", "others"), CASES, ids=[c[1] for c in CASES])
def test_the_main_event_stands_highest(
    pipeline: Pipeline, sentence: str, main: str, others: list[str]
) -> None:
    events = code_text(pipeline, sentence).events
    assert [e.trigger.text for e in events if e.main] == [main], events
    assert sorted(e.trigger.text for e in events if not e.main) == sorted(others)


def test_each_sentence_has_one_main_event(pipeline: Pipeline) -> None:
    doc = code_text(pipeline, "Turkey condemned Syria and Iraq. Rebels attacked the town, killing five. "
                    "The weather was mild.")
    by_sentence: dict[int, list[bool]] = {}
    for e in doc.events:
        by_sentence.setdefault(e.sentence_index, []).append(e.main)
    assert sorted(by_sentence) == [0, 1]
    assert all(flags.count(True) == 1 for flags in by_sentence.values()), by_sentence


def _event(code: str, start: int, sentence: int = 0, target: bool = True) -> Event:
    return Event(
        event_id=f"e{start}", doc_id="d", doc="d", sentence_index=sentence, sentence="s",
        trigger=Span(start, start + 3, "xxx"), source=Actor("A", "USA"),
        target=Actor("B", "RUS") if target else None, code=code, root=code[:2], quad_class=1,
        goldstein=0.0, plover_type=None, plover_mode=None, modality="asserted", voice="author",
        rule="r", confidence=1.0,
    )


def test_a_statement_is_main_only_when_nothing_else_is_coded() -> None:
    said, struck = _event("010", 0), _event("195", 10)
    ranks = {0: Prominence(0, 0), 10: Prominence(1, 2)}
    assert [e.main for e in mark_main([said, struck], ranks)] == [False, True]
    assert [e.main for e in mark_main([said], ranks)] == [True]


def test_ties_go_to_both_sides_then_to_the_first() -> None:
    one_side, both, later = _event("111", 0, target=False), _event("161", 10), _event("172", 20)
    ranks = {0: Prominence(0, 1), 10: Prominence(0, 1), 20: Prominence(0, 1)}
    assert [e.main for e in mark_main([one_side, both, later], ranks)] == [False, True, False]


def test_an_event_without_a_rank_ranks_last_and_marks_are_recomputed() -> None:
    known, unknown = _event("190", 0), dataclasses.replace(_event("190", 10), main=True)
    assert [e.main for e in mark_main([unknown, known], {0: Prominence(2, 5)})] == [False, True]


def test_prominence_counts_clauses_then_steps(nlp: object) -> None:
    doc = nlp("Officials said the army shelled the town to punish the rebels.")  # type: ignore[operator]
    by_word = {t.text: prominence(t) for t in doc}
    assert by_word["said"] == Prominence(0, 0)
    assert by_word["said"] < by_word["shelled"] < by_word["punish"]
    assert by_word["punish"].clauses == by_word["shelled"].clauses + 1

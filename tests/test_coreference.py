"""Event coreference: later references give earlier events their date and place."""

from __future__ import annotations

import datetime as dt

import pytest

from actorgraph import Pipeline
from tests.conftest import code_text

PUB = dt.date(2024, 3, 14)  # Thursday


def test_a_definite_event_noun_dates_its_antecedent(pipeline: Pipeline) -> None:
    text = "Erdogan has visited Baghdad.\n\nThe visit took place on Tuesday, officials said."
    [visit] = [e for e in code_text(pipeline, text, PUB).events if e.code == "042"]
    assert visit.date is not None and visit.date.value == dt.date(2024, 3, 12)


def test_during_the_event_takes_its_time_and_place(pipeline: Pipeline) -> None:
    text = "Erdogan visited Baghdad on Tuesday.\n\nDuring the visit, he held talks with Iraqi officials."
    events = code_text(pipeline, text, PUB).events
    [talks] = [e for e in events if e.code == "040"]
    assert talks.date is not None and talks.date.value == dt.date(2024, 3, 12)
    assert talks.location is not None and talks.location.name == "Baghdad"


def test_own_date_wins_over_a_reference(pipeline: Pipeline) -> None:
    text = "Erdogan visited Baghdad on Monday.\n\nThe visit was announced on Wednesday."
    [visit] = [e for e in code_text(pipeline, text, PUB).events if e.code == "042"]
    assert visit.date is not None and visit.date.value == dt.date(2024, 3, 11)


def test_territory_and_inferred_country(pipeline: Pipeline) -> None:
    text = (
        "Clashes broke out near Idlib and Aleppo again.\n\n"
        "Russia said it would not bomb the YPG on Turkish soil.\n\nThe rebels attacked the army."
    )
    events = code_text(pipeline, text, PUB).events
    soil = [e for e in events if e.code.startswith("19") and e.source and e.source.code == "RUSMIL"]
    assert soil and soil[0].target is not None and soil[0].target.code == "SYRREB"
    assert soil[0].modality == "negated" and soil[0].source is not None
    assert soil[0].source.text == "it"  # resolved to the reporting clause's subject
    assert soil and soil[0].location is not None and soil[0].location.country == "TUR"
    assert not soil[0].location.inferred
    attack = [e for e in events if e.trigger.text == "attacked"]
    assert attack and attack[0].location is not None
    assert attack[0].location.inferred and attack[0].location.country == "SYR"


def test_a_nominal_mention_of_a_coded_event_is_not_coded_twice(pipeline: Pipeline) -> None:
    # Before the verb's account, and after it: one visit.
    text = (
        "Erdogan's trip to Baghdad surprised analysts.\n\n"
        "Turkish President Erdogan visited Baghdad on Tuesday.\n\n"
        "Erdogan's visit to Baghdad was his first in years."
    )
    visits = [e for e in code_text(pipeline, text, PUB).events if e.code == "042"]
    assert [(v.source.code if v.source else None, v.trigger.text) for v in visits] == [("TURGOV", "visited")]


def test_nominal_events_with_other_actors_are_other_events(pipeline: Pipeline) -> None:
    text = "Erdogan visited Baghdad on Tuesday.\n\nPutin's visit to Baghdad came a week later."
    visits = [e for e in code_text(pipeline, text, PUB).events if e.code == "042"]
    assert len(visits) == 2


def test_a_nominal_event_with_an_unnamed_side_is_kept(pipeline: Pipeline) -> None:
    # "the Russian assault" may be another attack than the one on Aleppo.
    text = "Russian troops attacked Aleppo on Monday.\n\nThe Russian assault went on."
    attacks = [e for e in code_text(pipeline, text, PUB).events if e.code == "190"]
    assert len(attacks) == 2


def test_unattributed_violence_continues_the_doer_before(pipeline: Pipeline) -> None:
    text = "Gunmen ambushed an army convoy near Mosul. Two soldiers were killed."
    [ambush, killing] = code_text(pipeline, text, PUB).events
    assert killing.source is not None and killing.source.code == ambush.source.code == "IRQREB"
    assert "doer continued from the event before" in killing.rule
    assert killing.confidence < ambush.confidence


def test_a_doer_is_not_carried_to_another_side(pipeline: Pipeline) -> None:
    text = "Gunmen ambushed an army convoy near Mosul. Two civilians were killed."
    killing = next(e for e in code_text(pipeline, text, PUB).events if "civilian" in e.sentence)
    assert "continued" not in killing.rule


JUDGED = [
    # (text, the judgement's code, its expected target)
    ("Rebels attacked a village in Mali.\n\nThe government condemned the attack.", "111", "MLIREB"),
    ("Russian jets bombed a market in Idlib.\n\nTurkey denounced the strike.", "111", "RUSMIL"),
    # the act judged is of another kind than the one before: nothing to take
    ("Rebels attacked a village in Mali.\n\nThe government condemned the visit.", "111", None),
    # too far back: three sentences between
    (
        "Rebels attacked a village in Mali. The army arrived. Officials met. Schools closed.\n\n"
        "The government condemned the attack.",
        "111",
        None,
    ),
    # the act has a doer of its own
    ("Rebels attacked a village in Mali.\n\nFrance condemned the jihadists' attack.", "111", "MLIREB"),
]


@pytest.mark.parametrize(("text", "code", "target"), JUDGED)
def test_a_judged_act_is_aimed_at_its_doer_coded_before(
    pipeline: Pipeline, text: str, code: str, target: str | None
) -> None:
    [judged] = [e for e in code_text(pipeline, text, PUB).events if e.code == code]
    assert (judged.target.code if judged.target else None) == target

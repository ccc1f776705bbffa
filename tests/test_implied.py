"""Implied arguments: countries and actors the text leaves unnamed, filled from places and the
acting state, each saying so in its rule. Sentences -> (code, source, target) of their events."""

from __future__ import annotations

import pytest

from actorgraph import Pipeline
from tests.conftest import code_text

Coded = tuple[str, str | None, str | None]


def coded(pipeline: Pipeline, text: str) -> list[Coded]:
    return [
        (e.code, e.source.code if e.source else None, e.target.code if e.target else None)
        for e in code_text(pipeline, text).events
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A state's forces at a place in another country, no one named: that country.
        ("Israeli tanks shelled targets in Jericho on Monday.", ("194", "ISRMIL", "PSE")),
        # At home their unnamed enemy is not their own state.
        ("Syrian tanks shelled targets in Homs on Monday.", ("194", "SYRMIL", None)),
        # A named target stays.
        ("Turkish jets bombed Kurdish fighters in Qamishli.", ("195", "TURMIL", "SYRREB")),
    ],
)
def test_force_abroad_acts_on_the_place_s_country(pipeline: Pipeline, text: str, expected: Coded) -> None:
    assert expected in coded(pipeline, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Egyptian police dispersed demonstrators on Monday night.", ("175", "EGYCOP", "EGYCVL")),
        ("Kenyan police arrested dozens of protesters.", ("173", "KENCOP", "KENCVL")),
        # Business people too: a story's company executives are its country's.
        ("Kenyan police opened a bribery inquiry into executives of the state power company.",
         ("091", "KENCOP", "KENBUS")),
        # The place speaks first: the rebels near Idlib are Syria's, not Russia's.
        ("Russian jets bombed rebels near Idlib.", ("195", "RUSMIL", "SYRREB")),
        # Only a state acting: an NGO's rebels have no country from it.
        ("Amnesty International criticised the rebels.", ("111", "NGOHRIAMN", "REB")),
        # Only as target: rebels who attack a state's police may be anyone's.
        ("Rebels attacked Kenyan police.", ("190", "REB", "KENCOP")),
    ],
)
def test_a_state_acts_on_its_own_population(pipeline: Pipeline, text: str, expected: Coded) -> None:
    assert expected in coded(pipeline, text)


def test_the_rule_says_what_it_filled_and_lowers_confidence(pipeline: Pipeline) -> None:
    [event] = code_text(pipeline, "Egyptian police dispersed demonstrators on Monday night.").events
    assert "target is the source's own population (EGY)" in event.rule
    assert event.confidence < 1.0


def test_protesters_against_a_state_are_its_own(pipeline: Pipeline) -> None:
    text = "Hundreds of refugees protested against Denmark's decision to deport them."
    assert ("140", "DNKCVL", "DNK") in coded(pipeline, text)


def test_in_protest_of_names_what_is_protested(pipeline: Pipeline) -> None:
    text = "Students staged a sit-in in protest of the Iranian government's crackdown."
    assert any(code == "141" and target == "IRNGOV" for code, _, target in coded(pipeline, text))


def test_unattributed_violence_is_not_the_place_s_state_attacking_itself(pipeline: Pipeline) -> None:
    assert coded(pipeline, "Ukraine was attacked near Kharkiv on Monday.") == [("190", None, "UKR")]
    assert coded(pipeline, "Soldiers were attacked near Kharkiv on Monday.") == [("190", "UKR", "UKRMIL")]


def test_unowned_forces_striking_a_capital_are_not_its_state_s_own(pipeline: Pipeline) -> None:
    # (the maker of a weapon is no owner either: "Iranian-made" gives the drones no country)
    assert coded(pipeline, "Iranian-made drones struck Kyiv.") == [("195", "MIL", "UKRGOV")]
    assert ("190", "SYRREB", "SYRMIL") in coded(pipeline, "Rebels attacked Syrian troops near Idlib.")


def test_a_qualified_role_keeps_the_country_the_document_gave_it(pipeline: Pipeline) -> None:
    text = (
        "Lebanese Druze militiamen shelled an army post near the border.\n\n"
        "In Syria, the Druze militias attacked a police station.\n\n"
        "In Syria, the militias attacked a checkpoint."
    )
    events = code_text(pipeline, text).events
    druze = [e for e in events if "police" in e.sentence]
    assert [e.source.code for e in druze if e.source] == ["LBNREB"]
    assert "as 'Lebanese Druze militiamen' earlier" in druze[0].rule
    # A bare role with no qualifier is the context's: other rebels may be meant.
    bare = [e for e in events if "checkpoint" in e.sentence]
    assert [e.source.code for e in bare if e.source] == ["SYRREB"]

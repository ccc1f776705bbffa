"""Subcodes: specific CAMEO codes from what an act governs, and from its doers and means."""

from __future__ import annotations

import pytest

from actorgraph.records import Actor
from actorgraph.subcodes import (
    INTENT_CODES,
    REFUSAL_CODES,
    accusation_code,
    asked_code,
    bombing_code,
    by_aircraft,
    code_in,
    counts_hundreds,
    investigation_code,
    takes_equipment,
    threat_code,
)


@pytest.mark.parametrize(
    ("head", "act", "expected"),
    [
        ("100", "0831", "1041"),  # demand a leader step down
        ("100", "0874", "106"),  # demand a withdrawal
        ("020", "084", "0253"),  # appeal for a release
        ("020", "087", "0256"),  # appeal to de-escalate
        ("130", "163", "1312"),  # threaten sanctions
        ("130", "190", "138"),  # threaten force
        ("130", "111", None),  # threatening to criticise is no more specific than 130
        ("111", "190", None),  # only demands, appeals and threats take their act's code
    ],
)
def test_asked_code(head: str, act: str, expected: str | None) -> None:
    assert asked_code(head, act) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [("191", "1381"), ("192", "1382"), ("195", "138"), ("161", "1313"), ("1722", "1322"), ("040", None)],
)
def test_threat_code(code: str, expected: str | None) -> None:
    assert threat_code(code) == expected


def test_the_longest_prefix_wins() -> None:
    assert code_in("0841", INTENT_CODES) == "0353"  # 084 before 08
    assert code_in("0874", REFUSAL_CODES) == "1246"  # 087
    assert code_in("190", INTENT_CODES) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A car bomb killed four policemen.", "1832"),
        ("A suicide bomber killed four policemen.", "1831"),
        ("A roadside bomb killed four soldiers.", "1833"),
        ("A bomb killed four soldiers.", "183"),
        ("Bombers killed four soldiers.", None),  # aircraft
        ("Gunmen killed four soldiers.", None),
    ],
)
def test_bombing_code(nlp, text: str, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    [verb] = [t for t in doc if t.lemma_ == "kill"]
    assert bombing_code(verb) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Troops captured dozens of tanks.", True), ("Troops captured the town.", False)],
)
def test_takes_equipment(nlp, text: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    [verb] = [t for t in nlp(text) if t.lemma_ == "capture"]
    assert takes_equipment(verb) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Troops killed hundreds of civilians.", True), ("Troops killed 300 civilians.", True),
     ("Troops killed 30 civilians.", False)],
)
def test_counts_hundreds(nlp, text: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    [verb] = [t for t in nlp(text) if t.lemma_ == "kill"]
    assert counts_hundreds(verb) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prosecutors opened a bribery probe into the minister.", "091"),
        ("The court opened an investigation into war crimes in Darfur.", "094"),
        ("Police opened an investigation into the torture of detainees.", "092"),
        ("The army opened an inquiry into the air strike.", "093"),
        ("Parliament opened an investigation.", None),
    ],
)
def test_investigation_code(nlp, text: str, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    [verb] = [t for t in nlp(text) if t.lemma_ == "open"]
    assert investigation_code(verb) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seoul accused Pyongyang of shelling the island.", "1123"),
        ("Rights groups accused the regime of torture and arbitrary detention.", "1122"),
        ("Kyiv accused Moscow of war crimes.", "1124"),
        ("Tehran charged the journalist with espionage.", "1125"),
        ("The court accused the minister of embezzling public funds.", "1121"),
        ("Russia accused Ukraine of lying.", None),
    ],
)
def test_accusation_code(nlp, text: str, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    [verb] = [t for t in nlp(text) if t.lemma_ in ("accuse", "charge")]
    assert accusation_code(verb) == expected


def test_by_aircraft() -> None:
    assert by_aircraft(Actor("Russian jets", "RUSMIL", None, "RUS", "MIL"))
    assert not by_aircraft(Actor("Russian troops", "RUSMIL", None, "RUS", "MIL"))
    assert not by_aircraft(None)

"""Modality: how a clause presents its act, read from the verbs that govern it."""

from __future__ import annotations

import pytest

from actorgraph.modality import addressed, issuing_verb, modality_of, named_by_demand

SAY = {"say", "tell", "announce"}

# sentence, the act's verb lemma, its modality
CASES = [
    ("Russia withdrew its troops.", "withdraw", "asserted"),
    ("Russia did not withdraw its troops.", "withdraw", "negated"),
    ("Nobody withdrew any troops.", "withdraw", "negated"),
    ("Russia refused to withdraw its troops.", "withdraw", "negated"),
    ("Russia will withdraw its troops.", "withdraw", "future"),
    ("Russia plans to withdraw its troops.", "withdraw", "future"),
    ("Russia could withdraw its troops.", "withdraw", "hypothetical"),
    ("Officials said Russia would withdraw its troops.", "withdraw", "future"),
    ("Will Russia withdraw its troops?", "withdraw", "hypothetical"),
    ("Russia is capable of withdrawing its troops.", "withdraw", "hypothetical"),
    ("Russia is guilty of shelling the town.", "shell", "asserted"),
    ("Turkey urged Russia to withdraw its troops.", "withdraw", "request"),
    ("Turkey said Russia must withdraw its troops.", "withdraw", "request"),
    ("Turkey insisted that Russia withdraw its troops.", "withdraw", "request"),
    ("Turkey repeated its demand that Russia withdraw its troops.", "withdraw", "request"),
    ("The Kremlin denied that its troops had shelled the hospital.", "shell", "negated"),
    ("The Council failed to agree on a statement condemning the coup.", "condemn", "negated"),
]


@pytest.mark.parametrize(("sentence", "lemma", "expected"), CASES, ids=[c[0] for c in CASES])
def test_modality_of_an_act(nlp, sentence: str, lemma: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(sentence)
    [verb] = [t for t in doc if t.lemma_.lower() == lemma]
    assert modality_of(verb, SAY) == expected


def test_demands_addressees_and_issued_messages(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Syria called on Washington to lift its sanctions.")
    call, lift = doc[1], next(t for t in doc if t.lemma_ == "lift")
    assert addressed(call)
    assert named_by_demand(lift) or lift.dep_ == "xcomp"  # the parser hangs it either way
    doc = nlp("The opposition called a meeting to discuss the election.")
    assert not addressed(doc[2])
    doc = nlp("The EU issued a statement condemning the attack.")
    condemn = next(t for t in doc if t.lemma_ == "condemn")
    issued = issuing_verb(condemn)
    assert issued is not None and issued.lemma_ == "issue"
    assert issuing_verb(doc[2]) is None

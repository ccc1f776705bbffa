"""Syntax: the shared readings of the parse."""

from __future__ import annotations

from actorgraph.syntax import infinitive, objects_of, prep_objects


def test_objects_of_named_prepositions_on_any_head(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Officials from Iran accused the army of shelling villages.")
    officials, accused, army = doc[0], doc[3], doc[5]
    assert [t.text for t in objects_of([officials], ["from"])] == ["Iran"]
    assert objects_of([army, accused], ["of"]) == []  # a gerund is no pobj by default
    assert [t.text for t in objects_of([army, accused], ["of"], ("pobj", "pcomp"))] == ["shelling"]
    assert [t.text for t in prep_objects(doc[1])] == ["Iran"]


def test_infinitive(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Turkey threatened on Monday to close the border.")
    close = next(t for t in doc if t.lemma_ == "close")
    assert infinitive(close) and not infinitive(doc[1])

"""Syntax: the shared readings of the parse."""

from __future__ import annotations

from actorgraph.syntax import (
    conditions,
    describes,
    example_words,
    has_that,
    infinitive,
    is_headline,
    joined,
    modifiers,
    objects_of,
    owned,
    prep_objects,
    reports,
)


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


def test_headlines_are_short_lines_without_a_full_stop(nlp) -> None:  # type: ignore[no-untyped-def]
    assert is_headline(next(nlp("Pilot executed").sents))
    assert not is_headline(next(nlp("The pilot was executed.").sents))


def test_the_examples_of_a_kind(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Allies such as Iran and Hezbollah objected. Countries like Chad agreed.")
    allies, countries = doc[0], next(t for t in doc if t.text == "Countries")
    assert [t.text for t in example_words(allies)] == ["Iran"]  # (its conjuncts follow it)
    assert [t.text for t in example_words(countries)] == ["Chad"]


def test_a_reporting_clause_after_what_it_reports(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The army is failing to protect civilians, a human rights group protested on Monday.")
    protested = next(t for t in doc if t.text == "protested")
    assert protested.dep_ == "advcl" and reports(protested)  # the parse this reading mends
    assert not reports(next(t for t in doc if t.text == "failing"))


def test_conditions_and_that_clauses(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Iran will retaliate if Israel strikes. He said that it was over.")
    retaliate = next(t for t in doc if t.text == "retaliate")
    assert [c.text for c in conditions(retaliate)] == ["strikes"]
    said = next(t for t in doc if t.text == "said")
    assert [c for c in said.children if c.dep_ == "ccomp" and has_that(c)]


def test_a_participle_that_describes_its_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Militiamen armed with machetes attacked the camp.")
    armed = next(t for t in doc if t.text == "armed")
    assert describes(armed)
    assert not describes(next(t for t in doc if t.text == "attacked"))


def test_a_noun_owned_by_its_possessor_or_named_modifier(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Russian forces and Kyiv's troops met the new soldiers.")
    forces, troops, soldiers = doc[1], doc[5], doc[9]
    assert owned(forces) and owned(troops) and not owned(soldiers)


def test_the_modifiers_that_say_what_kind_a_noun_is(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Prisoners staged a hunger strike after the heavy air strikes.")
    hunger_strike, air_strikes = doc[4], doc[9]
    assert modifiers(hunger_strike) == {"hunger"}
    assert modifiers(air_strikes) == {"heavy", "air"}


def test_words_joined_by_a_slash_or_hyphen_without_spaces(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("US/British/French jets and Russian-Syrian forces struck, not Iraqi / Iranian ones.")
    us, british, french = doc[0], doc[2], doc[4]
    assert [t.text for t in joined(british)] == ["US", "French"]
    assert [t.text for t in joined(us)] == ["British", "French"]
    assert [t.text for t in joined(doc[7])] == ["Syrian"]  # Russian
    iraqi = next(t for t in doc if t.text == "Iraqi")
    assert joined(iraqi) == []  # spaced: not one written pair
    assert joined(french) == [us, british] and joined(doc[5]) == []

"""Quotes: direct quotations with speaker, verb and span; events inside them are attributed."""

from __future__ import annotations

import datetime as dt

from actorgraph import Pipeline
from tests.conftest import code_text

DAY = dt.date(2024, 3, 14)


def test_quote_with_speaker_verb_and_span(pipeline: Pipeline) -> None:
    text = "Erdogan said: “We will not allow a terror corridor on our southern border.”"
    coded = code_text(pipeline, text, DAY)
    [quote] = coded.quotes
    assert quote.text == "We will not allow a terror corridor on our southern border."
    assert coded.document.text[quote.start : quote.end] == quote.text
    assert quote.verb == "say" and quote.speaker is not None and quote.speaker.code == "TURGOV"


def test_as_x_put_it(pipeline: Pipeline) -> None:
    text = "As Putin put it, “Nobody should doubt our resolve in this matter.”"
    [quote] = code_text(pipeline, text, DAY).quotes
    assert quote.verb == "put" and quote.speaker is not None and quote.speaker.code == "RUSGOV"


def test_scare_quotes_are_not_quotations(pipeline: Pipeline) -> None:
    assert code_text(pipeline, "The so-called “rebels” held the town.", DAY).quotes == ()


def test_events_inside_a_quotation_are_attributed(pipeline: Pipeline) -> None:
    text = "Netanyahu said: “Hezbollah fired rockets at our towns again.”"
    coded = code_text(pipeline, text, DAY)
    rockets = [e for e in coded.events if e.code.startswith("19")]
    assert rockets and rockets[0].attributed_to is not None
    assert rockets[0].attributed_to.code == "ISRGOV"


def test_quoted_excerpt_and_comment_events_are_attributed_to_their_source(pipeline: Pipeline) -> None:
    text = (
        "My view first.\n\nAs the BBC reported:\n\nRussian jets bombed rebel positions in Idlib.\n\n\n"
        "2 thoughts on post\n\n  1. Sam K.\n     March 14, 2024 at 9:12 am\n\n"
        "     Turkish drones struck the SDF near Qamishli.\n"
    )
    events = code_text(pipeline, text, DAY).events
    quoted = [e for e in events if e.voice == "quoted"]
    assert quoted and quoted[0].attributed_to is not None
    assert (quoted[0].attributed_to.text, quoted[0].attributed_to.code) == ("the BBC", "GBRMED")
    comment = [e for e in events if e.voice == "comment"]
    assert comment and comment[0].attributed_to is not None
    assert comment[0].attributed_to.text == "Sam K." and comment[0].attributed_to.code is None

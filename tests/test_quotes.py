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

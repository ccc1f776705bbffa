"""Parsing: the tokenizer keeps abbreviated titles and hyphenated lexicon words whole."""

from __future__ import annotations

from actorgraph import Pipeline
from tests.conftest import code_text


def test_an_abbreviated_title_ends_no_sentence(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Brig. Gen. Omar Bashir met Col. Ahmed Said in Khartoum. They spoke for an hour.")
    assert [s.text for s in doc.sents] == [
        "Brig. Gen. Omar Bashir met Col. Ahmed Said in Khartoum.", "They spoke for an hour."]
    assert [t.text for t in doc[:2]] == ["Brig.", "Gen."]


def test_a_title_codes_the_unknown_name_it_precedes(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Lt. Gen. Ivan Markov resigned on Monday.")
    [mention] = [m for m in coded.mentions if "Markov" in m.text]
    assert (mention.text, mention.code, mention.origin) == ("Lt. Gen. Ivan Markov", "MIL", "ner+agent")
    assert [e.code for e in coded.events] == ["0831"]


def test_hyphenated_lexicon_words_are_one_token_in_every_form(pipeline: Pipeline) -> None:
    for text in ("They de-escalated.", "De-escalating now, they left.", "Both sides de-escalate."):
        assert any(t.text.lower().startswith("de-escalat") for t in pipeline.nlp(text)), text


def test_a_short_line_is_a_sentence_of_its_own(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Kharkiv: drones hit a depot\nPilot captured by rebels\nRussian strikes continue")
    assert [s.text.strip() for s in doc.sents] == [
        "Kharkiv: drones hit a depot", "Pilot captured by rebels", "Russian strikes continue"]
    # hard-wrapped prose keeps its sentences across line breaks
    wrapped = ("The Russian army said on Monday that its troops had captured the village of\n"
               "Krasnohorivka after weeks of fighting.")
    assert len(list(pipeline.nlp(wrapped).sents)) == 1

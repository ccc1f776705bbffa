"""Genre: metadata first, then the text's cues; author-voice events in opinion are claims."""

from __future__ import annotations

import datetime as dt

import pytest

from actorgraph import Pipeline, make_document
from actorgraph.ingest.genre import genre_from_label
from tests.conftest import code_text

NEWS = "Turkish jets struck PKK positions in northern Iraq on Monday, the ministry said."
OPINION = (
    "Turkish jets struck PKK positions again. Who believes this will end the war? "
    "I do not, and my guess is that Ankara will keep bombing until the spring."
)


@pytest.mark.parametrize(
    ("label", "genre"),
    [
        ("Opinion", "opinion"),
        ("Op-Ed", "opinion"),
        ("Analysis", "opinion"),
        ("blog", "blog"),
        ("World News", "news"),
        ("news", "news"),
        ("Sport", None),
        (None, None),
    ],
)
def test_labels(label: str | None, genre: str | None) -> None:
    assert genre_from_label(label) == genre


def test_text_cues() -> None:
    assert make_document("n", NEWS, None).genre == "news"
    assert make_document("o", OPINION, None).genre == "opinion"
    blog = OPINION + '\n\n2 thoughts on "x"\n\n  1. Nonsense.\n'
    assert make_document("b", blog, None).genre == "blog"


def test_metadata_wins() -> None:
    assert make_document("n", OPINION, None, genre="news").genre == "news"
    page = (
        '<html><head><meta property="article:section" content="Opinion"></head>'
        f"<body><p>{NEWS}</p></body></html>"
    )
    assert make_document("p", page, None, html=True).genre == "opinion"


def test_author_events_in_opinion_are_claims(pipeline: Pipeline) -> None:
    day = dt.date(2024, 3, 14)
    assert all(e.claim for e in code_text(pipeline, OPINION, day).events)
    assert not any(e.claim for e in code_text(pipeline, NEWS, day).events)
    quoted = "I read this today:\n\nTurkish jets struck PKK positions in northern Iraq.\n\n\nWhy?"
    events = code_text(pipeline, quoted, day).events
    assert events and all(e.voice == "quoted" and not e.claim for e in events)

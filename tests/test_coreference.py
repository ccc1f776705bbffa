"""Event coreference: later references give earlier events their date and place."""

from __future__ import annotations

import datetime as dt

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

"""Dates: resolved against the publication date with a precision, or refused."""

from __future__ import annotations

import datetime as dt

import pytest

from actorgraph import Pipeline
from actorgraph.dates import resolve
from tests.conftest import code_text

PUB = dt.date(2015, 10, 21)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("on Tuesday evening", dt.date(2015, 10, 20), "day"),
        ("on Wednesday", dt.date(2015, 10, 21), "day"),  # the publication day itself
        ("last Wednesday", dt.date(2015, 10, 14), "day"),
        ("yesterday", dt.date(2015, 10, 20), "day"),
        ("Oct. 1", dt.date(2015, 10, 1), "day"),
        ("October 30", dt.date(2014, 10, 30), "day"),  # well after publication: last year's
        ("3 March 2024", dt.date(2024, 3, 3), "day"),
        ("2024-03-03", dt.date(2024, 3, 3), "day"),
        ("last month", dt.date(2015, 9, 1), "month"),
        ("this week", dt.date(2015, 10, 19), "week"),
        ("next week", dt.date(2015, 10, 26), "week"),
        ("in 2011", dt.date(2011, 1, 1), "year"),
        ("in March", dt.date(2015, 3, 1), "month"),
    ],
)
def test_resolve(text: str, value: dt.date, precision: str) -> None:
    got = resolve(text, PUB)
    assert got is not None and (got.value, got.precision) == (value, precision)


@pytest.mark.parametrize("text", ["on Tuesday", "last month", "Oct. 1", "recently", "for years"])
def test_refuses_without_an_anchor(text: str) -> None:
    assert resolve(text, None) is None


def test_event_takes_the_date_its_verb_governs(pipeline: Pipeline) -> None:
    text = "Assad, who took office in 2000, visited Moscow on Tuesday."
    [visit] = [e for e in code_text(pipeline, text, PUB).events if e.code == "042"]
    assert visit.date is not None and visit.date.value == dt.date(2015, 10, 20)


def test_no_date_in_the_text_leaves_it_empty(pipeline: Pipeline) -> None:
    [visit] = code_text(pipeline, "Assad visited Moscow.", PUB).events
    assert visit.date is None

"""Shared fixtures: one pipeline (the spaCy model loads once per test session)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from actorgraph import CodedDocument, Pipeline, make_document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def nlp(pipeline: Pipeline):  # type: ignore[no-untyped-def]
    return pipeline.nlp


@pytest.fixture()
def shared() -> Path:
    """The shared gold folder beside the project; tests that need it skip without it."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not here (as on a user's machine)")
    return SHARED


def code_text(
    pipeline: Pipeline, text: str, date: dt.date | None = dt.date(2024, 3, 14), name: str = "t"
) -> CodedDocument:
    """Code one text and return the coded document."""
    [item] = list(pipeline.run([make_document(name, text, date)]))
    assert isinstance(item, CodedDocument), item
    return item

"""Robustness suite settings: hypothesis profiles and the ``slow`` marker.

``ACTORGRAPH_FUZZ=long`` runs every property with 1000+ examples (the default is a few dozen,
so the suite stays quick); ``ACTORGRAPH_SLOW=1`` runs the tests marked ``slow``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

pytest.register_assert_rewrite("tests.robustness.checks")

LONG_FUZZ = os.environ.get("ACTORGRAPH_FUZZ", "").lower() == "long"
RUN_SLOW = os.environ.get("ACTORGRAPH_SLOW", "") == "1"

# database=None: no example database; a failure prints its minimal example instead. (Hypothesis
# still keeps a small cache in .hypothesis/, which it gitignores itself.)
for name, examples in (("actorgraph", 40), ("long", 1000)):
    settings.register_profile(
        name,
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
settings.load_profile("long" if LONG_FUZZ else "actorgraph")
HERE = Path(__file__).resolve().parent


def budget(examples: int) -> int:
    """Examples for one property: ``examples`` normally, at least 1000 with ACTORGRAPH_FUZZ=long."""
    return max(examples, 1000) if LONG_FUZZ else examples


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: takes more than ~20 s; runs only with ACTORGRAPH_SLOW=1")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if RUN_SLOW:
        return
    skip = pytest.mark.skip(reason="slow: set ACTORGRAPH_SLOW=1 to run")
    for item in items:
        if "slow" in item.keywords and HERE in Path(item.path).resolve().parents:
            item.add_marker(skip)

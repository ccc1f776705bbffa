"""The store: a DuckDB file of coded documents, events, actors, relations and event clusters.

Example:
    >>> with Store(":memory:") as store:
    ...     store.count("clusters")
    0
"""

from actorgraph.store.database import DyadCount, Store, StoreError, event_from_row
from actorgraph.store.gate import LOCK_TIMEOUT_SECONDS
from actorgraph.store.ingest import Ingest
from actorgraph.store.reader import Reader
from actorgraph.store.schema import SCHEMA_VERSION, TABLES

__all__ = [
    "LOCK_TIMEOUT_SECONDS",
    "SCHEMA_VERSION",
    "TABLES",
    "DyadCount",
    "Ingest",
    "Reader",
    "Store",
    "StoreError",
    "event_from_row",
]

"""actorgraph: CAMEO-coded political events, actors and provenance from text, offline.

Example:
    >>> import actorgraph
    >>> pipeline = actorgraph.Pipeline()  # doctest: +SKIP
    >>> docs = actorgraph.read_paths(["examples"])  # doctest: +SKIP
    >>> events = [e for d in pipeline.run(docs) if isinstance(d, actorgraph.CodedDocument)
    ...           for e in d.events]  # doctest: +SKIP
"""

from actorgraph.ingest import make_document, read_paths
from actorgraph.pipeline import Pipeline, Settings
from actorgraph.records import (
    Actor,
    Block,
    CodedDocument,
    Document,
    Event,
    EventDate,
    Failure,
    Location,
    Mention,
    Sentence,
    Span,
)
from actorgraph.store import Store

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Block",
    "CodedDocument",
    "Document",
    "Event",
    "EventDate",
    "Failure",
    "Location",
    "Mention",
    "Pipeline",
    "Sentence",
    "Settings",
    "Span",
    "Store",
    "__version__",
    "make_document",
    "read_paths",
]

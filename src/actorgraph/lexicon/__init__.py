"""Lexicons: data files in ``lexicon/data``, their schema, and typed loaders.

Example:
    >>> from actorgraph.lexicon import load_actor_lexicon
    >>> load_actor_lexicon().code("country:SYR", None)
    'SYR'
"""

from actorgraph.lexicon.actors import ActorLexicon, load_actor_lexicon
from actorgraph.lexicon.events import EventLexicon, load_event_lexicon
from actorgraph.lexicon.schema import LexiconError

__all__ = [
    "ActorLexicon",
    "EventLexicon",
    "LexiconError",
    "load_actor_lexicon",
    "load_event_lexicon",
]

"""Events: predicates on the dependency parse, matched against the verb and noun lexicons.

Grammar handled here, the same way for every lexicon entry: active and passive voice (also
headline passives, "jet shot down by rebels"), coordinated arguments (one event per pair),
subjects inherited through conjoined, controlled and relative clauses, light verbs with an
event noun ("launched air strikes on"), negation, modality, reported speech and pronouns.

The coder is built in layers, one module each, every layer using only those before it:

- ``words``: the word sets the rules read (data that is grammar, not lexicon);
- ``arguments``: which actors a noun phrase names (pronouns, owners, examples, counterparts);
- ``roles``: a clause's subjects, voice and targets by slot;
- ``pairs``: codings from an act's sides, with modality, stated intent and the speaker;
- ``verbs``, ``nouns``, ``judgements``: events triggered by a verb, an event noun, or a judgement;
- ``coder``: `EventCoder`, which runs them over a sentence and folds governed acts.

Example:
    >>> coder = EventCoder()  # doctest: +SKIP
    >>> [c.code for c in coder.code(nlp("Syria's president visited Moscow."), found, [])]  # doctest: +SKIP
    ['042']
"""

from actorgraph.consolidation import Coding
from actorgraph.events.arguments import last_person
from actorgraph.events.coder import EventCoder

__all__ = ["Coding", "EventCoder", "last_person"]

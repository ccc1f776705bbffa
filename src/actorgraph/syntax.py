"""Syntax: small readings of the dependency parse that the coder, places and subcodes share.

Example:
    >>> doc = nlp("The army of Iraq wanted to leave.")  # doctest: +SKIP
    >>> [t.text for t in objects_of([doc[1]], ["of"])], infinitive(doc[6])  # doctest: +SKIP
    (['Iraq'], True)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["infinitive", "objects_of", "prep_objects"]


def prep_objects(prep: Any, deps: tuple[str, ...] = ("pobj",)) -> list[Any]:
    """The objects of a preposition token: "of Iraq" -> [Iraq]."""
    return [o for o in prep.children if o.dep_ in deps]


def objects_of(heads: Iterable[Any], names: Iterable[str], deps: tuple[str, ...] = ("pobj",)) -> list[Any]:
    """The objects of the prepositions ``names`` on any of ``heads``, in order: ("army of Iraq",
    ["of"]) -> [Iraq]; with ``deps=("pobj", "pcomp")`` also gerunds ("accused of shelling")."""
    wanted = set(names)
    return [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in wanted
            for o in prep_objects(p, deps)]


def infinitive(verb: Any) -> bool:
    """Whether ``verb`` is a "to" infinitive ("threatened on Monday to resume...")."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)

"""Syntax: small readings of the dependency parse that the coder, places and subcodes share.

Example:
    >>> doc = nlp("The army of Iraq wanted to leave.")  # doctest: +SKIP
    >>> [t.text for t in objects_of([doc[1]], ["of"])], infinitive(doc[6])  # doctest: +SKIP
    (['Iraq'], True)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = [
    "COUNT_WORDS",
    "HEADLINE_MAX_WORDS",
    "agent_objects",
    "conditions",
    "describes",
    "example_words",
    "has_that",
    "infinitive",
    "is_headline",
    "joined",
    "modifiers",
    "noun_phrase",
    "objects_of",
    "ordered_to_leave",
    "owned",
    "prep_objects",
    "reports",
]


# Entity types of a modifier that says whose a noun is: a people, state, group or person.
_OWNER_ENTITIES = {"NORP", "GPE", "ORG", "PERSON"}


def owned(noun: Any) -> bool:
    """Whether ``noun`` is said to be someone's by a possessor or a named modifier: "Russian
    forces", "Kyiv's troops", "a Hamas bid" (not "a 2024 bid")."""
    return any(
        c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in _OWNER_ENTITIES)
        for c in noun.children
    )


def modifiers(noun: Any) -> set[str]:
    """The lemmas of the words that say what kind ``noun`` is: "a US drone strike" -> {us, drone}."""
    return {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}


# Marks written between two words with no space that make them one pair: "US/British", "Russian-Syrian".
_JOINERS = {"/", "-"}


def joined(tok: Any) -> list[Any]:
    """The words written onto ``tok`` with a slash or hyphen and no spaces, in either direction:
    "Iraqi/Iranian militia" -> [Iraqi] for Iranian (and [Iranian] for Iraqi)."""
    doc, out = tok.doc, []
    for step in (-2, 2):
        i = tok.i
        while 0 <= i + step < len(doc):
            left = min(i, i + step)
            if doc[left + 1].text not in _JOINERS or doc[left].whitespace_ or doc[left + 1].whitespace_:
                break
            out.append(doc[i + step])
            i += step
    return sorted(out, key=lambda t: t.i)


def prep_objects(prep: Any, deps: tuple[str, ...] = ("pobj",)) -> list[Any]:
    """The objects of a preposition token: "of Iraq" -> [Iraq]."""
    return [o for o in prep.children if o.dep_ in deps]


def objects_of(heads: Iterable[Any], names: Iterable[str], deps: tuple[str, ...] = ("pobj",)) -> list[Any]:
    """The objects of the prepositions ``names`` on any of ``heads``, in order: ("army of Iraq",
    ["of"]) -> [Iraq]; with ``deps=("pobj", "pcomp")`` also gerunds ("accused of shelling")."""
    wanted = set(names)
    return [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in wanted
            for o in prep_objects(p, deps)]


# Count words whose "of" phrase is what is counted ("hundreds of men", "dozens of villagers").
COUNT_WORDS = frozenset(
    {"hundreds", "thousands", "dozens", "scores", "tens", "millions", "hundred", "thousand", "dozen"}
)


def agent_objects(verb: Any) -> list[Any]:
    """The objects of a passive's "by" agent: "killed by a roadside bomb" -> [bomb]."""
    return [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]


def infinitive(verb: Any) -> bool:
    """Whether ``verb`` is a "to" infinitive ("threatened on Monday to resume...")."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


# Longest line read as a headline; news headlines run 5-12 words (set by reading the samples).
HEADLINE_MAX_WORDS = 12

# Places that are whom they serve: "a camp for Congolese refugees" is the refugees' camp.
_SERVING = {"camp", "shelter", "school", "hospital", "clinic", "orphanage", "home", "settlement"}

# Clauses whose words do not belong to the noun phrase they hang from.
_CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "appos", "conj", "cc", "punct", "prep"}

# Verbs that make their object leave ("ordered the ambassador to leave"), and verbs of leaving.
_ORDERING = {"order", "tell", "instruct", "force"}
_LEAVING = {"leave", "quit", "depart", "exit"}


def is_headline(sent: Any) -> bool:
    """A short line with no final full stop: headline grammar drops auxiliaries ("Pilot executed")."""
    words = [t for t in sent if not t.is_punct]
    return 0 < len(words) <= HEADLINE_MAX_WORDS and sent[-1].text not in (".", "!", "?", '"', "”")


def noun_phrase(t: Any) -> list[Any]:
    """The words of the noun phrase headed by ``t``, without attached clauses."""
    out = []
    stack = [t]
    while stack:
        w = stack.pop()
        out.append(w)
        for c in w.children:
            whose = c.lower_ == "of" or (c.lower_ == "for" and w.lemma_.lower() in _SERVING)
            if c.dep_ not in _CLAUSE_DEPS or (c.dep_ == "prep" and whose):
                stack.append(c)
    return sorted(out, key=lambda w: (w.i > t.i, abs(w.i - t.i)))


def ordered_to_leave(v: Any) -> Any | None:
    """The verb of leaving that ``v`` orders its object to do ("ordered French troops to leave
    the country", "forced UN inspectors to leave"), else None. Not "leave office"."""
    if v.lemma_.lower() not in _ORDERING or not any(c.dep_ in ("dobj", "dative") for c in v.children):
        return None
    for c in v.children:
        resigns = any(o.dep_ == "dobj" and o.lemma_.lower() in ("office", "post") for o in c.children)
        if c.dep_ in ("xcomp", "advcl", "ccomp") and c.lemma_.lower() in _LEAVING and infinitive(c) \
                and not resigns:
            return c
    return None


def example_words(t: Any) -> list[Any]:
    """The examples a noun phrase gives of its kind: "militias such as the Badr Corps",
    "countries like Chad", "groups including Hamas"."""
    such = [c for c in t.children if c.dep_ == "amod" and c.lower_ == "such"]
    preps = [p for c in such for p in c.children if p.lower_ == "as"]
    for c in t.children:
        as_such = c.lower_ == "as" and (such or any(g.lower_ == "such" for g in c.children))
        if c.dep_ == "prep" and (c.lower_ in ("like", "including") or as_such):
            preps.append(c)
    return [g for p in preps for g in p.children if g.dep_ == "pobj"]


def reports(v: Any) -> bool:
    """Whether ``v`` is a reporting clause set after what it reports, which the parser hangs
    as the head's adverbial clause: "the army is failing civilians, a rights group protested"."""
    head = v.head
    if v.dep_ not in ("advcl", "parataxis") or head.i == v.i or v.i < head.i:
        return False
    if any(c.dep_ in ("dobj", "ccomp", "mark") for c in v.children):
        return False
    comma = any(t.text == "," for t in v.doc[head.i + 1 : v.i])
    return comma and any(c.dep_ == "nsubj" for c in v.children)


def has_that(clause: Any) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def conditions(v: Any) -> list[Any]:
    """The "if"/"unless" clauses under ``v`` or under the act ``v`` governs."""
    clauses = [c for c in v.children if c.dep_ == "advcl"]
    clauses += [g for c in v.children if c.dep_ == "xcomp" for g in c.children if g.dep_ == "advcl"]
    return [c for c in clauses if any(m.lower_ in ("if", "unless") for m in c.children if m.dep_ == "mark")]


def describes(v: Any) -> bool:
    """A participle that describes its noun, not an act: "militiamen armed with machetes",
    "a truck loaded with explosives" (no doer named, a "with" phrase)."""
    if v.tag_ != "VBN" or v.dep_ not in ("acl", "amod"):
        return False
    return not any(c.dep_ == "agent" for c in v.children) and any(
        c.dep_ == "prep" and c.lower_ == "with" for c in v.children
    )

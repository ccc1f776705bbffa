"""Judgements: events in what someone says or thinks of an actor: reported demands ("X said
Y must..."), approval and disapproval ("think the general is far too cautious"), and moods
("optimistic about the talks with Washington").

Example:
    >>> coder = EventCoder()  # doctest: +SKIP
    >>> doc = nlp("Iraqi lawmakers think the US is too cautious.")  # doctest: +SKIP
    >>> [c.code for c in coder.code(doc, found, 0)]  # doctest: +SKIP
    ['110']
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from actorgraph.actors import Found
from actorgraph.consolidation import Coding
from actorgraph.events.arguments import Arg, armed, mentioned, uses_force
from actorgraph.events.pairs import Pairs
from actorgraph.events.roles import names_as, subjects_of
from actorgraph.events.words import (
    ACCEPTABLE,
    APPROVING,
    CONDEMNING_NOUNS,
    DISAPPROVING,
    INVOLVEMENT,
    MOODS,
    PRAISING_NOUNS,
    SECURITY_SECTORS,
    VIEWS,
    WELCOME,
)
from actorgraph.modality import DEMAND_MODALS, MANDATIVE_HEADS, is_mandative
from actorgraph.syntax import objects_of, prep_objects

__all__ = ["Judgements"]


class Judgements(Pairs):
    """Events in what an actor says or thinks of another: reported demands, judgements, moods."""

    def _reported_demand(self, v: Any, found: Sequence[Found], offset: int) -> list[Coding]:
        """ "X said Y must do Z": X demands of Y (100); "should" is an appeal (020)."""
        out: list[Coding] = []
        sources: list[Arg] | None = None
        for clause in (c for c in v.children if c.dep_ == "ccomp"):
            modal = {a.lower_ for a in clause.children if a.dep_ == "aux"} & DEMAND_MODALS.keys()
            mandative = MANDATIVE_HEADS.get(v.lemma_.lower()) if is_mandative(clause) else None
            if not modal and mandative is None:
                continue
            code = min(DEMAND_MODALS[m] for m in modal) if modal else str(mandative)
            modal = modal or {"subjunctive"}
            if sources is None:
                sources = self._subject_args(v, found, offset)
            targets = self._subject_args(clause, found, offset)
            if sources and targets:
                rule = f"'{v.lemma_.lower()}' + '{min(modal)}' -> {code} (reported demand)"
                out.extend(self._pairs(v, code, rule, sources, targets, found, offset, v))
        return out

    def _judgement(self, v: Any, found: Sequence[Found], offset: int) -> list[Coding]:
        """ "Iraqi lawmakers think the American general is far too cautious": a judgement of an
        actor or its conduct is disapproval (110), or praise (051) when it approves; denying
        that something is acceptable rejects it (120, "Iran insists that partition is not
        acceptable")."""
        out: list[Coding] = []
        for clause in (c for c in v.children if c.dep_ == "ccomp" and c.lemma_ == "be"):
            out.extend(self._judged(clause, v, self._subject_args(v, found, offset), found, offset))
        return out

    def _naming(self, v: Any, found: Sequence[Found], offset: int) -> list[Coding]:
        """What an actor calls another or its act: "called the British report baseless",
        "described the Israeli strike as a violation of sovereignty" (111); "called China a
        reliable partner" (051)."""
        lemma = v.lemma_.lower()
        named = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
        said = names_as(v)
        code = next((c for c in map(_naming_code, said) if c is not None), None)
        if code is None or not named:
            return []
        targets = self._actors(named[0], found, offset)
        acts = [p.code for p in self._noun_patterns(named[0]) or ()]
        if any(uses_force(a) for a in acts):
            # "described the Israeli strike as ...": the strike is Israel's military's.
            targets = [dataclasses.replace(a, actor=armed(a.actor)) for a in targets]
        sources = self._subject_args(v, found, offset)
        if not targets or not sources:
            return []
        rule = f"'{lemma}' X '{said[0].lemma_.lower()}' -> {code}"
        return list(self._pairs(v, code, rule, sources, targets, found, offset, v))

    def _viewpoint(self, v: Any, found: Sequence[Found], offset: int) -> list[Coding]:
        """A judgement held by whom a viewpoint phrase names: "From the point of view of the
        militias, the US air strikes have been far too leisurely" (110 from the militias)."""
        holders = []
        for prep in (c for c in v.children if c.dep_ == "prep"):
            if prep.lower_ == "according":  # "according to X"
                holders += objects_of([prep], ["to"])
            elif prep.lower_ in ("from", "in"):  # "from the point of view of X", "in X's eyes"
                for view in (o for o in prep_objects(prep) if o.lemma_.lower() in VIEWS):
                    holders += objects_of([view], ["of"])
                    holders += [c for c in view.children if c.dep_ == "poss"]
        sources = [a for h in holders for a in self._actors(h, found, offset)]
        return self._judged(v, v, sources, found, offset) if sources else []

    def _judged(
        self, clause: Any, anchor: Any, sources: list[Arg], found: Sequence[Found], offset: int
    ) -> list[Coding]:
        adjectives = [a for a in clause.children if a.dep_ == "acomp" and a.pos_ == "ADJ"]
        if not adjectives or not sources:
            return []
        adj, denied = adjectives[0], any(c.dep_ == "neg" for c in clause.children)
        lemma, excessive = adj.lemma_.lower(), any(c.lower_ == "too" for c in adj.children)
        mood = MOODS.get(lemma)
        if mood is not None and not denied:
            # "said he was optimistic about the talks with Washington": an optimistic (013) or
            # pessimistic (012) comment on whom its "about" phrase names.
            preps = [p for p in adj.children if p.dep_ == "prep" and p.lower_ in ("about", "on", "over")]
            topics = [t for p in preps for t in p.subtree]
            own = {a.actor.code for a in sources}
            named = [f for f in found if f.mention.code and any(f.covers(t.i) for t in topics)]
            about = [mentioned(f.mention) for f in named if f.mention.code not in own]
            if not about:
                return []
            rule = f"'{anchor.lemma_.lower()}' that one is '{lemma}' about X -> {mood}"
            return list(self._pairs(anchor, mood, rule, sources, about, found, offset, anchor))
        if denied:
            code = "120" if lemma in ACCEPTABLE else None
        else:
            code = "110" if excessive or lemma in DISAPPROVING else "051" if lemma in APPROVING else None
        targets = self._subject_args(clause, found, offset)
        heads = [t for t in subjects_of(clause)[0] if t.pos_ == "NOUN"]
        acts = [p.code for h in heads for p in self._noun_patterns(h) or ()]
        if not denied and not excessive and lemma in WELCOME:
            # "said Russian air strikes would be welcome": another's forces or aid welcomed is
            # their involvement allowed (0355); anything else welcomed is approved (051).
            involved = any(h.lemma_.lower() in INVOLVEMENT for h in heads) or any(
                uses_force(a) or a[:2] in ("07", "15") for a in acts) or any(
                a.actor.sector in SECURITY_SECTORS for a in targets)  # "Kenyan police would be welcome"
            code = "0355" if involved else "051"
        if any(uses_force(a) for a in acts):
            # "the US air strikes have been too leisurely": the strikes are the US military's
            targets = [dataclasses.replace(a, actor=armed(a.actor)) for a in targets]
        if code is None or (not targets and code != "120"):
            return []
        judged = f"{'not ' if denied else ''}{'too ' if excessive else ''}{lemma}"
        rule = f"'{anchor.lemma_.lower()}' that X is '{judged}' -> {code}"
        return list(self._pairs(anchor, code, rule, sources, targets, found, offset, anchor))


def _naming_code(said: Any) -> str | None:
    """111 when what something is called condemns it ("baseless", "a flagrant violation", "an
    act of aggression"), 051 when it praises it ("a reliable partner", "courageous")."""
    lemma = said.lemma_.lower()
    if lemma == "act":  # "an act of aggression": what kind of act
        lemma = next((o.lemma_.lower() for o in objects_of([said], ["of"])), lemma)
    words = {lemma} | {c.lemma_.lower() for c in said.children if c.dep_ in ("amod", "conj")}
    if said.pos_ == "ADJ":
        return "111" if words & DISAPPROVING else "051" if lemma in APPROVING else None
    if lemma in CONDEMNING_NOUNS or words & DISAPPROVING:
        return "111"
    return "051" if lemma in PRAISING_NOUNS or words & APPROVING else None

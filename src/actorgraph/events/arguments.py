"""Arguments: which actors a noun phrase names.

A phrase names its lexicon or NER mention, or one inside it ("Russia's involvement"); a
pronoun names its antecedent; a role names its owner ("its troops" under "Israel said"), its
examples ("militias such as Badr") or its counterpart's peer ("its Iraqi counterparts").

Example:
    >>> is_state("RUS"), is_state("RUSMIL"), is_state("EUR")
    (True, False, False)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from actorgraph.actors import Found, unsponsored
from actorgraph.consolidation import GOVERN_STEPS, same_side
from actorgraph.events.words import (
    FORCE_CODES,
    FORCE_ROOTS,
    GROUP_PRONOUNS,
    NOT_STATES,
    PRONOUNS,
    STATE_NAMES,
    UNITS,
)
from actorgraph.lexicon import EventLexicon, load_event_lexicon
from actorgraph.lexicon.events import NounPattern
from actorgraph.records import Actor, Mention
from actorgraph.syntax import example_words, has_that, joined, noun_phrase, objects_of

__all__ = [
    "Arg",
    "Arguments",
    "armed",
    "armed_unit",
    "is_person",
    "is_state",
    "last_person",
    "mentioned",
    "one_state",
    "others",
    "pronoun",
    "uses_force",
]


@dataclass(frozen=True, slots=True)
class Arg:
    """An actor an argument names, and how it was found (lexicon, agent, pronoun, ner)."""

    actor: Actor
    origin: str


class Arguments:
    """Reads which actors a sentence's phrases name; holds the lexicon and the last person named
    before the sentence (for "he" at a paragraph's start)."""

    def __init__(self, lexicon: EventLexicon | None = None) -> None:
        self.lexicon = lexicon or load_event_lexicon()
        self.speech = self.lexicon.speech_lemmas
        # The last person named before the current text: "he" at the start of a paragraph.
        self.antecedent: Mention | None = None

    def _noun_patterns(self, n: Any) -> Sequence[NounPattern] | None:
        return self.lexicon.nouns.get(n.lemma_.lower()) or self.lexicon.nouns.get(n.lower_)

    def _actors(self, tok: Any, found: Sequence[Found], offset: int) -> list[Arg]:
        """The actors a noun phrase headed by ``tok`` names, one per conjunct."""
        out = []
        for t in [tok, *tok.conjuncts]:
            arg = self._actor(t, found, offset)
            if arg is not None:
                out.append(arg)
                out += self._co_owners(t, arg, found)
        if not out:
            # "the largest bloc in parliament, the Da'wa Party": the apposition names the actor.
            for ap in (c for c in tok.children if c.dep_ == "appos"):
                out += [a for t in [ap, *ap.conjuncts] if (a := self._actor(t, found, offset)) is not None]
        if not any(f.covers(tok.i) for f in found):
            # "allies such as Iran and Hezbollah": a kind no actor names, by its examples.
            listed = [a for e in example_words(tok) for t in [e, *e.conjuncts]
                      if (a := self._actor(t, found, offset))]
            out = listed or out
        elif is_state(out[0].actor.code):
            # "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt": a list of states that
            # the parser reads as an apposition; another state is never the same actor renamed.
            for ap in (c for c in tok.children if c.dep_ == "appos"):
                names = [t for t in [ap, *ap.conjuncts] if any(f.covers(t.i) for f in found)]
                more = [a for t in names if (a := self._actor(t, found, offset)) is not None]
                if more and all(is_state(a.actor.code) and a.actor.code != out[0].actor.code for a in more):
                    out += more
        return out

    @staticmethod
    def _co_owners(t: Any, arg: Arg, found: Sequence[Found]) -> list[Arg]:
        """ "US and British forces": one role, several owners; one actor per owner."""
        sector = arg.actor.sector
        if arg.origin != "agent" or not sector:
            return []
        out = []
        # "US and British forces", "negotiators from Ukraine and Russia", "US/British warplanes"
        owners = [m for m in t.children if m.dep_ in ("amod", "compound", "nmod", "poss")]
        owners += objects_of([t], ["of", "from"])
        def state_at(i: int) -> Found | None:
            return next((f for f in found if f.covers(i) and f.mention.kind in STATE_NAMES), None)

        for mod in owners:
            # A joined word pairs with a state's name only: not "Russian-backed forces".
            for c in [*mod.conjuncts, *(joined(mod) if state_at(mod.i) else [])]:
                hit = state_at(c.i)
                country = hit.mention.country if hit is not None else None
                if hit is not None and country and country != arg.actor.country:
                    m = hit.mention
                    actor = Actor(
                        f"{m.text} {t.text}",
                        country + sector,
                        m.actor_id,
                        m.country,
                        sector,
                        m.start,
                        m.end,
                    )
                    out.append(Arg(actor, "agent"))
        return out

    def _actor(self, t: Any, found: Sequence[Found], offset: int) -> Arg | None:
        hit = next((f for f in found if f.covers(t.i)), None)
        if hit is None and t.lower_ in GROUP_PRONOUNS and t.dep_ in ("nsubj", "nsubjpass"):
            # "Russia said it would...": the subject of the clause that reports this one.
            clause = t.head
            holder = clause.head
            if clause.dep_ == "acl" and holder.dep_ == "dobj" and has_that(clause):
                # "Syria denied reports that it had moved troops": the clause a noun reports
                # belongs to the clause that holds the noun.
                clause, holder = holder, holder.head
            if clause.dep_ in ("ccomp", "xcomp", "advcl", "conj", "dobj") and holder.i != clause.i:
                outer = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]
                if outer and outer[0].lower_ not in GROUP_PRONOUNS | PRONOUNS:
                    arg = self._actor(outer[0], found, offset)
                    if arg is not None:
                        return pronoun(t, arg.actor, offset)
            if t.lower_ == "they" and t.sent.start > 0:
                # "Ethiopian troops attacked X. Hours later they were ambushed": a sentence's
                # "they" continues the plural subject of the sentence before.
                before = t.doc[t.sent.start - 1].sent
                subjects = [
                    f
                    for f in found
                    if before.start <= f.first and f.last <= before.end and f.mention.code
                    and t.doc[f.first : f.last].root.dep_ in ("nsubj", "nsubjpass")
                    and t.doc[f.first : f.last].root.tag_ in ("NNS", "NNPS")
                ]
                if subjects:
                    return pronoun(t, subjects[-1].mention, offset)
            return None
        if hit is None and t.dep_ == "poss" and t.lower_ in ("its", "their"):
            # "The EU sanctioned Iran over its transfer of drones": the nearest actor before it
            # in the sentence owns the act ("its" is no person).
            owners = [f for f in found if t.sent.start <= f.first and f.last <= t.i and f.mention.code
                      and (t.lower_ == "their" or not is_person(f.mention))]
            if owners:
                owner = max(owners, key=lambda f: (f.last, f.last - f.first))
                return pronoun(t, owner.mention, offset)
            return None
        if hit is None and t.lower_ in PRONOUNS:
            before = [f for f in found if f.last <= t.i and is_person(f.mention)]
            if t.dep_ in ("nsubj", "nsubjpass"):
                # A subject pronoun continues the last person who was a subject ("Kishida phoned
                # Erdogan. He offered condolences": Kishida), else the last person named.
                subjects = [f for f in before if t.doc[f.first : f.last].root.dep_ in ("nsubj", "nsubjpass")]
                before = subjects or before
            prior = [f.mention for f in before]
            m = prior[-1] if prior else self.antecedent
            if m is not None:
                return pronoun(t, m, offset)
            return None
        if hit is not None and not hit.mention.code and hit.mention.origin == "ner":
            # "Vice-President Moody Awori": a name the lexicon lacks is who its title says.
            titles = [c.i for c in t.children if c.dep_ == "compound"]
            hit = next((f for f in found if f.mention.code and any(f.covers(i) for i in titles)), hit)
        if hit is None:
            # "Russia's involvement", "the chairman of the Joint Chiefs": a name inside the phrase.
            inside = [w for w in noun_phrase(t) if w.i != t.i]
            # Not a sponsor: "the headquarters of an Iran-backed Iraqi militia" is the militia's.
            # (A leader stays a party: "the US-led war" is the US's.)
            owners = unsponsored(t.doc, found)
            covering = [[f for f in owners if f.covers(w.i)] for w in inside]
            # The longest name at a word: "Iraqi militia", not its adjective "Iraqi".
            hits = [max(fs, key=lambda f: f.last - f.first) for fs in covering if fs]
            coded = [f for f in hits if f.mention.code]
            hit = (coded or hits)[0] if hits else None
        if hit is None:
            return None
        m = hit.mention
        if m.origin == "agent" and m.country is None:
            example = self._example(t, found)
            if example is not None:
                return example
            owned = self._owned_by_subject(t, m, found, offset)
            if owned is not None:
                return owned
        if t.lemma_.lower() == "counterpart" and m.country and m.origin == "agent":
            peer = self._peer_sector(t, found, offset)
            if peer is not None and peer != m.sector:
                # "Turkey's intelligence agency handed its Iraqi counterparts...": IRQSPY.
                actor = Actor(m.text, m.country + peer, m.actor_id, m.country, peer, m.start, m.end)
                return Arg(actor, "agent")
        return mentioned(m)

    def _peer_sector(self, t: Any, found: Sequence[Found], offset: int) -> str | None:
        """The sector of the subject of the clause that names ``t`` (a counterpart's peer)."""
        node = t
        while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
            node = node.head
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != t.i]
        peers = [a for s in subjects if (a := self._actor(s, found, offset)) is not None]
        return peers[0].actor.sector if peers and peers[0].actor.sector else None

    def _owned_by_subject(self, t: Any, m: Mention, found: Sequence[Found], offset: int) -> Arg | None:
        """A role owned by "its" or "their" is that of the state or group a clause above names
        as its subject: "Israel said its jets struck...", "Russia ordered its troops to
        withdraw" (ISRMIL, RUSMIL); "Hezbollah said its fighters fired" (Hezbollah's code)."""
        if not m.sector or not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in t.children):
            return None
        node = t.head
        for _ in range(GOVERN_STEPS):
            for subj in (c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != t.i):
                if subj.lower_ in GROUP_PRONOUNS or subj.left_edge.i <= t.i <= subj.right_edge.i:
                    continue
                owner = self._actor(subj, found, offset)
                if owner is None or not owner.actor.code:
                    continue
                o = owner.actor
                code = o.code  # "Hezbollah said its fighters": Hezbollah's
                if o.country and (is_state(o.code) or o.code == o.country + "GOV"):
                    code = o.country + m.sector
                country = o.country
                return Arg(Actor(m.text, code, m.actor_id, country, m.sector, m.start, m.end), "agent")
            if node.head.i == node.i:
                break
            node = node.head
        return None

    @staticmethod
    def _example(t: Any, found: Sequence[Found]) -> Arg | None:
        """ "Shiite militias, such as the Badr Corps": a role named by an example takes its code."""
        for w in [c for c in t.children if c.dep_ == "appos"] + example_words(t):
            hit = next((f for f in found if f.covers(w.i) and f.mention.code), None)
            if hit is not None and hit.mention.origin == "lexicon":
                return mentioned(hit.mention)
        return None


def pronoun(t: Any, referent: Actor | Mention, offset: int) -> Arg:
    """A pronoun standing for ``referent``: its code, at the pronoun's own span."""
    r = referent
    span = (offset + t.idx, offset + t.idx + len(t.text))
    return Arg(Actor(t.text, r.code, r.actor_id, r.country, r.sector, *span), "pronoun")


def mentioned(m: Mention) -> Arg:
    """The argument a mention names, as it is."""
    return Arg(Actor(m.text, m.code, m.actor_id, m.country, m.sector, m.start, m.end), m.origin)


def is_person(m: Mention) -> bool:
    """Whether ``m`` is a coded person (a pronoun's possible antecedent)."""
    return m.kind in ("person", "agent-person") and m.code is not None


def last_person(found: Sequence[Found]) -> Mention | None:
    """The last coded person in ``found``: the antecedent for the next block's pronouns."""
    people = [f.mention for f in found if is_person(f.mention)]
    return people[-1] if people else None


def is_state(code: str | None) -> bool:
    """Whether ``code`` is a bare state code ("RUS"), not a region, role or sector."""
    return code is not None and len(code) == 3 and code.isalpha() and code not in NOT_STATES


def one_state(a: Actor, b: Actor) -> bool:
    """Whether two actors are of the same known country ("Ankara" and "Turkey")."""
    return a.country is not None and a.country == b.country


def others(args: Sequence[Arg], sources: Sequence[Arg]) -> list[Arg]:
    """``args`` without the sources' own actors: no one is the target of their own act."""
    return [a for a in args if not any(same_side(a.actor, s.actor) for s in sources)]


def armed(actor: Actor) -> Actor:
    """A state's armed forces for the state: force is used through them."""
    if is_state(actor.code):
        return dataclasses.replace(actor, code=f"{actor.code}MIL", sector="MIL")
    return actor


def uses_force(code: str) -> bool:
    """Whether an act of ``code`` is done with armed force (its doer is armed: see ``armed``)."""
    return code[:2] in FORCE_ROOTS or code in FORCE_CODES


def armed_unit(actor: Actor) -> bool:
    """Whether ``actor`` names armed forces as a body ("Russian troops", "a convoy"), not an
    officer or the military as an institution."""
    words = actor.text.lower().split()
    unit = actor.sector == "MIL" and bool(words) and words[-1] in UNITS
    return unit or any(w.startswith("peacekeep") for w in words)

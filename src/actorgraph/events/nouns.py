"""Nouns: events named by an event noun ("Russian air strikes on rebel targets", "talks
between Kyiv and Moscow"), with their sides read from the noun's phrase or the clause around it.

Example:
    >>> coder = EventCoder()  # doctest: +SKIP
    >>> doc = nlp("Russian air strikes on Idlib continued.")  # doctest: +SKIP
    >>> [c.code for c in coder.code(doc, found, 0)]  # doctest: +SKIP
    ['195']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from actorgraph.actors import Found
from actorgraph.consolidation import Coding, same_side
from actorgraph.events.arguments import Arg, others
from actorgraph.events.pairs import Pairs
from actorgraph.events.roles import names_as, phrase_objects
from actorgraph.events.words import (
    ACCORD_ROOTS,
    ASSESSING,
    BACKGROUND_NOUNS,
    BODIES,
    DRAWING,
    FACING,
    FRAME_NOUNS,
    GATHERING,
    JOINT_ROOTS,
    MEASURES,
    NEEDS_TARGET,
    PRESENT_AT,
    PROPOSING,
    RECEIVING,
    RESPONDING,
    SITE_SECTORS,
    SUFFERED_VERBS,
    TALK_ROOTS,
    THIRD_PARTY_VERBS,
    TOPIC_PREPS,
    VISIT_PREPS,
    YIELDING,
)
from actorgraph.lexicon.events import NounPattern
from actorgraph.subcodes import VIOLENT_ROOTS
from actorgraph.syntax import agent_objects, has_that, modifiers, objects_of

__all__ = ["Nouns"]


class Nouns(Pairs):
    """Events an event noun names."""

    def _noun(self, n: Any, pats: Sequence[NounPattern], found: Sequence[Found], offset: int) -> list[Coding]:
        mods = modifiers(n)
        # "the transfer of drones", "deliveries of arms": what the act is of qualifies it too.
        of = phrase_objects([n], ["of"])
        mods |= {g.lemma_.lower() for g in of}
        # and what kind of forces they are: "the deployment of NATO peacekeeping troops" (074;
        # the troops still do it, see _named_doers)
        kinds = mods | {m for g in of if g.lower_ in BODIES for m in modifiers(g)}
        pat = next((p for p in pats if not p.modifiers or p.modifiers & kinds), None)
        if pat is None:
            return []
        prep = n.head.lower_ if n.dep_ == "pobj" else ""
        if prep in TOPIC_PREPS and self._talks_about(n.head.head):
            return []  # "an agreement on the withdrawal of troops": what is agreed, not done
        if prep == "under" and pat.code[:2] in ACCORD_ROOTS:
            return []  # "withdrew under the peace deal signed in May": a deal made before, not here
        if prep == "under" and n.head.head.pos_ in ("VERB", "AUX"):
            # "Abadi is under pressure from the militias", "the convoy came under attack by
            # rebels": the clause's subject suffers the act of the "from"/"by" phrase.
            verb = n.head.head
            doers = [a for t in phrase_objects([n, verb], ["from", "by"])
                     for a in self._actors(t, found, offset)]
            sufferers = self._subject_args(verb, found, offset)
            return list(self._pairs(n, pat.code, pat.rule, doers, sufferers, found, offset, verb))
        sources = self._named_doers(n, pat, mods, found, offset)
        # "adopted a new package of sanctions": the measure stands where the event noun would.
        measured = n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lemma_.lower() in MEASURES
        host = n.head.head if measured else n
        governor = host.head if host.dep_ in ("dobj", "nsubjpass", "attr") else None
        if governor is not None and governor.lemma_.lower() in PROPOSING:
            return []  # "proposed a new package of sanctions": put forward, not imposed
        if not sources and measured:
            # "the European Union's package of sanctions": the measure's owner acts.
            sources = [a for c in host.children if c.dep_ == "poss" for a in self._actors(c, found, offset)]
        # "Hungary did not veto the EU's sanctions": another's act, not one the verb does or not.
        named = any(k.dep_ == "poss" and k.pos_ == "PROPN" for w in {n, host} for k in w.children)
        anothers = False
        if governor is not None and named and sources:
            doers = self._subject_args(governor, found, offset)
            anothers = bool(doers) and not any(same_side(d.actor, a.actor) for d in doers for a in sources)
        met = governor is not None and governor.lemma_.lower() in SUFFERED_VERBS
        # ("refugees fled the war", "police prevented the demonstration": not their acts)
        suffered = met and (pat.code[:2] in VIOLENT_ROOTS or pat.code[:2] == "14")
        suffered = suffered or (governor is not None and governor.lemma_.lower() in DRAWING)
        # ("called the sanctions an act of war": judged, not imposed)
        suffered = suffered or (governor is not None and bool(names_as(governor)))
        if not sources and governor is not None and host.dep_ == "dobj" and not suffered:
            # "Russia launched air strikes": the subject acts; "refugees fled the war": not.
            sources = self._subject_args(governor, found, offset)
        if not sources and pat.code[:2] == "14" and n.dep_ == "pobj" and n.head.lower_ in PRESENT_AT:
            # "Nigerians converged for a rally", "youths threw stones during demonstrations":
            # who is at a protest takes part in it; the authorities there police it ("the regime
            # blocked access during the protests").
            present = self._participants(n.head.head, found, offset)
            sources = [a for a in present if a.actor.sector not in SITE_SECTORS]
        gathering = _verb_through(n, "for", GATHERING) if not sources and pat.code[:2] == "04" else None
        if gathering is not None:
            # "negotiators returned to Geneva for talks": they take part, when the verb does.
            sources = self._subject_args(gathering, found, offset)
        answering = _verb_through(n, "with", RESPONDING)
        if not sources and answering is not None:
            # "Israel responded with air strikes": who answers with an act does it.
            sources = self._subject_args(answering, found, offset)
        visiting = n.dep_ == "pobj" and n.head.lower_ in VISIT_PREPS and n.head.head.pos_ in ("VERB", "AUX")
        if not sources and pat.code == "042" and visiting and self._coded_hosts(n, found, offset):
            # "Lula called for an end to the war during a visit to Cairo": the visitor is the
            # one who acts during it.
            sources = self._subject_args(n.head.head, found, offset)
        heads = [n] + ([host] if measured else []) + ([governor] if governor is not None else [])
        anchor = next((w for w in (gathering, answering) if w is not None), n)
        if governor is not None and not anothers:
            anchor = governor
        if not sources:
            # "talks between Kyiv and Moscow", "a ceasefire between the US and Russia".
            parties = [a for t in phrase_objects(heads, ["between"]) for a in self._actors(t, found, offset)]
            if len(parties) > 1:
                return list(
                    self._pairs(n, pat.code, pat.rule, parties[:1], parties[1:], found, offset, anchor)
                )
        if _object_of(host, RECEIVING | DRAWING):
            # "South Korea received assurances from Washington", "the test drew condemnation
            # from France": the giver acts on the receiver.
            givers = [a for t in phrase_objects(heads, ["from"]) for a in self._actors(t, found, offset)]
            receivers = self._subject_args(governor, found, offset)
            if givers and receivers:
                return list(self._pairs(n, pat.code, pat.rule, givers, receivers, found, offset, anchor))
            sources = sources or givers  # ("the test drew criticism from Japan": at no actor)
        thanking = _verb_through(n, "for", {"thank"})
        if thanking is not None:
            # "Assad thanked Putin for Russia's support": it went to whoever thanks for it,
            # from the one thanked unless the phrase names another giver.
            thanked = [
                a for c in thanking.children if c.dep_ == "dobj" for a in self._actors(c, found, offset)
            ]
            thankers = self._subject_args(thanking, found, offset)
            if thankers and (sources or thanked):
                givers = sources or thanked
                return list(self._pairs(n, pat.code, pat.rule, givers, thankers, found, offset, anchor))
        if governor is not None and governor.lemma_.lower() in ASSESSING and pat.code[:2] == "13":
            return []  # "Iran poses a threat to Israel": a judgement of danger, not a threat made
        yielded = prep == "to" and n.head.head.lemma_.lower() in YIELDING
        faced = _object_of(host, FACING)
        if sources and (yielded or faced):
            # "Israel faces growing threats from Iran", "Putin submits to US threats": aimed at
            # whoever faces them or gives in to them.
            facing = self._subject_args(n.head.head if yielded else governor, found, offset)
            if facing:
                return list(self._pairs(n, pat.code, pat.rule, sources, facing, found, offset, anchor))
        targets = self._noun_targets(n, pat, heads, sources, found, offset)
        if not targets and pat.code[:2] == "10":
            return []  # "despite growing pressure": a demand on no one named is no event
        together = gathering is not None or "joint" in mods or pat.code[:2] in JOINT_ROOTS
        if not targets and len(sources) > 1 and together:
            # "Israeli and Palestinian negotiators returned for talks", "the US and South Korea
            # began joint drills": with each other.
            pairs = [(s, t) for i, s in enumerate(sources) for t in sources[i + 1 :]]
            code, rule = pat.code, pat.rule
            return [c for s, t in pairs for c in self._pairs(n, code, rule, [s], [t], found, offset, anchor)]
        if not targets and pat.code[:2] in NEEDS_TARGET:
            return []  # "the G20 summit", "Iran's talks": a meeting with no one named to meet
        if pat.noun in BACKGROUND_NOUNS and not (sources and targets):
            return []  # "the Syrian war", "a possible war against Iraq": the setting, not an act
        return list(self._pairs(n, pat.code, pat.rule, sources, targets, found, offset, anchor))

    def _named_doers(
        self, n: Any, pat: NounPattern, mods: set[str], found: Sequence[Found], offset: int
    ) -> list[Arg]:
        """Who the event noun's own phrase names as doing it: its owner or modifier ("Russia's
        strikes", "a US drone strike"), its "by", "of" or "from" phrase."""
        sources: list[Arg] = []
        for c in n.children:
            if c.dep_ not in ("poss", "amod", "compound", "nmod"):
                continue
            if c.lemma_.lower() in pat.modifiers:
                # "a US drone strike": the owner may modify the pattern's modifier.
                owners = [g for g in c.children if g.dep_ in ("poss", "amod", "compound", "nmod")]
                sources = [a for g in owners for a in self._actors(g, found, offset)]
            else:
                sources = self._actors(c, found, offset)
            if sources:
                break
        if not sources:
            # "a demonstration by students", "the demonstration staged by students"
            staged = [c for c in n.children if c.dep_ == "acl" and c.tag_ == "VBN"
                      and c.lemma_.lower() not in THIRD_PARTY_VERBS]
            sources = [a for t in phrase_objects([n], ["by"]) for a in self._actors(t, found, offset)]
            sources = sources or [
                a for v in staged for g in v.children if g.dep_ == "agent"
                for t in g.children if t.dep_ == "pobj" for a in self._actors(t, found, offset)
            ]
        if not sources and "of" not in pat.targets and not (pat.modifiers & mods - BODIES):
            # "the withdrawal of Russian aircraft": "of" names who acts when it names no target
            # (and is not what the act is of: "the transfer of drones"; but the people it is of
            # do it: "the deployment of UN peacekeepers").
            sources = [a for t in phrase_objects([n], ["of"]) for a in self._actors(t, found, offset)]
        if not sources and "from" not in pat.targets and not _object_of(n, RECEIVING | DRAWING):
            # "repeated requests from Zelensky", "threats from Tehran": who the act comes from.
            sources = [a for t in phrase_objects([n], ["from"]) for a in self._actors(t, found, offset)]
        return sources

    def _noun_targets(
        self, n: Any, pat: NounPattern, heads: list[Any], sources: list[Arg], found: Sequence[Found],
        offset: int,
    ) -> list[Arg]:
        """Whom the event noun's phrases aim it at, by the pattern's slots, else by the conduct,
        help, claim or request it answers."""
        prep = n.head.lower_ if n.dep_ == "pobj" else ""
        against = phrase_objects(heads, pat.targets)
        targets = [a for t in against for a in self._actors(t, found, offset)]
        if not targets:
            # "withdrawal of most of the Russian aircraft from Syria": the parser hangs the
            # target's phrase inside the "of" phrase.
            inner = phrase_objects(_of_chain(n), [p for p in pat.targets if p != "of"])
            targets = [a for t in inner for a in self._actors(t, found, offset)]
            against = against or inner
        if not targets:
            # "demonstrations against abuses by the army": whoever the conduct is named for.
            targets = [a for t in against for a in self._conduct_agents(t, found, offset)]
        if not targets and pat.code[:2] == "07" and n.dep_ == "pobj" and n.head.lower_ == "with":
            # "retook the town with Russian support", "tightened the blockade with Albania's
            # help": the help goes to whoever acts.
            helped = n.head.head.head if n.head.head.dep_ in ("dobj", "nsubjpass") else n.head.head
            targets = others(self._subject_args(helped, found, offset), sources)
        if not targets and pat.code[:2] == "11":
            # "Indian accusations that it shelters militants": aimed at whom the claim is about.
            clauses = [c for c in n.children if c.dep_ in ("acl", "ccomp") and has_that(c)]
            targets = [a for c in clauses for a in self._subject_args(c, found, offset)]
            targets = others(targets, sources)
        if not targets and sources and prep == "despite" and n.head.head.pos_ in ("VERB", "AUX"):
            # "has not sent missiles despite requests from Zelensky": made to who did not act.
            targets = others(self._subject_args(n.head.head, found, offset), sources)
        return targets

    def _framed_nouns(self, doc: Any, used_nouns: set[int]) -> dict[int, Sequence[NounPattern]]:
        """Event nouns named inside a frame noun ("a mediation mission between Syria and the PLO",
        "the bombing campaign against ISIL"): the frame's phrase holds the event's arguments, so
        the frame is coded with the event noun's patterns, and the event noun is not coded again."""
        out: dict[int, Sequence[NounPattern]] = {}
        for n in doc:
            if n.lemma_.lower() not in FRAME_NOUNS or n.i in used_nouns or self._noun_patterns(n):
                continue
            for c in n.children:
                pats = self._noun_patterns(c) if c.dep_ in ("compound", "nmod") else None
                if pats:
                    out[n.i] = pats
                    used_nouns.add(c.i)
                    break
        return out

    def _talks_about(self, w: Any) -> bool:
        """Whether ``w`` is an event noun of talks, accords or promises, whose topic phrase
        holds what is discussed, agreed or promised rather than an act of its own; or a verb
        whose object is one (the parser hangs "received assurances about X" on the verb)."""
        nouns = [c for c in w.children if c.dep_ == "dobj"] if w.pos_ in ("VERB", "AUX") else [w]
        return any(p.code[:2] in TALK_ROOTS for c in nouns for p in self._noun_patterns(c) or ())

    def _kind_of_attack(self, v: Any) -> str | None:
        """The code a verb's violent object noun has by its modifier ("a missile attack" 195), or
        its passive agent ("killed by Israeli air strikes" 195, "hit by shelling" 194), when more
        specific than a plain assault; None otherwise."""
        # "were killed by Israeli air strikes", "hit by shelling": the passive's agent says how
        by = agent_objects(v)
        for n in [*(c for c in v.children if c.dep_ in ("dobj", "nsubjpass")), *by]:
            mods = modifiers(n)
            pats = self._noun_patterns(n) or ()
            pat = next((p for p in pats if p.modifiers & mods or (n in by and not p.modifiers)), None)
            if pat is not None and pat.code[:2] in VIOLENT_ROOTS and pat.code != "190":
                return pat.code
        return None

    def _kind_of_protest(self, v: Any) -> str | None:
        """The code a protest verb's noun has by its modifier, when another protest code ("went on
        hunger strike", "staged a hunger strike": 142, not the strike of 143); None otherwise."""
        nouns = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
        nouns += [g for c in v.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        for n in nouns:
            mods = modifiers(n)
            pat = next((p for p in self._noun_patterns(n) or () if p.modifiers & mods), None)
            if pat is not None and pat.code[:2] == "14":
                return pat.code
        return None


def _verb_through(n: Any, prep: str, verbs: set[str]) -> Any | None:
    """The verb of ``verbs`` whose ``prep`` phrase holds noun ``n`` ("returned to Geneva for talks"
    -> returned, with ``prep`` "for"), or None."""
    if n.dep_ == "pobj" and n.head.lower_ == prep and n.head.head.lemma_.lower() in verbs:
        return n.head.head
    return None

def _of_chain(n: Any) -> list[Any]:
    """The nouns of ``n``'s "of" phrases, nested: "withdrawal of most of the aircraft" ->
    [most, aircraft]."""
    chain: list[Any] = []
    heads = [n]
    while heads:
        heads = objects_of(heads, ["of"])
        chain += heads
    return chain


def _object_of(n: Any, verbs: set[str]) -> bool:
    """Whether noun ``n`` is the direct object of one of ``verbs`` ("received assurances from
    X": a receiving verb, whose "from" phrase names the giver)."""
    return n.dep_ == "dobj" and n.head.lemma_.lower() in verbs

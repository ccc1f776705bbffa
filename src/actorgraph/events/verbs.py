"""Verbs: events triggered by a lexicon verb, its pattern chosen by particle, object and target
slots, its sides read from the clause (passive, joint and reciprocal acts, headlines).

Example:
    >>> coder = EventCoder()  # doctest: +SKIP
    >>> [c.code for c in coder.code(nlp("Turkey shot down a Russian jet."), found, 0)]  # doctest: +SKIP
    ['190']
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from actorgraph.actors import Found
from actorgraph.consolidation import MESSAGES, Coding
from actorgraph.events.arguments import Arg, armed_unit, is_state, mentioned, one_state, others
from actorgraph.events.pairs import Pairs
from actorgraph.events.roles import phrase_objects, reduced_passive, subjects_of
from actorgraph.events.words import (
    ANNOUNCING,
    AT_PREPS,
    BETWEEN_STATES,
    BODIES,
    BORDERS,
    GENERIC_ACTS,
    JOINT_CODES,
    JOINT_ROOTS,
    KIND_NOUNS,
    MEASURES,
    MISSIONS,
    MOVING,
    NEEDS_TARGET,
    OUSTING,
    PARTICLES,
    POPULAR_SECTORS,
    PROPPING,
    RECEIVING,
    RECIPROCAL_VERBS,
    RESPONSIBILITY,
    SITE_PREPS,
    SITE_SECTORS,
    THIRD_PARTY_CODES,
    TROOPS,
)
from actorgraph.implied import MISSION_NOTE
from actorgraph.lexicon.events import VerbPattern
from actorgraph.modality import issuing_verb
from actorgraph.subcodes import VIOLENT_ROOTS, declined_comment
from actorgraph.syntax import describes, infinitive, is_headline, objects_of, owned, reports

__all__ = ["Verbs", "match_verb"]


class Verbs(Pairs):
    """Events a lexicon verb triggers."""

    def _verb(
        self, v: Any, pats: Sequence[VerbPattern], found: Sequence[Found], offset: int, used_nouns: set[int]
    ) -> list[Coding]:
        subj, passive = subjects_of(v)
        matches = match_verb(v, pats)
        if not matches or describes(v) or _dismissal(v, found):
            return []
        if v.dep_ != "xcomp" and declined_comment(v, self.speech):
            return []  # "refused to comment": the comment declined is the event (011), coded once
        sources: list[Arg] = []
        if passive:
            sources = [a for t in phrase_objects([v], ["by"]) for a in self._actors(t, found, offset)]
        else:
            sources = [a for s in subj for a in self._actors(s, found, offset)]
        carrier = v.head if v.dep_ == "acl" and v.head.lemma_.lower() in MESSAGES else None
        issuing = issuing_verb(v)
        if not sources and issuing is not None:
            # "issued a statement condemning X", "sent a letter asking for Y", "agreed on a
            # statement condemning X": the message says what its sender does, to whom it is sent.
            if v.head.dep_ == "nsubjpass":  # "a resolution condemning X was adopted by Y"
                by = phrase_objects([issuing], ["by"])
                sources = [a for t in by for a in self._actors(t, found, offset)]
            else:
                sources = self._subject_args(issuing, found, offset)
        best: tuple[VerbPattern, Any | None, list[Arg]] | None = None
        for p, obj in matches:
            targets = self._targets(v, p.targets, obj, passive, found, offset)
            if best is None or (targets and not best[2] and p.specificity >= best[0].specificity):
                best = (p, obj, targets)
            if targets:
                break
        assert best is not None
        pat, obj, targets = best
        if v.lemma_.lower() in OUSTING and v.dep_ not in ("xcomp", "pcomp", "acl"):
            return []  # a leader toppled, not wished gone: see words.OUSTING
        doers = [slot[1:] for slot in pat.targets if slot.startswith("^")]
        if doers and not passive:
            # "Avdiivka falls to Russian forces": the "to" phrase does it, to the subject's side.
            sources = [a for t in phrase_objects([v], doers) for a in self._actors(t, found, offset)]
            if not sources:
                return []  # "Putin fell for the ploy": no one it fell to
            targets = [a for s in subj for a in self._actors(s, found, offset)]
        if pat.code == "042" and v.lemma_.lower() in MOVING and sources and all(
            armed_unit(a.actor) for a in sources
        ):
            # "NATO peacekeeping troops arrived in Kosovo", "convoys heading to Lebanon": forces
            # that move somewhere are deployed there (154; peacekeepers 074), they do not visit.
            peace = any(w.startswith("peacekeep") for a in sources for w in a.actor.text.lower().split())
            code = "074" if peace else "154"
            pat = dataclasses.replace(pat, code=code, rule=f"{pat.rule}; armed forces moving -> {code}")
        if is_headline(v.sent) and sources:
            sources = _listed_before(v.sent, sources, found) + sources
        received = [c for c in v.children if c.dep_ == "dobj" and self._noun_patterns(c)]
        if v.lemma_.lower() in RECEIVING and not pat.objects and received:
            return []  # "received aid from Germany": the aid is the event (see nouns), not a visit
        said = [p for p, _ in matches if p.code[:2] == "11" and p.specificity == pat.specificity]
        if pat.code[:2] == "14" and said and (any(c.dep_ == "ccomp" for c in v.children) or reports(v)):
            # "officials protested that Greek jets violated their airspace": a protest that
            # states something is a complaint (11x), not a demonstration; it is about whoever
            # the clause blames.
            pat = said[0]
        elif not targets and _ambiguous(matches, pat, v):
            # "rallied outside": 'rally behind' (053) or 'rally against' (141)? Only the
            # preposition tells, and there is none: better no event than a coin toss. But
            # when civilians, students or the opposition rally or protest, they demonstrate.
            popular = _popular_protest(matches, pat, sources) or _protest_at_mission(matches, pat, v)
            if popular is None:
                return []
            pat = popular
        if obj is not None:
            used_nouns.add(obj.i)
        # "announced new sanctions": the sanctions are the announcer's act, the announcement
        # only how it is made known.
        announced = v.lemma_.lower() in ANNOUNCING and not pat.objects
        for c in v.children:  # "launched an attack": the noun is part of this event
            if c.dep_ == "dobj" and not announced:
                used_nouns.add(c.i)
                # "pledged 500 million euros in aid": the "in" noun says what the sum is (not
                # "denied involvement in the attack": another act)
                if c.like_num or any(k.dep_ == "nummod" for k in c.children):
                    used_nouns.update(n.i for n in objects_of([c], ["in"]))
        if passive and pat.code[:2] in VIOLENT_ROOTS:
            # "were killed by a roadside bomb", "by Israeli air strikes": how it was done is
            # part of this event, not a second one (not "forces backed by US airstrikes")
            used_nouns.update(t.i for t in phrase_objects([v], ["by"]) if t.pos_ == "NOUN")
        joint = (pat.code[:2] in JOINT_ROOTS or pat.code.startswith(JOINT_CODES)) and not pat.code.startswith(
            THIRD_PARTY_CODES)
        if not sources and joint:
            # "a ceasefire negotiated between the US and Russia", "reports are shared among Iraq,
            # Iran and Syria": the parties of a joint act, each pair of them once.
            parties = [
                a for t in phrase_objects([v], ["between", "among"]) for a in self._actors(t, found, offset)
            ]
            if len(parties) > 1:
                sources, targets = parties, []
        reciprocal = v.lemma_.lower() in RECIPROCAL_VERBS
        if not targets and len(sources) > 1 and (joint or reciprocal):
            # "Jordan and Britain agreed": a joint act is an interaction between the subjects.
            pairs = [(s, t) for n, s in enumerate(sources) for t in sources[n + 1 :]]
            if reciprocal:
                pairs += [(t, s) for s, t in pairs]
            return [
                c for s, t in pairs for c in self._pairs(v, pat.code, pat.rule, [s], [t], found, offset, v)
            ]
        # "Algeria warned that it would downgrade ties": the subject named again is no target;
        # the act the verb governs may name one (see coder._govern).
        targets = others(targets, sources)
        if pat.code.startswith(BETWEEN_STATES):
            # "recalled its ambassador to Ankara": the state's own capital is home, not a target.
            targets = [t for t in targets if not any(one_state(t.actor, s.actor) for s in sources)]
        rule = pat.rule
        if not targets:
            targets, rule = self._unstated_targets(v, pat, obj, sources, carrier, found, offset, used_nouns)
        if pat.code[:2] == "01":
            # "officials told AFP", "Lavrov told reporters": the press is how a statement is
            # made public, not whom it addresses.
            targets = [t for t in targets if t.actor.sector != "MED"]
        purpose = any(c.dep_ == "advcl" and infinitive(c) for c in v.children)
        to_line = any(t.lemma_.lower() in BORDERS for t in phrase_objects([v], ["to"]))
        troops = pat.code == "072" and obj is not None and obj.lower_ in TROOPS
        if troops and (not targets or to_line) and not purpose:
            # "Warsaw will send 2,000 soldiers to its border with Belarus": troops sent to no
            # one (nor to help anyone) are deployed.
            pat = dataclasses.replace(pat, code="154")
            rule = f"{rule}; troops deployed, not sent to an ally -> 154"
        # A statement needs whom it is about, except a claim or denial of responsibility (its
        # target is the act's) and a comment declined ("declined comment", or 011 in
        # Coder._refine: whoever asked is rarely named).
        owned_up = pat.code in ("015", "016") and bool(pat.objects & RESPONSIBILITY)
        no_comment = pat.code == "011" or declined_comment(v, self.speech)
        if not targets and pat.code[:2] in NEEDS_TARGET and not owned_up and not no_comment:
            return []
        if not targets and v.lemma_.lower() in PROPPING:
            return []  # "to shore up the country's reserves": propping up no one; ruling on no one
        if pat.code == "161" and not pat.objects and not any(is_state(t.actor.code) for t in targets):
            return []  # "the AU suspended Gabon" is a member suspended; "suspended the official" not
        codings = list(self._pairs(v, pat.code, rule, sources, targets, found, offset, v))
        if v.lemma_.lower() in OUSTING:
            # "wants to topple Assad": the wish is the demand, made now, not a future act.
            codings = [dataclasses.replace(c, modality="asserted") if c.modality == "future" else c
                       for c in codings]
        return codings

    def _unstated_targets(
        self, v: Any, pat: VerbPattern, obj: Any | None, sources: list[Arg], carrier: Any | None,
        found: Sequence[Found], offset: int, used_nouns: set[int],
    ) -> tuple[list[Arg], str]:
        """Whom an act aims at when no target slot names anyone: the proposer it answers, the
        recipient of the message it is in, the state of the mission protested at, whom a demand
        is of, whose conduct is investigated, whose rally or newspaper a measure bans, whom forces
        are raised against, the institution force strikes at. Also the rule, with a note when the
        target comes from a mission."""
        rule = pat.rule
        targets = others(self._proposer(v, found, offset), sources)  # not "renewed its call"
        if not targets and carrier is not None:
            recipients = phrase_objects([carrier, carrier.head], ["to"])
            targets = [a for t in recipients for a in self._actors(t, found, offset)]
        if not targets and pat.code[:2] == "14":
            # "protested outside the British embassy": against the state whose embassy it is
            # (the protesters are not that state's people: see implied.MISSION_NOTE).
            targets = [
                a for t in _missions(v) for c in t.children if c.dep_ in ("amod", "compound", "poss")
                for a in self._actors(c, found, offset)
            ]
            rule = f"{rule}; {MISSION_NOTE}" if targets else rule
        if not targets and pat.code[:2] in ("02", "10"):
            # "demanded that parliament reject the bill": asked of the clause's subject.
            clauses = [c for c in v.children if c.dep_ == "ccomp"]
            targets = [a for c in clauses for a in self._subject_args(c, found, offset)]
        if not targets and sources and pat.code[:2] == "09" and obj is not None:
            # "launched an investigation into war crimes by Russian forces", the "by" phrase hung
            # on the investigation: whose conduct is investigated (with no investigator named,
            # "an investigation by the UN ... was opened", the phrase names the investigator).
            agents = [a for t in phrase_objects([obj], ["by"]) for a in self._actors(t, found, offset)]
            targets = others(agents, sources)
        if not targets and sources and pat.code[:2] == "17" and obj is not None:
            # "banned a rally by the opposition", "shut down the opposition's newspaper": the
            # measure falls on whose the banned thing is (the parser may hang "by" on the verb).
            owners = [c for c in obj.children if c.dep_ == "poss"] + phrase_objects([obj, v], ["by"])
            targets = others([a for t in owners for a in self._actors(t, found, offset)], sources)
        if not targets and pat.code[:2] == "15":
            # "mobilized reservists for a possible war against Iraq": whom the force is raised for
            for_nouns = objects_of([v], ["for"])
            aims = phrase_objects(for_nouns, ["against", "on"])
            targets = [a for t in aims for a in self._actors(t, found, offset)]
            used_nouns.update(n.i for n in for_nouns)  # the war or offensive prepared is not fought yet
        if not targets and pat.code[:2] in ("18", "19"):
            # "detonated two car bombs outside the education ministry": the institution force
            # strikes at is its target (a town or capital there is only the place).
            sites = [o for p in v.children if p.dep_ == "prep" and p.lower_ in SITE_PREPS
                     for o in p.children if o.dep_ == "pobj"]
            targets = [a for t in sites for a in self._actors(t, found, offset)
                       if a.origin == "agent" and a.actor.sector in SITE_SECTORS]
        return targets, rule


# Verbs that also mean dismissing someone from a post ("fired the army chief"): no event of
# CAMEO's, where firing at someone is (193).
_DISMISSING = {"fire"}
# Words for holders of a post, who are dismissed, not shot, when they are the object.
_POSTS = {
    "head", "chief", "minister", "commander", "general", "governor", "director", "official",
    "officials", "staff", "employee", "employees", "aide", "aides", "adviser", "advisers",
    "spokesman", "spokeswoman", "coach", "manager", "ambassador", "envoy", "prosecutor", "judge",
}


def _dismissal(v: Any, found: Sequence[Found]) -> bool:
    """Whether ``v`` dismisses someone from a post: "the president fired his army chief",
    "fired the head of intelligence" (a person as object, no "at" or "on")."""
    if v.lemma_.lower() not in _DISMISSING:
        return False
    if phrase_objects([v], ["at", "on", "into", "upon"]):
        return False  # "fired on the governor's convoy" (not "fired the governor on Friday")
    objs = [c for c in v.children if c.dep_ == "dobj"]
    return any(
        o.lemma_.lower() in _POSTS or any(f.covers(o.i) and f.mention.kind == "person" for f in found)
        for o in objs
    )


def match_verb(v: Any, pats: Sequence[VerbPattern]) -> list[tuple[VerbPattern, Any | None]]:
    """The patterns of ``pats`` that verb ``v`` fits by particle and object, each with the object
    token it matched, best first."""
    parts = {c.lower_ for c in v.children if c.dep_ in ("prt", "advmod") and c.lower_ in PARTICLES}
    # "forced the agency out of the country": a particle the parser read as a preposition.
    outs = [c for c in v.children if c.dep_ == "prep" and c.lower_ == "out"]
    parts |= {"out" for c in outs if any(g.lower_ == "of" for g in c.children)}
    # "went on strike", "was taken into custody": a preposition and its object's lemma.
    # The phrase may hang on the object: "threatened the miners with arrest".
    heads = [v, *(c for c in v.children if c.dep_ == "dobj")]
    phrases = {
        f"{c.lower_} {g.lemma_.lower()}": g
        for h in heads
        for c in h.children
        if c.dep_ == "prep"
        for g in c.children
        if g.dep_ == "pobj"
    }
    parts |= phrases.keys()
    # "pushed Poland to accept refugees": "to" stands for an object's infinitive (object control).
    if any(c.dep_ == "dobj" for c in v.children) and any(
        c.dep_ in ("xcomp", "advcl") and infinitive(c) for c in v.children
    ):
        parts.add("to")
    objs = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
    if not objs:
        # "allowed UN aid convoys to cross": the object the parser made its infinitive's subject.
        objs = [s for c in v.children if c.dep_ == "ccomp" and infinitive(c)
                for s in c.children if s.dep_ == "nsubj"]
    # "a jet shot down by rebels", "newspapers closed by decree": a passive participle
    # modifying a noun has that noun as its object.
    if reduced_passive(v) and v.head.pos_ in ("NOUN", "PROPN"):
        objs.append(v.head)
    # A headline's passive without its auxiliary ("Jet shot down by rebels"), read as active
    # with a "by" agent: the subject is the object.
    if any(c.dep_ == "agent" for c in v.children):
        objs += [c for c in v.children if c.dep_ == "nsubj"]
    if not objs:
        # "dropped sarin on the town": a rare noun the parser hung as an adverb is the object.
        objs = [
            c for c in v.children if c.dep_ in ("advmod", "npadvmod") and c.pos_ == "NOUN" and c.i > v.i
        ]
    # "imposed a new round of sanctions": the measure's "of" noun is what is imposed.
    objs += [o for m in objs if m.lemma_.lower() in MEASURES for o in objects_of([m], ["of"])]
    # "raised its alert level", "used chemical weapons": the modifier or "of" noun says what it is.
    kinds = [m for m in objs if m.lemma_.lower() in KIND_NOUNS]
    objs += [c for m in kinds for c in m.children if c.dep_ == "amod"] + objects_of(kinds, ["of"])
    # "violated the ceasefire agreement": the compound says which agreement.
    objs += [c for o in list(objs) for c in o.children if c.dep_ == "compound"]
    out = []
    for p in pats:
        if p.particle and p.particle not in parts:
            continue
        if p.objects:
            obj = next((o for o in objs if o.lemma_.lower() in p.objects or o.lower_ in p.objects), None)
            if obj is None or (p.objects <= BODIES and owned(obj)):
                continue  # "joined Russian forces" is no "joined forces": the forces are someone's
            out.append((p, obj))
        else:
            # "withdrew from the treaty with Moscow": the phrase's noun is the object, part of
            # this event and the holder of its target's phrase.
            out.append((p, phrases.get(p.particle or "")))
    # "suspended aid operations": the compound of a generic act noun says what the act is, and
    # the noun alone (087 "suspend operations") is no reading of it.
    kinds_named = {o.head.i for _, o in out if o is not None and o.dep_ == "compound"
                   and o.head.lemma_.lower() in GENERIC_ACTS}
    out = [(p, o) for p, o in out if o is None or o.i not in kinds_named]
    # A phrasal verb the text uses ("took back X") comes before the bare verb's patterns, a
    # specific pattern before a general one, and the object itself before the compound
    # naming its kind ("accepted a ceasefire proposal").
    return sorted(out, key=lambda m: (
        not (m[0].particle and m[0].particle in parts),
        -m[0].specificity,
        m[1] is not None and m[1].dep_ == "compound",
    ))


def _popular_protest(
    matches: list[tuple[VerbPattern, Any | None]], chosen: VerbPattern, sources: list[Arg]
) -> VerbPattern | None:
    """The reading of an ambiguous "protest" its subjects settle: the people (civilians,
    students, workers, the opposition) demonstrate (14x); states and governments complain
    officially (11x). None when the subjects are neither or mixed."""
    same = [p for p, _ in matches if p.specificity == chosen.specificity]
    protest = [p for p in same if p.code[:2] == "14"]
    complaint = [p for p in same if p.code[:2] == "11"]
    if protest and sources and all(a.actor.sector in POPULAR_SECTORS for a in sources):
        return protest[0]
    if complaint and sources and all(is_state(a.actor.code) or a.actor.sector == "GOV" for a in sources):
        return complaint[0]
    return None


def _protest_at_mission(
    matches: list[tuple[VerbPattern, Any | None]], chosen: VerbPattern, v: Any
) -> VerbPattern | None:
    """The protest reading of an ambiguous "rally" or "protest" held at a foreign mission
    ("rallied outside the US embassy"): a gathering there is against the mission's state."""
    if not _missions(v):
        return None
    same = [p for p, _ in matches if p.specificity == chosen.specificity and p.code[:2] == "14"]
    return same[0] if same else None


def _missions(v: Any) -> list[Any]:
    """The foreign missions verb ``v`` happens at ("rallied outside the US embassy" -> [embassy])."""
    return [t for t in phrase_objects([v], AT_PREPS) if t.lemma_.lower() in MISSIONS]


def _slots(v: Any) -> set[str]:
    """The target slots the clause of verb ``v`` has: its prepositions, and "dobj"."""
    present = {c.lower_ for c in v.children if c.dep_ in ("prep", "agent", "dative")}
    return present | {"dobj" for c in v.children if c.dep_ == "dobj"}


def _ambiguous(matches: list[tuple[VerbPattern, Any | None]], chosen: VerbPattern, v: Any) -> bool:
    """Whether other patterns as specific as ``chosen`` give the verb ``v`` another code (a
    pattern matched only by a compound of the object, "a ceasefire proposal", is no rival; nor
    is one whose target slot the clause lacks when ``chosen``'s is there: "called on everyone
    to..." has an "on" phrase and no direct object, so it is no phone call)."""
    present = _slots(v)
    # A pattern of the chosen code fits when any of that code does: "called for an inquiry" is
    # an appeal ("call for", as "call on"), not a phone call.
    fits = any(slot in present for p, _ in matches if p.code == chosen.code for slot in p.targets)
    return any(
        p.code != chosen.code and p.specificity == chosen.specificity
        and not (o is not None and o.dep_ == "compound")
        and not (fits and not any(slot in present for slot in p.targets))
        for p, o in matches
    )


def _listed_before(sent: Any, sources: list[Arg], found: Sequence[Found]) -> list[Arg]:
    """A headline's actors listed before its subject: "Egypt, Sudan sign border deal" -> Egypt
    too. Only when nothing but names, commas and "and" come before."""
    starts = {a.actor.start for a in sources}
    first = min((f.first for f in found if f.mention.start in starts), default=None)
    if first is None or first <= sent.start:
        return []
    words = list(sent.doc[sent.start : first])
    if any(w.text not in (",", "and", "&") and not any(f.covers(w.i) for f in found) for w in words):
        return []
    return [mentioned(f.mention) for f in found if sent.start <= f.first < first and f.mention.code]

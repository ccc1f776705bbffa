"""Events: predicates on the dependency parse, matched against the verb and noun lexicons.

Grammar handled here, the same way for every lexicon entry: active and passive voice (also
headline passives, "jet shot down by rebels"), coordinated arguments (one event per pair),
subjects inherited through conjoined, controlled and relative clauses, light verbs with an
event noun ("launched air strikes on"), negation, modality, reported speech and pronouns.

Example:
    >>> coder = EventCoder()  # doctest: +SKIP
    >>> [c.code for c in coder.code(nlp("Syria's president visited Moscow."), found, [])]  # doctest: +SKIP
    ['042']
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from actorgraph.actors import REGION_CODES, Found, sponsor_word
from actorgraph.consolidation import GOVERN_STEPS, MESSAGES, Coding, consolidate, same_side
from actorgraph.implied import MISSION_NOTE
from actorgraph.lexicon import EventLexicon, load_event_lexicon
from actorgraph.lexicon.events import NounPattern, VerbPattern
from actorgraph.modality import (
    ASKING_NOUNS,
    CLAIM_NOUNS,
    DEMAND_MODALS,
    MANDATIVE_HEADS,
    addressed,
    is_mandative,
    issuing_verb,
    modality_of,
    named_by_demand,
)
from actorgraph.records import Actor, Mention, Span
from actorgraph.subcodes import (
    BOMBABLE,
    HARM_ROOTS,
    INTENT_CODES,
    REFUSAL_CODES,
    VIOLENT_ROOTS,
    accusation_code,
    aid_cut_code,
    asked_code,
    bombing_code,
    by_aircraft,
    by_protesters,
    civilian,
    code_in,
    counts_hundreds,
    investigation_code,
    takes_equipment,
    threat_code,
    weapon_code,
)
from actorgraph.syntax import (
    conditions,
    describes,
    example_words,
    has_that,
    infinitive,
    is_headline,
    noun_phrase,
    objects_of,
    ordered_to_leave,
    prep_objects,
    reports,
)

__all__ = ["Coding", "EventCoder", "last_person"]

_PARTICLES = {"back", "down", "out", "up", "off", "over", "in", "away", "aside"}
# Auxiliaries of what an actor will or would do (a refusal when negated).
_WILL = {"will", "shall", "'ll", "wo", "would", "'d"}
_CONTROL_HEADS = {
    "ask",
    "urge",
    "call",
    "order",
    "force",
    "allow",
    "persuade",
    "tell",
    "invite",
    "press",
    "encourage",
    "warn",
    "pressure",
    "permit",
    "help",
    "compel",
    "push",
}
_PRONOUNS = {"he", "she", "him", "her"}
_GROUP_PRONOUNS = {"it", "they"}
# Mention kinds that name a state, and so can own a role ("British forces").
_STATE_NAMES = {"country", "adjective", "capital"}
# Roots whose acts two coordinated subjects do together ("X and Y agreed, met, signed").
_JOINT_ROOTS = {"03", "04", "05", "06"}
# ... and codes of other roots that two sides do together ("Israel and Hamas agreed a truce").
_JOINT_CODES = ("0871",)
# Verbs whose coordinated subjects act on each other, both ways ("Ukraine and Russia exchanged
# prisoners", "Israel and Hezbollah traded fire", "Indian and Chinese troops clashed"), whatever
# the code.
_RECIPROCAL_VERBS = {"exchange", "swap", "trade", "clash", "fight", "skirmish", "battle"}
# Sectors of the people rather than the state: when they "protest" or "rally", they demonstrate.
_POPULAR_SECTORS = {"CVL", "OPP", "LAB", "EDU"}
# What one party puts to another, so that whoever answers it acts on its author.
_PROPOSALS = {
    "appeal", "bid", "call", "demand", "initiative", "invitation", "offer", "overture", "plan",
    "plea", "pressure", "proposal", "request", "suggestion", "threat", "ultimatum",
}
# Nouns that name conduct: an act on one of them ("investigated abuses by the army", "condemned
# Russia's war crimes") is an act on whoever is named for the conduct.
_CONDUCT = {
    "abuse", "atrocity", "corruption", "crime", "crimes", "fraud", "killing", "killings",
    "massacre", "misconduct", "torture", "violation", "wrongdoing",
}
# Nouns that carry their "of" phrase's conduct: "allegations of abuses by Eritrean troops".
_CONDUCT_CARRIERS = {"accusation", "allegation", "charge", "claim", "evidence", "report"}
# Nouns that measure out what their "of" phrase names: "a round of sanctions", "a wave of strikes".
_MEASURES = {
    "round", "package", "wave", "series", "set", "batch", "raft", "spate", "barrage", "salvo", "volley",
    # counts: "deployed thousands of police officers"
    "dozen", "hundred", "thousand", "million", "score",
}
# Violence named by a noun is not the subject's when the verb says it met, fled, judged or
# ended it: "refugees fled the war", "the UN condemned the attack".
_SUFFERED_VERBS = {
    "flee", "escape", "survive", "suffer", "endure", "face", "fear", "witness", "condemn",
    "denounce", "oppose", "protest", "report", "cover", "document", "investigate", "probe", "end",
    "stop", "halt", "prevent", "avert", "avoid", "repel", "resist", "withstand", "blame", "deny",
    "mourn", "commemorate", "recall", "describe", "criticize", "criticise", "break", "lift",
    "decry", "deplore", "regret", "ban", "forbid", "prohibit", "outlaw", "block", "disperse",
    "suppress", "quell", "crush",
}
# Nouns that frame an event noun and carry its arguments: "a mediation mission between X and Y".
_FRAME_NOUNS = {"mission", "effort", "bid", "attempt", "campaign", "operation", "initiative", "drive"}
# Words that state an intention to do what they govern ("ready to", "offered to", "pledged to").
_INTENT_WORDS = {
    "willing",
    "ready",
    "prepared",
    "offer",
    "promise",
    "pledge",
    "vow",
    "commit",
    "committed",
    "intend",
    "plan",
    "agree",
    "eager",
    "determined",
    # nouns: "Washington's decision to send cluster munitions"
    "decision",
    "commitment",
    "intention",
    "readiness",
    "willingness",
}
# Words that refuse what they govern ("unwilling to cede", "refused to release", "its refusal
# to release").
_REFUSAL_WORDS = {"unwilling", "reluctant", "refuse", "decline", "refusal", "unwillingness", "reluctance",
                  "rule out"}
# Words that vow, or declare readiness for, what they govern: a harm so announced is a threat
# ("vowed to crush the rebels" 137, "have sworn to fight" 138, "is prepared to impose martial
# law" 1324), coded by threat_code (codebook root 13).
_VOW_WORDS = {
    "vow", "swear", "sworn", "pledge", "promise", "ready", "prepared", "prepare", "willing", "determined",
}
# Verbs of moving somewhere, which code a visit (042) for envoys and a deployment for forces.
_MOVING = {"arrive", "head", "travel", "fly", "move", "enter", "roll", "cross"}
# Bodies of armed people: what an act is "of" when they are its doers ("the deployment of UN
# peacekeepers"); with "fighters" (also jets, so not a doer of "of"), who a state sends: military
# aid to whom they are sent, else a deployment.
_BODIES = {
    "troops", "forces", "soldiers", "peacekeeper", "peacekeepers", "marines", "paratroopers",
    "militiamen", "mercenaries", "reinforcements",
}
_TROOPS = _BODIES | {"fighters"}
# Words naming armed forces as a body that moves.
_UNITS = _TROOPS | {
    "convoy", "convoys", "column", "columns", "units", "unit", "tanks", "warships", "ships", "jets",
    "warplanes", "aircraft", "bombers", "battalion", "battalions", "brigade", "brigades", "contingent",
    "detachment",
}
# Nouns that stand for what they are "of" when they are an act's object: "recognised the
# independence of Kosovo" recognises Kosovo.
_STANDS_FOR_OWNER = {
    "independence", "sovereignty", "statehood", "government", "regime", "leadership", "authority",
    "authorities", "legitimacy",
}
# Lines between states, whose "with" phrase names the state across ("its border with Belarus").
_BORDERS = {"border", "frontier", "boundary"}
# Verbs of propping up, events only when what is propped up is an actor ("shore up the regime",
# not "shore up its reserves").
_PROPPING = {"shore", "prop"}
# A state's missions abroad, and where protesters stand at one ("outside the British embassy").
_MISSIONS = {"embassy", "consulate", "mission", "legation", "high commission"}
_AT_PREPS = ["outside", "at", "near", "before", "to", "towards", "toward"]
# Acts between two states, never of one state towards itself: a diplomat recalled "to Ankara"
# by Turkey is called home.
_BETWEEN_STATES = ("161",)
# Codes a state carries out with its armed forces: show of force, fighting, mass violence,
# military withdrawal.
_FORCE_ROOTS = {"15", "19", "20"}
_FORCE_CODES = {"0874"}
# Three-letter codes that are not states: CAMEO's regions and the bare roles.
_NOT_STATES = REGION_CODES | {
    "IGO", "NGO", "IMG", "REB", "MIL", "GOV", "CVL", "COP", "OPP", "LEG", "JUD", "MED", "PTY",
    "SPY", "ELI", "BUS", "REF", "LAB", "EDU", "---",
}
# Acts about another act they govern: appeals, intents, demands, rejections, threats ("threatened
# to impose sanctions on X", "refused to commit troops"). The governed act names the governing
# act's target when that has none ("threatened to break relations with Russia" -> 13x on RUS).
_GOVERNING_ROOTS = frozenset({"02", "03", "10", "12", "13"})
# Of those, the ones whose act is the whole event: a requested, threatened or intended act is
# not coded again, its code is in the appeal's, demand's, threat's or intent's ("urged Russia to
# de-escalate" 0256 only; GDELT, PLOVER and the golds code it so); a refused or ruled-out act
# is, negated.
_SUBSUMING_ROOTS = frozenset({"02", "03", "10", "13"})
# Dependency steps from a governed act up to the act that governs it (at most GOVERN_STEPS).
_GOVERNED_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "acl", "acomp"})
# Verbs of opinion whose "that X is ADJ" clause judges X, and the judgements: "too" anything
# disapproves ("far too cautious"), as these do; these approve.
_OPINION_VERBS = {"think", "believe", "feel", "consider", "say", "argue", "insist", "complain", "reckon"}
_DISAPPROVING = {
    "wrong", "mistaken", "misguided", "irresponsible", "reckless", "dangerous", "unacceptable",
    "disproportionate", "hypocritical", "illegal", "unlawful", "counterproductive", "naive", "unhelpful",
    "provocative", "excessive", "inadequate", "insufficient", "unjustified", "unfair", "biased",
}
_APPROVING = {
    "right", "correct", "justified", "responsible", "constructive", "courageous", "wise", "appropriate",
}
# Moods a speaker states about something: optimistic (013) or pessimistic (012) comments.
_MOODS = {
    "optimistic": "013", "hopeful": "013", "upbeat": "013", "confident": "013",
    "pessimistic": "012", "sceptical": "012", "skeptical": "012", "doubtful": "012", "gloomy": "012",
}
# What is denied to be acceptable is rejected: "insists that partition is not acceptable".
_ACCEPTABLE = {"acceptable", "tolerable", "permissible", "admissible"}
# Nouns of a viewpoint phrase: "from the point of view of X", "in the eyes of X".
_VIEWS = {"point", "view", "viewpoint", "standpoint", "perspective", "eye", "eyes", "opinion"}
# Roots of accords and concessions: "under" one of them refers to it as made before.
_ACCORD_ROOTS = frozenset({"03", "05", "06", "08"})
# Statements and consultations with no addressee are not interactions: not coded.
_NEEDS_TARGET = {"01", "04"}
# Prepositions that attach a topic to talks or an accord, and the roots of those ("talks on a
# ceasefire", "assurances about its commitment", "an agreement on the withdrawal").
_TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}
_TALK_ROOTS = {"03", "04", "05"}
# Verbs whose subject is what their object's event noun is aimed at ("faces threats from Iran").
_FACING = {"face", "suffer", "endure", "fear"}
# Verbs whose subject gives in to what their "to" phrase's event noun names ("bowed to pressure").
_YIELDING = {"submit", "yield", "bow", "succumb", "cave", "capitulate"}
# Verbs that judge a danger rather than make a threat ("poses a threat to Israel").
_ASSESSING = {"pose", "represent", "constitute"}
# Verbs whose subject receives what their object's event noun names, from a "from" phrase.
_RECEIVING = {"receive", "get", "obtain", "win", "secure", "accept", "gain"}
# Verbs that make their object act known as the subject's own ("announced a withdrawal").
_ANNOUNCING = {"announce", "declare", "unveil", "proclaim"}
# Prepositions that put the clause's subject on a visit ("during a visit to Cairo").
_VISIT_PREPS = {"during", "on", "after", "before", "ahead"}
# Prepositions of time and circumstance: an event noun in one is the setting of the clause's act,
# not an act it governs ("called for an end to the war during a visit to Cairo").
_SETTING_PREPS = frozenset({"during", "after", "before", "amid", "since", "following", "despite", "until"})
# Prepositions that put their subject at an event: "during demonstrations", "for a rally".
_PRESENT_AT = {"during", "for", "at", "in", "amid"}
# Prepositions that put an act of force at an institution it strikes, and those institutions.
_SITE_PREPS = {"outside", "at", "near", "inside"}
_SITE_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY"}
# Verbs of coming together whose "for" phrase names a meeting their subject takes part in:
# "negotiators returned to Geneva for talks" (not "called for talks": a request).
_GATHERING = {"arrive", "come", "go", "return", "travel", "fly", "head", "gather", "convene", "be", "visit",
              "stay", "remain", "reconvene", "assemble"}
# Confidence by how the weakest argument was found; tuned on nothing yet, documented guesses
# that rank lexicon names above agents above pronouns above unknown entities.
_ORIGIN_CONFIDENCE = {"lexicon": 0.9, "agent": 0.75, "pronoun": 0.6, "ner": 0.4}


# Verbs that also name or describe ("called X hypocritical"); with an object predicate they are
# not the act their lexicon entries code.
_NAMING = frozenset({"call", "name", "label", "brand", "dub", "term"})


@dataclass(frozen=True, slots=True)
class _Arg:
    actor: Actor
    origin: str


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


class EventCoder:
    """Codes events in parsed sentences; build once per process and reuse."""

    def __init__(self, lexicon: EventLexicon | None = None) -> None:
        self.lexicon = lexicon or load_event_lexicon()
        self.speech = self.lexicon.speech_lemmas
        # The last person named before the current text: "he" at the start of a paragraph.
        self.antecedent: Mention | None = None

    # ---- arguments -------------------------------------------------------------------
    def _actors(self, tok: Any, found: Sequence[Found], offset: int) -> list[_Arg]:
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
        elif _is_state(out[0].actor.code):
            # "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt": a list of states that
            # the parser reads as an apposition; another state is never the same actor renamed.
            for ap in (c for c in tok.children if c.dep_ == "appos"):
                names = [t for t in [ap, *ap.conjuncts] if any(f.covers(t.i) for f in found)]
                more = [a for t in names if (a := self._actor(t, found, offset)) is not None]
                if more and all(_is_state(a.actor.code) and a.actor.code != out[0].actor.code for a in more):
                    out += more
        return out

    @staticmethod
    def _co_owners(t: Any, arg: _Arg, found: Sequence[Found]) -> list[_Arg]:
        """ "US and British forces": one role, several owners; one actor per owner."""
        sector = arg.actor.sector
        if arg.origin != "agent" or not sector:
            return []
        out = []
        # "US and British forces", "negotiators from Ukraine and Russia"
        owners = [m for m in t.children if m.dep_ in ("amod", "compound", "nmod", "poss")]
        owners += objects_of([t], ["of", "from"])
        for mod in owners:
            for c in mod.conjuncts:
                hit = next((f for f in found if f.covers(c.i) and f.mention.kind in _STATE_NAMES), None)
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
                    out.append(_Arg(actor, "agent"))
        return out

    def _actor(self, t: Any, found: Sequence[Found], offset: int) -> _Arg | None:
        hit = next((f for f in found if f.covers(t.i)), None)
        if hit is None and t.lower_ in _GROUP_PRONOUNS and t.dep_ in ("nsubj", "nsubjpass"):
            # "Russia said it would...": the subject of the clause that reports this one.
            clause = t.head
            if clause.dep_ in ("ccomp", "xcomp", "advcl", "conj") and clause.head.i != clause.i:
                outer = [c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass")]
                if outer and outer[0].lower_ not in _GROUP_PRONOUNS | _PRONOUNS:
                    arg = self._actor(outer[0], found, offset)
                    if arg is not None:
                        return _pronoun(t, arg.actor, offset)
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
                    return _pronoun(t, subjects[-1].mention, offset)
            return None
        if hit is None and t.dep_ == "poss" and t.lower_ in ("its", "their"):
            # "The EU sanctioned Iran over its transfer of drones": the nearest actor before it
            # in the sentence owns the act ("its" is no person).
            owners = [f for f in found if t.sent.start <= f.first and f.last <= t.i and f.mention.code
                      and (t.lower_ == "their" or not _is_person(f.mention))]
            if owners:
                owner = max(owners, key=lambda f: (f.last, f.last - f.first))
                return _pronoun(t, owner.mention, offset)
            return None
        if hit is None and t.lower_ in _PRONOUNS:
            before = [f for f in found if f.last <= t.i and _is_person(f.mention)]
            if t.dep_ in ("nsubj", "nsubjpass"):
                # A subject pronoun continues the last person who was a subject ("Kishida phoned
                # Erdogan. He offered condolences": Kishida), else the last person named.
                subjects = [f for f in before if t.doc[f.first : f.last].root.dep_ in ("nsubj", "nsubjpass")]
                before = subjects or before
            prior = [f.mention for f in before]
            m = prior[-1] if prior else self.antecedent
            if m is not None:
                return _pronoun(t, m, offset)
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
            unsponsored = [f for f in found if sponsor_word(t.doc, f.last) in (None, "led")]
            covering = [[f for f in unsponsored if f.covers(w.i)] for w in inside]
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
                return _Arg(actor, "agent")
        return _mentioned(m)

    def _peer_sector(self, t: Any, found: Sequence[Found], offset: int) -> str | None:
        """The sector of the subject of the clause that names ``t`` (a counterpart's peer)."""
        node = t
        while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
            node = node.head
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != t.i]
        peers = [a for s in subjects if (a := self._actor(s, found, offset)) is not None]
        return peers[0].actor.sector if peers and peers[0].actor.sector else None

    def _owned_by_subject(self, t: Any, m: Mention, found: Sequence[Found], offset: int) -> _Arg | None:
        """A role owned by "its" or "their" is that of the state or group a clause above names
        as its subject: "Israel said its jets struck...", "Russia ordered its troops to
        withdraw" (ISRMIL, RUSMIL); "Hezbollah said its fighters fired" (Hezbollah's code)."""
        if not m.sector or not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in t.children):
            return None
        node = t.head
        for _ in range(GOVERN_STEPS):
            for subj in (c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != t.i):
                if subj.lower_ in _GROUP_PRONOUNS or subj.left_edge.i <= t.i <= subj.right_edge.i:
                    continue
                owner = self._actor(subj, found, offset)
                if owner is None or not owner.actor.code:
                    continue
                o = owner.actor
                code = o.code  # "Hezbollah said its fighters": Hezbollah's
                if o.country and (_is_state(o.code) or o.code == o.country + "GOV"):
                    code = o.country + m.sector
                country = o.country
                return _Arg(Actor(m.text, code, m.actor_id, country, m.sector, m.start, m.end), "agent")
            if node.head.i == node.i:
                break
            node = node.head
        return None

    @staticmethod
    def _example(t: Any, found: Sequence[Found]) -> _Arg | None:
        """ "Shiite militias, such as the Badr Corps": a role named by an example takes its code."""
        for w in [c for c in t.children if c.dep_ == "appos"] + example_words(t):
            hit = next((f for f in found if f.covers(w.i) and f.mention.code), None)
            if hit is not None and hit.mention.origin == "lexicon":
                return _mentioned(hit.mention)
        return None

    @staticmethod
    def _subjects(v: Any) -> tuple[list[Any], bool]:
        """Subject tokens of verb ``v`` and whether ``v`` is passive."""
        kids = list(v.children)
        passive = (
            any(c.dep_ in ("nsubjpass", "auxpass") for c in kids)
            or (v.tag_ == "VBN" and any(c.dep_ == "agent" for c in kids))
            or (
                # Headline passives lose their auxiliary and get misparsed as past tense:
                # "Helicopter shot down by Houthis".
                v.tag_ in ("VBN", "VBD")
                and not any(c.dep_ == "dobj" for c in kids)
                and (
                    any(c.dep_ in ("prep", "agent") and c.lower_ == "by" for c in kids)
                    or is_headline(v.sent)
                )
            )
            or _reduced_passive(v)
        )
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        node = v
        while not subj and node.dep_ in ("conj", "xcomp", "advcl", "acomp", "oprd") and node.head.i != node.i:
            # Object control: in "urged Turkey to withdraw", Turkey is who withdraws.
            objs = [c for c in node.head.children if c.dep_ in ("dobj", "dative")]
            controlled = node.dep_ == "xcomp" and node.head.lemma_.lower() in _CONTROL_HEADS
            if controlled or (node.dep_ == "advcl" and named_by_demand(node) and addressed(node.head)):
                # "called on Washington to lift its sanctions": Washington is who lifts them.
                preps = ["on", "upon"] if controlled else ["on", "upon", "to"]
                asked = objs or objects_of([node.head], preps)
                if asked:
                    return asked, passive
            if node.dep_ == "advcl" and node.tag_ == "VBG":
                # "The convoy was ambushed by Taliban fighters, killing six soldiers": the
                # participle continues the passive's doer, not its patient.
                by = [a for a in node.head.children if a.dep_ == "agent"]
                agents = [o for a in by for o in a.children if o.dep_ == "pobj"]
                if agents:
                    return agents, passive
            node = node.head
            subj = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj and v.dep_ in ("relcl", "acl") and v.head.i != v.i:
            subj = [v.head]
        if node.dep_ == "relcl" and node.head.i != node.i:
            # "Iran, which is unwilling to cede...": the relative pronoun is its antecedent.
            subj = [node.head if s.tag_ in ("WDT", "WP") else s for s in subj]
        adjective = v.head.head if v.dep_ == "pcomp" and v.head.dep_ == "prep" else None
        # ("Chile is committed to opening the border", parsed as a passive verb, not an adjective)
        passive_word = adjective is not None and adjective.tag_ == "VBN" and any(
            c.dep_ == "nsubjpass" for c in adjective.children)
        if not subj and adjective is not None and (adjective.dep_ in ("acomp", "oprd") or passive_word):
            # "both sides are guilty of violating the ceasefire", "Serbia is responsible for
            # shelling the town", "Greece is committed to withdrawing its troops": whom the
            # adjective is said of does it.
            word = adjective.lemma_.lower()
            pledged = v.head.lower_ == "to" and adjective.dep_ != "oprd" and word in _INTENT_WORDS
            holder = adjective if passive_word else adjective.head
            if word in _DOER_ADJECTIVES or pledged:
                subj = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]
        return subj, passive

    @staticmethod
    def _preps(heads: Sequence[Any], names: Sequence[str]) -> list[Any]:
        for name in names:
            for h in heads:
                for c in h.children:
                    if c.dep_ in ("prep", "agent", "dative") and c.lower_ == name:
                        # "on Friday" names a day, never a party.
                        objs = [
                            g
                            for g in c.children
                            if g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in ("DATE", "TIME")
                        ]
                        if objs:
                            return objs
        return []

    def _targets(
        self,
        v: Any,
        slots: Sequence[str],
        obj: Any | None,
        passive: bool,
        found: Sequence[Found],
        offset: int,
    ) -> list[_Arg]:
        uncoded: list[_Arg] = []
        objs = [obj] if obj is not None else [c for c in v.children if c.dep_ == "dobj"]
        for slot in slots:
            if slot == "dobj":
                cands = [c for c in v.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
                if passive and not cands:
                    cands = [c for c in v.children if c.dep_ == "nsubj"]
                if passive and not cands:
                    # "units initiate attacks or are ambushed by rebels": the shared subject.
                    cands = self._subjects(v)[0]
                # "recognised the independence of Kosovo", "toppled the government of Mali":
                # a noun that stands for what it is "of".
                cands = [o for c in cands for o in self._owner_of(c) or [c]]
            elif slot == "dative":
                cands = [c for c in v.children if c.dep_ in ("dative", "iobj")]
                if not cands:
                    # "handed its Iraqi counterparts information", read as one noun phrase: the
                    # recipient is the object's compound, when a plural or owned actor.
                    cands = [c for o in objs for c in o.children if c.dep_ == "compound"
                             and (c.tag_ == "NNS" or any(g.dep_ == "poss" for g in c.children))]
            else:
                # "blocked an aid package for Ukraine": the package's phrase, when the parser
                # reads "aid" as the object.
                phrase = [obj.head] if obj is not None and obj.dep_ == "compound" else []
                # The object's own phrase first: "eased sanctions on Syria on Friday".
                cands = self._preps([*objs, *phrase, v], [slot])
            args = [a for c in cands for a in self._actors(c, found, offset)]
            if not args:
                args = [a for c in cands for a in self._conduct_agents(c, found, offset)]
            if not args:
                # "sent soldiers to its border with Belarus": the border's other side.
                lines = [c for c in cands if c.lemma_.lower() in _BORDERS]
                across = [g for c in lines for g in c.children if g.dep_ in ("amod", "compound")]
                sides = [*self._preps(lines, ["with"]), *across]
                across_args = [a for t in sides for a in self._actors(t, found, offset)]
                args = _others(across_args, self._subject_args(v, found, offset))
            if any(a.actor.code for a in args):
                return args
            # "recaptured Kafr Nabl from rebels": a name the lexicon lacks (often a place) gives
            # way to a coded actor in a later slot.
            uncoded = uncoded or args
        if uncoded:
            return uncoded
        # "threatened to strike Ukrainian ports": the target of the act threatened or promised.
        for x in v.children:
            if x.dep_ == "xcomp":
                args = [a for c in x.children if c.dep_ == "dobj" for a in self._actors(c, found, offset)]
                if args:
                    return args
        # "demanded that the US cancel the sale": whom the demand, appeal or praise is about.
        clauses = [x for x in v.children if x.dep_ == "ccomp"] if "dobj" in slots else []
        if "dobj" in slots and reports(v):
            clauses.append(v.head)  # "the army is failing civilians, a rights group protested"
        # "insisted on its demand that Kabul free the prisoners": whom the demand is made of.
        asking = [n for n in [*objects_of([v], ["on"]), *(c for c in v.children if c.dep_ == "dobj")]
                  if n.lemma_.lower() in ASKING_NOUNS]
        clauses += [x for n in asking for x in n.children if x.dep_ == "acl"]
        for x in clauses:
            subj = [c for c in x.children if c.dep_ in ("nsubj", "nsubjpass")]
            args = [a for c in subj for a in self._actors(c, found, offset)]
            if args:
                return args
        return []

    def _owner_of(self, noun: Any) -> list[Any]:
        """What a noun that stands for its owner is "of" ("the independence of Kosovo"), or []
        (also when the noun names its owner itself: "accused Chinese authorities of abuses")."""
        if noun.lemma_.lower() not in _STANDS_FOR_OWNER:
            return []
        if any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in noun.children):
            return []
        return self._preps([noun], ["of"])

    # ---- modality and attribution ---------------------------------------------------

    def _subject_args(self, v: Any, found: Sequence[Found], offset: int) -> list[_Arg]:
        """The actors the subjects of verb ``v`` name, in order."""
        return [a for t in self._subjects(v)[0] for a in self._actors(t, found, offset)]

    def _speaker(self, v: Any, found: Sequence[Found], offset: int) -> Actor | None:
        """The subject of the speech verb whose reported clause contains ``v``."""
        node = v
        while node.head.i != node.i:
            source = self._according_to(node, found, offset)
            if source is not None:
                return source
            claim = node.head.pos_ == "NOUN" and node.head.lemma_.lower() in CLAIM_NOUNS
            if node.dep_ in ("acl", "ccomp") and claim and has_that(node):
                return self._claimant(node.head, found, offset)  # "Russia's claim that..."
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in self.speech:
                args = self._subject_args(node.head, found, offset)
                if not args:
                    # "The report by Amnesty said that...": the report's author speaks.
                    nouns = [c for c in node.head.children
                             if c.dep_ == "nsubj" and c.lemma_.lower() in CLAIM_NOUNS]
                    return self._claimant(nouns[0], found, offset) if nouns else None
                return args[0].actor
            node = node.head
        source = self._according_to(node, found, offset)
        if source is not None:
            return source
        # "..., the minister said." puts the speech verb under the reported clause.
        for c in v.children:
            if c.dep_ in ("parataxis", "ccomp") and c.lemma_.lower() in self.speech and c.i > v.i:
                args = self._subject_args(c, found, offset)
                return args[0].actor if args else None
        # "..., killing a commander, according to Lebanese sources": the sentence's source,
        # wherever the parser hung it.
        for t in v.sent:
            if t.lower_ == "according" and (source := self._according_to(t.head, found, offset)):
                return source
        return None

    def _according_to(self, node: Any, found: Sequence[Found], offset: int) -> Actor | None:
        """The source a clause cites: "According to SANA, Israeli missiles hit...", "..., according
        to witnesses" (a source the lexicon lacks keeps its own words, with no code)."""
        for acc in (c for c in node.children if c.lower_ == "according"):  # (prep, or a misread conj)
            for g in (t for p in acc.children if p.lower_ == "to" for t in p.children if t.dep_ == "pobj"):
                args = self._actors(g, found, offset)
                # the phrase's own name before its modifiers ("the Syrian news agency SANA")
                at = offset + g.idx
                own = [a for a in args if (a.actor.start or 0) <= at < (a.actor.end or 0)]
                if not (own or args):
                    return self._claimant(g, found, offset)
                # The phrase's words ("local rescue workers", "Lebanese security sources"), coded
                # as its own name, else as the actor that qualifies it.
                phrase = g.doc[g.left_edge.i : g.right_edge.i + 1]
                start = offset + phrase.start_char
                return dataclasses.replace(
                    (own or args)[0].actor, text=phrase.text, start=start, end=start + len(phrase.text)
                )
        return None

    def _claimant(self, noun: Any, found: Sequence[Found], offset: int) -> Actor:
        """Whose claim, report or allegation ``noun`` is: "Russia's claim that...", "Serbian
        claims that...", "reports by the UN that...". Unnamed ("allegations that Rwandan troops
        killed civilians"), the claim itself is the source, uncoded: the act is still reported,
        not the author's."""
        owners = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
        owners += self._preps([noun], ["by", "from"])
        args = [a for o in owners for a in self._actors(o, found, offset)]
        if args:
            return args[0].actor
        return Actor(noun.text, None, start=offset + noun.idx, end=offset + noun.idx + len(noun.text))

    # ---- patterns --------------------------------------------------------------------
    @staticmethod
    def _match_verb(v: Any, pats: Sequence[VerbPattern]) -> list[tuple[VerbPattern, Any | None]]:
        parts = {c.lower_ for c in v.children if c.dep_ in ("prt", "advmod") and c.lower_ in _PARTICLES}
        # "forced the agency out of the country": a particle the parser read as a preposition.
        outs = [c for c in v.children if c.dep_ == "prep" and c.lower_ == "out"]
        parts |= {"out" for c in outs if any(g.lower_ == "of" for g in c.children)}
        # "went on strike", "was taken into custody": a preposition and its object's lemma.
        parts |= {
            f"{c.lower_} {g.lemma_.lower()}"
            for c in v.children
            if c.dep_ == "prep"
            for g in c.children
            if g.dep_ == "pobj"
        }
        objs = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
        # "a jet shot down by rebels", "newspapers closed by decree": a passive participle
        # modifying a noun has that noun as its object.
        if _reduced_passive(v) and v.head.pos_ in ("NOUN", "PROPN"):
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
        objs += [o for m in objs if m.lemma_.lower() in _MEASURES for o in objects_of([m], ["of"])]
        # "violated the ceasefire agreement": the compound says which agreement.
        objs += [c for o in list(objs) for c in o.children if c.dep_ == "compound"]
        out = []
        for p in pats:
            if p.particle and p.particle not in parts:
                continue
            if p.objects:
                obj = next((o for o in objs if o.lemma_.lower() in p.objects or o.lower_ in p.objects), None)
                if obj is None:
                    continue
                out.append((p, obj))
            else:
                out.append((p, None))
        # A phrasal verb the text uses ("took back X") comes before the bare verb's patterns, a
        # specific pattern before a general one, and the object itself before the compound
        # naming its kind ("accepted a ceasefire proposal").
        return sorted(out, key=lambda m: (
            not (m[0].particle and m[0].particle in parts),
            -m[0].specificity,
            m[1] is not None and m[1].dep_ == "compound",
        ))

    def code(
        self, doc: Any, found: Sequence[Found], offset: int, antecedent: Mention | None = None
    ) -> list[Coding]:
        """All events in ``doc`` (one parsed block piece).

        ``antecedent`` is the last person named before ``doc`` in the same document, for
        pronouns that refer back across a paragraph break.
        """
        self.antecedent = antecedent
        out: list[Coding] = []
        used_nouns: set[int] = set()
        ordered_out: set[int] = set()
        for v in doc:
            if v.pos_ not in ("VERB", "AUX") and v.tag_ not in ("VBN", "VBD", "VBG"):
                continue
            if v.i in ordered_out:
                continue
            # Irregular forms the lemmatizer does not know ("retook") are listed as they are.
            pats = self.lexicon.verbs.get(v.lemma_.lower()) or self.lexicon.verbs.get(v.lower_)
            leaving = ordered_to_leave(v)
            if leaving is not None and "expel" in self.lexicon.verbs:
                # "ordered French troops to leave the country" expels them (as "expel" codes
                # them: 161 for diplomats, else 166); the leaving is not coded on its own.
                ordered_out.add(leaving.i)
                codings = self._verb(v, self.lexicon.verbs["expel"], found, offset, used_nouns)
                out.extend(dataclasses.replace(c, rule=f"{c.rule}; ordered to leave") for c in codings)
                continue
            if pats and v.lemma_.lower() in _NAMING and any(c.dep_ == "oprd" for c in v.children):
                # "called the statement hypocritical": naming something, not a phone call.
                continue
            if pats:
                codings = self._verb(v, pats, found, offset, used_nouns)
                out.extend(codings)
            if v.lemma_.lower() in self.speech:
                out.extend(self._reported_demand(v, found, offset))
            if v.lemma_.lower() in _OPINION_VERBS:
                out.extend(self._judgement(v, found, offset))
            if v.lemma_ == "be" and v.dep_ == "ROOT":
                out.extend(self._viewpoint(v, found, offset))
        framed = self._framed_nouns(doc, used_nouns)
        for n in doc:
            # "riot police", "attack helicopters", "aid agencies": an event noun naming what
            # kind of actor its head is, not an event.
            of_actor = n.dep_ == "compound" and any(f.covers(n.head.i) and f.mention.code for f in found)
            if n.pos_ in ("NOUN", "PROPN") and n.i not in used_nouns and not of_actor:
                noun_pats = framed.get(n.i) or self._noun_patterns(n)
                if noun_pats:
                    out.extend(self._noun(n, noun_pats, found, offset))
        return consolidate(doc, self._govern(doc, out, found, offset), offset)

    def _govern(self, doc: Any, codings: list[Coding], found: Sequence[Found], offset: int) -> list[Coding]:
        """Fold acts governed by an appeal, intent, demand, rejection or threat into it."""
        governors: dict[int, list[int]] = defaultdict(list)
        for k, c in enumerate(codings):
            if c.code[:2] in _GOVERNING_ROOTS:
                governors[c.trigger_token].append(k)
        dropped: set[int] = set()
        out = list(codings)
        for k in range(len(codings)):
            c = out[k]  # with the target an act it governs gave it ("commit to assistance to X")
            g = _governor(doc[c.trigger_token], governors)
            if g is None or g == k or codings[g].sentence_start != c.sentence_start:
                continue
            head = out[g]
            said = doc[c.trigger_token]
            issuing = issuing_verb(said)
            in_message = said.dep_ == "acl" and said.head.lemma_.lower() in MESSAGES
            if in_message and issuing is None and head.code[:2] == "12":
                dropped.add(k)  # "vetoed a resolution condemning X": the condemnation never came
                continue
            if issuing is not None and issuing.i == head.trigger_token:
                # "failed to agree on a statement condemning the junta": the agreement is on
                # the statement, whose act is the event (negated as the agreement is).
                dropped.add(g)
                continue
            if c.modality != "asserted" and head.code[:2] in _SUBSUMING_ROOTS:
                dropped.add(k)
                src, tgt = (a.code if a else None for a in (c.source, c.target))
                asks = f"; asks: {c.code} {src}->{tgt}"
                if head.code[:2] in ("02", "10") and asks not in head.rule:  # what was asked, on record
                    head = out[g] = dataclasses.replace(head, rule=head.rule + asks)
            vowed = head.code[:2] == "03" and c.code[:2] == "13"  # "vowed to crush": a threat
            if vowed or (c.code[:2] == head.code[:2] and c.code[:2] in ("03", "12")):
                # "agreed to reopen the border", "refused to release the hostages": one intent or
                # refusal, coded by what is intended or refused (035, 1243); each of its parties'
                # ("Chad and Niger refused to extradite...").
                own = [h for h in governors[head.trigger_token] if same_side(out[h].source, c.source)]
                dropped.update(own or [g])
                if c.target is None:
                    # "X and Y agreed to allow access": of a joint intent's two parties, each
                    # act's target is the other one.
                    sides = (head.target, head.source)
                    other = next((a for a in sides if a and not same_side(c.source, a)), None)
                    if other is not None:
                        out[k] = dataclasses.replace(c, target=other)
                continue
            # "asked for Russian air strikes on ISIS": an appeal or demand is made to whom it
            # asks to act; other governing acts take the governed act's target.
            asked_of = c.source if head.code[:2] in ("02", "10") and c.source is not None else None
            if head.target is None and asked_of is not None and not same_side(head.source, asked_of):
                rule = f"{head.rule}; made to whom it asks to act"
                head = out[g] = dataclasses.replace(head, target=asked_of, rule=rule)
            if head.target is None and c.target is not None and not same_side(head.source, c.target):
                rule = f"{head.rule}; target of the act it governs"
                head = out[g] = dataclasses.replace(head, target=c.target, rule=rule)
            # "warned Tehran against attacking": a warning about another's act, no threat of it
            warned_off = head.code[:2] == "13" and said.dep_ == "pcomp" and said.head.lower_ == "against"
            asked = None if warned_off else asked_code(head.code, c.code)
            if asked is not None:
                verb = "threatens" if head.code[:2] == "13" else "asks for"
                # Every pair the verb codes asks for it: "urged Armenia and Azerbaijan to ...".
                for h in governors[head.trigger_token]:
                    if out[h].code == head.code and same_side(out[h].source, head.source):
                        rule = f"{out[h].rule}; {verb} {c.code} -> {asked}"
                        out[h] = dataclasses.replace(out[h], code=asked, rule=rule)
        # A chain passes its target up: "refused to commit to assistance to the US": the
        # assistance's target is the commitment's, and then the refusal's.
        for k, c in enumerate(out):
            g = _governor(doc[c.trigger_token], governors)
            if g is None or g == k or g in dropped or c.target is None:
                continue
            if out[g].target is None and not same_side(out[g].source, c.target):
                rule = f"{out[g].rule}; target of the act it governs"
                out[g] = dataclasses.replace(out[g], target=c.target, rule=rule)
        for k, c in enumerate(out):
            threat = threat_code(c.code) if c.modality == "future" else None
            if threat is not None and conditions(doc[c.trigger_token]):
                # "will withdraw its force unless X arranges a ceasefire": a harm announced on a
                # condition is a threat (CAMEO 13x), made to whom the condition binds. "Would"
                # outside reported speech is a writer's hypothesis, not the actor's threat.
                rule = f"{c.rule}; on a condition -> {threat}"
                c = out[k] = dataclasses.replace(c, code=threat, modality="asserted", rule=rule)
            alleged = accusation_code(doc[c.trigger_token]) if c.code == "112" else None
            if alleged is not None:
                # "accused Beijing of ramming a supply boat": an accusation of aggression (1123).
                c = out[k] = dataclasses.replace(c, code=alleged, rule=f"{c.rule}; of {alleged}")
            probe = investigation_code(doc[c.trigger_token]) if c.code == "090" else None
            if probe is not None:
                # "a corruption probe into former executives": investigated is crime (091).
                c = out[k] = dataclasses.replace(c, code=probe, rule=f"{c.rule}; into {probe}")
            if c.code in ("171", "192") and takes_equipment(doc[c.trigger_token]):
                # "captured dozens of Russian tanks": seizing matériel is confiscation (1711),
                # not taking territory.
                c = out[k] = dataclasses.replace(c, code="1711", rule=f"{c.rule}; matériel -> 1711")
            cut = aid_cut_code(doc[c.trigger_token]) if c.code == "162" else None
            if cut is not None:
                # "paused all military aid to Ukraine": reducing military assistance (1622).
                c = out[k] = dataclasses.replace(c, code=cut, rule=f"{c.rule}; of its kind -> {cut}")
            bombing = bombing_code(doc[c.trigger_token]) if c.code in BOMBABLE else None
            if bombing is not None:
                # "a car bomb killed four policemen", "a roadside bomb tore through a convoy,
                # killing six soldiers": a bomb's violence is a bombing (CAMEO 183x).
                c = out[k] = dataclasses.replace(c, code=bombing, rule=f"{c.rule}; by a bomb -> {bombing}")
            armed_group = c.source is not None and c.source.sector == "REB" and not by_aircraft(c.source)
            if c.code == "195" and armed_group:
                # "the IRA bombed a barracks": an armed group that bombs sets off bombs (183),
                # it does not strike from the air.
                c = out[k] = dataclasses.replace(c, code="183", rule=f"{c.rule}; by an armed group -> 183")
            kind = self._kind_of_attack(doc[c.trigger_token]) if c.code == "190" else None
            if kind is not None:
                # "launched a missile attack on Kyiv", "carried out an artillery strike": the
                # attack noun's kind says how (195, 194, 2041...).
                c = out[k] = dataclasses.replace(c, code=kind, rule=f"{c.rule}; {kind} by its kind")
            if c.code == "190" and by_aircraft(c.source):
                # "drones struck an airbase", "jets attacked the convoy": an attack from the air.
                c = out[k] = dataclasses.replace(c, code="195", rule=f"{c.rule}; by aircraft -> 195")
            armed = weapon_code(doc[c.trigger_token]) if c.code == "190" else None
            if armed is not None:
                # "Israeli missiles hit a depot" (195), "rockets hit a school" (194).
                c = out[k] = dataclasses.replace(c, code=armed, rule=f"{c.rule}; by its weapon -> {armed}")
            strike = doc[c.trigger_token].lemma_.lower() == "strike"
            if c.code == "190" and strike and c.source is not None and c.source.sector in _POPULAR_SECTORS:
                # "union leaders called a strike": workers strike, they do not attack (143).
                c = out[k] = dataclasses.replace(c, code="143", rule=f"{c.rule}; by {c.source.sector} -> 143")
            if c.code[:2] in ("18", "19") and by_protesters(c.source):
                # "protesters stormed parliament": CAMEO codes demonstrators' violence as a
                # violent protest or riot (145), not as an armed assault.
                c = out[k] = dataclasses.replace(c, code="145", rule=f"{c.rule}; by protesters -> 145")
            if c.code == "190" and civilian(c.target) and counts_hundreds(doc[c.trigger_token]):
                # "killed hundreds of civilians": CAMEO's mass killing of non-combatants.
                rule = f"{c.rule}; hundreds of civilians -> 202"
                c = out[k] = dataclasses.replace(c, code="202", rule=rule)
            if c.code[:2] == "13" and c.target is None:
                # "threatened to X unless Baghdad accepted": the threat is made to whom must comply.
                target = self._condition_subject(doc[c.trigger_token], found, offset)
                if target is not None and not same_side(c.source, target.actor):
                    rule = f"{c.rule}; target named by its condition"
                    out[k] = dataclasses.replace(c, target=target.actor, rule=rule)
        return [c for k, c in enumerate(out) if k not in dropped]

    def _reported_demand(self, v: Any, found: Sequence[Found], offset: int) -> list[Coding]:
        """ "X said Y must do Z": X demands of Y (100); "should" is an appeal (020)."""
        out: list[Coding] = []
        sources: list[_Arg] | None = None
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

    def _viewpoint(self, v: Any, found: Sequence[Found], offset: int) -> list[Coding]:
        """A judgement held by whom a viewpoint phrase names: "From the point of view of the
        militias, the US air strikes have been far too leisurely" (110 from the militias)."""
        holders = []
        for prep in (c for c in v.children if c.dep_ == "prep"):
            if prep.lower_ == "according":  # "according to X"
                holders += objects_of([prep], ["to"])
            elif prep.lower_ in ("from", "in"):  # "from the point of view of X", "in X's eyes"
                for view in (o for o in prep_objects(prep) if o.lemma_.lower() in _VIEWS):
                    holders += objects_of([view], ["of"])
                    holders += [c for c in view.children if c.dep_ == "poss"]
        sources = [a for h in holders for a in self._actors(h, found, offset)]
        return self._judged(v, v, sources, found, offset) if sources else []

    def _judged(
        self, clause: Any, anchor: Any, sources: list[_Arg], found: Sequence[Found], offset: int
    ) -> list[Coding]:
        adjectives = [a for a in clause.children if a.dep_ == "acomp" and a.pos_ == "ADJ"]
        if not adjectives or not sources:
            return []
        adj, denied = adjectives[0], any(c.dep_ == "neg" for c in clause.children)
        lemma, excessive = adj.lemma_.lower(), any(c.lower_ == "too" for c in adj.children)
        mood = _MOODS.get(lemma)
        if mood is not None and not denied:
            # "said he was optimistic about the talks with Washington": an optimistic (013) or
            # pessimistic (012) comment on whom its "about" phrase names.
            preps = [p for p in adj.children if p.dep_ == "prep" and p.lower_ in ("about", "on", "over")]
            topics = [t for p in preps for t in p.subtree]
            own = {a.actor.code for a in sources}
            named = [f for f in found if f.mention.code and any(f.covers(t.i) for t in topics)]
            about = [_mentioned(f.mention) for f in named if f.mention.code not in own]
            if not about:
                return []
            rule = f"'{anchor.lemma_.lower()}' that one is '{lemma}' about X -> {mood}"
            return list(self._pairs(anchor, mood, rule, sources, about, found, offset, anchor))
        if denied:
            code = "120" if lemma in _ACCEPTABLE else None
        else:
            code = "110" if excessive or lemma in _DISAPPROVING else "051" if lemma in _APPROVING else None
        targets = self._subject_args(clause, found, offset)
        heads = [t for t in self._subjects(clause)[0] if t.pos_ == "NOUN"]
        if any(_uses_force(p.code) for h in heads for p in self._noun_patterns(h) or ()):
            # "the US air strikes have been too leisurely": the strikes are the US military's
            targets = [dataclasses.replace(a, actor=_armed(a.actor)) for a in targets]
        if code is None or (not targets and code != "120"):
            return []
        judged = f"{'not ' if denied else ''}{'too ' if excessive else ''}{lemma}"
        rule = f"'{anchor.lemma_.lower()}' that X is '{judged}' -> {code}"
        return list(self._pairs(anchor, code, rule, sources, targets, found, offset, anchor))

    def _condition_subject(self, v: Any, found: Sequence[Found], offset: int) -> _Arg | None:
        """The subject of an "if"/"unless" clause under ``v`` or the act ``v`` governs."""
        for clause in conditions(v):
            args = self._subject_args(clause, found, offset)
            if args:
                return args[0]
        return None

    def _verb(
        self, v: Any, pats: Sequence[VerbPattern], found: Sequence[Found], offset: int, used_nouns: set[int]
    ) -> list[Coding]:
        subj, passive = self._subjects(v)
        matches = self._match_verb(v, pats)
        if not matches or describes(v):
            return []
        sources: list[_Arg] = []
        if passive:
            sources = [a for t in self._preps([v], ["by"]) for a in self._actors(t, found, offset)]
        else:
            sources = [a for s in subj for a in self._actors(s, found, offset)]
        carrier = v.head if v.dep_ == "acl" and v.head.lemma_.lower() in MESSAGES else None
        issuing = issuing_verb(v)
        if not sources and issuing is not None:
            # "issued a statement condemning X", "sent a letter asking for Y", "agreed on a
            # statement condemning X": the message says what its sender does, to whom it is sent.
            if v.head.dep_ == "nsubjpass":  # "a resolution condemning X was adopted by Y"
                sources = [a for t in self._preps([issuing], ["by"]) for a in self._actors(t, found, offset)]
            else:
                sources = self._subject_args(issuing, found, offset)
        best: tuple[VerbPattern, Any | None, list[_Arg]] | None = None
        for p, obj in matches:
            targets = self._targets(v, p.targets, obj, passive, found, offset)
            if best is None or (targets and not best[2] and p.specificity >= best[0].specificity):
                best = (p, obj, targets)
            if targets:
                break
        assert best is not None
        pat, obj, targets = best
        doers = [slot[1:] for slot in pat.targets if slot.startswith("^")]
        if doers and not passive:
            # "Avdiivka falls to Russian forces": the "to" phrase does it, to the subject's side.
            sources = [a for t in self._preps([v], doers) for a in self._actors(t, found, offset)]
            if not sources:
                return []  # "Putin fell for the ploy": no one it fell to
            targets = [a for s in subj for a in self._actors(s, found, offset)]
        if pat.code == "042" and v.lemma_.lower() in _MOVING and sources and all(
            _armed_unit(a.actor) for a in sources
        ):
            # "NATO peacekeeping troops arrived in Kosovo", "convoys heading to Lebanon": forces
            # that move somewhere are deployed there (154; peacekeepers 074), they do not visit.
            peace = any(w.startswith("peacekeep") for a in sources for w in a.actor.text.lower().split())
            code = "074" if peace else "154"
            pat = dataclasses.replace(pat, code=code, rule=f"{pat.rule}; armed forces moving -> {code}")
        if is_headline(v.sent) and sources:
            sources = _listed_before(v.sent, sources, found) + sources
        received = [c for c in v.children if c.dep_ == "dobj" and self._noun_patterns(c)]
        if v.lemma_.lower() in _RECEIVING and not pat.objects and received:
            return []  # "received aid from Germany": the aid is the event (see _noun), not a visit
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
            popular = _popular_protest(matches, pat, sources)
            if popular is None:
                return []
            pat = popular
        if obj is not None:
            used_nouns.add(obj.i)
        # "announced new sanctions": the sanctions are the announcer's act, the announcement
        # only how it is made known.
        announced = v.lemma_.lower() in _ANNOUNCING and not pat.objects
        for c in v.children:  # "launched an attack": the noun is part of this event
            if c.dep_ == "dobj" and not announced:
                used_nouns.add(c.i)
        joint = pat.code[:2] in _JOINT_ROOTS or pat.code.startswith(_JOINT_CODES)
        if not sources and joint:
            # "a ceasefire negotiated between the US and Russia", "reports are shared among Iraq,
            # Iran and Syria": the parties of a joint act, each pair of them once.
            parties = [
                a for t in self._preps([v], ["between", "among"]) for a in self._actors(t, found, offset)
            ]
            if len(parties) > 1:
                sources, targets = parties, []
        reciprocal = v.lemma_.lower() in _RECIPROCAL_VERBS
        if not targets and len(sources) > 1 and (joint or reciprocal):
            # "Jordan and Britain agreed": a joint act is an interaction between the subjects.
            pairs = [(s, t) for n, s in enumerate(sources) for t in sources[n + 1 :]]
            if reciprocal:
                pairs += [(t, s) for s, t in pairs]
            return [
                c for s, t in pairs for c in self._pairs(v, pat.code, pat.rule, [s], [t], found, offset, v)
            ]
        # "Algeria warned that it would downgrade ties": the subject named again is no target;
        # the act the verb governs may name one (see _govern).
        targets = _others(targets, sources)
        if pat.code.startswith(_BETWEEN_STATES):
            # "recalled its ambassador to Ankara": the state's own capital is home, not a target.
            targets = [t for t in targets if not any(_one_state(t.actor, s.actor) for s in sources)]
        if not targets:
            targets = _others(self._proposer(v, found, offset), sources)  # not "renewed its call"
        if not targets and carrier is not None:
            recipients = self._preps([carrier, carrier.head], ["to"])
            targets = [a for t in recipients for a in self._actors(t, found, offset)]
        rule = pat.rule
        if not targets and pat.code[:2] == "14":
            # "protested outside the British embassy": against the state whose embassy it is
            # (the protesters are not that state's people: see implied.MISSION_NOTE).
            missions = [t for t in self._preps([v], _AT_PREPS) if t.lemma_.lower() in _MISSIONS]
            targets = [
                a for t in missions for c in t.children if c.dep_ in ("amod", "compound", "poss")
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
            agents = [a for t in self._preps([obj], ["by"]) for a in self._actors(t, found, offset)]
            targets = _others(agents, sources)
        if not targets and pat.code[:2] == "15":
            # "mobilized reservists for a possible war against Iraq": whom the force is raised for
            for_nouns = objects_of([v], ["for"])
            aims = self._preps(for_nouns, ["against", "on"])
            targets = [a for t in aims for a in self._actors(t, found, offset)]
            used_nouns.update(n.i for n in for_nouns)  # the war or offensive prepared is not fought yet
        if not targets and pat.code[:2] in ("18", "19"):
            # "detonated two car bombs outside the education ministry": the institution force
            # strikes at is its target (a town or capital there is only the place).
            sites = [o for p in v.children if p.dep_ == "prep" and p.lower_ in _SITE_PREPS
                     for o in p.children if o.dep_ == "pobj"]
            targets = [a for t in sites for a in self._actors(t, found, offset)
                       if a.origin == "agent" and a.actor.sector in _SITE_SECTORS]
        if pat.code[:2] == "01":
            # "officials told AFP", "Lavrov told reporters": the press is how a statement is
            # made public, not whom it addresses.
            targets = [t for t in targets if t.actor.sector != "MED"]
        purpose = any(c.dep_ == "advcl" and infinitive(c) for c in v.children)
        to_line = any(t.lemma_.lower() in _BORDERS for t in self._preps([v], ["to"]))
        troops = pat.code == "072" and obj is not None and obj.lower_ in _TROOPS
        if troops and (not targets or to_line) and not purpose:
            # "Warsaw will send 2,000 soldiers to its border with Belarus": troops sent to no
            # one (nor to help anyone) are deployed.
            pat = dataclasses.replace(pat, code="154")
            rule = f"{rule}; troops deployed, not sent to an ally -> 154"
        if not targets and pat.code[:2] in _NEEDS_TARGET and pat.code != "015":
            return []  # (a claim of responsibility is one: its target is the claimed act's)
        if not targets and v.lemma_.lower() in _PROPPING:
            return []  # "to shore up the country's reserves": propping up no one
        return list(self._pairs(v, pat.code, rule, sources, targets, found, offset, v))

    def _participants(self, verb: Any, found: Sequence[Found], offset: int) -> list[_Arg]:
        """The subject of ``verb``, or of the verb it continues ("resorted to throwing stones
        during..."), or the noun it describes when the parser hung it as a modifier."""
        for _ in range(GOVERN_STEPS):
            args = self._subject_args(verb, found, offset)
            if args:
                return args
            if verb.dep_ == "acl":
                return self._actors(verb.head, found, offset)
            if verb.dep_ not in ("pcomp", "prep", "xcomp", "advcl") or verb.head.i == verb.i:
                return []
            verb = verb.head
        return []

    def _conduct_agents(self, tok: Any, found: Sequence[Found], offset: int) -> list[_Arg]:
        """Who a conduct noun names for it ("abuses by the army", "Russia's war crimes"), also
        through a carrier ("allegations of abuses by Eritrean troops")."""
        if tok.lemma_.lower() in _CONDUCT_CARRIERS:
            tok = next(iter(self._preps([tok], ["of"])), tok)
        if tok.lemma_.lower() not in _CONDUCT and tok.lower_ not in _CONDUCT:
            return []
        owners = [c for c in tok.children if c.dep_ == "poss"] + self._preps([tok], ["by"])
        return [a for t in owners for a in self._actors(t, found, offset)]

    def _proposer(self, v: Any, found: Sequence[Found], offset: int) -> list[_Arg]:
        """Who made the proposal, appeal or call the verb answers: "rejected calls by the UN to
        ...", "dismissed an appeal from the president", "accepted Egypt's offer"."""
        # "bowed to pressure from the unions": what a verb gives in to is answered too.
        answered = [c for c in v.children if c.dep_ == "dobj"] + self._preps([v], ["to"])
        for obj in answered:
            if obj.lemma_.lower() not in _PROPOSALS:
                continue
            owners = [c for c in obj.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
            owners += self._preps([obj], ["by", "from"])
            found_args = [a for t in owners for a in self._actors(t, found, offset)]
            if found_args:
                return found_args
        return []

    def _coded_hosts(self, n: Any, found: Sequence[Found], offset: int) -> bool:
        """Whether the "to" phrase of visit noun ``n`` names a coded actor ("a visit to Cairo")."""
        return any(a.actor.code for t in objects_of([n], ["to"]) for a in self._actors(t, found, offset))

    def _talks_about(self, w: Any) -> bool:
        """Whether ``w`` is an event noun of talks, accords or promises, whose topic phrase
        holds what is discussed, agreed or promised rather than an act of its own; or a verb
        whose object is one (the parser hangs "received assurances about X" on the verb)."""
        nouns = [c for c in w.children if c.dep_ == "dobj"] if w.pos_ in ("VERB", "AUX") else [w]
        return any(p.code[:2] in _TALK_ROOTS for c in nouns for p in self._noun_patterns(c) or ())

    def _kind_of_attack(self, v: Any) -> str | None:
        """The code a verb's violent object noun has by its modifier ("a missile attack" 195),
        when more specific than a plain assault; None otherwise."""
        for n in (c for c in v.children if c.dep_ in ("dobj", "nsubjpass")):
            mods = {c.lemma_.lower() for c in n.children if c.dep_ in ("compound", "amod", "nmod")}
            pat = next((p for p in self._noun_patterns(n) or () if p.modifiers & mods), None)
            if pat is not None and pat.code[:2] in VIOLENT_ROOTS and pat.code != "190":
                return pat.code
        return None

    def _noun_patterns(self, n: Any) -> Sequence[NounPattern] | None:
        return self.lexicon.nouns.get(n.lemma_.lower()) or self.lexicon.nouns.get(n.lower_)

    def _framed_nouns(self, doc: Any, used_nouns: set[int]) -> dict[int, Sequence[NounPattern]]:
        """Event nouns named inside a frame noun ("a mediation mission between Syria and the PLO",
        "the bombing campaign against ISIL"): the frame's phrase holds the event's arguments, so
        the frame is coded with the event noun's patterns, and the event noun is not coded again."""
        out: dict[int, Sequence[NounPattern]] = {}
        for n in doc:
            if n.lemma_.lower() not in _FRAME_NOUNS or n.i in used_nouns or self._noun_patterns(n):
                continue
            for c in n.children:
                pats = self._noun_patterns(c) if c.dep_ in ("compound", "nmod") else None
                if pats:
                    out[n.i] = pats
                    used_nouns.add(c.i)
                    break
        return out

    def _noun(self, n: Any, pats: Sequence[NounPattern], found: Sequence[Found], offset: int) -> list[Coding]:
        mods = {c.lemma_.lower() for c in n.children if c.dep_ in ("compound", "amod", "nmod")}
        # "the transfer of drones", "deliveries of arms": what the act is of qualifies it too.
        mods |= {g.lemma_.lower() for g in self._preps([n], ["of"])}
        pat = next((p for p in pats if not p.modifiers or p.modifiers & mods), None)
        if pat is None:
            return []
        prep = n.head.lower_ if n.dep_ == "pobj" else ""
        if prep in _TOPIC_PREPS and self._talks_about(n.head.head):
            return []  # "an agreement on the withdrawal of troops": what is agreed, not done
        if prep == "under" and pat.code[:2] in _ACCORD_ROOTS:
            return []  # "withdrew under the peace deal signed in May": a deal made before, not here
        if prep == "under" and n.head.head.pos_ in ("VERB", "AUX"):
            # "Abadi is under pressure from the militias", "the convoy came under attack by
            # rebels": the clause's subject suffers the act of the "from"/"by" phrase.
            verb = n.head.head
            doers = [a for t in self._preps([n, verb], ["from", "by"])
                     for a in self._actors(t, found, offset)]
            sufferers = self._subject_args(verb, found, offset)
            return list(self._pairs(n, pat.code, pat.rule, doers, sufferers, found, offset, verb))
        sources: list[_Arg] = []
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
            staged = [c for c in n.children if c.dep_ == "acl" and c.tag_ == "VBN"]
            sources = [a for t in self._preps([n], ["by"]) for a in self._actors(t, found, offset)]
            sources = sources or [
                a for v in staged for g in v.children if g.dep_ == "agent"
                for t in g.children if t.dep_ == "pobj" for a in self._actors(t, found, offset)
            ]
        if not sources and "of" not in pat.targets and not (pat.modifiers & mods - _BODIES):
            # "the withdrawal of Russian aircraft": "of" names who acts when it names no target
            # (and is not what the act is of: "the transfer of drones"; but the people it is of
            # do it: "the deployment of UN peacekeepers").
            sources = [a for t in self._preps([n], ["of"]) for a in self._actors(t, found, offset)]
        if not sources and "from" not in pat.targets and not _object_of(n, _RECEIVING):
            # "repeated requests from Zelensky", "threats from Tehran": who the act comes from.
            sources = [a for t in self._preps([n], ["from"]) for a in self._actors(t, found, offset)]
        # "adopted a new package of sanctions": the measure stands where the event noun would.
        measured = n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lemma_.lower() in _MEASURES
        host = n.head.head if measured else n
        governor = host.head if host.dep_ in ("dobj", "nsubjpass", "attr") else None
        if not sources and measured:
            # "the European Union's package of sanctions": the measure's owner acts.
            sources = [a for c in host.children if c.dep_ == "poss" for a in self._actors(c, found, offset)]
        # "Hungary did not veto the EU's sanctions": another's act, not one the verb does or not.
        named = any(k.dep_ == "poss" and k.pos_ == "PROPN" for w in {n, host} for k in w.children)
        others = False
        if governor is not None and named and sources:
            doers = self._subject_args(governor, found, offset)
            others = bool(doers) and not any(same_side(d.actor, a.actor) for d in doers for a in sources)
        met = governor is not None and governor.lemma_.lower() in _SUFFERED_VERBS
        # ("refugees fled the war", "police prevented the demonstration": not their acts)
        suffered = met and (pat.code[:2] in VIOLENT_ROOTS or pat.code[:2] == "14")
        if not sources and governor is not None and host.dep_ == "dobj" and not suffered:
            # "Russia launched air strikes": the subject acts; "refugees fled the war": not.
            sources = self._subject_args(governor, found, offset)
        if not sources and pat.code[:2] == "14" and n.dep_ == "pobj" and n.head.lower_ in _PRESENT_AT:
            # "Nigerians converged for a rally", "youths threw stones during demonstrations":
            # who is at a protest takes part in it.
            sources = self._participants(n.head.head, found, offset)
        gathering = None
        if not sources and pat.code[:2] == "04" and n.dep_ == "pobj" and n.head.lower_ == "for" \
                and n.head.head.lemma_.lower() in _GATHERING:
            # "negotiators returned to Geneva for talks": they take part, when the verb does.
            gathering = n.head.head
            sources = self._subject_args(gathering, found, offset)
        visiting = n.dep_ == "pobj" and n.head.lower_ in _VISIT_PREPS and n.head.head.pos_ in ("VERB", "AUX")
        if not sources and pat.code == "042" and visiting and self._coded_hosts(n, found, offset):
            # "Lula called for an end to the war during a visit to Cairo": the visitor is the
            # one who acts during it.
            sources = self._subject_args(n.head.head, found, offset)
        heads = [n] + ([host] if measured else []) + ([governor] if governor is not None else [])
        anchor = gathering if gathering is not None else n
        if governor is not None and not others:
            anchor = governor
        if not sources:
            # "talks between Kyiv and Moscow", "a ceasefire between the US and Russia".
            parties = [a for t in self._preps(heads, ["between"]) for a in self._actors(t, found, offset)]
            if len(parties) > 1:
                return list(
                    self._pairs(n, pat.code, pat.rule, parties[:1], parties[1:], found, offset, anchor)
                )
        if _object_of(host, _RECEIVING):
            # "South Korea received assurances from Washington": the giver acts on the receiver.
            givers = [a for t in self._preps(heads, ["from"]) for a in self._actors(t, found, offset)]
            receivers = self._subject_args(governor, found, offset)
            if givers and receivers:
                return list(self._pairs(n, pat.code, pat.rule, givers, receivers, found, offset, anchor))
        thanking = n.head.head if n.dep_ == "pobj" and n.head.lower_ == "for" else None
        if thanking is not None and thanking.lemma_.lower() == "thank":
            # "Assad thanked Putin for Russia's support": it went to whoever thanks for it,
            # from the one thanked unless the phrase names another giver.
            thanked = [
                a for c in thanking.children if c.dep_ == "dobj" for a in self._actors(c, found, offset)
            ]
            thankers = self._subject_args(thanking, found, offset)
            if thankers and (sources or thanked):
                givers = sources or thanked
                return list(self._pairs(n, pat.code, pat.rule, givers, thankers, found, offset, anchor))
        if governor is not None and governor.lemma_.lower() in _ASSESSING and pat.code[:2] == "13":
            return []  # "Iran poses a threat to Israel": a judgement of danger, not a threat made
        yielded = prep == "to" and n.head.head.lemma_.lower() in _YIELDING
        faced = _object_of(host, _FACING)
        if sources and (yielded or faced):
            # "Israel faces growing threats from Iran", "Putin submits to US threats": aimed at
            # whoever faces them or gives in to them.
            facing = self._subject_args(n.head.head if yielded else governor, found, offset)
            if facing:
                return list(self._pairs(n, pat.code, pat.rule, sources, facing, found, offset, anchor))
        against = self._preps(heads, pat.targets)
        targets = [a for t in against for a in self._actors(t, found, offset)]
        if not targets:
            # "withdrawal of most of the Russian aircraft from Syria": the parser hangs the
            # target's phrase inside the "of" phrase.
            inner = self._preps(_of_chain(n), [p for p in pat.targets if p != "of"])
            targets = [a for t in inner for a in self._actors(t, found, offset)]
            against = against or inner
        if not targets:
            # "demonstrations against abuses by the army": whoever the conduct is named for.
            targets = [a for t in against for a in self._conduct_agents(t, found, offset)]
        if not targets and pat.code[:2] == "07" and n.dep_ == "pobj" and n.head.lower_ == "with":
            # "retook the town with Russian support", "tightened the blockade with Albania's
            # help": the help goes to whoever acts.
            helped = n.head.head.head if n.head.head.dep_ in ("dobj", "nsubjpass") else n.head.head
            targets = _others(self._subject_args(helped, found, offset), sources)
        if not targets and pat.code[:2] == "11":
            # "Indian accusations that it shelters militants": aimed at whom the claim is about.
            clauses = [c for c in n.children if c.dep_ in ("acl", "ccomp") and has_that(c)]
            targets = [a for c in clauses for a in self._subject_args(c, found, offset)]
            targets = _others(targets, sources)
        if not targets and sources and prep == "despite" and n.head.head.pos_ in ("VERB", "AUX"):
            # "has not sent missiles despite requests from Zelensky": made to who did not act.
            targets = _others(self._subject_args(n.head.head, found, offset), sources)
        if not targets and pat.code[:2] == "10":
            return []  # "despite growing pressure": a demand on no one named is no event
        together = gathering is not None or "joint" in mods or pat.code[:2] in _JOINT_ROOTS
        if not targets and len(sources) > 1 and together:
            # "Israeli and Palestinian negotiators returned for talks", "the US and South Korea
            # began joint drills": with each other.
            pairs = [(s, t) for i, s in enumerate(sources) for t in sources[i + 1 :]]
            code, rule = pat.code, pat.rule
            return [c for s, t in pairs for c in self._pairs(n, code, rule, [s], [t], found, offset, anchor)]
        if not targets and pat.code[:2] in _NEEDS_TARGET:
            return []  # "the G20 summit", "Iran's talks": a meeting with no one named to meet
        if pat.noun in _BACKGROUND_NOUNS and not (sources and targets):
            return []  # "the Syrian war", "a possible war against Iraq": the setting, not an act
        return list(self._pairs(n, pat.code, pat.rule, sources, targets, found, offset, anchor))

    def _pairs(
        self,
        trig: Any,
        code: str,
        rule: str,
        sources: list[_Arg],
        targets: list[_Arg],
        found: Sequence[Found],
        offset: int,
        anchor: Any,
    ) -> Iterator[Coding]:
        if not any(a.actor.code for a in sources + targets):
            return
        modality = modality_of(anchor, self.speech)
        intent = _intent_code(code, anchor, _INTENT_WORDS, INTENT_CODES)
        refusal = _intent_code(code, anchor, _REFUSAL_WORDS, REFUSAL_CODES)
        vow = _governing_word(anchor, _VOW_WORDS) if intent is None and code[:2] in HARM_ROOTS else None
        # "ill prepared to fight", "is not ready to attack": denied readiness is no threat.
        if vow is not None:
            deniers = [*vow.children, *(vow.head.children if vow.dep_ == "acomp" else [])]
            if not any(c.dep_ == "neg" or c.lower_ in _DENIERS for c in deniers):
                intent = threat_code(code)
        if intent is None and modality == "future" and code[:2] == "07":
            # "The UN will provide food aid to X": aid announced is aid promised (CAMEO 033x).
            intent = code_in(code, INTENT_CODES)
        speaker = self._speaker(anchor, found, offset)
        # "NATO confirmed it would tighten the blockade", "Israel will evacuate the settlements,
        # its spokesman said": an actor announcing its own act states an intent to do it (03x)
        # or threatens it (13x). A scheduled act others report stays itself; a harm announced on
        # a condition is a threat to whom the condition binds (see _govern).
        conditional_threat = conditions(anchor) and threat_code(code) is not None
        if intent is None and modality == "future" and _own_side(speaker, sources) and not conditional_threat:
            harm = threat_code(code) if code[:2] in HARM_ROOTS else None
            intent = harm or code_in(code, INTENT_CODES)
        aux = {c.lower_ for c in anchor.children if c.dep_ in ("aux", "auxpass")}
        if refusal is None and modality == "negated" and aux & _WILL and _own_side(speaker, sources):
            # "The US said it would not meet the kidnappers' demands": an actor announcing it
            # will not do a cooperative act refuses it (CAMEO 12x).
            refusal = code_in(code, REFUSAL_CODES)
        if modality == "request":
            intent = refusal = None  # "said the US must be ready to mediate": asked for, not stated
        if intent is not None:
            # "Norway is willing to send troops": the stated intent is the event (CAMEO 03x).
            code, modality, rule = intent, "asserted", f"{rule}; stated intent -> {intent}"
        elif refusal is not None:
            # "unwilling to cede authority": refusing to yield is the event (CAMEO 12x).
            code, modality, rule = refusal, "asserted", f"{rule}; refused -> {refusal}"
        span = Span(offset + trig.idx, offset + trig.idx + len(trig.text), trig.text)
        sides: tuple[list[_Arg | None], list[_Arg | None]] = (
            list(sources) or [None],
            list(targets) or [None],
        )
        for s in sides[0]:
            for t in sides[1]:
                if (
                    s is not None
                    and t is not None
                    and (s.actor.start == t.actor.start or (s.actor.code and s.actor.code == t.actor.code))
                ):
                    continue
                args = [a for a in (s, t) if a is not None]
                if not any(a.actor.code for a in args):
                    continue
                conf = min(_ORIGIN_CONFIDENCE.get(a.origin, 0.5) for a in args)
                if len(args) < 2:
                    conf *= 0.8
                source = s.actor if s else None
                if source is not None and _uses_force(code):
                    source = _armed(source)  # "Russia launched air strikes": its armed forces
                yield Coding(
                    code,
                    span,
                    source,
                    t.actor if t else None,
                    modality,
                    rule,
                    round(conf, 2),
                    trig.sent.start,
                    speaker,
                    trig.i,
                )


def _own_side(speaker: Actor | None, sources: Sequence[_Arg]) -> bool:
    """Whether ``speaker`` speaks for one of ``sources``: the same actor, or the same state."""
    if speaker is None or not speaker.code:
        return False
    return any(
        a.actor.code == speaker.code or (a.actor.country is not None and a.actor.country == speaker.country)
        for a in sources
    )


def _intent_code(code: str, anchor: Any, words: set[str], codes: dict[str, str]) -> str | None:
    """The code for a cooperative act stated as an intention ("willing to", "offered to": 03x)
    or refused ("unwilling to", "refused to": 12x), from ``words`` and ``codes``.

    A scheduled act ("will visit next week") stays what it is, with future modality; aid
    announced ("will send food aid") is aid pledged, a 033 (see ``_pairs``).
    """
    if _governing_word(anchor, words) is None:
        return None
    return code_in(code, codes)


# Modifiers that deny a readiness word ("ill prepared to fight", "not ready to").
_DENIERS = {"ill", "poorly", "not", "never", "hardly", "n't"}


def _governing_word(anchor: Any, words: set[str]) -> Any | None:
    """The word of ``words`` whose complement ``anchor`` is ("ready to [send]"), or None."""
    node = anchor
    while node.dep_ in ("xcomp", "acomp", "ccomp", "advcl", "pcomp", "acl") and node.head.i != node.i:
        head = node.head
        # "offered on Thursday to mediate": an infinitive the parser hung as an adverbial clause.
        hung = node.dep_ == "advcl" and infinitive(node)
        # A phrasal verb by its particle too: "ruled out lifting its sanctions".
        names = {head.lemma_.lower()} | {f"{head.lemma_.lower()} {c.lower_}" for c in head.children
                                         if c.dep_ == "prt"}
        if (node.dep_ in ("xcomp", "acomp") or hung) and names & words:
            return head
        gerund = node.tag_ == "VBG" and node.dep_ in ("dobj", "advcl") and not any(
            c.dep_ in ("mark", "nsubj") for c in node.children)
        if gerund and any(" " in w for w in names & words):
            return head  # ("ruled out releasing the prisoners", read as an adverbial clause)
        if node.dep_ == "pcomp" and head.lower_ == "to" and head.head.lemma_.lower() in words:
            return head.head  # "is committed to withdrawing its troops"
        if node.dep_ == "acl" and infinitive(node):
            # "Washington's decision to send cluster munitions", "its refusal to release"
            return head if head.lemma_.lower() in words else None
        if node.dep_ == "advcl":
            break
        if node.dep_ == "ccomp":
            break
        node = head
    return None


def _popular_protest(
    matches: list[tuple[VerbPattern, Any | None]], chosen: VerbPattern, sources: list[_Arg]
) -> VerbPattern | None:
    """The reading of an ambiguous "protest" its subjects settle: the people (civilians,
    students, workers, the opposition) demonstrate (14x); states and governments complain
    officially (11x). None when the subjects are neither or mixed."""
    same = [p for p, _ in matches if p.specificity == chosen.specificity]
    protest = [p for p in same if p.code[:2] == "14"]
    complaint = [p for p in same if p.code[:2] == "11"]
    if protest and sources and all(a.actor.sector in _POPULAR_SECTORS for a in sources):
        return protest[0]
    if complaint and sources and all(_is_state(a.actor.code) or a.actor.sector == "GOV" for a in sources):
        return complaint[0]
    return None


def _ambiguous(matches: list[tuple[VerbPattern, Any | None]], chosen: VerbPattern, v: Any) -> bool:
    """Whether other patterns as specific as ``chosen`` give the verb ``v`` another code (a
    pattern matched only by a compound of the object, "a ceasefire proposal", is no rival; nor
    is one whose target slot the clause lacks when ``chosen``'s is there: "called on everyone
    to..." has an "on" phrase and no direct object, so it is no phone call)."""
    present = {c.lower_ for c in v.children if c.dep_ in ("prep", "agent", "dative")}
    present |= {"dobj" for c in v.children if c.dep_ == "dobj"}
    fits = any(slot in present for slot in chosen.targets)
    return any(
        p.code != chosen.code and p.specificity == chosen.specificity
        and not (o is not None and o.dep_ == "compound")
        and not (fits and not any(slot in present for slot in p.targets))
        for p, o in matches
    )


def _armed(actor: Actor) -> Actor:
    """A state's armed forces for the state: force is used through them."""
    if _is_state(actor.code):
        return dataclasses.replace(actor, code=f"{actor.code}MIL", sector="MIL")
    return actor


def _uses_force(code: str) -> bool:
    return code[:2] in _FORCE_ROOTS or code in _FORCE_CODES


def _is_state(code: str | None) -> bool:
    return code is not None and len(code) == 3 and code.isalpha() and code not in _NOT_STATES


def _pronoun(t: Any, referent: Actor | Mention, offset: int) -> _Arg:
    """A pronoun standing for ``referent``: its code, at the pronoun's own span."""
    r = referent
    span = (offset + t.idx, offset + t.idx + len(t.text))
    return _Arg(Actor(t.text, r.code, r.actor_id, r.country, r.sector, *span), "pronoun")


def _is_person(m: Mention) -> bool:
    return m.kind in ("person", "agent-person") and m.code is not None


def last_person(found: Sequence[Found]) -> Mention | None:
    """The last coded person in ``found``: the antecedent for the next block's pronouns."""
    people = [f.mention for f in found if _is_person(f.mention)]
    return people[-1] if people else None


# Event nouns that mostly name a story's setting: an event only between two named sides
# ("Russia's war against Ukraine", "Russia's occupation of Ukraine"); a place is no side.
_BACKGROUND_NOUNS = {"war", "occupation"}


# Adjectives whose subject does the act of their "of"/"for" phrase: is held to account for it,
# or could do it ("capable of": see modality).
_DOER_ADJECTIVES = {"guilty", "responsible", "culpable", "capable"}


def _listed_before(sent: Any, sources: list[_Arg], found: Sequence[Found]) -> list[_Arg]:
    """A headline's actors listed before its subject: "Egypt, Sudan sign border deal" -> Egypt
    too. Only when nothing but names, commas and "and" come before."""
    starts = {a.actor.start for a in sources}
    first = min((f.first for f in found if f.mention.start in starts), default=None)
    if first is None or first <= sent.start:
        return []
    words = list(sent.doc[sent.start : first])
    if any(w.text not in (",", "and", "&") and not any(f.covers(w.i) for f in found) for w in words):
        return []
    return [_mentioned(f.mention) for f in found if sent.start <= f.first < first and f.mention.code]


def _armed_unit(actor: Actor) -> bool:
    """Whether ``actor`` names armed forces as a body ("Russian troops", "a convoy"), not an
    officer or the military as an institution."""
    words = actor.text.lower().split()
    unit = actor.sector == "MIL" and bool(words) and words[-1] in _UNITS
    return unit or any(w.startswith("peacekeep") for w in words)


def _reduced_passive(v: Any) -> bool:
    """ "two hostages held in Gaza": a past participle modifying a noun, with no subject, auxiliary
    or object of its own ("an allegation that the NPFL had taken over the city" is active), on a
    noun that is an argument (not an apposition, where the small model hangs a misread finite
    verb: "..., a human rights group protested here")."""
    return (
        v.tag_ == "VBN" and v.dep_ == "acl" and v.head.dep_ not in ("appos", "ROOT")
        and not any(c.dep_ in ("nsubj", "aux", "dobj") for c in v.children)
    )


def _one_state(a: Actor, b: Actor) -> bool:
    """Whether two actors are of the same known country ("Ankara" and "Turkey")."""
    return a.country is not None and a.country == b.country


def _others(args: Sequence[_Arg], sources: Sequence[_Arg]) -> list[_Arg]:
    """``args`` without the sources' own actors: no one is the target of their own act."""
    return [a for a in args if not any(same_side(a.actor, s.actor) for s in sources)]


def _mentioned(m: Mention) -> _Arg:
    return _Arg(Actor(m.text, m.code, m.actor_id, m.country, m.sector, m.start, m.end), m.origin)


def _governor(t: Any, governors: dict[int, list[int]]) -> int | None:
    """The coding whose trigger governs ``t`` through a complement, a few steps up at most."""
    node = t
    # A conjunct or unmarked adverbial clause shares its first clause's governor: "demanded
    # that they de-escalate and refrain from attacks"; a clause joined to the governor itself
    # ("demanded X and attacked Y") is not governed.
    while node.dep_ in ("conj", "advcl") and node.head.i != node.i and node.head.i not in governors \
            and not any(c.dep_ == "mark" for c in node.children):
        node = node.head
    for _ in range(GOVERN_STEPS):
        if node.dep_ == "pobj" and node.head.lower_ in _SETTING_PREPS:
            return None
        # An intent's infinitive the parser hung as an adverbial clause ("offered on Thursday
        # to mediate") is its complement too; only when it heads straight to an intent.
        intent = node.dep_ == "advcl" and node.head.lemma_.lower() in _INTENT_WORDS
        intent = intent or named_by_demand(node)  # "renewed its call for Israel to lift..."
        intent = intent or (node.dep_ == "advcl" and _governing_word(node, _REFUSAL_WORDS) is not None)
        if (node.dep_ not in _GOVERNED_DEPS and not intent) or node.head.i == node.i:
            return None
        node = node.head
        if node.i in governors:
            return governors[node.i][0]
    return None

"""Consolidation: what a sentence's codings become taken together.

The event coder finds each predicate's events on its own; here they are folded, replaced or
dropped as a whole sentence reads: a protest's demand is its purpose (1411, not 141 and 1041);
force used for a purpose is used on whom the purpose names; a claimed act is the claimer's;
what the writer only guesses ("My guess is that Tehran will return to the table") is no event;
an alleged act is only the accusation's; "in protest" or "in retaliation" is how another act was
done, not an event; talks, deals or cooperation "with" another that an actor speaks of, with no
party of their own named, are the speaker's; an admission of one's own side's act is 015; a
message that says what its sender does is that act; a verb carrying a violent event noun is that
event; and a repeated coding is kept once.

Example:
    >>> consolidate(doc, codings, 0)  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from actorgraph.records import Actor, Modality, Span
from actorgraph.subcodes import VIOLENT_ROOTS
from actorgraph.syntax import objects_of

__all__ = ["GOVERN_STEPS", "MESSAGES", "Coding", "consolidate", "same_side"]

# How far up the parse an act is looked for from what governs or carries it.
GOVERN_STEPS = 4

# Messages whose participle says what their sender does: "a statement condemning X".
MESSAGES = {
    "statement", "letter", "message", "resolution", "communique", "communiqué", "declaration",
    "note", "petition", "memo", "decree", "tweet", "post", "video",
}


@dataclass(frozen=True, slots=True)
class Coding:
    """An event found in one sentence, before place, time and provenance are added."""

    code: str
    trigger: Span
    source: Actor | None
    target: Actor | None
    modality: Modality
    rule: str
    confidence: float
    sentence_start: int  # token index of the sentence in its spaCy doc
    attributed_to: Actor | None
    trigger_token: int


def consolidate(doc: Any, codings: list[Coding], offset: int) -> list[Coding]:
    """A sentence's codings read together (see the module docstring), in order."""
    # (a writer's guess: not one a quoted or reported speaker states, whose "I" is the speaker)
    guessed = {
        k for k, c in enumerate(codings) if c.attributed_to is None and _speculated(doc[c.trigger_token])
    }
    codings = _alleged(doc, _protest_purposes(doc, [c for k, c in enumerate(codings) if k not in guessed]))
    admissions = [a for c in codings if (a := _admission(doc, c, offset)) is not None]
    # The admission replaces what the verb alone coded ("admitted that its forces...": not
    # an admission addressed to its own forces).
    owned = {a.trigger_token for a in admissions}
    kept = _said_in_message(doc, [c for c in codings if c.trigger_token not in owned] + admissions)
    read = _carried(doc, _purpose_targets(doc, _claimed(doc, _manners(doc, _speakers_talks(doc, kept)))))
    return _dedupe(_consequences(doc, read))


# Roots of acts a speaker who names them "with" another usually took part in: talks (04),
# deals (05), cooperation (06).
_TAKEN_PART_IN = ("04", "05", "06")


def _speakers_talks(doc: Any, codings: list[Coding]) -> list[Coding]:
    """A joint act named by a noun with a "with" phrase and no doer, in what an actor says, is
    the speaker's: "The Kremlin said talks with Washington had been constructive" (RUS->USA)."""
    out = []
    for c in codings:
        n = doc[c.trigger_token]
        if (
            c.source is None and c.target is not None and c.attributed_to is not None and c.attributed_to.code
            and c.code[:2] in _TAKEN_PART_IN and n.pos_ == "NOUN"
            and any(p.dep_ == "prep" and p.lower_ == "with" for p in n.children)
            and not same_side(c.attributed_to, c.target)  # (an IGO has no country to compare)
            and not (c.attributed_to.country and c.attributed_to.country == c.target.country)
        ):
            rule = f"{c.rule}; source: the speaker, a party to it"
            c = dataclasses.replace(c, source=c.attributed_to, rule=rule)
        out.append(c)
    return out


# Nouns that say in what spirit a clause's act was done ("in protest", "in retaliation").
_MANNERS = frozenset({"protest", "retaliation", "response", "solidarity", "reprisal"})


def _manners(doc: Any, codings: list[Coding]) -> list[Coding]:
    """ "recalled its ambassador in protest", "fired rockets in retaliation": the noun says how
    the act it hangs on was done and is no event of its own when that act is coded; of the same
    kind ("a hunger strike in protest of the refusal"), it is that act and gives it its target.
    ("staged a sit-in in protest of the crackdown", with no coded sit-in, still protests.)"""
    at: dict[int, list[int]] = defaultdict(list)
    for k, c in enumerate(codings):
        at[c.trigger_token].append(k)
    out = list(codings)
    dropped: set[int] = set()
    for k, c in enumerate(codings):
        n = doc[c.trigger_token]
        if n.lower_ not in _MANNERS or n.dep_ != "pobj" or n.head.lower_ != "in":
            continue
        if any(t.dep_ == "det" for t in n.children) or not at[n.head.head.i]:
            continue  # "took part in the protest": the protest itself
        dropped.add(k)
        for h in at[n.head.head.i]:
            if out[h].code[:2] == c.code[:2] and out[h].target is None and c.target is not None:
                rule = f"{out[h].rule}; target of its '{n.text}'"
                out[h] = dataclasses.replace(out[h], target=c.target, rule=rule)
    return [c for k, c in enumerate(out) if k not in dropped]


# Verbs whose "of", "with" or "for" phrase names what they allege ("accused the US of
# violating...", "charged its neighbour with supporting dissidents", "arrested for spying").
_ALLEGING = frozenset({
    "accuse", "charge", "suspect", "indict", "blame", "allege", "arrest", "detain", "jail", "imprison",
    "convict", "sentence", "prosecute", "try",
})


def _alleged(doc: Any, codings: list[Coding]) -> list[Coding]:
    """An act an accusation alleges is not reported as done: only the accusation is coded
    ("accused the United States of ignoring international law": 112, no 128)."""
    # accusations, and arrests and trials, whose "for" is what the arrested are said to have done
    accusations = {c.trigger_token for c in codings if c.code[:2] in ("11", "17")}
    kept = []
    for c in codings:
        node = doc[c.trigger_token]
        # ("accused X of shelling and looting", "accused X of trying to cut off supplies")
        while node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
            node = node.head
        prep = node.head if node.dep_ in ("pcomp", "pobj") else None
        alleged = (
            prep is not None and prep.lower_ in ("of", "with", "for")
            and prep.head.lemma_.lower() in _ALLEGING
            # uncoded too when no one is named for it ("a missionary was arrested for spying")
            and (prep.head.i in accusations or prep.head.pos_ == "VERB")
        )
        if not alleged:
            kept.append(c)
    return kept


# What a protest demands sets its subcode (CAMEO 14x1-14x4): leadership, policy, rights,
# institutions; any other demand of a protest is for a change of policy.
_PURPOSES = {
    "1041": "1", "1042": "2", "1043": "3", "1044": "4", "0241": "1", "0242": "2", "0243": "3", "0244": "4",
}
_PROTEST_KINDS = frozenset({"141", "142", "143", "144", "145"})


def _protest_purposes(doc: Any, codings: list[Coding]) -> list[Coding]:
    """A protest's demand is its purpose, not an event of its own: "marched on the residence,
    demanding that the prime minister quit" is one 1411; "staged a strike to press the
    government to reverse the price rise" one 1432."""
    out = list(codings)
    dropped: set[int] = set()
    for k, c in enumerate(codings):
        if c.code[:2] not in ("02", "10"):
            continue
        node = doc[c.trigger_token]
        for _ in range(2):  # the demand's verb is the protest's clause or its head's
            if node.dep_ not in ("advcl", "xcomp", "acl", "conj") or node.head.i == node.i:
                break
            node = node.head
            protests = (
                j for j, d in enumerate(out)
                if d.trigger_token == node.i and d.code[:3] in _PROTEST_KINDS
                and same_side(d.source, c.source)
            )
            p = next(protests, None)
            if p is not None:
                code = out[p].code[:3] + _PURPOSES.get(c.code, "2")
                rule = f"{out[p].rule}; to demand {c.code} -> {code}"
                out[p] = dataclasses.replace(out[p], code=code, rule=rule)
                dropped.add(k)
                break
    return [c for k, c in enumerate(out) if k not in dropped]


# Speech verbs that own up to what their clause says ("Kyiv acknowledged that Ukrainian drones
# had struck the airbase"): when the act is the speaker's side's, CAMEO codes 015.
_ADMISSIONS = {"acknowledge", "admit", "concede", "confess"}


def _admission(doc: Any, c: Coding, offset: int) -> Coding | None:
    """The 015 event of a speaker who acknowledges an act of its own side, else None."""
    node = doc[c.trigger_token]
    for _ in range(GOVERN_STEPS):
        if node.dep_ == "ccomp" or node.head.i == node.i:
            break
        node = node.head
    verb, speaker, source = node.head, c.attributed_to, c.source
    if node.dep_ != "ccomp" or verb.lemma_.lower() not in _ADMISSIONS or speaker is None or source is None:
        return None
    own = same_side(speaker, source) or (speaker.country is not None and speaker.country == source.country)
    if not own or c.modality != "asserted":
        return None
    span = Span(offset + verb.idx, offset + verb.idx + len(verb.text), verb.text)
    rule = f"verb '{verb.lemma_.lower()}' that its own side acted -> 015"
    return Coding(
        "015", span, speaker, c.target, "asserted", rule, c.confidence, c.sentence_start, None, verb.i
    )


def same_side(a: Actor | None, b: Actor | None) -> bool:
    return a is not None and b is not None and bool(a.code) and a.code == b.code


def _said_in_message(doc: Any, codings: list[Coding]) -> list[Coding]:
    """Sending or issuing a message that says what its sender does is that act: "sent a letter
    asking for X" is the appeal (020), not also a statement (010)."""
    said: set[int] = set()
    for c in codings:
        t = doc[c.trigger_token]
        if t.dep_ == "acl" and t.head.lemma_.lower() in MESSAGES:
            said.add(t.head.i)  # "a letter asking for..."
        elif t.dep_ == "advcl" and t.tag_ == "VBG":  # "sent a letter to X, urging him to..."
            said |= {o.i for o in t.head.children if o.dep_ == "dobj" and o.lemma_.lower() in MESSAGES}

    def carries(c: Coding) -> bool:
        objects = [o.i for o in doc[c.trigger_token].children if o.dep_ == "dobj"]
        return c.code[:2] == "01" and any(i in said for i in objects)

    return [c for c in codings if not carries(c)]


def _carried(doc: Any, codings: list[Coding]) -> list[Coding]:
    """Violence a violent event noun does is that event: in "Russian air strikes hit Idlib" the
    strikes (195) are the event and "hit" only carries them; its target is theirs."""
    by_token = {c.trigger_token: k for k, c in enumerate(codings) if c.code[:2] in VIOLENT_ROOTS}
    out = list(codings)
    dropped: set[int] = set()
    for k, c in enumerate(codings):
        if c.code[:2] not in VIOLENT_ROOTS or doc[c.trigger_token].pos_ != "VERB":
            continue
        subjects = [t.i for t in doc[c.trigger_token].children if t.dep_ == "nsubj"]
        n = next((by_token[i] for i in subjects if i in by_token and i != c.trigger_token), None)
        if n is None:
            continue
        dropped.add(k)
        if out[n].target is None and c.target is not None:
            rule = f"{out[n].rule}; target of '{c.trigger.text}'"
            out[n] = dataclasses.replace(out[n], target=c.target, rule=rule)
    return [c for k, c in enumerate(out) if k not in dropped]


# Violent repression (CAMEO 175): the one coercive act whose consequences are killings.
_VIOLENT_REPRESSION = "175"


def _consequences(doc: Any, codings: list[Coding]) -> list[Coding]:
    """The killing a violent act caused is that act: "warplanes dropped sarin on the town,
    killing 80 civilians" is one 2041 on the civilians, not a 2041 and a 195; so is the killing
    of an act its verb's object names ("carried out air strikes, killing 40"). The act keeps its
    code unless the killing's is mass violence (20x: "killing hundreds of civilians"). Violent
    repression (175: "police fired on protesters, killing two") causes killings too."""
    by_token = {c.trigger_token: k for k, c in enumerate(codings)
                if c.code[:2] in VIOLENT_ROOTS or c.code == _VIOLENT_REPRESSION}
    out = list(codings)
    dropped: set[int] = set()
    for k, c in enumerate(codings):
        tok = doc[c.trigger_token]
        n = by_token.get(tok.head.i)
        if n is None:
            # "carried out air strikes on a village, killing 40": the strikes the verb carries.
            carried = [o.i for o in tok.head.children if o.dep_ == "dobj" and o.i in by_token]
            n = by_token[carried[0]] if carried else None
        if c.code[:2] not in VIOLENT_ROOTS or tok.dep_ != "advcl" or tok.tag_ != "VBG" or n is None:
            continue
        head = out[n]
        if n == k or not (c.source is None or head.source is None or same_side(c.source, head.source)):
            continue
        dropped.add(k)
        code = c.code if c.code[:2] == "20" and head.code[:2] != "20" else head.code
        target = head.target if head.target is not None and head.target.code else c.target
        rule = f"{head.rule}; with the {c.trigger.text} it caused"
        out[n] = dataclasses.replace(head, code=code, target=target, rule=rule)
    return [c for k, c in enumerate(out) if k not in dropped]


def _dedupe(codings: list[Coding]) -> list[Coding]:
    seen = set()
    out = []
    for c in codings:
        key = (
            c.code,
            c.source.code if c.source else None,
            c.target.code if c.target else None,
            c.sentence_start,
        )
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def _purpose_targets(doc: Any, codings: list[Coding]) -> list[Coding]:
    """Force used, or aid sent, for a purpose is aimed at whom the purpose names: "police opened
    fire to disperse demonstrators" (193 on the demonstrators, as 175 is); "sent fighters to
    shore up Assad's army" (072 to the army, as the shoring up is)."""
    by_token = {c.trigger_token: c for c in codings}
    out = []
    for c in codings:
        if c.target is None and (c.code[:2] in ("07", "17", "18", "19", "20") or c.code[:3] == "033"):
            purposes = [
                by_token[i] for t in doc[c.trigger_token].children
                if t.dep_ == "advcl" and any(a.lower_ == "to" for a in t.children)
                for i in _complement_chain(t) if i in by_token
            ]
            aims = [p.target for p in purposes if p.target is not None and not same_side(c.source, p.target)]
            aimed = aims[0] if aims else None
            if aimed is not None:
                c = dataclasses.replace(c, target=aimed, rule=f"{c.rule}; target of its purpose")
        out.append(c)
    return out


def _complement_chain(verb: Any) -> list[int]:
    """``verb`` and the verbs it takes as complements, in order: "to help protect Azerbaijan"
    gives help, then protect (a coded "help" may have been folded into what it helps do)."""
    chain = [verb.i]
    node = verb
    while (nxt := next((c for c in node.children if c.dep_ == "xcomp"), None)) is not None:
        chain.append(nxt.i)
        node = nxt
    return chain


# A writer's own guesses: what "I" think, guess or speculate, or what "my guess is", are
# no events of the actors named ("My guess is that Tehran will return to the table").
_SPECULATING = {
    "think", "guess", "speculate", "suspect", "believe", "bet", "wonder", "imagine", "expect",
    "doubt", "suppose", "reckon", "agree", "hope", "fear", "feel", "assume", "predict",
}
_GUESSES = {"guess", "view", "bet", "sense", "feeling", "hunch", "suspicion", "impression", "opinion"}


def _speculated(tok: Any) -> bool:
    """Whether ``tok`` stands in a clause the writer only guesses at."""
    node = prev = tok
    for _ in range(GOVERN_STEPS + 2):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if node.lemma_.lower() in _SPECULATING and any(s.lower_ == "i" for s in subjects):
            return not _asked_why(node, prev)
        mine = [s for s in subjects if any(p.lower_ in ("my", "our") for p in s.children)]
        if node.lemma_ == "be" and any(s.lemma_.lower() in _GUESSES for s in mine):
            return True
        if node.head.i == node.i:
            return False
        node, prev = node.head, node
    return False


def _asked_why(node: Any, clause: Any) -> bool:
    """Whether ``clause`` asks why, how or what of an act ``node`` ("wonder") takes as given:
    "I wonder why Moscow left its allies in the lurch" (it did); not "wonder whether"."""
    if node.lemma_.lower() != "wonder" or clause.i == node.i:
        return False
    asked = any(t.tag_ in ("WP", "WRB", "WDT") for t in clause.subtree)
    return asked and not any(t.lower_ in ("whether", "if") for t in clause.subtree)


def _claimed(doc: Any, codings: list[Coding]) -> list[Coding]:
    """An act someone claims responsibility for is theirs, and the claim is made about its
    target: "ISIL claimed responsibility for a car bomb that killed six civilians" (the
    killing ISIL's, the 015 on the civilians). A denial is made about the denied act's target,
    whose doer it leaves open: "Hamas denied involvement in the attack on the convoy"."""
    out = list(codings)
    for k, claim in enumerate(codings):
        if claim.code not in ("015", "016") or claim.source is None:
            continue
        verb = doc[claim.trigger_token]
        heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        claimed = {o.i for o in objects_of(heads, ["for", "in"])}
        for j, act in enumerate(out):
            t = doc[act.trigger_token]
            if j == k or not (t.i in claimed or (t.dep_ in ("relcl", "acl") and t.head.i in claimed)):
                continue
            if act.source is None and claim.code == "015":
                rule = f"{act.rule}; claimed by its doer"
                out[j] = act = dataclasses.replace(act, source=claim.source, rule=rule)
            if out[k].target is None and act.target is not None:
                rule = f"{out[k].rule}; target of the act {'claimed' if claim.code == '015' else 'denied'}"
                out[k] = dataclasses.replace(out[k], target=act.target, rule=rule)
    return out

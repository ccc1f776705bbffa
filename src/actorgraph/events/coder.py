"""The event coder: runs the verb, noun and judgement rules over a sentence, folds acts governed
by an appeal, intent, demand, refusal or threat into it, and refines codes by their context.

Example:
    >>> coder = EventCoder()  # doctest: +SKIP
    >>> [c.code for c in coder.code(nlp("Syria's president visited Moscow."), found, 0)]  # doctest: +SKIP
    ['042']
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from actorgraph.actors import Found
from actorgraph.consolidation import GOVERN_STEPS, MESSAGES, Coding, consolidate, same_side
from actorgraph.events.judgements import Judgements
from actorgraph.events.nouns import Nouns
from actorgraph.events.pairs import governing_word
from actorgraph.events.verbs import Verbs
from actorgraph.events.words import (
    DESCRIBING,
    GOVERNED_DEPS,
    GOVERNING_ROOTS,
    INTENT_WORDS,
    MEETINGS,
    NAMING,
    OPINION_VERBS,
    POPULAR_SECTORS,
    PRESSING_HEADS,
    REFUSAL_WORDS,
    SECURITY_SECTORS,
    SETTING_PREPS,
    SUBSUMING_ROOTS,
)
from actorgraph.modality import issuing_verb, named_by_demand
from actorgraph.records import Mention
from actorgraph.subcodes import (
    BOMBABLE,
    accusation_code,
    aid_code,
    asked_code,
    bombing_code,
    by_aircraft,
    by_protesters,
    civilian,
    counts_hundreds,
    declined_comment,
    investigation_code,
    takes_equipment,
    threat_code,
    weapon_code,
)
from actorgraph.syntax import conditions, infinitive, objects_of, ordered_to_leave

__all__ = ["EventCoder"]


class EventCoder(Verbs, Nouns, Judgements):
    """Codes events in parsed sentences; build once per process and reuse."""

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
            # Irregular forms the lemmatizer does not know ("retook") are listed as they are; a
            # regular form of a verb it does not know ("readmitted") is tried by its stems.
            pats = self.lexicon.verbs.get(v.lemma_.lower()) or self.lexicon.verbs.get(v.lower_)
            stems = (self.lexicon.verbs[s] for s in _stems(v.lower_) if s in self.lexicon.verbs)
            pats = pats or next(stems, None)
            leaving = ordered_to_leave(v)
            if leaving is not None and "expel" in self.lexicon.verbs:
                # "ordered French troops to leave the country" expels them (as "expel" codes
                # them: 161 for diplomats, else 166); the leaving is not coded on its own.
                ordered_out.add(leaving.i)
                codings = self._verb(v, self.lexicon.verbs["expel"], found, offset, used_nouns)
                out.extend(dataclasses.replace(c, rule=f"{c.rule}; ordered to leave") for c in codings)
                continue
            if v.lemma_.lower() in NAMING or v.lemma_.lower() in DESCRIBING:
                named = self._naming(v, found, offset)
                out.extend(named)
                if named or (pats and any(c.dep_ == "oprd" for c in v.children)):
                    # "called the statement hypocritical": naming something, not a phone call.
                    continue
            if pats:
                codings = self._verb(v, pats, found, offset, used_nouns)
                out.extend(codings)
            if v.lemma_.lower() in self.speech:
                out.extend(self._reported_demand(v, found, offset))
            if v.lemma_.lower() in OPINION_VERBS:
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
        governed = self._govern(doc, out, found, offset)
        return consolidate(doc, [self._refine(doc, c, found, offset) for c in governed], offset)

    def _govern(self, doc: Any, codings: list[Coding], found: Sequence[Found], offset: int) -> list[Coding]:
        """Fold acts governed by an appeal, intent, demand, rejection or threat into it."""
        governors: dict[int, list[int]] = defaultdict(list)
        for k, c in enumerate(codings):
            if c.code[:2] in GOVERNING_ROOTS:
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
            if c.modality != "asserted" and head.code[:2] in SUBSUMING_ROOTS:
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
                    # act's target is the other one; another subject before any object ("India
                    # and China agreed to withdraw troops": not the troops).
                    subjects = [codings[h].source for h in governors[head.trigger_token]]
                    sides = (*subjects, head.target, head.source)
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
                # Every pair the verb codes asks for it, whoever of its subjects asks: "Qatar
                # and Egypt urged Armenia and Azerbaijan to ...".
                for h in governors[head.trigger_token]:
                    if out[h].code == head.code:
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
        return [c for k, c in enumerate(out) if k not in dropped]

    def _refine(self, doc: Any, c: Coding, found: Sequence[Found], offset: int) -> Coding:
        """A coding's code made specific by its context (a bomb, a weapon, protesters, a
        condition...), and a threat's target named by its condition."""
        threat = threat_code(c.code) if c.modality == "future" else None
        if threat is not None and conditions(doc[c.trigger_token]):
            # "will withdraw its force unless X arranges a ceasefire": a harm announced on a
            # condition is a threat (CAMEO 13x), made to whom the condition binds. "Would"
            # outside reported speech is a writer's hypothesis, not the actor's threat.
            rule = f"{c.rule}; on a condition -> {threat}"
            c = dataclasses.replace(c, code=threat, modality="asserted", rule=rule)
        if c.code in ("010", "120") and declined_comment(doc[c.trigger_token], self.speech):
            # "the ministry declined to comment on the raid": no comment is one (011).
            c = dataclasses.replace(c, code="011", modality="asserted", rule=f"{c.rule}; declined -> 011")
        alleged = accusation_code(doc[c.trigger_token]) if c.code == "112" else None
        if alleged is not None:
            # "accused Beijing of ramming a supply boat": an accusation of aggression (1123).
            c = dataclasses.replace(c, code=alleged, rule=f"{c.rule}; of {alleged}")
        probe = investigation_code(doc[c.trigger_token]) if c.code == "090" else None
        if probe is not None:
            # "a corruption probe into former executives": investigated is crime (091).
            c = dataclasses.replace(c, code=probe, rule=f"{c.rule}; into {probe}")
        if c.code in ("171", "192") and takes_equipment(doc[c.trigger_token]):
            # "captured dozens of Russian tanks": seizing matériel is confiscation (1711),
            # not taking territory.
            c = dataclasses.replace(c, code="1711", rule=f"{c.rule}; matériel -> 1711")
        aided = aid_code(c.code, doc[c.trigger_token])
        if aided is not None:
            # "paused all military aid to Ukraine": reducing military assistance (1622).
            c = dataclasses.replace(c, code=aided, rule=f"{c.rule}; of its kind -> {aided}")
        bombing = bombing_code(doc[c.trigger_token]) if c.code in BOMBABLE else None
        if bombing is not None:
            # "a car bomb killed four policemen", "a roadside bomb tore through a convoy,
            # killing six soldiers": a bomb's violence is a bombing (CAMEO 183x).
            c = dataclasses.replace(c, code=bombing, rule=f"{c.rule}; by a bomb -> {bombing}")
        armed_group = c.source is not None and c.source.sector == "REB" and not by_aircraft(c.source)
        if c.code == "195" and armed_group:
            # "the IRA bombed a barracks": an armed group that bombs sets off bombs (183),
            # it does not strike from the air.
            c = dataclasses.replace(c, code="183", rule=f"{c.rule}; by an armed group -> 183")
        kind = self._kind_of_attack(doc[c.trigger_token]) if c.code == "190" else None
        if kind is not None:
            # "launched a missile attack on Kyiv", "carried out an artillery strike": the
            # attack noun's kind says how (195, 194, 2041...).
            c = dataclasses.replace(c, code=kind, rule=f"{c.rule}; {kind} by its kind")
        kind = self._kind_of_protest(doc[c.trigger_token]) if c.code[:2] == "14" else None
        if kind is not None and kind != c.code:
            c = dataclasses.replace(c, code=kind, rule=f"{c.rule}; {kind} by its kind")
        if c.code == "190" and by_aircraft(c.source):
            # "drones struck an airbase", "jets attacked the convoy": an attack from the air.
            c = dataclasses.replace(c, code="195", rule=f"{c.rule}; by aircraft -> 195")
        armed = weapon_code(doc[c.trigger_token]) if c.code == "190" else None
        if armed is not None:
            # "Israeli missiles hit a depot" (195), "rockets hit a school" (194).
            c = dataclasses.replace(c, code=armed, rule=f"{c.rule}; by its weapon -> {armed}")
        trigger = doc[c.trigger_token]
        strike = (c.code, trigger.lemma_.lower()) in (("190", "strike"), ("164", "walk"))
        if strike and c.code == "164":
            # (walking out of a session or talks is leaving them: 164, whoever does it)
            outs = [p for p in trigger.children if p.lower_ == "out"]
            left = objects_of([trigger, *outs], ["of", "from"])
            strike = not any(o.lemma_.lower() in MEETINGS for o in left)
        if strike and c.source is not None and c.source.sector in POPULAR_SECTORS:
            # "union leaders called a strike", "workers walked out": workers strike, they do not
            # attack or leave talks (143).
            c = dataclasses.replace(c, code="143", rule=f"{c.rule}; by {c.source.sector} -> 143")
        if c.code[:2] in ("18", "19") and by_protesters(c.source, doc, offset):
            # "protesters stormed parliament": CAMEO codes demonstrators' violence as a
            # violent protest or riot (145), not as an armed assault.
            c = dataclasses.replace(c, code="145", rule=f"{c.rule}; by protesters -> 145")
        organisation = c.target is not None and (c.target.code or "").startswith(("IGO", "NGO"))
        if c.code == "174" and organisation and doc[c.trigger_token].lemma_.lower() != "deport":
            # "forced the UN refugee agency out of the country": an organisation is not deported
            # (174 is for individuals; "deported an Amnesty researcher" is), it is expelled (166).
            c = dataclasses.replace(c, code="166", rule=f"{c.rule}; an organisation -> 166")
        security = c.source is not None and c.source.sector in SECURITY_SECTORS
        if c.code[:2] in ("18", "19") and security and by_protesters(c.target):
            # "riot police fired on protesters, killing three": security forces' violence
            # against demonstrators is violent repression (175).
            c = dataclasses.replace(c, code="175", rule=f"{c.rule}; on protesters -> 175")
        if c.code == "190" and civilian(c.target) and counts_hundreds(doc[c.trigger_token]):
            # "killed hundreds of civilians": CAMEO's mass killing of non-combatants.
            rule = f"{c.rule}; hundreds of civilians -> 202"
            c = dataclasses.replace(c, code="202", rule=rule)
        if c.code[:2] == "13" and c.target is None:
            # "threatened to X unless Baghdad accepted": the threat is made to whom must comply.
            target = self._condition_subject(doc[c.trigger_token], found, offset)
            if target is not None and not same_side(c.source, target.actor):
                rule = f"{c.rule}; target named by its condition"
                c = dataclasses.replace(c, target=target.actor, rule=rule)
        return c


# Regular inflections and what each may stand for: "-ied" for "-y" ("allied"), "-ed" for "" or
# "-e" ("raided", "sidelined"), "-ing" likewise, "-ies" and "-s" for the base.
_INFLECTIONS = (
    ("ied", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ies", "y"), ("es", ""), ("s", ""),
)


def _stems(word: str) -> list[str]:
    """The base forms a regularly inflected ``word`` may have, for verbs the lemmatizer does not
    know: "readmitted" -> ["readmitt", "readmit", "readmitte"]."""
    out: list[str] = []
    for suffix, base in _INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)] + base
            out.append(stem)
            if not base and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # a doubled consonant: "readmitted"
    return out

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
        if node.dep_ == "pobj" and node.head.lower_ in SETTING_PREPS:
            return None
        # An intent's infinitive the parser hung as an adverbial clause ("offered on Thursday
        # to mediate") is its complement too; only when it heads straight to an intent.
        intent = node.dep_ == "advcl" and node.head.lemma_.lower() in INTENT_WORDS
        intent = intent or named_by_demand(node)  # "renewed its call for Israel to lift..."
        # "pushed Serbia to recognise Kosovo": the object's act, parsed as a purpose clause
        intent = intent or (node.dep_ == "advcl" and node.head.lemma_.lower() in PRESSING_HEADS
                            and infinitive(node))
        intent = intent or (node.dep_ == "advcl" and governing_word(node, REFUSAL_WORDS) is not None)
        if (node.dep_ not in GOVERNED_DEPS and not intent) or node.head.i == node.i:
            return None
        node = node.head
        if node.i in governors:
            return governors[node.i][0]
    return None

"""Roles: a clause's subjects and voice, its prepositional phrases, and its targets by slot.

Example:
    >>> doc = nlp("The jet was shot down by rebels.")  # doctest: +SKIP
    >>> subjects_of(doc[3])  # doctest: +SKIP
    ([jet], True)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from actorgraph.actors import Found
from actorgraph.consolidation import GOVERN_STEPS
from actorgraph.events.arguments import Arg, Arguments, one_state, others
from actorgraph.events.words import (
    BORDERS,
    CONDUCT,
    CONDUCT_CARRIERS,
    CONTROL_HEADS,
    DESCRIBING,
    DOER_ADJECTIVES,
    FRAME_NOUNS,
    INTENT_ON,
    INTENT_WORDS,
    NAMING,
    PERMITTING,
    PRESSING_HEADS,
    PROPOSALS,
    STANDS_FOR_OWNER,
)
from actorgraph.modality import ASKING_NOUNS, addressed, named_by_demand, planned_by
from actorgraph.syntax import conditions, infinitive, is_headline, objects_of, owned, reports

__all__ = ["Roles", "names_as", "phrase_objects", "reduced_passive", "subjects_of"]


def subjects_of(v: Any) -> tuple[list[Any], bool]:
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
        or reduced_passive(v)
    )
    subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    plan = planned_by(v)
    if not subj and plan is not None:
        # "investigated a Russian plot to kill him": the plot's owner would do it, not the
        # investigator: its owner ("Russian"; the noun stands for it) or its "by" phrase.
        return phrase_objects([plan], ["by"]) or [plan], passive
    node = v
    while not subj and _continues(node) and node.head.i != node.i:
        # Object control: in "urged Turkey to withdraw", Turkey is who withdraws.
        objs = [c for c in node.head.children if c.dep_ in ("dobj", "dative")]
        controlled = node.dep_ == "xcomp" and node.head.lemma_.lower() in CONTROL_HEADS
        controlled = controlled or (
            node.dep_ == "advcl" and node.head.lemma_.lower() in PRESSING_HEADS and infinitive(node)
        )
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
        framed = v.head.lemma_.lower() in FRAME_NOUNS and v.head.dep_ == "dobj" and infinitive(v)
        if framed and not owned(v.head) and not phrase_objects([v.head], ["by"]):
            # "Hamas made a bid to capture more hostages": who makes the bid would capture.
            subj = [c for c in v.head.head.children if c.dep_ == "nsubj"] or subj
    elif not subj and node is not v and node.dep_ == "acl" and node.tag_ == "VBG" and node.head.i != node.i:
        subj = [node.head]  # "rebels fighting to topple his government": the rebels topple it
    if node.dep_ == "relcl" and node.head.i != node.i:
        # "Iran, which is unwilling to cede...": the relative pronoun is its antecedent.
        subj = [node.head if s.tag_ in ("WDT", "WP") else s for s in subj]
    judged = v.head.head if v.dep_ == "pcomp" and v.head.lower_ == "for" and v.tag_ == "VBG" else None
    if not subj and judged is not None and judged.pos_ == "VERB":
        # "criticised the US for selling arms to Taiwan", "thanked Qatar for mediating": whom
        # the verb judges for a deed did it. (Allegations are dropped later: "blamed X for".)
        subj = [c for c in judged.children if c.dep_ == "dobj"]
    adverb = v.head.head if v.dep_ == "pcomp" and v.head.dep_ == "prep" else None
    if not subj and adverb is not None and adverb.dep_ in ("advmod", "prt") and adverb.lower_ == "up":
        # "what Putin was up to, leaving his allies in the lurch": who is up to it does it.
        subj = [c for c in adverb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    adjective = v.head.head if v.dep_ == "pcomp" and v.head.dep_ == "prep" else None
    # ("Chile is committed to opening the border", parsed as a passive verb, not an adjective)
    passive_word = adjective is not None and adjective.tag_ == "VBN" and any(
        c.dep_ == "nsubjpass" for c in adjective.children)
    if not subj and adjective is not None and (adjective.dep_ in ("acomp", "oprd") or passive_word):
        # "both sides are guilty of violating the ceasefire", "Serbia is responsible for
        # shelling the town", "Greece is committed to withdrawing its troops": whom the
        # adjective is said of does it.
        word = adjective.lemma_.lower()
        pledged = (v.head.lower_ == "to" and adjective.dep_ != "oprd" and word in INTENT_WORDS) or (
            v.head.lower_ == "on" and word in INTENT_ON)
        holder = adjective if passive_word else adjective.head
        if word in DOER_ADJECTIVES or pledged:
            subj = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj and v.dep_ == "ROOT" and v.tag_ in ("VBD", "VBZ", "VBP"):
        # "Azerbaijan massed troops along the border": a name before a finite verb that has no
        # subject, misparsed as an adverbial noun, is the subject.
        subj = [c for c in kids if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i < v.i]
    return subj, passive


def _continues(node: Any) -> bool:
    """Whether clause ``node`` takes its subject from the clause above: a conjunct, controlled or
    adverbial clause, or a progressive the small model reads as an attribute ("Qatar is
    mediating between...", "mediating" an attr of "is")."""
    return node.dep_ in ("conj", "xcomp", "advcl", "acomp", "oprd") or (
        node.dep_ == "attr" and node.tag_ == "VBG" and node.head.lemma_ == "be")


def phrase_objects(heads: Sequence[Any], names: Sequence[str]) -> list[Any]:
    """The objects of the first of ``names`` that any of ``heads`` has as a preposition, an agent
    or a dative ("sanctions on Syria" -> [Syria]), dates and times left out."""
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


def names_as(v: Any) -> list[Any]:
    """What ``v`` says its object is: "called the sanctions an act of war", "called Zelensky a
    dictator", "described the raid as a crime" or "as illegal"; none for "called a strike" or
    "called the minister"."""
    lemma = v.lemma_.lower()
    said: list[Any] = []
    if lemma in NAMING:
        objects = [c for c in v.children if c.dep_ == "dobj"]
        said += [c for c in v.children if c.dep_ == "oprd"] + objects[1:]
        # ("Zelensky a dictator": the parser's apposition, indefinite, is what he is called)
        said += [a for o in objects[:1] for a in o.children if a.dep_ == "appos"
                 and any(d.lower_ in ("a", "an") for d in a.children if d.dep_ == "det")]
    if lemma in DESCRIBING:
        for prep in (c for c in v.children if c.dep_ == "prep" and c.lower_ == "as"):
            said += [c for c in prep.children if c.dep_ == "pobj" or c.pos_ == "ADJ"]
    return said


def reduced_passive(v: Any) -> bool:
    """ "two hostages held in Gaza": a past participle modifying a noun, with no subject, auxiliary
    or object of its own ("an allegation that the NPFL had taken over the city" is active), on a
    noun that is an argument (not an apposition, where the small model hangs a misread finite
    verb: "..., a human rights group protested here")."""
    return (
        v.tag_ == "VBN" and v.dep_ == "acl" and v.head.dep_ not in ("appos", "ROOT")
        and not any(c.dep_ in ("nsubj", "aux", "dobj") for c in v.children)
    )


class Roles(Arguments):
    """A clause's roles: its subjects' actors and its targets by slot."""

    def _subject_args(self, v: Any, found: Sequence[Found], offset: int) -> list[Arg]:
        """The actors the subjects of verb ``v`` name, in order."""
        return [a for t in subjects_of(v)[0] for a in self._actors(t, found, offset)]

    def _targets(
        self,
        v: Any,
        slots: Sequence[str],
        obj: Any | None,
        passive: bool,
        found: Sequence[Found],
        offset: int,
    ) -> list[Arg]:
        uncoded: list[Arg] = []
        objs = [obj] if obj is not None else [c for c in v.children if c.dep_ == "dobj"]
        for slot in slots:
            if slot == "dobj":
                cands = [c for c in v.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
                if passive and not cands:
                    cands = [c for c in v.children if c.dep_ == "nsubj"]
                if passive and not cands:
                    # "units initiate attacks or are ambushed by rebels": the shared subject.
                    cands = subjects_of(v)[0]
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
                # The object's own phrase first: "eased sanctions on Syria on Friday"; and that of
                # the noun that says what it is ("pledged 500 million euros in aid to Ukraine").
                kinds = objects_of(objs, ["in"])
                cands = phrase_objects([*objs, *kinds, *phrase, v], [slot])
                if slot == "of":
                    # "suspended Syria's membership" as "the membership of Syria" (not "its
                    # membership", which is mostly the subject's own)
                    cands += [c for o in objs for c in o.children if c.dep_ == "poss" and c.tag_ != "PRP$"]
            # "condemned the detention of its citizens by Belarusian police": who did the act
            # an object names, not whom it befell.
            args = [a for c in cands for a in self._act_doers(c, found, offset)] if slot == "dobj" else []
            args = args or [a for c in cands for a in self._actors(c, found, offset)]
            if not args:
                args = [a for c in cands for a in self._conduct_agents(c, found, offset)]
            if not args:
                # "sent soldiers to its border with Belarus": the border's other side.
                lines = [c for c in cands if c.lemma_.lower() in BORDERS]
                across = [g for c in lines for g in c.children if g.dep_ in ("amod", "compound")]
                sides = [*phrase_objects(lines, ["with"]), *across]
                across_args = [a for t in sides for a in self._actors(t, found, offset)]
                args = others(across_args, self._subject_args(v, found, offset))
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
                objs = [c for c in x.children if c.dep_ == "dobj"]
                if x.lemma_.lower() in PERMITTING:
                    # "agreed to let UN inspectors visit its sites": whom it lets act
                    objs += [s for c in x.children if c.dep_ == "ccomp"
                             for s in c.children if s.dep_ == "nsubj"]
                args = [a for c in objs for a in self._actors(c, found, offset)]
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
        own = self._subject_args(v, found, offset) if clauses else []
        for x in clauses:
            subj = [c for c in x.children if c.dep_ in ("nsubj", "nsubjpass")]
            args = [a for c in subj for a in self._actors(c, found, offset)]
            if args and all(one_state(a.actor, s.actor) for a in args for s in own):
                # "Serbia denied that its troops had crossed": a clause about the speaker's own
                # state names no one the act aims at (an act it governs may: see coder._govern).
                return []
            if args:
                return args
        return []

    def _owner_of(self, noun: Any) -> list[Any]:
        """What a noun that stands for its owner is "of" ("the independence of Kosovo"), or []
        (also when the noun names its owner itself: "accused Chinese authorities of abuses")."""
        if noun.lemma_.lower() not in STANDS_FOR_OWNER:
            return []
        if any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in noun.children):
            return []
        return phrase_objects([noun], ["of"])

    def _participants(self, verb: Any, found: Sequence[Found], offset: int) -> list[Arg]:
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

    def _conduct_agents(self, tok: Any, found: Sequence[Found], offset: int) -> list[Arg]:
        """Who a conduct noun names for it ("abuses by the army", "Russia's war crimes"), also
        through a carrier ("allegations of abuses by Eritrean troops")."""
        if tok.lemma_.lower() in CONDUCT_CARRIERS:
            tok = next(iter(phrase_objects([tok], ["of"])), tok)
        if not _conduct(tok):
            return []
        owners = [a for c in tok.children if c.dep_ == "poss" for a in self._actors(c, found, offset)]
        return owners + self._act_doers(tok, found, offset)

    def _act_doers(self, tok: Any, found: Sequence[Found], offset: int) -> list[Arg]:
        """Who an act noun's "by" phrase names as doing it ("the shelling of Kharkiv by Russian
        forces"), or [] when ``tok`` names no act."""
        if not _conduct(tok) and not self._noun_patterns(tok):
            return []
        return [a for t in phrase_objects([tok], ["by"]) for a in self._actors(t, found, offset)]

    def _proposer(self, v: Any, found: Sequence[Found], offset: int) -> list[Arg]:
        """Who made the proposal, appeal or call the verb answers: "rejected calls by the UN to
        ...", "dismissed an appeal from the president", "accepted Egypt's offer"."""
        # "bowed to pressure from the unions": what a verb gives in to is answered too.
        answered = [c for c in v.children if c.dep_ == "dobj"] + phrase_objects([v], ["to"])
        for obj in answered:
            if obj.lemma_.lower() not in PROPOSALS:
                continue
            owners = [c for c in obj.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
            owners += phrase_objects([obj], ["by", "from"])
            found_args = [a for t in owners for a in self._actors(t, found, offset)]
            if found_args:
                return found_args
        return []

    def _coded_hosts(self, n: Any, found: Sequence[Found], offset: int) -> bool:
        """Whether the "to" phrase of visit noun ``n`` names a coded actor ("a visit to Cairo")."""
        return any(a.actor.code for t in objects_of([n], ["to"]) for a in self._actors(t, found, offset))

    def _condition_subject(self, v: Any, found: Sequence[Found], offset: int) -> Arg | None:
        """The subject of an "if"/"unless" clause under ``v`` or the act ``v`` governs."""
        for clause in conditions(v):
            args = self._subject_args(clause, found, offset)
            if args:
                return args[0]
        return None


def _conduct(tok: Any) -> bool:
    """Whether ``tok`` names conduct one is judged for ("abuses", "war crimes")."""
    return tok.lemma_.lower() in CONDUCT or tok.lower_ in CONDUCT

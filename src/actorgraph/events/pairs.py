"""Pairs: the codings of an act from its sides, one per source-target pair.

Each coding carries the act's modality, its speaker (who reports it), and becomes a stated
intent (03x), threat (13x) or refusal (12x) when the words around the act say so.

Example:
    >>> coder = EventCoder()  # doctest: +SKIP
    >>> doc = nlp("Norway is willing to send troops to Mali.")  # doctest: +SKIP
    >>> [(c.code, c.modality) for c in coder.code(doc, found, 0)]  # doctest: +SKIP
    [('0332', 'asserted')]
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from typing import Any

from actorgraph.actors import Found
from actorgraph.consolidation import Coding
from actorgraph.events.arguments import Arg, armed, uses_force
from actorgraph.events.roles import Roles, phrase_objects
from actorgraph.events.words import (
    DENIERS,
    INTENT_ON,
    INTENT_WORDS,
    ORIGIN_CONFIDENCE,
    REFUSAL_WORDS,
    VOW_WORDS,
    WILL,
)
from actorgraph.modality import CLAIM_NOUNS, modality_of
from actorgraph.records import Actor, Span
from actorgraph.subcodes import HARM_ROOTS, INTENT_CODES, REFUSAL_CODES, code_in, threat_code
from actorgraph.syntax import conditions, has_that, infinitive

__all__ = ["Pairs", "governing_word"]


class Pairs(Roles):
    """Codings from an act's sides, and who reports the act."""

    def _pairs(
        self,
        trig: Any,
        code: str,
        rule: str,
        sources: list[Arg],
        targets: list[Arg],
        found: Sequence[Found],
        offset: int,
        anchor: Any,
    ) -> Iterator[Coding]:
        if not any(a.actor.code for a in sources + targets):
            return
        modality = modality_of(anchor, self.speech)
        intent = _intent_code(code, anchor, INTENT_WORDS, INTENT_CODES)
        refusal = _intent_code(code, anchor, REFUSAL_WORDS, REFUSAL_CODES)
        vow = governing_word(anchor, VOW_WORDS) if intent is None and code[:2] in HARM_ROOTS else None
        # "ill prepared to fight", "is not ready to attack": denied readiness is no threat.
        if vow is not None:
            deniers = [*vow.children, *(vow.head.children if vow.dep_ == "acomp" else [])]
            if not any(c.dep_ == "neg" or c.lower_ in DENIERS for c in deniers):
                intent = threat_code(code)
        if intent is None and modality == "future" and code[:2] == "07":
            # "The UN will provide food aid to X": aid announced is aid promised (CAMEO 033x).
            intent = code_in(code, INTENT_CODES)
        speaker = self._speaker(anchor, found, offset)
        # "NATO confirmed it would tighten the blockade", "Israel will evacuate the settlements,
        # its spokesman said": an actor announcing its own act states an intent to do it (03x)
        # or threatens it (13x). A scheduled act others report stays itself; a harm announced on
        # a condition is a threat to whom the condition binds (see coder._govern).
        conditional_threat = conditions(anchor) and threat_code(code) is not None
        if intent is None and modality == "future" and _own_side(speaker, sources) and not conditional_threat:
            harm = threat_code(code) if code[:2] in HARM_ROOTS else None
            intent = harm or code_in(code, INTENT_CODES)
        aux = {c.lower_ for c in anchor.children if c.dep_ in ("aux", "auxpass")}
        if refusal is None and modality == "negated" and aux & WILL and _own_side(speaker, sources):
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
        sides: tuple[list[Arg | None], list[Arg | None]] = (
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
                conf = min(ORIGIN_CONFIDENCE.get(a.origin, 0.5) for a in args)
                if len(args) < 2:
                    conf *= 0.8
                source = s.actor if s else None
                if source is not None and uses_force(code):
                    source = armed(source)  # "Russia launched air strikes": its armed forces
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
                    return self._claimant(nouns[0], found, offset) if nouns else _unnamed(node.head, offset)
                return args[0].actor
            node = node.head
        source = self._according_to(node, found, offset)
        if source is not None:
            return source
        # "..., the minister said." puts the speech verb under the reported clause.
        for c in v.children:
            if c.dep_ in ("parataxis", "ccomp") and c.lemma_.lower() in self.speech and c.i > v.i:
                args = self._subject_args(c, found, offset)
                return args[0].actor if args else _unnamed(c, offset)
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
        owners += phrase_objects([noun], ["by", "from"])
        args = [a for o in owners for a in self._actors(o, found, offset)]
        if args:
            return args[0].actor
        return Actor(noun.text, None, start=offset + noun.idx, end=offset + noun.idx + len(noun.text))


def _unnamed(verb: Any, offset: int) -> Actor | None:
    """The speaker of ``verb`` that the lexicon does not know, in its own words and uncoded:
    "critics say...", "..., one reader wrote" (what they say is theirs, not the author's);
    None for a pronoun ("I think", "he said", left to the author or to coreference)."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
    if subj is None:
        return None
    phrase = subj.doc[subj.left_edge.i : subj.i + 1]
    start = offset + phrase.start_char
    return Actor(phrase.text, None, start=start, end=start + len(phrase.text))


def _own_side(speaker: Actor | None, sources: Sequence[Arg]) -> bool:
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
    if governing_word(anchor, words) is None:
        return None
    return code_in(code, codes)


def governing_word(anchor: Any, words: set[str]) -> Any | None:
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
        if node.dep_ == "pcomp" and head.lower_ == "on" and head.head.lemma_.lower() in words & INTENT_ON:
            return head.head  # "is intent on strengthening ties"
        if node.dep_ == "acl" and infinitive(node):
            # "Washington's decision to send cluster munitions", "its refusal to release"
            return head if head.lemma_.lower() in words else None
        if node.dep_ == "advcl" and not hung:
            break  # a purpose ("willing to send troops to help defend X") is willed with its act
        if node.dep_ == "ccomp":
            break
        node = head
    return None

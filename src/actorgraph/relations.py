"""Relations the text asserts between actors: membership, alliance, backing and enmity.

Not events (nothing happens at a time) but the standing ties an author states: "the Russian
coalition SAA, Hezbollah and the IRGC", "Hezbollah, Iran's proxy", "Russia and its allies,
primarily Iran", "militias backed by Tehran", "US-backed SDF". Cue words are data
(lexicon/data/relations.tsv); the listed actors come from the parse (apposition, "X is a Y of
Z") or from the list that follows the cue noun.

Example:
    >>> finder = RelationFinder()  # doctest: +SKIP
    >>> [(r.kind, r.source.code, r.target.code)
    ...  for r in finder.find(nlp("Hezbollah, Iran's proxy, fought."), found, 0, "author", {0: 0})]
    ... # doctest: +SKIP
    [('backs', 'IRN', 'LBNHEZ')]
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from actorgraph.actors import Found
from actorgraph.lexicon.relations import RelationCue, load_relation_cues
from actorgraph.records import Actor, Relation, Span, Voice

__all__ = ["RelationFinder"]

_OWNER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}
# Words that may introduce the list after a cue noun ("allies such as", "the coalition:").
_INTRO = {",", ":", "-", "—", "such", "as", "including", "like", "primarily", "mainly", "notably",
          "namely", "especially", "chiefly", "above", "all", "i.e."}
# Words that may sit between listed actors ("A, B and small local groups, C").
_JOINERS = {",", "and", "or", "as", "well", "(", ")", "plus", "of", "the"}
_GAP_POS = {"ADJ", "NOUN", "PROPN", "DET", "CCONJ", "NUM"}
MAX_GAP = 4  # non-actor words tolerated between two listed actors ("small tribal and local groups")
MAX_LEAD = 3  # words between the cue noun and the first listed actor

_Pair = tuple[RelationCue, Found, Found]  # the cue, the source side, the target side


def _actor(f: Found) -> Actor:
    m = f.mention
    return Actor(m.text, m.code, m.actor_id, m.country, m.sector, m.start, m.end)


class RelationFinder:
    """Finds asserted relations in a parsed block; build once per process."""

    def __init__(self, folder: Path | None = None) -> None:
        self.cues = load_relation_cues(folder)

    def find(
        self, doc: Any, found: Sequence[Found], offset: int, voice: Voice, sent_of: dict[int, int]
    ) -> list[Relation]:
        at: dict[int, Found] = {}
        for f in found:
            if f.mention.code:
                for i in range(f.first, f.last):
                    at[i] = f
        out: list[Relation] = []
        seen: set[tuple[str, str | None, str | None]] = set()
        for t in doc:
            lemma = t.lemma_.lower()
            pairs: list[_Pair] = []
            if t.pos_ in ("NOUN", "PROPN") and (lemma, "noun") in self.cues:
                pairs = self._noun(doc, t, self.cues[(lemma, "noun")], at)
            elif t.pos_ == "VERB" and t.i not in at and (lemma, "verb") in self.cues:
                pairs = self._verb(doc, t, self.cues[(lemma, "verb")], at)
            for cue, src, tgt in pairs:
                if src.mention.code == tgt.mention.code:
                    continue
                key = (cue.kind, src.mention.code, tgt.mention.code)
                if key in seen:
                    continue
                seen.add(key)
                out.append(
                    Relation(
                        sent_of[t.sent.start],
                        cue.kind,
                        _actor(src),
                        _actor(tgt),
                        Span(offset + t.idx, offset + t.idx + len(t.text), t.text),
                        voice,
                        f"{cue.pos}:{cue.word}",
                    )
                )
        return out

    # ---- cue nouns: "Russia's allies", "the coalition A, B", "X, a member of Y" -----------
    def _noun(self, doc: Any, t: Any, cue: RelationCue, at: dict[int, Found]) -> list[_Pair]:
        group = cue.kind == "member" and cue.word != "member"
        # "the Saudi-led coalition" may itself be a coded mention: it stands for its leader.
        owner = at.get(t.i) or self._owner(doc, t, at, of_is_owner=not group)
        listed = self._named_by(t, at) + self._list_after(doc, t, at, group)
        listed = [f for f in listed if owner is None or f is not owner]
        out: list[_Pair] = []
        if owner is not None:
            for f in listed:
                out.append((cue, f, owner) if cue.listed == "source" else (cue, owner, f))
        elif group and len(listed) > 1:
            # A coalition with no leader named: its members are allies of one another.
            ally = RelationCue(cue.word, cue.pos, "ally", "source")
            out += [(ally, a, b) for n, a in enumerate(listed) for b in listed[n + 1 :]]
        return out

    def _owner(self, doc: Any, t: Any, at: dict[int, Found], of_is_owner: bool) -> Found | None:
        for c in t.children:
            if c.i < t.i and c.dep_ in _OWNER_DEPS:
                if c.i in at:
                    return at[c.i]
                if c.lower_ in ("its", "their"):
                    return self._antecedent(doc, c, at)
                if c.lemma_.lower() in ("lead", "back") and c.dep_ == "amod":  # "US-led coalition"
                    mod = next((g for g in c.children if g.i in at), None)
                    if mod is not None:
                        return at[mod.i]
                    if c.i >= 2 and doc[c.i - 1].text == "-" and c.i - 2 in at:
                        return at[c.i - 2]
            if c.i > t.i and c.dep_ == "prep" and c.lower_ == "of" and of_is_owner:
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.i in at:
                    return at[obj.i]
            if c.i > t.i and c.dep_ == "acl" and c.lemma_ == "lead":  # "a coalition led by X"
                for g in c.children:
                    if g.dep_ != "agent":
                        continue
                    obj = next((h for h in g.children if h.dep_ == "pobj"), None)
                    if obj is not None and obj.i in at:
                        return at[obj.i]
        # A hyphenated owner the parser left loose: "Iran - backed militias".
        hyphen = t.i >= 3 and doc[t.i - 2].text == "-" and t.i - 3 in at
        if hyphen and doc[t.i - 1].lemma_ in ("lead", "back"):
            return at[t.i - 3]
        return None

    @staticmethod
    def _antecedent(doc: Any, pronoun: Any, at: dict[int, Found]) -> Found | None:
        for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
            if i in at:
                return at[i]
        return None

    @staticmethod
    def _named_by(t: Any, at: dict[int, Found]) -> list[Found]:
        """The actor a cue noun describes: "X, Iran's proxy" or "X is an ally of Y"."""
        head = t.head
        if t.dep_ == "appos" and head.i in at:
            return [at[head.i]]
        if t.dep_ == "attr" and head.lemma_ == "be":
            subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.i in at:
                return [at[subj.i]] + [at[c.i] for c in subj.conjuncts if c.i in at]
        return []

    @staticmethod
    def _list_after(doc: Any, t: Any, at: dict[int, Found], group: bool) -> list[Found]:
        """The actors listed right after the cue noun: "allies such as A, B and C"."""
        i, end = t.i + 1, t.sent.end
        lead = 0
        while i < end and i not in at and (doc[i].lower_ in _INTRO or (group and doc[i].lower_ == "of")):
            i += 1
            lead += 1
            if lead > MAX_LEAD:
                return []
        out: list[Found] = []
        gap = 0
        while i < end:
            tok = doc[i]
            if i in at:
                f = at[i]
                if not out or out[-1] is not f:
                    out.append(f)
                i, gap = f.last, 0
                continue
            if tok.pos_ in ("VERB", "AUX", "ADP") and tok.lower_ not in _JOINERS:
                break
            if tok.lower_ in _JOINERS or tok.pos_ in _GAP_POS:
                gap += 1
                if gap > MAX_GAP or (not out and gap > 0 and tok.lower_ not in _JOINERS):
                    break
                i += 1
                continue
            break
        return out

    # ---- cue verbs: "backed by Iran", "Iran-backed militias", "Iran arms the Houthis" ------
    def _verb(self, doc: Any, t: Any, cue: RelationCue, at: dict[int, Found]) -> list[_Pair]:
        if any(c.dep_ == "neg" for c in t.children):
            return []
        agents = [
            at[o.i]
            for g in t.children
            if g.dep_ == "agent"
            for h in g.children
            if h.dep_ == "pobj"
            for o in (h, *h.conjuncts)
            if o.i in at
        ]
        clients: list[Found] = []
        if t.dep_ in ("amod", "acl") and t.head.i in at:  # "Iran-backed militias", "militias backed by"
            clients = [at[t.head.i]]
            if not agents:
                mod = next((c for c in t.children if c.i in at and c.i < t.i), None)
                if mod is not None:
                    agents = [at[mod.i]]
                elif t.i >= 2 and doc[t.i - 1].text == "-" and t.i - 2 in at:
                    agents = [at[t.i - 2]]
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in at]
        subjects = [at[s.i] for s in subj] + [at[c.i] for s in subj for c in s.conjuncts if c.i in at]
        if agents:
            clients = clients or subjects
            return [(cue, a, c) for a in agents for c in clients]
        if any(c.dep_ == "nsubjpass" for c in t.children) or t.dep_ in ("amod", "acl"):
            return []
        objects = [at[c.i] for c in t.children if c.dep_ == "dobj" and c.i in at]
        return [(cue, s, o) for s in subjects for o in objects]

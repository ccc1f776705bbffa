"""Actors: find and code the actors a parsed text names.

Names come from the lexicon (case-sensitive: "US" is a state, "us" is not); generic agents
("troops", "prime minister") combine with a country named beside them ("Syrian troops" ->
SYRMIL, "Assad's forces" -> SYRMIL); names the lexicon lacks come from spaCy's entities with
no code (NGO for an organisation named like a civil-society body), flagged ``origin="ner"``.

Example:
    >>> coder = ActorCoder(nlp)  # doctest: +SKIP
    >>> doc = nlp("Syrian troops shelled Idlib.")  # doctest: +SKIP
    >>> [f.mention.code for f in coder.find(doc, 0, None, None)]  # doctest: +SKIP
    ['SYRMIL']
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from actorgraph.lexicon import ActorLexicon, load_actor_lexicon
from actorgraph.lexicon.actors import NameForm
from actorgraph.records import Mention
from actorgraph.syntax import COUNT_WORDS, objects_of

__all__ = ["NOT_OWN", "REGION_CODES", "ActorCoder", "Found", "sponsor_word", "unsponsored"]

_NER_LABELS = {"PERSON", "ORG", "NORP"}
# Head words of civil-society bodies' names (not "council" or "commission": often a state's).
_CIVIL_BODIES = {"association", "society", "foundation", "federation", "institute", "network", "committee"}
# Dependency labels by which a name modifies an agent noun ("Syrian army", "Iraq's army").
# Owners whose code is a state's: an agent of theirs takes the state's country and its own role.
_STATE_KINDS = {"country", "adjective", "capital", "person", "government"}
_MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}
# An ethnic group named by a state's adjective ("ethnic Albanians"): civilians of where they live.
_ETHNIC_ROLE = "CVL"
# Agent words that also name what an agency gathers: as a bare object they are the information.
_INFORMATION = {"intelligence"}
# A person named out of office: an elite of their state (CAMEO ELI), not its government.
_FORMER_ROLE = "ELI"


@dataclass(frozen=True, slots=True)
class Found:
    """A mention with the token range it covers in its spaCy doc."""

    mention: Mention
    first: int
    last: int  # exclusive

    def covers(self, i: int) -> bool:
        return self.first <= i < self.last


def _titled(doc: Any, found: list[Found], offset: int, sent_index: dict[int, int]) -> list[Found]:
    """A title before an unknown name codes the name: "Russian Foreign Minister Andrei Kozyrev",
    "Police chief Ali Hassan", "rebel commander Abu Omar" (a role word right before a name is
    that person's title, whether the lexicon lists the word for a person or a group).

    The merged mention keeps the title's code and covers both; the name is flagged as found
    by spaCy's recogniser (origin ``ner+agent``) since the lexicon does not know the person.
    """
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        # (the small model often reads a name after a hyphenated title as an organisation:
        # "Vice-President Moody Awori")
        named = f.mention.kind == "person" or (
            f.mention.kind == "org" and prev is not None and doc[prev.last - 1].lower_ in _PERSON_TITLES
            and all(t.text[:1].isupper() for t in doc[f.first : f.last])
        )
        if (
            prev is not None
            and f.mention.origin == "ner"
            and named
            and prev.mention.origin == "agent"
            and prev.last == f.first
            and prev.mention.code
        ):
            m = prev.mention
            span = doc[prev.first : f.last]
            merged = Mention(
                m.sentence_index,
                offset + span.start_char,
                offset + span.end_char,
                span.text,
                m.code,
                None,
                m.country,
                m.sector,
                "person",
                "ner+agent",
            )
            out[-1] = Found(merged, prev.first, f.last)
            continue
        out.append(f)
    return out


# Titles that name one person: what follows them is a name, whatever the recogniser called it.
_PERSON_TITLES = {
    "president", "minister", "premier", "chancellor", "king", "prince", "emir",
    "sheikh", "general", "commander", "chief", "leader", "spokesman", "spokeswoman", "secretary",
    "governor", "mayor", "ambassador", "envoy", "colonel", "senator", "lawmaker",
}
# Adjectives that say an agent is not the country's own ("foreign journalists"); kept in its
# mention so that no country is given it from context.
NOT_OWN = {"foreign", "international", "overseas", "expatriate"}
# Words that make "parties" the sides of a conflict or deal ("all parties", "the warring parties").
_SIDES = {"all", "both", "warring", "opposing", "conflicting", "two", "three", "involved", "concerned",
          "relevant", "interested", "feuding", "belligerent", "contracting", "negotiating"}
# "X-backed", "X-led": the named actor sponsors or leads the agent but does not own it;
# "a UN-brokered deal": the broker is no party to it; "Russian-made drones": nor the maker.
_SPONSOR_WORDS = {
    "backed",
    "led",
    "allied",
    "sponsored",
    "supported",
    "aligned",
    "funded",
    "trained",
    "armed",
    "controlled",
    "affiliated",
    "linked",
    "inspired",
    "based",
    "brokered",
    "mediated",
    # who made a weapon, or when, is not who uses it: "Soviet-era missiles", "Russian-made drones"
    "made",
    "built",
    "manufactured",
    "designed",
    "supplied",
    "era",
    "style",
}


# Of those, the words that make an armed group's affiliate its own: "al-Qaeda-linked militants"
# are coded as al-Qaeda (as CAMEO codes a group's branches), "Iranian-backed militias" not as Iran.
_AFFILIATE_WORDS = {"linked", "affiliated", "inspired", "aligned", "allied"}


def sponsor_word(doc: Any, after: int) -> str | None:
    """The word of "-backed", "-led"... right after a name ending at token ``after``, or None."""
    words: list[str] = [t.lower_ for t in doc[after : after + 2]]
    if len(words) == 2 and words[0] == "-" and words[1] in _SPONSOR_WORDS:
        return words[1]
    if words and words[0].startswith("-") and words[0].lstrip("-") in _SPONSOR_WORDS:
        return words[0].lstrip("-")
    return None


def unsponsored(doc: Any, found: Sequence[Found]) -> list[Found]:
    """The names of ``found`` that do not stand as a sponsor: "Iran" in "an Iran-backed militia"
    is left out, "US" in "the US-led war" is kept (a leader stays a party)."""
    return [f for f in found if sponsor_word(doc, f.last) in (None, "led")]


def _is_sponsor(doc: Any, after: int) -> bool:
    """Whether the tokens after a name read "-backed", "-led"...: a sponsor, not an owner."""
    return sponsor_word(doc, after) is not None


# CAMEO's region codes (the West, Europe, the Middle East...): they stand where a country code
# stands, but no country is meant, so no role takes them as its country.
REGION_CODES = frozenset({
    "AFR", "ASA", "BLK", "CAS", "CAU", "CEU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM",
    "MDT", "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WST",
})


# Words that count a crowd: "thousands of Israelis", "scores of Afghans".
_CROWD_COUNTS = {"thousand", "hundred", "dozen", "score", "million", "ten", "number", "group", "crowd"}


def _counted(token: Any) -> bool:
    """Whether a plural noun is people counted: "three Russians", "hundreds of Afghans"."""
    # (the tagger may take a plural people's name for a singular one: "Thousands of Georgians
    # rallied near parliament" tags "Georgians" NNP)
    if token.tag_ not in ("NNS", "NNPS") and not (token.tag_ == "NNP" and token.lower_.endswith("s")):
        return False
    if any(c.dep_ == "nummod" for c in token.children):
        return True
    counter = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    return counter is not None and counter.lemma_.lower() in _CROWD_COUNTS


def _is_group(found: Found | None) -> bool:
    """Whether ``found`` names a non-state armed group (CAMEO's IMG codes, or a group's kind)."""
    if found is None:
        return False
    m = found.mention
    return bool(m.code and m.code.startswith("IMG")) or m.kind in ("armed_group", "militia")


def _bare_object(token: Any) -> bool:
    """Whether ``token`` is an object with nothing to say whose it is ("shared intelligence",
    "intelligence on the militants"), not "the intelligence agency" or "Britain's intelligence"."""
    owned = any(c.dep_ in ("det", "poss", "amod", "compound", "nmod") for c in token.children)
    return token.dep_ in ("dobj", "conj") and not owned


def _country(code: str | None) -> str | None:
    if not code or len(code) < 3 or code.startswith(("IGO", "NGO", "IMG", "---")):
        return None
    if code[:3] in REGION_CODES:
        return None
    return code[:3]


def _sector(code: str | None) -> str | None:
    return code[3:6] if code and len(code) >= 6 else None


# Nouns of geography: a region's adjective before one of them gives a direction.
_GEOGRAPHY = {
    "area", "areas", "bank", "border", "borders", "city", "coast", "corridor", "countryside",
    "desert", "district", "districts", "edge", "flank", "front", "governorate", "half", "hemisphere",
    "mountains", "neighborhoods", "neighbourhoods", "outskirts", "part", "parts", "province",
    "provinces", "region", "regions", "sector", "side", "suburbs", "territory", "town", "towns",
    "village", "villages",
}


def _before_place(doc: Any, end: int) -> bool:
    """Whether the word after ``end`` is a place name or a noun of geography."""
    if end >= len(doc):
        return False
    nxt = doc[end]
    return nxt.ent_type_ in ("GPE", "LOC", "FAC") or nxt.lower_ in _GEOGRAPHY


class ActorCoder:
    """Finds actor mentions in spaCy docs; build once per process and reuse."""

    def __init__(self, nlp: Any, lexicon: ActorLexicon | None = None) -> None:
        from spacy.matcher import PhraseMatcher

        self.lexicon = lexicon or load_actor_lexicon()
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.caseless = PhraseMatcher(nlp.vocab, attr="LOWER")  # user PETRARCH dictionaries
        self.forms: dict[int, list[NameForm]] = {}
        by_text: dict[tuple[str, bool], list[NameForm]] = {}
        for form in self.lexicon.forms:
            key_text = form.text.lower() if form.caseless else form.text
            by_text.setdefault((key_text, form.caseless), []).append(form)
        strings = nlp.vocab.strings
        for (text, caseless), forms in by_text.items():
            label = ("C:" if caseless else "N:") + text
            self.forms[strings.add(label)] = forms
            # Typographic and straight apostrophes are the same name ("Da’wa", "Da'wa").
            variants = {text, text.replace("'", "’"), text.replace("’", "'")}
            matcher = self.caseless if caseless else self.names
            matcher.add(label, [nlp.make_doc(v) for v in variants])
        self.agents = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.agent_of: dict[int, str] = {}
        for word in self.lexicon.agents:
            key = strings.add("A:" + word)
            self.agent_of[key] = word
            self.agents.add("A:" + word, [nlp.make_doc(word)])

    def _pick(self, forms: list[NameForm], day: dt.date | None) -> tuple[NameForm, str | None] | None:
        """Of the actors a surface form can name, the one coded on ``day``."""
        for form in forms:
            if not form.covers(day):
                continue
            code = self.lexicon.code(form.actor_id, day)
            if code is not None:
                if form.role == "capital":
                    code = code + "GOV"
                return form, code
        return self._former(forms, day)

    def _former(self, forms: list[NameForm], day: dt.date | None) -> tuple[NameForm, str | None] | None:
        """A person the lexicon lists, named after one of their terms has ended, is one of their
        state's elites (CAMEO's ELI: former officials): "former president Trump" in 2023 ->
        USAELI. Before any term they are left to the recogniser (they may lead an opposition)."""
        if day is None:
            return None
        for form in forms:
            actor = self.lexicon.actors[form.actor_id]
            if actor.kind != "person" or form.role != "name":
                continue
            ended = [t for t in actor.terms if t.end is not None and t.end < day]
            last = max(ended, key=lambda t: t.end or day, default=None)  # the office they left last
            country = _country(last.code) if last else None
            if country:
                return form, country + _FORMER_ROLE
        return None

    def find(
        self, doc: Any, offset: int, sentence_of: dict[int, int] | None, day: dt.date | None
    ) -> list[Found]:
        """Every actor mention in ``doc``; offsets are shifted by ``offset`` into the document."""
        from spacy.util import filter_spans

        sent_index = sentence_of or {}
        spans = []
        # The project's own names come first, so they win a tie with a user dictionary's.
        for key, start, end in [*self.names(doc), *self.caseless(doc)]:
            span = doc[start:end]
            span.label = key
            spans.append(span)
        found: list[Found] = []
        taken: set[int] = set()
        for span in filter_spans(spans):
            picked = self._pick(self.forms[span.label], day)
            if picked is None:
                continue
            form, code = picked
            actor = self.lexicon.actors[form.actor_id]
            term = self.lexicon.term(form.actor_id, day)
            # an organisation whose kind changed (the Taliban govern since 2021)
            own_kind = term.kind if term is not None and term.kind else actor.kind
            kind = form.role if form.role in ("capital", "adjective") else own_kind
            start, origin = span.start, "lexicon"
            actor_id: str | None = form.actor_id
            country, sector = _country(code), _sector(code)
            if kind == "adjective" and form.actor_id.startswith("region:") and _before_place(doc, span.end):
                continue  # "western Syria", "the western outskirts": a direction, not the West
            if kind == "adjective" and start > 0 and doc[start - 1].lower_ == "ethnic":
                # "ethnic Albanians in Serbia" are a people, not Albania: civilians, whose
                # country is where they live (the place's country, from context).
                start, code, kind, origin = start - 1, _ETHNIC_ROLE, "agent-group", "agent"
                actor_id = None
                country, sector = None, _ETHNIC_ROLE
            elif kind == "adjective" and country and span.end - start == 1 and _counted(doc[start]):
                # "thousands of Israelis", "three Russians": people counted are civilians of
                # their state, not the state ("the Russians withdrew" stays Russia).
                code, kind, origin, sector = f"{country}{_ETHNIC_ROLE}", "agent-group", "agent", _ETHNIC_ROLE
                actor_id = None
            found.append(
                self._make(
                    doc, start, span.end, offset, sent_index, code, actor_id, kind, origin, country, sector
                )
            )
            taken.update(range(start, span.end))
        found.extend(self._agents(doc, offset, sent_index, found, taken))
        for ent in doc.ents:
            if ent.label_ in _NER_LABELS and not any(i in taken for i in range(ent.start, ent.end)):
                # An organisation the lexicon lacks, named like a civil-society body ("the
                # Association of African Jurists"), is coded NGO; still flagged "ner".
                civil = ent.label_ == "ORG" and any(t.lemma_.lower() in _CIVIL_BODIES for t in ent)
                found.append(
                    self._make(
                        doc,
                        ent.start,
                        ent.end,
                        offset,
                        sent_index,
                        "NGO" if civil else None,
                        None,
                        ent.label_.lower(),
                        "ner",
                        None,
                        "NGO" if civil else None,
                    )
                )
                taken.update(range(ent.start, ent.end))
        found.sort(key=lambda f: f.first)
        return _titled(doc, found, offset, sent_index)

    def _agents(
        self, doc: Any, offset: int, sent_index: dict[int, int], named: list[Found], taken: set[int]
    ) -> list[Found]:
        from spacy.util import filter_spans

        spans = []
        for key, start, end in self.agents(doc):
            if not any(i in taken for i in range(start, end)):
                span = doc[start:end]
                span.label = key
                spans.append(span)
        out: list[Found] = []
        for span in filter_spans(spans):
            entry = self.lexicon.agents[self.agent_of[span.label]]
            head = span.root
            modified = head.head.i
            if len(span) == 1 and head.pos_ == "ADJ" and head.dep_ == "amod" and not any(
                s.start <= modified < s.end for s in spans
            ):
                # "military assistance", "military exercises": a kind of act, no actor (but
                # "military officials" are the military's).
                continue
            owner = self._owner(doc, head, span.start, named, entry.kind == "group")
            sides = {c.lower_ for c in head.children if c.dep_ in ("det", "amod", "nummod", "predet")}
            if owner is None and head.lower_ == "parties" and sides & _SIDES and "political" not in sides:
                # "called on all parties to show restraint": the sides, not political parties
                # (but "dissolved all political parties" names them)
                continue
            # (agents.tsv lists bare counts as people: "thousands rallied")
            if head.lower_ in COUNT_WORDS and any(c.dep_ == "prep" and c.lower_ == "of" and c.i >= span.end
                                              for c in head.children):
                continue  # "thousands of rockets", "hundreds of protesters": what is counted
            if owner is None and head.lower_ in _INFORMATION and _bare_object(head):
                continue  # "agreed to share intelligence": information, not an agency
            if owner is None and head.dep_ == "conj":
                # "Chinese warships and aircraft": a conjunct shares its first agent's owner.
                lead = next((f for f in out if f.covers(head.head.i)), None)
                if lead is not None and lead.mention.country:
                    owner = next((n for n in named if n.mention.country == lead.mention.country
                                  and lead.first <= n.first < lead.last), None)
            owned = owner.mention if owner is not None else None
            country = _country(owned.code) if owned else None
            if owned is not None and owned.code and owned.kind not in _STATE_KINDS and owned.kind != "person":
                code: str | None = owned.code  # "Hezbollah fighters" stay Hezbollah
            else:
                # "European troops" are Europe's (EURMIL), though Europe is no one's country.
                home = country or (owned.code if owned is not None and owned.code in REGION_CODES else None)
                code = home + entry.code if home else entry.code
            first = min(owner.first, span.start) if owner else span.start
            if owner is None and first > 0 and doc[first - 1].lower_ in NOT_OWN:
                first -= 1  # "foreign journalists": the mention says they are no one's here
            last = max(owner.last, span.end) if owner else span.end
            prev = out[-1] if out else None
            if prev is not None and prev.last == span.start and doc[prev.last - 1].head.i == head.i:
                # "rebel positions", "militia bases": the places and units of the agent before.
                m = prev.mention
                code, country, start = m.code, m.country, prev.first
                if country is None and owned is not None and owned.kind in _STATE_KINDS and code:
                    # "Iraqi Shiite militia bases": the state modifies the whole phrase.
                    country = _country(owned.code)
                    code = f"{country}{code}" if country and len(code) == 3 else code
                    start = min(start, owner.first) if owner else start
                out[-1] = self._make(
                    doc, start, span.end, offset, sent_index, code, m.actor_id, m.kind, m.origin, country,
                    m.sector,
                )
                taken.update(range(span.start, span.end))
                continue
            out.append(
                self._make(
                    doc,
                    first,
                    last,
                    offset,
                    sent_index,
                    code,
                    owned.actor_id if owned else None,
                    "agent-" + entry.kind,
                    "agent",
                    country,
                    entry.code,
                )
            )
            taken.update(range(span.start, span.end))
        return _of_their_group(doc, out)

    @staticmethod
    def _owner(doc: Any, head: Any, start: int, named: list[Found], group: bool = False) -> Found | None:
        """The named actor an agent belongs to: "Syrian troops", "Iraq's army", "army of Iraq";
        for a ``group`` agent also a leader's name: "the Obama administration" (his country)."""

        def at(i: int) -> Found | None:
            found = next((f for f in named if f.covers(i)), None)
            # "Iranian-backed militias" are not Iran's: the name is a sponsor, not an owner; but
            # "al-Qaeda-linked militants" are al-Qaeda's.
            word = sponsor_word(doc, found.last) if found is not None else None
            if word is not None and not (word in _AFFILIATE_WORDS and _is_group(found)):
                return None
            return found

        heads = [head]
        if head.dep_ == "compound" and head.head.pos_ == "PROPN":
            heads.append(head.head)  # "King Hassan of Morocco": the title's name carries "of"
        for child in [c for h in heads for c in h.children]:
            if child.dep_ in _MODIFIER_DEPS and child.i < head.i:
                owner = at(child.i)
                if owner is not None and (owner.mention.kind != "person" or group):
                    return owner
                for grand in child.subtree:
                    owner = at(grand.i)
                    if owner is not None and owner.mention.kind != "person":
                        return owner
            # "officials from Iran", but not "recalled its ambassador from Spain": whose it is
            # says whom it comes from
            from_owner = child.lower_ == "from" and not any(c.dep_ == "poss" for c in head.children)
            if child.dep_ == "prep" and (child.lower_ == "of" or from_owner):
                for obj in child.children:
                    owner = at(obj.i)
                    if owner is not None and owner.mention.kind != "person":
                        return owner
        # A name right before the agent ("Russian air force") even when the parse differs.
        if start > 0:
            owner = at(start - 1)
            if owner is not None and owner.mention.kind in ("adjective", "country", "capital"):
                return owner
        # "Assad's forces": a person's country and the agent's role.
        for child in head.children:
            if child.dep_ == "poss":
                owner = at(child.i)
                if owner is not None:
                    return owner
        return None

    @staticmethod
    def _make(
        doc: Any,
        first: int,
        last: int,
        offset: int,
        sent_index: dict[int, int],
        code: str | None,
        actor_id: str | None,
        kind: str,
        origin: str,
        country: str | None,
        sector: str | None,
    ) -> Found:
        span = doc[first:last]
        mention = Mention(
            sentence_index=sent_index.get(span.sent.start, 0),
            start=offset + span.start_char,
            end=offset + span.end_char,
            text=span.text,
            code=code,
            actor_id=actor_id,
            country=country,
            sector=sector,
            kind=kind,
            origin=origin,
        )
        return Found(mention, first, last)


def _of_their_group(doc: Any, agents: list[Found]) -> list[Found]:
    """A person agent with no owner of its own speaks for the group its "of" or "for" phrase
    names: "the leader of the rebels" is REB, "a spokesman for the army" MIL, "leaders of the
    opposition coalition" OPP (not GOV, as "leader" alone would be)."""
    out = list(agents)
    for k, f in enumerate(agents):
        m = f.mention
        if m.kind != "agent-person" or m.country is not None:
            continue
        head = doc[f.first : f.last].root
        objects = objects_of([head], ["of", "for"])
        # the group word may be the object or modify it ("the opposition coalition")
        words = [w for o in objects for w in (o, *(c for c in o.children if c.dep_ in ("compound", "amod")))]
        group = next((g for w in words for g in agents if g is not f and g.covers(w.i)), None)
        if group is not None and group.mention.code:
            g = group.mention
            spoken_for = dataclasses.replace(m, code=g.code, country=g.country, sector=g.sector)
            out[k] = Found(spoken_for, f.first, f.last)
    return out

"""The pipeline: ingest -> parse -> actors -> events -> place/time, over batches of documents.

One :class:`Pipeline` per process holds the model and lexicons. An unexpected error on one
document is logged with its id and becomes a :class:`Failure`; the batch goes on.

Example:
    >>> pipe = Pipeline(Settings())  # doctest: +SKIP
    >>> for item in pipe.run(read_paths(["examples"])): ...  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import itertools
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from actorgraph import cameo
from actorgraph.actors import ActorCoder, Found
from actorgraph.coreference import resolve_references
from actorgraph.dates import date_for
from actorgraph.events import Coding, EventCoder, last_person
from actorgraph.lexicon import load_actor_lexicon, load_event_lexicon
from actorgraph.lexicon.actors import NameForm
from actorgraph.parse import DEFAULT_MODEL, Parsed, load_model, parse_documents
from actorgraph.place import Gazetteer, locate
from actorgraph.quotes import QuoteFinder
from actorgraph.records import (
    Actor,
    CodedDocument,
    Document,
    Event,
    Failure,
    Mention,
    Quote,
    Relation,
    Sentence,
)
from actorgraph.relations import RelationFinder

__all__ = ["Pipeline", "Settings"]

log = logging.getLogger("actorgraph")


@dataclass(frozen=True, slots=True)
class Settings:
    """Pipeline settings; every field has a documented default (docs/configuration.md)."""

    model: str = DEFAULT_MODEL
    batch_documents: int = 32  # documents coded together; bounds memory
    pipe_batch: int = 64  # texts per nlp.pipe batch
    lexicon_dir: str | None = None  # a folder whose .tsv tables replace the packaged ones

    def __post_init__(self) -> None:
        if self.batch_documents < 1 or self.pipe_batch < 1:
            raise ValueError("batch_documents and pipe_batch must be 1 or more")


_LOCATIVE_PREPS = {"in", "near", "at", "outside", "around", "inside", "across", "throughout", "into"}
# Roles that name no country by themselves ("rebels", "the army", "protesters").
_BARE_ROLES = {"REB", "CVL", "OPP", "COP", "JUD", "LEG", "MED", "ELI", "PTY", "MIL", "GOV", "SPY"}
# Of those, the ones that the document's main place country may code: a story's rebels and
# civilians are that country's, but its "minister" may be anyone's.
_DOMESTIC_ROLES = {"REB", "CVL", "OPP"}
# Who addresses its own state's institutions (_home_institution), and those institutions.
_HOME_SECTORS = {"PTY", "OPP", "CVL", "LEG", "JUD", "LAB", "EDU", "ELI"}
_HOME_INSTITUTIONS = {"GOV", "LEG", "JUD"}
# Confidence kept when an actor's country comes from context rather than the text.
CONTEXT_CONFIDENCE = 0.8


def _home_institution(event: Event) -> Event:
    """A country's parties, opposition, civilians and courts address their own government,
    parliament and judges: "Kenyan students demanded that parliament reject the bill" ->
    KENLEG; and, short of violence, those roles and rebels with no country address their
    target institution's: "Shiite militiamen put pressure on the Iraqi prime minister" ->
    IRQREB. Only institutions as targets: soldiers and police a population faces may be
    another state's."""
    source, target = event.source, event.target
    if source is None or target is None or (source.country is None) == (target.country is None):
        return event
    if target.country is not None:
        if source.code not in _HOME_SECTORS | {"REB"} or target.sector not in _HOME_INSTITUTIONS:
            return event
        if event.code[:2] in ("18", "19", "20"):
            return event
        return _with_country(event, "source", target.country, "source is the target's own")
    if source.sector not in _HOME_SECTORS or target.code not in _HOME_INSTITUTIONS:
        return event
    assert source.country is not None
    return _with_country(event, "target", source.country, "target is the source's own")


def _with_country(event: Event, side: str, country: str, note: str) -> Event:
    """``event`` with its bare ``side`` actor given ``country``, the rule saying so."""
    actor: Actor = getattr(event, side)
    owned = dataclasses.replace(actor, code=country + (actor.code or ""), country=country)
    return dataclasses.replace(
        event,
        rule=f"{event.rule}; {note} ({country})",
        confidence=round(event.confidence * CONTEXT_CONFIDENCE, 2),
        **{side: owned},  # type: ignore[arg-type]
    )


def with_context_country(event: Event, focus: str | None, sentence: str | None = None) -> Event:
    """Give bare roles a country: the event's place, else the one country of the places its
    sentence names (``sentence``), else the document's main place country (``focus``).

    "Massacre in Aleppo by terrorists" -> SYRREB. The rule records that it did so.
    """
    event = _home_institution(event)
    loc = event.location
    named = _named_country(event)
    inferred = loc.country if loc is not None and loc.inferred else None
    # An inferred place (the document's main country) still codes every bare role, as before
    # the sentence's places were read; they only come first.
    place = named or sentence or inferred
    country = place or focus
    roles = _BARE_ROLES if place else _DOMESTIC_ROLES
    if country is None:
        return event
    changed: dict[str, object] = {}
    for side in ("source", "target"):
        actor: Actor | None = getattr(event, side)
        if actor is not None and actor.country is None and actor.code in roles:
            changed[side] = dataclasses.replace(actor, code=country + actor.code, country=country)
    if not changed:
        return event
    note = ", ".join(changed)
    return dataclasses.replace(
        event,
        rule=f"{event.rule}; {note} country from context ({country})",
        confidence=round(event.confidence * CONTEXT_CONFIDENCE, 2),
        **changed,  # type: ignore[arg-type]
    )


# Codes whose target, when the text names only a place, is that place's country: a military
# withdrawal from Kherson is a withdrawal from Ukraine; aid let into Gaza is let to Palestine.
_PLACE_TARGET_CODES = {"0874", "087", "086", "0861", "0862", "0863", "191", "192"}
# Of those, the ones a state does not do to its own country: leaving a place (its forces are
# still home), besieging or taking one (its enemy there is unnamed, not the state itself).
_FOREIGN_ONLY = ("087", "191", "192")


def _withdrawn_from(event: Event) -> Event:
    loc, src = event.location, event.source
    if (
        (event.target is not None and event.target.code)
        or event.code not in _PLACE_TARGET_CODES
        or loc is None
        or loc.inferred
        or not loc.country
        # Forces leaving a place in their own country have not left it; aid let into one has
        # reached its people.
        or (src is not None and src.country == loc.country and event.code[:3] in _FOREIGN_ONLY)
    ):
        return event
    target = Actor(loc.name, loc.country, None, loc.country, None)
    return dataclasses.replace(event, target=target, rule=f"{event.rule}; target is the place's country")


# Measures a government takes on a population (curfews, martial law, bans on parties, and their
# easing): with no target named, the population of the place, else of the government's own
# country ("Turkish authorities imposed a curfew in Cizre", "declared martial law").
_ON_POPULATION = {
    "1721", "1722", "1723", "1724", "0811", "0812", "0813", "0814", "1321", "1322", "1323", "1324",
}
# The unspecified parents only with a place named: "imposed restrictions" alone may be on trade.
_ON_PLACE = {"172", "081"}


def _named_country(event: Event) -> str | None:
    """The country of the place the text names for ``event`` (not one inferred), or None."""
    loc = event.location
    return loc.country if loc is not None and not loc.inferred and loc.country else None


def _place_actor(event: Event, country: str, sector: str | None = None) -> Actor:
    """``country`` (its ``sector``) as an actor, under the event's place name if it is there."""
    loc = event.location
    name = loc.name if loc is not None and loc.country == country else country
    return Actor(name, country + (sector or ""), None, country, sector)


def _imposed_on(event: Event) -> Event:
    if event.code not in _ON_POPULATION | _ON_PLACE or (event.target is not None and event.target.code):
        return event
    src = event.source
    country = _named_country(event)
    if country is None and event.code in _ON_POPULATION and src is not None:
        country = src.country
    if not country:
        return event
    target = _place_actor(event, country)
    return dataclasses.replace(event, target=target, rule=f"{event.rule}; target is {country}'s population")


def _unattributed(event: Event, here: str | None) -> Event:
    """Violence no one is named for ("a roadside bomb near Samarra killed two soldiers") is
    coded, as PLOVER's and ICEWS's coders do, to the country where it happened: its
    attackers are unidentified, not absent. Only with a place the sentence names: the
    event's, else the one country of the sentence's places (``here``)."""
    if event.code[:2] not in ("18", "19", "20") or (event.source is not None and event.source.code):
        return event
    country = _named_country(event) or here
    if not country:
        return event
    source = Actor("", country, None, country, None)
    return dataclasses.replace(
        event,
        source=source,
        rule=f"{event.rule}; unidentified attackers, coded to the place's country",
        confidence=round(event.confidence * IMPLIED_CONFIDENCE, 2),
    )


def _aided_place(event: Event, here: str | None) -> Event:
    """Aid, troops or protection given or pledged to a place go to its country: "ready to
    contribute 4,000 troops to a peacekeeping force in Liberia" -> LBR. The event's place,
    else the one country the sentence names (``here``)."""
    if not (event.code[:2] == "07" or event.code[:3] == "033") or (event.target and event.target.code):
        return event
    country = _named_country(event) or here
    if not country:
        return event
    target = _place_actor(event, country)
    return dataclasses.replace(event, target=target, rule=f"{event.rule}; target is the place's country")


def _domestic_place(event: Event, gazetteer: Gazetteer) -> Event:
    """An event between two actors of one country, with no place named, happens in that
    country rather than in the document's main one: "Shiite militiamen put pressure on the
    Iraqi prime minister", in a story about Syria, is placed in Iraq (inferred)."""
    loc, src, tgt = event.location, event.source, event.target
    if loc is None or not loc.inferred or src is None or tgt is None:
        return event
    if src.country is None or src.country != tgt.country or src.country == loc.country:
        return event
    home = gazetteer.country(src.country)
    if home is None:
        return event
    return dataclasses.replace(event, location=dataclasses.replace(home, inferred=True))


def _protested_against(event: Event) -> Event:
    """A protest that names no target is made against the government where it happens (CAMEO
    codes demonstrations as claims on authorities): the place's country, else the protesters'."""
    if event.code[:2] != "14" or (event.target is not None and event.target.code):
        return event
    src = event.source
    country = _named_country(event) or (src.country if src is not None else None)
    if not country or (src is not None and src.code == f"{country}GOV"):
        return event
    target = _place_actor(event, country, "GOV")
    rule = f"{event.rule}; protest against {country}'s government"
    return dataclasses.replace(event, target=target, rule=rule)


# Verbs of taking territory back: what one side retakes, the other side held. Only these, not
# "capture", imply who lost it.
_RETAKE = re.compile(r"verb '(recapture|retake|retook|retaken|take back|win back|regain)'")
# A guessed actor is less certain than a named one.
IMPLIED_CONFIDENCE = 0.7


def _retaken_from(event: Event, focus: str | None) -> Event:
    """ "Rebels took back X" in a country's war: X was held by that state's forces, and what
    the state's forces retake was held by rebels. Only with no named loser."""
    src = event.source
    country = (event.location.country if event.location else None) or focus
    # An uncoded target of a retaking verb is the place itself ("took back Kinsibb").
    named_loser = event.target is not None and event.target.code
    if named_loser or src is None or not src.code or not country or not _RETAKE.search(event.rule):
        return event
    sector = src.code[3:6] if len(src.code) >= 6 and src.code[:3] == country else None
    if sector in ("MIL", "GOV"):
        loser = f"{country}REB"
    elif "REB" in src.code or src.code.startswith("IMG"):
        loser = f"{country}MIL"
    else:
        return event
    return dataclasses.replace(
        event,
        target=Actor("", loser, None, country, loser[3:]),
        rule=f"{event.rule}; implied target: who held what was retaken",
        confidence=round(event.confidence * IMPLIED_CONFIDENCE, 2),
    )


def _said_in(event: Event, quotes: list[Quote]) -> Event:
    """An event inside a direct quotation is attributed to the quotation's speaker."""
    if event.attributed_to is not None:
        return event
    for q in quotes:
        if q.speaker is not None and q.start <= event.trigger.start < q.end:
            return dataclasses.replace(event, attributed_to=q.speaker)
    return event


def _event_id(doc_id: str, sentence: int, c: Coding) -> str:
    key = "|".join(
        [
            doc_id,
            str(sentence),
            str(c.trigger.start),
            c.code,
            c.source.code or "" if c.source else "",
            c.target.code or "" if c.target else "",
        ]
    )
    return hashlib.sha256(key.encode()).hexdigest()[:16]


class Pipeline:
    """Codes documents; build once per process (loading the model is the slow part)."""

    def __init__(self, settings: Settings | None = None, nlp: Any = None) -> None:
        self.settings = settings or Settings()
        self.nlp = nlp if nlp is not None else load_model(self.settings.model)
        folder = Path(self.settings.lexicon_dir) if self.settings.lexicon_dir else None
        self.actors = ActorCoder(self.nlp, load_actor_lexicon(folder))
        self.events = EventCoder(load_event_lexicon(folder))
        problems = self.actors.lexicon.problems
        if problems:
            log.warning("%d lines of user dictionaries skipped; the first: %s", len(problems), problems[0])
        # The states' adjectives ("Iraqi soil") and names ("Britain") the gazetteer reads too.
        states: dict[str, dict[str, str]] = {"adjective": {}, "name": {}}
        for f in self.actors.lexicon.forms:
            if f.role in states and f.actor_id.startswith("country:"):
                states[f.role][f.text] = f.actor_id.split(":", 1)[1]
        self.gazetteer = Gazetteer(states["adjective"], states["name"])
        self.forms_by_text: dict[str, list[NameForm]] = {}
        for f in self.actors.lexicon.forms:
            self.forms_by_text.setdefault(f.text, []).append(f)
        self.quotes = QuoteFinder(self.events.speech)
        self.relations = RelationFinder(folder)

    def run(self, items: Iterable[Document | Failure]) -> Iterator[CodedDocument | Failure]:
        """Code documents in batches, passing failures through in order."""
        it = iter(items)
        while batch := list(itertools.islice(it, self.settings.batch_documents)):
            docs = [d for d in batch if isinstance(d, Document)]
            parsed = parse_documents(self.nlp, docs, self.settings.pipe_batch)
            coded: dict[int, CodedDocument | Failure] = {}
            for doc, pieces in zip(docs, parsed, strict=True):
                try:
                    coded[id(doc)] = self.code_parsed(doc, pieces)
                except Exception as exc:  # one bad document must not stop the batch
                    log.exception("document %s (%s) failed", doc.doc_id, doc.name)
                    coded[id(doc)] = Failure(doc.path or doc.name, f"internal error: {exc!r}", doc=doc.name)
            for item in batch:
                yield coded[id(item)] if isinstance(item, Document) else item

    def code_parsed(self, document: Document, pieces: list[Parsed]) -> CodedDocument:
        sentences: list[Sentence] = []
        mentions: list[Mention] = []
        events: list[Event] = []
        quotes: list[Quote] = []
        relations: list[Relation] = []
        day = document.published
        antecedent = None
        focus = self._focus_country(pieces)
        for piece in pieces:
            base = len(sentences)
            sent_of = {s.start: base + n for n, s in enumerate(piece.doc.sents)}
            for s in piece.doc.sents:
                sentences.append(
                    Sentence(
                        sent_of[s.start],
                        piece.block.index,
                        piece.offset + s.start_char,
                        piece.offset + s.end_char,
                        s.text,
                        piece.block.voice,
                    )
                )
            found = self.actors.find(piece.doc, piece.offset, sent_of, day)
            mentions.extend(f.mention for f in found)
            found_quotes = self.quotes.find(piece.doc, found, piece.offset, piece.block.voice, base)
            quotes.extend(found_quotes)
            relations += self.relations.find(piece.doc, found, piece.offset, piece.block.voice, sent_of)
            for c in self.events.code(piece.doc, found, piece.offset, antecedent):
                # The sentence's own places speak before the document's main country.
                here = self._place_country(piece.doc[c.sentence_start].sent)
                sentence = sentences[sent_of[c.sentence_start]]
                event = self._event(document, piece, sentence, c, found, here or focus)
                event = with_context_country(_said_in(event, found_quotes), focus, here)
                event = _aided_place(_imposed_on(_withdrawn_from(event)), here)
                event = _retaken_from(_protested_against(_unattributed(event, here)), focus)
                events.append(_domestic_place(event, self.gazetteer))
            antecedent = last_person(found) or antecedent
        events = resolve_references(events, pieces, self.events.lexicon, day, self.gazetteer)
        return CodedDocument(
            document, tuple(sentences), tuple(mentions), tuple(events), tuple(quotes), tuple(relations)
        )

    def _block_speaker(self, speaker: str | None, day: dt.date | None) -> Actor | None:
        """The outlet or commenter a quoted or comment block names, coded when the lexicon
        knows the name ("the BBC" -> GBRMED)."""
        if not speaker:
            return None
        name = speaker[4:] if speaker.lower().startswith("the ") else speaker
        form = next((f for f in self.forms_by_text.get(name, ()) if f.covers(day)), None)
        code = self.actors.lexicon.code(form.actor_id, day) if form else None
        return Actor(speaker, code, form.actor_id if form else None)

    def _place_country(self, sent: Any) -> str | None:
        """The one country of the places a sentence names ("the taking of Mosul": IRQ), or None.

        A town or region counts wherever it stands; a country's name only in a locative phrase,
        since "Russia said" names an actor, not a place."""
        found: set[str] = set()
        for ent in sent.ents:
            if ent.label_ not in ("GPE", "LOC", "FAC"):
                continue
            loc = self.gazetteer.lookup(ent.text)
            if loc is None or not loc.country:
                continue
            locative = ent.root.dep_ == "pobj" and ent.root.head.lower_ in _LOCATIVE_PREPS
            if loc.precision != "country" or locative:
                found.add(loc.country)
        return found.pop() if len(found) == 1 else None

    def _focus_country(self, pieces: list[Parsed]) -> str | None:
        """The country of the places a document names most often as places: where its story
        happens. Only names in a locative phrase count ("in Idlib", "near Raqqa"), not states
        named as actors ("Russia said") or headline place lists ("Aleppo fighting")."""
        counts: Counter[str] = Counter()
        for piece in pieces:
            for ent in piece.doc.ents:
                head = ent.root.head
                if ent.label_ in ("GPE", "LOC", "FAC") and (
                    (ent.root.dep_ == "pobj" and head.lower_ in _LOCATIVE_PREPS)
                    or ent.root.dep_ in ("compound", "nmod", "npadvmod")
                ):
                    loc = self.gazetteer.lookup(ent.text)
                    if loc is not None and loc.country:
                        counts[loc.country] += 1
        top = counts.most_common(2)
        if not top or (len(top) == 2 and top[0][1] == top[1][1]):
            return None  # no single main country: do not guess
        return top[0][0]

    def _event(
        self,
        document: Document,
        piece: Parsed,
        sentence: Sentence,
        c: Coding,
        found: list[Found],
        focus: str | None = None,
    ) -> Event:
        entry = cameo.lookup(c.code)
        trig = piece.doc[c.trigger_token]
        anchor = trig.head if trig.dep_ in ("dobj", "nsubjpass") and trig.pos_ == "NOUN" else trig
        target = None
        if c.target is not None:
            target = next(
                (f for f in found if c.target.start is not None and f.mention.start == c.target.start), None
            )
        return Event(
            event_id=_event_id(document.doc_id, sentence.index, c),
            doc_id=document.doc_id,
            doc=document.name,
            sentence_index=sentence.index,
            sentence=sentence.text,
            trigger=c.trigger,
            source=c.source,
            target=c.target,
            code=c.code,
            root=c.code[:2],
            quad_class=entry.quad_class,
            goldstein=entry.goldstein,
            plover_type=entry.plover_type,
            plover_mode=entry.plover_mode,
            modality=c.modality,
            voice=piece.block.voice,
            rule=c.rule,
            confidence=c.confidence,
            date=date_for(piece.doc, anchor, document.published),
            location=locate(piece.doc, anchor, trig, c.code, target, self.gazetteer, focus),
            attributed_to=c.attributed_to or self._block_speaker(piece.block.speaker, document.published),
            claim=piece.block.voice == "author" and document.genre in ("opinion", "blog"),
        )

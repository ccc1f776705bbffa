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
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from actorgraph import cameo
from actorgraph.actors import ActorCoder, Found, unsponsored
from actorgraph.coreference import resolve_references
from actorgraph.dates import date_for
from actorgraph.events import Coding, EventCoder, last_person
from actorgraph.implied import RoleMemory, complete, titled_in_context
from actorgraph.lexicon import load_actor_lexicon, load_event_lexicon
from actorgraph.lexicon.actors import NameForm
from actorgraph.parse import DEFAULT_MODEL, Parsed, add_sentence_cues, keep_whole, load_model, parse_documents
from actorgraph.place import Gazetteer, locate, settlement_of
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
from actorgraph.salience import Prominence, mark_main, prominence

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


_VISITS = {"visit", "tour"}
_LOCATIVE_PREPS = {"in", "near", "at", "outside", "around", "inside", "across", "throughout", "into"}
def _said_in(event: Event, quotes: list[Quote]) -> Event:
    """An event inside a direct quotation is attributed to the quotation's speaker."""
    if event.attributed_to is not None:
        return event
    for q in quotes:
        if q.speaker is not None and q.start <= event.trigger.start < q.end:
            return dataclasses.replace(event, attributed_to=q.speaker)
    return event


def _at_third_place(event: Event) -> Event:
    """A meeting the text places in a country neither side is of is CAMEO's meeting at a third
    location (044): "Xi and Biden met on the sidelines of the G20 summit in Bali". Read once
    every place is known, a summit's included (coreference.py)."""
    loc, sides = event.location, [a.country for a in (event.source, event.target) if a is not None]
    if event.code != "040" or loc is None or loc.inferred or not loc.country:
        return event
    if len(sides) != 2 or not all(sides) or loc.country in sides:
        return event
    code = "044"
    entry = cameo.lookup(code)
    return dataclasses.replace(
        event, code=code, root=code[:2], quad_class=entry.quad_class, goldstein=entry.goldstein,
        plover_type=entry.plover_type, plover_mode=entry.plover_mode,
        rule=f"{event.rule}; in a third country ({loc.country}) -> 044",
    )


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


def _actor_country(mentions: Sequence[Mention], besides: Event | None = None) -> str | None:
    """The one country a sentence's actor ``mentions`` name, or None when they name none or
    several. ``besides`` an event: of the actors that are not its sides, and not a state's bare
    name (which may be a place: "rebels attacked peacekeepers in Mali")."""
    actors = (besides.source, besides.target) if besides else ()
    sides = [(a.start, a.end) for a in actors if a is not None and a.start is not None and a.end is not None]
    countries = {
        m.country for m in mentions
        if not (besides and m.kind in ("country", "capital"))
        and not any(m.start < end and start < m.end for start, end in sides)
    }
    countries.discard(None)
    return countries.pop() if len(countries) == 1 else None


class Pipeline:
    """Codes documents; build once per process (loading the model is the slow part)."""

    def __init__(self, settings: Settings | None = None, nlp: Any = None) -> None:
        self.settings = settings or Settings()
        self.nlp = nlp if nlp is not None else load_model(self.settings.model)
        add_sentence_cues(self.nlp)  # before the actor patterns are tokenized
        folder = Path(self.settings.lexicon_dir) if self.settings.lexicon_dir else None
        self.actors = ActorCoder(self.nlp, load_actor_lexicon(folder))
        self.events = EventCoder(load_event_lexicon(folder))
        keep_whole(self.nlp, self.events.lexicon.verbs, self.events.lexicon.nouns)
        problems = self.actors.lexicon.problems
        if problems:
            log.warning("%d lines of user dictionaries skipped; the first: %s", len(problems), problems[0])
        # The states' adjectives ("Iraqi soil") and names ("Britain") the gazetteer reads too.
        states: dict[str, dict[str, str]] = {"adjective": {}, "name": {}}
        for f in self.actors.lexicon.forms:
            if f.role in states and f.actor_id.startswith("country:"):
                states[f.role][f.text] = f.actor_id.split(":", 1)[1]
        # Seats of power ("the White House", "the Kremlin") are their states' places, not the
        # towns GeoNames also knows by those names (Casablanca is "White House" too).
        seats = {
            f.text: code[:3]
            for f in self.actors.lexicon.forms
            if f.actor_id.startswith("seat:") and (code := self.actors.lexicon.code(f.actor_id, None))
        }
        self.gazetteer = Gazetteer(states["adjective"], states["name"], seats)
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
        roles = RoleMemory(document.text)
        ranks: dict[int, Prominence] = {}  # trigger start -> how high it stands in its sentence
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
            # Per sentence, not per event: the one country of its places, its actors' mentions
            # and the one country they name.
            heres: dict[int, tuple[str | None, list[Mention], str | None]] = {}
            # A sponsor is not whose its client is: "Iranian-backed militias" are not Iran's.
            owners = unsponsored(piece.doc, found)
            for c in self.events.code(piece.doc, found, piece.offset, antecedent):
                sentence = sentences[sent_of[c.sentence_start]]
                if c.sentence_start not in heres:
                    in_sentence = [f.mention for f in owners if f.mention.sentence_index == sentence.index]
                    place = self._place_country(piece.doc[c.sentence_start].sent)
                    heres[c.sentence_start] = (place, in_sentence, _actor_country(in_sentence))
                # The sentence's own places speak before the document's main country.
                here, in_sentence, named = heres[c.sentence_start]
                event = self._event(document, piece, sentence, c, found, here or focus)
                ranks[c.trigger.start] = prominence(piece.doc[c.trigger_token])
                event = roles.recall(_said_in(event, found_quotes))
                others = _actor_country(in_sentence, event) if named else None
                events.append(titled_in_context(complete(event, focus, here, self.gazetteer), named, others))
                roles.remember_event(event, events[-1])
            antecedent = last_person(found) or antecedent
        events = resolve_references(events, pieces, self.events.lexicon, day, self.gazetteer)
        events = mark_main([_at_third_place(e) for e in events], ranks)
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
            if ent.label_ not in ("GPE", "LOC", "FAC", "NORP", "ORG"):
                continue
            loc = self.gazetteer.lookup(ent.text)
            if loc is None or not loc.country:
                continue
            misnamed = ent.label_ in ("NORP", "ORG")  # the small model's "most of Aleppo" is NORP
            if misnamed and (loc.precision == "country" or ent.text in self.forms_by_text):
                continue  # a town, not an actor's name
            root = ent.root
            locative = (root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE_PREPS) or settlement_of(root)
            # "visited Iraq and said...": the country visited is where the sentence happens.
            visited = ent.root.dep_ == "dobj" and ent.root.head.lemma_.lower() in _VISITS
            if loc.precision != "country" or locative or visited:
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
        # An event noun's time and place are its clause's: "launched strikes on Monday",
        # "strikes hit Idlib".
        anchor = trig.head if trig.dep_ in ("dobj", "nsubjpass", "nsubj") and trig.pos_ == "NOUN" else trig
        owner = c.source.country if c.source is not None else None
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
            location=locate(piece.doc, anchor, trig, c.code, target, self.gazetteer, focus, owner),
            attributed_to=c.attributed_to or self._block_speaker(piece.block.speaker, document.published),
            claim=piece.block.voice == "author" and document.genre in ("opinion", "blog"),
        )

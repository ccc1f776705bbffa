"""The pipeline: ingest -> parse -> actors -> events -> place/time, over batches of documents.

One :class:`Pipeline` per process holds the model and lexicons. An unexpected error on one
document is logged with its id and becomes a :class:`Failure`; the batch goes on.

Example:
    >>> pipe = Pipeline(Settings())  # doctest: +SKIP
    >>> for item in pipe.run(read_paths(["examples"])): ...  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from actorgraph import cameo
from actorgraph.actors import ActorCoder, Found
from actorgraph.dates import date_for
from actorgraph.events import Coding, EventCoder, last_person
from actorgraph.lexicon import load_actor_lexicon, load_event_lexicon
from actorgraph.parse import DEFAULT_MODEL, Parsed, load_model, parse_documents
from actorgraph.place import Gazetteer, locate
from actorgraph.records import Actor, CodedDocument, Document, Event, Failure, Mention, Sentence

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


# Roles that name no country by themselves ("rebels", "the army", "protesters").
_BARE_ROLES = {"REB", "CVL", "OPP", "COP", "JUD", "LEG", "MED", "ELI", "PTY", "MIL", "GOV", "SPY"}
# Of those, the ones that the document's main place country may code: a story's rebels and
# civilians are that country's, but its "minister" may be anyone's.
_DOMESTIC_ROLES = {"REB", "CVL", "OPP"}
# Confidence kept when an actor's country comes from context rather than the text.
CONTEXT_CONFIDENCE = 0.8


def with_context_country(event: Event, focus: str | None) -> Event:
    """Give bare roles a country: the event's place, else the document's main place country.

    "Massacre in Aleppo by terrorists" -> SYRREB. The rule records that it did so.
    """
    place = event.location.country if event.location and event.location.country else None
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
        self.gazetteer = Gazetteer()

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
            for c in self.events.code(piece.doc, found, piece.offset, antecedent):
                event = self._event(document, piece, sentences[sent_of[c.sentence_start]], c, found)
                events.append(with_context_country(event, focus))
            antecedent = last_person(found) or antecedent
        return CodedDocument(document, tuple(sentences), tuple(mentions), tuple(events))

    def _focus_country(self, pieces: list[Parsed]) -> str | None:
        """The country of the places a document names most often: where its story happens."""
        counts: Counter[str] = Counter()
        for piece in pieces:
            for ent in piece.doc.ents:
                if ent.label_ in ("GPE", "LOC"):
                    loc = self.gazetteer.lookup(ent.text)
                    if loc is not None and loc.country:
                        counts[loc.country] += 1
        top = counts.most_common(2)
        if not top or (len(top) == 2 and top[0][1] == top[1][1]):
            return None  # no single main country: do not guess
        return top[0][0]

    def _event(
        self, document: Document, piece: Parsed, sentence: Sentence, c: Coding, found: list[Found]
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
            location=locate(piece.doc, anchor, trig, c.code, target, self.gazetteer),
            attributed_to=c.attributed_to,
        )

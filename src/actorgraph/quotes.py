"""Quotes: direct quotations, with who said them, the verb that says so, and their span.

A quotation is text between quotation marks (“…”, "…", «…») in a parsed sentence. Its speaker
is the subject of a speech verb outside the marks in the same sentence ("Putin said", "as
Putin put it", "according to the ministry"); a quotation with no speech verb (scare quotes)
is kept only if it is at least ``MIN_UNATTRIBUTED_WORDS`` long, with no speaker.

Example:
    >>> finder = QuoteFinder(frozenset({"say"}))  # doctest: +SKIP
    >>> [q.speaker.code for q in finder.find(doc, found, 0, "author", 0)]  # doctest: +SKIP
    ['RUSGOV']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from actorgraph.actors import Found
from actorgraph.records import Actor, Quote, Voice

__all__ = ["MIN_UNATTRIBUTED_WORDS", "QuoteFinder"]

_QUOTED = re.compile(r"“([^”]{2,}?)”|\"([^\"]{2,}?)\"|«([^»]{2,}?)»")
# Shorter quoted phrases with no speech verb are scare quotes ("the 'rebels'"), not quotations.
MIN_UNATTRIBUTED_WORDS = 4
# Verbs that introduce a quotation besides the lexicon's statement verbs.
_EXTRA_SPEECH = {"put", "write", "tell", "ask", "reply", "answer", "quote", "tweet", "declare"}


class QuoteFinder:
    """Finds quotations in parsed sentences; ``speech`` is the set of speech-verb lemmas."""

    def __init__(self, speech: frozenset[str]) -> None:
        self.speech = speech | _EXTRA_SPEECH

    def find(self, doc: Any, found: Sequence[Found], offset: int, voice: Voice, base: int) -> list[Quote]:
        """Quotations in ``doc`` (one parsed piece); ``base`` is its first sentence's index."""
        quotes: list[Quote] = []
        for n, sent in enumerate(doc.sents):
            for m in _QUOTED.finditer(sent.text):
                group = next(g for g in range(1, 4) if m.group(g) is not None)
                text = m.group(group)
                start = sent.start_char + m.start(group)
                end = sent.start_char + m.end(group)
                verb, speaker = self._attribution(sent, start, end, found, offset)
                if verb is None and len(text.split()) < MIN_UNATTRIBUTED_WORDS:
                    continue
                quotes.append(Quote(base + n, offset + start, offset + end, text, speaker, verb, voice))
        return quotes

    def _attribution(
        self, sent: Any, start: int, end: int, found: Sequence[Found], offset: int
    ) -> tuple[str | None, Actor | None]:
        outside = [t for t in sent if not (start <= t.idx < end)]
        for t in outside:
            if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in self.speech:
                subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
                return t.lemma_.lower(), _actor_of(subj[0], found) if subj else None
        for t in outside:  # "according to the ministry"
            if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.nbor().lower_ == "to":
                objs = [c for c in t.nbor().children if c.dep_ == "pobj"]
                return "according to", _actor_of(objs[0], found) if objs else None
        return None, None


def _actor_of(tok: Any, found: Sequence[Found]) -> Actor | None:
    for f in found:
        if f.covers(tok.i) or any(f.covers(c.i) for c in tok.subtree):
            m = f.mention
            return Actor(m.text, m.code, m.actor_id, m.country, m.sector, m.start, m.end)
    return Actor(tok.text, None)

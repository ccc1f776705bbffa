"""Checks shared by the robustness tests: one-line failures, exact spans, no caught crashes.

conftest.py registers this module for pytest's assert rewriting.
"""

from __future__ import annotations

from pathlib import Path

from actorgraph.records import Actor, CodedDocument, Document, Failure


def check_failure(failure: Failure, path: Path, line: int | None = None) -> None:
    """A one-line message that starts with the file (and line), with a non-empty reason."""
    message = failure.message()
    assert "\n" not in message and "\r" not in message, message
    assert failure.path == str(path)
    assert failure.reason.strip(), failure
    where = str(path) if failure.line is None else f"{path}:{failure.line}"
    assert message.startswith(f"{where}: "), message
    if line is not None:
        assert failure.line == line, failure


def check_document(doc: Document) -> None:
    """Blocks index the text: in bounds, in order, never blank."""
    assert isinstance(doc.text, str)
    last = 0
    for n, block in enumerate(doc.blocks):
        assert block.index == n
        assert last <= block.start < block.end <= len(doc.text), (block, len(doc.text))
        assert doc.text[block.start : block.end].strip(), block
        last = block.end


def check_span(text: str, start: int | None, end: int | None, span_text: str, what: str) -> None:
    assert start is not None and end is not None, what
    assert 0 <= start <= end <= len(text), (what, start, end, len(text))
    assert text[start:end] == span_text, (what, text[start:end], span_text)


def check_coded(coded: CodedDocument) -> None:
    """Every offset the coder reports points at the text it claims to."""
    check_document(coded.document)
    text = coded.document.text
    for s in coded.sentences:
        check_span(text, s.start, s.end, s.text, "sentence")
    for m in coded.mentions:
        check_span(text, m.start, m.end, m.text, "mention")
    for e in coded.events:
        check_span(text, e.trigger.start, e.trigger.end, e.trigger.text, "trigger")
        assert 0 <= e.sentence_index < len(coded.sentences), e
        check_actors(text, e.source, e.target, e.attributed_to)
    for q in coded.quotes:
        check_span(text, q.start, q.end, q.text, "quote")
        check_actors(text, q.speaker)
    for r in coded.relations:
        check_span(text, r.cue.start, r.cue.end, r.cue.text, "relation cue")
        check_actors(text, r.source, r.target)


def check_actors(text: str, *actors: Actor | None) -> None:
    """An actor with offsets (not one implied by a rule) names exactly the text it spans."""
    for actor in actors:
        if actor is not None and actor.start is not None:
            check_span(text, actor.start, actor.end, actor.text, "actor")


def check_outcome(item: CodedDocument | Failure, path: Path | None = None) -> None:
    """Coded with exact spans, or rejected with a reason that is not a caught crash."""
    if isinstance(item, Failure):
        if path is not None:
            check_failure(item, path)
        assert not item.reason.startswith("internal error"), item.message()
    else:
        assert isinstance(item, CodedDocument), item
        check_coded(item)


def outcome(item: CodedDocument | Failure) -> str:
    """A label for hypothesis' statistics: how far the examples get into the coder."""
    if isinstance(item, Failure):
        return "rejected"
    return "coded with events" if item.events else "coded, no events"

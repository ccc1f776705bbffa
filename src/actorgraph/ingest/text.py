"""Decoding raw bytes, and cutting plain text (as pasted from a blog) into voiced blocks.

The cues are the ones a reader uses: a line ending in ":" introduces a quoted excerpt that runs
until a wider gap (two or more blank lines) or, when it opens with a quotation mark, until the
paragraph that closes it; "N thoughts on ..." opens the reader comments, where numbered and
indented markers ("  1.", "    1.") give each comment and its reply depth; share buttons,
"Leave a Reply", "Liked by 2 people", "Reply" are boilerplate.

Example:
    >>> [b.voice for b in segment_text("He wrote:\\n\\nThe army left.\\n\\n\\nI doubt it.")]
    ['author', 'quoted', 'author']
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from actorgraph.records import Block, Voice

__all__ = ["DecodeError", "dateline", "decode", "normalise", "segment_text"]

_BOILERPLATE = re.compile(
    r"^\s*(leave a reply|leave a comment|reply|share this:?|like this:?|liked by \d+ (person|people)"
    r"|like|loading\.*|related|share on \w+|tweet|email|print|subscribe.*|posted in .*|tags?:.*"
    r"|\d+ likes?|you may also like.*|cancel reply|post comment|follow us.*)\s*$",
    re.IGNORECASE,
)
_COMMENTS_START = re.compile(
    r"^\s*(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(thoughts?|responses?|comments?|replies|reactions?)\b",
    re.IGNORECASE,
)
_COMMENT_MARKER = re.compile(r"^(\s*)\d{1,3}\.\s*$|^(\s*)\d{1,3}\.\s+\S")
_DATE_LINE = re.compile(
    r"^\s*(january|february|march|april|may|june|july|august|september|october|november|december)"
    r"\s+\d{1,2},\s+\d{4}(\s+at\s+.*)?$",
    re.IGNORECASE,
)
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_DATELINE = re.compile(
    rf"^\s*(?:(?:published|posted|date|updated)(?:\s+on)?\s*:?\s*)?(?:\w+day,?\s+)?"
    rf"(?:(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})|(?P<mdy>(?:{_MONTHS})\s+\d{{1,2}},?\s+\d{{4}})"
    rf"|(?P<dmy>\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}))\s*$",
    re.IGNORECASE,
)
# Datelines sit at the top of a pasted article: only this many lines are searched.
DATELINE_LINES = 6
_OPEN_QUOTES = "\"“«‘'"
_CLOSE_QUOTES = "\"”»’'"


class DecodeError(ValueError):
    """Bytes that are not a text document: the message says why in one line."""


def decode(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16; reject anything else.

    >>> decode("Señor".encode())
    'Señor'
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid UTF-16 text at byte {exc.start}") from None
    if b"\x00" in data[:8192]:
        raise DecodeError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it to UTF-8 (for example with iconv)"
        ) from None


def normalise(text: str) -> str:
    """NFC, Unix newlines, no NUL or other control characters but tab and newline."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")


@dataclass(frozen=True, slots=True)
class _Para:
    start: int
    end: int
    gap_before: int  # blank lines before this paragraph
    text: str


def _paragraphs(text: str) -> list[_Para]:
    paras: list[_Para] = []
    pos, blank, start, lines_end = 0, 0, -1, 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            if start < 0:
                start, gap = pos, blank
            lines_end = pos + len(line.rstrip("\n"))
        elif start >= 0:
            paras.append(_Para(start, lines_end, gap, text[start:lines_end]))
            start, blank = -1, 1
        else:
            blank += 1
        pos += len(line)
    if start >= 0:
        paras.append(_Para(start, lines_end, gap, text[start:lines_end]))
    return paras


def _split_boilerplate(p: _Para) -> list[tuple[int, int, bool]]:
    """Cut a paragraph into runs of lines, flagging boilerplate runs."""
    runs: list[tuple[int, int, bool]] = []
    pos = p.start
    for line in p.text.split("\n"):
        end = pos + len(line)
        is_bp = bool(_BOILERPLATE.match(line)) and bool(line.strip())
        if runs and runs[-1][2] == is_bp:
            runs[-1] = (runs[-1][0], end, is_bp)
        else:
            runs.append((pos, end, is_bp))
        pos = end + 1
    return runs


class _Segmenter:
    def __init__(self, text: str) -> None:
        self.text = text
        self.blocks: list[Block] = []
        self.intro: str | None = None  # the line that opened the current quote
        self.first = False  # the next paragraph is the quote's first
        self.until_close = False  # the quote opened with a quotation mark
        self.open_marks = 0  # typographic quotation marks still open
        self.straight = 0  # straight quotation marks seen in the quote
        self.comments = False
        self.depth = 0
        self.speaker: str | None = None
        self.indents: list[int] = []

    def emit(self, start: int, end: int, voice: Voice, speaker: str | None = None, depth: int = 0) -> None:
        while start < end and self.text[start].isspace():
            start += 1
        if start < end:
            self.blocks.append(Block(len(self.blocks), start, end, voice, speaker, depth))

    def run(self) -> list[Block]:
        for p in _paragraphs(self.text):
            if not self.comments and _COMMENTS_START.match(p.text):
                self.comments, self.intro = True, None
                self.emit(p.start, p.end, "boilerplate")
            elif self.comments:
                self.comment(p)
            elif not self.quoted(p):
                self.author(p)
        return self.blocks

    def quoted(self, p: _Para) -> bool:
        """Emit ``p`` as part of an open quote; False when the quote has ended."""
        if self.intro is None:
            return False
        stripped = p.text.strip()
        if self.first:
            self.first = False
            self.until_close = stripped[:1] in _OPEN_QUOTES
            self.open_marks = self.straight = 0
        if not self.until_close and (p.gap_before >= 2 or _BOILERPLATE.match(stripped)):
            self.intro = None
            return False
        self.emit(p.start, p.end, "quoted", _speaker(self.intro))
        if self.until_close:
            # Typographic marks open and close; straight ones alternate. The quote ends in the
            # paragraph where they balance, even mid-paragraph ('..., "he said.').
            opened = stripped.count("“") + stripped.count("«")
            closed = stripped.count("”") + stripped.count("»")
            self.open_marks += opened - closed
            self.straight += stripped.count('"')
            if (closed and self.open_marks <= 0) or (self.straight and self.straight % 2 == 0):
                self.intro = None
        return True

    def author(self, p: _Para) -> None:
        for s, e, bp in _split_boilerplate(p):
            self.emit(s, e, "boilerplate" if bp else "author")
        stripped = p.text.strip()
        if stripped.endswith(":") and not _BOILERPLATE.match(stripped):
            self.intro, self.first = stripped, True

    def comment(self, p: _Para) -> None:
        first = p.text.split("\n", 1)[0]
        start = p.start
        m = _COMMENT_MARKER.match(p.text)
        if m:
            indent = len(m.group(1) or m.group(2) or "")
            if indent not in self.indents:
                self.indents = sorted([*self.indents, indent])
            self.depth = self.indents.index(indent) + 1
            self.speaker = None
            after = first.split(".", 1)[1].strip()
            start = p.start + first.index(after) if after else p.start + len(first) + 1
        lines = self.text[start : p.end].split("\n")
        # A short name line followed by a date line introduces the comment.
        if len(lines) >= 2 and _DATE_LINE.match(lines[1]) and len(lines[0].split()) <= 5:
            self.speaker = lines[0].strip()
            head = len(lines[0]) + 1 + len(lines[1])
            self.emit(start, start + head, "boilerplate")
            start += head + 1
        elif _DATE_LINE.match(lines[0]):
            self.emit(start, start + len(lines[0]), "boilerplate")
            start += len(lines[0]) + 1
        if start >= p.end:
            return
        for s, e, bp in _split_boilerplate(_Para(start, p.end, 0, self.text[start : p.end])):
            if bp:
                self.emit(s, e, "boilerplate")
            else:
                self.emit(s, e, "comment", self.speaker, max(self.depth, 1))


_NAME = r"((?:[Tt]he\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of\s+)?[A-Z][\w.&'’-]*){0,5})"
_SAY = (
    r"(?:reports?|reported|writes|wrote|says|said|notes|noted|puts it|put it|describes|described"
    r"|explains|explained|tweeted|posted)"
)
_NOT_SPEAKERS = {"i", "we", "here", "this", "below", "it", "he", "she", "they"}
_SPEAKER_PATTERNS = [
    re.compile(rf"\b(?:[Ww]ritten|[Pp]osted|[Rr]eported)\s+by\s+{_NAME}"),
    re.compile(rf"\b(?:as|from|by)\s+{_NAME}\s+{_SAY}\b"),
    re.compile(rf"\bhow\s+{_NAME}\s+(?:reported|described|put|covered|told|saw)\b"),
    re.compile(rf"\b(?:according to|from|via|source:?)\s+{_NAME}\s*:?\s*$", re.IGNORECASE),
    re.compile(rf"{_NAME}\s+{_SAY}(?:\s+\w+){{0,3}}\s*:?\s*$"),
    re.compile(rf"^\s*{_NAME}\s*:\s*$"),
]


def _speaker(intro: str) -> str | None:
    """The outlet or person an introducing line names ("as the BBC reported:", "Reuters:").

    >>> _speaker("Here is how Reuters described it:")
    'Reuters'
    """
    for pattern in _SPEAKER_PATTERNS:
        m = pattern.search(intro)
        if m and m.group(1).split()[0].lower() not in _NOT_SPEAKERS:
            return m.group(1)
    return None


def dateline(text: str) -> tuple[dt.date, int, int] | None:
    """A publication date on a line of its own near the top, with the line's span.

    >>> dateline("Title\\nPublished: March 14, 2024\\n\\nBody.")[0]
    datetime.date(2024, 3, 14)
    """
    pos = 0
    seen = 0
    for line in text.split("\n"):
        if line.strip():
            seen += 1
            m = _DATELINE.match(line)
            if m:
                raw = m.group("iso") or m.group("mdy") or m.group("dmy")
                for fmt in ("%Y-%m-%d", "%B %d, %Y", "%B %d %Y", "%d %B %Y"):
                    try:
                        return dt.datetime.strptime(raw.strip(), fmt).date(), pos, pos + len(line)
                    except ValueError:
                        continue
            if seen >= DATELINE_LINES:
                break
        pos += len(line) + 1
    return None


def segment_text(text: str) -> tuple[Block, ...]:
    """Cut normalised plain text into blocks, each with a voice; a dateline is boilerplate."""
    blocks = _Segmenter(text).run()
    found = dateline(text)
    if found:
        _, start, end = found
        blocks = [
            Block(b.index, b.start, b.end, "boilerplate") if (b.start, b.end) == (start, end) else b
            for b in blocks
        ]
    return tuple(blocks)

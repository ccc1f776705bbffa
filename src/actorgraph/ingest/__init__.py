"""Ingest: files and folders to :class:`~actorgraph.records.Document` records.

Bad input never raises: it comes out as a :class:`~actorgraph.records.Failure` naming the file
(and line), and the rest of the batch goes on. Misuse (a wrong argument type) still raises.

Example:
    >>> doc = make_document("note.txt", "Russia and Iran met.", None)
    >>> doc.name, len(doc.doc_id)
    ('note.txt', 16)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from actorgraph.ingest.genre import genre_from_label, guess_genre
from actorgraph.ingest.html import parse_html
from actorgraph.ingest.text import DecodeError, dateline, decode, normalise, segment_text
from actorgraph.records import Block, Document, Failure

__all__ = ["SUFFIXES", "document_id", "make_document", "parse_size", "read_paths"]

SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:([kmg])(i)?b?|b)?", re.IGNORECASE)
_UNITS = {"": 0, "k": 1, "m": 2, "g": 3}


def parse_size(text: str) -> int:
    """Bytes from a size as people write it: a whole number of bytes, or with K, KB, KiB, M, MB,
    MiB, G, GB or GiB (KB = 1000 bytes, KiB = 1024); a ValueError names what it cannot read.

    Example:
        >>> parse_size("5MB"), parse_size("64 KiB"), parse_size("1000")
        (5000000, 65536, 1000)
    """
    match = _SIZE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a size (write bytes, or a number with KB, MB or GB)")
    number, unit, binary = match.groups()
    size = int(float(number) * (1024 if binary else 1000) ** _UNITS[(unit or "").lower()])
    if size < 1:
        raise ValueError(f"{text!r} is not a size of 1 byte or more")
    return size


# Larger inputs are refused rather than parsed: one document of this size already costs
# minutes of parsing; split it. Override with ACTORGRAPH_MAX_BYTES ("5MB", "20000000").
_DEFAULT_MAX_BYTES = 5_000_000
try:
    MAX_DOCUMENT_BYTES = parse_size(os.environ.get("ACTORGRAPH_MAX_BYTES") or str(_DEFAULT_MAX_BYTES))
    _MAX_BYTES_MISUSE: str | None = None
except ValueError as _exc:  # raised when reading starts, not at import: `import actorgraph` works
    MAX_DOCUMENT_BYTES, _MAX_BYTES_MISUSE = _DEFAULT_MAX_BYTES, f"ACTORGRAPH_MAX_BYTES: {_exc}"


def document_id(text: str) -> str:
    """A stable id: the hash of the text with whitespace collapsed."""
    canonical = " ".join(text.split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def make_document(
    name: str,
    text: str,
    published: dt.date | None,
    *,
    html: bool = False,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    path: str | None = None,
    default_date: dt.date | None = None,
    genre: str | None = None,
) -> Document:
    """Build a Document from text (or HTML) and its metadata; blocks carry the voices.

    ``genre`` (news, opinion, blog, or a label such as "Opinion") comes from metadata when the
    caller has it; otherwise the page's section, else the text's own cues decide.
    """
    kind = genre_from_label(genre)
    if html:
        page = parse_html(text)
        body, blocks = page.text, page.blocks
        title = title or page.title
        published = published or page.published
        kind = kind or genre_from_label(page.section)
    else:
        body = normalise(text)
        blocks = segment_text(body)
        found = dateline(body) if published is None else None
        published = found[0] if found else published
    # The input's own date (metadata, HTML meta, dateline) wins over the caller's default.
    published = published or default_date
    kind = kind or guess_genre(body, blocks)
    return Document(document_id(body), name, body, blocks, title, url, published, source, path, kind)


def _content_blocks(blocks: Iterable[Block]) -> bool:
    return any(b.voice != "boilerplate" for b in blocks)


def _read_bytes(path: Path) -> bytes | Failure:
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES and path.suffix.lower() != ".jsonl":
            return Failure(str(path), f"file too large ({size} bytes > {MAX_DOCUMENT_BYTES}); split it")
        return path.read_bytes()
    except OSError as exc:
        return Failure(str(path), exc.strerror or str(exc))


def _one_file(path: Path, kind: str, default_date: dt.date | None) -> Iterator[Document | Failure]:
    data = _read_bytes(path)
    if isinstance(data, Failure):
        yield data
        return
    try:
        text = decode(data)
    except DecodeError as exc:
        yield Failure(str(path), str(exc))
        return
    if kind == "jsonl":
        yield from _jsonl(path, text, default_date)
        return
    if not text.strip():
        yield Failure(str(path), "empty document")
        return
    if kind == "text" and re.match(r"\s*(<!doctype html|<html)", text, re.IGNORECASE):
        kind = "html"
    doc = make_document(path.name, text, None, html=kind == "html", path=str(path), default_date=default_date)
    if not _content_blocks(doc.blocks):
        yield Failure(str(path), "no text content")
        return
    yield doc


def _field(rec: dict[str, object], key: str) -> str | None:
    value = rec.get(key)
    return value if isinstance(value, str) and value.strip() else None


def _jsonl(path: Path, text: str, default_date: dt.date | None) -> Iterator[Document | Failure]:
    if not text.strip():
        yield Failure(str(path), "empty document (no JSON lines)")
        return
    # JSON Lines end at "\n" (and "\r\n") only: U+2028 and friends may stand raw in a string.
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = str(path)
        if len(line) > MAX_DOCUMENT_BYTES:
            size = f"{len(line)} characters > {MAX_DOCUMENT_BYTES}"
            yield Failure(where, f"record too large ({size}); split it", number)
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"malformed JSON ({exc.msg} at column {exc.colno})", number)
            continue
        if not isinstance(rec, dict):
            yield Failure(where, "a line must be a JSON object", number)
            continue
        body, html = _field(rec, "text"), False
        if body is None and _field(rec, "html") is not None:
            body, html = _field(rec, "html"), True
        name = str(rec["id"]) if rec.get("id") not in (None, "") else f"{path.name}:{number}"
        if body is None:
            yield Failure(where, "no 'text' or 'html' field with content", number, doc=name)
            continue
        published = None
        # "published" is the name the store uses; "date" came first and stays.
        stamp = rec.get("date") if rec.get("date") not in (None, "") else rec.get("published")
        if stamp not in (None, ""):
            try:
                published = dt.date.fromisoformat(str(stamp)[:10])
            except ValueError:
                yield Failure(where, f"date {stamp!r} is not YYYY-MM-DD", number, doc=name)
                continue
        doc = make_document(
            name,
            body,
            published,
            html=html,
            title=_field(rec, "title"),
            url=_field(rec, "url"),
            source=_field(rec, "source"),
            path=str(path),
            default_date=default_date,
            genre=_field(rec, "genre") or _field(rec, "section"),
        )
        if not _content_blocks(doc.blocks):
            yield Failure(where, "no text content", number, doc=name)
            continue
        yield doc


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if Path(name).suffix.lower() in SUFFIXES and not name.startswith("."):
                yield Path(root) / name


def read_paths(
    paths: Iterable[str | os.PathLike[str]], default_date: dt.date | None = None
) -> Iterator[Document | Failure]:
    """Read files and folders (recursively) in order, yielding documents and failures.

    A named file is read whatever its suffix (as text, or HTML when it looks like HTML);
    inside folders only ``.txt``, ``.text``, ``.html``, ``.htm`` and ``.jsonl`` are read.
    An unreadable ``ACTORGRAPH_MAX_BYTES`` is misuse: a ValueError before any file is read.
    """
    if _MAX_BYTES_MISUSE:
        raise ValueError(_MAX_BYTES_MISUSE)
    return _read(paths, default_date)


def _read(
    paths: Iterable[str | os.PathLike[str]], default_date: dt.date | None
) -> Iterator[Document | Failure]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in _walk(path):
                yield from _one_file(file, SUFFIXES[file.suffix.lower()], default_date)
        elif path.exists():
            yield from _one_file(path, SUFFIXES.get(path.suffix.lower(), "text"), default_date)
        else:
            yield Failure(str(path), "no such file or directory")

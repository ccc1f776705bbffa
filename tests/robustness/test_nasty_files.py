"""A corpus of nasty files, built into tmp_path: each is coded or rejected with a one-line reason.

Huge single lines, deep nesting, NUL bytes, legacy and UTF-16 encodings, mixed scripts, emoji,
and a 10,000-sentence document. Alone or all together in one folder, every file gives exactly
one item (a CodedDocument, or a Failure naming the file) and the batch keeps going.

The 2 MB single line and the 10,000-sentence document take minutes: they are marked ``slow``
and run with ACTORGRAPH_SLOW=1.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import actorgraph.ingest as ingest
from actorgraph import Pipeline
from actorgraph.ingest import read_paths
from actorgraph.records import CodedDocument, Document, Failure
from tests.robustness.checks import check_coded, check_failure, check_outcome

ROOT = Path(__file__).resolve().parents[2]

SENTENCE = "Russia bombed rebel positions near Idlib and Turkey condemned the strikes. "
ENGLISH = (
    "Russia bombed rebel positions near Idlib on Tuesday, Syrian activists said. "
    "Turkey condemned the strikes and called for a ceasefire.\n\n"
)
ARABIC = (
    "قصفت الطائرات الروسية مواقع المعارضة قرب إدلب يوم الثلاثاء. "
    "وقالت وزارة الخارجية التركية إن الهجمات تهدد وقف إطلاق النار. "
    "ودعت الأمم المتحدة جميع الأطراف إلى ضبط النفس وحماية المدنيين. "
    "وأعلن الجيش السوري أنه استعاد السيطرة على عدة قرى في ريف حلب. "
)
RUSSIAN = (
    "Российская авиация нанесла удары по позициям боевиков в провинции Идлиб. "
    "Министерство иностранных дел Турции осудило эти удары и призвало к прекращению огня. "
    "Представитель ООН заявил, что гуманитарная ситуация в регионе остаётся крайне тяжёлой. "
    "По данным местных источников, сотни семей покинули свои дома. "
)
MIXED_SCRIPTS = (
    "Strikes on Idlib draw condemnation\n\n"
    + ENGLISH
    + "The Syrian opposition's statement, in Arabic, read:\n\n"
    + ARABIC * 8
    + "\n\n\nRussian state media put it differently:\n\n"
    + RUSSIAN * 8
    + "\n\n\nIran accused Israel of escalating the war. Jordan closed the border with Syria.\n"
)
EMOJI = (
    "🔥🔥 Russia 🇷🇺 bombed 💣 rebel positions near Idlib 😡😡. Turkey 🇹🇷 condemned the strikes 👎🏽. "
    "👩\u200d👩\u200d👧 Families fled to the border 🏃\u200d♀️🏃\u200d♂️✨ #Syria 🙏🏻🙏🏿\n\n"
) * 30


def _deep(depth: int) -> bytes:
    inner = "<p>Russia bombed rebel positions near Idlib.</p>"
    return f"<html><body>{'<div>' * depth}{inner}{'</div>' * depth}</body></html>".encode()


def _nul_late() -> bytes:
    # Past the first 8 KB, which decode() inspects for NUL bytes: the NUL is dropped, not fatal.
    head = (ENGLISH * 80).encode()
    assert len(head) > 8192
    return head + b"Iran condemned\x00 Israel.\n"


def _utf16_be_with_bom() -> bytes:
    return b"\xfe\xff" + (ENGLISH + RUSSIAN).encode("utf-16-be")


@dataclass(frozen=True)
class Nasty:
    """One nasty file: its bytes, and what must come of it."""

    make: Callable[[], bytes]
    # True: a CodedDocument; False: a Failure whose reason contains ``reason``; None: either.
    coded: bool | None
    reason: str = ""
    events: bool = True  # a coded file has an English event in it


NASTY: dict[str, Nasty] = {
    # Today "no text content" (libxml2 drops everything below depth 255, see the xfail test
    # below); once fixed, the text is kept or the reason names the nesting: either will do.
    "deep-5000.html": Nasty(lambda: _deep(5_000), coded=None),
    "deep-100000.html": Nasty(lambda: _deep(100_000), coded=None),
    "nul-early.txt": Nasty(lambda: (ENGLISH + "Iran\x00 condemned Israel.").encode(), False, "NUL"),
    "nul-late.txt": Nasty(_nul_late, coded=True),
    "russian-cp1251.txt": Nasty(lambda: RUSSIAN.encode("cp1251"), coded=False, reason="not UTF-8"),
    "utf16-le-bom.txt": Nasty(lambda: (ENGLISH + RUSSIAN).encode("utf-16"), coded=True),
    "utf16-be-bom.txt": Nasty(_utf16_be_with_bom, coded=True),
    # No BOM: English UTF-16 is full of NUL bytes, so it is refused as binary (see the report:
    # the reason could say "UTF-16 without a BOM").
    "utf16-le-no-bom.txt": Nasty(lambda: (ENGLISH + RUSSIAN).encode("utf-16-le"), False, "NUL"),
    "utf16-odd-length.txt": Nasty(lambda: "Iran.".encode("utf-16") + b"\x00", False, "invalid UTF-16"),
    "utf16-lone-surrogate.txt": Nasty(lambda: b"\xff\xfe" + b"\x00\xd8" + "x".encode("utf-16-le"),
                                      coded=False, reason="invalid UTF-16"),
    "mixed-scripts.txt": Nasty(lambda: MIXED_SCRIPTS.encode(), coded=True),
    "emoji.txt": Nasty(lambda: EMOJI.encode(), coded=True),
    # Longer than parse.MAX_CHUNK_CHARS (20,000): parsed in pieces cut at sentence ends, or at
    # the hard limit when there is no space at all.
    "line-50k.txt": Nasty(lambda: (SENTENCE * (50_000 // len(SENTENCE) + 1))[:50_000].encode(), True),
    "no-spaces-120k.txt": Nasty(lambda: ("Russia" * 20_000).encode(), coded=True, events=False),
    "wire.jsonl": Nasty(lambda: b'{"id": "w1", "text": "Iran condemned Israel.\\u0000\\u202e"}\n', True),
}


def one(pipeline: Pipeline, path: Path) -> CodedDocument | Failure:
    """Read and code one file: exactly one item, which must be well-formed."""
    items = list(read_paths([path]))
    assert len(items) == 1, items
    out = list(pipeline.run(items))
    assert len(out) == 1, out
    check_outcome(out[0], path)
    return out[0]


def write_line(path: Path, size: int) -> None:
    """A single line of ``size`` bytes, no newline, written in pieces."""
    block = (SENTENCE * (1_000_000 // len(SENTENCE))).encode()
    with path.open("wb") as f:
        left = size
        while left > 0:
            f.write(block[: min(left, len(block))])
            left -= len(block)
    assert path.stat().st_size == size


# --- one nasty file at a time -----------------------------------------------------------------


@pytest.mark.parametrize("name", list(NASTY))
def test_nasty_file_is_coded_or_rejected_with_a_one_line_reason(
    pipeline: Pipeline, tmp_path: Path, name: str
) -> None:
    nasty = NASTY[name]
    path = tmp_path / name
    path.write_bytes(nasty.make())
    item = one(pipeline, path)
    if nasty.coded is None:
        return  # coded or rejected: check_outcome has checked it is one or the other, well-formed
    if nasty.coded:
        assert isinstance(item, CodedDocument), item
        assert item.document.path == str(path)
        assert bool(item.events) == nasty.events, item.events[:3]
    else:
        assert isinstance(item, Failure), item
        check_failure(item, path)
        assert nasty.reason in item.reason, item.message()


def test_utf16_with_a_bom_decodes_to_the_same_text(tmp_path: Path) -> None:
    for name in ("utf16-le-bom.txt", "utf16-be-bom.txt"):
        path = tmp_path / name
        path.write_bytes(NASTY[name].make())
        [doc] = read_paths([path])
        assert isinstance(doc, Document)
        assert doc.text == unicodedata.normalize("NFC", ENGLISH + RUSSIAN)


def test_nul_byte_after_the_first_8kb_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "nul-late.txt"
    path.write_bytes(_nul_late())
    [doc] = read_paths([path])
    assert isinstance(doc, Document)
    assert "\x00" not in doc.text
    assert doc.text.endswith("Iran condemned Israel.\n")


def test_mixed_scripts_keep_their_passages_and_code_only_the_english(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    path = tmp_path / "mixed-scripts.txt"
    path.write_bytes(MIXED_SCRIPTS.encode())
    item = one(pipeline, path)
    assert isinstance(item, CodedDocument)
    text = item.document.text
    assert unicodedata.normalize("NFC", ARABIC.strip()) in text
    assert unicodedata.normalize("NFC", RUSSIAN.strip()) in text
    assert {"bombed", "condemned", "accused"} <= {e.trigger.text for e in item.events}
    assert all(e.trigger.text.isascii() for e in item.events), [e.trigger for e in item.events]
    # The excerpts are quoted voice: the colon lines introduce them.
    arabic_at = text.index(ARABIC[:20])
    assert any(b.voice == "quoted" and b.start <= arabic_at < b.end for b in item.document.blocks)


def test_emoji_do_not_shift_spans(pipeline: Pipeline, tmp_path: Path) -> None:
    path = tmp_path / "emoji.txt"
    path.write_bytes(EMOJI.encode())
    item = one(pipeline, path)
    assert isinstance(item, CodedDocument)
    check_coded(item)
    # Emoji between subject and verb ("Russia 🇷🇺 bombed") can cost the parse; spans stay exact.
    assert "condemned" in {e.trigger.text for e in item.events}


# --- deep nesting -----------------------------------------------------------------------------


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="src bug: libxml2 (lxml.html.document_fromstring in ingest/html.py parse_html) stops "
    "building the tree at nesting depth 255 and parse_html silently drops the rest of the page, "
    "including text after the nest at depth 1; no Failure says why",
)
def test_text_after_a_deep_nest_is_kept_or_the_page_is_rejected_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text(
        "<html><body><p>Iran condemned Israel.</p>"
        + "<div>" * 300
        + "<p>Russia bombed rebel positions near Idlib.</p>"
        + "</div>" * 300
        + "<p>Turkey shelled Azaz.</p></body></html>",
        encoding="utf-8",
    )
    [item] = read_paths([path])
    if isinstance(item, Failure):
        check_failure(item, path)
        assert "nest" in item.reason or "deep" in item.reason, item.message()
    else:
        assert "Russia bombed" in item.text and "Turkey shelled Azaz." in item.text, item.text


def test_xhtml_with_an_xml_declaration_is_read(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        "<body><p>Russia bombed rebel positions near Idlib.</p></body></html>",
        encoding="utf-8",
    )
    [item] = read_paths([path])
    assert isinstance(item, Document), item
    assert item.text == "Russia bombed rebel positions near Idlib."


# --- size limits ------------------------------------------------------------------------------


def test_50mb_single_line_is_refused_naming_the_size_limit(pipeline: Pipeline, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    write_line(path, 50 * 1024 * 1024)
    item = one(pipeline, path)
    assert isinstance(item, Failure)
    check_failure(item, path)
    assert "file too large" in item.reason
    assert f"{50 * 1024 * 1024} bytes" in item.reason
    assert str(ingest.MAX_DOCUMENT_BYTES) in item.reason


def test_raising_the_limit_lets_a_big_file_through(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    write_line(path, 200_000)
    monkeypatch.setattr(ingest, "MAX_DOCUMENT_BYTES", 100_000)
    [refused] = read_paths([path])
    assert isinstance(refused, Failure) and "100000" in refused.reason
    monkeypatch.setattr(ingest, "MAX_DOCUMENT_BYTES", 300_000)
    [doc] = read_paths([path])
    assert isinstance(doc, Document) and len(doc.text) == 200_000


def test_max_bytes_comes_from_the_environment(tmp_path: Path) -> None:
    small, big = tmp_path / "small.txt", tmp_path / "big.txt"
    small.write_text("Iran condemned Israel.\n", encoding="utf-8")
    write_line(big, 2_000)
    script = (
        "import sys; from actorgraph.ingest import MAX_DOCUMENT_BYTES, read_paths\n"
        "print(MAX_DOCUMENT_BYTES)\n"
        "for item in read_paths(sys.argv[1:]): print(type(item).__name__, getattr(item, 'reason', ''))\n"
    )
    env = {**os.environ, "ACTORGRAPH_MAX_BYTES": "1000", "PYTHONPATH": str(ROOT / "src")}
    run = subprocess.run([sys.executable, "-c", script, str(small), str(big)], env=env, check=True,
                         capture_output=True, text=True)
    assert run.stdout.splitlines() == [
        "1000", "Document ", "Failure file too large (2000 bytes > 1000); split it"]


def test_an_unreadable_max_bytes_is_a_one_line_error_before_any_store_is_made(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Iran condemned Israel.\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    env = {**os.environ, "ACTORGRAPH_MAX_BYTES": "plenty", "PYTHONPATH": str(ROOT / "src")}
    cli = "import sys; from actorgraph.cli import main; sys.exit(main())"
    run = subprocess.run([sys.executable, "-c", cli, "ingest", str(good), "--db", str(db)],
                         env=env, capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stderr.splitlines() == [
        "actorgraph: error: ACTORGRAPH_MAX_BYTES: 'plenty' is not a size"
        " (write bytes, or a number with KB, MB or GB)"]
    assert not db.exists()


def test_a_jsonl_record_over_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_DOCUMENT_BYTES", 1_000)
    path = tmp_path / "wire.jsonl"
    big = (SENTENCE * 40)[:2_000]
    lines = ['{"id": "small", "text": "Iran condemned Israel."}', json.dumps({"id": "big", "text": big})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    small, refused = read_paths([path])
    assert isinstance(small, Document)
    assert isinstance(refused, Failure), refused
    check_failure(refused, path, line=2)
    assert "too large" in refused.reason


@pytest.mark.slow
def test_2mb_single_line_is_allowed_and_codes(pipeline: Pipeline, tmp_path: Path) -> None:
    """A large but allowed document (under the 5 MB default): slow (~3 min), but it codes."""
    path = tmp_path / "line-2mb.txt"
    # Sparse in events, as real text is: one event sentence in fifty.
    filler = "The weather in the valley was mild and the markets in the capital stayed calm. "
    unit = (filler * 49 + SENTENCE).encode()
    data = (unit * (2_000_000 // len(unit) + 1))[:2_000_000]
    path.write_bytes(data[: data.rfind(b" ")])
    assert path.stat().st_size <= ingest.MAX_DOCUMENT_BYTES
    item = one(pipeline, path)
    assert isinstance(item, CodedDocument)
    assert "\n" not in item.document.text
    assert len(item.events) > 100


# --- a long document --------------------------------------------------------------------------

ACTORS = ["Russia", "Iran", "Turkey", "The Syrian army", "Rebels", "Assad", "Putin", "Erdogan",
          "The United Nations", "Israel", "Hezbollah", "Jordan", "Egypt", "France", "The United States",
          "Ukrainian troops", "Protesters"]
VERBS = ["bombed", "condemned", "met with", "praised", "accused", "shelled", "criticized", "visited",
         "threatened", "signed an agreement with", "urged", "welcomed", "attacked", "negotiated with",
         "rejected a proposal from"]
TARGETS = ["Russia", "Iran", "Turkey", "rebel positions", "Assad", "the Kurdish militia", "Israel",
           "Hezbollah", "Jordan", "Egypt", "France", "the United States", "civilians", "the opposition",
           "Ukraine", "NATO"]
PLACES = ["", " near Idlib", " in Aleppo", " in Damascus", " outside Homs", " in Ankara", " in Moscow",
          " in Tehran", " in Cairo"]
TIMES = ["", " on Tuesday", " last week", " in March", " on 14 March 2024", " yesterday"]


def long_article(sentences: int, seed: int = 7) -> str:
    """Varied sentences about actors, ten to a paragraph; some quoted, some without events."""
    rng = random.Random(seed)
    out = []
    for i in range(sentences):
        actor = rng.choice(ACTORS)
        target = rng.choice([t for t in TARGETS if t.lower() != actor.lower()])
        s = f"{actor} {rng.choice(VERBS)} {target}{rng.choice(PLACES)}{rng.choice(TIMES)}."
        if i % 7 == 3:
            s = f'"{s[:-1]}," an official said.'
        if i % 11 == 5:
            s = "The weather was mild and the markets were calm."
        out.append(s)
    return "\n\n".join(" ".join(out[i : i + 10]) for i in range(0, sentences, 10)) + "\n"


@pytest.mark.slow
def test_10000_sentence_document_codes(pipeline: Pipeline, tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(long_article(10_000), encoding="utf-8")
    item = one(pipeline, path)
    assert isinstance(item, CodedDocument)
    assert len(item.sentences) >= 9_000
    assert len(item.events) >= 5_000
    assert len({e.code for e in item.events}) >= 10


def test_1000_sentence_document_codes(pipeline: Pipeline, tmp_path: Path) -> None:
    """The quick cousin of the 10,000-sentence document, for the default run."""
    path = tmp_path / "long.txt"
    path.write_text(long_article(1_000), encoding="utf-8")
    item = one(pipeline, path)
    assert isinstance(item, CodedDocument)
    assert len(item.events) >= 500


# --- all of them in one batch -----------------------------------------------------------------


def test_the_whole_corpus_in_one_batch_keeps_going(pipeline: Pipeline, tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, nasty in NASTY.items():
        (folder / name).write_bytes(nasty.make())
    write_line(folder / "huge-50mb.txt", 50 * 1024 * 1024)
    (folder / "long-1000.txt").write_text(long_article(1_000), encoding="utf-8")
    files = sorted(str(p) for p in folder.iterdir())
    out = list(pipeline.run(read_paths([folder])))
    assert len(out) == len(files)
    paths = [item.document.path if isinstance(item, CodedDocument) else item.path for item in out]
    assert paths == files  # one item per file, in path order
    for item, path in zip(out, files, strict=True):
        check_outcome(item, Path(path))
        name = Path(path).name
        expected = NASTY[name].coded if name in NASTY else name.startswith("long")
        if expected is not None:
            assert isinstance(item, CodedDocument) == expected, item
    assert any(isinstance(item, Failure) for item in out) and any(isinstance(i, CodedDocument) for i in out)


# --- nasty names ------------------------------------------------------------------------------


def test_a_newline_in_a_file_name_does_not_break_the_one_line_message(tmp_path: Path) -> None:
    bad = tmp_path / "evil\nname.txt"
    bad.write_bytes(b"")
    [failure] = read_paths([tmp_path])
    assert isinstance(failure, Failure)
    assert "\n" not in failure.message(), failure.message()

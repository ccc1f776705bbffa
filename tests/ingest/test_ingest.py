"""read_paths over files and folders: good documents, and bad input as one-line failures."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import actorgraph.ingest as ingest
from actorgraph.ingest import document_id, make_document, read_paths
from actorgraph.records import Document, Failure

GOOD_TEXT = "Russia bombed rebel positions near Idlib on Tuesday.\n"
OTHER_TEXT = "Iran condemned the Israeli air strikes on Damascus.\n"


def read(*paths: Path | str, default_date: dt.date | None = None) -> list[Document | Failure]:
    return list(read_paths([str(p) for p in paths], default_date))


def docs(items: list[Document | Failure]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def failures(items: list[Document | Failure]) -> list[Failure]:
    return [i for i in items if isinstance(i, Failure)]


def jsonl(path: Path, *records: object) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- good input -------------------------------------------------------------------------------

def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Syria talks\n\nPublished: March 14, 2024\n\n" + GOOD_TEXT, encoding="utf-8")
    [doc] = read(path)
    assert isinstance(doc, Document)
    assert doc.name == "note.txt"
    assert doc.path == str(path)
    assert doc.published == dt.date(2024, 3, 14)
    assert "Russia bombed rebel positions" in doc.text
    assert doc.doc_id == document_id(doc.text)
    assert [b.voice for b in doc.blocks] == ["author", "boilerplate", "author"]


def test_html_file(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Strikes</title>"
        '<meta property="article:published_time" content="2024-04-10T08:00:00Z"></head>'
        "<body><nav>Home</nav><p>Israeli jets struck Damascus.</p>"
        "<blockquote>Iran condemned it.<cite>IRNA</cite></blockquote></body></html>",
        encoding="utf-8",
    )
    [doc] = read(path)
    assert isinstance(doc, Document)
    assert (doc.name, doc.title, doc.published) == ("page.html", "Strikes", dt.date(2024, 4, 10))
    assert doc.text == "Israeli jets struck Damascus.\n\nIran condemned it."
    assert [(b.voice, b.speaker) for b in doc.blocks] == [("author", None), ("quoted", "IRNA")]


def test_jsonl_file(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "wire.jsonl",
        {"id": "w-1", "title": "Strike", "url": "https://example.org/1", "date": "2024-04-12",
         "source": "Wire", "text": GOOD_TEXT},
        {"id": "w-2", "date": "2024-04-15T09:30:00Z", "html": "<p>Jordan closed the border.</p>"
         "<nav>Menu</nav>"},
        {"text": OTHER_TEXT},
    )
    items = read(path)
    assert not failures(items)
    one, two, three = docs(items)
    assert (one.name, one.title, one.url, one.published, one.source, one.path) == (
        "w-1", "Strike", "https://example.org/1", dt.date(2024, 4, 12), "Wire", str(path))
    assert (two.name, two.published, two.text) == ("w-2", dt.date(2024, 4, 15),
                                                    "Jordan closed the border.")
    assert three.name == "wire.jsonl:3"  # no id: file and line
    assert three.published is None


def test_jsonl_numeric_id_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "w.jsonl"
    path.write_text(f'\n{json.dumps({"id": 7, "text": GOOD_TEXT})}\n\n'
                    f'{json.dumps({"text": OTHER_TEXT})}\n', encoding="utf-8")
    assert [d.name for d in docs(read(path))] == ["7", "w.jsonl:4"]


def test_text_file_that_is_html_is_parsed_as_html(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text("<!DOCTYPE html><html><body><nav>Menu</nav><p>Turkey shelled Azaz.</p>"
                    "</body></html>", encoding="utf-8")
    [doc] = read(path)
    assert isinstance(doc, Document)
    assert doc.text == "Turkey shelled Azaz."


@pytest.mark.parametrize(
    ("suffix", "data"),
    [(".txt", GOOD_TEXT.encode()), (".text", GOOD_TEXT.encode()),
     (".TXT", GOOD_TEXT.encode()), (".md", GOOD_TEXT.encode()),
     (".txt", b"\xef\xbb\xbf" + GOOD_TEXT.encode()), (".txt", GOOD_TEXT.encode("utf-16")),
     (".txt", GOOD_TEXT.replace("\n", "\r\n").encode())],
    ids=["txt", "text", "upper", "named-md", "bom", "utf-16", "crlf"],
)
def test_named_text_files_give_the_same_document(tmp_path: Path, suffix: str, data: bytes) -> None:
    path = tmp_path / f"doc{suffix}"
    path.write_bytes(data)
    [doc] = read(path)
    assert isinstance(doc, Document)
    assert doc.text == GOOD_TEXT
    assert doc.doc_id == document_id(GOOD_TEXT)


# --- folders ----------------------------------------------------------------------------------

def test_folder_walk_is_sorted_recursive_and_skips_other_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    files = {
        "z.txt": GOOD_TEXT, "b/m.html": "<p>Iran condemned Israel.</p>",
        "a/deep/x.jsonl": json.dumps({"id": "jx", "text": OTHER_TEXT}),
        "a/c.htm": "<p>Turkey shelled Azaz.</p>", "a/y.text": "Jordan closed the border.",
        "README.md": "# not a document", "notes.docx": "nope", "data.json": "{}",
        ".draft.txt": "A hidden draft.", ".hidden/h.txt": "Hidden folder.",
        "b/image.png": "not really",
    }
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    items = read(tmp_path)
    assert not failures(items)
    # Top-down: a folder's own files (sorted by name), then its sub-folders (sorted by name).
    assert [Path(d.path or "").relative_to(tmp_path).as_posix() for d in docs(items)] == [
        "z.txt", "a/c.htm", "a/y.text", "a/deep/x.jsonl", "b/m.html"]
    assert [d.name for d in docs(items)] == ["z.txt", "c.htm", "y.text", "jx", "m.html"]


def test_empty_folder_gives_nothing(tmp_path: Path) -> None:
    assert read(tmp_path) == []


def test_paths_are_read_in_the_order_given(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER_TEXT, encoding="utf-8")
    assert [d.name for d in docs(read(tmp_path / "b.txt", tmp_path / "a.txt"))] == [
        "b.txt", "a.txt"]


# --- bad input --------------------------------------------------------------------------------

BAD_FILES = [
    pytest.param("blob.txt", b"\x00\x01\x02\x03binary\x00data", None, "binary", id="binary"),
    pytest.param("empty.txt", b"", None, "empty", id="empty"),
    pytest.param("empty.html", b"", None, "empty", id="empty-html"),
    pytest.param("blank.txt", b"  \n\n\t  \r\n", None, "empty", id="whitespace-only"),
    pytest.param("russian.txt", "Россия бомбила позиции в Идлибе.".encode("cp1251"), None,
                 "not UTF-8", id="cp1251"),
    pytest.param("only-nav.html", b"<html><body><nav>Menu</nav></body></html>", None,
                 "no text content", id="html-without-content"),
    pytest.param("only-reply.txt", b"Reply\n\nLeave a Reply\n", None, "no text content",
                 id="boilerplate-only"),
    pytest.param("w.jsonl", b'{"id": "ok-1", "text": "Russia bombed Idlib."}\n{"id": "bad", "te',
                 2, "malformed JSON", id="jsonl-malformed"),
    pytest.param("w.jsonl", b'{"id": "ok-1", "text": "Russia bombed Idlib."}\n'
                 b'{"id": "nobody", "title": "t"}\n', 2, "no 'text' or 'html'",
                 id="jsonl-no-text"),
    pytest.param("w.jsonl", b'{"id": "ok-1", "text": "Russia bombed Idlib."}\n'
                 b'{"id": "ws", "text": "   "}\n', 2, "no 'text' or 'html'",
                 id="jsonl-blank-text"),
    pytest.param("w.jsonl", b'\n{"id": "d", "text": "Russia bombed Idlib.", "date": "14/03/2024"}',
                 2, "not YYYY-MM-DD", id="jsonl-bad-date"),
    pytest.param("w.jsonl", b'{"id": "d", "text": "Russia bombed Idlib.", "date": "2024-02-30"}',
                 1, "not YYYY-MM-DD", id="jsonl-impossible-date"),
    pytest.param("w.jsonl", b'["Russia bombed Idlib."]\n', 1, "JSON object", id="jsonl-array"),
    pytest.param("w.jsonl", b'"just a string"\n', 1, "JSON object", id="jsonl-string"),
    pytest.param("w.jsonl", "{\"text\": \"Россия\"}".encode("cp1251"), None, "not UTF-8",
                 id="jsonl-cp1251"),
]


@pytest.mark.parametrize(("name", "data", "line", "reason"), BAD_FILES)
def test_bad_input_is_one_failure_and_the_batch_goes_on(
    tmp_path: Path, name: str, data: bytes, line: int | None, reason: str
) -> None:
    before, after = tmp_path / "before.txt", tmp_path / "zz-after.txt"
    before.write_text(GOOD_TEXT, encoding="utf-8")
    after.write_text(OTHER_TEXT, encoding="utf-8")
    bad = tmp_path / name
    bad.write_bytes(data)
    items = read(before, bad, after)
    [failure] = failures(items)
    message = failure.message()
    assert "\n" not in message
    assert failure.path == str(bad)
    assert failure.line == line
    where = str(bad) if line is None else f"{bad}:{line}"
    assert message.startswith(f"{where}: ")
    assert reason in message
    # The good documents of the same call still come out, in order around the failure.
    names = [i.name if isinstance(i, Document) else "FAIL" for i in items]
    assert names[0] == "before.txt" and names[-1] == "zz-after.txt"
    assert names.count("FAIL") == 1


def test_malformed_jsonl_line_does_not_stop_the_rest_of_the_file(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "w.jsonl",
        {"id": "a", "text": GOOD_TEXT},
        '{"id": "b", "text": "unterminated',
        ["an", "array"],
        {"id": "c", "text": OTHER_TEXT, "date": "yesterday"},
        {"id": "d", "text": OTHER_TEXT},
    )
    items = read(path)
    assert [d.name for d in docs(items)] == ["a", "d"]
    assert [(f.line, f.doc) for f in failures(items)] == [(2, None), (3, None), (4, "c")]
    assert [f.message().split(": ", 1)[0] for f in failures(items)] == [
        f"{path}:2", f"{path}:3", f"{path}:4"]


def test_missing_path(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    missing = tmp_path / "nope" / "missing.txt"
    items = read(missing, good)
    assert isinstance(items[0], Failure)
    assert items[0].message() == f"{missing}: no such file or directory"
    assert [d.name for d in docs(items)] == ["good.txt"]


def test_file_too_large_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_DOCUMENT_BYTES", 10)
    big = tmp_path / "big.txt"
    big.write_text(GOOD_TEXT, encoding="utf-8")
    [failure] = read(big)
    assert isinstance(failure, Failure)
    assert failure.message().startswith(f"{big}: file too large")


@pytest.mark.parametrize(("text", "size"), [
    ("5000000", 5_000_000), ("5MB", 5_000_000), ("5 mb", 5_000_000), ("5M", 5_000_000),
    ("2.5MB", 2_500_000), ("64KiB", 65_536), ("1GiB", 1024**3), ("1 G", 10**9), ("300b", 300),
])
def test_sizes_are_read_as_people_write_them(text: str, size: int) -> None:
    assert ingest.parse_size(text) == size


@pytest.mark.parametrize("text", ["lots", "", "5 TB", "-5MB", "0", "0.0001KB", "5MB of text"])
def test_a_size_that_is_not_one_is_a_value_error_quoting_it(text: str) -> None:
    with pytest.raises(ValueError, match="is not a size"):
        ingest.parse_size(text)


def test_bad_files_inside_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a-good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "b-binary.txt").write_bytes(b"\x00\xff\x00\xfe")
    (tmp_path / "c-empty.txt").write_bytes(b"")
    (tmp_path / "d-russian.txt").write_bytes("Привет".encode("cp1251"))
    jsonl(tmp_path / "e-wire.jsonl", {"id": "w1", "text": OTHER_TEXT}, "{oops")
    items = read(tmp_path)
    assert [d.name for d in docs(items)] == ["a-good.txt", "w1"]
    assert [Path(f.path).name + (f":{f.line}" if f.line else "") for f in failures(items)] == [
        "b-binary.txt", "c-empty.txt", "d-russian.txt", "e-wire.jsonl:2"]
    assert all("\n" not in f.message() for f in failures(items))


def test_empty_jsonl_file_is_a_failure(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    [failure] = read(empty)
    assert isinstance(failure, Failure)
    assert failure.message().startswith(f"{empty}: ")


@pytest.mark.parametrize(
    ("name", "data"),
    [("comment.html", b"<!-- draft -->"), ("doctype.html", b"<!DOCTYPE html>"),
     ("w.jsonl", b'{"id": "h", "html": "<!-- nothing -->"}\n')],
    ids=["comment-only-html", "doctype-only-html", "jsonl-comment-only-html"],
)
def test_html_without_any_element_is_a_failure(tmp_path: Path, name: str, data: bytes) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    items = read(bad, good)
    [failure] = failures(items)
    assert failure.path == str(bad)
    assert [d.name for d in docs(items)] == ["good.txt"]


# --- identity and dates -----------------------------------------------------------------------

def test_same_text_twice_gives_the_same_doc_id(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "two.txt").write_text(GOOD_TEXT.replace(" ", "  ").replace("\n", "\r\n"),
                                      encoding="utf-8")
    jsonl(tmp_path / "three.jsonl", {"id": "x", "text": GOOD_TEXT})
    (tmp_path / "other.txt").write_text(OTHER_TEXT, encoding="utf-8")
    by_name = {d.name: d.doc_id for d in docs(read(tmp_path))}
    assert by_name["one.txt"] == by_name["two.txt"] == by_name["x"]
    assert by_name["other.txt"] != by_name["one.txt"]
    # Reading again gives the same ids.
    assert {d.name: d.doc_id for d in docs(read(tmp_path))} == by_name


def test_document_id_ignores_whitespace_only() -> None:
    assert document_id("Russia  bombed\nIdlib.") == document_id(" Russia bombed Idlib. ")
    assert document_id("Russia bombed Idlib.") != document_id("Russia bombed Aleppo.")
    assert len(document_id("x")) == 16


def test_make_document_uses_the_dateline_when_no_date_is_given() -> None:
    doc = make_document("n", "Title\nMarch 14, 2024\n\nRussia bombed Idlib.", None)
    assert doc.published == dt.date(2024, 3, 14)


DEFAULT = dt.date(2020, 1, 1)


def test_default_date_applies_to_undated_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>Iran condemned Israel.</p>", encoding="utf-8")
    jsonl(tmp_path / "c.jsonl", {"id": "undated", "text": OTHER_TEXT},
          {"id": "dated", "text": GOOD_TEXT, "date": "2024-04-12"})
    got = {d.name: d.published for d in docs(read(tmp_path, default_date=DEFAULT))}
    assert got == {"a.txt": DEFAULT, "b.html": DEFAULT, "undated": DEFAULT,
                   "dated": dt.date(2024, 4, 12)}
    assert {d.published for d in docs(read(tmp_path))} == {None, dt.date(2024, 4, 12)}


@pytest.mark.parametrize(
    ("name", "content", "own"),
    [("dated.txt", "Syria talks\nPublished: March 14, 2024\n\n" + GOOD_TEXT,
      dt.date(2024, 3, 14)),
     ("dated.html", '<html><head><meta property="article:published_time" '
      'content="2024-06-08T07:30:00+00:00"></head><body><p>Iran condemned Israel.</p></body>'
      "</html>", dt.date(2024, 6, 8))],
    ids=["txt-dateline", "html-meta"],
)
def test_default_date_does_not_override_the_inputs_own_date(
    tmp_path: Path, name: str, content: str, own: dt.date
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    [doc] = read(path, default_date=DEFAULT)
    assert isinstance(doc, Document)
    assert doc.published == own

"""Property-based fuzzing of ingest and coding: bad input never raises, it becomes a Failure.

The contract: bad input gets a clear one-line error naming the file (and line), the rest of
the batch goes on, nothing crashes, and every rejected document has a recorded reason. Coded
documents keep every span exact: ``document.text[start:end] == span.text``.

Each property runs a few dozen examples; ``ACTORGRAPH_FUZZ=long`` runs 1000+ each.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from actorgraph import Pipeline
from actorgraph.ingest import make_document, read_paths
from actorgraph.records import CodedDocument, Document, Failure
from tests.robustness.checks import check_coded, check_document, check_failure, check_outcome, outcome
from tests.robustness.conftest import budget

# --- helpers ---------------------------------------------------------------------------------


@contextmanager
def scratch() -> Iterator[Path]:
    """A fresh folder per example (function-scoped fixtures do not reset between examples)."""
    with tempfile.TemporaryDirectory(prefix="ag-fuzz-") as folder:
        yield Path(folder)


# --- 1. random bytes into read_paths ----------------------------------------------------------

BOMS = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"]
NASTY_CHARS = (
    "aRus ia.,;:!?\"'“”«»\n\n\t\r\x00\x0b\x0c\x1c\x85\u2028\u2029\u200d\u200f\u202e\u0301"
    "\ufeff\ufffd😀🇷🇺Россиясوريا<>&/{}[]"
)


def _splice(text: str, position: int, bad: bytes) -> bytes:
    data = text.encode()
    cut = position % (len(data) + 1)
    return data[:cut] + bad + data[cut:]


random_bytes = st.one_of(
    st.binary(max_size=3000),
    st.builds(lambda bom, body: bom + body, st.sampled_from(BOMS), st.binary(max_size=500)),
    st.text(alphabet=NASTY_CHARS, max_size=400).map(lambda s: s.encode("utf-8")),
    st.text(alphabet=NASTY_CHARS, max_size=200).map(lambda s: s.encode("utf-16")),
    st.text(alphabet=NASTY_CHARS, max_size=200).map(lambda s: s.encode("utf-16-le")),
    st.text(alphabet="абвгдРоссия .,\n", max_size=200).map(lambda s: s.encode("cp1251")),
    # Valid UTF-8 with one bad byte sequence spliced in somewhere.
    st.builds(
        _splice,
        st.text(alphabet=NASTY_CHARS, max_size=200),
        st.integers(min_value=0, max_value=400),
        st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\xe2\x82"]),
    ),
    # Line-shaped input, the way JSONL and text files come.
    st.lists(
        st.sampled_from(
            [b'{"id": "a", "text": "Russia bombed Idlib."}', b"{", b"[]", b"null", b'{"text": 5}', b"",
             b"   ", b'{"text": "x", "date": "2024-02-30"}', b"<p>Iran condemned Israel.</p>",
             b'{"html": "<p>Turkey shelled Azaz.</p>"}', b"\xff\xfe", b"\x00"]
        ),
        max_size=8,
    ).map(b"\n".join),
)


@settings(max_examples=budget(100))
@given(data=random_bytes, suffix=st.sampled_from([".txt", ".html", ".jsonl"]))
def test_random_bytes_never_raise_and_failures_name_the_file(data: bytes, suffix: str) -> None:
    with scratch() as folder:
        path = folder / f"fuzz{suffix}"
        path.write_bytes(data)
        items = list(read_paths([path]))
        assert items, "every file gives at least one item"
        if suffix != ".jsonl":
            assert len(items) == 1, items
        for item in items:
            if isinstance(item, Failure):
                check_failure(item, path)
                assert item.line is None or (suffix == ".jsonl" and item.line >= 1), item
            else:
                assert isinstance(item, Document), item
                assert item.path == str(path)
                check_document(item)


# --- 2. random HTML through the whole pipeline ------------------------------------------------

SENTENCES = [
    "Russia bombed rebel positions near Idlib.",
    "Iran condemned the Israeli air strikes on Damascus.",
    "Turkey shelled Azaz on Tuesday.",
    "Assad said the rebels would be crushed.",
    '"We will not retreat," the minister said.',
    "Jordan closed the border with Syria in March 2024.",
    "The United Nations urged both sides to talk.",
    "Rebels took back Kinsibb.",
]
ENTITIES = ["&amp;", "&lt;", "&gt;", "&nbsp;", "&#8220;", "&#x27;", "&quot;", "&bogus;", "&#0;",
            "&#xD800;", "&#x110000;", "&", "&#", "&#x;", "&mdash;"]
JUNK = ["</div>", "</p>", "<!--", "-->", "<!-- note -->", "<![CDATA[x]]>", "<p", "<<", ">", "<br/>",
        "<?php echo 1 ?>", "<!DOCTYPE html>", "</html>", "<body>", "\x00", "\r\n", "\u2028", "\x7f\x85"]
TAGS = ["div", "p", "a", "img", "span", "blockquote", "cite", "script", "style", "ul", "li", "article",
        "nav", "b", "br", "h2", "td", "time", "meta", "section", "footer", "noscript", "template"]
# C0 control characters included: after a <script> they once crashed parse_html (see
# test_control_character_after_a_script_does_not_stop_the_batch).
HTML_CHARS = NASTY_CHARS
ATTR_NAMES = ["class", "id", "href", "src", "alt", "datetime", "content", "property", "onclick", "style"]
ATTR_VALUES = st.one_of(
    st.sampled_from(["comment", "depth-2", "post", "share", "related", "fn", "comments", "disqus_thread",
                     "reply", "comment-author", "comment-list", "article:published_time", "2024-03-14",
                     "2024-02-30T00:00", "", 'x"y', "javascript:alert(1)", "a b  c"]),
    st.text(alphabet=HTML_CHARS, max_size=8),
)

html_text = st.one_of(
    st.sampled_from(SENTENCES),
    st.sampled_from(SENTENCES),
    st.sampled_from(SENTENCES),
    st.sampled_from(ENTITIES),
    st.sampled_from(JUNK),
    st.text(alphabet=HTML_CHARS, min_size=1, max_size=20),
)


def _attr(name: str, value: str, style: int) -> str:
    if style == 0:
        return f' {name}="{value.replace(chr(34), "&quot;")}"'
    if style == 1:
        return f" {name}='{value}'"
    if style == 2:
        return f" {name}={value.split()[0] if value.split() else 'x'}"
    return f" {name}"


attributes = st.lists(
    st.builds(_attr, st.sampled_from(ATTR_NAMES), ATTR_VALUES, st.integers(0, 3)), max_size=3
).map("".join)


def _element(tag: str, attrs: str, children: list[str], closed: bool) -> str:
    return f"<{tag}{attrs}>{''.join(children)}" + (f"</{tag}>" if closed else "")


html_body = st.recursive(
    html_text,
    lambda inner: st.builds(
        _element, st.sampled_from(TAGS), attributes, st.lists(inner, max_size=4), st.booleans()
    ),
    max_leaves=25,
)
WRAPPERS = [
    "{}",
    "<html><head><title>T &amp; t</title></head><body>{}</body></html>",
    '<!DOCTYPE html><html><head><meta property="article:published_time" content="2024-03-14">'
    '<meta property="article:section" content="Opinion"></head><body><article>{}</article></body></html>',
    "<!doctype html>{}",
    '<html><body>{}<div id="comments"><ol class="comment-list"><li class="comment depth-1">'
    '<div class="comment-author">Ann</div><p>Syria shelled Homs.</p></li></ol></div></body></html>',
]
html_pages = st.builds(lambda wrapper, body: wrapper.format(body), st.sampled_from(WRAPPERS), html_body)


@settings(max_examples=budget(60))
@given(page=html_pages, suffix=st.sampled_from([".html", ".html", ".txt"]))
def test_random_html_is_coded_or_rejected_with_exact_spans(
    pipeline: Pipeline, page: str, suffix: str
) -> None:
    with scratch() as folder:
        path = folder / f"page{suffix}"
        path.write_text(page, encoding="utf-8", newline="")
        items = list(read_paths([path]))
        assert len(items) == 1, items
        out = list(pipeline.run(items))
        assert len(out) == 1, out
        check_outcome(out[0], path)
        if isinstance(out[0], CodedDocument):
            assert out[0].document.path == str(path)
        event(outcome(out[0]))


@pytest.mark.parametrize(
    "markup",
    ["<div><noscript></noscript>\x1c</div>", "<p>Russia bombed Idlib.</p><script>x</script>\x01after",
     "<div><style>p {}</style>\x0bIran objected.</div>"],
    ids=["noscript-x1c", "script-x01", "style-x0b"],
)
def test_control_character_after_a_script_does_not_stop_the_batch(tmp_path: Path, markup: str) -> None:
    bad, good = tmp_path / "a.html", tmp_path / "b.txt"
    bad.write_text(markup, encoding="utf-8")
    good.write_text("Turkey shelled Azaz.\n", encoding="utf-8")
    items = list(read_paths([tmp_path]))
    assert len(items) == 2
    if isinstance(items[0], Failure):
        check_failure(items[0], bad)
    assert isinstance(items[1], Document) and items[1].name == "b.txt"


# --- 3. broken JSONL --------------------------------------------------------------------------

# Valid text avoids the characters str.splitlines() cuts on besides "\n" (see the test
# test_jsonl_line_separator_inside_a_string_is_not_a_line_break below).
SAFE_TEXT = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from(["Russia", "Iran", "Turkey", "a", "Я", "😀 b"]),
    st.text(alphabet="abcdefRusiaIdlb .,;:!?\"'«»😀Россия", max_size=40),
)
GOOD_DATES = st.one_of(st.none(), st.dates().map(dt.date.isoformat), st.just("2024-04-15T09:30:00Z"))
# Strings that cannot be an ISO date: they do not start with a digit.
BAD_DATE_TEXT = st.text(min_size=1, max_size=12).filter(lambda s: not s[:1].isdigit())
BAD_DATES = st.one_of(
    st.sampled_from(["yesterday", "14/03/2024", "2024-02-30", "2024-13-01", "March 14, 2024", "24-03-14",
                     "2024/03/14", "   "]),
    st.sampled_from([14, 2024.5, True, [2024, 3, 14], {"y": 2024}]),
    BAD_DATE_TEXT,
)
JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                         st.text(max_size=10))
NOT_OBJECTS = st.one_of(JSON_SCALARS, st.lists(JSON_SCALARS, max_size=3))


def _good(n: int, text: str, date: str | None, ascii_only: bool, html: bool) -> tuple[str, str, str]:
    rec: dict[str, object] = {"id": f"ok-{n}"}
    rec["html" if html else "text"] = f"<p>{text}</p>" if html else text
    if date is not None:
        rec["date"] = date
    return ("doc", json.dumps(rec, ensure_ascii=ascii_only), f"ok-{n}")


def _line(kind: str, n: int, draw: st.DrawFn) -> tuple[str, str, str]:
    """(expected outcome, line, expected name or reason fragment)."""
    if kind == "good":
        return _good(n, draw(SAFE_TEXT), draw(GOOD_DATES), draw(st.booleans()), draw(st.booleans()))
    if kind == "blank":
        return ("skip", draw(st.sampled_from(["", " ", "\t", "  \t "])), "")
    if kind == "truncated":
        whole = _good(n, draw(SAFE_TEXT), None, True, False)[1]
        cut = draw(st.integers(min_value=1, max_value=len(whole) - 1))
        return ("fail", whole[:cut], "malformed JSON")
    if kind == "garbage":
        garbage = draw(st.sampled_from(["{oops", "{'id': 1}", "NaN]", "}{", '{"a":}']))
        return ("fail", garbage, "malformed JSON")
    if kind == "not-object":
        return ("fail", json.dumps(draw(NOT_OBJECTS)), "JSON object")
    if kind == "text-wrong-type":
        value = draw(st.one_of(st.integers(), st.floats(allow_nan=False), st.booleans(), st.none(),
                               st.lists(st.just("Russia bombed Idlib."), max_size=2), st.just("   ")))
        return ("fail", json.dumps({"id": f"bad-{n}", "text": value}), "no 'text' or 'html'")
    if kind == "bad-date":
        rec = {"id": f"bad-{n}", "text": draw(SAFE_TEXT), "date": draw(BAD_DATES)}
        return ("fail", json.dumps(rec), "not YYYY-MM-DD")
    # An id of the wrong type: accepted today as str(id) (see the report); one item either way.
    assert kind == "id-wrong-type"
    ident = draw(st.one_of(st.lists(st.integers(), min_size=1, max_size=3), st.booleans(),
                           st.dictionaries(st.text(max_size=3), st.integers(), min_size=1, max_size=2)))
    return ("either", json.dumps({"id": ident, "text": draw(SAFE_TEXT)}), "")


@st.composite
def jsonl_files(draw: st.DrawFn) -> list[tuple[str, str, str]]:
    kinds = draw(
        st.lists(
            st.sampled_from(["good", "good", "blank", "truncated", "garbage", "not-object", "text-wrong-type",
                             "bad-date", "id-wrong-type"]),
            min_size=1,
            max_size=12,
        )
    )
    return [_line(kind, n, draw) for n, kind in enumerate(kinds)]


@settings(max_examples=budget(80))
@given(lines=jsonl_files())
def test_broken_jsonl_gives_one_failure_per_bad_line_in_order(lines: list[tuple[str, str, str]]) -> None:
    with scratch() as folder:
        path = folder / "wire.jsonl"
        path.write_text("\n".join(line for _, line, _ in lines) + "\n", encoding="utf-8")
        items = list(read_paths([path]))
        expected = [(number, kind, what) for number, (kind, _, what) in enumerate(lines, 1) if kind != "skip"]
        if not expected:  # blank lines only
            [failure] = items
            assert isinstance(failure, Failure)
            check_failure(failure, path)
            return
        assert len(items) == len(expected), (items, lines)
        for item, (number, kind, what) in zip(items, expected, strict=True):
            if kind == "doc":
                assert isinstance(item, Document), (number, item)
                assert (item.name, item.path) == (what, str(path))
                check_document(item)
            elif kind == "fail":
                assert isinstance(item, Failure), (number, item)
                check_failure(item, path, line=number)
                assert what in item.reason, item
            elif isinstance(item, Failure):
                check_failure(item, path, line=number)
            else:
                assert isinstance(item, Document), item


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"], ids=["LS", "PS", "NEL"])
def test_jsonl_line_separator_inside_a_string_is_not_a_line_break(tmp_path: Path, separator: str) -> None:
    path = tmp_path / "wire.jsonl"
    record = {"id": "a", "text": f"Russia bombed Idlib.{separator}Iran objected."}
    first = json.dumps(record, ensure_ascii=False)
    path.write_text(first + "\n" + '{"id": "b", "te\n', encoding="utf-8")
    items = list(read_paths([path]))
    assert [type(i).__name__ for i in items] == ["Document", "Failure"], items
    assert isinstance(items[1], Failure) and items[1].line == 2


# --- 4. adversarial text for the coder --------------------------------------------------------

ADVERSARIAL = (
    "abcdefghijklmnopqrstuvwxyzABCDEFRSTU .,;:!?-()[]'\"“”«»‘’\n\n\t"
    "\u200f\u200e\u202b\u202e\u061c"  # bidi marks
    "\u200d\u200c\u2060\ufeff"  # zero-width joiners and friends
    "\u0301\u0308\u0327\u20dd"  # combining marks
    "😀💥👍🏽👩\u200d👩\u200d👧🇷🇺🇸🇾"  # emoji, modifiers, ZWJ sequences, flags
    "سورياРоссия中国\u2028\u2029\x85\r\x00\x0b"
)
POLITICAL = ["Russia", "bombed", "said", "Assad", "rebels", ":", '"', "Iran", "condemned", "Israel",
             "the", "army", "attacked", "Idlib", "on", "Tuesday", ".", "Turkey", "met", "and", "not",
             "will", "could", "Putin", "told", "Reuters", "“", "”", "he", "they", "in", "Aleppo"]
noise = st.text(alphabet=ADVERSARIAL, min_size=1, max_size=6)
separators = st.sampled_from([" ", " ", " ", "\n", "\n\n", ", ", ". "])
# A clause that the coder can read ("Russia bombed rebels."), with noise between its words.
clauses = st.builds(
    lambda parts: "".join(parts),
    st.tuples(
        st.sampled_from(["Russia", "Assad", "The rebels", "Iran", "Putin", "Turkey", "“Israel"]),
        st.one_of(st.just(" "), noise),
        st.sampled_from(["bombed", "said", "condemned", "attacked", "met", "will not attack", "told"]),
        st.one_of(st.just(" "), noise),
        st.sampled_from(["rebels", "Idlib", "Assad", "Reuters:", "Israel", '"', "Aleppo"]),
        st.sampled_from([".", ". ", ":\n", ".”", '."', "", "\n\n"]),
    ),
)
tokens = st.one_of(st.sampled_from(POLITICAL), separators, noise, clauses, clauses)
adversarial_texts = st.lists(tokens, max_size=60).map("".join)


@settings(max_examples=budget(80))
@given(text=adversarial_texts, date=st.sampled_from([None, dt.date(2024, 3, 14)]))
def test_adversarial_text_codes_to_one_document_with_exact_spans(
    pipeline: Pipeline, text: str, date: dt.date | None
) -> None:
    doc = make_document("fuzz", text, date)
    check_document(doc)
    out = list(pipeline.run([doc]))
    assert len(out) == 1, out
    assert isinstance(out[0], CodedDocument), out[0]
    check_coded(out[0])
    event(outcome(out[0]))


@settings(max_examples=budget(40))
@given(texts=st.lists(adversarial_texts, min_size=1, max_size=5))
def test_a_batch_of_adversarial_texts_keeps_order(pipeline: Pipeline, texts: list[str]) -> None:
    docs = [make_document(f"d{n}", text, None) for n, text in enumerate(texts)]
    out = list(pipeline.run(docs))
    assert [o.document.name if isinstance(o, CodedDocument) else o.doc for o in out] == [d.name for d in docs]
    for item in out:
        check_outcome(item)

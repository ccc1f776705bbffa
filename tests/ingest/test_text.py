"""Plain text: decoding bytes, normalising, cutting into voiced blocks, finding the dateline."""

from __future__ import annotations

import datetime as dt

import pytest

from actorgraph.ingest.text import DecodeError, dateline, decode, normalise, segment_text


def voices(text: str) -> list[tuple[str, str | None, int, str]]:
    """(voice, speaker, depth, block text) for every block of ``text``."""
    text = normalise(text)
    return [(b.voice, b.speaker, b.depth, text[b.start:b.end]) for b in segment_text(text)]


def voice_of(text: str, needle: str) -> str:
    """The voice of the one block that contains ``needle``."""
    [found] = [v for v, _, _, block in voices(text) if needle in block]
    return found


# --- decode -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param("Señor Ünal".encode(), "Señor Ünal", id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + "Señor".encode(), "Señor", id="utf-8-bom"),
        pytest.param("Señor Ünal".encode("utf-16"), "Señor Ünal", id="utf-16-native-bom"),
        pytest.param(b"\xff\xfe" + "Россия".encode("utf-16-le"), "Россия", id="utf-16-le-bom"),
        pytest.param(b"\xfe\xff" + "Россия".encode("utf-16-be"), "Россия", id="utf-16-be-bom"),
        pytest.param(b"", "", id="empty"),
    ],
)
def test_decode_accepts_utf8_and_bom_marked_utf16(data: bytes, expected: str) -> None:
    assert decode(data) == expected


def test_decode_rejects_cp1251_naming_utf8_and_the_offset() -> None:
    data = "Moscow: Россия бомбила Идлиб.".encode("cp1251")
    with pytest.raises(DecodeError) as info:
        decode(data)
    message = str(info.value)
    assert "not UTF-8" in message
    assert "offset 8" in message  # "Moscow: " is 8 ASCII bytes, then the first cp1251 byte
    assert "0xd0" in message  # cp1251 "Р"
    assert "\n" not in message


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\x00\x01\x02\x03PK\x03\x04", id="leading-nul"),
        pytest.param(b"Russia bombed Idlib.\x00\x00more", id="nul-inside"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", id="png-header"),
    ],
)
def test_decode_rejects_nul_bytes_as_binary(data: bytes) -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode(data)


def test_decode_error_is_a_value_error() -> None:
    assert issubclass(DecodeError, ValueError)


# --- normalise --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("one\r\ntwo\r\n", "one\ntwo\n", id="crlf"),
        pytest.param("one\rtwo", "one\ntwo", id="lone-cr"),
        pytest.param("Cafe\u0301 Mu\u0308ller", "Café Müller", id="nfc"),
        pytest.param("a\x00b\x07c\x1bd\x7fe", "abcde", id="control-chars"),
        pytest.param("col1\tcol2\nnext", "col1\tcol2\nnext", id="tab-and-newline-kept"),
        pytest.param("plain text.", "plain text.", id="unchanged"),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_normalise_output_is_nfc() -> None:
    import unicodedata

    text = normalise("Sa\u0301o Tome\u0301\r\n")
    assert unicodedata.is_normalized("NFC", text)
    assert "\r" not in text


# --- segment_text: quoted excerpts -------------------------------------------------------------

QUOTE_UNTIL_WIDE_GAP = """\
As the BBC reported:

The army left the town on Monday.

It was quiet afterwards.


I doubt it will last."""


def test_colon_line_opens_a_quote_that_ends_at_a_double_blank_line() -> None:
    assert voices(QUOTE_UNTIL_WIDE_GAP) == [
        ("author", None, 0, "As the BBC reported:"),
        ("quoted", "the BBC", 0, "The army left the town on Monday."),
        ("quoted", "the BBC", 0, "It was quiet afterwards."),
        ("author", None, 0, "I doubt it will last."),
    ]


def test_single_blank_lines_keep_the_quote_open() -> None:
    text = "Reuters wrote:\n\nOne.\n\nTwo.\n\nThree.\n\n\nMine."
    assert [v for v, *_ in voices(text)] == ["author", "quoted", "quoted", "quoted", "author"]


def test_without_a_colon_line_there_is_no_quote() -> None:
    text = "The army left.\n\nIt was quiet.\n\n\nI doubt it."
    assert {v for v, *_ in voices(text)} == {"author"}


QUOTE_CLOSED_AT_PARAGRAPH_END = """\
The minister said:

"We will not negotiate.

Our position is firm."

That was his view, and Russia bombed Idlib anyway."""


def test_quote_opening_with_a_quotation_mark_ends_at_the_paragraph_that_closes_it() -> None:
    assert [(v, block) for v, _, _, block in voices(QUOTE_CLOSED_AT_PARAGRAPH_END)] == [
        ("author", "The minister said:"),
        ("quoted", '"We will not negotiate.'),
        ("quoted", 'Our position is firm."'),
        ("author", "That was his view, and Russia bombed Idlib anyway."),
    ]


@pytest.mark.parametrize("marks", [("“", "”"), ("«", "»")], ids=["curly", "guillemets"])
def test_typographic_quotation_marks_close_the_quote(marks: tuple[str, str]) -> None:
    opening, closing = marks
    text = f"He wrote:\n\n{opening}We will fight.\n\nWe will win.{closing}\n\nRussia bombed Idlib."
    assert voice_of(text, "We will win.") == "quoted"
    assert voice_of(text, "Russia bombed Idlib.") == "author"


def test_quotation_mark_quote_is_not_ended_by_a_double_blank_line_inside_it() -> None:
    text = 'He wrote:\n\n"We will fight.\n\n\nWe will win."\n\nRussia bombed Idlib.'
    assert voice_of(text, "We will win.") == "quoted"
    assert voice_of(text, "Russia bombed Idlib.") == "author"


def test_quote_closed_before_its_attribution_ends_at_that_paragraph() -> None:
    text = ('The minister said:\n\n"We will not negotiate,\" he told reporters.\n\n\n\n'
            "Russia bombed Idlib on Tuesday.")
    assert voice_of(text, "We will not negotiate") == "quoted"
    assert voice_of(text, "Russia bombed Idlib") == "author"


# --- segment_text: comments -------------------------------------------------------------------

COMMENTS = """\
Russia bombed Idlib on Tuesday.

3 thoughts on "Syria talks"

1. John Smith
March 14, 2024 at 10:02 am
I think the talks will fail.

Liked by 2 people

Reply

    1. Mary Jones
    March 15, 2024 at 8:00 am
    You are wrong about that.

Reply

2. Omar from Aleppo
March 16, 2024 at 2:27 pm
Turkey shelled Azaz on Wednesday.

Leave a Reply"""


def test_comment_thread_voices_speakers_and_depths() -> None:
    assert voices(COMMENTS) == [
        ("author", None, 0, "Russia bombed Idlib on Tuesday."),
        ("boilerplate", None, 0, '3 thoughts on "Syria talks"'),
        ("boilerplate", None, 0, "John Smith\nMarch 14, 2024 at 10:02 am"),
        ("comment", "John Smith", 1, "I think the talks will fail."),
        ("boilerplate", None, 0, "Liked by 2 people"),
        ("boilerplate", None, 0, "Reply"),
        ("boilerplate", None, 0, "Mary Jones\n    March 15, 2024 at 8:00 am"),
        ("comment", "Mary Jones", 2, "You are wrong about that."),
        ("boilerplate", None, 0, "Reply"),
        ("boilerplate", None, 0, "Omar from Aleppo\nMarch 16, 2024 at 2:27 pm"),
        ("comment", "Omar from Aleppo", 1, "Turkey shelled Azaz on Wednesday."),
        ("boilerplate", None, 0, "Leave a Reply"),
    ]


@pytest.mark.parametrize(
    "opener",
    ["3 thoughts on \"Syria talks\"", "One response to “Syria talks”", "12 Comments",
     "2 replies", "five reactions"],
)
def test_comment_section_openers(opener: str) -> None:
    text = f"The post.\n\n{opener}\n\n1. A reader comment here."
    assert voices(text) == [
        ("author", None, 0, "The post."),
        ("boilerplate", None, 0, opener),
        ("comment", None, 1, "A reader comment here."),
    ]


def test_numbered_and_indented_markers_give_depth_one_and_two() -> None:
    text = ("Post.\n\n2 comments\n\n  1. Top level one.\n\n    1. A reply to it.\n\n"
            "  2. Top level two.\n\n    1. Reply to two.")
    assert [(v, d, block) for v, _, d, block in voices(text)][2:] == [
        ("comment", 1, "Top level one."),
        ("comment", 2, "A reply to it."),
        ("comment", 1, "Top level two."),
        ("comment", 2, "Reply to two."),
    ]


def test_comment_without_a_name_and_date_has_no_speaker() -> None:
    text = "Post.\n\n2 comments\n\n1. Just my opinion here.\n\n2. Another one."
    comments = [(s, d) for v, s, d, _ in voices(text) if v == "comment"]
    assert comments == [(None, 1), (None, 1)]


def test_speaker_does_not_leak_to_the_next_numbered_comment() -> None:
    text = ("Post.\n\n2 comments\n\n1. John Smith\nMarch 14, 2024\nFirst.\n\n"
            "2. An unsigned second comment.")
    comments = [(s, block) for v, s, _, block in voices(text) if v == "comment"]
    assert comments == [("John Smith", "First."), (None, "An unsigned second comment.")]


# --- segment_text: boilerplate and headlines ---------------------------------------------------

@pytest.mark.parametrize(
    "line",
    ["Liked by 2 people", "Liked by 1 person", "Reply", "Leave a Reply", "Share this:",
     "Like this:", "Loading...", "Tags: Syria, Russia", "Posted in Middle East", "Tweet"],
)
def test_boilerplate_lines(line: str) -> None:
    text = f"Russia bombed Idlib.\n\n{line}\n\nIran condemned it."
    assert voices(text) == [
        ("author", None, 0, "Russia bombed Idlib."),
        ("boilerplate", None, 0, line),
        ("author", None, 0, "Iran condemned it."),
    ]


def test_boilerplate_line_inside_a_paragraph_is_split_off() -> None:
    text = "Russia bombed Idlib.\nShare this:\nIran condemned it."
    assert [(v, block) for v, _, _, block in voices(text)] == [
        ("author", "Russia bombed Idlib."),
        ("boilerplate", "Share this:"),
        ("author", "Iran condemned it."),
    ]


def test_boilerplate_ends_an_open_quote() -> None:
    text = "Reuters reported:\n\nThe army left.\n\nShare this:\n\nMy own view."
    assert [v for v, *_ in voices(text)] == ["author", "quoted", "boilerplate", "author"]


HEADLINES = """\
Notice what is missing from the coverage.

Homs desert, Syrian Su-24 down;
Pilot captured by ISIL
Russian air strikes east of Palmyra continue;
Al-Sukhnah: SAA repels ISIL night attack
Deir ez-Zor: tribal fighters clash with SDF

That is the week."""


def test_a_headline_list_stays_author_voice() -> None:
    blocks = voices(HEADLINES)
    assert [v for v, *_ in blocks] == ["author", "author", "author"]
    assert blocks[1][3].startswith("Homs desert") and blocks[1][3].endswith("clash with SDF")


def test_block_offsets_index_the_text() -> None:
    text = normalise(COMMENTS)
    for n, block in enumerate(segment_text(text)):
        assert block.index == n
        assert 0 <= block.start < block.end <= len(text)
        assert text[block.start:block.end].strip()


# --- dateline ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Title\n2024-03-14\n\nBody.", dt.date(2024, 3, 14), id="iso"),
        pytest.param("Title\nPublished: March 14, 2024\n\nBody.", dt.date(2024, 3, 14),
                     id="published-mdy"),
        pytest.param("Title\n14 March 2024\n\nBody.", dt.date(2024, 3, 14), id="dmy"),
        pytest.param("Posted on March 15, 2024\n\nBody.", dt.date(2024, 3, 15), id="posted-on"),
        pytest.param("Title\nThursday, 14 March 2024\n\nBody.", dt.date(2024, 3, 14),
                     id="weekday-dmy"),
        pytest.param("Title\nmarch 14 2024\n\nBody.", dt.date(2024, 3, 14), id="no-comma"),
        pytest.param("a\nb\nc\nd\ne\n2024-03-14\n\nBody.", dt.date(2024, 3, 14),
                     id="sixth-line"),
    ],
)
def test_dateline_found(text: str, expected: dt.date) -> None:
    found = dateline(text)
    assert found is not None
    day, start, end = found
    assert day == expected
    assert text[start:end].strip().endswith(("2024", "2024-03-14"))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("a\nb\nc\nd\ne\nf\n2024-03-14\n\nBody.", id="seventh-line"),
        pytest.param("Title one\nTitle two\nThree\nFour\nFive\nSix\n\nPublished: March 14, 2024",
                     id="published-past-six-lines"),
        pytest.param("The war began on March 14, 2024 with strikes.", id="inside-a-sentence"),
        pytest.param("Title\n2024-02-30\n\nBody.", id="impossible-date"),
        pytest.param("No date at all.\n\nBody.", id="none"),
        pytest.param("", id="empty"),
    ],
)
def test_no_dateline(text: str) -> None:
    assert dateline(text) is None


def test_dateline_counts_non_blank_lines_only() -> None:
    text = "Title\n\n\n\n\n\n\n\nPublished: March 14, 2024\n\nBody."
    found = dateline(text)
    assert found is not None and found[0] == dt.date(2024, 3, 14)


def test_dateline_paragraph_is_boilerplate_in_segments() -> None:
    text = "Syria talks stall\n\nPublished: March 14, 2024\n\nRussia bombed Idlib."
    assert voices(text) == [
        ("author", None, 0, "Syria talks stall"),
        ("boilerplate", None, 0, "Published: March 14, 2024"),
        ("author", None, 0, "Russia bombed Idlib."),
    ]


@pytest.mark.parametrize(("intro", "speaker"), [
    ("As the BBC reported:", "the BBC"),
    ("Informed Comment writes:", "Informed Comment"),
    ("Here is how Reuters described it:", "Reuters"),
    ("From Al Jazeera:", "Al Jazeera"),
    ("according to the New York Times:", "the New York Times"),
    ("Reuters:", "Reuters"),
    ("Written by Eugene Smith:", "Eugene Smith"),
    ("I wrote a few months ago:", None),
    ("Here is how a regional news agency described the fighting:", None),
])
def test_quoted_excerpt_names_its_source(intro: str, speaker: str | None) -> None:
    text = f"Intro paragraph.\n\n{intro}\n\nThe army retook the town.\n\n\nMy own view."
    blocks = segment_text(text)
    quoted = [b for b in blocks if b.voice == "quoted"]
    assert len(quoted) == 1 and quoted[0].speaker == speaker

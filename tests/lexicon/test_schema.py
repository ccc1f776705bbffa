"""parse_table: TSV rows validated column by column; errors name path, line and entry."""

from __future__ import annotations

import datetime as dt

import pytest

from actorgraph.lexicon.schema import Column, LexiconError, parse_table

COLUMNS = (
    Column("code", r"[A-Z]{3}"),
    Column("name"),
    Column("aliases", multi=True, optional=True),
    Column("start", r"\d{4}-\d{2}-\d{2}", optional=True),
)
HEADER = "# code\tname\taliases\tstart\n"


def test_valid_table() -> None:
    text = (HEADER + "RUS\tRussia\tRussian Federation|Rossiya\t-\n\n"
            "# a comment line\nSYR\tSyria\t-\t2011-03-15\n")
    rows = parse_table("x.tsv", text, COLUMNS)
    assert [(r.path, r.line) for r in rows] == [("x.tsv", 2), ("x.tsv", 5)]
    rus, syr = rows
    assert rus.one("code") == "RUS"
    assert rus.many("aliases") == ("Russian Federation", "Rossiya")
    assert rus.maybe("start") is None and rus.date("start") is None
    assert syr.many("aliases") == ()
    assert syr.maybe("aliases") is None
    assert syr.date("start") == dt.date(2011, 3, 15)


def test_trailing_optional_columns_may_be_left_out_when_allowed() -> None:
    rows = parse_table("x.tsv", "RUS\tRussia\nSYR\tSyria\t-\t2011-03-15\n", COLUMNS, fewest=2)
    assert [r.values for r in rows] == [
        {"code": ("RUS",), "name": ("Russia",), "aliases": (), "start": ()},
        {"code": ("SYR",), "name": ("Syria",), "aliases": (), "start": ("2011-03-15",)},
    ]
    with pytest.raises(LexiconError, match="expected 2 to 4 TAB-separated fields, got 1"):
        parse_table("x.tsv", "RUS Russia\n", COLUMNS, fewest=2)
    with pytest.raises(LexiconError, match="expected 4 TAB-separated fields, got 2"):
        parse_table("x.tsv", "RUS\tRussia\n", COLUMNS)


def test_only_optional_columns_may_be_left_out() -> None:
    with pytest.raises(ValueError, match="only optional columns"):
        parse_table("x.tsv", "", COLUMNS, fewest=1)


def test_crlf_lines_parse_like_lf() -> None:
    rows = parse_table("x.tsv", "RUS\tRussia\t-\t-\r\nSYR\tSyria\t-\t-\r\n", COLUMNS)
    assert [r.one("name") for r in rows] == ["Russia", "Syria"]


def test_empty_table() -> None:
    assert parse_table("x.tsv", "", COLUMNS) == []
    assert parse_table("x.tsv", HEADER + "\n\n", COLUMNS) == []


@pytest.mark.parametrize(
    ("line", "entry", "reason"),
    [
        pytest.param("RUS\tRussia\t-", "RUS", "expected 4 TAB-separated fields, got 3",
                     id="too-few-fields"),
        pytest.param("RUS\tRussia\t-\t-\textra", "RUS", "expected 4 TAB-separated fields, got 5",
                     id="too-many-fields"),
        pytest.param("RUS Russia - -", "RUS Russia - -", "expected 4 TAB-separated fields, got 1",
                     id="spaces-not-tabs"),
        pytest.param("RUS\t\t-\t-", "RUS", "name: empty field (use '-')", id="empty-field"),
        pytest.param("RUS\tRussia\t\t-", "RUS", "aliases: empty field (use '-')",
                     id="empty-optional-field"),
        pytest.param("RUS\t-\t-\t-", "RUS", "name: a value is required", id="dash-required"),
        pytest.param("-\tRussia\t-\t-", "-", "code: a value is required", id="dash-first"),
        pytest.param("rus\tRussia\t-\t-", "rus", "code: 'rus' does not match [A-Z]{3}",
                     id="pattern-lowercase"),
        pytest.param("RUSS\tRussia\t-\t-", "RUSS", "code: 'RUSS' does not match [A-Z]{3}",
                     id="pattern-too-long"),
        pytest.param("RUS\tRussia\t-\t14/03/2024", "RUS", "start: '14/03/2024' does not match",
                     id="pattern-date"),
        pytest.param("RUS\t Russia\t-\t-", "RUS", "name: leading or trailing space in ' Russia'",
                     id="leading-space"),
        pytest.param("RUS\tRussia \t-\t-", "RUS", "name: leading or trailing space in 'Russia '",
                     id="trailing-space"),
        pytest.param("RUS\tRussia\tRossiya| RF\t-", "RUS",
                     "aliases: leading or trailing space in ' RF'", id="space-in-multi-value"),
        pytest.param("RUS\tRussia\tRossiya||RF\t-", "RUS", "empty value", id="empty-multi-value"),
        pytest.param("RUS\tRussia\tRossiya|\t-", "RUS", "empty value", id="trailing-bar"),
    ],
)
def test_bad_entry_names_path_line_and_entry(line: str, entry: str, reason: str) -> None:
    text = HEADER + "SYR\tSyria\t-\t-\n\n" + line + "\nIRN\tIran\t-\t-\n"
    with pytest.raises(LexiconError) as info:
        parse_table("data/countries.tsv", text, COLUMNS)
    err = info.value
    assert (err.path, err.line, err.entry) == ("data/countries.tsv", 4, entry)
    assert reason in err.reason
    assert str(err).startswith(f"data/countries.tsv:4: entry {entry!r}: ")
    assert reason in str(err)


def test_multi_values_are_only_split_in_multi_columns() -> None:
    [row] = parse_table("x.tsv", "RUS\tRussia|Rossiya\tA|B\t-\n", COLUMNS)
    assert row.many("name") == ("Russia|Rossiya",)
    assert row.many("aliases") == ("A", "B")


def test_row_date_that_matches_the_pattern_but_is_not_a_day() -> None:
    [row] = parse_table("p.tsv", "\nRUS\tRussia\t-\t2015-02-30\n", COLUMNS)
    with pytest.raises(LexiconError) as info:
        row.date("start")
    err = info.value
    assert (err.path, err.line, err.entry) == ("p.tsv", 2, "RUS")
    assert "'2015-02-30' is not a YYYY-MM-DD date" in err.reason


def test_column_check() -> None:
    col = Column("code", r"\d{3,4}")
    assert col.check("195") is None
    assert col.check("0871") is None
    assert col.check("19") == r"code: '19' does not match \d{3,4}"
    assert col.check(" 195") == "code: leading or trailing space in ' 195'"


def test_lexicon_error_is_a_value_error_with_its_parts() -> None:
    err = LexiconError("a.tsv", 7, "Putin", "bad")
    assert isinstance(err, ValueError)
    assert str(err) == "a.tsv:7: entry 'Putin': bad"

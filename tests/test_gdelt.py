"""GDELT 2.0 export: the 61 columns, one row per event, and a file DuckDB reads back."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

import duckdb

from actorgraph.gdelt import GDELT_COLUMNS, gdelt_row, write_gdelt
from actorgraph.records import Actor, Event, EventDate, Location, Span

ADDED = dt.datetime(2024, 3, 15, 8, 30, 5)


def _event() -> Event:
    """Russian jets bombed rebels near Idlib on 12 March 2024: every field we export is set."""
    return Event(
        "0123456789abcdef", "d1", "news", 1, "Russian jets bombed rebel positions near Idlib.",
        Span(13, 19, "bombed"),
        Actor("Russian jets", "RUSMIL", "country:RUS", "RUS", "MIL"),
        Actor("rebel positions", "SYRREB", None, None, None),
        "195", "19", 4, -10.0, "ASSAULT", "aerial", "asserted", "author", "verb 'bomb' -> 195", 0.9,
        date=EventDate(dt.date(2024, 3, 12), "day", "on Tuesday"),
        location=Location("Idlib", "SYR", "place", 169389, 35.93, 36.63),
    )


def _col(row: tuple[str, ...], name: str) -> str:
    return row[GDELT_COLUMNS.index(name)]


def test_sixty_one_columns_in_codebook_order() -> None:
    assert len(GDELT_COLUMNS) == len(set(GDELT_COLUMNS)) == 61
    named = {0: "GLOBALEVENTID", 1: "SQLDATE", 4: "FractionDate", 5: "Actor1Code", 15: "Actor2Code",
             24: "Actor2Type3Code", 25: "IsRootEvent", 26: "EventCode", 29: "QuadClass",
             30: "GoldsteinScale", 34: "AvgTone", 35: "Actor1Geo_Type", 39: "Actor1Geo_ADM2Code",
             43: "Actor2Geo_Type", 51: "ActionGeo_Type", 56: "ActionGeo_Lat", 57: "ActionGeo_Long",
             58: "ActionGeo_FeatureID", 59: "DATEADDED", 60: "SOURCEURL"}
    for index, name in named.items():
        assert GDELT_COLUMNS[index] == name


def test_row_of_a_hand_made_event() -> None:
    row = gdelt_row(_event(), dt.date(2024, 3, 14), "https://example.org/a", ADDED)
    assert len(row) == 61 and all(isinstance(v, str) for v in row)
    assert row[0] == str(int("0123456789abcde", 16))
    assert row[1:5] == ("20240312", "202403", "2024", "2024.1973")  # day 72: 72/365
    assert row[5:8] == ("RUSMIL", "RUSSIAN JETS", "RUS")
    assert _col(row, "Actor1Type1Code") == "MIL"
    assert row[15:18] == ("SYRREB", "REBEL POSITIONS", "SYR")  # country from the code
    assert _col(row, "Actor2Type1Code") == "REB"
    assert row[25:35] == ("1", "195", "195", "19", "4", "-10.0", "1", "1", "1", "")
    assert row[51:59] == ("4", "Idlib", "SYR", "", "", "35.93", "36.63", "169389")
    assert row[35:51] == ("",) * 16  # no actor geography
    assert row[59:] == ("20240315083005", "https://example.org/a")


def test_the_id_is_stable_and_positive() -> None:
    a = gdelt_row(_event(), None, None, ADDED)[0]
    b = gdelt_row(dataclasses.replace(_event(), event_id="e1"), None, None, ADDED)[0]
    assert a == gdelt_row(_event(), None, None, ADDED)[0]
    assert int(a) > 0 and int(b) > 0 and a != b


def test_group_codes_and_lead_sentences() -> None:
    un = Actor("the United Nations", "IGOUNO", "org:united-nations", None, "UNO")
    isis = Actor("Islamic State", "IMGMUSISI", None, None, "MUS")
    event = dataclasses.replace(_event(), source=un, target=isis, sentence_index=7)
    row = gdelt_row(event, None, None, ADDED)
    assert row[5:13] == ("IGOUNO", "THE UNITED NATIONS", "", "UNO", "", "", "", "IGO")
    assert row[15:23] == ("IMGMUSISI", "ISLAMIC STATE", "", "", "", "MUS", "", "IMG")
    assert _col(row, "IsRootEvent") == "0"


def test_dates_fall_back_to_published_then_stay_empty() -> None:
    undated = dataclasses.replace(_event(), date=None)
    row = gdelt_row(undated, dt.date(2023, 12, 31), None, ADDED)
    assert row[1:5] == ("20231231", "202312", "2023", "2023.9999")
    assert gdelt_row(undated, None, None, ADDED)[1:5] == ("", "", "", "")
    assert _col(gdelt_row(undated, None, None, ADDED), "SOURCEURL") == ""


def test_country_and_us_geo_types() -> None:
    for loc, kind in [
        (Location("Syria", "SYR", "country", 163843), "1"),
        (Location("Texas", "USA", "admin"), "2"),
        (Location("Houston", "USA", "place", 4699066, 29.76, -95.36), "3"),
        (Location("Idlib Governorate", "SYR", "admin"), "5"),
    ]:
        row = gdelt_row(dataclasses.replace(_event(), location=loc), None, None, ADDED)
        assert _col(row, "ActionGeo_Type") == kind


def test_added_is_written_in_utc() -> None:
    added = dt.datetime(2024, 3, 15, 10, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert _col(gdelt_row(_event(), None, None, added), "DATEADDED") == "20240315080000"


def test_write_gdelt_escapes_tabs_and_newlines() -> None:
    messy = dataclasses.replace(
        _event(), source=Actor("Russian\tjets\nover\r\nSyria", "RUSMIL"), location=None
    )
    out = io.StringIO()
    assert write_gdelt([gdelt_row(messy, None, "u", ADDED), gdelt_row(_event(), None, None, ADDED)], out) == 2
    lines = out.getvalue().split("\n")
    assert lines[-1] == "" and len(lines) == 3
    fields = lines[0].split("\t")
    assert len(fields) == 61
    assert fields[6] == "RUSSIAN JETS OVER  SYRIA"


def test_duckdb_reads_the_file_as_61_columns(tmp_path: Path) -> None:
    events = [_event(), dataclasses.replace(_event(), event_id="fedcba9876543210", date=None,
                                            source=None, location=None)]
    path = tmp_path / "events.export.CSV"
    with path.open("w", encoding="utf-8") as out:
        assert write_gdelt((gdelt_row(e, dt.date(2024, 3, 14), None, ADDED) for e in events), out) == 2
    con = duckdb.connect()
    rel = con.sql(f"SELECT * FROM read_csv('{path}', delim='\t', header=false, all_varchar=true)")
    assert len(rel.columns) == 61
    rows = rel.fetchall()
    assert len(rows) == 2
    assert rows[0][1] == "20240312" and rows[1][1] == "20240314"
    assert rows[0][26] == "195" and rows[1][5] is None  # empty fields read back as NULL

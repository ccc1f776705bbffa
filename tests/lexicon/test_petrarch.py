"""PETRARCH/Phoenix .actors.txt dictionaries: the format, its errors, the real files, use."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from actorgraph import Pipeline, Settings, make_document
from actorgraph.lexicon import LexiconError
from actorgraph.lexicon.petrarch import parse_actors

SAMPLE = """# a comment line
OSKAR_VANTERPOOL_  # trailing comment
+PRESIDENT_VANTERPOOL_
+VANTERPOOL
\t[ZZZELI 700101-990809]
\t[ZZZGOV >990810]
\t[ZZZELI]
FREEDOM_FRONT_OF_ZEMBLA_ [ZMBREB]
+FFZ_
LIBRARIAN_OF_ZEMBLA_\t[ZMBGOV 010101-051231] [ZMBELI]
"""


def test_entries_synonyms_and_dated_codes() -> None:
    vant, front, librarian = parse_actors("x.actors.txt", SAMPLE)
    assert vant.names == ("Oskar Vanterpool", "President Vanterpool", "Vanterpool")
    assert [(t.code, t.start, t.end) for t in vant.terms] == [
        ("ZZZELI", dt.date(1970, 1, 1), dt.date(1999, 8, 9)),
        ("ZZZGOV", dt.date(1999, 8, 10), None),
        ("ZZZELI", None, None),  # the undated default comes last
    ]
    assert (front.names, front.terms[0].code) == (("Freedom Front Of Zembla", "FFZ"), "ZMBREB")
    assert [t.code for t in librarian.terms] == ["ZMBGOV", "ZMBELI"]


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("NAME_\n\t[ABCGOV 9008223-991231]\n", 2, "not a YYMMDD"),
        ("NAME_\n\t[ABCGOV ~990101]\n", 2, "a dated code must look like"),
        ("+ORPHAN_\n", 1, "no entry above it"),
        ("\t[ABCGOV]\n", 1, "before any entry"),
    ],
)
def test_errors_name_file_line_and_entry(text: str, line: int, reason: str) -> None:
    with pytest.raises(LexiconError) as err:
        parse_actors("user.actors.txt", text)
    assert err.value.path == "user.actors.txt" and err.value.line == line
    assert reason in err.value.reason
    problems: list[LexiconError] = []
    parse_actors("user.actors.txt", text + "GOOD_ [ABC]\n", problems)
    assert len(problems) == 1  # skipped and recorded, the rest still read


def test_the_shared_phoenix_files_load(shared: Path) -> None:
    problems: list[LexiconError] = []
    total = 0
    for path in sorted((shared / "petrarch").glob("*.actors.txt")):
        total += len(parse_actors(str(path), path.read_text(encoding="utf-8", errors="replace"), problems))
    assert total > 25_000
    assert len(problems) < 20, problems[:5]  # a handful of typos in 65,000 lines
    assert all(".actors.txt:" in str(p) for p in problems)


def test_a_user_dictionary_codes_actors_in_any_case(tmp_path: Path) -> None:
    (tmp_path / "zembla.actors.txt").write_text(
        "OSKAR_VANTERPOOL_\n+VANTERPOOL_\n\t[RUSGOV >990810]\n", encoding="utf-8"
    )
    pipeline = Pipeline(Settings(lexicon_dir=str(tmp_path)))
    doc = make_document("z", "VANTERPOOL met Erdogan in Ankara.", dt.date(2015, 1, 1))
    [coded] = list(pipeline.run([doc]))
    assert [(e.code, e.source.code if e.source else None) for e in coded.events] == [("040", "RUSGOV")]

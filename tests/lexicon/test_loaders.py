"""Actor and event lexicon loaders: the packaged tables, and bad tables in a folder."""

from __future__ import annotations

import datetime as dt
import shutil
from importlib import resources
from pathlib import Path

import pytest

from actorgraph.lexicon import (
    LexiconError,
    load_actor_lexicon,
    load_event_lexicon,
)

TABLES = ("countries.tsv", "regions.tsv", "organizations.tsv", "metonyms.tsv", "people.tsv", "agents.tsv",
          "verbs.tsv", "nouns.tsv")
PUTIN = "person:vladimir-putin"


@pytest.fixture()
def lexicon_dir(tmp_path: Path) -> Path:
    """A copy of the packaged tables that a test may break."""
    folder = tmp_path / "lexicon"
    folder.mkdir()
    packaged = resources.files("actorgraph").joinpath("lexicon").joinpath("data")
    for name in TABLES:
        with resources.as_file(packaged.joinpath(name)) as source:
            shutil.copy(source, folder / name)
    return folder


def append(path: Path, *lines: str) -> int:
    """Append lines to a table; return the line number of the first one."""
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    first = len(text.splitlines()) + 1
    path.write_text(text + "".join(line + "\n" for line in lines), encoding="utf-8")
    return first


# --- packaged actor lexicon -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("day", "code", "office"),
    [
        (dt.date(2015, 10, 21), "RUSGOV", "President of Russia"),
        (dt.date(2009, 6, 1), "RUSGOV", "Prime Minister of Russia"),
        (dt.date(2004, 1, 1), "RUSGOV", "President of Russia (acting until 2000-05-07)"),
        (None, "RUSGOV", "President of Russia"),  # no date: the most recent term
    ],
)
def test_putin_is_coded_by_the_office_he_held(day: dt.date | None, code: str,
                                              office: str) -> None:
    lex = load_actor_lexicon()
    assert lex.code(PUTIN, day) == code
    term = lex.term(PUTIN, day)
    assert term is not None and term.office == office


def test_no_code_outside_every_term() -> None:
    lex = load_actor_lexicon()
    assert lex.code(PUTIN, dt.date(1990, 1, 1)) is None


def test_packaged_lexicon_contents() -> None:
    lex = load_actor_lexicon()
    assert lex is load_actor_lexicon()  # loaded once
    assert lex.code("country:SYR", None) == "SYR"
    assert lex.actors[PUTIN].kind == "person"
    forms = {(f.text, f.actor_id) for f in lex.forms}
    assert ("Putin", PUTIN) in forms
    assert ("Syrian", "country:SYR") in forms
    assert ("Damascus", "country:SYR") in forms
    assert lex.agents["troops"].code == "MIL"


def test_a_copied_folder_loads_like_the_packaged_tables(lexicon_dir: Path) -> None:
    copy, packaged = load_actor_lexicon(lexicon_dir), load_actor_lexicon()
    assert copy.actors.keys() == packaged.actors.keys()
    assert len(copy.forms) == len(packaged.forms)
    assert copy.code(PUTIN, dt.date(2009, 6, 1)) == "RUSGOV"


def test_a_folder_table_replaces_the_packaged_one(tmp_path: Path) -> None:
    (tmp_path / "people.tsv").write_text(
        "# only one person\nJane Roe\tRoe\tUSAGOV\t2020-01-01\t-\tPresident\n", encoding="utf-8")
    lex = load_actor_lexicon(tmp_path)
    assert lex.code("person:jane-roe", dt.date(2021, 1, 1)) == "USAGOV"
    assert PUTIN not in lex.actors
    assert "country:SYR" in lex.actors  # the other tables are still the packaged ones


# --- bad actor tables -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("line", "entry", "reason"),
    [
        ("rus\tRussia Two\t-\t-\t-", "rus", "iso3: 'rus' does not match"),
        ("XYZ\tXyzland\t-", "XYZ", "expected 5 TAB-separated fields, got 3"),
        ("XYZ\t-\t-\t-\t-", "XYZ", "name: a value is required"),
        ("XYZ\tXyzland\t\t-\t-", "XYZ", "aliases: empty field"),
        ("XYZ\tXyzland \t-\t-\t-", "XYZ", "leading or trailing space"),
    ],
)
def test_bad_countries_table_names_file_and_line(lexicon_dir: Path, line: str, entry: str,
                                                 reason: str) -> None:
    countries = lexicon_dir / "countries.tsv"
    number = append(countries, line)
    with pytest.raises(LexiconError) as info:
        load_actor_lexicon(lexicon_dir)
    err = info.value
    assert (err.path, err.line, err.entry) == (str(countries), number, entry)
    assert reason in err.reason
    assert str(err).startswith(f"{countries}:{number}: ")


def test_an_alias_coded_two_ways_across_files(lexicon_dir: Path) -> None:
    organizations = lexicon_dir / "organizations.tsv"
    number = append(organizations, "Syria Liberation Front\tSyria\tSYRREB\tarmed_group")
    with pytest.raises(LexiconError) as info:
        load_actor_lexicon(lexicon_dir)
    err = info.value
    assert (err.path, err.line) == (str(organizations), number)
    assert "'Syria' is coded SYRREB here and SYR at " in err.reason
    assert str(lexicon_dir / "countries.tsv") in err.reason


def test_a_metonym_that_clashes_with_an_organization(lexicon_dir: Path) -> None:
    append(lexicon_dir / "organizations.tsv", "Kremlin Guard\tThe Guard\tRUSMIL\tmilitary")
    number = append(lexicon_dir / "metonyms.tsv", "The Guard\tRUSGOV\tgovernment")
    with pytest.raises(LexiconError) as info:
        load_actor_lexicon(lexicon_dir)
    assert (info.value.path, info.value.line) == (str(lexicon_dir / "metonyms.tsv"), number)


def test_an_organisation_with_dated_rows_is_coded_by_the_day(lexicon_dir: Path) -> None:
    append(lexicon_dir / "organizations.tsv",
           "Northern Front\tNF\tXYZREB\tarmed_group\t-\t2019-12-31",
           "Northern Front\tNF\tXYZGOV\tgovernment\t2020-01-01\t-",
           "Southern Front\t-\tXYZREB\tarmed_group")  # an undated row may stop after its kind
    lex = load_actor_lexicon(lexicon_dir)
    assert lex.code("org:northern-front", dt.date(2015, 1, 1)) == "XYZREB"
    assert lex.code("org:northern-front", dt.date(2021, 1, 1)) == "XYZGOV"
    assert lex.term("org:northern-front", dt.date(2021, 1, 1)).kind == "government"  # type: ignore[union-attr]
    assert lex.code("org:southern-front", dt.date(2021, 1, 1)) == "XYZREB"


@pytest.mark.parametrize(
    ("rows", "reason"),
    [
        (["Northern Front\t-\tXYZREB\tarmed_group\t-\t2020-06-30",
          "Northern Front\t-\tXYZGOV\tgovernment\t2020-01-01\t-"], "two terms overlap on 2020-01-01"),
        (["Northern Front\t-\tXYZREB\tarmed_group",
          "Northern Front\t-\tXYZGOV\tgovernment\t2020-01-01\t-"], "two terms overlap on 2020-01-01"),
        (["Northern Front\t-\tXYZGOV\tgovernment\t2020-01-01\t2019-01-01"], "ends (2019-01-01) before"),
    ],
)
def test_bad_dated_organisation_rows(lexicon_dir: Path, rows: list[str], reason: str) -> None:
    organizations = lexicon_dir / "organizations.tsv"
    number = append(organizations, *rows)
    with pytest.raises(LexiconError) as info:
        load_actor_lexicon(lexicon_dir)
    assert info.value.path == str(organizations) and number <= info.value.line < number + len(rows)
    assert reason in info.value.reason


def test_the_same_alias_with_the_same_code_is_fine(lexicon_dir: Path) -> None:
    append(lexicon_dir / "organizations.tsv", "Syrian State\tSyria\tSYR\tgovernment")
    lex = load_actor_lexicon(lexicon_dir)
    assert "org:syrian-state" in lex.actors


PEOPLE_HEADER = "# name\taliases\tcode\tstart\tend\toffice\n"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("2010-01-01", "2015-06-01"), ("2014-01-01", "-")),
        (("-", "-"), ("-", "-")),
        (("2010-01-01", "-"), ("2020-01-01", "2021-01-01")),
        (("-", "2012-01-01"), ("2011-12-31", "2013-01-01")),
    ],
    ids=["overlap", "both-open", "inside", "open-start"],
)
def test_two_people_sharing_an_alias_with_overlapping_terms(
    tmp_path: Path, first: tuple[str, str], second: tuple[str, str]
) -> None:
    people = tmp_path / "people.tsv"
    people.write_text(
        PEOPLE_HEADER
        + f"John Smith\tSmith|J. Smith\tUSAGOV\t{first[0]}\t{first[1]}\tPresident\n"
        + f"Jane Smith\tSmith\tGBRGOV\t{second[0]}\t{second[1]}\tPrime Minister\n",
        encoding="utf-8",
    )
    with pytest.raises(LexiconError) as info:
        load_actor_lexicon(tmp_path)
    err = info.value
    assert err.path == str(people)
    assert err.line in (2, 3)
    assert err.entry == "Smith"
    assert "person:john-smith" in err.reason and "person:jane-smith" in err.reason


@pytest.mark.parametrize(
    ("first", "second"),
    [(("2010-01-01", "2015-06-01"), ("2015-06-01", "-")),
     (("2010-01-01", "2012-01-01"), ("2014-01-01", "2016-01-01"))],
    ids=["handover-day", "apart"],
)
def test_two_people_may_share_an_alias_in_turn(tmp_path: Path, first: tuple[str, str],
                                               second: tuple[str, str]) -> None:
    (tmp_path / "people.tsv").write_text(
        PEOPLE_HEADER
        + f"John Smith\tSmith\tUSAGOV\t{first[0]}\t{first[1]}\tPresident\n"
        + f"Jane Smith\tSmith\tGBRGOV\t{second[0]}\t{second[1]}\tPresident\n",
        encoding="utf-8",
    )
    lex = load_actor_lexicon(tmp_path)
    holders = {f.actor_id for f in lex.forms if f.text == "Smith"}
    assert holders == {"person:john-smith", "person:jane-smith"}


@pytest.mark.parametrize(
    ("dates", "reason"),
    [(("2015-01-01", "2014-01-01"), "term ends (2014-01-01) before it starts (2015-01-01)"),
     (("2015-02-30", "-"), "start: '2015-02-30' is not a YYYY-MM-DD date")],
)
def test_bad_person_terms(tmp_path: Path, dates: tuple[str, str], reason: str) -> None:
    people = tmp_path / "people.tsv"
    people.write_text(PEOPLE_HEADER + "\nJohn Smith\t-\tUSAGOV\t" + "\t".join(dates) + "\t-\n",
                      encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_actor_lexicon(tmp_path)
    assert (info.value.path, info.value.line, info.value.entry) == (str(people), 3, "John Smith")
    assert info.value.reason == reason


def test_an_agent_word_coded_twice(tmp_path: Path) -> None:
    agents = tmp_path / "agents.tsv"
    agents.write_text("troops|soldiers\tMIL\tgroup\nrebels|soldiers\tREB\tgroup\n",
                      encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_actor_lexicon(tmp_path)
    assert (info.value.path, info.value.line) == (str(agents), 2)
    assert "agent 'soldiers' already coded MIL" in info.value.reason


# --- event lexicon ----------------------------------------------------------------------------

def test_packaged_event_lexicon() -> None:
    lex = load_event_lexicon()
    assert lex is load_event_lexicon()
    assert "042" in [p.code for p in lex.verbs["visit"]]
    assert "say" in lex.speech_lemmas
    bomb = lex.verbs["bomb"][0]
    assert bomb.code == "195"
    assert bomb.rule.startswith("verb 'bomb' -> 195 (verbs.tsv:")
    assert "ceasefire" in lex.nouns


VERBS_HEADER = "# code\tlemma\tparticle\tobject\ttarget\n"


@pytest.mark.parametrize("code", ["999", "0999", "210", "1999"])
def test_verb_with_a_code_not_in_cameo(tmp_path: Path, code: str) -> None:
    verbs = tmp_path / "verbs.tsv"
    verbs.write_text(VERBS_HEADER + "010\tsay\t-\t-\tto\n" + f"{code}\tfrobnicate\t-\t-\tdobj\n",
                     encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_event_lexicon(tmp_path)
    err = info.value
    assert (err.path, err.line, err.entry) == (str(verbs), 3, code)
    assert err.reason == f"code {code} is not in the CAMEO codebook"


def test_noun_with_a_code_not_in_cameo(tmp_path: Path) -> None:
    nouns = tmp_path / "nouns.tsv"
    nouns.write_text("# header\n999\tparade\t-\tin\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_event_lexicon(tmp_path)
    assert (info.value.path, info.value.line) == (str(nouns), 2)


@pytest.mark.parametrize(
    ("line", "reason"),
    [("19\tbomb\t-\t-\tdobj", r"code: '19' does not match"),
     ("195\tBomb\t-\t-\tdobj", "lemma: 'Bomb' does not match"),
     ("195\tbomb\t-\t-\tDOBJ", "target: 'DOBJ' does not match"),
     ("195\tbomb\t-\t-", "expected 5 TAB-separated fields, got 4")],
)
def test_bad_verb_rows(tmp_path: Path, line: str, reason: str) -> None:
    verbs = tmp_path / "verbs.tsv"
    verbs.write_text(VERBS_HEADER + line + "\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_event_lexicon(tmp_path)
    assert (info.value.path, info.value.line) == (str(verbs), 2)
    assert reason in info.value.reason


def test_the_same_verb_pattern_with_two_codes(tmp_path: Path) -> None:
    verbs = tmp_path / "verbs.tsv"
    verbs.write_text(VERBS_HEADER + "195\tbomb\t-\t-\tdobj\n190\tbomb\t-\t-\tdobj\n",
                     encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_event_lexicon(tmp_path)
    assert (info.value.path, info.value.line) == (str(verbs), 3)
    assert "same pattern as verb 'bomb' -> 195 (verbs.tsv:2) with another code" in str(info.value)


def test_verb_patterns_that_differ_are_fine(tmp_path: Path) -> None:
    (tmp_path / "verbs.tsv").write_text(
        VERBS_HEADER + "195\tbomb\t-\t-\tdobj\n190\tbomb\t-\tposition\tdobj\n"
        "0874\tpull\tout\t-\tfrom\n", encoding="utf-8")
    lex = load_event_lexicon(tmp_path)
    assert [p.code for p in lex.verbs["bomb"]] == ["195", "190"]
    assert lex.verbs["pull"][0].particle == "out"


def test_a_particle_phrase_with_alternatives_is_one_pattern_each(tmp_path: Path) -> None:
    (tmp_path / "verbs.tsv").write_text(
        VERBS_HEADER + "1312\tthreaten\twith sanction|embargo\t-\tdobj\n", encoding="utf-8")
    pats = load_event_lexicon(tmp_path).verbs["threaten"]
    assert [p.particle for p in pats] == ["with sanction", "with embargo"]
    assert pats[1].rule == "verb 'threaten with embargo' -> 1312 (verbs.tsv:2)"


def test_alternatives_need_a_preposition_phrase(tmp_path: Path) -> None:
    (tmp_path / "verbs.tsv").write_text(VERBS_HEADER + "130\twarn\tback|down\t-\tdobj\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="particle"):
        load_event_lexicon(tmp_path)

"""Asserted relations, table-driven: sentence -> (kind, source, target) the text states."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from actorgraph import Pipeline
from actorgraph.lexicon import LexiconError
from actorgraph.lexicon.relations import load_relation_cues
from tests.conftest import code_text

CASES = [
    # membership: a led coalition and its list, "a member of"
    ("The Saudi-led coalition, including the UAE, Bahrain and Egypt, bombed Houthi positions.",
     {("member", "ARE", "SAUMIL"), ("member", "BHR", "SAUMIL"), ("member", "EGY", "SAUMIL")}),
    ("Jordan, a member of the Arab League, hosted the talks.", {("member", "JOR", "IGOMEAARL")}),
    # a coalition with no leader named: its members are allies of one another
    ("A coalition of Qatar, Turkey and Pakistan pledged aid.",
     {("ally", "QAT", "TUR"), ("ally", "QAT", "PAK"), ("ally", "TUR", "PAK")}),
    # alliance: possessive owner with "its", adjective owner with "such as"
    ("Russia and its allies, chiefly Iran and Syria, met in Tehran.",
     {("ally", "IRN", "RUS"), ("ally", "SYR", "RUS")}),
    ("Russian allies such as Iran and Hezbollah fought on.",
     {("ally", "IRN", "RUS"), ("ally", "LBNREB", "RUS")}),
    # backing: proxy apposition, passive agent, active verb, "X-backed"
    ("Hezbollah, Iran's proxy in Lebanon, fired rockets at Israel.", {("backs", "IRN", "LBNREB")}),
    ("The Houthis are backed by Iran.", {("backs", "IRN", "YEMREB")}),
    ("Iran arms the Houthis.", {("backs", "IRN", "YEMREB")}),
    ("Militias backed by Tehran shelled the base.", {("backs", "IRNGOV", "REB")}),
    # enmity
    ("Turkey is an enemy of the PKK.", {("enemy", "TUR", "TURREB")}),
    # nothing asserted
    ("Iran did not arm the Houthis.", set()),
    ("The coalition bombed targets in Yemen.", set()),
    ("Russia's allies were silent on Tuesday.", set()),
    ("The allies met in Geneva to discuss Syria.", set()),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_relations(pipeline: Pipeline, sentence: str, expected: set[tuple[str, str, str]]) -> None:
    coded = code_text(pipeline, sentence, dt.date(2020, 5, 1))
    found = {(r.kind, r.source.code, r.target.code) for r in coded.relations}
    assert found == expected
    for r in coded.relations:
        assert r.voice == "author"
        assert sentence[r.cue.start : r.cue.end] == r.cue.text  # the cue word points into the text
        assert r.rule.split(":")[0] in ("noun", "verb")


def test_relation_cues_are_validated_with_file_line_and_entry(tmp_path: Path) -> None:
    (tmp_path / "relations.tsv").write_text("# word\tpos\tkind\tlisted\nally\tnoun\tfriend\tsource\n")
    with pytest.raises(LexiconError, match=r"relations\.tsv:2.*ally"):
        load_relation_cues(tmp_path)


def test_a_user_relations_table_replaces_ours(tmp_path: Path) -> None:
    (tmp_path / "relations.tsv").write_text("# word\tpos\tkind\tlisted\npal\tnoun\tally\tsource\n")
    assert list(load_relation_cues(tmp_path)) == [("pal", "noun")]

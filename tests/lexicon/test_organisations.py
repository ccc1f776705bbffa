"""Intergovernmental and non-governmental organisations of organizations.tsv: names and aliases
code as their CAMEO organisation codes, as mentions and as the actors of events."""

from __future__ import annotations

import datetime as dt

import pytest

from actorgraph import Pipeline
from tests.conftest import code_text


def mentions(pipeline: Pipeline, text: str) -> dict[str, str | None]:
    return {m.text: m.code for m in code_text(pipeline, text).mentions}


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Asean foreign ministers gathered in Vientiane.", "Asean", "IGOSEAASN"),
        (
            "Southern African Development Community envoys arrived.",
            "Southern African Development Community",
            "IGOSAFSAD",
        ),
        ("Delegates of the Caribbean Community arrived.", "Caribbean Community", "IGOCRB"),
        ("The ECtHR published its judgment.", "ECtHR", "IGOEURCOE"),
        ("The ECB held rates steady.", "ECB", "IGOEUREEC"),
        ("The EBRD opened an office in Kyiv.", "EBRD", "IGOEURDEVEBR"),
        ("AfDB economists revised their forecast.", "AfDB", "IGOAFRDEVAFB"),
        ("Unamid peacekeepers left El Fasher.", "Unamid", "IGOUNO"),
        ("The UN migration agency counted the arrivals.", "UN migration agency", "IGOUNO"),
        ("Staff of the Memorial human rights group were searched.", "Memorial human rights group", "NGOHRI"),
        ("Reporters Sans Frontières published its index.", "Reporters Sans Frontières", "NGOHRI"),
        ("A CARE International convoy reached Gaza.", "CARE International", "NGODEV"),
    ],
)
def test_an_organisation_is_named(pipeline: Pipeline, text: str, name: str, code: str) -> None:
    assert mentions(pipeline, text).get(name) == code


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("ASEAN urged the generals in Myanmar to release political prisoners.", "IGOSEAASN", None),
        ("Brazil hosted a Mercosur summit, and Mercosur signed a pact with Japan.", "IGOSAM", "JPN"),
        ("The Organization of American States condemned Nicaragua.", "IGOWSTOAS", "NIC"),
        ("IGAD urged Ethiopia to withdraw its troops.", "IGOEAFIAD", "ETH"),
        ("The Council of Europe expelled Russia.", "IGOEURCOE", "RUS"),
        ("The Asian Development Bank lent $300 million to Sri Lanka.", "IGOASADEVADB", "LKA"),
        ("UNESCO praised Jordan for protecting its heritage.", "IGOUNO", "JOR"),
        ("MONUSCO accused the FDLR of attacking a camp.", "IGOUNO", "RWAREB"),
        ("The Committee to Protect Journalists criticised Azerbaijan.", "NGOHRI", "AZE"),
        ("Reporters Without Borders condemned Iran over the jailing.", "NGOHRI", "IRN"),
        ("B'Tselem accused Israel of torturing detainees.", "NGOHRI", "ISR"),
        ("Greenpeace criticised Brazil over the dam.", "NGOENV", "BRA"),
        ("The International Rescue Committee warned Sudan of famine.", "NGOREF", "SDN"),
        ("Russia expelled the Danish Refugee Council.", "RUS", "NGODNKREF"),
    ],
)
def test_an_organisation_is_an_event_actor(
    pipeline: Pipeline, text: str, source: str, target: str | None
) -> None:
    pairs = {
        (e.source and e.source.code, e.target and e.target.code)
        for e in code_text(pipeline, text, dt.date(2024, 3, 14)).events
    }
    if target is None:
        assert source in {s for s, _ in pairs}, pairs
    else:
        assert (source, target) in pairs, pairs


def test_an_ambiguous_word_is_no_organisation(pipeline: Pipeline) -> None:
    # "Article 19" is a constitution's article; the group is named in its own capitals.
    assert mentions(pipeline, "Article 19 of the constitution guarantees free speech.") == {}
    assert mentions(pipeline, "ARTICLE 19 condemned the ban.").get("ARTICLE 19") == "NGOHRI"


@pytest.mark.parametrize(
    ("day", "code", "kind"),
    [
        (dt.date(1999, 5, 1), "AFGGOV", "government"),  # the emirate of 1996-2001
        (dt.date(2015, 5, 1), "AFGREB", "armed_group"),
        (dt.date(2021, 8, 15), "AFGGOV", "government"),  # the day Kabul fell
        (dt.date(2024, 3, 14), "AFGGOV", "government"),
    ],
)
def test_an_organisation_is_coded_for_the_document_date(
    pipeline: Pipeline, day: dt.date, code: str, kind: str
) -> None:
    [mention] = [m for m in code_text(pipeline, "The Taliban closed the schools.", day).mentions
                 if m.text == "Taliban"]
    assert (mention.code, mention.kind) == (code, kind)

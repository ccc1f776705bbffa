"""Actor mentions: lexicon names, dated leaders, metonyms, agents with countries, fallbacks."""

from __future__ import annotations

import datetime as dt

import pytest

from actorgraph import Pipeline
from actorgraph.actors import ActorCoder, unsponsored
from tests.conftest import code_text


def mentions(
    pipeline: Pipeline, text: str, day: dt.date | None = dt.date(2024, 3, 14)
) -> dict[str, str | None]:
    return {m.text: m.code for m in code_text(pipeline, text, day).mentions}


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Officials in Moscow were silent.", "Moscow", "RUSGOV"),  # capital as government
        ("The Kremlin was silent.", "Kremlin", "RUSGOV"),
        ("The Pentagon was silent.", "Pentagon", "USAMIL"),
        ("Syrian troops moved north.", "Syrian troops", "SYRMIL"),
        ("Iraqi police moved north.", "Iraqi police", "IRQCOP"),
        ("Assad's forces moved north.", "Assad's forces", "SYRMIL"),  # a person's country + role
        ("Hezbollah fighters moved north.", "Hezbollah fighters", "LBNREB"),  # a group keeps its code
        ("The army of Iraq moved north.", "army of Iraq", "IRQMIL"),
        ("Troops from Chad moved north.", "Troops from Chad", "TCDMIL"),  # "from" owns like "of"
        ("Soviet troops moved north.", "Soviet troops", "RUSMIL"),  # a former state is its successor
        ("Russian-made tanks moved north.", "tanks", "MIL"),  # the maker is no owner
        ("Government troops moved north.", "Government troops", "MIL"),  # soldiers, not the cabinet
        ("The leader of the rebels moved north.", "leader", "REB"),  # a person speaks for the group named
        ("A spokesman for the Kurdish militia was silent.", "spokesman", "REB"),
        ("Foreign journalists were silent.", "Foreign journalists", "MED"),  # kept whole: no one's here
        ("Iraqi government forces moved north.", "Iraqi government forces", "IRQMIL"),
        ("Greek border police moved north.", "Greek border police", "GRCCOP"),
        ("Afghan migrants moved north.", "Afghan migrants", "AFGCVL"),
        ("Daesh fighters moved north.", "Daesh fighters", "IMGMUSISI"),
        ("The Da’wa Party wrote.", "Da’wa Party", "IRQPTY"),  # typographic apostrophe
        ("The West was silent.", "The West", "WST"),  # a CAMEO region
        ("Relief agencies moved north.", "Relief agencies", "NGO"),
        ("Anti-government protesters moved north.", "Anti-government protesters", "OPP"),  # not GOV
        ("Moscow blamed western support for the rebels.", "western", "WST"),
        ("European troops moved north.", "European troops", "EURMIL"),  # a region's role
        ("Al-Qaeda-linked militants moved north.", "Al-Qaeda-linked militants", "IMGMUSALQ"),  # affiliates
        ("Iranian-backed militias moved north.", "militias", "REB"),  # a sponsor is no owner
        ("IRG units moved north.", "IRG units", "IRNMIL"),  # the Revolutionary Guard's short name
        ("Military officials met.", "Military officials", "MIL"),  # an agent's adjective
        ("Kenyan union leaders met.", "Kenyan union leaders", "KENLAB"),  # labour
        ("Chinese warships and aircraft moved.", "Chinese warships and aircraft", "CHNMIL"),  # shared owner
        ("European Community ministers met.", "European Community ministers", "IGOEUREEC"),  # EU, old name
    ],
)
def test_lexicon_and_agents(pipeline: Pipeline, text: str, name: str, code: str) -> None:
    assert mentions(pipeline, text).get(name) == code


def test_a_region_adjective_before_a_place_is_a_direction(pipeline: Pipeline) -> None:
    assert mentions(pipeline, "Iraqi forces advanced into western Mosul.").get("western") is None
    assert mentions(pipeline, "Shelling hit the western outskirts.").get("western") is None


def test_a_region_is_no_role_s_country(pipeline: Pipeline) -> None:
    [event] = code_text(pipeline, "Thousands demonstrated against the West in Tehran.").events
    assert event.target is not None and (event.target.code, event.target.country) == ("WST", None)


def test_case_matters_for_abbreviations(pipeline: Pipeline) -> None:
    assert mentions(pipeline, "The US warned us.") == {"US": "USA"}


def test_leaders_are_coded_for_the_document_date(pipeline: Pipeline) -> None:
    assert mentions(pipeline, "Putin spoke.", dt.date(2015, 10, 21))["Putin"] == "RUSGOV"
    assert mentions(pipeline, "Obama spoke.", dt.date(2012, 1, 1))["Obama"] == "USAGOV"
    # out of office: one of his state's elites, not its government
    assert mentions(pipeline, "Obama spoke.", dt.date(2022, 1, 1))["Obama"] == "USAELI"


def test_a_title_codes_an_unknown_name(pipeline: Pipeline) -> None:
    found = code_text(pipeline, "Russian Foreign Minister Ivan Petrovsky arrived.").mentions
    merged = [m for m in found if "Petrovsky" in m.text]
    assert merged and merged[0].code == "RUSGOV" and merged[0].origin == "ner+agent"


def test_unknown_names_are_kept_and_flagged(pipeline: Pipeline) -> None:
    found = code_text(pipeline, "Maria Kowalczyk criticised the plan.").mentions
    unknown = [m for m in found if m.origin == "ner"]
    assert unknown and unknown[0].code is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Arab League Secretary General Omar Haddad arrived.", "IGOMEAARL"),  # an IGO's title
        ("Syrian general Ali Hassan arrived.", "SYRMIL"),  # a role the lexicon lists for groups
        ("Police chief Ali Hassan arrived.", "COP"),
        ("Rebel commander Abu Omar arrived.", "REB"),
    ],
)
def test_a_role_right_before_an_unknown_name_is_its_title(pipeline: Pipeline, text: str, code: str) -> None:
    merged = [m for m in code_text(pipeline, text).mentions if m.origin == "ner+agent"]
    assert len(merged) == 1 and merged[0].code == code


def test_every_packaged_region_has_a_cameo_region_code() -> None:
    from actorgraph.actors import REGION_CODES
    from actorgraph.lexicon import load_actor_lexicon

    regions = [a for a in load_actor_lexicon().actors.values() if a.actor_id.startswith("region:")]
    assert regions and all(a.actor_id.removeprefix("region:") in REGION_CODES for a in regions)


def test_an_adjective_naming_a_kind_of_act_is_no_actor(pipeline: Pipeline) -> None:
    assert "military" not in mentions(pipeline, "Hungary refused military assistance to Ukraine.")


def test_an_unknown_civil_society_body_is_an_ngo_still_flagged(pipeline: Pipeline) -> None:
    found = code_text(pipeline, "The Association of Sahel Lawyers criticised the junta.").mentions
    [body] = [m for m in found if "Association" in m.text]
    assert (body.code, body.origin) == ("NGO", "ner")



def test_a_sponsor_is_left_out_of_the_owners_but_a_leader_is_not(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Iran-backed militias and US-led forces attacked Syrian troops.")
    sent_of = {s.start: n for n, s in enumerate(doc.sents)}
    found = ActorCoder(nlp).find(doc, 0, sent_of, dt.date(2024, 1, 1))
    texts = {f.mention.text for f in found}
    owners = {f.mention.text for f in unsponsored(doc, found)}
    assert {"Iran", "US", "Syrian"} <= texts
    assert "Iran" not in owners and {"US", "Syrian"} <= owners

"""Implied arguments: the countries and actors an event's text leaves unnamed, from the event's
place, the places its sentence names and the document's main country.

Each rule fills only what is missing, says so in the event's ``rule`` and lowers its
``confidence``; ``complete`` applies them in order.

Example:
    >>> from actorgraph.records import Actor, Event, Location, Span
    >>> event = Event(
    ...     event_id="e", doc_id="d", doc="d", sentence_index=0, sentence="Rebels attacked.",
    ...     trigger=Span("attacked", 7, 15), source=Actor("Rebels", "REB", None, None, "REB"),
    ...     target=None, code="190", root="19", quad_class=4, goldstein=-10.0,
    ...     plover_type="ASSAULT", plover_mode="", modality="asserted", voice="author", rule="r",
    ...     confidence=1.0, date=None, location=None)
    >>> complete(event, "SYR", None).source.code
    'SYRREB'
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from actorgraph.actors import NOT_OWN
from actorgraph.place import Gazetteer
from actorgraph.records import Actor, Event

__all__ = [
    "CONTEXT_CONFIDENCE",
    "IMPLIED_CONFIDENCE",
    "MISSION_NOTE",
    "RoleMemory",
    "complete",
    "titled_in_context",
    "with_context_country",
]

# Roles that name no country by themselves ("rebels", "the army", "protesters").
_BARE_ROLES = {
    "REB", "CVL", "OPP", "LAB", "COP", "JUD", "LEG", "MED", "ELI", "PTY", "MIL", "GOV", "SPY", "BUS",
    "EDU", "HLH",
}
# Of those, the ones that the document's main place country may code: a story's rebels and
# civilians, press, teachers and business people are that country's, but its "minister" may be
# anyone's.
_DOMESTIC_ROLES = {"REB", "CVL", "OPP", "LAB", "MED", "EDU", "HLH", "BUS"}
# Who addresses its own state's institutions (_home_institution), and those institutions.
_HOME_SECTORS = {"PTY", "OPP", "CVL", "LEG", "JUD", "LAB", "EDU", "HLH", "ELI"}
_HOME_INSTITUTIONS = {"GOV", "LEG", "JUD"}
# The roles of a state's own bodies: named alone in a sentence that names one country, theirs.
_STATE_BODIES = {"GOV", "MIL", "COP", "SPY", "LEG", "JUD"}
# The coder's note on a protest aimed at the state whose embassy or consulate it is held at:
# its protesters are not that state's people.
MISSION_NOTE = "against the state of its mission"
# Confidence kept when an actor's country comes from context rather than the text.
CONTEXT_CONFIDENCE = 0.8


def _home_institution(event: Event, here: str | None = None) -> Event:
    """A country's parties, opposition, civilians and courts address their own government,
    parliament and judges: "Kenyan students demanded that parliament reject the bill" ->
    KENLEG; and, short of violence, those roles and rebels with no country address their
    target institution's: "Shiite militiamen put pressure on the Iraqi prime minister" ->
    IRQREB. Only institutions as targets: soldiers and police a population faces may be
    another state's."""
    source, target = event.source, event.target
    if source is None or target is None or (source.country is None) == (target.country is None):
        return event
    if target.country is not None:
        # (A protest against a state is against its institutions: "protested against Sweden's
        # decision" -> the protesters are Sweden's.)
        protested = target.sector is None and event.code[:2] == "14" and MISSION_NOTE not in event.rule
        if protested and here is not None and here != target.country:
            return event  # "protesters in Baghdad stormed the Swedish embassy": the place's people
        institution = target.sector in _HOME_INSTITUTIONS or protested
        if source.code not in _HOME_SECTORS | {"REB"} or not institution:
            return event
        if event.code[:2] in ("18", "19", "20"):
            return event
        return _with_country(event, "source", target.country, "source is the target's own")
    if source.sector not in _HOME_SECTORS or target.code not in _HOME_INSTITUTIONS:
        return event
    assert source.country is not None
    return _with_country(event, "target", source.country, "target is the source's own")


# Offices whose names begin with a word that says a role is not the country's own (NOT_OWN:
# "foreign journalists" are no one's here, a "foreign minister" is).
_FOREIGN_OFFICES = {"minister", "ministers", "ministry", "secretary", "office", "affairs", "policy"}


def _foreign(actor: Actor) -> bool:
    """Whether the words of a role say it is not the country's own: "foreign journalists",
    "a regional peacekeeping force"."""
    words = actor.text.lower().split()
    if any(w.startswith(("peacekeep", "settler")) for w in words):
        # peacekeepers are never the forces of the place they keep the peace in, nor settlers
        # the people of the land they settle
        return True
    return bool(NOT_OWN & set(words[:-1])) and not _FOREIGN_OFFICES & set(words)


def _with_country(event: Event, side: str, country: str, note: str) -> Event:
    """``event`` with its bare ``side`` actor given ``country``, the rule saying so."""
    actor: Actor = getattr(event, side)
    if _foreign(actor):
        return event
    owned = dataclasses.replace(actor, code=country + (actor.code or ""), country=country)
    return dataclasses.replace(
        event,
        rule=f"{event.rule}; {note} ({country})",
        confidence=round(event.confidence * CONTEXT_CONFIDENCE, 2),
        **{side: owned},  # type: ignore[arg-type]
    )


_CONTEXT_NOTE = "country from context"
# Words that mark a noun phrase as definite or owned, not as a kind of role.
_ARTICLES = {"the", "a", "an", "its", "their", "these", "those", "this", "that", "his", "her"}


def _kind_words(text: str, actor: Actor) -> list[str]:
    """The words of ``actor``'s phrase in the document ``text``, with the capitalised words
    just before it that say which kind of its role it is: "the Shiite militias" ->
    ["shiite", "militias"] (the tagger keeps "Shiite" apart from the role "militias")."""
    kind: list[str] = []
    before = text[max(0, actor.start - 40) : actor.start] if actor.start is not None else ""
    for word in reversed(before.split()):
        if not word.isalpha() or not word[0].isupper() or word.lower() in _ARTICLES or len(kind) == 2:
            break
        kind.insert(0, word.lower())
    return kind + [w for w in actor.text.lower().split() if w not in _ARTICLES]


class RoleMemory:
    """The countries a document has given its roles so far, for a later bare mention of the
    same kind of role: after "Iraqi Shiite militiamen", "the Shiite militias" are Iraq's even in
    a sentence about Syria. Only roles with a qualifier ("Shiite", "Kurdish") are recalled:
    "the rebels" alone may be anyone's, and the context rules decide.

    Example:
        >>> text = "Iraqi Shiite militiamen fired. Later the Shiite militias..."
        >>> memory = RoleMemory(text)
        >>> memory.remember(Actor("Iraqi Shiite militiamen", "IRQREB", None, "IRQ", "REB", 0, 23))
        >>> at = text.index("militias")
        >>> bare = Actor("militias", "REB", None, None, "REB", at, at + 8)
        >>> memory.country_of(bare)
        ('IRQ', 'Iraqi Shiite militiamen')
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._seen: dict[str, list[tuple[frozenset[str], str, str]]] = {}

    def country_of(self, actor: Actor) -> tuple[str, str] | None:
        """The country and phrase of the last role of ``actor``'s kind, if it has a qualifier."""
        words = _kind_words(self.text, actor)
        kind = {w for w in words[:-1] if len(w) > 2}
        earlier = [(country, phrase) for seen, country, phrase in self._seen.get(actor.sector or "", [])
                   if kind and kind <= seen]
        return earlier[-1] if earlier else None

    def remember(self, actor: Actor) -> None:
        """Keep ``actor``'s country for its kind of role, if it has both."""
        if actor.country and actor.sector:
            words = frozenset(_kind_words(self.text, actor))
            self._seen.setdefault(actor.sector, []).append((words, actor.country, actor.text))

    def recall(self, event: Event) -> Event:
        """``event`` with each bare, qualified role given the country its kind last had."""
        for side in ("source", "target"):
            actor: Actor | None = getattr(event, side)
            if actor is None or actor.country is not None or actor.code not in _BARE_ROLES:
                continue
            known = self.country_of(actor)
            if known is not None:
                event = _with_country(event, side, known[0], f"{side} country as '{known[1]}' earlier")
        return event

    def remember_event(self, before: Event, after: Event) -> None:
        """Keep the countries ``after`` (``before`` completed) gives its roles, unless only the
        context gave them."""
        from_context = _CONTEXT_NOTE in after.rule[len(before.rule) :]
        for side in ("source", "target"):
            own: Actor | None = getattr(before, side)
            actor: Actor | None = getattr(after, side)
            if actor is not None and not (own is not None and own.country is None and from_context):
                self.remember(actor)


# Roots of acts between parties (intents, talks, diplomatic and material cooperation), which a
# government does not do to itself; a curfew or a crackdown may well be a state's on its own.
_DIPLOMATIC_ROOTS = ("03", "04", "05", "06")


def with_context_country(event: Event, focus: str | None, sentence: str | None = None) -> Event:
    """Give bare roles a country: the event's place, else the one country of the places its
    sentence names (``sentence``), else the document's main place country (``focus``).

    "Massacre in Aleppo by terrorists" -> SYRREB. The rule records that it did so.
    """
    named = _named_country(event)
    event = _home_institution(event, named or sentence)
    loc = event.location
    inferred = loc.country if loc is not None and loc.inferred else None
    # An inferred place (the document's main country) still codes every bare role, as before
    # the sentence's places were read; they only come first.
    place = named or sentence or inferred
    country = place or focus
    roles = _BARE_ROLES if place else _DOMESTIC_ROLES
    if country is None:
        return event
    changed: dict[str, Actor] = {}
    for side, actor, other in _sides(event):
        struck_state = other is not None and other.code in (country, f"{country}GOV")
        forces = actor is not None and actor.code == "MIL"
        if event.code[:2] in ("18", "19", "20") and forces and struck_state:
            continue  # "drones struck Kyiv": not Ukraine's own drones striking its capital
        if actor is not None and actor.country is None and actor.code in roles and not _foreign(actor):
            if struck_state and event.code[:2] in _DIPLOMATIC_ROOTS and other is not None and (
                other.code == country + actor.code
            ):
                continue  # "the island's president visited Washington": not Washington itself
            changed[side] = dataclasses.replace(actor, code=country + actor.code, country=country)
    return _given_country(event, changed, country, _CONTEXT_NOTE)


def _sides(event: Event) -> Iterator[tuple[str, Actor | None, Actor | None]]:
    """Each side of ``event`` by name, with its actor and the other side's."""
    yield "source", event.source, event.target
    yield "target", event.target, event.source


def _given_country(event: Event, changed: dict[str, Actor], country: str, note: str) -> Event:
    """``event`` with the sides in ``changed`` replaced, the rule saying which took ``country``
    and why ("source, target country from context (SYR)")."""
    if not changed:
        return event
    return dataclasses.replace(
        event,
        rule=f"{event.rule}; {', '.join(changed)} {note} ({country})",
        confidence=round(event.confidence * CONTEXT_CONFIDENCE, 2),
        **changed,  # type: ignore[arg-type]
    )


# Codes whose target, when the text names only a place, is that place's country: a military
# withdrawal from Kherson is a withdrawal from Ukraine; aid let into Gaza is let to Palestine,
# and aid halted there is halted to it.
_PLACE_TARGET_CODES = {
    "0874", "087", "086", "0861", "0862", "0863", "191", "192", "0355", "0356", "162", "1621", "1622", "1623",
}
# Of those, the ones a state does not do to its own country: leaving a place (its forces are
# still home), besieging or taking one (its enemy there is unnamed, not the state itself), or
# halting aid there (its own region's people are not its aid's foreign recipient).
_FOREIGN_ONLY = ("087", "191", "192", "035", "162")  # (and the intent to leave: "will withdraw from")


def _withdrawn_from(event: Event) -> Event:
    loc, src = event.location, event.source
    if (
        (event.target is not None and event.target.code)
        or event.code not in _PLACE_TARGET_CODES
        or loc is None
        or loc.inferred
        or not loc.country
        # Forces leaving a place in their own country have not left it; aid let into one has
        # reached its people.
        or (src is not None and src.country == loc.country and event.code[:3] in _FOREIGN_ONLY)
    ):
        return event
    target = Actor(loc.name, loc.country, None, loc.country, None)
    return dataclasses.replace(event, target=target, rule=f"{event.rule}; target is the place's country")


# Force, its threat and its posture (13 threaten, 15 mobilise, 17 coerce, 18-20 violence): a
# state's forces acting at a place in another country, with no one named, act on that country
# ("Israeli tanks fired at targets in Jericho" -> PSE); at home their unnamed enemy is not
# their own state.
_ABROAD_ROOTS = ("13", "15", "17", "18", "19", "20")


def _force_abroad(event: Event) -> Event:
    src = event.source
    if (event.target is not None and event.target.code) or event.code[:2] not in _ABROAD_ROOTS:
        return event
    country = _named_country(event)
    # An alliance or international body has no home: "ECOWAS threatened intervention in Niger"
    international = src is not None and not src.country and (src.code or "").startswith("IGO")
    if src is None or not (src.country or international) or not country or src.country == country:
        return event
    target = _place_actor(event, country)
    return dataclasses.replace(event, target=target, rule=f"{event.rule}; target is the place's country")


# Sectors of a state acting on its own people: its government, forces, police, intelligence,
# courts, or the state itself.
_STATE_SECTORS = {None, "GOV", "MIL", "COP", "SPY", "JUD"}


# Roles a state's own bodies act on at home: its domestic roles and its parties ("the junta
# dissolved all political parties"), which the story's main country does not code by itself.
_POPULATION_ROLES = _DOMESTIC_ROLES | {"PTY"}
# Roles of people held by a state, whose country is not the state's by default.
_CAPTIVES = {"prisoner", "prisoners", "detainee", "detainees", "inmate", "inmates", "captive", "captives"}
# People who came from elsewhere: "police pushed back migrants", "beat asylum seekers".
_NEWCOMERS = {"migrant", "migrants", "asylum", "asylum-seeker", "asylum-seekers"}
# Refugees a state aids came from elsewhere ("Jordan hosts refugees"); those its army holds or
# attacks are mostly its own displaced people.
_REFUGEES = {"refugee", "refugees"}


def _own_population(event: Event) -> Event:
    """A state's officials and forces acting on a population role that nothing else gave a
    country act on their own country's: "Egyptian police dispersed demonstrators" -> EGYCVL,
    "Burmese troops captured a guerrilla stronghold" -> MMRREB. Runs after the place and the
    document's main country have had their say ("Russian jets bombed rebels near Idlib" stays
    SYRREB)."""
    src, tgt = event.source, event.target
    if src is None or tgt is None or not src.country or tgt.country is not None:
        return event
    if tgt.code not in _POPULATION_ROLES or src.sector not in _STATE_SECTORS:
        return event
    if event.code.startswith("195"):
        return event  # air strikes are as often abroad: "Russian jets bombed the town, killing ten civilians"
    words = set(tgt.text.lower().split())
    if _CAPTIVES & words:
        return event  # a state's prisoners are as often foreign: "Israel released the prisoners"
    if _NEWCOMERS & words or (_REFUGEES & words and event.root == "07") or event.code == "075":
        return event  # a state's migrants, the refugees it aids and whom it grants asylum are mostly foreign
    if tgt.code == "REB" and event.code[:2] in ("05", "06", "07", "16"):
        return event  # states back, arm and drop rebels abroad: "cut funding to the rebel groups"
    return _with_country(event, "target", src.country, "target is the source's own population")


# Measures a government takes on a population (curfews, martial law, bans on parties, and their
# easing): with no target named, the population of the place, else of the government's own
# country ("Turkish authorities imposed a curfew in Cizre", "declared martial law").
_ON_POPULATION = {
    "1721", "1722", "1723", "1724", "0811", "0812", "0813", "0814", "1321", "1322", "1323", "1324",
}
# The unspecified parents only with a place named: "imposed restrictions" alone may be on trade.
_ON_PLACE = {"172", "081"}


def _named_country(event: Event) -> str | None:
    """The country of the place the text names for ``event`` (not one inferred), or None."""
    loc = event.location
    return loc.country if loc is not None and not loc.inferred and loc.country else None


def _place_actor(event: Event, country: str, sector: str | None = None) -> Actor:
    """``country`` (its ``sector``) as an actor, under the event's place name if it is there."""
    loc = event.location
    name = loc.name if loc is not None and loc.country == country else country
    return Actor(name, country + (sector or ""), None, country, sector)


def _imposed_on(event: Event) -> Event:
    if event.code not in _ON_POPULATION | _ON_PLACE or (event.target is not None and event.target.code):
        return event
    src = event.source
    country = _named_country(event)
    if country is None and event.code in _ON_POPULATION and src is not None:
        country = src.country
    if not country:
        return event
    target = _place_actor(event, country)
    return dataclasses.replace(event, target=target, rule=f"{event.rule}; target is {country}'s population")


# Acts only a state's authorities do: arrests, detentions, expulsions, curfews and bans (17x
# but 170, a bare coercion, and 1712, destroying property, that anyone does), trials and
# sentences (116).
_STATE_ACTS = ("171", "172", "173", "174", "175", "116")


def _state_coercion(event: Event) -> bool:
    return event.code.startswith(_STATE_ACTS) and not event.code.startswith("1712")


def _unattributed(event: Event, here: str | None) -> Event:
    """Violence no one is named for ("a roadside bomb near Samarra killed two soldiers") is
    coded, as PLOVER's and ICEWS's coders do, to the country where it happened: its
    attackers are unidentified, not absent. So is an arrest, a detention or a sentence with no
    one named for it ("a French aid worker was detained in Mali"): the authorities there
    did it. Only with a place the sentence names: the event's, else the one country of the
    sentence's places (``here``)."""
    violence = event.code[:2] in ("18", "19", "20")
    if not (violence or _state_coercion(event)) or (event.source is not None and event.source.code):
        return event
    country = _named_country(event) or here
    if not country or (event.target is not None and event.target.code == country):
        return event  # not the state attacking itself ("an offensive against Ukraine" in Ukraine)
    source = Actor("", country, None, country, None)
    doer = "unidentified attackers" if violence else "the authorities"
    return dataclasses.replace(
        event,
        source=source,
        rule=f"{event.rule}; {doer}, coded to the place's country",
        confidence=round(event.confidence * IMPLIED_CONFIDENCE, 2),
    )


def _aided_place(event: Event, here: str | None) -> Event:
    """Aid, troops or protection given or pledged to a place go to its country: "ready to
    contribute 4,000 troops to a peacekeeping force in Liberia" -> LBR. The event's place,
    else the one country the sentence names (``here``)."""
    if not (event.code[:2] == "07" or event.code[:3] == "033") or (event.target and event.target.code):
        return event
    country = _named_country(event) or here
    if not country or (event.source is not None and event.source.country == country):
        return event  # ("Tehran has sent fighters": the sender's own capital is no recipient)
    target = _place_actor(event, country)
    return dataclasses.replace(event, target=target, rule=f"{event.rule}; target is the place's country")


def _domestic_place(event: Event, gazetteer: Gazetteer) -> Event:
    """An event between two actors of one country, with no place named, happens in that
    country rather than in the document's main one: "Shiite militiamen put pressure on the
    Iraqi prime minister", in a story about Syria, is placed in Iraq (inferred)."""
    loc, src, tgt = event.location, event.source, event.target
    if loc is None or not loc.inferred or src is None or tgt is None:
        return event
    if src.country is None or src.country != tgt.country or src.country == loc.country:
        return event
    home = gazetteer.country(src.country)
    if home is None:
        return event
    return dataclasses.replace(event, location=dataclasses.replace(home, inferred=True))


def _protested_against(event: Event) -> Event:
    """A protest that names no target is made against the government where it happens (CAMEO
    codes demonstrations as claims on authorities): the place's country, else the protesters'."""
    if event.code[:2] != "14" or (event.target is not None and event.target.code):
        return event
    src = event.source
    country = _named_country(event) or (src.country if src is not None else None)
    if not country or (src is not None and src.code == f"{country}GOV"):
        return event
    target = _place_actor(event, country, "GOV")
    rule = f"{event.rule}; protest against {country}'s government"
    return dataclasses.replace(event, target=target, rule=rule)


# Verbs of taking territory back: what one side retakes, the other side held. Only these, not
# "capture", imply who lost it.
_RETAKE = re.compile(r"verb '(recapture|retake|retook|retaken|take back|win back|regain)'")
# A guessed actor is less certain than a named one.
IMPLIED_CONFIDENCE = 0.7


def _retaken_from(event: Event, focus: str | None) -> Event:
    """ "Rebels took back X" in a country's war: X was held by that state's forces, and what
    the state's forces retake was held by rebels. Only with no named loser."""
    src = event.source
    country = (event.location.country if event.location else None) or focus
    # An uncoded target of a retaking verb is the place itself ("took back Kinsibb").
    named_loser = event.target is not None and event.target.code
    if named_loser or src is None or not src.code or not country or not _RETAKE.search(event.rule):
        return event
    sector = src.code[3:6] if len(src.code) >= 6 and src.code[:3] == country else None
    if sector in ("MIL", "GOV"):
        loser = f"{country}REB"
    elif "REB" in src.code or src.code.startswith("IMG"):
        loser = f"{country}MIL"
    else:
        return event
    return dataclasses.replace(
        event,
        target=Actor("", loser, None, country, loser[3:]),
        rule=f"{event.rule}; implied target: who held what was retaken",
        confidence=round(event.confidence * IMPLIED_CONFIDENCE, 2),
    )


# Roots of diplomacy between states: consultation (meetings, visits), diplomatic cooperation.
_BETWEEN_STATES_ROOTS = ("04", "05")


def _titled(actor: Actor) -> bool:
    """Whether ``actor``'s words end in a name after a title: "Prime Minister Ana Tora"."""
    capitals = [w for w in actor.text.split() if w[:1].isupper()]
    return len(capitals) >= 2 and actor.text.split()[-1][:1].isupper()


def titled_in_context(event: Event, country: str | None, others: str | None = None) -> Event:
    """``event`` with an unknown office holder given ``country``, the one country its
    sentence's actors name: "Fijian rebels freed Prime Minister Ana Tora" -> FJIGOV; "General
    Tolo resigned to allow Haiti's elections" -> HTIMIL. A state body named by its role alone
    takes ``others``, the one country of the sentence's actors that are not the event's sides:
    "Peru's president ordered the army to halt its operations" -> PERMIL; but not "Kurdish-led
    forces handed prisoners over to Iraq" or "Houthis shot down a helicopter".

    Example:
        >>> from actorgraph.records import Span
        >>> pm = Actor("Prime Minister Ana Tora", "GOV", None, None, "GOV")
        >>> ev = Event("e", "d", "d", 0, "", Span(0, 1, "x"), Actor("rebels", "FJIREB", None, "FJI", "REB"),
        ...            pm, "084", "08", 2, 7.0, "CONCEDE", None, "asserted", "author", "r", 0.9)
        >>> titled_in_context(ev, "FJI").target.code
        'FJIGOV'
    """
    changed: dict[str, Actor] = {}
    for side, actor, other in _sides(event):
        if actor is None or actor.code is None or actor.country is not None or actor.code not in _BARE_ROLES:
            continue
        given = country if _titled(actor) else others if actor.code in _STATE_BODIES else None
        # Officials who meet or praise each other are mostly of two states: "Vice-President
        # Kamala Harris met the Kenyan president" is not Kenya's.
        abroad = event.root in _BETWEEN_STATES_ROOTS and other is not None and other.country == given
        if given is not None and not abroad:
            changed[side] = dataclasses.replace(actor, code=given + actor.code, country=given)
    country = next((a.country for a in changed.values() if a.country), None)
    if country is None:
        return event
    return _given_country(event, changed, country, "country from the sentence's actors")


def complete(event: Event, focus: str | None, here: str | None, gazetteer: Gazetteer | None = None) -> Event:
    """``event`` with what its text leaves unnamed filled in: bare roles' countries, targets and
    sources from places, the government a protest addresses, who held what was retaken.
    ``here`` is the one country of the places the event's sentence names, ``focus`` the
    document's main country."""
    event = _own_population(with_context_country(event, focus, here))
    event = _aided_place(_imposed_on(_force_abroad(_withdrawn_from(event))), here)
    event = _retaken_from(_protested_against(_unattributed(event, here)), focus)
    return _domestic_place(event, gazetteer) if gazetteer is not None else event

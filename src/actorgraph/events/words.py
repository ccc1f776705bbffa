"""Word sets the event rules read: grammar and semantics that no lexicon entry owns.

The comment above a set, or above the group of sets it belongs to, says what it is for. They
are code, not lexicon data: a change here changes how every entry is matched, and the coder's
table of test sentences covers them.

Example:
    >>> "troops" in TROOPS and "fighters" in TROOPS and "fighters" not in BODIES
    True
"""

from __future__ import annotations

from actorgraph.actors import REGION_CODES

__all__ = [
    "ACCEPTABLE", "ACCORD_ROOTS", "ANNOUNCING", "APPROVING", "ASSESSING", "AT_PREPS", "BACKGROUND_NOUNS",
    "BETWEEN_STATES", "BODIES", "BORDERS", "CONDEMNING_NOUNS", "CONDUCT", "CONDUCT_CARRIERS",
    "CONTROL_HEADS", "DENIERS", "DESCRIBING", "DISAPPROVING", "DOER_ADJECTIVES", "DRAWING", "FACING",
    "FORCE_CODES", "FORCE_ROOTS", "FRAME_NOUNS", "GATHERING", "GENERIC_ACTS", "GOVERNED_DEPS",
    "GOVERNING_ROOTS", "GROUP_PRONOUNS", "INTENT_ON", "INTENT_WORDS", "INVOLVEMENT", "JOINT_CODES",
    "JOINT_ROOTS", "KIND_NOUNS", "MEASURES", "MEETINGS", "MISSIONS", "MOODS", "MOVING", "NAMING",
    "NEEDS_TARGET",
    "NOT_STATES", "OPINION_VERBS", "ORIGIN_CONFIDENCE", "OUSTING", "PARTICLES", "PERMITTING",
    "POPULAR_SECTORS", "PRAISING_NOUNS", "PRESENT_AT", "PRESSING_HEADS", "PRONOUNS", "PROPOSALS",
    "PROPOSING", "PROPPING", "RECEIVING", "RECIPROCAL_VERBS", "REFUSAL_WORDS", "RESPONDING",
    "RESPONSIBILITY", "SECURITY_SECTORS", "SETTING_PREPS", "SITE_PREPS", "SITE_SECTORS",
    "STANDS_FOR_OWNER", "STATE_NAMES", "SUBSUMING_ROOTS", "SUFFERED_VERBS", "TALK_ROOTS",
    "THIRD_PARTY_CODES", "THIRD_PARTY_VERBS", "TOPIC_PREPS", "TROOPS", "UNITS", "VIEWS", "VISIT_PREPS",
    "VOW_WORDS", "WELCOME", "WILL", "YIELDING",
]


# Particles of phrasal verbs ("took back", "shot down"), matched against a pattern's particle.
PARTICLES = {"back", "down", "out", "up", "off", "over", "in", "away", "aside"}

# Auxiliaries of what an actor will or would do (a refusal when negated).
WILL = {"will", "shall", "'ll", "wo", "would", "'d"}

# Verbs whose object does what their infinitive says: "urged Turkey to withdraw" (Turkey withdraws).
CONTROL_HEADS = {
    "ask", "urge", "call", "order", "force", "allow", "persuade", "tell", "invite", "press", "encourage",
    "warn", "pressure", "permit", "help", "compel", "push",
}
# Of those, the verbs whose object is always a party made to act, so that the parser's purpose
# clause after it is the object's act too: "pushed Serbia to recognise Kosovo" (not "called a
# meeting to discuss the crisis").
PRESSING_HEADS = {"push", "pressure", "press", "urge", "force", "persuade", "compel", "encourage"}

# Verbs of letting another act ("agreed to let inspectors visit"): whom they let is the target.
PERMITTING = {"let", "allow", "permit", "enable"}

# Pronouns that stand for a person, and for a state or group.
PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"it", "they"}

# Mention kinds that name a state, and so can own a role ("British forces").
STATE_NAMES = {"country", "adjective", "capital"}

# Roots whose acts two coordinated subjects do together ("X and Y agreed, met, signed").
JOINT_ROOTS = {"03", "04", "05", "06"}

# ... and codes of other roots that two sides do together ("Israel and Hamas agreed a truce").
JOINT_CODES = ("0871",)

# Codes of a third party's act between others: co-mediators do not mediate between themselves
# ("mediated by Qatar and Egypt" is no Qatar-Egypt event), though 045 is of a joint root.
THIRD_PARTY_CODES = ("045",)

# Verbs whose agent acts on an event without being a side of it: "a ceasefire brokered by Egypt",
# "the deal rejected by Hamas" (not "a protest staged by students", "strikes carried out by", "a
# truce observed by both sides").
THIRD_PARTY_VERBS = {
    "mediate", "broker", "facilitate", "monitor", "oversee", "supervise", "guarantee",
    "propose", "condemn", "welcome", "criticise", "criticize", "praise", "denounce", "back",
    "support", "sponsor", "host", "reject", "violate", "breach", "investigate", "document",
    "report", "verify", "confirm", "deny",
}

# Verbs whose coordinated subjects act on each other, both ways ("Ukraine and Russia exchanged
# prisoners", "Israel and Hezbollah traded fire", "Indian and Chinese troops clashed"), whatever
# the code.
RECIPROCAL_VERBS = {"exchange", "swap", "trade", "clash", "fight", "skirmish", "battle"}

# Sectors of the people rather than the state: when they "protest" or "rally", they demonstrate.
POPULAR_SECTORS = {"CVL", "OPP", "LAB", "EDU", "HLH"}

# What one party puts to another, so that whoever answers it acts on its author.
PROPOSALS = {
    "appeal", "bid", "call", "demand", "initiative", "invitation", "offer", "overture", "plan",
    "plea", "pressure", "proposal", "request", "suggestion", "threat", "ultimatum",
}

# Nouns that name conduct: an act on one of them ("investigated abuses by the army", "condemned
# Russia's war crimes") is an act on whoever is named for the conduct.
CONDUCT = {
    "abuse", "atrocity", "corruption", "crime", "crimes", "fraud", "killing", "killings",
    "massacre", "misconduct", "torture", "violation", "wrongdoing",
}

# Nouns that carry their "of" phrase's conduct: "allegations of abuses by Eritrean troops".
CONDUCT_CARRIERS = {"accusation", "allegation", "charge", "claim", "evidence", "report"}

# Nouns that measure out what their "of" phrase names: "a round of sanctions", "a wave of strikes".
MEASURES = {
    "round", "package", "wave", "series", "set", "batch", "raft", "spate", "barrage", "salvo", "volley",
    # counts: "deployed thousands of police officers"
    "dozen", "hundred", "thousand", "million", "score",
    # "suspended the activities of political parties": what is suspended is the parties
    "activity",
}

# Verbs that put a measure forward without taking it: "proposed a new package of sanctions",
# "is weighing a round of tariffs". The measure is not yet taken; the verb is the event.
PROPOSING = {
    "propose", "suggest", "recommend", "float", "mull", "weigh", "consider", "discuss", "debate", "draft",
}

# Nouns whose adjective or "of" phrase says what they are: a degree ("raised its alert level", "a
# higher state of readiness") or a weapon ("used chemical weapons").
KIND_NOUNS = {"level", "status", "state", "degree", "weapon", "arm", "munition", "agent"}
# Act nouns too general to say what was done without their compound ("aid operations", "gas
# deliveries").
GENERIC_ACTS = {"operation", "effort", "activity", "work", "delivery", "shipment"}

# Violence named by a noun is not the subject's when the verb says it met, fled, judged, ended
# or let it happen: "refugees fled the war", "the UN condemned the attack", "Sweden allowed
# protests against Turkey".
SUFFERED_VERBS = {
    "flee", "escape", "survive", "suffer", "endure", "face", "fear", "witness", "condemn",
    "denounce", "oppose", "protest", "report", "cover", "document", "investigate", "probe", "end",
    "stop", "halt", "prevent", "avert", "avoid", "repel", "resist", "withstand", "blame", "deny",
    "mourn", "commemorate", "recall", "describe", "criticize", "criticise", "break", "lift",
    "decry", "deplore", "regret", "ban", "forbid", "prohibit", "outlaw", "block", "disperse",
    "suppress", "quell", "crush", "allow", "permit", "tolerate",
}

# Nouns that frame an event noun and carry its arguments: "a mediation mission between X and Y".
FRAME_NOUNS = {"mission", "effort", "bid", "attempt", "campaign", "operation", "initiative", "drive"}

# Adjectives that state an intention to do what their "on" phrase names: "is intent on
# strengthening ties", "bent on revenge".
INTENT_ON = {"intent", "bent", "keen"}

# Words that state an intention to do what they govern ("ready to", "offered to", "pledged to").
INTENT_WORDS = INTENT_ON | {
    "willing",
    "ready",
    "prepared",
    "offer",
    "promise",
    "pledge",
    "vow",
    "commit",
    "committed",
    "intend",
    "plan",
    "agree",
    "eager",
    "determined",
    # nouns: "Washington's decision to send cluster munitions"
    "decision",
    "commitment",
    "intention",
    "readiness",
    "willingness",
}


# Verbs of removing a leader (1041 in verbs.tsv), coded only as wished for: "wants to topple
# Assad", "aims to overthrow the government", "plotting to oust him". CAMEO has no code for a
# coup done ("soldiers toppled the government"), and "demand leadership change" would misstate it.
OUSTING = {"topple", "overthrow", "oust", "depose", "unseat"}

# Words that refuse what they govern ("unwilling to cede", "refused to release", "its refusal
# to release").
REFUSAL_WORDS = {"unwilling", "reluctant", "refuse", "decline", "refusal", "unwillingness", "reluctance",
                  "rule out"}

# Words that vow, or declare readiness for, what they govern: a harm so announced is a threat
# ("vowed to crush the rebels" 137, "have sworn to fight" 138, "is prepared to impose martial
# law" 1324), coded by threat_code (codebook root 13).
VOW_WORDS = {
    "vow", "swear", "sworn", "pledge", "promise", "ready", "prepared", "prepare", "willing", "determined",
    "intent", "bent",
}

# Verbs of moving somewhere, which code a visit (042) for envoys and a deployment for forces.
MOVING = {"arrive", "head", "travel", "fly", "move", "enter", "roll", "cross"}

# Bodies of armed people: what an act is "of" when they are its doers ("the deployment of UN
# peacekeepers"); with "fighters" (also jets, so not a doer of "of"), who a state sends: military
# aid to whom they are sent, else a deployment.
BODIES = {
    "troops", "forces", "soldiers", "peacekeeper", "peacekeepers", "marines", "paratroopers",
    "militiamen", "mercenaries", "reinforcements",
}

TROOPS = BODIES | {"fighters"}

# Words naming armed forces as a body that moves.
UNITS = TROOPS | {
    "convoy", "convoys", "column", "columns", "units", "unit", "tanks", "warships", "ships", "jets",
    "warplanes", "aircraft", "bombers", "battalion", "battalions", "brigade", "brigades", "contingent",
    "detachment",
}

# Nouns that stand for what they are "of" when they are an act's object: "recognised the
# independence of Kosovo" recognises Kosovo.
STANDS_FOR_OWNER = {
    "independence", "sovereignty", "statehood", "government", "regime", "leadership", "authority",
    "authorities", "legitimacy",
}

# Lines between states, whose "with" phrase names the state across ("its border with Belarus").
BORDERS = {"border", "frontier", "boundary", "crossing"}

# What one claims or denies for an act ("claimed responsibility for", "denied any role in"): the
# claim or denial is an event even when only the act names a target.
RESPONSIBILITY = {"responsibility", "credit", "involvement", "role", "part"}

# Verbs that are events only when they name whom they act on: propping up ("shore up the regime",
# not "shore up its reserves"), and a court's ruling ("ruled against Turkey", not "the Taliban
# ruled Afghanistan").
PROPPING = {"shore", "prop", "rule"}

# A state's missions abroad, and where protesters stand at one ("outside the British embassy").
MISSIONS = {"embassy", "consulate", "mission", "legation", "high commission"}

AT_PREPS = ["outside", "at", "near", "before", "to", "towards", "toward"]

# Acts between two states, never of one state towards itself: a diplomat recalled "to Ankara"
# by Turkey is called home.
BETWEEN_STATES = ("161",)

# Codes a state carries out with its armed forces: show of force, fighting, mass violence,
# military withdrawal.
FORCE_ROOTS = {"15", "19", "20"}

FORCE_CODES = {"0874"}

# Three-letter codes that are not states: CAMEO's regions and the bare roles.
NOT_STATES = REGION_CODES | {
    "IGO", "NGO", "IMG", "REB", "MIL", "GOV", "CVL", "COP", "OPP", "LEG", "JUD", "MED", "PTY",
    "SPY", "ELI", "BUS", "REF", "LAB", "EDU", "---",
}

# Acts about another act they govern: appeals, intents, demands, rejections, threats ("threatened
# to impose sanctions on X", "refused to commit troops"). The governed act names the governing
# act's target when that has none ("threatened to break relations with Russia" -> 13x on RUS).
GOVERNING_ROOTS = frozenset({"02", "03", "10", "12", "13"})

# Of those, the ones whose act is the whole event: a requested, threatened or intended act is
# not coded again, its code is in the appeal's, demand's, threat's or intent's ("urged Russia to
# de-escalate" 0256 only; GDELT, PLOVER and the golds code it so); a refused or ruled-out act
# is, negated.
SUBSUMING_ROOTS = frozenset({"02", "03", "10", "13"})

# Dependency steps from a governed act up to the act that governs it (at most GOVERN_STEPS).
GOVERNED_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "acl", "acomp"})

# Verbs of opinion whose "that X is ADJ" clause judges X, and the judgements: "too" anything
# disapproves ("far too cautious"), as these do; these approve.
OPINION_VERBS = {
    "think", "believe", "feel", "consider", "say", "argue", "insist", "complain", "reckon", "announce",
    "declare", "state", "stress", "add", "claim", "assert", "maintain", "write", "note", "tell",
}

DISAPPROVING = {
    "wrong", "mistaken", "misguided", "irresponsible", "reckless", "dangerous", "unacceptable",
    "disproportionate", "hypocritical", "illegal", "unlawful", "counterproductive", "naive", "unhelpful",
    "provocative", "excessive", "inadequate", "insufficient", "unjustified", "unfair", "biased",
    "baseless", "groundless", "unfounded", "absurd", "false", "outrageous", "shameful", "disgraceful",
    "illegitimate", "criminal", "barbaric", "ridiculous", "terrorist", "flagrant", "blatant",
}

APPROVING = {
    "right", "correct", "justified", "responsible", "constructive", "courageous", "wise", "appropriate",
}

# Moods a speaker states about something: optimistic (013) or pessimistic (012) comments.
MOODS = {
    "optimistic": "013", "hopeful": "013", "upbeat": "013", "confident": "013",
    "pessimistic": "012", "sceptical": "012", "skeptical": "012", "doubtful": "012", "gloomy": "012",
}

# What is denied to be acceptable is rejected: "insists that partition is not acceptable".
ACCEPTABLE = {"acceptable", "tolerable", "permissible", "admissible"}
# Said of an act, these welcome it: "Russian air strikes would be welcome".
WELCOME = ACCEPTABLE | {"welcome"}
# Nouns of another's involvement that a state may welcome (0355 "allow international
# involvement"), besides the force and aid nouns of the lexicon.
INVOLVEMENT = {"intervention", "involvement", "presence", "deployment", "mission", "help", "assistance"}

# Nouns of a viewpoint phrase: "from the point of view of X", "in the eyes of X".
VIEWS = {"point", "view", "viewpoint", "standpoint", "perspective", "eye", "eyes", "opinion"}

# Roots of accords and concessions: "under" one of them refers to it as made before.
ACCORD_ROOTS = frozenset({"03", "05", "06", "08"})

# Statements and consultations with no addressee are not interactions: not coded.
NEEDS_TARGET = {"01", "04"}

# Prepositions that attach a topic to talks or an accord, and the roots of those ("talks on a
# ceasefire", "assurances about its commitment", "an agreement on the withdrawal").
TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}

TALK_ROOTS = {"03", "04", "05"}

# Verbs whose subject is what their object's event noun is aimed at ("faces threats from Iran").
FACING = {"face", "suffer", "endure", "fear"}

# Verbs whose subject gives in to what their "to" phrase's event noun names ("bowed to pressure").
YIELDING = {"submit", "yield", "bow", "succumb", "cave", "capitulate"}

# Verbs that judge a danger rather than make a threat ("poses a threat to Israel").
ASSESSING = {"pose", "represent", "constitute"}

# Verbs whose subject receives what their object's event noun names, from a "from" phrase.
RECEIVING = {"receive", "get", "obtain", "win", "secure", "accept", "gain"}

# Verbs whose subject draws another's act upon itself ("drew condemnation from France",
# "sparked protests"): the act is not the subject's, and a "from" phrase names its doer.
DRAWING = {"draw", "attract", "earn", "elicit", "provoke", "spark", "trigger", "prompt", "invite"}

# Meetings one leaves in protest: walking out of them halts talks (164), not work (143).
MEETINGS = {
    "talks", "session", "meeting", "negotiations", "summit", "conference", "hearing", "debate",
    "assembly", "parliament", "chamber", "council", "ceremony", "forum", "consultations",
}

# Verbs of answering an act with one's own: "Israel responded with air strikes" (Israel's strikes).
RESPONDING = {"respond", "retaliate", "react", "reply", "answer", "counter"}

# Verbs that make their object act known as the subject's own ("announced a withdrawal").
ANNOUNCING = {"announce", "declare", "unveil", "proclaim"}

# Prepositions that put the clause's subject on a visit ("during a visit to Cairo").
VISIT_PREPS = {"during", "on", "after", "before", "ahead"}

# Prepositions of time and circumstance: an event noun in one is the setting of the clause's act,
# not an act it governs ("called for an end to the war during a visit to Cairo").
SETTING_PREPS = frozenset({"during", "after", "before", "amid", "since", "following", "despite", "until"})

# Prepositions that put their subject at an event: "during demonstrations", "for a rally".
PRESENT_AT = {"during", "for", "at", "in", "amid"}

# Prepositions that put an act of force at an institution it strikes, and those institutions.
SITE_PREPS = {"outside", "at", "near", "inside"}

SITE_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY"}

# Sectors of the state's security forces: their violence on demonstrators is repression (175).
SECURITY_SECTORS = {"COP", "MIL", "SPY"}

# Verbs of coming together whose "for" phrase names a meeting their subject takes part in:
# "negotiators returned to Geneva for talks" (not "called for talks": a request).
GATHERING = {"arrive", "come", "go", "return", "travel", "fly", "head", "gather", "convene", "be", "visit",
              "stay", "remain", "reconvene", "assemble"}

# Confidence by how the weakest argument was found; tuned on nothing yet, documented guesses
# that rank lexicon names above agents above pronouns above unknown entities.
ORIGIN_CONFIDENCE = {"lexicon": 0.9, "agent": 0.75, "pronoun": 0.6, "ner": 0.4}

# Verbs that also name or describe ("called X hypocritical"); with an object predicate they are
# not the act their lexicon entries code.
NAMING = frozenset({"call", "name", "label", "brand", "dub", "term"})
# Verbs that say what something is by an "as" phrase: "described the strike as a violation".
DESCRIBING = frozenset({"describe", "characterise", "characterize", "portray", "depict", "brand", "label"})
# What an act or actor is named to condemn it (111) or praise it (051): "called the raid a crime",
# "described the election as a farce", "called China a reliable partner".
CONDEMNING_NOUNS = {
    "violation", "crime", "provocation", "aggression", "atrocity", "massacre", "lie", "lies", "farce",
    "sham", "travesty", "disgrace", "terrorism", "genocide", "piracy", "blackmail", "warfare", "war",
    "slap", "insult", "affront", "breach", "mistake", "outrage", "scandal", "hoax", "dictator",
    "tyrant", "criminal", "terrorist", "thug", "murderer", "killer", "butcher", "puppet", "liar", "threat",
}
PRAISING_NOUNS = {"partner", "friend", "ally", "hero", "model", "success", "breakthrough"}

# Modifiers that deny a readiness word ("ill prepared to fight", "not ready to").
DENIERS = {"ill", "poorly", "not", "never", "hardly", "n't"}

# Event nouns that mostly name a story's setting: an event only between two named sides
# ("Russia's war against Ukraine", "Russia's occupation of Ukraine"); a place is no side.
BACKGROUND_NOUNS = {"war", "occupation"}

# Adjectives whose subject does the act of their "of"/"for" phrase: is held to account for it,
# or could do it ("capable of": see modality).
DOER_ADJECTIVES = {"guilty", "responsible", "culpable", "capable"}

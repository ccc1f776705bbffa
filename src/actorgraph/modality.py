"""Modality: how a clause presents its act, read from the verbs that govern it.

An act is asserted, negated ("refused to resign", "denied that its troops shelled"), requested
("urged Serbia to release", "their demand that the army withdraw", "insisted that Manila
release"), future ("will withdraw", "plans to") or hypothetical ("would", "if", "Will China
invade Taiwan?"). The readings of demands, addressees and issued messages here are shared with
the coder, which folds a requested act into the request that names it.

Example:
    >>> doc = nlp("Egypt urged Israel to withdraw.")  # doctest: +SKIP
    >>> modality_of(doc[4], {"say"})  # doctest: +SKIP
    'request'
"""

from __future__ import annotations

from typing import Any

from actorgraph.consolidation import MESSAGES
from actorgraph.records import Modality
from actorgraph.syntax import infinitive

__all__ = [
    "ASKING_NOUNS",
    "CLAIM_NOUNS",
    "DEMAND_MODALS",
    "ISSUING_VERBS",
    "MANDATIVE_HEADS",
    "addressed",
    "is_mandative",
    "issuing_verb",
    "modality_of",
    "named_by_demand",
    "planned_by",
]

# Auxiliaries of an act to come, and of one only supposed.
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
# Subjects that are no one: what they do is not done.
_NO_ONE = {"nobody", "none", "neither", "nothing"}
_HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "'d"}
# Verbs whose complement is an act still to come ("plans to withdraw", "agreed to reopen").
_FUTURE_HEADS = {
    "intend",
    "plan",
    "prepare",
    "aim",
    "expect",
    "schedule",
    "set",
    "want",
    "hope",
    "seek",
    "decide",
    "agree",
    "promise",
    "vow",
    "pledge",
    "threaten",
    "go",
}
# Verbs whose complement is asked for ("urged Serbia to release"), and that negate it.
_REQUEST_HEADS = {"ask", "urge", "call", "demand", "request", "press", "appeal", "beg", "invite"}
# Verbs that ask only with an object: "pushed Kyiv to hold elections" (not "pushed to expand").
_PRESSING = {"push", "pressure"}
# Verbs whose "for" phrase is asked for: "pushed for sanctions", "lobbied for a ceasefire".
_ASKING_FOR = _REQUEST_HEADS | _PRESSING | {"lobby", "campaign"}
_NEGATING_HEADS = {"refuse", "fail", "decline", "deny", "reject", "stop", "cease", "avoid", "unable"}
# Dependencies modality is read up through, to the verb that asks, negates or schedules.
_CLIMBED = frozenset({"xcomp", "ccomp", "advcl", "conj", "pcomp", "dobj", "acomp"})
# Modals that turn reported speech into a demand on the clause's subject ("Egypt said Israel must
# withdraw": 100) or an appeal ("should": 020); what the clause says is then requested.
DEMAND_MODALS = {"must": "100", "should": "020", "ought": "020"}
# Verbs whose "that" clause in the bare (subjunctive) form asks for its act: "insisted that
# Manila release the detainees" demands (100), "proposed that the UN send monitors" appeals.
MANDATIVE_HEADS = {"insist": "100", "propose": "020", "recommend": "020"}
# Nouns that say their infinitive's act is not done ("its refusal to release", "failure to act").
_REFUSING_NOUNS = {"refusal", "failure", "reluctance", "unwillingness", "inability"}
# Nouns for an act that is planned, not done: "Russia's plan to attack Kyiv", "a plot by IS to
# bomb a church" (not "attempt" or "bid": an attempt is made, and may succeed).
_PLANNING_NOUNS = {"plan", "plot", "scheme", "conspiracy", "intention", "blueprint"}
# Verbs that deny what their "that" clause, or the claims they answer, say happened.
_DENYING = {"deny", "refute", "dismiss", "reject", "rebut", "dispute"}
CLAIM_NOUNS = {"claim", "report", "allegation", "accusation", "suggestion", "charge", "rumour", "rumor"}
# Nouns of a demand or appeal: the clause they name is asked for, not done ("their demand that the
# army withdraw", "its call for Israel to lift the blockade", "calls to end the siege").
ASKING_NOUNS = {"demand", "ultimatum", "insistence", "call", "appeal", "plea", "request"}
# Adjectives of what one could do: "capable of launching cyber attacks".
_CAPABLE = {"capable"}
# "warned Tehran against attacking", "advised against striking": what is warned against is not
# done; "prevented the army from entering", "barred them from voting": what is kept from is not.
_WARNING_AGAINST = {"warn", "caution", "advise", "counsel"}
_KEEPING_FROM = {
    "prevent", "stop", "bar", "ban", "prohibit", "keep", "deter", "dissuade", "block", "restrain",
}
# Request verbs whose object is whom they ask ("urged Serbia to"), not what ("called a vote").
_ASKING_WHOM = {"ask", "urge", "press", "beg", "invite"}


def modality_of(v: Any, speech: frozenset[str] | set[str]) -> Modality:
    """How the clause of verb ``v`` presents its act: asserted, negated, requested, future or
    hypothetical, read up through the verbs that govern it (``speech``: verbs of saying).

    "Egypt urged Israel to withdraw" -> the withdrawal is a request; "refused to resign" ->
    negated; "said Iran would expel" -> future."""
    issuing = issuing_verb(v)
    if issuing is not None:
        return modality_of(issuing, speech)  # "failed to agree on a statement condemning X"
    negated = any(c.dep_ == "neg" or c.lower_ == "never" for c in v.children)
    # "Nobody in Damascus has asked Moscow": a subject that is no one denies the act
    subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
    negated = negated or any(
        c.lower_ in _NO_ONE or any(d.dep_ == "det" and d.lower_ in ("no", "neither") for d in c.children)
        for c in subjects
    )
    aux = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
    mode: Modality = "asserted"
    asked_for = v.dep_ == "pobj" and v.head.lower_ == "for"
    if asked_for and v.head.head.lemma_.lower() in _ASKING_FOR:
        mode = "request"  # "asked for Russian air strikes": the strikes are asked for
    elif aux & _FUTURE_AUX:
        mode = "future"
    elif aux & _HYPOTHETICAL_AUX:
        # "said Iran would expel": in reported speech "would" is the future of the past.
        reported = aux & {"would", "'d"} and v.dep_ == "ccomp" and v.head.lemma_.lower() in speech
        mode = "future" if reported else "hypothetical"
    if mode == "asserted" and _asked_by_its_noun(v):
        mode = "request"  # "demanded a deal to free the hostages": the freeing is asked for
    if aux & DEMAND_MODALS.keys() and v.dep_ == "ccomp" and v.head.lemma_.lower() in speech:
        mode = "request"  # "said Israel must withdraw": the withdrawal is asked for
    clause = v
    while clause.head.i != clause.i and (
        clause.dep_ == "conj"
        or (
            clause.dep_ == "advcl"
            and not any(c.dep_ == "mark" for c in clause.children)
            and not named_by_demand(clause)
        )
    ):
        clause = clause.head  # "demanded that they de-escalate and refrain from..."
    asker = clause.head.lemma_.lower() if clause.dep_ == "ccomp" else ""
    asked = asker in _REQUEST_HEADS and not any(c.lower_ in ("whether", "if") for c in clause.children)
    if _denied(clause):
        negated = True  # "the Kremlin denied that its troops had targeted civilians"
    if clause.dep_ == "acl" and clause.head.lemma_.lower() in _REFUSING_NOUNS:
        negated = True  # "the government's refusal to release the detainees"
    if mode == "asserted" and planned_by(v) is not None:
        mode = "future"  # "uncovered a plot to bomb a church": the bombing has not happened
    if asked or (asker in MANDATIVE_HEADS and is_mandative(clause)) or named_by_demand(clause):
        mode = "request"  # "urged that Serbia release the prisoners", "demanded that she quit"
    node = v
    while node.dep_ in _CLIMBED and node.head.i != node.i:
        if node.dep_ == "advcl" and any(c.lower_ in ("if", "unless") for c in node.children):
            mode = "hypothetical"
        if node.dep_ == "advcl" and _circumstance(node):
            break  # "unable to help them when ISIL counterattacked": the attack happened
        if node.dep_ == "pcomp" and node.head.head.lemma_.lower() in _CAPABLE:
            mode = "hypothetical"  # "Iran is capable of attacking Israel": able to, not doing it
        warner = node.head.head.lemma_.lower() if node.dep_ == "pcomp" else ""
        if node.head.lower_ == "against" and warner in _WARNING_AGAINST:
            mode = "hypothetical"
        if node.head.lower_ == "from" and warner in _KEEPING_FROM:
            negated = True
        head = node.head
        purpose = node.dep_ == "advcl" and infinitive(node)
        if (purpose or node.dep_ == "acomp") and any(c.dep_ == "neg" for c in head.children):
            negated = True  # "Putin did not get involved to help Syrians": no help either
        modal = any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in node.children)
        if node is not v and node.dep_ == "ccomp" and modal and head.lemma_.lower() in speech:
            mode = "request"  # "said the US must be ready to mediate": the mediation is asked for
        if node.dep_ in ("xcomp", "pcomp") or (node.dep_ == "dobj" and node.pos_ == "VERB"):
            lemma = head.lemma_.lower()
            ruled_out = lemma == "rule" and any(c.lower_ == "out" for c in head.children)
            if lemma in _NEGATING_HEADS or ruled_out:
                negated = True
            elif _asks(head) and mode == "asserted":
                mode = "request"
            elif lemma in _FUTURE_HEADS and mode == "asserted":
                mode = "future"
            if any(c.dep_ == "neg" for c in head.children):
                negated = True
        node = head
    if mode in ("asserted", "future") and _yes_no_question(v):
        mode = "hypothetical"  # "Will China invade Taiwan?": asked, not said
    return "negated" if negated else mode


def planned_by(clause: Any) -> Any | None:
    """The noun of a plan whose infinitive ``clause`` is, or None: "Russia's plan to attack Kyiv",
    and "investigated a Russian plot to kill him", where the small model hangs the infinitive on
    the verb, right after the noun."""
    if not infinitive(clause) or clause.head.i == clause.i:
        return None
    if clause.dep_ == "acl":
        return clause.head if clause.head.lemma_.lower() in _PLANNING_NOUNS else None
    if clause.dep_ not in ("advcl", "xcomp"):
        return None
    nouns = [c for c in clause.head.children if c.dep_ == "dobj" and c.lemma_.lower() in _PLANNING_NOUNS]
    return next((n for n in nouns if n.right_edge.i + 1 == clause.left_edge.i), None)


def _asks(verb: Any) -> bool:
    """Whether ``verb`` asks someone to act: "urged", "asked", "pushed Kyiv"."""
    lemma = verb.lemma_.lower()
    return lemma in _REQUEST_HEADS or (lemma in _PRESSING and any(c.dep_ == "dobj" for c in verb.children))


def _asked_by_its_noun(v: Any) -> bool:
    """Whether ``v`` is the infinitive of a noun that is asked for: "demanded a deal to free the
    hostages", "called for talks to end the strike"."""
    noun = v.head
    if v.dep_ == "advcl" and infinitive(v) and _asks(noun):
        # the infinitive hung on the verb that asks: "demanded a deal to free the hostages",
        # "pushed Serbia to recognise Kosovo"
        return any(c.dep_ == "dobj" and c.i < v.i for c in noun.children)
    if v.dep_ != "acl" or not infinitive(v) or noun.i == v.i:
        return False
    asker = noun.head if noun.dep_ == "dobj" else None
    if noun.dep_ == "pobj" and noun.head.lower_ == "for":
        asker = noun.head.head
    return asker is not None and asker.lemma_.lower() in _REQUEST_HEADS


# Subordinators of a clause that states a circumstance of its head: a fact of its own.
_CIRCUMSTANCE_MARKS = {"when", "after", "before", "while", "since", "because", "as", "once", "whenever"}


def _circumstance(clause: Any) -> bool:
    """Whether adverbial ``clause`` has its own subject and says when or why its head happens."""
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    marked = any(c.dep_ in ("mark", "advmod") and c.lower_ in _CIRCUMSTANCE_MARKS for c in clause.children)
    return own_subject and marked


def _yes_no_question(v: Any) -> bool:
    """Whether ``v`` is what a yes-no question asks about ("Will China invade Taiwan?", "Did
    Iran arm the Houthis?"); a "why" or "when" question takes its act as given."""
    sent = v.sent
    first = sent[0]
    asked = sent.text.rstrip().endswith("?") and first.pos_ == "AUX" and first.head.i == v.i
    return asked and first.dep_ in ("aux", "auxpass")


def _denied(clause: Any) -> bool:
    """Whether ``clause`` is what its speaker denies: "denied that its troops had targeted
    civilians", "rejected claims that Iranian drones struck the base"."""
    head = clause.head
    if clause.dep_ == "acl" and head.lemma_.lower() in CLAIM_NOUNS and head.dep_ == "dobj":
        head = head.head  # "dismissed reports that...": the reports' clause
    elif clause.dep_ != "ccomp":
        return False
    return head.lemma_.lower() in _DENYING and not any(c.dep_ == "neg" for c in head.children)


def named_by_demand(clause: Any) -> bool:
    """Whether ``clause`` is what a demand or appeal asks for: "their demand that the army
    withdraw" (a noun's clause, or one the parser hangs on the verb whose object the demand is),
    "renewed its call for Israel to lift the blockade" (a "for ... to" clause on the verb of the
    call, or on a verb of asking).
    """
    head = clause.head
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    if clause.dep_ == "acl" and head.lemma_.lower() in ASKING_NOUNS:
        return bool(marks & {"that", "for"}) or infinitive(clause)
    calls = any(c.dep_ == "dobj" and c.lemma_.lower() in ASKING_NOUNS for c in head.children)
    if clause.dep_ == "advcl" and "for" in marks and infinitive(clause):
        return calls or head.lemma_.lower() in _REQUEST_HEADS
    if clause.dep_ == "advcl" and not marks and infinitive(clause) and _asks(head):
        # "called on Washington to lift its sanctions", the infinitive hung as an adverbial
        # clause: asked of the addressee (not "called a meeting to discuss").
        return addressed(head)
    # "repeated their demand that the army withdraw", the clause hung on the verb.
    return clause.dep_ == "ccomp" and calls and ("that" in marks or infinitive(clause))


def addressed(verb: Any) -> bool:
    """Whether a request verb names whom it asks: "called on Washington", "appealed to the UN",
    "urged Serbia"."""
    to = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to")]
    if any(g.dep_ == "pobj" for p in to for g in p.children):
        return True
    return verb.lemma_.lower() in _ASKING_WHOM and any(c.dep_ == "dobj" for c in verb.children)


# Verbs whose subject issues, sends or subscribes to a message ("issued a statement condemning
# X", "backed a resolution demanding Y"), unlike those that receive or block it ("vetoed a
# resolution condemning X", "received a letter asking for Y").
ISSUING_VERBS = frozenset({
    "issue", "release", "send", "publish", "adopt", "pass", "approve", "sign", "draft", "table",
    "submit", "deliver", "write", "post", "put", "agree", "present", "circulate", "unveil",
    "introduce", "file", "make", "broadcast", "air", "distribute", "endorse", "back", "support",
    "sponsor", "co-sponsor", "cosponsor", "vote", "read", "hand", "address", "tweet", "lodge",
})


def issuing_verb(v: Any) -> Any | None:
    """The verb that issues, sends or agrees on the message whose clause ``v`` is: "issued a
    statement condemning X" -> issued, "agreed on a statement condemning X" -> agreed; None for
    a verb that does not ("vetoed a resolution condemning X")."""
    if v.dep_ != "acl" or v.head.lemma_.lower() not in MESSAGES:
        return None
    carrier = v.head
    verb = None
    if carrier.dep_ in ("dobj", "nsubjpass"):
        verb = carrier.head
    elif carrier.dep_ == "pobj" and carrier.head.dep_ == "prep" and carrier.head.head.pos_ == "VERB":
        verb = carrier.head.head
    return verb if verb is not None and verb.lemma_.lower() in ISSUING_VERBS else None


def is_mandative(clause: Any) -> bool:
    """A "that" clause in the bare form with its own subject and no auxiliary: "(insisted) that
    Manila release the detainees", not "that the talks were useful" or "that it would"."""
    if clause.dep_ != "ccomp" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ != "be" for c in clause.children):
        return False
    # After a past-tense head the present is no backshift but the bare form: "insisted they leave".
    return bool(clause.tag_ == "VB" or (clause.tag_ == "VBP" and clause.head.tag_ == "VBD"))

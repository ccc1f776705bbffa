"""Scoring coded events against gold events: precision, recall and F1, overall and per root.

The conventions follow the shared gold guide: greedy one-to-one matching within a unit
(a document or a gold sentence), identical (source, target, code) triples counted once,
a gold actor ``---`` matching any actor, and symmetric codes matching in either direction.

Example:
    >>> g = [Scored("a", "SYRGOV", "RUSGOV", "042")]
    >>> s = [Scored("a", "SYRGOV", "RUS", "042")]
    >>> score(g, s)["root+dyad"].f1
    1.0
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

__all__ = ["LEVELS", "PRF", "ClusterScore", "Scored", "cluster_score", "matched_pairs", "per_root", "score"]

LEVELS = ("root+dyad", "full", "root")
SYMMETRIC = ("040", "044", "046", "050", "057")


@dataclass(frozen=True, slots=True)
class Scored:
    """The part of an event that scoring looks at."""

    unit: str
    source: str
    target: str
    code: str
    # Provenance compared on matched events; not part of an event's identity.
    voice: str | None = field(default=None, compare=False)
    location: str | None = field(default=None, compare=False)
    date: str | None = field(default=None, compare=False)
    sentence: str | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class PRF:
    tp: int
    gold: int
    system: int

    @property
    def precision(self) -> float:
        return self.tp / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _actor_ok(g: str, s: str, level: str) -> bool:
    if g == "---":
        return True
    return g[:3] == s[:3] if level == "root+dyad" else g == s


def _match(g: Scored, s: Scored, level: str) -> bool:
    if level == "root":
        return g.code[:2] == s.code[:2]
    if (level == "root+dyad" and g.code[:2] != s.code[:2]) or (level == "full" and g.code != s.code):
        return False
    if _actor_ok(g.source, s.source, level) and _actor_ok(g.target, s.target, level):
        return True
    return (
        g.code.startswith(SYMMETRIC)
        and _actor_ok(g.source, s.target, level)
        and _actor_ok(g.target, s.source, level)
    )


def _by_unit(events: Iterable[Scored]) -> dict[str, list[Scored]]:
    out: dict[str, list[Scored]] = defaultdict(list)
    seen = set()
    for e in events:
        if e not in seen:
            seen.add(e)
            out[e.unit].append(e)
    return out


def _count(
    gold: dict[str, list[Scored]], system: dict[str, list[Scored]], level: str, keep: Callable[[Scored], bool]
) -> PRF:
    tp = n_gold = n_sys = 0
    for unit in gold.keys() | system.keys():
        gs = [g for g in gold.get(unit, []) if keep(g)]
        ss = system.get(unit, [])
        used = [False] * len(ss)
        for g in gs:
            for i, s in enumerate(ss):
                if not used[i] and _match(g, s, level):
                    used[i] = True
                    tp += 1
                    break
        n_gold += len(gs)
        n_sys += sum(1 for s in ss if keep(s))
    return PRF(tp, n_gold, n_sys)


def score(gold: Iterable[Scored], system: Iterable[Scored]) -> dict[str, PRF]:
    """Precision, recall and F1 at the three levels."""
    g, s = _by_unit(gold), _by_unit(system)
    return {level: _count(g, s, level, lambda e: True) for level in LEVELS}


def per_root(gold: Iterable[Scored], system: Iterable[Scored]) -> dict[str, PRF]:
    """Root+dyad scores per CAMEO root: a system event counts against the root it claims."""
    g, s = _by_unit(gold), _by_unit(system)
    roots = sorted({e.code[:2] for es in (*g.values(), *s.values()) for e in es})

    def of_root(root: str) -> Callable[[Scored], bool]:
        return lambda e: e.code[:2] == root

    return {r: _count(g, s, "root+dyad", of_root(r)) for r in roots}


def matched_pairs(
    gold: Iterable[Scored], system: Iterable[Scored], level: str = "root+dyad"
) -> list[tuple[Scored, Scored]]:
    """Gold-system pairs, to compare their provenance: each gold event takes a matching
    system mention from its own sentence when there is one, else the first that matches.

    Unlike :func:`score`, system mentions are not deduplicated: the same event reported in
    several sentences is several mentions, and provenance belongs to a mention.
    """
    by_unit: dict[str, list[Scored]] = defaultdict(list)
    for e in system:
        by_unit[e.unit].append(e)
    pairs = []
    for unit, gs in _by_unit(gold).items():
        ss = by_unit.get(unit, [])
        used = [False] * len(ss)
        for ge in gs:
            cands = [i for i, se in enumerate(ss) if not used[i] and _match(ge, se, level)]
            same = [i for i in cands if _same_sentence(ge.sentence, ss[i].sentence)]
            if cands:
                i = (same or cands)[0]
                used[i] = True
                pairs.append((ge, ss[i]))
    return pairs


def _same_sentence(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    a, b = " ".join(a.split()), " ".join(b.split())
    return a == b or a in b or b in a


@dataclass(frozen=True, slots=True)
class ClusterScore:
    """How well system clusters reproduce the real events: pairwise and B-cubed scores.

    Pairwise counts pairs of reports put together. B-cubed averages, per report, the share of
    its system cluster that is its real event (precision) and the share of its real event that
    is in its system cluster (recall).
    """

    reports: int
    pairwise: PRF
    bcubed_precision: float
    bcubed_recall: float

    @property
    def bcubed_f1(self) -> float:
        p, r = self.bcubed_precision, self.bcubed_recall
        return 2 * p * r / (p + r) if p + r else 0.0


def cluster_score(system: dict[str, str], gold: dict[str, str]) -> ClusterScore:
    """Score cluster assignments of the reports both sides know (report id -> cluster id).

    >>> scored = cluster_score({"a": "1", "b": "1", "c": "2"}, {"a": "E", "b": "E", "c": "E"})
    >>> round(scored.pairwise.recall, 2)
    0.33
    """
    items = sorted(set(system) & set(gold))
    tp = fp = fn = 0
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            same_sys, same_gold = system[a] == system[b], gold[a] == gold[b]
            tp += same_sys and same_gold
            fp += same_sys and not same_gold
            fn += same_gold and not same_sys
    p_sum = r_sum = 0.0
    for a in items:
        mine = {b for b in items if system[b] == system[a]}
        real = {b for b in items if gold[b] == gold[a]}
        p_sum += len(mine & real) / len(mine)
        r_sum += len(mine & real) / len(real)
    n = len(items)
    return ClusterScore(n, PRF(tp, tp + fn, tp + fp), p_sum / n if n else 0.0, r_sum / n if n else 0.0)

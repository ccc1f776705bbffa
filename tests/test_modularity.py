"""Louvain in plain Python: the partitions networkx finds, as good by modularity, deterministic."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from actorgraph.modularity import louvain, modularity


def random_graph(seed: int, nodes: int = 60, edges: int = 200) -> dict[tuple[str, str], float]:
    rng = random.Random(seed)
    out: dict[tuple[str, str], float] = {}
    while len(out) < edges:
        a, b = sorted(rng.sample(range(nodes), 2))
        # Some structure: nodes in the same tenth are linked more often and more strongly.
        if a // 10 == b // 10 or rng.random() < 0.3:
            out[(f"n{a}", f"n{b}")] = float(rng.randint(1, 5) * (3 if a // 10 == b // 10 else 1))
    return out


def test_two_cliques_joined_by_one_weak_edge_are_two_communities() -> None:
    weights = {(a, b): 5.0 for group in ("abcd", "wxyz") for a in group for b in group if a < b}
    weights[("d", "w")] = 1.0
    assert louvain(weights) == [frozenset("abcd"), frozenset("wxyz")]


@pytest.mark.parametrize("seed", range(8))
def test_as_good_as_networkx_by_modularity(seed: int) -> None:
    weights = random_graph(seed)
    g = nx.Graph()
    for (a, b), w in weights.items():
        g.add_edge(a, b, weight=w)
    for resolution in (0.5, 1.0):
        theirs = nx.community.louvain_communities(g, weight="weight", resolution=resolution, seed=seed)
        ours = louvain(weights, resolution, seed)
        assert sorted(n for c in ours for n in c) == sorted(g.nodes)  # a partition of every node
        q_ours = modularity(weights, ours, resolution)
        same = nx.community.modularity(g, ours, weight="weight", resolution=resolution)
        assert q_ours == pytest.approx(same)
        q_theirs = nx.community.modularity(g, theirs, weight="weight", resolution=resolution)
        assert q_ours >= q_theirs - 0.02  # a heuristic either way: neither is always ahead


def test_the_same_seed_gives_the_same_partition() -> None:
    weights = random_graph(3)
    assert louvain(weights, 0.5, seed=7) == louvain(dict(reversed(list(weights.items()))), 0.5, seed=7)


def test_no_edges_no_communities_and_bad_weights_raise() -> None:
    assert louvain({}) == []
    with pytest.raises(ValueError, match="positive"):
        louvain({("a", "b"): 0.0})
    with pytest.raises(ValueError, match="self-loop"):
        louvain({("a", "a"): 1.0})

"""Cue words of asserted relations (membership, alliance, backing, enmity), from relations.tsv.

Example:
    >>> cues = load_relation_cues()
    >>> cues[("ally", "noun")].kind
    'ally'
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal, cast

from actorgraph.lexicon.schema import Column, parse_table
from actorgraph.records import RelationKind

__all__ = ["RELATION_COLUMNS", "RelationCue", "load_relation_cues"]

RELATION_COLUMNS = (
    Column("word", r"[a-z][a-z-]*"),
    Column("pos", r"noun|verb"),
    Column("kind", r"member|ally|backs|enemy"),
    Column("listed", r"source|target"),
)


@dataclass(frozen=True, slots=True)
class RelationCue:
    word: str
    pos: Literal["noun", "verb"]
    kind: RelationKind
    listed: Literal["source", "target"]


def load_relation_cues(folder: Path | None = None) -> dict[tuple[str, str], RelationCue]:
    """The cues by (lemma, pos); a user's ``relations.tsv`` in ``folder`` replaces ours."""
    if folder is not None and (folder / "relations.tsv").exists():
        path = folder / "relations.tsv"
        rows = parse_table(str(path), path.read_text(encoding="utf-8"), RELATION_COLUMNS)
    else:
        res = resources.files("actorgraph").joinpath("lexicon", "data", "relations.tsv")
        rows = parse_table("lexicon/data/relations.tsv", res.read_text(encoding="utf-8"), RELATION_COLUMNS)
    cues: dict[tuple[str, str], RelationCue] = {}
    for row in rows:
        key = (row.one("word"), row.one("pos"))
        if key in cues:
            raise row.error(f"{key[0]} ({key[1]}) is listed twice")
        cues[key] = RelationCue(
            key[0],
            cast(Literal["noun", "verb"], key[1]),
            cast(RelationKind, row.one("kind")),
            cast(Literal["source", "target"], row.one("listed")),
        )
    return cues

"""On the shared seeds, the graph shows the Russian-led coalition seed 003 lists, and its
hostility to ISIL and al-Nusra. Skips without ../shared."""

from __future__ import annotations

from pathlib import Path

from actorgraph import CodedDocument, Pipeline
from actorgraph.evaluate import shared_dates
from actorgraph.graph import coalitions
from actorgraph.ingest import read_paths
from actorgraph.store import Store


def test_the_russian_coalition_its_members_and_its_enemies(pipeline: Pipeline, shared: Path,
                                                           tmp_path: Path) -> None:
    dates = shared_dates()
    coded = []
    for path in sorted((shared / "seeds").glob("*.txt")):
        for item in pipeline.run(read_paths([str(path)], dates.get(path.name))):
            assert isinstance(item, CodedDocument)
            coded.append(item)
    db = str(tmp_path / "seeds.duckdb")
    with Store(db) as store:
        store.add_many(coded)
    with Store(db, read_only=True) as store:
        found = coalitions(store)
    russian = [c for c in found if "RUS" in c.members]
    assert len(russian) == 1
    c = russian[0]
    # Seed 003's list: the SAA, Hezbollah, the Revolutionary Guards and Iranian army, Palestinian
    # units, the Iraqi Shia militia (and the PYD, which the lexicon codes SYRREB).
    assert {"SYR", "LBNREB", "IRN", "PSE", "IRQREB"} <= set(c.members)
    enemies = dict(c.enemies)
    assert "IMGMUSISI" in enemies  # ISIL
    assert "SYRREBMUS" in enemies  # al-Nusra (ANF)
    assert any(r.kind == "member" and "coalition" in r.sentence for r in c.relations)

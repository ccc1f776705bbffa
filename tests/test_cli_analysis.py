"""The analysis commands (graph, coalitions, fissures, export, import, migrate), called in-process."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import duckdb
import networkx as nx
import pytest

from actorgraph import Pipeline
from actorgraph.cli import main
from actorgraph.store import SCHEMA_VERSION, Store
from actorgraph.store.schema import MIGRATIONS
from tests.conftest import code_text

# Turkey and Russia cooperate in March and fall out in April (too few events for a fissure);
# Iran backs Hezbollah, which attacks Israel; the strikes on Syria are in March only.
DOCS = [
    ("agreement", dt.date(2024, 3, 3), "Turkey and Russia signed an agreement on joint patrols."),
    ("summit", dt.date(2024, 3, 5),
     "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi."),
    ("strike", dt.date(2024, 3, 14), "Russian jets bombed rebel positions near Idlib."),
    ("accusation", dt.date(2024, 4, 5), "Russia accused Turkey of violating the ceasefire."),
    ("proxy", dt.date(2024, 4, 10), "Hezbollah, Iran's proxy in Lebanon, attacked Israeli troops."),
]
NODES = {"RUS", "TUR", "SYRREB", "ISR", "IRN", "LBNREB"}


@pytest.fixture(scope="module")
def db(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("analysis") / "store.duckdb"
    with Store(str(path)) as store:
        store.add_many([code_text(pipeline, text, day, name=name) for name, day, text in DOCS])
    return path


@pytest.fixture(scope="module")
def n_events(db: Path) -> int:
    with Store(str(db), read_only=True) as store:
        return store.count("events")


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _parquet_rows(path: Path) -> list[tuple[Any, ...]]:
    return duckdb.connect().execute("SELECT * FROM read_parquet(?)", [str(path)]).fetchall()


def test_store_codes_what_the_tests_rely_on(db: Path, n_events: int) -> None:
    with Store(str(db), read_only=True) as store:
        got = store.con.execute(
            "SELECT doc, code, source_code, target_code FROM events ORDER BY day").fetchall()
    assert got == [
        ("agreement", "057", "TUR", "RUS"),
        ("summit", "040", "RUSGOV", "TURGOV"),
        ("strike", "195", "RUSMIL", "SYRREB"),
        ("accusation", "112", "RUS", "TUR"),
        ("proxy", "190", "LBNREB", "ISRMIL"),
    ]
    assert n_events == len(got)


# --- graph ------------------------------------------------------------------------------------

def test_graph_json_per_month(capsys: pytest.CaptureFixture[str], db: Path, n_events: int) -> None:
    code, out, err = run(capsys, "graph", "--db", db, "--format", "json")
    assert (code, err) == (0, "")
    periods = json.loads(out)
    assert isinstance(periods, list)
    assert [(p["start"], p["end"]) for p in periods] == [("2024-03-01", "2024-04-01"),
                                                         ("2024-04-01", "2024-05-01")]
    for p in periods:
        assert set(p) == {"start", "end", "nodes", "edges", "relations"}
        assert {e["source"] for e in p["edges"]} | {e["target"] for e in p["edges"]} <= {
            n["code"] for n in p["nodes"]}
        for e in p["edges"]:
            assert e["events"] == sum(e["quad_class"]) == len(e["evidence"])
            assert e["cooperation"] + e["conflict"] == e["events"]
    march, april = periods
    assert {n["code"] for n in march["nodes"]} == {"RUS", "TUR", "SYRREB"}
    assert {n["code"] for n in april["nodes"]} == {"RUS", "TUR", "LBNREB", "ISR", "IRN"}
    assert [(r["kind"], r["source"], r["target"]) for r in april["relations"]] == [("backs", "IRN", "LBNREB")]
    assert sum(e["events"] for p in periods for e in p["edges"]) == n_events


def test_graph_json_period_all(capsys: pytest.CaptureFixture[str], db: Path, n_events: int) -> None:
    code, out, _ = run(capsys, "graph", "--db", db, "--period", "all")
    assert code == 0
    [whole] = json.loads(out)
    assert (whole["start"], whole["end"]) == (None, None)
    assert {n["code"] for n in whole["nodes"]} == NODES
    assert sum(e["events"] for e in whole["edges"]) == n_events


def test_graph_json_to_a_file(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> None:
    target = tmp_path / "graph.json"
    code, out, err = run(capsys, "graph", "--db", db, "--period", "week", "-o", target)
    assert (code, out, err) == (0, "", "")
    weeks = json.loads(target.read_text(encoding="utf-8"))
    starts = [dt.date.fromisoformat(w["start"]) for w in weeks]
    assert len(weeks) == 5 and all(s.weekday() == 0 for s in starts)  # ISO weeks start on Monday


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_graphml_and_gexf(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path,
                                fmt: str) -> None:
    target = tmp_path / f"graph.{fmt}"
    code, out, err = run(capsys, "graph", "--db", db, "--format", fmt, "-o", target)
    assert (code, out, err) == (0, "", "")
    g = nx.read_graphml(target) if fmt == "graphml" else nx.read_gexf(target)
    assert set(g.nodes) == NODES
    edges = list(g.edges(data=True))
    assert {d["period"] for _, _, d in edges} == {"2024-03-01", "2024-04-01"}
    assert {d["kind"] for _, _, d in edges} == {"events", "backs"}
    assert sum(int(d["events"]) for _, _, d in edges if d["kind"] == "events") == len(DOCS)


def test_graph_graphml_to_standard_output(capsys: pytest.CaptureFixture[str], db: Path,
                                          tmp_path: Path) -> None:
    code, out, _ = run(capsys, "graph", "--db", db, "--format", "graphml", "--period", "all")
    assert code == 0
    path = tmp_path / "out.graphml"
    path.write_text(out, encoding="utf-8")
    g = nx.read_graphml(path)
    assert set(g.nodes) == NODES
    assert {d["period"] for _, _, d in g.edges(data=True)} == {"all"}


# --- coalitions -------------------------------------------------------------------------------

def test_coalitions_text(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, err = run(capsys, "coalitions", "--db", db)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Coalition 1: IRN, LBNREB"
    assert lines[1] == "  inside: 0 cooperative, 0 conflict events; 1 asserted relations"
    assert lines[2] == "  against: ISR (1)"
    assert lines[3].startswith('    IRN backs LBNREB: "Hezbollah, Iran\'s proxy in Lebanon')
    assert lines[4] == "Coalition 2: RUS, TUR"
    assert lines[5] == "  inside: 2 cooperative, 1 conflict events; 0 asserted relations"
    assert lines[6] == "  against: SYRREB (1)"
    assert len(lines) == 7


def test_coalitions_json(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, _ = run(capsys, "coalitions", "--db", db, "--format", "json")
    assert code == 0
    found = json.loads(out)
    assert [c["members"] for c in found] == [["IRN", "LBNREB"], ["RUS", "TUR"]]
    proxy, pair = found
    assert proxy["enemies"] == [{"actor": "ISR", "conflict_events": 1}]
    assert [(r["kind"], r["source"], r["target"]) for r in proxy["relations"]] == [("backs", "IRN", "LBNREB")]
    assert (pair["cooperation"], pair["conflict"]) == (2, 1)


def test_coalition_evidence_is_the_cooperative_events(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    with Store(str(db), read_only=True) as store:
        cooperative = {r[0] for r in store.con.execute(
            "SELECT event_id FROM events WHERE quad_class <= 2").fetchall()}
    code, out, _ = run(capsys, "coalitions", "--db", db, "--format", "json")
    assert code == 0
    pair = json.loads(out)[1]
    assert pair["members"] == ["RUS", "TUR"]
    assert set(pair["evidence"]) == cooperative  # the agreement and the summit, not the accusation


def test_coalitions_in_a_span(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    # In April Turkey and Russia only quarrel: Iran and Hezbollah remain.
    code, out, _ = run(capsys, "coalitions", "--db", db, "--start", "2024-04-01", "--format", "json")
    assert code == 0
    assert [c["members"] for c in json.loads(out)] == [["IRN", "LBNREB"]]
    code, out, _ = run(capsys, "coalitions", "--db", db, "--end", "2024-03-01")
    assert code == 0
    assert out == "No coalitions: no actors bound by cooperation or asserted alliance.\n"
    code, out, _ = run(capsys, "coalitions", "--db", db, "--end", "2024-03-01", "--format", "json")
    assert (code, json.loads(out)) == (0, [])


# --- fissures ---------------------------------------------------------------------------------

def test_fissures_none(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, err = run(capsys, "fissures", "--db", db)
    assert (code, err) == (0, "")
    assert out == "No fissures at p <= 0.05 between consecutive months.\n"
    code, out, _ = run(capsys, "fissures", "--db", db, "--format", "json")
    assert (code, json.loads(out)) == (0, [])


def test_fissures_with_a_loose_alpha(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    # Turkey-Russia: 2 cooperative events in March, 1 conflict in April (Fisher p = 1/3).
    code, out, _ = run(capsys, "fissures", "--db", db, "--alpha", "0.9")
    assert code == 0
    assert out.startswith("RUS / TUR: 2024-03-01 ")
    assert '"Russia accused Turkey of violating the ceasefire."' in out


def test_fissures_counts_each_event_once(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, _ = run(capsys, "fissures", "--db", db, "--alpha", "0.9", "--format", "json")
    assert code == 0
    found = json.loads(out)
    assert found
    for f in found:
        assert f["members"] == ["RUS", "TUR"]
        counts = (f["cooperation_before"], f["conflict_before"], f["cooperation_after"], f["conflict_after"])
        assert counts == (2, 0, 0, 1)
        assert f["p_value"] == pytest.approx(1 / 3, abs=1e-5)
        assert len(f["evidence"]) == len(set(f["evidence"])) == 1


# --- export and import ------------------------------------------------------------------------

def test_export_parquet_needs_an_output_file(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, err = run(capsys, "export", "--db", db, "--format", "parquet")
    assert (code, out) == (2, "")
    assert err.splitlines() == ["actorgraph: error: --format parquet needs an output file (-o FILE)"]


def test_export_jsonl_to_standard_output(capsys: pytest.CaptureFixture[str], db: Path, n_events: int) -> None:
    code, out, err = run(capsys, "export", "--db", db, "--format", "jsonl")
    assert code == 0
    assert err == f"{n_events} events exported\n"
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["doc"] for r in records] == [name for name, _, _ in DOCS]


@pytest.mark.parametrize("fmt", ["csv", "gdelt"])
def test_export_text_to_a_file(capsys: pytest.CaptureFixture[str], db: Path, n_events: int,
                               tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"events.{fmt}"
    code, out, err = run(capsys, "export", "--db", db, "--format", fmt, "-o", target)
    assert (code, out, err) == (0, "", f"{n_events} events exported\n")
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == n_events + (fmt == "csv")


def test_export_import_round_trip(capsys: pytest.CaptureFixture[str], db: Path, n_events: int,
                                  tmp_path: Path) -> None:
    first, second = tmp_path / "first.parquet", tmp_path / "second.parquet"
    fresh = tmp_path / "fresh.duckdb"
    code, out, err = run(capsys, "export", "--db", db, "--format", "parquet", "-o", first)
    assert (code, out, err) == (0, "", f"{n_events} events exported\n")
    code, out, err = run(capsys, "import", first, "--db", fresh)
    assert (code, out) == (0, "")
    assert err == f"{n_events} events imported; {n_events} events in {fresh}\n"
    code, _, err = run(capsys, "import", first, "--db", fresh)
    assert (code, err) == (0, f"0 events imported; {n_events} events in {fresh}\n")
    assert run(capsys, "export", "--db", fresh, "--format", "parquet", "-o", second)[0] == 0
    assert _parquet_rows(first) == _parquet_rows(second)
    # The imported store has the same event graph. (Asserted relations and actor names are not
    # in the export, so relations and node names are not compared.)
    [got] = json.loads(run(capsys, "graph", "--db", fresh, "--period", "all")[1])
    [want] = json.loads(run(capsys, "graph", "--db", db, "--period", "all")[1])
    assert got["edges"] == want["edges"]
    nodes = {(n["code"], n["events"]) for n in want["nodes"]}
    assert {(n["code"], n["events"]) for n in got["nodes"]} <= nodes


def test_import_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.duckdb"
    missing = tmp_path / "missing.parquet"
    code, out, err = run(capsys, "import", missing, "--db", fresh)
    assert (code, out) == (2, "")
    assert err.splitlines() == [f"actorgraph: error: {missing}: no such file"]
    text = tmp_path / "events.jsonl"
    text.write_text('{"event_id": "x"}\n', encoding="utf-8")
    code, _, err = run(capsys, "import", text, "--db", fresh)
    assert code == 2
    [line] = err.splitlines()
    assert line.startswith(f"actorgraph: error: {text}: not a Parquet file")


# --- migrate ----------------------------------------------------------------------------------

def test_migrate_prints_the_schema_version(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, err = run(capsys, "migrate", "--db", db)
    assert (code, out) == (0, "")
    assert err == f"{db}: schema version {SCHEMA_VERSION}\n"


def test_migrate_an_old_store(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    old = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(old))
    con.execute(MIGRATIONS[0].sql)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.close()
    code, _, err = run(capsys, "graph", "--db", old)
    assert code == 2
    assert err.splitlines() == [
        f"actorgraph: error: {old}: schema version 1, expected {SCHEMA_VERSION}"
        " (open it for writing once, e.g. `actorgraph migrate`)"]
    code, _, err = run(capsys, "migrate", "--db", old)
    assert (code, err) == (0, f"{old}: schema version {SCHEMA_VERSION}\n")
    code, out, _ = run(capsys, "graph", "--db", old, "--period", "all")
    assert code == 0
    assert json.loads(out) == [{"start": None, "end": None, "nodes": [], "edges": [], "relations": []}]


def test_migrate_a_file_that_is_not_a_store(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    code, _, err = run(capsys, "migrate", "--db", other)
    assert code == 2
    [line] = err.splitlines()
    assert line.startswith(f"actorgraph: error: {other}: ") and "not an actorgraph store" in line


# --- a missing store --------------------------------------------------------------------------

@pytest.mark.parametrize(
    "argv",
    [["graph"], ["graph", "--format", "gexf"], ["coalitions"], ["fissures"],
     ["export", "--format", "jsonl"], ["export", "--format", "parquet"], ["migrate"]],
)
def test_commands_on_a_missing_store(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                     argv: list[str]) -> None:
    missing = tmp_path / "nothing.duckdb"
    extra = ["-o", tmp_path / "out.parquet"] if "parquet" in argv else []
    code, out, err = run(capsys, *argv, "--db", missing, *extra)
    assert (code, out) == (2, "")
    [line] = err.splitlines()
    assert line.startswith(f"actorgraph: error: {missing}: no such store")
    assert not missing.exists()
    assert not (tmp_path / "out.parquet").exists()

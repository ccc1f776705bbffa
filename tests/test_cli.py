"""The command line, called in-process: outputs, exit codes and one-line errors.

Every command that codes text gets the session pipeline (the model loads once), through a
stand-in for ``actorgraph.cli.coding.Pipeline`` that records the settings it was built with.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import duckdb
import pytest

import actorgraph.engine as engine_module
import actorgraph.evaluate as evaluate
from actorgraph import Pipeline, Settings, read_paths
from actorgraph.cli import main
from actorgraph.engine import SerialEngine
from actorgraph.output import FLAT_COLUMNS
from actorgraph.records import CodedDocument
from actorgraph.score import PRF
from actorgraph.store import Store
from tests.conftest import EXAMPLES
from tests.store.test_parts import dump

EVENT_KEYS = {"doc", "code", "source", "target", "plover", "sentence", "voice", "modality", "rule"}
GOOD = "Russian jets bombed rebel positions near Idlib on Tuesday.\n"
WIRE = [
    {"id": "r1", "date": "2024-03-14", "text": "Russian jets bombed rebel positions near Idlib."},
    {"id": "i1", "date": "2023-05-02",
     "text": "Iran condemned the Israeli air strikes on Damascus."},
    {"id": "t1", "date": "2022-01-10", "text": "Turkey and Iraq signed an agreement in Baghdad."},
]


@pytest.fixture()
def built(monkeypatch: pytest.MonkeyPatch, pipeline: Pipeline) -> list[Settings]:
    """Make the CLI use the session pipeline; the list collects the settings it was given."""
    settings: list[Settings] = []

    def factory(given: Settings | None = None) -> Pipeline:
        settings.append(given or Settings())
        return pipeline

    monkeypatch.setattr("actorgraph.cli.coding.Pipeline", factory)
    return settings


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def jsonl_records(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("actorgraph: error: ")]


def expected_event_ids(pipeline: Pipeline, *paths: Path) -> set[str]:
    return {e.event_id for item in pipeline.run(read_paths([str(p) for p in paths]))
            if isinstance(item, CodedDocument) for e in item.events}


@pytest.fixture()
def bad_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b-binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00")
    (folder / "c-empty.txt").write_bytes(b"")
    (folder / "d-russian.txt").write_bytes("Россия бомбила Идлиб.".encode("cp1251"))
    (folder / "e-wire.jsonl").write_text(
        json.dumps({"id": "w1", "text": "Iran condemned the Israeli air strikes on Damascus."})
        + '\n{"id": "w2", "text": broken\n', encoding="utf-8")
    return folder


@pytest.fixture()
def wire(tmp_path: Path) -> Path:
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in WIRE) + "\n", encoding="utf-8")
    return path


# --- code -------------------------------------------------------------------------------------

def test_code_example_prints_jsonl_events(built: list[Settings],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "code", EXAMPLES / "news_airstrikes.txt")
    assert code == 0
    assert err == ""
    records = jsonl_records(out)
    assert records
    for rec in records:
        assert set(rec) >= EVENT_KEYS
        assert rec["doc"] == "news_airstrikes.txt"
        assert isinstance(rec["code"], str) and rec["code"].isdigit()
        assert {"text", "code"} <= set(rec["source"]) and {"text", "code"} <= set(rec["target"])
        assert "type" in rec["plover"]
        assert rec["voice"] in ("author", "quoted", "comment")
    assert len(built) == 1


def test_code_bad_inputs_in_a_folder(built: list[Settings], pipeline: Pipeline,
                                     capsys: pytest.CaptureFixture[str], bad_folder: Path) -> None:
    code, out, err = run(capsys, "code", bad_folder)
    assert code == 1
    assert "Traceback" not in out + err
    errors = error_lines(err)
    named = [line.removeprefix("actorgraph: error: ").split(": ", 1)[0] for line in errors]
    assert named == [str(bad_folder / "b-binary.txt"), str(bad_folder / "c-empty.txt"),
                     str(bad_folder / "d-russian.txt"), f"{bad_folder / 'e-wire.jsonl'}:2"]
    assert "binary" in errors[0] and "empty" in errors[1] and "not UTF-8" in errors[2]
    assert "malformed JSON" in errors[3]
    assert err.splitlines()[-1] == "actorgraph: 4 of 6 documents failed"
    assert len(err.splitlines()) == len(errors) + 1
    # The good documents' events are still written.
    records = jsonl_records(out)
    expected = expected_event_ids(pipeline, bad_folder / "a-good.txt", bad_folder / "e-wire.jsonl")
    assert expected
    assert {r["event_id"] for r in records} == expected
    assert {r["doc"] for r in records} <= {"a-good.txt", "w1"}


def test_code_missing_path(built: list[Settings], capsys: pytest.CaptureFixture[str],
                           tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    code, out, err = run(capsys, "code", missing)
    assert code == 1
    assert out == ""
    assert error_lines(err) == [f"actorgraph: error: {missing}: no such file or directory"]
    assert err.splitlines()[-1] == "actorgraph: 1 of 1 documents failed"


def test_code_missing_path_among_good_ones(built: list[Settings], pipeline: Pipeline,
                                           capsys: pytest.CaptureFixture[str],
                                           tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    code, out, err = run(capsys, "code", tmp_path / "nope.txt", good)
    assert code == 1
    assert len(error_lines(err)) == 1
    assert {r["event_id"] for r in jsonl_records(out)} == expected_event_ids(pipeline, good)


def test_code_csv(built: list[Settings], capsys: pytest.CaptureFixture[str], wire: Path) -> None:
    code, out, _ = run(capsys, "code", wire)
    assert code == 0
    events = jsonl_records(out)
    code, out, err = run(capsys, "code", "--format", "csv", wire)
    assert (code, err) == (0, "")
    rows = list(csv.reader(io.StringIO(out)))
    assert tuple(rows[0]) == FLAT_COLUMNS
    records = list(csv.DictReader(io.StringIO(out)))
    assert [r["event_id"] for r in records] == [e["event_id"] for e in events]
    assert [r["code"] for r in records] == [e["code"] for e in events]


def test_code_parquet_to_file(built: list[Settings], capsys: pytest.CaptureFixture[str],
                              wire: Path, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "code", wire)
    events = jsonl_records(out)
    target = tmp_path / "out.parquet"
    code, out, err = run(capsys, "code", "--format", "parquet", "-o", target, wire)
    assert (code, out, err) == (0, "", "")
    rows = duckdb.connect().execute(
        "SELECT event_id, code FROM read_parquet(?)", [str(target)]).fetchall()
    assert rows == [(e["event_id"], e["code"]) for e in events]


def test_code_parquet_needs_an_output_file(built: list[Settings],
                                           capsys: pytest.CaptureFixture[str],
                                           wire: Path) -> None:
    code, out, err = run(capsys, "code", "--format", "parquet", wire)
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1
    assert err.startswith("actorgraph: error: ") and "-o FILE" in err


def test_code_output_file(built: list[Settings], capsys: pytest.CaptureFixture[str],
                          wire: Path, tmp_path: Path) -> None:
    target = tmp_path / "events.jsonl"
    code, out, err = run(capsys, "code", "-o", target, wire)
    assert (code, out, err) == (0, "", "")
    records = jsonl_records(target.read_text(encoding="utf-8"))
    assert records and {r["doc"] for r in records} <= {"r1", "i1", "t1"}


@pytest.mark.parametrize("command", ["code", "ingest"])
def test_date_option_reaches_undated_documents_only(built: list[Settings], pipeline: Pipeline,
                                                    capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path, command: str) -> None:
    undated = tmp_path / "undated.txt"
    undated.write_text(GOOD, encoding="utf-8")
    dated = tmp_path / "dated.jsonl"
    dated.write_text(json.dumps(WIRE[1]) + "\n", encoding="utf-8")
    db = tmp_path / "dates.duckdb"
    extra = ["--db", str(db)] if command == "ingest" else ["-o", str(tmp_path / "x.jsonl")]
    assert main([command, "--date", "2024-03-14", str(undated), str(dated), *extra]) == 0
    if command == "ingest":
        with Store(str(db), read_only=True) as store:
            got = dict(store.con.execute("SELECT name, published FROM documents").fetchall())
        assert got == {"undated.txt": dt.date(2024, 3, 14), "i1": dt.date(2023, 5, 2)}
    else:
        # The events equal those of the same documents read with that default date.
        records = jsonl_records((tmp_path / "x.jsonl").read_text(encoding="utf-8"))
        expected = [e.event_id for item in pipeline.run(read_paths(
            [str(undated), str(dated)], dt.date(2024, 3, 14)))
            if isinstance(item, CodedDocument) for e in item.events]
        assert [r["event_id"] for r in records] == expected


@pytest.mark.parametrize("bad", ["2024-13-01", "yesterday", "14/03/2024"])
def test_code_bad_date_option_is_a_usage_error(built: list[Settings],
                                               capsys: pytest.CaptureFixture[str],
                                               bad: str) -> None:
    with pytest.raises(SystemExit) as info:
        main(["code", "--date", bad, "x.txt"])
    assert info.value.code == 2
    assert "is not a date (YYYY-MM-DD)" in capsys.readouterr().err
    assert built == []


def test_code_model_option_is_passed_to_the_pipeline(built: list[Settings],
                                                     capsys: pytest.CaptureFixture[str],
                                                     wire: Path) -> None:
    code, _, _ = run(capsys, "code", "--model", "en_core_web_md", wire)
    assert code == 0
    assert [s.model for s in built] == ["en_core_web_md"]


def test_code_with_a_model_that_is_not_installed(capsys: pytest.CaptureFixture[str],
                                                 wire: Path) -> None:
    code, out, err = run(capsys, "code", "--model", "no_such_spacy_model_xyz", wire)
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1
    assert "no_such_spacy_model_xyz" in err and "not installed" in err


def test_code_html_with_only_a_comment_is_one_error_line(built: list[Settings],
                                                         capsys: pytest.CaptureFixture[str],
                                                         tmp_path: Path) -> None:
    (tmp_path / "a-draft.html").write_text("<!-- draft, nothing yet -->", encoding="utf-8")
    (tmp_path / "b-good.txt").write_text(GOOD, encoding="utf-8")
    code, out, err = run(capsys, "code", tmp_path)
    assert code == 1
    assert len(error_lines(err)) == 1
    assert jsonl_records(out)


# --- ingest, events, summary ------------------------------------------------------------------

def test_ingest_events_and_summary(built: list[Settings], capsys: pytest.CaptureFixture[str],
                                   wire: Path, tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    code, out, err = run(capsys, "ingest", wire, "--db", db)
    assert code == 0
    assert out == ""
    with Store(str(db), read_only=True) as store:
        stored = list(store.events())
        docs, n_sentences = store.count("documents"), store.count("sentences")
    assert docs == 3 and stored
    assert err.splitlines()[-1] == (
        f"3 documents added, 0 already stored; {len(stored)} events in {db}")

    code, out, err = run(capsys, "events", "--db", db, "--format", "jsonl")
    assert (code, err) == (0, "")
    records = jsonl_records(out)
    assert [r["event_id"] for r in records] == [e.event_id for e in stored]
    assert all(set(r) >= EVENT_KEYS for r in records)

    code, out, err = run(capsys, "events", "--db", db)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split()[:5] == ["date", "code", "source", "target", "voice"]
    assert len(lines) == len(stored) + 1
    assert [line.split()[1] for line in lines[1:]] == [e.code for e in stored]

    code, out, err = run(capsys, "summary", "--db", db)
    assert (code, err) == (0, "")
    assert out.splitlines()[0].startswith(f"3 documents, {n_sentences} sentences, ")
    assert out.splitlines()[0].endswith(f", {len(stored)} events")
    assert "Most active dyads:" in out


def _events(capsys: pytest.CaptureFixture[str], db: Path, *filters: str) -> list[dict[str, Any]]:
    code, out, err = run(capsys, "events", "--db", db, "--format", "jsonl", *filters)
    assert (code, err) == (0, "")
    return jsonl_records(out)


@pytest.fixture()
def filled_db(built: list[Settings], capsys: pytest.CaptureFixture[str], wire: Path,
              tmp_path: Path) -> Path:
    db = tmp_path / "filters.duckdb"
    assert main(["ingest", str(wire), "--db", str(db)]) == 0
    capsys.readouterr()
    return db


@pytest.mark.parametrize(
    ("option", "value", "kwargs"),
    [("--actor", "RUS", {"actor": "RUS"}), ("--actor", "irn", {"actor": "IRN"}),
     ("--code", "19", {"code": "19"}), ("--code", "1", {"code": "1"}),
     ("--since", "2023-01-01", {"since": dt.date(2023, 1, 1)}),
     ("--since", "2024-03-01", {"since": dt.date(2024, 3, 1)})],
)
def test_events_filters(filled_db: Path, capsys: pytest.CaptureFixture[str], option: str,
                        value: str, kwargs: dict[str, Any]) -> None:
    everything = _events(capsys, filled_db)
    got = _events(capsys, filled_db, option, value)
    with Store(str(filled_db), read_only=True) as store:
        expected = [e.event_id for e in store.events(**kwargs)]
    assert [r["event_id"] for r in got] == expected
    assert got, "the filter should keep some events"
    assert len(got) < len(everything), "the filter should drop some events"
    for rec in got:
        if option == "--actor":
            codes = [rec["source"]["code"] or "", rec["target"]["code"] or ""]
            assert any(c.startswith(value.upper()) for c in codes)
        elif option == "--code":
            assert rec["code"].startswith(value)
        else:
            day = rec["date"] or {"r1": "2024-03-14", "i1": "2023-05-02",
                                  "t1": "2022-01-10"}[rec["doc"]]
            assert day >= value


def test_events_main_keeps_one_event_per_sentence(built: list[Settings], capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    text = tmp_path / "two.txt"
    text.write_text("Police fired tear gas to disperse the protesters who had blocked the road. "
                    "Iran condemned Israel.\n", encoding="utf-8")
    db = tmp_path / "main.duckdb"
    assert main(["ingest", str(text), "--db", str(db), "--date", "2024-03-14"]) == 0
    capsys.readouterr()
    everything = _events(capsys, db)
    main_only = _events(capsys, db, "--main")
    sentences = {(r["doc"], r["sentence_index"]) for r in everything}
    assert len(main_only) == len(sentences) == 2 < len(everything)
    assert {(r["doc"], r["sentence_index"]) for r in main_only} == sentences
    assert {r["event_id"] for r in main_only} == {r["event_id"] for r in everything if r["main"]}
    assert [r["trigger"]["text"] for r in main_only] == ["fired", "condemned"]


def test_events_filters_combined_and_empty(filled_db: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert _events(capsys, filled_db, "--actor", "RUS", "--since", "2030-01-01") == []
    assert _events(capsys, filled_db, "--code", "99") == []
    assert len(_events(capsys, filled_db, "--limit", "1")) == 1


def test_ingest_twice_adds_nothing(built: list[Settings], capsys: pytest.CaptureFixture[str],
                                   wire: Path, tmp_path: Path) -> None:
    db = tmp_path / "twice.duckdb"
    assert main(["ingest", str(wire), "--db", str(db)]) == 0
    first = capsys.readouterr().err.splitlines()[-1]
    assert first.startswith("3 documents added, 0 already stored; ")
    code, out, err = run(capsys, "ingest", wire, "--db", db)
    assert (code, out) == (0, "")
    assert err.splitlines()[-1].startswith("0 documents added, 3 already stored; ")
    assert err.splitlines()[-1].split("; ")[1] == first.split("; ")[1]  # same event count


def test_ingest_with_bad_inputs(built: list[Settings], capsys: pytest.CaptureFixture[str],
                                bad_folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "bad.duckdb"
    code, out, err = run(capsys, "ingest", bad_folder, "--db", db)
    assert code == 1
    assert "Traceback" not in out + err
    assert len(error_lines(err)) == 4
    assert "2 documents added, 0 already stored; " in err
    assert err.splitlines()[-1] == "actorgraph: 4 of 6 documents failed"


def test_reingest_with_bad_inputs_counts_every_document(built: list[Settings],
                                                        capsys: pytest.CaptureFixture[str],
                                                        bad_folder: Path,
                                                        tmp_path: Path) -> None:
    db = tmp_path / "bad.duckdb"
    assert main(["ingest", str(bad_folder), "--db", str(db)]) == 1
    capsys.readouterr()
    code, _, err = run(capsys, "ingest", bad_folder, "--db", db)
    assert code == 1
    assert "0 documents added, 2 already stored; " in err
    assert err.splitlines()[-1] == "actorgraph: 4 of 6 documents failed"


@pytest.fixture()
def engines(monkeypatch: pytest.MonkeyPatch, pipeline: Pipeline) -> list[tuple[str, Any]]:
    """Workers asked for are this process's engine (the engines have their own tests); the
    list collects the engine and worker count the CLI asked for, and the parts folders."""
    asked: list[tuple[str, Any]] = []

    class Recording(SerialEngine):
        def run_parts(self, items: Any, directory: str) -> Any:
            asked.append(("parts", directory))
            return super().run_parts(items, directory)

    def fake(name: str, settings: Settings | None = None, workers: int = 1, address: Any = None) -> Any:
        asked.append((name, workers))
        return Recording(settings or Settings())

    monkeypatch.setattr("actorgraph.cli.coding.make_engine", fake)
    monkeypatch.setitem(engine_module._PIPELINES, Settings(), pipeline)
    return asked


def test_ingest_with_workers_goes_through_parts_and_removes_its_folder(
    engines: list[tuple[str, Any]], capsys: pytest.CaptureFixture[str], bad_folder: Path, tmp_path: Path
) -> None:
    db = tmp_path / "store" / "w.duckdb"
    db.parent.mkdir()
    code, _, err = run(capsys, "ingest", bad_folder, "--db", db, "--workers", "2")
    assert code == 1 and engines[0] == ("local", 2)
    assert engines[1][0] == "parts" and Path(engines[1][1]).parent == db.parent  # beside the store
    assert len(error_lines(err)) == 4  # each failure named, one line each, from the parts
    assert "2 documents added, 0 already stored; " in err
    assert err.splitlines()[-1] == "actorgraph: 4 of 6 documents failed"
    assert sorted(p.name for p in db.parent.iterdir() if "parts" in p.name) == []


def test_ingest_parts_are_kept_and_import_into_the_same_store(
    engines: list[tuple[str, Any]], built: list[Settings], capsys: pytest.CaptureFixture[str],
    wire: Path, tmp_path: Path,
) -> None:
    parts = tmp_path / "parts"
    code, _, err = run(capsys, "ingest", wire, "--db", tmp_path / "a.duckdb", "--parts", parts)
    assert code == 0 and "3 documents added" in err
    assert len([p for p in parts.iterdir() if p.name.startswith("part-")]) == 1
    code, _, err = run(capsys, "import", parts, "--db", tmp_path / "b.duckdb")
    assert (code, err) == (0, f"3 documents imported from 1 parts; 3 documents in {tmp_path / 'b.duckdb'}\n")
    code, _, err = run(capsys, "import", parts, "--db", tmp_path / "b.duckdb")
    assert err.startswith("0 documents imported from 1 parts")
    assert main(["ingest", str(wire), "--db", str(tmp_path / "c.duckdb")]) == 0
    capsys.readouterr()
    with Store(str(tmp_path / "b.duckdb"), read_only=True) as b, Store(str(tmp_path / "c.duckdb"),
                                                                        read_only=True) as c:
        assert dump(b) == dump(c)


def test_import_of_a_folder_without_parts_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "empty").mkdir()
    code, _, err = run(capsys, "import", tmp_path / "empty", "--db", tmp_path / "x.duckdb")
    assert code == 2 and len(err.splitlines()) == 1 and "no Parquet parts" in err
    assert not (tmp_path / "x.duckdb").exists()


@pytest.mark.parametrize("command", ["events", "summary"])
def test_query_on_a_missing_store(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                  command: str) -> None:
    db = tmp_path / "nothing.duckdb"
    code, out, err = run(capsys, command, "--db", db)
    assert code == 2
    assert out == ""
    assert err.splitlines() == [
        f"actorgraph: error: {db}: no such store (create it with `actorgraph ingest`)"]
    assert not db.exists()


# --- config -----------------------------------------------------------------------------------

def test_config_with_an_unknown_key(built: list[Settings], capsys: pytest.CaptureFixture[str],
                                    tmp_path: Path, wire: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text('[actorgraph]\nmodle = "en_core_web_md"\n', encoding="utf-8")
    code, out, err = run(capsys, "--config", config, "code", wire)
    assert code == 2
    assert out == ""
    [line] = err.splitlines()
    assert line.startswith(f"actorgraph: error: {config}: unknown setting 'modle'")
    assert built == []


def test_config_file_settings_reach_the_pipeline(built: list[Settings],
                                                 capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path, wire: Path) -> None:
    config = tmp_path / "good.toml"
    config.write_text('[actorgraph]\nbatch_documents = 2\nmodel = "en_core_web_md"\n',
                      encoding="utf-8")
    code, _, _ = run(capsys, "--config", config, "code", wire)
    assert code == 0
    assert [(s.batch_documents, s.model) for s in built] == [(2, "en_core_web_md")]
    built.clear()
    # A command-line --model wins over the file.
    run(capsys, "--config", config, "code", "--model", "en_core_web_lg", wire)
    assert [(s.batch_documents, s.model) for s in built] == [(2, "en_core_web_lg")]


def test_config_missing_file(built: list[Settings], capsys: pytest.CaptureFixture[str],
                             tmp_path: Path, wire: Path) -> None:
    config = tmp_path / "absent.toml"
    code, _, err = run(capsys, "--config", config, "code", wire)
    assert code == 2
    [line] = err.splitlines()
    assert line.startswith(f"actorgraph: error: {config}: ")


# --- eval -------------------------------------------------------------------------------------

def test_eval_without_shared_gold(built: list[Settings], capsys: pytest.CaptureFixture[str],
                                  tmp_path: Path) -> None:
    empty = tmp_path / "shared"
    empty.mkdir()
    code, out, err = run(capsys, "eval", "--shared", empty)
    assert code == 0
    assert err == ""
    lines = out.splitlines()
    assert lines[0].startswith("== project gold (")
    assert any(line.split()[:1] == ["root+dyad"] for line in lines)
    assert "per root (root+dyad):" in out
    assert lines[-1] == "== shared gold: not found (pass --shared DIR); skipped"


def test_eval_prints_to_the_current_stdout(built: list[Settings],
                                           capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    # actorgraph.evaluate was imported when this module was, before capsys took stdout.
    report = evaluate.ProjectReport({"root+dyad": PRF(1, 2, 2)}, {}, 1)
    monkeypatch.setattr(evaluate, "evaluate_project", lambda pipeline: report)
    code, out, _ = run(capsys, "eval", "--shared", tmp_path)
    assert code == 0
    assert "== shared gold: not found" in out


def test_events_filter_by_voice(built: list[Settings], capsys: pytest.CaptureFixture[str],
                                tmp_path: Path) -> None:
    post = tmp_path / "post.txt"
    post.write_text(
        "Published: March 14, 2024\n\nTurkey shelled Kurdish positions, and I think it will go on.\n\n"
        "Here is how the agency reported it:\n\nRussian jets bombed rebel positions near Idlib.\n\n\n"
        "2 thoughts on \"post\"\n\n  1. Iran condemned Israel for the strike.\n",
        encoding="utf-8")
    db = tmp_path / "voices.duckdb"
    assert main(["ingest", str(post), "--db", str(db)]) == 0
    capsys.readouterr()
    voices = {}
    for voice in ("author", "quoted", "comment"):
        got = _events(capsys, db, "--voice", voice)
        assert got and {r["voice"] for r in got} == {voice}, voice
        voices[voice] = {r["code"][:2] for r in got}
    assert voices == {"author": {"19"}, "quoted": {"19"}, "comment": {"11"}}

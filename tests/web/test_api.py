"""The HTTP API over a small store: every endpoint, filters, paging, limits and guards."""

from __future__ import annotations

import dataclasses
import datetime as dt
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from actorgraph import CodedDocument, Pipeline
from actorgraph.store import Store
from actorgraph.web import create_app
from actorgraph.web.guard import MAX_BODY_BYTES
from tests.conftest import code_text

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

DOCS = [
    ("strike", "Russian jets bombed rebel positions near Idlib on Tuesday. Turkey condemned the strikes.",
     dt.date(2024, 3, 14), "Reuters"),
    ("deal", "Turkey and Russia signed an agreement on joint patrols in northern Syria.", dt.date(2024, 4, 2),
     "AFP"),
    ("proxy", "Hezbollah, Iran's proxy in Lebanon, fired rockets at Israeli troops.", dt.date(2024, 5, 6),
     "BBC"),
    ("xss", 'Iran condemned Israel. <script>alert(1)</script> <img src=x onerror="alert(2)">'
     ' <a href="javascript:alert(3)">link</a>', dt.date(2024, 5, 7), "Blog"),
]


@pytest.fixture(scope="module")
def db(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "api.duckdb"
    coded: list[CodedDocument] = []
    for name, text, day, source in DOCS:
        c = code_text(pipeline, text, day, name=name)
        coded.append(dataclasses.replace(c, document=dataclasses.replace(c.document, source=source)))
    with Store(str(path)) as store:
        store.add_many(coded)
    return path


@pytest.fixture(scope="module")
def client(db: Path, pipeline: Pipeline) -> Iterator[TestClient]:
    with TestClient(create_app(str(db), pipeline=pipeline)) as c:
        yield c


def test_documents_and_one_document(client: TestClient) -> None:
    body = client.get("/api/documents").json()
    assert body["total"] == 4
    names = [d["name"] for d in body["documents"]]
    assert names[0] == "xss"  # newest first
    doc_id = body["documents"][-1]["doc_id"]
    doc = client.get(f"/api/documents/{doc_id}").json()
    assert doc["name"] == "strike" and doc["text"].startswith("Russian jets")
    for key in ("blocks", "sentences", "mentions", "events", "quotes", "relations"):
        assert isinstance(doc[key], list)
    trigger = doc["events"][0]["trigger"]
    assert doc["text"][trigger["start"] : trigger["end"]] == trigger["text"]
    assert client.get("/api/documents/nope").status_code == 404


def test_document_text_comes_back_as_data_not_markup(client: TestClient) -> None:
    doc_id = next(d["doc_id"] for d in client.get("/api/documents").json()["documents"] if d["name"] == "xss")
    response = client.get(f"/api/documents/{doc_id}")
    assert response.headers["content-type"].startswith("application/json")
    assert "<script>alert(1)</script>" in response.json()["text"]  # kept verbatim, as text


@pytest.mark.parametrize(
    ("query", "check"),
    [
        ("actor=RUS", lambda e: "RUS" in (e["source"]["code"] or "")[:3] + (e["target"]["code"] or "")[:3]),
        ("code=19", lambda e: e["code"].startswith("19")),
        ("root=11", lambda e: e["root"] == "11"),
        ("quad_class=4", lambda e: e["quad_class"] == 4),
        ("voice=author", lambda e: e["voice"] == "author"),
        ("start=2024-04-01&end=2024-05-01", lambda e: e["doc"] == "deal"),
        ("place=SYR", lambda e: e["location"]["country"] == "SYR"),
        ("main=true", lambda e: e["main"]),
    ],
)
def test_event_filters(client: TestClient, query: str, check: object) -> None:
    body = client.get(f"/api/events?{query}").json()
    assert body["total"] >= 1 and body["events"]
    assert all(check(e) for e in body["events"])  # type: ignore[operator]


def test_main_events_are_one_per_sentence(client: TestClient) -> None:
    every = client.get("/api/events?limit=1000").json()
    main = client.get("/api/events?main=true&limit=1000").json()
    sentences = {(e["doc_id"], e["sentence_index"]) for e in every["events"]}
    assert main["total"] == len(sentences) and all(e["main"] for e in main["events"])


def test_events_by_id_carry_their_day(client: TestClient) -> None:
    some = client.get("/api/events?limit=3").json()["events"]
    ids = ",".join(e["event_id"] for e in some)
    body = client.get(f"/api/events?ids={ids}").json()
    assert sorted(e["event_id"] for e in body["events"]) == sorted(e["event_id"] for e in some)
    assert all(e["day"] == (e["date"] or e["day"]) and e["day"] for e in body["events"])
    assert client.get("/api/events?ids=a;b").status_code == 422


def test_folded_actor_page_and_dyad_parameters(client: TestClient) -> None:
    exact = client.get("/api/actors/RUS").json()
    folded = client.get("/api/actors/RUS?fold=true").json()
    assert folded["events"] > exact["events"]  # RUSMIL's strike counts for Russia
    assert client.get("/api/dyads?source=RUSGOV&target=TUR").json()["source"] == "RUS"


def test_event_paging(client: TestClient) -> None:
    everything = client.get("/api/events?limit=1000").json()
    total = everything["total"]
    assert total == len(everything["events"]) >= 4
    pages = [client.get(f"/api/events?limit=2&offset={o}").json()["events"] for o in range(0, total, 2)]
    assert [e["event_id"] for p in pages for e in p] == [e["event_id"] for e in everything["events"]]


@pytest.mark.parametrize(
    "query", ["limit=0", "limit=1001", "offset=-1", "code=abc", "root=123", "quad_class=5", "voice=nobody",
              "start=yesterday", "actor=" + "X" * 30],
)
def test_bad_event_queries_are_422(client: TestClient, query: str) -> None:
    assert client.get(f"/api/events?{query}").status_code == 422


def test_actors_and_an_actor_page(client: TestClient) -> None:
    actors = client.get("/api/actors").json()
    codes = [a["code"] for a in actors]
    assert "RUSMIL" in codes and "TUR" in codes
    assert client.get("/api/actors?q=turk").json()[0]["code"].startswith("TUR")
    page = client.get("/api/actors/TUR").json()
    assert page["code"] == "TUR" and page["events"] >= 1
    assert any(name == "Turkey" for name, _ in page["names"])
    assert page["partners"] and page["recent"]
    assert client.get("/api/actors/ZZZ").status_code == 404


def test_dyads_periods_graph_coalitions_fissures_clusters(client: TestClient) -> None:
    dyad = client.get("/api/dyads?source=RUS&target=TUR&period=month").json()
    # March: Turkey condemned the strikes (Russia's, coded the sentence before); April: the deal
    assert [row["period"] for row in dyad["series"]] == ["2024-03-01", "2024-04-01"]
    assert {"balance", "cooperation", "conflict", "evidence", "quad"} <= set(dyad["series"][0])
    assert dyad["fissures"] == []
    assert client.get("/api/dyads?source=RUS&target=TUR&period=year").status_code == 422
    assert client.get("/api/periods").json() == ["2024-03-01", "2024-04-01", "2024-05-01"]
    graph = client.get("/api/graph?start=2024-04-01&end=2024-05-01").json()
    assert {n["code"] for n in graph["nodes"]} == {"RUS", "TUR"}
    assert all("coalition" in n for n in graph["nodes"])
    whole = client.get("/api/graph").json()
    assert any(r["kind"] == "backs" for r in whole["relations"])
    assert isinstance(client.get("/api/coalitions").json(), list)
    assert client.get("/api/fissures").json() == []
    clusters = client.get("/api/clusters").json()
    assert clusters and {"n_events", "n_documents", "n_sources"} <= set(clusters[0])


def test_search_sentences(client: TestClient) -> None:
    hits = client.get("/api/search?q=joint patrols").json()
    assert [h["doc"] for h in hits] == ["deal"]
    assert client.get("/api/search?q=").status_code == 422
    assert client.get("/api/search?q=" + "x" * 201).status_code == 422
    assert client.get("/api/search?q=nothing%25like%25this").json() == []


def test_code_a_pasted_document_without_storing_it(client: TestClient, db: Path) -> None:
    body = client.post("/api/code", json={"text": "Iran condemned the Israeli air strikes on Damascus.",
                                          "date": "2024-06-01"}).json()
    assert [(e["source"]["code"], e["code"][:2]) for e in body["events"]] == [("IRN", "11")]
    assert client.get("/api/documents").json()["total"] == 4  # nothing stored
    assert client.post("/api/code", json={"text": ""}).status_code == 422
    assert client.post("/api/code", json={"text": "x" * 100_001}).status_code == 422
    big = b'{"text": "' + b"x" * MAX_BODY_BYTES + b'"}'
    too_big = client.post("/api/code", content=big, headers={"content-type": "application/json"})
    assert too_big.status_code == 413


def test_openapi_schema_lists_every_endpoint(client: TestClient) -> None:
    paths = set(client.get("/openapi.json").json()["paths"])
    assert paths >= {"/api/documents", "/api/documents/{doc_id}", "/api/events", "/api/actors",
                     "/api/actors/{code}", "/api/dyads", "/api/periods", "/api/graph", "/api/coalitions",
                     "/api/fissures", "/api/clusters", "/api/search", "/api/code"}


def test_security_headers(client: TestClient) -> None:
    headers = client.get("/api/documents").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_a_token_guards_every_request(db: Path, pipeline: Pipeline) -> None:
    with TestClient(create_app(str(db), token="s3cret", pipeline=pipeline)) as c:
        assert c.get("/api/documents").status_code == 401
        assert c.get("/api/documents?token=wrong").status_code == 401
        assert c.get("/api/documents?token=s3cret").status_code == 200
        assert c.get("/api/documents", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert c.get("/").status_code == 200  # the page holds no data; its API calls need the token
        assert c.get("/api/graph").status_code == 401


def test_the_server_holds_no_lock_between_requests(client: TestClient, db: Path) -> None:
    client.get("/api/events")
    with Store(str(db), timeout=1.0) as store:  # a writer gets in at once
        assert store.count("documents") == 4


def test_a_missing_store_is_503_not_a_crash(tmp_path: Path, pipeline: Pipeline) -> None:
    with TestClient(create_app(str(tmp_path / "none.duckdb"), pipeline=pipeline)) as c:
        response = c.get("/api/events")
        assert response.status_code == 503 and "none.duckdb" in response.json()["detail"]
        assert not (tmp_path / "none.duckdb").exists()


def test_serve_refuses_a_public_address_without_a_token(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from actorgraph.cli import main

    assert main(["serve", "--db", str(db), "--host", "0.0.0.0"]) == 2
    assert "needs --token" in capsys.readouterr().err

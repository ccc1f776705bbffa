"""Responses are kept until a writer's turn, never served past it, and never past the Guard."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

from actorgraph import Pipeline
from actorgraph.store import Store
from actorgraph.web import create_app
from actorgraph.web.cache import ResponseCache
from tests.conftest import code_text

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def test_the_cache_keeps_one_generation_and_a_byte_budget() -> None:
    cache = ResponseCache(max_bytes=10)
    cache.put(1, "a", b"1234")
    cache.put(1, "b", b"5678")
    assert cache.get(1, "a") == b"1234"
    cache.put(1, "c", b"9999")  # over budget: the least recently used ("b") goes
    assert cache.get(1, "b") is None and cache.get(1, "a") == b"1234"
    cache.put(0, "d", b"old")  # an older generation is ignored
    assert cache.get(0, "d") is None
    cache.put(2, "e", b"new")  # a newer one drops the rest
    assert cache.get(1, "a") is None and cache.get(2, "e") == b"new"
    cache.put(2, "big", b"x" * 11)
    assert cache.get(2, "big") is None
    assert (cache.hits, cache.misses) == (3, 4)


def test_a_repeated_request_is_a_hit_until_a_writer_writes(tmp_path: Path, pipeline: Pipeline) -> None:
    db = tmp_path / "c.duckdb"
    first = code_text(pipeline, "Russia signed an agreement with Turkey.", dt.date(2024, 4, 2), name="one")
    second = code_text(pipeline, "Iran condemned Israel.", dt.date(2024, 4, 3), name="two")
    with Store(str(db)) as store:
        store.add_many([first])
    with TestClient(create_app(str(db), pipeline=pipeline)) as client:
        client.get("/api/periods")  # opens the store (a response made while opening is not kept)
        a = client.get("/api/documents", params={"limit": 10})
        b = client.get("/api/documents", params={"limit": 10})
        assert a.headers["x-cache"] == "miss" and b.headers["x-cache"] == "hit"
        assert a.content == b.content and b.json()["total"] == 1
        assert b.headers["content-security-policy"]  # the Guard's headers on a hit too
        with Store(str(db), timeout=5) as store:  # the server's reader lets this writer in
            store.add_many([second])
        c = client.get("/api/documents", params={"limit": 10})
        assert c.headers["x-cache"] == "miss" and c.json()["total"] == 2
        assert client.get("/api/documents", params={"limit": 10}).json()["total"] == 2


def test_a_cached_response_still_needs_the_token(tmp_path: Path, pipeline: Pipeline) -> None:
    db = tmp_path / "t.duckdb"
    with Store(str(db)) as store:
        store.add_many([code_text(pipeline, "Russia signed an agreement with Turkey.", None, name="one")])
    with TestClient(create_app(str(db), token="s3cret", pipeline=pipeline)) as client:
        for _ in range(2):
            assert client.get("/api/periods", params={"token": "s3cret"}).status_code == 200
        hit = client.get("/api/periods", params={"token": "s3cret"})
        assert hit.headers["x-cache"] == "hit"
        assert client.get("/api/periods").status_code == 401
        assert client.get("/api/periods", params={"token": "wrong"}).status_code == 401

"""The HTTP API: JSON over the store, opened read-only for each request, and the web UI.

``create_app(db)`` builds the FastAPI application; ``actorgraph serve`` runs it with uvicorn.
The OpenAPI schema is at ``/openapi.json``, the UI at ``/``.

Example:
    >>> app = create_app("actorgraph.duckdb")  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, cast

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from actorgraph.cameo import fold_code
from actorgraph.graph import Period, coalitions, dyad_fissures, dyad_series, fissures, period_graph
from actorgraph.ingest import make_document
from actorgraph.output import event_json
from actorgraph.records import CodedDocument, Failure
from actorgraph.store import Store, StoreError
from actorgraph.store.queries import (
    MAX_PAGE,
    EventFilter,
    actor_view,
    find_events,
    get_document,
    list_actors,
    list_clusters,
    list_documents,
    search_sentences,
)
from actorgraph.web.guard import MAX_BODY_BYTES, Guard

__all__ = ["MAX_CODE_CHARS", "MAX_IDS", "create_app"]

MAX_IDS = 200  # event ids one request may ask for
MAX_CODE_CHARS = 100_000  # a pasted document: a long article, not a corpus (use `actorgraph code`)


def _plain(value: Any) -> Any:
    """JSON-ready: dates as ISO text, records as objects (events in the CLI's shape)."""
    from actorgraph.records import Event

    if isinstance(value, Event):
        return event_json(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _document_json(coded: CodedDocument) -> dict[str, Any]:
    d = coded.document
    return {
        "doc_id": d.doc_id,
        "name": d.name,
        "title": d.title,
        "url": d.url,
        "published": d.published.isoformat() if d.published else None,
        "source": d.source,
        "genre": d.genre,
        "text": d.text,
        "blocks": _plain(d.blocks),
        "sentences": _plain(coded.sentences),
        "mentions": _plain(coded.mentions),
        "events": [event_json(e) for e in coded.events],
        "quotes": _plain(coded.quotes),
        "relations": _plain(coded.relations),
    }


class _LazyStore:
    """The store, opened on first use inside the endpoint's own thread.

    Opening it in the dependency instead held a read connection while the request waited for
    a worker thread; with every thread blocked opening (behind a writer's turn), requests that
    had connections never ran, never closed, and the writer waited out its timeout (found by
    bench/load.py). Now a connection is only open while its request runs, and teardown closes it.
    """

    def __init__(self, db: str) -> None:
        self.db = db
        self.store: Store | None = None

    def __getattr__(self, name: str) -> Any:
        if self.store is None:
            try:
                self.store = Store(self.db, read_only=True)
            except StoreError as exc:
                raise HTTPException(503, str(exc)) from None
        return getattr(self.store, name)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()


def _store(request: Request) -> Iterator[Store]:
    """The store, read-only, for one request (a writer may take its turn in between)."""
    db = request.app.state.db
    if not Path(db).exists():
        raise HTTPException(503, f"no store at {db} (create it with `actorgraph ingest`)")
    lazy = _LazyStore(db)
    try:
        yield cast(Store, lazy)
    finally:
        lazy.close()


Db = Annotated[Store, Depends(_store)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Offset = Annotated[int, Query(ge=0)]


class CodeRequest(BaseModel):
    """A pasted document to code without storing it."""

    text: str = Field(min_length=1, max_length=MAX_CODE_CHARS, pattern=r"\S")
    title: str | None = Field(default=None, max_length=500)
    date: dt.date | None = None
    html: bool = False


def create_app(db: str, token: str | None = None, pipeline: Any = None) -> FastAPI:
    """The application over the store at ``db``. With a ``token``, every request must carry it
    (``Authorization: Bearer TOKEN`` or ``?token=``). ``pipeline`` codes pasted documents (built
    on first use when None)."""
    app = FastAPI(
        title="actorgraph",
        description="Events, actors, the actor graph and their evidence, from the documents in a store.",
        version="0.1.0",
    )
    app.add_middleware(Guard, token=token)
    coder: dict[str, Any] = {"pipeline": pipeline}
    lock = threading.Lock()

    app.state.db = db

    @app.get("/api/documents", tags=["documents"])
    def documents(s: Db, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
        """Documents, newest first, with their event counts."""
        total, rows = list_documents(s, limit, offset)
        return {"total": total, "documents": _plain(rows)}

    @app.get("/api/documents/{doc_id}", tags=["documents"])
    def document(doc_id: Annotated[str, Field(max_length=64)], s: Db) -> dict[str, Any]:
        """A document's text with its voice blocks, sentences, actor mentions, events, quotes and
        asserted relations (all spans are character offsets into ``text``)."""
        coded = get_document(s, doc_id)
        if coded is None:
            raise HTTPException(404, f"no document {doc_id}")
        return _document_json(coded)

    @app.get("/api/events", tags=["events"])
    def events(
        s: Db,
        actor: Annotated[str | None, Query(max_length=20)] = None,
        code: Annotated[str | None, Query(max_length=4, pattern=r"^\d{1,4}$")] = None,
        root: Annotated[str | None, Query(max_length=2, pattern=r"^\d{1,2}$")] = None,
        quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
        voice: Annotated[str | None, Query(pattern="^(author|quoted|comment)$")] = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
        place: Annotated[str | None, Query(max_length=100)] = None,
        doc_id: Annotated[str | None, Query(max_length=64)] = None,
        ids: Annotated[str | None, Query(max_length=MAX_IDS * 17, pattern=r"^[0-9a-zA-Z_,-]*$")] = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Events filtered by actor code prefix (source or target), CAMEO code prefix, root,
        QuadClass, voice, days in [start, end), place name or country code, document, or a
        comma-separated list of event ids (evidence); paged. Each event has ``day``: its date,
        else its document's publication date."""
        wanted = tuple(i for i in (ids or "").split(",") if i)[:MAX_IDS]
        page = find_events(
            s,
            EventFilter(
                actor, code, root, quad_class, voice, start, end, place, doc_id, limit, offset, wanted
            ),
        )
        events = [{**event_json(e), "day": _plain(d)} for e, d in zip(page.events, page.days, strict=True)]
        return {"total": page.total, "limit": limit, "offset": offset, "events": events}

    @app.get("/api/actors", tags=["actors"])
    def actors(
        s: Db, q: Annotated[str | None, Query(max_length=100)] = None, limit: Limit = 100
    ) -> list[Any]:
        """Coded actors, most active first; ``q`` matches a code prefix or part of a name."""
        return list(_plain(list_actors(s, q, limit)))

    @app.get("/api/actors/{code}", tags=["actors"])
    def actor(code: str, s: Db, fold: bool = False) -> dict[str, Any]:
        """An actor's page: the names it was mentioned by, its partners, its recent events. With
        ``fold``, a state's code covers its agencies (RUS: RUSGOV, RUSMIL...) as the graph does."""
        view = actor_view(s, code.upper()[:20], fold=fold)
        if view is None:
            raise HTTPException(404, f"no actor {code}")
        out: dict[str, Any] = _plain(view)
        return out

    @app.get("/api/dyads", tags=["graph"])
    def dyads(
        s: Db,
        source: Annotated[str, Query(max_length=20)],
        target: Annotated[str, Query(max_length=20)],
        period: Period = "month",
        directed: bool = False,
    ) -> dict[str, Any]:
        """A dyad's time series: per period, events per QuadClass, mean Goldstein, balance and
        evidence; with the fissures found between the two."""
        source, target = fold_code(source.upper()), fold_code(target.upper())
        series = dyad_series(s, source, target, period, directed)
        found = dyad_fissures(series)
        rows = [
            {**_plain(d), "cooperation": d.cooperation, "conflict": d.conflict, "balance": d.balance}
            for d in series
        ]
        return {
            "source": source,
            "target": target,
            "period": period,
            "series": rows,
            "fissures": _plain(found),
        }

    @app.get("/api/periods", tags=["graph"])
    def periods(s: Db, period: Period = "month") -> list[str]:
        """The periods that hold dated events, oldest first (for a period slider)."""
        rows = s.con.execute(
            f"SELECT DISTINCT date_trunc('{period}', day)::DATE FROM events WHERE day IS NOT NULL ORDER BY 1"
        ).fetchall()
        return [r[0].isoformat() for r in rows]

    @app.get("/api/graph", tags=["graph"])
    def graph(s: Db, start: dt.date | None = None, end: dt.date | None = None) -> dict[str, Any]:
        """The actor graph of [start, end): nodes with activity, dyad edges with QuadClass counts,
        balance and evidence, asserted relations, and each node's coalition."""
        g = period_graph(s, start, end)
        groups = {m: n for n, c in enumerate(coalitions(s, start, end)) for m in c.members}
        nodes = [{**_plain(n), "coalition": groups.get(n.code)} for n in g.nodes]
        edges = [
            {**_plain(e), "cooperation": e.cooperation, "conflict": e.conflict, "balance": e.balance}
            for e in g.edges
        ]
        return {
            "start": _plain(start),
            "end": _plain(end),
            "nodes": nodes,
            "edges": edges,
            "relations": _plain(g.relations),
        }

    @app.get("/api/coalitions", tags=["graph"])
    def coalitions_(s: Db, start: dt.date | None = None, end: dt.date | None = None) -> list[Any]:
        """Coalitions (Louvain communities of cooperation and asserted alliance) and whom they fight."""
        return list(_plain(coalitions(s, start, end)))

    @app.get("/api/fissures", tags=["graph"])
    def fissures_(s: Db, period: Period = "month") -> list[Any]:
        """Dyads and coalitions whose cooperative share dropped significantly between periods."""
        return list(_plain(fissures(s, period)))

    @app.get("/api/clusters", tags=["events"])
    def clusters(
        s: Db,
        limit: Limit = 100,
        offset: Offset = 0,
        min_documents: Annotated[int, Query(ge=1)] = 1,
    ) -> list[Any]:
        """Reports of one event merged across documents, most widely reported first."""
        return list(_plain(list_clusters(s, limit, offset, min_documents)))

    @app.get("/api/search", tags=["documents"])
    def search(s: Db, q: Annotated[str, Query(min_length=1, max_length=200)], limit: Limit = 50) -> list[Any]:
        """Sentences holding every word of ``q``."""
        return list(_plain(search_sentences(s, q, limit)))

    @app.post("/api/code", tags=["coding"])
    def code(req: CodeRequest) -> dict[str, Any]:
        """Code a pasted document and return it as the document view shows it; nothing is stored.
        The body is limited to MAX_BODY_BYTES and the text to MAX_CODE_CHARS."""
        doc = make_document(req.title or "pasted", req.text, req.date, html=req.html)
        if isinstance(doc, Failure):
            raise HTTPException(422, doc.reason)
        with lock:
            if coder["pipeline"] is None:
                from actorgraph.pipeline import Pipeline

                coder["pipeline"] = Pipeline()
            [item] = list(coder["pipeline"].run([doc]))
        if isinstance(item, Failure):
            raise HTTPException(422, item.reason)
        return _document_json(item)

    @app.get("/api/health", tags=["documents"])
    def health() -> dict[str, Any]:
        return {"ok": True, "db": db, "max_body_bytes": MAX_BODY_BYTES}

    static = resources.files("actorgraph").joinpath("web", "static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(static.joinpath("index.html")))

    @app.exception_handler(ValueError)
    def bad_value(request: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    return app

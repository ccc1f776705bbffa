"""The HTTP API: JSON over the store (read through one shared read-only connection that
yields to writers, store/reader.py), and the web UI.

``create_app(db)`` builds the FastAPI application; ``actorgraph serve`` runs it with uvicorn.
The OpenAPI schema is at ``/openapi.json``, the UI at ``/``.

Example:
    >>> app = create_app("actorgraph.duckdb")  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import orjson
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from actorgraph.cameo import fold_code
from actorgraph.graph import (
    Period,
    coalitions,
    communities,
    dyad_fissures,
    dyad_series,
    fissures,
    period_graph,
)
from actorgraph.ingest import make_document
from actorgraph.output import event_json
from actorgraph.records import CodedDocument, Event, Failure
from actorgraph.store import Reader, StoreError
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
from actorgraph.store.reader import MAX_SESSIONS
from actorgraph.web.cache import Cache, ResponseCache
from actorgraph.web.guard import MAX_BODY_BYTES, Guard

__all__ = ["MAX_CODE_CHARS", "MAX_IDS", "create_app"]

MAX_IDS = 200  # event ids one request may ask for
MAX_CODE_CHARS = 100_000  # a pasted document: a long article, not a corpus (use `actorgraph code`)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(kind: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(kind))
    return names


def _fields(record: Any) -> dict[str, Any]:
    """A record's fields, one level deep (orjson renders what they hold)."""
    return {name: getattr(record, name) for name in _field_names(type(record))}


def _default(value: Any) -> Any:
    if isinstance(value, Event):
        return event_json(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _fields(value)
    raise TypeError(f"cannot render {type(value).__name__} as JSON")


_JSON_OPTIONS = orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_NON_STR_KEYS


def _json(content: Any) -> Response:
    """A JSON response: records as objects (events in the CLI's shape), dates as ISO text.

    Rendered by orjson and returned as a Response, so FastAPI neither validates nor re-encodes
    it: that walk cost more than the queries on the graph (bench/load.py, RELIABILITY.md).
    """
    body = orjson.dumps(content, default=_default, option=_JSON_OPTIONS)
    return Response(body, media_type="application/json")


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
        "blocks": d.blocks,
        "sentences": coded.sentences,
        "mentions": coded.mentions,
        "events": [event_json(e) for e in coded.events],
        "quotes": coded.quotes,
        "relations": coded.relations,
    }


def _reader(request: Request) -> Reader:
    """The server's shared reader. Endpoints open a session in their own body, so a session is
    held only while its request runs: held while the request waited for a thread (or for its
    response to be serialised), a writer waiting for every session to end and threads waiting
    for the writer would block each other (bench/load.py found this deadlock)."""
    reader: Reader = request.app.state.reader
    if not Path(reader.path).exists():
        raise HTTPException(503, f"no store at {reader.path} (create it with `actorgraph ingest`)")
    return reader


Db = Annotated[Reader, Depends(_reader)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Offset = Annotated[int, Query(ge=0)]


class CodeRequest(BaseModel):
    """A pasted document to code without storing it."""

    text: str = Field(min_length=1, max_length=MAX_CODE_CHARS, pattern=r"\S")
    title: str | None = Field(default=None, max_length=500)
    date: dt.date | None = None
    html: bool = False


def create_app(
    db: str, token: str | None = None, pipeline: Any = None, max_sessions: int = MAX_SESSIONS
) -> FastAPI:
    """The application over the store at ``db``. With a ``token``, every request must carry it
    (``Authorization: Bearer TOKEN`` or ``?token=``). ``pipeline`` codes pasted documents (built
    on first use when None); at most ``max_sessions`` requests read the store at once."""
    app = FastAPI(
        title="actorgraph",
        description="Events, actors, the actor graph and their evidence, from the documents in a store.",
        version="0.1.0",
    )
    reader = Reader(db, max_sessions=max_sessions)
    # Middleware added last runs first: the Guard checks the token before the cache answers.
    app.add_middleware(Cache, reader=reader, cache=ResponseCache())
    app.add_middleware(Guard, token=token)
    coder: dict[str, Any] = {"pipeline": pipeline}
    lock = threading.Lock()

    app.state.reader = reader
    app.router.on_shutdown.append(reader.close)

    @app.get("/api/documents", tags=["documents"])
    def documents(r: Db, limit: Limit = 100, offset: Offset = 0) -> Response:
        """Documents, newest first, with their event counts."""
        with r.session() as s:
            total, rows = list_documents(s, limit, offset)
            return _json({"total": total, "documents": rows})

    @app.get("/api/documents/{doc_id}", tags=["documents"])
    def document(doc_id: Annotated[str, Field(max_length=64)], r: Db) -> Response:
        """A document's text with its voice blocks, sentences, actor mentions, events, quotes and
        asserted relations (all spans are character offsets into ``text``)."""
        with r.session() as s:
            coded = get_document(s, doc_id)
            if coded is None:
                raise HTTPException(404, f"no document {doc_id}")
            return _json(_document_json(coded))

    @app.get("/api/events", tags=["events"])
    def events(
        r: Db,
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
        main: bool = False,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> Response:
        """Events filtered by actor code prefix (source or target), CAMEO code prefix, root,
        QuadClass, voice, days in [start, end), place name or country code, document, or a
        comma-separated list of event ids (evidence); ``main=true``: each sentence's main event
        only; paged. Each event has ``day``: its date, else its document's publication date."""
        with r.session() as s:
            wanted = tuple(i for i in (ids or "").split(",") if i)[:MAX_IDS]
            page = find_events(
                s,
                EventFilter(
                    actor, code, root, quad_class, voice, start, end, place, doc_id, limit, offset, wanted,
                    main,
                ),
            )
            days = zip(page.events, page.days, strict=True)
            events = [{**event_json(e), "day": d} for e, d in days]
            return _json({"total": page.total, "limit": limit, "offset": offset, "events": events})

    @app.get("/api/actors", tags=["actors"])
    def actors(
        r: Db, q: Annotated[str | None, Query(max_length=100)] = None, limit: Limit = 100
    ) -> Response:
        """Coded actors, most active first; ``q`` matches a code prefix or part of a name."""
        with r.session() as s:
            return _json(list_actors(s, q, limit))

    @app.get("/api/actors/{code}", tags=["actors"])
    def actor(code: str, r: Db, fold: bool = False) -> Response:
        """An actor's page: the names it was mentioned by, its partners, its recent events. With
        ``fold``, a state's code covers its agencies (RUS: RUSGOV, RUSMIL...) as the graph does."""
        with r.session() as s:
            view = actor_view(s, code.upper()[:20], fold=fold)
            if view is None:
                raise HTTPException(404, f"no actor {code}")
            return _json(view)

    @app.get("/api/dyads", tags=["graph"])
    def dyads(
        r: Db,
        source: Annotated[str, Query(max_length=20)],
        target: Annotated[str, Query(max_length=20)],
        period: Period = "month",
        directed: bool = False,
    ) -> Response:
        """A dyad's time series: per period, events per QuadClass, mean Goldstein, balance and
        evidence; with the fissures found between the two."""
        with r.session() as s:
            source, target = fold_code(source.upper()), fold_code(target.upper())
            series = dyad_series(s, source, target, period, directed)
            found = dyad_fissures(series)
            rows = [
                {**_fields(d), "cooperation": d.cooperation, "conflict": d.conflict, "balance": d.balance}
                for d in series
            ]
            return _json(
                {"source": source, "target": target, "period": period, "series": rows, "fissures": found}
            )

    @app.get("/api/periods", tags=["graph"])
    def periods(r: Db, period: Period = "month") -> Response:
        """The periods that hold dated events, oldest first (for a period slider)."""
        with r.session() as s:
            sql = f"SELECT DISTINCT date_trunc('{period}', day)::DATE FROM events WHERE day IS NOT NULL"
            rows = s.con.execute(sql + " ORDER BY 1").fetchall()
            return _json([row[0] for row in rows])

    @app.get("/api/graph", tags=["graph"])
    def graph(r: Db, start: dt.date | None = None, end: dt.date | None = None) -> Response:
        """The actor graph of [start, end): nodes with activity, dyad edges with QuadClass counts,
        balance and evidence, asserted relations, and each node's coalition."""
        with r.session() as s:
            g = period_graph(s, start, end)
            groups = {m: n for n, c in enumerate(communities(g)) for m in c.members}
            nodes = [{**_fields(n), "coalition": groups.get(n.code)} for n in g.nodes]
            edges = [
                {**_fields(e), "cooperation": e.cooperation, "conflict": e.conflict, "balance": e.balance}
                for e in g.edges
            ]
            out = {"start": start, "end": end, "nodes": nodes, "edges": edges, "relations": g.relations}
            return _json(out)

    @app.get("/api/coalitions", tags=["graph"])
    def coalitions_(r: Db, start: dt.date | None = None, end: dt.date | None = None) -> Response:
        """Coalitions (Louvain communities of cooperation and asserted alliance) and whom they fight."""
        with r.session() as s:
            return _json(coalitions(s, start, end))

    @app.get("/api/fissures", tags=["graph"])
    def fissures_(r: Db, period: Period = "month") -> Response:
        """Dyads and coalitions whose cooperative share dropped significantly between periods."""
        with r.session() as s:
            return _json(fissures(s, period))

    @app.get("/api/clusters", tags=["events"])
    def clusters(
        r: Db,
        limit: Limit = 100,
        offset: Offset = 0,
        min_documents: Annotated[int, Query(ge=1)] = 1,
    ) -> Response:
        """Reports of one event merged across documents, most widely reported first."""
        with r.session() as s:
            return _json(list_clusters(s, limit, offset, min_documents))

    @app.get("/api/search", tags=["documents"])
    def search(r: Db, q: Annotated[str, Query(min_length=1, max_length=200)], limit: Limit = 50) -> Response:
        """Sentences holding every word of ``q``."""
        with r.session() as s:
            return _json(search_sentences(s, q, limit))

    @app.post("/api/code", tags=["coding"])
    def code(req: CodeRequest) -> Response:
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
        return _json(_document_json(item))

    @app.get("/api/health", tags=["documents"])
    def health() -> dict[str, Any]:
        return {"ok": True, "db": db, "max_body_bytes": MAX_BODY_BYTES}

    static = resources.files("actorgraph").joinpath("web", "static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(static.joinpath("index.html")))

    @app.exception_handler(StoreError)
    def store_unavailable(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(ValueError)
    def bad_value(request: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    return app

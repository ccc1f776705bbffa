"""Responses kept until the store changes: the same GET between two writes is answered once.

What the API reads cannot change while the server's shared reader keeps the file open (see
store/reader.py): it reopens it after every writer's turn, and each opening is a new
``generation``. So a response can be kept, keyed by its path and query, until the generation
moves on. The UI asks the same questions often (everyone opens on the latest month's graph,
coalitions and periods), and the graph endpoints are the dearest (bench/load.py).

Example:
    >>> cache = ResponseCache(max_bytes=1000)
    >>> cache.put(1, "/api/periods", b"[]")
    >>> cache.get(1, "/api/periods"), cache.get(2, "/api/periods")
    (b'[]', None)
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from urllib.parse import urlencode

from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import Response

from actorgraph.store import Reader

__all__ = ["MAX_CACHE_BYTES", "Cache", "ResponseCache"]

# The most response bytes kept: a month's graph on 100,000 events is about 200 KB.
MAX_CACHE_BYTES = 64 * 1024 * 1024


class ResponseCache:
    """Response bodies of one store generation, least recently used dropped first."""

    def __init__(self, max_bytes: int = MAX_CACHE_BYTES) -> None:
        self.max_bytes = max_bytes
        self.hits = 0
        self.misses = 0
        self._lock = threading.Lock()
        self._generation = -1
        self._bodies: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0

    def get(self, generation: int, key: str) -> bytes | None:
        with self._lock:
            body = self._bodies.get(key) if generation == self._generation else None
            if body is None:
                self.misses += 1
                return None
            self._bodies.move_to_end(key)
            self.hits += 1
            return body

    def put(self, generation: int, key: str, body: bytes) -> None:
        """Keep ``body``; a newer generation drops everything older, an older one is ignored."""
        if len(body) > self.max_bytes:
            return
        with self._lock:
            if generation < self._generation:
                return
            if generation > self._generation:
                self._generation, self._size = generation, 0
                self._bodies.clear()
            old = self._bodies.pop(key, None)
            self._size += len(body) - (len(old) if old is not None else 0)
            self._bodies[key] = body
            while self._size > self.max_bytes:
                _, dropped = self._bodies.popitem(last=False)
                self._size -= len(dropped)


def _key(request: Request) -> str:
    query = sorted((k, v) for k, v in request.query_params.multi_items() if k != "token")
    return request.url.path + "?" + urlencode(query)


class Cache(BaseHTTPMiddleware):
    """Answer a GET /api/ request from the cache when the reader is still at the generation
    the response was made at. Add it before the Guard, so the Guard runs first."""

    def __init__(self, app: object, reader: Reader, cache: ResponseCache) -> None:
        super().__init__(app)  # type: ignore[arg-type]
        self.reader = reader
        self.cache = cache

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        path = request.url.path
        if request.method != "GET" or not path.startswith("/api/") or path == "/api/health":
            return await call_next(request)
        key = _key(request)
        before = self.reader.generation
        if before is not None and (body := self.cache.get(before, key)) is not None:
            return Response(body, media_type="application/json", headers={"X-Cache": "hit"})
        response = await call_next(request)
        if response.status_code != 200:
            return response
        body = b"".join([chunk async for chunk in response.body_iterator])  # type: ignore[attr-defined]
        # Kept only when no write can have come between the reading and now.
        if before is not None and self.reader.generation == before:
            self.cache.put(before, key, body)
        headers = {k: v for k, v in response.headers.items() if k != "content-length"}
        return Response(body, status_code=200, headers={**headers, "X-Cache": "miss"})

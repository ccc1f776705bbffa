"""Request guards: a token when the server listens beyond loopback, a body size limit, and
headers that keep document text inert in the browser.

Example:
    >>> MAX_BODY_BYTES
    262144
"""

from __future__ import annotations

import hmac
from typing import Any

from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

__all__ = ["CONTENT_SECURITY_POLICY", "MAX_BODY_BYTES", "Guard"]

MAX_BODY_BYTES = 256 * 1024
# Only the app's own scripts, styles, images and data; no inline script, no plugins, no frames.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


class Guard(BaseHTTPMiddleware):
    """Checks the token (when one is set) and the body size; adds security headers."""

    def __init__(self, app: Any, token: str | None = None) -> None:
        super().__init__(app)
        self.token = token

    def _authorised(self, request: Request) -> bool:
        if not self.token:
            return True
        path = request.url.path
        if path == "/" or path.startswith("/static/"):
            return True  # the page and its scripts hold no data; every /api call needs the token
        given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        given = given or request.query_params.get("token", "")
        return hmac.compare_digest(given.encode(), self.token.encode())

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        if not self._authorised(request):
            return JSONResponse({"detail": "a valid token is required"}, status_code=401)
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            return JSONResponse({"detail": f"request body over {MAX_BODY_BYTES} bytes"}, status_code=413)
        if request.method in ("POST", "PUT", "PATCH") and length is None:
            body = await request.body()
            if len(body) > MAX_BODY_BYTES:
                return JSONResponse({"detail": f"request body over {MAX_BODY_BYTES} bytes"}, status_code=413)
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

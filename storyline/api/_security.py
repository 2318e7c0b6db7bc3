"""Security headers, the write token and the upload size limit."""

from __future__ import annotations

import hmac
from typing import Any

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)
"""The Content-Security-Policy of every response: only our own scripts and styles."""

SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)

# Default upload limit: 50 MiB holds a day of a typical feed crawl or a small WARC;
# larger archives are meant for `storyline ingest` on the server itself.
DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024


class BodyTooLarge(Exception):
    """A request body went past the server's upload limit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(f"request body is larger than the limit of {limit} bytes")


class SecurityMiddleware:
    """Add security headers to every response and cap request bodies at ``max_bytes``.

    A declared ``Content-Length`` over the limit is refused with 413 before anything is
    read; a body without one raises `BodyTooLarge` as soon as it passes the limit.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = dict(message)
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await _refuse(send_with_headers, self.max_bytes)
            return
        seen = 0

        async def counted_receive() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise BodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, counted_receive, send_with_headers)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _refuse(send: Send, limit: int) -> None:
    body = b'{"ok":false,"error":"request body is larger than the limit of %d bytes"}' % limit
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def check_token(request: Request, token: str | None) -> None:
    """Refuse a write unless it carries ``Authorization: Bearer <token>``.

    Raises:
        HTTPException: 403 when the server has no token (read-only), 401 when the
            request's token is missing or wrong.
    """
    if token is None:
        raise HTTPException(
            403, "writes are disabled: start the server with STORYLINE_TOKEN set to allow them"
        )
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip(), token):
        raise HTTPException(
            401,
            "a valid token is needed: send 'Authorization: Bearer TOKEN'",
            headers={"WWW-Authenticate": "Bearer"},
        )


def safe_url(value: Any) -> str | None:
    """Return ``value`` if it is an http(s) address, else ``None`` (no ``javascript:``)."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text.lower().startswith(("http://", "https://")) and not any(c in text for c in "\"'<>"):
        return text
    return None

"""Cursors, ETags and JSON responses shared by the API routes."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException, Request, Response

# Page sizes: 50 by default keeps a story list on one screen; 500 caps the work of one
# request so a client cannot make the server serialise a whole archive at once.
DEFAULT_LIMIT = 50
MAX_LIMIT = 500


@dataclass(frozen=True, slots=True)
class Page:
    """Where one page of a listing starts and how long it is."""

    offset: int
    limit: int

    @property
    def stop(self) -> int:
        """How many items to fetch: one more than the page, to know if more follow."""
        return self.offset + self.limit + 1


def encode_cursor(offset: int) -> str:
    """Return the opaque cursor for a listing position."""
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """Return the listing position of ``cursor`` (0 when absent).

    Raises:
        HTTPException: 400 if the cursor was not made by `encode_cursor`.
    """
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        kind, _, number = raw.partition(":")
        offset = int(number)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        offset, kind = -1, ""
    if kind != "o" or offset < 0:
        raise HTTPException(400, f"bad cursor {cursor!r}: pass back the 'next' value as given")
    return offset


def page_of(cursor: str | None, limit: int) -> Page:
    """Return the page a request asks for."""
    return Page(decode_cursor(cursor), limit)


def paginate(items: list[Any], page: Page) -> dict[str, Any]:
    """Cut ``items`` (fetched up to ``page.stop``) into a page with a ``next`` cursor."""
    chunk = items[page.offset : page.offset + page.limit]
    more = len(items) > page.offset + page.limit
    return {
        "ok": True,
        "items": chunk,
        "next": encode_cursor(page.offset + page.limit) if more else None,
    }


def encode_json(data: Any) -> tuple[bytes, str]:
    """Return ``data`` as JSON bytes and their strong ETag."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Article text may hold markup; escaped this way the JSON stays inert even if a
    # browser or a careless client ever treats it as HTML.
    body = text.translate(_INERT).encode()
    return body, '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def json_response(
    request: Request, data: Any, status: int = 200, encoded: tuple[bytes, str] | None = None
) -> Response:
    """Return ``data`` (or its ``encoded`` form) as JSON with an ETag; 304 when unchanged."""
    body, etag = encoded if encoded is not None else encode_json(data)
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    if status == 200 and etag in _etags(request.headers.get("if-none-match", "")):
        return Response(status_code=304, headers=headers)
    return Response(body, status_code=status, media_type="application/json", headers=headers)


_INERT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def _etags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}

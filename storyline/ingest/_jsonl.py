"""JSON Lines exports (news-please and common shapes) and small JSON documents."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterator, Mapping
from typing import Any

from storyline.errors import RecordError
from storyline.ingest._context import Context, Item, too_large
from storyline.ingest._dates import epoch_to_iso, to_iso
from storyline.ingest._streams import Readable, read_bounded
from storyline.model import Document

logger = logging.getLogger(__name__)

# Field names tried for each of our fields, best first (compared case-insensitively).
# news-please writes maintext/date_publish/authors/date_download; the rest are the names
# most exports use.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "html": ("html", "raw_html"),
    "body": ("maintext", "text", "body", "content", "article"),
    "description": ("description", "summary"),
    "title": ("title", "headline"),
    "published": ("date_publish", "published", "pubdate", "date", "published_at"),
    "author": ("authors", "author", "byline"),
    "url": ("url", "link"),
    "language": ("language", "lang"),
    "section": ("section", "category", "categories"),
    "fetched": ("date_download", "fetched", "crawled_at"),
}
_HINT_FIELDS = ("title", "published", "author", "language", "section")
_TEXT_FIELDS = ", ".join(FIELD_NAMES["body"] + FIELD_NAMES["html"] + FIELD_NAMES["description"])

_HTML_START = re.compile(r"\s*<(?:!doctype|html|head|body|article|p|div)\b", re.IGNORECASE)
_HTML_TAGS = re.compile(r"<(?:p|br|div|h[1-6])\b[^>]*>", re.IGNORECASE)
_SKIP_BYTES = 64 * 1024  # read past an overlong line in pieces this size
_MIN_TAGS_FOR_HTML = 2
"""A body with this many paragraph-level tags is HTML even when it starts with text."""


def iter_json(uri: str, head: bytes, stream: io.BufferedReader, context: Context) -> Iterator[Item]:
    """Yield one document per record of JSON Lines, or of a JSON array or object.

    JSON Lines are read line by line (``record`` = 1-based line number), each line capped
    at ``max_record_bytes``.  A file starting with ``[``, or with a line holding only
    ``{`` (one pretty-printed object), is read whole if it fits ``max_record_bytes``
    (``record`` = 1-based element number).
    """
    first_line = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0].strip()
    if first_line.startswith(b"[") or first_line == b"{":
        yield from _iter_json_document(uri, stream, context)
    else:
        yield from _iter_lines(uri, stream, context)


def _iter_lines(uri: str, stream: io.BufferedReader, context: Context) -> Iterator[Item]:
    limit = context.options.max_record_bytes
    fields = dict(context.options.fields)
    number = 0
    while True:
        number += 1
        context.cursor.record = number
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            del line  # free the capped line before reading past the rest of it
            _skip_rest_of_line(stream)
            yield RecordError(uri, number, f"line {too_large(limit)}")
            continue
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if line.strip():
            yield _line_item(uri, number, line, fields)


def _skip_rest_of_line(stream: io.BufferedReader) -> None:
    while True:
        part = stream.readline(_SKIP_BYTES)
        if not part or part.endswith(b"\n"):
            return


def _line_item(uri: str, number: int, line: bytes, fields: Mapping[str, str]) -> Item:
    try:
        value = json.loads(_decode(line))
    except ValueError as exc:
        return RecordError(uri, number, f"not valid JSON ({exc})")
    except RecursionError:
        return RecordError(uri, number, "not valid JSON (nested too deeply)")
    if not isinstance(value, dict):
        return RecordError(uri, number, f"a JSON {type(value).__name__}, not an object")
    return record_document(uri, number, value, fields)


def _decode(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        # JSON must be UTF-8, but exports written by Windows tools are often cp1252.
        logger.debug("a JSONL line is not UTF-8; read as Windows-1252")
        return line.decode("cp1252", errors="replace")


def _iter_json_document(uri: str, stream: Readable, context: Context) -> Iterator[Item]:
    limit = context.options.max_record_bytes
    data = read_bounded(stream, limit)
    if data is None:
        reason = f"JSON document {too_large(limit)}; convert it to JSON Lines, one object a line"
        yield RecordError(uri, None, reason)
        return
    try:
        value = json.loads(_decode(data.removeprefix(b"\xef\xbb\xbf")))
    except (ValueError, RecursionError) as exc:
        yield RecordError(uri, None, f"not valid JSON ({exc or 'nested too deeply'})")
        return
    items = value if isinstance(value, list) else [value]
    fields = dict(context.options.fields)
    for number, item in enumerate(items, start=1):
        context.cursor.record = number
        if isinstance(item, dict):
            yield record_document(uri, number, item, fields)
        else:
            yield RecordError(uri, number, f"a JSON {type(item).__name__}, not an object")


def record_document(
    uri: str, number: int, record: Mapping[str, Any], fields: Mapping[str, str]
) -> Document | RecordError:
    """Build a document from one JSON object, finding its fields by name.

    Args:
        uri: the source.
        number: the record's line (or element) number.
        record: the parsed object.
        fields: our field name -> the record's, overriding the names in `FIELD_NAMES`.
    """
    values = _pick_fields(record, fields)
    html_text, body = values.get("html"), values.get("body") or values.get("description")
    if html_text is None and body is not None and _looks_like_html(body):
        html_text, body = body, None
    if html_text is not None:
        content, content_type, extra = html_text, "text/html", {}
    elif body is not None:
        content, content_type, extra = body, "text/plain", {"prestructured": "1"}
    else:
        reason = f"no article text in fields {_TEXT_FIELDS}; map one (e.g. --field body=NAME)"
        return RecordError(uri, number, reason)
    hints = {name: values[name] for name in _HINT_FIELDS if values.get(name)} | extra
    return Document(
        uri=uri,
        record=number,
        content=content.encode("utf-8"),
        content_type=content_type,
        url=values.get("url"),
        fetched=values.get("fetched"),
        charset="utf-8",
        hints=tuple(sorted(hints.items())),
    )


def _pick_fields(record: Mapping[str, Any], fields: Mapping[str, str]) -> dict[str, str]:
    lowered = {str(key).lower(): value for key, value in record.items()}
    values: dict[str, str] = {}
    for ours, names in FIELD_NAMES.items():
        if ours in fields:
            raw = _lookup(record, fields[ours])
        else:
            raw = next((lowered[n] for n in names if lowered.get(n) not in (None, "", [])), None)
        text = None if raw is None else _as_text(ours, raw)
        if text:
            values[ours] = text
    return values


def _lookup(record: Mapping[str, Any], name: str) -> Any:
    """Find ``name`` in ``record``, as a key or as a dotted path into nested objects."""
    if name in record:
        return record[name]
    value: Any = record
    for part in name.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _as_text(field: str, value: Any) -> str | None:
    """Turn a JSON value into the text of ``field`` (lists joined, dates made ISO)."""
    if isinstance(value, bool) or value is None:
        return None
    if field in ("published", "fetched"):
        if isinstance(value, int | float):
            return epoch_to_iso(float(value))
        return to_iso(_without_surrogates(value)) if isinstance(value, str) else None
    if isinstance(value, Mapping):
        value = value.get("name")
    if isinstance(value, list):
        parts = [_as_text(field, item) for item in value]
        joiner = "\n" if field in ("body", "html", "description") else ", "
        return joiner.join(p for p in parts if p) or None
    if isinstance(value, str | int | float):
        text = _without_surrogates(str(value))
        return text.strip() if field not in ("body", "html") else text.strip("\r\n ")
    return None


def _without_surrogates(text: str) -> str:
    """Replace lone surrogates (legal in JSON, not in UTF-8) so the text can be encoded."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text


def _looks_like_html(text: str) -> bool:
    if _HTML_START.match(text):
        return True
    return len(_HTML_TAGS.findall(text[:4096])) >= _MIN_TAGS_FOR_HTML

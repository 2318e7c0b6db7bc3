"""JSONL exports (news-please and common field names) and small JSON arrays."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from storyline.errors import RecordError
from storyline.ingest._feed import parse_date
from storyline.ingest._streams import Readable
from storyline.model import Document

# Our field name -> the names exports use for it, most specific first.  Collected from
# news-please (maintext, date_publish), common CMS/API exports and CC-NEWS derivatives.
KNOWN_FIELDS: dict[str, tuple[str, ...]] = {
    "html": ("html", "raw_html", "content_html", "page"),
    "body": ("maintext", "text", "body", "content", "article", "article_text", "description"),
    "title": ("title", "headline", "title_page", "name"),
    "published": (
        "date_publish",
        "published",
        "pubDate",
        "published_at",
        "publish_date",
        "date",
        "datePublished",
        "created_at",
    ),
    "author": ("authors", "author", "byline", "creator"),
    "url": ("url", "link", "source_url", "canonical_url", "uri"),
    "language": ("language", "lang"),
    "section": ("section", "category", "categories"),
    "fetched": ("date_download", "fetched", "crawled_at", "timestamp"),
}


def iter_jsonl(
    uri: str, stream: Readable, fields: Mapping[str, str], max_line: int
) -> Iterator[Document | RecordError]:
    """Yield a document for each JSON object line; a bad line is reported and skipped."""
    number = 0
    for number, line in _iter_lines(stream, max_line):
        if line is None:
            yield RecordError(uri, number, f"line longer than {max_line:,} bytes")
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield RecordError(uri, number, f"not valid JSON ({exc})")
            continue
        yield record_document(uri, number, record, fields)


def iter_json_array(
    uri: str, content: bytes, fields: Mapping[str, str]
) -> Iterator[Document | RecordError]:
    """Yield a document for each object of a JSON array file."""
    try:
        records = json.loads(content)
    except ValueError as exc:
        yield RecordError(uri, None, f"not valid JSON ({exc})")
        return
    if not isinstance(records, list):
        yield RecordError(uri, None, "a JSON file must hold a list of objects")
        return
    for index, record in enumerate(records, start=1):
        yield record_document(uri, index, record, fields)


def _iter_lines(stream: Readable, max_line: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield ``(line number, line)``; ``None`` stands for a line over ``max_line``."""
    buffer = b""
    number = 0
    too_long = False
    while True:
        chunk = stream.read(1 << 20)
        if not chunk:
            break
        buffer += chunk
        *lines, buffer = buffer.split(b"\n")
        for line in lines:
            number += 1
            yield number, None if too_long or len(line) > max_line else line
            too_long = False
        if len(buffer) > max_line:
            too_long, buffer = True, b""
    if buffer or too_long:
        yield number + 1, None if too_long else buffer


def _pick(record: Mapping[str, Any], ours: str, fields: Mapping[str, str]) -> Any:
    if ours in fields:
        return record.get(fields[ours])
    for name in KNOWN_FIELDS.get(ours, ()):
        value = record.get(name)
        if value not in (None, "", []):
            return value
    return None


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v) or None
    text = str(value).strip()
    return text or None


def record_document(
    uri: str, number: int, record: Any, fields: Mapping[str, str]
) -> Document | RecordError:
    """Turn one decoded JSON record into a document, or a `RecordError` saying why not."""
    if not isinstance(record, dict):
        return RecordError(uri, number, "a JSONL line must be a JSON object")
    html = _as_text(_pick(record, "html", fields))
    body = _as_text(_pick(record, "body", fields))
    if not html and not body:
        names = ", ".join(sorted(record)[:8])
        return RecordError(
            uri,
            number,
            f"no article text found among fields ({names}); "
            "name the body field with --field body=NAME",
        )
    hints = {
        "title": _as_text(_pick(record, "title", fields)),
        "published": parse_date(_as_text(_pick(record, "published", fields))),
        "author": _as_text(_pick(record, "author", fields)),
        "language": _as_text(_pick(record, "language", fields)),
        "section": _as_text(_pick(record, "section", fields)),
        "prestructured": None if html else "1",
    }
    return Document(
        uri=uri,
        record=number,
        content=(html or body or "").encode("utf-8"),
        content_type="text/html" if html else "text/plain",
        url=_as_text(_pick(record, "url", fields)),
        fetched=parse_date(_as_text(_pick(record, "fetched", fields))),
        charset="utf-8",
        hints=tuple(sorted((k, v) for k, v in hints.items() if v)),
    )

"""WARC and WARC.gz crawls (CC-NEWS included): HTML responses become documents."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storyline.errors import RecordError
from storyline.ingest._streams import Counted, Readable
from storyline.model import Document

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)


def charset_of(content_type: str | None) -> str | None:
    """Return the charset named in a Content-Type header value, if any."""
    match = _CHARSET.search(content_type or "")
    return match.group(1).lower() if match else None


def iter_warc(
    uri: str, stream: Readable, max_record: int, skipped: list[int]
) -> Iterator[Document | RecordError]:
    """Yield a document per HTML response record; count other records in ``skipped[0]``.

    Record numbers are the byte offsets of records in the file as stored (compressed or
    not), so a record can be found again with any WARC tool.
    """
    counted = Counted(stream)
    records = ArchiveIterator(counted, arc2warc=True)
    offset = 0
    seen = False
    try:
        for record in records:
            seen = True
            item = _document(uri, records, record, max_record)
            offset = records.get_record_offset()
            if item is None:
                skipped[0] += 1
            else:
                yield item
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        yield RecordError(uri, offset, f"damaged WARC after this record ({exc})")
        return
    # warcio stops quietly at a cut-off gzip member: bytes left over after the last whole
    # record mean the file was truncated or damaged there.
    end = records.get_record_offset() + records.get_record_length() if seen else 0
    if counted.count > end:
        yield RecordError(uri, end, "truncated or damaged WARC: data after the last whole record")


def _document(
    uri: str, records: ArchiveIterator, record: Any, max_record: int
) -> Document | RecordError | None:
    """Return the record's document, ``None`` to skip it, or an error if it is cut off."""
    # warcio's get_record_offset() reads the record to its end: ask only once the
    # content has been read.
    content_type = _html_type(record)
    if content_type is None:
        record.raw_stream.read()
        content = b""
    else:
        content = record.content_stream().read(max_record + 1)
        if len(content) > max_record:
            return RecordError(
                uri, records.get_record_offset(), f"larger than {max_record:,} bytes"
            )
    if getattr(record.raw_stream, "limit", 0) > 0:
        reason = "truncated WARC record (shorter than its Content-Length)"
        return RecordError(uri, records.get_record_offset(), reason)
    if content_type is None:
        return None
    return Document(
        uri=uri,
        record=records.get_record_offset(),
        content=content,
        content_type="text/html",
        url=record.rec_headers.get_header("WARC-Target-URI"),
        fetched=record.rec_headers.get_header("WARC-Date"),
        charset=charset_of(content_type),
    )


def _html_type(record: Any) -> str | None:
    """Return the Content-Type of a successful HTML response or resource, else ``None``."""
    if record.rec_type not in ("response", "resource"):
        return None
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    return content_type if content_type.lower().startswith(_HTML_TYPES) else None

"""WARC and WARC.gz crawls (CC-NEWS included), streamed record by record with warcio."""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterator
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storyline.errors import RecordError
from storyline.ingest._context import Context, Item, too_large
from storyline.ingest._sniff import SNIFF_BYTES, declared_charset, parse_content_type, sniff_format
from storyline.ingest._streams import Readable, read_bounded
from storyline.model import Document

logger = logging.getLogger(__name__)

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_NOT_PER_RECORD = "non-chunked gzip"
_NO_BLANK_LINE = (
    "WARC record not followed by a blank line: its Content-Length is probably wrong, "
    "so its content is not trusted"
)
_CUT_SHORT = (
    "WARC record cut short (the file is truncated, or the record's Content-Length is wrong)"
)


def iter_warc(uri: str, stream: Readable, context: Context, arc: bool = False) -> Iterator[Item]:
    """Yield a document for every HTML page in a WARC (or ARC), plain or gzipped.

    Only ``response`` records with a 2xx status and ``resource`` records, both with an
    HTML content type (or none, and HTML inside), become documents; every other record
    is counted in ``stats.skipped_records``.  ``record`` is the record's byte offset in
    the file as stored (compressed offsets for WARC.gz).  A file that ends inside a
    record gives the documents before it, then one error naming that record's offset.
    ``arc`` says the file is an old-style ARC (it starts with ``filedesc://``).
    """
    # ARC records are converted to WARC ones; a WARC is held to WARC, so that garbage
    # between records is an error rather than a made-up ARC record.
    archive = ArchiveIterator(stream, arc2warc=arc)
    records = iter(archive)
    limit = context.options.max_record_bytes
    try:
        while (record := _quietly(uri, next, records, None)[0]) is not None:
            offset = context.cursor.record = int(archive.offset)
            item = _record_item(uri, record, offset, limit)
            _, complaint = _quietly(uri, archive.read_to_end)
            if getattr(record.raw_stream, "limit", 0) > 0:
                yield RecordError(uri, offset, _CUT_SHORT)
            elif complaint:
                yield RecordError(uri, offset, _NO_BLANK_LINE)
            elif item is None:
                context.stats.skipped_records += 1
            else:
                yield item
    except ArchiveLoadFailed as exc:
        yield RecordError(uri, int(archive.offset), _describe_failure(exc))
        return
    end = int(archive.offset)
    if archive.fh.tell() > end:
        reason = "the WARC ends inside a record (truncated or damaged); records before it were read"
        yield RecordError(uri, end, reason)


def _describe_failure(exc: ArchiveLoadFailed) -> str:
    message = " ".join(str(exc).split())
    if _NOT_PER_RECORD in message:
        return (
            "the WARC is gzipped as one stream, not one gzip member per record; "
            "recompress it with `warcio recompress` and read it again"
        )
    return f"not a valid WARC record here ({message[:200]})"


def _record_item(uri: str, record: Any, offset: int, limit: int) -> Item | None:
    """Return the document a record holds, an error, or ``None`` when it holds no page."""
    mime, charset = _html_type(record)
    if mime is None:
        return None
    payload = _quietly(uri, read_bounded, record.content_stream(), limit)[0]
    if payload is None:
        return RecordError(uri, offset, too_large(limit))
    if mime == "?" and sniff_format(payload[:SNIFF_BYTES]) != "html":
        return None
    headers = record.rec_headers
    target = headers.get_header("WARC-Target-URI")
    return Document(
        uri=uri,
        record=offset,
        content=payload,
        content_type="text/html",
        url=target.strip("<>") if target else None,
        fetched=headers.get_header("WARC-Date"),
        charset=charset or declared_charset(payload[:SNIFF_BYTES]),
    )


def _html_type(record: Any) -> tuple[str | None, str | None]:
    """Return ``(mime, charset)`` for a record that may hold a page, ``(None, None)`` if not.

    The mime is ``"?"`` when the record declares no content type: the payload decides.
    """
    if record.rec_type == "response":
        http = record.http_headers
        if http is None or not _is_success(http.get_statuscode()):
            return None, None
        mime, charset = parse_content_type(http.get_header("Content-Type"))
    elif record.rec_type == "resource":
        mime, charset = parse_content_type(record.rec_headers.get_header("Content-Type"))
    else:
        return None, None
    if mime is None:
        return "?", charset
    return (mime, charset) if mime in _HTML_TYPES else (None, None)


def _is_success(status: str | None) -> bool:
    return bool(status) and str(status).startswith("2")


def _quietly(uri: str, function: Any, *args: Any) -> tuple[Any, str]:
    """Call ``function(*args)``; return its result and what warcio complained of.

    warcio writes damage warnings (a wrong Content-Length, a broken gzip member) straight
    to ``sys.stderr``; the library must not print, so they are captured for the length of
    this call only, never across a ``yield``, and logged.
    """
    captured = io.StringIO()
    with contextlib.redirect_stderr(captured):
        result = function(*args)
    complaint = " ".join(captured.getvalue().split())
    if complaint:
        logger.warning("%s: %s", uri, complaint)
    return result, complaint

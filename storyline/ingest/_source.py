"""Read one source: sniff its format, pick the reader, turn damage into `RecordError`s."""

from __future__ import annotations

import gzip
import io
import lzma
import tarfile
import zipfile
import zlib
from collections.abc import Iterator

from warcio.exceptions import ArchiveLoadFailed

from storyline.errors import RecordError
from storyline.ingest import _containers, _feed, _jsonl, _warc
from storyline.ingest._context import Context, Item, too_large
from storyline.ingest._sniff import (
    SNIFF_BYTES,
    declared_charset,
    is_arc,
    resolve_format,
    sniff_format,
    text_charset,
)
from storyline.ingest._streams import (
    InflateLimitError,
    Readable,
    read_bounded,
    replay,
)
from storyline.model import Document

MAX_NESTING = 8
"""Containers followed inside containers.  Real archives nest two or three deep (a
``.tar.gz`` inside a ``.zip``); the limit stops self-reproducing archives."""


def iter_source(
    uri: str, stream: Readable, context: Context, name: str, path: str | None = None
) -> Iterator[Item]:
    """Yield the documents of one source, and a `RecordError` for anything bad in it.

    Args:
        uri: how documents and errors name the source.
        stream: the source's bytes, read once from the start.
        context: options, counters and the inflate budget of the top-level source.
        name: the file or member name, used only to break ties between formats.
        path: the file on disk when ``stream`` is a plain file, so zip can seek in it.
    """
    try:
        head, failure = _read_head(stream)
        if failure is not None and not head:
            raise failure
        if not head.strip() and len(head) < SNIFF_BYTES and failure is None:
            yield RecordError(uri, None, "empty file" if not head else "empty file (blank)")
            return
        sniffed = sniff_format(head)
        rest = stream if failure is None else _Failing(failure)
        yield from _dispatch(uri, head, replay(head, rest), context, name, sniffed, path)
    except _DAMAGE as exc:
        if isinstance(exc, InflateLimitError):
            if context.budget.reported:
                return  # the innermost reader that ran out already said so
            context.budget.reported = True
        yield RecordError(uri, context.cursor.record, describe_damage(exc))


def _read_head(stream: Readable) -> tuple[bytes, BaseException | None]:
    """Read the first bytes to sniff; damage found there is kept to raise where it lies.

    A truncated stream shorter than the sniffing window must still give the records
    before the damage, so the error is raised only when a reader gets that far.
    """
    parts: list[bytes] = []
    size = 0
    read = getattr(stream, "read1", stream.read)  # keeps what came before damage
    try:
        while size < SNIFF_BYTES and (chunk := read(SNIFF_BYTES - size)):
            parts.append(chunk)
            size += len(chunk)
    except _DAMAGE as exc:
        return b"".join(parts), exc
    return b"".join(parts), None


class _Failing:
    """A stream whose next read raises the damage found while sniffing it."""

    def __init__(self, failure: BaseException) -> None:
        self._failure = failure

    def read(self, size: int = -1, /) -> bytes:
        raise self._failure


def _dispatch(
    uri: str,
    head: bytes,
    stream: io.BufferedReader,
    context: Context,
    name: str,
    sniffed: str,
    path: str | None,
) -> Iterator[Item]:
    if sniffed in ("gzip", "zip", "tar"):
        if context.depth >= MAX_NESTING:
            yield RecordError(uri, None, f"archives nested more than {MAX_NESTING} deep")
        elif sniffed == "gzip":
            yield from _containers.iter_gzip(uri, head, stream, context, name, iter_source)
        elif sniffed == "zip":
            yield from _containers.iter_zip(uri, stream, context, path, iter_source)
        else:
            yield from _containers.iter_tar(uri, stream, context, iter_source)
        return
    if sniffed == "binary":
        yield RecordError(uri, None, "not a news format (binary data)")
        return
    fmt = context.options.format or resolve_format(sniffed, name)
    if fmt == "warc":
        if sniffed != "warc":
            yield RecordError(uri, None, "not a WARC file (it does not start with 'WARC/')")
            return
        yield from _warc.iter_warc(uri, stream, context, is_arc(head))
    elif fmt == "rss":
        yield from _feed.iter_feed(uri, stream, context)
    elif fmt == "jsonl":
        yield from _jsonl.iter_json(uri, head, stream, context)
    else:
        yield from _iter_whole(uri, head, stream, context, fmt)


def _iter_whole(
    uri: str, head: bytes, stream: Readable, context: Context, fmt: str
) -> Iterator[Item]:
    """Yield an HTML page or a plain-text dump as one document (record 0)."""
    context.cursor.record = 0
    limit = context.options.max_record_bytes
    content = read_bounded(stream, limit)
    if content is None:
        yield RecordError(uri, 0, too_large(limit))
    elif fmt == "html":
        yield Document(uri, 0, content, "text/html", charset=declared_charset(head))
    else:
        yield Document(uri, 0, content, "text/plain", charset=text_charset(head))


_DAMAGE: tuple[type[BaseException], ...] = (
    EOFError,
    OSError,
    zlib.error,
    lzma.LZMAError,
    zipfile.BadZipFile,
    tarfile.TarError,
    ArchiveLoadFailed,
    InflateLimitError,
)
"""What truncated, corrupt or oversized input raises while it is read."""


def describe_damage(exc: BaseException) -> str:
    """Say in words what a damage exception from `_DAMAGE` means."""
    if isinstance(exc, InflateLimitError):
        return str(exc)
    if isinstance(exc, gzip.BadGzipFile):
        return f"corrupt gzip data ({exc})"
    if isinstance(exc, EOFError):
        return "compressed data ends early (truncated file)"
    if isinstance(exc, zipfile.BadZipFile):
        return f"damaged zip archive ({exc})"
    if isinstance(exc, tarfile.TarError):
        return f"damaged tar archive ({exc})"
    if isinstance(exc, ArchiveLoadFailed):
        return f"damaged WARC ({' '.join(str(exc).split())})"
    if isinstance(exc, zlib.error | lzma.LZMAError):
        return f"corrupt compressed data ({exc})"
    if isinstance(exc, OSError) and exc.strerror:
        return f"read error ({exc.strerror.lower()})"
    return f"corrupt or unreadable data ({exc})"

"""Ingest: turn paths into a stream of raw `Document`s, whatever the news format.

Formats are sniffed from the content, never trusted from file names (a name only breaks
ties): HTML pages, WARC and WARC.gz crawls (CC-NEWS included), RSS, RDF and Atom feeds,
JSON Lines exports (news-please's field names and other common ones), JSON arrays,
plain-text dumps, and ``.gz``, ``.zip``, ``.tar`` and ``.tar.gz`` containers of any of
them, nested too.  ``-`` reads standard input.

Bad input never stops the stream: each unreadable file or record is *yielded* as a
`storyline.errors.RecordError` naming the source, the record and the reason, and reading
goes on.  Memory stays bounded whatever the input: files are streamed, no record larger
than ``IngestOptions.max_record_bytes`` is held, and compressed layers stop inflating at
``IngestOptions.max_inflated_bytes``.

Example::

    from storyline.errors import RecordError
    from storyline.ingest import IngestStats, iter_documents

    stats = IngestStats()
    for item in iter_documents(["crawl.warc.gz", "feeds/"], stats=stats):
        if isinstance(item, RecordError):
            print("skipped:", item)
        else:
            print(item.uri, item.record, item.url)
    print(stats.skipped_records, "records were not news pages")
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator

from storyline.errors import RecordError
from storyline.ingest._context import Context, Item
from storyline.ingest._options import FORMATS, JSONL_FIELDS, IngestOptions, IngestStats
from storyline.ingest._sniff import sniff_format
from storyline.ingest._source import iter_source
from storyline.ingest._streams import Budget, Readable
from storyline.model import Document

__all__ = [
    "FORMATS",
    "IngestOptions",
    "IngestStats",
    "JSONL_FIELDS",
    "iter_documents",
    "sniff_format",
]

STDIN = "-"
"""The path that means standard input."""


def iter_documents(
    paths: Iterable[str | os.PathLike[str]],
    options: IngestOptions | None = None,
    stats: IngestStats | None = None,
) -> Iterator[Document | RecordError]:
    """Yield every document from every path, and a `RecordError` for everything bad.

    Folders are read recursively in name order, skipping hidden entries (names starting
    with a dot) and not following links to folders.  Nothing is raised for bad data: a
    missing path, an empty or binary file, a truncated archive or a broken record is
    yielded as a `RecordError` and reading goes on.

    Args:
        paths: files, folders, or ``"-"`` for standard input.
        options: formats, field mapping and limits; the defaults when omitted.
        stats: counters updated while reading (records skipped as not news, files
            read, bytes read), readable during and after the iteration.

    Example::

        docs = [d for d in iter_documents(["export.jsonl"]) if isinstance(d, Document)]
    """
    options = options or IngestOptions()
    stats = stats if stats is not None else IngestStats()
    for given in paths:
        path = os.fspath(given)
        if path == STDIN:
            yield from _iter_stdin(options, stats)
        elif os.path.isdir(path):
            for item in _iter_folder(path):
                if isinstance(item, RecordError):
                    yield item
                else:
                    yield from _iter_file(item, options, stats)
        elif os.path.lexists(path):
            yield from _iter_file(path, options, stats)
        else:
            yield RecordError(path, None, "no such file or directory")


def _iter_folder(top: str) -> Iterator[str | RecordError]:
    """Yield the files under ``top`` in path order, or an error per unreadable entry."""
    stack = [_sorted_entries(top)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif isinstance(entry, RecordError):
            yield entry
        elif entry.name.startswith("."):
            continue
        elif entry.is_dir(follow_symlinks=False):
            stack.append(_sorted_entries(entry.path))
        elif not entry.is_symlink():
            yield entry.path
        elif not os.path.exists(entry.path):
            yield RecordError(entry.path, None, "no such file or directory (broken link)")
        elif os.path.isfile(entry.path):
            yield entry.path  # links to folders are not followed: they may loop


def _sorted_entries(folder: str) -> Iterator[os.DirEntry[str] | RecordError]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        return iter([RecordError(folder, None, _os_reason(exc))])
    return iter(entries)


def _iter_file(path: str, options: IngestOptions, stats: IngestStats) -> Iterator[Item]:
    try:
        with open(path, "rb") as handle:
            stats.files += 1
            counted = _Counted(handle, stats)
            name = os.path.basename(path)
            yield from iter_source(path, counted, _context(options, stats), name, path=path)
    except OSError as exc:
        yield RecordError(path, None, _os_reason(exc))


def _iter_stdin(options: IngestOptions, stats: IngestStats) -> Iterator[Item]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        yield RecordError(STDIN, None, "standard input is not available")
        return
    stats.files += 1
    yield from iter_source(STDIN, _Counted(stream, stats), _context(options, stats), "")


def _context(options: IngestOptions, stats: IngestStats) -> Context:
    return Context(options, stats, Budget(options.max_inflated_bytes))


class _Counted:
    """Pass reads through to a file, adding their size to ``stats.bytes_read``."""

    def __init__(self, inner: Readable, stats: IngestStats) -> None:
        self._inner = inner
        self._stats = stats

    def read(self, size: int = -1, /) -> bytes:
        data = self._inner.read(size)
        self._stats.bytes_read += len(data)
        return data


def _os_reason(exc: OSError) -> str:
    reason = (exc.strerror or str(exc)).lower()
    return "no such file or directory" if isinstance(exc, FileNotFoundError) else reason

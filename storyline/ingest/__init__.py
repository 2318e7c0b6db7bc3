"""Ingest: turn paths into a stream of raw `Document`s, whatever the news format.

Formats are sniffed from content (never trusted from file names): single HTML files and
folders of them, WARC and WARC.gz crawls, RSS/RDF/Atom feeds, JSONL exports (news-please
field names and common others), JSON arrays, plain-text dumps, and ``.gz``, ``.zip``,
``.tar``/``.tar.gz`` containers of any of these; ``-`` reads standard input.

Bad input never stops the stream: each unreadable file or record is *yielded* as a
`storyline.errors.RecordError` naming the source, the record and the reason, and reading
goes on.  Memory stays bounded: files are streamed and no record larger than
``IngestOptions.max_record_bytes`` is ever held.

Example::

    from storyline.ingest import iter_documents

    for item in iter_documents(["crawl.warc.gz", "feeds/"]):
        print(item)
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from storyline.errors import RecordError
from storyline.ingest._containers import iter_gzip, iter_tar, iter_zip
from storyline.ingest._feed import iter_feed
from storyline.ingest._jsonl import iter_json_array, iter_jsonl
from storyline.ingest._sniff import SNIFF_BYTES, sniff_format
from storyline.ingest._streams import Readable, Rewound, TooLarge, read_bounded
from storyline.ingest._warc import iter_warc
from storyline.model import Document

__all__ = ["IngestOptions", "IngestStats", "iter_documents", "sniff_format"]

FORMATS = ("html", "warc", "rss", "jsonl", "text")

# Containers inside containers are followed this deep; deeper nesting is reported.
_MAX_DEPTH = 4

_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How to read sources.

    Attributes:
        format: read every non-container input as this format instead of sniffing it.
        fields: JSONL mapping of our field names to the export's, e.g. ``(("body", "content"),)``.
        max_record_bytes: a single record larger than this is reported and skipped.
        max_inflated_bytes: a compressed stream that inflates past this is reported.
        max_members: the most members read from one zip or tar archive.
    """

    format: str | None = None
    fields: tuple[tuple[str, str], ...] = ()
    max_record_bytes: int = 20 * 2**20
    max_inflated_bytes: int = 2 * 2**30
    max_members: int = 100_000


class IngestStats:
    """Counters that a caller can read while or after iterating."""

    def __init__(self) -> None:
        self.files = 0
        self.skipped_records = 0
        self.bytes_read = 0


def iter_documents(
    paths: Iterable[str],
    options: IngestOptions | None = None,
    stats: IngestStats | None = None,
) -> Iterator[Document | RecordError]:
    """Yield every document found under ``paths``, and a `RecordError` for each bad record.

    Args:
        paths: files, folders (read recursively in name order), or ``"-"`` for stdin.
        options: limits and format overrides.
        stats: counters to update (files read, non-article records skipped).
    """
    reader = _Reader(options or IngestOptions(), stats or IngestStats())
    for path in paths:
        yield from reader.path(path)


class _Reader:
    """Walks paths and dispatches streams to the format readers."""

    def __init__(self, options: IngestOptions, stats: IngestStats) -> None:
        self.options = options
        self.stats = stats

    def path(self, path: str) -> Iterator[Document | RecordError]:
        if path == "-":
            yield from self.stream("-", sys.stdin.buffer)
            return
        target = Path(path)
        if target.is_dir():
            for child in sorted(p for p in target.rglob("*") if p.is_file()):
                yield from self.file(child)
        elif target.exists():
            yield from self.file(target)
        else:
            yield RecordError(path, None, "no such file or directory")

    def file(self, path: Path) -> Iterator[Document | RecordError]:
        try:
            with path.open("rb") as handle:
                self.stats.files += 1
                yield from self.stream(str(path), handle)
                self.stats.bytes_read += handle.tell()
        except OSError as exc:
            yield RecordError(str(path), None, f"cannot read file ({exc.strerror or exc})")

    def stream(self, uri: str, raw: Readable, depth: int = 0) -> Iterator[Document | RecordError]:
        """Sniff ``raw`` and yield what the matching reader finds in it."""
        try:
            head = raw.read(SNIFF_BYTES)
            kind = sniff_format(head)
            stream = Rewound(head, raw)
            if kind in ("gzip", "zip", "tar"):
                if depth >= _MAX_DEPTH:
                    yield RecordError(uri, None, f"archives nested deeper than {_MAX_DEPTH}")
                    return
                yield from self.container(uri, kind, stream, depth)
                return
            if self.options.format and kind not in ("empty", "binary"):
                kind = self.options.format
            yield from self.content(uri, kind, stream)
        except TooLarge as exc:
            yield RecordError(uri, None, str(exc))
        except (EOFError, OSError) as exc:
            yield RecordError(uri, None, f"truncated or damaged data ({exc})")

    def container(
        self, uri: str, kind: str, stream: Readable, depth: int
    ) -> Iterator[Document | RecordError]:
        if kind == "gzip":
            yield from iter_gzip(uri, stream, self, depth)
        elif kind == "zip":
            yield from iter_zip(uri, stream, self, depth)
        else:
            yield from iter_tar(uri, stream, self, depth)

    def content(self, uri: str, kind: str, stream: Readable) -> Iterator[Document | RecordError]:
        limit = self.options.max_record_bytes
        if kind == "empty":
            yield RecordError(uri, None, "empty file")
        elif kind == "binary":
            yield RecordError(uri, None, "not a news format (binary data)")
        elif kind == "warc":
            skipped = [0]
            yield from iter_warc(uri, stream, limit, skipped)
            self.stats.skipped_records += skipped[0]
        elif kind == "jsonl":
            yield from iter_jsonl(uri, stream, dict(self.options.fields), limit)
        else:
            yield from self.whole(uri, kind, stream)

    def whole(self, uri: str, kind: str, stream: Readable) -> Iterator[Document | RecordError]:
        """Read a format that is parsed as one piece (HTML, text, feeds, JSON arrays)."""
        limit = self.options.max_record_bytes
        content = read_bounded(stream, limit)
        if content is None:
            yield RecordError(uri, 0, f"larger than the record limit of {limit:,} bytes")
            return
        if kind == "rss":
            yield from iter_feed(uri, content)
        elif kind == "json":
            yield from iter_json_array(uri, content, dict(self.options.fields))
        elif kind == "html":
            match = _META_CHARSET.search(content[:SNIFF_BYTES])
            charset = match.group(1).decode("ascii", "replace").lower() if match else None
            yield Document(uri, 0, content, "text/html", charset=charset)
        else:
            yield Document(uri, 0, content, "text/plain")

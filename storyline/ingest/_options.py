"""How to read sources (`IngestOptions`) and what reading them counted (`IngestStats`)."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.errors import UsageError

FORMATS = ("html", "warc", "rss", "jsonl", "text")
"""Formats a caller may force with ``IngestOptions.format``."""

JSONL_FIELDS = (
    "author",
    "body",
    "description",
    "fetched",
    "html",
    "language",
    "published",
    "section",
    "title",
    "url",
)
"""Our names for JSONL fields, the left side of an ``IngestOptions.fields`` pair."""


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How to read sources.

    Args:
        format: force one of ``html``, ``warc``, ``rss``, ``jsonl``, ``text`` for every
            source that is not a container (gzip, zip and tar are always unwrapped);
            ``None`` sniffs each source from its first bytes.
        fields: JSONL field mapping as ``(ours, theirs)`` pairs, e.g.
            ``(("body", "content"), ("published", "pub_date"))``; ``theirs`` may be a
            dotted path into nested objects (``meta.title``).  Unmapped fields are
            detected from common names.
        max_record_bytes: a record (a file, a WARC payload, a JSONL line) bigger than this
            is reported and skipped.
        max_inflated_bytes: the most bytes one source's compressed layers may inflate to
            (a compression-bomb guard); every layer of a nested archive counts.
        max_members: the most members read from one zip or tar archive.

    Raises:
        UsageError: for an unknown format or field name, or a limit below 1.

    Example::

        IngestOptions(format="jsonl", fields=(("body", "content"),))
    """

    format: str | None = None
    fields: tuple[tuple[str, str], ...] = ()
    max_record_bytes: int = 20 * 2**20
    max_inflated_bytes: int = 2 * 2**30
    max_members: int = 100_000

    def __post_init__(self) -> None:
        if self.format is not None and self.format not in FORMATS:
            raise UsageError(f"unknown format {self.format!r}; use one of {', '.join(FORMATS)}")
        for ours, theirs in self.fields:
            if ours not in JSONL_FIELDS:
                raise UsageError(
                    f"unknown field {ours!r} in a field mapping; use one of "
                    f"{', '.join(JSONL_FIELDS)}"
                )
            if not theirs:
                raise UsageError(f"field {ours!r} is mapped to an empty name")
        for name in ("max_record_bytes", "max_inflated_bytes", "max_members"):
            if getattr(self, name) < 1:
                raise UsageError(f"{name} must be at least 1")


@dataclass(slots=True)
class IngestStats:
    """Running counts of one `iter_documents` call, readable while it runs.

    Attributes:
        skipped_records: records that are not news pages and were passed over without
            an error: WARC request, metadata and non-HTML records, feed entries without
            text, links and devices inside tar archives.
        files: files, standard input and archive members opened.
        bytes_read: bytes read from files and standard input (compressed size).
    """

    skipped_records: int = 0
    files: int = 0
    bytes_read: int = 0

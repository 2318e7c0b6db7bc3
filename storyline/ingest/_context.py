"""What the readers of one top-level source share: options, counters, budget, position."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from storyline.errors import RecordError
from storyline.ingest._options import IngestOptions, IngestStats
from storyline.ingest._streams import Budget, Readable
from storyline.model import Document

Item = Document | RecordError


@dataclass(slots=True)
class Cursor:
    """The record a reader is at, so damage found mid-read can name it."""

    record: int | None = None


@dataclass(slots=True)
class Context:
    """What every reader of one top-level source shares."""

    options: IngestOptions
    stats: IngestStats
    budget: Budget
    depth: int = 0
    cursor: Cursor = field(default_factory=Cursor)

    def nested(self) -> Context:
        """Return the context for a member or an inner stream one level down."""
        return Context(self.options, self.stats, self.budget, self.depth + 1)


class SourceReader(Protocol):
    """Reads one source (a member, an inflated stream) into documents and errors."""

    def __call__(
        self, uri: str, stream: Readable, context: Context, name: str, path: str | None = None
    ) -> Iterator[Item]: ...


def too_large(limit: int) -> str:
    """Say that a record passed ``max_record_bytes``, and what to do about it."""
    return (
        f"larger than max_record_bytes ({limit:,} bytes); skipped "
        "(raise max_record_bytes to read it)"
    )

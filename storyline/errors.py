"""Errors raised by storyline.

The hierarchy::

    StorylineError                 every error storyline raises on purpose
    ├── UsageError                 a bad argument or option (CLI exit code 2)
    ├── SourceError                a whole source cannot be read (missing file, bad format)
    │   └── RecordError            one record inside a source is bad; the rest goes on
    ├── StoreError                 the store cannot be opened or is not a storyline store
    └── MissingExtraError          an optional dependency is not installed

`RecordError` objects are also *yielded* (not raised) by the readers in
`storyline.ingest`, so one bad record is reported and skipped while the stream goes on.
"""

from __future__ import annotations


class StorylineError(Exception):
    """The root of every error storyline raises on purpose."""


class UsageError(StorylineError):
    """A bad argument or option given by the user."""


class SourceError(StorylineError):
    """A source (a file, a stream) that cannot be read at all.

    Attributes:
        source: the path or URI of the source.
        reason: what went wrong, in words a user can act on.
    """

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class RecordError(SourceError):
    """One bad record inside a source.

    Attributes:
        source: the path or URI of the source.
        record: the record's position (byte offset, line number, entry index).
        reason: what went wrong.
    """

    def __init__(self, source: str, record: int | None, reason: str) -> None:
        self.record = record
        SourceError.__init__(self, source, reason)
        where = source if record is None else f"{source} (record {record})"
        self.args = (f"{where}: {reason}",)

    def __reduce__(self) -> tuple[type[RecordError], tuple[str, int | None, str]]:
        return (RecordError, (self.source, self.record, self.reason))


class StoreError(StorylineError):
    """The store cannot be opened, or is not a storyline store."""


class MissingExtraError(StorylineError):
    """An optional dependency is missing; the message names the extra to install."""

    def __init__(self, package: str, extra: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(
            f"this feature needs the '{package}' package: pip install 'storyline[{extra}]'"
        )

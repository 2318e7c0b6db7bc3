"""Stream plumbing: hand sniffed bytes back, count what is read, cap what may inflate."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TYPE_CHECKING, BinaryIO, Protocol

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

CHUNK_BYTES = 1 << 20
"""Bytes asked of a stream per read when a whole record is collected: large enough that
Python's per-call cost vanishes next to inflating, small enough to overshoot a size limit
by little."""

_BUFFER_BYTES = 256 * 1024
"""Buffer of the readers built here.  JSONL lines and WARC headers are scanned in C inside
it; 256 KiB keeps the Python-level refills to a few thousand per gigabyte."""


class Readable(Protocol):
    """Anything with ``read(size)`` returning bytes."""

    def read(self, size: int = -1, /) -> bytes: ...


class InflateLimitError(Exception):
    """One source's compressed layers inflated past ``max_inflated_bytes``."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(
            f"inflates to more than max_inflated_bytes ({limit:,} bytes); stopped reading "
            "it (a compression bomb?)"
        )


class Budget:
    """The bytes one source's compressed layers may still inflate to, shared by all layers."""

    __slots__ = ("limit", "left", "reported")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.left = limit
        self.reported = False  # whether running out was reported (once per source)

    @property
    def spent(self) -> bool:
        """Say whether the budget is used up (reading more would be refused)."""
        return self.left < 0

    def charge(self, size: int) -> None:
        """Count ``size`` inflated bytes; raise `InflateLimitError` past the limit."""
        self.left -= size
        if self.left < 0:
            raise InflateLimitError(self.limit)


class _Replay(io.RawIOBase):
    """A raw stream giving ``head`` first, then the rest of ``rest``, reporting each read."""

    def __init__(self, head: bytes, rest: Readable, on_read: Callable[[int], None] | None):
        super().__init__()
        self._head = memoryview(head)
        # One underlying read per call where the stream allows it (``read1``): a plain
        # ``read(n)`` loops, and drops what it had read when damage stops the loop.
        self._read = getattr(rest, "read1", rest.read)
        self._on_read = on_read

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer, /) -> int:
        view = memoryview(buffer).cast("B")
        size = len(view)
        if self._head:
            taken = min(size, len(self._head))
            view[:taken] = self._head[:taken]
            self._head = self._head[taken:]
            return taken
        data = self._read(size)
        view[: len(data)] = data
        if self._on_read is not None and data:
            self._on_read(len(data))
        return len(data)


def replay(
    head: bytes, rest: Readable, on_read: Callable[[int], None] | None = None
) -> io.BufferedReader:
    """Return a buffered stream that gives ``head`` again, then the rest of ``rest``.

    Args:
        head: bytes already read from ``rest`` (to sniff it), handed back first.
        rest: the stream they came from.
        on_read: called with the size of every read from ``rest`` (counting, budgets);
            exceptions it raises surface from the read.
    """
    return io.BufferedReader(_Replay(head, rest, on_read), buffer_size=_BUFFER_BYTES)


def read_upto(stream: Readable | BinaryIO, size: int) -> bytes:
    """Read ``size`` bytes, fewer only at the end of the stream."""
    parts: list[bytes] = []
    left = size
    while left > 0:
        chunk = stream.read(min(left, CHUNK_BYTES))
        if not chunk:
            break
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def read_bounded(stream: Readable | BinaryIO, limit: int) -> bytes | None:
    """Read a whole stream holding at most ``limit`` bytes; return ``None`` if it holds more.

    Memory stays within about twice ``limit``, however long the stream is.
    """
    data = read_upto(stream, limit + 1)
    return None if len(data) > limit else data

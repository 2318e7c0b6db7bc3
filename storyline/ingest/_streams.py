"""Small stream helpers: put sniffed bytes back, cap how much a stream may yield."""

from __future__ import annotations

from typing import BinaryIO, Protocol


class Readable(Protocol):
    """Anything with ``read(size)`` returning bytes."""

    def read(self, size: int = -1, /) -> bytes: ...


class TooLarge(Exception):
    """A stream inflated past the limit it was given (a likely compression bomb)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(f"inflates past the limit of {limit:,} bytes (compression bomb?)")


class Rewound:
    """A stream whose first bytes were already read to sniff it, handed back in front."""

    def __init__(self, head: bytes, rest: Readable) -> None:
        self._head = head
        self._rest = rest

    def read(self, size: int = -1, /) -> bytes:
        """Read up to ``size`` bytes (all when negative)."""
        if size is None or size < 0:
            data, self._head = self._head, b""
            return data + self._rest.read()
        if self._head:
            data, self._head = self._head[:size], self._head[size:]
            if len(data) < size:
                data += self._rest.read(size - len(data))
            return data
        return self._rest.read(size)

    def readable(self) -> bool:
        """Say this is a readable stream (for wrappers that ask)."""
        return True


class Capped:
    """Pass reads through, raising `TooLarge` once more than ``limit`` bytes came out."""

    def __init__(self, inner: Readable, limit: int) -> None:
        self._inner = inner
        self._limit = limit
        self.count = 0

    def read(self, size: int = -1, /) -> bytes:
        """Read up to ``size`` bytes, counting them against the limit."""
        if size is None or size < 0:
            size = self._limit - self.count + 1
        data = self._inner.read(size)
        self.count += len(data)
        if self.count > self._limit:
            raise TooLarge(self._limit)
        return data

    def readable(self) -> bool:
        """Say this is a readable stream (for wrappers that ask)."""
        return True


class Counted:
    """Pass reads through, counting the bytes."""

    def __init__(self, inner: Readable) -> None:
        self._inner = inner
        self.count = 0

    def read(self, size: int = -1, /) -> bytes:
        """Read up to ``size`` bytes."""
        data = self._inner.read(size)
        self.count += len(data)
        return data

    def readable(self) -> bool:
        """Say this is a readable stream (for wrappers that ask)."""
        return True


def read_bounded(stream: Readable | BinaryIO, limit: int) -> bytes | None:
    """Read a whole stream if it holds at most ``limit`` bytes, else return ``None``.

    Never holds more than ``limit`` + one chunk in memory.
    """
    parts: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(1 << 20, limit + 1 - total))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        total += len(chunk)
        if total > limit:
            return None

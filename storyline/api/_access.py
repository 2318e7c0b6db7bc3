"""Thread-safe access to a `Library` from request handlers.

The SQLite store holds one connection, so calls are serialised with a lock; generators
are drained inside the lock.  A method the library does not have raises
`Unavailable`, which the app answers with 501 (or an empty page section).
"""

from __future__ import annotations

import itertools
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from typing import Any

# Read-through cache for the costly, read-mostly views (a story's timeline and page).
# Entries are dropped as soon as the store file changes (any commit, from this server or
# from `storyline ingest` in another process, moves the WAL file's size or time), and
# after CACHE_SECONDS at the latest, which also bounds staleness for in-memory stores.
# 4,096 entries hold every story view of a 100,000-article archive (417 stories in
# `benchmarks/api.py`) in about 60 MB.  Without the cache, story pages under 20 clients
# queued behind timeline building (p95 > 2 s in `benchmarks/api.py`).
CACHE_SECONDS = 300.0
CACHE_ENTRIES = 4096


def store_version(library: Any) -> tuple[int, ...]:
    """Return a cheap fingerprint of the library's store files (empty in memory)."""
    path = getattr(getattr(library, "store", None), "path", None)
    if not isinstance(path, str) or path == ":memory:":
        return ()
    stamp: list[int] = []
    for suffix in ("", "-wal"):
        try:
            info = os.stat(path + suffix)
        except OSError:
            stamp += [0, 0]
            continue
        stamp += [info.st_mtime_ns, info.st_size]
    return tuple(stamp)


# Library methods that only read, safe to run on a per-thread connection of their own.
READ_METHODS = frozenset(
    {
        "articles",
        "get",
        "search",
        "stats",
        "timexes",
        "events",
        "event",
        "stories",
        "story",
        "story_of_article",
        "links",
        "backlinks",
        "timeline",
        "render_timeline",
        "entities",
        "entity",
        "entity_mentions",
    }
)


def _drain(result: Any) -> Any:
    return list(result) if isinstance(result, Iterator) else result


class Unavailable(Exception):
    """The library has no method ``name`` (that stage is not installed yet)."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"this archive cannot answer {name!r} yet")


class LibraryAccess:
    """Call a library's methods one at a time from any thread.

    Args:
        library: a `storyline.Library` or any object with the same methods.
    """

    def __init__(
        self,
        library: Any,
        cache_seconds: float = CACHE_SECONDS,
        open_reader: Callable[[], Any] | None = None,
    ) -> None:
        self.library = library
        self.cache_seconds = cache_seconds
        self._open_reader = open_reader
        self._local = threading.local()
        self._readers: list[Any] = []
        self._lock = threading.Lock()
        # The cache has its own lock so that cache hits never wait for a slow query.
        self._cache_lock = threading.Lock()
        self._cache: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._version = store_version(library)

    def has(self, name: str) -> bool:
        """Return whether the library has a method ``name``."""
        return callable(getattr(self.library, name, None))

    def _reader(self) -> Any:
        """Return this thread's own read-only library, opening it on first use."""
        reader = getattr(self._local, "library", None)
        if reader is None and self._open_reader is not None:
            reader = self._open_reader()
            self._local.library = reader
            with self._cache_lock:
                self._readers.append(reader)
        return reader

    def _run(self, name: str, drain: Callable[[Any], Any], *args: Any, **kwargs: Any) -> Any:
        if not self.has(name):
            raise Unavailable(name)
        reader = self._reader() if name in READ_METHODS else None
        if reader is not None:
            return drain(getattr(reader, name)(*args, **kwargs))
        with self._lock:
            return drain(getattr(self.library, name)(*args, **kwargs))

    def call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        """Call ``library.name(*args, **kwargs)``; iterators come back as lists.

        Reads go to this thread's own connection when the access was made with
        ``open_reader``, so they run side by side; everything else runs one at a time.

        Raises:
            Unavailable: if the library has no such method.
        """
        return self._run(name, _drain, *args, **kwargs)

    def take(self, name: str, stop: int, *args: Any, **kwargs: Any) -> list[Any]:
        """Call a method returning an iterator and keep its first ``stop`` items."""
        return list(self._run(name, lambda it: list(itertools.islice(it, stop)), *args, **kwargs))

    def close(self) -> None:
        """Close the per-thread read-only libraries."""
        with self._cache_lock:
            readers, self._readers = self._readers, []
        for reader in readers:
            reader.close()

    def optional(self, name: str, *args: Any, default: Any = None, **kwargs: Any) -> Any:
        """Like `call`, but return ``default`` when the method is missing."""
        try:
            return self.call(name, *args, **kwargs)
        except Unavailable:
            return default

    def cached(self, name: str, *args: Hashable) -> Any:
        """Like `call`, but reuse a result younger than ``cache_seconds``."""
        return self.memo((name, *args), lambda: self.call(name, *args))

    def memo(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """Return the cached value of ``key``, computing it with ``compute`` when stale."""
        now = time.monotonic()
        version = store_version(self.library)
        with self._cache_lock:
            if version != self._version:
                self._cache.clear()
                self._version = version
            hit = self._cache.get(key)
            if hit is not None and hit[0] > now:
                self._cache.move_to_end(key)
                return hit[1]
        value = compute()
        with self._cache_lock:
            self._cache[key] = (now + self.cache_seconds, value)
            while len(self._cache) > CACHE_ENTRIES:
                self._cache.popitem(last=False)
        return value

    def invalidate(self) -> None:
        """Forget every cached result (after a write)."""
        with self._cache_lock:
            self._cache.clear()

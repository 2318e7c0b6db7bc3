"""Counting sources: syndicated copies of one report count once."""

from __future__ import annotations

from collections.abc import Iterable

from storyline.model import Article


def count_independent(articles: Iterable[Article]) -> int:
    """Return how many distinct reports ``articles`` hold (``duplicate_of`` counted once).

    Example:
        >>> a = Article("A", ("x",), id="a")
        >>> b = Article("B", ("x",), id="b", duplicate_of="a")
        >>> count_independent([a, b])
        1
    """
    return len({article.duplicate_of or article.id or str(i) for i, article in enumerate(articles)})


def count_independent_ids(ids: Iterable[str], duplicate_of: dict[str, str | None]) -> int:
    """Return how many distinct reports the article ids name, given each one's original."""
    return len({duplicate_of.get(i) or i for i in ids})

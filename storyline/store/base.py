"""The narrow interface every store implements."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from storyline.model import Article, Document, Timex


class PutOutcome(StrEnum):
    """What `Store.put` did with a document and its article."""

    NEW = "new"
    """A new article was stored."""
    DUPLICATE = "duplicate"
    """The article's normalised text was already stored: only the source was added."""
    NEAR_DUPLICATE = "near_duplicate"
    """A new article, grouped with an earlier near-identical one (``duplicate_of``)."""
    UNCHANGED = "unchanged"
    """This exact source record was already stored: nothing changed."""
    NO_ARTICLE = "no_article"
    """The document was kept but yielded no article."""


@dataclass(frozen=True, slots=True)
class PutResult:
    """The outcome of storing one document, with the article id when there is one."""

    outcome: PutOutcome
    article_id: str | None = None
    duplicate_of: str | None = None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One full-text search result, best first; lower ``rank`` is better (BM25)."""

    article: Article
    rank: float
    snippet: str


class Store(Protocol):
    """Persistent home of documents and everything derived from them.

    Implementations: `storyline.store.sqlite.SQLiteStore` (default, also in memory with
    ``":memory:"``).  Every method is safe to call again with the same input.
    """

    def put(self, document: Document, article: Article | None) -> PutResult:
        """Store a raw document and the article extracted from it, idempotently."""
        ...

    def put_timexes(self, article_id: str, timexes: Sequence[Timex]) -> None:
        """Replace the time expressions stored for the article ``article_id``."""
        ...

    def get_timexes(self, article_id: str) -> tuple[Timex, ...]:
        """Return the stored time expressions of ``article_id`` in text order."""
        ...

    def has_record(self, uri: str, record: int, content: bytes | None = None) -> bool:
        """Return whether ``(uri, record)`` is stored (with exactly ``content``, if given)."""
        ...

    def commit(self) -> None:
        """Make everything put so far durable (puts are batched into transactions)."""
        ...

    def get_article(self, article_id: str) -> Article | None:
        """Return one article with all its sources, or ``None``."""
        ...

    def iter_articles(
        self, since: str | None = None, until: str | None = None
    ) -> Iterator[Article]:
        """Yield articles in publication order (undated last), optionally within dates."""
        ...

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Return the articles best matching ``query`` (FTS5 syntax), ranked by BM25."""
        ...

    def iter_documents(self) -> Iterator[Document]:
        """Yield every stored raw document (to rebuild derived records)."""
        ...

    def stats(self) -> dict[str, int]:
        """Return counts of documents, sources, articles, duplicates and groups."""
        ...

    def close(self) -> None:
        """Commit and release the store."""
        ...

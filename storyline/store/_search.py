"""Full-text search over articles with SQLite FTS5: indexing, ranking, snippets."""

from __future__ import annotations

import itertools
import logging
import sqlite3
from collections.abc import Sequence

from storyline.errors import StorylineError

logger = logging.getLogger(__name__)

TITLE_WEIGHT = 5.0
"""BM25 weight of a title match relative to a body match (1.0), so that an article whose
title names the query outranks one that mentions it twice in passing: with equal weights
the mentions win, 2 is just enough, 5 leaves a margin.  The ranking cases in
``tests/store/test_search.py`` pin this; re-run them after changing it."""

SNIPPET_OPEN = "["
SNIPPET_CLOSE = "]"
SNIPPET_ELLIPSIS = "…"
SNIPPET_TOKENS = 16
"""Snippets mark matched terms with brackets and hold at most 16 tokens on one line: about
a line of a terminal, enough to show a match in context."""

IndexRow = tuple[int, str | None, str]
"""What the index needs of one article: ``(articles.seq, title, body)``."""

# Ranking and snippets are two queries: SQLite computes a selected snippet() for every
# matching row before it sorts and cuts, which made a common word over 100,000 articles
# cost half a second; ranked first, only the page's rows are read back for snippets.
_RANK_SQL = (
    "SELECT rowid, bm25(articles_fts, ?, 1.0) AS rank FROM articles_fts"
    " WHERE articles_fts MATCH ? ORDER BY rank, rowid LIMIT ?"
)
_SNIPPET_SQL = (
    "SELECT rowid, snippet(articles_fts, -1, ?, ?, ?, ?) FROM articles_fts"
    " WHERE articles_fts MATCH ? AND rowid IN ({marks})"
)


def index_articles(conn: sqlite3.Connection, rows: Sequence[IndexRow]) -> None:
    """Add articles to the full-text index; the values must equal those in ``articles``.

    The index has external content (it reads the text back from ``articles`` for
    snippets), so a row indexed with other values than those stored would corrupt it.
    """
    conn.executemany("INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)", rows)


def match(conn: sqlite3.Connection, query: str, limit: int) -> list[tuple[int, float, str]]:
    """Return ``(articles.seq, rank, snippet)`` of the best matches of ``query``.

    ``query`` is FTS5 syntax; if FTS5 rejects it, its whitespace-separated terms are
    searched again as quoted strings, all required.

    Raises:
        StorylineError: if even the quoted terms cannot be searched.
    """
    try:
        return _match(conn, query, limit)
    except sqlite3.OperationalError as exc:
        logger.debug("search %r is not FTS5 syntax (%s); searching plain words", query, exc)
    try:
        return _match(conn, quote_terms(query), limit)
    except sqlite3.OperationalError as exc:
        raise StorylineError(f"cannot search for {query!r} ({exc}); try plain words") from None


_SIMILAR_SQL = (
    "SELECT a.id FROM articles_fts JOIN articles AS a ON a.seq = articles_fts.rowid"
    " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, ?, 1.0), a.seq LIMIT ?"
)


def similar(conn: sqlite3.Connection, terms: Sequence[str], limit: int) -> list[str]:
    """Return the ids of the articles that hold at least two of ``terms``, best (BM25)
    first; words are quoted, so no term is read as FTS5 syntax.

    Two terms rather than one: a pair is a far surer sign of the same happening, and
    ranking only the articles that hold a pair costs a fraction of ranking every article
    that holds any one term (``benchmarks/clustering.py --part lookup`` times it).
    """
    words = [t for t in dict.fromkeys(terms) if any(c.isalnum() for c in t)]
    quoted = ['"' + t.replace('"', '""') + '"' for t in words]
    query = " OR ".join(f"({a} {b})" for a, b in itertools.combinations(quoted, 2))
    if not query or limit < 1:
        return []
    return [row[0] for row in conn.execute(_SIMILAR_SQL, (query, TITLE_WEIGHT, limit))]


def quote_terms(query: str) -> str:
    """Return ``query`` as FTS5 strings, one per whitespace-separated term."""
    return " ".join('"' + term.replace('"', '""') + '"' for term in query.split())


def _match(conn: sqlite3.Connection, query: str, limit: int) -> list[tuple[int, float, str]]:
    ranked = conn.execute(_RANK_SQL, (TITLE_WEIGHT, query, limit)).fetchall()
    if not ranked:
        return []
    marks = ", ".join("?" * len(ranked))
    params = (SNIPPET_OPEN, SNIPPET_CLOSE, SNIPPET_ELLIPSIS, SNIPPET_TOKENS, query)
    snippets = dict(
        conn.execute(
            _SNIPPET_SQL.format(marks=marks), (*params, *(seq for seq, _ in ranked))
        ).fetchall()
    )
    # Snippets are shown on one line: paragraph breaks inside them become spaces.
    return [
        (int(seq), float(rank), " ".join(str(snippets.get(seq, "")).split()))
        for seq, rank in ranked
    ]

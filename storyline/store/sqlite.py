"""The SQLite store: documents, sources and articles in one file, with full-text search.

Example::

    from storyline.store import SQLiteStore

    with SQLiteStore("news.db") as store:
        result = store.put(document, article)
        store.commit()
        for hit in store.search("Kuril islands", limit=5):
            print(hit.rank, hit.article.title, hit.snippet)

One connection, one writer: the file is in WAL mode, so other processes may read while
this one writes, and a second writer waits (up to `BUSY_TIMEOUT_S`) for the first to
commit.  `put` never commits by itself; call `commit` every few hundred puts.  A crash
between commits loses only the puts since the last commit, and so does a put that fails
halfway (it rolls the transaction back rather than leave half an article): putting them
again completes the store.  Per-put savepoints would keep the earlier puts of the batch,
but they cost 12% of the put rate (measured), for a failure that only bugs, full disks and
interrupts cause.
"""

from __future__ import annotations

import calendar
import contextlib
import dataclasses
import datetime as dt
import logging
import re
import sqlite3
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from storyline.errors import StoreError, UsageError
from storyline.model import Article, Document, Source, Timex
from storyline.store import _dedup, _records, _search
from storyline.store._analysis import AnalysisTables
from storyline.store._migrations import check_store, migrate
from storyline.store.base import PutOutcome, PutResult, SearchHit

logger = logging.getLogger(__name__)

BUSY_TIMEOUT_S = 30.0
"""How long a second writer waits for the lock before giving up: long enough for the
largest commit of an ingest batch, short enough that a stuck writer is reported."""

SEARCH_INDEX_BATCH = 1000
"""Articles held back from the full-text index and then written to it in one go.  FTS5
writes its pending terms to disk whenever a statement may need undoing halfway, which
every put's inserts do (they check foreign keys), so indexing article by article cost a
quarter of the put rate (measured on 3 KB articles; 100 per batch already gets most of
the gain, 1000 all of it).  The batch is written at the latest by `SQLiteStore.commit`,
inside the same transaction, so the index and the articles never disagree on disk."""

_FETCH_BATCH = 256
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$")
_STATS = (
    "documents",
    "sources",
    "articles",
    "exact_duplicates",
    "near_duplicate_groups",
    "near_duplicates",
    "undated",
)


class SQLiteStore(AnalysisTables):
    """The default `storyline.store.Store`, backed by one SQLite file.

    Args:
        path: the database file (created when missing), or ``":memory:"``.

    Raises:
        StoreError: if the file cannot be opened, is not a SQLite database, is another
            program's database, or was written by a newer storyline.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._conn = _connect(self.path)
        self._closed = False
        self._unindexed: list[_search.IndexRow] = []
        self._uncommitted = 0

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SQLiteStore({self.path!r})"

    # -- writing ---------------------------------------------------------------------

    def put(self, document: Document, article: Article | None) -> PutResult:
        """Store a raw document, its source record and the article extracted from it.

        Putting a record ``(uri, record)`` again with the same bytes changes nothing
        (`PutOutcome.UNCHANGED`); with other bytes, the record is pointed at the new
        document and article.  The article's own ``id``, ``sources``, ``duplicate_of``
        and ``document_id`` are ignored: the store assigns them.  If the put fails
        halfway (a full disk, an interrupt), every put since the last commit is rolled
        back with it, as if the process had crashed.

        Args:
            document: the raw record as read.
            article: what extraction made of it, or ``None`` when it yielded nothing.

        Returns:
            What was done, with the article's id and its group's first article.

        Raises:
            RecordError: if the record's name or metadata cannot be stored exactly
                (nothing is written then).
        """
        _records.check_record(document)
        document_id = _records.document_id_of(document.content)
        known = self._conn.execute(
            "SELECT s.document_id, s.article_id, a.duplicate_of FROM sources AS s"
            " LEFT JOIN articles AS a ON a.id = s.article_id"
            " WHERE s.uri = ? AND s.record = ?",
            (document.uri, document.record),
        ).fetchone()
        if known is not None and known[0] == document_id:
            return PutResult(PutOutcome.UNCHANGED, known[1], known[2])
        if known is not None:
            logger.info("%s (record %d) changed; storing it again", document.uri, document.record)
        self._begin()
        with self._rollback_on_error():
            self._put_document(document_id, document)
            result, indexed = self._put_article(document_id, article)
            self._conn.execute(
                _records.UPSERT_SOURCE,
                _records.source_values(document_id, document, result.article_id),
            )
            if indexed is not None:
                self._unindexed.append(indexed)
        self._uncommitted += 1
        if len(self._unindexed) >= SEARCH_INDEX_BATCH:
            self._index_pending()
        return result

    def commit(self) -> None:
        """Make everything put so far durable."""
        self._index_pending()
        if self._conn.in_transaction:
            self._conn.commit()
        self._uncommitted = 0

    def close(self) -> None:
        """Commit and release the file; closing twice is harmless."""
        if self._closed:
            return
        self.commit()
        self._conn.close()
        self._closed = True

    def _begin(self) -> None:
        if self._conn.in_transaction:
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(
                f"{self.path}: cannot write ({exc}); is another storyline writing to it?"
            ) from None

    @contextlib.contextmanager
    def _rollback_on_error(self) -> Iterator[None]:
        """Roll back the whole transaction if the block fails, so no put is left half-done."""
        try:
            yield
        except BaseException:
            logger.warning(
                "%s: a write failed; rolled back the %d puts since the last commit",
                self.path,
                self._uncommitted,
            )
            self._unindexed.clear()
            self._uncommitted = 0
            if self._conn.in_transaction:
                self._conn.rollback()
            raise

    def _put_document(self, document_id: str, document: Document) -> None:
        exists = self._conn.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,))
        if exists.fetchone() is None:
            values = _records.document_values(document_id, document)
            self._conn.execute(_records.INSERT_DOCUMENT, values)

    def _put_article(
        self, document_id: str, article: Article | None
    ) -> tuple[PutResult, _search.IndexRow | None]:
        """Store ``article`` unless it is empty or known; return what to index, if new."""
        normalized = _dedup.normalize_text(article.body) if article is not None else ""
        if article is None or not normalized:
            return PutResult(PutOutcome.NO_ARTICLE), None
        article_id = _dedup.article_id_of(normalized)
        row = self._conn.execute(
            "SELECT duplicate_of FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is not None:
            return PutResult(PutOutcome.DUPLICATE, article_id, row[0]), None
        fingerprint = _dedup.fingerprint_of(normalized)
        duplicate_of = self._group_of(_dedup.find_similar(self._conn, fingerprint))
        stored = dataclasses.replace(
            article, id=article_id, sources=(), duplicate_of=duplicate_of, document_id=document_id
        )
        values = _records.article_values(stored, _dedup.encode_signature(fingerprint.signature))
        seq = self._conn.execute(_records.INSERT_ARTICLE, values).lastrowid
        if seq is None:
            raise StoreError(f"{self.path}: article {article_id} was not stored")
        _dedup.add_bands(self._conn, article_id, fingerprint)
        # The index must see exactly the stored title and body (see `_search`).
        indexed = (seq, values[2], values[-1])
        if duplicate_of is None:
            return PutResult(PutOutcome.NEW, article_id), indexed
        logger.debug("article %s is a near duplicate of %s", article_id, duplicate_of)
        return PutResult(PutOutcome.NEAR_DUPLICATE, article_id, duplicate_of), indexed

    def _group_of(self, match: tuple[str, float] | None) -> str | None:
        """Return the first article of the group of the matched article, if any."""
        if match is None:
            return None
        row = self._conn.execute(
            "SELECT coalesce(duplicate_of, id) FROM articles WHERE id = ?", (match[0],)
        ).fetchone()
        return str(row[0])

    def _index_pending(self) -> None:
        """Write the articles held back from the full-text index (`SEARCH_INDEX_BATCH`)."""
        if self._unindexed:
            with self._rollback_on_error():
                _search.index_articles(self._conn, self._unindexed)
            self._unindexed.clear()

    # -- reading ---------------------------------------------------------------------

    def put_timexes(self, article_id: str, timexes: Sequence[Timex]) -> None:
        """Replace the time expressions stored for ``article_id``."""
        self._begin()
        self._conn.execute("DELETE FROM timexes WHERE article_id = ?", (article_id,))
        self._conn.executemany(
            'INSERT OR REPLACE INTO timexes (article_id, start, "end", text, type, value, mod)'
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(article_id, t.start, t.end, t.text, t.type, t.value, t.mod) for t in timexes],
        )

    def get_timexes(self, article_id: str) -> tuple[Timex, ...]:
        """Return the time expressions of ``article_id`` in text order."""
        rows = self._conn.execute(
            'SELECT text, start, "end", type, value, mod FROM timexes'
            " WHERE article_id = ? ORDER BY start",
            (article_id,),
        )
        return tuple(Timex(*row) for row in rows)

    def has_record(self, uri: str, record: int, content: bytes | None = None) -> bool:
        """Return whether the source record ``(uri, record)`` is already stored.

        With ``content``, only when it was stored with exactly these bytes: a file edited
        since, or another text piped to stdin, is not "already stored".
        """
        if not _records.is_valid(uri):
            return False  # `put` refuses such a record, so it is never stored
        row = self._conn.execute(
            "SELECT document_id FROM sources WHERE uri = ? AND record = ?", (uri, record)
        ).fetchone()
        if row is None:
            return False
        return content is None or row[0] == _records.document_id_of(content)

    def get_article(self, article_id: str) -> Article | None:
        """Return the article ``article_id`` with all its sources, or ``None``."""
        sql = f"SELECT {_records.ARTICLE_COLUMNS} FROM articles WHERE id = ?"
        for _seq, article in self._iter_article_rows(sql, (article_id,)):
            return article
        return None

    def iter_articles(
        self, since: str | None = None, until: str | None = None
    ) -> Iterator[Article]:
        """Yield articles by publication date, then in the order they were first stored.

        Args:
            since: keep articles that may have been published on or after this date
                (``2005-11-20``, or ``2005-11`` or ``2005`` for the whole month or year);
                an article dated only to a month or a year is kept when its interval
                reaches the date.
            until: likewise, on or before this date.

        Undated articles come last, and only when no bound is given.

        Raises:
            UsageError: if a bound is not a date (at once, not when iterating).
        """
        low = date_bound(since, "since", last=False)
        high = date_bound(until, "until", last=True)
        return self._iter_published(low, high)

    def _iter_published(self, low: str | None, high: str | None) -> Iterator[Article]:
        """Yield the articles that may have been published from ``low`` to ``high``."""
        where, params = ["published_earliest IS NOT NULL"], []
        if low is not None:
            where.append("published_latest >= ?")
            params.append(low)
        if high is not None:
            where.append("published_earliest <= ?")
            params.append(high)
        dated = (
            f"SELECT {_records.ARTICLE_COLUMNS} FROM articles WHERE {' AND '.join(where)}"
            " ORDER BY published_earliest, published_latest, published_value, seq"
        )
        for _seq, article in self._iter_article_rows(dated, params):
            yield article
        if low is None and high is None:
            undated = (
                f"SELECT {_records.ARTICLE_COLUMNS} FROM articles"
                " WHERE published_earliest IS NULL ORDER BY seq"
            )
            for _seq, article in self._iter_article_rows(undated, ()):
                yield article

    def iter_articles_of(self, article_ids: Collection[str]) -> Iterator[Article]:
        """Yield the articles ``article_ids`` by publication date (undated last), reading
        only those rows.

        Articles of one date come in id order, not storing order (`iter_articles`): the
        analysis reads a batch in this order, so that one batch of files gives the same
        entities, events and stories in whatever order the files were read.
        """
        self._conn.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (id TEXT PRIMARY KEY)")
        self._conn.execute("DELETE FROM temp.wanted")
        self._conn.executemany(
            "INSERT OR IGNORE INTO temp.wanted (id) VALUES (?)", ((i,) for i in article_ids)
        )
        sql = (
            f"SELECT {_records.ARTICLE_COLUMNS} FROM articles"
            " WHERE id IN (SELECT id FROM temp.wanted)"
            " ORDER BY published_earliest IS NULL, published_earliest, published_latest,"
            " published_value, id"
        )
        for _seq, article in self._iter_article_rows(sql, ()):
            yield article

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Return the articles best matching ``query``, best (lowest BM25 rank) first.

        ``query`` uses SQLite FTS5 syntax (``putin AND japan``, ``"official visit"``,
        ``title:kuril``, ``jap*``); a query that is not valid FTS5 (``U.S.-Japan``,
        ``"unbalanced``) is searched again as plain words.  Title matches weigh
        `storyline.store._search.TITLE_WEIGHT` times body matches.  Snippets mark matched
        terms with brackets: ``Putin arrived in [Tokyo] on Sunday``.

        Raises:
            StorylineError: if even the plain-word query cannot be run.
        """
        if limit < 1 or not query.strip():
            return []
        self._index_pending()
        rows = _search.match(self._conn, query, limit)
        if not rows:
            return []
        sql = (
            f"SELECT {_records.ARTICLE_COLUMNS} FROM articles"
            f" WHERE seq IN ({', '.join('?' * len(rows))})"
        )
        articles = dict(self._iter_article_rows(sql, [seq for seq, _, _ in rows]))
        return [SearchHit(articles[seq], rank, snippet) for seq, rank, snippet in rows]

    def similar_articles(self, terms: Sequence[str], limit: int = 10) -> list[str]:
        """Return the ids of the stored articles that best match any of ``terms``.

        For finding earlier coverage of an article whose date is unknown: its key
        words, ranked by BM25 over titles and bodies like `search`.
        """
        self._index_pending()
        return _search.similar(self._conn, terms, limit)

    def iter_documents(self) -> Iterator[Document]:
        """Yield every stored record's document, byte for byte as it was put.

        One document per source record, in the order the records were first stored; a
        document no record points at any more (its record was put again with new bytes)
        is not yielded.
        """
        cursor = self._conn.execute(
            f"SELECT {_records.DOCUMENT_COLUMNS} FROM sources AS s"
            " JOIN documents AS d ON d.id = s.document_id ORDER BY s.seq"
        )
        while rows := cursor.fetchmany(_FETCH_BATCH):
            yield from (_records.document_from_row(row) for row in rows)

    def stats(self) -> dict[str, int]:
        """Return counts of what the store holds.

        Keys: ``documents``, ``sources``, ``articles``, ``exact_duplicates`` (records
        whose article was already stored from another record), ``near_duplicate_groups``,
        ``near_duplicates`` (articles grouped under another one) and ``undated``.
        """
        row = self._conn.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sources),"
            " (SELECT count(*) FROM articles),"
            " (SELECT count(article_id) - count(DISTINCT article_id) FROM sources),"
            " (SELECT count(DISTINCT duplicate_of) FROM articles),"
            " (SELECT count(duplicate_of) FROM articles),"
            " (SELECT count(*) FROM articles WHERE published_earliest IS NULL)"
        ).fetchone()
        return {key: int(value) for key, value in zip(_STATS, row, strict=True)}

    def _iter_article_rows(self, sql: str, params: Sequence[Any]) -> Iterator[tuple[int, Article]]:
        """Run ``sql`` (selecting `ARTICLE_COLUMNS`); yield ``(seq, article)`` pairs."""
        cursor = self._conn.execute(sql, params)
        while rows := cursor.fetchmany(_FETCH_BATCH):
            sources = self._sources_of([row[1] for row in rows])
            for row in rows:
                yield row[0], _records.article_from_row(row, sources.get(row[1], []))

    def _sources_of(self, article_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        rows = self._conn.execute(
            "SELECT article_id, uri, record, url, fetched FROM sources"
            f" WHERE article_id IN ({', '.join('?' * len(article_ids))}) ORDER BY seq",
            article_ids,
        )
        found: dict[str, list[dict[str, Any]]] = {}
        for article_id, uri, record, url, fetched in rows:
            source = Source(uri=uri, record=record, url=url, fetched=fetched)
            found.setdefault(article_id, []).append(source.to_dict())
        return found


def open_store(path: str | Path) -> SQLiteStore:
    """Open (creating when missing) the store at ``path``; ``":memory:"`` keeps it in RAM."""
    return SQLiteStore(path)


MMAP_BYTES = 1 << 30
"""How much of a store file SQLite may map into memory (address space, not RAM)."""


def _connect(path: str) -> sqlite3.Connection:
    """Open ``path``, check it is a storyline store (or new), set it up and migrate it."""
    try:
        # Autocommit mode: transactions are begun explicitly (`SQLiteStore._begin`).
        # The connection may be handed between threads, never used by two at once.
        conn = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open ({exc}); check the folder exists") from None
    try:
        check_store(conn, path)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        # Statement journals (kept while a statement that may fail halfway runs) stay in
        # memory instead of spilling to a temporary file past 64 KiB.
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        # Reads map the file instead of copying pages into each connection's own cache:
        # a server holds one connection per worker thread, all reading the same index.
        conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        migrate(conn, path)
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"{path}: cannot open as a storyline store ({exc})") from None
    except BaseException:
        conn.close()
        raise
    return conn


def date_bound(value: str | None, name: str, last: bool) -> str | None:
    """Return ``value`` as a full ``YYYY-MM-DD`` date: the first or ``last`` day it covers.

    Raises:
        UsageError: if ``value`` is not a year, a month or a date.
    """
    if value is None:
        return None
    match = _DATE.match(value.strip())
    try:
        if match is None:
            raise ValueError(value)
        year, month, day = match.groups()
        if day is not None:
            return dt.date(int(year), int(month), int(day)).isoformat()
        if month is None:
            return f"{year}-12-31" if last else f"{year}-01-01"
        end = calendar.monthrange(int(year), int(month))[1] if last else 1
        return dt.date(int(year), int(month), end).isoformat()
    except ValueError:
        raise UsageError(
            f"{name} expects a date like 2005-11-20 (or 2005-11, or 2005), got {value!r}"
        ) from None

"""Schema migrations of the SQLite store, and the checks run when a file is opened.

Each schema change is a named function ``mNNN_what(conn)`` listed in `MIGRATIONS`, applied
in order, once, each in its own transaction together with its row in the ``migrations``
table.  Opening a store applies the ones it lacks; a store that records a migration this
code does not know was written by a newer storyline and is refused.

Adding a table for a new stage is a matter of writing one function and appending it::

    def m002_timexes(conn: sqlite3.Connection) -> None:
        execute_all(conn, ("CREATE TABLE timexes (...)", "CREATE INDEX ..."))

    MIGRATIONS = (m001_initial, m002_timexes)

Never edit a migration that has shipped: stores in the wild already ran it.  Migrations
run with foreign keys enforced and must not commit; they may read and rewrite rows in
Python when a change needs more than SQL.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
from collections.abc import Callable, Iterable, Sequence

from storyline.errors import StoreError

logger = logging.getLogger(__name__)

Migration = Callable[[sqlite3.Connection], None]

APPLICATION_ID = 0x53544C4E
"""Written to the SQLite header (``PRAGMA application_id``, the bytes "STLN") so that a
storyline store is recognised without guessing from table names."""


def quote_identifier(name: str) -> str:
    """Return ``name`` quoted as an SQL identifier (the only way a name enters SQL text).

    Raises:
        ValueError: if ``name`` is empty or contains a NUL character.
    """
    if not name or "\x00" in name:
        raise ValueError(f"not a usable SQL identifier: {name!r}")
    return '"' + name.replace('"', '""') + '"'


def execute_all(conn: sqlite3.Connection, statements: Iterable[str]) -> None:
    """Execute each statement in turn (unlike ``executescript``, this never commits)."""
    for statement in statements:
        conn.execute(statement)


_INITIAL = (
    f"PRAGMA application_id = {int(APPLICATION_ID)}",
    # Raw documents, compressed, keyed by the hash of their bytes; the metadata columns
    # hold what the first record that brought the document said.
    """CREATE TABLE documents (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        content BLOB NOT NULL,
        size INTEGER NOT NULL,
        content_type TEXT NOT NULL,
        charset TEXT,
        url TEXT,
        fetched TEXT,
        hints TEXT NOT NULL
    )""",
    # Articles: ``seq`` is the first-seen order; ``body`` the paragraphs joined by blank
    # lines (the text the full-text index reads); ``data`` the rest of the article as
    # JSON, without sources and with paragraph lengths instead of paragraphs, so the text
    # is stored once; ``minhash`` the near-duplicate signature.  The other columns are
    # copies for indexes and filters.
    """CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        document_id TEXT NOT NULL REFERENCES documents (id),
        title TEXT,
        published_value TEXT,
        published_earliest TEXT,
        published_latest TEXT,
        language TEXT,
        duplicate_of TEXT REFERENCES articles (id),
        minhash BLOB NOT NULL,
        data TEXT NOT NULL,
        body TEXT NOT NULL
    )""",
    """CREATE INDEX articles_published
        ON articles (published_earliest, published_latest, published_value)""",
    # One row per record read: a source ``(uri, record)`` and the document it held, with
    # the record's own metadata so every document can be given back exactly as read.
    """CREATE TABLE sources (
        seq INTEGER PRIMARY KEY,
        uri TEXT NOT NULL,
        record INTEGER NOT NULL,
        document_id TEXT NOT NULL REFERENCES documents (id),
        article_id TEXT REFERENCES articles (id),
        url TEXT,
        fetched TEXT,
        content_type TEXT NOT NULL,
        charset TEXT,
        hints TEXT NOT NULL,
        UNIQUE (uri, record)
    )""",
    "CREATE INDEX sources_article ON sources (article_id)",
    # Full-text search over articles' title and body (external content: the index reads
    # the text from ``articles``, rowid = ``articles.seq``).  Articles never change once
    # stored, so rows are only ever added, in `SQLiteStore`, and need no triggers.
    """CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, body, content = 'articles', content_rowid = 'seq',
        tokenize = 'porter unicode61 remove_diacritics 2'
    )""",
    # Near duplicates: the LSH band keys of each article's MinHash signature.
    # Band rows are derived and written only by `_dedup.add_bands`, all bands of an
    # article in one statement.  They carry no NOT NULL or foreign-key constraints: either
    # makes that statement keep a journal to undo a half-done insert, which tripled its
    # cost (measured).  A rowid table with a separate index was twice as fast as a
    # WITHOUT ROWID table keyed on all three columns.
    """CREATE TABLE dedup_bands (
        band INTEGER,
        key INTEGER,
        article_id TEXT
    )""",
    "CREATE INDEX dedup_bands_key ON dedup_bands (band, key)",
)


def m001_initial(conn: sqlite3.Connection) -> None:
    """Create documents, sources, articles, full-text search and near-duplicate tables."""
    execute_all(conn, _INITIAL)


def m002_timexes(conn: sqlite3.Connection) -> None:
    """Time expressions found in each article's body (offsets into the body)."""
    execute_all(
        conn,
        (
            """CREATE TABLE timexes (
                article_id TEXT NOT NULL REFERENCES articles (id),
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                text TEXT NOT NULL,
                type TEXT NOT NULL,
                value TEXT NOT NULL,
                mod TEXT,
                PRIMARY KEY (article_id, start)
            ) WITHOUT ROWID""",
        ),
    )


_ANALYSIS = (
    # Canonical entities and the resolver's memory of them (aliases, roles, companions).
    """CREATE TABLE entities (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
        articles INTEGER NOT NULL DEFAULT 0, first_seen TEXT, last_seen TEXT
    ) WITHOUT ROWID""",
    """CREATE TABLE entity_aliases (
        entity_id TEXT NOT NULL, name TEXT NOT NULL, viewpoint TEXT, valid_from TEXT,
        valid_to TEXT, evidence_article TEXT, evidence_text TEXT, evidence_start INTEGER,
        evidence_end INTEGER
    )""",
    "CREATE INDEX entity_aliases_entity ON entity_aliases (entity_id)",
    """CREATE TABLE entity_roles (
        entity_id TEXT NOT NULL, role TEXT NOT NULL, date TEXT, article_id TEXT,
        text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL
    )""",
    "CREATE INDEX entity_roles_entity ON entity_roles (entity_id)",
    """CREATE TABLE entity_contexts (
        entity_id TEXT NOT NULL, other_id TEXT NOT NULL, count INTEGER NOT NULL,
        PRIMARY KEY (entity_id, other_id)
    ) WITHOUT ROWID""",
    # Each entity mention of each article, resolved to its canonical entity.
    """CREATE TABLE entity_mentions (
        article_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        text TEXT NOT NULL, entity_id TEXT, kind TEXT NOT NULL,
        PRIMARY KEY (article_id, start)
    ) WITHOUT ROWID""",
    "CREATE INDEX entity_mentions_entity ON entity_mentions (entity_id)",
    # Articles the analysis stages (entities, events, stories, links) have seen.
    "CREATE TABLE analysed (article_id TEXT PRIMARY KEY, seq INTEGER NOT NULL) WITHOUT ROWID",
    # What event clustering keeps of each article (JSON), so state reloads without text.
    "CREATE TABLE signals (article_id TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID",
    """CREATE TABLE events (
        id TEXT PRIMARY KEY, story_id TEXT, earliest TEXT, latest TEXT,
        mentioned_only INTEGER NOT NULL DEFAULT 0, data TEXT NOT NULL
    ) WITHOUT ROWID""",
    "CREATE INDEX events_story ON events (story_id, earliest)",
    """CREATE TABLE event_articles (
        article_id TEXT NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY (article_id, event_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX event_articles_event ON event_articles (event_id)",
    """CREATE TABLE stories (
        id TEXT PRIMARY KEY, last_activity TEXT, size INTEGER NOT NULL, data TEXT NOT NULL
    ) WITHOUT ROWID""",
    "CREATE INDEX stories_activity ON stories (last_activity)",
    # Sentences that mention other happenings, and the links resolved from them.
    """CREATE TABLE event_mentions (
        article_id TEXT NOT NULL, n INTEGER NOT NULL, start INTEGER NOT NULL,
        data TEXT NOT NULL, PRIMARY KEY (article_id, n)
    ) WITHOUT ROWID""",
    """CREATE TABLE links (
        id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, start INTEGER NOT NULL,
        event_id TEXT NOT NULL, kind TEXT NOT NULL, data TEXT NOT NULL
    )""",
    "CREATE INDEX links_article ON links (article_id, start)",
    "CREATE INDEX links_event ON links (event_id)",
    """CREATE TABLE link_targets (
        link_id INTEGER NOT NULL REFERENCES links (id) ON DELETE CASCADE,
        article_id TEXT NOT NULL, PRIMARY KEY (article_id, link_id)
    ) WITHOUT ROWID""",
    # User corrections (aliases, story merges and splits, date fixes): never derived,
    # never cleared by a rebuild, re-applied after every one.
    """CREATE TABLE corrections (
        id INTEGER PRIMARY KEY, kind TEXT NOT NULL, data TEXT NOT NULL, created TEXT NOT NULL
    )""",
)


def m003_analysis(conn: sqlite3.Connection) -> None:
    """Entities, events, stories, event mentions, links and user corrections."""
    execute_all(conn, _ANALYSIS)


def m004_context_referrers(conn: sqlite3.Connection) -> None:
    """Find the entities whose companions include a given one (for entity merges)."""
    conn.execute("CREATE INDEX entity_contexts_other ON entity_contexts (other_id)")


def m005_event_profiles(conn: sqlite3.Connection) -> None:
    """Each event's story-linking profile, so that a run need not re-read its articles."""
    conn.execute(
        "CREATE TABLE event_profiles (event_id TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID"
    )


def m006_cluster_frequencies(conn: sqlite3.Connection) -> None:
    """How many analysed articles hold each clustering term, so that a run starts from
    the archive's word frequencies rather than those of the events it brings back.
    The row of the empty term counts the articles.  Filled from the stored signals."""
    conn.execute(
        "CREATE TABLE cluster_df (term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID"
    )
    counts: dict[str, int] = {}
    documents = 0
    for (data,) in conn.execute("SELECT data FROM signals"):
        signal = json.loads(data)
        if signal.get("duplicate_of"):
            continue
        documents += 1
        for term, _ in signal.get("terms", ()):
            counts[term] = counts.get(term, 0) + 1
    if documents:
        counts[""] = documents
    conn.executemany("INSERT INTO cluster_df (term, n) VALUES (?, ?)", sorted(counts.items()))


def m007_event_threads(conn: sqlite3.Connection) -> None:
    """Each event's thread: the story the linker put it in before small stories were
    folded into larger ones, so that every run folds all stories afresh as one ingest
    would.  A store written before has only the folded story; it stands in."""
    conn.execute("ALTER TABLE events ADD COLUMN thread_id TEXT")
    conn.execute("UPDATE events SET thread_id = story_id")


def m008_duplicate_groups(conn: sqlite3.Connection) -> None:
    """Find the members of a group of near duplicates (to settle its first article)."""
    conn.execute(
        "CREATE INDEX articles_duplicate_of ON articles (duplicate_of)"
        " WHERE duplicate_of IS NOT NULL"
    )


MIGRATIONS: tuple[Migration, ...] = (
    m001_initial,
    m002_timexes,
    m003_analysis,
    m004_context_referrers,
    m005_event_profiles,
    m006_cluster_frequencies,
    m007_event_threads,
    m008_duplicate_groups,
)
"""Every migration, in the order it is applied.  Append new ones; never reorder."""


def check_store(conn: sqlite3.Connection, path: str) -> None:
    """Raise `StoreError` unless ``conn`` holds a storyline store or an empty database.

    Args:
        conn: an open connection to the file.
        path: the file's name, for messages.
    """
    try:
        application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        objects = int(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"{path}: not a SQLite database ({exc}); pass the path of a storyline store "
            "or of a file to create"
        ) from None
    if application_id != APPLICATION_ID and (application_id != 0 or objects > 0):
        raise StoreError(
            f"{path}: a SQLite database, but not a storyline store; "
            "pass a new file name to create one"
        )


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """Return the names of the migrations already applied, oldest first."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'"
    ).fetchone()
    if exists is None:
        return []
    rows = conn.execute("SELECT name FROM migrations ORDER BY rowid").fetchall()
    return [str(name) for (name,) in rows]


def migrate(
    conn: sqlite3.Connection, path: str, migrations: Sequence[Migration] | None = None
) -> list[str]:
    """Apply the migrations the store lacks, each in its own transaction.

    Args:
        conn: a connection in autocommit mode (``isolation_level=None``), not in a
            transaction.
        path: the file's name, for messages.
        migrations: the list to apply; `MIGRATIONS` (read at call time) by default.

    Returns:
        The names of the migrations applied now.

    Raises:
        StoreError: if the store records a migration this code does not know.
    """
    migrations = MIGRATIONS if migrations is None else migrations
    known = [migration.__name__ for migration in migrations]
    if len(set(known)) != len(known):
        raise ValueError(f"migration names must be unique: {known}")
    done = applied_migrations(conn)
    unknown = [name for name in done if name not in known]
    if unknown:
        raise StoreError(
            f"{path}: written by a newer storyline (unknown migrations: {', '.join(unknown)}); "
            "upgrade storyline to open it"
        )
    applied = []
    for migration in migrations:
        name = migration.__name__
        if name in done:
            continue
        if _apply(conn, name, migration):
            applied.append(name)
    return applied


def _apply(conn: sqlite3.Connection, name: str, migration: Migration) -> bool:
    """Run one migration and record it, atomically; return whether it ran.

    The check is repeated under the write lock: another process opening the same new file
    at the same moment may have applied it first.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT)"
        )
        if conn.execute("SELECT 1 FROM migrations WHERE name = ?", (name,)).fetchone():
            conn.execute("ROLLBACK")
            return False
        migration(conn)
        applied_at = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
        conn.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (name, applied_at))
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    logger.info("applied migration %s", name)
    return True

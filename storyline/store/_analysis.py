"""What the analysis stages derive from articles, as the SQLite store keeps it.

Entities (with the resolver's memory as plain rows), per-article entity mentions, event
signals, events, stories, event mentions, links and user corrections.  Everything here
except the corrections can be recomputed from the stored articles (`clear_analysis`);
corrections are the user's own words and are never cleared.

Structured records (events, stories, links) are kept as the JSON of their model
objects next to the few columns that queries filter and sort on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any

from storyline.entities import AliasRow, ContextRow, EntityRow, ResolverState, RoleRow
from storyline.model import Event, MentionLink, Story, TimePoint

# Tables emptied by `clear_analysis`, children before parents.
_DERIVED = (
    "cluster_df",
    "event_profiles",
    "link_targets",
    "links",
    "event_mentions",
    "stories",
    "event_articles",
    "events",
    "signals",
    "analysed",
    "entity_mentions",
    "entity_contexts",
    "entity_roles",
    "entity_aliases",
    "entities",
)

_ENTITY_TABLES: tuple[tuple[str, type[Any]], ...] = (
    ("entities", EntityRow),
    ("entity_aliases", AliasRow),
    ("entity_roles", RoleRow),
    ("entity_contexts", ContextRow),
)


def _columns(row_type: type[Any]) -> list[str]:
    return [f.name for f in dataclasses.fields(row_type)]


def _quoted(names: Sequence[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


@dataclasses.dataclass(frozen=True, slots=True)
class EntityMentionRow:
    """One entity mention of one article: offsets into the body and its canonical entity."""

    text: str
    start: int
    end: int
    entity_id: str | None
    kind: str

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of ``show --json``'s ``entities``."""
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True, slots=True)
class Correction:
    """A stored user correction: ``kind`` (``alias``, ``merge``, ``split``, ``date``) and data."""

    id: int
    kind: str
    data: dict[str, Any]
    created: str


class AnalysisTables:
    """Mixin of `SQLiteStore`: reading and writing the analysis stages' records.

    Writes join the store's open transaction (`_begin`); `commit` makes them durable.
    """

    _conn: sqlite3.Connection

    def _begin(self) -> None:  # pragma: no cover - provided by SQLiteStore
        raise NotImplementedError

    # -- entities --------------------------------------------------------------------

    def put_resolver_state(self, state: ResolverState) -> None:
        """Replace the stored entities and the resolver's rows with ``state``."""
        self._begin()
        for table, _ in _ENTITY_TABLES:
            self._conn.execute(f"DELETE FROM {table}")
        self._insert_entity_rows(state)

    def update_resolver_state(self, state: ResolverState, entity_ids: Collection[str]) -> None:
        """Replace the stored rows of ``entity_ids`` (entities and the resolver's rows
        about them) with those in ``state``; the rows of other entities stay."""
        self._begin()
        ids = sorted(entity_ids)
        for table, _ in _ENTITY_TABLES:
            key = "id" if table == "entities" else "entity_id"
            self._rows_in(f"DELETE FROM {table} WHERE {key} IN ({{marks}})", ids)
        self._insert_entity_rows(state)

    def _insert_entity_rows(self, state: ResolverState) -> None:
        for (table, row_type), rows in zip(
            _ENTITY_TABLES,
            (state.entities, state.aliases, state.roles, state.contexts),
            strict=True,
        ):
            columns = _columns(row_type)
            marks = ", ".join("?" * len(columns))
            self._conn.executemany(
                f"INSERT INTO {table} ({_quoted(columns)}) VALUES ({marks})",
                [tuple(getattr(r, c) for c in columns) for r in rows],
            )

    def get_resolver_state(self, *, contexts: bool = True) -> ResolverState:
        """Return the stored entities and the resolver's rows.

        Without ``contexts`` the companion counts (by far the most rows) are left out,
        for a resolver that reads them one entity at a time (`entity_contexts`).
        """
        parts = []
        for table, row_type in _ENTITY_TABLES:
            if table == "entity_contexts" and not contexts:
                parts.append(())
                continue
            cursor = self._conn.execute(f"SELECT {_quoted(_columns(row_type))} FROM {table}")
            parts.append(tuple(row_type(*row) for row in cursor))
        return ResolverState(*parts)

    def entity_contexts(self, entity_id: str) -> dict[str, int]:
        """Return how often each other entity appeared beside ``entity_id``."""
        rows = self._conn.execute(
            "SELECT other_id, count FROM entity_contexts WHERE entity_id = ?", (entity_id,)
        )
        return dict(rows.fetchall())

    def context_referrers(self, other_id: str) -> list[str]:
        """Return the entities whose stored companions include ``other_id``."""
        rows = self._conn.execute(
            "SELECT entity_id FROM entity_contexts WHERE other_id = ? ORDER BY entity_id",
            (other_id,),
        )
        return [row[0] for row in rows]

    def iter_entity_rows(self, kind: str | None = None) -> Iterator[EntityRow]:
        """Yield canonical entities, most reported first."""
        sql = f"SELECT {_quoted(_columns(EntityRow))} FROM entities"
        params: tuple[str, ...] = ()
        if kind is not None:
            sql += " WHERE kind = ?"
            params = (kind,)
        for row in self._conn.execute(sql + " ORDER BY articles DESC, id", params):
            yield EntityRow(*row)

    def get_entity_rows(
        self, entity_id: str
    ) -> tuple[EntityRow, tuple[AliasRow, ...], tuple[RoleRow, ...]] | None:
        """Return one entity's row with its alias and role rows, or ``None``."""
        found = []
        for table, row_type in _ENTITY_TABLES[:3]:
            key = "id" if table == "entities" else "entity_id"
            cursor = self._conn.execute(
                f"SELECT {_quoted(_columns(row_type))} FROM {table} WHERE {key} = ?",
                (entity_id,),
            )
            found.append(tuple(row_type(*row) for row in cursor))
        entity, aliases, roles = found
        return (entity[0], aliases, roles) if entity else None

    def put_entity_mentions(self, article_id: str, rows: Sequence[EntityMentionRow]) -> None:
        """Replace the entity mentions stored for ``article_id``."""
        self._begin()
        self._conn.execute("DELETE FROM entity_mentions WHERE article_id = ?", (article_id,))
        self._conn.executemany(
            'INSERT OR REPLACE INTO entity_mentions (article_id, start, "end", text,'
            " entity_id, kind) VALUES (?, ?, ?, ?, ?, ?)",
            [(article_id, r.start, r.end, r.text, r.entity_id, r.kind) for r in rows],
        )

    def rename_entities(self, renamed: Mapping[str, str]) -> list[str]:
        """Point stored mentions of merged entities at the entity they merged into.

        Returns:
            The articles that mention a merged entity, whose other records (signals,
            event mentions) name it too.
        """
        self._begin()
        articles: set[str] = set()
        for old in renamed:
            rows = self._conn.execute(
                "SELECT DISTINCT article_id FROM entity_mentions WHERE entity_id = ?", (old,)
            )
            articles.update(row[0] for row in rows)
        self._conn.executemany(
            "UPDATE entity_mentions SET entity_id = ? WHERE entity_id = ?",
            [(new, old) for old, new in renamed.items()],
        )
        return sorted(articles)

    def get_entity_mentions(self, article_id: str) -> list[EntityMentionRow]:
        """Return the entity mentions of ``article_id`` in text order."""
        rows = self._conn.execute(
            'SELECT text, start, "end", entity_id, kind FROM entity_mentions'
            " WHERE article_id = ? ORDER BY start",
            (article_id,),
        )
        return [EntityMentionRow(*row) for row in rows]

    def articles_of_entity(self, entity_id: str, limit: int = 100) -> list[str]:
        """Return ids of articles that mention ``entity_id``."""
        rows = self._conn.execute(
            "SELECT DISTINCT article_id FROM entity_mentions WHERE entity_id = ? LIMIT ?",
            (entity_id, limit),
        )
        return [r[0] for r in rows]

    # -- what has been analysed ------------------------------------------------------

    def unanalysed_articles(self) -> list[str]:
        """Return ids of stored articles the analysis has not seen, in storing order."""
        rows = self._conn.execute(
            "SELECT a.id FROM articles AS a LEFT JOIN analysed AS d ON d.article_id = a.id"
            " WHERE d.article_id IS NULL ORDER BY a.seq"
        )
        return [r[0] for r in rows]

    def settle_duplicates(self, article_ids: Iterable[str]) -> int:
        """Give each group of near duplicates that only ``article_ids`` belong to (none of
        them analysed yet) one first article whatever order its articles were stored in:
        the earliest published, then the least id.  A group that holds an article the
        analysis has seen keeps its first article.  Returns how many groups changed."""
        pending = set(article_ids)
        groups: dict[str, set[str]] = {}
        copies = self._rows_in(
            "SELECT id, duplicate_of FROM articles WHERE id IN ({marks})"
            " AND duplicate_of IS NOT NULL",
            sorted(pending),
        )
        for article_id, first in copies:
            groups.setdefault(first, {first}).add(article_id)
        changed = 0
        for first, members in sorted(groups.items()):
            members.update(
                r[0]
                for r in self._conn.execute(
                    "SELECT id FROM articles WHERE duplicate_of = ?", (first,)
                )
            )
            if not members <= pending:
                continue
            rows = self._rows_in(
                "SELECT id, published_earliest FROM articles WHERE id IN ({marks})",
                sorted(members),
            )
            settled = min(rows, key=lambda r: (r[1] is None, r[1] or "", r[0]))[0]
            if settled == first:
                continue
            self._begin()
            self._conn.execute("UPDATE articles SET duplicate_of = NULL WHERE id = ?", (settled,))
            self._conn.executemany(
                "UPDATE articles SET duplicate_of = ? WHERE id = ?",
                [(settled, m) for m in sorted(members - {settled})],
            )
            changed += 1
        return changed

    def mark_analysed(self, article_ids: Iterable[str]) -> None:
        """Record that the analysis has seen ``article_ids``."""
        self._begin()
        start = self._conn.execute("SELECT COALESCE(MAX(seq), 0) FROM analysed").fetchone()[0]
        self._conn.executemany(
            "INSERT OR IGNORE INTO analysed (article_id, seq) VALUES (?, ?)",
            [(a, start + i + 1) for i, a in enumerate(article_ids)],
        )

    def clear_analysis(self) -> None:
        """Delete everything the analysis derived; keep articles, time and corrections."""
        self._begin()
        for table in _DERIVED:
            self._conn.execute(f"DELETE FROM {table}")

    # -- signals, events, stories ----------------------------------------------------

    def put_signals(self, signals: Iterable[tuple[str, dict[str, Any]]]) -> None:
        """Store each article's event-clustering signal (JSON)."""
        self._put_documents("signals", "article_id", signals)

    def get_signals(self, article_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Return the stored signals of ``article_ids`` that exist."""
        return self._get_documents("signals", "article_id", article_ids)

    def cluster_frequencies(self, terms: Collection[str]) -> dict[str, int]:
        """How many analysed articles hold each of ``terms`` (those any holds); the empty
        term gives the number of articles counted."""
        return dict(self._rows_in("SELECT term, n FROM cluster_df WHERE term IN ({marks})", terms))

    def add_cluster_frequencies(self, counts: Mapping[str, int]) -> None:
        """Add ``counts`` (term → articles, the empty term for the articles counted) to
        the stored clustering frequencies."""
        self._begin()
        self._conn.executemany(
            "INSERT INTO cluster_df (term, n) VALUES (?, ?)"
            " ON CONFLICT (term) DO UPDATE SET n = n + excluded.n",
            sorted(counts.items()),
        )

    def put_event_profiles(self, profiles: Iterable[tuple[str, dict[str, Any]]]) -> None:
        """Store each event's story-linking profile (JSON), replacing earlier ones."""
        self._put_documents("event_profiles", "event_id", profiles)

    def get_event_profiles(self, event_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Return the stored story-linking profiles of ``event_ids`` that exist."""
        return self._get_documents("event_profiles", "event_id", event_ids)

    def _put_documents(
        self, table: str, key: str, rows: Iterable[tuple[str, dict[str, Any]]]
    ) -> None:
        """Store JSON ``(id, data)`` rows in a ``(key, data)`` table, replacing by id."""
        self._begin()
        self._conn.executemany(
            f"INSERT OR REPLACE INTO {table} ({key}, data) VALUES (?, ?)",
            [(i, json.dumps(d, ensure_ascii=False)) for i, d in rows],
        )

    def _get_documents(self, table: str, key: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Return id → JSON data for the ``ids`` a ``(key, data)`` table holds."""
        rows = self._rows_in(f"SELECT {key}, data FROM {table} WHERE {key} IN ({{marks}})", ids)
        return {i: json.loads(d) for i, d in rows}

    def _rows_in(self, sql: str, ids: Collection[str]) -> list[Any]:
        """Run ``sql``, whose ``{marks}`` stands for a list of ids, over ``ids`` 500 at a
        time (SQLite bounds the parameters of one statement); return all its rows."""
        rows: list[Any] = []
        for chunk in _chunked(list(ids), 500):
            marks = ", ".join("?" * len(chunk))
            rows.extend(self._conn.execute(sql.format(marks=marks), chunk))
        return rows

    def put_events(self, events: Iterable[tuple[Event, str | None]]) -> None:
        """Store events (replacing those with the same id) with their story ids."""
        self._begin()
        for event, story_id in events:
            earliest, latest = _span(event.time)
            # An upsert, not a replacement: the event's thread (`put_event_threads`) stays.
            self._conn.execute(
                "INSERT INTO events (id, story_id, earliest, latest, mentioned_only, data)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                " story_id = excluded.story_id, earliest = excluded.earliest,"
                " latest = excluded.latest, mentioned_only = excluded.mentioned_only,"
                " data = excluded.data",
                (
                    event.id,
                    story_id,
                    earliest,
                    latest,
                    int(event.mentioned_only),
                    json.dumps(event.to_dict(), ensure_ascii=False),
                ),
            )
            self._conn.execute("DELETE FROM event_articles WHERE event_id = ?", (event.id,))
            self._conn.executemany(
                "INSERT OR IGNORE INTO event_articles (article_id, event_id) VALUES (?, ?)",
                [(a, event.id) for a in event.articles],
            )

    def delete_events(self, event_ids: Iterable[str]) -> None:
        """Delete events that no longer exist (merged into others)."""
        self._begin()
        for event_id in event_ids:
            self._conn.execute("DELETE FROM event_articles WHERE event_id = ?", (event_id,))
            self._conn.execute("DELETE FROM event_profiles WHERE event_id = ?", (event_id,))
            self._conn.execute("DELETE FROM events WHERE id = ?", (event_id,))

    def get_event(self, event_id: str) -> Event | None:
        """Return the event ``event_id`` or ``None``."""
        row = self._conn.execute("SELECT data FROM events WHERE id = ?", (event_id,)).fetchone()
        return Event.from_dict(json.loads(row[0])) if row else None

    def story_of_event(self, event_id: str) -> str | None:
        """Return the id of the story holding ``event_id``."""
        row = self._conn.execute("SELECT story_id FROM events WHERE id = ?", (event_id,)).fetchone()
        return row[0] if row else None

    def event_stories(self) -> dict[str, tuple[str | None, str | None]]:
        """Return event id → (story id, thread id) for every stored event."""
        rows = self._conn.execute("SELECT id, story_id, thread_id FROM events")
        return {event_id: (story, thread) for event_id, story, thread in rows}

    def put_event_threads(self, threads: Iterable[tuple[str, str]]) -> None:
        """Set the thread (the story before folding) of stored events: (event id, thread id)."""
        self._begin()
        self._conn.executemany(
            "UPDATE events SET thread_id = ? WHERE id = ?", [(t, e) for e, t in threads]
        )

    def iter_events(
        self, story: str | None = None, *, include_mentioned: bool = True
    ) -> Iterator[Event]:
        """Yield events by event time (undated last), optionally of one story."""
        where, params = [], []
        if story is not None:
            where.append("story_id = ?")
            params.append(story)
        if not include_mentioned:
            where.append("mentioned_only = 0")
        sql = "SELECT data FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY earliest IS NULL, earliest, id"
        for (data,) in self._conn.execute(sql, params):
            yield Event.from_dict(json.loads(data))

    def iter_events_active_between(self, low: str, high: str) -> Iterator[Event]:
        """Yield reported events whose time reaches into ``low``…``high`` (ISO dates) or
        that have an article published then: a long-running event is still taking
        reports weeks after its own day, and an event whose reports disagree on a day has
        no time at all."""
        rows = self._conn.execute(
            "SELECT data FROM events WHERE id IN ("
            " SELECT id FROM events WHERE mentioned_only = 0 AND latest >= ? AND earliest <= ?"
            " UNION SELECT event_articles.event_id FROM articles"
            " JOIN event_articles ON event_articles.article_id = articles.id"
            " WHERE articles.published_earliest BETWEEN ? AND ?"
            ") AND mentioned_only = 0 ORDER BY earliest, id",
            (low, high, low, high),
        )
        for (data,) in rows:
            yield Event.from_dict(json.loads(data))

    def entity_kinds(self) -> dict[str, str]:
        """Return entity id → kind for every canonical entity."""
        return dict(self._conn.execute("SELECT id, kind FROM entities").fetchall())

    def events_of_article(self, article_id: str) -> list[str]:
        """Return the ids of the events ``article_id`` reports."""
        rows = self._conn.execute(
            "SELECT event_id FROM event_articles WHERE article_id = ?", (article_id,)
        )
        return [r[0] for r in rows]

    def put_stories(self, stories: Iterable[Story]) -> None:
        """Store stories, replacing those with the same id."""
        self._begin()
        self._conn.executemany(
            "INSERT OR REPLACE INTO stories (id, last_activity, size, data) VALUES (?, ?, ?, ?)",
            [
                (s.id, s.end, len(s.articles), json.dumps(s.to_dict(), ensure_ascii=False))
                for s in stories
            ],
        )

    def delete_stories(self, story_ids: Iterable[str]) -> None:
        """Delete stories that no longer exist."""
        self._begin()
        self._conn.executemany("DELETE FROM stories WHERE id = ?", [(s,) for s in story_ids])

    def get_story(self, story_id: str) -> Story | None:
        """Return the story ``story_id`` or ``None``."""
        row = self._conn.execute("SELECT data FROM stories WHERE id = ?", (story_id,)).fetchone()
        return Story.from_dict(json.loads(row[0])) if row else None

    def iter_stories(self, order: str = "activity") -> Iterator[Story]:
        """Yield stories, most recent activity first (or largest first: ``order="size"``)."""
        if order == "size":
            sql = "SELECT data FROM stories ORDER BY size DESC, last_activity DESC, id"
        else:
            sql = (
                "SELECT data FROM stories ORDER BY last_activity IS NULL, last_activity DESC,"
                " size DESC, id"
            )
        rows = self._conn.execute(sql)
        for (data,) in rows:
            yield Story.from_dict(json.loads(data))

    # -- event mentions and links ----------------------------------------------------

    def put_event_mentions(self, article_id: str, mentions: Sequence[dict[str, Any]]) -> None:
        """Replace the event mentions (JSON) stored for ``article_id``."""
        self._begin()
        self._conn.execute("DELETE FROM event_mentions WHERE article_id = ?", (article_id,))
        self._conn.executemany(
            "INSERT INTO event_mentions (article_id, n, start, data) VALUES (?, ?, ?, ?)",
            [
                (article_id, n, m["start"], json.dumps(m, ensure_ascii=False))
                for n, m in enumerate(mentions)
            ],
        )

    def get_event_mentions(self, article_id: str) -> list[dict[str, Any]]:
        """Return the event mentions (JSON) stored for ``article_id``, in text order."""
        rows = self._conn.execute(
            "SELECT data FROM event_mentions WHERE article_id = ? ORDER BY n", (article_id,)
        )
        return [json.loads(data) for (data,) in rows]

    def iter_event_mentions(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Yield ``(article_id, mention)`` for every stored event mention."""
        rows = self._conn.execute(
            "SELECT article_id, data FROM event_mentions ORDER BY article_id, n"
        )
        for article_id, data in rows:
            yield article_id, json.loads(data)

    def replace_links(self, links: Iterable[MentionLink], article_ids: Iterable[str]) -> None:
        """Replace every link from ``article_ids`` with ``links``.

        Articles whose links come out the same as stored are left as they are: links are
        re-resolved for the whole archive on every run, and most do not change.
        """
        self._begin()
        wanted: dict[str, list[tuple[MentionLink, str]]] = {a: [] for a in article_ids}
        for link in links:
            data = json.dumps(link.to_dict(), ensure_ascii=False)
            wanted.setdefault(link.article_id, []).append((link, data))
        stored: dict[str, list[str]] = defaultdict(list)
        for article_id, data in self._conn.execute("SELECT article_id, data FROM links"):
            stored[article_id].append(data)
        for article_id, rows in wanted.items():
            if sorted(data for _, data in rows) == sorted(stored.get(article_id, ())):
                continue
            self._conn.execute(
                "DELETE FROM link_targets WHERE link_id IN"
                " (SELECT id FROM links WHERE article_id = ?)",
                (article_id,),
            )
            self._conn.execute("DELETE FROM links WHERE article_id = ?", (article_id,))
            for link, data in rows:
                cursor = self._conn.execute(
                    "INSERT INTO links (article_id, start, event_id, kind, data)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (link.article_id, link.start, link.event, link.kind, data),
                )
                self._conn.executemany(
                    "INSERT OR IGNORE INTO link_targets (link_id, article_id) VALUES (?, ?)",
                    [(cursor.lastrowid, a) for a in link.articles],
                )

    def links_by_article(self) -> dict[str, list[MentionLink]]:
        """Return every stored link by article, in text order."""
        found: dict[str, list[MentionLink]] = defaultdict(list)
        rows = self._conn.execute(
            "SELECT article_id, data FROM links ORDER BY article_id, start, id"
        )
        for article_id, data in rows:
            found[article_id].append(MentionLink.from_dict(json.loads(data)))
        return dict(found)

    def get_links(self, article_id: str) -> list[MentionLink]:
        """Return the links from ``article_id``, in text order."""
        rows = self._conn.execute(
            "SELECT data FROM links WHERE article_id = ? ORDER BY start, id", (article_id,)
        )
        return [MentionLink.from_dict(json.loads(d)) for (d,) in rows]

    def get_backlinks(self, article_id: str) -> list[MentionLink]:
        """Return the links from other articles whose coverage includes ``article_id``."""
        rows = self._conn.execute(
            "SELECT l.data FROM link_targets AS t JOIN links AS l ON l.id = t.link_id"
            " WHERE t.article_id = ? AND l.article_id != ? ORDER BY l.article_id, l.start",
            (article_id, article_id),
        )
        return [MentionLink.from_dict(json.loads(d)) for (d,) in rows]

    def links_to_event(self, event_id: str) -> list[MentionLink]:
        """Return every link to ``event_id``."""
        rows = self._conn.execute(
            "SELECT data FROM links WHERE event_id = ? ORDER BY article_id, start", (event_id,)
        )
        return [MentionLink.from_dict(json.loads(d)) for (d,) in rows]

    def set_published(self, article_id: str, published: TimePoint | None) -> bool:
        """Replace the publication date of ``article_id``; return whether it exists."""
        self._begin()
        cursor = self._conn.execute(
            "UPDATE articles SET published_value = ?, published_earliest = ?,"
            " published_latest = ?, data = json_set(data, '$.published', json(?))"
            " WHERE id = ?",
            (
                published.value if published else None,
                *_span(published),
                json.dumps(published.to_dict() if published else None),
                article_id,
            ),
        )
        return cursor.rowcount > 0

    # -- corrections -----------------------------------------------------------------

    def add_correction(self, kind: str, data: dict[str, Any]) -> int:
        """Store a user correction; return its id."""
        self._begin()
        created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        cursor = self._conn.execute(
            "INSERT INTO corrections (kind, data, created) VALUES (?, ?, ?)",
            (kind, json.dumps(data, ensure_ascii=False), created),
        )
        return int(cursor.lastrowid or 0)

    def iter_corrections(self, kind: str | None = None) -> Iterator[Correction]:
        """Yield stored corrections in the order they were made."""
        sql = "SELECT id, kind, data, created FROM corrections"
        params: tuple[str, ...] = ()
        if kind is not None:
            sql, params = sql + " WHERE kind = ?", (kind,)
        for cid, ckind, data, created in self._conn.execute(sql + " ORDER BY id", params):
            yield Correction(cid, ckind, json.loads(data), created)


def _span(time: TimePoint | None) -> tuple[str | None, str | None]:
    return (time.earliest, time.latest) if time else (None, None)


def _chunked(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]

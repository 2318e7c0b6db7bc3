"""What the archive-wide stages derived, as the `Library` shows and corrects it.

`ArchiveViews` is the part of `storyline.library.Library` that reads events, stories,
links, timelines and entities, and records the user's corrections (story merges and
splits, aliases, date fixes), which are kept apart from derived data and re-applied
after every rebuild.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Sequence

from storyline.analysis import StoryStep, anchor_of, apply_aliases, user_date
from storyline.entities import Alias, AliasRegistry, Entity, EntityInfo, role_spans
from storyline.errors import StorylineError, UsageError
from storyline.events import most_mentioned
from storyline.model import Article, Event, MentionLink, Story, Timeline
from storyline.store import SearchHit, SQLiteStore
from storyline.stories import Correction
from storyline.time import sentence_times, tag


class ArchiveViews:
    """Events, stories, links, timelines, entities and corrections of one store."""

    store: SQLiteStore

    def get(self, article_id: str) -> Article | None:
        """Return the article ``article_id`` with all its sources, or ``None``."""
        return self.store.get_article(article_id)

    def articles(self, since: str | None = None, until: str | None = None) -> Iterator[Article]:
        """Yield stored articles in publication order, optionally within a date range."""
        return self.store.iter_articles(since=since, until=until)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Return the articles best matching ``query``, best first (BM25)."""
        return self.store.search(query, limit=limit)

    # -- events, stories, links, timelines ----------------------------------------------

    def events(self, *, story: str | None = None, limit: int | None = None) -> Iterator[Event]:
        """Yield events in order of event time, optionally those of one story."""
        return itertools.islice(self.store.iter_events(story), limit)

    def event(self, event_id: str) -> Event | None:
        """Return the event ``event_id`` or ``None``."""
        return self.store.get_event(event_id)

    def stories(self, *, limit: int | None = None, sort: str = "activity") -> Iterator[Story]:
        """Yield stories, most recent activity first, or most articles first (``"size"``)."""
        return itertools.islice(self.store.iter_stories(sort), limit)

    def story(self, story_id: str) -> Story | None:
        """Return the story ``story_id`` or ``None``."""
        return self.store.get_story(story_id)

    def story_of_article(self, article_id: str) -> Story | None:
        """Return the story an article belongs to (through its event), or ``None``."""
        for event_id in self.store.events_of_article(article_id):
            story_id = self.store.story_of_event(event_id)
            if story_id is not None:
                return self.store.get_story(story_id)
        return None

    def links(self, article_id: str) -> list[MentionLink]:
        """Return the mention links from an article, in text order."""
        return self.store.get_links(article_id)

    def backlinks(self, article_id: str) -> list[MentionLink]:
        """Return the links from other articles to the coverage this article is part of."""
        return self.store.get_backlinks(article_id)

    def timeline(self, story_id: str, *, mentioned: int | None = None) -> Timeline:
        """Return the timeline of a story: its events in order of event time.

        Args:
            story_id: the story.
            mentioned: keep only this many of the happenings its articles only mention,
                those most articles mention (`most_mentioned`); all when ``None``.

        Raises:
            StorylineError: if there is no such story.
        """
        from storyline.timelines import story_timeline

        story = self._story_or_error(story_id)
        events = list(self.store.iter_events(story_id))
        if mentioned is not None:
            events = most_mentioned(events, mentioned)
        article_ids = {a for e in events for a in (*e.articles, *e.mentioned_by)}
        articles = {a.id: a for i in sorted(article_ids) if (a := self.get(i)) is not None}
        links = [link for a in sorted(article_ids) for link in self.store.get_links(a)]
        reported = {a for e in events if not e.mentioned_only for a in e.articles}
        times = {
            a: sentence_times(article.body, self.store.get_timexes(a), anchor_of(article.published))
            for a, article in articles.items()
            if a in reported
        }
        return story_timeline(story, events, articles=articles, links=links, sentence_times=times)

    def query_timeline(
        self,
        query: str,
        *,
        dates: int = 10,
        sentences_per_date: int = 1,
        limit: int = 1000,
    ) -> Timeline:
        """Return a timeline summarising the articles that best match ``query``."""
        from storyline.timelines import summarise_articles

        hits = self.search(query, limit=limit)
        articles = [h.article for h in hits if h.article.published is not None]
        return summarise_articles(
            articles, dates=dates, sentences_per_date=sentences_per_date, query=query
        )

    def articles_timeline(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        dates: int = 10,
        sentences_per_date: int = 1,
    ) -> Timeline:
        """Return a timeline summarising every dated article (optionally within dates).

        This is the mode for one topic's articles: ingest them into a store of their
        own and ask for the number of dates and sentences per date wanted; ``since``
        and ``until`` also bound the dates the timeline may choose.
        """
        from storyline.timelines import summarise_articles

        articles = [a for a in self.articles(since=since, until=until) if a.published is not None]
        return summarise_articles(
            articles,
            dates=dates,
            sentences_per_date=sentences_per_date,
            start=since,
            end=until,
        )

    def entity_timeline(self, entity_id: str) -> Timeline:
        """Return the timeline of the events an entity takes part in.

        Raises:
            StorylineError: if there is no such entity.
        """
        from storyline.timelines import entity_timeline

        info = self.entity(entity_id)
        if info is None:
            raise StorylineError(
                f"no entity with id {entity_id!r}; list ids with 'storyline entities'"
            )
        events = [e for e in self.store.iter_events() if entity_id in (*e.who, *e.where)]
        article_ids = sorted({a for e in events for a in e.articles})
        articles = {a.id: a for i in article_ids if (a := self.get(i)) is not None}
        return entity_timeline(entity_id, events, articles=articles, title=info.entity.name)

    @staticmethod
    def render_timeline(timeline: Timeline, fmt: str) -> str:
        """Write ``timeline`` in one of `storyline.timelines.FORMATS`."""
        from storyline.timelines import render

        return render(timeline, fmt)

    # -- corrections -------------------------------------------------------------------

    def merge_stories(self, story_a: str, story_b: str) -> Story:
        """Merge story ``story_b`` into ``story_a``; the merge survives every rebuild."""
        stories = [self._story_or_error(story_a), self._story_or_error(story_b)]
        if story_a == story_b:
            raise UsageError("a story cannot be merged with itself")
        self._correct_stories("merge", (story_a, story_b), stories[1].events)
        return self._story_or_error(story_a)

    def split_story(self, story_id: str, events: Sequence[str]) -> Story:
        """Move ``events`` out of a story into a new one; return the new story."""
        story = self._story_or_error(story_id)
        unknown = sorted(set(events) - set(story.events))
        if not events or unknown:
            raise UsageError(
                f"--events must name events of {story_id}; not in it: {', '.join(unknown)}"
                if unknown
                else "name at least one event to split off"
            )
        if set(events) >= set(story.events):
            raise UsageError("a split must leave at least one event in the story")
        self._correct_stories("split", (story_id,), tuple(events))
        new_id = self.store.story_of_event(events[0])
        return self._story_or_error(new_id or story_id)

    def fix_date(self, article_id: str, date: str) -> Article:
        """Set an article's publication date by hand; kept through every rebuild."""
        article = self.get(article_id)
        if article is None:
            raise StorylineError(f"no article with id {article_id!r}")
        published = user_date(date)
        self.store.add_correction("date", {"article": article_id, "date": date})
        self.store.set_published(article_id, published)
        self.store.put_timexes(article_id, tag(article.body, anchor_of(published)))
        self.store.commit()
        return self.get(article_id) or article

    def _story_or_error(self, story_id: str) -> Story:
        story = self.store.get_story(story_id)
        if story is None:
            raise StorylineError(
                f"no story with id {story_id!r}; list ids with 'storyline stories'"
            )
        return story

    def _correct_stories(
        self, action: str, stories: tuple[str, ...], events: Sequence[str]
    ) -> None:
        at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        correction = Correction(action, stories, tuple(events), at)
        self.store.add_correction("story", correction.to_dict())
        mentioned = [e for e in self.store.iter_events() if e.mentioned_only]
        StoryStep(self.store).save([], mentioned)
        self.store.commit()

    # -- entities ----------------------------------------------------------------------

    def entities(
        self, *, kind: str | None = None, limit: int | None = None
    ) -> Iterator[EntityInfo]:
        """Yield canonical entities, most reported first."""
        for count, row in enumerate(self.store.iter_entity_rows(kind)):
            if limit is not None and count >= limit:
                return
            info = self.entity(row.id)
            if info is not None:
                yield info

    def entity(self, entity_id: str) -> EntityInfo | None:
        """Return the entity ``entity_id`` with its aliases and roles, or ``None``."""
        found = self.store.get_entity_rows(entity_id)
        if found is None:
            return None
        row, aliases, roles = found
        entity = Entity(
            row.id,
            row.name,
            row.kind,
            tuple(Alias(a.name, a.viewpoint, a.valid_from, a.valid_to) for a in aliases),
            role_spans(roles),
        )
        return EntityInfo(entity, row.articles, row.first_seen, row.last_seen)

    def entity_mentions(self, article_id: str) -> list[dict[str, object]]:
        """Return the entity mentions of an article: text, offsets, entity id, kind."""
        return [m.to_dict() for m in self.store.get_entity_mentions(article_id)]

    def add_alias(
        self,
        canonical: str,
        alias: str,
        viewpoint: str | None = None,
        *,
        valid_from: str | None = None,
        valid_to: str | None = None,
    ) -> bool:
        """Record a user alias of the entity ``canonical`` (an id or one of its names).

        The alias is kept as a correction, so it survives every rebuild.  Returns whether
        the entity is already known (if not, the alias waits until it appears).
        """
        if not canonical.strip() or not alias.strip():
            raise UsageError("an alias needs both a canonical entity and a name")
        data = {
            "canonical": canonical.strip(),
            "alias": alias.strip(),
            "viewpoint": viewpoint,
            "valid_from": valid_from,
            "valid_to": valid_to,
        }
        self.store.add_correction("alias", data)
        return canonical.strip() not in apply_aliases(self.store)

    def aliases(self) -> AliasRegistry:
        """Return every alias the archive knows (learned and user-added)."""
        return AliasRegistry(self.store.get_resolver_state(contexts=False).aliases)

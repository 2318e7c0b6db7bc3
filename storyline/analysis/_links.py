"""Links step of the analysis: event mentions, their resolution, related coverage, dates."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

from storyline.entities import (
    ArticleEntities,
    renamed_ids,
)
from storyline.links import (
    EventIndex,
    content_words,
    find_event_mentions,
    group_mentioned,
    mentioned_event,
    narrow_published,
    related_links,
    resolve_mentions,
)
from storyline.model import (
    Article,
    Event,
    EventMention,
    MentionLink,
    Provenance,
    TimePoint,
    Timex,
)
from storyline.store import SQLiteStore
from storyline.time import sentence_times, tag

logger = logging.getLogger(__name__)


def narrow_dates(
    store: SQLiteStore, article_ids: Sequence[str], links: Sequence[MentionLink]
) -> int:
    """Narrow the inferred dates of articles from what their links tie them to.

    The new date and the re-anchored time expressions are stored at once; events and
    stories take the new date at the next `rebuild`.  Returns how many were narrowed.
    """
    by_article: dict[str, list[MentionLink]] = defaultdict(list)
    for link in links:
        by_article[link.article_id].append(link)
    narrowed = 0
    for article_id in article_ids:
        article = store.get_article(article_id)
        # Only narrow an inferred interval: an undated article's own event may be one
        # it joined on words alone, and would date it from nothing.
        if article is None or article.published is None:
            continue
        if article.published.provenance != Provenance.INFERRED:
            continue
        own = by_article.get(article_id, [])
        wanted = {link.event for link in own} | set(store.events_of_article(article_id))
        events = {e: event for e in wanted if e and (event := store.get_event(e)) is not None}
        # An event reported by this article alone took its time from this very date.
        events = {e: v for e, v in events.items() if set(v.articles) - {article_id}}
        published = narrow_published(article, own, events)
        if published is None:
            continue
        current = article.published
        if published.earliest <= current.value[:10] <= published.latest:
            # Still inside: keep the day the text pointed to, with the narrower bounds.
            published = dataclasses.replace(
                published,
                value=current.value,
                granularity=current.granularity,
                evidence=(*current.evidence, *published.evidence),
            )
        store.set_published(article_id, published)
        store.put_timexes(article_id, tag(article.body, anchor_of(published)))
        narrowed += 1
    return narrowed


def anchor_of(published: TimePoint | None) -> str | None:
    """A day (or an exact time) to resolve relative expressions against, or ``None``.

    An exact publication time as it is; else `TimePoint.likely_day`.
    """
    if published is None:
        return None
    if published.earliest == published.latest and len(published.value) >= 10:
        return published.value
    return published.likely_day()


class LinkStep:
    """Find event mentions in new articles; resolve every stored mention to the archive.

    Every stored mention is reconsidered on each run, so a mention made before the
    archive held the coverage it refers to is linked once the coverage arrives.  Only
    the mentions that a run can have changed are scored again: those of the new
    articles, and those whose time overlaps an event that gained articles in this run
    (before or after it changed) or whose link points at such an event.  The others keep
    the links they had, which is what scoring them again would give.
    """

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store
        self.fresh: list[Article] = []
        self.detected: set[str] = set()

    def detect(
        self,
        article: Article,
        timexes: Sequence[Timex],
        found: ArticleEntities,
        mapping: Mapping[str, str],
    ) -> None:
        """Find and store the event mentions of one article."""
        sentences = sentence_times(article.body, timexes, anchor_of(article.published))
        mentions = find_event_mentions(
            article, timexes=timexes, sentences=sentences, entities=found, entity_ids=mapping
        )
        self.store.put_event_mentions(article.id, [m.to_dict() for m in mentions])
        self.detected.add(article.id)
        if article.related:
            self.fresh.append(article)

    def rename(self, renamed: Mapping[str, str], articles: Sequence[str]) -> None:
        """Follow entity merges: rewrite the stored event mentions of ``articles`` to
        name the entities merged ones went into, and score them again."""
        for article_id in articles:
            mentions = [
                EventMention.from_dict(data) for data in self.store.get_event_mentions(article_id)
            ]
            self.store.put_event_mentions(
                article_id,
                [
                    dataclasses.replace(
                        m,
                        participants=renamed_ids(m.participants, renamed),
                        place=renamed.get(m.place, m.place) if m.place else None,
                    ).to_dict()
                    for m in mentions
                ],
            )
            self.detected.add(article_id)

    def resolve(
        self, changed: Sequence[Event] | None = None, before: Sequence[Event] = ()
    ) -> tuple[list[MentionLink], list[Event]]:
        """Link every stored mention (and new related-coverage entries); store the links.

        Args:
            changed: the events that gained articles in this run, as stored now; with
                ``None`` every mention is scored again.
            before: the same events as they were stored before this run.

        Returns:
            The mention links and the mentioned-only events they created.
        """
        # One read of the stored events and links serves the index, the replay of
        # unchanged articles, the related coverage kept and the stale-event cleanup.
        index = EventIndex()
        mentioned_only: set[str] = set()
        for event in self.store.iter_events():
            if event.mentioned_only:
                mentioned_only.add(event.id)
            else:
                _index(index, event)
        stored = self.store.links_by_article()
        by_article: dict[str, list[EventMention]] = defaultdict(list)
        for article_id, data in self.store.iter_event_mentions():
            by_article[article_id].append(EventMention.from_dict(data))
        replay = self._replayable(changed, before, stored, mentioned_only)
        links: list[MentionLink] = []
        created: dict[str, Event] = {}
        for article_id in sorted(by_article):
            mentions = by_article[article_id]
            previous = replay(article_id, mentions) if replay else None
            found, events = previous or resolve_mentions(mentions, index)
            links.extend(found)
            for event in events:
                created[event.id] = _join_mentions(created.get(event.id), event)
        links, mentioned = group_mentioned(links, list(created.values()))
        related = [
            self._with_event(link)
            for article in self.fresh
            for link in related_links(article, self._find_related)
        ]
        fresh = {a.id for a in self.fresh}
        kept = [
            link
            for article_id in sorted(by_article)
            if article_id not in fresh
            for link in stored.get(article_id, ())
            if link.kind == "related"
        ]
        self.store.delete_events(e for e in mentioned_only if e not in created)
        self.store.replace_links(
            [*links, *related, *kept], {*by_article, *(a.id for a in self.fresh)}
        )
        return links, mentioned

    def _replayable(
        self,
        changed: Sequence[Event] | None,
        before: Sequence[Event],
        stored: Mapping[str, Sequence[MentionLink]],
        mentioned_only: set[str],
    ) -> Callable[[str, Sequence[EventMention]], _Resolved | None] | None:
        """Return a function giving an article's links as stored, when scoring its
        mentions again could not change them (else ``None``); ``None`` for a full run.

        ``stored`` holds every stored link by article; ``mentioned_only`` the ids of the
        stored mentioned-only events."""
        if changed is None:
            return None
        touched = EventIndex()
        for event in (*changed, *before):
            _index(touched, event)
        changed_ids = {e.id for e in changed}

        def replay(article_id: str, mentions: Sequence[EventMention]) -> _Resolved | None:
            old = [link for link in stored.get(article_id, ()) if link.kind == "mention"]
            if article_id in self.detected or len(old) != len(mentions):
                return None
            if any(a.start != m.start for a, m in zip(old, mentions, strict=True)):
                return None
            if any(link.event in changed_ids for link in old):
                return None
            if any(touched.entries(m) for m in mentions):
                return None
            return _replayed(mentions, old, mentioned_only)

        return replay

    def _with_event(self, link: MentionLink) -> MentionLink:
        """A related-coverage link found in the archive points at that article's event."""
        for article_id in link.articles:
            for event_id in self.store.events_of_article(article_id):
                return dataclasses.replace(link, event=event_id)
        return link

    def _find_related(self, headline: str, date: str | None) -> list[str]:
        """Archive articles a related-coverage entry names: a like headline, near its date."""
        found = []
        words = content_words(headline)
        for hit in self.store.search(headline, limit=10):
            article = hit.article
            overlap = len(words & content_words(article.title or "")) / max(1, len(words))
            near = date is not None and _near(article.published, date)
            if overlap >= RELATED_TITLE_OVERLAP and (near or date is None):
                found.append(article.id)
        return found


_Resolved = tuple[Sequence[MentionLink], Sequence[Event]]


def _index(index: EventIndex, event: Event) -> None:
    text = " ".join((event.title, *(e.text for e in event.evidence)))
    index.add(event, participants=(*event.who, *event.where), text=text)


def _replayed(
    mentions: Sequence[EventMention], links: Sequence[MentionLink], mentioned_only: set[str]
) -> _Resolved:
    """An article's links and mentioned-only events as `resolve_mentions` made them last
    time: links to archive events as stored; a link to a mentioned-only event points
    again at the mention's own one, which grouping joins as before."""
    out: list[MentionLink] = []
    created: dict[str, Event] = {}
    for mention, link in zip(mentions, links, strict=True):
        if link.event not in mentioned_only:
            out.append(link)
            continue
        event = mentioned_event(mention)
        # One article: a second mention of the same happening adds nothing to it.
        event = created.setdefault(event.id, event)
        out.append(dataclasses.replace(link, event=event.id))
    return out, list(created.values())


RELATED_TITLE_OVERLAP = 0.5
"""Share of a related entry's headline words an archive title must have: related blocks
often quote a shorter or edited headline of the same story."""
RELATED_DAYS = 3
"""How far an archive article's date may be from a related entry's date."""


def _near(published: TimePoint | None, date: str) -> bool:
    if published is None:
        return False
    try:
        day = dt.date.fromisoformat(date[:10])
        low = dt.date.fromisoformat(published.earliest[:10])
        high = dt.date.fromisoformat(published.latest[:10])
    except ValueError:
        return False
    slack = dt.timedelta(days=RELATED_DAYS)
    return low - slack <= day <= high + slack


def _join_mentions(known: Event | None, event: Event) -> Event:
    """Two articles mentioning one happening share its mentioned-only event."""
    if known is None:
        return event
    return dataclasses.replace(
        known,
        mentioned_by=tuple(dict.fromkeys((*known.mentioned_by, *event.mentioned_by))),
        evidence=(*known.evidence, *event.evidence),
    )

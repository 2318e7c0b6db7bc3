"""The stages after extraction, run over the articles a store has not analysed yet.

Ingest stores articles with their time expressions; `analyse` then takes every article
the analysis has not seen, in publication order, through the archive-wide stages:

1. **entities** — mentions resolved to canonical entities by one `EntityResolver` whose
   memory lives in the store, with the user's aliases applied first;
2. **events** and **stories** — online clustering, restored from stored signals;
3. **links** — event mentions resolved against every stored event, related-coverage
   entries against stored articles;
4. **dates** — undated articles re-dated from what the archive now knows.

Each step only reads what earlier steps stored, so the same function serves an
incremental ingest (a few new articles) and a full `rebuild` (every article, after
`clear_analysis`), and both end in the same state.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass

from storyline.entities import (
    Alias,
    AliasRow,
    ArticleEntities,
    EntityResolver,
    ResolverState,
    extract_entities,
    normalize_key,
)
from storyline.errors import UsageError
from storyline.events import EventClusterer, Signal, article_signal, describe_event
from storyline.links import (
    EventIndex,
    content_words,
    find_event_mentions,
    group_mentioned,
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
    Story,
    StoryChange,
    TimePoint,
    Timex,
)
from storyline.store import SQLiteStore
from storyline.store._analysis import EntityMentionRow
from storyline.stories import Correction, StoryLinker, apply_corrections, build_story, stable_ids
from storyline.time import sentence_times, tag
from storyline.timelines import point_from_value

logger = logging.getLogger(__name__)

_USER_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass(frozen=True, slots=True)
class AnalysisReport:
    """What one analysis run did."""

    articles: int = 0
    entities: int = 0
    events: int = 0
    stories: int = 0
    links: int = 0
    redated: int = 0
    pending_aliases: tuple[str, ...] = ()
    """User aliases whose canonical entity the archive does not hold yet."""


def analyse(
    store: SQLiteStore, *, previous_stories: Mapping[str, Collection[str]] | None = None
) -> AnalysisReport:
    """Run the analysis stages over every article of ``store`` not analysed yet.

    Args:
        store: the archive.
        previous_stories: story id → event ids as they were before a rebuild, so that
            the new stories keep the ids of the old ones they overlap most.
    """
    pending = store.unanalysed_articles()
    if not pending:
        return AnalysisReport()
    entities = EntityStep(store)
    events = EventStep(store, pending)
    links = LinkStep(store)
    done: list[str] = []
    for article in _in_date_order(store, set(pending)):
        timexes = store.get_timexes(article.id)
        found, mapping = entities.add(article)
        events.add(article, timexes, ranked_entities(found, mapping))
        links.detect(article, timexes, found, mapping)
        done.append(article.id)
    entities.save()
    reported = events.save()
    # Stored before linking so that mentions can resolve to them.
    store.put_events((e, store.story_of_event(e.id)) for e in reported)
    found_links, mentioned = links.resolve()
    stories = StoryStep(store).save(reported, mentioned, previous_stories)
    redated = narrow_dates(store, done, found_links)
    store.mark_analysed(done)
    store.commit()
    return AnalysisReport(
        articles=len(done),
        entities=len(entities.resolver),
        events=len(reported),
        stories=len(stories),
        links=sum(1 for link in found_links if link.articles),
        redated=redated,
        pending_aliases=entities.pending,
    )


def narrow_dates(
    store: SQLiteStore, article_ids: Sequence[str], links: Sequence[MentionLink]
) -> int:
    """Narrow the inferred dates of undated articles from what their links tie them to.

    The new date and the re-anchored time expressions are stored at once; events and
    stories take the new date at the next `rebuild`.  Returns how many were narrowed.
    """
    by_article: dict[str, list[MentionLink]] = defaultdict(list)
    for link in links:
        by_article[link.article_id].append(link)
    narrowed = 0
    for article_id in article_ids:
        article = store.get_article(article_id)
        if article is None or (
            article.published is not None and article.published.provenance != Provenance.INFERRED
        ):
            continue
        own = by_article.get(article_id, [])
        wanted = {link.event for link in own} | set(store.events_of_article(article_id))
        events = {e: event for e in wanted if e and (event := store.get_event(e)) is not None}
        published = narrow_published(article, own, events)
        if published is None:
            continue
        store.set_published(article_id, published)
        store.put_timexes(article_id, tag(article.body, anchor_of(published)))
        narrowed += 1
    return narrowed


def ranked_entities(found: ArticleEntities, mapping: Mapping[str, str]) -> list[str]:
    """Canonical ids of an article's entities, most mentioned first."""
    ranked = sorted(found.entities, key=lambda e: (-len(e.mentions), e.mentions[:1]))
    return list(dict.fromkeys(mapping[e.id] for e in ranked if e.id in mapping))


def _in_date_order(store: SQLiteStore, wanted: set[str]) -> Iterator[Article]:
    for article in store.iter_articles():
        if article.id in wanted:
            yield article


def article_date(article: Article) -> str | None:
    """The article's publication day (or coarser ISO date), if it has one."""
    if article.published is None:
        return None
    value = article.published.value
    return value[:10] if len(value) >= 10 else value


class EntityStep:
    """Resolve each article's entities against the archive and store its mentions."""

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store
        state = store.get_resolver_state()
        user, self.pending = user_alias_rows(store, state)
        self.resolver = EntityResolver.from_state(
            dataclasses.replace(state, aliases=state.aliases + user)
        )

    def add(self, article: Article) -> tuple[ArticleEntities, dict[str, str]]:
        """Resolve and store the entities of ``article``.

        Returns:
            The article's local entities and the map of local → canonical ids.
        """
        body = article.body
        # Captions name people and places too ("… in Busan, South Korea"); they are read
        # after the body, so body offsets hold, and only body mentions are stored.
        text = "\n\n".join((body, *article.captions))
        found = extract_entities(text, date=article_date(article))
        mapping = self.resolver.add(article.id, found)
        rows = []
        for index, mention in enumerate(found.mentions):
            if mention.end > len(body):
                break
            local = found.entity_of(index)
            entity_id = mapping.get(local.id) if local is not None else None
            rows.append(
                EntityMentionRow(mention.text, mention.start, mention.end, entity_id, mention.kind)
            )
        self.store.put_entity_mentions(article.id, rows)
        return found, mapping

    def save(self) -> None:
        """Apply the user aliases still pending, then store the resolver's state."""
        state = self.resolver.export_state()
        user, self.pending = user_alias_rows(self.store, state)
        for row in user:
            self.resolver.registry.add(
                row.entity_id, Alias(row.name, row.viewpoint, row.valid_from, row.valid_to)
            )
        self.store.put_resolver_state(self.resolver.export_state())
        if self.resolver.merged:
            self.store.rename_entities(self.resolver.merged)


def user_alias_rows(
    store: SQLiteStore, state: ResolverState
) -> tuple[tuple[AliasRow, ...], tuple[str, ...]]:
    """Return the user's aliases as rows of known entities, and those not placeable yet.

    A user alias names its canonical entity by id or by any name the entity already
    has; the entity must be in ``state``.
    """
    ids = {row.id for row in state.entities}
    by_name: dict[str, str] = {}
    for alias in state.aliases:
        by_name.setdefault(normalize_key(alias.name), alias.entity_id)
    for entity in state.entities:
        by_name[normalize_key(entity.name)] = entity.id
    rows, pending = [], []
    for correction in store.iter_corrections("alias"):
        data = correction.data
        canonical = str(data["canonical"])
        entity_id = canonical if canonical in ids else by_name.get(normalize_key(canonical))
        if entity_id is None:
            pending.append(canonical)
            continue
        rows.append(
            AliasRow(
                entity_id,
                str(data["alias"]),
                data.get("viewpoint"),
                data.get("valid_from"),
                data.get("valid_to"),
            )
        )
    return tuple(rows), tuple(pending)


def anchor_of(published: TimePoint | None) -> str | None:
    """A day to resolve relative expressions against: only a date known to the day."""
    if published is None or published.earliest != published.latest:
        return None
    return published.value if len(published.value) >= 10 else published.earliest


class LinkStep:
    """Find event mentions in new articles; resolve every stored mention to the archive.

    Resolution is redone over all stored mentions on each run, so a mention made before
    the archive held the coverage it refers to is linked once the coverage arrives.
    """

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store
        self.fresh: list[Article] = []

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
        if article.related:
            self.fresh.append(article)

    def resolve(self) -> tuple[list[MentionLink], list[Event]]:
        """Link every stored mention (and new related-coverage entries); store the links.

        Returns:
            The mention links and the mentioned-only events they created.
        """
        index = EventIndex()
        for event in self.store.iter_events(include_mentioned=False):
            text = " ".join((event.title, *(e.text for e in event.evidence)))
            index.add(event, participants=(*event.who, *event.where), text=text)
        by_article: dict[str, list[EventMention]] = defaultdict(list)
        for article_id, data in self.store.iter_event_mentions():
            by_article[article_id].append(EventMention.from_dict(data))
        links: list[MentionLink] = []
        created: dict[str, Event] = {}
        for article_id in sorted(by_article):
            found, events = resolve_mentions(by_article[article_id], index)
            links.extend(found)
            for event in events:
                created[event.id] = _join_mentions(created.get(event.id), event)
        links, mentioned = group_mentioned(links, list(created.values()))
        related = [
            self._with_event(link)
            for article in self.fresh
            for link in related_links(article, self._find_related)
        ]
        kept = [
            link
            for article_id in sorted(by_article)
            if article_id not in {a.id for a in self.fresh}
            for link in self.store.get_links(article_id)
            if link.kind == "related"
        ]
        self.store.delete_events(
            e.id for e in self.store.iter_events() if e.mentioned_only and e.id not in created
        )
        self.store.replace_links(
            [*links, *related, *kept], {*by_article, *(a.id for a in self.fresh)}
        )
        return links, mentioned

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


class EventStep:
    """Cluster new articles into events, restoring the recent events from the store."""

    def __init__(self, store: SQLiteStore, pending: Collection[str]) -> None:
        self.store = store
        self.clusterer = EventClusterer()
        self.signals: dict[str, Signal] = {}
        self.touched: dict[str, None] = {}
        self._restore(pending)

    def _restore(self, pending: Collection[str]) -> None:
        days = [d for d in self.store.published_days(pending) if d]
        if not days:
            return
        window = self.clusterer.config.window_days + self.clusterer.config.max_gap_days
        low = (dt.date.fromisoformat(min(days)) - dt.timedelta(days=window)).isoformat()
        high = (dt.date.fromisoformat(max(days)) + dt.timedelta(days=window)).isoformat()
        for event in self.store.iter_events_between(low, high):
            stored = self.store.get_signals(list(event.articles))
            signals = [Signal.from_dict(stored[a]) for a in event.articles if a in stored]
            self.clusterer.restore(event.id, signals)
            self.signals.update((s.article_id, s) for s in signals)

    def add(self, article: Article, timexes: Sequence[Timex], entities: Sequence[str]) -> str:
        """Put one article into an event; return the event's id."""
        signal = article_signal(article, timexes=timexes, entities=entities)
        self.signals[article.id] = signal
        self.store.put_signals([(article.id, signal.to_dict())])
        event_id = self.clusterer.add(signal)
        self.touched[event_id] = None
        return event_id

    def save(self) -> list[Event]:
        """Describe and store every event that gained articles; return them."""
        members: dict[str, list[str]] = defaultdict(list)
        for article_id, event_id in self.clusterer.assignments().items():
            if event_id in self.touched:
                members[event_id].append(article_id)
        kinds = self.store.entity_kinds()
        events = []
        for event_id in self.touched:
            ids = sorted(members[event_id])
            missing = [a for a in ids if a not in self.signals]
            if missing:
                self.signals.update(
                    (a, Signal.from_dict(d)) for a, d in self.store.get_signals(missing).items()
                )
            articles = [a for i in ids if (a := self.store.get_article(i)) is not None]
            signals = [self.signals[i] for i in ids if i in self.signals]
            events.append(describe_event(event_id, articles, signals, entity_kinds=kinds))
        return events


class StoryStep:
    """Thread events into stories, re-apply the user's corrections, store the stories."""

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store
        self.linker = StoryLinker()
        self.events: dict[str, Event] = {}
        self.stored: dict[str, str] = {}
        for event in store.iter_events():
            self.events[event.id] = event
            story_id = store.story_of_event(event.id)
            if story_id is not None:
                self.stored[event.id] = story_id
        by_story: dict[str, list[Event]] = defaultdict(list)
        for event_id, story_id in self.stored.items():
            if not self.events[event_id].mentioned_only:
                by_story[story_id].append(self.events[event_id])
        for story_id, events in sorted(by_story.items()):
            self.linker.restore(story_id, [(e, self._signals(e)) for e in events])

    def _signals(self, event: Event) -> list[Signal]:
        stored = self.store.get_signals(list(event.articles))
        return [Signal.from_dict(stored[a]) for a in event.articles if a in stored]

    def save(
        self,
        reported: Sequence[Event],
        mentioned: Sequence[Event],
        previous: Mapping[str, Collection[str]] | None = None,
    ) -> list[Story]:
        """Place new events in stories, then store every event and changed story.

        Args:
            reported: events that gained articles in this run.
            mentioned: every mentioned-only event (they join the story of the article
                that mentions them).
            previous: story id → event ids before a rebuild, so that ids are kept.
        """
        for event in sorted(reported, key=_event_order):
            self.events[event.id] = event
            self.linker.add(event, self._signals(event))
        stale = [e for e in self.events if self.events[e].mentioned_only]
        for event_id in stale:
            del self.events[event_id]
        corrections = [Correction.from_dict(c.data) for c in self.store.iter_corrections("story")]
        mapping, history = apply_corrections(self.linker.assignments(), corrections)
        if previous:
            rename = _kept_names(mapping, previous)
            mapping = {e: rename[s] for e, s in mapping.items()}
            history = {rename.get(s, s): changes for s, changes in history.items()}
        for event in mentioned:
            # A mentioned-only event belongs to the story of the article mentioning it.
            self.events[event.id] = event
            story_id = self._story_of_mentioner(event, mapping)
            if story_id is not None:
                mapping[event.id] = story_id
        return self._store(mapping, history, {e.id for e in reported})

    def _story_of_mentioner(self, event: Event, mapping: Mapping[str, str]) -> str | None:
        for article_id in event.mentioned_by:
            for event_id in self.store.events_of_article(article_id):
                if event_id in mapping:
                    return mapping[event_id]
        return None

    def _store(
        self,
        mapping: Mapping[str, str],
        history: Mapping[str, Sequence[StoryChange]],
        touched: set[str],
    ) -> list[Story]:
        members: dict[str, list[Event]] = defaultdict(list)
        for event_id, story_id in mapping.items():
            if event_id in self.events:
                members[story_id].append(self.events[event_id])
        changed = {
            story_id
            for event_id, story_id in mapping.items()
            if event_id in touched
            or self.stored.get(event_id) != story_id
            or self.events[event_id].mentioned_only
        } | set(history)
        changed |= {self.stored[e] for e in self.stored if mapping.get(e) != self.stored[e]}
        self.store.put_events(
            (self.events[e], s)
            for e, s in mapping.items()
            if e in self.events
            and (e in touched or self.stored.get(e) != s or self.events[e].mentioned_only)
        )
        stories = [
            build_story(s, members[s], history=history.get(s, ()))
            for s in sorted(changed)
            if members.get(s)
        ]
        self.store.delete_stories(s for s in changed if not members.get(s))
        self.store.put_stories(stories)
        return stories


def _event_order(event: Event) -> tuple[str, str]:
    return (event.time.earliest if event.time else "9999", event.id)


def _kept_names(
    mapping: Mapping[str, str], previous: Mapping[str, Collection[str]]
) -> dict[str, str]:
    """New story id → the id of the story it overlaps most from before a rebuild."""
    members: dict[str, list[str]] = defaultdict(list)
    for event_id, story_id in mapping.items():
        members[story_id].append(event_id)
    order = sorted(members)
    names = stable_ids(previous, [members[s] for s in order], prefix="st-")
    return dict(zip(order, names, strict=True))


def user_date(value: str) -> TimePoint:
    """The `TimePoint` of a date a user sets by hand (``2014``, ``2014-02``, ``2014-02-08``).

    Raises:
        UsageError: if ``value`` is not such a date.
    """
    point = point_from_value(value.strip(), provenance=Provenance.USER)
    if point is None or not _USER_DATE.fullmatch(value.strip()):
        raise UsageError(f"expected a date like 2014-02-08, 2014-02 or 2014, got {value!r}")
    return point

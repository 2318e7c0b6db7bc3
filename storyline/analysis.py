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
import logging
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
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
from storyline.model import Article, Event, EventMention, MentionLink, TimePoint, Timex
from storyline.store import SQLiteStore
from storyline.store._analysis import EntityMentionRow
from storyline.time import sentence_times

logger = logging.getLogger(__name__)


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


def analyse(store: SQLiteStore) -> AnalysisReport:
    """Run the analysis stages over every article of ``store`` not analysed yet."""
    pending = set(store.unanalysed_articles())
    if not pending:
        return AnalysisReport()
    entities = EntityStep(store)
    done: list[str] = []
    for article in _in_date_order(store, pending):
        entities.add(article)
        done.append(article.id)
    entities.save()
    store.mark_analysed(done)
    store.commit()
    return AnalysisReport(
        articles=len(done),
        entities=len(entities.resolver),
        pending_aliases=entities.pending,
    )


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
        from storyline.links import find_event_mentions

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
        from storyline.links import EventIndex, related_links, resolve_mentions

        index = EventIndex()
        for event in self.store.iter_events(include_mentioned=False):
            index.add(event, participants=(*event.who, *event.where), text=event.title)
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
        related = [
            link for article in self.fresh for link in related_links(article, self._find_related)
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
        return links, list(created.values())

    def _find_related(self, headline: str, date: str | None) -> list[str]:
        """Archive articles with this headline (and date, when given)."""
        found = []
        for hit in self.store.search(headline, limit=5):
            article = hit.article
            if not _same_title(article.title, headline):
                continue
            if date and article.published and not (
                article.published.earliest[:10] <= date[:10] <= article.published.latest[:10]
            ):
                continue
            found.append(article.id)
        return found


def _same_title(title: str | None, headline: str) -> bool:
    return title is not None and normalize_key(title) == normalize_key(headline)


def _join_mentions(known: Event | None, event: Event) -> Event:
    """Two articles mentioning one happening share its mentioned-only event."""
    if known is None:
        return event
    return dataclasses.replace(
        known,
        mentioned_by=tuple(dict.fromkeys((*known.mentioned_by, *event.mentioned_by))),
        evidence=(*known.evidence, *event.evidence),
    )

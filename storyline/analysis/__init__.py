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

import gc
import logging
import re
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from storyline.analysis._dates import date_from_archive
from storyline.analysis._entities import EntityStep, article_date, user_alias_rows
from storyline.analysis._links import LinkStep, anchor_of, narrow_dates
from storyline.analysis._stories import EventStep, StoryStep
from storyline.entities import ArticleEntities
from storyline.errors import UsageError
from storyline.model import Event, MentionLink, Provenance, Story, TimePoint
from storyline.store import SQLiteStore
from storyline.timelines import point_from_value

__all__ = [
    "AnalysisReport",
    "EntityStep",
    "EventStep",
    "LinkStep",
    "StoryStep",
    "analyse",
    "anchor_of",
    "apply_aliases",
    "article_date",
    "narrow_dates",
    "ranked_entities",
    "user_alias_rows",
    "user_date",
]

logger = logging.getLogger(__name__)

_USER_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")

COLLECTOR_THRESHOLDS = (50_000, 20, 100)
"""Python's cycle-collector thresholds while an analysis runs (the defaults are
``(700, 10, 10)``).  A run holds a large state that lives until its end: the recent
events, every story's profile, the entity resolver, every stored link.  At the default
thresholds the collector scanned that state again and again, a quarter of the time of
one article ingested into a dense 20,000-article archive (1.5 of 6.8 s, measured with
``gc.callbacks``); these make such full scans rare.  The run makes little cyclic
garbage: peak memory was the same in both cases."""


@contextmanager
def _few_collections() -> Iterator[None]:
    """Run the block (or, as a decorator, the function) with the cycle collector at
    `COLLECTOR_THRESHOLDS`."""
    before = gc.get_threshold()
    gc.set_threshold(*COLLECTOR_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


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


@_few_collections()
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
    # One batch in any file order: its syndicated copies count under the same original.
    store.settle_duplicates(pending)
    dated = date_from_archive(store, pending)
    entities = EntityStep(store)
    events = EventStep(store)
    links = LinkStep(store)
    done: list[str] = []
    for article in store.iter_articles_of(pending):
        timexes = store.get_timexes(article.id)
        found, mapping = entities.add(article)
        events.add(article, timexes, ranked_entities(found, mapping))
        links.detect(article, timexes, found, mapping)
        done.append(article.id)
    entities.save()
    reported, found_links, stories = _settle(store, entities, events, links, previous_stories)
    redated = narrow_dates(store, done, found_links)
    store.mark_analysed(done)
    store.commit()
    return AnalysisReport(
        articles=len(done),
        entities=len(entities.resolver),
        events=len(reported),
        stories=len(stories),
        links=sum(1 for link in found_links if link.articles),
        redated=redated + dated,
        pending_aliases=entities.pending,
    )


@_few_collections()
def apply_aliases(store: SQLiteStore) -> tuple[str, ...]:
    """Take in the user's aliases added since the last run, and commit.

    An alias naming an entity the archive made on its own merges that entity into the
    one the alias belongs to; the stored events, links and stories follow at once.

    Returns:
        The canonical names of aliases whose entity the archive does not hold yet.
    """
    entities = EntityStep(store)
    if entities.save():
        _settle(store, entities, EventStep(store), LinkStep(store), None)
    store.commit()
    return entities.pending


def _settle(
    store: SQLiteStore,
    entities: EntityStep,
    events: EventStep,
    links: LinkStep,
    previous_stories: Mapping[str, Collection[str]] | None,
) -> tuple[list[Event], list[MentionLink], list[Story]]:
    """Store what the steps found once the entities are saved: the events and event
    mentions of the articles naming merged entities follow the merge, then events,
    links and stories are stored."""
    if entities.merged_articles:
        events.rename(entities.renamed, entities.merged_articles)
        links.rename(entities.renamed, entities.merged_articles)
    reported = events.save()
    before = [e for r in reported if (e := store.get_event(r.id)) is not None]
    # Stored before linking so that mentions can resolve to them.
    store.put_events((e, store.story_of_event(e.id)) for e in reported)
    found_links, mentioned = links.resolve(reported, before)
    stories = StoryStep(store, events.signals).save(reported, mentioned, previous_stories)
    return reported, found_links, stories


def ranked_entities(found: ArticleEntities, mapping: Mapping[str, str]) -> list[str]:
    """Canonical ids of an article's entities, most mentioned first."""
    ranked = sorted(found.entities, key=lambda e: (-len(e.mentions), e.mentions[:1]))
    return list(dict.fromkeys(mapping[e.id] for e in ranked if e.id in mapping))


def user_date(value: str) -> TimePoint:
    """The `TimePoint` of a date a user sets by hand (``2014``, ``2014-02``, ``2014-02-08``).

    Raises:
        UsageError: if ``value`` is not such a date.
    """
    point = point_from_value(value.strip(), provenance=Provenance.USER)
    if point is None or not _USER_DATE.fullmatch(value.strip()):
        raise UsageError(f"expected a date like 2014-02-08, 2014-02 or 2014, got {value!r}")
    return point

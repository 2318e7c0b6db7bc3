"""Run articles through time, entities, events and stories, as the library does."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import storyline
from storyline.entities import EntityResolver, extract_entities
from storyline.events import EventClusterer, Signal, article_signal, describe_event
from storyline.model import Article, Event
from storyline.stories import StoryLinker


@dataclass(frozen=True)
class Outcome:
    """What the pipeline made of a set of articles."""

    articles: tuple[Article, ...]
    signals: dict[str, Signal]
    events: dict[str, Event]
    article_event: dict[str, str]
    event_story: dict[str, str]

    def story_of(self, article_id: str) -> str:
        """Return the story id of an article."""
        return self.event_story[self.article_event[article_id]]


def load_articles(paths: Sequence[Path]) -> tuple[list[Article], dict[str, list[object]]]:
    """Ingest ``paths`` into a memory store; return articles (publication order) and timexes."""
    with storyline.open(":memory:") as lib:
        lib.ingest([str(p) for p in paths], analyse_after=False)
        articles = list(lib.articles())
        timexes = {a.id: list(lib.timexes(a.id)) for a in articles}
    return articles, timexes  # type: ignore[return-value]


def signals_of(articles: Sequence[Article], timexes: dict[str, list[object]]) -> dict[str, Signal]:
    """Build each article's signal with canonical entity ids from one resolver."""
    resolver = EntityResolver()
    signals: dict[str, Signal] = {}
    for article in articles:
        date = article.published.earliest if article.published else None
        local = extract_entities(article.body, date=date)
        ids = resolver.add(article.id, local)
        sizes = sorted(local.entities, key=lambda e: (-len(e.mentions), e.id))
        ranked = tuple(dict.fromkeys(ids[e.id] for e in sizes if e.id in ids))
        signals[article.id] = article_signal(
            article,
            timexes=timexes.get(article.id, ()),  # type: ignore[arg-type]
            entities=ranked,
        )
    return signals


def run(articles: Sequence[Article], signals: dict[str, Signal]) -> Outcome:
    """Cluster ``articles`` into events, then link events into stories.

    As the library does, articles are taken in order of their day (event day, else
    publication day); those of one day, and undated ones, keep the given order.
    """
    clusterer = EventClusterer()
    for article in sorted(articles, key=lambda a: _day(signals[a.id])):
        clusterer.add(signals[article.id])
    article_event = clusterer.assignments()
    members: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        members[article_event[article.id]].append(article)
    events = {
        event_id: describe_event(event_id, group, [signals[a.id] for a in group])
        for event_id, group in members.items()
    }
    linker = StoryLinker()
    ordered = sorted(events.values(), key=lambda e: (e.time.earliest if e.time else "9999", e.id))
    for event in ordered:
        linker.add(event, [signals[a] for a in event.articles])
    return Outcome(tuple(articles), signals, events, article_event, linker.assignments())


def _day(signal: Signal) -> str:
    return signal.event_time or signal.published or "9999"

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
from collections.abc import Iterator
from dataclasses import dataclass

from storyline.entities import (
    Alias,
    AliasRow,
    EntityResolver,
    ResolverState,
    extract_entities,
    normalize_key,
)
from storyline.model import Article
from storyline.store import SQLiteStore
from storyline.store._analysis import EntityMentionRow

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

    def add(self, article: Article) -> dict[str, str]:
        """Resolve and store the entities of ``article``; return local → canonical ids."""
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
        return mapping

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

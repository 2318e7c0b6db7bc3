"""Entity step of the analysis: canonical entities, stored mentions, user aliases."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping, Sequence

from storyline.entities import (
    Alias,
    AliasRow,
    ArticleEntities,
    EntityResolver,
    ResolverState,
    extract_entities,
    normalize_key,
)
from storyline.model import (
    Article,
)
from storyline.store import SQLiteStore
from storyline.store._analysis import EntityMentionRow

logger = logging.getLogger(__name__)


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
        # Companion counts are most of the state: the resolver reads those of the
        # entities it meets from the store, not all of them up front.
        state = store.get_resolver_state(contexts=False)
        user, self.pending = user_alias_rows(store, state)
        self.resolver = EntityResolver.from_state(
            dataclasses.replace(state, aliases=state.aliases + user), contexts=store
        )
        self._apply(user)
        self.merged_articles: list[str] = []
        """After `save`: the articles naming an entity this run merged into another."""

    def _apply(self, rows: Sequence[AliasRow]) -> None:
        """Take the user's aliases in: an entity made for one of their names merges into
        the entity the user gave it to."""
        for row in rows:
            self.resolver.merge_named(row.entity_id, row.name, row.viewpoint)
        self.resolver.mark_changed(row.entity_id for row in rows)

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

    def save(self) -> list[str]:
        """Apply the user aliases still pending, then store what changed in the
        resolver's state (the entities this run saw, merged or was told about).

        Returns:
            The articles that mention an entity this run merged into another: their
            signals, events and event mentions must follow (see `renamed`).
        """
        if self.pending:
            # Aliases of entities this run may have created: the whole state is needed
            # to place them, but only when some are waiting.
            user, self.pending = user_alias_rows(
                self.store, self.resolver.export_state(contexts=False)
            )
            for row in user:
                self.resolver.registry.add(
                    row.entity_id, Alias(row.name, row.viewpoint, row.valid_from, row.valid_to)
                )
            self._apply(user)
        self.store.update_resolver_state(*self.resolver.export_changes())
        if self.resolver.merged:
            self.merged_articles = self.store.rename_entities(self.resolver.merged)
        return self.merged_articles

    @property
    def renamed(self) -> Mapping[str, str]:
        """Entities merged in this run: absorbed id → the id it merged into."""
        return self.resolver.merged


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

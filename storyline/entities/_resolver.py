"""Cross-archive entity resolution: one canonical id per real entity, stable over runs.

How an article's local entity finds its canonical entity:

* Places, organisations, events and others: any of its names (its name, the names its
  mentions use, the aliases its article states) already in the `AliasRegistry`, with a
  compatible kind; failing that, for plural or island-like place names only, a *core
  key* without directions, island words and plural endings ("Southern Kuriles" and
  "Kuril Islands" share ``kuril``).
* People: a full name looks up the registry, then the people who share its surname and
  whose first names agree ("George W. Bush" ~ "George Bush", never "Laura Bush").  A
  surname alone looks up the people with that surname.  Several candidates are scored
  by shared roles (+2), shared co-occurring entities (+1 each, at most 3) and time (+0.5
  within two years, -2 beyond thirty); the best wins, a tie goes to the most reported.
* Otherwise a new entity.  Its id is ``<kind>:<slug of its first name>`` with ``-2``,
  ``-3`` … on collision, and never changes; a fuller or neutral name seen later renames
  the entity but keeps the id.

The resolver keeps, per entity, only counts, dates, roles and its most frequent
co-occurring entities (at most `_MAX_CONTEXT`), so its memory grows with the number of
entities, not of articles.  `export_state` and `from_state` move it as plain rows;
`export_changes` gives only the rows of the entities changed since the last call, and a
resolver built with a `ContextSource` reads an entity's co-occurrence counts (most of
the rows) when it first needs them.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Protocol

from storyline.entities._gazetteer import Gazetteer, default_gazetteer
from storyline.entities._lexicon import (
    EVENT_SUFFIXES,
    HONORIFICS,
    ORG_SUFFIXES,
    PLACE_SUFFIXES,
    TITLE_MODIFIERS,
    TITLE_WORDS,
)
from storyline.entities._names import names_agree, spelled_alike, spelling_index, surname_keys
from storyline.entities._registry import AliasRegistry
from storyline.entities._text import is_capitalised, normalize_key, slugify
from storyline.entities._types import (
    Alias,
    ArticleEntities,
    ContextRow,
    Entity,
    EntityRow,
    Kind,
    LocalEntity,
    ResolverState,
    RoleRow,
    RoleSpan,
)
from storyline.model import Evidence

logger = logging.getLogger(__name__)

# Co-occurring entities kept per entity.  64 holds every companion of a person in the
# seed and ECB+ articles while bounding memory; trimmed to the top half when exceeded.
_MAX_CONTEXT = 64
# Scores for choosing between people of one surname (see the module docstring); chosen
# by hand on ECB+ training topics, re-run benchmarks/entities.py after a change.
_ROLE_BONUS = 2.0
_CONTEXT_CAP = 3
_AFFINITY_PRIOR = 3  # articles added to each place's count: one article tells little
_NEAR_YEARS, _NEAR_BONUS = 2, 0.5
_FAR_YEARS, _FAR_PENALTY = 30, 2.0
# Last words that name no one thing alone ("Colts" is the Indianapolis Colts; "Oil",
# "West" and "House" alone are not "Big Oil", "NHS North West", "Democratic White House").
_GENERIC_HEADS = (
    ORG_SUFFIXES
    | PLACE_SUFFIXES
    | EVENT_SUFFIXES
    | frozenset("north south east west house oil gas".split())
)
# Words that end many names without naming anything alone: two names ending in one of
# them are not one for that ("Clean Water Act", "Affordable Care Act").
_GENERIC_ENDS = _GENERIC_HEADS | frozenset(
    "act law bill constitution treaty accord agreement convention charter plan report"
    " day nation international live online world flu virus fever disease".split()
)
SPELLING_COMPANIONS = 3
"""Entities a person found by another spelling of its name must have been reported
beside (see `EntityResolver._by_spelling`)."""
_TITLES_AND_HONORIFICS = TITLE_WORDS | HONORIFICS
_GEO_GENERIC = frozenset("islands island isles isle archipelago".split())
_GEO_DIRECTIONS = frozenset("southern northern eastern western".split())


@dataclass(slots=True)
class _Record:
    """The resolver's working state for one entity (private and mutable by design)."""

    id: str
    name: str
    kind: Kind
    articles: int = 0
    first_seen: str | None = None
    last_seen: str | None = None
    viewpoint_name: bool = False


class EntityResolver:
    """Map the local entities of each article onto canonical entities of the archive.

    Example:
        >>> resolver = EntityResolver()
        >>> text = "Russian President Vladimir Putin arrived in Tokyo."
        >>> local = resolve_in_article(text, find_mentions(text), date="2005-11-20")
        >>> sorted(resolver.add("bbc-2005", local).values())
        ['person:vladimir-putin', 'place:tokyo']
    """

    def __init__(
        self, registry: AliasRegistry | None = None, *, gazetteer: Gazetteer | None = None
    ) -> None:
        self.registry = registry if registry is not None else AliasRegistry()
        self._gazetteer = gazetteer or default_gazetteer()
        self._records: dict[str, _Record] = {}
        self._roles: dict[str, list[RoleRow]] = {}
        self._context: dict[str, Counter[str]] = {}
        self._context_source: ContextSource | None = None
        self._surnames: dict[str, set[str]] = {}
        self._spellings: dict[str, set[str]] = {}  # people by `spelling_index`
        self._cores: dict[str, set[str]] = {}
        self._heads: dict[str, set[str]] = {}
        self.merged: dict[str, str] = {}
        """Entities merged into others since this resolver was made: old id → new id."""
        self._changed: set[str] = set()

    def __len__(self) -> int:
        return len(self._records)

    def add(
        self, article_id: str, article: ArticleEntities, date: str | None = None
    ) -> dict[str, str]:
        """Resolve one article's local entities; return local id → canonical id.

        Args:
            article_id: the article's id (kept as evidence for roles and aliases).
            article: the article's local entities, from `resolve_in_article`.
            date: the article's date (ISO); defaults to ``article.date``.
        """
        when = date or article.date
        mapping: dict[str, str] = {}
        # People last, so that the things beside them are known; before them the bare
        # words whose place the others tell ("the Gulf").
        bare = {e.id: _bare_word(e, article) for e in article.entities}
        ordered = sorted(
            article.entities, key=lambda e: (e.kind == "PERSON", bare[e.id] is not None)
        )
        people: list[LocalEntity] = []
        given = self._gazetteer.is_given_name
        for local in ordered:
            context = {mapping[e.id] for e in ordered if e.id in mapping}
            others = self._others(local, people, mapping)
            mapping[local.id] = self._resolve(local, article, context, when, bare[local.id], others)
            if local.kind == "PERSON" and " " in local.name and given(local.name.split()[0]):
                people.append(local)  # a full name opening with a given name
        # A later local entity may have merged the entity an earlier one was given.
        mapping = {local: self.merged.get(found, found) for local, found in mapping.items()}
        present = set(mapping.values())
        for local in article.entities:
            found = mapping[local.id]
            self._observe(found, local, article, article_id, when, present, bare[local.id])
        return mapping

    def entity(self, entity_id: str) -> Entity | None:
        """Return the canonical entity ``entity_id`` with its aliases and role spans."""
        record = self._records.get(entity_id)
        if record is None:
            return None
        roles = role_spans(self._roles.get(entity_id, ()))
        return Entity(record.id, record.name, record.kind, self.registry.aliases(record.id), roles)

    def entities(self) -> tuple[Entity, ...]:
        """Return every canonical entity, ordered by id."""
        return tuple(e for i in sorted(self._records) if (e := self.entity(i)) is not None)

    def export_state(self, *, contexts: bool = True) -> ResolverState:
        """Return the whole state as plain rows (for a store to persist).

        Without ``contexts`` the companion counts are left out (and not read from the
        context source, which a full export has to do for every entity).
        """
        entities, roles, rows = self._rows(sorted(self._records), contexts=contexts)
        return ResolverState(entities, self.registry.rows(), roles, rows)

    def mark_changed(self, entity_ids: Iterable[str]) -> None:
        """Note entities whose rows changed outside `add` (a user alias added to them)."""
        self._changed.update(entity_ids)

    def export_changes(self) -> tuple[ResolverState, frozenset[str]]:
        """Return the rows of the entities changed since the last call (or since this
        resolver was made), and every id whose stored rows they replace.

        The ids include entities merged away, which have no rows any more; a store
        deletes the rows of all of them and writes the ones returned.  Writing only
        these keeps the cost of an analysis run in proportion to what it touched.
        """
        ids = frozenset(self._changed | self.merged.keys())
        live = sorted(i for i in ids if i in self._records)
        entities, roles, contexts = self._rows(live, contexts=True)
        aliases = tuple(row for i in live for row in self.registry.rows_of(i))
        self._changed.clear()
        return ResolverState(entities, aliases, roles, contexts), ids

    def _rows(
        self, ids: Sequence[str], *, contexts: bool
    ) -> tuple[tuple[EntityRow, ...], tuple[RoleRow, ...], tuple[ContextRow, ...]]:
        """The entity, role and (with ``contexts``) companion rows of ``ids``, in order."""
        entities = tuple(
            EntityRow(r.id, r.name, r.kind, r.articles, r.first_seen, r.last_seen)
            for r in (self._records[i] for i in ids)
        )
        roles = tuple(row for i in ids for row in self._roles.get(i, ()))
        companions = tuple(
            ContextRow(i, other, count)
            for i in (ids if contexts else ())
            for other, count in sorted(self._companions(i).items())
        )
        return entities, roles, companions

    @classmethod
    def from_state(
        cls, state: ResolverState, *, contexts: ContextSource | None = None
    ) -> EntityResolver:
        """Rebuild a resolver from `export_state` output.

        With ``contexts``, companion counts missing from ``state`` are read from it one
        entity at a time, when the resolver first needs them: a store passes its
        entities without their companions, by far the most rows, and an analysis run
        reads only those of the entities it meets.
        """
        resolver = cls(AliasRegistry.from_rows(state.aliases))
        resolver._context_source = contexts
        for row in state.entities:
            record = _Record(
                row.id, row.name, row.kind, row.articles, row.first_seen, row.last_seen
            )
            resolver._records[row.id] = record
            resolver._index_names(record, (a.name for a in resolver.registry.aliases(row.id)))
        for role in state.roles:
            resolver._roles.setdefault(role.entity_id, []).append(role)
        for ctx in state.contexts:
            resolver._context.setdefault(ctx.entity_id, Counter())[ctx.other_id] = ctx.count
        return resolver

    # -- finding candidates -------------------------------------------------------

    def _resolve(
        self,
        local: LocalEntity,
        article: ArticleEntities,
        context: set[str],
        date: str | None,
        bare: str | None,
        others: frozenset[str] = frozenset(),
    ) -> str:
        """The canonical id of ``local``; ``bare`` is the one word it is written as when
        its name is longer (`_bare_word`); ``others`` are the entities of other people of
        the same article, which it is not."""
        names = [*_names_of(local, article), *(a.name for a in local.aliases)]
        found: dict[str, None] = {}
        for name in names:
            for entity_id in self.registry.lookup(name):
                if self._accepts(self._records[entity_id], local, name):
                    found[entity_id] = None
        words = local.name.split()
        if local.kind == "PERSON":
            for key in surname_keys(words, self._gazetteer):
                for entity_id in sorted(self._surnames.get(key, ())):
                    if names_agree(words, self._records[entity_id].name.split(), self._gazetteer):
                        found[entity_id] = None
                # A surname seen alone before, when nothing told it was a person (a
                # generic word alone was no surname: "the West" is not Kanye West).
                for entity_id in self.registry.lookup(key) if key not in _GENERIC_HEADS else ():
                    record = self._records[entity_id]
                    if record.kind == "OTHER" and normalize_key(record.name) == key:
                        found[entity_id] = None
            found = self._by_spelling(words, found, context)
        elif not found and local.kind in ("PLACE", "OTHER"):
            for name in names:
                found.update(dict.fromkeys(sorted(self._cores.get(_core_key(name) or "", ()))))
        if not found and local.kind != "PERSON" and len(words) == 1:
            found.update(dict.fromkeys(self._owner_of_word(local.name)))
        candidates = [i for i in found if i not in others]
        if len(candidates) > 1 and _states_sided_names(local):
            # The text names one thing by each side's name ("which Japan calls A and
            # Russia B"): entities created earlier under those names are one.
            return self._merge_into_largest(candidates)
        if local.kind == "PERSON" and len(words) > 1:
            candidates = self._full_name_candidates(candidates, local, context, date)
        if rivals := self._places_of_the_word(bare):
            # "the Gulf": the gazetteer's Persian Gulf unless the article's companions
            # were seen more with the Gulf of Mexico.
            default = self._best(candidates, local, context, date) if candidates else None
            floor = self._affinity(default, context) if default else 0.0
            affinity, best = max((self._affinity(i, context), i) for i in rivals)
            if affinity > floor:
                return best
            if default is not None:
                return default
        if candidates:
            return self._best(candidates, local, context, date)
        return self._create(local.name, local.kind, _has_viewpoint_name(local)).id

    def _others(
        self, local: LocalEntity, people: Sequence[LocalEntity], mapping: Mapping[str, str]
    ) -> frozenset[str]:
        """The entities given to the people of ``people`` (full names each opening with a
        given name) whose names disagree with ``local``'s ("Tom Hale" beside "Mary
        Hale"): the article tells them apart.  A run that only looks like a name ("Absent
        Gadhafi") tells nothing, nor a second spelling ("Mohamed", "Mohammed")."""
        words = local.name.split()
        if local.kind != "PERSON" or len(words) < 2 or not self._gazetteer.is_given_name(words[0]):
            return frozenset()
        return frozenset(
            mapping[p.id]
            for p in people
            if not names_agree(words, theirs := p.name.split(), self._gazetteer)
            and not spelled_alike(words, theirs)
        )

    def _affinity(self, entity_id: str, context: set[str]) -> float:
        """How often, per article of ``entity_id``, it was seen beside the ``context``
        entities (uncapped, unlike `_score`: a word's two places both meet the
        everyday companions, only one the telling ones)."""
        companions = self._companions(entity_id)
        seen = sum(companions.get(other, 0) for other in context)
        return seen / (self._records[entity_id].articles + _AFFINITY_PRIOR)

    def _places_of_the_word(self, word: str | None) -> list[str]:
        """The "<word> of ..." places of the gazetteer an entity written only as that one
        word may be, when the gazetteer reads the word as a longer name of its own
        ("Gulf", known as the Persian Gulf, may be the Gulf of Mexico or of Aden)."""
        if word is None:
            return []
        opens = word + " of "
        return [
            i
            for i in self.registry.lookup(word)
            if (record := self._records.get(i))
            and normalize_key(record.name).startswith(opens)
            and self._gazetteer.lookup(record.name) is not None
        ]

    def _by_spelling(
        self, words: list[str], found: dict[str, None], context: set[str]
    ) -> dict[str, None]:
        """The people whose name this one spells another way ("Moammar Gadhafi" for
        "Muammar Gaddafi") and who were reported beside `SPELLING_COMPANIONS` of the
        article's entities (vowels tell "Miller" from "Muller" too, so the spelling alone
        is no evidence), when nothing else was ``found``; else ``found``, after merging
        two or more such people spelled alike word by word (entities made earlier under
        each spelling) into one."""
        key = spelling_index(words)
        if key is None:
            return found
        alike = [
            i
            for i in sorted(self._spellings.get(key, ()))
            if len(context & self._companions(i).keys()) >= SPELLING_COMPANIONS
        ]
        if not found:
            return dict.fromkeys(alike)
        same = [i for i in alike if spelled_alike(words, self._records[i].name.split())]
        if len(same) > 1:
            kept = self._merge_into_largest(same)
            found = {i: None for i in found if i in self._records}
            found[kept] = None
        return found

    def _owner_of_word(self, word: str) -> list[str]:
        """Return the one entity whose longer name ends in ``word`` ("Colts"), if only one.

        People are found by surname, other entities by the last word of a name of
        several words; a generic word finds no one ("Chargers", not "Center", nor the
        "Oil" of "Marathon Oil" taken for a person's name).
        """
        key = normalize_key(word)
        if key in _GENERIC_HEADS or self._gazetteer.lookup(word) is not None:
            return []
        owners = set(self._heads.get(key, ()))
        owners.update(
            i for i in self._surnames.get(key, ()) if len(self._records[i].name.split()) > 1
        )
        return list(owners) if len(owners) == 1 else []

    def _accepts(self, record: _Record, local: LocalEntity, name: str) -> bool:
        """Tell whether ``record``, found under ``name``, may be ``local``'s entity.

        People must have agreeing names.  Otherwise kinds must agree, unless the shared
        name has several words: the kind rules guess, an exact full name is firmer.
        A name of several words is not found by a single generic word ("West" of "West
        Bank"), and two things of names of several words are not one for sharing a single
        word unless it ends both ("INS Sukanya", "Indian Naval Ship Sukanya"; not "Gulf"
        of the Gulf of Mexico and of the Persian Gulf, nor "Act" of two laws), nor two
        different places of the gazetteer for sharing a short form ("LA").
        """
        if record.kind == "PERSON" and (
            local.kind in ("PERSON", "OTHER") or self._guessed_place(local)
        ):
            return names_agree(local.name.split(), record.name.split(), self._gazetteer)
        mine, theirs = self._gazetteer.lookup(local.name), self._gazetteer.lookup(record.name)
        if mine is not None and theirs is not None and mine.canonical != theirs.canonical:
            return False
        word = normalize_key(name)
        if " " not in word and " " in local.name:
            # A longer name found by one word: not by "Reply" of "Reply Gadhafi" (a
            # comment thread's furniture), a generic word ("West" of "West Bank"), or a
            # word that does not end both names of several words.
            last = _last_key(local.name)
            if local.kind == "PERSON" and word != last:
                return False
            if word in _GENERIC_ENDS:
                return False
            if " " in record.name and {last, _last_key(record.name)} != {word}:
                return False
        if _kinds_agree(record.kind, local.kind):
            return True
        return len(name.split()) > 1 and normalize_key(name) == normalize_key(record.name)

    def _guessed_place(self, local: LocalEntity) -> bool:
        """Whether ``local`` is a place only by a guess, a single word the gazetteer does
        not know ("loyal to Gadhafi"): it may be a person's surname."""
        return (
            local.kind == "PLACE"
            and " " not in local.name
            and self._gazetteer.lookup(local.name) is None
        )

    def _full_name_candidates(
        self, candidates: list[str], local: LocalEntity, context: set[str], date: str | None
    ) -> list[str]:
        """Keep surname-only people for a full name only with evidence or no rival."""
        full = [i for i in candidates if len(self._records[i].name.split()) > 1]
        if full:
            return full
        rivals = any(
            len(self._records[i].name.split()) > 1
            for key in surname_keys(local.name.split(), self._gazetteer)
            for i in self._surnames.get(key, ())
        )
        if rivals:
            return [i for i in candidates if self._score(i, local, context, date) > 0]
        return candidates

    def _best(
        self, candidates: list[str], local: LocalEntity, context: set[str], date: str | None
    ) -> str:
        if len(candidates) == 1:
            return candidates[0]
        scored = [
            (self._score(i, local, context, date), self._records[i].articles, i) for i in candidates
        ]
        scored.sort(key=lambda s: (-s[0], -s[1], s[2]))
        return scored[0][2]

    def _score(
        self, entity_id: str, local: LocalEntity, context: set[str], date: str | None
    ) -> float:
        score = 0.0
        titles = {_title(r.role) for r in self._roles.get(entity_id, ())}
        if titles & {_title(r.role) for r in local.roles}:
            score += _ROLE_BONUS
        companions = self._companions(entity_id)
        if companions:
            score += min(_CONTEXT_CAP, len(context & companions.keys()))
        gap = _years_apart(date, self._records[entity_id].last_seen)
        if gap is not None:
            if gap <= _NEAR_YEARS:
                score += _NEAR_BONUS
            elif gap > _FAR_YEARS:
                score -= _FAR_PENALTY
        return score

    def merge_named(
        self, entity_id: str, name: str, viewpoint: str | None = None
    ) -> tuple[str, ...]:
        """Merge into ``entity_id`` every other entity called ``name``.

        For a user's alias: saying that ``name`` is another name of ``entity_id`` (used
        from ``viewpoint``) also says that an entity the archive made for that name is
        the same one.  Its names come along; the name itself keeps only the user's
        viewpoint.

        Returns:
            The ids merged away (see `merged`).
        """
        keep = self._records.get(entity_id)
        if keep is None:
            return ()
        dropped = []
        for other_id in self.registry.lookup(name):
            other = self._records.get(other_id)
            if other is not None and other_id != entity_id:
                self._merge(keep, other)
                dropped.append(other_id)
        if dropped and viewpoint is not None:
            key = normalize_key(name)
            for alias in self.registry.aliases(entity_id):
                if alias.viewpoint is None and normalize_key(alias.name) == key:
                    self.registry.remove(entity_id, alias.name)
        return tuple(dropped)

    # -- bookkeeping ---------------------------------------------------------------

    def _merge_into_largest(self, entity_ids: list[str]) -> str:
        """Merge entities into the most reported of them; return its id."""
        records = sorted((self._records[i] for i in entity_ids), key=lambda r: (-r.articles, r.id))
        keep = records[0]
        for drop in records[1:]:
            self._merge(keep, drop)
        return keep.id

    def _merge(self, keep: _Record, drop: _Record) -> None:
        keep.articles += drop.articles
        keep.first_seen = min(filter(None, (keep.first_seen, drop.first_seen)), default=None)
        keep.last_seen = max(filter(None, (keep.last_seen, drop.last_seen)), default=None)
        self.registry.move(drop.id, keep.id)
        self._roles.setdefault(keep.id, []).extend(
            dataclasses.replace(row, entity_id=keep.id) for row in self._roles.pop(drop.id, [])
        )
        kept = self._companions(keep.id)
        kept.update(self._companions(drop.id))
        del self._context[drop.id]
        referrers = {i for i, counter in self._context.items() if drop.id in counter}
        if self._context_source is not None:
            stored = self._context_source.context_referrers(drop.id)
            referrers.update(i for i in stored if i in self._records and i != drop.id)
        for other_id in sorted(referrers):
            counter = self._companions(other_id)
            if drop.id in counter:
                counter[keep.id] += counter.pop(drop.id)
                self._changed.add(other_id)
        self._changed.add(keep.id)
        kept.pop(keep.id, None)
        for index in (self._surnames, self._spellings, self._cores, self._heads):
            for ids in index.values():
                if drop.id in ids:
                    ids.discard(drop.id)
                    ids.add(keep.id)
        del self._records[drop.id]
        for old, new in self.merged.items():
            if new == drop.id:
                self.merged[old] = keep.id
        self.merged[drop.id] = keep.id
        logger.debug("merged entity %s into %s", drop.id, keep.id)

    def _create(self, name: str, kind: Kind, viewpoint_name: bool) -> _Record:
        base = f"{kind.lower()}:{slugify(name)}"
        entity_id, suffix = base, 1
        while entity_id in self._records:
            suffix += 1
            entity_id = f"{base}-{suffix}"
        record = _Record(entity_id, name, kind, viewpoint_name=viewpoint_name)
        self._records[entity_id] = record
        self._changed.add(entity_id)
        entry = self._gazetteer.lookup(name)
        if entry is not None and entry.canonical == name:
            for spelling in self._gazetteer.spellings_of(name):
                self.registry.add(entity_id, Alias(spelling))
        logger.debug("new entity %s", entity_id)
        return record

    def _observe(
        self,
        entity_id: str,
        local: LocalEntity,
        article: ArticleEntities,
        article_id: str,
        date: str | None,
        present: set[str],
        bare: str | None,
    ) -> None:
        record = self._records[entity_id]
        record.articles += 1
        self._changed.add(entity_id)
        if date:
            record.first_seen = min(record.first_seen or date, date)
            record.last_seen = max(record.last_seen or date, date)
        self._rename(record, local)
        names = _names_of(local, article)
        if bare and normalize_key(record.name) != normalize_key(local.name):
            # "the Gulf" of the Gulf of Mexico: not the gazetteer's name for the word.
            names = [n for n in names if n != local.name]
        sided = {normalize_key(a.name) for a in local.aliases if a.viewpoint}
        for name in names:
            if normalize_key(name) not in sided:
                self.registry.add(entity_id, Alias(name))
        for alias in local.aliases:
            self.registry.add(entity_id, _with_article(alias, article_id))
        self._index_names(record, [*names, *(a.name for a in local.aliases)])
        for role in local.roles:
            ev = role.evidence
            row = RoleRow(entity_id, role.role, role.date, article_id, ev.text, ev.start, ev.end)
            self._roles.setdefault(entity_id, []).append(row)
        self._remember_context(entity_id, present - {entity_id})

    def _rename(self, record: _Record, local: LocalEntity) -> None:
        """Adopt a fuller person name, or a neutral name over one used by one side."""
        if record.kind == "PERSON" and _fuller_name(record.name, local.name):
            record.name = local.name
        elif record.viewpoint_name and not _has_viewpoint_name(local):
            record.name, record.viewpoint_name = local.name, False
        if record.kind == "OTHER" and local.kind != "OTHER":
            if local.kind != "PERSON" or self._titled_or_given(local):
                record.kind = local.kind
        elif (
            record.kind != "PERSON"
            and local.kind == "PERSON"
            and self._titled_or_given(local)
            and self._gazetteer.lookup(record.name) is None
        ):
            # Guessed a place from "loyal to Moammar Gadhafi", titled later ("Libyan
            # leader Moammar Gadhafi"): a person.
            record.kind = "PERSON"
        elif (
            record.kind == "PERSON"
            and local.kind == "OTHER"
            and " " in local.name
            and not self._roles.get(record.id)
            and not self._titled_or_given(local)
        ):
            # A person only by the shape of its name ("Deepwater Horizon"), which another
            # article writes as a thing ("the Deepwater Horizon").
            record.kind = "OTHER"

    def _titled_or_given(self, local: LocalEntity) -> bool:
        """Whether a person's local entity is one by more than the shape of its name: a
        role, a title or honorific written before it, or a given name."""
        if local.roles or self._gazetteer.is_given_name(local.name.split()[0]):
            return True
        openers = {form.split()[0].lower().rstrip(".") for form in local.forms if " " in form}
        return not openers.isdisjoint(_TITLES_AND_HONORIFICS)

    def _index_names(self, record: _Record, names: Iterable[str]) -> None:
        if record.kind == "PERSON":
            words = record.name.split()
            for key in surname_keys(words, self._gazetteer):
                self._surnames.setdefault(key, set()).add(record.id)
            spelled = spelling_index(words)
            if spelled is not None:
                self._spellings.setdefault(spelled, set()).add(record.id)
            return
        names = list(names)
        if record.kind in ("PLACE", "OTHER"):
            for name in names:
                core = _core_key(name)
                if core:
                    self._cores.setdefault(core, set()).add(record.id)
        for name in names:
            head = _head_key(name) if self._gazetteer.lookup(name) is None else None
            if head:
                self._heads.setdefault(head, set()).add(record.id)

    def _companions(self, entity_id: str) -> Counter[str]:
        """The entities seen beside ``entity_id`` and how often (read on first use)."""
        counter = self._context.get(entity_id)
        if counter is None:
            source = self._context_source
            counter = Counter(source.entity_contexts(entity_id)) if source else Counter()
            self._context[entity_id] = counter
        return counter

    def _remember_context(self, entity_id: str, others: set[str]) -> None:
        counter = self._companions(entity_id)
        counter.update(others)
        if len(counter) > _MAX_CONTEXT:
            # Cut back among equal counts by id: a set's order (and `most_common`'s
            # tie order after it) changes from one process to the next.  By id, then
            # by count (a stable sort, reversed stably too): no key tuple per item.
            kept = sorted(counter.items())
            kept.sort(key=itemgetter(1), reverse=True)
            self._context[entity_id] = Counter(dict(kept[: _MAX_CONTEXT // 2]))


class ContextSource(Protocol):
    """Where a resolver reads the stored companion counts of an entity (a store)."""

    def entity_contexts(self, entity_id: str) -> Mapping[str, int]:
        """How often each other entity appeared beside ``entity_id``."""
        ...

    def context_referrers(self, other_id: str) -> Sequence[str]:
        """The entities whose companions include ``other_id``."""
        ...


def renamed_ids(ids: Iterable[str], renamed: Mapping[str, str]) -> tuple[str, ...]:
    """``ids`` with each merged entity replaced by the one it merged into, in order and
    once each (an article naming both keeps the first place either had).

    Example:
        >>> renamed_ids(["place:kuriles", "place:japan", "place:islands"],
        ...             {"place:kuriles": "place:islands"})
        ('place:islands', 'place:japan')
    """
    return tuple(dict.fromkeys(renamed.get(i, i) for i in ids))


def role_spans(rows: Iterable[RoleRow]) -> tuple[RoleSpan, ...]:
    """Merge dated role observations into spans, broken wherever another role intervenes.

    Observations are ordered by date; consecutive ones with the same title ("president",
    whatever the "of …") make one span whose name is the most specific seen.  Undated
    observations form open spans at the end.
    """
    dated = sorted((r for r in rows if r.date), key=lambda r: _bounds(r.date or "")[0])
    spans: list[RoleSpan] = []
    for row in dated:
        start, end = _bounds(row.date or "")
        evidence = Evidence(row.text, row.start, row.end, row.article_id)
        last = spans[-1] if spans else None
        if last is not None and _title(last.role) == _title(row.role):
            role = max(last.role, row.role, key=len)
            spans[-1] = RoleSpan(
                role, last.start, max(last.end or end, end), (*last.evidence, evidence)
            )
        else:
            spans.append(RoleSpan(row.role, start, end, (evidence,)))
    undated: dict[str, list[RoleRow]] = {}
    for row in rows:
        if not row.date:
            undated.setdefault(_title(row.role), []).append(row)
    for group in undated.values():
        proofs = tuple(Evidence(r.text, r.start, r.end, r.article_id) for r in group)
        spans.append(RoleSpan(max((r.role for r in group), key=len), None, None, proofs))
    return tuple(spans)


def _bounds(date: str) -> tuple[str, str]:
    start, _, end = date.partition("/")
    return start, end or start


def _title(role: str) -> str:
    return role.split(" of ")[0]


def _years_apart(a: str | None, b: str | None) -> int | None:
    if not a or not b or not a[:4].isdigit() or not b[:4].isdigit():
        return None
    return abs(int(a[:4]) - int(b[:4]))


def _bare_word(local: LocalEntity, article: ArticleEntities) -> str | None:
    """The one word (as a key) a place is written as, when its name is longer: "Gulf"
    of a "Persian Gulf" the gazetteer gave it."""
    if local.kind != "PLACE":
        return None
    written = {normalize_key(article.mentions[i].text) for i in local.mentions}
    word = next(iter(written)) if len(written) == 1 else None
    if word is None or " " in word or normalize_key(local.name) == word:
        return None
    return word


def _names_of(local: LocalEntity, article: ArticleEntities) -> list[str]:
    names = [local.name, *(article.mentions[i].text for i in local.mentions)]
    return list(dict.fromkeys(names))


MAX_NAME_WORDS = 4
"""A person's name is not adopted as fuller when it runs to more words than this."""


def _fuller_name(current: str, candidate: str) -> bool:
    """Whether ``candidate`` names the person called ``current`` more fully ("Barack
    Hussein Obama" for "Barack Obama"): more words, at most `MAX_NAME_WORDS`, the same
    last word, the same first word when it had several, and only name-like words added.
    A run of capitals in flat or headline text ("CNN Senior Political Analyst President
    Barack Obama", "(Reuters) Barack Obama") is not a fuller name."""
    old, new = current.split(), candidate.split()
    if not len(old) < len(new) <= MAX_NAME_WORDS or new[-1] != old[-1]:
        return False
    if len(old) > 1 and new[0] != old[0]:
        return False  # a given name stays first: "Reuters Barack Obama" is a dateline's run
    return all(_name_like(word) for word in new if word not in old)


def _name_like(word: str) -> bool:
    """A given name, a middle name or an initial: capitalised, not a title, not an
    acronym ("CNN", "BP")."""
    bare = word.strip(".")
    low = bare.lower()
    if low in TITLE_WORDS or low in HONORIFICS or low in TITLE_MODIFIERS:
        return False
    return is_capitalised(bare) and not (len(bare) > 1 and bare.isupper())


def _has_viewpoint_name(local: LocalEntity) -> bool:
    key = normalize_key(local.name)
    return any(a.viewpoint and normalize_key(a.name) == key for a in local.aliases)


def _with_article(alias: Alias, article_id: str) -> Alias:
    ev = alias.evidence
    if ev is None:
        return alias
    evidence = Evidence(ev.text, ev.start, ev.end, article_id, ev.text_of)
    return Alias(alias.name, alias.viewpoint, alias.valid_from, alias.valid_to, evidence)


def _kinds_agree(a: Kind, b: Kind) -> bool:
    return a == b or "OTHER" in (a, b)


def _core_key(name: str) -> str | None:
    """Return the core key of a plural or island-like place name, or ``None``."""
    words = normalize_key(name).split()
    if not words:
        return None
    qualifies = any(w in _GEO_GENERIC or w in _GEO_DIRECTIONS for w in words)
    if not qualifies and not (words[-1].endswith("s") and len(words[-1]) > 4):
        return None
    kept = [_singular(w) for w in words if w not in _GEO_GENERIC and w not in _GEO_DIRECTIONS]
    return " ".join(kept) or None


def _last_key(name: str) -> str:
    words = normalize_key(name).split()
    return words[-1] if words else ""


def _head_key(name: str) -> str | None:
    """Return the last word of a name of several words, unless it is a generic word.

    "San Diego Chargers" is found under ``chargers``; "Betty Ford Center" under nothing,
    since "Center" names no one thing.
    """
    words = normalize_key(name).split()
    if len(words) < 2 or words[-1] in _GENERIC_HEADS or not words[-1].isalpha():
        return None
    return words[-1]


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("es") and len(word) > 4:
        return word[:-2]
    if word.endswith("s") and len(word) > 3:
        return word[:-1]
    return word


def _states_sided_names(local: LocalEntity) -> bool:
    """Whether the article gives this entity names used by two different sides."""
    return len({a.viewpoint for a in local.aliases if a.viewpoint}) > 1

"""Value types of the entities stage: mentions, roles, aliases, entities and their rows.

Every type is a frozen, slotted dataclass holding plain values, so results can cross
process pools and Spark workers and be written to any store.  Dates are ISO 8601
strings of any granularity (``"2005"``, ``"2014-02-08"``); a span of years such as
``"2000/2008"`` uses the ISO interval slash.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from storyline.model import Evidence

Kind = Literal["PERSON", "ORG", "PLACE", "EVENT", "OTHER"]
"""The kind of thing a mention names."""

KINDS: tuple[Kind, ...] = ("PERSON", "ORG", "PLACE", "EVENT", "OTHER")

AliasRelation = Literal["known_as", "also_called", "acronym", "formerly", "called_by"]
"""How an alias was introduced in the text."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in a text.

    Args:
        text: the name as written, without titles ("Vladimir Putin").
        start: character offset of the name in the text.
        end: character offset just past the name.
        kind: what the name is taken to name.
        entity_key: a normalised key: the gazetteer's canonical name for known names
            (``"group of eight"`` for "G8"), else the folded name itself.
        role: the role a title cue gives the person ("president of Russia"), if any.
        cue: the title or honorific written before the name ("Russian President",
            "Mr"), if any; ``cue + " " + text`` is the full written form.
    """

    text: str
    start: int
    end: int
    kind: Kind
    entity_key: str
    role: str | None = None
    cue: str | None = None

    @property
    def form(self) -> str:
        """Return the name with its title cue, as written ("Mr Putin")."""
        return f"{self.cue} {self.text}" if self.cue else self.text


@dataclass(frozen=True, slots=True)
class RoleMention:
    """A role a person holds, as stated by one article.

    ``date`` is when the role holds: the article date for a title in the present
    ("Russian President Vladimir Putin"), or a year the text gives ("as prime minister
    in 2009"); ``None`` when neither is known.
    """

    entity_key: str
    role: str
    date: str | None
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Alias:
    """One name of an entity, with who uses it and when it was valid.

    Args:
        name: the alias as written ("Northern Territories").
        viewpoint: the place or party that uses this name ("Japan"), or ``None`` when
            the name is neutral.
        valid_from: first date the name applies (ISO), or ``None`` when open.
        valid_to: last date the name applies (ISO), or ``None`` when open.
        evidence: the text that introduced the alias, when it was learned from text.
    """

    name: str
    viewpoint: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class RoleSpan:
    """A role an entity held over a span of dates (``start``/``end`` ISO, inclusive)."""

    role: str
    start: str | None
    end: str | None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity of the archive, as the resolver knows it."""

    id: str
    name: str
    kind: Kind
    aliases: tuple[Alias, ...] = ()
    roles: tuple[RoleSpan, ...] = ()


@dataclass(frozen=True, slots=True)
class AliasFact:
    """An alias stated by a text ("X, also called Y"; "known as Y in Japan").

    Args:
        name: the thing named (a name or a description such as "The islands").
        name_start: offset of ``name`` in the text.
        alias: the other name.
        alias_start: offset of ``alias`` in the text.
        viewpoint: who uses the alias ("Japan"), when the text says.
        relation: how the alias was introduced.
        evidence: the sentence part that states the alias.
    """

    name: str
    name_start: int
    alias: str
    alias_start: int
    viewpoint: str | None
    relation: AliasRelation
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Metonymy:
    """A place name standing for an institution ("Tokyo has promised ...").

    The mention keeps its kind; this record flags the other reading.
    """

    mention: int
    reading: str
    target_key: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Description:
    """A common-noun phrase that refers to a named entity ("four small islands")."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class LocalEntity:
    """One entity of one article: its mentions chained together.

    Args:
        id: an id local to the article (``"e0"``, ``"e1"`` …).
        name: the fullest name the article uses.
        kind: the entity's kind.
        key: the normalised key of ``name`` (the gazetteer's canonical key if known).
        mentions: indexes into `ArticleEntities.mentions`.
        forms: distinct written forms, titles included ("Mr Putin").
        aliases: aliases the article states, with viewpoints.
        roles: roles the article gives the entity.
        descriptions: common-noun phrases that refer to it.
    """

    id: str
    name: str
    kind: Kind
    key: str
    mentions: tuple[int, ...]
    forms: tuple[str, ...] = ()
    aliases: tuple[Alias, ...] = ()
    roles: tuple[RoleMention, ...] = ()
    descriptions: tuple[Description, ...] = ()


@dataclass(frozen=True, slots=True)
class DemonymLink:
    """An adjective naming a place's people ("Russian" → Russia): a relation, not a mention."""

    text: str
    start: int
    end: int
    place_key: str


@dataclass(frozen=True, slots=True)
class ArticleEntities:
    """Everything `resolve_in_article` learned about one article's entities."""

    mentions: tuple[Mention, ...]
    entities: tuple[LocalEntity, ...]
    metonymies: tuple[Metonymy, ...] = ()
    alias_facts: tuple[AliasFact, ...] = ()
    demonyms: tuple[DemonymLink, ...] = ()
    date: str | None = None

    def entity_of(self, mention: int) -> LocalEntity | None:
        """Return the local entity that mention number ``mention`` belongs to."""
        for entity in self.entities:
            if mention in entity.mentions:
                return entity
        return None


@dataclass(frozen=True, slots=True)
class AliasRow:
    """One alias of one canonical entity, as a store keeps it."""

    entity_id: str
    name: str
    viewpoint: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    evidence_article: str | None = None
    evidence_text: str | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None


@dataclass(frozen=True, slots=True)
class EntityRow:
    """One canonical entity, as a store keeps it (``first_seen``/``last_seen`` ISO dates)."""

    id: str
    name: str
    kind: Kind
    articles: int = 0
    first_seen: str | None = None
    last_seen: str | None = None


@dataclass(frozen=True, slots=True)
class RoleRow:
    """One dated role observation of one canonical entity, as a store keeps it."""

    entity_id: str
    role: str
    date: str | None
    article_id: str | None
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ContextRow:
    """How often entity ``entity_id`` appeared in an article beside ``other_id``."""

    entity_id: str
    other_id: str
    count: int


@dataclass(frozen=True, slots=True)
class ResolverState:
    """The whole state of an `EntityResolver`, as plain rows."""

    entities: tuple[EntityRow, ...]
    aliases: tuple[AliasRow, ...]
    roles: tuple[RoleRow, ...]
    contexts: tuple[ContextRow, ...]


@dataclass(frozen=True, slots=True)
class EntityInfo:
    """A canonical entity as the archive shows it: names, roles and how often reported."""

    entity: Entity
    articles: int = 0
    first_seen: str | None = None
    last_seen: str | None = None

    @property
    def id(self) -> str:
        """The entity's canonical id."""
        return self.entity.id

    def to_dict(self) -> dict[str, object]:
        """Return the JSON shape of ``storyline entities --json``."""
        return {
            "id": self.entity.id,
            "name": self.entity.name,
            "kind": self.entity.kind,
            "aliases": [
                {
                    "name": a.name,
                    "viewpoint": a.viewpoint,
                    "valid_from": a.valid_from,
                    "valid_to": a.valid_to,
                }
                for a in self.entity.aliases
            ],
            "roles": [
                {
                    "role": r.role,
                    "from": r.start,
                    "to": r.end,
                    "evidence": [e.to_dict() for e in r.evidence],
                }
                for r in self.entity.roles
            ],
            "articles": self.articles,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
        }

"""Entities: mentions of people, places, organisations and events, resolved across the archive.

The approach is rules plus a gazetteer, with no trained model: no spaCy or other
pretrained pipeline can be had offline, and rules keep the stage fast, explainable
and dependency-free.  It reads about 270 articles of 600 words a second on one core,
resolver included (``benchmarks/entities.py``, which also scores it on ECB+).  The
statistics it uses are the article's own: which words it also writes in lower case
(sentence starts and headlines) and which it capitalises inside sentences.

* `find_mentions` finds names: capitalised runs (with sentence-start and headline
  handling), split and typed by title cues ("President", "Mr", "Foreign Minister"),
  organisation words ("Ministry", "Bank", "Party"), place words and prepositions
  ("Islands", "in Sochi"), event words ("Olympics", "summit") and the shipped
  gazetteer (``gazetteer.tsv``: countries, capitals, major cities, regions, US states,
  international organisations, news agencies, named events, demonyms, given names).
  Demonyms ("Russian") are relations to a place, never mentions.
* `resolve_in_article` chains an article's mentions into local entities ("Russian
  President Vladimir Putin" … "Putin" … "Mr Putin"), gives people their roles at the
  article date, attaches stated aliases with viewpoints and island descriptions, and
  flags capitals used for their governments (metonymy) without replacing them.
* `learn_aliases` reads "known as X in Russia and Y in Japan", "X, also called Y",
  "formerly", "what Japan calls Y" and acronyms in parentheses.
* `AliasRegistry` keeps every name of every canonical entity with viewpoint and
  validity; `EntityResolver` maps local entities to canonical ids across articles and
  years.  Both move their state as plain rows, so any store can persist them.

Example:
    >>> text = "Russian President Vladimir Putin arrived in Tokyo. Mr Putin met Koizumi."
    >>> local = resolve_in_article(text, find_mentions(text), date="2005-11-20")
    >>> resolver = EntityResolver()
    >>> ids = resolver.add("bbc-2005", local)
    >>> resolver.entity(ids["e0"]).roles[0].role
    'president of Russia'
"""

from __future__ import annotations

from storyline.entities._aliases import learn_aliases
from storyline.entities._article import resolve_in_article
from storyline.entities._gazetteer import Gazetteer, default_gazetteer, parse_gazetteer
from storyline.entities._mentions import scan_text
from storyline.entities._registry import AliasRegistry
from storyline.entities._resolver import ContextSource, EntityResolver, renamed_ids, role_spans
from storyline.entities._text import normalize_key
from storyline.entities._types import (
    KINDS,
    Alias,
    AliasFact,
    AliasRow,
    ArticleEntities,
    ContextRow,
    DemonymLink,
    Description,
    Entity,
    EntityInfo,
    EntityRow,
    Kind,
    LocalEntity,
    Mention,
    Metonymy,
    ResolverState,
    RoleMention,
    RoleRow,
    RoleSpan,
)

__all__ = [
    "Alias",
    "AliasFact",
    "AliasRegistry",
    "AliasRow",
    "ArticleEntities",
    "ContextRow",
    "ContextSource",
    "DemonymLink",
    "Description",
    "Entity",
    "EntityInfo",
    "EntityResolver",
    "EntityRow",
    "Gazetteer",
    "KINDS",
    "Kind",
    "LocalEntity",
    "Mention",
    "Metonymy",
    "ResolverState",
    "RoleMention",
    "RoleRow",
    "RoleSpan",
    "default_gazetteer",
    "extract_entities",
    "find_mentions",
    "learn_aliases",
    "normalize_key",
    "parse_gazetteer",
    "renamed_ids",
    "resolve_in_article",
    "role_spans",
]


def find_mentions(text: str, gazetteer: Gazetteer | None = None) -> tuple[Mention, ...]:
    """Return the names in ``text`` with their kinds, keys and title roles, in text order.

    Example:
        >>> [(m.text, m.kind) for m in find_mentions("Mr Putin flew to Sochi.")]
        [('Putin', 'PERSON'), ('Sochi', 'PLACE')]
    """
    return scan_text(text, gazetteer or default_gazetteer()).mentions


def extract_entities(
    text: str, *, date: str | None = None, gazetteer: Gazetteer | None = None
) -> ArticleEntities:
    """Find and chain the entities of one article: `find_mentions` + `resolve_in_article`."""
    gaz = gazetteer or default_gazetteer()
    scan = scan_text(text, gaz)
    return resolve_in_article(text, scan.mentions, date=date, gazetteer=gaz, demonyms=scan.demonyms)

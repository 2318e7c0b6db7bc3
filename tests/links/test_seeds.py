"""Seed acceptance: the CNBC 2014 article's mentions, and its link to the BBC 2005 report."""

from __future__ import annotations

import dataclasses

import pytest

import storyline
from storyline.entities import EntityResolver, extract_entities
from storyline.links import (
    EventIndex,
    find_event_mentions,
    related_links,
    resolve_mentions,
    time_point,
)
from storyline.model import Article, Event, EventMention
from storyline.time import sentence_times, tag
from tests.conftest import shared_path

CNBC_DAY = "2014-02-08"
"""The CNBC article's true date (EXPECTED.md); the time stage infers it, here it is given."""


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    lib = storyline.open(":memory:")
    lib.ingest([shared_path("seeds")])
    found = {}
    for article in lib.articles():
        name = "bbc" if article.published and article.published.value.startswith("2005") else "cnbc"
        found[name] = article
    lib.close()
    assert set(found) == {"bbc", "cnbc"}
    cnbc = dataclasses.replace(found["cnbc"], published=time_point(CNBC_DAY))
    return {"bbc": found["bbc"], "cnbc": cnbc}


def _mentions(article: Article, resolver: EntityResolver) -> tuple[EventMention, ...]:
    day = article.published.earliest if article.published else None
    timexes = tag(article.body, day)
    entities = extract_entities(article.body, date=day)
    return find_event_mentions(
        article,
        timexes=timexes,
        sentences=sentence_times(article.body, timexes, day),
        entities=entities,
        entity_ids=resolver.add(article.id, entities),
    )


@pytest.fixture(scope="module")
def resolved(seeds: dict[str, Article]) -> tuple[Event, tuple[EventMention, ...], EventIndex]:
    resolver = EntityResolver()
    bbc = seeds["bbc"]
    local = extract_entities(bbc.body, date="2005-11-20")
    ids = resolver.add(bbc.id, local)
    who = tuple(ids[e.id] for e in local.entities if e.key in {"vladimir putin", "japan"})
    assert len(who) == 2
    visit = Event(
        "event-a",
        bbc.title or "",
        time=time_point("2005-11"),
        kind="visit",
        who=who,
        articles=(bbc.id,),
    )
    index = EventIndex()
    index.add(visit, text=bbc.paragraphs[0])
    return visit, _mentions(seeds["cnbc"], resolver), index


@pytest.mark.parametrize(
    ("value", "tense"),
    [
        ("1945-08", "past"),
        ("2005", "past"),
        ("2009", "past"),
        ("2013-04", "past"),
        ("2011", "past"),
        ("2014-FA", "future"),
        ("2014-06", "future"),
    ],
)
def test_cnbc_mentions_are_found(
    resolved: tuple[Event, tuple[EventMention, ...], EventIndex], value: str, tense: str
) -> None:
    _, mentions, _ = resolved
    assert (value, tense) in {(m.time.value, m.tense) for m in mentions}


def test_cnbc_2005_visit_links_to_bbc(
    resolved: tuple[Event, tuple[EventMention, ...], EventIndex], seeds: dict[str, Article]
) -> None:
    visit, mentions, index = resolved
    links, created = resolve_mentions(mentions, index)
    (link,) = [lk for lk in links if lk.event == visit.id]
    assert link.articles == (seeds["bbc"].id,)
    assert link.time is not None and link.time.value == "2005"
    assert "2005" in link.text and "official visit" in link.text
    assert all(e.mentioned_only for e in created)
    assert {"1945-08", "2011", "2014-06"} <= {e.time.value for e in created if e.time}


def test_bbc_related_coverage_becomes_dated_links(seeds: dict[str, Article]) -> None:
    bbc = seeds["bbc"]
    links = related_links(bbc, lambda headline, date: ["archive-1"] if date == "2005-01-14" else [])
    assert [lk.time.value for lk in links if lk.time] == [
        "2005-01-14",
        "2004-09-02",
        "2002-02-08",
        "2000-09-05",
        "2000-09-04",
    ]
    assert links[0].articles == ("archive-1",) and links[0].kind == "related"
    assert all(lk.articles == () for lk in links[1:])

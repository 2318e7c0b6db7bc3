"""The acceptance cases: the seed articles and the demo corpus's multi-year story."""

from __future__ import annotations

import csv
import random
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from storyline.model import Article
from storyline.stories import Correction, apply_corrections, stable_ids
from tests.conftest import shared_path
from tests.events.pipeline import Outcome, load_articles, run, signals_of

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@cache
def _corpus() -> tuple[tuple[Article, ...], dict[str, object]]:
    articles, timexes = load_articles([EXAMPLES / "corpus"])
    return tuple(articles), dict(signals_of(articles, timexes))


def _kinds() -> dict[str, str]:
    with (EXAMPLES / "manifest.csv").open(encoding="utf-8") as handle:
        return {row["title"]: row["kind"] for row in csv.DictReader(handle)}


def _demo(order_seed: int | None = None) -> Outcome:
    articles, signals = _corpus()
    ordered = list(articles)
    if order_seed is not None:
        random.Random(order_seed).shuffle(ordered)
    return run(ordered, signals)  # type: ignore[arg-type]


def test_seed_articles_are_two_events_in_one_story() -> None:
    seeds = shared_path("seeds")
    articles, timexes = load_articles(sorted(seeds.glob("*.txt")))
    assert len(articles) == 2
    outcome = run(articles, signals_of(articles, timexes))
    first, second = (a.id for a in articles)
    assert outcome.article_event[first] != outcome.article_event[second]
    assert outcome.story_of(first) == outcome.story_of(second)


def test_demo_corpus_gives_one_whole_multi_year_story() -> None:
    outcome = _demo()
    kinds = _kinds()
    main = {a.id for a in outcome.articles if kinds.get(a.title or "") == "main"}
    other = {a.id for a in outcome.articles if kinds.get(a.title or "") == "other"}
    assert len(main) >= 20 and len(other) == 6
    stories = Counter(outcome.story_of(a) for a in main)
    assert len(stories) == 1
    story = next(iter(stories))
    assert not any(outcome.story_of(a) == story for a in other)
    assert len({outcome.story_of(a) for a in other}) == len(other)
    days = [
        e.time.earliest
        for e in outcome.events.values()
        if e.time and outcome.event_story[e.id] == story
    ]
    assert min(days) < "1995" and max(days) > "2020"


def test_demo_corpus_events_keep_happenings_apart_and_copies_together() -> None:
    outcome = _demo()
    by_title: dict[str, set[str]] = {}
    for article in outcome.articles:
        by_title.setdefault(article.title or "", set()).add(outcome.article_event[article.id])
    # Syndicated copies of one report share its event ...
    copies = [a for a in outcome.articles if a.duplicate_of]
    assert copies and all(
        outcome.article_event[a.id] == outcome.article_event[a.duplicate_of or ""] for a in copies
    )
    # ... and different years are different events.
    per_year = Counter(e.time.earliest[:4] for e in outcome.events.values() if e.time)
    assert len(outcome.events) >= 22 and per_year["2005"] == 1


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_demo_corpus_stories_do_not_depend_on_order(seed: int) -> None:
    def partition(outcome: Outcome) -> set[frozenset[str]]:
        groups: dict[str, set[str]] = {}
        for article in outcome.articles:
            groups.setdefault(outcome.story_of(article.id), set()).add(article.id)
        return {frozenset(g) for g in groups.values()}

    assert partition(_demo(seed)) == partition(_demo())


def test_rebuild_keeps_ids_and_corrections() -> None:
    before = _demo()
    kinds = _kinds()
    main_story = before.story_of(
        next(a.id for a in before.articles if kinds.get(a.title or "") == "main")
    )
    main_events = sorted(e for e, s in before.event_story.items() if s == main_story)
    corrections = [
        Correction("split", (main_story, "st-user"), tuple(main_events[:2]), "2024-01-01")
    ]
    corrected, history = apply_corrections(before.event_story, corrections)
    assert history["st-user"][0].action == "split"

    after = _demo(7)  # a rebuild, the articles read in another order
    old_events = {e.id: set(e.articles) for e in before.events.values()}
    new_events = list(after.events.values())
    event_names = stable_ids(old_events, [set(e.articles) for e in new_events], prefix="ev-")
    event_ids = {e.id: name for e, name in zip(new_events, event_names, strict=True)}
    assert sorted(event_names) == sorted(old_events)
    previous: dict[str, set[str]] = {}
    for event, story in before.event_story.items():
        previous.setdefault(story, set()).add(event)
    groups: dict[str, set[str]] = {}
    for event, story in after.event_story.items():
        groups.setdefault(story, set()).add(event_ids[event])
    story_names = stable_ids(previous, list(groups.values()), prefix="st-")
    renamed = dict(zip(groups, story_names, strict=True))
    assert sorted(story_names) == sorted(previous)
    rebuilt = {event_ids[e]: renamed[s] for e, s in after.event_story.items()}
    again, _ = apply_corrections(rebuilt, corrections)
    assert again == corrected

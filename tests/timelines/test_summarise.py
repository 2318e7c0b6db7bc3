"""Timelines from sets of dated articles: date selection and sentence selection."""

from __future__ import annotations

import json
import random

import pytest

from storyline.errors import UsageError
from storyline.model import Article, Granularity, Provenance, TimePoint
from storyline.timelines import summarise_articles
from tests.conftest import shared_path

# Happenings of a made-up flood, each told in a few wordings.
HAPPENINGS = {
    "2020-03-02": [
        "On March 2 the river dam broke and water flooded the lower town streets.",
        "The dam on the river gave way on March 2, flooding streets of the lower town.",
    ],
    "2020-03-05": [
        "Soldiers evacuated four thousand residents from the valley on March 5 by boat.",
        "On March 5 boats carried four thousand valley residents away from rising water.",
    ],
    "2020-03-08": [
        "The government pledged emergency aid worth ten million to farmers on March 8.",
        "Farmers were promised ten million in emergency aid by the government on March 8.",
    ],
}
FILLER = [
    "Local shops remained closed while volunteers filled sandbags near the old bridge.",
    "Weather forecasters expect more rain across the northern hills in coming days.",
    "Insurance companies are still counting the cost of damage to homes and cars.",
    "A spokesman for the regional council said crews were working around the clock.",
]


def _article(index: int, day: str, sentences: list[str]) -> Article:
    published = TimePoint(day, day, day, Granularity.DAY, Provenance.METADATA)
    return Article(None, (" ".join(sentences),), id=f"a{index}", published=published)


def _corpus(seed: int = 7, count: int = 30) -> list[Article]:
    rng = random.Random(seed)
    articles = []
    for index in range(count):
        day = f"2020-03-{rng.randint(9, 12):02d}"
        sentences = rng.sample(FILLER, 2)
        for happening in rng.sample(sorted(HAPPENINGS), 2):
            sentences.insert(rng.randint(0, len(sentences)), rng.choice(HAPPENINGS[happening]))
        articles.append(_article(index, day, sentences))
    return articles


def test_the_most_named_days_are_chosen_in_date_order() -> None:
    timeline = summarise_articles(_corpus(), dates=3)
    assert [e.time.value for e in timeline.entries] == sorted(HAPPENINGS)
    for entry in timeline.entries:
        assert entry.time.granularity == Granularity.DAY
        assert entry.time.provenance == Provenance.EXPLICIT
        assert entry.summary in HAPPENINGS[entry.time.value]


def test_evidence_points_into_the_source_article() -> None:
    articles = _corpus()
    by_id = {a.id: a for a in articles}
    for entry in summarise_articles(articles, dates=3).entries:
        assert entry.evidence is not None and entry.evidence.article_id is not None
        body = by_id[entry.evidence.article_id].body
        assert body[entry.evidence.start : entry.evidence.end] == entry.evidence.text
        assert entry.sources == (entry.evidence.article_id,)
        assert entry.independent_sources == 1


@pytest.mark.parametrize("per_day", [1, 2])
def test_sentences_per_date_without_repeats(per_day: int) -> None:
    timeline = summarise_articles(_corpus(), dates=3, sentences_per_date=per_day)
    for entry in timeline.entries:
        known = [*HAPPENINGS[entry.time.value], *FILLER]
        assert sum(entry.summary.count(s) for s in known) == per_day
        assert any(s in entry.summary for s in HAPPENINGS[entry.time.value])


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2020-03-03", None, ["2020-03-05", "2020-03-08"]),
        (None, "2020-03-06", ["2020-03-02", "2020-03-05"]),
        ("2020-03-04", "2020-03-06", ["2020-03-05"]),
    ],
)
def test_start_and_end_bound_the_days(
    start: str | None, end: str | None, expected: list[str]
) -> None:
    timeline = summarise_articles(_corpus(), dates=2, start=start, end=end)
    assert [e.time.value for e in timeline.entries][: len(expected)] == expected
    assert all((start or "") <= e.time.value <= (end or "9") for e in timeline.entries)


def test_fewer_days_only_when_fewer_have_sentences() -> None:
    articles = _corpus()
    days = {a.published.value for a in articles if a.published}
    timeline = summarise_articles(articles, dates=50)
    assert len(timeline.entries) == len(days | set(HAPPENINGS))


def test_query_steers_the_sentence() -> None:
    day = "2020-03-10"
    sentences = [
        "On March 4 the mayor opened a shelter in the school gym for families.",
        "On March 4 engineers inspected the cracked railway bridge over the river.",
    ]
    articles = [_article(i, day, [sentences[i % 2]]) for i in range(4)]
    for query, word in (("railway bridge", "railway"), ("shelter families", "shelter")):
        entry = summarise_articles(articles, dates=1, query=query).entries[0]
        assert word in entry.summary
        assert entry.time.value == "2020-03-04"


def test_undated_articles_are_skipped() -> None:
    undated = Article(None, ("On March 2 the dam broke near the lower town.",), id="u")
    assert summarise_articles([undated], dates=3).entries == ()


def test_t17_topic_gives_the_asked_number_of_days() -> None:
    folder = shared_path("data", "t17", "H1N1_guardian")
    records = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
    articles = [_article(i, r["dct"][:10], [r["text"]]) for i, r in enumerate(records)]
    timeline = summarise_articles(
        articles, dates=12, sentences_per_date=2, start="2009-04-01", end="2009-06-30"
    )
    assert len(timeline.entries) == 12
    assert all("2009-04-01" <= e.time.value <= "2009-06-30" for e in timeline.entries)


@pytest.mark.parametrize(("dates", "per_day"), [(0, 1), (3, 0), (-1, 2)])
def test_counts_below_one_are_usage_errors(dates: int, per_day: int) -> None:
    with pytest.raises(UsageError, match="at least one date"):
        summarise_articles(_corpus(count=2), dates=dates, sentences_per_date=per_day)

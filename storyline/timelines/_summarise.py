"""Timelines from a set of dated articles: pick the dates, then one or more sentences each.

The method follows the date-wise approach of Gholipour Ghalandari & Ifrim (ACL 2020):

1. *Date selection.*  Every sentence is dated by the time stage (`tag`,
   `sentence_times`).  A day earns a vote from each article that names it (a stronger
   one when the article looks back at it) and a smaller vote from each article
   published on it; the best-voted days are kept.
2. *Sentence selection.*  For each kept day, the candidates are the sentences dated to
   it (by its own time expression, the narrative before it, or the publication date).
   Each candidate is a sparse tf-idf vector; the one closest to the day's centroid
   (plus a pull towards the whole timeline's centroid or the query) is chosen, and
   further sentences must not repeat one already chosen.

Both steps are linear in the number of sentences: no step compares all sentences with
each other, so a story of thousands of articles costs seconds.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from storyline.errors import UsageError
from storyline.model import (
    Article,
    Evidence,
    Granularity,
    Provenance,
    Timeline,
    TimelineEntry,
    TimePoint,
)
from storyline.time import sentence_times, tag
from storyline.timelines import _text as tx
from storyline.timelines._sources import count_independent

logger = logging.getLogger(__name__)

# Weight of one article published on a day against one article naming that day.
# Chosen on the T17 topics here (benchmarks/timelines.py) among 0, 0.25, 0.5, 1, 2, 3
# (0.25 best for AR-1/AR-2, 0 best for date F1 by 0.006); re-run it after a change.
PUBLISHED_VOTE = 0.25
# One article votes once for a day, however often it names it, so that a long
# chronology inside one article does not outvote many reports (a cap of one vote per
# article gave +0.03 date F1 over counting every sentence, measured as above).  Naming a
# day that lies before the article's own date (looking back at it) counts this much;
# naming the day itself or a later one counts 1.  Chosen as above among 1, 1.5, 2, 3, 4
# and 6 (2 gave +0.013 date F1 over 1).
RETROSPECTIVE_VOTE = 2.0
# How far before the first publication date a named day may lie and still be kept when
# no start is given: timelines open with the trigger of the coverage, reported a few
# days later.  Chosen as above (without the reference range) among 0, 7, 30, 90 days:
# 7 and more tie, 0 loses 0.015 date F1.
LOOKBACK_DAYS = 30
# Only the first characters of each article are read: the lead holds the news and the
# dates it is about, and the time stage's cost grows with the text.  Chosen as above
# among 1500, 2000, 2500, 3000, 4000, 5000, 8000 and all: 3000 scored as well as the
# whole text (date F1 0.656 against 0.655, AR-1 0.197 against 0.190) in 40% of the time.
ARTICLE_CHARS: int | None = 3000
# Candidate sentences shorter or longer than this (in tokens) make poor summaries:
# fragments and run-on quotes.  Chosen as above among 6/10 and 30/40/50/70.
MIN_WORDS, MAX_WORDS = 6, 50
# Pull of the timeline-wide centroid against the day's own centroid, and the highest
# similarity a further sentence of the same day may have to one already chosen.
# Chosen as above among 0, 0.5, 1, 2 and 0.3, 0.5.
TOPIC_WEIGHT = 1.0
MAX_REDUNDANCY = 0.5
# Bonus for a sentence dated by its own words (or the narrative before it) rather than
# by its article's publication date: it is more likely about that day.  Chosen as above
# among 0, 0.1, 0.3 (0.1: +0.005 AR-1, +0.004 AR-2); a bonus for sentences near the
# start of their article was tried too and lowered both.
EXPLICIT_BONUS = 0.1


@dataclass(frozen=True, slots=True)
class _Sentence:
    """A dated sentence of one article (offsets into the article body)."""

    article: int
    start: int
    end: int
    day: str
    vote: float
    size: int
    explicit: bool


def _day_of(value: str | None) -> str | None:
    if value is None or len(value) < 10 or not value[:4].isdigit() or value[10:11] not in "T":
        return None
    return value[:10] if value[4] == "-" and value[7] == "-" else None


def _iter_sentences(article: Article, index: int) -> Iterator[_Sentence]:
    """Yield the day-dated sentences of one article with their date votes."""
    anchor = _day_of(article.published.value) if article.published else None
    if anchor is None:
        return
    body = article.body
    text = body[:ARTICLE_CHARS] if ARTICLE_CHARS else body
    for item in sentence_times(text, tag(text, anchor), anchor):
        day = _day_of(item.time)
        if day is None or (item.end == len(text) < len(body)):
            continue
        size = body.count(" ", item.start, item.end) + 1
        vote = 0.0
        if item.source == "own":
            vote = RETROSPECTIVE_VOTE if day < anchor else 1.0
        if vote > 0.0 or MIN_WORDS <= size <= MAX_WORDS:
            explicit = item.source != "anchor"
            yield _Sentence(index, item.start, item.end, day, vote, size, explicit)


def _select_days(
    sentences: Sequence[_Sentence],
    published: Counter[str],
    summarisable: set[str],
    count: int,
    window: tuple[str, str],
) -> list[str]:
    """Return the ``count`` best-voted days inside ``window`` that have candidates."""
    per_article: dict[tuple[int, str], float] = defaultdict(float)
    for sentence in sentences:
        key = (sentence.article, sentence.day)
        per_article[key] = max(per_article[key], sentence.vote)
    votes: dict[str, float] = defaultdict(float)
    for (_, day), vote in per_article.items():
        votes[day] += vote
    for day, n in published.items():
        votes[day] += PUBLISHED_VOTE * n
    low, high = window
    ranked = sorted(
        (d for d, v in votes.items() if v > 0.0 and low <= d <= high and d in summarisable),
        key=lambda day: (-votes[day], day),
    )
    return ranked[:count]


def _window(articles: Sequence[Article], start: str | None, end: str | None) -> tuple[str, str]:
    days = [d for a in articles if a.published and (d := _day_of(a.published.value))]
    if not days:
        return start or "0000-01-01", end or "9999-12-31"
    first = dt.date.fromisoformat(min(days)) - dt.timedelta(days=LOOKBACK_DAYS)
    return start or first.isoformat(), end or max(days)


def _choose(
    candidates: Sequence[tuple[_Sentence, dict[str, float]]],
    topic: Mapping[str, float],
    count: int,
) -> list[_Sentence]:
    """Pick ``count`` sentences near the day's centroid and the topic, without repeats."""
    middle = tx.centroid(v for _, v in candidates)

    def merit(candidate: tuple[_Sentence, dict[str, float]]) -> float:
        sentence, vec = candidate
        bonus = EXPLICIT_BONUS if sentence.explicit else 0.0
        return tx.cosine(vec, middle) + TOPIC_WEIGHT * tx.cosine(vec, topic) + bonus

    scored = sorted(candidates, key=lambda c: -merit(c))
    chosen: list[tuple[_Sentence, dict[str, float]]] = []
    for sentence, vec in scored:
        if len(chosen) == count:
            break
        if all(tx.cosine(vec, other) <= MAX_REDUNDANCY for _, other in chosen):
            chosen.append((sentence, vec))
    return [s for s, _ in chosen]


def summarise_articles(
    articles: Sequence[Article],
    *,
    dates: int,
    sentences_per_date: int = 1,
    query: str | None = None,
    start: str | None = None,
    end: str | None = None,
) -> Timeline:
    """Build a timeline of ``dates`` days with ``sentences_per_date`` sentences each.

    Articles need a day-level ``published`` date; others are skipped.  Fewer days come
    back only when fewer days have dated sentences.

    Args:
        articles: the articles of one topic, story or query result.
        dates: how many days the timeline should have.
        sentences_per_date: how many sentences summarise each day.
        query: words the summaries should be about (the topic's own centroid otherwise).
        start: earliest day to keep (``YYYY-MM-DD``); by default a little before the
            first publication date.
        end: latest day to keep; by default the last publication date.

    Returns:
        A `Timeline` whose entries are in date order, each with its evidence sentence.

    Raises:
        UsageError: ``dates`` or ``sentences_per_date`` is below 1.

    Example:
        >>> timeline = summarise_articles(articles, dates=10, sentences_per_date=2)
        >>> [entry.time.value for entry in timeline.entries][:2]
        ['2010-04-20', '2010-04-22']
    """
    if dates < 1 or sentences_per_date < 1:
        raise UsageError(
            f"a timeline needs at least one date and one sentence per date "
            f"(got dates={dates}, sentences_per_date={sentences_per_date})"
        )
    sentences = [s for i, a in enumerate(articles) for s in _iter_sentences(a, i)]
    published = Counter(d for a in articles if a.published and (d := _day_of(a.published.value)))
    by_day = _candidates(sentences)
    window = _window(articles, start, end)
    days = _select_days(sentences, published, set(by_day), dates, window)
    tokens = {s: tx.words(_text(articles, s)) for day in days for s in by_day[day]}
    idf = tx.idf_weights(tokens.values())
    vectors = {s: tx.vector(words, idf) for s, words in tokens.items()}
    topic = tx.vector(tx.words(query), idf) if query else tx.centroid(vectors.values())
    entries = []
    for day in sorted(days):
        group = [(s, vectors[s]) for s in by_day[day] if vectors[s]]
        if group:
            entries.append(_entry(day, _choose(group, topic, sentences_per_date), articles))
    return Timeline(title=query or "Timeline", entries=tuple(entries))


def _text(articles: Sequence[Article], sentence: _Sentence) -> str:
    return articles[sentence.article].body[sentence.start : sentence.end]


def _candidates(sentences: Sequence[_Sentence]) -> dict[str, list[_Sentence]]:
    """Group the summary candidates by day: sentences of a fitting length dated to it."""
    out: dict[str, list[_Sentence]] = defaultdict(list)
    for sentence in sentences:
        if MIN_WORDS <= sentence.size <= MAX_WORDS:
            out[sentence.day].append(sentence)
    return out


def _entry(day: str, chosen: Sequence[_Sentence], articles: Sequence[Article]) -> TimelineEntry:
    first = chosen[0]
    texts = [" ".join(_text(articles, s).split()) for s in chosen]
    evidence = Evidence(
        _text(articles, first), first.start, first.end, articles[first.article].id or None
    )
    sources = tuple(dict.fromkeys(articles[s.article].id for s in chosen if articles[s.article].id))
    provenance = Provenance.EXPLICIT if first.explicit else Provenance.METADATA
    point = TimePoint(day, day, day, Granularity.DAY, provenance)
    return TimelineEntry(
        time=point,
        summary=" ".join(texts),
        evidence=evidence,
        sources=sources,
        independent_sources=count_independent([articles[s.article] for s in chosen]),
    )

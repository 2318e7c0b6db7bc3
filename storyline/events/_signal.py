"""`Signal`: the small summary of one article that event clustering works on."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from storyline.events._text import Vocabulary, count_terms, heaviest_keys, name_keys
from storyline.model import Article, Timex

# How many body terms a signal keeps. 50 covers the distinctive vocabulary of a news
# article; on ECB+ train, 80 terms scored B3 F1 0.859 and 50 terms 0.852 (dev equal at
# 0.857), while clustering ran 1.9x faster.  Re-run `benchmarks/clustering.py` after
# changing.
MAX_TERMS = 50
# A day the article's sentences name counts as the event's day only when it lies this
# many days before publication (or one day after): news reports recent happenings.
EVENT_DAY_LOOKBACK = 14

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class Signal:
    """Everything event clustering needs from one article, small and JSON-safe.

    Args:
        article_id: the article's id.
        published: the publication day (``YYYY-MM-DD``) when known to the day.
        event_time: the day the article's news happened, from its time expressions,
            else its publication day.
        terms: the article's body terms with sublinear term-frequency weights.
        title_terms: the title's terms.
        entities: canonical entity ids (or normalised names) the article mentions,
            most mentioned first.
        duplicate_of: the article this one is a syndicated copy of, if any.
        period: the days (``YYYY-MM-DD``, first and last) the article was published
            between, when its date was inferred only that coarsely (no ``published``
            day); a report from another year is then still told apart.
    """

    article_id: str
    published: str | None = None
    event_time: str | None = None
    terms: tuple[tuple[str, float], ...] = ()
    title_terms: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    duplicate_of: str | None = None
    period: tuple[str, str] | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready mapping (terms as ``[term, weight]`` pairs)."""
        return {
            "article_id": self.article_id,
            "published": self.published,
            "event_time": self.event_time,
            "terms": [[t, round(w, 4)] for t, w in self.terms],
            "title_terms": list(self.title_terms),
            "entities": list(self.entities),
            "duplicate_of": self.duplicate_of,
            "period": list(self.period) if self.period else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Signal:
        """Rebuild a `Signal` from `to_dict` output."""
        return cls(
            article_id=data["article_id"],
            published=data.get("published"),
            event_time=data.get("event_time"),
            terms=tuple((str(t), float(w)) for t, w in data.get("terms", ())),
            title_terms=tuple(data.get("title_terms", ())),
            entities=tuple(data.get("entities", ())),
            duplicate_of=data.get("duplicate_of"),
            period=_period_of(data.get("period")),
        )


def article_signal(
    article: Article,
    *,
    timexes: Sequence[Timex] = (),
    entities: Sequence[str] = (),
    vocabulary: Vocabulary | None = None,
) -> Signal:
    """Summarise ``article`` for event clustering.

    Args:
        article: the article (its ``id`` must be set).
        timexes: the article's time expressions (from `storyline.time.tag`).
        entities: canonical entity ids, most mentioned first; when empty, normalised
            capitalised names of the text stand in for them.
        vocabulary: document frequencies; when given, the most distinctive terms are
            kept rather than the most frequent.

    Returns:
        The article's `Signal`.

    Example:
        >>> from storyline.model import Article
        >>> s = article_signal(Article("Quake hits Chile", ("A strong quake hit Chile.",), id="a1"))
        >>> s.title_terms
        ('quake', 'hits', 'chile')
    """
    body = article.body
    counts = count_terms(body)
    title = article.title or ""
    title_counts = count_terms(title)
    for term in title_counts:
        counts[term] += 1
    published = _published_day(article)
    names = tuple(entities) or name_keys(f"{title}\n{body}")
    return Signal(
        article_id=article.id,
        published=published,
        event_time=event_day(timexes, published),
        terms=_top_terms(counts, vocabulary),
        title_terms=tuple(title_counts),
        entities=names,
        duplicate_of=article.duplicate_of,
        period=None if published else _published_period(article),
    )


def _top_terms(
    counts: Counter[str], vocabulary: Vocabulary | None
) -> tuple[tuple[str, float], ...]:
    if vocabulary is None:
        return tuple((term, _tf(counts[term])) for term in heaviest_keys(counts, MAX_TERMS))
    weighted = [(term, _tf(n)) for term, n in counts.items()]
    weighted.sort(key=lambda tw: (-tw[1] * vocabulary.idf(tw[0]), tw[0]))
    return tuple(weighted[:MAX_TERMS])


_TF = [0.0] + [1.0 + math.log(n) for n in range(1, 256)]


def _tf(count: int) -> float:
    """Sublinear term frequency, ``1 + ln(count)`` (from a table for common counts)."""
    return _TF[count] if count < 256 else 1.0 + math.log(count)


def _published_day(article: Article) -> str | None:
    return article.published.likely_day() if article.published is not None else None


def _published_period(article: Article) -> tuple[str, str] | None:
    point = article.published
    return _period_of((point.earliest, point.latest)) if point is not None else None


def _period_of(value: Any) -> tuple[str, str] | None:
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(parse_day(v) for v in value):
        return str(value[0])[:10], str(value[1])[:10]
    return None


def event_day(timexes: Sequence[Timex], published: str | None) -> str | None:
    """Return the day an article's news happened: the most named recent day, else ``published``.

    An article with no publication day gets none: the days an undated text names are as
    often a birth, a treaty or an anniversary as its news, and clustering by them split
    events (ECB+ train through the whole pipeline: B3 F1 0.787 with them, 0.804 without).

    Args:
        timexes: the article's time expressions.
        published: its publication day, or ``None``.
    """
    anchor = parse_day(published)
    if anchor is None:
        return published
    days: Counter[str] = Counter()
    for timex in timexes:
        match = _DAY.match(timex.value or "")
        if timex.type not in ("DATE", "TIME") or match is None:
            continue
        day = parse_day(match.group(0))
        if day is None:
            continue
        if not anchor - timedelta(days=EVENT_DAY_LOOKBACK) <= day <= anchor + timedelta(days=1):
            continue
        days[day.isoformat()] += 1
    if not days:
        return published
    # Ties go to the latest day up to publication: the day after it that an article
    # names is more often a plan ("leaves on Friday for Seoul") than its news.
    last = anchor.isoformat()
    best = max(days.items(), key=lambda kv: (kv[1], kv[0] <= last, kv[0]))
    return best[0]


def parse_day(text: str | None) -> date | None:
    """Parse ``YYYY-MM-DD`` (a longer ISO string is cut); ``None`` when not a day."""
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None

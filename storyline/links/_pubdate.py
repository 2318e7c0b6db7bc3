"""Publication-date feedback: links and events narrow the date of an undated article."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence

from storyline.model import (
    Article,
    Event,
    Evidence,
    Granularity,
    MentionLink,
    Provenance,
    TimePoint,
)

logger = logging.getLogger(__name__)

REPORT_DELAY = dt.timedelta(days=7)
"""An article reporting an event as its own news appeared at most this long after the
event's last day (a weekly paper's delay); re-run ``benchmarks/pubdate.py`` after changing."""

CONFIDENCE = 0.6
"""Confidence of a narrowed date: sound bounds, but built on automatic links."""


def _bounds(
    article_id: str, links: Sequence[MentionLink], events: Mapping[str, Event]
) -> tuple[str | None, str | None, list[Evidence]]:
    low: str | None = None
    high: str | None = None
    evidence: list[Evidence] = []
    for link in links:
        event = events.get(link.event)
        if link.article_id != article_id or event is None or event.time is None:
            continue
        if event.mentioned_only or not event.articles:
            continue
        if "past" in link.reasons and (low is None or event.time.earliest > low):
            low = event.time.earliest
            evidence.append(Evidence(link.text, link.start, link.end, article_id))
        elif "planned" in link.reasons and (high is None or event.time.latest < high):
            high = event.time.latest
            evidence.append(Evidence(link.text, link.start, link.end, article_id))
    for event in events.values():
        if event.time is None or event.mentioned_only or article_id not in event.articles:
            continue
        own_low = event.time.earliest
        own_high = (dt.date.fromisoformat(event.time.latest[:10]) + REPORT_DELAY).isoformat()
        low = own_low if low is None or own_low > low else low
        high = own_high if high is None or own_high < high else high
        evidence.extend(event.evidence[:1])
    return low, high, evidence


def _coarse(first: str, last: str) -> tuple[str, Granularity]:
    if first == last:
        return first, Granularity.DAY
    if first[:7] == last[:7]:
        return first[:7], Granularity.MONTH
    return first[:4], Granularity.YEAR


def narrow_published(
    article: Article, links: Sequence[MentionLink], events: Mapping[str, Event]
) -> TimePoint | None:
    """Return a narrower inferred publication date for ``article``, or ``None``.

    Only articles without an explicit or metadata date are narrowed.  A linked archive
    event the article speaks of as past sets the earliest day (the article cannot come
    before it); a planned one sets the latest; an event the article itself reports bounds
    it on both sides (from its first day to `REPORT_DELAY` after its last).

    Args:
        article: the article to date.
        links: its mention links (`resolve_mentions`); other articles' links are ignored.
        events: event id → event, holding at least the linked events and its own.

    Returns:
        An inferred `TimePoint` strictly inside the current one, or ``None``.
    """
    current = article.published
    if current is not None and current.provenance is not Provenance.INFERRED:
        return None
    low, high, evidence = _bounds(article.id, links, events)
    if current is not None:
        low = max(low, current.earliest[:10]) if low else current.earliest[:10]
        high = min(high, current.latest[:10]) if high else current.latest[:10]
    if low is None or high is None or low > high:
        if low is not None and high is not None:
            logger.info("%s: links give no consistent date (%s > %s)", article.id, low, high)
        return None
    if current is not None and (low, high) == (current.earliest[:10], current.latest[:10]):
        return None
    value, granularity = _coarse(low[:10], high[:10])
    return TimePoint(
        value=value,
        earliest=low[:10],
        latest=high[:10],
        granularity=granularity,
        provenance=Provenance.INFERRED,
        confidence=CONFIDENCE,
        evidence=tuple(evidence),
    )

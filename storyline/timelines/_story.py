"""Timelines of events: a story's, an entity's or a query's.

One entry per event, in order of event time at the event's own granularity:

- a *reported* event (it has coverage) shows its evidence sentence, or the first
  sentence of its earliest article dated compatibly with the event;
- a *mentioned-only* event shows the sentence that mentions it, with status
  ``mentioned``, or ``planned`` when it lies after the mentioning article's date;
- a related-coverage link (a headline and date listed under an article) that no event
  of the timeline covers becomes an entry of its own.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from storyline.model import (
    Article,
    Event,
    Evidence,
    MentionLink,
    Story,
    Timeline,
    TimelineEntry,
    TimePoint,
)
from storyline.time import SentenceTime, split_sentences, tag
from storyline.timelines._points import point_from_value, sort_key
from storyline.timelines._sources import count_independent_ids

logger = logging.getLogger(__name__)

NO_SENTENCE_TIMES: Mapping[str, Sequence[SentenceTime]] = MappingProxyType({})
"""The default of ``sentence_times``: no sentence is dated beforehand."""

# A summary longer than this many characters is cut at a word boundary: one line in a
# terminal table or a TimelineJS card.  Chosen by eye on the demo corpus.
SUMMARY_CHARS = 240


@dataclass(frozen=True, slots=True)
class _Context:
    """What every entry builder needs: the articles and their dated sentences."""

    articles: Mapping[str, Article]
    sentence_times: Mapping[str, Sequence[SentenceTime]]
    links_by_event: Mapping[str, Sequence[MentionLink]]


def one_line(text: str, limit: int = SUMMARY_CHARS) -> str:
    """Return ``text`` on one line, cut at a word boundary past ``limit`` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    return flat[: cut if cut > 0 else limit].rstrip(" ,;:") + "…"


def _duplicates(articles: Mapping[str, Article]) -> dict[str, str | None]:
    return {key: article.duplicate_of for key, article in articles.items()}


def _published_latest(article: Article | None) -> str | None:
    return article.published.latest if article and article.published else None


def _is_planned(time: TimePoint, mentioning: Sequence[Article | None]) -> bool:
    """Return whether ``time`` starts after every mentioning article was published."""
    dates = [d for d in (_published_latest(a) for a in mentioning) if d]
    return bool(dates) and time.earliest > max(dates)


def _lead_evidence(event: Event, context: _Context) -> Evidence | None:
    """Return a sentence of the event's earliest article, preferring one dated like it."""
    present = [context.articles[a] for a in event.articles if a in context.articles]
    present.sort(key=lambda a: (a.published.earliest if a.published else "9999", a.id))
    for article in present:
        body = article.body
        dated = context.sentence_times.get(article.id, ())
        if event.time is not None:
            for item in dated:
                if item.time and _within(item.time, event.time):
                    return Evidence(body[item.start : item.end], item.start, item.end, article.id)
        spans = split_sentences(body)
        if spans:
            start, end = spans[0]
            return Evidence(body[start:end], start, end, article.id)
        if article.title:
            return Evidence(article.title, 0, len(article.title), article.id, "title")
    return None


def _within(value: str, time: TimePoint) -> bool:
    day = value[:10]
    return len(day) == 10 and time.earliest <= day <= time.latest


def _event_time(event: Event, context: _Context) -> TimePoint | None:
    if event.time is not None:
        return event.time
    for link in context.links_by_event.get(event.id, ()):
        if link.time is not None:
            return link.time
    dated = [
        context.articles[a].published
        for a in event.articles
        if a in context.articles and context.articles[a].published
    ]
    return min((p for p in dated if p), key=sort_key, default=None)


def _reported_entry(event: Event, time: TimePoint, context: _Context) -> TimelineEntry:
    evidence = event.evidence[0] if event.evidence else _lead_evidence(event, context)
    summary = evidence.text if evidence else event.title
    return TimelineEntry(
        time=time,
        summary=one_line(summary or event.title),
        evidence=evidence,
        event=event.id,
        sources=event.articles,
        independent_sources=count_independent_ids(event.articles, _duplicates(context.articles)),
        status="reported",
    )


STEP_DAYS = 14
"""How far before a reported event a dated sentence of its coverage still counts as an
earlier step of it ("met at the Apec summit in Busan on 18 November", two days before
the visit); farther back, the links stage treats it as a mention of another happening."""
MAX_STEPS = 2
"""At most this many earlier steps per event, so large events do not flood a timeline."""


def _step_entries(event: Event, time: TimePoint, context: _Context) -> list[TimelineEntry]:
    """Days its coverage dates sentences to, just before the event's own day."""
    steps: dict[str, TimelineEntry] = {}
    for article_id in event.articles:
        article = context.articles.get(article_id)
        if article is None:
            continue
        body = article.body
        for sentence in context.sentence_times.get(article_id, ()):
            value = sentence.time or ""
            if sentence.source != "own" or len(value) != 10 or value in steps:
                continue
            if not _days_before(value, time.earliest, STEP_DAYS):
                continue
            point = point_from_value(value)
            if point is None:
                continue
            text = body[sentence.start : sentence.end]
            steps[value] = TimelineEntry(
                time=point,
                summary=one_line(text),
                evidence=Evidence(text, sentence.start, sentence.end, article_id),
                event=event.id,
                sources=(article_id,),
                independent_sources=1,
                status="reported",
            )
        for index, caption in enumerate(article.captions):
            _caption_steps(steps, caption, index, article, event, time)
    return [steps[v] for v in sorted(steps)[-MAX_STEPS:]]


def _caption_steps(
    steps: dict[str, TimelineEntry],
    caption: str,
    index: int,
    article: Article,
    event: Event,
    time: TimePoint,
) -> None:
    """Photo captions date their pictures ("… in Busan on 18 November")."""
    published = article.published
    if published is None or published.earliest != published.latest:
        return
    for timex in tag(caption, published.earliest):
        value = timex.value
        if timex.type != "DATE" or len(value) != 10 or value in steps:
            continue
        if not _days_before(value, time.earliest, STEP_DAYS):
            continue
        point = point_from_value(value)
        if point is not None:
            steps[value] = TimelineEntry(
                time=point,
                summary=one_line(caption),
                evidence=Evidence(caption, 0, len(caption), article.id, f"caption:{index}"),
                event=event.id,
                sources=(article.id,),
                independent_sources=1,
                status="reported",
            )


def _days_before(value: str, day: str, limit: int) -> bool:
    try:
        gap = dt.date.fromisoformat(day[:10]) - dt.date.fromisoformat(value)
    except ValueError:
        return False
    return 0 < gap.days <= limit


def _mentioned_entry(event: Event, time: TimePoint, context: _Context) -> TimelineEntry:
    links = sorted(context.links_by_event.get(event.id, ()), key=lambda k: -k.score)
    if links:
        best = links[0]
        evidence: Evidence | None = Evidence(best.text, best.start, best.end, best.article_id)
    else:
        evidence = event.evidence[0] if event.evidence else None
    mentioning = tuple(dict.fromkeys([*event.mentioned_by, *(k.article_id for k in links)]))
    planned = _is_planned(time, [context.articles.get(a) for a in mentioning])
    return TimelineEntry(
        time=time,
        summary=one_line(evidence.text if evidence else event.title),
        evidence=evidence,
        event=event.id,
        sources=mentioning,
        independent_sources=count_independent_ids(mentioning, _duplicates(context.articles)),
        status="planned" if planned else "mentioned",
    )


def _related_entry(link: MentionLink, context: _Context) -> TimelineEntry | None:
    if link.time is None:
        return None
    sources = link.articles or (link.article_id,)
    return TimelineEntry(
        time=link.time,
        summary=one_line(link.text),
        evidence=Evidence(link.text, link.start, link.end, link.article_id),
        event=link.event or None,
        sources=sources,
        independent_sources=count_independent_ids(sources, _duplicates(context.articles)),
        status="reported" if link.articles else "mentioned",
    )


def events_timeline(
    title: str,
    events: Sequence[Event],
    *,
    articles: Mapping[str, Article],
    links: Sequence[MentionLink] = (),
    sentence_times: Mapping[str, Sequence[SentenceTime]] = NO_SENTENCE_TIMES,
    story: str | None = None,
) -> Timeline:
    """Lay out events (and related coverage no event covers) in order of event time.

    Args:
        title: the timeline's title.
        events: the events to show; events with no time anywhere are left out.
        articles: the articles the events and links name, by id.
        links: mention links of those articles; they give mentioned-only events their
            evidence sentence and add related-coverage entries.
        sentence_times: the dated sentences of each article (from the time stage), used
            to pick a reported event's evidence sentence when the event has none.
        story: the story id the timeline belongs to, if any.

    Returns:
        A `Timeline` ordered by event time, wider intervals before the days inside them.
    """
    by_event: dict[str, list[MentionLink]] = defaultdict(list)
    for link in links:
        by_event[link.event].append(link)
    context = _Context(articles, sentence_times, by_event)
    entries: list[TimelineEntry] = []
    for event in events:
        time = _event_time(event, context)
        if time is None:
            logger.debug("event %s has no time; left off the timeline", event.id)
            continue
        if event.mentioned_only or not event.articles:
            entries.append(_mentioned_entry(event, time, context))
        else:
            entries.append(_reported_entry(event, time, context))
            entries.extend(_step_entries(event, time, context))
    shown = {e.id for e in events}
    for link in links:
        if link.kind == "related" and link.event not in shown:
            entry = _related_entry(link, context)
            if entry is not None:
                entries.append(entry)
    entries = _without_echoes(entries)
    entries.sort(key=lambda e: (*sort_key(e.time), e.summary))
    return Timeline(title=title, entries=tuple(entries), story=story)


def _without_echoes(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    """Drop a mentioned entry whose sentence a reported entry already shows at a time
    that holds its own (a report's sentence that the link stage also took for a
    mention); a plan told in a report's sentence stays ("will visit in the autumn")."""
    reported: dict[str, list[TimePoint]] = defaultdict(list)
    for entry in entries:
        if entry.status == "reported":
            reported[entry.summary].append(entry.time)

    def echoed(entry: TimelineEntry) -> bool:
        return entry.status != "reported" and any(
            t.earliest <= entry.time.earliest and entry.time.latest <= t.latest
            for t in reported.get(entry.summary, ())
        )

    return [e for e in entries if not echoed(e)]


def story_timeline(
    story: Story,
    events: Sequence[Event],
    *,
    articles: Mapping[str, Article],
    links: Sequence[MentionLink] = (),
    sentence_times: Mapping[str, Sequence[SentenceTime]] = NO_SENTENCE_TIMES,
) -> Timeline:
    """Return the timeline of a story: its events, mentions and related coverage.

    Events not in ``story.events`` are ignored (all are kept when the story lists none).

    Example:
        >>> timeline = story_timeline(story, events, articles=by_id, links=links)
        >>> [(e.time.value, e.status) for e in timeline.entries][:2]
        [('1945-08', 'mentioned'), ('2005-11', 'reported')]
    """
    wanted = set(story.events)
    chosen = [e for e in events if not wanted or e.id in wanted]
    return events_timeline(
        story.title,
        chosen,
        articles=articles,
        links=links,
        sentence_times=sentence_times,
        story=story.id,
    )


def entity_timeline(
    entity: str,
    events: Sequence[Event],
    *,
    articles: Mapping[str, Article],
    links: Sequence[MentionLink] = (),
    sentence_times: Mapping[str, Sequence[SentenceTime]] = NO_SENTENCE_TIMES,
    title: str | None = None,
) -> Timeline:
    """Return the timeline of the events an entity takes part in or happens at.

    Args:
        entity: the entity id looked for in each event's ``who`` and ``where``.
        events: candidate events (a pre-filtered set is fine).
        articles: the articles the events and links name, by id.
        links: mention links of those articles.
        sentence_times: the dated sentences of each article.
        title: the timeline's title; the entity id by default.
    """
    chosen = [e for e in events if entity in e.who or entity in e.where]
    ids = {e.id for e in chosen}
    return events_timeline(
        title or entity,
        chosen,
        articles=articles,
        links=[k for k in links if k.event in ids],
        sentence_times=sentence_times,
    )


def query_timeline(
    query: str,
    events: Sequence[Event],
    *,
    articles: Mapping[str, Article],
    links: Sequence[MentionLink] = (),
    sentence_times: Mapping[str, Sequence[SentenceTime]] = NO_SENTENCE_TIMES,
) -> Timeline:
    """Return the timeline of events a search for ``query`` found (filtered by the caller)."""
    return events_timeline(
        query, events, articles=articles, links=links, sentence_times=sentence_times
    )

"""The timelines stage: events and articles in order of event time, with exports.

- `summarise_articles` builds a timeline of a chosen number of days from a set of dated
  articles (a topic, a query result), choosing the days and a summary sentence for each.
- `story_timeline` lays out a story's events, mentioned-only and planned events and
  related coverage, with evidence sentences and source counts; `entity_timeline` and
  `query_timeline` do the same for events picked by an entity or a query.
- `render` writes a timeline as JSON, Markdown, self-contained HTML, CSV or TimelineJS
  JSON (`FORMATS`).

Example::

    from storyline.timelines import render, summarise_articles

    timeline = summarise_articles(articles, dates=12, sentences_per_date=1)
    print(render(timeline, "markdown"))
"""

from __future__ import annotations

from storyline.timelines._points import label, point_from_value, sort_key
from storyline.timelines._render import FORMATS, render
from storyline.timelines._story import (
    entity_timeline,
    events_timeline,
    query_timeline,
    story_timeline,
)
from storyline.timelines._summarise import summarise_articles

__all__ = [
    "FORMATS",
    "entity_timeline",
    "events_timeline",
    "label",
    "point_from_value",
    "query_timeline",
    "render",
    "sort_key",
    "story_timeline",
    "summarise_articles",
]

"""Links: sentences that mention past or planned happenings, tied to the archive's coverage.

- `find_event_mentions` finds clauses that speak of a happening at a time other than the
  article's own news ("made an official visit to Japan in 2005", "will see Putin at a
  summit in June"), with kind, tense, participants, place and a `TimePoint`.
- `EventIndex` holds the archive's events blocked by month and year (no all-pairs);
  `resolve_mentions` links each mention to the best compatible event, or creates a
  mentioned-only event so that the happening still reaches timelines.
- `group_mentioned` joins mentioned-only events that name one happening.
- `related_links` turns related-coverage entries (headline + date) into links.
- `narrow_published` feeds links back into publication dates of undated articles.

Example::

    from storyline.links import EventIndex, find_event_mentions, resolve_mentions

    mentions = find_event_mentions(article, timexes=timexes, sentences=sentences)
    index = EventIndex()
    for event in archive_events:
        index.add(event)
    links, mentioned_only = resolve_mentions(mentions, index)
"""

from __future__ import annotations

from storyline.links._detect import find_event_mentions
from storyline.links._group import group_mentioned
from storyline.links._lexicon import EVENT_KINDS
from storyline.links._pubdate import narrow_published
from storyline.links._related import related_links
from storyline.links._resolve import (
    MIN_SCORE,
    EventIndex,
    content_words,
    mentioned_event,
    resolve_mentions,
)
from storyline.links._timepoint import time_point, value_interval

__all__ = [
    "EVENT_KINDS",
    "EventIndex",
    "MIN_SCORE",
    "content_words",
    "find_event_mentions",
    "group_mentioned",
    "mentioned_event",
    "narrow_published",
    "related_links",
    "resolve_mentions",
    "time_point",
    "value_interval",
]

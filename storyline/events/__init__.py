"""Events: cluster articles that report the same real-world happening, online.

- `article_signal` summarises one article (terms, title terms, entities, event day) as a
  small JSON-safe `Signal` a store can keep.
- `EventClusterer` takes signals one at a time and puts each into the most similar
  recent event or starts a new one; the number of events is found, never given.
  Syndicated copies (``duplicate_of``) join their original's event and count once.
- `finish_run` ends a run: small events of undated reports are placed again among the
  events as they stand, and `divide_event` divides an event that holds two happenings
  told in the same words (when time cannot keep them apart) by the names each part
  gives and the other does not.
- `describe_event` turns a cluster into an `Event` record (title, agreed time, kind,
  where, who, articles).

Example::

    from storyline.events import EventClusterer, article_signal

    clusterer = EventClusterer()
    for article in articles:                      # in publication order
        event_id = clusterer.add(article_signal(article))
"""

from __future__ import annotations

from storyline.events._cluster import ClusterConfig, EventClusterer, event_id_for
from storyline.events._describe import (
    KINDS,
    agreed_time,
    describe_event,
    event_kind,
    most_mentioned,
)
from storyline.events._finish import DivideConfig, average_linkage, divide_event, finish_run
from storyline.events._signal import Signal, article_signal, event_day, parse_day
from storyline.events._text import Vocabulary, count_terms, heaviest_keys, name_keys

__all__ = [
    "ClusterConfig",
    "DivideConfig",
    "EventClusterer",
    "KINDS",
    "Signal",
    "Vocabulary",
    "agreed_time",
    "article_signal",
    "average_linkage",
    "count_terms",
    "describe_event",
    "divide_event",
    "event_day",
    "event_id_for",
    "event_kind",
    "finish_run",
    "heaviest_keys",
    "most_mentioned",
    "name_keys",
    "parse_day",
]

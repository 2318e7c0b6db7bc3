"""Dating step of the analysis: undated articles dated from the archive's coverage.

An article whose text alone gave no date may speak of happenings the archive has dated
coverage of ("the talks in Sochi on Saturday").  Before the other steps run, each new
undated article is compared with the archive's dated articles (`known_dates_from_articles`)
and, when it shares enough distinctive words with one, takes an inferred interval around
that coverage.

The guards against a wrong match (a history piece dated by a later report recalling the
same history, a report of one happening dated by coverage of a like one) are those of
`storyline.time.date_from_coverage`.
"""

from __future__ import annotations

import collections
from collections.abc import Collection

from storyline.analysis._links import anchor_of
from storyline.store import SQLiteStore
from storyline.time import date_from_coverage, known_dates_from_articles, tag
from storyline.time._known import text_terms

ARCHIVE_POOL = 50_000
"""The most recent articles read for word frequencies and coverage, to bound the cost."""


def date_from_archive(store: SQLiteStore, pending: Collection[str]) -> int:
    """Date the undated articles among ``pending`` from the archive; return how many."""
    undated = [a for a in store.iter_articles_of(pending) if a.published is None]
    if not undated:
        return 0
    pool = collections.deque(store.iter_articles(), maxlen=ARCHIVE_POOL)
    wanted = frozenset().union(*(text_terms(article.body) for article in undated))
    known = known_dates_from_articles(pool, for_terms=wanted)
    dated = 0
    for article in undated:
        published = date_from_coverage(article, known)
        if published is None:
            continue
        store.set_published(article.id, published)
        store.put_timexes(article.id, tag(article.body, anchor_of(published)))
        dated += 1
    return dated

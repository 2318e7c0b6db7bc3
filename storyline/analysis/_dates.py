"""Dating step of the analysis: undated articles dated from the archive's coverage.

An article whose text alone gave no date may speak of happenings the archive has dated
coverage of ("the talks in Sochi on Saturday").  Before the other steps run, each new
undated article is compared with the archive's dated articles (`known_dates_from_articles`)
and, when it shares enough distinctive words with one, takes an inferred interval around
that coverage.

A guard keeps this from dating an article about history by a later article that
recalls the same history: the date found may not lie more than `MAX_YEARS_AFTER` years
after the latest year the text itself writes.
"""

from __future__ import annotations

import collections
import logging
import re
from collections.abc import Collection, Sequence

from storyline.analysis._links import anchor_of
from storyline.model import Article, TimePoint
from storyline.store import SQLiteStore
from storyline.time import KnownDate, infer_published, known_dates_from_articles, tag
from storyline.time._clues import _has_keyword as has_keyword
from storyline.time._known import text_terms

logger = logging.getLogger(__name__)

MAX_YEARS_AFTER = 3
"""How many years after the latest year an article writes it may be dated.  News speaks
of its own years; the undated 1956 article of the example corpus, which writes no year
after 1956, was otherwise dated to a 2001 article recalling the same declaration."""

ARCHIVE_POOL = 50_000
"""The most recent articles read for word frequencies and coverage, to bound the cost."""

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def latest_written_year(text: str) -> int | None:
    """The latest four-digit year (1800–2099) written in ``text``."""
    years = [int(y) for y in _YEAR.findall(text)]
    return max(years) if years else None


def plausible(article: Article, published: TimePoint) -> bool:
    """Whether an archive-based date agrees with the years the text itself writes."""
    latest = latest_written_year(article.body)
    year = int(published.earliest[:4])
    if latest is not None and year < latest:
        return False
    return latest is None or year <= latest + MAX_YEARS_AFTER


MIN_DISTINCT_WORDS = 5
"""Distinct words a coverage article's matched keywords must hold.  "Ichiro", "Hatoyama",
"Ichiro Hatoyama" and "Minister Ichiro" are four keywords but one name, and a name with
a place ("Kuril") is what a history piece and a later report recalling that history
share; the example corpus's undated 1956 article matched a 2001 report on exactly that."""


def distinct_matches(article: Article, known: Sequence[KnownDate]) -> list[KnownDate]:
    """The archive facts (other than the article's own) it matches by enough words."""
    lowered = article.body.lower()
    terms = text_terms(article.body)
    kept = []
    for fact in known:
        if fact.article_id == article.id:
            continue
        present = [k for k in fact.keywords if has_keyword(k, terms, lowered)]
        if len({w for k in present for w in k.split()}) >= MIN_DISTINCT_WORDS:
            kept.append(fact)
    return kept


def agreeing(facts: Sequence[KnownDate]) -> list[KnownDate]:
    """``facts`` when their intervals run together without a gap, else none.

    An undated report that matches coverage of two like happenings at different times
    (two earthquakes in one region, two check-ins of one actress in rehab) could be
    about either; the archive does not say which, so it dates nothing.  Coverage of one
    long happening, day after day, leaves no gap and still dates it.  On the ECB+ train
    topics, whose two sub-topics per topic are such pairs, this took the pipeline's
    event B3 F1 from 0.876 to 0.881 (``clustering.py --part ecb-pipeline``).
    """
    ordered = sorted(facts, key=lambda fact: fact.earliest)
    reach = ordered[0].latest if ordered else ""
    for fact in ordered[1:]:
        if fact.earliest > reach:
            return []
        reach = max(reach, fact.latest)
    return list(facts)


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
        others = agreeing(distinct_matches(article, known))
        published = infer_published(article, known_events=others)
        if published is None:
            continue
        if not plausible(article, published):
            logger.info(
                "archive date %s for %s left out: the text's years disagree",
                published.value,
                article.id,
            )
            continue
        store.set_published(article.id, published)
        store.put_timexes(article.id, tag(article.body, anchor_of(published)))
        dated += 1
    return dated

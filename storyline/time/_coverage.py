"""Dating an undated article in order of trust: its own text, the calendar, the archive.

`date_from_text` is what ingestion runs on each new article: the clues of the text
alone, then the shipped calendar of dated happenings it names.  `date_from_coverage` is
what the analysis runs later on the articles still undated, against the archive's dated
coverage (`known_dates_from_articles`).  Calendar and archive answers pass the same
guards: the date found may not contradict the years the text writes, and an archive
match must rest on several distinct words and on coverage of one happening only.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from storyline.model import Article, TimePoint, Timex
from storyline.time._clues import has_keyword
from storyline.time._known import calendar_dates_in, text_terms
from storyline.time._pubdate import infer_published
from storyline.time._tagger import tag
from storyline.time._types import KnownDate

logger = logging.getLogger(__name__)

MAX_YEARS_AFTER = 3
"""How many years after the latest year an article writes it may be dated.  News speaks
of its own years; the undated 1956 article of the example corpus, which writes no year
after 1956, was otherwise dated to a 2001 article recalling the same declaration."""

MIN_DISTINCT_WORDS = 5
"""Distinct words a coverage article's matched keywords must hold.  "Ichiro", "Hatoyama",
"Ichiro Hatoyama" and "Minister Ichiro" are four keywords but one name, and a name with
a place ("Kuril") is what a history piece and a later report recalling that history
share; the example corpus's undated 1956 article matched a 2001 report on exactly that."""

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def latest_written_year(text: str) -> int | None:
    """The latest four-digit year (1800–2099) written in ``text``."""
    years = [int(y) for y in _YEAR.findall(text)]
    return max(years) if years else None


def within_written_years(article: Article, published: TimePoint) -> bool:
    """Whether a date found outside the text agrees with the years the text writes: not
    before the latest of them, nor more than `MAX_YEARS_AFTER` years after it."""
    latest = latest_written_year(article.body)
    if latest is None:
        return True
    year = int(published.earliest[:4])
    return latest <= year <= latest + MAX_YEARS_AFTER


def distinct_matches(article: Article, known: Sequence[KnownDate]) -> list[KnownDate]:
    """The archive facts (other than the article's own) it matches by enough words."""
    lowered = article.body.lower()
    terms = text_terms(article.body)
    kept = []
    for fact in known:
        if fact.article_id is not None and fact.article_id == article.id:
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


def date_from_text(article: Article, *, timexes: Sequence[Timex] | None = None) -> TimePoint | None:
    """Date an article from its own text: its clues, else a dated happening of the
    shipped calendar that it names (kept only within the years the text writes).

    Args:
        article: the article (returned date unchanged when it has one).
        timexes: its body's time expressions tagged without an anchor, if at hand.

    Example:
        >>> article = Article(title=None, paragraphs=("MOSCOW, Nov. 20, 2005 - Putin said...",))
        >>> date_from_text(article).value
        '2005-11-20'
    """
    if article.published is not None:
        return article.published
    if timexes is None:
        timexes = tag(article.body, None)  # once, for both inferences below
    published = infer_published(article, timexes=timexes)
    if published is not None:
        return published
    calendar = calendar_dates_in(article.body)
    if not calendar:
        return None
    found = infer_published(article, timexes=timexes, known_events=calendar)
    return found if found is not None and within_written_years(article, found) else None


def date_from_coverage(
    article: Article, known: Sequence[KnownDate], *, timexes: Sequence[Timex] | None = None
) -> TimePoint | None:
    """Date an undated article from the archive's dated coverage it shares words with.

    Only coverage matched by `MIN_DISTINCT_WORDS` distinct words counts, none when it
    tells of like happenings at different times (`agreeing`), and the date found must
    lie within the years the text writes (`within_written_years`).

    Args:
        article: the undated article.
        known: dated facts of the archive (`known_dates_from_articles`); the article's
            own fact, if among them, is skipped.
        timexes: its body's time expressions tagged without an anchor, if at hand.

    Returns:
        The inferred date, or ``None`` when the archive does not settle it (an article
        the text alone dates is dated by `date_from_text`, not here).
    """
    facts = agreeing(distinct_matches(article, known))
    if not facts:
        return None  # the text alone had dated it already, if it could
    published = infer_published(article, known_events=facts, timexes=timexes)
    if published is None or within_written_years(article, published):
        return published
    logger.info(
        "archive date %s for %s left out: the text's years disagree",
        published.value,
        article.id,
    )
    return None

"""Dated facts from the archive: `KnownDate` records built from dated articles.

An undated article that shares the distinctive words of dated coverage ("static kill",
"Tahrir Square", "opening ceremony") most likely appeared close to it.  Each dated
article yields one `KnownDate` whose keywords are the words and word pairs that set it
apart from the rest of the archive: frequent in it, present in a few other articles,
absent from most.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from storyline.model import Article
from storyline.time._types import KnownDate

_WORD = re.compile(r"[a-z][a-z'-]{2,}")
# Days either side of a dated article that coverage sharing its words may appear in.
# On t17 (benchmarks/pubdate_text.py --mode archive) the best-matching dated article is
# within 2 days of the truth for half the articles but beyond a month for a fifth; 45
# days brings the truth inside the interval for 91% of answers (30 days: 89%).  The day
# itself is picked near the middle.
COVERAGE_WINDOW_DAYS = 45
_STOPWORDS = frozenset(
    """about above after again against all also although among and another any are
    around because been before being below between both but can could did does doing
    down during each even every few for from further had has have having her here hers
    herself him himself his how however into its itself just last least less many may
    might more most much must near need neither never new next nor not now off once
    one only other others our ours out over own per said same say says she should since
    some still such than that the their theirs them themselves then there these they
    this those though three through thus too two under until upon very was were what
    when where whether which while who whom whose why will with within without would yet
    you your yours year years month months week weeks day days today yesterday tomorrow
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december people told according""".split()
)


def text_terms(text: str) -> frozenset[str]:
    """Return the lower-cased words of ``text`` and its adjacent word pairs ("top kill"),
    split as the keywords of `known_dates_from_articles` are."""
    words = [w.strip("'-") for w in _WORD.findall(text.lower())]
    return frozenset(words) | frozenset(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))


def _terms(text: str) -> Counter[str]:
    """Return the counts of the content words and adjacent content-word pairs of text."""
    words = [w.strip("'-") for w in _WORD.findall(text.lower())]
    content = [w if len(w) > 2 and w not in _STOPWORDS else "" for w in words]
    counts: Counter[str] = Counter(w for w in content if w)
    counts.update(f"{a} {b}" for a, b in zip(content, content[1:], strict=False) if a and b)
    return counts


def known_dates_from_articles(
    articles: Iterable[Article],
    *,
    window_days: int = COVERAGE_WINDOW_DAYS,
    keywords: int = 12,
    min_matches: int = 4,
    max_share: float = 0.05,
    for_terms: frozenset[str] | None = None,
) -> tuple[KnownDate, ...]:
    """Build one `KnownDate` per dated article from its distinctive words.

    Args:
        articles: archive articles; those without ``published`` only count towards
            word frequencies.
        window_days: days either side of an article's date that an article sharing its
            keywords is taken to appear in.
        keywords: how many words and word pairs to keep per article.
        min_matches: how many of them another text must contain to count as a match.
        max_share: a term found in more than this share of the articles is too common
            to date anything.
        for_terms: when given, the `text_terms` of the texts to be dated: articles
            sharing fewer than ``min_matches`` terms with them could match none, and get
            no fact (the others get the same facts as without).

    Returns:
        The known dates, one per dated article with enough distinctive terms.

    Example:
        >>> facts = known_dates_from_articles(archive)  # doctest: +SKIP
        >>> infer_published(undated, known_events=facts)  # doctest: +SKIP
    """
    pool: Sequence[Article] = list(articles)
    counted = [_terms(article.body) for article in pool]
    frequency: Counter[str] = Counter()
    for counts in counted:
        frequency.update(counts.keys())
    limit = max(3, int(max_share * len(pool)))
    out: list[KnownDate] = []
    for article, counts in zip(pool, counted, strict=True):
        if article.published is None:
            continue
        if for_terms is not None and len(for_terms.intersection(counts)) < min_matches:
            continue
        scored = [
            (count * math.log(len(pool) / frequency[term]), term)
            for term, count in counts.items()
            if 2 <= frequency[term] <= limit
        ]
        chosen = tuple(term for _, term in sorted(scored, reverse=True)[:keywords])
        if len(chosen) < min_matches:
            continue
        slack = dt.timedelta(days=window_days)
        earliest = dt.date.fromisoformat(article.published.earliest) - slack
        latest = dt.date.fromisoformat(article.published.latest) + slack
        out.append(
            KnownDate(
                keywords=chosen,
                earliest=earliest.isoformat(),
                latest=latest.isoformat(),
                article_id=article.id or None,
                min_matches=min_matches,
                label=article.title or article.id,
                kind="coverage",
            )
        )
    return tuple(out)


CALENDAR = Path(__file__).with_name("calendar.tsv")
"""Widely reported dated happenings shipped with storyline (Olympic Games, World Cups)."""


@functools.cache
def calendar_dates(path: Path = CALENDAR) -> tuple[KnownDate, ...]:
    """Return the shipped calendar of dated happenings as `KnownDate` facts.

    Each fact needs all its keywords in a text ("sochi" and "olympics") and is read as
    happening while the text was written: an undated report from the Sochi Winter
    Olympics is dated inside the Games.
    """
    facts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, keywords, earliest, latest = line.split("\t")
        words = tuple(keywords.split("|"))
        facts.append(KnownDate(words, earliest, latest, min_matches=len(words), label=label))
    return tuple(facts)


CALENDAR_REACH = 40
"""Characters within which all of a calendar fact's keywords must occur ("the Winter
Olympics in Sochi"); "ties with Beijing, and Xi also attended the Winter Olympics" is
too far apart to name the Beijing Games."""


def calendar_dates_in(text: str, facts: Sequence[KnownDate] | None = None) -> tuple[KnownDate, ...]:
    """Return the calendar facts whose keywords all occur close together in ``text``.

    "The Winter Olympics in Sochi" names the Sochi Games; "Beijing" in one clause and
    "Olympics" in another names no Games at all.
    """
    lowered = text.lower()
    chosen = []
    for fact in calendar_dates() if facts is None else facts:
        if not all(keyword in lowered for keyword in fact.keywords):
            continue  # a plain search rules most facts out faster than the patterns
        places = [
            [m.start() for m in re.finditer(rf"\b{re.escape(k)}\b", lowered)] for k in fact.keywords
        ]
        if all(places) and any(
            all(any(abs(q - p) <= CALENDAR_REACH for q in other) for other in places[1:])
            for p in places[0]
        ):
            chosen.append(fact)
    return tuple(chosen)

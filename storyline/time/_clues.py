"""Clues to an undated article's publication date, read from its text and the archive.

Each `Clue` is an interval the date must lie in (or a bound on it) with a weight and
the evidence span behind it; each `DayHint` (a weekday, a day without a year) helps pick
the day inside the final interval.  `storyline.time._pubdate` combines them.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from storyline.model import Article, Evidence, Timex
from storyline.time._calendar import make_date
from storyline.time._known import text_terms
from storyline.time._tense import clause_tense
from storyline.time._types import KnownDate

logger = logging.getLogger(__name__)


# Weights of the clue kinds; the stronger wins a conflict.  Chosen on the t17 benchmark
# (benchmarks/pubdate_text.py) and the seed articles; re-run both after a change.
WEIGHT_STAMP = 10.0
WEIGHT_DATELINE = 8.0
WEIGHT_TIMESTAMP = 6.0
WEIGHT_KNOWN = 5.0
WEIGHT_RECENT_DATE = 2.0
WEIGHT_COVERAGE = 2.0
WEIGHT_BOUND = 1.0
# How long after a full date written in the past tense the article still appears; the
# 90th percentile of that gap on t17 is about five months.
RECENT_DATE_DAYS = 180
# A timestamp within the first quarter of the text (at least this many characters) is
# the article's own; further down it belongs to comments or page furniture.
STAMP_HEAD_CHARS = 600
# Comments and page timestamps follow the article within about this many days.
COMMENT_LEAD_DAYS = 7
# How long after a dated fact "ongoing" in the text the article may still appear.
KNOWN_SLACK_DAYS = 3
# An ongoing fact whose start is spoken of in the past ("the opening ceremony") puts the
# article in the fact's first week.
KNOWN_START_DAYS = 6

_STAMP = re.compile(
    r"(?im)^[^\S\n]*(?:last[^\S\n]+updated|updated|published|posted|first[^\S\n]+published"
    r"|modified|date)[^\S\n]*(?:on|at)?[^\S\n]*:?[^\S\n]*"
)
_DATELINE = re.compile(r"^[^\S\n]*[A-Z][A-Za-z.' -]{1,40}(?:\([^)]{1,30}\))?,[^\S\n]+")
_START_WORDS = re.compile(
    r"(?i)\b(?:opening\s+ceremony|opening|the\s+start\s+of|the\s+beginning\s+of|opened"
    r"|began|kicked\s+off|got\s+under\s+way|first\s+day)\b"
)
_YEAR_RANGE = re.compile(r"^(\d{4})\s?[-–/]\s?(\d{4}|\d\d)$")
_CLOCK_VALUE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d")
# "As of 1500 BST on 12 June 2009, 70 countries ...": a time the text speaks of, no stamp.
_SPOKEN_TIME_BEFORE = re.compile(r"(?i)\bas\s+of\s+$")


def _is_timestamp(text: str, timex: Timex) -> bool:
    """Whether ``timex`` is a day with a clock time standing alone, as a page stamps
    itself or a comment, rather than one a sentence speaks of."""
    if timex.type != "TIME" or not _CLOCK_VALUE.match(timex.value):
        return False
    return not _SPOKEN_TIME_BEFORE.search(text, max(0, timex.start - 8), timex.start)


# "by 2020", "until 2011", "the end of 2011": a target, not the year spoken in.
_TARGET_BEFORE = re.compile(r"(?i)\b(?:by|until|till|through|before|after|end\s+of)\s+$")
# "the 1989 Exxon Valdez spill": a year naming an event is past whatever the tense.
_ATTRIBUTIVE_BEFORE = re.compile(r"(?i)\b(?:the|a|an|its|his|her|their)\s+$")
_DAY = dt.timedelta(days=1)
_YEAR_SPAN = dt.timedelta(days=364)


@dataclass(frozen=True, slots=True)
class Clue:
    """One piece of evidence about the publication date.

    ``earliest``/``latest`` bound the date (``None`` = open); ``kind`` is one of
    ``stamp``, ``dateline``, ``known``, ``recent``, ``coverage``, ``lower``, ``page``,
    ``upper``, ``target``.
    """

    kind: str
    earliest: dt.date | None
    latest: dt.date | None
    weight: float
    evidence: Evidence
    point: dt.date | None = None
    """The most likely day by this clue alone, when it has one."""


@dataclass(frozen=True, slots=True)
class DayHint:
    """A clue that picks a day inside the interval: a weekday or a day without a year."""

    weekday: int | None
    month_day: tuple[int, int] | None
    evidence: Evidence


def _value_interval(value: str) -> tuple[dt.date, dt.date] | None:
    """Return the calendar interval of an absolute TIMEX3 date value."""
    match = re.match(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?|-Q([1-4])|-(SP|SU|FA|WI)|-H([12]))?", value)
    if match is None:
        return None
    year = int(match.group(1))
    month, day, quarter, season, half = match.group(2, 3, 4, 5, 6)
    if day:
        date = make_date(year, int(month), int(day))
        return (date, date) if date else None
    first, last = 1, 12
    if month:
        first = last = int(month)
    elif quarter:
        first, last = 3 * int(quarter) - 2, 3 * int(quarter)
    elif half:
        first, last = (1, 6) if half == "1" else (7, 12)
    elif season:
        first, last = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 12)}[season]
    start = make_date(year, first, 1)
    end_month = make_date(year + (last == 12), last % 12 + 1, 1)
    if start is None or end_month is None:
        return None
    return start, end_month - dt.timedelta(days=1)


def _evidence(article: Article, text: str, start: int, end: int) -> Evidence:
    return Evidence(text[start:end], start, end, article.id or None, "body")


def _stamp_clues(article: Article, text: str, timexes: Sequence[Timex]) -> list[Clue]:
    """Clues from "Last Updated:" lines and from a dateline at the start of the body."""
    clues: list[Clue] = []
    stamps = {m.end() for m in _STAMP.finditer(text)}
    dateline = _DATELINE.match(text)
    for timex in timexes:
        interval = _value_interval(timex.value)
        if interval is None or interval[0] != interval[1]:
            continue
        line_start = text.rfind("\n", 0, timex.start) + 1
        if timex.start in stamps or any(line_start <= s <= timex.start for s in stamps):
            if timex.start - line_start <= 40:
                clues.append(
                    Clue("stamp", interval[0], interval[1], WEIGHT_STAMP,
                         _evidence(article, text, line_start, timex.end), interval[0])
                )  # fmt: skip
                continue
        if dateline is not None and timex.start == dateline.end():
            clues.append(
                Clue("dateline", interval[0], interval[1] + _DAY, WEIGHT_DATELINE,
                     _evidence(article, text, 0, timex.end), interval[0])
            )  # fmt: skip
    return clues


def _mention_clues(article: Article, text: str, timexes: Sequence[Timex]) -> list[Clue]:
    """Clues from absolute dates in the text.

    A date in a past-tense clause bounds the publication date from below, and the latest
    full date locates it loosely; a year named in the future tense ("will ... in 2014")
    bounds it from above.  Timestamps are left to `_timestamp_clues`.
    """
    clues: list[Clue] = []
    latest_day: tuple[dt.date, Evidence] | None = None
    latest_year = 0
    for timex in timexes:
        if timex.type not in ("DATE", "TIME") or _is_timestamp(text, timex):
            continue
        interval = _value_interval(_range_end(timex))
        if interval is None:
            continue
        evidence = _evidence(article, text, timex.start, timex.end)
        attributive = _ATTRIBUTIVE_BEFORE.search(text, max(0, timex.start - 8), timex.start)
        if not attributive and clause_tense(text, timex.start, timex.end) == "future":
            target = bool(_TARGET_BEFORE.search(text, max(0, timex.start - 20), timex.start))
            whole_year = interval[1] - interval[0] == _YEAR_SPAN
            kind = "upper" if whole_year and not target else "target"
            clues.append(Clue(kind, None, interval[1], WEIGHT_BOUND, evidence))
            continue
        day = interval[0]
        exact = interval[0] == interval[1]
        clues.append(Clue("lower", day - _DAY if exact else day, None, WEIGHT_BOUND, evidence))
        latest_year = max(latest_year, day.year)
        if exact and (latest_day is None or day > latest_day[0]):
            latest_day = (day, evidence)
    # Only the latest full date, and only when no later year is named: an older one
    # is background ("since Sept. 11, 2001").
    if latest_day is not None and latest_day[0].year >= latest_year:
        day, evidence = latest_day
        latest = day + dt.timedelta(days=RECENT_DATE_DAYS)
        clues.append(Clue("recent", day - _DAY, latest, WEIGHT_RECENT_DATE, evidence, day))
    return clues


def _timestamp_clues(article: Article, text: str, timexes: Sequence[Timex]) -> list[Clue]:
    """Clues from timestamps (a day with a clock time).

    One timestamp day near the top is the article's own.  Several different days are
    comments or page furniture written after the article: the earliest bounds it from
    above, and it most likely appeared within the week before.
    """
    stamps = [t for t in timexes if _is_timestamp(text, t)]
    days = sorted({dt.date.fromisoformat(t.value[:10]) for t in stamps})
    if not days:
        return []
    first = min(stamps, key=lambda t: t.value)
    evidence = _evidence(article, text, first.start, first.end)
    day = days[0]
    head = max(STAMP_HEAD_CHARS, len(text) // 4)
    if len(days) == 1 and first.start < head:
        return [Clue("stamp", day - _DAY, day + _DAY, WEIGHT_TIMESTAMP, evidence, day)]
    before = day - dt.timedelta(days=COMMENT_LEAD_DAYS)
    if len(days) > 1 and days[1] - day <= dt.timedelta(days=COMMENT_LEAD_DAYS):
        return [Clue("recent", before, day + _DAY, WEIGHT_RECENT_DATE, evidence, day - _DAY)]
    return [Clue("page", None, day + _DAY, WEIGHT_BOUND, evidence)]


def _range_end(timex: Timex) -> str:
    """Return the value of the last year of a range ("2000-2008" -> 2008), else the value."""
    span = _YEAR_RANGE.match(timex.text.strip())
    if span is None:
        return timex.value
    last = span.group(2)
    return last if len(last) == 4 else span.group(1)[:2] + last


def day_hints(article: Article, text: str, timexes: Sequence[Timex]) -> list[DayHint]:
    """Weekdays in past-tense clauses and month-days written without a year."""
    hints: list[DayHint] = []
    for timex in timexes:
        value = timex.value
        evidence = _evidence(article, text, timex.start, timex.end)
        weekday = re.match(r"^XXXX-WXX-([1-7])$", value)
        if weekday and timex.type == "DATE":
            if clause_tense(text, timex.start, timex.end) != "future":
                hints.append(DayHint(int(weekday.group(1)), None, evidence))
            continue
        month_day = re.match(r"^XXXX-(\d\d)-(\d\d)", value)
        if month_day:
            hints.append(
                DayHint(None, (int(month_day.group(1)), int(month_day.group(2))), evidence)
            )
    return hints


@lru_cache(maxsize=1 << 16)
def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    """Return a pattern finding a keyword as a whole phrase."""
    parts = keyword.lower().split()
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, parts)) + r"(?!\w)")


def _known_clues(article: Article, text: str, known: Sequence[KnownDate]) -> list[Clue]:
    """Clues from dated facts of the archive whose keywords the text contains."""
    clues: list[Clue] = []
    if not known:
        return clues
    lowered = text.lower()
    terms = text_terms(text)
    for fact in known:
        present = [k for k in fact.keywords if has_keyword(k, terms, lowered)]
        if len(present) < max(1, min(fact.min_matches, len(fact.keywords))):
            continue
        spans = [m.span() for k in present for m in _keyword_pattern(k).finditer(lowered)]
        if not spans:
            continue
        clue = _known_clue(article, text, fact, spans, len(present))
        if clue is not None:
            clues.append(clue)
    return clues


def has_keyword(keyword: str, terms: frozenset[str], lowered: str) -> bool:
    """Return whether a keyword occurs: by word (pair) lookup, by search when longer.

    Only a longer keyword compiles a pattern: an archive of 20,000 articles holds over
    100,000 distinct word and pair keywords, too many for any pattern cache, and
    compiling them took most of the time of dating one article from the archive.
    """
    parts = keyword.lower().split()
    if len(parts) <= 2:
        return " ".join(parts) in terms
    if not all(part in terms for part in parts):
        return False
    return _keyword_pattern(keyword).search(lowered) is not None


def _known_clue(
    article: Article, text: str, fact: KnownDate, spans: list[tuple[int, int]], found: int
) -> Clue | None:
    try:
        earliest = dt.date.fromisoformat(fact.earliest)
        latest: dt.date | None = dt.date.fromisoformat(fact.latest)
    except ValueError:
        logger.warning("known date %r has a bad interval; skipped", fact.label or fact.keywords)
        return None
    start, end = min(spans)
    evidence = _evidence(article, text, start, end)
    share = found / max(len(fact.keywords), 1)
    if fact.kind == "coverage" and latest is not None:
        middle = earliest + (latest - earliest) / 2
        return Clue("coverage", earliest, latest, WEIGHT_COVERAGE * share, evidence, middle)
    if fact.ongoing and latest is not None:
        latest += dt.timedelta(days=KNOWN_SLACK_DAYS)
        if _speaks_of_start(text, spans):
            latest = min(latest, earliest + dt.timedelta(days=KNOWN_START_DAYS))
    else:
        latest = None
    return Clue("known", earliest, latest, WEIGHT_KNOWN * share, evidence)


def _speaks_of_start(text: str, spans: list[tuple[int, int]]) -> bool:
    """Return whether the text speaks, in the past, of the start of the fact it names."""
    for start, end in spans:
        window_start = max(0, start - 200)
        for match in _START_WORDS.finditer(text, window_start, min(len(text), end + 200)):
            if clause_tense(text, match.start(), match.end()) == "past":
                return True
    return False


def collect_clues(
    article: Article, text: str, timexes: Sequence[Timex], known: Sequence[KnownDate]
) -> list[Clue]:
    """Return every clue to the publication date of ``article`` (whose body is ``text``)."""
    return [
        *_stamp_clues(article, text, timexes),
        *_known_clues(article, text, known),
        *_timestamp_clues(article, text, timexes),
        *_mention_clues(article, text, timexes),
    ]

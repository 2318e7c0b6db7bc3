"""Publication-date inference for articles that carry no date.

Clues are read from the article body, each as an interval the publication date must lie
in (or a bound on it) with a weight:

- a stamp line ("Last Updated: Sunday, 20 November 2005") or a dateline ("MOSCOW, Nov
  20 -") puts the article on that day;
- a dated fact from the archive (`KnownDate`) that the text speaks of puts it inside
  (or after) the fact's dates;
- every date written in a past-tense clause is a lower bound ("in August 1945"), and a
  full date in the past a likely neighbourhood; a date in a future-tense clause is an
  upper bound ("will visit in June 2014");
- weekdays in past-tense clauses ("agreed on Saturday") and days written without a year
  pick the day inside the interval.

Location clues are intersected strongest first, skipping any that contradicts the
stronger ones; bounds are applied last.  Without a location clue only a year is given,
and only when a year mention makes one likely; otherwise the answer is "unknown"
(``None``), never a guess.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.model import Article, Granularity, Provenance, TimePoint, Timex
from storyline.time._calendar import make_date
from storyline.time._clues import Clue, DayHint, collect_clues, day_hints
from storyline.time._tagger import tag
from storyline.time._types import KnownDate

logger = logging.getLogger(__name__)

# Once located this narrowly (by a stamp or a dateline), a date in the text no longer
# moves the window: it is more often a misread tense than a later event.
NARROW_DAYS = 7
# A future-tense year this far beyond the latest past-tense one is a plan, not a clue.
YEAR_ONLY_MAX_GAP = 3
# Past-tense weekdays: the article appears on that day or within this many days after.
WEEKDAY_LAG_DAYS = 2


@dataclass
class _Window:
    """The interval being narrowed (``None`` = open on that side)."""

    earliest: dt.date | None = None
    latest: dt.date | None = None

    def narrowed(self, clue: Clue) -> _Window | None:
        """Return the window intersected with ``clue``, or ``None`` when they conflict."""
        earliest = _later(self.earliest, clue.earliest)
        latest = _earlier(self.latest, clue.latest)
        if earliest is not None and latest is not None and earliest > latest:
            return None
        return _Window(earliest, latest)


def _later(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return b if a is None else a if b is None else max(a, b)


def _earlier(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return b if a is None else a if b is None else min(a, b)


_LOCATING = ("stamp", "dateline", "known", "recent", "coverage")
_ORDER = {
    "stamp": 0, "dateline": 1, "known": 2, "recent": 3, "coverage": 4, "lower": 5,
    "page": 6, "upper": 7, "target": 8,
}  # fmt: skip


def _narrow(clues: Sequence[Clue]) -> tuple[_Window, list[Clue]]:
    """Intersect the clues strongest first, skipping those that contradict the window."""
    window = _Window()
    used: list[Clue] = []
    ordered = sorted(
        clues,
        key=lambda c: (_ORDER[c.kind], -c.weight, -(c.earliest or dt.date.min).toordinal()),
    )
    for clue in ordered:
        if clue.kind in ("recent", "coverage") and window.latest is not None:
            continue
        if clue.kind == "lower" and _is_narrow(window):
            continue
        narrowed = window.narrowed(clue)
        if narrowed is None:
            logger.debug("publication clue %r contradicts stronger ones", clue.evidence.text)
            continue
        if (narrowed.earliest, narrowed.latest) != (window.earliest, window.latest):
            used.append(clue)
        window = narrowed
    return window, used


def _is_narrow(window: _Window) -> bool:
    """Return whether a window is already located to within a few days."""
    if window.earliest is None or window.latest is None:
        return False
    return (window.latest - window.earliest).days < NARROW_DAYS


def _pick_day(
    window: _Window, hints: Sequence[DayHint], prior: dt.date | None
) -> tuple[dt.date, int] | None:
    """Choose the day inside a bounded window that most day hints agree with; among
    equals, the one closest to ``prior`` (else the earliest)."""
    if window.earliest is None or window.latest is None:
        return None
    length = (window.latest - window.earliest).days
    if length > 400:
        return None
    target = prior or window.earliest
    best: tuple[int, int, dt.date] | None = None
    for offset in range(length + 1):
        day = window.earliest + dt.timedelta(days=offset)
        score = sum(_hint_score(day, hint) for hint in hints)
        key = (score, -abs((day - target).days), day)
        if best is None or key[:2] > best[:2]:
            best = key
    return (best[2], best[0]) if best else None


def _hint_score(day: dt.date, hint: DayHint) -> int:
    """Score how well publication on ``day`` fits one hint (2 = on it, 1 = just after)."""
    if hint.weekday is not None:
        lag = (day.isoweekday() - hint.weekday) % 7
    elif hint.month_day is not None:
        written = make_date(day.year, *hint.month_day)
        if written is None:
            return 0
        lag = (day - written).days
    else:
        return 0
    if lag == 0:
        return 2
    return 1 if 0 < lag <= WEEKDAY_LAG_DAYS else 0


def _year_only(clues: Sequence[Clue]) -> tuple[_Window, list[Clue]] | None:
    """Give a year when only bounds are known.

    A year named in the future tense ("will shape Asia in 2014", not "by 2020") is
    mostly the next year or the current one, so the article lies in it or the year
    before; past-tense years bound it from below.
    """
    lowers = [c for c in clues if c.kind == "lower" and c.earliest is not None]
    floor = max((c.earliest for c in lowers if c.earliest), default=None)
    candidates = [
        c
        for c in clues
        if c.kind == "upper" and c.latest is not None and (floor is None or c.latest >= floor)
    ]
    if not candidates:
        return None
    clue = min(candidates, key=lambda c: c.latest or dt.date.max)
    if clue.latest is None:
        return None
    start = dt.date(clue.latest.year - 1, 1, 1)
    if floor is not None:
        if clue.latest.year - floor.year > YEAR_ONLY_MAX_GAP:
            return None
        start = max(start, floor)
    return _Window(start, clue.latest), [clue, *[c for c in lowers if c.earliest == floor][:1]]


def infer_published(
    article: Article,
    *,
    known_events: Sequence[KnownDate] = (),
    timexes: Sequence[Timex] | None = None,
) -> TimePoint | None:
    """Infer when an undated article was published, from its text and the archive.

    Args:
        article: the article; its body (paragraphs joined by blank lines) is read, and
            evidence offsets point into it.  An article that already has a
            ``published`` date is returned unchanged.
        known_events: dated facts from the archive the text may speak of.
        timexes: the body's time expressions tagged without an anchor, when the caller
            already has them (they are tagged here otherwise).

    Returns:
        A `TimePoint` with provenance ``INFERRED``, the interval the date lies in
        (``earliest``..``latest``), its most likely value, a confidence and the
        evidence spans; or ``None`` when the text gives no reliable clue.

    Example:
        >>> article = Article(title=None, paragraphs=("MOSCOW, Nov. 20, 2005 - Putin said...",))
        >>> infer_published(article).value
        '2005-11-20'
    """
    if article.published is not None:
        return article.published
    text = article.body
    if not text.strip():
        return None
    if timexes is None:
        timexes = tag(text, None)
    clues = collect_clues(article, text, timexes, known_events)
    window, used = _narrow(clues)
    if not any(c.kind in _LOCATING for c in used):
        found = _year_only(clues)
        if found is None:
            return None
        window, used = found
    if window.earliest is None or window.latest is None:
        return None
    return _time_point(window, used, day_hints(article, text, timexes))


def _time_point(window: _Window, used: list[Clue], hints: list[DayHint]) -> TimePoint:
    """Turn a bounded window into a `TimePoint`, choosing a day when the clues allow."""
    earliest = window.earliest or dt.date.min
    latest = window.latest or dt.date.max
    located = [c for c in used if c.kind in _LOCATING]
    prior = next((c.point for c in located if c.point is not None), None)
    if prior is not None:
        prior = min(max(prior, earliest), latest)
    stamped = bool(located) and located[0].kind in ("stamp", "dateline")
    picked = None if stamped else _pick_day(window, hints, prior)
    evidence = [clue.evidence for clue in used]
    day: dt.date | None = None
    if picked is not None and picked[1] > 0:
        day = picked[0]
        evidence += [h.evidence for h in hints if _hint_score(day, h) > 0]
        if (latest - earliest).days >= 7 and any(c.kind in _EVENT_LIKE for c in located):
            earliest, latest = _near(day, earliest, latest)
    elif prior is not None:
        day = prior
    length = (latest - earliest).days + 1
    if day is not None:
        granularity, value = Granularity.DAY, day.isoformat()
    elif length <= 62:
        granularity, value = Granularity.MONTH, f"{earliest.year:04d}-{earliest.month:02d}"
    else:
        granularity, value = Granularity.YEAR, f"{latest.year:04d}"
    strength = sum(c.weight for c in used) + (1 if picked and picked[1] > 0 else 0)
    confidence = min(0.95, 0.3 + 0.06 * strength) * (1.0 if length <= 7 else 0.7)
    return TimePoint(
        value=value,
        earliest=earliest.isoformat(),
        latest=latest.isoformat(),
        granularity=granularity,
        provenance=Provenance.INFERRED,
        confidence=round(confidence, 3),
        evidence=tuple(dict.fromkeys(evidence)),
    )


# Located by a happening or a dateline: a weekday the text names then pins the week.
_EVENT_LIKE = ("stamp", "dateline", "known")


def _near(day: dt.date, earliest: dt.date, latest: dt.date) -> tuple[dt.date, dt.date]:
    """Narrow a located window to the week around the picked day."""
    start = max(earliest, day - dt.timedelta(days=1))
    end = min(latest, start + dt.timedelta(days=6))
    return start, end

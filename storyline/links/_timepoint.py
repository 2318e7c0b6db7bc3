"""TIMEX3 values as calendar intervals, and `TimePoint`s built from them."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from storyline.model import Evidence, Granularity, Provenance, TimePoint

_SEASONS = {
    # Meteorological seasons of the northern hemisphere; winter runs into the next year.
    "SP": ((3, 1), (5, 31)),
    "SU": ((6, 1), (8, 31)),
    "FA": ((9, 1), (11, 30)),
    "WI": ((12, 1), (2, 28)),
}
_VALUE = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<month>\d\d)(?:-(?P<day>\d\d))?|(?P<season>SP|SU|FA|WI)"
    r"|Q(?P<quarter>[1-4])|W(?P<week>\d\d)))?(?:T.*)?$"
)
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")

Interval = tuple[dt.date, dt.date, Granularity]


def _year_part(match: re.Match[str], year: int) -> Interval | None:
    if match["season"]:
        (m1, d1), (m2, d2) = _SEASONS[match["season"]]
        end_year = year + 1 if match["season"] == "WI" else year
        last = calendar.monthrange(end_year, m2)[1] if m2 == 2 else d2
        return dt.date(year, m1, d1), dt.date(end_year, m2, last), Granularity.SEASON
    if match["quarter"]:
        first = 3 * (int(match["quarter"]) - 1) + 1
        end = dt.date(year, first + 2, calendar.monthrange(year, first + 2)[1])
        return dt.date(year, first, 1), end, Granularity.QUARTER
    if match["week"]:
        monday = dt.date.fromisocalendar(year, int(match["week"]), 1)
        return monday, monday + dt.timedelta(days=6), Granularity.WEEK
    return dt.date(year, 1, 1), dt.date(year, 12, 31), Granularity.YEAR


def value_interval(value: str) -> Interval | None:
    """Return the inclusive calendar interval and granularity of a TIMEX3 date value.

    Unanchored (``XXXX-04``), reference (``PAST_REF``) and malformed values give ``None``.
    """
    match = _VALUE.match(value)
    try:
        if match:
            year = int(match["year"])
            if match["month"] and match["day"]:
                day = dt.date(year, int(match["month"]), int(match["day"]))
                return day, day, Granularity.DAY
            if match["month"]:
                month = int(match["month"])
                last = calendar.monthrange(year, month)[1]
                return dt.date(year, month, 1), dt.date(year, month, last), Granularity.MONTH
            return _year_part(match, year)
        if decade := _DECADE.match(value):
            start = int(decade[1]) * 10
            return dt.date(start, 1, 1), dt.date(start + 9, 12, 31), Granularity.DECADE
        if century := _CENTURY.match(value):
            start = int(century[1]) * 100
            return dt.date(max(start, 1), 1, 1), dt.date(start + 99, 12, 31), Granularity.CENTURY
    except ValueError:
        return None
    return None


def time_point(
    value: str,
    *,
    provenance: Provenance = Provenance.INFERRED,
    confidence: float = 1.0,
    evidence: tuple[Evidence, ...] = (),
) -> TimePoint | None:
    """Return a `TimePoint` for a TIMEX3 date value, or ``None`` when it names no interval."""
    interval = value_interval(value)
    if interval is None:
        return None
    first, last, granularity = interval
    return TimePoint(
        value=value.split("T")[0] if granularity is not Granularity.TIME else value,
        earliest=first.isoformat(),
        latest=last.isoformat(),
        granularity=granularity,
        provenance=provenance,
        confidence=confidence,
        evidence=evidence,
    )


def interval_of(point: TimePoint) -> tuple[dt.date, dt.date] | None:
    """Return the inclusive interval of ``point`` as dates, or ``None`` when unparsable."""
    try:
        return dt.date.fromisoformat(point.earliest[:10]), dt.date.fromisoformat(point.latest[:10])
    except ValueError:
        return None


def overlaps(a: TimePoint, b: TimePoint) -> bool:
    """Return whether the intervals of two time points share at least one day."""
    return a.earliest[:10] <= b.latest[:10] and b.earliest[:10] <= a.latest[:10]

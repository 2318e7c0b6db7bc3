"""TIMEX3 values as `TimePoint`s: bounds, granularity, sort keys and display labels.

A year-level value ("2009") is an interval from 2009-01-01 to 2009-12-31, never a day;
sorting by ``(earliest, -span)`` puts it before the months and days inside it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from storyline.model import Granularity, Provenance, TimePoint

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")

# Northern-hemisphere meteorological seasons as (first month, last month, year offset of
# the last month): winter runs from December into the next year.
_SEASONS = {"SP": (3, 5, 0), "SU": (6, 8, 0), "FA": (9, 11, 0), "WI": (12, 2, 1)}
_SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _iso(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def bounds(value: str) -> tuple[str, str, Granularity] | None:
    """Return ``(earliest, latest, granularity)`` of a TIMEX3 date value, or ``None``.

    Example:
        >>> bounds("2014-FA")
        ('2014-09-01', '2014-11-30', <Granularity.SEASON: 'season'>)
    """
    if match := _DAY.match(value):
        year, month, day = (int(g) for g in match.groups())
        if not _is_valid(year, month, day):
            return None
        grain = Granularity.TIME if "T" in value[10:11] else Granularity.DAY
        return _iso(year, month, day), _iso(year, month, day), grain
    if match := _MONTH.match(value):
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            return None
        return _iso(year, month, 1), _iso(year, month, _last_day(year, month)), Granularity.MONTH
    if match := _YEAR.match(value):
        year = int(match[1])
        return _iso(year, 1, 1), _iso(year, 12, 31), Granularity.YEAR
    return _coarse_bounds(value)


def _coarse_bounds(value: str) -> tuple[str, str, Granularity] | None:
    if match := _SEASON.match(value):
        year = int(match[1])
        first, last, offset = _SEASONS[match[2]]
        end_year = year + offset
        earliest = _iso(year, first, 1)
        return earliest, _iso(end_year, last, _last_day(end_year, last)), Granularity.SEASON
    if match := _QUARTER.match(value):
        year, quarter = int(match[1]), int(match[2])
        last = quarter * 3
        return _iso(year, last - 2, 1), _iso(year, last, _last_day(year, last)), Granularity.QUARTER
    if match := _WEEK.match(value):
        year, week = int(match[1]), int(match[2])
        try:
            monday = dt.date.fromisocalendar(year, week, 1)
        except ValueError:
            return None
        sunday = monday + dt.timedelta(days=6)
        return monday.isoformat(), sunday.isoformat(), Granularity.WEEK
    if match := _DECADE.match(value):
        start = int(match[1]) * 10
        return _iso(start, 1, 1), _iso(start + 9, 12, 31), Granularity.DECADE
    if match := _CENTURY.match(value):
        start = int(match[1]) * 100
        return _iso(start, 1, 1), _iso(start + 99, 12, 31), Granularity.CENTURY
    return None


def _is_valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _last_day(year, month)


def point_from_value(
    value: str,
    provenance: Provenance = Provenance.EXPLICIT,
    confidence: float = 1.0,
) -> TimePoint | None:
    """Return the `TimePoint` of a TIMEX3 date value, or ``None`` when it names no date."""
    found = bounds(value)
    if found is None:
        return None
    earliest, latest, granularity = found
    return TimePoint(value, earliest, latest, granularity, provenance, confidence)


def sort_key(point: TimePoint) -> tuple[str, str]:
    """Return a key that orders points by start, wider intervals first.

    A year sorts before its months, a month before its days, so "2009" never lands
    on 1 January among the day-level entries.
    """
    # Among points that start on the same day the wider one ends later: sorting on the
    # complement of the end's ordinal day puts it first.
    latest = dt.date.fromisoformat(point.latest).toordinal()
    return point.earliest, f"{10_000_000 - latest:08d}"


def label(point: TimePoint) -> str:
    """Return a short human label at the point's own granularity.

    Example:
        >>> label(point_from_value("2014-FA"))
        'autumn 2014'
    """
    value = point.value
    if point.granularity in (Granularity.DAY, Granularity.TIME):
        return value[:10]
    if point.granularity == Granularity.SEASON and (match := _SEASON.match(value)):
        return f"{_SEASON_NAMES[match[2]]} {match[1]}"
    if point.granularity == Granularity.DECADE:
        return f"{point.earliest[:4]}s"
    return value


def start_parts(point: TimePoint) -> dict[str, str]:
    """Return TimelineJS ``start_date`` parts, omitting what the granularity does not know."""
    year, month, day = point.earliest[:4], point.earliest[5:7], point.earliest[8:10]
    grain = point.granularity
    if grain in (Granularity.DAY, Granularity.TIME, Granularity.WEEK):
        return {"year": year, "month": str(int(month)), "day": str(int(day))}
    if grain in (Granularity.MONTH, Granularity.SEASON, Granularity.QUARTER):
        return {"year": year, "month": str(int(month))}
    return {"year": year}

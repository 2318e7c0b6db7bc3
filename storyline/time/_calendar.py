"""Calendar arithmetic and TIMEX3 value rendering and checking.

Everything here is a pure function over `datetime.date`; values that would fall outside
the years 1..9999 give ``None`` instead of raising.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal

Unit = Literal["D", "W", "M", "Q", "Y", "E", "C"]
Direction = Literal["past", "future", "nearest", "soon", "recent", "upcoming"]

_ANCHOR = re.compile(
    r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
    r"(?:Z|[+-]\d{2}:?\d{2})?\s*$"
)


# Anchors are kept a few years inside date's range so that resolving "two years ago"
# or "next week" against them never leaves it.
ANCHOR_MIN_YEAR = 10
ANCHOR_MAX_YEAR = 9990


def parse_anchor(value: str | None) -> tuple[dt.date, tuple[int, int] | None] | None:
    """Return the date (and hour, minute) of an ISO date or datetime, or ``None``.

    Dates outside the years 10..9990 count as no anchor.

    Example:
        >>> parse_anchor("2014-02-08T10:30:00")
        (datetime.date(2014, 2, 8), (10, 30))
    """
    if not value:
        return None
    match = _ANCHOR.match(value)
    if not match:
        return None
    year, month, day, hour, minute = (match.group(i) for i in range(1, 6))
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    if not ANCHOR_MIN_YEAR <= date.year <= ANCHOR_MAX_YEAR:
        return None
    clock = (int(hour), int(minute)) if hour is not None else None
    if clock is not None and not (0 <= clock[0] <= 24 and 0 <= clock[1] <= 59):
        clock = None
    return date, clock


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """Return ``date(year, month, day)``, or ``None`` when no such day exists."""
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def shift(date: dt.date, unit: Unit, count: int) -> dt.date | None:
    """Move ``date`` by ``count`` units (days, weeks, months, quarters, years...).

    Months clamp the day to the month's length (31 January + 1 month = 28/29 February).
    Returns ``None`` when the result leaves the years 1..9999.
    """
    try:
        if unit == "D":
            return date + dt.timedelta(days=count)
        if unit == "W":
            return date + dt.timedelta(weeks=count)
        months = {"M": 1, "Q": 3, "Y": 12, "E": 120, "C": 1200}[unit] * count
        index = date.year * 12 + date.month - 1 + months
        year, month = divmod(index, 12)
        last = calendar.monthrange(year, month + 1)[1] if 1 <= year <= 9999 else 0
        return dt.date(year, month + 1, min(date.day, last))
    except (ValueError, OverflowError):
        return None


def year_text(year: int) -> str | None:
    """Return a year as four digits, or ``None`` outside 1..9999."""
    return f"{year:04d}" if 1 <= year <= 9999 else None


def render(date: dt.date, granularity: str) -> str:
    """Render ``date`` as a TIMEX3 value at ``granularity``.

    Granularities: ``day``, ``week``, ``month``, ``quarter``, ``half``, ``year``,
    ``decade``, ``century``.
    """
    if granularity == "day":
        return date.isoformat()
    if granularity == "week":
        year, week, _ = date.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if granularity == "month":
        return f"{date.year:04d}-{date.month:02d}"
    if granularity == "quarter":
        return f"{date.year:04d}-Q{quarter_of(date)}"
    if granularity == "half":
        return f"{date.year:04d}-H{1 if date.month <= 6 else 2}"
    if granularity == "decade":
        return f"{date.year:04d}"[:3]
    if granularity == "century":
        return f"{date.year:04d}"[:2]
    return f"{date.year:04d}"


def quarter_of(date: dt.date) -> int:
    """Return the calendar quarter (1..4) of ``date``."""
    return (date.month - 1) // 3 + 1


def pick_year(
    anchor: dt.date, month: int, day: int | None, direction: Direction | None
) -> int | None:
    """Choose the year of a month (and day) written without one.

    ``past`` takes the latest such date on or before the anchor, ``future`` the first
    on or after it; ``nearest`` (or ``None``) the closest occurrence (the earlier one
    when two are as close), ``soon`` the closest with ties going to the later one.
    """
    target = (month, day or 1)
    here = (anchor.month, anchor.day if day else 1)
    if direction == "upcoming":
        # a schedule told in the present: the coming one within eight months, else the
        # nearest ("a financial year begins April 1", said on April 20)
        ahead = pick_year(anchor, month, day, "future")
        if ahead is not None and (ahead - anchor.year) * 12 + month - anchor.month <= 8:
            return ahead
        return pick_year(anchor, month, day, "nearest")
    if direction == "recent":
        back = pick_year(anchor, month, day, "past")
        ahead = pick_year(anchor, month, day, "future")
        if back is None or ahead is None:
            return back if ahead is None else ahead
        gone = (anchor.year - back) * 12 + anchor.month - month
        coming = (ahead - anchor.year) * 12 + month - anchor.month
        return ahead if 2 * coming < gone else back
    if direction == "past":
        return anchor.year if target <= here else anchor.year - 1
    if direction == "future":
        return anchor.year if target >= here else anchor.year + 1
    tie = -1 if direction == "soon" else 1
    if day is None:
        here_index = anchor.year * 12 + anchor.month
        return min(
            (anchor.year - 1, anchor.year, anchor.year + 1),
            key=lambda year: (abs(year * 12 + month - here_index), tie * year),
        )
    best: tuple[int, int, int] | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        date = make_date(year, month, min(day, 28) if month == 2 and day == 29 else day)
        if date is None:
            continue
        key = (abs((date - anchor).days), tie * year, year)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def weekday_date(anchor: dt.date, weekday: int, direction: Direction | None) -> dt.date:
    """Return the date of ISO ``weekday`` (1 = Monday) near ``anchor``.

    ``past`` (the default) gives the latest such day on or before the anchor, ``future``
    the first on or after it, ``nearest`` the closer of the two (the one gone by when they
    are as close).
    """
    delta = weekday - anchor.isoweekday()
    ahead = anchor + dt.timedelta(days=delta % 7)
    gone = anchor - dt.timedelta(days=(-delta) % 7)
    if direction == "future":
        return ahead
    if direction == "nearest":
        return min(gone, ahead, key=lambda d: abs(d - anchor))
    return gone


SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season_year(anchor: dt.date, season: str, direction: Direction | None) -> int:
    """Choose the year of a season written without one ("in the autumn").

    The season counts as past once it has begun; winter belongs to the year in which
    it starts (December), so January and February fall in the previous year's winter.
    Without a direction the season of the anchor's calendar year is taken.
    """
    current = season_of(anchor)
    year = anchor.year - 1 if anchor.month <= 2 else anchor.year
    order = ("SP", "SU", "FA", "WI")
    start_index = order.index(season)
    here_index = order.index(current)
    if direction == "past":
        return year if start_index <= here_index else year - 1
    if direction == "future":
        return year if start_index >= here_index else year + 1
    if season == "WI" and anchor.month <= 2:
        return anchor.year - 1
    return anchor.year


def season_of(date: dt.date) -> str:
    """Return the season code (SP, SU, FA, WI) of ``date``."""
    if date.month in (12, 1, 2):
        return "WI"
    return ("SP", "SU", "FA")[(date.month - 3) // 3]


_DATE_VALUE = re.compile(
    r"""^(?:
        (?:\d{4}|\d{3}|\d{2}|\d{2}XX|\d{3}X|XXXX)
        (?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?
          |-W(?:\d{2}|XX)(?:-(?:[1-7]|WE))?
          |-Q[1-4X]|-H[12X]|-(?:SP|SU|FA|WI)
        )?
        (?:T(?:\d{2}(?::\d{2}(?::\d{2})?)?|MO|AF|EV|NI|DT))?
      | PRESENT_REF|PAST_REF|FUTURE_REF
      | BC\d{4}
    )$""",
    re.VERBOSE,
)
_DURATION_VALUE = re.compile(
    r"^P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|Q|E|C|L))*"
    r"(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?$"
)


def is_timex_value(timex_type: str, value: str) -> bool:
    """Return whether ``value`` is a well-formed TIMEX3 value for ``timex_type``.

    Dates are also checked against the calendar (no 31 February, no month 13).

    Example:
        >>> is_timex_value("DATE", "2014-02-30")
        False
    """
    if timex_type == "DURATION":
        return value != "P" and value != "PT" and bool(_DURATION_VALUE.match(value))
    if timex_type == "SET" and value.startswith("P"):
        return value != "P" and bool(_DURATION_VALUE.match(value))
    if timex_type not in ("DATE", "TIME", "SET") or not _DATE_VALUE.match(value):
        return False
    return _is_calendar_valid(value)


def _is_calendar_valid(value: str) -> bool:
    parts = value.split("T", 1)
    date_part = parts[0]
    fields = date_part.split("-")
    if len(fields) >= 2 and fields[1].isdigit() and not 1 <= int(fields[1]) <= 12:
        return False
    if len(fields) == 3 and fields[1].isdigit() and fields[2].isdigit():
        if fields[0].isdigit() and len(fields[0]) == 4:
            if make_date(int(fields[0]), int(fields[1]), int(fields[2])) is None:
                return False
        elif not 1 <= int(fields[2]) <= calendar.monthrange(2000, int(fields[1]))[1]:
            return False
    if len(fields) >= 2 and fields[1].startswith("W") and fields[1][1:].isdigit():
        if not 1 <= int(fields[1][1:]) <= 53:
            return False
    if len(parts) == 2 and parts[1][:2].isdigit():
        clock = [int(x) for x in parts[1].split(":")]
        if clock[0] > 24 or any(x > 59 for x in clock[1:]):
            return False
    return True

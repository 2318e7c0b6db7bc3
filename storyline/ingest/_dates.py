"""Turn the dates found in feeds and exports into ISO 8601 strings."""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

from dateutil import parser as dateutil_parser

_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR_OR_MONTH = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2}))?")
_MAX_DATE_TEXT = 100  # longer "dates" are prose, not worth a parser's time

# Two far-apart defaults: a field the text lacks comes out different under each, so a
# date missing its day (or a time missing its hour) is seen rather than invented.
_DEFAULTS = (dt.datetime(2000, 1, 1, 0, 0, 0), dt.datetime(2001, 2, 2, 1, 1, 1))

_EPOCH_MS_ABOVE = 1e11
"""Numbers above this are epoch milliseconds (1e11 seconds is the year 5138)."""
_EPOCH_RANGE = (0.0, 4102444800.0)  # 1970-01-01 to 2100-01-01, in seconds


def to_iso(text: str) -> str | None:
    """Return ``text`` (an RFC 822, RFC 3339 or other complete date) as ISO 8601, or ``None``.

    A date without a time stays a date (``2014-02-08``), a bare year or month stays one
    (``2014``, ``2014-02``); a timezone is kept when given.

    Example::

        >>> to_iso("Sat, 08 Feb 2014 10:05:00 +0000")
        '2014-02-08T10:05:00+00:00'
    """
    text = " ".join(text.split())
    if not text or len(text) > _MAX_DATE_TEXT:
        return None
    if _DATE_ONLY.fullmatch(text):
        return _valid_date(text)
    partial = _YEAR_OR_MONTH.fullmatch(text)
    if partial is not None:
        month = partial.group("month")
        return text if month is None or 1 <= int(month) <= 12 else None
    for parse in (_iso, _rfc822, _rfc3339, _loose):
        value = parse(text)
        if value is not None:
            return value
    return None


def epoch_to_iso(number: float) -> str | None:
    """Return an epoch timestamp (seconds or milliseconds) as an ISO UTC datetime."""
    seconds = number / 1000 if number > _EPOCH_MS_ABOVE else number
    if not _EPOCH_RANGE[0] < seconds < _EPOCH_RANGE[1]:
        return None
    return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).isoformat()


def _valid_date(text: str) -> str | None:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def _iso(text: str) -> str | None:
    """The fast path: the ISO forms Python reads itself (most exports write these)."""
    try:
        return dt.datetime.fromisoformat(text).isoformat()
    except ValueError:
        return None


def _rfc822(text: str) -> str | None:
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _rfc3339(text: str) -> str | None:
    try:
        return dateutil_parser.isoparse(text).isoformat()
    except (ValueError, OverflowError):
        return None


def _loose(text: str) -> str | None:
    try:
        first, second = (dateutil_parser.parse(text, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        return None
    if first.date() != second.date():
        return None  # the year, month or day is missing
    if (first.hour, first.minute) != (second.hour, second.minute):
        return first.date().isoformat()
    return first.isoformat()

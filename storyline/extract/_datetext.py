"""Read publication dates written in text and in metadata, and make `TimePoint`s of them.

Covers the forms news pages print in "Last Updated", "Published" and dateline lines
("Sunday, 20 November 2005, 05:36 GMT", "Nov. 20, 2005 5:36 PM EST", "2005-11-20T05:36Z",
"10:05 GMT, Sunday, 20 November 2005"), the short dates of related-coverage lists
("14 Jan 05") and the ISO values that sources put in metadata.  Full time-expression
tagging is the time stage's job; this module only reads whole dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from storyline.model import Evidence, Granularity, Provenance, TimePoint

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip

# Offsets in minutes of the zone abbreviations news sites print.  Ambiguous ones (IST,
# CST) take their most common news meaning: India, US Central.
TIMEZONES = {
    "gmt": 0, "utc": 0, "z": 0, "bst": 60, "cet": 60, "cest": 120, "wet": 0, "west": 60,
    "eet": 120, "eest": 180, "msk": 180, "est": -300, "edt": -240, "cst": -360,
    "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420, "akst": -540,
    "hst": -600, "ist": 330, "pkt": 300, "ict": 420, "wib": 420, "sgt": 480, "hkt": 480,
    "awst": 480, "jst": 540, "kst": 540, "aest": 600, "aedt": 660, "nzst": 720,
    "nzdt": 780,
}  # fmt: skip

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DAY = r"(?<!\d)(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TZ = r"(?P<tz>" + "|".join(sorted(TIMEZONES, key=len, reverse=True)) + r"|[+-]\d\d:?\d\d)"
_TIME = (
    r"(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?(?:\s*\(?" + _TZ + r"\b\)?)?"
)

_DATE_FORMS = (
    re.compile(_WEEKDAY + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + r"\b", re.IGNORECASE),
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", re.IGNORECASE),
    re.compile(
        r"\b" + _YEAR + r"-(?P<nmonth>[01]\d)-(?P<day>[0-3]\d)"
        r"(?:[T ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?:\.\d+)?"
        r"\s*(?P<tz>Z|[+-]\d\d:?\d\d)?)?",
        re.IGNORECASE,
    ),
)
_TIME_FORM = re.compile(r"\b" + _TIME, re.IGNORECASE)
_DAY_MONTH_FORMS = (
    re.compile(r"\b" + _DAY + r"\s+" + _MONTH + r"(?![a-z])", re.IGNORECASE),
    re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"\b", re.IGNORECASE),
)
_GAP_AFTER = re.compile(r"[\s,]*(?:at\s+)?", re.IGNORECASE)
_GAP_BEFORE = re.compile(r"[\s,]*(?:on\s+)?", re.IGNORECASE)
_SHORT_DATE = re.compile(
    r"^\s*" + _DAY + r"\s+" + _MONTH + r"\s+(?P<yy>\d\d|\d{4})\b", re.IGNORECASE
)

# A time printed further than this from its date belongs to something else.
_TIME_GAP_CHARS = 16
# Two-digit years below this pivot are read as 20xx without a reference date, as POSIX
# strptime's %y does.
_YY_PIVOT = 69


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date (and maybe a time) read from text, with the span it was read from."""

    day: date
    start: int
    end: int
    time: tuple[int, int, int] | None = None
    utc_offset: int | None = None
    """Minutes east of UTC, when the text names a zone."""

    def to_timepoint(
        self,
        provenance: Provenance,
        evidence: tuple[Evidence, ...] = (),
        confidence: float = 1.0,
    ) -> TimePoint:
        """Return the `TimePoint` of this date: granularity TIME when a time was given."""
        return make_timepoint(
            self.day, self.time, self.utc_offset, provenance, evidence, confidence
        )


def make_timepoint(
    day: date,
    time: tuple[int, int, int] | None,
    utc_offset: int | None,
    provenance: Provenance,
    evidence: tuple[Evidence, ...] = (),
    confidence: float = 1.0,
) -> TimePoint:
    """Build a day- or time-granular `TimePoint`; the zone, when known, is kept."""
    iso_day = day.isoformat()
    if time is None:
        return TimePoint(
            iso_day, iso_day, iso_day, Granularity.DAY, provenance, confidence, evidence
        )
    zone = None if utc_offset is None else timezone(timedelta(minutes=utc_offset))
    moment = datetime(day.year, day.month, day.day, *time, tzinfo=zone)
    return TimePoint(
        moment.isoformat(), iso_day, iso_day, Granularity.TIME, provenance, confidence, evidence
    )


def _zone_offset(raw: str | None) -> int | None:
    if not raw:
        return None
    name = raw.lower()
    if name in TIMEZONES:
        return TIMEZONES[name]
    sign = -1 if raw[0] == "-" else 1
    digits = raw[1:].replace(":", "")
    return sign * (int(digits[:2]) * 60 + int(digits[2:4]))


def _hour24(hour: int, ampm: str | None) -> int:
    if not ampm:
        return hour
    is_pm = ampm.lower().startswith("p")
    if hour == 12:
        return 12 if is_pm else 0
    return hour + 12 if is_pm else hour


def _time_of(match: re.Match[str]) -> tuple[tuple[int, int, int] | None, int | None]:
    groups = match.groupdict()
    if groups.get("hour") is None:
        return None, _zone_offset(groups.get("tz"))
    hour = _hour24(int(groups["hour"]), groups.get("ampm"))
    if hour > 23:
        return None, None
    second = int(groups["second"]) if groups.get("second") else 0
    return (hour, int(groups["minute"]), second), _zone_offset(groups.get("tz"))


def _day_of(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    month = MONTHS[groups["month"].lower()] if groups.get("month") else int(groups["nmonth"])
    try:
        return date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return None


def find_date(text: str) -> FoundDate | None:
    """Find the first full date (with its year) in ``text``, with a time next to it.

    Example::

        found = find_date("Last Updated: Sunday, 20 November 2005, 05:36 GMT")
        assert found is not None and found.time == (5, 36, 0) and found.utc_offset == 0
    """
    best: tuple[re.Match[str], date] | None = None
    for form in _DATE_FORMS:
        for match in form.finditer(text):
            day = _day_of(match)
            if day is not None:
                if best is None or match.start() < best[0].start():
                    best = (match, day)
                break
    if best is None:
        return None
    match, day = best
    start, end = match.span()
    time, offset = _time_of(match)
    if time is None:
        near = _nearby_time(text, start, end)
        if near is not None:
            time, offset = _time_of(near)
            start, end = min(start, near.start()), max(end, near.end())
    return FoundDate(day, start, end, time, offset)


def _nearby_time(text: str, start: int, end: int) -> re.Match[str] | None:
    gap = _GAP_AFTER.match(text, end)
    if gap is not None and gap.end() - end <= _TIME_GAP_CHARS:
        after = _TIME_FORM.match(text, gap.end())
        if after is not None:
            return after
    for before in _TIME_FORM.finditer(text, max(0, start - _TIME_GAP_CHARS - 30), start):
        if _GAP_BEFORE.fullmatch(text, before.end(), start):
            return before
    return None


def find_day_month(text: str) -> tuple[int, int, int, int] | None:
    """Find a day and month without a year ("Nov 20", "20 Nov"): (month, day, start, end)."""
    for form in _DAY_MONTH_FORMS:
        match = form.search(text)
        if match is None:
            continue
        month, day = MONTHS[match.group("month").lower()], int(match.group("day"))
        if 1 <= day <= 31:
            return month, day, match.start(), match.end()
    return None


def resolve_year(two_digits: int, reference: date | None) -> int:
    """Expand a two-digit year: the latest century that keeps the date near ``reference``.

    With a reference date, ``05`` read in a 2005 article is 2005 and ``99`` is 1999 (a
    year more than one past the reference is taken from the previous century).  Without
    one, years below 69 are 20xx, as POSIX ``%y`` reads them.
    """
    if reference is None:
        return 2000 + two_digits if two_digits < _YY_PIVOT else 1900 + two_digits
    century = reference.year - reference.year % 100
    year = century + two_digits
    return year - 100 if year > reference.year + 1 else year


def parse_short_date(text: str, reference: date | None) -> date | None:
    """Read a leading "14 Jan 05" / "14 Jan 2005" date, resolving a 2-digit year."""
    match = _SHORT_DATE.match(text)
    if match is None:
        return None
    raw_year = match.group("yy")
    year = int(raw_year) if len(raw_year) == 4 else resolve_year(int(raw_year), reference)
    try:
        return date(year, MONTHS[match.group("month").lower()], int(match.group("day")))
    except ValueError:
        return None


_ISO_PARTIAL = re.compile(r"^\s*(?P<year>\d{4})(?:-(?P<month>[01]\d))?\s*$")


def timepoint_from_value(
    value: str, provenance: Provenance, evidence: tuple[Evidence, ...] = ()
) -> TimePoint | None:
    """Make a `TimePoint` from a metadata value (ISO 8601, RFC 822, or a written date).

    ``"2014"`` and ``"2014-02"`` give YEAR and MONTH granularity; a value with a time of
    day gives TIME (its zone kept); unreadable values give ``None``.
    """
    partial = _ISO_PARTIAL.match(value)
    if partial is not None:
        return _partial_timepoint(partial, provenance, evidence)
    found = find_date(value)
    if found is not None:
        return found.to_timepoint(provenance, evidence)
    compact = re.match(r"^\s*(\d{4})(\d\d)(\d\d)(?:T(\d\d):?(\d\d))?", value)
    if compact is not None:
        try:
            day = date(int(compact[1]), int(compact[2]), int(compact[3]))
        except ValueError:
            return None
        time = (int(compact[4]), int(compact[5]), 0) if compact[4] else None
        return make_timepoint(day, time, None, provenance, evidence)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    offset = moment.utcoffset()
    minutes = None if offset is None else int(offset.total_seconds() // 60)
    clock = (moment.hour, moment.minute, moment.second)
    return make_timepoint(moment.date(), clock, minutes, provenance, evidence)


def _partial_timepoint(
    match: re.Match[str], provenance: Provenance, evidence: tuple[Evidence, ...]
) -> TimePoint | None:
    year = int(match.group("year"))
    if match.group("month") is None:
        return TimePoint(
            str(year), f"{year}-01-01", f"{year}-12-31", Granularity.YEAR, provenance, 1.0,
            evidence,
        )  # fmt: skip
    month = int(match.group("month"))
    if not 1 <= month <= 12:
        return None
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return TimePoint(
        f"{year}-{month:02d}", f"{year}-{month:02d}-01", f"{year}-{month:02d}-{last:02d}",
        Granularity.MONTH, provenance, 1.0, evidence,
    )  # fmt: skip

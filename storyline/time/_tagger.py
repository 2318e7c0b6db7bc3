"""The time-expression tagger: run every rule family, keep the longest matches, normalise.

One pass over the text per rule family, then a sweep that keeps the longest of each
group of overlapping candidates, then two small passes: a clock time or part of day is
joined to the day beside it ("noon Saturday", "Sunday, 20 November 2005, 05:36 GMT"),
and a modifier just before an expression is taken into it ("about three years",
"early 1990s", "the end of this week").  Every step is linear in the text length.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from storyline.model import Timex
from storyline.time import _normalize as n
from storyline.time import _patterns as p
from storyline.time import _reference as ref
from storyline.time import _relative as r
from storyline.time import _spans as sp
from storyline.time._calendar import is_timex_value, make_date, render, weekday_date
from storyline.time._normalize import Context, Norm
from storyline.time._tense import clause_tense

logger = logging.getLogger(__name__)

Normaliser = Callable[[re.Match[str], Context], Norm | None]

# Rule families in priority order: when two candidates cover exactly the same span,
# the earlier family wins.
RULES: tuple[tuple[str, re.Pattern[str], Normaliser], ...] = (
    ("iso_date", p.ISO_DATE, n.norm_iso_date),
    ("numeric_date", p.NUMERIC_DATE, n.norm_numeric_date),
    ("nine_eleven", p.NINE_ELEVEN, n.norm_nine_eleven),
    ("text_date", p.TEXT_DATE, n.norm_text_date),
    ("nth_weekday", p.NTH_WEEKDAY, n.norm_nth_weekday),
    ("reference", p.REFERENCE, ref.norm_reference),
    ("quarter", p.QUARTER, r.norm_quarter),
    ("year_ago", p.YEAR_AGO, r.norm_year_ago),
    ("ago", p.AGO, r.norm_ago),
    ("set", p.SET_RULE, sp.norm_set),
    ("relative_unit", p.RELATIVE_UNIT, r.norm_relative_unit),
    ("duration", p.DURATION, sp.norm_duration),
    ("hyphen_duration", p.HYPHEN_DURATION, sp.norm_hyphen_duration),
    ("month", p.MONTH_ALONE, n.norm_month),
    ("weekday", p.WEEKDAY_RULE, n.norm_weekday),
    ("season", p.SEASON_RULE, r.norm_season),
    ("year_range", p.YEAR_RANGE, n.norm_year_range),
    ("decade", p.DECADE, n.norm_decade),
    ("century", p.CENTURY, n.norm_century),
    ("spoken_year", p.SPOKEN_YEAR, n.norm_spoken_year),
    ("apostrophe_year", p.APOSTROPHE_YEAR, n.norm_apostrophe_year),
    ("bc_year", p.BC_YEAR, n.norm_bc_year),
    ("year", p.YEAR_RULE, n.norm_year),
    ("day_part", p.DAY_PART, r.norm_day_part),
    ("relative_day", p.RELATIVE_DAY, r.norm_relative_day),
    ("clock", p.CLOCK, r.norm_clock),
    ("holiday", p.HOLIDAY, n.norm_holiday),
    ("year_end", p.YEAR_END, r.norm_year_end),
    ("year_period", p.YEAR_PERIOD, r.norm_year_period),
    ("short_quarter", p.SHORT_QUARTER, r.norm_short_quarter),
    ("bare_units", p.BARE_UNITS, sp.norm_bare_units),
    ("vague", p.VAGUE_REF, sp.norm_vague),
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A normalised match before overlaps are resolved."""

    start: int
    end: int
    priority: int
    norm: Norm


_TOKEN = re.compile(r"'?\w+")


def _trigger_index() -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Map each trigger word to the rule families that may start with it."""
    by_word: dict[str, list[int]] = {}
    digits: list[int] = []
    for index, (name, _, _) in enumerate(RULES):
        for word in p.TRIGGERS[name]:
            if word == "#":
                digits.append(index)
            else:
                by_word.setdefault(word, []).append(index)
    return {w: tuple(r) for w, r in by_word.items()}, tuple(digits)


_WORD_RULES, _DIGIT_RULES = _trigger_index()


def iter_matches(text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """Yield ``(rule index, match)`` for every rule family, trying each family only
    where one of its trigger words begins (a few percent of the positions of a text).

    Like ``finditer``, a family's matches do not overlap each other.
    """
    last_end = [0] * len(RULES)
    for token in _TOKEN.finditer(text):
        word = token.group()
        start = token.start()
        positions: tuple[int, ...] = (start,)
        if word[0] == "'":
            word = word[1:]
            positions = (start, start + 1)
        rules = _DIGIT_RULES if word[:1].isdigit() else _WORD_RULES.get(word.lower())
        if not rules:
            continue
        for index in rules:
            for position in positions:
                if position < last_end[index]:
                    continue
                match = RULES[index][1].match(text, position)
                if match is not None and match.end() > position:
                    last_end[index] = match.end()
                    yield index, match
                    break


def iter_matches_full_scan(text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """Yield the same as `iter_matches` by scanning every position (slow; for tests)."""
    for index, (_, pattern, _) in enumerate(RULES):
        for match in pattern.finditer(text):
            if match.end() > match.start():
                yield index, match


def iter_candidates(ctx: Context) -> Iterator[Candidate]:
    """Yield every rule family's normalised matches over ``ctx.text``."""
    for priority, match in iter_matches(ctx.text):
        name, _, normaliser = RULES[priority]
        try:
            norm = normaliser(match, ctx)
        except OverflowError:
            # Arithmetic that leaves the calendar ("99999 years ago") is no expression.
            logger.debug("rule %s overflowed on %r", name, match.group())
            continue
        if norm is None:
            continue
        if not norm.is_partial and not is_timex_value(norm.type, norm.value):
            logger.debug("rule %s gave an invalid value %r", name, norm.value)
            continue
        start = match.start() if norm.start is None else norm.start
        end = match.end() if norm.end is None else norm.end
        if _THE_DAYS.match(ctx.text, start, end) and _BACK_IN.search(ctx.before(start, 12)):
            continue  # "back in the day": the old days in general, no time to date
        yield Candidate(start, end, priority, norm)


_THE_DAYS = re.compile(r"(?i)the\s+days?\b")
_BACK_IN = re.compile(r"(?i)\bback\s+in\s+$")


def select_longest(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the longest candidate of each overlapping group (ties: rule priority).

    Candidates are swept in text order; each group of mutually reachable overlaps is
    small, so the sweep is linear in the number of candidates.
    """
    ordered = sorted(candidates, key=lambda c: (c.start, -(c.end - c.start), c.priority))
    kept: list[Candidate] = []
    group: list[Candidate] = []
    group_end = -1
    for candidate in ordered:
        if group and candidate.start >= group_end:
            kept.extend(_resolve_group(group))
            group = []
        group_end = max(group_end, candidate.end) if group else candidate.end
        group.append(candidate)
    kept.extend(_resolve_group(group))
    return kept


def _resolve_group(group: list[Candidate]) -> list[Candidate]:
    chosen: list[Candidate] = []
    for candidate in sorted(group, key=lambda c: (-(c.end - c.start), c.priority, c.start)):
        if all(candidate.end <= c.start or candidate.start >= c.end for c in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)


# Weekdays alone and with a part of the day ("late Monday and early Tuesday").
_WEEKDAY_RULES = frozenset(
    i for i, (name, _, _) in enumerate(RULES) if name in ("weekday", "day_part")
)
_TEXT_DATE_RULE = next(i for i, (name, _, _) in enumerate(RULES) if name == "text_date")
# "on Friday and Saturday", "Thursday or Friday": two days in a row.
_DAY_RANGE_GAP = re.compile(r"(?i)^\s*(?:[-\u2013]|to|through|thru|till|until)\s*$")
_DAY_PAIR_GAP = re.compile(r"(?i)^\s*,?\s*(?:and|or)\s+(?:on\s+)?(?:(?:early|late)\s+)?$")


def _day_pairs(
    out: list[Candidate], rules: frozenset[int]
) -> Iterator[tuple[int, Candidate, Candidate, dt.date, dt.date]]:
    """Yield each two neighbouring candidates of ``rules`` whose values are whole days, with
    the index of the second and both days (read from ``out`` as it is being changed)."""
    for index in range(1, len(out)):
        first, second = out[index - 1], out[index]
        if first.priority not in rules or second.priority not in rules:
            continue
        try:  # a whole day, or a part of one ("Monday night": 2011-05-09TNI)
            start = dt.date.fromisoformat(_DAY_PART_SUFFIX.sub("", first.norm.value))
            day = dt.date.fromisoformat(_DAY_PART_SUFFIX.sub("", second.norm.value))
        except ValueError:
            continue
        yield index, first, second, start, day


_DAY_PART_SUFFIX = re.compile(r"T[A-Z]{2}$")


def _moved(candidate: Candidate, day: dt.date) -> Candidate:
    suffix = _DAY_PART_SUFFIX.search(candidate.norm.value)
    value = day.isoformat() + (suffix.group() if suffix else "")
    norm = Norm(candidate.norm.type, value, candidate.norm.mod)
    return Candidate(candidate.start, candidate.end, candidate.priority, norm)


def follow_on_days(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """Put the second of two weekdays in a row the day after the first ("Friday and
    Saturday" said on a Friday: today and tomorrow, not last Saturday), and the end of a
    range of weekdays after its start ("from Thursday through Saturday")."""
    out = list(candidates)
    for index, first, second, start, day in _day_pairs(out, _WEEKDAY_RULES):
        gap = ctx.text[first.end : second.start]
        if _DAY_RANGE_GAP.match(gap):
            # "from Thursday through Saturday": the end comes after the start
            ahead = (day.isoweekday() - start.isoweekday()) % 7 or 7
            out[index] = _moved(second, start + dt.timedelta(days=ahead))
            continue
        if not _DAY_PAIR_GAP.match(gap):
            continue
        following = start + dt.timedelta(days=1)
        if following.isoweekday() == day.isoweekday() and following != day:
            out[index] = _moved(second, following)
    return out


_BARE_WEEKDAY = re.compile(r"(?i)(?:mon|tues|wednes|thurs|fri|satur|sun)day$")
_DAY_VALUE_ONLY = re.compile(r"^\d{4}-\d\d-\d\d$")
_DAY_NUMBER_AFTER = re.compile(r"\s+[0-3]?\d(?:st|nd|rd|th)?\b")


def same_weekday_throughout(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """Give a weekday whose clause has no tense ("seeds for Friday's draw") the day that
    the same weekday has where a tense fixes it in the same text: a report speaks of
    one Friday."""
    if ctx.anchor is None or not ctx.tense_aware:
        return candidates
    fixed: dict[str, set[str]] = {}
    out = list(candidates)
    for index, candidate in enumerate(candidates):
        written = ctx.text[candidate.start : candidate.end]
        if candidate.priority not in _WEEKDAY_RULES or not _BARE_WEEKDAY.fullmatch(written):
            continue
        if not _DAY_VALUE_ONLY.match(candidate.norm.value) or _DAY_NUMBER_AFTER.match(
            ctx.text, candidate.end
        ):
            continue  # "Monday 12 to Thursday 15 April": its own date
        if ctx.direction(candidate.start, candidate.end, None) is not None:
            fixed.setdefault(written.lower(), set()).add(candidate.norm.value)
            continue
        values = fixed.get(written.lower(), set())
        weekday = dt.date.fromisoformat(candidate.norm.value).isoweekday()
        by_default = weekday_date(ctx.anchor, weekday, "past").isoformat()
        if len(values) == 1 and candidate.norm.value == by_default:
            out[index] = _moved(candidate, dt.date.fromisoformat(next(iter(values))))
    return out


# A month and a day with no year written in or just after them: "Dec. 8", "8 December".
_MONTH_DAY_ONLY = re.compile(r"(?i)^[a-z]+\.?\s+[0-3]?\d(?:st|nd|rd|th)?$|^[0-3]?\d\s+[a-z]+\.?$")
_YEAR_NEAR_AFTER = re.compile(
    r"(?i)^.{0,30}?(?:\b1[5-9]\d\d\b|\b20\d\d\b|\b(?:last|next|this)\s+year)"
)
_WRITTEN_YEAR = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b")


def same_day_throughout(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """Give a month and day written without a year ("the Nov. 5 shootings") the year an
    earlier mention of the same day wrote out ("on Nov. 5, 2009"), when that lies two
    years or more from the anchor: a report speaks of one Nov. 5."""
    if ctx.anchor is None:
        return candidates
    first: dict[str, str] = {}
    out = list(candidates)
    for index, candidate in enumerate(candidates):
        written = ctx.text[candidate.start : candidate.end]
        value = candidate.norm.value
        if candidate.priority != _TEXT_DATE_RULE or not _DAY_VALUE_ONLY.match(value):
            continue
        if _WRITTEN_YEAR.search(written):
            if abs(int(value[:4]) - ctx.anchor.year) >= 2:
                # "on Nov. 5, 2009", written in 2011: a day of the past the text fixed
                # (one near the anchor, "until December 31, 2007" said in 2006, may
                # well be next to another December 31 that the tense places)
                first.setdefault(value[5:], value)
            continue
        seen = first.get(value[5:])
        if not _MONTH_DAY_ONLY.match(written) or _YEAR_NEAR_AFTER.match(ctx.text, candidate.end):
            continue  # "December 26 tsunami last year": its own year
        if seen is not None and seen != value:
            out[index] = replace(candidate, norm=replace(candidate.norm, value=seen))
    return out


_DURATION_PARTS = re.compile(
    r"^P(?:(?P<Y>\d+)Y)?(?:(?P<MO>\d+)M)?(?:(?P<W>\d+)W)?(?:(?P<D>\d+)D)?"
    r"(?:T(?:(?P<H>\d+)H)?(?:(?P<MI>\d+)M)?(?:(?P<S>\d+(?:\.\d+)?)S)?)?$"  # "55.154 seconds"
)
_DURATION_ORDER = ("Y", "MO", "W", "D", "H", "MI", "S")
_AND_GAP = re.compile(r"^(?:\s*,)?(?:\s+and\s+|\s+|,)$")
# the second part is a bare count: "and 48 minutes", not "and the next three months"
_COUNT_START = re.compile(
    r"(?i)\d|(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|fifteen|twenty|thirty|forty|fifty|sixty)\b"
)


def _duration_parts(value: str) -> dict[str, str] | None:
    """The parts of a duration's value by unit ("PT1H" -> {"H": "1"}); only seconds may
    have decimals."""
    found = _DURATION_PARTS.match(value)
    if found is None or value in ("P", "PT"):
        return None
    return {k: v for k, v in found.groupdict().items() if v is not None}


def join_durations(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """Make "one hour and 48 minutes", "two years, three months" one span: PT1H48M."""
    out: list[Candidate] = []
    for candidate in candidates:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.norm.type == candidate.norm.type == "DURATION"
            and previous.norm.mod is None
            and _AND_GAP.match(ctx.text[previous.end : candidate.start])
            and _COUNT_START.match(ctx.text, candidate.start)
        ):
            first = _duration_parts(previous.norm.value)
            second = _duration_parts(candidate.norm.value)
            if first and second:
                last = max(_DURATION_ORDER.index(k) for k in first)
                if all(_DURATION_ORDER.index(k) > last for k in second):
                    parts = {**first, **second}
                    date = "".join(parts[k] + k[0] for k in ("Y", "MO", "W", "D") if k in parts)
                    clock = "".join(parts[k] + k[0] for k in ("H", "MI", "S") if k in parts)
                    value = "P" + date + ("T" + clock if clock else "")
                    norm = Norm("DURATION", value, candidate.norm.mod)
                    out[-1] = Candidate(previous.start, candidate.end, previous.priority, norm)
                    continue
        out.append(candidate)
    return out


_APPOSITION_GAP = re.compile(r"^\s*,\s*$")


def weekdays_beside_dates(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """Give a weekday the date written right after it ("on Monday, New Year's day"),
    when that date falls on the weekday."""
    out = list(candidates)
    for index in range(len(out) - 1):
        first, second = out[index], out[index + 1]
        if first.priority not in _WEEKDAY_RULES or not _DAY_VALUE_ONLY.match(first.norm.value):
            continue
        if not _DAY_VALUE_ONLY.match(second.norm.value):
            continue
        if not _APPOSITION_GAP.match(ctx.text[first.end : second.start]):
            continue
        day = dt.date.fromisoformat(second.norm.value)
        if day.isoweekday() == dt.date.fromisoformat(first.norm.value).isoweekday():
            out[index] = _moved(first, day)
    return out


_YEAR_WRITTEN = re.compile(r"\d{4}|['\u2019]\d\d")


def dates_run_forward(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """Put a day written without a year, in a clause whose tense leaves it open, after the
    day ahead of the anchor just before it in its sentence ("opens June 9, 2020 ... and
    concludes on Oct. 10", said in November 2019: October 2020, not the October gone);
    and the end of a range of days after its start ("22 April - 15 May"), whatever the
    anchor."""
    if ctx.anchor is None:
        return candidates
    out = list(candidates)
    for index, first, second, start, day in _day_pairs(out, frozenset([_TEXT_DATE_RULE])):
        if _YEAR_WRITTEN.search(ctx.text, second.start, second.end):
            continue
        ranged = day < start and _RANGE_GAP.match(ctx.text, first.end, second.start) is not None
        if not ranged:
            if not day < ctx.anchor < start or not ref.same_sentence(
                ctx.text, first.end, second.start
            ):
                continue
            if ctx.direction(second.start, second.end, None) is not None:
                continue
        for year in (start.year, start.year + 1):
            moved = make_date(year, day.month, day.day)
            if moved is not None and moved >= start:
                out[index] = _moved(second, moved)
                break
    return out


# "from 11 to 15 August", "between August 11 and 15": a day of a range whose month is
# written only beside the other day.
_RANGE_DAY_BEFORE = re.compile(
    r"(?i)\b(?:from|between)\s+(?P<day>[0-3]?\d(?:st|nd|rd|th)?)"
    r"\s*(?:and|to|until|till|through|[-–])\s*(?:the\s+)?$"
)
_RANGE_DAY_AFTER = re.compile(
    r"(?i)^\s*(?:and|to|until|till|through|[-–])\s*(?:the\s+)?(?P<day>[0-3]?\d(?:st|nd|rd|th)?)"
    r"(?=\s*(?:[,.;:)!?](?!\d)|$)|\s+(?:in|at|on|and|or|when|while|this|last|next|of|for)\b)"
)
_FROM_OR_BETWEEN_BEFORE = re.compile(r"(?i)\b(?:from|between)\s+$")
_PUNCTUATION_AFTER = re.compile(r"^\s*(?:[,.;:)!?](?!\s*\d)|$)")


_WEEK_OF_BEFORE = re.compile(r"(?i)\bthe\s+week\s+(?:of|beginning|starting|ending|ended)\s+$")


def weeks_of_days(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """Make "the week of May 17" ("beginning", "ending") one expression: that day's week."""
    out: list[Candidate] = []
    for candidate in candidates:
        found = _WEEK_OF_BEFORE.search(ctx.before(candidate.start, 30))
        if found is not None and candidate.priority == _TEXT_DATE_RULE:
            try:
                day = dt.date.fromisoformat(candidate.norm.value)
            except ValueError:
                day = None
            if day is not None:
                start = candidate.start - len(ctx.before(candidate.start, 30)) + found.start()
                norm = Norm("DATE", render(day, "week"))
                candidate = Candidate(start, candidate.end, candidate.priority, norm)
                while out and out[-1].end > start:
                    out.pop()  # "the week" read alone before "ending April 26"
        out.append(candidate)
    return out


def range_partner_days(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """Add the day of a range written without its month ("between 11 and 15 August":
    the 11th of August too), taking the month and year of the day beside it."""
    out: list[Candidate] = []
    for index, candidate in enumerate(candidates):
        partner = None
        if candidate.priority == _TEXT_DATE_RULE and candidate.norm.value[-3:-2] == "-":
            partner = _range_partner(candidates, index, ctx)
        if partner is not None and partner.start < candidate.start:
            out.append(partner)
        out.append(candidate)
        if partner is not None and partner.start > candidate.start:
            out.append(partner)
    return out


def _range_partner(candidates: list[Candidate], index: int, ctx: Context) -> Candidate | None:
    candidate = candidates[index]
    value = candidate.norm.value
    written = ctx.text[candidate.start : candidate.end]
    day = int(value[-2:])
    before = (
        _RANGE_DAY_BEFORE.search(ctx.before(candidate.start, 40)) if written[0].isdigit() else None
    )
    if before is not None:
        partner_day = int(before["day"].rstrip("stndrh"))
        start = candidate.start - len(ctx.before(candidate.start, 40)) + before.start("day")
        end = start + len(before["day"])
        previous = candidates[index - 1] if index else None
        if partner_day >= day or (previous is not None and previous.end > start):
            return None
    else:
        after = (
            _RANGE_DAY_AFTER.match(ctx.after(candidate.end, 30)) if written[-1].isdigit() else None
        )
        if after is None:
            return None
        if (
            not _FROM_OR_BETWEEN_BEFORE.search(ctx.before(candidate.start, 12))
            and "and" in after.group().lower()
            and not _PUNCTUATION_AFTER.match(ctx.after(candidate.end + after.end("day"), 4))
        ):
            return None  # "Nov. 16 to 21" needs no "from", "December 2 and 9" a stop after
        partner_day = int(after["day"].rstrip("stndrh"))
        start = candidate.end + after.start("day")
        end = candidate.end + after.end("day")
        following = candidates[index + 1] if index + 1 < len(candidates) else None
        if partner_day <= day or (following is not None and following.start < end):
            return None
    partner_value = f"{value[:-2]}{partner_day:02d}"
    if not is_timex_value("DATE", partner_value):
        return None
    return Candidate(start, end, candidate.priority, Norm("DATE", partner_value))


_RANGE_GAP = re.compile(r"\s*(?:[-\u2013\u2014]|to|until|till|through)\s*$")
_DAY_VALUE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d-\d\d|XX-XX|W(?:\d\d|XX)-[1-7])$")


def join_times(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """Join each partial time of day to the day beside it, or to the anchor's day."""
    out: list[Candidate] = []
    index = 0
    while index < len(candidates):
        current = candidates[index]
        following = candidates[index + 1] if index + 1 < len(candidates) else None
        if following is not None and _joinable(current, following, ctx):
            out.append(_joined(current, following, ctx))
            index += 2
            continue
        if current.norm.is_partial and out and _joinable(out[-1], current, ctx):
            out[-1] = _joined(out[-1], current, ctx)
            index += 1
            continue
        if out and _clock_then_part(out[-1], current, ctx):
            out[-1] = _with_part_of_day(out[-1], current)
            index += 1
            continue
        if current.norm.is_partial:
            day = _day_after(candidates[index + 1 : index + 3], current, ctx)
            day = day or _story_day(out, current, ctx)
            day = day or _day_later_in_sentence(candidates[index + 1 : index + 6], current, ctx)
            resolved = _resolve_partial(current, ctx, day)
            if resolved is not None:
                out.append(resolved)
        else:
            out.append(current)
        index += 1
    return out


def _joinable(first: Candidate, second: Candidate, ctx: Context) -> bool:
    if first.norm.is_partial == second.norm.is_partial:
        return False
    day, time = (second, first) if first.norm.is_partial else (first, second)
    if not _DAY_VALUE.match(_day_of(day.norm)):
        return False
    if day.norm.type == "TIME" and not (
        _CLOCK_VALUE.search(time.norm.value) and _DEICTIC_PART.match(ctx.text, day.start, day.end)
    ):
        return False  # "3:00 in the morning, 4:00 in the morning": no "tonight" to join
    gap = ctx.text[first.end : second.start]
    if first is time and _SUBJECT_DAY_AFTER.match(ctx.text, second.end):
        return False  # "2012 ; 8:15 PM Tuesday was a calm day": a stamp, then a day
    return len(gap) <= 6 and bool(p.JOIN_TIME_AND_DATE.match(gap))


_SUBJECT_DAY_AFTER = re.compile(r"\s+(?:was|is|has|had|will|saw|brought|began|started)\b")


def _day_of(norm: Norm) -> str:
    """The day a date names, or a part of a day ("tonight": that day); "" for others."""
    if norm.type == "DATE":
        return norm.value
    found = _DAY_PART_VALUE.match(norm.value) if norm.type == "TIME" else None
    return found.group(1) if found else ""


_DEICTIC_PART = re.compile(
    r"(?i)(?:tonight|(?:this|last|tomorrow|yesterday|that)\s+(?:morning|afternoon|evening|night))$"
)
_DAY_PART_VALUE = re.compile(r"^(\d{4}-\d\d-\d\d)T(?:MO|AF|EV|NI)$")


def _joined(first: Candidate, second: Candidate, ctx: Context) -> Candidate:
    time, day = (first, second) if first.norm.is_partial else (second, first)
    clock = time.norm.value
    part = day.norm.value[-2:] if day.norm.type == "TIME" else ""
    hour = _CLOCK_VALUE.search(clock)
    if hour and part and not _AM_PM.search(ctx.text, time.start, time.end):
        # "around 4:00 this afternoon", "nine o'clock last night": the hour past noon
        clock = f"T{r.past_noon(int(hour.group(1)), part):02d}:{hour.group(2)}"
    value = _day_of(day.norm) + clock  # "8.30 pm tonight": that night's clock
    mod = time.norm.mod or day.norm.mod
    start = first.start
    if ctx.text[first.end : second.start].strip().lower() == "of":
        # "the night of April 20": the article belongs to the whole expression
        the = n.THE_BEFORE.search(ctx.text, max(0, start - 5), start)
        start = the.start() if the else start
    return Candidate(start, second.end, day.priority, Norm("TIME", value, mod))


_AM_PM = re.compile(r"(?i)[ap]\.?\s?m\b")


_CLOCK_VALUE = re.compile(r"T(\d\d):(\d\d)$")
_PARTS_OF_DAY = frozenset(f"T{code}" for code in n.DAY_PART_CODES.values())


def _clock_then_part(time: Candidate, part: Candidate, ctx: Context) -> bool:
    """Whether ``part`` is a bare part of day just after a day's clock time."""
    if time.norm.type != "TIME" or not _CLOCK_VALUE.search(time.norm.value) or part.norm.mod:
        return False
    gap = ctx.text[time.end : part.start]
    if part.norm.value in _PARTS_OF_DAY:
        return gap.isspace() and len(gap) <= 2
    # "one o'clock in the morning": the story's morning, read as a reference time
    return part.norm.value[-3:] in _PARTS_OF_DAY and _IN_THE_GAP.match(gap) is not None


_IN_THE_GAP = re.compile(r"^\s+in\s+$")


def _with_part_of_day(time: Candidate, part: Candidate) -> Candidate:
    """Take the part of day into the time's span; an hour it places after noon moves."""
    value = time.norm.value
    clock = _CLOCK_VALUE.search(value)
    assert clock is not None
    hour = r.past_noon(int(clock[1]), part.norm.value[-2:])
    value = f"{value[: clock.start()]}T{hour:02d}:{clock[2]}"
    return Candidate(time.start, part.end, time.priority, Norm("TIME", value, time.norm.mod))


def _story_day(before: list[Candidate], current: Candidate, ctx: Context) -> str | None:
    """Return the day the sentence of ``current`` is at: the last day written before
    it in the same sentence ("Thursday's 5 p.m. quotes"), if any."""
    for candidate in reversed(before[-3:]):
        found = _DAY_OF.match(candidate.norm.value)
        if found and ref.same_sentence(ctx.text, candidate.end, current.start):
            return found.group()
    if not before or ctx.anchor is None or not ctx.tense_aware:
        return None
    # "The strike hit early on Thursday. NATO said it had hit a site around 6:30 a.m.":
    # a clock told in the past, the sentence after a day gone by, is on that day.
    found = _DAY_OF.match(before[-1].norm.value)
    if (
        found
        and found.group() < ctx.anchor.isoformat()
        and ref.sentences_between(ctx.text, before[-1].end, current.start) == 1
        and (at := _AT_CLOCK_BEFORE.search(ctx.before(current.start, 30)))
        and not at.group().lower().startswith("updated")
        and clause_tense(ctx.text, current.start, current.end) == "past"
    ):
        return found.group()
    return None


_AT_CLOCK_BEFORE = re.compile(
    r"(?i)(?:\bupdated\s+)?\b(?:at|around|about|shortly\s+(?:before|after))\s+$"
)  # "(Updated at 10:18 a.m.)" is a live report's stamp, not the story's clock


def _day_after(after: list[Candidate], current: Candidate, ctx: Context) -> str | None:
    """Return the day written just after a clock time, past a bracketed other clock
    ("at 11:30 p.m. (0830 GMT) on Tuesday")."""
    for candidate in after:
        found = _DAY_OF.match(candidate.norm.value)
        gap = _BRACKETED.sub("", ctx.text[current.end : candidate.start])
        if (
            found
            and _DAY_AFTER_GAP.match(gap)
            and not _SUBJECT_DAY_AFTER.match(ctx.text, candidate.end)
        ):
            return found.group()
    return None


def _day_later_in_sentence(after: list[Candidate], current: Candidate, ctx: Context) -> str | None:
    """Return the day an event later in the clock's sentence is on ("will open at 7 am
    until 5 pm during Monday's referendum"), none after a report's verb."""
    if _STAMP_WORD_BEFORE.search(ctx.before(current.start, 16)):
        return None  # "(Update 2:25 p.m.)": a live report's stamp
    for candidate in after:
        gap = _BRACKETED.sub("", ctx.text[current.end : candidate.start])
        if len(gap) > 45 or _GAP_BREAK.search(gap):
            return None
        found = _DAY_OF.match(candidate.norm.value)
        if (
            found
            and _EVENT_DAY_BEFORE.search(ctx.before(candidate.start, 10))
            and not _REPORT_VERB_BEFORE.search(ctx.before(candidate.start, 40))
        ):
            return found.group()
    return None


_STAMP_WORD_BEFORE = re.compile(r"(?i)\bupdated?\b[^()]{0,6}$")
_GAP_BREAK = re.compile(r"[:;.!?]\s|\n|\b(?:every|each)\b")


_EVENT_DAY_BEFORE = re.compile(r"(?i)\b(?:during|on|for)\s+$")
_REPORT_VERB_BEFORE = re.compile(
    r"(?i)\b(?:said|says|told|tells|announced|reported|added|stated)\b[^.;:]{0,30}$"
)
_BRACKETED = re.compile(r"\([^()]{0,30}\)|-LRB-.{0,30}?-RRB-")
_DAY_AFTER_GAP = re.compile(
    r"^\s*(?:in\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s*|local\s+time\s*)?[()]?\s*,?\s*(?:on\s+)?$"
    # "at around 7:15 p.m. at a colliery in a county of the province on Sunday"
    r"|^(?:\s+(?:at|in|near)(?:\s+the)?(?:\s+[A-Z][\w.'-]*)+(?:\s+(?:district|county|province"
    r"|city|town|village|area|region|state|colliery|mine|port|airport))?\s*,?){1,4}\s+on\s+$"
)
_DAY_OF = re.compile(r"^\d{4}-\d\d-\d\d(?=$|T)")


def _resolve_partial(candidate: Candidate, ctx: Context, day: str | None) -> Candidate | None:
    """Put a lone clock time ("at 3 p.m.") or a modified part of day ("by mid-afternoon")
    on the day the story is at, else the anchor's day; drop a bare part of day."""
    value = candidate.norm.value
    if not value[1:2].isdigit() and candidate.norm.mod is None:
        return None
    day = day or (ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX")
    norm = Norm("TIME", day + value, candidate.norm.mod)
    return Candidate(candidate.start, candidate.end, candidate.priority, norm)


_APPROXIMATE = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "close to": "APPROX",
    "more than": "MORE_THAN", "over": "MORE_THAN", "well over": "MORE_THAN",
    "just over": "MORE_THAN", "less than": "LESS_THAN", "under": "LESS_THAN",
    "just under": "LESS_THAN", "fewer than": "LESS_THAN", "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS", "at the most": "EQUAL_OR_LESS",
    "a maximum of": "EQUAL_OR_LESS", "a minimum of": "EQUAL_OR_MORE",
    "as much as": "EQUAL_OR_LESS", "as long as": "EQUAL_OR_LESS",
    "as little as": "EQUAL_OR_MORE",
}  # fmt: skip
_POSITION = {
    "early": "START", "the early": "START", "the beginning of": "START",
    "the start of": "START", "earlier": "START", "the first half of": "START",
    "late": "END", "the late": "END", "the end of": "END", "the close of": "END",
    "later": "END", "the second half of": "END", "mid": "MID", "the mid": "MID",
    "the middle of": "MID", "the turn of": "START", "end": "END", "end of": "END",
    "start of": "START", "beginning of": "START", "middle of": "MID",
    "early in": "START", "late in": "END",
}  # fmt: skip
_COUNTED = re.compile(
    r"(?i)^(?:\d|an?\s|another|half|once|twice|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred"
    r"|(?:second|minute|hour|day|week|month|year|decade|century)-?long\b)"
)
_RELATIVE_START = re.compile(
    r"(?i)^(?:this|last|next|today|yesterday|tomorrow|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday|in\s+the)\b"
)
_WEEKDAY_START = re.compile(rf"^{p.WEEKDAY}\b")
_CLOCK_WORD = re.compile(r"(?i)^(?:noon|midnight|midday|mid-day)\b")
_NAMED_START = re.compile(
    r"^(?:\d|(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun))"
)


def add_modifiers(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """Take a modifier written just before an expression into its span and ``mod``."""
    out: list[Candidate] = []
    previous_end = 0
    for candidate in candidates:
        window_start = max(previous_end, candidate.start - 30)
        match = p.MODIFIER_BEFORE.search(ctx.text, window_start, candidate.start)
        mod = _modifier(match, candidate, ctx) if match else None
        if match is not None and mod is not None:
            candidate = Candidate(
                match.start(), candidate.end, candidate.priority,
                Norm(candidate.norm.type, candidate.norm.value, mod),
            )  # fmt: skip
        out.append(candidate)
        previous_end = candidate.end
    return out


# On a point counted back or ahead ("more than a decade ago") a bound says on which side
# of the point the time lies (the TIDES convention), not that a span is longer.
_POINT_BOUNDS = {
    "MORE_THAN": ("BEFORE", "AFTER"), "LESS_THAN": ("AFTER", "BEFORE"),
    "EQUAL_OR_MORE": ("ON_OR_BEFORE", "ON_OR_AFTER"),
    "EQUAL_OR_LESS": ("ON_OR_AFTER", "ON_OR_BEFORE"),
}  # fmt: skip
_COUNTED_BACK = re.compile(r"(?i)\b(?:ago|earlier|back|before)$")
_COUNTED_AHEAD = re.compile(r"(?i)\b(?:from\s+now|hence|later|after)$")


# "for over a month", "lasted over two hours", "over six months ago": "over" is "more
# than" there; elsewhere it is "across" ("used over three years", "Over 13 years the
# incidence grew").
_OVER_AS_MORE = re.compile(
    r"(?i)\b(?:for|in|of|after|within|than|since|with|took|takes|take|lasted|lasts|spent"
    r"|waited|by|has|have|had)\s+$"
)

# "Over a decade before Martin wrote it", "over a month later": "more than" the span
# ("spilt over nine months after a blow-out", "over eight months before and after the
# spill" spread across them).
_SPAN_BEFORE_EVENT = re.compile(r"(?i)^\s+(?:before(?!\s+and\s+after)|later|earlier)\b")


def _modifier(match: re.Match[str], candidate: Candidate, ctx: Context) -> str | None:
    word = " ".join(match["mod"].lower().split())
    text = ctx.text[candidate.start : candidate.end]
    kind = candidate.norm.type
    if word == "over" and not (
        _OVER_AS_MORE.search(ctx.before(match.start(), 20))
        or text.endswith("ago")
        or _SPAN_BEFORE_EVENT.match(ctx.after(candidate.end, 20))
    ):
        return None  # "spread over three years": across them, not more than
    bound = _POINT_BOUNDS.get(_APPROXIMATE.get(word, ""))
    if bound and kind == "DATE":
        if _COUNTED.match(text) and _COUNTED_BACK.search(text):
            return bound[0]
        if _COUNTED.match(text) and _COUNTED_AHEAD.search(text):
            return bound[1]
        if _APPROXIMATE[word].startswith("EQUAL_OR_") and _NAMED_START.match(text):
            return bound[1]  # "until at least Sunday": that day or later, as ahead of it
    if word in _APPROXIMATE:
        if word == "about" and _WEEKDAY_START.match(text):
            return None  # "details about Thursday's meeting": the preposition
        counted = bool(_COUNTED.match(text))
        if word in ("over", "under", "some") and not counted:
            return None
        if counted or _NAMED_START.match(text):
            return _APPROXIMATE[word]
        if _APPROXIMATE[word] == "APPROX" and _CLOCK_WORD.match(text):
            return "APPROX"  # "at about noon", "around midnight"
        return None
    if kind not in ("DATE", "TIME") or text.lower().startswith(("the ", "early", "late", "mid")):
        if not word.endswith(" of"):
            return None
    if (
        (word.startswith("the ") or word.endswith(" in"))
        and not text.isdigit()  # "the early 2000 's": a decade, tokenised
        and n.POSSESSIVE_AFTER.match(ctx.after(candidate.end, 3))
    ):
        return None  # "at the end of Saturday's meeting": the meeting's end, not the day's
    if word in ("earlier", "later") and not _RELATIVE_START.match(text):
        return None
    if "-" in match["sep"] and word not in ("mid", "the mid", "early", "late", "end"):
        return None
    return _POSITION.get(word)


def tag(text: str, anchor: str | None = None, *, tense_aware: bool = True) -> tuple[Timex, ...]:
    """Find and normalise the time expressions of ``text``.

    Args:
        text: English text (an article body, a sentence).
        anchor: the publication date (ISO date or datetime) that relative expressions
            are resolved against; ``None`` leaves them unresolved (``XXXX-11-20``).
        tense_aware: let the tense of the clause choose the direction of expressions
            the text leaves open ("on Friday" after "said" is the last Friday, after
            "will" the next one); ``False`` always looks back.

    Returns:
        The time expressions in text order, without overlaps.

    Example:
        >>> [t.value for t in tag("He arrived on Saturday.", "2014-02-10")]
        ['2014-02-08']
    """
    ctx = Context.build(text, anchor, tense_aware)
    candidates = follow_on_days(select_longest(list(iter_candidates(ctx))), ctx)
    candidates = weeks_of_days(range_partner_days(dates_run_forward(candidates, ctx), ctx), ctx)
    candidates = weekdays_beside_dates(same_weekday_throughout(candidates, ctx), ctx)
    candidates = same_day_throughout(candidates, ctx)
    candidates = ref.resolve_references(candidates, ctx)
    candidates = add_modifiers(join_durations(join_times(candidates, ctx), ctx), ctx)
    return tuple(
        Timex(text[c.start : c.end], c.start, c.end, c.norm.type, c.norm.value, c.norm.mod)
        for c in candidates
        if is_timex_value(c.norm.type, c.norm.value)
    )

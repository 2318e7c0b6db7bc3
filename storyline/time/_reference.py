"""Narrative time: "the next day", "that year", "two weeks later" read from the story.

A news report anchors "yesterday" and "last week" to its publication date, but "the
following year" in "Farkas was made a general in May 1995, and the following year..."
counts from 1995, the time the text itself has just set.  Normalisers mark such
expressions with a `RefShift` and give a fallback value against the anchor; after the
overlaps are settled, `resolve_references` walks the expressions in text order, keeps
the latest date the text wrote as its *reference time*, and recomputes each marked
expression from it when it is close enough.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from storyline.time._calendar import render, shift
from storyline.time._normalize import (
    DAY_PART_CODES,
    NOUN_AFTER,
    UNANCHORED,
    Context,
    Match,
    Norm,
    RefShift,
    lower_group,
    titled_mid_sentence,
)
from storyline.time._patterns import MONTH

if TYPE_CHECKING:
    from storyline.time._tagger import Candidate

_UNIT_OF = {"day": ("D", "day"), "week": ("W", "week"), "month": ("M", "month")}
_UNIT_OF["year"] = ("Y", "year")
# After "in the day", "during the morning": a day named by what follows, not the story's.
_NOT_THIS_DAY = re.compile(r"(?i)^(?:'s|\s+(?:of|before|after|when|that|which|on|in)\b)")

# "later in the day in a celebration", "late into the night in Leeds": the day's own part.
_LATER_IN_BEFORE = re.compile(r"(?i)\b(?:later|earlier|late|early)\s+(?:in|into)\s+$")

# "the raid happened in the morning when troops arrived": that day's morning.
_IN_BEFORE = re.compile(r"(?i)\b(?:in|during)\s+$")
_WHEN_AFTER = re.compile(r"(?i)^\s+when\b")
_IN_PLACE_AFTER = re.compile(r"(?i)^\s+(?:in|that|when|at|with|as|after|to)\b")
# "into the night sky", "into the morning Sunday": a noun's word or another day's part
_INTO_BEFORE = re.compile(r"(?i)\binto\s+$")
_WEEKDAY_NEXT = re.compile(r"^\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")

_YEAR_BACK_AFTER = re.compile(r"(?i)\s+(?:last\s+year|(?:a|one)\s+year\s+(?:earlier|ago|before))\b")

_COUNT_OF = {"the next": 1, "the following": 1, "the previous": -1, "the preceding": -1}


def norm_reference(match: Match, ctx: Context) -> Norm | None:
    """Normalise "the next day", "the following year", "that night", "the same day"."""
    rel = lower_group(match, "rel") or ""
    unit = match["unit"].lower()
    part = DAY_PART_CODES.get(unit)
    if titled_mid_sentence(match["unit"], ctx, match.start()):
        return None  # "I'm Gonna Miss You In The Morning", "Thought for the Day": a title
    if match["dir"] and rel == "the":  # "arrived the day after.": told from the story
        rel = "the following" if match["dir"].lower() == "after" else "the previous"
    elif rel == "the" and (
        unit in ("week", "month", "year")
        or (
            _NOT_THIS_DAY.match(ctx.after(match.end(), 12))
            and not (
                _LATER_IN_BEFORE.search(ctx.before(match.start(), 16))
                and _IN_PLACE_AFTER.match(ctx.after(match.end(), 12))
            )
            and not (
                part is not None
                and _IN_BEFORE.search(ctx.before(match.start(), 8))
                and _WHEN_AFTER.match(ctx.after(match.end(), 8))
            )
        )
        or (
            _INTO_BEFORE.search(ctx.before(match.start(), 8)) is not None
            and bool(
                NOUN_AFTER.match(ctx.after(match.end(), 12))
                or _WEEKDAY_NEXT.match(ctx.after(match.end(), 12))
            )
        )
    ):
        return None  # "in the year", "the day before the vote": other rules or none
    if rel == "the next" and part is None and unit not in ("day", "year"):
        # "the next week" counts from the anchor, like "next week"; "the next year" from
        # a year the story just wrote ("diagnosed in 2005 ... cleared the next year").
        return None
    count = _COUNT_OF.get(rel, 0)
    code, granularity = _UNIT_OF["day" if part else unit]
    suffix = f"T{part}" if part else ""
    kind = "TIME" if part else "DATE"
    year_back = _YEAR_BACK_AFTER.match(ctx.text, match.end())
    if rel in ("the same", "that same") and unit in ("month", "week") and year_back:
        # "9 percent above the same month last year": the story's month, a year back
        ref = RefShift("Y", -1, granularity)
        date = shift(ctx.anchor, "Y", -1) if ctx.anchor else None
        value = render(date, granularity) if date else UNANCHORED[granularity]
        return Norm("DATE", value, end=year_back.end(), shift=ref)
    ref = RefShift(code, count, granularity, suffix)  # type: ignore[arg-type]
    if ctx.anchor is None:
        return Norm(kind, UNANCHORED[granularity] + suffix, shift=ref)
    date = shift(ctx.anchor, ref.unit, count)
    if date is None:
        return None
    return Norm(kind, render(date, granularity) + suffix, shift=ref)


# The reference time must have been written in the same sentence or the one before:
# further back, a story has usually moved on (chosen on TimeBank's narrative passages).
_MAX_SENTENCES_BACK = 1
_MAX_CHARS_BACK = 600
_SENTENCE_END = re.compile(r"[.!?][\"')\]\u201d]*\s+(?=[\"'(\[\u201c]?[A-Z0-9]|-LRB-)|\n\s*\n")
_DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?|-W(\d\d))?(?:$|T)")
_FINENESS = {"century": 0, "decade": 0, "year": 1, "quarter": 2, "month": 3, "week": 4, "day": 5}


def _reference_of(norm: Norm) -> tuple[dt.date, str] | None:
    """Return the date and granularity a written date sets as reference time."""
    if norm.type not in ("DATE", "TIME") or norm.is_partial:
        return None
    match = _DATE_VALUE.match(norm.value)
    if match is None:
        return None
    year, month, day, week = match.groups()
    try:
        if week is not None:
            return dt.date.fromisocalendar(int(year), int(week), 1), "week"
        if day is not None:
            return dt.date(int(year), int(month), int(day)), "day"
        if month is not None:
            return dt.date(int(year), int(month), 1), "month"
        return dt.date(int(year), 1, 1), "year"
    except ValueError:
        return None


def same_sentence(text: str, end: int, start: int) -> bool:
    """Whether no sentence ends between ``end`` and ``start`` (a few hundred characters)."""
    # One character past ``start`` lets the end's look-ahead see the next sentence begin.
    stop = min(len(text), start + 1)
    return start - end <= _MAX_CHARS_BACK and _SENTENCE_END.search(text, end, stop) is None


def sentences_between(text: str, end: int, start: int) -> int:
    """How many sentences end between ``end`` and ``start`` (none past a paragraph)."""
    if start - end > _MAX_CHARS_BACK or "\n\n" in text[end:start]:
        return -1
    return len(_SENTENCE_END.findall(text, end, start + 1))


def _close_enough(text: str, end: int, start: int, reach: int = 1) -> bool:
    if start - end > _MAX_CHARS_BACK * reach:
        return False
    between = text[end:start]
    return len(_SENTENCE_END.findall(between)) <= _MAX_SENTENCES_BACK * reach


def _fine_enough(have: str, need: str) -> bool:
    if need == "week":
        return have in ("week", "day")
    return _FINENESS[have] >= _FINENESS[need] and not (have == "week" and need != "year")


_POINTING_BACK = re.compile(r"(?i)(?:the\s+same|that)\s")
_A_YEAR_EARLIER = re.compile(r"(?i)(?:a|one)\s+year\s+(?:earlier|before)$")
_REPORTED_BEFORE = re.compile(
    r"(?i)\b(?:said|says|announced|reported|told\s+(?:\w+\s+){0,2}?)\s*(?:on\s+)?$"
)
_COMPARED_BEFORE = re.compile(
    r"(?i)\b(?:compared\s+(?:with|to)|against|versus|vs\.?)\s+$"
    r"|(?:percent|per\s+cent|%|points?)\s+(?:from|over|on)\s+$"  # "up 7.8 percent from"
)


# A reference time: its date, granularity, and where the expression that set it ends
# and starts.
_Reference = tuple[dt.date, str, int, int]
_YEAR_WRITTEN = re.compile(r"\b(?:1[5-9]|20)\d\d\W{0,2}$")
_MONTH_WRITTEN = re.compile(rf"\b{MONTH}(?:\s+\d\d?)?\W{{0,2}}$")
# "since late 2010", "until 2003": an end of a span, not the year a sentence is set in
_SPAN_END_BEFORE = re.compile(
    r"(?i)\b(?:since|until|till|through|from|by|before|after)\s+"
    r"(?:(?:early|late|mid|the\s+(?:end|start|beginning|middle)\s+of)[\s-]+)?$"
)


def _sets_the_year(ctx: Context, reference: _Reference, candidate: Candidate) -> bool:
    """Whether a date earlier in the sentence is the one "for the year" means.

    It must be written as a year or a month ("In December", not "a year ago"), not as the
    end of a span ("since late 2010"); a year gone by counts unless the clause looks
    ahead ("In December, prices rose 25% for the year", not "closed a plant in 2003 and
    is to shut two more by the end of the year"), a year ahead only when written out
    ("during 2006 ... by the end of the year").
    """
    date, _, end, start = reference
    if not same_sentence(ctx.text, end, candidate.start):
        return False
    if ctx.anchor is not None and date.year == ctx.anchor.year:
        return False  # "Wed Jan 5, 2011 ... over the summer": the tense places it
    if _SPAN_END_BEFORE.search(ctx.before(start, 30)):
        return False
    written_year = _YEAR_WRITTEN.search(ctx.text, max(0, end - 8), end) is not None
    if ctx.anchor is not None and date.year < ctx.anchor.year:
        if not written_year and not _MONTH_WRITTEN.search(ctx.text, max(0, end - 14), end):
            return False
        return ctx.direction(candidate.start, candidate.end, None) != "future"
    return written_year


def resolve_references(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """Recompute each narrative expression from the text's latest reference time.

    An expression without a reference time close enough before it (or one too coarse:
    "two days later" after "in 1995") keeps its value against the anchor.
    """
    out: list[Candidate] = []
    reference: _Reference | None = None
    # The story's time before a report's own day ("blasts on Sunday, police said Monday"):
    # "the same day" in a later sentence points back to it, past the report's day.
    before_report: _Reference | None = None
    for candidate in candidates:
        ref = candidate.norm.shift
        pointing = _POINTING_BACK.match(ctx.text, candidate.start) is not None
        if (
            pointing
            and before_report is not None
            and reference is not None
            and not same_sentence(ctx.text, reference[2], candidate.start)
        ):
            reference = before_report
        if ref is not None and reference is not None:
            date, granularity, end, _ = reference
            # "the same day", "that day" point back on purpose, further than a bare
            # "the next day" would
            reach = 3 if pointing and (ctx.anchor is None or date <= ctx.anchor) else 1
            if (
                _close_enough(ctx.text, end, candidate.start, reach)
                and _fine_enough(granularity, ref.granularity)
                and (not ref.same_sentence or _sets_the_year(ctx, reference, candidate))
            ):
                moved = shift(date, ref.unit, ref.count)
                granularity_out = ref.granularity
                if (
                    granularity == "month"
                    and ref.unit == "Y"
                    and ref.granularity == "year"
                    and not ref.suffix
                    and _A_YEAR_EARLIER.match(ctx.text, candidate.start, candidate.end)
                    and same_sentence(ctx.text, end, candidate.start)
                ):
                    # "In October, sales fell from one year earlier": that October
                    granularity_out = "month"
                if moved is not None:
                    value = render(moved, granularity_out) + ref.suffix
                    candidate = replace(candidate, norm=replace(candidate.norm, value=value))
                if granularity_out != ref.granularity:
                    out.append(candidate)  # a comparison's month, not the story's new time
                    continue
        found = _reference_of(candidate.norm)
        if found is not None and _COMPARED_BEFORE.search(ctx.before(candidate.start, 16)):
            # "compared with Thursday's quotes": a figure's day, not the story's
            found = None
        if found is not None:
            if (
                ref is not None
                and reference is not None
                and _FINENESS[found[1]] < _FINENESS[reference[1]]
                and _close_enough(ctx.text, reference[2], candidate.start)
            ):
                # "in March, up from a year earlier and from the previous month": a
                # coarser narrative step leaves the story's finer time where it was.
                reference = (reference[0], reference[1], candidate.end, reference[3])
            else:
                reported = found[0] == ctx.anchor and _REPORTED_BEFORE.search(
                    ctx.before(candidate.start, 30)
                )
                before_report = reference if reported else None
                reference = (found[0], found[1], candidate.end, candidate.start)
        out.append(candidate)
    return out

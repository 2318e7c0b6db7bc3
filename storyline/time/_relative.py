"""Normalisers for expressions resolved against the anchor: "yesterday", "this morning",
"3 p.m.", "two weeks ago", "last year", "the third quarter", "in the autumn".

Each ``norm_*`` function has the signature of those in `storyline.time._normalize`.
"""

from __future__ import annotations

import datetime as dt
import re

from storyline.time._calendar import (
    Unit,
    pick_year,
    quarter_of,
    render,
    season_of,
    season_year,
    shift,
    year_text,
)
from storyline.time._lexicon import (
    MONTH_NAMES,
    PLURAL_UNITS,
    SEASONS,
    UNITS,
    WEEKDAYS,
    parse_number,
)
from storyline.time._normalize import (
    CLAUSE_END_AFTER,
    DAY_PART_CODES,
    LAST_WORDS,
    NEXT_WORDS,
    NOUN_AFTER,
    POSITION_MODS,
    POSSESSIVE_AFTER,
    UNANCHORED,
    YEAR_WORD_OFFSETS,
    Context,
    Match,
    Norm,
    RefShift,
    century_of,
    expand_short_year,
    is_game_report,
    is_part_of_name,
    lies_ahead,
    lower_group,
    month_number,
    planned_day,
    titled_mid_sentence,
    year_from_words,
)
from storyline.time._patterns import MONTH

_DAY_OFFSETS = {
    "today": 0, "tonight": 0, "overnight": 0, "yesterday": -1, "tomorrow": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip


# "USA Today", "Radio 4's Today programme": a paper or a show, not the day.
_TODAY_NAME_BEFORE = re.compile(
    r"\b(?:USA|BBC|Radio\s+\d+\s*'s|VOA|China|Ireland|NBC\s*['\u2019]s)\s*(?:``\s*|[\"\u201c])?$"
    r"|\b[A-Z][\w-]+\s*(?:\(|-LRB-\s*)$"  # "An-Nahar (Today)": a paper's name translated
)
_TODAY_NAME_AFTER = re.compile(r"(?i)^\s*(?:''\s*|[\"\u201d]\s*)?(?:program|programme|show)\b")


_WEEKDAY_AFTER = re.compile(
    r"^\s+(?:on\s+)?(?:" + "|".join(day.capitalize() for day in WEEKDAYS) + r")\b"
)


_CAPITALISED_WORD_BEFORE = re.compile(r"\b[A-Z][A-Za-z]+\s+$")


_CHANGE_BEFORE = re.compile(
    r"(?i)\b(?:end|change|fix|solve|cure|transform|become|disappear|vanish)\b(?:\s+[\w-]+){0,3}\s+$"
)
_SUDDENLY_BEFORE = re.compile(r"(?i)\b(?:virtually|almost|literally|practically|nearly)\s+$")
_NEVER_BEFORE = re.compile(r"(?i)\b(?:not|n't|never|cannot)\b[^.,;!?]*$")
# "today" and "tomorrow" standing for the present age and the future, not for days.
_EVEN_BEFORE = re.compile(r"(?i)\b(?:even|still)\s+$")
_GENERIC_TODAY_AFTER = re.compile(
    r"(?i)^\s?['\u2019]s\s+(?:[a-z-]+\s+)?(?:world|society|generation|youth|young|children"
    r"|standards|age|economy|globali[sz]ed)\b"
)
_FIGURATIVE_TOMORROW_BEFORE = re.compile(
    r"(?i)\b(?:a|an)\s+(?:better|brighter|bright|new|happier|safer|greener|prosperous)\s+$"
)


def norm_relative_day(match: Match, ctx: Context) -> Norm | None:
    """Normalise "yesterday", "today", "tomorrow", "tonight"."""
    word = lower_group(match, "word") or ""
    night = word in ("tonight", "overnight")
    if match["word"] == "Today" and (
        _TODAY_NAME_BEFORE.search(ctx.before(match.start(), 30))
        or _TODAY_NAME_AFTER.match(ctx.after(match.end(), 20))
    ):
        return None
    if (
        word != "overnight"
        and titled_mid_sentence(match["word"], ctx, match.start())
        and _CAPITALISED_WORD_BEFORE.search(ctx.before(match.start(), 20))
        and not POSSESSIVE_AFTER.match(ctx.after(match.end(), 4))
    ):
        return None  # "Piers Morgan Tonight", "Dogs Today Magazine": a name
    if (
        word == "overnight"
        and _NEVER_BEFORE.search(ctx.before(match.start(), 40))
        and CLAUSE_END_AFTER.match(ctx.after(match.end(), 3))
    ):
        return None  # "revolutions do not happen overnight": suddenly, no night
    if word == "overnight" and (
        _SUDDENLY_BEFORE.search(ctx.before(match.start(), 16))
        or (
            _CHANGE_BEFORE.search(ctx.before(match.start(), 50))
            and CLAUSE_END_AFTER.match(ctx.after(match.end(), 3))
        )
    ):
        # "vanished into Chapter 11 virtually overnight", "will end official corruption
        # overnight": suddenly, no night
        return None
    if word == "overnight" and NOUN_AFTER.match(ctx.after(match.end(), 20)):
        return None  # "overnight rates", "an overnight stop"
    if word == "overnight" and _WEEKDAY_AFTER.match(ctx.after(match.end(), 16)):
        return Norm("TIME", "TNI")  # "overnight Thursday": that day's night, joined to it
    if word == "today" and (
        (
            _EVEN_BEFORE.search(ctx.before(match.start(), 12))
            and ctx.direction(match.start(), match.end(), None) != "past"
        )
        or _GENERIC_TODAY_AFTER.match(ctx.after(match.end(), 24))
    ):
        return Norm("DATE", "PRESENT_REF")  # "in today's world", "divides Chile even today"
    if word == "tomorrow" and _FIGURATIVE_TOMORROW_BEFORE.search(ctx.before(match.start(), 16)):
        return Norm("DATE", "FUTURE_REF")  # "wished Hong Kong a better tomorrow"
    if ctx.anchor is None:
        return Norm("TIME" if night else "DATE", "XXXX-XX-XX" + ("TNI" if night else ""))
    offset = _DAY_OFFSETS[word]
    if word == "overnight" and ctx.direction(match.start(), match.end(), None) == "past":
        offset = -1  # "troops moved in overnight": the night before, as "last night"
    date = shift(ctx.anchor, "D", offset)
    if date is None:
        return None
    return Norm("TIME", f"{date.isoformat()}TNI") if night else Norm("DATE", date.isoformat())


def norm_day_part(match: Match, ctx: Context) -> Norm | None:
    """Normalise "this morning", "last night", "tomorrow evening"; bare parts stay partial."""
    part = DAY_PART_CODES[match["part"].lower()]
    rel = lower_group(match, "rel")
    if titled_mid_sentence(match["part"], ctx, match.start()):
        return None  # "she told CBS This Morning"
    offsets = {"this": 0, "last": -1, "tomorrow": 1, "yesterday": -1, "this past": -1}
    if rel not in offsets:
        return Norm("TIME", f"T{part}", POSITION_MODS.get(rel or ""))
    if rel == "last" and part != "NI":
        return None
    if ctx.anchor is None:
        return Norm("TIME", f"XXXX-XX-XXT{part}")
    date = shift(ctx.anchor, "D", offsets[rel])
    return Norm("TIME", f"{date.isoformat()}T{part}") if date else None


def norm_clock(match: Match, ctx: Context) -> Norm | None:
    """Normalise "3 p.m.", "05:36 GMT", "noon" into a partial TIME (``T15:00``)."""
    if match["noon"]:
        if is_part_of_name(match["noon"], ctx.after(match.end(), 20)):
            return None  # "Midnight Oil": a band
        word = match["noon"].lower()
        return Norm("TIME", "T24:00" if word == "midnight" else "T12:00")
    if _RACE_TIME_AFTER.match(ctx.after(match.end(), 4)):
        return None  # "the bronze went to Hur at 2:27. 14": a race time, split
    hour_text = match["h1"] or match["h2"] or match["h3"] or match["h4"] or match["hw"]
    hour_text = hour_text or match["h5"] or match["h6"] or match["h7"]
    minute_text = match["m1"] or match["m2"] or match["m3"] or match["m4"] or match["m5"]
    minute_text = minute_text or match["m6"] or match["m7"] or "00"
    hour_number = parse_number(hour_text)
    if hour_number is None:
        return None
    hour = int(hour_number)
    ampm = re.sub(r"[.\s]", "", (match["ampm"] or "").lower())  # "a. m." as "am"
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    inpart = match["inpart"] or match["inpart2"]
    if inpart:  # "eleven in the morning", "8 at night", "11 o'clock at night"
        hour = past_noon(hour, DAY_PART_CODES[inpart.split()[-1].lower()])
    elif not ampm and (part := _PART_JUST_BEFORE.search(ctx.before(match.start(), 30))):
        # "This afternoon at about 3:30": the part of day just said
        hour = past_noon(hour, DAY_PART_CODES[part["part"].lower()])
    if not (0 <= hour <= 23 and 0 <= int(minute_text) <= 59):
        return None
    return Norm("TIME", f"T{hour:02d}:{minute_text}")


_PART_JUST_BEFORE = re.compile(
    r"(?i)\b(?:this|that|in\s+the|yesterday|tomorrow|\w+day)\s+(?P<part>afternoon|evening|night)"
    r",?\s+(?:at\s+)?(?:(?:about|around|approximately|some|roughly)\s+)?$"
)


_RACE_TIME_AFTER = re.compile(r"^\.\s\d\d\b")
# The hours of a twelve-hour clock that a part of day puts after noon ("8 at night").
_AFTER_NOON = {"AF": range(1, 7), "EV": range(4, 12), "NI": range(6, 12)}


def past_noon(hour: int, part: str) -> int:
    """Return ``hour`` on a 24-hour clock given the part of day (code ``MO``, ``AF``,
    ``EV``, ``NI``) it was said in: "8" in the evening is 20, "1" at night stays 1
    (past midnight), and so does "12" (noon or midnight, left as written)."""
    return hour + 12 if hour in _AFTER_NOON.get(part, range(0)) else hour


_SHIFT_UNITS: dict[str, Unit] = {"D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y"}


_GRANULARITY_OF = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}


_THAN_AFTER = re.compile(r"(?i)^\s+than\b")


def norm_ago(match: Match, ctx: Context) -> Norm | None:
    """Normalise "two weeks ago", "a year earlier", "three days from now"."""
    unit_word = PLURAL_UNITS.get(match["unit"].lower(), match["unit"].lower())
    code, size = UNITS[unit_word]
    number_text = lower_group(match, "num")
    if number_text is None and match["unit"].lower() == unit_word:
        return None
    number = parse_number(number_text) if number_text else None
    if number_text and "couple" in number_text:
        number = 2.0
    if match["half"]:
        if code not in _SHIFT_UNITS or number is None:
            return None  # "an hour and a half ago": the span's length, told by another rule
        number += 0.5  # "a year and a half ago"
    sign = -1 if lower_group(match, "dir") in ("ago", "earlier", "back") else 1
    if number is None:
        return Norm("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if unit_word == "weekend":
        return Norm("DATE", "XXXX-XX-XX")  # which weekend "two weekends ago" was is open
    if (
        lower_group(match, "dir") in ("earlier", "later")
        and _THAN_AFTER.match(ctx.after(match.end(), 8))
        and code in ("D", "W", "M", "Y")
        and size == 1
        and number == int(number)
    ):
        # "by 2013, a year earlier than agreed": how much earlier, not a date
        return Norm("DURATION", f"P{int(number)}{code}", end=match.end("unit"))
    if code not in _SHIFT_UNITS:
        return _clock_shift(ctx, code, number * sign)
    granularity = _GRANULARITY_OF[code]
    if size >= 10:
        granularity = "decade" if size == 10 else "century"
    if ctx.anchor is None:
        return Norm("DATE", UNANCHORED[granularity])
    compared = _COMPARED_YEAR_AFTER.match(ctx.after(match.end(), 80))
    if compared and code == "Y" and size == 1 and lower_group(match, "dir") in ("earlier", "ago"):
        # "fell from a year earlier to $1bn in 1996": the year before that one
        text = year_text(int(compared["year"]) - round(number))
        return Norm("DATE", text) if text else None
    if number == 1 and code == "Y" and size == 1 and _is_financial(ctx, match.start()):
        return _year_ago_quarter(ctx, match.start())
    amount = number * size
    if amount != int(amount) and code == "Y":
        code, amount, granularity = "M", amount * 12, "month"
    unit, count = _SHIFT_UNITS[code], round(amount) * sign
    date = shift(ctx.anchor, unit, count)
    mod = "APPROX" if lower_group(match, "orso") == "or so" else None  # "a decade or so ago"
    if date is None and code == "Y" and granularity == "year" and 0 < -count < 100_000:
        # "2,300 years ago": a year before the common era (year 0 is 1 BC)
        before_era = 1 - (ctx.anchor.year + count)
        return Norm("DATE", f"BC{before_era:04d}", mod) if before_era >= 1 else None
    if date is None:
        return None
    # "two days later" counts from the story's time; "two days ago" from the anchor.
    narrative = lower_group(match, "dir") in ("later", "earlier")
    ref = RefShift(unit, count, granularity) if narrative else None
    return Norm("DATE", render(date, granularity), mod, shift=ref)


_COMPARED_YEAR_AFTER = re.compile(
    r"(?i)^\s+to\s+(?:[^.;]|\.(?=\d)){0,50}?\bin\s+(?P<year>1[5-9]\d\d|20\d\d)\b(?![-/\d])"
)


def _clock_shift(ctx: Context, code: str, signed: float) -> Norm | None:
    if ctx.anchor is None:
        return Norm("DATE", "XXXX-XX-XX")
    if ctx.clock is None:
        return Norm("DATE", ctx.anchor.isoformat())
    minutes = {"H": 60.0, "MIN": 1.0, "S": 1 / 60}[code] * signed
    try:
        moment = dt.datetime.combine(ctx.anchor, dt.time(*ctx.clock)) + dt.timedelta(
            minutes=minutes
        )
    except (ValueError, OverflowError):
        return None
    return Norm("TIME", moment.strftime("%Y-%m-%dT%H:%M"))


_UNIT_OFFSET = {
    "last": -1, "past": -1, "previous": -1, "the last": -1, "the past": -1,
    "the previous": -1, "this past": -1, "the latest": -1, "the most recent": -1, "the prior": -1,
    "next": 1, "coming": 1, "the coming": 1, "the next": 1, "this coming": 1,
    "the following": 1, "following": 1, "this": 0, "the current": 0, "current": 0,
    "the": 0, "the full": 0,
}  # fmt: skip


_SINCE_AFTER = re.compile(r"(?i)^\s+since\b")
# "by the end of the year to study", "later in the day in a celebration", "late into
# the night in Auburn": the unit is the time however the phrase goes on.
_A_PART_OF_BEFORE = re.compile(
    r"(?i)\b(?:(?:end|beginning|start|middle|rest|remainder|course|close|turn)\s+of"
    r"|(?:later|earlier|late|early)\s+(?:in|into)|into)\s+$"
)
_THE_UNIT_NOT_TIME = re.compile(r"(?i)^\s+(?:of|in|to|for|after|before|old|when|that|which)\b")


# "the year" names the calendar year only as a frame ("for the year", "the end of the
# year", "earlier in the year"); otherwise it is a year's span ("profit in the year",
# "the year ended Sept. 30").  TimeBank and TE3-Silver agree on this.
_YEAR_AS_DATE_BEFORE = re.compile(
    r"(?i)\b(?:(?:end|beginning|start|middle|close|turn|rest|remainder|part|half|course"
    r"|months|weeks|days|quarters?)\s+of|(?:earlier|later|early|late)\s+in|for"
    # "the best film of the year", "the biggest fall of the year": this one
    r"|(?:best|worst|biggest|largest|highest|lowest|top|strongest|weakest|busiest|fastest"
    r"|slowest)\s+(?:[a-z]+\s+){0,2}(?:of|in)"
    # "began the year with a win", "closed the year higher": the calendar year
    r"|(?:began|begins|start(?:ed|s)?|end(?:ed|s)?|finish(?:ed|es)?|clos(?:ed|es)|open(?:ed|s)"
    r"|kick(?:ed|s)\s+off|round(?:ed|s)\s+off))\s+$"
)


_SO_FAR_AFTER = re.compile(r"(?i)^\s+(?:so\s+far|thus\s+far|to\s+date)\b")


def _year_as_span(match: Match, ctx: Context) -> bool:
    if match["ended"]:
        return True
    if _SO_FAR_AFTER.match(ctx.after(match.end(), 12)):
        return False  # "the best sales of the year so far": this year
    if POSSESSIVE_AFTER.match(ctx.after(match.end(), 3)):
        return False  # "the year's best film": this year
    return not _YEAR_AS_DATE_BEFORE.search(ctx.before(match.start(), 30))


_YEAR_COMMA_BEFORE = re.compile(r"(?<![\w.,$-])(?P<year>1[5-9]\d\d|20\d\d),\s+$")
_IN_THE_WEEK_BEFORE = re.compile(
    r"(?i)\b(?:(?:earlier|later|early|late)\s+in"
    r"|(?:end|start|beginning|middle|rest|remainder)\s+of|start\s+to)\s+$"
)


def norm_relative_unit(match: Match, ctx: Context) -> Norm | None:
    """Normalise "last year", "this week", "the next quarter", "the weekend"."""
    rel = lower_group(match, "rel") or ""
    unit = match["unit"].lower()
    if unit == "half" or (unit == "period" and rel not in ("the latest", "the most recent")):
        return None
    if lower_group(match, "fiscal") == "election" and rel not in ("this", "the current", "current"):
        return None  # "the next election year" is the next year with an election, unknown here
    if rel.endswith("year's") or (match["unit"][0].isupper() and not match["unit"].isupper()):
        return None
    if match["unit"].isupper() and re.search(r"\bOF\s+$", ctx.before(match.start(), 6)):
        return None  # "COACH OF THE YEAR": an award's name
    named = _YEAR_COMMA_BEFORE.search(ctx.before(match.start(), 12))
    if named is not None and unit == "year" and rel in ("the", "the last", "the final"):
        return Norm("DATE", named["year"])  # "by 2010, the year his term ends"
    if unit == "fortnight":  # no calendar unit: the span ("the past fortnight")
        return Norm("DURATION", "P2W") if rel != "the" else None
    if (
        rel == "the"
        and unit in ("week", "month", "year")
        and _SINCE_AFTER.match(ctx.after(match.end(), 8))
    ):
        return Norm("DURATION", f"P1{unit[0].upper()}")  # "in the month since the recall"
    if (
        rel == "the"
        and not match["ended"]
        and _THE_UNIT_NOT_TIME.match(ctx.after(match.end(), 12))
        and not _A_PART_OF_BEFORE.search(ctx.before(match.start(), 24))
    ):
        # "the year in review", "the week that followed"; but "said over the weekend
        # that ...", "at the weekend in Bamako" name a weekend all the same.
        if unit != "weekend" or ctx.after(match.end(), 4).strip().lower() == "of":
            return None
    if rel == "the" and unit == "week":
        if ctx.anchor and _IN_THE_WEEK_BEFORE.search(ctx.before(match.start(), 20)):
            # "later in the week": this one; "by the end of the week" told ahead on a Sunday:
            # the one starting the next day
            ahead = _week_ahead_of_sunday(match, ctx)
            return Norm("DATE", render(ctx.anchor + dt.timedelta(days=ahead), "week"))
        return Norm("DATE", f"{ctx.anchor.year:04d}-WXX" if ctx.anchor else "XXXX-WXX")
    if unit == "year" and rel == "the" and _year_as_span(match, ctx):
        return Norm("DURATION", "P1Y")
    offset = _UNIT_OFFSET[rel]
    if unit == "week" and rel == "this" and _week_ahead_of_sunday(match, ctx):
        offset = 1
    if unit == "week" and rel == "this past" and ctx.anchor and ctx.anchor.isoweekday() == 7:
        offset = 0  # "this past week", said on a Sunday: the week that ends that day
    if unit == "quarter" and match["ended"] and ctx.anchor is not None:
        closing = _QUARTER_END_AFTER.match(ctx.after(match.end(), 30))
        if closing is not None and month_number(closing["month"]) % 3 == 0:
            # "the quarter ended June 30": the calendar quarter that month closes
            month = month_number(closing["month"])
            year = pick_year(ctx.anchor, month, 28, "past")
            return Norm("DATE", f"{year:04d}-Q{month // 3}") if year is not None else None
    if unit in ("quarter", "period") and rel in ("the", "the latest", "the most recent"):
        unit, offset = "quarter", -1
        if rel == "the" and _A_PART_OF_BEFORE.search(ctx.before(match.start(), 24)):
            offset = 0  # "before the end of the quarter": the one under way
    if unit == "weekend":
        return _weekend(match, ctx, offset if rel != "the" else None)
    granularity = {"year": "year", "month": "month", "week": "week", "decade": "decade"}.get(
        unit, unit
    )
    if ctx.anchor is None:
        return Norm("DATE", UNANCHORED[granularity])
    codes: dict[str, Unit] = {"year": "Y", "month": "M", "week": "W", "quarter": "Q"}
    codes.update({"decade": "E", "century": "C"})
    date = shift(ctx.anchor, codes[unit], offset)
    if date is None:
        return None
    if unit == "year" and rel == "the":
        # "In 2008, sales fell 5% for the year": the year the sentence has set, if any
        return Norm("DATE", render(date, granularity), shift=_SENTENCE_YEAR)
    return Norm("DATE", render(date, granularity))


_SENTENCE_YEAR = RefShift("Y", 0, "year", same_sentence=True)


def _week_ahead_of_sunday(match: Match, ctx: Context) -> bool:
    """Whether a week told ahead in a Sunday paper is the one starting the next day ("BP
    will this week reveal ..."), not the ISO week ending that Sunday; not when the week
    owns a noun ("this week's meeting, which could ...", "the events of this week")."""
    return (
        ctx.anchor is not None
        and ctx.anchor.isoweekday() == 7
        and ctx.direction(match.start(), match.end(), None) == "future"
        and not POSSESSIVE_AFTER.match(ctx.after(match.end(), 3))
        and not _EVENTS_OF_BEFORE.search(ctx.before(match.start(), 24))
    )


# "the events of this week", but not "by the end of the week"
_EVENTS_OF_BEFORE = re.compile(
    r"(?i)(?<!\bend\s)(?<!\bstart\s)(?<!\bmiddle\s)(?<!\brest\s)(?<!\bcourse\s)"
    r"(?<!\bbeginning\s)\bof\s+(?:the\s+)?$"
)


_QUARTER_END_AFTER = re.compile(rf"^\s+(?:ended|ending)\s+(?P<month>{MONTH})")
_GIVEN_BEFORE = re.compile(r"(?i)\b(?:gave|given|gives?|giving)\s+(?:[\w'-]+\s+){0,3}$")


def weekend_norm(match: Match, ctx: Context) -> Norm | None:
    """Return the weekend a bare "weekend" at ``match`` names: the one its clause's tense
    points to ("a weekend fire" told in the past: the one gone by)."""
    return _weekend(match, ctx, None)


def _weekend(match: Match, ctx: Context, offset: int | None) -> Norm | None:
    if ctx.anchor is None:
        return Norm("DATE", "XXXX-WXX-WE")
    anchor = ctx.anchor
    if offset is None:
        direction = ctx.direction(match.start(), match.end(), None)
        if lies_ahead(ctx, match) or (direction is None and planned_day(ctx, match, weekend=True)):
            direction = "future"
        if _GIVEN_BEFORE.search(ctx.before(match.start(), 40)):
            direction = "future"  # "gave the defence the weekend to reply"
        offset = 1 if direction == "future" else -1
        if anchor.isoweekday() >= 6 or (
            anchor.isoweekday() == 5 and ctx.before(match.start(), 8).lower().endswith("before ")
        ):
            offset = 0  # "spurred short-covering before the weekend", on a Friday
    elif offset == 0 and anchor.isoweekday() < 6 and not planned_day(ctx, match):
        if ctx.direction(match.start(), match.end(), None) == "past":
            offset = -1  # "cleared barricades this weekend", told on the Monday after
    if offset < 0:
        saturday = anchor - dt.timedelta(days=(anchor.isoweekday() - 6) % 7 or 7)
    elif offset > 0:
        saturday = anchor + dt.timedelta(days=(6 - anchor.isoweekday()) % 7 or 7)
    else:
        saturday = anchor + dt.timedelta(days=6 - anchor.isoweekday())
    return Norm("DATE", f"{render(saturday, 'week')}-WE")


_QUARTER_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2}
_QUARTER_ORDINALS.update({"3rd": 3, "4th": 4, "1q": 1, "2q": 2, "3q": 3, "4q": 4})


# "the second half of the season", "15 minutes into the second half": play, not a year
_OF_PLAY_AFTER = re.compile(
    r"(?i)^\s+of\s+(?:the|this|last|next|their|its|his)\s+(?:season|match|game|campaign"
    r"|tournament|championship|league|race|contest|bout|fight|final)\b"
)
_MINUTES_INTO_BEFORE = re.compile(r"(?i)\b(?:minutes?|mins?|seconds?|secs?)\s+into\s+$")


_MONTH_OF_AFTER = re.compile(rf"^\s+of\s+(?:{'|'.join(m.capitalize() for m in MONTH_NAMES)})\b")


def norm_quarter(match: Match, ctx: Context) -> Norm | None:
    """Normalise "the third quarter" (``1998-Q3``), "fourth-quarter", "the first half of 1990"."""
    ordinal = match["ordinal"].lower()
    half = match["unit"].lower() == "half"
    number = _QUARTER_ORDINALS.get(ordinal)
    if ordinal in ("last", "final") and (
        half or match["year1"] or match["year2"] or match["yearrel"] or match["yearword"]
    ):
        number = 2 if half else 4  # "the final quarter of last year": its fourth
    if ordinal == "latter":
        if not half:
            return None
        number = 2  # "the latter half of the year"
    code = "H" if half else "Q"
    if half and number not in (1, 2):
        return None
    if match["plural"]:
        return Norm("SET", f"XXXX-{code}{number}") if number else None
    explicit = match["year1"] or match["year2"]
    if half and not explicit and _MONTH_OF_AFTER.match(ctx.after(match.end(), 16)):
        return None  # "the first half of August": the month, with a modifier
    if (
        not explicit
        and match["yearword"] is None
        and match["theyear"] is None
        and (
            is_game_report(ctx.text)
            or _OF_PLAY_AFTER.match(ctx.after(match.end(), 30))
            or _MINUTES_INTO_BEFORE.search(ctx.before(match.start(), 30))
        )
    ):
        return None  # "scoring 24 points in the third quarter": a period of play
    norm = _quarter_norm(match, ctx, number, code, half, explicit)
    if norm is not None and _article_not_the_quarters(match, ctx, explicit):
        after_det = match.end("det")
        start = after_det + len(ctx.text[after_det:]) - len(ctx.text[after_det:].lstrip())
        return Norm(norm.type, norm.value, norm.mod, start=start)
    return norm


_ACRONYM_AFTER = re.compile(r"^\s+[A-Z]{2,}\b")


def _article_not_the_quarters(match: Match, ctx: Context, explicit: str | None) -> bool:
    det = lower_group(match, "det")
    if det == "that":
        # "estimated that fourth quarter output grew": "that" opens a clause
        return not _THAT_QUARTER_BEFORE.search(ctx.before(match.start(), 12))
    # "the third-quarter results": the article is the noun's (TimeBank leaves it out)
    return (
        det == "the"
        and "-" in ctx.text[match.end("ordinal") : match.start("unit")]
        and not (explicit or match["yearword"] or match["yearrel"] or match["theyear"])
        and (
            NOUN_AFTER.match(ctx.after(match.end(), 12)) is not None
            or _ACRONYM_AFTER.match(ctx.after(match.end(), 8)) is not None  # "GNP growth"
        )
        and not ctx.after(match.end(), 6).lstrip().lower().startswith("of ")
    )


_THAT_QUARTER_BEFORE = re.compile(
    r"(?i)\b(?:in|during|for|of|from|by|since|over|through|after|before)\s+$"
)


def _quarter_norm(
    match: Match, ctx: Context, number: int | None, code: str, half: bool, explicit: str | None
) -> Norm | None:
    """The value of a quarter or half once its number and any written year are known."""
    ordinal = match["ordinal"].lower()
    if explicit:
        if number is None:
            return None
        return Norm("DATE", f"{explicit}-{code}{number}")
    if ctx.anchor is None:
        return Norm("DATE", f"XXXX-{code}{number or 'X'}")
    year_shift = _quarter_year_shift(match)
    anchor = ctx.anchor
    if number is None:
        offset = 0 if ordinal in ("current", "same", "comparable") else -1
        if ordinal in ("year-earlier", "year-ago"):
            year_shift = -1
        date = shift(anchor, "Q", offset)
        date = shift(date, "Y", year_shift) if date else None
        return Norm("DATE", render(date, "quarter")) if date else None
    year = anchor.year + year_shift
    current = quarter_of(anchor) if not half else (1 if anchor.month <= 6 else 2)
    if (
        year_shift == 0
        and match["yearrel"] is None
        and match["theyear"] is None
        and number > current
    ):
        if ctx.direction(match.start(), match.end(), None) == "past":
            year -= 1
    text = year_text(year)
    return Norm("DATE", f"{text}-{code}{number}") if text else None


# "Audi Q3", "the Q4 bomber": a shorthand quarter only after a word that takes a time or
# where a sentence or bracket opens.
_SHORT_QUARTER_BEFORE = re.compile(
    r"(?:^|[.!?:;(\n]\s*|'s\s+|\b(?i:in|for|during|of|the|its|their|from|to|and|by|since"
    r"|through|this|last|next|each|per|vs|versus|or|over|late|early|mid|than|at|before|after"
    r"|on)[-\s]+)$"
)


def norm_short_quarter(match: Match, ctx: Context) -> Norm | None:
    """Normalise "Q3" (the third quarter near the anchor), "Q1 2020", "Q4'19", "H1 2008"."""
    if match["half"]:
        return Norm("DATE", f"{match['hyear']}-H{match['half']}")
    if not _SHORT_QUARTER_BEFORE.search(ctx.before(match.start(), 20)):
        return None
    number = int(match["number"])
    if match["year"]:
        return Norm("DATE", f"{match['year']}-Q{number}")
    if match["short"]:
        return Norm("DATE", f"{expand_short_year(match['short'], ctx.anchor):04d}-Q{number}")
    if ctx.anchor is None:
        return Norm("DATE", f"XXXX-Q{number}")
    year, current = ctx.anchor.year, quarter_of(ctx.anchor)
    direction = ctx.direction(match.start(), match.end(), None)
    if number > current and direction == "past":
        year -= 1
    elif number < current - 1 and direction == "future":
        # "shipments should ramp up in late Q1", said in November; the quarter just
        # ended is the one whose results are still to come ("Q3 earnings", in October)
        year += 1
    return Norm("DATE", f"{year:04d}-Q{number}")


def _quarter_year_shift(match: Match) -> int:
    words = " ".join(filter(None, (lower_group(match, "yearword"), lower_group(match, "yearrel"))))
    if any(word in words for word in ("last", "earlier", "ago", "previous")):
        return -1
    if any(word in words for word in ("next", "following", "coming")):
        return 1
    det = lower_group(match, "det")
    return {"last": -1, "next": 1}.get(det or "", 0)


def norm_year_ago(match: Match, ctx: Context) -> Norm | None:
    """Normalise "year-earlier", "the year-ago quarter", "the year-earlier nine months"."""
    what = lower_group(match, "what")
    if what == "nine months":
        return Norm("DURATION", "P9M")
    if ctx.anchor is None:
        return Norm("DATE", "XXXX-QX" if what else "XXXX")
    if what or _is_financial(ctx, match.start()):
        return _year_ago_quarter(ctx, match.start())
    return Norm("DATE", f"{ctx.anchor.year - 1:04d}")


# How far back "quarter" must have been written for "a year ago" to mean the same
# quarter a year before (company results); chosen on TimeBank's earnings reports.
_FINANCIAL_WINDOW = 400


# A results quarter ("the third quarter", "quarterly profit"), not a share of something
# ("three-quarters of the bases", "a quarter of the vote") nor "headquarters".
_QUARTER_WORD = re.compile(
    r"(?i)\b(?:(?:first|second|third|fourth|[1-4](?:st|nd|rd|th)|the|this|that|last|latest"
    r"|same|previous|prior|fiscal|calendar|current|next|year-ago|year-earlier|each)[- ]quarter"
    r"|quarterly|[1-4]q)\b"
)


def _is_financial(ctx: Context, start: int) -> bool:
    """Return whether a quarter was mentioned shortly before ``start``."""
    return bool(_QUARTER_WORD.search(ctx.text, max(0, start - _FINANCIAL_WINDOW), start))


_SENTENCE_END = re.compile(r"[.!?]\s+")
_NAMED_QUARTER = re.compile(
    r"(?i)\b(?P<ordinal>first|second|third|fourth|[1-4])(?:st|nd|rd|th)?[- ]quarter\b"
    r"(?!,?\s+(?:ended|ending|to)\b)"
)


def _year_ago_quarter(ctx: Context, start: int) -> Norm | None:
    """Return the quarter compared with, one year earlier: the calendar quarter named in
    the same sentence ("third-quarter profit rose from a year earlier"), else the one
    before the anchor's."""
    anchor = ctx.anchor
    if anchor is None:
        return None
    sentence = _SENTENCE_END.split(ctx.before(start, _FINANCIAL_WINDOW))[-1]
    named = list(_NAMED_QUARTER.finditer(sentence))
    if named:
        word = named[-1]["ordinal"].lower()
        number = _QUARTER_ORDINALS.get(word) or int(word)
        # the latest such quarter that has ended by the anchor
        year = anchor.year if number < quarter_of(anchor) else anchor.year - 1
        text = year_text(year - 1)
        return Norm("DATE", f"{text}-Q{number}") if text else None
    date = shift(anchor, "Q", -5)
    return Norm("DATE", render(date, "quarter")) if date else None


def norm_year_period(match: Match, ctx: Context) -> Norm | None:
    """Normalise "the 1988 period" and "the 1988 quarter" (the results quarter of 1988);
    "the July-September quarter" (the calendar quarter, the latest begun by the anchor)."""
    if match["last"]:
        first, last = month_number(match["first"]), month_number(match["last"])
        if (last - first) % 12 != 2 or first % 3 != 1:
            return None  # not a calendar quarter ("the October-December quarter" is)
        number = (first - 1) // 3 + 1
        if match["of"]:
            return Norm("DATE", f"{match['of']}-Q{number}")
        if ctx.anchor is None:
            return Norm("DATE", f"XXXX-Q{number}")
        year = ctx.anchor.year if first <= ctx.anchor.month else ctx.anchor.year - 1
        text = year_text(year)
        return Norm("DATE", f"{text}-Q{number}") if text else None
    if ctx.anchor is None:
        return Norm("DATE", f"{match['year']}-QX")
    return Norm("DATE", f"{match['year']}-Q{quarter_of(shift(ctx.anchor, 'Q', -1) or ctx.anchor)}")


_SEASON_NEEDS = re.compile(
    r"(?i)\b(?:in|during|since|until|till|by|through|throughout|over|for|every|each|of|"
    r"before|after|from|to|into|and|or|this|last|next|late|early|mid)\s+$"
)


_SEASON_THING_AFTER = re.compile(r"(?i)^\s+(?:capital|palace|residence|retreat|quarters)\b")
# "not to join the summer time": the clock's daylight saving, not the season
_CLOCK_TIME_AFTER = re.compile(r"(?i)^\s+time\b")


_FALL_BEFORE = re.compile(
    r"(?i)\b(?:in|during|since|until|till|by|through|over|for|before|after|into|throughout)\s+$"
)


_FALL_NOT_SEASON = re.compile(r"(?i)^\s+(?:of(?!\s+\d)|in|from|into|to|on|off|by|back|out)\b")


_TO_VERB_AFTER = re.compile(
    r"(?i)^\s+to\s+(?!(?:a|an|the|its|their|his|her|about|around|record|new|levels?|lows?"
    r"|highs?|below|under|just|only|less|more|nearly|almost)\b)[a-z]{3,}"
)
_VERB_SLOT_BEFORE = re.compile(r"(?i)\b(?:to|could|can|may|might|will|would|should|must)\s+$")
_OBJECT_AFTER = re.compile(r"(?i)^\s+(?:a|an|the|another|some|its|their|his|her|our|this)\b")
_BEFORE_ONSET = re.compile(
    r"(?i)\b(?:before|ahead\s+of|until|till|by)\s+the\s+(?:onset|start|arrival|approach"
    r"|beginning)\s+of\s+(?:the\s+)?$"
)


def norm_season(match: Match, ctx: Context) -> Norm | None:
    """Normalise "in the autumn" (``2014-FA``), "last summer", "winter 2013"."""
    word = match["season"].lower()
    code = SEASONS[word]
    if is_part_of_name(match["season"], ctx.after(match.end(), 20)):
        return None
    if ctx.after(match.end(), 5).lower() == "-like":
        return None  # "the winter-like weather"
    if _SEASON_THING_AFTER.match(ctx.after(match.end(), 16)):
        return None  # "Jammu, the winter capital": a place's name for the season
    if (
        lower_group(match, "rel") == "the"
        and _CLOCK_TIME_AFTER.match(ctx.after(match.end(), 8))
        and not _FALL_BEFORE.search(ctx.before(match.start(), 20))
    ):
        return None
    if (
        word == "spring"
        and _VERB_SLOT_BEFORE.search(ctx.before(match.start(), 12))
        and _OBJECT_AFTER.match(ctx.after(match.end(), 12))
    ):
        return None  # "want to spring a surprise": the verb
    rel = lower_group(match, "rel")
    if rel is not None and rel.startswith("the ") and rel[4:] in POSITION_MODS:
        rel = rel[4:]  # "in the late summer": "late" all the same
    mod = POSITION_MODS.get(rel or "")
    if match["short"]:  # "the summer of '69"
        short = int(match["short"])
        return Norm("DATE", f"{century_of(short, ctx)}{short:02d}-{code}", mod)
    if match["year"]:
        year = year_from_words(match["year"])
        return Norm("DATE", f"{year:04d}-{code}", mod) if year else None
    if match["yrel"] and ctx.anchor is not None:  # "the spring of last year"
        shifted = year_text(ctx.anchor.year + YEAR_WORD_OFFSETS[match["yrel"].lower()])
        return Norm("DATE", f"{shifted}-{code}", mod) if shifted else None
    if rel is None and not _SEASON_NEEDS.search(ctx.before(match.start(), 20)):
        return None
    if (
        rel is None
        and ctx.before(match.start(), 6).lower().endswith("into ")
        and NOUN_AFTER.match(ctx.after(match.end(), 20))
    ):
        return None  # "turn holidays into winter breaks": the season's kind of thing
    if word == "fall" and (
        rel is None
        or (rel == "the" and not _FALL_BEFORE.search(ctx.before(match.start(), 20)))
        or _FALL_NOT_SEASON.match(ctx.after(match.end(), 12))
        and not (rel in ("this", "next") and _TO_VERB_AFTER.match(ctx.after(match.end(), 16)))
    ):  # "this fall in prices", but "troops were sent this fall to guard polls"
        return None
    if ctx.anchor is None:
        return Norm("DATE", f"XXXX-{code}", mod)
    anchor = ctx.anchor
    # "the 1918 pandemic started with a mild virus in the spring": a season told without
    # "this", "last" or "next" takes the year its sentence wrote, when it wrote one
    shift_to: RefShift | None = None
    if rel in LAST_WORDS:
        year = season_year(anchor, code, "past")
        if year == season_year(anchor, code, None) and code == season_of(anchor):
            year -= 1
    elif rel in NEXT_WORDS:
        year = season_year(anchor, code, "future")
        if code == season_of(anchor) and not (
            rel in ("coming", "the coming") and anchor.month in (12, 3, 6, 9)
        ):
            year += 1  # "next summer" said in July; "the coming winter" said in December
    elif rel == "this":
        # "a review due to be published this spring", said in November: the next one
        told = ctx.direction(match.start(), match.end(), None)
        year = season_year(anchor, code, "future" if told == "future" else None)
    elif _BEFORE_ONSET.search(ctx.before(match.start(), 40)):
        # "shelter before the onset of winter": the season to come, whatever the tense
        year = season_year(anchor, code, "future")
    elif ctx.before(match.start(), 6).lower().endswith("come "):
        year = season_year(anchor, code, "future")  # "but come the autumn it may return"
    else:
        year = season_year(anchor, code, ctx.direction(match.start(), match.end(), None))
        shift_to = RefShift("Y", 0, "year", f"-{code}", same_sentence=True)
    text = year_text(year)
    return Norm("DATE", f"{text}-{code}", mod, shift=shift_to) if text else None


def norm_year_end(match: Match, ctx: Context) -> Norm | None:
    """Normalise "year-end", "year's end", "the end of year" (the end of the anchor's
    year), "mid-year" (its middle); "the new year" (the coming one from September on,
    else the anchor's)."""
    word = lower_group(match, "word") or ""
    if word.startswith(("mid", "end", "the end")):
        if NOUN_AFTER.match(ctx.after(match.end(), 20)):
            return None  # "mid-year elections", "the midyear review"
        year = year_text(ctx.anchor.year) if ctx.anchor else "XXXX"
        return Norm("DATE", year or "XXXX", "MID" if word.startswith("mid") else "END")
    if word.endswith("new year"):
        if ctx.anchor is None:
            return Norm("DATE", "XXXX")
        return Norm("DATE", year_text(ctx.anchor.year + (ctx.anchor.month >= 9)) or "XXXX")
    if ctx.anchor is None:
        return Norm("DATE", "XXXX", "END")
    return Norm("DATE", f"{ctx.anchor.year:04d}", "END")

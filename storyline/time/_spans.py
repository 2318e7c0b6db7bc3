"""Normalisers for durations, sets and vague references: "the last 13 months",
"60-year", "every year", "$9bn a year", "recently", "the future".

Each ``norm_*`` function has the signature of those in `storyline.time._normalize`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storyline.time._calendar import make_date
from storyline.time._lexicon import (
    MONTHS,
    PLURAL_UNITS,
    SEASONS,
    UNITS,
    WEEKDAYS,
    parse_number,
)
from storyline.time._normalize import (
    DAY_PART_CODES,
    NOUN_AFTER,
    Context,
    Match,
    Norm,
    in_a_name,
    is_game_report,
    is_part_of_name,
    lower_group,
    titled_mid_sentence,
)
from storyline.time._patterns import WEEKDAY
from storyline.time._relative import weekend_norm
from storyline.time._tense import is_past_form

_SMALLER = {
    "Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60),
    "MIN": ("S", 60),
}  # fmt: skip


_TIME_CODES = ("H", "MIN", "S")


@lru_cache(maxsize=256)
def duration_value(number: float | None, unit_word: str) -> str | None:
    """Return the TIMEX3 duration for ``number`` of ``unit_word`` ("P13M", "PXY").

    Fractions go down one unit ("2 1/2 years" -> ``P2Y6M``); ``None`` means "some".
    """
    unit_word = PLURAL_UNITS.get(unit_word, unit_word)
    code, size = UNITS[unit_word]
    if number is None:
        vague = {"decade": "PXE", "century": "PXC", "millennium": "PXL"}
        if unit_word in vague:
            return vague[unit_word]
        return f"PTX{code[0]}" if code in _TIME_CODES else f"PX{code}"
    if not 0 <= number <= 1_000_000:
        return None
    amount = number * size
    whole = int(amount)
    rest = amount - whole
    parts: list[tuple[float, str]] = [(whole, code)]
    if rest and code in _SMALLER:
        smaller, factor = _SMALLER[code]
        parts = [(whole, code), (round(rest * factor), smaller)] if whole else []
        if not whole:
            parts = [(round(rest * factor), smaller)]
    elif rest:
        # Seconds are the smallest unit: a race time keeps its decimals ("PT44.88S").
        parts = [(float(f"{amount:.3f}") if unit_word == "second" else round(amount), code)]
    date = "".join(f"{n}{c}" for n, c in parts if c not in _TIME_CODES)
    clock = "".join(f"{n}{c[0]}" for n, c in parts if c in _TIME_CODES)
    return "P" + date + ("T" + clock if clock else "")


# "60,000 barrels (9.5m litres) a day": a conversion in brackets between amount and unit.
_BRACKETS = re.compile(r"\s*(?:\([^()]*\)|-LRB-(?:(?!-RRB-).)*-RRB-)")
# An amount just before "a year" makes it a rate: "$9bn a year", "four flights a week".
# "2m tonnes of iron and steel a day", "90 million vials of flu vaccine a year":
# what is counted, then what it is made of
_AMOUNT_OF_BEFORE = re.compile(r"(?i)(?<!\S)\S*\d\S*(?:\s+[a-z]+){1,2}\s+of(?:\s+[a-z]+){1,4}\s+$")
_AMOUNT_BEFORE = re.compile(
    r"(?i)(?:(?<!\S)(?!(?:1[89]|20)\d\d\b|\d+(?:st|nd|rd|th)\b)\S*\d\S*"
    r"|\b(?:million|billion|trillion|dollars?|euros?|pounds?|yen"
    r"|cents?|percent|times|twice|once|thrice|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|dozens?|hundreds?|thousands?|several))"
    r"(?:\s+(?:[a-z]+(?:-[a-z]+)*|(?:[a-z]\.){2,}|%)){0,4}[\s,]+$"
    # "one flight a day", "one tablet a day": one thing, then the rate
    r"|\b(?:one|an?)\s+(?!(?:year|month|week|day|hour|minute|thing|second|decade|quarter"
    r"|time|lot|bit|couple|half|while|moment|about|difference)s?\b)[a-z]+(?:-[a-z]+)?\s+$"
)


# "on Dec. 18, a day before the retirement", "2015 was a year of change", "a quarter of
# the budget": a span or a share after a number, no rate ("5,000 barrels a day of oil",
# "$2,000 a day before the spill" are).
_COUNTED_FROM_AFTER = re.compile(r"(?i)^\s+(?:before|after|earlier|later|ago)\b")
_OF_AFTER = re.compile(r"(?i)^\s+of\b")
_HIGH_LOW_AFTER = re.compile(r"(?i)^[-\s]+(?:low|high)s?\b")
_SPAN_COUNTED_BEFORE = re.compile(rf"(?:,|\b(?i:from|than)|\b(?i:age)\s+\d+|\b{WEEKDAY})\s*$")
_SPAN_OF_BEFORE = re.compile(r"(?i)\b(?:is|was|were|are|be|been|in|for|during|over)\s+$")


_SPAN_BOUND_BEFORE = re.compile(
    r"(?i)\b(?:(?:less|more)\s+than|within|for|in|and|up\s+to"
    r"|spen[dt]s?|spending|took|lasted|waited|stayed|served)\s+$"  # "who spent a week praying"
)


_AWAY_AFTER = re.compile(r"(?i)^\s+(?:north|south|east|west|away|outside)\b")


def _span_not_rate(unit: str, before: str, after: str) -> bool:
    if _SPAN_BOUND_BEFORE.search(before):
        return True  # "twice in less than a month", "$5m for a year": a span, no rate
    if unit == "weekend" and NOUN_AFTER.match(after):
        return True  # "a dozen were hurt in a weekend raid"
    if _HIGH_LOW_AFTER.match(after):
        return True  # "shares hit a year low": the lowest of a year, no rate
    if _AWAY_AFTER.match(after):
        return True  # "a village an hour south of Lyon": how far, no rate
    if _COUNTED_FROM_AFTER.match(after):
        return bool(_SPAN_COUNTED_BEFORE.search(before))
    if _OF_AFTER.match(after):
        return unit.startswith("quarter") or bool(_SPAN_OF_BEFORE.search(before))
    return False


_ONE_DAY_GAME_AFTER = re.compile(
    r"(?i)^\s+(?:internationals?|matches|match|series|cricket|format|squad|side|cup|game|games"
    r"|tournament|final)\b"
)
_NOUN_NEXT = re.compile(
    r"^\s+(?!(?:and|or|but|of|in|on|at|for|to|from|with|by|as|when|before|after|ago|later"
    r"|earlier|off|out|away|ahead|since|than|that|which|who|the|a|an|his|her|their|its"
    r"|there|here|home|abroad|together|alone|again|long|too)\b)"
    r"[a-z]{3,}\b"
)
_YEAR_TO_COUNT = re.compile(r"(?i)(?:1[5-9]|20)\d\d\s+(?:to|or)\s+(?P<count>[\w.,]+)\s")
_AGE_AFTER = re.compile(r"(?i)^\s*(?:olds?\b|of\s+age\b|younger\b|older\b|male\b|female\b)")
_SCHOOL_YEAR_AFTER = re.compile(
    r"(?i)^\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|\d{1,2})"
    r"\s+(?:pupils?|students?|class(?:es)?|boys?|girls?|children|child|group)\b"
)
_OUT_AFTER = re.compile(r"(?i)^\s+out\b")
# "aged 55 to 75 years", "at age 65 years": an age, which TimeBank leaves untagged.
_AGE_BEFORE = re.compile(
    r"(?i)\b(?:aged?|ages|the\s+age\s+of)\s+(?:\d+\s+[a-z]+\s+(?:to|and|-)\s+)?$"
)
# "expected to last several days", "will last two weeks": the verb, outside the span.
_LAST_IS_VERB_BEFORE = re.compile(
    r"(?i)(?:\b(?:to|will|would|could|can|may|might|should|must|shall|does|did|do|not)|n't|'ll)"
    r"(?:\s+(?:still|only|probably|likely|easily|also))?\s+$"  # "will still last several weeks"
)


_MODAL_BEFORE = re.compile(
    r"(?i)\b(?:will|would|may|might|could|can|shall|'ll|maybe|perhaps|hopefully|hopes?|hoped"
    r"|hoping|wish|wishes|dreams?)\s+$"
)
_ON_BEFORE = re.compile(r"(?i)\bon\s+$")
_WHEN_AFTER = re.compile(r"(?i)^\s+when\b")
# "One day they will return": someday, as the modal after its subject tells.
_SUBJECT_MODAL_AFTER = re.compile(
    r"(?i)^\s*,?\s+(?:(?:we|they|he|she|you|i|it|people)\s+)?(?:will|'ll|would|could|may|might"
    r"|can)\b"
)
# "she will walk again one day.": the clause's last words, its modal earlier in it (not
# "will stay for one day", "may rise in one day").
_SOON_NEXT = re.compile(r"(?i)^\s+soon\b")
_CLAUSE_END_AFTER = re.compile(r"^\s*(?:[.,;!?]|''|$)")
_MODAL_IN_CLAUSE_BEFORE = re.compile(
    r"(?i)\b(?:will|'ll|would|may|might|could|can|hopes?|hoped|hoping|wish(?:es)?|dreams?)\s"
    r"[^.,;!?\"]*(?<!\bfor)(?<!\bin)(?<!\bwithin)(?<!\bonly)(?<!\bthan)(?<!\bby)(?<!\bjust)\s+$"
)
# "to one day buy a house" (a verb follows), not "cut the wait to one day".
_TO_BEFORE = re.compile(r"(?i)\bto\s+$")
_VERB_AFTER = re.compile(
    r"^\s+(?!(?:of|in|on|at|for|from|before|after|and|or|to|the|a|an|later|earlier)\b)[a-z]{2,}"
)


_SCORED_BEFORE = re.compile(
    r"(?i)\b(?:scored|scores|claimed|claims|added|adds|netted|nets|grabbed|grabs|headed|fired)\s+$"
)
_CENTURY_SCORED_BEFORE = re.compile(
    r"(?i)\b(?:scored|scores|scoring|hit|hits|hitting|made|makes|struck|smashed|notched|compiled"
    r"|reached|brought\s+up)\s+$"
)
_CRICKET = re.compile(r"(?i)\b(?:wickets?|batsm[ae]n|bowlers?|lbw|stumped|innings)\b")
# "the first Test here in a century", "more than a century": years, even in a cricket report
_CENTURY_OF_TIME_BEFORE = re.compile(
    r"(?i)\b(?:in|than|over|nearly|almost|half|within|about|some|past|last)\s+$"
)
_CENTURY_OF_TIME_AFTER = re.compile(r"(?i)^\s+(?:of|old|ago|before|after|earlier|later)\b")


def _runs_in_cricket(ctx: Context, start: int, after: str) -> bool:
    """Whether a century (or half-century) at ``start`` is a batsman's score of runs."""
    if not is_game_report(ctx.text):
        return False
    before = ctx.before(start, 24)
    if _CENTURY_SCORED_BEFORE.search(before):
        return True
    return bool(
        _CRICKET.search(ctx.text)
        and not _CENTURY_OF_TIME_BEFORE.search(before)
        and not _CENTURY_OF_TIME_AFTER.match(after)
    )


_QUARTER_OF_PEOPLE_AFTER = re.compile(
    r"(?i)^\s+(?:[a-z]+ing|said|say|says|believe|believed|think|thought|voted|want|wanted"
    r"|were|are|expect|expected|oppose|opposed|support|supported)\b"
)
_GROWN_BY_BEFORE = re.compile(
    r"(?i)\b(?:increas|ris|grow|grew|fall|fell|drop|declin|cut|reduc|rais|boost|shrink|shrank"
    r"|expand|lower|climb|jump|slid|gain|los)[a-z]*\s+by\s+(?:at\s+least\s+|about\s+|nearly\s+"
    r"|almost\s+|some\s+|around\s+|over\s+|more\s+than\s+|roughly\s+|up\s+to\s+)?$"
    # "investors have wiped about a quarter off its value"
    r"|\b(?:wiped|knocked|shaved|lopped|slashed)\s+(?:off\s+)?(?:about\s+|nearly\s+|almost\s+"
    r"|roughly\s+|some\s+|more\s+than\s+)?$"
)
_CLOCK_LEFT_AFTER = re.compile(
    r"(?i)^(?:\s+and\s+\S+\s+seconds?)?\s+(?:left|remaining|to\s+play|to\s+go)\b"
)
_WAIT_A_MINUTE = re.compile(r"(?i)(?:^|[^\w\s]\s*|\b(?:but|now|oh|hey|well)\s+)wait\s+$")
_SECOND_IS_TIME = re.compile(r"(?i)^\s*(?:[,.;:!?)]|$|ago\b|later\b|earlier\b|before\b|after\b)")


# "a second, more serious, wave", "a second, bacterial infection": the ordinal before a
# describing word, not a second.
_ORDINAL_SECOND = re.compile(
    r"(?i)^\s*,\s*(?:more|less|much|even|far|separate|similar|different|related|unrelated"
    r"|new|independent|smaller|[a-z]+er|[a-z]+(?:al|ic|ous|ive))\b"
)


_SOME_QUARTERS_BEFORE = re.compile(r"(?i)\b(?:in|from)\s+$")
_SHARE_OF = re.compile(
    r"(?i)^\s+of\s+(?!(?:the|this|last|that)\s+(?:(?:fiscal|calendar|financial)\s+)?year\b)"
    r"(?:the|a|an|its|their|his|her|our|all|those|these|them|us)\b"
)


_POINTS_AFTER = re.compile(r"(?i)^\s+(?:of\s+an?\s+)?(?:percentage\s+points?|points?|percent|%)")


_TITLED_NAME_AFTER = re.compile(r"^[^\S\n]+(?!(?:On|In|At|Of|And|For|To)\b)[A-Z][a-z]")


def norm_duration(match: Match, ctx: Context) -> Norm | None:
    """Normalise "the last 13 months", "two years", "several weeks", "$9bn a year" (a set)."""
    unit = match["unit"].lower()
    number_text = " ".join(match["num"].lower().split())
    if number_text.startswith("another"):  # "another year", "another two weeks"
        number_text = number_text[len("another") :].strip() or "one"
    number = 2.0 if "couple" in number_text else parse_number(number_text)
    after = ctx.after(match.end(), 12)
    year_to = _YEAR_TO_COUNT.match(match.group())
    if year_to is not None:
        # "sentenced in 1995 to 15 years": a year, then the span alone
        second = parse_number(" ".join(year_to["count"].lower().split()))
        value = duration_value(second, unit) if second is not None else None
        if value is None:
            return None
        return Norm("DURATION", value, start=match.start() + year_to.start("count"))
    if (
        number_text in ("a", "an")
        and unit != "second"  # "spending a second night"
        and (match["num"].islower() or match.group().isupper())  # not "A day" opening a line
        and (
            _AMOUNT_BEFORE.search(
                (counted := _BRACKETS.sub("", ctx.before(match.start(), 90)))[-40:]
            )
            or _AMOUNT_OF_BEFORE.search(counted[-64:])
        )
        and not _span_not_rate(unit, ctx.before(match.start(), 12), after)
    ):
        if match["the"] or match["rel"]:
            return None
        if unit in ("hour", "minute") and _SPEED_BEFORE.search(ctx.before(match.start(), 60)):
            return None  # "450 kilometres (280 miles) an hour": a speed, no set of times
        value = duration_value(1, unit)
        # "900 tonnes a day or more": the "or more" counts the tonnes
        end = match.end("unit") if match["orso"] else None
        return Norm("SET", value, end=end) if value else None
    if _AGE_AFTER.match(after) or (unit == "quarter" and after.lstrip().startswith("of ")):
        return None
    if _WAIT_A_MINUTE.search(ctx.before(match.start(), 14)) and _SECOND_IS_TIME.match(after):
        if number_text in ("a", "one") and unit in ("minute", "second", "sec"):
            return None  # "But wait a minute!": an objection, no time
    if unit == "day" and number_text in ("a", "one") and _ONE_DAY_GAME_AFTER.match(after):
        return None  # "scheduled as a day match": a kind of game (beside "day-night")
    if number_text in ("a", "an") and unit in ("weekend", "night") and _NOUN_NEXT.match(after):
        # "a weekend fire": that weekend; "a night landing": landing by night, no time
        norm = weekend_norm(match, ctx) if unit == "weekend" else None
        return Norm(norm.type, norm.value, start=match.start("unit")) if norm else None
    if (
        unit.startswith("minute")
        and lower_group(match, "rel") in ("last", "final", "first", "opening")
        and is_game_report(ctx.text)
    ):
        return None  # "in the last 10 minutes" of a match: its clock
    if not match["the"] and _AGE_BEFORE.search(ctx.before(match.start(), 30)):
        return None
    if unit == "year" and _SCHOOL_YEAR_AFTER.match(ctx.after(match.end(), 24)):
        return None  # "a year seven pupil": a school grade
    if unit == "night" and number_text in ("a", "one") and _OUT_AFTER.match(after):
        return None  # "a night out"
    if match["unit"].istitle() and _TITLED_NAME_AFTER.match(after) and not match["num"].istitle():
        return None  # "80 Day Obsession", "the 100 Years War": a name
    if unit == "quarters" and _SHARE_OF.match(ctx.after(match.end(), 40)):
        return None  # "three quarters of the budget" is a share, not nine months
    if unit.startswith("quarter") and _QUARTER_OF_PEOPLE_AFTER.match(after):
        return None  # "with almost a quarter believing ...": a share of the people asked
    if unit.startswith("quarter") and _GROWN_BY_BEFORE.search(ctx.before(match.start(), 40)):
        return None  # "would grow by at least one quarter": a share of it
    if unit.startswith("quarter") and _POINTS_AFTER.match(after):
        return None  # "a quarter percentage point"
    if unit == "century" and _runs_in_cricket(ctx, match.start(), after):
        return None  # "scored a century", "was poised for a century": a hundred runs
    if unit == "second" and (
        not _SECOND_IS_TIME.match(after)
        or _ORDINAL_SECOND.match(after)
        or _SCORED_BEFORE.search(ctx.before(match.start(), 20))
    ):
        return None  # "Pires claimed a second": a second goal
    if unit == "quarters" and (
        number_text in ("some", "many", "certain", "several", "all")
        and _SOME_QUARTERS_BEFORE.search(ctx.before(match.start(), 8))
    ):
        return None  # "criticised in some quarters": among some people
    if unit == "quarters" and is_game_report(ctx.text):
        return None  # "a 71-39 lead after three quarters": periods of play
    if (
        unit.startswith(("minute", "second"))
        and _CLOCK_LEFT_AFTER.match(ctx.after(match.end(), 30))
        and is_game_report(ctx.text)
    ):
        return None  # "with 23 seconds left in the half": the game's clock
    if unit.startswith("minute") and _ON_BEFORE.search(ctx.before(match.start(), 4)):
        if is_game_report(ctx.text):
            return None  # "scored on 23 minutes": the game's clock
    if (
        number_text in ("one", "some")
        and unit == "day"
        and not match["rel"]  # "will last one day": a length
        and not match["orso"]
        and (
            _MODAL_BEFORE.search(ctx.before(match.start()))
            or (_TO_BEFORE.search(ctx.before(match.start(), 6)) and _VERB_AFTER.match(after))
            or _SUBJECT_MODAL_AFTER.match(ctx.after(match.end(), 24))
            or (
                _CLAUSE_END_AFTER.match(after)
                and _MODAL_IN_CLAUSE_BEFORE.search(ctx.before(match.start(), 80))
            )
            or _SOON_NEXT.match(after)  # "One day soon, God willing"
        )
    ):
        return Norm("DATE", "FUTURE_REF")
    if (
        number_text == "a"
        and unit == "day"
        and not match["rel"]
        and _ON_BEFORE.search(ctx.before(match.start(), 6))
        and _WHEN_AFTER.match(after)
    ):
        # "shares rose on a day when the market fell": the day of the report, no span
        return Norm("DATE", ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX")
    if number is not None and match["half"]:
        number += 0.5
    if number is not None and number >= 1000 and unit in UNITS:
        return None
    if unit.startswith("quarter") and number is not None:
        unit, number = "months", number * 3
    value = duration_value(number, unit)
    if value is None:
        return None
    mod = None
    orso = lower_group(match, "orso")
    if orso == "or less":
        mod = "EQUAL_OR_LESS"
    elif orso:
        # "a year or two": a range, valued at its lower bound
        mod = {"or so": "APPROX", "or more": "EQUAL_OR_MORE", "or longer": "EQUAL_OR_MORE"}.get(
            orso
        )
    elif match["plus"]:
        mod = "MORE_THAN"  # "three-plus years", "10+ years"
    elif match["odd"]:
        mod = "APPROX"  # "30-odd years"
    if (
        lower_group(match, "rel") == "last"
        and not match["the"]
        and _LAST_IS_VERB_BEFORE.search(ctx.before(match.start(), 20))
    ) or (
        lower_group(match, "rel") == "following"
        and not match["the"]
        and _OF_AFTER.match(ctx.after(match.end(), 6))
    ):
        # "talks last two hours"; "the verdict following two weeks of trial": after them
        return Norm("DURATION", value, mod, start=match.start("num"))
    return Norm("DURATION", value, mod)


def norm_hyphen_duration(match: Match, ctx: Context) -> Norm | None:
    """Normalise adjectival durations: "60-year", "two-week", "8-month-old", "week-long"."""
    unit = match["unit"] or match["one"]
    if is_part_of_name(unit, ctx.after(match.end(), 20)):
        return None
    number_text = (match["num"] or match["count"] or "one").lower()  # "two hour-long"
    number = 0.5 if number_text == "half" else parse_number(number_text)  # "a half-century"
    value = duration_value(number, unit.lower()) if number is not None else None
    if value is None or match.group().lower().endswith("-old"):
        return None
    if unit.lower() == "century" and _runs_in_cricket(
        ctx, match.start(), ctx.after(match.end(), 12)
    ):
        return None  # "Ponting hit a half-century": fifty runs
    if _AGE_AFTER.match(ctx.after(match.end(), 12)):
        return None
    if match.group().lower() == "one-day" and (
        _ONE_DAY_GAME_AFTER.match(ctx.after(match.end(), 24)) or is_game_report(ctx.text)
    ):
        return None  # "two one-day matches", "a Twenty20 or one-day international"
    if unit.lower() == "quarter" and _POINTS_AFTER.match(ctx.after(match.end(), 40)):
        return None  # "two-and-three-quarter percent"
    if unit.lower() == "quarter" and _SHARE_OF.match(ctx.after(match.end(), 40)):
        return None  # "one-quarter of the votes": a share
    return Norm("DURATION", value)


# "for weeks", "spent months"; the next of a list ("for weeks, months, or maybe years").
_BARE_UNIT_BEFORE = re.compile(
    r"(?i)(?:\b(?:for|within|in|over|after|follows|following|took|takes|take|taking|lasted"
    r"|lasts|spent"
    r"|spend|spends|spending)|\b(?:years|months|weeks|days|decades|hours),(?:\s+or)?"
    r"(?:\s+(?:maybe|perhaps|even|possibly))*)\s+$"
)
# "within weeks or months" is one expression (as in TimeBank), valued by its first unit.
_OR_UNIT_AFTER = re.compile(r"(?i)^\s+or\s+(?:years|months|weeks|days|decades|hours)\b")
# "weeks into the war": how long it has gone on.
_INTO_AFTER = re.compile(r"(?i)^\s+into\b")


_NEEDS_THE = frozenset(
    ["past", "next", "last", "first", "final", "remaining", "initial", "following"]
)


# "in the days of the empire", "in the years when ...": an era, not a span; "over the
# years 2007 to 2014" names its years.
_ERA_AFTER = re.compile(r"(?i)^\s+(?:(?:of|when|that|where|in\s+which)\b|\d)")


def norm_bare_units(match: Match, ctx: Context) -> Norm | None:
    """Normalise a plural unit with no number: "for centuries", "within weeks", "the
    following days", "in previous years", "over the years", "the weeks ahead"."""
    rel = lower_group(match, "rel")
    unit = match["unit"].lower()
    if match["ahead"]:
        ahead = duration_value(1 if unit[-1] != "s" else None, unit)
        return Norm("DURATION", ahead) if ahead and match["the"] and rel is None else None
    if rel is None:
        before, after = ctx.before(match.start(), 30), ctx.after(match.end(), 8)
        if not (_BARE_UNIT_BEFORE.search(before) or _INTO_AFTER.match(after)):
            return None
        if match["the"] and _ERA_AFTER.match(ctx.after(match.end(), 12)):
            return None
    if rel in _NEEDS_THE and not match["the"]:
        return None  # "past years" is the vague past; "last days" no span
    if re.match(r"(?i)^\s+(?:ago|earlier|later|old)\b", ctx.after(match.end(), 10)):
        return None
    value = duration_value(None, unit)
    either = _OR_UNIT_AFTER.match(ctx.after(match.end(), 16))
    end = match.end() + either.end() if either else None
    return Norm("DURATION", value, end=end) if value else None


_ADVERB_SETS = {
    "annually": "P1Y", "yearly": "P1Y", "monthly": "P1M", "weekly": "P1W", "daily": "P1D",
    "hourly": "PT1H", "quarterly": "P3M", "nightly": "P1D", "biweekly": "P2W",
    "bimonthly": "P2M", "semiannually": "P6M", "biannually": "P6M", "fortnightly": "P2W",
    "per annum": "P1Y", "everyday": "P1D", "biennially": "P2Y",
}  # fmt: skip


_SPEED_BEFORE = re.compile(
    r"(?i)\b(?:miles|mi|km|kilomet(?:er|re)s?|met(?:er|re)s|feet|ft|knots|nautical\s+miles)"
    r"\s*(?:\([^()]*\)\s*|-LRB-(?:(?!-RRB-).)*-RRB-\s*)?$"
)


_PAPER_WORDS = frozenset(("daily", "weekly", "monthly"))
_PAPER_BEFORE = re.compile(
    r"(?:\b(?i:the|a|an)\s+(?:(?:[A-Z][\w'-]*|tabloid|business|financial|economic|sports|national"
    r"|local|regional|leading|influential|conservative|liberal|independent|official|state-run"
    r"|popular|mass-circulation|secular|news|[a-z]+-language)\s+){0,3}|\b[A-Z][a-z][\w'-]*\s+"
    # "the Sun, Britain's biggest-selling daily,"
    r"|['\u2019]s\s+(?:(?:biggest|largest|leading|top|main|best)-?(?:selling|circulation)?"
    r"|most\s+(?:popular|influential|widely\s+read))\s+)$"
)
_PAPER_TOLD_AFTER = re.compile(
    r"(?i)^\s*(?:[,.;:)!?'\"\u201d]|$|said|says|reported|reports|quoted|wrote|writes|added"
    r"|cited|claimed|on\s+(?:\w+day|[A-Z]))"
)
_PAPER_NAME_AFTER = re.compile(r"^[^\S\n]+(?:[A-Z][\w'-]*[^\S\n]+)*[A-Z][\w'-]+")


_EVERYDAY_AS_ADVERB = re.compile(r"^\s*(?:[.,;:!?)'\"]|$|(?:in|for|at|and|to|since|until)\b)")
_CLAUSE_START_BEFORE = re.compile(r"(?:^|[.;:!?]\s*)$")
_AGO_AFTER = re.compile(r"(?i)^\s+(?:ago|earlier|later)\b")


# Adverbs of a frequency counted in months or years are left untagged by both tuning
# sets (TimeBank tags 1 of its 6 "annually", TE3-Silver none of its 23): "sales rise 8.5%
# annually", "the reserve is adjusted quarterly".  "daily", "weekly", "hourly" stay sets.
_UNTAGGED_ADVERBS = frozenset(
    "annually yearly quarterly monthly semiannually biannually biennially".split()
)


def norm_set(match: Match, ctx: Context) -> Norm | None:
    """Normalise "every year", "each Monday", "weekly", "Mondays"."""
    if match["adverb"]:
        after = ctx.after(match.end(), 20)
        if match["adverb"].lower() in _UNTAGGED_ADVERBS:
            return None  # "to rise 8.5% annually", "adjusted quarterly"
        if NOUN_AFTER.match(after) or is_part_of_name(match["adverb"], after):
            return None  # "daily flights"; "the Daily Show", "the New York Daily News"
        if match["adverb"].lower() in _PAPER_WORDS and _PAPER_NAME_AFTER.match(after):
            return None  # "the Lisbon daily Publico": a newspaper
        if (
            match["adverb"].lower() in _PAPER_WORDS
            and _PAPER_BEFORE.search(ctx.before(match.start(), 40))
            and _PAPER_TOLD_AFTER.match(after)
        ):
            return None  # "spoke to the tabloid daily.", "the Figaro daily reported"
        if match["adverb"].istitle() and not _opens_sentence(ctx, match):
            return None  # "the People's Daily", "China Youth Daily"
        if match["adverb"].lower() == "everyday" and (
            not _EVERYDAY_AS_ADVERB.match(after)
            or _CLAUSE_START_BEFORE.search(ctx.before(match.start(), 4))
        ):
            return None  # "everyday life", "everyday Egyptians": the adjective
        return Norm("SET", _ADVERB_SETS[" ".join(match["adverb"].lower().split())])
    if match["plural"]:
        if in_a_name(ctx, match.start(), match.end()):
            return None  # "Fridays For Future"
        return Norm("SET", f"XXXX-WXX-{WEEKDAYS[match['plural'].lower()]}")
    what = match["what"].lower()
    if (
        lower_group(match, "quant") in ("per", "a", "an")
        and what in ("hour", "minute", "second")
        and _SPEED_BEFORE.search(ctx.before(match.start(), 60))
    ):
        return None  # "150 kilometers (93 miles) per hour": a speed, no set of times
    if match["day"]:  # "every December 31"
        month, day = MONTHS[what.split()[0]], int(re.sub(r"\D", "", match["day"]))
        return Norm("SET", f"XXXX-{month:02d}-{day:02d}") if make_date(2000, month, day) else None
    count = parse_number(match["num"]) if match["num"] else 1.0
    if count is None:
        return None
    if _AGO_AFTER.match(ctx.after(match.end(), 10)):
        return None  # "one year a decade ago": the "a decade ago" is a date, no rate
    if match["other"]:
        count *= 2
    if what in WEEKDAYS:
        return Norm("SET", f"XXXX-WXX-{WEEKDAYS[what]}")
    if what == "weekend":
        return Norm("SET", "XXXX-WXX-WE")
    if what.startswith("quarter") and is_game_report(ctx.text):
        return None  # "enlarging the gap by every quarter": a game's periods
    if what in MONTHS:
        return Norm("SET", f"XXXX-{MONTHS[what]:02d}")
    if what in SEASONS:
        return Norm("SET", f"XXXX-{SEASONS[what]}")
    if what in DAY_PART_CODES:
        return Norm("SET", f"XXXX-XX-XXT{DAY_PART_CODES[what]}")
    value = duration_value(count, what)
    return Norm("SET", value) if value else None


_VAGUE = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF",
    "presently": "PRESENT_REF", "these days": "PRESENT_REF", "current": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "the other day": "PAST_REF", "the present time": "PRESENT_REF", "a while ago": "PAST_REF",
    "some time ago": "PAST_REF", "a long time ago": "PAST_REF", "late": "PAST_REF",
    "previously": "PAST_REF", "formerly": "PAST_REF",
}  # fmt: skip


_SOON_AFTER = re.compile(r"(?i)^\s+(?:after|afterwards?|thereafter)\b")
_WORD_AFTER = re.compile(r"^\s+([A-Za-z]+)")
_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)\s+$")


def _soon_told_past(ctx: Context, match: Match) -> bool:
    """Whether "soon" sits next to a past verb ("soon broke out", "were soon released"):
    shortly after a past event, not the near future."""
    before = _WORD_BEFORE.search(ctx.before(match.start(), 12))
    after = _WORD_AFTER.match(ctx.after(match.end(), 20))
    following = after[1].lower() if after else ""
    if before and before[1].lower() in ("was", "were") and following != "to":
        return True
    return is_past_form(following)


_EVERY_BEFORE = re.compile(r"(?i)\bevery\s+$")
_AND_THEN = re.compile(r"(?i)^\s+and\s+(?:then|again)\b")
_OPENERS = frozenset(["now", "currently", "recently"])
_SENTENCE_BREAK_BEFORE = re.compile(r"(?:[.!?]['\"\u201d]?\s+|\n\s*)['\"\u201c]?$")
_BLANK_OR_QUOTE = frozenset(" \t\"'\u201c")


def _opens_sentence(ctx: Context, match: Match) -> bool:
    """Whether the match is the first word of its sentence (an opening quote aside).

    Only the blanks and quotes just before it are walked back over: the text before
    it is not copied for each match."""
    start = match.start()
    while start > 0 and ctx.text[start - 1] in _BLANK_OR_QUOTE:
        start -= 1
    if start == 0:
        return True
    return bool(_SENTENCE_BREAK_BEFORE.search(ctx.before(match.start(), 8)))


_NAME_WORD_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+$")
_NOT_CURRENT = re.compile(
    r"(?i)^\s+(?:account|accounts|affairs|events|electric|flowing|flows?|density|"
    r"sources?|carrying|costs?|assets|liabilities)\b"  # "current cost of supply": accounting
    # "The current could carry the oil": the flow, a noun before its verb
    r"|^\s+(?:could|would|will|can|may|might|is|was|has|had|carries|carried|flows|flowed"
    r"|pushes|pushed|sweeps|swept)\b"
)
# "the strong Gulf current", "alternating current": a flow, no time.
_FLOW_BEFORE = re.compile(
    r"(?i)\b(?:electric|alternating|direct|ocean|strong|loop|gulf|jet|rip|tidal|stream"
    r"|warm-water|cold-water|water|sea|river|undersea|underwater|surface|powerful|swift)\s+$"
    # "picked up by the current", "swept away by the current": the flow that carries
    r"|\b(?:picked\s+up|carried|swept|pushed|washed|drifted|taken)\s+(?:\w+\s+)?(?:by|with|on)"
    r"\s+the\s+$"
)


_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+$")
_NAME_BEFORE_CURRENT = re.compile(r"\b[A-Z][a-z]+\s+(?:(?:and|or|&)\s+)?$")
# "the future government", "the future SAR": "future" describing a noun, no time.
_WORD_OF_A_NOUN_AFTER = re.compile(
    r"^[^\S\n]+(?:(?-i:[A-Z][A-Za-z]*)\b(?!')|(?i:government|status|role|leader(?:ship|s)?|king|queen"
    r"|president|wife|husband|shape|size|course|development|plans?|generations?|years|earnings"
    r"|proceeds|revenues?|growth|cooperation|relations(?:hip)?|polic(?:y|ies)|bid|threat"
    r"|litigation|climate|division|direction|energy|space|garrison|society|prospects|home"
    r"|capital|site|state|members?|owners?|use|sales|supply|demand|production|talks"
    r"|negotiations|elections?|structure|nation|regime|security|benefits|world|economic"
    r"|foreign|preferential|cooperation|needs|costs?|price|prices|path|arrangements?)\b)"
)
# A plural noun that "past" describes, not a verb ("the past is"), nor a count of units.
_PLURAL_NOUN_AFTER = re.compile(
    r"^[^\S\n]+(?!(?:is|was|has|does|as|us|this|its|his|always|perhaps|thus|years|months|weeks"
    r"|days|decades|centuries|hours|minutes|seconds|quarters|seasons)\b)[a-z]{3,}s\b"
    # then the noun phrase ends: "for the past problems.", not "the past asserts itself"
    r"(?=\s*(?:[.,;:!?)]|and\b|or\b|of\b|that\b|which\b|in\b|with\b))"
)
_NOT_THE_PAST = re.compile(
    r"(?i)^\s+(?:tense|participle|perfect|simple|progressive|mayor|president|chairman|champions?"
    r"|winners?|leaders?|owners?|directors?|members?|masters?|presidents|generations?)\b"
)


def norm_vague(match: Match, ctx: Context) -> Norm | None:
    """Normalise "now", "recently", "the future", "recent years"."""
    word = lower_group(match, "word") or ""
    if word == "current" and (
        _NOT_CURRENT.match(ctx.after(match.end(), 20))
        # "BACK {current} of {total}", also tokenised ("-LCB- current -RCB-")
        or ctx.before(match.start(), 6).strip().endswith(("{", "-LCB-"))
        or _FLOW_BEFORE.search(ctx.before(match.start(), 30))
    ):
        return None
    if word in ("soon", "recently") and re.search(r"(?i)\bas\s+$", ctx.before(match.start(), 6)):
        return None  # "as soon as", "as recently as 2015": the date that follows is the time
    if (
        word == "soon"
        and titled_mid_sentence(match["word"], ctx, match.start())
        and _NAME_WORD_BEFORE.search(ctx.before(match.start(), 20))
        and not ctx.after(match.end(), 3).lstrip().startswith(",")
    ):
        return None  # "South Korea's Kim Soon": a name
    if word == "soon" and _SOON_AFTER.match(ctx.after(match.end(), 14)):
        return None  # "soon after her release": the event that follows is the time
    if word == "soon" and _soon_told_past(ctx, match):
        return None  # "the guards soon left": shortly after a past event
    if word in _OPENERS and ctx.after(match.end(), 1) == "," and _opens_sentence(ctx, match):
        return None  # "Now, he says ...", "Currently, ...": a sentence's opening word
    if word == "the other day" and ctx.after(match.end(), 4).strip().lower() == "of":
        return None  # "the other day of the festival"
    if word == "recent":
        # "the recent collapse": both tuning sets leave the adjective alone (TimeBank 19 of
        # 25, TE3-Silver 183 of 187); "recently" and "recent years" stay.
        return None
    if word == "now" and (
        _EVERY_BEFORE.search(ctx.before(match.start(), 8))
        or _AND_THEN.match(ctx.after(match.end(), 12))
    ):
        return None  # "every now and then": at times, no present
    if word == "now" and match["word"] == "Now" and not _opens_sentence(ctx, match):
        if _CAPITALISED_BEFORE.search(ctx.before(match.start(), 20)):
            return None  # "Democracy Now", "Apocalypse Now": a name
    if (
        word == "the future"
        and _WORD_OF_A_NOUN_AFTER.match(ctx.after(match.end(), 16))
        and not re.search(r"(?i)\bin\s+$", ctx.before(match.start(), 4))
    ):
        return None  # "the future status of the province": an adjective
    if match["word"] == "the Future" and is_part_of_name("Future", ctx.after(match.end(), 20)):
        return None  # "the Future Strategists Hub"
    if match["word"] == "Current" and _NAME_BEFORE_CURRENT.search(ctx.before(match.start(), 30)):
        return None  # "the Florida Current", "banks such as Chime and Current": a name
    if word == "the past" and (
        _NOT_THE_PAST.match(ctx.after(match.end(), 14))
        or _PLURAL_NOUN_AFTER.match(ctx.after(match.end(), 20))
    ):
        return None  # "the past tense", "compensation for the past problems"
    if word.endswith(" past"):  # "the recent past", "the distant past"
        return Norm("DATE", "PAST_REF")
    if word in _VAGUE:
        return Norm("DATE", _VAGUE[word])
    # "recent years" is a span of unknown length (the TimeML guidelines', TE3-Silver's
    # reading; TimeBank is split), not the vague past.
    if word.startswith("recent") and " " in word:
        value = duration_value(None, word.split()[-1])
        return Norm("DURATION", value) if value else None
    if word.startswith(("recent", "past")):
        return Norm("DATE", "PAST_REF")
    return Norm("DATE", "FUTURE_REF")

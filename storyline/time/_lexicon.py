"""Word lists of the time tagger: months, weekdays, numbers, units, seasons, day parts.

Every table maps a lower-case word to its meaning; `alternation` turns a table into a
regular-expression alternative, longest words first so that "Sept." wins over "Sep".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
)  # fmt: skip
MONTH_ABBREVIATIONS = tuple(name for name in MONTHS if name not in MONTH_NAMES)

WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
    "saturday": 6, "sunday": 7,
}  # fmt: skip

WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4,
    "fri": 5, "sat": 6, "sun": 7,
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}  # fmt: skip

# First and last month of each season (northern hemisphere, meteorological); winter
# runs December to February and is filed under the year it starts in.
SEASON_MONTHS: dict[str, tuple[int, int]] = {
    "SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14),
}  # fmt: skip

DAY_PARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "tonight": "NI", "daytime": "DT",
}  # fmt: skip

ONES: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip

TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24,
    "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27, "twenty-eighth": 28,
    "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31,
}  # fmt: skip

# Quantities that are not numbers: TIMEX3 writes them as "X" ("PXY").
VAGUE_QUANTITIES = (
    "several", "a few", "few", "many", "some", "a number of", "numerous", "various",
    "countless", "a couple of", "couple of", "a couple", "more", "the",
)  # fmt: skip

# Unit word -> (TIMEX3 duration unit, how many of that unit one word stands for).  A
# weekend lasts two days: TimeML has a weekend only as a day of the week ("1998-W05-WE"),
# not as a unit of durations.
UNITS: dict[str, tuple[str, int]] = {
    "second": ("S", 1), "minute": ("MIN", 1), "hour": ("H", 1), "day": ("D", 1),
    "night": ("D", 1), "week": ("W", 1), "fortnight": ("W", 2), "month": ("M", 1),
    "quarter": ("Q", 1), "year": ("Y", 1), "decade": ("Y", 10), "century": ("Y", 100),
    "millennium": ("Y", 1000), "weekend": ("D", 2),
}  # fmt: skip

PLURAL_UNITS: dict[str, str] = {
    "seconds": "second", "minutes": "minute", "hours": "hour", "days": "day",
    "nights": "night", "weeks": "week", "fortnights": "fortnight", "months": "month",
    "quarters": "quarter", "years": "year", "decades": "decade", "centuries": "century",
    "millennia": "millennium", "millenniums": "millennium", "weekends": "weekend",
}  # fmt: skip


def alternation(words: Iterable[str]) -> str:
    """Return a regex alternative matching any of ``words``, longest first."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_HALF = re.compile(r"\b(?:and[-\s]+(?:a[-\s]+)?half|half\s+an?|a\s+half)\b")
_MULTIPLIERS = {"hundred": 100, "dozen": 12, "thousand": 1000, "million": 1_000_000}


_FRACTION_GLYPHS = {"\u00bc": " 1/4", "\u00bd": " 1/2", "\u00be": " 3/4"}


def parse_number(text: str) -> float | None:
    """Return the value of a number written in digits or English words.

    Handles "13", "1,000", "2 1/2", "2½", "2.5", "a", "an", "one", "twenty-four",
    "twenty four", "a hundred", "two thousand", "a dozen", "half a", "one and a half".
    Returns ``None`` for anything else (including vague quantities such as "several").

    Example:
        >>> parse_number("twenty-four")
        24.0
    """
    lowered = text.lower().replace(",", "")
    for glyph, fraction in _FRACTION_GLYPHS.items():  # "2½"
        lowered = lowered.replace(glyph, fraction)
    half = 0.5 if _HALF.search(lowered) else 0.0
    words = _HALF.sub(" ", lowered).replace("-", " ").split()
    if not words:
        return half or None
    total = 0.0
    current = 0.0
    for word in words:
        if word in _MULTIPLIERS:
            current = max(current, 1.0) * _MULTIPLIERS[word]
            if _MULTIPLIERS[word] >= 1000:
                total, current = total + current, 0.0
            continue
        value = _word_value(word)
        if value is None:
            if word == "and":
                continue
            return None
        current += value
    return total + current + half


def _word_value(word: str) -> float | None:
    if word in ("a", "an", "one"):
        return 1.0
    if word in ONES:
        return float(ONES[word])
    if word in TENS:
        return float(TENS[word])
    if "/" in word:
        top, _, bottom = word.partition("/")
        if top.isdigit() and bottom.isdigit() and int(bottom) != 0:
            return int(top) / int(bottom)
        return None
    try:
        value = float(word)
    except ValueError:
        return None
    return value if value == value and abs(value) < 1e9 else None

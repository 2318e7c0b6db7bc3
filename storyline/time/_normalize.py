"""Turn a match of one rule family into a TIMEX3 type, value and modifier.

Each ``norm_*`` function takes the regex match and a `Context` (the text, the anchor and
whether tense decides open directions) and returns a `Norm`, or ``None`` when the match
is not a time expression after all or cannot be given a valid value.  Without an anchor,
relative expressions get unresolved values (``XXXX``, ``XXXX-XX-XX``, ``XXXX-WXX-6``),
never a guess.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from storyline.time._calendar import (
    Direction,
    Unit,
    make_date,
    parse_anchor,
    pick_year,
    weekday_date,
    year_text,
)
from storyline.time._lexicon import (
    MONTHS,
    ORDINALS,
    WEEKDAYS,
    parse_number,
)
from storyline.time._patterns import MONTH, WEEKDAY, ZONE
from storyline.time._tense import clause_tense


@dataclass(frozen=True, slots=True)
class RefShift:
    """How a narrative expression moves from its reference time."""

    unit: Unit
    count: int
    granularity: str
    suffix: str = ""
    """A part of day added to the value ("that night" -> ``TNI``)."""
    same_sentence: bool = False
    """Moved only by a time written earlier in the same sentence ("In 2008, sales fell
    for the year"); otherwise the value against the anchor stands."""


@dataclass(frozen=True, slots=True)
class Norm:
    """A normalised time expression: TIMEX3 type, value and modifier.

    A ``TIME`` whose value starts with ``T`` (``T17:00``, ``TEV``) is *partial*: a clock
    time or part of day still waiting for the day it belongs to.
    """

    type: str
    value: str
    mod: str | None = None
    start: int | None = None
    """Where the expression starts when it is not where the match starts."""
    end: int | None = None
    """Where the expression ends when it is not where the match ends."""
    shift: RefShift | None = None
    """For "the next day", "two years later": the same value computed from the text's
    reference time (the last date written before it) instead of the anchor, when the
    text has one nearby; ``value`` is the fallback against the anchor."""

    @property
    def is_partial(self) -> bool:
        """Return whether this is a time of day without its day."""
        return self.value.startswith("T")


@dataclass(frozen=True, slots=True)
class Context:
    """What a normaliser may look at besides its match."""

    text: str
    anchor: dt.date | None
    clock: tuple[int, int] | None
    tense_aware: bool

    @classmethod
    def build(cls, text: str, anchor: str | None, tense_aware: bool) -> Context:
        """Parse ``anchor`` (ISO date or datetime) and bundle it with the text."""
        parsed = parse_anchor(anchor)
        return cls(
            text=text,
            anchor=parsed[0] if parsed else None,
            clock=parsed[1] if parsed else None,
            tense_aware=tense_aware,
        )

    def direction(self, start: int, end: int, default: Direction | None) -> Direction | None:
        """Return which way the clause around ``[start, end)`` points in time."""
        if not self.tense_aware:
            return default
        tense = clause_tense(self.text, start, end)
        if tense == "past":
            return "past"
        if tense == "future":
            return "future"
        return default

    def before(self, start: int, chars: int = 30) -> str:
        """Return up to ``chars`` characters of text before ``start``."""
        return self.text[max(0, start - chars) : start]

    def sentence_before(self, start: int, chars: int) -> str:
        """Return the part of ``before(start, chars)`` after its last ". ": the sentence
        so far."""
        return self.before(start, chars).split(". ")[-1]

    def after(self, end: int, chars: int = 30) -> str:
        """Return up to ``chars`` characters of text after ``end``."""
        return self.text[end : end + chars]


Match = re.Match[str]

# A time of day written as four digits where a sentence starts: "1743 Aid flights
# resumed.", "2044: A charity says ...", as live blogs stamp their entries.
_CLOCK_STAMP = re.compile(
    r"""(?:^|(?<=[.!?'"\n]))[^\S\n]*(?P<stamp>(?:[01]\d|2[0-3])[0-5]\d)[^\S\n]*:?[^\S\n]+(?=[A-Z])""",
    re.MULTILINE,
)
STAMPS = 3
"""How many sentences a text must start with a clock stamp for them to be read as such:
one "1945 The war ended" is a year, a run of them a live blog."""


def is_clock_stamp(text: str, start: int) -> bool:
    """Whether the four digits at ``start`` are one of ``text``'s live-blog clock stamps
    (`clock_stamps`).  The text is scanned only for digits that open a sentence as a
    stamp would."""
    found = _CLOCK_STAMP.search(text, max(0, start - 8), start + 16)
    return found is not None and found.start("stamp") == start and start in clock_stamps(text)


@functools.lru_cache(maxsize=1)  # the text being tagged
def clock_stamps(text: str) -> frozenset[int]:
    """The starts of the four-digit clock stamps that open `STAMPS` or more of the text's
    sentences; none when fewer do."""
    starts = [match.start("stamp") for match in _CLOCK_STAMP.finditer(text)]
    return frozenset(starts) if len(starts) >= STAMPS else frozenset()


UNANCHORED = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "month": "XXXX-XX",
    "quarter": "XXXX-QX",
    "half": "XXXX-HX",
    "year": "XXXX",
    "decade": "XXXX",
    "century": "XXXX",
}


POSITION_MODS = {"early": "START", "late": "END", "mid": "MID"}


DAY_PART_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def lower_group(match: Match, group: str) -> str | None:
    value = match.group(group)
    return " ".join(value.lower().split()) if value else None


def month_number(word: str) -> int:
    """Return the month number of a month name or abbreviation ("Sept." -> 9)."""
    return MONTHS[word.lower().rstrip(".")]


def expand_short_year(digits: str, anchor: dt.date | None) -> int:
    """Expand a two-digit year to the century closest to the anchor (or 1950-2049)."""
    short = int(digits.lstrip("'"))
    base = anchor.year if anchor else 2000
    candidates = [(base // 100 + k) * 100 + short for k in (-1, 0, 1)]
    return min(candidates, key=lambda year: (abs(year - base), -year))


def year_from_words(text: str) -> int | None:
    """Return a year written in digits or words ("1996", "nineteen ninety-six")."""
    if text.isdigit():
        return int(text)
    words = text.lower().replace("-", " ").split()
    base = {"nineteen": 1900, "eighteen": 1800}.get(words[0])
    rest = parse_number(" ".join(words[1:]))
    if base is None or rest is None or not 0 <= rest < 100:
        return None
    return base + int(rest)


_CAPITALISED_NEXT = re.compile(r"^[^\S\n]+[A-Z][a-z]")


# Weekdays, months and holidays inside names of papers, events and places: "The Sunday
# Times", "the Mail on Sunday", "Bloody Sunday", "Super Tuesday", "Black September",
# "the Good Friday Agreement", "Easter Island"; "Father Christmas".
_NAME_BEFORE = re.compile(
    r"(?:\b(?:Bloody|Super|Black|Cyber|Father)|\b(?:Mail|Independent)\s+on|\b(?i:fox)\s+News)\s+$"
)
_NAME_AFTER = re.compile(
    r"^[^\S\n]+(?:Times|Telegraph|Mirror|Express|Herald|Post|Tribune|Independent|Observer"
    r"|People|Sport|Agreement|Accords?|Island|Islands|Rising|Uprising|Revolution|War|Offensive"
    r"|Massacre|Mail|New[^\S\n]+York[^\S\n]+Times"
    r"|[A-Z][a-z]+[^\S\n]+(?:newspaper|paper|daily|weekly|magazine)|(?-i:newspapers|papers)"
    r"|Group|Movement|Sessions|Show|Club|Magazine|Edition|Supplement|For[^\S\n]+Future"
    r"|(?:Night|Morning|Afternoon)[^\S\n]+(?:Live|Football|Fever|Show)"
    r"|[^\S\n]*[Mm]orning[^\S\n]+quarterback(?:s|ing)?)\b"  # "Monday morning quarterbacks"
)


# "daily flights", "quarterly dividend", "overnight rates": an adjective before a noun
# is no time.
NOUN_AFTER = re.compile(
    r"^\s+(?!(?:and|or|but|since|for|from|in|to|at|until|by|through|over|on|during|"
    r"with|as|while|when|if|because|than|basis|after|before|the|a|an|amid|into|across"
    r"|throughout|globally|alone|again|too|(?:worldwide|nationwide)(?!\s+[a-z]))\b)[a-z]"
)


_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?:]['\"\u201d]?\s+|\n\s*|(?:['\"\u201c]|``)\s*)$")


def titled_mid_sentence(word: str, ctx: Context, start: int) -> bool:
    """Whether ``word`` is capitalised where a sentence does not start: part of a title
    ("CBS This Morning", "Miss You In The Morning")."""
    return word.istitle() and not _SENTENCE_START_BEFORE.search(ctx.before(start, 8))


def in_a_name(ctx: Context, start: int, end: int) -> bool:
    """Return whether ``ctx.text[start:end]`` is part of a name, not a time."""
    if ctx.text[start:end].isupper() and _CAPITALS_SHOW_BEFORE.search(ctx.before(start, 12)):
        return True  # "this is CNN SUNDAY MORNING": a programme's name in capitals
    return bool(_NAME_BEFORE.search(ctx.before(start, 20)) or _NAME_AFTER.match(ctx.after(end)))


_CAPITALS_SHOW_BEFORE = re.compile(r"\b(?:CNN|BBC|ABC|CBS|NBC|FOX)\s+$")


def is_part_of_name(word: str, after: str) -> bool:
    """Return whether a capitalised word followed by a capitalised one is a name
    ("Winter Olympics", "One-Minute World News")."""
    return word[:1].isupper() and not word.isupper() and bool(_CAPITALISED_NEXT.match(after))


# A date after these words is a deadline or a bound ("extended to Nov. 20", "by
# February"), not the time of the clause's verb, so the tense says nothing about it.
_BOUND_BEFORE = re.compile(
    r"(?i)\b(?:from|of|and|or|for|a|an|the|its|their|his|her|record)"
    r"\s+(?:(?:early|late|mid)[-\s]+)?$"
)


# A deadline ("by August", "until Nov. 16", "extended to Nov. 20") lies ahead when the
# two nearest candidates are as close.
_DEADLINE_BEFORE = re.compile(
    r"(?i)\b(?:to|until|till|by|through|before|effective|expire|expires|expiring|due|payable"
    r"|deadline)\s+(?:(?:early|late|mid)[-\s]+)?$"
)


# A date a plan is fixed for lies ahead: "is scheduled for Dec. 12", "due in November",
# "takes effect in January" (unless told as past: "was scheduled for", "had been due";
# "set" only after "is", "are", "be": "the record high set on Aug. 6" is past).
_PLANNED_FOR = re.compile(
    r"(?i)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bhad\s)(?<!\blast\s)(?<!\boriginally\s)"
    r"(?<!\bpreviously\s)(?<!\binitially\s)"
    r"\b(?:scheduled|slated|(?:is|are|be)\s+set|planned|due|timetabled|expires?|takes?\s+effect"
    r"|comes?\s+into\s+(?:force|effect))\s+(?:for|in|on)\s+(?:(?:early|late|mid)[-\s]+)?$"
    r"|\b(?:ends|expires)\s+(?:on\s+|in\s+)?$"  # "before the fiscal year ends Sept. 30"
    r"|\bfor\s+delivery\s+(?:in\s+)?$"  # "crude for delivery in January": a contract ahead
)


# "adjourned until Monday", "extended the vote until Monday", "gave the government until
# Friday": a day something is put off to lies ahead, whatever the tense of the verb
# ("had filed reports by Wednesday", "lasted until Monday" keep to the tense).
_PUT_OFF_UNTIL = re.compile(
    r"(?i)\b(?:adjourn(?:ed|s)?|postpone[ds]?|delay(?:ed|s)?|extend(?:ed|s)?|suspend(?:ed|s)?"
    r"|defer(?:red|s)?|recess(?:ed|es)?|put(?:s|ting)?\s+off|postponing|delaying|deferring"
    r"|push(?:ed|es|ing)?\s+back|gave|give[ns]?|giving"
    r"|ultimatum|deadline|expected|due)\b"
    r"(?:\s+(?!(?:and|but|after|when|while|since)\b)[\w'-]+){0,12}?\s+(?:until|till|by|through)"
    r"\s+$"
)


# "between now and Monday": whatever the verb, the day lies ahead.
_FROM_NOW_TO = re.compile(r"(?i)\bbetween\s+now\s+and\s+(?:(?:early|late|mid)[-\s]+)?$")


_STILL_UNTIL = re.compile(
    r"(?i)\b(?:(?:has|have)\s+been|is|are|remains?|stays?)\s+(?:[a-z]+\s+){0,1}?"
    r"(?:closed|shut|suspended|halted|banned|postponed|delayed|adjourned)\s+until\s+$"
)
_UNTIL_AT_LEAST = re.compile(r"(?i)\b(?:until|till)\s+at\s+least\s+$")


def lies_ahead(ctx: Context, match: Match) -> bool:
    """Whether the day at ``match`` lies ahead whatever the tense: a day something was
    put off to ("adjourned until Monday") or the end of a span from now ("between now
    and the weekend")."""
    if _FROM_NOW_TO.search(ctx.before(match.start(), 24)):
        return True
    if ctx.tense_aware and _UNTIL_AT_LEAST.search(ctx.before(match.start(), 24)):
        return True  # "the port was shut until at least Thursday": still shut
    if ctx.tense_aware and _STILL_UNTIL.search(ctx.before(match.start(), 60)):
        return True  # "the school has been closed until Monday", "remains shut until"
    return ctx.tense_aware and bool(_PUT_OFF_UNTIL.search(ctx.before(match.start(), 120)))


# "By August, the bank has granted ...": a present perfect looks back to the deadline.
_PERFECT = re.compile(
    r"(?i)\b(?:has|have|'s|'ve)\s+(?:[a-z]+ly\s+)?(?:been\s+)?[a-z]+(?:ed|en|t)\b"
)
_PLANS_FOR_BEFORE = re.compile(
    r"(?i)\bplans\s+for\s+(?:a|an|the|his|her|its|their)\s+(?:[\w'-]+\s+){0,10}?(?:on|in)\s+$"
)
_SET_DATE_BEFORE = re.compile(r"(?i)\b(?:set|sets|fixed|fixes|picked|picks|chose|chosen)\s+$")
_SET_FOR_AFTER = re.compile(r"(?i)^\s*,?\s+(?:as|for)\b")
_HAD_DONE_AFTER = re.compile(
    r"(?i)^\s*,?\s+(?:[\w'-]+\s+){0,3}?had\s+(?:already\s+)?[a-z]+(?:ed|en|t)\b"
)
_BY_BEFORE = re.compile(r"(?i)\bby\s+(?:(?:early|late|mid)[-\s]+)?$")
_LEADING_UP_TO = re.compile(r"(?i)\bleading\s+up\s+to\s+$")
_WILL_BEFORE = re.compile(r"(?i)(?:\bwill|\bshall|'ll)\b[^.;!?]*$")
# "may not be fixed until Christmas": not before then, so then lies ahead.
_MAY_NOT_BEFORE = re.compile(r"(?i)\b(?:may|might|should|must)\s+not\s+be\s+\w+\s+until\s+$")


def open_direction(ctx: Context, match: Match) -> Direction | None:
    """Return the direction for a month (and day) without a year: the clause's tense,
    unless the date is bound to a noun or a deadline rather than to the verb."""
    if (
        _planned(ctx, match)
        or _CONTRACT_AFTER.match(ctx.after(match.end(), 40))
        or _LIKELY_DATE_AFTER.match(ctx.after(match.end(), 40))
    ):
        # "is due in March"; "the December futures contract"; "said April 11 was a
        # probable date"
        return "future"
    if ctx.tense_aware and (
        _STARTS_BEFORE.search(ctx.before(match.start(), 40))
        or _BEGINNING_BEFORE.search(ctx.before(match.start(), 70))
        or _HANDOVER_BEFORE.search(ctx.before(match.start(), 90))
    ):
        # "the tournament starts on June 9", a recap's "started" aside; "ordered to attend
        # a hearing beginning August 19"
        return "upcoming"
    if _plan_told_in_past(ctx, match):
        return "nearest"  # "were invited to visit on Dec. 6": a plan told in the past
    before = ctx.before(match.start(), 24)
    if _PERIOD_TO_BEFORE.search(before):
        return "nearest"  # "a loss in the second quarter to June": a period's end
    if _DEADLINE_BEFORE.search(before) and not _LEADING_UP_TO.search(before):
        # "will last until March" lies ahead ("would expire by May 16" need not); a
        # deadline told otherwise is the nearest.
        wide = ctx.before(match.start(), 60)
        ahead = bool(_WILL_BEFORE.search(wide) or _MAY_NOT_BEFORE.search(wide))
        if not ahead and ctx.tense_aware and _BY_BEFORE.search(before):
            # "has deals for 90m doses by December", said in May: a deadline told in the
            # present lies ahead; one told in the past (often a plan: "pledged a law by
            # August") stays the nearest
            around = ctx.sentence_before(match.start(), 100) + ctx.after(match.end(), 80)
            ahead = clause_tense(
                ctx.text, match.start(), match.end()
            ) == "present" and not _PERFECT.search(around.split(". ")[0])
            if _HAD_DONE_AFTER.match(ctx.after(match.end(), 40)):
                return "past"  # "by mid-May the firm had dropped the plan": done by then
        return "future" if ahead else "soon"
    if _SET_DATE_BEFORE.search(before) and _SET_FOR_AFTER.match(ctx.after(match.end(), 8)):
        return "future"  # "the judge set May 3 for the retrial": a date fixed ahead
    if _PLANS_FOR_BEFORE.search(ctx.sentence_before(match.start(), 120)):
        # "supported plans for a benefit gig at the arena on 9 November"
        return "future"
    if _SINCE_BEFORE.search(before):
        return "past"  # "blamed since the 20 April spill"
    if _AHEAD_OF_BEFORE.search(before):
        return "future"  # "ahead of November's elections", "ahead of the May 1 vote"
    if POSSESSIVE_AFTER.match(ctx.after(match.end(), 3)):
        if possessive_mishap(ctx, match.end()):
            return "past"  # "can emerge from April's Deepwater Horizon disaster"
        # "beat him in April's election": the clause's tense, else most often gone by
        return ctx.direction(match.start(), match.end(), None) or "recent"
    if _EVENT_ON_BEFORE.search(before) and ctx.direction(match.start(), match.end(), None) == (
        "future"
    ):
        if _AFTER_EVENT_BEFORE.search(ctx.before(match.start(), 100)):
            # "will be sworn in on Monday after her win ... on October 29": the
            # event comes before what lies ahead, on either side of the report
            return "nearest"
        return "future"  # "Spain will go to the polls on November the 20th"
    if (
        _EVENT_ON_BEFORE.search(before)
        and _FIXTURE_VERB_BEFORE.search(ctx.sentence_before(match.start(), 120))
        and ctx.tense_aware
        and clause_tense(ctx.text[: match.end()], match.start(), match.end()) is None
    ):
        return "future"  # "Germany host Costa Rica in the opening match on June 9"
    if _NOUN_BOUND_BEFORE.search(before) and _GOVERNING_VERB_BEFORE.search(
        ctx.before(match.start(), 40)
    ):
        return "past"  # "boycotted the January 30 election", "contested the January poll"
    if (
        _NOUN_BOUND_BEFORE.search(before)
        and _SCHEDULED_EVENT_AFTER.match(ctx.after(match.end(), 40))
        and ctx.direction(match.start(), match.end(), None) == "future"
    ):
        return "future"  # "vowed to win the March 28 elections": one to come
    if _NOUN_BOUND_BEFORE.search(before) or _EVENT_ON_BEFORE.search(before):
        # "the April 20 blast", "a February memo": most often an event gone by,
        # unless it is much closer ahead ("the November election", said in October);
        # an attack or a crash is one gone by however close the next such date is.
        return "past" if _MISHAP_AFTER.search(ctx.after(match.end(), 40)) else "recent"
    if _DECLARED_BEFORE.search(before) and _DAY_OF_AFTER.match(ctx.after(match.end(), 50)):
        return "nearest"  # "has declared January 2 a national day of mourning"
    if _MISHAP_OF_BEFORE.search(before) and not _ANNIVERSARY_BEFORE.search(
        ctx.before(match.start(), 100)
    ):
        # "said the accident of April 20 was avoidable", but "the anniversary of his death
        # on February 14": the day it is marked
        return "past"
    if _UNTIL_THE_BEFORE.search(before):
        # "would wait until the September elections": the event's day, as the clause says
        return ctx.direction(match.start(), match.end(), None)
    if _BOUND_BEFORE.search(before):
        return None
    return ctx.direction(match.start(), match.end(), None)


_NOUN_BOUND_BEFORE = re.compile(
    r"(?i)(?<!\bby\s)(?<!\buntil\s)(?<!\bbefore\s)\b(?:a|an|the|its|their|his|her|record)\s+$"
    # "Canada's January 23 election" (not "it's", "that's": a verb)
    r"|(?-i:\b(?!(?:It|That|There|What|Here|Who|He|She|Let)\b)[A-Z][\w.&-]*)\s?['\u2019]s\s+$"
    # "hit by the December 26 tsunami": a passive's agent, not a deadline's "by"
    r"|\b(?:[a-z]+ed|hit|struck|caught|shaken|torn|swept|beaten|hurt)\s+by\s+the\s+$"
)


# An event held on a set day: "the March general elections", "the May 3 summit".
_SCHEDULED_EVENT_AFTER = re.compile(
    r"(?i)^\s+(?:[a-z]+\s+){0,2}?(?:elections?|vote|polls?|referendum|summit|conference|talks"
    r"|games|final|visit|inauguration|ceremony|meeting|session|congress|convention)\b"
)
_ARTICLE_BEFORE = re.compile(r"(?i)\b(?:a|an|the)\s+$")
# "the May peace agreement", "the March ceasefire": a settlement named by its month.
_SETTLEMENT_AFTER = re.compile(
    r"(?i)^\s+(?:[a-z]+\s+)?(?:agreement|accord|deal|treaty|ceasefire|truce|pact)\b"
)
_MISHAP_NOUNS = (
    r"(?:incident|attacks?|blast|bombings?|killings?|crash|raid|"
    r"explosion|murders?|massacre|disaster|earthquake|quake|tsunami|spill|shootings?|riots?|"
    r"coup|assault|blowout|accident|collapse|fire|floods?|flooding|ambush|hijacking|"
    r"kidnapping|abduction|invasion|arrests?|leak|storm|cyclone|hurricane|typhoon"
    r"|assassinations?|slayings?|deaths?|beheadings?|executions?|overthrow|uprising)"
)
_MISHAP_AFTER = re.compile(rf"(?i)^\s+(?:[a-z]+\s+){{0,2}}?{_MISHAP_NOUNS}\b")
# "has declared January 2 a national day of mourning": a day set apart for something.
_DECLARED_BEFORE = re.compile(r"(?i)\b(?:declared|declares|designated|designates|named|names)\s+$")
_DAY_OF_AFTER = re.compile(r"(?i)^\s+(?:as\s+)?(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:day|holiday)\b")
# A fixture told in the present: "Germany host Costa Rica", "Spain face Italy".
_FIXTURE_VERB_BEFORE = re.compile(
    r"(?:^|[^\w\s]\s*|\b[A-Z][\w.-]*\s+)(?-i:host|hosts|face|faces|meet|meets|play|plays|take\s+on"
    r"|takes\s+on)\s+(?:[a-z]+\s+)?[A-Z]"  # "Germany host minnows Costa Rica"
)
_UNTIL_THE_BEFORE = re.compile(r"(?i)\b(?:until|till)\s+the\s+$")
_ANNIVERSARY_BEFORE = re.compile(r"(?i)\banniversary\s+of\b[^.;!?]*$")
# "the accident of April 20", "the blast on May 3": a day the mishap owns, gone by ("in"
# may be the verb's: "will halt the leak in August").
_MISHAP_OF_BEFORE = re.compile(rf"(?i)\b{_MISHAP_NOUNS}\s+(?:of|on)\s+$")


# "after her win with 60 percent of the vote on": an event the clause follows.
_AFTER_EVENT_BEFORE = re.compile(r"(?i)\bafter\s+(?:his|her|their|its|the|a)\s+[^,;.!?]*$")


def possessive_mishap(ctx: Context, end: int) -> bool:
    """Whether the day or month ending at ``end`` owns an attack, a disaster or the like
    ("Tuesday's earthquake", "April's oil spill"): one gone by, whatever the tense."""
    after = ctx.after(end, 50)
    owner = POSSESSIVE_AFTER.match(after)
    return owner is not None and _MISHAP_AFTER.match(after[owner.end() :]) is not None


_AHEAD_OF_BEFORE = re.compile(r"(?i)\b(?:ahead\s+of|toward|towards)\s+(?:the\s+)?$")


_PERIOD_TO_BEFORE = re.compile(
    r"(?i)\b(?:quarter|half|year|months|weeks|period)\s+(?:up\s+)?to\s+(?:the\s+end\s+of\s+)?$"
)


_GOVERNING_VERB_BEFORE = re.compile(
    r"(?i)\b(?:boycotted|contested|won|lost|rigged|attended|annulled|marred|observed|monitored"
    r"|disputed|survived|witnessed|covered)\s+(?:the|a|an|its|their|his|her)\s+$"
)
# "eight days before the general election on May 1": a day bound to an event's noun.
_EVENT_ON_BEFORE = re.compile(
    r"(?i)\b(?:elections?|vote|polls?|referendum|summit|conference|talks|games|final|visit"
    r"|deadline|inauguration|ceremony|hearing|trial|match|event|festival|rally|concert|launch"
    r"|celebrations?|march|meeting|strike|shutdown|hartal|boycott|protest|demonstration"
    r"|funeral|burial|memorial|vigil|wedding|parade|procession)\s+(?:on|of)\s+$"
)


_SINCE_BEFORE = re.compile(r"(?i)\bsince\s+(?:the\s+)?(?:(?:early|late|mid)[-\s]+)?$")


def norm_iso_date(match: Match, ctx: Context) -> Norm | None:
    """Normalise "2005-11-20" and "2005-11-20T05:36"."""
    month, day = match["month"] or match["smonth"], match["day"] or match["sday"]
    date = make_date(int(match["year"]), int(month), int(day))
    if date is None:
        return None
    if match["hour"] is not None:
        return Norm("TIME", f"{date.isoformat()}T{match['hour']}:{match['minute']}")
    return Norm("DATE", date.isoformat())


def norm_numeric_date(match: Match, ctx: Context) -> Norm | None:
    """Normalise "11/20/2005" (month first unless the first number exceeds 12)."""
    first, second = int(match["a"]), int(match["b"])
    month, day = (second, first) if first > 12 else (first, second)
    digits = match["year"]
    year = int(digits) if len(digits) == 4 else expand_short_year(digits, ctx.anchor)
    date = make_date(year, month, day)
    return Norm("DATE", date.isoformat()) if date else None


# "June this year", "November 20 last year", "the spring of next year": years from the anchor.
YEAR_WORD_OFFSETS = {"this": 0, "last": -1, "next": 1}


def norm_text_date(match: Match, ctx: Context) -> Norm | None:
    """Normalise "20 November 2005", "Nov. 20", "Sunday, 20 November 2005", "August 1945"."""
    month = month_number(match["m1"] or match["m2"] or match["m3"] or match["m5"])
    day_text = match["d1"] or match["d2"]
    ordinal = match["o1"] or match["o2"]
    if day_text is None and ordinal is None:
        spoken = year_from_words(match["y3"])
        written = year_text(spoken) if spoken else None
        return Norm("DATE", f"{written}-{month:02d}") if written else None
    day = ORDINALS[ordinal.lower()] if ordinal else int(re.sub(r"\D", "", day_text))
    year_digits = match["y1"] or match["y2"] or match["y5"]
    year_word = match["dyrel"] or match["dyrel1"]
    if year_word and ctx.anchor is not None:  # "November 20 this year", "3 May last year"
        year = ctx.anchor.year + YEAR_WORD_OFFSETS[year_word.lower()]
    elif year_digits is not None:
        year = (
            int(year_digits)
            if len(year_digits) == 4
            else expand_short_year(year_digits, ctx.anchor)
        )
    else:
        weekday = match["weekday"]
        found = _year_for_unwritten(ctx, match, month, day, weekday)
        if found is None:
            return None
        if isinstance(found, str):
            return Norm("DATE", found)
        year = found
    date = make_date(year, month, day)
    return Norm("DATE", date.isoformat()) if date else None


def _year_for_unwritten(
    ctx: Context, match: Match, month: int, day: int, weekday: str | None
) -> int | str | None:
    """Choose the year of a day written without one; a string means unresolved."""
    if make_date(2000, month, day) is None:
        return None
    shared = _SHARED_YEAR_AFTER.match(ctx.after(match.end(), 30))
    if shared is not None:
        # "on August 6 and 9, 1945", "from May 1 to October 31, 2010": the year of both,
        # or the one before when the range runs over New Year ("December 1 to January 5")
        later = month_number(shared["month"]) if shared["month"] else month
        return int(shared["year"]) - (later < month)
    written = _year_after(ctx, match.end())
    if written is not None:
        return int(written)  # "on Dec. 11-13 of 2007", "on June 4 in 1989"
    if ctx.anchor is None:
        return f"XXXX-{month:02d}-{day:02d}"
    if _NOUN_BOUND_BEFORE.search(ctx.before(match.start(), 24)) and (
        noun_year := _NOUN_YEAR_AFTER.match(ctx.after(match.end(), 40))
    ):
        # "the December 26 tsunami last year", "the March 3 vote in 2004": the year the
        # noun phrase is given
        if noun_year["year"]:
            return int(noun_year["year"])
        return ctx.anchor.year + YEAR_WORD_OFFSETS[noun_year["rel"].lower()]
    if weekday:
        wanted = _weekday_number(weekday)
        fits = [
            y
            for y in (ctx.anchor.year, ctx.anchor.year - 1, ctx.anchor.year + 1)
            if (d := make_date(y, month, day)) is not None and d.isoweekday() == wanted
        ]
        if fits:
            return fits[0]
    if (
        (month, day) == (9, 11)
        and ctx.anchor > _NINE_ELEVEN
        and _ATTACKS_AFTER.match(ctx.after(match.end(), 40))
    ):
        return _NINE_ELEVEN.year  # "the Sept. 11 attacks", written any year after
    if _DATELINE_BEFORE.search(ctx.before(match.start(), 60)) and _DATELINE_AFTER.match(
        ctx.after(match.end(), 4)
    ):
        return pick_year(ctx.anchor, month, day, "nearest")  # "BEIJING, Nov. 15 (Xinhua) --"
    if _ENTRY_BEFORE.search(ctx.before(match.start(), 4)) and _ENTRY_AFTER.match(
        ctx.after(match.end(), 8)
    ):
        # "June 3 - Engineers cut the riser pipe": a chronology's entry,
        # told in the present whenever it happened; one gone by, unless only weeks ahead
        coming = pick_year(ctx.anchor, month, day, "future")
        coming_date = make_date(coming, month, day) if coming is not None else None
        if coming_date is not None and (coming_date - ctx.anchor).days <= 45:
            return coming
        return pick_year(ctx.anchor, month, day, "past")
    direction = open_direction(ctx, match)
    year = pick_year(ctx.anchor, month, day, direction)
    if direction == "future" and year is not None and not _planned(ctx, match):
        # A future verb ("would be investigated") over a day a few weeks back is about
        # that day, not the same day eleven months on ("violence on Feb. 15", in March).
        ahead = make_date(year, month, day)
        back = make_date(year - 1, month, day)
        if (
            ahead
            and back
            and (ahead - ctx.anchor).days > 300
            and (ctx.anchor - back).days <= 45
            and str(year) not in ctx.sentence_before(match.start(), 160)
        ):
            # (not when the sentence wrote that year: "The 2006 Asian Games will open on
            # December 1", said in mid-December 2005)
            return year - 1
    return year


# A dateline: a city in capitals (a region after it) opening a line, then the day and
# the agency or a dash: "BEIJING, Nov. 15 (Xinhua) --", "KAIFENG, Henan, Nov. 14 --".
_DATELINE_BEFORE = re.compile(
    r"(?:^|\n)[^\S\n]*[A-Z][A-Z.'-]+(?:[^\S\n][A-Z][A-Z.'-]+)*"
    r"(?:,[^\S\n]*[A-Z][\w.'-]*(?:[^\S\n][A-Z][\w.'-]*)*)?,[^\S\n]*$"
)
_DATELINE_AFTER = re.compile(r"^\s*(?:\(|--|-|\u2014|,\s*\d{4})")
_NINE_ELEVEN = dt.date(2001, 9, 11)
_ENTRY_BEFORE = re.compile(r"(?:^|[.!?\n][\"'\u201d]?)\s*$")
_ENTRY_AFTER = re.compile(r"^(?:/\d\d?)?\s*(?:-{1,2}|\u2013|\u2014|:)\s")  # "May 11/12 -"
_ATTACKS_AFTER = re.compile(
    r"(?i)^\s*,?\s*(?:2001\s+)?(?:terror(?:ist)?\s+)?(?:attacks?|hijack|hijackers|hijackings"
    r"|commission|victims?|memorial|anniversary|fund)\b"
)


def norm_nine_eleven(match: Match, ctx: Context) -> Norm | None:
    """Normalise "9/11", the name of the attacks of 11 September 2001, in any text
    written after them (before them it would be a day with no year)."""
    if ctx.anchor is not None and ctx.anchor <= _NINE_ELEVEN:
        return None
    return Norm("DATE", _NINE_ELEVEN.isoformat())


_NOUN_YEAR_AFTER = re.compile(
    r"^\s+(?:[a-z][a-z-]+\s+){1,2}?(?:in\s+(?-i:[A-Z][a-z]+)\s+)?"  # "bombings in London in 2005"
    r"(?:(?P<rel>last|this|next)\s+year|in\s+(?P<year>1[5-9]\d\d|20\d\d))"
    r"\b(?![-\w])"
)
_SHARED_YEAR_AFTER = re.compile(
    rf"^\s*(?:and|or|to|through|until|till|[-\u2013])\s*(?:(?P<month>{MONTH})\s+)?"
    r"[0-3]?\d(?:st|nd|rd|th)?,?\s+(?P<year>1[5-9]\d\d|20\d\d)\b"
)


# "Come November 19, buyers will receive ...": when that day comes.
_COME_BEFORE = re.compile(r"(?:^|[.!?;:,]\s*|\n)\s*[Cc]ome\s+$")


def _planned(ctx: Context, match: Match) -> bool:
    """Whether the text before ``match`` fixes a plan for it ("is scheduled for",
    "between now and", "come November 19"): then it lies ahead whatever the tense."""
    before = ctx.before(match.start(), 40)
    return bool(
        _PLANNED_FOR.search(before) or _FROM_NOW_TO.search(before) or _COME_BEFORE.search(before)
    )


def _weekday_number(word: str) -> int:
    lowered = word.lower().rstrip(".")
    for name, number in WEEKDAYS.items():
        if name.startswith(lowered[:3]):
            return number
    return 0


_MONTH_NEEDS_CONTEXT = re.compile(
    r"(?i)(?:\b(?:in|of|since|until|till|by|during|before|after|from|to|through|early"
    r"|late|mid|end|beginning|start|between|and|or|last|next|this|for|throughout"
    r"|around|on|as)[-\s]+(?:the\s+)?|\b(?:its|their|his|her|our|in\s+a)\s+"
    r"|(?-i:January|February|April|June|July|August|September|October|November|December),\s+)$"
)


_YEAR_FRAME_BEFORE = re.compile(
    r"(?:^|[.!?]\s+|\n)\s*(?:In|By|During)\s+(?P<year>1[5-9]\d\d|20\d\d)\b(?!\s*[-\u2013/])"
    r"(?:[^.!?]|\.(?=\d))*$"
)
_STORY_YEAR = {"that": 0, "the same": 0, "the previous": -1, "the following": 1}


def norm_month(match: Match, ctx: Context) -> Norm | None:
    """Normalise a month without a day: "April", "last April", "June last year"."""
    word = match["month"]
    month = month_number(word)
    if in_a_name(ctx, match.start(), match.end()):
        return None
    rel, yrel = lower_group(match, "rel"), lower_group(match, "yrel")
    if (
        word.lower() in ("may", "march")
        and rel is None
        and yrel is None
        and not _MONTH_NEEDS_CONTEXT.search(ctx.before(match.start(), 20))
        and not (
            _ARTICLE_BEFORE.search(ctx.before(match.start(), 6))
            and (
                _SCHEDULED_EVENT_AFTER.match(ctx.after(match.end(), 40))
                or _SETTLEMENT_AFTER.match(ctx.after(match.end(), 30))
            )
        )
    ):
        return None  # "a May day", "the March on Washington"; not "the March elections"
    if ctx.anchor is None:
        return Norm("DATE", f"XXXX-{month:02d}")
    anchor = ctx.anchor
    if yrel in _STORY_YEAR:  # "June of that year": the year the story has just set
        count = _STORY_YEAR[yrel]
        text = year_text(anchor.year + count)
        ref = RefShift("Y", count, "year", f"-{month:02d}")
        return Norm("DATE", f"{text}-{month:02d}", shift=ref) if text else None
    if yrel is not None:
        year = anchor.year + YEAR_WORD_OFFSETS[yrel]
    elif rel in LAST_WORDS:
        # "last February" said in March is a year back: the month just gone is "last
        # month" (TimeBank).
        year = anchor.year if month < anchor.month - 1 else anchor.year - 1
    elif rel in NEXT_WORDS:
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif rel in ("this", "the following"):
        year = anchor.year
    elif (framed := _YEAR_FRAME_BEFORE.search(ctx.before(match.start(), 200))) is not None:
        # "In 1976, the pound began a slide which led ministers to ask for a loan in
        # September": the year the sentence opened with
        year = int(framed["year"])
    else:
        chosen = _range_start_year(match, ctx, month)
        first = _range_start(ctx, match) if chosen is None else None
        if first is not None and first <= anchor.month <= month:
            chosen = anchor.year  # "from July through December" said in October
        elif chosen is None:
            direction = (
                ctx.direction(match.start(), match.end(), None)
                if first is not None
                else open_direction(ctx, match)
            )
            chosen = pick_year(anchor, month, None, direction)
            if direction == "future" and chosen == anchor.year + 1 and month >= anchor.month - 2:
                # "asked for the files to be sent in September", said in November: the
                # month just gone, not the one ten months on
                if (
                    not _planned(ctx, match)
                    and not _WILL_BEFORE.search(ctx.before(match.start(), 60))
                    and not _AHEAD_OF_BEFORE.search(ctx.before(match.start(), 24))
                ):
                    chosen = anchor.year
        if chosen is None:
            return None
        year = chosen
    text = year_text(year)
    if not text:
        return None
    day = _DAY_AFTER_MONTH.match(ctx.after(match.end(), 8)) if rel and yrel is None else None
    if day and rel in LAST_WORDS + NEXT_WORDS:
        # "last December 14", said on December 20: the latest such day before the
        # anchor (the month alone counts by months), "next March 3" the first after
        this_year = make_date(anchor.year, month, int(day["day"]))
        if this_year is not None:
            ahead = rel in NEXT_WORDS
            year = anchor.year + (0 if (this_year > anchor) == ahead else (1 if ahead else -1))
            text = year_text(year) or text
    if day and make_date(year, month, int(day["day"])):  # "this May 26 photo"
        return Norm(
            "DATE", f"{text}-{month:02d}-{int(day['day']):02d}", end=match.end() + day.end()
        )
    quarter = _QUARTER_AFTER_MONTH.match(ctx.after(match.end(), 12))
    if quarter and month % 3 == 0:  # "the September quarter": the quarter it closes
        return Norm("DATE", f"{text}-Q{month // 3}", end=match.end() + quarter.end())
    return Norm("DATE", f"{text}-{month:02d}")


# Words that place a month, weekday or season before or after the anchor ("last April",
# "this coming Friday", "next summer").
LAST_WORDS = ("last", "past", "previous", "the past", "the previous", "this past")
NEXT_WORDS = ("next", "coming", "the coming", "the next", "this coming", "following")
_QUARTER_AFTER_MONTH = re.compile(r"(?i)^[-\s]+quarter\b(?!s)")
_DAY_AFTER_MONTH = re.compile(
    r"^\s+(?P<day>[0-3]?\d)(?!\d|[,.:]\d|%|\s*-?\s*(?:year|month|week|day|hour|per)|\s+percent)"
)


_RANGE_END = re.compile(
    r"(?i)^\s*(?:-|\u2013|to|through|till|until|and)\s*(?P<month>[A-Z][a-z]+\.?)"
    r"(?:\s*,?\s+(?P<year>1[5-9]\d\d|20\d\d)(?![-\u2013/.,]?\d)"
    r"|\s+of\s+(?P<ofyear>1[5-9]\d\d|20\d\d)\b"
    r"|\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year\b)?(?!\s*\d)"
)


_RANGE_START = re.compile(r"(?P<month>[A-Z][a-z]+)\.?\s*(?:-|\u2013|to|through|till|until|and)\s*$")


def _range_start(ctx: Context, match: Match) -> int | None:
    """Return the first month of the range of months the match ends ("from March to May")."""
    found = _RANGE_START.search(ctx.before(match.start(), 20))
    return MONTHS.get(found["month"].lower()) if found is not None else None


def _range_start_year(match: Match, ctx: Context, month: int) -> int | None:
    """Return the year of the first month of "January-September" or "from March to May":
    that of the range's last month (read with the clause's tense), or the year before
    when the range runs over new year."""
    found = _RANGE_END.match(ctx.after(match.end(), 26))
    if found is None or ctx.anchor is None:
        return None
    last = MONTHS.get(found["month"].lower().rstrip("."))
    if last is None:
        return None
    if found["year"] or found["ofyear"]:  # "between January and March 2003", "of 2008"
        year: int | None = int(found["year"] or found["ofyear"])
    elif found["yrel"]:  # "in August and December last year"
        year = ctx.anchor.year + YEAR_WORD_OFFSETS[found["yrel"].lower()]
    elif month <= ctx.anchor.month <= last:
        year = ctx.anchor.year  # "from July through December" said in October: this year's
    else:
        direction = ctx.direction(match.start(), match.end() + found.end(), None)
        year = pick_year(ctx.anchor, last, None, direction)
    if year is None:
        return None
    return year if month <= last else year - 1


_EVERY_DAY_AND = re.compile(rf"(?i)\b(?:every|each)\s+(?:{WEEKDAY}\s*(?:,|and|or)\s+)+(?:on\s+)?$")


def norm_weekday(match: Match, ctx: Context) -> Norm | None:
    """Normalise "Saturday", "last Friday", "next Monday", "Mondays" (a set)."""
    weekday = WEEKDAYS[match["weekday"].lower()]
    if in_a_name(ctx, match.start(), match.end()):
        return None
    if match["plural"] or _EVERY_DAY_AND.search(ctx.before(match.start(), 30)):
        return Norm("SET", f"XXXX-WXX-{weekday}")  # "Mondays", "every Tuesday and Friday"
    if match["parts"]:  # "Friday nights"
        part = DAY_PART_CODES[match["parts"][:-1].lower()]
        return Norm("SET", f"XXXX-WXX-{weekday}T{part}")
    if (
        not match["rel"]
        and _A_BEFORE.search(ctx.before(match.start(), 4))
        and CLAUSE_END_AFTER.match(ctx.after(match.end(), 3))
    ):
        return Norm("DATE", f"XXXX-WXX-{weekday}")  # "it was a Wednesday": some Wednesday
    if match["mday"]:  # "Tuesday the 18th": the month near the anchor where it falls
        day = _month_day_on_weekday(ctx, match, weekday, int(match["mday"]))
        if day is not None:
            return Norm("DATE", day)
    end = match.end("weekday")
    if ctx.anchor is None:
        return Norm("DATE", f"XXXX-WXX-{weekday}", end=end)
    rel = lower_group(match, "rel")
    anchor = ctx.anchor
    if rel in LAST_WORDS:
        date = anchor - dt.timedelta(days=(anchor.isoweekday() - weekday - 1) % 7 + 1)
    elif rel in NEXT_WORDS:
        date = anchor + dt.timedelta(days=(weekday - anchor.isoweekday() - 1) % 7 + 1)
    elif rel == "this":
        date = anchor + dt.timedelta(days=weekday - anchor.isoweekday())
    elif (week := _WEEK_AFTER_DAY.match(ctx.after(end, 40))) is not None:
        # "on Wednesday last week", "Wednesday to Friday last week": that week's day
        offset = {"last": -1, "next": 1}.get(week["rel"].lower(), 0)
        monday = anchor - dt.timedelta(days=anchor.isoweekday() - 1) + dt.timedelta(weeks=offset)
        date = monday + dt.timedelta(days=weekday - 1)
    else:
        date = weekday_date(anchor, weekday, _open_weekday_direction(ctx, match, end))
    return Norm("DATE", date.isoformat(), end=end)


def _open_weekday_direction(ctx: Context, match: Match, end: int) -> Direction:
    """Return which way a weekday without "last", "next" or "this" lies from the anchor:
    the clause's tense, unless a plan, a schedule, an event's noun or a told-in-the-past
    plan says otherwise (``end``: where the weekday's own word ends)."""
    before = ctx.before(match.start(), 40)
    if (
        _INTO_DAY_BEFORE.search(before)
        or _UPDATE_STAMP_BEFORE.search(before)
        or _EDITION_AFTER.match(ctx.after(end, 24))
        or (_LINE_START_BEFORE.search(before) and _LINE_END_AFTER.match(ctx.after(end, 40)))
    ):
        # a weekday alone on its line heads a list of games or events, said around it
        # "its Monday newspaper", said on Sunday: the edition next to the report
        # "the raids continued into Thursday", "(Update 2:10 a.m. Tuesday in Beirut"
        return "nearest"
    direction = ctx.direction(match.start(), match.end(), None)
    if lies_ahead(ctx, match) or (
        direction is None
        and (
            planned_day(ctx, match)
            or _IF_PRESENT_BEFORE.search(ctx.before(match.start(), 90))
            or _PRESENT_SCHEDULE_AFTER.match(ctx.after(end, 70))
            or (
                ctx.tense_aware and _FAR_WILL_BEFORE.search(ctx.sentence_before(match.start(), 300))
            )
        )
    ):
        # "can go top if they beat Deportivo at home on Wednesday": a condition to come
        direction = "future"
    elif (
        ctx.tense_aware
        and (scheduled := _SCHEDULED_BEFORE.search(window := ctx.before(match.start(), 80)))
        and not scheduled.group().split()[0].lower().endswith("ing")
        and (
            clause_tense(ctx.text[: match.end()], match.start(), match.end()) is None
            or _RELATIVE_PRONOUN_BEFORE.search(window[: scheduled.start()])
        )
    ):
        # "the president opens the congress on Friday though talks began on Thursday",
        # "the summit, which holds its first gathering Wednesday": the schedule's verb
        # before the day, whatever the tense around it
        direction = "future"
    if _CALLED_OFF_BEFORE.search(before) and POSSESSIVE_AFTER.match(ctx.after(end, 3)):
        direction = "future"  # "postponed Sunday's concert": not yet held
    if _PLANNED_NOUN_AFTER.match(ctx.after(end, 36)):
        # "urged to join Thursday's planned strike": planned, not said when
        return "nearest"
    if _FOR_BEFORE.search(before) and not POSSESSIVE_AFTER.match(ctx.after(end, 3)):
        direction = "future"  # "planning a rally for Tuesday": the day it is set for
    if _READIED_FOR_BEFORE.search(before) and not _HAD_BEEN_BEFORE.search(before):
        direction = "future"  # "businesses readied themselves for Sunday": the day to come
    if _FOR_EVENT_ON_BEFORE.search(ctx.before(match.start(), 80)) or _NEXT_SUBJECT_BEFORE.search(
        ctx.before(match.start(), 160)
    ):
        # "hopes for a calm vote on Thursday", "The next group games are ...
        # on Saturday": one still to come
        direction = "future"
    if _DECLARED_BEFORE.search(before) and _DAY_OF_AFTER.match(ctx.after(end, 50)):
        return "nearest"  # "has declared Saturday a public holiday"
    if direction == "past" and _OPENING_BEFORE_CLAUSE.search(ctx.before(match.start(), 120)):
        # "Before voters cast their ballots on Thursday, detainees voted": the day
        # comes after the past event, on either side of the report
        direction = "nearest"
    if _BY_DAY_BEFORE.search(before) and _MODAL_LATER_AFTER.match(ctx.after(end, 40)):
        # "By Friday, she said, crews should have the road open", "the slick by noon
        # Friday could reach the keys": a deadline ahead
        direction = "future"
    if _BEFORE_THEIR_BEFORE.search(before) and NOUN_AFTER.match(ctx.after(end, 12)):
        # "trained hard before their Saturday game": the game follows what is told
        direction = "nearest"
    if _PRAYERS_AFTER.match(ctx.after(end, 24)) and _AFTER_OR_BEFORE.search(before):
        # "called on followers to march after Friday prayers": the coming or the last
        direction = "nearest"
    if direction is None and _FIXTURE_AFTER.match(ctx.after(end, 60)):
        # "reinforcing his support in Thursday's general elections": no tense to say
        # which, the nearest such day
        direction = "nearest"
    if _DUE_ON_BEFORE.search(before) or (
        ctx.tense_aware
        and (
            _BEGINNING_BEFORE.search(ctx.before(match.start(), 70))
            or _TAKING_PLACE_BEFORE.search(ctx.before(match.start(), 90))
        )
    ):
        # "the board meeting due on Thursday", "the team event starting on Thursday"
        direction = "future"
    if (
        _TOWARD_BEFORE.search(before)
        and _FIXTURE_AFTER.match(ctx.after(end, 60))
        and not _HAD_BEEN_BEFORE.search(ctx.before(match.start(), 60))
    ):
        direction = "future"  # "warmed up for Tuesday's Champions League tussle"
    if _plan_told_in_past(ctx, match) or (
        ctx.tense_aware
        and (
            _PAST_PLAN_AFTER.match(ctx.after(end, 40))
            or _SAID_WOULD_BEFORE.search(ctx.sentence_before(match.start(), 160))
        )
    ):
        # "was due to return on Saturday", "was expected to rule Monday": a plan
        # told in the past, for a day on either side of the report
        return "nearest"
    if possessive_mishap(ctx, end) or _FRESH_FROM_BEFORE.search(before):
        # "to help the island after Tuesday's earthquake", "fresh from his victory
        # Tuesday": gone by
        return "past"
    if _SUBJECT_WILL_AFTER.match(ctx.after(end, 60)):
        return "future"  # "said Sunday's elections will go ahead": the day's own verb
    if direction == "future" and _reduced_plan_told_in_past(ctx, match):
        return "nearest"  # "failed to show up for meetings scheduled Friday"
    return direction or "past"


# A plan's participle after its noun, with no "is" or "was" before it: "meetings
# scheduled Friday", "the vote planned for Sunday".
_REDUCED_PLAN_BEFORE = re.compile(
    r"(?i)(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bwas\s)"
    r"(?<!\bwere\s)\b(?:scheduled|planned|slated)\s+(?:for\s+)?(?:on\s+)?$"
)


def _reduced_plan_told_in_past(ctx: Context, match: Match) -> bool:
    """Whether the day follows a plan's bare participle in a sentence told in the past
    ("the envoys failed to show up for meetings scheduled Friday"): then the day lies on
    either side of the report."""
    if not ctx.tense_aware:
        return False
    found = _REDUCED_PLAN_BEFORE.search(ctx.before(match.start(), 30))
    if found is None:
        return False
    at = match.start() - len(ctx.before(match.start(), 30)) + found.start()
    return clause_tense(ctx.text, at, at) == "past"


_FRESH_FROM_BEFORE = re.compile(r"(?i)\bfresh\s+(?:from|off)\b[^,;.!?]{0,40}$")
# A day owning the subject of a clause told ahead: "Sunday's congressional elections will".
_SUBJECT_WILL_AFTER = re.compile(
    r"(?i)^(?:'s|\u2019s)\s+(?:[\w-]+\s+){1,3}?(?:will|(?:is|are)\s+(?:set|due|expected|scheduled)"
    r"\s+to)\b"
)
# "with the burial taking place in the chapel yard Tuesday": still to come.
_TAKING_PLACE_BEFORE = re.compile(r"(?i)(?<!\bbeen\s)\btaking\s+place\b[^.;!?,]{0,60}\s(?:on\s+)?$")
# "On Wednesday, his remains are laid to rest": a ceremony told in the present, ahead.
_PRESENT_SCHEDULE_AFTER = re.compile(
    r"(?i)^\s*,\s*(?:[\w'\u2019-]+\s+){1,5}?(?:is|are)\s+(?:\w+ly\s+)?(?:laid|held|buried"
    r"|inaugurated|unveiled|launched|released|published|cremated|staged|played|sworn)\b"
)
# "the summit, which holds its first gathering Wednesday": the schedule's own clause.
_RELATIVE_PRONOUN_BEFORE = re.compile(r"(?i)\b(?:which|that|who)\s+$")
_FOR_EVENT_ON_BEFORE = re.compile(
    r"(?i)\b(?:for|with\s+a\s+view\s+to\s+\w+ing\s+\w+\s+to)\s+(?:a|an|the|his|her|its|their)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:elections?|vote|polls?|referendum|summit|meeting|talks|match|final"
    r"|rally|conference|ceremony|hearing|session|birthday|anniversary)\s+(?:on\s+)?$"
)
_NEXT_SUBJECT_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n)The\s+next\s+[^.;!?\n]*$")
# "The Treasury will sell ... notes on Tuesday and ... bonds on Wednesday": a future
# auxiliary opening a long sentence, no cue nearer the day.
_FAR_WILL_BEFORE = re.compile(r"(?i)\b(?:will|shall)\s+(?:\w+\s+)?\w+\b[^;:!?]*$")
_IF_PRESENT_BEFORE = re.compile(
    r"(?i)\b(?:if|unless|provided(?:\s+that)?)\s+(?:\w+\s+){0,2}?(?:beat|beats|win|wins|lose|loses"
    r"|draw|draws|gets?|takes?"
    r"|manages?|fails?|is|are|goes|go)\b[^.;!?]*$"
)
_LINE_START_BEFORE = re.compile(r"(?:^|\n)[ \t]*$")
_LINE_END_AFTER = re.compile(r"^[ \t]*(?:\([^()\n]{0,30}\))?[ \t]*:?[ \t]*(?:\n|$)")
_PAST_PLAN_BEFORE = re.compile(
    r"(?i)(?:\b(?:was|were|had\s+been)\s+(?:(?:expected|due|scheduled|slated|set|supposed|planned"
    r"|poised|going|likely|invited)\s+(?:to|for)|to)"
    # "the minister first planned to tour the area in May": a plan made and dropped
    r"|\b(?:first|originally|initially)\s+planned\s+to)"
    r"\b[^.;!?]*$"
)
# "said he would join a meeting on Tuesday": a plan reported in the past, for a
# day on either side of the report (a month so told still lies ahead: "announced he
# would not run in September").
_SAID_WOULD_BEFORE = re.compile(
    r"(?i)\b(?:said|announced)\s+(?:that\s+)?(?:he|she|it|they|we|(?-i:[A-Z][\w.&-]*))\s+would\b"
    r"[^.;!?]*$"
)


def _plan_told_in_past(ctx: Context, match: Match) -> bool:
    """Whether the sentence before ``match`` tells a plan in the past ("was due to return
    on Saturday", "were invited to visit on Dec. 6")."""
    return ctx.tense_aware and bool(
        _PAST_PLAN_BEFORE.search(ctx.sentence_before(match.start(), 90))
    )


# "and on Saturday was scheduled to meet his counterpart"
_PAST_PLAN_AFTER = re.compile(
    r"(?i)^\s+(?:(?:he|she|it|they|we)\s+)?(?:was|were)\s+(?:expected|due|scheduled|slated|set"
    r"|supposed|planned|poised|going|likely)\s+to\b"
)
# A schedule told in the present: "the tournament starts on June 9", "takes place in July".
_STARTS_BEFORE = re.compile(
    r"(?i)\b(?:starts|begins|opens|resumes|convenes|kicks\s+off|takes\s+place|returns\s+to\s+\w+"
    r"\s+rule|reverts\s+to\s+\w+\s+rule)"
    r"(?:\s+(?:in|at)\s+(?-i:[A-Z][\w.-]*)(?:\s+(?-i:[A-Z][\w.-]*))?)?"  # "takes place in Cardiff"
    r"\s+(?:on\s+|in\s+)?$"
)
# "before she steps down on December 31", "takes over the presidency of the EU on
# January 1": an office changing hands, told in the present.
_HANDOVER_BEFORE = re.compile(
    r"(?i)\b(?:steps\s+down|retires|leaves\s+office|hands\s+over|takes\s+over|assumes)\b"
    r"(?:\s+(?!(?:and|but|after|when|while|since)\b)[\w'-]+){0,8}?\s+(?:on|in)\s+$"
)
_LIKELY_DATE_AFTER = re.compile(
    r"(?i)^\s+(?:was|is|would\s+be|as)\s+(?:a|the|one)\s+(?:most\s+)?(?:probable|likely|possible"
    r"|tentative|proposed|expected)\s+(?:date|day)\b"
)
_BEGINNING_BEFORE = re.compile(
    r"(?i)\b(?:hearing|trial|session|talks|meeting|conference|summit|visit|tour|festival|games"
    r"|strike|campaign|hearings|sessions|event|tournament|competition|championships?|exercises?"
    r"|auction|ceremony|fair|exhibition|forum|series|deadline|ultimatum|truce|ceasefire|curfew"
    r"|countdown|moratorium|production|construction|operations|deliveries|flights|services?)"
    r"(?:\s+of\s+(?:the\s+)?(?-i:[A-Z][\w'-]*)(?:\s+(?:of\s+)?(?-i:[A-Z][\w'-]*)){0,4})?"
    r"\s+(?:beginning|starting|commencing|opening)"
    r"\s+(?:on\s+|in\s+)?$"
)
_CONTRACT_AFTER = re.compile(
    r"(?i)^\s+(?:[\w-]+\s+){0,4}?(?:futures|contracts?|delivery|options)\b"
)
_WEEK_AFTER_DAY = re.compile(
    rf"^(?:\s*(?:[-\u2013]|to|through|and|or)\s+(?:on\s+)?{WEEKDAY})?\s+(?P<rel>(?i:last|next|this))"
    r"\s+week\b"
)
_EDITION_AFTER = re.compile(
    r"(?i)^\s+(?:newspaper|paper|edition|editions|issue)\b"
    # "Thursday's Times", "Thursday's Daily Telegraph": that day's paper
    r"|^\s?['\u2019]s\s+(?:(?-i:Daily|Sunday|Evening)\s+)?(?-i:Times|Telegraph|Guardian|Independent"
    r"|Mirror|Mail|Express|Post|Herald|Tribune|Journal|Observer)\b"
)
# "the fighting went on into Thursday": a day next to the report, before or after it.
_INTO_DAY_BEFORE = re.compile(
    r"(?i)\b(?:continu\w*|stretch\w*|extend\w*|drag\w*|spill\w*|ran|run(?:s|ning)?|went"
    r"|go(?:es|ing|ne)?|last(?:s|ed|ing)|wore|wear(?:s|ing)?)\s+(?:on\s+|well\s+)?into\s+$"
)
# A live report's stamp: "(Update 2:10 a.m. Tuesday in Beirut, 7:10 p.m. ET Monday)".
_UPDATE_STAMP_BEFORE = re.compile(
    r"(?i)\bupdated?\s*:?\s*(?:at\s+)?\d{1,2}[:.]\d\d\s*[ap]\.?\s?m\.?\s*(?:[A-Z]{2,4}\s+)?$"
)
# "cancelled Saturday's match": a day whose event was called off before it came.
_CALLED_OFF_BEFORE = re.compile(
    r"(?i)\b(?:postpone|cancel|scrap|call(?:ed|s|ing)?\s+off|delay|stop|block|ban|prevent|halt)\w*"
    r"\s+(?:the\s+)?$"
)
_OPENING_BEFORE_CLAUSE = re.compile(r"(?:^|[.!?]\s+|\n)\s*Before\s+(?:[^,.;!?]|\.(?=\d))*$")
# not "claimants who filed by Tuesday": a past verb's own deadline
_BY_DAY_BEFORE = re.compile(r"(?i)(?<!ed\s)\bby\s+(?:(?:noon|midnight)\s+)?$")
_MODAL_LATER_AFTER = re.compile(
    r"(?i)^(?:(?!\b(?:and|but)\b)[^.!?;])*?\b(?:will|'ll|should|would|could|expects?|expected"
    r"|hopes?|hoped)\b"
)
_BEFORE_THEIR_BEFORE = re.compile(r"(?i)\b(?:before|ahead\s+of)\s+(?:their|its|his|her|the)\s+$")
_PRAYERS_AFTER = re.compile(r"(?i)^\s?(?:['\u2019]s\s+)?(?:weekly\s+|noon\s+|midday\s+)?prayers?\b")
_AFTER_OR_BEFORE = re.compile(r"(?i)\b(?:after|before)\s+$")
# "had been rested for Saturday's derby": a past perfect, the game gone by.
_HAD_BEEN_BEFORE = re.compile(r"(?i)\bhad\s+(?:been\s+)?\w+(?:ed|en)\b[^.;!?]*$")
_DUE_ON_BEFORE = re.compile(
    r"(?i)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bhad\s)\bdue\s+(?:on\s+|for\s+)?$"
)
# A game one prepares for or turns to: "warmed up for Tuesday's titanic tussle",
# "turn their attention to Tuesday's match", "head into Wednesday's group G match".
_TOWARD_BEFORE = re.compile(
    r"(?i)(?<!\bfined\s)(?<!\bbanned\s)(?<!\bpunished\s)(?<!\bsuspended\s)\bfor\s+$"
    r"|\b(?:attention|turn|turns|ahead|forward|build-up|run-up|lead-up|through)\s+to\s+$"
    r"|\b(?:head|heads|headed|heading|go|goes|going)\s+into\s+$"
)
_FIXTURE_AFTER = re.compile(
    r"(?i)^\s?['\u2019]s\s+(?:[\w-]+\s+){0,4}?(?:match|final|game|clash|tie|tussle|showdown"
    r"|derby|encounter|semi-final|quarter-final|fixture|race|fight|bout|meeting|summit|vote"
    r"|elections?|polls?|referendum|talks|session|concert|ceremony|launch)\b"
)
_PLANNED_NOUN_AFTER = re.compile(
    r"(?i)^\s?['\u2019]s\s+(?:planned|scheduled|proposed|upcoming|expected|forthcoming"
    r"|(?:[\w-]+\s+)?(?:deadline|ultimatum))\b"
)
_READIED_FOR_BEFORE = re.compile(
    r"(?i)\b(?:readied|readying|readies|prepared|preparing|prepares|prepare|braced|bracing"
    r"|braces|brace|geared|gearing)\s+(?:(?:themselves|himself|herself|itself|ourselves|up)\s+)?"
    r"for\s+$"
)
_FOR_BEFORE = re.compile(
    r"(?i)\b(?:march|protest|rally|rallies|strike|hartal|boycott|shutdown|vote|meeting|talks|summit"
    r"|demonstrations?|hearing|session)\s+(?:\w+\s+){0,3}?for\s+$"
)
POSSESSIVE_AFTER = re.compile(r"^\s?['\u2019]s\b")
"""An "'s" right after a word, as tokenised text writes it too (" 's")."""


_A_BEFORE = re.compile(r"(?i)\ban?\s+$")
CLAUSE_END_AFTER = re.compile(r"^\s*(?:[,.;:!?)]|$)")
"""Punctuation or the end of the text right after a word: its clause ends there."""


# "is flying to Paris on Friday", "are hitting the roads before Sunday's vote": a plan.
_PROGRESSIVE_BEFORE = re.compile(
    r"(?i)(?:\b(?:is|are|am)|'re|'m)\s+(?:[a-z]+ly\s+)?[a-z]{2,}ing\b[^.;!?:]{0,100}$"
)
_PROGRESSIVE_AFTER = re.compile(
    r"(?i)^\s*,?\s+(?:it|he|she|they|we|the\s+\w+)\s+(?:is|are|'s|'re)\s+[a-z]{2,}ing\b"
)
_UNTIL_BEFORE = re.compile(
    r"(?i)\b(?:until|till)\s+(?:at\s+least\s+)?"
    # "continue until about midday on Sunday": a clock of the day, then the day
    r"(?:(?:about|around|roughly)\s+)?(?:(?:noon|midday|midnight|\d{1,2}(?:[:.]\d\d)?\s*"
    r"(?:[ap]\.?m\.?)?)\s+(?:on\s+)?)?$"
)


def planned_day(ctx: Context, match: Match, *, weekend: bool = False) -> bool:
    """Whether a day the clause's tense leaves open is one planned ahead: after a verb
    of schedule ("meets ... on Friday"), "until" ("stays shut until Sunday") or a present
    progressive ("is flying to Paris on Friday"); a weekend only by the last."""
    if not ctx.tense_aware:
        return False
    if _PROGRESSIVE_BEFORE.search(ctx.before(match.start(), 120)):
        return True
    if _PROGRESSIVE_AFTER.match(ctx.after(match.end(), 40)):
        return True  # "on Sunday it is holding a vote"
    if weekend:
        return False
    near = ctx.before(match.start(), 40)
    return bool(
        _SCHEDULED_BEFORE.search(ctx.before(match.start(), 80))
        or _UNTIL_BEFORE.search(near)
        or _COME_BEFORE.search(near)
        or _IS_ON_BEFORE.search(near)
    )


# "Stadia's launch day is Tuesday", "the vote is on Friday": a day set for something.
_IS_ON_BEFORE = re.compile(r"(?i)(?<!\btoday\s)\b(?:is|are)\s+(?:on\s+)?$")


def _month_day_on_weekday(ctx: Context, match: Match, weekday: int, day: int) -> str | None:
    """Return the date, within half a year of the anchor, whose day of the month is
    ``day`` and whose weekday is ``weekday``; the tense picks between two."""
    if ctx.anchor is None:
        return None
    anchor = ctx.anchor
    found = []
    for offset in range(-6, 7):
        year, month = divmod(anchor.year * 12 + anchor.month - 1 + offset, 12)
        date = make_date(year, month + 1, day)
        if date is not None and date.isoweekday() == weekday:
            found.append(date)
    best = closest_day(found, anchor, ctx.direction(match.start(), match.end(), None))
    return best.isoformat() if best else None


def closest_day(days: list[dt.date], anchor: dt.date, direction: str | None) -> dt.date | None:
    """Return the day of ``days`` closest to ``anchor``, among those on the side of it
    that ``direction`` (``past``, ``future``) names when there are any."""
    if direction == "past":
        days = [d for d in days if d <= anchor] or days
    elif direction == "future":
        days = [d for d in days if d >= anchor] or days
    return min(days, key=lambda d: abs((d - anchor).days)) if days else None


# A present-tense verb of a timetable before a weekday tells a plan: "meet separately
# Monday", "flies into Tokyo on Monday", "Iraq goes to the polls on Thursday".  Only for
# the weekday's own value: the publication-date clues keep to the clause's tense.
_SCHEDULED_BEFORE = re.compile(
    r"(?i)(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bits\s)(?<!'s\s)"
    r"(?<!\btheir\s)(?<!\bthis\s)(?<!\bthat\s)"  # "the visit to Walter Reed on Saturday"
    r"\b(?:meets?|visits?|play|plays|faces|opens?|begins?|starts?|resumes?|hosts?|travels|flies|fly"
    r"|climaxes|culminates|concludes|holds|go\s+on\s+sale|opening|starting|beginning"
    r"|(?:is|are)\s+(?:announced|held|released|published|unveiled|launched|opened|sworn\s+in)"
    r"|leaves|arrives?|returns|heads|convenes?|goes|due|kicks?\s+off|takes?\s+office"
    r"|entertains?|takes?\s+on|welcomes?"
    r"|wraps?\s+up|unveils|announces|publishes|ends|closes)\b"
    r"(?:\s+(?!(?:was|were|had|did|said|told)\b)[\w'-]+){0,6}\s+(?:on\s+)?$"
)


_NOT_A_YEAR_BEFORE = re.compile(
    r"(?i)(?:[$£€#]\s*|\d[.,]\d+-|\b(?:no|nos|number|flight|route|page|pages|room|rooms|highway"
    r"|interstate|model|code|item|box|suite|apartment|apt|unit|bus|train|article|rule"
    r"|section|chapter|paragraph|resolutions?|boeing|airbus|top|about|nearly|some|over"
    r"|exactly|only|least|than|eur|usd|gbp|jpy|chf|cny|rmb|inr|rs|aud|cad|hkd|sgd|windows"
    r"|version|unscr|unsc|res|mirage|falcon|(?-i:Euro|Expo|Vision|Agenda))\.?\s+)$"
)


_NOT_A_YEAR_AFTER = re.compile(
    r"(?i)^\s*(?:people|persons|men|women|troops|soldiers|children|votes|shares|members"
    r"|workers|jobs|tons|tonnes|feet|foot|metres|meters|miles|km|kilometers|kilometres"
    r"|acres|barrels|units|cases|deaths|dead|employees|dollars|euros|pounds|yen|points"
    r"|marines|police|officers|students|residents|delegates|homes|houses|cars|vehicles"
    r"|hectares|square|pages|words|calories|rounds|times|others|more|(?-i:new)"
    r"|adults|respondents|million|billion|trillion|mln|bln|percent|per\s+cent|%"
    rf"|\w+\s+(?:people|troops|adults|respondents)|am\b|pm\b|a\.m|p\.m|hours|hrs|{ZONE}\b"
    r"|(?-i:LLC|Inc|Ltd|Corp|Plc|PLC|GmbH|AG)\b)"  # "MOEX Offshore 2007 LLC": a company
    r"(?!['\u2019]s\b)"  # "the 2006 women's World Championship": a year's event
)


# A count of people named by where they are from: "the lives of 1800 Americans",
# "killed 2000 Iraqis"; not after a word that dates ("In 2003 Iraqis voted") or
# "the" ("the 1990 Americans with Disabilities Act").
_PEOPLE_AFTER = re.compile(r"^\s+[A-Z][a-z]+(?:ans|is|ese|ons)\b")
_DATING_BEFORE = re.compile(
    r"(?i)\b(?:the|in|since|until|till|by|during|before|after|from|its|his|her|their)\s+$"
)

# The local time given beside another: "posted 9:05 a.m. (1605 in Cairo)".
_CLOCK_BEFORE = re.compile(r"(?i)\d{1,2}[:.]\d\d\s*[ap]\.?\s?m\b\.?\D{0,8}$")
_LOCAL_AFTER = re.compile(r"^\s+(?:in\s+[A-Z]|local\b)")


# A count of things: four digits after a verb or a quantity word and before a plural
# noun ("had 1850 inhabitants", "collected 2000 signatures"); not after a word that
# dates or owns ("in 2003 troops invaded", "the 2020 elections", "its 2019 accounts"),
# nor before a noun that a year qualifies ("below 1990 levels").
_PLURAL_AFTER = re.compile(
    r"^\s+(?![a-z]+(?:ss|us|is|ous)\b|(?:remains|seems|looks|stands|means|comes|goes|makes"
    r"|marks|begins|starts|ends|promises|needs)\b)[a-z]{3,}s\b"
)
_OF_THE_AFTER = re.compile(r"(?i)^\s*of\s+the\b")
_YEAR_QUALIFIES = re.compile(
    r"^\s+(?:levels|prices|figures|rates|terms|standards|dollars|values|numbers|totals"
    r"|winners|champions|elections|games|olympics|finals|championships|results|talks|polls"
    r"|riots|bombings|attacks|floods|accounts)\b"
)
_WORD_BEFORE = re.compile(r"\b[a-z]+\s+$")


def _counted_things(before: str, after: str) -> bool:
    if not _WORD_BEFORE.search(before):
        return False
    if _DATING_BEFORE.search(before) or _YEAR_CONTEXT.search(before):
        return False
    return bool(_PLURAL_AFTER.match(after)) and not _YEAR_QUALIFIES.match(after)


# A sentence that opens "In 2003 troops ..." dates, whatever follows the number.
_OPENING_DATES = re.compile(r"(?:^|[.!?]\s+|\n)(?:In|Since|By|Until|During|After|Before)\s+$")


# "until at least 2021": "at least" bounds a time here, not a count.
_BOUND_AT_LEAST = re.compile(
    r"(?i)\b(?:until|till|through|into|before|after|since)\s+at\s+least\s+$"
)


_NUMBERED_LIST_BEFORE = re.compile(
    r"(?i)\b(?:resolutions|sections|articles|rules)\s+\d{4}\s*(?:,|and|or)\s+$"
)


_CHANGE_OVER_BEFORE = re.compile(
    r"(?i)\b(?:rise|rises|increase|increases|gain|gains|growth|jump|decline|declines|drop"
    r"|drops|fall|up|down|higher|lower|percent|per\s+cent|%)\s+over\s+$"
)


def _not_a_year(before: str, after: str) -> bool:
    """Whether the words around four digits make them a count or a clock time."""
    if _OPENING_DATES.search(before) or _BOUND_AT_LEAST.search(before):
        return False
    if _CHANGE_OVER_BEFORE.search(before) and not _NOT_A_YEAR_AFTER.match(after):
        return False  # "a 49 percent rise over 2005": the year compared with
    if _NOT_A_YEAR_BEFORE.search(before) or _NOT_A_YEAR_AFTER.match(after):
        return True
    if _OF_THE_AFTER.match(after) and not _STREET_YEAR_CONTEXT.search(before):
        return True  # "2000 of the troops", not "the suspension in 2002 of the Assembly"
    if _NUMBERED_LIST_BEFORE.search(before):
        return True  # "resolutions 1970 and 1973"
    if _counted_things(before, after):
        return True
    if _PEOPLE_AFTER.match(after) and not _DATING_BEFORE.search(before):
        return True
    return bool(_LOCAL_AFTER.match(after) and _CLOCK_BEFORE.search(before))


# "the" just before: no house number after it ("the 1989 Tiananmen Square crackdown"); the
# article of a joined time ("the night of April 20").
THE_BEFORE = re.compile(r"(?i)\bthe\s+$")
# A house number: "at 1800 Harbor Ave.", "outside 1945 Market Street" (names are
# capitalised, so this one is case-sensitive); "by 1945 Market Street had grown" keeps
# its year.
_STREET_AFTER = re.compile(
    r"^\s+(?:[A-Z][\w'.-]*\s+){1,3}(?:Ave|Avenue|St|Street|Rd|Road|Blvd|Boulevard|Lane"
    r"|Ln|Drive|Dr|Way|Place|Pl|Court|Ct|Terrace|Parkway|Pkwy|Highway|Hwy|Square|Sq)\b"
)


_YEAR_CONTEXT = re.compile(
    r"(?i)\b(?:in|since|from|until|till|by|of|year|during|before|after|between|and|to|through)\s+$"
)

# A number before a street name is a year only after a word that takes a time.
_STREET_YEAR_CONTEXT = re.compile(r"(?i)\b(?:in|since|until|till|by|during|before|after)\s+$")

# Before 1500 a number is rarely a year in the news: only after words that take a time
# ("in 1215"), not in a span of counts or clock times ("between 1040 and 1050", "to 1049").
_EARLY_YEAR_CONTEXT = re.compile(
    r"(?i)\b(?:in|since|until|till|by|of|year|during|before|after|circa)\s+$"
)
EARLY_YEAR = 1500

# "between 1000 and 2000": the second number is no year when the first is none.
_BETWEEN_COUNT = re.compile(r"(?i)\bbetween\s+([\d,.]+)\s+and\s+$")


def _count_span_partner(before: str) -> bool:
    """Whether ``before`` ends "between N and" with N no year."""
    match = _BETWEEN_COUNT.search(before)
    if match is None:
        return False
    first = match[1]
    return not (first.isdigit() and len(first) == 4 and int(first) >= EARLY_YEAR)


# "Influenza A (H1N1-2009)": a year inside a code names the strain, not a time.
_STRAIN_BEFORE = re.compile(r"\b[A-Z]+\d[A-Z0-9]*-$")


_EARLY_YEAR_END = re.compile(
    r"(?i)^(?:\s*[,.;:!?)\"']|\s*$|\s+(?:A\.?D\.?|CE|when|and|or|to|until|in|the|that|which)\b)"
)


def norm_bc_year(match: Match, ctx: Context) -> Norm | None:
    """Normalise a year marked by its era: "100 B.C." (``BC0100``), "AD 393" (``0393``)."""
    if match["num"]:
        return Norm("DATE", f"BC{int(match['num']):04d}")
    return Norm("DATE", f"{int(match['ad'] or match['ad2']):04d}")


_ZONE_CLOCK_AFTER = re.compile(r"^\s*(?:\(|-LRB-)\s*(?:[01]\d|2[0-3])[0-5]\d\s*(?:GMT|UTC|Z)\b")
_FIXTURE_BEFORE = re.compile(r"\b(?:v|vs\.?)[^\S\n]+[A-Z][^()\n]{1,40}\($")


def norm_year(match: Match, ctx: Context) -> Norm | None:
    """Normalise a year written alone: "1945", "fiscal 1998"."""
    year = int(match["year"])
    before, after = ctx.before(match.start(), 24), ctx.after(match.end(), 24)
    if len(match["year"]) < 4 and not (
        (lower_group(match, "fiscal") or "").startswith("the year") and _EARLY_YEAR_END.match(after)
    ):
        return None  # "until the year 325", not "a year 10 pupil" or "the year 70 percent"
    if is_clock_stamp(ctx.text, match.start("year")):
        return None
    if _FIXTURE_BEFORE.search(ctx.before(match.start(), 60)) and after.startswith(")"):
        return None  # "Valencia v Mallorca (2000)": a kick-off time in a fixture list
    if _ZONE_CLOCK_AFTER.match(after):
        return None  # "by 1100 (1600 GMT)": a local clock time beside the same in GMT
    if match["fiscal"] is None:
        if _not_a_year(before, after) or _STRAIN_BEFORE.search(before):
            return None
        # Without a year cue before it, an early number or a house number is no year.
        street = _STREET_AFTER.match(ctx.after(match.end(), 48)) and not THE_BEFORE.search(before)
        if (year < 1700 or street) and not _YEAR_CONTEXT.search(before):
            return None
        if street and not _STREET_YEAR_CONTEXT.search(before):
            return None  # "Blair, 29, of 1909 Jolinda Drive": an address
        if year < EARLY_YEAR and not _EARLY_YEAR_CONTEXT.search(before):
            return None
        if _count_span_partner(before):
            return None
    bound = lower_group(match, "bound")
    mod = None
    if bound:
        mod = "ON_OR_BEFORE" if bound.endswith(("earlier", "before")) else "ON_OR_AFTER"
        mod = "APPROX" if bound.endswith("so") else mod
    return Norm("DATE", f"{year:04d}", mod)


_APOSTROPHE_YEAR_BEFORE = re.compile(
    r"(?i)\b(?:in|of|since|until|till|by|from|to|and|through|before|after|the|class|spring"
    r"|summer|fall|autumn|winter|early|late|mid)\s+['\u2019]$"
)


def century_of(short: int, ctx: Context) -> int:
    """Return the century of a two-digit year: this one when the anchor has passed it
    since 2000, else the 1900s."""
    anchor = ctx.anchor
    if anchor is not None and anchor.year >= 2000 and short <= anchor.year % 100:
        return anchor.year // 100
    return 19


def norm_apostrophe_year(match: Match, ctx: Context) -> Norm | None:
    """Normalise "'88" after a word that takes a year ("the class of '88", "in '05")."""
    start = match.start() - 1
    if not _APOSTROPHE_YEAR_BEFORE.search(ctx.before(match.end() - 2, 12)):
        return None
    short = int(match["short"])
    return Norm("DATE", f"{century_of(short, ctx)}{short:02d}", start=start)


def norm_year_range(match: Match, ctx: Context) -> Norm | None:
    """Normalise "2000-2008", "1998/99" and "2002-3" as one DATE valued at its first year."""
    first = int(match["y1"])
    last_digits = match["y2"]
    size = 10 ** len(last_digits)
    last = int(last_digits) if len(last_digits) == 4 else first // size * size + int(last_digits)
    if len(last_digits) < 4 and last < first:
        last += size
    if len(last_digits) == 1 and last != first + 1:
        return None  # "2002-3" is a year and the next, never more
    bracketed = ctx.before(match.start(), 1) == "(" and ctx.after(match.end(), 1) == ")"
    if not first < last <= first + (500 if bracketed else 120):
        # a life of a century: "Ba Jin (1904-2005)"; a dynasty: "the Qing (1644-1911)"
        return None
    return Norm("DATE", f"{first:04d}")


def norm_spoken_year(match: Match, ctx: Context) -> Norm | None:
    """Normalise "nineteen ninety-six" and "the year two thousand"."""
    if match["thousand"]:
        number = parse_number(match["thousand"])
        return Norm("DATE", f"{int(number):04d}") if number else None
    base = 1900 if match["century"].lower() == "nineteen" else 1800
    rest = match["rest"].lower()
    number = 0.0 if rest == "hundred" else parse_number(rest)
    if number is None or number >= 100:
        return None
    return Norm("DATE", f"{base + int(number):04d}")


_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip


# A decade written in full or after "the" before a list of short ones ("the 1960s, 70s
# and 80s", "the 50s and 60s").
_DECADE_LIST_BEFORE = re.compile(
    r"(?i)(?:(?P<century>1\d|20)\d0|\bthe\s+(?:(?:early|late|mid)[-\s]?)?'?\d0|'\d0)'?s"
    r"(?:\s*,\s*'?\d0'?s)*(?:\s*,|\s+and)\s+$"
)


def norm_decade(match: Match, ctx: Context) -> Norm | None:
    """Normalise "the 1990s", "the '80s", "the nineties", "the early 1990s"."""
    mod = POSITION_MODS.get(lower_group(match, "mod") or "")
    if match["decade"]:
        decade = match["decade"]
        if int(decade) < EARLY_YEAR and not match["the"]:
            return None  # "1000s dead": thousands
        if (
            " " in match.group()
            and not (match["the"] or match["mod"])
            and NOUN_AFTER.match(ctx.after(match.end(), 20))
        ):
            return None  # a split possessive, "2010 's amateur draft": the year's
        if decade.endswith("00") and int(decade) < 2000:
            return Norm("DATE", decade[:2], mod)  # "the 1700s": the century
        return Norm("DATE", decade[:3], mod)
    if match["word"]:
        return Norm("DATE", f"19{_DECADE_WORDS[match['word'].lower()]}", mod)
    if match["short3"]:  # "the 1950s and 60s": the first one's century
        first = _DECADE_LIST_BEFORE.search(ctx.before(match.start(), 40))
        if first is None:
            return None  # "men in their 50s and 60s": ages
        century = first["century"] or str(century_of(int(match["short3"]), ctx))
        return Norm("DATE", f"{century}{match['short3'][0]}", mod)
    short = int(match["short"] or match["short2"])
    return Norm("DATE", f"{century_of(short, ctx)}{short // 10}", mod)


# "his first century", "Hayden's fifth century": a batsman's hundred runs, not an age.
_CENTURY_OF_RUNS_BEFORE = re.compile(r"(?i)\b(?:his|her|their|my|your|our|\w+'s?)\s+$")


def norm_century(match: Match, ctx: Context) -> Norm | None:
    """Normalise "the 19th century" (value ``18``) and "the early 20th century"."""
    if (
        not match["the"]
        and _CENTURY_OF_RUNS_BEFORE.search(ctx.before(match.start(), 24))
        and is_game_report(ctx.text)
    ):
        return None
    word = match["ordinal"].lower()
    number = ORDINALS.get(word) or int(re.sub(r"\D", "", word) or 0)
    if not 1 <= number <= 30:
        return None
    return Norm("DATE", f"{number - 1:02d}", POSITION_MODS.get(lower_group(match, "mod") or ""))


_FIXED_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "boxing day": (12, 26), "new years day": (1, 1), "new years eve": (12, 31),
    "valentines day": (2, 14), "halloween": (10, 31), "st patricks day": (3, 17),
    "the fourth of july": (7, 4), "bastille day": (7, 14), "veterans day": (11, 11),
    "armistice day": (11, 11), "remembrance day": (11, 11), "guy fawkes night": (11, 5),
    "bonfire night": (11, 5), "may day": (5, 1), "all saints day": (11, 1),
    "all souls day": (11, 2), "cinco de mayo": (5, 5),
}  # fmt: skip

# Days fixed as the n-th weekday of a month: (month, ISO weekday, n), n as in
# `nth_weekday`.
_NTH_WEEKDAY_HOLIDAYS = {
    "thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4), "labor day": (9, 1, 1),
    "memorial day": (5, 1, -1), "martin luther king day": (1, 1, 3),
    "martin luther king jr day": (1, 1, 3), "presidents day": (2, 1, 3),
    "columbus day": (10, 1, 2), "mothers day": (5, 7, 2), "fathers day": (6, 7, 3),
    "remembrance sunday": (11, 7, 2), "election day": (11, 2, 0),
}  # fmt: skip

# Days counted from Easter Sunday.
_EASTER_OFFSETS = {
    "easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2,
    "maundy thursday": -3, "palm sunday": -7, "ash wednesday": -46, "pentecost": 49,
    "whit monday": 50, "mothering sunday": -21,
}  # fmt: skip


_NTH_OF_MONTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}
_NTH_OF_MONTH.update({"final": -1, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5})


def norm_nth_weekday(match: Match, ctx: Context) -> Norm | None:
    """Normalise "the last Sunday in January", "the first Monday of October 2010"."""
    month = month_number(match["month"])
    if match["year"]:
        year = int(match["year"])
    elif ctx.anchor is None:
        return Norm("DATE", "XXXX-XX-XX")
    else:
        found = pick_year(ctx.anchor, month, None, open_direction(ctx, match))
        if found is None:
            return None
        year = found
    weekday = _weekday_number(match["weekday"])
    date = nth_weekday(year, month, weekday, _NTH_OF_MONTH[match["nth"].lower()])
    return Norm("DATE", date.isoformat()) if date.month == month else None  # no fifth one


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """Return the ``n``-th ``weekday`` (ISO, Monday = 1) of a month; ``n = -1``: the last;
    ``n = 0``: the one after the first Monday (the United States' Election Day)."""
    if n == 0:
        return nth_weekday(year, month, 1, 1) + dt.timedelta(days=(weekday - 1) % 7 or 7)
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def holiday_key(name: str) -> str:
    """Return the lookup key of a holiday's name: lower case, one space, no apostrophes
    or full stops ("St. Patrick's Day" -> "st patricks day")."""
    return " ".join(re.sub(r"['\u2019.]", "", name.lower()).split())


def holiday_date(name: str, year: int) -> dt.date | None:
    """Return the date of a named day in ``year`` (Easter by the Gregorian computus)."""
    key = holiday_key(name)
    if key in _FIXED_HOLIDAYS:
        return make_date(year, *_FIXED_HOLIDAYS[key])
    if key in _NTH_WEEKDAY_HOLIDAYS:
        return nth_weekday(year, *_NTH_WEEKDAY_HOLIDAYS[key])
    if key in _EASTER_OFFSETS:
        return _easter(year) + dt.timedelta(days=_EASTER_OFFSETS[key])
    return None


def _easter(year: int) -> dt.date:
    """Return Easter Sunday of a Gregorian year (the anonymous computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


# "a Christmas tree", "Easter eggs": things named after the day, no date.
_HOLIDAY_THING = re.compile(
    r"(?i)^['’]?\s+(?:trees?|cards?|carols?|puddings?|crackers?|decorations|lights|eggs?"
    r"|bunny|jumpers?|stockings?|bill|presents|gifts?|commodities|goods|products|shopping"
    r"|markets?|songs?|sales|spirit|party(?!\s+season)|parties|events?|cr[eè]ches?|messages?"
    r"|greetings|dinners?|lunch|meals?|menus?|music|album|films?|movies?|specials?|displays?"
    r"|hampers?)\b"
)
_GREETING_BEFORE = re.compile(r"(?i)\b(?:merry|happy)\s+$")  # "Merry Christmas": a wish


_FIRST_NAME_BEFORE = re.compile(
    r"\b(?!(?:Orthodox|Western|Eastern|Merry|Happy|Catholic|Last|Next|This|Good|On|In|At|By"
    r"|Before|After|Since|Until|For|From|Over|During|Through|Till|Of)\b)[A-Z][a-z]+\s+$"
)


_HOLIDAY_SEASON_AFTER = re.compile(
    r"(?i)^\s+(?:party\s+|shopping\s+|holiday\s+|festive\s+|travel\s+)?(?:season|period|rush)\b"
)
_IN_YEAR_AFTER = re.compile(r"^[^\S\n]+(?:in|of)[^\S\n]+(1[5-9]\d\d|20\d\d)\b(?![-/\w])")


def _year_after(ctx: Context, end: int) -> str | None:
    """The year written just after a day's name ("Christmas Eve in 2000"), if any."""
    found = _IN_YEAR_AFTER.match(ctx.after(end, 12))
    return found.group(1) if found else None


def norm_holiday(match: Match, ctx: Context) -> Norm | None:
    """Normalise "Christmas", "New Year's Eve", "Easter 2005" to their days."""
    name = match["name"]
    if (
        in_a_name(ctx, match.start(), match.end())
        or _HOLIDAY_THING.match(ctx.after(match.end()))
        or _GREETING_BEFORE.search(ctx.before(match.start(), 8))
    ):
        return None
    if ctx.before(match.start(), 1) in ('"', "\u201c") and ctx.after(match.end(), 1) in (
        '"',
        "\u201d",
    ):
        return None  # films such as "Domino" and "New Year's Day": a title
    if (
        " " not in name
        and _FIRST_NAME_BEFORE.search(ctx.before(match.start(), 20))
        and POSSESSIVE_AFTER.match(ctx.after(match.end(), 3))
    ):
        return None  # "Jermaine Easter's goal": a surname
    year = match["year"] or _year_after(ctx, match.end())
    if year:  # "Easter 2005", "Christmas Eve in 2000"
        date = holiday_date(name, int(year))
        return Norm("DATE", date.isoformat()) if date else None
    if ctx.anchor is None:
        fixed = _FIXED_HOLIDAYS.get(holiday_key(name))
        return Norm("DATE", f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}" if fixed else "XXXX-XX-XX")
    anchor = ctx.anchor
    days = [holiday_date(name, anchor.year + k) for k in (-1, 0, 1)]
    direction = open_direction(ctx, match)
    if _HOLIDAY_SEASON_AFTER.match(ctx.after(match.end(), 30)):
        direction = "nearest"  # "the streets were empty during the Christmas party season"
    best = closest_day([d for d in days if d is not None], anchor, direction)
    return Norm("DATE", best.isoformat()) if best else None


# Words that only a report of a game uses; two different ones make a text one, where a
# quarter or half without a year is a period of play.
_GAME_WORDS = re.compile(
    r"(?i)\b(?:half-?time|touchdowns?|rebounds?|quarterback|free throws?|field goals?"
    r"|goalkeeper|overtime|tip-?off|kick-?off|three-pointers?|point guard|striker|midfielder"
    r"|scored|scoring|goals?|innings|locker room|the buzzer|wickets?|batsm[ae]n|bowlers?"
    r"|(?:led|trailed|beat|won|lost|defeated|edged|routed|downed|drew|tied)"
    r"(?: [A-Z][\w-]*){0,3} \d{1,3}-\d{1,3}|(?:first|second) half \d{1,3}-\d{1,3}"
    r"|\d{1,3}-\d{1,3} (?:win|victory|defeat|draw|lead|loss|triumph|rout))\b"
)


@functools.lru_cache(maxsize=8)
def is_game_report(text: str) -> bool:
    """Whether ``text`` reads as a report of a game (two different words of play)."""
    found = {
        re.sub(r"[-\d\s]", "", m.group().lower()).rstrip("s") for m in _GAME_WORDS.finditer(text)
    }
    return len(found) >= 2

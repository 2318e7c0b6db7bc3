"""Words that name happenings, and the event kind each one signals.

The lists were written from the seed articles and read against the T17 development
topics (``benchmarks/links_candidates.py``); re-run ``benchmarks/links.py`` after
changing them.
"""

from __future__ import annotations

import re

EVENT_KINDS: tuple[str, ...] = (
    "visit",
    "summit",
    "talks",
    "agreement",
    "attack",
    "disaster",
    "election",
    "protest",
    "trial",
    "other",
)
"""The small open list of event kinds shared with the events stage."""

_TRIGGERS: dict[str, str] = {
    "visit": """visit visits visited visiting returned trip toured tour arrives arrived traveled
        travelled enter enters entered""",
    "summit": "summit summits",
    "talks": "talks negotiations met meeting meet meets conference",
    "agreement": "agreement agreed deal signed treaty accord ceasefire truce pact settlement",
    "attack": """attack attacks attacked bombing bombed bombings airstrikes strikes raid seized
        invaded invasion war killed shot clashes clashed capture captures captured fighting
        offensive shelling massacre""",
    "disaster": """earthquake quake tsunami explosion exploded blast spill leak flood floods
        hurricane outbreak sank collapsed fire crash pandemic epidemic blowout blew sinking""",
    "election": "election elections elected vote voted referendum poll",
    "protest": """protest protests protesters demonstration demonstrations rally uprising
        revolt marched revolution""",
    "trial": """trial convicted sentenced charged verdict arrested indicted acquitted inquest
        hearing""",
    "other": """announced declared died death resigned resignation launched began started
        ended confirmed approved passed imposed ordered fled ousted surrendered opened closed
        capped reported diagnosed recorded issued raised appointed stepped took won lost
        suspended failed released published begun interview disclosed sealed""",
}

KIND_OF: dict[str, str] = {
    "take control": "attack",
    "takes control": "attack",
    "took control": "attack",
    **{word: kind for kind, words in _TRIGGERS.items() for word in words.split()},
}
"""Trigger word (lower case) → event kind."""

TRIGGER_RE = re.compile(r"\b(" + "|".join(sorted(KIND_OF, key=len, reverse=True)) + r")\b", re.I)
"""Finds trigger words as whole words, case-insensitively."""

FUTURE_RE = re.compile(
    r"\b(will|would|shall|plans?|planned|planning|scheduled|expected|due|to be held|"
    r"agreed to|set to|is to|are to|going to|next)\b",
    re.I,
)
"""Cues that a clause speaks of a planned happening."""

HEDGE_RE = re.compile(
    r"\b(could|might|may|likely|possibly|forecast|forecasts|predicted|predicts|"
    r"hopes?|estimated?|if)\b",
    re.I,
)
"""Cues that a future clause is a guess rather than a plan ("could reach ... by Wednesday")."""

MODAL_RE = re.compile(r"\b(could|might|may)\s+(not\s+)?(be|have)\b", re.I)
"""A guess in a clause the tagger placed in the past ("the leak could be stopped in August")."""

LIMIT_RE = re.compile(r"\b(by|until|till|through|before|as of)\s+(the\s+)?$", re.I)
"""Words before a date that make it a limit or deadline, not the time of a happening."""

STOPWORDS = frozenset(
    """a an the and or but of in on at to for from by with as is are was were be been
    has have had it its this that these those he she they them his her their we our you
    i not no said says say will would could should may might can also after before over
    into about than then there which who whom what when where while more most other
    some such up out new one two three first last year years month months day days
    week weeks mr mrs ms lrb rrb""".split()
)
"""Words too common to tell one happening from another."""

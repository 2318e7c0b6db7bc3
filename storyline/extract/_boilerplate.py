"""Recognise lines that are page furniture rather than article text.

One vocabulary serves both paths: the plain-text line classifier labels these lines, and
the HTML path drops paragraphs that match them after trafilatura has done its work.  Each
rule has a name so a label can say why it was given.  The rules describe kinds of lines
(teasers, promotions, legal notices, photo credits), never one site's wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Boilerplate(StrEnum):
    """What kind of furniture a line is."""

    TEASER = "teaser"
    """A pointer to another article: "(Read more: …)", "Related: …"."""
    JUNK = "junk"
    """Navigation, promotion, legal notices, server errors, interface words."""
    PHOTO_CREDIT = "photo_credit"
    """Who took or supplied a picture: "Jane Doe | Getty Images", "Photo: AFP"."""


@dataclass(frozen=True, slots=True)
class Match:
    """Which rule recognised a line, and as what."""

    kind: Boilerplate
    rule: str


_TEASER = re.compile(
    r"^[(\[]?\s*(?:(?:read|see|watch|listen(?: to)?|also|more|related|recommended|"
    r"also read|read also|see also|don't miss|must read|leggi anche|lesen sie auch|"
    r"lire aussi|lea también|leia também)(?:\s+(?:more|also|on|here|this))?"
    r"(?:\s+(?:on|at|from)\s+[\w.-]+)?\s*[:|>\]-]|(?:read|see) more\b)",
    re.IGNORECASE,
)
_PROMO = re.compile(
    r"^(?:follow (?:us|@?\w+(?: \w+)?) on\b|follow us\b|sign up\b|subscribe\b|click here\b|"
    r"get the [\w' ]{0,40}(?:app|newsletter|updates)\b|download (?:the|our)\b|"
    r"share this\b|like this (?:story|article)\b|join (?:us|our)\b|"
    r"(?:watch|listen)(?: now| live)?\b(?!.*[.!?]\W*$))",
    re.IGNORECASE,
)
_NEWSLETTER = re.compile(r"\b(?:newsletters?|inbox|subscrib\w+)\b", re.IGNORECASE)
_LEGAL = re.compile(
    r"(?:^©|^\(c\)\s|^copyright\b|\ball rights reserved\b|"
    r"\bnot responsible for the content of external\b|"
    r"\bfor your personal,? non-commercial use only\b)",
    re.IGNORECASE,
)
_SERVER_ERROR = re.compile(
    r"^\[[^\]]*\b(?:error|directive|warning|exception)\b[^\]]*\]$", re.IGNORECASE
)
# Labels of buttons, menus and widgets that trafilatura or a text dump leaves behind.
_INTERFACE = frozenset(
    {
        "advertisement", "advertising", "ad", "comments", "comment", "tags", "tag",
        "share", "tweet", "print", "email", "menu", "close", "search", "skip to content",
        "back to top", "print article", "order reprints", "sponsored content",
        "more stories", "related stories", "related articles", "see also",
        "more on this story", "top stories", "most popular", "most read", "don't miss",
        "don’t miss", "thanks for signing up!", "thank you", "loading...", "explore further",
    }
)  # fmt: skip
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_NO_WORDS = re.compile(r"^[\W_]*$")

_CREDIT_WORDS = (
    r"getty|images|afp|reuters|ap|epa|efe|photo|photos|photograph|pictures?|press|"
    r"bloomberg|shutterstock|corbis|alamy|xinhua|kyodo|pool|staff|photographer|"
    r"newscom|sipa|anadolu|tass|ria novosti|dpa|ansa|imago|rex|pa"
)
_CREDIT_AFTER_BAR = re.compile(
    r"^[^|/]{2,70}\s[|/]\s(?:[\w.&'-]+\s){0,3}?(?:" + _CREDIT_WORDS + r")\b[^.!?]*$",
    re.IGNORECASE,
)
_CREDIT_PREFIX = re.compile(
    r"^[(\[]?\s*(?:photo(?:graph)?s?|image|picture|credit|source)s?\s*(?:by\b|:)"
    r"|^[(\[]?\s*(?:photo|image) credit\b",
    re.IGNORECASE,
)

# Photo credits are short; a longer line with a bar is more likely a headline list.
_CREDIT_MAX_CHARS = 90
# Promotions are a line or two; a long paragraph that opens with "Watch" is article text.
_PROMO_MAX_CHARS = 160


def match_boilerplate(line: str) -> Match | None:
    """Return which furniture rule ``line`` matches, or ``None`` for ordinary text.

    Example::

        assert match_boilerplate("(Read more: Talks resume)").kind is Boilerplate.TEASER
    """
    text = " ".join(line.split())
    if not text:
        return None
    lowered = text.lower()
    checks = (
        (_SERVER_ERROR.match(text) is not None, Boilerplate.JUNK, "server_error"),
        (_NO_WORDS.match(text) is not None, Boilerplate.JUNK, "no_words"),
        (_URL_ONLY.match(text) is not None, Boilerplate.JUNK, "bare_url"),
        (
            lowered.rstrip(":") in _INTERFACE,
            Boilerplate.JUNK,
            "interface_words",
        ),
        (_TEASER.match(text) is not None, Boilerplate.TEASER, "teaser"),
        (_is_promo(text), Boilerplate.JUNK, "promotion"),
        (_LEGAL.search(text) is not None and len(text) < 400, Boilerplate.JUNK, "legal"),
        (_is_photo_credit(text), Boilerplate.PHOTO_CREDIT, "photo_credit"),
    )
    for hit, kind, rule in checks:
        if hit:
            return Match(kind, rule)
    return None


def _is_promo(text: str) -> bool:
    if len(text) > _PROMO_MAX_CHARS:
        return False
    if _PROMO.match(text) is not None:
        return True
    # "Get the day's top headlines delivered to your inbox…": a call to sign up.
    return bool(_NEWSLETTER.search(text)) and bool(
        re.match(r"^(?:get|sign|subscribe|join|receive|want)\b", text, re.IGNORECASE)
    )


def _is_photo_credit(text: str) -> bool:
    if len(text) > _CREDIT_MAX_CHARS:
        return False
    return bool(_CREDIT_AFTER_BAR.match(text) or _CREDIT_PREFIX.match(text))

"""Roles stated in running text rather than in a title before a name.

Three patterns, each tied to a person of the same sentence:

* ``as <title> in <year>`` ("returned as prime minister in 2009") - the role held
  in that year, given to the sentence's first person;
* ``his/her [initial|first|second|last] [YYYY-YYYY] presidency`` (also premiership,
  chancellorship) - the role over those years, given to the sentence's first person;
* ``<person>, [the] [Japan's|Japanese] <title> [of <place>],`` - an apposition: the role
  at the article date, given to that person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from storyline.entities._cues import TITLES, parse_cue
from storyline.entities._gazetteer import Gazetteer
from storyline.entities._types import Mention

_TITLE_ALT = "|".join(
    sorted((r"\s+".join(re.escape(w) for w in t) for t in TITLES), key=len, reverse=True)
)
_AS_ROLE = re.compile(
    rf"\bas\s+(?:the\s+)?(?:(?P<place>[A-Z][\w.]*(?:'s)?)\s+)?(?P<title>(?i:{_TITLE_ALT}))"
    r"\s+(?:in|until|from)\s+(?P<year>1[89]\d\d|20\d\d)\b"
)
_TENURE = {
    "presidency": "president",
    "premiership": "prime minister",
    "chancellorship": "chancellor",
}
_TENURE_RE = re.compile(
    r"\b(?:his|her)\s+(?:(?:initial|first|second|third|last|previous|earlier)\s+)?"
    r"(?:(?P<from>1[89]\d\d|20\d\d)\s*[-–]\s*(?P<to>1[89]\d\d|20\d\d)\s+)?"
    r"(?P<noun>presidency|premiership|chancellorship)\b"
)
_APPOSITION = re.compile(
    r",\s+(?:the\s+|an?\s+)?(?P<cue>(?:[A-Z][\w.]*(?:'s)?\s+)?(?:[a-z]+\s+){0,2}?"
    rf"(?i:{_TITLE_ALT})(?:\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?)\s*[,.;]"
)
_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z\"“(])|\n")


@dataclass(frozen=True, slots=True)
class FoundRole:
    """A role found in running text: whose (mention index), what, when and where."""

    mention: int
    role: str
    date: str | None
    start: int
    end: int


def find_text_roles(
    text: str,
    mentions: Sequence[Mention],
    is_person: Sequence[bool],
    gazetteer: Gazetteer,
    date: str | None,
) -> Iterator[FoundRole]:
    """Yield the roles the text states outside title cues (see the module docstring)."""
    for match in _AS_ROLE.finditer(text):
        subject = _sentence_person(text, match.start(), mentions, is_person)
        if subject is None:
            continue
        words = ([match.group("place")] if match.group("place") else []) + match.group(
            "title"
        ).split()
        cue = parse_cue(words, gazetteer)
        if cue is not None and cue.role is not None:
            yield FoundRole(subject, cue.role, match.group("year"), match.start(), match.end())
    for match in _TENURE_RE.finditer(text):
        subject = _sentence_person(text, match.start(), mentions, is_person)
        if subject is None:
            continue
        years = match.group("from"), match.group("to")
        when = f"{years[0]}/{years[1]}" if years[0] else None
        role = _TENURE[match.group("noun")]
        yield FoundRole(subject, role, when, match.start(), match.end())
    yield from _appositions(text, mentions, is_person, gazetteer, date)


def _appositions(
    text: str,
    mentions: Sequence[Mention],
    is_person: Sequence[bool],
    gazetteer: Gazetteer,
    date: str | None,
) -> Iterator[FoundRole]:
    for index, mention in enumerate(mentions):
        if not is_person[index]:
            continue
        match = _APPOSITION.match(text, mention.end)
        if match is None:
            continue
        cue = parse_cue(match.group("cue").split(), gazetteer)
        if cue is not None and cue.role is not None:
            yield FoundRole(index, cue.role, date, mention.start, match.end("cue"))


def _sentence_person(
    text: str, position: int, mentions: Sequence[Mention], is_person: Sequence[bool]
) -> int | None:
    """Return the index of the first person mentioned in the sentence before ``position``."""
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, 0, position)]
    start = breaks[-1] if breaks else 0
    for index, mention in enumerate(mentions):
        if start <= mention.start < position and is_person[index]:
            return index
    return None

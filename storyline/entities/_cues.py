"""Reading title cues before a name: "Russian President", "Japan's prime minister", "Mr"."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.entities._gazetteer import Gazetteer
from storyline.entities._lexicon import HONORIFICS, NOT_CURRENT, TITLE_MAX_WORDS, TITLE_MODIFIERS
from storyline.entities._lexicon import TITLES as _TITLES

# Abbreviated or variant titles and the role they stand for.
_ROLE_SPELLING = {
    "sen": "senator",
    "gov": "governor",
    "gen": "general",
    "rep": "representative",
    "prof": "professor",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "sgt": "sergeant",
    "adm": "admiral",
    "pm": "prime minister",
    "ceo": "chief executive",
    "secretary-general": "secretary general",
    "vice-president": "vice president",
}
TITLES = _TITLES | {("pm",)}


@dataclass(frozen=True, slots=True)
class Cue:
    """A parsed title cue.

    Args:
        role: the role the cue gives ("prime minister of Japan"), or ``None`` for an
            honorific or a past role ("former President").
        person: whether the cue marks a person (a title or an honorific).
        country: the canonical place the role belongs to, when the cue names one.
        place: ``(first, last)`` word indexes (inclusive) of a place named in the cue,
            relative to the cue's first word, when the place is written as a name.
        demonym: ``(index, place)`` of a demonym in the cue, when there is one.
        past: whether the cue marks a past role ("former"), cancelling the role.
    """

    role: str | None
    person: bool
    country: str | None = None
    place: tuple[int, int] | None = None
    demonym: tuple[int, str] | None = None
    past: bool = False


@functools.lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Return ``word`` folded for cue lookups: lower case, no periods, no possessive."""
    word = word.casefold()
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    return word.replace(".", "")


def is_possessive(word: str) -> bool:
    """Tell whether ``word`` ends in a possessive "'s"."""
    return word.endswith(("'s", "’s"))


def parse_cue(words: Sequence[str], gazetteer: Gazetteer) -> Cue | None:
    """Parse ``words`` as a whole title cue, or return ``None``.

    The grammar: ``[place | demonym] [modifier]* (title [of place] | honorific)``, where
    the place may carry a possessive ("Japan's Prime Minister").
    """
    pos, country, place, demonym = _read_place(words, 0, gazetteer)
    modifiers: list[str] = []
    while pos < len(words) and fold(words[pos]) in TITLE_MODIFIERS:
        modifiers.append(fold(words[pos]))
        pos += 1
    if pos == len(words) - 1 and fold(words[pos]) in HONORIFICS and not modifiers:
        return Cue(None, True, country, place, demonym)
    length = _title_length(words, pos)
    if not length:
        return None
    title = " ".join(fold(w) for w in words[pos : pos + length])
    pos += length
    if pos < len(words) and words[pos] == "of":
        after, of_country, _, _ = _read_place(words, pos + 1, gazetteer)
        if of_country is None:
            return None
        pos, country = after, of_country
    if pos != len(words):
        return None
    role = _ROLE_SPELLING.get(title, title)
    if "deputy" in modifiers and not role.startswith("deputy"):
        role = f"deputy {role}"
    if country:
        role = f"{role} of {country}"
    current = not any(m in NOT_CURRENT for m in modifiers)
    return Cue(role if current else None, True, country, place, demonym)


def _title_length(words: Sequence[str], pos: int) -> int:
    """Return how many words from ``pos`` form the longest title, or 0."""
    for length in range(min(TITLE_MAX_WORDS, len(words) - pos), 0, -1):
        if tuple(fold(w) for w in words[pos : pos + length]) in TITLES:
            return length
    return 0


def _read_place(
    words: Sequence[str], pos: int, gazetteer: Gazetteer
) -> tuple[int, str | None, tuple[int, int] | None, tuple[int, str] | None]:
    """Read a place or demonym at ``pos``: (next pos, country, place span, demonym)."""
    for length in (3, 2, 1):
        if pos + length > len(words):
            continue
        chunk = " ".join(words[pos : pos + length])
        entry = gazetteer.lookup(chunk)
        if entry is not None and entry.kind in ("PLACE", "ORG"):
            return pos + length, entry.canonical, (pos, pos + length - 1), None
        place = gazetteer.demonym(chunk)
        if place is not None:
            return pos + length, place, None, (pos, place)
    return pos, None, None, None

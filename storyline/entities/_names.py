"""Personal names: given names, surnames and when two written names may be one person."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from storyline.entities._gazetteer import Gazetteer
from storyline.entities._lexicon import NAME_SUFFIXES, PARTICLES
from storyline.entities._text import normalize_key


def name_parts(words: Sequence[str]) -> tuple[tuple[str, ...], str]:
    """Split a personal name into folded given names and surname ("Jr" and the like dropped).

    Example:
        >>> name_parts(["Arcade", "Joseph", "Comeaux", "Jr"])
        (('arcade', 'joseph'), 'comeaux')
    """
    folded = [normalize_key(w) for w in words]
    while len(folded) > 1 and folded[-1] in NAME_SUFFIXES:
        folded.pop()
    return tuple(folded[:-1]), folded[-1] if folded else ""


def names_agree(a: Sequence[str], b: Sequence[str], gazetteer: Gazetteer) -> bool:
    """Tell whether two written names may name one person.

    A single word agrees with a name it ends (or, family name first, opens: see
    `family_first`).  Two fuller names need the same surname and given names that do
    not conflict: one side has none, they share one ("W. Mark Felt" ~ "Mark Felt"), or
    an initial matches ("G. Bush" ~ "George Bush"); "Laura Bush" and "George W. Bush"
    conflict, and so do middle names with other initials ("George H.W. Bush").
    """
    given_a, surname_a = name_parts(a)
    given_b, surname_b = name_parts(b)
    if not given_a or not given_b:
        single, other = (surname_a, b) if not given_a else (surname_b, a)
        words = [normalize_key(w) for w in other]
        if single == name_parts(other)[1]:
            return True
        return len(words) == 2 and single == words[0] and family_first(other, gazetteer)
    if surname_a != surname_b:
        return False
    if _middles_conflict(given_a, given_b, gazetteer):
        return False
    if set(given_a) & set(given_b):
        return True
    first_a, first_b = given_a[0], given_b[0]
    return first_a[:1] == first_b[:1] and min(len(first_a), len(first_b)) == 1


def _middles_conflict(given_a: Sequence[str], given_b: Sequence[str], gazetteer: Gazetteer) -> bool:
    """Tell whether one first name with other middle names are two people ("George W.
    Bush", "George H. W. Bush"); a first word that is no given name ("Coast Guard Adm.
    Thad Allen") tells nothing."""
    if len(given_a) < 2 or len(given_b) < 2 or given_a[0] != given_b[0]:
        return False
    if not gazetteer.is_given_name(given_a[0]):
        return False
    initials_a, initials_b = _middle_initials(given_a), _middle_initials(given_b)
    return not (initials_a.startswith(initials_b) or initials_b.startswith(initials_a))


def _middle_initials(given: Sequence[str]) -> str:
    """The initials of the folded middle names ("hw" of "H.W." is two)."""
    return "".join(word if len(word) <= 2 else word[0] for word in given[1:])


def surname_keys(words: Sequence[str], gazetteer: Gazetteer) -> tuple[str, ...]:
    """Return the keys a person is found under: the surname, and a family-first name.

    "Xi Jinping" is found under ``jinping`` and ``xi`` (see `family_first`); "Vladimir
    Putin" only under ``putin``.
    """
    given, surname = name_parts(words)
    if len(given) == 1 and family_first(words, gazetteer):
        return (surname, given[0])
    return (surname,)


# One syllable of Hanyu Pinyin without tones: an initial, then a final ("o" only after
# the lips' initials, as in "bo", "wo").
_PINYIN = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|iao|ian|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu"
    r"|ua|uo|ui|ue|er|a|e|i|u|v)|[bpmfw]?o)+"
)


def family_first(words: Sequence[str], gazetteer: Gazetteer) -> bool:
    """Tell whether a two-word name may be written family name first, as Chinese, Korean
    and Cambodian names are in news ("Xi Jinping", "Moon Jae-in", "Hun Sen"): its first
    word is no known given name and its second a Pinyin-like word or a hyphenated one.
    A flat text's run of a town and the next sentence's first word ("Zawiya Portions")
    is not, so the town alone is not taken for that "person"."""
    if len(words) != 2 or gazetteer.is_given_name(words[0]):
        return False
    if "-" in words[1]:
        return True
    return _PINYIN.fullmatch(normalize_key(words[1]).replace("'", "")) is not None


_VOWELS = frozenset("aeiouy")
_ALIKE = str.maketrans("qkc", "ggg")


@functools.lru_cache(maxsize=1 << 16)
def spelling_key(word: str) -> str:
    """Return a key that transliterations of one name share ("Gaddafi", "Gadhafi",
    "Qaddafi", "Kadhafi" → ``gadafa``; "Muammar", "Moammar" → ``mamar``).

    Each run of vowels counts as one ``a`` (the number of syllables stays: "Saif" is
    ``saf``, "Safia" ``safa``), ``h`` is dropped, ``q``, ``k`` and ``c`` sound as ``g``,
    and doubled letters count once.
    """
    kept: list[str] = []
    for letter in normalize_key(word).translate(_ALIKE):
        if letter == "h" or not letter.isalpha():
            continue
        letter = "a" if letter in _VOWELS else letter
        if not kept or letter != kept[-1]:
            kept.append(letter)
    return "".join(kept)


MIN_SPELLING_KEY = 4
"""Surnames whose `spelling_key` is shorter ("Khan", "Bush") are too alike to join."""


def spelling_index(words: Sequence[str]) -> str | None:
    """Return the key a person is found under in another transliteration: the
    `spelling_key` of the first given name and of the surname ("Muammar Gaddafi",
    "Moammar Gadhafi" → ``mr gdf``); ``None`` for a name without a given name or with a
    surname too short to tell people apart."""
    given, surname = name_parts(words)
    key = spelling_key(surname)
    if not given or len(key) < MIN_SPELLING_KEY:
        return None
    return f"{spelling_key(given[0])} {key}"


def spelled_alike(a: Sequence[str], b: Sequence[str]) -> bool:
    """Tell whether two names of several words are the same words spelled two ways,
    word by word, particles aside ("Moammar Gadhafi", "Muammar Qaddafi", "Moammar al
    Gadhafi"; not "George Bush" and "George W. Bush"), the surname's key long enough to
    tell people apart."""
    keys = _spelling_keys(a)
    if len(keys) < 2 or len(keys[-1]) < MIN_SPELLING_KEY:
        return False
    return keys == _spelling_keys(b)


def _spelling_keys(words: Sequence[str]) -> list[str]:
    return [spelling_key(word) for word in words if word.lower() not in PARTICLES]

"""Text helpers shared by the entities stage: keys, slugs, tokens and sentence starts."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# Words: initialisms with dots ("U.S.", "U.N."), then letter/digit runs joined by inner
# apostrophes or hyphens ("O'Brien", "Japan's", "Asia-Pacific", "G8").
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['’\-][^\W_]+)*")
_SPACES = re.compile(r"\s+")
_KEY_DROP = re.compile(r"[.\u2019'`\"]")
_KEY_SPACE = re.compile(r"[\s\-–—_/]+")
_SLUG_DROP = re.compile(r"[^a-z0-9-]+")
# British spellings folded into American ones in keys, so both spellings share a key.
_SPELLINGS = (
    ("isation", "ization"),
    ("centre", "center"),
    ("defence", "defense"),
    ("theatre", "theater"),
)
_SENTENCE_END = re.compile(r"[.!?:;]|\n")
# A quotation mark after a space (or the Treebank's ``), ending the gap: an opening one.
_QUOTE_OPENS = re.compile(r"(?:^|\s)(?:[\"“‘]|``)\s*$")
# The dash after a dateline's closing bracket ("(Reuters) - ", "-RRB- -- ").
_DATELINE_ENDS = re.compile(r"(?:\)|-RRB-)\s*(?:--?|[–—])\s*$")

# Abbreviations whose period does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st mt ft jr sr gen sen gov rep lt col capt sgt prof rev adm cmdr "
    "calif fla ga ill ind kan ky la md mass mich minn miss mo neb nev okla ore pa tenn "
    "va wash wis ariz ark colo conn no vs inc corp ltd co dept univ".split()
)


# Keys, folds and stems are memoised: names repeat across articles, and the hit rate
# made find_mentions about twice as fast on ECB+; 65,536 entries bound the memory.
@functools.lru_cache(maxsize=1 << 16)
def normalize_key(name: str) -> str:
    """Return the comparison key of a name: folded, unaccented, punctuation-light.

    Periods and apostrophes go ("U.S." → ``us``), a trailing possessive goes, hyphens
    become spaces, a leading "the" goes, and British "-isation" spellings meet American
    ones, so that spellings of one name share a key.

    Example:
        >>> normalize_key("the World Trade Organisation's")
        'world trade organization'
    """
    key = _fold_name(name)
    for british, american in _SPELLINGS:
        if british in key:
            key = key.replace(british, american)
    return key


def _fold_name(name: str) -> str:
    text = name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().strip()
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    text = _KEY_DROP.sub("", text)
    text = _KEY_SPACE.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def slugify(name: str) -> str:
    """Return a lowercase ASCII slug of ``name`` for use in ids ("vladimir-putin")."""
    slug = _SLUG_DROP.sub("-", _fold_name(name).replace(" ", "-"))
    return slug.strip("-") or "x"


def collapse_spaces(text: str) -> str:
    """Return ``text`` with every run of white space turned into one space."""
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class Tokens:
    """The word tokens of a text with their offsets and sentence starts.

    ``gaps[i]`` is the text between token ``i - 1`` and token ``i`` (``gaps[0]`` is the
    text before the first token); ``starts_sentence[i]`` tells whether token ``i`` opens
    a sentence or a line.
    """

    text: str
    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    gaps: tuple[str, ...]
    starts_sentence: tuple[bool, ...]

    def __len__(self) -> int:
        return len(self.words)


def tokenize(text: str) -> Tokens:
    """Split ``text`` into word tokens and mark the tokens that open a sentence."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    gaps: list[str] = []
    opens: list[bool] = []
    last_end = 0
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if _is_bracket_escape(text, match):
            continue  # left in the gap, which it closes as its bracket would
        gap = text[last_end:start]
        gaps.append(gap)
        # A single space, the commonest gap by far, never closes a sentence; an opening
        # quotation mark starts one (`said, "We have...`), as does a dateline's dash
        # ("ZINTAN, Libya (Reuters) -- Pushing Gaddafi's troops back ...").
        opens.append(
            not words
            or (
                gap != " "
                and (
                    _ends_sentence(words[-1], gap)
                    or bool(_QUOTE_OPENS.search(gap))
                    or bool(_DATELINE_ENDS.search(gap))
                )
            )
        )
        words.append(match.group())
        starts.append(start)
        ends.append(end)
        last_end = end
    return Tokens(text, tuple(words), tuple(starts), tuple(ends), tuple(gaps), tuple(opens))


def sentence_starts(text: str, start: int, end: int) -> int:
    """How many sentences `tokenize` starts in ``text[start:end]`` after the first."""
    return sum(tokenize(text[start:end]).starts_sentence[1:])


_BRACKET_ESCAPES = frozenset({"LRB", "RRB", "LSB", "RSB", "LCB", "RCB"})


def _is_bracket_escape(text: str, match: re.Match[str]) -> bool:
    """Whether ``match`` is a Penn Treebank bracket ("-LRB- Reuters -RRB-" in tokenised
    corpora), which names nothing."""
    start, end = match.span()
    return (
        match.group() in _BRACKET_ESCAPES
        and text[start - 1 : start] == "-"
        and text[end : end + 1] == "-"
    )


def _ends_sentence(previous: str, gap: str) -> bool:
    """Tell whether ``gap`` (after the word ``previous``) closes a sentence."""
    if "\n" in gap:
        return True
    if not _SENTENCE_END.search(gap):
        return False
    if gap.startswith(".") and not gap.startswith("..") and _is_abbreviation(previous):
        return bool(_SENTENCE_END.search(gap[1:]))
    return True


def _is_abbreviation(word: str) -> bool:
    """Tell whether a period after ``word`` is an abbreviation's, not a full stop."""
    if len(word) == 1 and word.isupper():
        return True  # an initial: "George W. Bush"
    return word.casefold() in _ABBREVIATIONS or word.endswith(".")


def is_joining_gap(previous: str, gap: str) -> bool:
    """Tell whether two capitalised words with ``gap`` between belong to one name."""
    if gap == " ":
        return True
    if gap == ". " and _is_abbreviation(previous):
        return True
    return gap.isspace() and "\n" not in gap and len(gap) <= 2


def is_capitalised(word: str) -> bool:
    """Tell whether ``word`` starts with an upper-case letter."""
    return word[:1].isupper()


def is_acronym(word: str) -> bool:
    """Tell whether ``word`` looks like an acronym ("WTO", "U.N.", "G8")."""
    letters = word.replace(".", "")
    if not 2 <= len(letters) <= 6 or not letters[:1].isupper():
        return False
    uppers = sum(1 for c in letters if c.isupper() or c.isdigit())
    return uppers == len(letters)


@functools.lru_cache(maxsize=1 << 16)
def crude_stem(word: str) -> str:
    """Return a rough stem of a lower-case word, so "agreeing" and "agreed" meet."""
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word.rstrip("e")

"""Terms and cheap name keys for clustering: tokenising, stop words, document frequencies."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, TypeVar

# Words are runs of letters, digits, apostrophes and hyphens; a term starts at the run's
# first letter.  Splitting on a byte table is more than twice as fast as a regex scan, and
# every other character (any non-ASCII one included) separates words as before.
_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789'-")
_SEPARATE = bytes(c if c in _WORD_BYTES else 0x20 for c in range(256))
_LEADING = "0123456789'-"
# A run of capitalised words.  The word boundary is checked after the first capital
# (no word character before it) rather than before: a pattern that starts with a
# character class lets the regex engine skip ahead to the next capital, twice as fast.
_NAME = re.compile(r"[A-Z](?<!\w[A-Z])[a-zA-Z'-]+(?:\s+(?:of\s+|de\s+)?[A-Z][a-zA-Z'-]+)*")

# Function words, reporting verbs and news boilerplate: they carry no topic.
STOP_WORDS = frozenset(
    """
    a about above after again against all almost also although always am among an and
    another any are around as at be became because become been before being below between
    both but by can could did do does doing done down during each either else even ever
    every few for from further had has have having he her here hers herself him himself
    his how however i if in into is it its itself just least less like made make many may
    me might more most much must my myself near neither never no nor not now of off often
    on once one only or other others our ours ourselves out over own per perhaps put
    rather said same say saying says see seen she should since so some still such than
    that the their theirs them themselves then there these they this those though through
    thus to too told under until up upon us very via was we well were what when where
    whether which while who whom whose why will with within without would yet you your
    yours yourself also get got go going gone new news year years day days time times
    week weeks month months today yesterday tomorrow monday tuesday wednesday thursday
    friday saturday sunday according people reuters report reported reports reporting
    told tell two three four five six seven eight nine ten first second last next n't lrb
    rrb lsb rsb lcb rcb mr mrs ms dr cnn bbc ap afp copyright rights reserved click read
    more photo image video follow twitter facebook share email print updated
    """.split()
)

# Capitalised words that begin sentences or headlines without naming anything.
_NAME_STOP = frozenset(
    """
    The A An In On At For But And Or If As It Its He She They We I You His Her Their Our
    Then So Also Yet Still Now Meanwhile However Although Though Because Later Earlier
    This That These Those There Here When While After Before Since During Mr Mrs Ms Dr
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Read More Photo Updated
    """.split()
)


def normalize_term(word: str) -> str:
    """Return the clustering form of one lower-case word (a light plural strip)."""
    word = word.strip("'-")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word


_CACHE_LIMIT = 200_000
"""Entries in each of the word -> term and run -> name caches before it is cleared, which
bounds its memory (about 30 MB) on an endless stream."""

# Word -> term, and capitalised run -> name key ("" for one that is dropped), shared by
# every call: news vocabulary repeats, so most words of an article were seen before.
_TERMS: dict[str, str] = {}
_NAMES: dict[str, str] = {}


def _count_mapped(
    items: list[str], known: dict[str, str], make: Callable[[str], str]
) -> Counter[str]:
    """Count ``items`` by their form in ``known`` (filled by ``make`` for new ones);
    items whose form is "" are not counted."""
    unseen = set(items).difference(known)
    if unseen:
        if len(known) + len(unseen) > _CACHE_LIMIT:
            known.clear()
            unseen = set(items)
        for item in unseen:
            known[item] = make(item)
    # Every item is known now: map and count them in C.
    counts = Counter(map(known.__getitem__, items))
    counts.pop("", None)
    return counts


_Row = TypeVar("_Row", bound=tuple[Any, ...])
_Key = TypeVar("_Key", bound=str)


def heaviest_first(rows: Iterable[_Row]) -> list[_Row]:
    """Sort ``(key, weight, ...)`` rows by weight, heaviest first, ties by key.

    Two sorts in C rather than one with a Python key function: by key first (keys are
    distinct), then a stable sort by weight.
    """
    ranked = sorted(rows)
    ranked.sort(key=itemgetter(1), reverse=True)
    return ranked


def heaviest_keys(weights: Mapping[_Key, float], count: int | None = None) -> list[_Key]:
    """The keys of ``weights``, heaviest first, ties by key; the first ``count`` of them.

    Like `heaviest_first` on the items, without building and comparing tuples.  When
    ``count`` is far below the number of keys (the candidates among thousands of voted
    stories), only the keys weighing at least the ``count``-th heaviest are sorted.
    """
    keys: Iterable[_Key] = weights
    if count is not None and len(weights) > 8 * count > 0:
        floor = sorted(weights.values(), reverse=True)[count - 1]
        keys = [key for key, weight in weights.items() if weight >= floor]
    ranked = sorted(keys)
    ranked.sort(key=weights.__getitem__, reverse=True)  # stable, reversed or not
    return ranked if count is None else ranked[:count]


def _term_of(run: str) -> str:
    # Stripped of its hyphens and quotes before the stop words are looked up: the
    # Treebank bracket "-LRB-" is the stop word "lrb".
    word = run.lstrip(_LEADING).rstrip("'-")
    if len(word) < 3 or word in STOP_WORDS:
        return ""
    term = normalize_term(word)
    return term if len(term) >= 3 else ""


def count_terms(text: str) -> Counter[str]:
    """Count the content terms of ``text`` (lower-cased, stop words dropped)."""
    runs = text.lower().encode("ascii", "replace").translate(_SEPARATE).decode("ascii").split()
    return _count_mapped(runs, _TERMS, _term_of)


def name_keys(text: str, limit: int = 24) -> tuple[str, ...]:
    """Return normalised capitalised names of ``text``, most frequent first.

    A cheap stand-in for the entity stage when no entity ids are given: runs of
    capitalised words, lower-cased, with sentence-start function words dropped.
    """
    return tuple(heaviest_keys(_count_mapped(_NAME.findall(text), _NAMES, _name_of), limit))


def _name_of(run: str) -> str:
    # "LRB- Reuters" from the Treebank's "-LRB- Reuters -RRB-": the bracket is no name.
    words = [w for w in run.split() if not (w.endswith("-") and w.strip("-").lower() in STOP_WORDS)]
    while words and words[0] in _NAME_STOP:
        words = words[1:]
    key = " ".join(words).lower()
    return key if len(key) >= 3 and key not in STOP_WORDS else ""


@dataclass(slots=True)
class Vocabulary:
    """Document frequencies of terms, learnt from a sample of articles.

    `article_signal` uses it to keep an article's most distinctive terms (by TF-IDF)
    rather than its most frequent ones.
    """

    documents: int = 0
    frequencies: dict[str, int] = field(default_factory=dict)

    def add(self, terms: Iterable[str]) -> None:
        """Count one document whose distinct terms are ``terms``."""
        self.documents += 1
        for term in set(terms):
            self.frequencies[term] = self.frequencies.get(term, 0) + 1

    def idf(self, term: str) -> float:
        """Return the smoothed inverse document frequency of ``term``."""
        return math.log((1 + self.documents) / (1 + self.frequencies.get(term, 0))) + 1.0

    @classmethod
    def from_counts(cls, documents: int, frequencies: Mapping[str, int]) -> Vocabulary:
        """Build a vocabulary from stored counts."""
        return cls(documents, dict(frequencies))

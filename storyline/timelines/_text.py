"""Words, weights and sparse vectors for sentence selection.

Vectors are plain ``dict[str, float]`` maps (sparse by construction), so a centroid or a
cosine costs time in the number of distinct words, never in the vocabulary size.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

# Function words and news boilerplate that say nothing about a happening.  Written for
# this module; kept short on purpose: tf-idf already weighs down what is left.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself no nor not now of off on
    once only or other our ours out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would
    you your yours said says say told tell according year years month months week weeks
    day days new one two three first last mr mrs ms lrb rrb lsb rsb s t us
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    """.split()
)


def words(text: str) -> list[str]:
    """Return the lower-cased content words of ``text`` (stopwords and digits dropped)."""
    return [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS and not w.isdigit()]


def idf_weights(documents: Iterable[Iterable[str]]) -> dict[str, float]:
    """Return smoothed inverse document frequencies over word collections."""
    frequency: Counter[str] = Counter()
    total = 0
    for document in documents:
        frequency.update(set(document))
        total += 1
    return {w: math.log((1 + total) / (1 + n)) + 1.0 for w, n in frequency.items()}


def vector(tokens: Iterable[str], idf: Mapping[str, float]) -> dict[str, float]:
    """Return the L2-normalised tf-idf vector of ``tokens``."""
    counts = Counter(tokens)
    weights = {w: (1.0 + math.log(n)) * idf.get(w, 1.0) for w, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in weights.values()))
    if norm == 0.0:
        return {}
    return {w: v / norm for w, v in weights.items()}


def centroid(vectors: Iterable[Mapping[str, float]]) -> dict[str, float]:
    """Return the L2-normalised mean of sparse vectors."""
    total: dict[str, float] = {}
    for item in vectors:
        for w, v in item.items():
            total[w] = total.get(w, 0.0) + v
    norm = math.sqrt(sum(v * v for v in total.values()))
    if norm == 0.0:
        return {}
    return {w: v / norm for w, v in total.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Return the dot product of two normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())

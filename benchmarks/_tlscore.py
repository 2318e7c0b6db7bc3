"""Timeline scores: date F1 and alignment-based ROUGE-1/2 F1 (AR-1, AR-2).

The protocol of Gholipour Ghalandari & Ifrim (ACL 2020) scores a system timeline
against a reference with

- **date F1**: the days the two timelines share, against the days of each;
- **AR-n** (alignment-based ROUGE of Martschat & Markert, 2017/2018, many-to-one):
  every system day is aligned to the reference day that costs least, the cost adding
  the date distance cost ``1 - 1/(|days apart| + 1)`` and the content cost
  ``1 - ROUGE-1 F1`` of the two days' texts; n-gram matches of an aligned pair count
  with the weight ``1/(|days apart| + 1)``.  Precision divides the weighted matches by
  the system's n-grams, recall by the reference's.

Texts are lower-cased and split into letter/digit tokens; nothing is stemmed and no
stopword is removed.  Written for this project from the published descriptions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

_TOKEN = re.compile(r"[a-z0-9]+")

Dated = Mapping[str, Sequence[str]]
"""A timeline as ``{"YYYY-MM-DD": [summary sentences]}``."""


@dataclass(frozen=True, slots=True)
class Scores:
    """Date F1 and alignment-based ROUGE-1/2 F1 of one system timeline."""

    date_f1: float
    ar1: float
    ar2: float


def _f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def date_f1(system: Sequence[str], reference: Sequence[str]) -> float:
    """Return the F1 of the system's days against the reference days."""
    ours, theirs = set(system), set(reference)
    if not ours or not theirs:
        return 0.0
    shared = len(ours & theirs)
    return _f1(shared / len(ours), shared / len(theirs))


def ngrams(text: str, n: int) -> Counter[tuple[str, ...]]:
    """Return the n-gram counts of a text (lower-cased letter/digit tokens)."""
    tokens = _TOKEN.findall(text.lower())
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _overlap(a: Counter[tuple[str, ...]], b: Counter[tuple[str, ...]]) -> int:
    if len(a) > len(b):
        a, b = b, a
    return sum(min(n, b[g]) for g, n in a.items() if g in b)


def _closeness(a: str, b: str) -> float:
    days = abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)
    return 1.0 / (days + 1)


def align(system: Dated, reference: Dated) -> dict[str, str]:
    """Map each system day to its least-cost reference day (many-to-one)."""
    unigrams_ref = {d: ngrams(" ".join(t), 1) for d, t in reference.items()}
    out: dict[str, str] = {}
    for day, texts in system.items():
        ours = ngrams(" ".join(texts), 1)
        best, best_cost = "", float("inf")
        for ref_day, theirs in unigrams_ref.items():
            match = _overlap(ours, theirs)
            total_ours, total_theirs = sum(ours.values()), sum(theirs.values())
            content = _f1(
                match / total_ours if total_ours else 0.0,
                match / total_theirs if total_theirs else 0.0,
            )
            cost = (1.0 - _closeness(day, ref_day)) + (1.0 - content)
            if cost < best_cost or (cost == best_cost and ref_day < best):
                best, best_cost = ref_day, cost
        if best:
            out[day] = best
    return out


def alignment_rouge(system: Dated, reference: Dated, n: int) -> float:
    """Return the many-to-one alignment-based ROUGE-n F1."""
    if not system or not reference:
        return 0.0
    links = align(system, reference)
    ours = {d: ngrams(" ".join(t), n) for d, t in system.items()}
    theirs = {d: ngrams(" ".join(t), n) for d, t in reference.items()}
    matched = sum(
        _closeness(day, ref_day) * _overlap(ours[day], theirs[ref_day])
        for day, ref_day in links.items()
    )
    total_ours = sum(sum(c.values()) for c in ours.values())
    total_theirs = sum(sum(c.values()) for c in theirs.values())
    if not total_ours or not total_theirs:
        return 0.0
    return _f1(matched / total_ours, matched / total_theirs)


def score(system: Dated, reference: Dated) -> Scores:
    """Return date F1, AR-1 and AR-2 of a system timeline against a reference."""
    return Scores(
        date_f1=date_f1(list(system), list(reference)),
        ar1=alignment_rouge(system, reference, 1),
        ar2=alignment_rouge(system, reference, 2),
    )

"""The end of a clustering run: small events of undated reports placed again, and events
that hold two happenings of one kind divided.

An undated report is compared, when it comes, with the events of that moment; one that
came before most reports of its happening found none of them, and stays alone.  At the
end of a run each small event whose reports have no day is taken apart and its reports
placed again among the larger events as they stand (`EventClusterer.reconsider`).

The online clusterer compares each article with whole events, so two happenings told in
the same words (two hosts named for one awards show, two coaches fired by one club,
two pirate attacks foiled by one navy) can run together when time cannot keep them apart:
undated reports, or reports whose dates are too coarse.  Seen from inside such an event,
the words every article shares weigh nothing and the ones that tell the happenings apart
weigh most, so its articles are compared again with weights learnt from the event alone
(term and name frequencies within it), grouped in two by average linkage, and the event
is divided when each group is large enough and has a name of its own: one that many of
its articles give and none of the other group's does.  Each part is examined again.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from storyline.events._cluster import EventClusterer
from storyline.events._signal import Signal


@dataclass(frozen=True, slots=True)
class DivideConfig:
    """Settings of `divide_event`.

    Chosen on the ECB+ *train* topics after the shipped `ClusterConfig`
    (``benchmarks/clustering.py --part ecb --tune-division``), where the online pass
    left one event holding both happenings of a topic, and early undated reports of a
    happening alone: train B3 F1 0.851 -> 0.927 (0.911 by division alone).

    Args:
        fragment_size: an event of undated reports with at most this many articles
            (copies aside) is placed again at the end of a run, its reports joining
            only an event larger than it was (two lone reports that agree in words, such
            as the example corpus's undated reports of the 2018 Singapore talks and of
            the 2020 constitution, are left apart).  On the ECB+ train topics 4 scores
            best (B3 F1 0.911 -> 0.927); 0 turns it off.
        min_part: the fewest articles each part must keep (syndicated copies aside).
        leading_share: the share of a part's articles that must give its own name.
        name_weight: the weight of shared names against shared words when comparing
            two articles within the event.
        max_articles: events with more articles are left whole: the comparison costs the
            square of their number in memory, and an event that large grew from many
            reports over days that time already keeps apart from others.
    """

    fragment_size: int = 4
    min_part: int = 7
    leading_share: float = 0.4
    name_weight: float = 0.7
    max_articles: int = 400


def finish_run(
    clusterer: EventClusterer,
    members: Mapping[str, Sequence[Signal]],
    touched: Collection[str],
    stored: Collection[str] = (),
    config: DivideConfig | None = None,
) -> dict[str, list[Signal]]:
    """Place small events of undated reports again, then divide the events holding two
    happenings; return the events whose articles changed (id -> signals, an event left
    with none as an empty list).

    ``members`` gives the articles of every event ``clusterer`` holds that a change may
    reach (those of this run and those it restored); ``touched`` the events that gained
    articles in this run: they, and those that gain now, are examined.  Events of
    ``stored`` (the archive's, which links and stories may name) are never taken apart
    to be placed again, so none of them is left empty.
    """
    config = config or DivideConfig()
    before = {event_id: list(signals) for event_id, signals in members.items()}
    for event_id in sorted(set(touched) - set(stored)):
        signals = before.get(event_id, ())
        originals = sum(1 for s in signals if not s.duplicate_of)
        undated = all(not (s.event_time or s.published) for s in signals)
        if 0 < originals <= config.fragment_size and undated:
            clusterer.reconsider(event_id, signals)
    after: dict[str, list[Signal]] = {event_id: [] for event_id in before}
    for signals in before.values():
        for signal in signals:
            found = clusterer.event_of(signal.article_id)
            after.setdefault(found or "", []).append(signal)
    after.pop("", None)
    changed = {e for e, signals in after.items() if _ids(signals) != _ids(before.get(e, ()))}
    for event_id in sorted(changed | (set(touched) & after.keys())):
        parts = divide_event(after[event_id], config)
        if len(parts) > 1:
            new_ids = clusterer.divide(event_id, parts)
            after.update(zip(new_ids, parts, strict=True))
            changed.update(new_ids)
    return {event_id: after[event_id] for event_id in sorted(changed)}


def _ids(signals: Sequence[Signal]) -> set[str]:
    return {s.article_id for s in signals}


def divide_event(
    signals: Sequence[Signal], config: DivideConfig | None = None
) -> list[list[Signal]]:
    """Return the parts of one event's articles: one part when it reports one happening.

    The result does not depend on the order of ``signals``; a syndicated copy goes with
    its original when the event holds it.
    """
    config = config or DivideConfig()
    ordered = sorted(signals, key=lambda s: s.article_id)
    by_id = {s.article_id: s for s in ordered}
    originals = [s for s in ordered if not (s.duplicate_of and s.duplicate_of in by_id)]
    parts = _divide(originals, config)
    if len(parts) == 1:
        return [list(ordered)]
    part_of = {s.article_id: i for i, part in enumerate(parts) for s in part}
    for signal in ordered:
        if signal.article_id not in part_of:
            parts[part_of.get(_root(signal, by_id), 0)].append(signal)
    return [sorted(part, key=lambda s: s.article_id) for part in parts]


def _root(signal: Signal, by_id: Mapping[str, Signal]) -> str:
    """The original that ``signal`` is a copy of (following copies of copies)."""
    seen = {signal.article_id}
    while (original := by_id.get(signal.duplicate_of or "")) and original.article_id not in seen:
        signal = original
        seen.add(signal.article_id)
    return signal.article_id


def _divide(signals: list[Signal], config: DivideConfig) -> list[list[Signal]]:
    count = len(signals)
    if count < 2 * config.min_part or count > config.max_articles:
        return [signals]
    labels = average_linkage(_local_similarity(signals, config.name_weight), clusters=2)
    first = [s for s, label in zip(signals, labels, strict=True) if label == labels[0]]
    second = [s for s, label in zip(signals, labels, strict=True) if label != labels[0]]
    if min(len(first), len(second)) < config.min_part:
        return [signals]
    share = config.leading_share
    if not (_own_name(first, second, share) and _own_name(second, first, share)):
        return [signals]
    return _divide(first, config) + _divide(second, config)


def _own_name(side: Sequence[Signal], other: Sequence[Signal], share: float) -> bool:
    """Whether at least ``share`` of ``side`` gives a name no article of ``other`` does."""
    given = Counter(e for s in side for e in set(s.entities))
    elsewhere = {e for s in other for e in s.entities}
    need = share * len(side)
    return any(n >= need and e not in elsewhere for e, n in given.items())


def _local_similarity(signals: Sequence[Signal], name_weight: float) -> npt.NDArray[np.float64]:
    """Cosines of the articles' terms and of their names, weighted by their IDF within
    the event (a key every article has, or only one, weighs nothing), mixed."""
    words = _unit_rows(signals, lambda s: dict(s.terms))
    names = _unit_rows(signals, lambda s: dict.fromkeys(s.entities, 1.0))
    mixed: npt.NDArray[np.float64] = (1 - name_weight) * (words @ words.T) + name_weight * (
        names @ names.T
    )
    return mixed


def _unit_rows(
    signals: Sequence[Signal], weights: Callable[[Signal], dict[str, float]]
) -> npt.NDArray[np.float64]:
    rows = [weights(s) for s in signals]
    count = len(rows)
    df = Counter(key for row in rows for key in row)
    column = {key: i for i, key in enumerate(k for k, n in df.items() if 1 < n < count)}
    matrix = np.zeros((count, max(1, len(column))))
    for i, row in enumerate(rows):
        for key, weight in row.items():
            j = column.get(key)
            if j is not None:
                matrix[i, j] = weight * math.log(count / df[key])
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    unit: npt.NDArray[np.float64] = matrix / np.where(norms > 0, norms, 1.0)
    return unit


def average_linkage(
    similarity: npt.ArrayLike, least: float = -math.inf, clusters: int = 1
) -> list[int]:
    """Group items by average linkage: merge the two most similar groups (mean pairwise
    similarity) while that mean is at least ``least`` and more than ``clusters`` groups
    are left.  Returns each item's group label; ties go to the lowest indices."""
    matrix = np.array(similarity, dtype=float)
    np.fill_diagonal(matrix, -np.inf)
    size = np.ones(len(matrix))
    label = np.arange(len(matrix))
    left = len(matrix)
    while left > clusters and np.max(matrix) >= least:
        left -= 1
        i, j = np.unravel_index(int(np.argmax(matrix)), matrix.shape)
        merged = (matrix[i] * size[i] + matrix[j] * size[j]) / (size[i] + size[j])
        matrix[i], matrix[:, i] = merged, merged
        matrix[i, i] = -np.inf
        matrix[j], matrix[:, j] = -np.inf, -np.inf
        size[i] += size[j]
        label[label == j] = i
    return [int(x) for x in label]

"""Stable ids across rebuilds, user corrections, and `Story` records."""

from __future__ import annotations

import hashlib
import logging
import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.model import Event, Granularity, Story, StoryChange

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Correction:
    """A user's merge or split of stories, kept and re-applied after every rebuild.

    Args:
        action: ``merge`` (every event of ``stories[1:]`` into ``stories[0]``) or
            ``split`` (``events`` out of ``stories[0]`` into a story of their own,
            named ``stories[1]`` when given).
        stories: the stories involved.
        events: for a split, the events that leave; for a merge, the events the merged
            stories held (used when their ids changed).
        at: when the user made it (ISO datetime).
    """

    action: str
    stories: tuple[str, ...]
    events: tuple[str, ...] = ()
    at: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready mapping."""
        return {
            "action": self.action,
            "stories": list(self.stories),
            "events": list(self.events),
            "at": self.at,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Correction:
        """Rebuild a `Correction` from `to_dict` output."""
        return cls(
            action=str(data["action"]),
            stories=tuple(data.get("stories", ())),
            events=tuple(data.get("events", ())),
            at=str(data.get("at", "")),
        )


def _hashed(prefix: str, seed: str) -> str:
    return prefix + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:12]


def stable_ids(
    previous: Mapping[str, Collection[str]], clusters: Sequence[Collection[str]], *, prefix: str
) -> list[str]:
    """Name new clusters after the previous clusters they overlap most.

    Pairs are taken greedily by overlap (largest first, ties by cluster order then id),
    one-to-one; a cluster matching no previous one gets an id hashed from its smallest
    member, so the same input always gives the same ids.

    Args:
        previous: previous id → its members.
        clusters: the new clusters' members.
        prefix: the start of new ids (``ev-``, ``st-``).

    Returns:
        One id per cluster, in order.

    Example:
        >>> stable_ids({"st-a": {"1", "2"}}, [{"3"}, {"1", "2", "4"}], prefix="st-")[1]
        'st-a'
    """
    owner = {member: old for old, members in previous.items() for member in members}
    pairs: list[tuple[int, int, str]] = []
    for index, members in enumerate(clusters):
        overlap = Counter(owner[m] for m in members if m in owner)
        pairs.extend((-count, index, old) for old, count in overlap.items())
    pairs.sort()
    names: list[str | None] = [None] * len(clusters)
    taken: set[str] = set()
    for _, index, old in pairs:
        if names[index] is None and old not in taken:
            names[index] = old
            taken.add(old)
    used = set(previous) | taken
    result: list[str] = []
    for index, members in enumerate(clusters):
        name = names[index]
        if name is None:
            seed = min(members) if members else str(index)
            name = _hashed(prefix, seed)
            bump = 1
            while name in used:
                name = _hashed(prefix, f"{seed}#{bump}")
                bump += 1
            used.add(name)
        result.append(name)
    return result


def apply_corrections(
    assignments: Mapping[str, str], corrections: Sequence[Correction]
) -> tuple[dict[str, str], dict[str, list[StoryChange]]]:
    """Re-apply the user's merges and splits, in order, to an event → story map.

    A correction naming stories that no longer exist falls back on its events' current
    stories; one that matches nothing is skipped (and logged).

    Returns:
        The corrected event → story map and, per story, the changes the user made.
    """
    mapping = dict(assignments)
    history: dict[str, list[StoryChange]] = defaultdict(list)
    for correction in corrections:
        if correction.action == "merge":
            _merge(mapping, correction, history)
        elif correction.action == "split":
            _split(mapping, correction, history)
        else:
            logger.warning("unknown story correction %r skipped", correction.action)
    return mapping, dict(history)


def _members(mapping: Mapping[str, str]) -> dict[str, list[str]]:
    members: dict[str, list[str]] = defaultdict(list)
    for event, story in mapping.items():
        members[story].append(event)
    return members


def _merge(
    mapping: dict[str, str], correction: Correction, history: dict[str, list[StoryChange]]
) -> None:
    members = _members(mapping)
    stories = [s for s in correction.stories if s in members]
    stories += [mapping[e] for e in correction.events if e in mapping and mapping[e] not in stories]
    if len(stories) < 2:
        logger.info("story merge %s matches nothing now; skipped", correction.stories)
        return
    target, others = stories[0], stories[1:]
    moved = sorted(e for s in others for e in members[s])
    for event in moved:
        mapping[event] = target
    history[target].append(
        StoryChange("merged", correction.at, "user", tuple(others), tuple(moved))
    )


def _split(
    mapping: dict[str, str], correction: Correction, history: dict[str, list[StoryChange]]
) -> None:
    source = correction.stories[0] if correction.stories else None
    moving = sorted(
        e for e in correction.events if e in mapping and (source is None or mapping[e] == source)
    )
    if not moving:
        moving = sorted(e for e in correction.events if e in mapping)
    if not moving:
        logger.info("story split of %s matches nothing now; skipped", correction.stories)
        return
    origin = mapping[moving[0]]
    new = correction.stories[1] if len(correction.stories) > 1 else None
    new = new or _hashed("st-", "split:" + "|".join(moving))
    for event in moving:
        mapping[event] = new
    history[new].append(StoryChange("split", correction.at, "user", (origin,), tuple(moving)))
    history[origin].append(StoryChange("split", correction.at, "user", (new,), tuple(moving)))


def build_story(
    story_id: str, events: Sequence[Event], *, history: Iterable[StoryChange] = ()
) -> Story:
    """Build the `Story` record of ``events``: title, span, articles and entities.

    The title is the title of the reported event that shares most of the story's core
    entities (then most articles, then earliest); the span runs from the earliest to the
    latest event time, counting the happenings its articles only recall when known to
    the year or better, no later than a year after its last report ("the 7th century",
    "40 years from now" are no part of a war's span) and recalled by enough of its
    reports (`RECALL_SHARE`).
    """
    ordered = sorted(events, key=lambda e: (_start(e) or "9999", e.id))
    spanned = _spanned(ordered)
    starts = [s for e in spanned if (s := _start(e)) is not None]
    ends = [e.time.latest for e in spanned if e.time is not None]
    entity_counts: Counter[str] = Counter(
        x for e in ordered for x in dict.fromkeys((*e.who, *e.where))
    )
    entities = [x for x, _ in sorted(entity_counts.items(), key=lambda kv: (-kv[1], kv[0]))][:20]
    articles = sorted({a for e in ordered for a in e.articles})
    # The title names the thread: the reported event sharing most of the story's core
    # entities, then the one with most articles, then the earliest.
    core = set(entities[:8])
    reported = [e for e in ordered if not e.mentioned_only] or ordered
    lead = min(
        reported,
        key=lambda e: (
            -len(core & {*e.who, *e.where}),
            -len(e.articles),
            _start(e) or "9999",
            e.id,
        ),
        default=None,
    )
    return Story(
        id=story_id,
        title=lead.title if lead else "(empty story)",
        events=tuple(e.id for e in ordered),
        start=min(starts) if starts else None,
        end=max(ends) if ends else None,
        articles=tuple(articles),
        entities=tuple(entities),
        history=tuple(history),
    )


_VAGUE = frozenset({Granularity.CENTURY, Granularity.DECADE})

RECALL_SHARE = 0.01
"""The share of a story's reports that must recall a happening for it to count in the
story's span: any one of a few reports, more of a large story's (an aside of one
report among a thousand, "the Titanic's 1912 sinking", is not its history)."""


def _spanned(events: Sequence[Event]) -> list[Event]:
    """The events a story's span covers (see `build_story`)."""
    reported = [e for e in events if not e.mentioned_only]
    last = max((e.time.latest for e in reported if e.time is not None), default=None)
    horizon = _year_after(last) if last else None
    reports = len({a for e in reported for a in e.articles})
    readers = max(1, math.ceil(reports * RECALL_SHARE))

    def covered(event: Event) -> bool:
        if not event.mentioned_only or event.time is None:
            return True
        if event.time.granularity in _VAGUE or len(set(event.mentioned_by)) < readers:
            return False
        return horizon is None or event.time.earliest <= horizon

    return [e for e in events if covered(e)]


def _year_after(day: str) -> str:
    """The ISO day a year after ``day`` (its first ten characters)."""
    return f"{int(day[:4]) + 1:04d}{day[4:10]}"


def _start(event: Event) -> str | None:
    return event.time.earliest if event.time is not None else None

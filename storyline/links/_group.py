"""One mentioned-only event per happening, however many articles mention it.

`resolve_mentions` gives a mention without coverage an event keyed by its kind, time and
participants, so "the 1956 declaration" mentioned by ten articles naming different
people would become ten events.  `group_mentioned` joins mentioned-only events at the
same time value whose kinds agree and that share participants or words, and points
their links at the joined event.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence

from storyline.links._resolve import MEETINGS, content_words
from storyline.model import Event, MentionLink

MIN_SHARED = 2
"""Participants or content words two mentions must share to name one happening; one
shared name ("Japan") is too common in a story to tell happenings apart."""


def _kinds_agree(a: str, b: str) -> bool:
    return a == b or "other" in (a, b) or (a in MEETINGS and b in MEETINGS)


def _same_happening(a: Event, a_words: frozenset[str], b: Event, b_words: frozenset[str]) -> bool:
    if not _kinds_agree(a.kind, b.kind):
        return False
    words = a_words & b_words
    if not words:
        return False
    people = set((*a.who, *a.where)) & set((*b.who, *b.where))
    return len(people) + len(words) >= MIN_SHARED


def _words(event: Event) -> frozenset[str]:
    return content_words(" ".join(e.text for e in event.evidence) or event.title)


def _joined_words(
    head: Event, head_words: frozenset[str], other: Event, other_words: frozenset[str]
) -> frozenset[str]:
    """`_words` of ``_join(head, other)``, from the words of each side."""
    if not other.evidence:
        return head_words
    return head_words | other_words if head.evidence else other_words


def group_mentioned(
    links: Sequence[MentionLink], events: Sequence[Event]
) -> tuple[list[MentionLink], list[Event]]:
    """Join mentioned-only events that name one happening; retarget their links.

    Returns:
        The links (same order) and the joined events; the id of a group is the
        smallest id among its events, so the result does not depend on input order.
    """
    by_time: dict[str, list[Event]] = defaultdict(list)
    for event in sorted(events, key=lambda e: e.id):
        by_time[event.time.value if event.time else ""].append(event)
    owner: dict[str, str] = {}
    joined: dict[str, Event] = {}
    # The words of each joined event, kept as it grows rather than re-read from its
    # evidence at every comparison (that made grouping quadratic in the evidence).
    words: dict[str, frozenset[str]] = {}
    for group in by_time.values():
        heads: list[str] = []
        for event in group:
            mine = _words(event)
            head = next(
                (h for h in heads if _same_happening(joined[h], words[h], event, mine)), None
            )
            if head is None:
                heads.append(event.id)
                joined[event.id] = event
                words[event.id] = mine
                owner[event.id] = event.id
                continue
            owner[event.id] = head
            words[head] = _joined_words(joined[head], words[head], event, mine)
            joined[head] = _join(joined[head], event)
    moved = [
        dataclasses.replace(link, event=owner[link.event]) if link.event in owner else link
        for link in links
    ]
    return moved, list(joined.values())


def _join(head: Event, other: Event) -> Event:
    return dataclasses.replace(
        head,
        who=tuple(dict.fromkeys((*head.who, *other.who))),
        where=tuple(dict.fromkeys((*head.where, *other.where))),
        mentioned_by=tuple(dict.fromkeys((*head.mentioned_by, *other.mentioned_by))),
        evidence=(*head.evidence, *other.evidence),
    )

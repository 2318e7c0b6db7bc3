"""Value objects of the time stage that are not (yet) part of `storyline.model`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SentenceSource = Literal["own", "previous", "anchor"]
"""Where a sentence's time came from: its own time expression, the sentence before, or
the publication date."""

Tense = Literal["past", "present", "future"]
"""The grammatical time a sentence or clause speaks in."""

KnownKind = Literal["event", "coverage"]
"""What a `KnownDate` records: a happening, or dated coverage in the archive."""


@dataclass(frozen=True, slots=True)
class SentenceTime:
    """The time a sentence speaks about.

    Args:
        start: offset of the sentence's first character in the text.
        end: offset just past the sentence's last character.
        time: a TIMEX3 value (``2014-02-08``, ``2013-04``, ``2014-FA``), or ``None``
            when nothing dates the sentence.
        source: ``"own"`` when one of the sentence's time expressions gives the time,
            ``"previous"`` when it carries over from the sentence before (a narrative
            goes on in the same time), ``"anchor"`` when it is the publication date.
        tense: the tense of the sentence's main verbs.
    """

    start: int
    end: int
    time: str | None
    source: SentenceSource
    tense: Tense


@dataclass(frozen=True, slots=True)
class KnownDate:
    """A dated fact from the archive that an undated text may refer to.

    A later stage builds these from dated events ("the Winter Olympics in Sochi",
    2014-02-07..2014-02-23) so that `infer_published` can date an article that speaks of
    the event, and re-runs inference as the archive grows.

    Args:
        keywords: words or phrases naming the fact; each is matched case-insensitively
            as a whole phrase, and ``min_matches`` of them must occur in the text.
        earliest: first day of the fact, ``YYYY-MM-DD``.
        latest: last day of the fact, ``YYYY-MM-DD`` (inclusive).
        article_id: the archive article the date comes from, when there is one.
        min_matches: how many distinct keywords must occur for the fact to count.
        ongoing: whether the text speaks of the fact as happening while it was written
            (so the article lies inside the interval, not after it).
        label: a short human-readable name used in evidence and logs.
        kind: ``"event"`` for a happening the text speaks of (strong evidence);
            ``"coverage"`` for dated archive coverage that shares the text's words
            (the article most likely appeared near its middle; weaker evidence).
    """

    keywords: tuple[str, ...]
    earliest: str
    latest: str
    article_id: str | None = None
    min_matches: int = 2
    ongoing: bool = True
    label: str = ""
    kind: KnownKind = "event"

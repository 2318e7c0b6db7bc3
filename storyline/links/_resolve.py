"""Resolve event mentions to the archive's events, or create mentioned-only events."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, replace

from storyline.links._lexicon import STOPWORDS
from storyline.links._timepoint import interval_of, overlaps
from storyline.model import Event, EventMention, Evidence, MentionLink, TimePoint

logger = logging.getLogger(__name__)

MIN_SCORE = 0.6
"""Least score for a link to an archive event.  Time compatibility alone gives 0.35, so a
link also needs agreement in kind, participants or words; chosen on the T17 development
labels (``benchmarks/links.py``), re-run it after changing."""

WEIGHTS = {"time": 0.35, "kind": 0.15, "participants": 0.25, "words": 0.25}
"""Share of each kind of agreement in a link's score (summing to 1)."""

MEETINGS = frozenset({"visit", "summit", "talks", "agreement"})
"""Kinds that name sides of one diplomatic happening; they agree with each other."""

MONTH_SPAN = 24
"""Events spanning at most this many months are indexed by month, longer ones by year."""

SPECIFICITY = 13
"""A mention more than this many times longer than a candidate event (a month against a
two-day event) gets only half the time credit: its time alone cannot single the event
out.  13 lets a year-level mention meet a month-level event in full (the seed link)."""

YEAR_SPAN = 30
"""Events spanning more years are kept in one short unblocked list."""

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


def content_words(text: str) -> frozenset[str]:
    """Return the lower-cased words of ``text`` that can tell happenings apart."""
    return frozenset(
        w
        for w in (m[0].lower().strip("'-") for m in _WORD.finditer(text))
        if len(w) > 2 and w not in STOPWORDS
    )


def _months(first: dt.date, last: dt.date) -> Iterator[tuple[int, int]]:
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _span_months(first: dt.date, last: dt.date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month + 1


@dataclass(frozen=True, slots=True)
class _Entry:
    event: Event
    participants: frozenset[str]
    words: frozenset[str]
    days: int


class EventIndex:
    """The archive's events, blocked by month or year so that lookups never scan them all.

    Example:
        >>> index = EventIndex()
        >>> index.add(event, participants=("vladimir putin", "japan"), text="Putin visits Japan")
        >>> index.candidates(mention)  # events whose time overlaps the mention's
    """

    def __init__(self) -> None:
        """Create an empty index."""
        self._by_month: dict[tuple[int, int], list[_Entry]] = defaultdict(list)
        self._by_year: dict[int, list[_Entry]] = defaultdict(list)
        self._wide: list[_Entry] = []
        self._size = 0

    def __len__(self) -> int:
        """Return the number of indexed events."""
        return self._size

    def add(self, event: Event, *, participants: Collection[str] = (), text: str = "") -> None:
        """Index ``event`` (events without a time cannot be linked and are ignored).

        Args:
            event: the event; its ``who`` and ``where`` count as participants too.
            participants: more participant ids or keys (entity keys of its articles).
            text: words describing it (title, lead sentences) for word agreement.
        """
        span = interval_of(event.time) if event.time else None
        if span is None:
            return
        entry = _Entry(
            event,
            frozenset((*participants, *event.who, *event.where)),
            content_words(f"{event.title} {text}"),
            (span[1] - span[0]).days + 1,
        )
        first, last = span
        if _span_months(first, last) <= MONTH_SPAN:
            for key in _months(first, last):
                self._by_month[key].append(entry)
        elif last.year - first.year < YEAR_SPAN:
            for year in range(first.year, last.year + 1):
                self._by_year[year].append(entry)
        else:
            self._wide.append(entry)
        self._size += 1

    def _entries(self, time: TimePoint) -> Iterator[_Entry]:
        span = interval_of(time)
        if span is None:
            return
        first, last = span
        # A mention longer than the month blocks ("in the 1990s") is too coarse to single
        # out a month-long event, so only year-blocked and wide events are looked at.
        monthly = _span_months(first, last) <= MONTH_SPAN
        for year in range(first.year, min(last.year, first.year + 10 * YEAR_SPAN) + 1):
            yield from self._by_year.get(year, ())
            if monthly:
                for month in range(1, 13):
                    yield from self._by_month.get((year, month), ())
        yield from self._wide

    def entries(self, mention: EventMention) -> list[_Entry]:
        """Return the indexed entries whose time overlaps the mention's, each once."""
        seen: set[str] = set()
        found: list[_Entry] = []
        for entry in self._entries(mention.time):
            event = entry.event
            if event.id in seen or event.time is None or not overlaps(event.time, mention.time):
                continue
            seen.add(event.id)
            found.append(entry)
        return found

    def candidates(self, mention: EventMention) -> list[Event]:
        """Return the events whose time overlaps the mention's time, in index order."""
        return [entry.event for entry in self.entries(mention)]


def _score(
    mention: EventMention, entry: _Entry, words: frozenset[str], mention_days: int
) -> tuple[float, list[str]]:
    event_time = entry.event.time.value if entry.event.time else ""
    reasons = [f"time {mention.time.value} overlaps {event_time}"]
    score = WEIGHTS["time"]
    if mention_days > SPECIFICITY * entry.days:
        score -= WEIGHTS["time"] / 2
        reasons.append("mention much coarser than event")
    kind = entry.event.kind
    if kind == mention.kind and kind != "other":
        score += WEIGHTS["kind"]
        reasons.append(f"same kind {kind}")
    elif kind in MEETINGS and mention.kind in MEETINGS:
        # A visit, its talks and the agreement they reach are reported as one happening,
        # and which of them a report's words stress is a matter of style.
        score += WEIGHTS["kind"]
        reasons.append(f"related kinds {mention.kind}/{kind}")
    elif "other" in (kind, mention.kind):
        score += WEIGHTS["kind"] / 3
    if mention.participants:
        shared = entry.participants.intersection(mention.participants)
        share = len(shared) / len(set(mention.participants))
        score += WEIGHTS["participants"] * share
        if shared:
            reasons.append("participants " + ", ".join(sorted(shared)))
    if words:
        common = words & entry.words
        # Four shared content words already make a strong match on short sentences.
        score += WEIGHTS["words"] * min(1.0, len(common) / min(4, len(words)))
        if common:
            reasons.append("words " + ", ".join(sorted(common)[:6]))
    return score, reasons


def _best(mention: EventMention, index: EventIndex) -> tuple[Event, float, list[str]] | None:
    words = content_words(mention.text)
    span = interval_of(mention.time)
    days = (span[1] - span[0]).days + 1 if span else 1
    best: tuple[Event, float, list[str]] | None = None
    for entry in index.entries(mention):
        if mention.article_id in entry.event.articles:
            continue
        score, reasons = _score(mention, entry, words, days)
        if best is None or score > best[1]:
            best = (entry.event, score, reasons)
    return best


def _mentioned_id(mention: EventMention) -> str:
    # Mentions with participants share an event across articles; without them, kind and
    # time alone ("other", "2005") would merge unrelated happenings, so the span decides.
    identity = mention.participants or (mention.article_id, str(mention.start), mention.trigger)
    key = "|".join((mention.kind, mention.time.value, *sorted(identity)[:3]))
    return "m" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]


def mentioned_event(mention: EventMention) -> Event:
    """The mentioned-only event a mention with no coverage gets (before grouping)."""
    title = mention.text if len(mention.text) <= 120 else mention.text[:117].rstrip() + "…"
    return Event(
        id=_mentioned_id(mention),
        title=title,
        time=mention.time,
        kind=mention.kind,
        where=(mention.place,) if mention.place else (),
        who=mention.participants,
        mentioned_by=(mention.article_id,),
        mentioned_only=True,
        evidence=(Evidence(mention.text, mention.start, mention.end, mention.article_id),),
    )


def _link(mention: EventMention, event: Event, score: float, reasons: list[str]) -> MentionLink:
    return MentionLink(
        article_id=mention.article_id,
        start=mention.start,
        end=mention.end,
        text=mention.text,
        event=event.id,
        articles=event.articles,
        score=score,
        kind="mention",
        time=mention.time,
        reasons=("planned" if mention.tense == "future" else "past", *reasons),
    )


def resolve_mentions(
    mentions: Sequence[EventMention], index: EventIndex, *, min_score: float = MIN_SCORE
) -> tuple[tuple[MentionLink, ...], tuple[Event, ...]]:
    """Link each mention to its best archive event, or to a new mentioned-only event.

    A candidate must overlap the mention in time and must not be an event the mentioning
    article itself reports; it scores for the time, the same kind, shared participants
    and shared words.  Mentions with no candidate at ``min_score`` get a mentioned-only
    event whose id depends only on kind, time and participants, so that two articles
    mentioning the same happening share it.

    Returns:
        The links (one per mention, in order) and the mentioned-only events created.
    """
    links: list[MentionLink] = []
    created: dict[str, Event] = {}
    for mention in mentions:
        best = _best(mention, index)
        if best is not None and best[1] >= min_score:
            links.append(_link(mention, *best))
            continue
        event = mentioned_event(mention)
        if event.id in created:
            known = created[event.id]
            if mention.article_id not in known.mentioned_by:
                event = replace(
                    known,
                    mentioned_by=(*known.mentioned_by, mention.article_id),
                    evidence=(*known.evidence, *event.evidence),
                )
            else:
                event = known
        created[event.id] = event
        near = [f"best archive candidate scored {best[1]:.2f}"] if best else []
        links.append(_link(mention, event, 0.0, ["mentioned only", *near]))
    return tuple(links), tuple(created.values())

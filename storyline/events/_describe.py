"""`describe_event`: turn a cluster of articles into an `Event` record."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date

from storyline.events._signal import Signal, parse_day
from storyline.model import Article, Event, Evidence, Granularity, Provenance, TimePoint, Timex

# The small open list of event kinds, each with the word stems that name it.  The list
# follows the brief's vocabulary; the cue words were read off the demo corpus and T17.
KIND_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("summit", ("summit",)),
    ("agreement", ("agree", "accord", "treaty", "deal", "sign", "declaration", "pact")),
    ("talks", ("talk", "negotiat", "meet", "met with")),
    ("visit", ("visit", "arrive", "trip", "tour", "lands on", "landed")),
    ("attack", ("attack", "bomb", "shoot", "shot", "kill", "strike", "raid", "assault")),
    (
        "disaster",
        (
            "quake",
            "earthquake",
            "flood",
            "fire",
            "spill",
            "storm",
            "hurricane",
            "tsunami",
            "eclipse",
            "crash",
            "collapse",
            "rescue",
            "outbreak",
        ),
    ),
    ("election", ("election", "vote", "ballot", "poll", "referendum", "elected")),
    ("protest", ("protest", "demonstrat", "rally", "riot", "uprising")),
    ("trial", ("trial", "court", "verdict", "sentenced", "convicted", "charged", "lawsuit")),
)
KINDS = (*(kind for kind, _ in KIND_CUES), "other")
_PLACE_KINDS = frozenset({"place", "location", "loc", "gpe", "country", "city", "region"})


def describe_event(
    event_id: str,
    articles: Sequence[Article],
    signals: Sequence[Signal],
    *,
    timexes: Mapping[str, Sequence[Timex]] | None = None,
    entity_kinds: Mapping[str, str] | None = None,
) -> Event:
    """Build the `Event` record of one cluster.

    Args:
        event_id: the event's id (from `EventClusterer`).
        articles: the event's articles.
        signals: their signals (matched by article id).
        timexes: time expressions per article id (unused when signals carry times).
        entity_kinds: entity id → kind (``place``, ``person``, ``organisation``…), to
            split ``where`` from ``who``; unknown kinds go to ``who``.

    Returns:
        The event with a representative title, an agreed time, a kind, where, who, its
        articles (syndicated copies included) and the days they were published between.
    """
    del timexes  # the signals already carry each article's event day
    kinds = entity_kinds or {}
    originals = [s for s in signals if not s.duplicate_of] or list(signals)
    title, evidence = _title(articles, originals)
    counts: Counter[str] = Counter(e for s in originals for e in s.entities)
    need = max(1, len(originals) // 3)
    # Ties go to the entity its articles mention most (signals list those first).
    rank: dict[str, int] = {}
    for signal in originals:
        for position, entity in enumerate(signal.entities):
            rank[entity] = min(rank.get(entity, position), position)
    order = sorted(counts.items(), key=lambda kv: (-kv[1], rank[kv[0]], kv[0]))
    core = [e for e, n in order if n >= need][:12]
    where = tuple(e for e in core if kinds.get(e, "").lower() in _PLACE_KINDS)
    who = tuple(e for e in core if e not in where)
    ids = sorted({a.id for a in articles} | {s.article_id for s in signals})
    days = sorted(s.published for s in signals if s.published)
    return Event(
        id=event_id,
        title=title,
        time=agreed_time(originals),
        kind=event_kind([a.title or "" for a in articles] + [_lead(a) for a in articles]),
        where=where,
        who=who,
        articles=tuple(ids),
        evidence=evidence,
        reported=(days[0], days[-1]) if days else None,
    )


def _lead(article: Article) -> str:
    return article.paragraphs[0] if article.paragraphs else ""


def _title(
    articles: Sequence[Article], signals: Sequence[Signal]
) -> tuple[str, tuple[Evidence, ...]]:
    """Pick the headline whose terms the cluster shares most; else a lead sentence."""
    mass: dict[str, float] = {}
    for signal in signals:
        for term, weight in signal.terms:
            mass[term] = mass.get(term, 0.0) + weight
    best: tuple[float, str, str] | None = None
    for article in sorted(articles, key=lambda a: a.id):
        if not article.title:
            continue
        words = re.findall(r"[a-z][a-z0-9'-]+", article.title.lower())
        score = sum(mass.get(w, 0.0) for w in words) / (1 + len(words)) ** 0.5
        if best is None or score > best[0]:
            best = (score, article.title, article.id)
    if best is not None:
        return best[1], (Evidence(best[1], 0, len(best[1]), best[2], "title"),)
    for article in sorted(articles, key=lambda a: a.id):
        lead = _lead(article)
        if lead:
            sentence = re.split(r"(?<=[.!?])\s", lead, maxsplit=1)[0][:200]
            return sentence, (Evidence(sentence, 0, len(sentence), article.id, "body"),)
    return "(untitled event)", ()


def agreed_time(signals: Sequence[Signal]) -> TimePoint | None:
    """Return the event day most of ``signals`` agree on, as a `TimePoint`."""
    days = Counter(s.event_time for s in signals if s.event_time and parse_day(s.event_time))
    if not days:
        return None
    value, votes = max(days.items(), key=lambda kv: (kv[1], _neg(kv[0])))
    explicit = any(s.event_time == value and s.event_time != s.published for s in signals)
    return TimePoint(
        value=value,
        earliest=value,
        latest=value,
        granularity=Granularity.DAY,
        provenance=Provenance.EXPLICIT if explicit else Provenance.METADATA,
        confidence=round(votes / sum(days.values()), 3),
    )


def _neg(day: str | None) -> int:
    parsed = parse_day(day)
    return -(parsed or date.min).toordinal()


def event_kind(texts: Sequence[str]) -> str:
    """Return the kind whose cue words occur most in ``texts`` (headlines count double)."""
    scores: Counter[str] = Counter()
    half = len(texts) // 2
    for index, text in enumerate(texts):
        lowered = text.lower()
        weight = 2 if index < half else 1
        for kind, cues in KIND_CUES:
            if any(cue in lowered for cue in cues):
                scores[kind] += weight
    if not scores:
        return "other"
    order = {kind: i for i, kind in enumerate(KINDS)}
    return max(scores.items(), key=lambda kv: (kv[1], -order[kv[0]]))[0]


_COARSE = frozenset({Granularity.CENTURY, Granularity.DECADE, Granularity.YEAR})


def most_mentioned(events: Sequence[Event], count: int) -> list[Event]:
    """``events`` without the mentioned-only ones past the ``count`` that most articles
    mention (ties to the earlier in ``events``); the rest keep their order.  A story's
    articles may recall hundreds of happenings, most of them once.  Happenings known to a
    season or finer come first: one known only to its year gathers every recollection of
    that year that names the same participants ("in 2009" beside "BP"), happening or not."""

    def rank(event: Event) -> tuple[bool, int]:
        coarse = event.time is None or event.time.granularity in _COARSE
        return coarse, -len(event.mentioned_by)

    recalled = [e for e in events if e.mentioned_only]
    ranked = sorted(recalled, key=rank)
    kept = {e.id for e in ranked[:count]}
    return [e for e in events if not e.mentioned_only or e.id in kept]

"""The storyline data model: frozen value objects for the vocabulary of DESIGN.md.

Every stage takes these objects and returns new ones; nothing here does I/O or holds a
database handle.  A new fact is a new object (``dataclasses.replace``), never an object
filled in step by step.

Dates are carried as ISO 8601 strings so that values of any granularity ("2005",
"2014-02", "2014-FA", "2005-11-20T05:36:00+00:00") share one representation and survive
JSON, SQLite and Spark unchanged.  ``earliest``/``latest`` are always full calendar dates
(``YYYY-MM-DD``, both inclusive) so intervals can be compared as strings.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Provenance(StrEnum):
    """How a date was obtained."""

    EXPLICIT = "explicit"
    """Written in the article text itself (a dateline, a "Last Updated" line)."""
    METADATA = "metadata"
    """Taken from markup or record metadata (meta tags, feed dates, JSONL fields)."""
    INFERRED = "inferred"
    """Reasoned from indirect clues (tense, mentioned years, related coverage)."""
    USER = "user"
    """Set by hand (``storyline`` date corrections); kept through every rebuild."""


class Granularity(StrEnum):
    """The precision a `TimePoint` is known to."""

    CENTURY = "century"
    DECADE = "decade"
    YEAR = "year"
    SEASON = "season"
    QUARTER = "quarter"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    TIME = "time"


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of text that supports a derived fact.

    ``start``/``end`` are character offsets into ``text_of`` (``"body"`` for the article's
    paragraphs joined by blank lines, ``"raw"`` for the decoded document text, ``"title"``,
    ``"caption:N"`` for the article's N-th caption, or ``"related"`` for an entry of
    ``Article.related``, whose index is then both offsets)
    of the article ``article_id`` (``None`` while the article has no id yet).
    """

    text: str
    start: int
    end: int
    article_id: str | None = None
    text_of: str = "body"

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready mapping."""
        return dataclasses.asdict(self)


LIKELY_DAY_SPAN = 7
"""The widest inferred interval (in days) whose most likely day still counts as the day."""


@dataclass(frozen=True, slots=True)
class TimePoint:
    """A date or interval with its granularity, provenance and confidence.

    ``value`` is a TIMEX3-style value (``2005-11-20``, ``2014-02``, ``2014-FA``) or an ISO
    datetime; ``earliest`` and ``latest`` bound it as inclusive calendar dates.
    """

    value: str
    earliest: str
    latest: str
    granularity: Granularity
    provenance: Provenance
    confidence: float = 1.0
    evidence: tuple[Evidence, ...] = ()

    def likely_day(self) -> str | None:
        """The day (``YYYY-MM-DD``) this point most likely names, when it is that precise.

        A point known to the day gives it; an inferred one gives its most likely day
        only when its interval is shorter than `LIKELY_DAY_SPAN` days (within a week,
        "on Saturday" resolves the same for almost every day of it).  A wide interval
        with a most likely day (an undated article placed near a happening it recalls)
        gives ``None``: that day is a guess, not a date to count from or cluster by.
        """
        exact = self.earliest == self.latest
        value = self.earliest if exact and len(self.value) < 10 else self.value
        try:
            low = dt.date.fromisoformat(self.earliest[:10])
            high = dt.date.fromisoformat(self.latest[:10])
            day = dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
        return day.isoformat() if (high - low).days < LIKELY_DAY_SPAN else None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of the command-line contract."""
        return {
            "value": self.value,
            "earliest": self.earliest,
            "latest": self.latest,
            "granularity": self.granularity.value,
            "provenance": self.provenance.value,
            "confidence": round(self.confidence, 3),
            "evidence": [e.to_dict() for e in self.evidence],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimePoint:
        """Rebuild a `TimePoint` from `to_dict` output."""
        return cls(
            value=data["value"],
            earliest=data["earliest"],
            latest=data["latest"],
            granularity=Granularity(data.get("granularity", "day")),
            provenance=Provenance(data["provenance"]),
            confidence=float(data.get("confidence", 1.0)),
            evidence=tuple(Evidence(**e) for e in data.get("evidence", ())),
        )


@dataclass(frozen=True, slots=True)
class Document:
    """One raw record from a source, exactly as read.

    Args:
        uri: where the record lives: a file path, ``archive.zip!member.html``, ``-``.
        record: the record's position inside ``uri``: a byte offset for WARC records,
            a 1-based line number for JSONL, an entry index for feeds, 0 for whole files.
        content: the raw bytes (HTML, text, or an already-clean body for JSONL).
        content_type: a MIME type, sniffed from the content where possible.
        url: the web address of the page, when the source names it.
        fetched: when the page was fetched (ISO datetime), when known.
        charset: the declared or detected character set, when known.
        hints: metadata the source carries beside the content (``title``, ``published``,
            ``author``, ``language``, ``section``) as sorted ``(key, value)`` pairs.
    """

    uri: str
    record: int
    content: bytes
    content_type: str
    url: str | None = None
    fetched: str | None = None
    charset: str | None = None
    hints: tuple[tuple[str, str], ...] = ()

    def hint(self, key: str) -> str | None:
        """Return the metadata hint ``key``, or ``None``."""
        for name, value in self.hints:
            if name == key:
                return value
        return None


@dataclass(frozen=True, slots=True)
class Source:
    """Where one copy of an article was found."""

    uri: str
    record: int
    url: str | None = None
    fetched: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready mapping."""
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class RelatedLink:
    """A link to related coverage found in an article (headline, date, address)."""

    title: str
    date: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready mapping."""
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class Heading:
    """A sub-heading inside the body, placed before paragraph number ``before``."""

    text: str
    before: int

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready mapping."""
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class Article:
    """The clean text of one document and what extraction learned about it.

    ``id`` is empty until the store assigns one (from the normalised body, so that exact
    duplicates share it).  ``duplicate_of`` names the first article of a group of near
    duplicates (syndicated copies), so later stages can count independent sources.
    """

    title: str | None
    paragraphs: tuple[str, ...]
    id: str = ""
    captions: tuple[str, ...] = ()
    headings: tuple[Heading, ...] = ()
    byline: str | None = None
    section: str | None = None
    language: str | None = None
    url: str | None = None
    published: TimePoint | None = None
    related: tuple[RelatedLink, ...] = ()
    sources: tuple[Source, ...] = ()
    duplicate_of: str | None = None
    document_id: str = ""

    @property
    def body(self) -> str:
        """Return the paragraphs joined by blank lines (the text evidence offsets use)."""
        return "\n\n".join(self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of ``storyline articles --json``."""
        return {
            "id": self.id,
            "title": self.title,
            "section": self.section,
            "byline": self.byline,
            "language": self.language,
            "url": self.url,
            "published": self.published.to_dict() if self.published else None,
            "paragraphs": list(self.paragraphs),
            "captions": list(self.captions),
            "headings": [h.to_dict() for h in self.headings],
            "related": [r.to_dict() for r in self.related],
            "sources": [s.to_dict() for s in self.sources],
            "duplicate_of": self.duplicate_of,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an `Article` from `to_dict` output."""
        published = data.get("published")
        return cls(
            id=data.get("id", ""),
            title=data.get("title"),
            paragraphs=tuple(data.get("paragraphs", ())),
            captions=tuple(data.get("captions", ())),
            headings=tuple(Heading(**h) for h in data.get("headings", ())),
            byline=data.get("byline"),
            section=data.get("section"),
            language=data.get("language"),
            url=data.get("url"),
            published=TimePoint.from_dict(published) if published else None,
            related=tuple(RelatedLink(**r) for r in data.get("related", ())),
            sources=tuple(Source(**s) for s in data.get("sources", ())),
            duplicate_of=data.get("duplicate_of"),
            document_id=data.get("document_id", ""),
        )


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression normalised to TIMEX3.

    ``type`` is one of DATE, TIME, DURATION, SET; ``value`` a TIMEX3 value (``2014-02-08``,
    ``2014-FA``, ``P13M``, ``PAST_REF``, ``XXXX-11-20`` when no anchor was known); ``mod``
    one of TIMEX3's modifiers (``EARLY``, ``LATE``, ``APPROX``…) or ``None``; ``start`` and
    ``end`` are character offsets into the tagged text.
    """

    text: str
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready mapping."""
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class IngestReport:
    """Counts and problems from one ingest run."""

    documents: int = 0
    articles_new: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0
    problems: tuple[str, ...] = field(default=())
    """Records that could not be read or extracted: file, record and reason."""
    notices: tuple[str, ...] = field(default=())
    """Records read fine that held no article text (index pages, empty shells)."""


def _time_or_none(data: dict[str, Any] | None) -> TimePoint | None:
    return TimePoint.from_dict(data) if data else None


def _evidence_tuple(items: Any) -> tuple[Evidence, ...]:
    return tuple(Evidence(**e) for e in items or ())


def _reported(value: Any) -> tuple[str, str] | None:
    """The ``reported`` days of an event's stored JSON (absent from stores made before)."""
    if isinstance(value, dict) and value.get("first") and value.get("last"):
        return str(value["first"]), str(value["last"])
    return None


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world happening and the articles that report it.

    ``kind`` comes from a small open list (``visit``, ``summit``, ``talks``, ``agreement``,
    ``attack``, ``disaster``, ``election``…, ``other`` when unsure); ``where`` and ``who``
    are entity ids.  ``mentioned_only`` events have no coverage of their own: they exist
    because later articles refer to them, and ``mentioned_by`` names those articles.
    ``reported`` is the first and last day its articles were published (``None`` when
    none is known to the day): a happening covered for months shows it.
    """

    id: str
    title: str
    time: TimePoint | None = None
    kind: str = "other"
    where: tuple[str, ...] = ()
    who: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    mentioned_by: tuple[str, ...] = ()
    mentioned_only: bool = False
    evidence: tuple[Evidence, ...] = ()
    reported: tuple[str, str] | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of ``storyline events --json``."""
        return {
            "id": self.id,
            "title": self.title,
            "time": self.time.to_dict() if self.time else None,
            "kind": self.kind,
            "where": list(self.where),
            "who": list(self.who),
            "articles": list(self.articles),
            "mentioned_by": list(self.mentioned_by),
            "mentioned_only": self.mentioned_only,
            "evidence": [e.to_dict() for e in self.evidence],
            "reported": (
                {"first": self.reported[0], "last": self.reported[1]} if self.reported else None
            ),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        """Rebuild an `Event` from `to_dict` output."""
        return cls(
            id=data["id"],
            title=data["title"],
            time=_time_or_none(data.get("time")),
            kind=data.get("kind", "other"),
            where=tuple(data.get("where", ())),
            who=tuple(data.get("who", ())),
            articles=tuple(data.get("articles", ())),
            mentioned_by=tuple(data.get("mentioned_by", ())),
            mentioned_only=bool(data.get("mentioned_only", False)),
            evidence=_evidence_tuple(data.get("evidence")),
            reported=_reported(data.get("reported")),
        )


@dataclass(frozen=True, slots=True)
class StoryChange:
    """One entry of a story's history: how it came to hold the events it holds.

    ``action`` is ``created``, ``merged``, ``split`` or ``renamed``; ``by`` is ``engine``
    or ``user``; ``stories`` names the other stories involved; ``at`` is an ISO datetime.
    """

    action: str
    at: str
    by: str = "engine"
    stories: tuple[str, ...] = ()
    events: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready mapping."""
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class Story:
    """A thread of related events over time, with an id that stays stable across runs."""

    id: str
    title: str
    events: tuple[str, ...] = ()
    start: str | None = None
    end: str | None = None
    articles: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    history: tuple[StoryChange, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of ``storyline stories --json``."""
        return {
            "id": self.id,
            "title": self.title,
            "span": {"start": self.start, "end": self.end},
            "events": list(self.events),
            "articles": list(self.articles),
            "entities": list(self.entities),
            "history": [h.to_dict() for h in self.history],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Story:
        """Rebuild a `Story` from `to_dict` output."""
        span = data.get("span") or {}
        return cls(
            id=data["id"],
            title=data["title"],
            events=tuple(data.get("events", ())),
            start=span.get("start"),
            end=span.get("end"),
            articles=tuple(data.get("articles", ())),
            entities=tuple(data.get("entities", ())),
            history=tuple(
                StoryChange(
                    action=h["action"],
                    at=h["at"],
                    by=h.get("by", "engine"),
                    stories=tuple(h.get("stories", ())),
                    events=tuple(h.get("events", ())),
                )
                for h in data.get("history", ())
            ),
        )


@dataclass(frozen=True, slots=True)
class EventMention:
    """A sentence or clause that refers to a happening other than the article's own news.

    ``start``/``end`` are offsets into the article body; ``tense`` is ``past`` or
    ``future`` (planned); ``participants`` are entity ids or names; ``trigger`` is the word
    that names the happening ("visit", "seized").
    """

    article_id: str
    start: int
    end: int
    text: str
    time: TimePoint
    kind: str = "other"
    tense: str = "past"
    trigger: str = ""
    participants: tuple[str, ...] = ()
    place: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready mapping."""
        data = dataclasses.asdict(self)
        data["time"] = self.time.to_dict()
        data["participants"] = list(self.participants)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventMention:
        """Rebuild an `EventMention` from `to_dict` output."""
        fields = dict(data)
        fields["time"] = TimePoint.from_dict(data["time"])
        fields["participants"] = tuple(data.get("participants", ()))
        return cls(**fields)


@dataclass(frozen=True, slots=True)
class MentionLink:
    """A span in one article linked to the event it refers to and that event's coverage.

    ``kind`` is ``mention`` (a sentence about a past or planned happening) or ``related``
    (a related-coverage entry found by extraction); ``reasons`` say why the link was made.
    """

    article_id: str
    start: int
    end: int
    text: str
    event: str
    articles: tuple[str, ...] = ()
    score: float = 0.0
    kind: str = "mention"
    time: TimePoint | None = None
    reasons: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of ``storyline links --json``."""
        return {
            "source": {
                "article": self.article_id,
                "start": self.start,
                "end": self.end,
                "text": self.text,
            },
            "event": self.event,
            "articles": list(self.articles),
            "score": round(self.score, 3),
            "kind": self.kind,
            "time": self.time.to_dict() if self.time else None,
            "reasons": list(self.reasons),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MentionLink:
        """Rebuild a `MentionLink` from `to_dict` output."""
        source = data["source"]
        return cls(
            article_id=source["article"],
            start=source["start"],
            end=source["end"],
            text=source["text"],
            event=data["event"],
            articles=tuple(data.get("articles", ())),
            score=float(data.get("score", 0.0)),
            kind=data.get("kind", "mention"),
            time=_time_or_none(data.get("time")),
            reasons=tuple(data.get("reasons", ())),
        )


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated entry of a timeline: what happened, the sentence that says so, its sources.

    ``sources`` are article ids; ``independent_sources`` counts them with syndicated
    copies counted once; ``status`` is ``reported``, ``mentioned`` or ``planned``.
    """

    time: TimePoint
    summary: str
    evidence: Evidence | None = None
    event: str | None = None
    sources: tuple[str, ...] = ()
    independent_sources: int = 0
    status: str = "reported"

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready mapping."""
        return {
            "time": self.time.to_dict(),
            "summary": self.summary,
            "evidence": self.evidence.to_dict() if self.evidence else None,
            "event": self.event,
            "sources": list(self.sources),
            "independent_sources": self.independent_sources,
            "status": self.status,
        }


@dataclass(frozen=True, slots=True)
class Timeline:
    """Entries in order of event time, for a story, a query or an entity."""

    title: str
    entries: tuple[TimelineEntry, ...] = ()
    story: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready mapping."""
        return {
            "title": self.title,
            "story": self.story,
            "entries": [e.to_dict() for e in self.entries],
        }

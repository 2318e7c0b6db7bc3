"""A small in-memory stand-in for `storyline.Library`, built from model objects."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from storyline.entities import Alias, Entity, EntityInfo, RoleSpan
from storyline.model import (
    Article,
    Event,
    Granularity,
    IngestReport,
    MentionLink,
    Provenance,
    Source,
    Story,
    Timeline,
    TimelineEntry,
    TimePoint,
    Timex,
)
from storyline.store import SearchHit

# Hostile article text: every trick a page could use to run script in the reader.
XSS_TITLE = 'Harbour report <script>window.__xss = "title"</script>'
XSS_PARAGRAPHS = (
    'Talks resumed <script>window.__xss = "body"</script> in Tokyo on 2014-02-08.',
    '<img src="x" onerror="window.__xss = \'img\'"> The envoy <b onmouseover="alert(1)">met</b>.',
    '<a href="javascript:window.__xss=\'link\'">Read more</a> and "><svg onload=alert(1)>',
)


def day(value: str, provenance: Provenance = Provenance.EXPLICIT) -> TimePoint:
    """Return a day-precise time point."""
    return TimePoint(value, value, value, Granularity.DAY, provenance)


def year(value: str) -> TimePoint:
    """Return a year-precise time point."""
    return TimePoint(
        value, f"{value}-01-01", f"{value}-12-31", Granularity.YEAR, Provenance.INFERRED
    )


ART_2005 = Article(
    title="Putin arrives in Tokyo for island talks",
    paragraphs=("Putin arrived in Tokyo on Sunday.", "The islands dispute was on the agenda."),
    id="a2005",
    published=day("2005-11-20"),
    sources=(Source("text/2005.txt", 0),),
)
ART_2014 = Article(
    title="Putin agrees to visit Japan",
    paragraphs=(
        "Putin agreed in Sochi to visit Japan in the autumn.",
        "Putin made an official visit to Japan in 2005.",
    ),
    id="a2014",
    published=day("2014-02-08"),
    url="https://news.example/2014/sochi",
    sources=(Source("warc/crawl.warc.gz", 120, "https://news.example/2014/sochi"),),
)
ART_XSS = Article(
    title=XSS_TITLE,
    paragraphs=XSS_PARAGRAPHS,
    id="axss",
    published=day("2014-02-09"),
    url="javascript:window.__xss='url'",
    byline='<script>window.__xss="byline"</script>',
    sources=(Source('<img src=x onerror="window.__xss=1">.html', 0),),
)
MENTION_START = len(ART_2014.paragraphs[0]) + 2
LINK_2005 = MentionLink(
    article_id="a2014",
    start=MENTION_START,
    end=MENTION_START + len(ART_2014.paragraphs[1]),
    text=ART_2014.paragraphs[1],
    event="ev2005",
    articles=("a2005",),
    score=0.9,
    time=year("2005"),
)
LINK_XSS = MentionLink(
    article_id="axss",
    start=0,
    end=len(XSS_PARAGRAPHS[0]),
    text=XSS_PARAGRAPHS[0],
    event="ev2005",
    articles=("a2005",),
    score=0.5,
)
EV_2005 = Event("ev2005", "Putin visits Japan", day("2005-11-20"), "visit", articles=("a2005",))
EV_2014 = Event("ev2014", "Putin agrees to visit", day("2014-02-08"), "talks", articles=("a2014",))
STORY = Story(
    "st1",
    "Russia–Japan island dispute",
    events=("ev2005", "ev2014"),
    start="2005-11-20",
    end="2014-02-08",
    articles=("a2005", "a2014", "axss"),
)
TIMELINE = Timeline(
    "Russia–Japan island dispute",
    (
        TimelineEntry(day("2005-11-20"), "Putin arrives in Tokyo.", None, "ev2005", ("a2005",), 1),
        TimelineEntry(
            year("2005"), "An official visit.", None, "ev2005", ("a2005",), 1, "mentioned"
        ),
        TimelineEntry(day("2014-02-08"), XSS_TITLE, None, "ev2014", ("a2014", "axss"), 2),
    ),
    story="st1",
)
ENTITY = EntityInfo(
    Entity(
        "place:kurils",
        "Kuril Islands",
        "PLACE",
        (Alias("Southern Kuriles", "Russia"), Alias("Northern Territories", "Japan")),
        (RoleSpan("disputed territory", "1945", None),),
    ),
    articles=2,
)


class FakeLibrary:
    """The methods of `storyline.Library` the API calls, over fixed objects."""

    def __init__(self) -> None:
        self.by_id = {a.id: a for a in (ART_2005, ART_2014, ART_XSS)}
        self.ingested: list[list[str]] = []
        self.aliases: list[tuple[str, str, str | None]] = []

    def articles(self, since: str | None = None, until: str | None = None) -> Iterator[Article]:
        for article in self.by_id.values():
            value = article.published.earliest if article.published else ""
            if (since is None or value >= since) and (until is None or value <= until):
                yield article

    def get(self, article_id: str) -> Article | None:
        return self.by_id.get(article_id)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        words = query.lower().split()
        found = [
            SearchHit(a, -1.0, a.paragraphs[0][:40])
            for a in self.by_id.values()
            if all(w in (a.title or "").lower() + " " + a.body.lower() for w in words)
        ]
        return found[:limit]

    def stats(self) -> dict[str, int]:
        return {"articles": len(self.by_id), "documents": len(self.by_id)}

    def timexes(self, article_id: str) -> tuple[Timex, ...]:
        if article_id == "a2014":
            start = MENTION_START + ART_2014.paragraphs[1].index("2005")
            return (Timex("2005", start, start + 4, "DATE", "2005"),)
        return ()

    def entity_mentions(self, article_id: str) -> list[dict[str, object]]:
        if article_id in ("a2005", "a2014"):
            return [
                {
                    "text": "Putin",
                    "start": 0,
                    "end": 5,
                    "entity_id": "person:putin",
                    "kind": "PERSON",
                }
            ]
        return []

    def links(self, article_id: str) -> list[MentionLink]:
        return [x for x in (LINK_2005, LINK_XSS) if x.article_id == article_id]

    def backlinks(self, article_id: str) -> list[MentionLink]:
        return [x for x in (LINK_2005, LINK_XSS) if article_id in x.articles]

    def story_of_article(self, article_id: str) -> Story | None:
        return STORY if article_id in STORY.articles else None

    def events(self, *, story: str | None = None, limit: int | None = None) -> Iterator[Event]:
        return iter([EV_2005, EV_2014][:limit])

    def event(self, event_id: str) -> Event | None:
        return {"ev2005": EV_2005, "ev2014": EV_2014}.get(event_id)

    def stories(self, *, limit: int | None = None) -> Iterator[Story]:
        return iter([STORY][:limit])

    def story(self, story_id: str) -> Story | None:
        return STORY if story_id == STORY.id else None

    def timeline(self, story_id: str) -> Timeline:
        return TIMELINE

    def render_timeline(self, timeline: Timeline, fmt: str) -> str:
        return f"{fmt}:{timeline.title}"

    def entities(
        self, *, kind: str | None = None, limit: int | None = None
    ) -> Iterator[EntityInfo]:
        return iter([ENTITY][:limit])

    def entity(self, entity_id: str) -> EntityInfo | None:
        return ENTITY if entity_id == ENTITY.id else None

    def ingest(self, paths: Sequence[str | Path]) -> IngestReport:
        names = sorted(p.name for p in Path(paths[0]).iterdir())
        self.ingested.append(names)
        return IngestReport(documents=len(names), articles_new=len(names))

    def add_alias(self, canonical: str, alias: str, viewpoint: str | None = None) -> bool:
        self.aliases.append((canonical, alias, viewpoint))
        return True

    def merge_stories(self, a: str, b: str) -> Story:
        return dataclasses.replace(STORY, id=a)

    def split_story(self, story_id: str, events: Sequence[str]) -> Story:
        return dataclasses.replace(STORY, id="st2", events=tuple(events))

    def fix_date(self, article_id: str, date: str) -> Article:
        return dataclasses.replace(self.by_id[article_id], published=day(date, Provenance.METADATA))


class PartialLibrary:
    """A library from before the analysis stages: articles and search only."""

    def __init__(self) -> None:
        self._full = FakeLibrary()

    def get(self, article_id: str) -> Article | None:
        return self._full.get(article_id)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        return self._full.search(query, limit)

    def articles(self, since: str | None = None, until: str | None = None) -> Iterator[Article]:
        return self._full.articles(since, until)


def as_dict(obj: Any) -> dict[str, Any]:
    """Return a JSON mapping from a response body."""
    assert isinstance(obj, dict)
    return obj

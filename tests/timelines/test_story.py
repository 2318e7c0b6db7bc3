"""Story timelines from hand-built events, links and articles (the seed story's shape)."""

from __future__ import annotations

import pytest

from storyline.model import (
    Article,
    Event,
    Evidence,
    MentionLink,
    Provenance,
    Story,
    Timeline,
    TimePoint,
)
from storyline.time import SentenceTime
from storyline.timelines import entity_timeline, label, point_from_value, story_timeline


def _point(value: str, provenance: Provenance = Provenance.EXPLICIT) -> TimePoint:
    point = point_from_value(value, provenance)
    assert point is not None
    return point


OLD_BODY = (
    "The Russian president flew into Tokyo on Sunday for three days of talks.\n\n"
    "He had met the Japanese prime minister at a regional summit in Korea on 18 November."
)
NEW_BODY = (
    "The Russian leader said on Saturday he would travel to Japan in the autumn.\n\n"
    "Moscow's troops took the islands in August 1945.\n\n"
    "His last official trip to Tokyo was in 2005.\n\n"
    "He also went there in 2009 while serving as premier.\n\n"
    "The Japanese leader came to Moscow last April.\n\n"
    "The two men are due to meet again at a summit in June."
)
ARTICLES = {
    "old": Article("Leader arrives in Tokyo", tuple(OLD_BODY.split("\n\n")), id="old",
                   published=_point("2005-11-20")),
    "new": Article("Leader to travel to Japan", tuple(NEW_BODY.split("\n\n")), id="new",
                   published=_point("2014-02-08", Provenance.INFERRED)),
    "copy": Article("Leader to travel to Japan", tuple(NEW_BODY.split("\n\n")), id="copy",
                    published=_point("2014-02-08", Provenance.INFERRED), duplicate_of="new"),
}  # fmt: skip


def _old_evidence(phrase: str) -> Evidence:
    start = OLD_BODY.rindex("\n", 0, OLD_BODY.index(phrase)) + 1
    end = OLD_BODY.index(".", start) + 1
    return Evidence(OLD_BODY[start:end], start, end, "old")


def _mention(phrase: str, event: str, articles: tuple[str, ...] = ()) -> MentionLink:
    start = NEW_BODY.index(phrase)
    end = NEW_BODY.index(".", start) + 1
    return MentionLink("new", start, end, NEW_BODY[start:end], event, articles, 0.9)


def _related(title: str, day: str) -> MentionLink:
    start = len(OLD_BODY)
    return MentionLink("old", start, start, title, "", (), 0.8, "related", _point(day))


EVENTS = (
    Event("seizure", "Islands taken", _point("1945-08"), mentioned_only=True,
          mentioned_by=("new",)),
    Event("visit-2005", "Official visit", _point("2005-11"), "visit", who=("putin",),
          articles=("old",), mentioned_by=("new",)),
    Event("summit-2005", "Regional summit", _point("2005-11-18"), "summit", mentioned_only=True,
          mentioned_by=("old",), evidence=(_old_evidence("regional summit"),)),
    Event("visit-2009", "Visit as premier", _point("2009"), "visit", who=("putin",),
          mentioned_only=True, mentioned_by=("new",)),
    Event("moscow-2013", "Trip to Moscow", _point("2013-04"), "visit", mentioned_only=True,
          mentioned_by=("new",)),
    Event("sochi", "Talks at the games", _point("2014-02-08"), "talks", who=("putin",),
          articles=("new", "copy")),
    Event("summit-june", "Summit", _point("2014-06"), "summit", mentioned_only=True,
          mentioned_by=("new",)),
    Event("visit-autumn", "Planned visit", _point("2014-FA"), "visit", who=("putin",),
          mentioned_only=True, mentioned_by=("new",)),
    Event("elsewhere", "Not in the story", _point("2010-01-01"), articles=("old",)),
    Event("undated", "No time at all", None, mentioned_only=True),
)  # fmt: skip
LINKS = (
    _mention("Moscow's troops", "seizure"),
    _mention("His last official trip", "visit-2005", ("old",)),
    _mention("He also went", "visit-2009"),
    _mention("The Japanese leader", "moscow-2013"),
    _mention("The two men", "summit-june"),
    _mention("The Russian leader said", "visit-autumn"),
    _related("Leaders fail to settle island row", "2000-09-05"),
    _related("Leader begins visit to Tokyo", "2000-09-04"),
    _related("Islands row overshadows ties", "2005-01-14"),
)
STORY = Story(
    "story-1",
    "Russia and Japan: the island dispute",
    events=tuple(e.id for e in EVENTS if e.id != "elsewhere"),
)
OLD_TIMES = {"old": (SentenceTime(0, OLD_BODY.index("\n"), "2005-11-20", "own", "past"),)}


@pytest.fixture
def timeline() -> Timeline:
    return story_timeline(STORY, EVENTS, articles=ARTICLES, links=LINKS, sentence_times=OLD_TIMES)


def test_entries_follow_event_time_at_their_granularity(timeline: Timeline) -> None:
    assert [e.time.value for e in timeline.entries] == [
        "1945-08",
        "2000-09-04",
        "2000-09-05",
        "2005-01-14",
        "2005-11",
        "2005-11-18",
        "2009",
        "2013-04",
        "2014-02-08",
        "2014-06",
        "2014-FA",
    ]
    assert timeline.story == "story-1"
    assert timeline.title == STORY.title


@pytest.mark.parametrize(
    ("value", "status", "shown"),
    [
        ("1945-08", "mentioned", "1945-08"),
        ("2005-11", "reported", "2005-11"),
        ("2005-11-18", "mentioned", "2005-11-18"),
        ("2009", "mentioned", "2009"),
        ("2013-04", "mentioned", "2013-04"),
        ("2014-02-08", "reported", "2014-02-08"),
        ("2014-06", "planned", "2014-06"),
        ("2014-FA", "planned", "autumn 2014"),
        ("2000-09-04", "mentioned", "2000-09-04"),
    ],
)
def test_status_and_label(timeline: Timeline, value: str, status: str, shown: str) -> None:
    entry = next(e for e in timeline.entries if e.time.value == value)
    assert entry.status == status
    assert label(entry.time) == shown


def test_year_entry_is_never_a_day(timeline: Timeline) -> None:
    entry = next(e for e in timeline.entries if e.event == "visit-2009")
    assert (entry.time.earliest, entry.time.latest) == ("2009-01-01", "2009-12-31")


def test_mention_entry_shows_the_mentioning_sentence(timeline: Timeline) -> None:
    entry = next(e for e in timeline.entries if e.event == "seizure")
    assert entry.evidence is not None
    assert entry.evidence.article_id == "new"
    body = ARTICLES["new"].body
    assert body[entry.evidence.start : entry.evidence.end] == entry.evidence.text
    assert "1945" in entry.summary
    assert entry.sources == ("new",)


def test_reported_entry_uses_a_sentence_dated_like_the_event(timeline: Timeline) -> None:
    entry = next(e for e in timeline.entries if e.event == "visit-2005")
    assert entry.evidence is not None
    assert entry.evidence.article_id == "old"
    assert entry.evidence.text == OLD_BODY[: OLD_BODY.index("\n")]
    assert entry.sources == ("old",)
    assert entry.independent_sources == 1


def test_syndicated_copies_count_once(timeline: Timeline) -> None:
    entry = next(e for e in timeline.entries if e.event == "sochi")
    assert entry.sources == ("new", "copy")
    assert entry.independent_sources == 1


def test_events_outside_the_story_or_without_time_are_left_off(timeline: Timeline) -> None:
    shown = {e.event for e in timeline.entries}
    assert "elsewhere" not in shown
    assert "undated" not in shown


def test_mentioned_event_without_links_uses_its_own_evidence(timeline: Timeline) -> None:
    summit = next(e for e in timeline.entries if e.event == "summit-2005")
    assert summit.summary.startswith("He had met")
    assert summit.sources == ("old",)


@pytest.mark.parametrize(
    ("published", "status"),
    [("2014-02-08", "planned"), ("2014-07-01", "mentioned"), ("2014-06-15", "mentioned")],
)
def test_planned_depends_on_the_mentioning_article_date(published: str, status: str) -> None:
    article = Article("t", ("A summit is due in June.",), id="a", published=_point(published))
    event = Event("s", "Summit", _point("2014-06"), mentioned_only=True, mentioned_by=("a",))
    timeline = story_timeline(Story("x", "x"), [event], articles={"a": article})
    assert [e.status for e in timeline.entries] == [status]


def test_reported_event_without_dated_sentences_takes_the_lead_sentence() -> None:
    timeline = story_timeline(Story("x", "x"), [EVENTS[1]], articles=ARTICLES)
    entry = timeline.entries[0]
    assert entry.evidence is not None
    assert entry.evidence.start == 0
    assert entry.summary == OLD_BODY[: OLD_BODY.index("\n")]


def test_a_report_sentence_taken_for_a_mention_too_is_shown_once(timeline: Timeline) -> None:
    lead = OLD_BODY[: OLD_BODY.index("\n")]
    evidence = (Evidence(lead, 0, len(lead), "old"),)
    echo = Event(
        "arrival", "Arrival", _point("2005-11-20"), mentioned_only=True, mentioned_by=("old",),
        evidence=evidence,
    )  # fmt: skip
    story = Story("story-1", "x", events=(*STORY.events, "arrival"))
    again = story_timeline(
        story, (*EVENTS, echo), articles=ARTICLES, links=LINKS, sentence_times=OLD_TIMES
    )
    assert [e.summary for e in again.entries].count(lead) == 1
    # A plan in a report's own sentence stays beside the report.
    plans = [e for e in again.entries if e.summary.startswith("The Russian leader said")]
    assert [e.status for e in plans] == ["reported", "planned"]
    assert len(again.entries) == len(timeline.entries)


def test_entity_timeline_keeps_the_entity_events() -> None:
    timeline = entity_timeline("putin", EVENTS, articles=ARTICLES, links=LINKS)
    assert [e.event for e in timeline.entries] == [
        "visit-2005",
        "visit-2009",
        "sochi",
        "visit-autumn",
    ]
    assert timeline.title == "putin"

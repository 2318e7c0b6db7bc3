"""Resolving mentions to events, related-coverage links and publication-date feedback."""

from __future__ import annotations

import pytest

from storyline.links import (
    EventIndex,
    narrow_published,
    related_links,
    resolve_mentions,
    time_point,
)
from storyline.model import (
    Article,
    Event,
    EventMention,
    Granularity,
    MentionLink,
    Provenance,
    RelatedLink,
    TimePoint,
)


def _point(value: str) -> TimePoint:
    point = time_point(value)
    assert point is not None
    return point


def _event(event_id: str, value: str, kind: str = "visit", who: tuple[str, ...] = ()) -> Event:
    return Event(
        event_id,
        f"event {event_id}",
        time=_point(value),
        kind=kind,
        who=who,
        articles=(f"art-{event_id}",),
    )


def _mention(
    value: str, kind: str = "visit", who: tuple[str, ...] = ("putin", "japan"), text: str = ""
) -> EventMention:
    return EventMention(
        "later", 0, 10, text or "Putin visited Japan", _point(value), kind, "past", "visited", who
    )


def _index(*events: Event) -> EventIndex:
    index = EventIndex()
    for event in events:
        index.add(event, text="Putin visits Japan for talks")
    return index


@pytest.mark.parametrize(
    ("mention_value", "event_value", "linked"),
    [
        ("2005", "2005-11", True),  # a year-level mention covers a month-level event
        ("2005-11", "2005-11-20", True),
        ("2005-11", "2005-10-30", False),  # the month before
        ("2005-FA", "2005-11-20", True),
        ("2004", "2005-11", False),
        ("2000", "2000-2008", False),  # unparsable event time: never indexed
    ],
)
def test_time_must_be_compatible(mention_value: str, event_value: str, linked: bool) -> None:
    event = Event(
        "e1",
        "visit",
        time=time_point(event_value),
        kind="visit",
        who=("putin", "japan"),
        articles=("bbc",),
    )
    (link,), created = resolve_mentions([_mention(mention_value)], _index(event))
    assert (link.event == "e1") is linked
    assert (created == ()) is linked


def test_prefers_same_kind_and_participants() -> None:
    visit = _event("v", "2005-11", who=("putin", "japan"))
    attack = _event("a", "2005-11", kind="attack", who=("iraq",))
    (link,), _ = resolve_mentions([_mention("2005")], _index(attack, visit))
    assert link.event == "v"
    assert link.articles == ("art-v",)
    assert link.score >= 0.6
    assert "past" in link.reasons


def test_never_links_to_the_mentioning_articles_own_event() -> None:
    own = Event(
        "own",
        "visit",
        time=_point("2005-11"),
        kind="visit",
        who=("putin", "japan"),
        articles=("later",),
    )
    (link,), created = resolve_mentions([_mention("2005")], _index(own))
    assert link.event != "own" and created[0].mentioned_only


def test_mentioned_only_events_are_deterministic_and_shared() -> None:
    first = _mention("1945-08", kind="attack", who=("soviet union",))
    second = EventMention(
        "other",
        5,
        20,
        "seized in 1945",
        _point("1945-08"),
        "attack",
        "past",
        "seized",
        ("soviet union",),
    )
    links, created = resolve_mentions([first, second], EventIndex())
    again, _ = resolve_mentions([first], EventIndex())
    (event,) = created
    assert links[0].event == links[1].event == again[0].event == event.id
    assert event.mentioned_by == ("later", "other")
    assert event.mentioned_only and event.time is not None and event.time.value == "1945-08"
    assert links[0].articles == () and "mentioned only" in links[0].reasons


def test_index_blocks_by_time() -> None:
    index = _index(*(_event(f"e{y}", str(y)) for y in range(1990, 2020)), _event("m", "2005-11"))
    assert len(index) == 31
    assert sorted(e.id for e in index.candidates(_mention("2005-11"))) == ["e2005", "m"]
    assert [e.id for e in index.candidates(_mention("2005-03"))] == ["e2005"]


def test_related_links_resolve_through_find() -> None:
    article = Article(
        None,
        ("body",),
        id="bbc",
        related=(RelatedLink("Kuril talks stall", "2005-01-14"), RelatedLink("Old news")),
    )
    found = {"Kuril talks stall": ["old1", "bbc"]}
    links = related_links(article, lambda title, date: found.get(title, []))
    assert [(lk.kind, lk.articles, lk.start) for lk in links] == [
        ("related", ("old1",), 0),
        ("related", (), 1),
    ]
    assert links[0].time is not None and links[0].time.value == "2005-01-14"
    assert links[1].time is None and links[1].score == 0.0


def _undated(published: TimePoint | None) -> Article:
    return Article(None, ("text",), id="cnbc", published=published)


def _past_link(event_id: str) -> MentionLink:
    return MentionLink("cnbc", 0, 4, "text", event_id, reasons=("past",))


def test_narrow_published_from_own_event_and_past_link() -> None:
    sochi = Event("sochi", "talks", time=_point("2014-02-08"), articles=("cnbc", "other"))
    visit = _event("visit", "2005-11")
    year = TimePoint("2014", "2014-01-01", "2014-12-31", Granularity.YEAR, Provenance.INFERRED)
    narrowed = narrow_published(
        _undated(year), [_past_link("visit")], {"sochi": sochi, "visit": visit}
    )
    assert narrowed is not None
    assert (narrowed.earliest, narrowed.latest) == ("2014-02-08", "2014-02-15")
    assert narrowed.provenance is Provenance.INFERRED


@pytest.mark.parametrize(
    "published",
    [
        TimePoint("2014-02-08", "2014-02-08", "2014-02-08", Granularity.DAY, Provenance.METADATA),
        None,  # a past link alone gives no upper bound
    ],
)
def test_narrow_published_leaves_dated_or_unbounded(published: TimePoint | None) -> None:
    events = {"visit": _event("visit", "2005-11")}
    assert narrow_published(_undated(published), [_past_link("visit")], events) is None


def test_coarse_mention_needs_more_than_time_for_a_day_event() -> None:
    day = Event("d", "event d", time=_point("2005-11-20"), articles=("x",))
    index = EventIndex()
    index.add(day)
    (link,), _ = resolve_mentions([_mention("2005-11", kind="other", who=())], index)
    assert link.articles == ()
    assert any(r.startswith("best archive candidate") for r in link.reasons)


def test_long_events_are_found_through_year_and_wide_buckets() -> None:
    war = Event(
        "war",
        "war",
        time=TimePoint("1939", "1939-09-01", "1945-09-02", Granularity.YEAR, Provenance.INFERRED),
        kind="attack",
    )
    era = Event("era", "era", time=_point("19"), kind="other")
    index = _index(war, era)
    assert {e.id for e in index.candidates(_mention("1945-08", kind="attack"))} == {"war", "era"}
    assert [e.id for e in index.candidates(_mention("1950"))] == ["era"]


def test_decade_mentions_skip_month_blocked_events() -> None:
    index = _index(_event("month", "1995-03"), _event("decade", "199"))
    assert [e.id for e in index.candidates(_mention("199"))] == ["decade"]


def test_mentions_without_participants_do_not_share_events() -> None:
    first = EventMention("a", 0, 9, "it began", _point("2005"), "other", "past", "began")
    second = EventMention("b", 4, 9, "it began", _point("2005"), "other", "past", "began")
    links, created = resolve_mentions([first, second], EventIndex())
    assert links[0].event != links[1].event and len(created) == 2

"""Story linking over small hand-made events."""

from __future__ import annotations

from storyline.events import Signal
from storyline.model import Event
from storyline.stories import StoryLinker, story_id_for


def _pair(
    event_id: str, entities: tuple[str, ...], terms: tuple[str, ...]
) -> tuple[Event, list[Signal]]:
    signal = Signal(f"a-{event_id}", terms=tuple((t, 1.5) for t in terms), entities=entities)
    return Event(event_id, event_id), [signal]


_ISLANDS = ("islands", "treaty", "peace", "dispute", "territorial")
_EVENTS = [
    _pair("e1956", ("soviet-union", "japan", "kuril-islands"), _ISLANDS),
    _pair("eminers", ("chile", "copiapo", "pinera"), ("miners", "rescue", "mine", "capsule")),
    _pair("e2005", ("russia", "japan", "putin", "kuril-islands"), (*_ISLANDS, "visit")),
    _pair("eclimate", ("paris", "united-nations"), ("climate", "emissions", "agreement")),
    _pair("e2014", ("putin", "abe", "japan", "russia"), ("visit", "treaty", "islands", "sochi")),
    _pair("e2022", ("russia", "japan", "kuril-islands"), ("sanctions", "treaty", "talks", "peace")),
]


def test_events_years_apart_join_by_entities_and_topic() -> None:
    linker = StoryLinker()
    stories = {event.id: linker.add(event, signals) for event, signals in _EVENTS}
    main = stories["e1956"]
    assert main == story_id_for("e1956")
    assert {stories[e] for e in ("e2005", "e2014", "e2022")} == {main}
    assert len({stories["eminers"], stories["eclimate"], main}) == 3
    assert linker.assignments() == stories


def test_restore_then_add_matches_one_run() -> None:
    whole = StoryLinker()
    for event, signals in _EVENTS:
        whole.add(event, signals)
    resumed = StoryLinker()
    seen = whole.assignments()
    by_story: dict[str, list[tuple[Event, list[Signal]]]] = {}
    for pair in _EVENTS[:3]:
        by_story.setdefault(seen[pair[0].id], []).append(pair)
    for story_id, pairs in by_story.items():
        resumed.restore(story_id, pairs)
    for event, signals in _EVENTS[3:]:
        resumed.add(event, signals)
    assert resumed.assignments() == seen

"""Stable ids, user corrections and story records."""

from __future__ import annotations

import pytest

from storyline.model import Event, Granularity, Provenance, TimePoint
from storyline.stories import Correction, apply_corrections, build_story, stable_ids


@pytest.mark.parametrize(
    ("previous", "clusters", "expected"),
    [
        ({"st-a": {"1", "2"}}, [{"1", "2"}], ["st-a"]),
        ({"st-a": {"1", "2"}}, [{"3"}, {"1", "2", "4"}], [None, "st-a"]),
        # Greedy by overlap, one-to-one: the larger part keeps the id after a split.
        ({"st-a": {"1", "2", "3"}}, [{"1"}, {"2", "3"}], [None, "st-a"]),
        ({"st-a": {"1"}, "st-b": {"2", "3"}}, [{"1", "2", "3"}], ["st-b"]),
        ({}, [{"9"}], [None]),
    ],
)
def test_stable_ids_follow_overlap(
    previous: dict[str, set[str]], clusters: list[set[str]], expected: list[str | None]
) -> None:
    names = stable_ids(previous, clusters, prefix="st-")
    for name, want in zip(names, expected, strict=True):
        if want is None:
            assert name.startswith("st-") and name not in previous
        else:
            assert name == want
    assert len(set(names)) == len(names)


def test_new_ids_are_deterministic_and_distinct() -> None:
    clusters = [{"x"}, {"y"}]
    first = stable_ids({}, clusters, prefix="ev-")
    assert first == stable_ids({}, clusters, prefix="ev-")
    taken = {first[0]: {"zzz"}}
    assert stable_ids(taken, [{"x"}], prefix="ev-")[0] != first[0]


_MAP = {"e1": "A", "e2": "A", "e3": "B", "e4": "C"}


@pytest.mark.parametrize(
    ("corrections", "expected"),
    [
        ([Correction("merge", ("A", "B"), at="t")], {"e1": "A", "e2": "A", "e3": "A", "e4": "C"}),
        (
            [Correction("split", ("A", "S"), ("e2",), "t")],
            {"e1": "A", "e2": "S", "e3": "B", "e4": "C"},
        ),
        (
            [Correction("merge", ("A", "C")), Correction("split", ("A", "S"), ("e4",))],
            {"e1": "A", "e2": "A", "e3": "B", "e4": "S"},
        ),
        # Stories renamed by a rebuild: the merge falls back on its events.
        (
            [Correction("merge", ("gone", "B"), ("e1", "e4"))],
            {"e1": "B", "e2": "B", "e3": "B", "e4": "B"},
        ),
        (
            [Correction("merge", ("gone", "lost"), ("e4", "e1"))],
            {"e1": "C", "e2": "C", "e3": "B", "e4": "C"},
        ),
        ([Correction("merge", ("gone", "lost"))], _MAP),
        ([Correction("rename", ("A",))], _MAP),
    ],
)
def test_apply_corrections(corrections: list[Correction], expected: dict[str, str]) -> None:
    mapping, _ = apply_corrections(_MAP, corrections)
    assert mapping == expected


def test_corrections_leave_history() -> None:
    _, history = apply_corrections(
        _MAP,
        [
            Correction("merge", ("A", "B"), at="2024-01-01T00:00:00"),
            Correction("split", ("A",), ("e3",)),
        ],
    )
    assert [c.action for c in history["A"]] == ["merged", "split"]
    assert history["A"][0].by == "user" and history["A"][0].events == ("e3",)
    split_ids = [s for s in history if s != "A"]
    assert len(split_ids) == 1 and history[split_ids[0]][0].stories == ("A",)


def test_split_without_a_name_gets_a_deterministic_id() -> None:
    one, _ = apply_corrections(_MAP, [Correction("split", ("A",), ("e2",))])
    two, _ = apply_corrections(_MAP, [Correction("split", ("A",), ("e2",))])
    assert one == two and one["e2"] not in {"A", "B", "C"}


def test_correction_round_trips() -> None:
    correction = Correction("split", ("A", "S"), ("e1", "e2"), "2024-01-01T00:00:00")
    assert Correction.from_dict(correction.to_dict()) == correction


def _event(
    event_id: str, day: str | None, articles: tuple[str, ...], who: tuple[str, ...]
) -> Event:
    time = TimePoint(day, day, day, Granularity.DAY, Provenance.METADATA) if day else None
    return Event(event_id, f"title {event_id}", time, who=who, articles=articles)


def test_build_story_spans_its_events() -> None:
    events = [
        _event("e2", "2014-02-08", ("a3", "a4"), ("putin", "abe")),
        _event("e1", "2005-11-21", ("a1",), ("putin", "koizumi")),
        _event("e3", None, ("a2",), ("putin",)),
    ]
    story = build_story("st-1", events)
    assert story.events == ("e1", "e2", "e3")
    assert (story.start, story.end) == ("2005-11-21", "2014-02-08")
    assert story.articles == ("a1", "a2", "a3", "a4")
    assert story.entities[0] == "putin" and story.title == "title e2"
    assert story.to_dict()["span"] == {"start": "2005-11-21", "end": "2014-02-08"}


def test_a_story_spans_the_happenings_it_recalls_known_to_the_year_up_to_a_year_on() -> None:
    def recalled(event_id: str, value: str, first: str, last: str, grain: Granularity) -> Event:
        time = TimePoint(value, first, last, grain, Provenance.INFERRED)
        return Event(event_id, event_id, time, mentioned_by=("a1",), mentioned_only=True)

    events = [
        _event("e1", "2011-03-19", ("a1",), ("libya",)),
        recalled("treaty", "1951", "1951-01-01", "1951-12-31", Granularity.YEAR),
        recalled("old", "06", "0600-01-01", "0699-12-31", Granularity.CENTURY),
        recalled("vote", "2012-02", "2012-02-01", "2012-02-29", Granularity.MONTH),
        recalled("far", "2050", "2050-01-01", "2050-12-31", Granularity.YEAR),
    ]
    story = build_story("st-1", events)
    assert (story.start, story.end) == ("1951-01-01", "2012-02-29")
    assert len(story.events) == 5  # all kept, only the span leaves some out


def test_a_large_story_spans_only_the_history_enough_of_its_reports_recall() -> None:
    def recalled(event_id: str, year: str, by: int) -> Event:
        time = TimePoint(
            year, f"{year}-01-01", f"{year}-12-31", Granularity.YEAR, Provenance.INFERRED
        )
        readers = tuple(f"a{k}" for k in range(by))
        return Event(event_id, event_id, time, mentioned_by=readers, mentioned_only=True)

    reports = tuple(f"a{k}" for k in range(300))
    events = [
        _event("spill", "2010-04-20", reports, ("bp",)),
        recalled("titanic", "1912", 1),  # one report's aside
        recalled("ixtoc", "1979", 3),  # 1% of the story's reports
    ]
    assert build_story("st-1", events).start == "1979-01-01"
    small = [_event("spill", "2010-04-20", reports[:40], ("bp",)), recalled("titanic", "1912", 1)]
    assert build_story("st-2", small).start == "1912-01-01"

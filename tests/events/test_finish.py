"""The end of a clustering run: undated reports placed again, events of two happenings divided."""

from __future__ import annotations

import random

import pytest

from storyline.events import (
    DivideConfig,
    EventClusterer,
    Signal,
    average_linkage,
    divide_event,
    event_id_for,
    finish_run,
)

# Two announcements of an awards show's host, years apart, in the same words.
SHARED = ("academy", "host", "ceremony", "awards", "announced", "producers", "telecast")
HOSTS = {
    "jackman": (("australian", "actor", "musical", "wolverine"), "person:hugh-jackman"),
    "degeneres": (("comedian", "talk", "daytime", "returns"), "person:ellen-degeneres"),
}


def _report(article_id: str, host: str, rng: random.Random, **extra: object) -> Signal:
    own, name = HOSTS[host]
    words = rng.sample(SHARED, 5) + rng.sample(own, 3) + [f"{article_id}-detail"]
    return Signal(
        article_id,
        terms=tuple((w, 1.0 + rng.random()) for w in words),
        entities=(name, "org:academy", f"name:{article_id}-source"),
        duplicate_of=extra.get("duplicate_of"),  # type: ignore[arg-type]
    )


def _mixed(count: int = 9, seed: int = 1) -> list[Signal]:
    rng = random.Random(seed)
    return [_report(f"{host[0]}{i}", host, rng) for host in HOSTS for i in range(count)]


def _ids(parts: list[list[Signal]]) -> set[frozenset[str]]:
    return {frozenset(s.article_id for s in part) for part in parts}


def test_two_happenings_each_with_a_name_of_its_own_are_divided() -> None:
    parts = divide_event(_mixed())
    assert _ids(parts) == {
        frozenset(f"j{i}" for i in range(9)),
        frozenset(f"d{i}" for i in range(9)),
    }


def test_the_parts_do_not_depend_on_the_order_of_the_articles() -> None:
    signals = _mixed()
    expected = _ids(divide_event(signals))
    for seed in range(5):
        shuffled = signals[:]
        random.Random(seed).shuffle(shuffled)
        assert _ids(divide_event(shuffled)) == expected


def test_an_event_too_small_for_two_parts_stays_whole() -> None:
    signals = _mixed(count=6)  # each part would hold fewer than `min_part` (7)
    assert _ids(divide_event(signals)) == {frozenset(s.article_id for s in signals)}
    assert len(divide_event(signals, DivideConfig(min_part=5))) == 2


def test_one_happening_whose_reports_differ_in_words_stays_whole() -> None:
    # The same host throughout; half the reports add words (and a name) of their own.
    rng = random.Random(3)
    signals = [_report(f"j{i}", "jackman", rng) for i in range(9)]
    for i in range(9):
        extra = _report(f"k{i}", "jackman", rng)
        signals.append(
            Signal(
                extra.article_id,
                terms=(*extra.terms, ("rehearsal", 3.0), ("dancers", 3.0)),
                entities=(*extra.entities, "place:kodak-theatre"),
            )
        )
    assert len(divide_event(signals)) == 1


def test_a_name_the_other_part_gives_even_once_is_not_its_own() -> None:
    signals = _mixed()
    last = signals[-1]  # a DeGeneres report that names Jackman too
    signals[-1] = Signal(
        last.article_id, terms=last.terms, entities=(*last.entities, "person:hugh-jackman")
    )
    assert len(divide_event(signals)) == 1


def test_a_syndicated_copy_goes_with_its_original() -> None:
    rng = random.Random(5)
    signals = _mixed()
    # A copy of a DeGeneres report, worded like the Jackman ones (only its original counts).
    copy = _report("copy", "jackman", rng, duplicate_of="d0")
    parts = divide_event([*signals, copy])
    part = next(p for p in parts if any(s.article_id == "d0" for s in p))
    assert "copy" in {s.article_id for s in part}


def test_the_clusterer_divides_an_event_and_keeps_its_id_on_the_founders_part() -> None:
    signals = _mixed()
    clusterer = EventClusterer()
    event = event_id_for("j0")
    clusterer.restore(event, signals)  # one event holding both, as an online pass may leave
    assert set(clusterer.assignments().values()) == {event}
    parts = divide_event(signals)
    new_ids = clusterer.divide(event, parts)
    assert sorted(new_ids) == sorted({event, event_id_for("d0")})
    assignments = clusterer.assignments()
    assert {assignments[f"j{i}"] for i in range(9)} == {event}
    assert {assignments[f"d{i}"] for i in range(9)} == {event_id_for("d0")}
    # Both parts take new articles: a later report joins its own happening.
    later = _report("d-later", "degeneres", random.Random(9))
    assert clusterer.add(later) == event_id_for("d0")


def test_a_part_never_takes_the_id_of_another_open_event() -> None:
    # Should an open event already hold the id the part's earliest article would start
    # (the store was edited, say), the part takes its next article's, never that event.
    signals = _mixed()
    clusterer = EventClusterer()
    event = event_id_for("j0")
    clusterer.restore(event, signals)
    other = Signal("other", terms=(("unrelated", 1.0),))
    clusterer.restore(event_id_for("d0"), [other])
    new_ids = clusterer.divide(event, divide_event(signals))
    assert sorted(new_ids) == sorted({event, event_id_for("d1")})
    assert clusterer.event_of("other") == event_id_for("d0")
    assert clusterer.event_of("d0") == event_id_for("d1")


def test_average_linkage_stops_at_the_threshold_or_the_number_of_groups() -> None:
    similarity = [
        [1.0, 0.9, 0.1, 0.0],
        [0.9, 1.0, 0.0, 0.1],
        [0.1, 0.0, 1.0, 0.8],
        [0.0, 0.1, 0.8, 1.0],
    ]
    labels = average_linkage(similarity, 0.5)
    assert labels[0] == labels[1] != labels[2] == labels[3]
    assert len(set(average_linkage(similarity, clusters=1))) == 1
    assert len(set(average_linkage(similarity, 0.85))) == 3


@pytest.mark.parametrize("count", [0, 1, 2])
def test_tiny_events_are_returned_whole(count: int) -> None:
    signals = _mixed()[:count]
    assert [len(p) for p in divide_event(signals)] == ([count] if count else [0])


def _fragment_setup(
    day: str | None = None,
    event_size: int = 9,
    alone: int = 1,
    *,
    event_day: str | None = None,
    words: int = 9,
) -> tuple[EventClusterer, dict[str, list[Signal]]]:
    """A clusterer holding ``event_size`` DeGeneres reports (of ``event_day``) as one
    event and ``alone`` more reports of them, of ``day``, in an event of their own, as
    early undated reports may be left; these share ``words`` of their nine words with
    the event's reports and no name."""
    signals = _mixed()
    reports = [
        Signal(s.article_id, published=event_day, terms=s.terms, entities=s.entities)
        for s in signals
        if s.article_id.startswith("d")
    ]
    early = [
        Signal(
            f"d-early{i}",
            published=day,
            terms=reports[i].terms[:words] + tuple((f"other{k}", 1.5) for k in range(9 - words)),
            entities=reports[i].entities if words == 9 else ("name:somebody",),
        )
        for i in range(alone)
    ]
    clusterer = EventClusterer()
    clusterer.learn_frequencies({t: 1 for s in signals for t, _ in s.terms}, len(signals))
    members = {event_id_for("d0"): reports[:event_size], event_id_for("d-early0"): early}
    for event_id, part in members.items():
        clusterer.restore(event_id, part, count=False)
    return clusterer, members


def test_a_small_event_of_undated_reports_is_placed_again_at_the_end_of_a_run() -> None:
    clusterer, members = _fragment_setup()
    changed = finish_run(
        clusterer, members, touched=[event_id_for("d-early0")], config=DivideConfig(fragment_size=4)
    )
    assert changed[event_id_for("d-early0")] == []
    assert {s.article_id for s in changed[event_id_for("d0")]} >= {"d-early0", "d0"}
    assert clusterer.event_of("d-early0") == event_id_for("d0")


@pytest.mark.parametrize(
    ("day", "touched", "stored"),
    [
        ("2014-01-15", True, False),  # a dated report was compared with the events of its days
        (None, False, False),  # an event this run did not touch
        (None, True, True),  # an event of the archive, which links and stories may name
    ],
)
def test_other_small_events_stay_as_they_are(day: str | None, touched: bool, stored: bool) -> None:
    clusterer, members = _fragment_setup(day)
    alone = event_id_for("d-early0")
    changed = finish_run(
        clusterer,
        members,
        touched=[alone] if touched else [],
        stored=[alone] if stored else [],
        config=DivideConfig(fragment_size=4),
    )
    assert alone not in changed
    assert clusterer.event_of("d-early0") == alone


@pytest.mark.parametrize(("event_size", "alone"), [(1, 1), (2, 2), (3, 3)])
def test_a_small_event_placed_again_joins_only_a_larger_event(event_size: int, alone: int) -> None:
    # Two lone undated reports that agree in words are not put together at the end of a
    # run: neither is the grown coverage that the placing again is for.  The reports of
    # an event placed again stay together when they find no larger event.
    clusterer, members = _fragment_setup(event_size=event_size, alone=alone)
    early = event_id_for("d-early0")
    changed = finish_run(clusterer, members, touched=[early], config=DivideConfig(fragment_size=4))
    assert early not in changed
    assert {clusterer.event_of(f"d-early{i}") for i in range(alone)} == {early}


def test_the_reports_of_a_small_event_placed_again_join_a_larger_event_together() -> None:
    clusterer, members = _fragment_setup(event_size=3, alone=2)
    finish_run(clusterer, members, touched=[event_id_for("d-early0")])
    assert {clusterer.event_of(f"d-early{i}") for i in range(2)} == {event_id_for("d0")}


@pytest.mark.parametrize(("event_day", "joins"), [(None, True), ("2014-01-15", False)])
def test_a_report_placed_again_needs_more_than_a_clear_winner_to_join_a_dated_event(
    event_day: str | None, joins: bool
) -> None:
    # An undated report sharing four of its nine words with the only event like it: as
    # it arrives, that event is a clear winner whatever its time; placed again at the end
    # of a run, it joins a dated event only with the undated factor, which here is short.
    clusterer, members = _fragment_setup(event_day=event_day, words=4)
    finish_run(clusterer, members, touched=[event_id_for("d-early0")])
    expected = event_id_for("d0") if joins else event_id_for("d-early0")
    assert clusterer.event_of("d-early0") == expected

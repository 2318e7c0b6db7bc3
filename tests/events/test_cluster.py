"""Online event clustering: joins, new events, time gates, duplicates, order, restore."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

from storyline.events import ClusterConfig, EventClusterer, Signal, event_id_for

# Three happenings; a and b share a topic and differ by place, day and people.
_TOPICS = {
    "quake": ("quake", "magnitude", "tremor", "collapsed", "rescuers", "rubble", "epicentre"),
    "flood": ("flood", "river", "levee", "evacuated", "rain", "water", "dam"),
    "vote": ("election", "ballot", "turnout", "candidate", "polling", "vote", "parliament"),
}


def _signal(article_id: str, topic: str, day: str | None, place: str, **extra: object) -> Signal:
    words = _TOPICS[topic]
    terms = tuple((w, 2.0 if i < 3 else 1.0) for i, w in enumerate(words)) + ((place, 1.5),)
    return Signal(
        article_id,
        published=day,
        event_time=day,
        terms=terms,
        title_terms=(words[0], place),
        entities=(f"place:{place}",),
        duplicate_of=extra.get("duplicate_of"),  # type: ignore[arg-type]
    )


_STREAM = (
    _signal("q1", "quake", "2010-02-27", "chile"),
    _signal("f1", "flood", "2010-02-27", "pakistan"),
    _signal("q2", "quake", "2010-02-28", "chile"),
    _signal("v1", "vote", "2010-03-01", "iraq"),
    _signal("f2", "flood", "2010-02-28", "pakistan"),
    _signal("q3", "quake", "2010-03-01", "chile"),
    _signal("v2", "vote", "2010-03-02", "iraq"),
)


def _groups(assignments: dict[str, str]) -> set[frozenset[str]]:
    members: dict[str, set[str]] = {}
    for article, event in assignments.items():
        members.setdefault(event, set()).add(article)
    return {frozenset(m) for m in members.values()}


def test_number_of_events_is_found() -> None:
    clusterer = EventClusterer()
    for signal in _STREAM:
        clusterer.add(signal)
    assert _groups(clusterer.assignments()) == {
        frozenset({"q1", "q2", "q3"}),
        frozenset({"f1", "f2"}),
        frozenset({"v1", "v2"}),
    }


def test_event_ids_come_from_the_first_article() -> None:
    clusterer = EventClusterer()
    first = clusterer.add(_STREAM[0])
    assert first == event_id_for("q1") and clusterer.add(_STREAM[2]) == first


@pytest.mark.parametrize(
    "order", list(itertools.islice(itertools.permutations(range(7)), 0, 5040, 997))
)
def test_grouping_does_not_depend_on_order(order: tuple[int, ...]) -> None:
    clusterer = EventClusterer()
    for index in order:
        clusterer.add(_STREAM[index])
    assert len(_groups(clusterer.assignments())) == 3


@pytest.mark.parametrize(
    ("second_day", "same_event"),
    [("2010-03-02", True), ("2010-03-05", True), ("2010-04-20", False), ("2012-02-27", False)],
)
def test_same_topic_far_apart_is_another_event(second_day: str, same_event: bool) -> None:
    clusterer = EventClusterer()
    first = clusterer.add(_signal("q1", "quake", "2010-02-27", "chile"))
    second = clusterer.add(_signal("q9", "quake", second_day, "chile"))
    assert (first == second) is same_event


def test_syndicated_copy_joins_original_and_counts_once() -> None:
    clusterer = EventClusterer()
    original = clusterer.add(_signal("q1", "quake", "2010-02-27", "chile"))
    copy = _signal("q1-copy", "vote", "2010-02-27", "iraq", duplicate_of="q1")
    assert clusterer.add(copy) == original
    state = clusterer._active[original]
    assert state.n == 1


def test_adding_an_article_twice_changes_nothing() -> None:
    clusterer = EventClusterer()
    first = clusterer.add(_STREAM[0])
    assert clusterer.add(_STREAM[0]) == first
    assert clusterer._active[first].n == 1


def test_restore_continues_like_an_uninterrupted_run() -> None:
    whole = EventClusterer()
    for signal in _STREAM:
        whole.add(signal)
    head, tail = _STREAM[:4], _STREAM[4:]
    first = EventClusterer()
    for signal in head:
        first.add(signal)
    resumed = EventClusterer()
    by_event: dict[str, list[Signal]] = {}
    for signal in head:
        by_event.setdefault(first.assignments()[signal.article_id], []).append(signal)
    for event_id, signals in by_event.items():
        resumed.restore(event_id, signals)
    for signal in tail:
        resumed.add(signal)
    assert resumed.assignments() == whole.assignments()


def test_idle_events_leave_the_index() -> None:
    clusterer = EventClusterer(ClusterConfig(window_days=5))
    clusterer.add(_signal("q1", "quake", "2010-02-27", "chile"))
    clusterer.add(_signal("v1", "vote", "2010-03-20", "iraq"))
    assert clusterer.active_events == 1
    assert set(clusterer.assignments()) == {"q1", "v1"}


def test_undated_articles_cluster_by_text() -> None:
    clusterer = EventClusterer()
    ids = {
        clusterer.add(_signal(f"x{i}", t, None, p))
        for i, (t, p) in enumerate([("quake", "chile"), ("quake", "chile"), ("vote", "iraq")])
    }
    assert len(ids) == 2


def _coarse(article_id: str, topic: str, period: tuple[str, str] | None) -> Signal:
    return replace(_signal(article_id, topic, None, "chile"), period=period)


@pytest.mark.parametrize(
    ("second", "same_event"),
    [
        # Two inferred periods that overlap, or a day inside the first one: same event.
        (_coarse("q2", "quake", ("2010-02-20", "2010-08-19")), True),
        (_signal("q2", "quake", "2010-03-01", "chile"), True),
        # Years apart: the same words report another happening.
        (_coarse("q2", "quake", ("2013-01-01", "2013-12-31")), False),
        (_signal("q2", "quake", "2014-03-01", "chile"), False),
    ],
)
def test_coarse_periods_keep_other_years_apart(second: Signal, same_event: bool) -> None:
    clusterer = EventClusterer()
    first = clusterer.add(_coarse("q1", "quake", ("2010-01-01", "2010-06-30")))
    assert (clusterer.add(second) == first) is same_event


def test_an_article_with_a_period_is_weighed_like_a_dated_one_against_undated_events() -> None:
    # The same text, once with no time at all and once with a coarse period: the period
    # costs the undated factor, like a day would.
    loose = ClusterConfig(min_similarity=0.5, undated_factor=0.4)
    for other, joins in (
        (_coarse("q2", "quake", None), True),
        (_coarse("q2", "quake", ("2010-01-01", "2010-12-31")), False),
    ):
        clusterer = EventClusterer(loose)
        first = clusterer.add(_coarse("q1", "quake", None))
        assert (clusterer.add(other) == first) is joins


@pytest.mark.parametrize("earlier_quakes", [1, 2], ids=["one like event", "two like events"])
def test_an_undated_article_joins_a_dated_event_only_when_nothing_competes(
    earlier_quakes: int,
) -> None:
    # Discounted for its missing time, the undated report falls short of the threshold;
    # it still joins the one event it resembles, but not one of two that resemble it
    # alike (two quakes in Chile years apart: it could report either).
    strict = ClusterConfig(min_similarity=0.5, undated_factor=0.4, max_gap_days=3)
    clusterer = EventClusterer(strict)
    events = {clusterer.add(_signal("q1", "quake", "2010-02-27", "chile"))}
    clusterer.add(_signal("f1", "flood", "2010-02-27", "pakistan"))
    if earlier_quakes == 2:
        events.add(clusterer.add(_signal("q9", "quake", "2010-03-05", "chile")))
        assert len(events) == 2  # too far apart to be one
    joined = clusterer.add(_signal("q2", "quake", None, "chile"))
    assert (joined in events) is (earlier_quakes == 1)


def test_a_long_running_event_stays_bounded_and_keeps_its_articles(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from storyline.events import _cluster

    monkeypatch.setattr(_cluster, "MAX_EVENT_TERMS", 12)
    clusterer = EventClusterer()
    joined = set()
    for i in range(60):
        # The quake's core words every day, plus two words no other report uses.
        base = _signal(f"q{i}", "quake", f"2010-03-{1 + i % 5:02d}", "chile")
        tail = ((f"rare{i}a", 1.0), (f"rare{i}b", 1.0))
        joined.add(clusterer.add(replace(base, terms=base.terms + tail)))
    assert len(joined) == 1
    (cluster,) = clusterer._active.values()
    assert len(cluster.terms) <= 2 * 12
    # The index lists the event under exactly the terms its centroid still has.
    indexed = {key for key, events in clusterer._postings.items() if cluster.id in events}
    assert {k for k in indexed if not k.startswith("@")} == set(cluster.terms)

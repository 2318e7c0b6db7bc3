"""Story linking over small hand-made events."""

from __future__ import annotations

import pytest

from storyline.events import Signal
from storyline.model import Event, Evidence
from storyline.stories import StoryConfig, StoryLinker, event_profile, mention_fits, story_id_for


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


def _fishing(articles: int) -> tuple[Event, list[Signal]]:
    signal = Signal(
        "a-fishing",
        terms=(("islands", 0.6), ("fishing", 1.0), ("boats", 1.0)),
        entities=("hokkaido",),
    )
    ids = tuple(f"a-fishing-{n}" for n in range(articles))
    return Event("e-fishing", "e-fishing", articles=ids), [signal]


def _folded_with_talks(
    fishing: tuple[Event, list[Signal]],
    config: StoryConfig | None = None,
    previous: str | None = None,
) -> bool:
    """Whether the fishing event's story folds into the talks' (``previous``: "alone"
    or "talks", the last fold of it)."""
    linker = StoryLinker(config)
    for n in range(4):
        terms = (("islands", 1.0), ("treaty", 1.0), ("summit", 0.6), (f"round{n}", 1.0))
        signal = Signal(f"a-talks{n}", terms=terms, entities=("russia", "japan"))
        linker.add(Event(f"e-talks{n}", "talks", articles=(f"a-talks{n}",)), [signal])
    linker.add(*fishing)
    for n in range(6):  # unrelated news, so that common words weigh little
        signal = Signal(f"a-other{n}", terms=((f"word{n}", 1.0), (f"more{n}", 1.0)))
        linker.add(Event(f"e-other{n}", "other", articles=(f"a-other{n}",)), [signal])
    threads = linker.assignments()
    fishing_id, talks_id = threads["e-fishing"], threads["e-talks0"]
    last = {"alone": fishing_id, "talks": talks_id}
    linker.consolidate({fishing_id: last[previous]} if previous else None)
    stories = linker.assignments()
    return stories["e-fishing"] == stories["e-talks0"]


def test_a_small_leftover_is_folded_but_a_widely_covered_story_is_not() -> None:
    # One event either way: three reports make a leftover thread, sixty a story.
    assert _folded_with_talks(_fishing(3))
    assert not _folded_with_talks(_fishing(60))


# The fishing story's topic cosine with the talks' (it shares no names with them).
_FISHING_TOPIC = 0.369


@pytest.mark.parametrize(
    ("bar", "previous", "folded"),
    [
        (_FISHING_TOPIC / 1.05, None, True),
        (_FISHING_TOPIC / 1.05, "alone", False),
        (_FISHING_TOPIC / 1.05, "talks", True),
        (_FISHING_TOPIC / 1.2, "alone", True),
        (_FISHING_TOPIC * 1.05, None, False),
        (_FISHING_TOPIC * 1.05, "talks", True),
        (_FISHING_TOPIC * 1.05, "alone", False),
        (_FISHING_TOPIC * 1.2, "talks", False),
    ],
)
def test_a_fold_near_its_bar_stays_as_the_last_run_made_it(
    bar: float, previous: str | None, folded: bool
) -> None:
    # One more article shifts every weight a little; a story whose fold lies within
    # the margin of its bar keeps the last run's choice, beyond it follows the evidence.
    config = StoryConfig(absorb_topic=bar)
    assert _folded_with_talks(_fishing(3), config, previous) is folded


def _weighted(event_id: str, terms: tuple[tuple[str, float], ...]) -> tuple[Event, list[Signal]]:
    signal = Signal(f"a-{event_id}", terms=terms)
    return Event(event_id, event_id, articles=(signal.article_id,)), [signal]


@pytest.mark.parametrize(("posts", "shared", "folded"), [(2, 0.4, False), (12, 0.8, True)])
def test_a_leftover_folds_at_the_low_bar_only_into_a_main_story(
    posts: int, shared: float, folded: bool
) -> None:
    # A crawl of unrelated pages: a report on a company's troubles shares two words with
    # a blog's posts, too faintly to join them as an event does.  Two posts are no main
    # story that a leftover of theirs would resemble only faintly; a dozen are.
    linker = StoryLinker()
    for n in range(40):  # unrelated news, so that common words weigh little
        linker.add(*_weighted(f"e-other{n}", ((f"word{n}", 1.0), (f"more{n}", 1.0))))
    for n in range(posts):
        words = ("business", "online", "mindset", "growth", f"tip{n}")
        linker.add(*_weighted(f"e-post{n}", tuple((w, 1.0) for w in words)))
    words = ("company", "ceo", "attorney", "lease")
    report = (*((w, 1.0) for w in words), ("business", shared), ("online", shared))
    linker.add(*_weighted("e-report", report))
    assert linker.assignments()["e-report"] != linker.assignments()["e-post0"]
    linker.consolidate()
    stories = linker.assignments()
    assert (stories["e-report"] == stories["e-post0"]) is folded


def _flu(n: int) -> tuple[Event, list[Signal]]:
    terms = (("flu", 1.0), ("virus", 1.0), ("vaccine", 1.0), (f"flu-detail{n}", 1.0))
    return _pair(f"e-flu{n}", ("who", "cdc"), tuple(t for t, _ in terms))


def _merged_with_flu(config: StoryConfig) -> bool:
    """A spill story that took in one flu report: does it merge with the flu story?"""
    linker = StoryLinker(config)
    for n in range(20):  # unrelated news, so that common words weigh little
        linker.restore(f"st-other{n}", [_pair(f"e-other{n}", (f"who{n}",), (f"word{n}", "said"))])
    spill = [
        _pair(f"e-spill{n}", ("bp", "gulf"), ("oil", "spill", "well", f"spill-detail{n}"))
        for n in range(2)
    ]
    linker.restore("st-spill", [*spill, _flu(99)])
    linker.restore("st-flu", [_flu(n) for n in range(3)])
    linker.add(*_flu(3))  # the flu story's fourth event: its merges are weighed
    stories = linker.assignments()
    return stories["e-spill0"] == stories["e-flu0"]


def test_one_stray_event_does_not_merge_two_stories() -> None:
    # Weighed whole, the spill story's one flu report draws the two together; weighed on
    # the keys two of its events share, it does not.
    assert _merged_with_flu(StoryConfig(merge_support=1))
    assert not _merged_with_flu(StoryConfig())


def _mentioned(text: str, who: tuple[str, ...] = ()) -> Event:
    evidence = (Evidence(text, 0, len(text), "a-2014"),)
    return Event("m1", text, who=who, mentioned_only=True, evidence=evidence)


def test_a_mentioned_happening_fits_a_story_it_shares_names_or_words_with() -> None:
    signal = Signal(
        "a-2014",
        terms=(("island", 2.0), ("treaty", 1.0), ("soviet", 1.0), ("visit", 1.0), ("putin", 1.0)),
        entities=("putin", "abe", "japan"),
    )
    profile = event_profile([signal])
    assert mention_fits(_mentioned("The Soviet army took the islands after the war."), profile)
    assert mention_fits(_mentioned("The two met in 2005.", who=("japan",)), profile)
    # The words of its names count too, as an event's terms hold the words of its names.
    visit = _mentioned("his visit to Krasnoyarsk", who=("person:vladimir-putin",))
    assert mention_fits(visit, profile)
    # Page furniture beside the report: a radio listing's composer is no part of it.
    assert not mention_fits(
        _mentioned("The composer Chopin was introduced to George Sand in 1836."), profile
    )

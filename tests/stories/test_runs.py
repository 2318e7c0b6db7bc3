"""Events threaded over several runs end in the stories one run makes of them.

Small stories are folded into the larger story they resemble once every event is in
(`StoryLinker.consolidate`).  When the events arrive over several runs, the fold must
be worked out again each run from the stories as the linker made them, not only for the
stories a run touched, and not on top of the folds of earlier runs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import storyline
from storyline.analysis import StoryStep
from storyline.events import Signal
from storyline.model import Event, Evidence
from storyline.store import SQLiteStore
from storyline.store._migrations import m007_event_threads
from tests.conftest import shared_path

# Four reports on the island talks, one on fishing boats near the islands that names
# them only in passing, and unrelated news.  The fishing story is too far from the
# talks' to join them event by event, but close enough to be folded into their story
# once it holds more events than the fishing story.
TALKS = [("islands", 1.0), ("treaty", 1.0), ("summit", 0.6)]
FISHING = (("islands", 0.6), ("fishing", 1.0), ("boats", 1.0))


def _talks(n: int) -> tuple[Event, Signal]:
    terms = (*TALKS, (f"round{n}", 1.0))
    return _event(f"e{n}-talks", terms, ("russia", "japan"))


def _event(
    event_id: str, terms: Sequence[tuple[str, float]], who: tuple[str, ...]
) -> tuple[Event, Signal]:
    article = "a-" + event_id
    signal = Signal(article, terms=tuple(terms), entities=who)
    return Event(event_id, event_id, articles=(article,)), signal


FIRST = [
    _talks(1),
    _event("e2-fishing", FISHING, ("hokkaido",)),
    *(_event(f"e3-other{i}", ((f"word{i}", 1.0), (f"more{i}", 1.0)), (f"x{i}",)) for i in range(6)),
]
LATER = [_talks(n) for n in (4, 5, 6)]


def _run(store: SQLiteStore, batch: Sequence[tuple[Event, Signal]]) -> None:
    store.put_signals([(s.article_id, s.to_dict()) for _, s in batch])
    StoryStep(store).save([e for e, _ in batch], [])
    store.commit()


def _stories(store: SQLiteStore) -> set[frozenset[str]]:
    return {frozenset(s.events) for s in store.iter_stories()}


def test_two_runs_fold_the_stories_of_one(tmp_path: Path) -> None:
    one = SQLiteStore(tmp_path / "one.db")
    _run(one, [*FIRST, *LATER])
    two = SQLiteStore(tmp_path / "two.db")
    _run(two, FIRST)
    fishing_alone = {"e2-fishing"} in [set(s) for s in _stories(two)]
    _run(two, LATER)
    # The case this test is about: after the first run the fishing story stands alone
    # (both stories hold one event); in one run it is folded into the talks.
    assert fishing_alone
    assert any({"e1-talks", "e2-fishing"} <= s for s in _stories(one))
    assert _stories(two) == _stories(one)


def test_a_later_run_does_not_fold_on_top_of_earlier_folds(tmp_path: Path) -> None:
    # After the fold the talks' story is stored with the fishing event in it; the next
    # run must thread new events against the talks as the linker made them, so that a
    # third run still ends where one run does.
    one = SQLiteStore(tmp_path / "one.db")
    _run(one, [*FIRST, *LATER, _talks(7)])
    three = SQLiteStore(tmp_path / "three.db")
    for batch in (FIRST, LATER, [_talks(7)]):
        _run(three, batch)
    assert _stories(three) == _stories(one)


def test_a_store_from_before_threads_resumes_from_its_stories(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "old.db")
    _run(store, FIRST)
    stories = _stories(store)
    store._conn.execute("ALTER TABLE events DROP COLUMN thread_id")
    m007_event_threads(store._conn)
    threads = store.event_stories()
    assert threads and all(story == thread for story, thread in threads.values())
    _run(store, LATER)
    assert _stories(store) != stories
    assert any({"e1-talks", "e2-fishing", "e4-talks"} <= s for s in _stories(store))


def test_one_more_article_leaves_the_stories_of_a_large_ingest_alone(tmp_path: Path) -> None:
    """The fold one ingest makes is the fold the next run makes of the same threads:
    before, the first run after an ingest (of one unrelated article) moved a fifth of
    the events of 400 T17 articles to other stories."""
    records = []
    for path in sorted(shared_path("data", "t17").glob("*/articles.json")):
        for record in json.loads(path.read_text(encoding="utf-8")):
            if record.get("text"):
                records.append(
                    {"title": record["text"][:80], "maintext": record["text"],
                     "date_publish": record["dct"], "url": f"https://t17.test/{path.parent.name}/{record['uid']}"}
                )  # fmt: skip
    records.sort(key=lambda r: (r["date_publish"], r["url"]))
    archive, later = tmp_path / "archive.jsonl", tmp_path / "later.jsonl"
    archive.write_text("".join(json.dumps(r) + "\n" for r in records[:400]), encoding="utf-8")
    later.write_text(json.dumps(records[-1]) + "\n", encoding="utf-8")
    with storyline.open(tmp_path / "news.db") as library:
        library.ingest([archive])
        before = _stories_of_events(library.store)
        library.ingest([later])
        after = _stories_of_events(library.store)
    assert len(before) > 100
    assert {e: after[e] for e in before} == before


def _stories_of_events(store: SQLiteStore) -> dict[str, str | None]:
    return {event: story for event, (story, _) in store.event_stories().items()}


def _mentioned(event_id: str, text: str, by: str, who: tuple[str, ...] = ()) -> Event:
    evidence = (Evidence(text, 0, len(text), by),)
    return Event(
        event_id, text, who=who, mentioned_by=(by,), mentioned_only=True, evidence=evidence
    )


def test_a_mentioned_happening_off_the_story_is_kept_in_no_story(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "news.db")
    talks = [_talks(n) for n in (1, 2)]
    store.put_events((event, None) for event, _ in talks)
    store.put_signals([(s.article_id, s.to_dict()) for _, s in talks])
    background = _mentioned("m-1956", "the 1956 treaty between them", "a-e1-talks")
    furniture = _mentioned("m-1836", "Chopin was introduced to George Sand in 1836", "a-e1-talks")
    StoryStep(store).save([e for e, _ in talks], [background, furniture])
    store.commit()
    (story,) = store.iter_stories()
    assert "m-1956" in story.events and "m-1836" not in story.events
    assert store.get_event("m-1836") is not None  # still there for its mention link
    assert store.story_of_event("m-1836") is None

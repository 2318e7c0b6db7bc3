"""An article with no known day meets the events of any time, not only recent ones."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import storyline
from storyline.analysis import EventStep
from storyline.events import EventClusterer, Signal

QUAKE = (
    "A magnitude 6.1 earthquake struck the Aegean island of Lesvos, shaking the harbour "
    "town of Mytilene. Rescue teams searched collapsed stone houses in the village of "
    "Vrisa, and the seismologists of the Athens observatory counted dozens of aftershocks."
)
QUAKE_LATER = (
    "Residents of Vrisa on Lesvos returned to stone houses cracked by the magnitude 6.1 "
    "earthquake, as the Athens observatory seismologists recorded further aftershocks "
    "near Mytilene harbour."
)
OTHER = [
    "The city council of {place} approved a new budget for bus lanes and bicycle paths, "
    "and the mayor promised that {n} kilometres would open before the summer.",
    "Farmers near {place} reported a record wheat harvest of {n} tonnes, helped by a "
    "mild spring and late rains, the regional agriculture office said.",
]
PLACES = ["Lyon", "Porto", "Graz", "Turku", "Gdansk", "Bari", "Leeds", "Bergen"]


def _write(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _dated_stream() -> list[dict[str, str]]:
    """The quake report, then two months of unrelated news that move the clock on."""
    records = [{"title": "Earthquake hits Lesvos", "maintext": QUAKE, "date_publish": "2017-06-12"}]
    for week in range(8):
        for k, template in enumerate(OTHER):
            place = PLACES[(week + k) % len(PLACES)]
            text = template.format(place=place, n=10 * week + k + 3)
            day = f"2017-{7 + week // 4:02d}-{1 + 7 * (week % 4):02d}"
            records.append({"title": f"{place} news {week}", "maintext": text, "date_publish": day})
    return records


def _event_of(lib: storyline.Library, title: str) -> str:
    article = next(a for a in lib.articles() if a.title == title)
    return next(e.id for e in lib.events() if article.id in e.articles)


def test_an_undated_report_joins_an_event_that_left_the_recent_window(tmp_path: Path) -> None:
    # The events step alone, in publication order: the undated report comes last, two
    # months after the quake report, when the quake's event has left the recent window.
    undated = {"title": "Lesvos quake damage", "maintext": QUAKE_LATER}
    source = _write(tmp_path / "news.jsonl", [*_dated_stream(), undated])
    with storyline.open(str(tmp_path / "store.db")) as lib:
        lib.ingest([str(source)], analyse_after=False)
        store = lib.store
        articles = list(store.iter_articles())
        assert articles[-1].published is None
        step = EventStep(store)
        found = {a.title: step.add(a, store.get_timexes(a.id), []) for a in articles[:-1]}
        quake = found["Earthquake hits Lesvos"]
        assert not step.clusterer.is_open(quake)
        assert step.add(articles[-1], store.get_timexes(articles[-1].id), []) == quake


def test_an_undated_report_in_a_later_run_joins_a_stored_event(tmp_path: Path) -> None:
    first = _write(tmp_path / "first.jsonl", _dated_stream())
    later = _write(
        tmp_path / "later.jsonl", [{"title": "Lesvos quake damage", "maintext": QUAKE_LATER}]
    )
    with storyline.open(str(tmp_path / "store.db")) as lib:
        lib.ingest([str(first)])
        quake_event = _event_of(lib, "Earthquake hits Lesvos")
    with storyline.open(str(tmp_path / "store.db")) as lib:
        lib.ingest([str(later)])
        assert _event_of(lib, "Lesvos quake damage") == quake_event
        event = next(e for e in lib.events() if e.id == quake_event)
        assert len(event.articles) == 2


def test_an_unrelated_undated_report_still_starts_its_own_event(tmp_path: Path) -> None:
    undated = {
        "title": "Chess final",
        "maintext": "The chess final in Reykjavik ended in a draw after ninety moves, and "
        "the two grandmasters will play a rapid tiebreak.",
    }
    source = _write(tmp_path / "news.jsonl", [*_dated_stream(), undated])
    with storyline.open(str(tmp_path / "store.db")) as lib:
        lib.ingest([str(source)])
        assert _event_of(lib, "Chess final") != _event_of(lib, "Earthquake hits Lesvos")


def _signal(article_id: str, day: str | None, *words: str) -> Signal:
    return Signal(article_id, published=day, terms=tuple((w, 1.0) for w in words))


def test_reopen_brings_an_event_back_without_counting_its_articles_again() -> None:
    clusterer = EventClusterer()
    quake = _signal("q1", "2017-06-12", "earthquake", "lesvos", "mytilene", "aftershock")
    copy = dataclasses.replace(quake, article_id="q1-copy", duplicate_of="q1")
    clusterer.add(quake)
    clusterer.add(copy)  # a syndicated copy: counted once
    for i in range(6):
        clusterer.add(_signal(f"o{i}", f"2017-08-{1 + i:02d}", "budget", "council", f"w{i}"))
    event = clusterer.event_of("q1")
    assert event is not None and not clusterer.is_open(event)
    before = clusterer._idf("lesvos")
    clusterer.reopen(event, [quake, copy])
    assert clusterer.is_open(event)
    assert clusterer._idf("lesvos") == before
    assert clusterer._active[event].n == 1  # the copy still counts once
    late = _signal("q2", None, "earthquake", "lesvos", "mytilene", "damage")
    assert clusterer.add(late) == event


def test_key_terms_rank_rare_words_first_and_unseen_words_last() -> None:
    clusterer = EventClusterer()
    for i in range(5):
        clusterer.add(_signal(f"c{i}", "2017-06-12", "said", f"topic{i}"))
    probe = _signal("p", None, "said", "topic3", "neverseen")
    assert clusterer.key_terms(probe, 3) == ["topic3", "said", "neverseen"]

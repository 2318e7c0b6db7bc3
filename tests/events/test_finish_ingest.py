"""Undated reports of two happenings told in the same words end in two stored events."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

import storyline
import storyline.events._finish as end_of_run

# Two dismissals of a basketball club's coach, reported in the same words, without dates.
SHARED = [
    "The Philadelphia 76ers fired their head coach on Saturday after a poor start to the season.",
    "General manager Ed Stefanski said the club needed a new voice on the bench.",
    "The team has lost most of its games and sits near the bottom of the Eastern Conference.",
    "Players said they were surprised by the timing of the decision.",
    "Assistant coaches will run practice until a replacement is named.",
    "Fans at the Wachovia Center had booed the team during its last home game.",
    "The 76ers play the Boston Celtics on Monday night.",
    "Owner Ed Snider backed the decision in a short statement.",
]
OWN = {
    "cheeks": [
        "Maurice Cheeks, a former 76ers point guard, was in his fourth season as coach.",
        "Cheeks led the team to the playoffs last spring before this slide.",
        "Tony DiLeo, a team executive, will take over from Cheeks for the rest of the season.",
        "Cheeks thanked the players and said he still loved the franchise.",
    ],
    "obrien": [
        "Jim O'Brien was dismissed after a single season in charge.",
        "O'Brien had clashed with young players over their minutes.",
        "Eddie Jordan is expected to replace O'Brien on the bench.",
        "O'Brien, who once coached the Boston Celtics, declined to comment.",
    ],
}


def _reports(path: Path, per_coach: int, seed: int, first: int = 0) -> Path:
    rng = random.Random(seed)
    records = []
    for coach, own in OWN.items():
        for i in range(first, first + per_coach):
            body = rng.sample(SHARED, 5) + rng.sample(own, 3)
            rng.shuffle(body)
            records.append({"title": f"76ers fire coach ({coach} {i})", "maintext": " ".join(body)})
    rng.shuffle(records)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _events(lib: storyline.Library) -> set[frozenset[str]]:
    """Each stored event as the set of its reports' coaches and numbers."""
    titles = {a.id: a.title or "" for a in lib.articles()}
    return {
        frozenset(titles[a].split("(")[1].rstrip(")") for a in event.articles)
        for event in lib.events()
    }


def _by_coach(count: int) -> set[frozenset[str]]:
    return {frozenset(f"{coach} {i}" for i in range(count)) for coach in OWN}


def test_an_ingest_divides_an_event_holding_two_happenings(tmp_path: Path) -> None:
    source = _reports(tmp_path / "reports.jsonl", 8, seed=0)
    with storyline.open(str(tmp_path / "store.db")) as lib:
        lib.ingest([str(source)])
        assert _events(lib) == _by_coach(8)


def test_without_the_division_the_two_happenings_run_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What the online pass alone makes of these reports: the case the division is for.
    monkeypatch.setattr(end_of_run, "divide_event", lambda signals, config: [list(signals)])
    source = _reports(tmp_path / "reports.jsonl", 8, seed=0)
    with storyline.open(str(tmp_path / "store.db")) as lib:
        lib.ingest([str(source)])
        assert _events(lib) == {frozenset().union(*_by_coach(8))}


def test_later_reports_join_their_own_happening_and_a_rebuild_agrees(tmp_path: Path) -> None:
    first = _reports(tmp_path / "first.jsonl", 8, seed=0)
    later = _reports(tmp_path / "later.jsonl", 2, seed=1, first=8)
    with storyline.open(str(tmp_path / "store.db")) as lib:
        lib.ingest([str(first)])
        divided = {e.id for e in lib.events()}
        lib.ingest([str(later)])
        assert _events(lib) == _by_coach(10)
        assert {e.id for e in lib.events()} == divided  # the two events kept their ids
        lib.rebuild()
        assert _events(lib) == _by_coach(10)

"""Articles that arrive late (an older crawl ingested after newer news) join the events
of their own days, as they would had everything come in one ingest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import storyline

QUAKE = {
    "title": "Strong earthquake strikes central Chile",
    "maintext": "A magnitude 8.8 earthquake struck central Chile early on Saturday, collapsing"
    " buildings in Concepcion and Talca. Rescuers searched the rubble as aftershocks shook"
    " the coast, and a tsunami warning was issued across the Pacific.",
    "date_publish": "2010-02-27",
}
FLOOD = {
    "title": "Floods swamp villages in northern Pakistan",
    "maintext": "Monsoon floods swamped villages across northern Pakistan on Monday, washing"
    " away bridges and roads. Army helicopters evacuated families stranded on rooftops as"
    " the river burst its banks near Peshawar.",
    "date_publish": "2010-03-15",
}
LATE = {
    "title": "Chile counts the dead after earthquake",
    "maintext": "Rescuers in central Chile searched the rubble of collapsed buildings in"
    " Concepcion and Talca on Sunday, a day after the magnitude 8.8 earthquake, as"
    " aftershocks shook the coast and the tsunami warning across the Pacific was lifted.",
    "date_publish": "2010-02-28",
}


def _write(path: Path, records: list[dict[str, str]]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def _events(lib: storyline.Library) -> set[frozenset[str]]:
    titles = {a.id: a.title for a in lib.articles()}
    return {frozenset(titles[a] for a in e.articles) for e in lib.events() if not e.mentioned_only}


@pytest.mark.parametrize("later", [[FLOOD], []], ids=["newer news stored", "nothing newer"])
def test_a_late_report_joins_the_event_of_its_day(
    tmp_path: Path, later: list[dict[str, str]]
) -> None:
    # The stored flood report is two weeks newer than the quake: restoring its event
    # must not move the clock past the quake's event before the late report is placed.
    first = _write(tmp_path / "first.jsonl", [QUAKE, *later])
    late = _write(tmp_path / "late.jsonl", [LATE])
    with storyline.open(str(tmp_path / "two-runs.db")) as lib:
        lib.ingest([first])
        lib.ingest([late])
        two_runs = _events(lib)
    with storyline.open(str(tmp_path / "one-run.db")) as lib:
        lib.ingest([first, late])
        one_run = _events(lib)
    assert frozenset({QUAKE["title"], LATE["title"]}) in two_runs
    assert two_runs == one_run


SPILL = (
    "Oil kept leaking from the ruptured Deepwater well in the Gulf of Mexico on day {n},"
    " as engineers of the rig operator tried another containment dome and crews laid"
    " booms along the Louisiana marshes to hold back the slick."
)


def test_a_report_joins_an_event_still_running_after_its_own_day(tmp_path: Path) -> None:
    # Daily reports of one long happening make one event whose day lies weeks back;
    # the next report, ingested alone, still joins it, as it would in one ingest.
    reports = [
        {
            "title": f"Gulf oil leak, day {n}",
            "maintext": SPILL.format(n=n),
            "date_publish": f"2010-05-{n:02d}",
        }
        for n in range(1, 27)
    ]
    first = _write(tmp_path / "first.jsonl", reports[:-1])
    late = _write(tmp_path / "late.jsonl", reports[-1:])
    with storyline.open(str(tmp_path / "two-runs.db")) as lib:
        lib.ingest([first])
        assert len(_events(lib)) == 1
        lib.ingest([late])
        assert len(_events(lib)) == 1

"""Undated articles dated from what they speak of: known happenings, archive coverage."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.cli.conftest import json_lines, run
from tests.conftest import ROOT

CNBC = "000_0ee64a50e8cb1b23.txt"


@pytest.mark.parametrize("with_corpus", [False, True])
def test_cnbc_seed_is_dated_to_the_week_of_the_sochi_talks(
    tmp_path: Path, with_corpus: bool
) -> None:
    """EXPECTED.md: inferred, with evidence, an interval of at most 7 days with 2014-02-08."""
    from tests.conftest import shared_path

    seed = shared_path("seeds", CNBC)
    db = str(tmp_path / "dates.db")
    if with_corpus:
        assert run("ingest", str(ROOT / "examples" / "corpus"), "--db", db, "-q").exit_code == 0
    assert run("ingest", str(seed), "--db", db, "-q").exit_code == 0
    rows = json_lines(run("articles", "--db", db, "--json").output)
    cnbc = next(r for r in rows if any(s["uri"].endswith(CNBC) for s in r["sources"]))
    published = cnbc["published"]
    assert published["provenance"] == "inferred"
    assert published["earliest"] <= "2014-02-08" <= published["latest"]
    days = dt.date.fromisoformat(published["latest"]) - dt.date.fromisoformat(published["earliest"])
    assert days.days < 7
    assert published["value"] == "2014-02-08"
    assert any("Olympics" in e["text"] for e in published["evidence"])


@pytest.mark.parametrize("years", ["In 1956 the two sides met. ", "It ended the war of 1945. "])
def test_history_shared_with_a_later_report_does_not_date_an_article(
    tmp_path: Path, years: str
) -> None:
    """An article writing only old years is not dated by a much later report it matches."""
    later = tmp_path / "later.txt"
    later.write_text(
        "Leaders recall the Hatoyama declaration\n\n15 March 2001\n\n"
        "Prime Minister Ichiro Hatoyama signed the declaration with Moscow, and leaders"
        " meeting in Irkutsk said on Sunday it would guide talks on the Kuril islands.\n",
        encoding="utf-8",
    )
    old = tmp_path / "old.txt"
    old.write_text(
        "Hatoyama signs declaration\n\n" + years + "Prime Minister Ichiro Hatoyama signed a"
        " declaration in Moscow ending the state of war; the Kuril islands stay in dispute.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "h.db")
    assert run("ingest", str(later), str(old), "--db", db, "-q").exit_code == 0
    rows = json_lines(run("articles", "--db", db, "--json").output)
    dated = {r["title"]: r["published"] for r in rows}
    old_date = dated["Hatoyama signs declaration"]
    assert old_date is None or old_date["earliest"] < "2001"


_QUAKE = (
    "A strong earthquake struck {where} before dawn on {day}, collapsing buildings in {town}."
    " Rescue teams from the civil protection agency searched the rubble of medieval"
    " churches, and the government declared a state of emergency.\n"
)


@pytest.mark.parametrize("both", [False, True], ids=["one happening", "two happenings"])
def test_coverage_of_two_times_leaves_an_article_undated(tmp_path: Path, both: bool) -> None:
    """An undated report that matches coverage of one happening takes its date; one that
    matches coverage of two like happenings years apart could be about either, and is
    left undated rather than given one of the two dates."""
    coverage = {
        "2009.txt": "Earthquake strikes Abruzzo\n\n6 April 2009\n\n"
        + _QUAKE.format(where="the Abruzzo region of central Italy", day="Monday", town="L'Aquila"),
        "2016.txt": "Earthquake strikes central Italy\n\n24 August 2016\n\n"
        + _QUAKE.format(where="central Italy near Abruzzo", day="Wednesday", town="Amatrice"),
    }
    paths = []
    for name, text in list(coverage.items())[: 2 if both else 1]:
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    undated = tmp_path / "undated.txt"
    undated.write_text(
        "Survivors recount the night the earth shook\n\nResidents told how a strong earthquake"
        " struck before dawn and collapsed buildings across the Abruzzo region of central"
        " Italy. Rescue teams from the civil protection agency searched the rubble of medieval"
        " churches while the government declared a state of emergency.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "q.db")
    assert run("ingest", *paths, str(undated), "--db", db, "-q").exit_code == 0
    rows = json_lines(run("articles", "--db", db, "--json").output)
    published = next(r["published"] for r in rows if r["title"].startswith("Survivors"))
    if both:
        assert published is None
    else:
        assert published is not None and published["value"] == "2009-04-06"

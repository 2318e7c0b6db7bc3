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

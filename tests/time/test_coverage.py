"""Dating in the pipeline's steps: the text and calendar first, the archive's coverage later."""

from __future__ import annotations

from storyline.model import Article, Provenance
from storyline.time import date_from_coverage, date_from_text, within_written_years
from storyline.time._types import KnownDate

_SPILL = (
    "Engineers began the static kill on the ruptured well, pumping heavy drilling mud "
    "into the blowout preventer while the relief well crept closer."
)
_WORDS = ("static kill", "drilling mud", "blowout preventer", "relief well", "ruptured")


def _article(*paragraphs: str, article_id: str = "a1") -> Article:
    return Article(title=None, paragraphs=paragraphs, id=article_id)


def _coverage(earliest: str, latest: str, article_id: str = "c1") -> KnownDate:
    return KnownDate(_WORDS, earliest, latest, article_id=article_id, kind="coverage")


def test_coverage_sharing_distinct_words_dates_the_article() -> None:
    found = date_from_coverage(_article(_SPILL), [_coverage("2010-07-20", "2010-09-02")])
    assert found is not None
    assert found.provenance is Provenance.INFERRED
    assert "2010-07-20" <= found.earliest <= found.latest <= "2010-09-02"


def test_coverage_of_like_happenings_years_apart_dates_nothing() -> None:
    known = [_coverage("2010-07-20", "2010-09-02"), _coverage("2013-03-01", "2013-04-14", "c2")]
    assert date_from_coverage(_article(_SPILL), known) is None


def test_an_articles_own_coverage_is_not_evidence() -> None:
    own = _coverage("2010-07-20", "2010-09-02", article_id="a1")
    assert date_from_coverage(_article(_SPILL), [own]) is None


def test_one_name_spelt_four_ways_is_too_few_words() -> None:
    known = KnownDate(
        ("ichiro", "hatoyama", "ichiro hatoyama", "minister ichiro"),
        "2001-01-01",
        "2001-03-01",
        article_id="c1",
        min_matches=4,
    )
    text = "Prime Minister Ichiro Hatoyama went to Moscow. Ichiro Hatoyama signed."
    assert date_from_coverage(_article(text), [known]) is None


def test_coverage_before_a_year_the_text_writes_is_refused() -> None:
    text = _SPILL + " The well had been drilled in 2012."
    assert date_from_coverage(_article(text), [_coverage("2010-07-20", "2010-09-02")]) is None


def test_years_written_bound_dates_from_outside_the_text() -> None:
    spill = date_from_coverage(_article(_SPILL), [_coverage("2010-07-20", "2010-09-02")])
    assert spill is not None
    assert within_written_years(_article("Drilled in 2008."), spill)
    assert not within_written_years(_article("Drilled in 2011."), spill)
    assert not within_written_years(_article("Drilled in 1990."), spill)
    assert within_written_years(_article("No year at all."), spill)


def test_text_clues_come_before_the_calendar() -> None:
    found = date_from_text(_article("SOCHI, Feb. 20, 2014 - The Winter Olympics went on."))
    assert found is not None
    assert found.value == "2014-02-20"


def test_calendar_dates_a_report_from_the_games() -> None:
    found = date_from_text(_article("Crowds cheered at the Olympics in Sochi as skaters won."))
    assert found is not None
    assert found.value == "2014-02"
    assert found.earliest == "2014-02-07"


def test_calendar_date_against_the_texts_years_is_refused() -> None:
    text = "Crowds cheered at the Olympics in Sochi, as they had in 1980."
    assert date_from_text(_article(text)) is None
    assert date_from_text(_article("Nothing dates this text.")) is None

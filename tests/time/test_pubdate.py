"""Publication-date inference from the text and from the archive."""

from __future__ import annotations

import pytest

from storyline.model import Article, Granularity, Provenance, TimePoint
from storyline.time import KnownDate, infer_published, known_dates_from_articles
from storyline.time._known import text_terms


def _article(*paragraphs: str, article_id: str = "a1") -> Article:
    return Article(title=None, paragraphs=paragraphs, id=article_id)


@pytest.mark.parametrize(
    ("paragraphs", "value", "earliest", "latest"),
    [
        (
            ("Last Updated: Sunday, 20 November 2005, 05:36 GMT", "Putin arrived in Japan."),
            "2005-11-20",
            "2005-11-20",
            "2005-11-20",
        ),
        (
            ("MOSCOW, Nov. 20, 2005 - Putin said he would go.",),
            "2005-11-20",
            "2005-11-20",
            "2005-11-21",
        ),
        (
            ("Posted Thu Apr 30, 2009 6:12 am EDT", "The virus spread on Wednesday."),
            "2009-04-30",
            "2009-04-30",
            "2009-04-30",
        ),
        (
            ("Thu Apr 30, 2009 6:12 am EDT", "The virus spread on Wednesday."),
            "2009-04-30",
            "2009-04-29",
            "2009-05-01",
        ),
    ],
)
def test_stamps_and_datelines(
    paragraphs: tuple[str, ...], value: str, earliest: str, latest: str
) -> None:
    point = infer_published(_article(*paragraphs))
    assert point is not None
    assert (point.value, point.earliest, point.latest) == (value, earliest, latest)
    assert point.provenance == Provenance.INFERRED
    assert point.evidence


def test_full_date_in_the_past_locates_loosely() -> None:
    point = infer_published(
        _article("On 12 January 2010, a magnitude 7 earthquake hit Haiti. Aid arrived Thursday.")
    )
    assert point is not None
    assert point.earliest <= "2010-01-12" and point.latest >= "2010-06-01"
    assert point.value == "2010-01-14"  # the Thursday just after


def test_background_date_with_a_later_year_is_no_location() -> None:
    article = _article("Security has tightened since Sept. 11, 2001, officials said in 2002.")
    assert infer_published(article) is None


@pytest.mark.parametrize(
    "text",
    [
        "The minister said on Tuesday that talks would go on.",
        "Prices rose again, traders said.",
        "The rules have applied since 1945.",
        "",
    ],
)
def test_unknown_rather_than_a_guess(text: str) -> None:
    assert infer_published(_article(text)) is None


def test_future_year_gives_a_year() -> None:
    point = infer_published(_article("Ten trends that will shape Asia in 2014.", "It hit in 2011."))
    assert point is not None
    assert (point.value, point.granularity) == ("2014", Granularity.YEAR)
    assert point.earliest == "2013-01-01" and point.latest == "2014-12-31"


def test_target_years_are_not_clues() -> None:
    assert infer_published(_article("BP will sell $30bn of assets by the end of 2011.")) is None


def test_known_event_with_a_weekday() -> None:
    games = KnownDate(("Winter Olympics", "Sochi"), "2014-02-07", "2014-02-23")
    text = "At the Winter Olympics in Sochi, Putin agreed on Tuesday to visit Japan."
    point = infer_published(_article(text), known_events=[games])
    assert point is not None
    assert point.value == "2014-02-11"
    assert point.earliest <= "2014-02-11" <= point.latest
    assert (point.latest > point.earliest) and point.latest <= "2014-02-17"


def test_known_event_needs_enough_keywords() -> None:
    games = KnownDate(("Winter Olympics", "Sochi"), "2014-02-07", "2014-02-23")
    assert infer_published(_article("Sochi is a city."), known_events=[games]) is None


def test_bad_known_event_is_skipped() -> None:
    broken = KnownDate(("Sochi",), "someday", "2014-02-23", min_matches=1)
    assert infer_published(_article("Sochi is a city."), known_events=[broken]) is None


def test_published_article_is_returned_unchanged() -> None:
    stamp = TimePoint(
        "2005-11-20", "2005-11-20", "2005-11-20", Granularity.DAY, Provenance.EXPLICIT
    )
    article = Article(title=None, paragraphs=("On Saturday.",), published=stamp)
    assert infer_published(article) is stamp


def _dated(text: str, day: str, article_id: str) -> Article:
    point = TimePoint(day, day, day, Granularity.DAY, Provenance.METADATA)
    return Article(title=None, paragraphs=(text,), id=article_id, published=point)


def test_coverage_from_the_archive() -> None:
    filler = [
        _dated(f"Filler story number {i} about gardens and weather.", "2010-01-01", f"f{i}")
        for i in range(30)
    ]
    story = "Engineers tried the top kill manoeuvre with heavy drilling mud and junk shot debris."
    archive = [
        *filler,
        _dated(story, "2010-05-27", "b1"),
        _dated(story + " Again.", "2010-05-28", "b2"),
    ]
    facts = known_dates_from_articles(archive, min_matches=3)
    assert facts and all(f.kind == "coverage" for f in facts)
    assert {f.article_id for f in facts} == {"b1", "b2"}
    undated = _article("The top kill failed, and the junk shot of heavy drilling mud too.")
    point = infer_published(undated, known_events=[f for f in facts if f.article_id != "b2"])
    assert point is not None
    assert point.value == "2010-05-27"
    assert point.earliest <= "2010-05-27" <= point.latest


def test_coverage_facts_for_given_texts_are_those_that_could_match() -> None:
    # Facts built for the texts to be dated leave out only articles sharing too few of
    # their terms; the facts kept are the same as when built for every article.
    filler = [
        _dated(f"Gardeners report weather number {i} for roses and tulips.", "2010-01-01", f"f{i}")
        for i in range(30)
    ]
    story = "Engineers tried the top kill manoeuvre with heavy drilling mud and junk shot debris."
    mangroves = "Volunteers planted mangrove seedlings along the eroded lagoon shore near Lamu."
    archive = [
        *filler,
        _dated(story, "2010-05-27", "b1"),
        _dated(story + " Again.", "2010-05-28", "b2"),
        _dated(mangroves, "2010-06-01", "m1"),
        _dated(mangroves + " Again.", "2010-06-02", "m2"),
    ]
    text = "The top kill failed, and the junk shot of heavy drilling mud too."
    every = known_dates_from_articles(archive, min_matches=3)
    wanted = known_dates_from_articles(archive, min_matches=3, for_terms=text_terms(text))
    assert {f.article_id for f in every} == {"b1", "b2", "m1", "m2"}
    assert {f.article_id for f in wanted} == {"b1", "b2"}
    assert set(wanted) <= set(every)


def test_a_time_the_text_reports_is_no_page_stamp() -> None:
    # A stamp deep in a page (a comment's) bounds the article from above; "as of" a day
    # and hour is a figure the article reports, which it was written after.
    filler = "Health officials urged calm as new cases were confirmed. " * 12
    text = f"{filler}As of 1500 BST on 15 June 2009, 70 countries had confirmed infections."
    point = infer_published(_article(text))
    assert point is not None
    assert point.earliest >= "2009-06-14"
    assert point.latest > "2009-06-16"

"""The seed articles' time expectations (../shared/seeds/EXPECTED.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.model import Article, Granularity, Provenance
from storyline.time import KnownDate, infer_published, tag
from tests.conftest import shared_path

CNBC = "000_0ee64a50e8cb1b23.txt"
BBC = "004_8d72a45c9b085ab1.txt"
SOCHI = KnownDate(
    keywords=("Winter Olympics", "Sochi"),
    earliest="2014-02-07",
    latest="2014-02-23",
    label="Sochi Winter Olympics",
)


def _seed(name: str) -> str:
    return Path(shared_path("seeds", name)).read_text(encoding="utf-8")


def _article(name: str) -> Article:
    """The seed as a naive article: every block of lines is a paragraph."""
    blocks = [block.strip() for block in _seed(name).split("\n\n")]
    return Article(title=None, paragraphs=tuple(b for b in blocks if b), id=name)


@pytest.mark.parametrize(
    ("name", "anchor", "span", "kind", "value"),
    [
        (CNBC, "2014-02-08", "Saturday", "DATE", "2014-02-08"),
        (CNBC, "2014-02-08", "the autumn", "DATE", "2014-FA"),
        (CNBC, "2014-02-08", "last April", "DATE", "2013-04"),
        (CNBC, "2014-02-08", "August 1945", "DATE", "1945-08"),
        (CNBC, "2014-02-08", "June", "DATE", "2014-06"),
        (CNBC, "2014-02-08", "2005", "DATE", "2005"),
        (CNBC, "2014-02-08", "2009", "DATE", "2009"),
        (CNBC, "2014-02-08", "2000-2008", "DATE", "2000"),
        (CNBC, "2014-02-08", "the last 13 months", "DURATION", "P13M"),
        (CNBC, "2014-02-08", "a decade", "DURATION", "P10Y"),
        (CNBC, "2014-02-08", "18 months", "DURATION", "P18M"),
        (CNBC, "2014-02-08", "the next 20 years", "DURATION", "P20Y"),
        (CNBC, "2014-02-08", "2011", "DATE", "2011"),
        (BBC, "2005-11-20", "18 November", "DATE", "2005-11-18"),
        (BBC, "2005-11-20", "60-year", "DURATION", "P60Y"),
        (BBC, "2005-11-20", "14 Jan 05", "DATE", "2005-01-14"),
        (BBC, "2005-11-20", "02 Sep 04", "DATE", "2004-09-02"),
        (BBC, "2005-11-20", "08 Feb 02", "DATE", "2002-02-08"),
        (BBC, "2005-11-20", "05 Sep 00", "DATE", "2000-09-05"),
        (BBC, "2005-11-20", "04 Sep 00", "DATE", "2000-09-04"),
    ],
)
def test_seed_time_expressions(name: str, anchor: str, span: str, kind: str, value: str) -> None:
    found = [(t.type, t.value) for t in tag(_seed(name), anchor) if t.text == span]
    assert (kind, value) in found, f"{span!r}: {found}"


def test_seed_names_are_not_seasons() -> None:
    assert not [t for t in tag(_seed(CNBC), "2014-02-08") if "Winter" in t.text]


def test_cnbc_year_from_its_text() -> None:
    point = infer_published(_article(CNBC))
    assert point is not None
    assert point.provenance == Provenance.INFERRED
    assert point.value == "2014"
    assert point.earliest <= "2014-02-08" <= point.latest
    assert point.evidence and all(e.article_id == CNBC for e in point.evidence)
    assert any("2014" in e.text for e in point.evidence)


def test_cnbc_week_from_the_sochi_olympics() -> None:
    point = infer_published(_article(CNBC), known_events=[SOCHI])
    assert point is not None
    assert point.earliest <= "2014-02-08" <= point.latest
    assert point.granularity == Granularity.DAY
    span = int(point.latest[-2:]) - int(point.earliest[-2:]) + 1
    assert point.latest[:7] == point.earliest[:7] == "2014-02" and span <= 7
    texts = [e.text for e in point.evidence]
    assert "Saturday" in texts and any("Olympics" in t or "Sochi" in t for t in texts)


def test_evidence_offsets_point_into_the_body() -> None:
    article = _article(CNBC)
    point = infer_published(article, known_events=[SOCHI])
    assert point is not None
    for evidence in point.evidence:
        assert article.body[evidence.start : evidence.end] == evidence.text


def test_bbc_date_from_its_last_updated_line() -> None:
    point = infer_published(_article(BBC))
    assert point is not None
    assert (point.value, point.earliest, point.latest) == ("2005-11-20",) * 3
    assert point.evidence[0].text.startswith("Last Updated:")

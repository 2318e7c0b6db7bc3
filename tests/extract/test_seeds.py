"""The extraction points of ../shared/seeds/EXPECTED.md, read from the seed files."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.extract import decode, extract
from storyline.extract._lines import LineKind, classify_lines
from storyline.model import Article, Document, Granularity, Provenance
from tests.conftest import related_pairs, seed_lines, shared_path

BBC = "004_8d72a45c9b085ab1.txt"
CNBC = "000_0ee64a50e8cb1b23.txt"


def _seed(name: str) -> Document:
    path: Path = shared_path("seeds", name)
    return Document(str(path), 0, path.read_bytes(), "text/plain")


@pytest.fixture(scope="module")
def bbc() -> Article:
    return extract(_seed(BBC))


@pytest.fixture(scope="module")
def cnbc() -> Article:
    return extract(_seed(CNBC))


def _in_body(article: Article, fragment: str) -> bool:
    return any(fragment in p for p in article.paragraphs)


def test_bbc_title(bbc: Article) -> None:
    assert bbc.title == "Putin visits Japan to boost ties"


def test_bbc_published_is_explicit_last_updated(bbc: Article) -> None:
    published = bbc.published
    assert published is not None
    assert published.provenance is Provenance.EXPLICIT
    assert published.granularity is Granularity.TIME
    assert published.value == "2005-11-20T05:36:00+00:00"
    assert (published.earliest, published.latest) == ("2005-11-20", "2005-11-20")
    (evidence,) = published.evidence
    raw = decode(_seed(BBC))
    assert evidence.text_of == "raw"
    assert raw[evidence.start : evidence.end] == evidence.text
    assert "05:36 GMT" in evidence.text


def _bbc_furniture() -> list[str]:
    """The BBC seed's lines that are not body text, named by their place in the file."""
    lines = seed_lines(BBC)
    related = [line for pair in related_pairs(lines) for line in pair]
    # Four header lines, the title, two caption lines, the footer and the region row.
    return [*lines[:7], *related, lines[-2], lines[-1], "Support pledges"]


def test_bbc_furniture_not_in_body(bbc: Article) -> None:
    for line in _bbc_furniture():
        assert not _in_body(bbc, line), line


def test_bbc_captions(bbc: Article) -> None:
    assert bbc.captions == tuple(seed_lines(BBC)[5:7])
    assert "Busan" in bbc.captions[0] and "18 November" in bbc.captions[0]


def test_bbc_subheading(bbc: Article) -> None:
    lines = seed_lines(BBC)
    assert [h.text for h in bbc.headings] == ["Support pledges"]
    before = bbc.headings[0].before
    assert bbc.paragraphs[before] == lines[lines.index("Support pledges") + 1]


def test_bbc_related_coverage(bbc: Article) -> None:
    dates = [link.date for link in bbc.related]
    assert dates == ["2005-01-14", "2004-09-02", "2002-02-08", "2000-09-05", "2000-09-04"]
    assert [link.title for link in bbc.related] == [h for h, _ in related_pairs(seed_lines(BBC))]


def test_bbc_body(bbc: Article) -> None:
    lines = seed_lines(BBC)
    first_related = related_pairs(lines)[0][0]
    assert bbc.paragraphs[0] == lines[7]
    assert bbc.paragraphs[-1] == lines[lines.index(first_related) - 1]
    assert _in_body(bbc, "60-year dispute")
    assert len(bbc.paragraphs) == 10


def test_cnbc_title_and_section(cnbc: Article) -> None:
    assert cnbc.title == "Putin to visit Japan as relations with Tokyo thaw"
    assert cnbc.section == "Asia-Pacific News"


@pytest.mark.parametrize(
    "fragment",
    ["Getty Images", "Read more", "Follow us on Twitter", "Asia-Pacific News"],
)
def test_cnbc_furniture_not_in_body(cnbc: Article, fragment: str) -> None:
    assert not _in_body(cnbc, fragment)


def test_cnbc_caption_above_credit_not_in_body(cnbc: Article) -> None:
    assert cnbc.captions == ("Vladimir Putin",)
    assert "Vladimir Putin" not in cnbc.paragraphs


def test_cnbc_has_no_date(cnbc: Article) -> None:
    assert cnbc.published is None


def test_cnbc_body_keeps_the_2005_sentence(cnbc: Article) -> None:
    lines = seed_lines(CNBC)
    assert _in_body(cnbc, "Putin made an official visit to Japan in 2005")
    # Section, title, caption and photo credit come first; the body starts after them.
    assert cnbc.paragraphs[0] == lines[4]
    assert cnbc.paragraphs[-1] == lines[-2]
    assert len(cnbc.paragraphs) == 19


def test_seed_languages(bbc: Article, cnbc: Article) -> None:
    assert (bbc.language, cnbc.language) == ("en", "en")


@pytest.mark.parametrize(
    ("name", "kind", "start"),
    [
        (BBC, LineKind.JUNK, "[an error occurred"),
        (BBC, LineKind.JUNK, "BBC News"),
        (BBC, LineKind.JUNK, "watch One-Minute"),
        (BBC, LineKind.DATELINE, "Last Updated"),
        (BBC, LineKind.SUBHEADING, "Support pledges"),
        (BBC, LineKind.RELATED_DATE, "02 Sep 04"),
        (BBC, LineKind.JUNK, "Americas Africa"),
        (CNBC, LineKind.SECTION, "Asia-Pacific News"),
        (CNBC, LineKind.PHOTO_CREDIT, "Sasha Mordovets"),
        (CNBC, LineKind.TEASER, "(Read more: Why investors"),
        (CNBC, LineKind.JUNK, "Follow us on Twitter"),
    ],
)
def test_seed_line_labels(name: str, kind: LineKind, start: str) -> None:
    labels = classify_lines(decode(_seed(name)))
    (match,) = [x for x in labels if x.line.text.startswith(start)]
    assert match.kind is kind

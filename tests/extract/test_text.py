"""Plain-text dumps in other layouts (self-written fixtures) and prestructured bodies."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.extract import extract
from storyline.extract._lines import LineKind, classify_lines, split_lines
from storyline.extract._text import dateline_published
from storyline.model import Document, Granularity, Provenance
from tests.extract._docs import FIXTURES, text_document


@pytest.mark.parametrize(
    ("name", "title", "section", "byline"),
    [
        ("wire_dateline.txt", "Harbour talks stall over fishing quotas", "WORLD NEWS", "Jane Doe"),
        ("published_line.txt", "Council approves new tram line", "City Desk", None),
        ("caption_no_credit.txt", "Rowers cross the channel in record time", "SPORT", None),
        ("hard_wrapped.txt", "Floods close mountain pass for third day", None, None),
    ],
)
def test_header_fields(name: str, title: str, section: str | None, byline: str | None) -> None:
    article = extract(text_document(name))
    assert (article.title, article.section, article.byline) == (title, section, byline)


def test_byline_and_dateline_lines_stay_out_of_other_fields() -> None:
    article = extract(text_document("wire_dateline.txt"))
    assert article.paragraphs[0].startswith("MOSCOW, Nov 20 (Agency) - Negotiators")
    assert not any("By Jane Doe" in p or "Share this" in p for p in article.paragraphs)
    assert len(article.paragraphs) == 3


def test_dateline_without_year_is_left_to_the_time_stage() -> None:
    assert extract(text_document("wire_dateline.txt")).published is None


def test_dateline_year_from_fetch_time() -> None:
    article = extract(text_document("wire_dateline.txt", fetched="2008-11-21T10:00:00Z"))
    published = article.published
    assert published is not None
    assert (published.value, published.provenance) == ("2008-11-20", Provenance.EXPLICIT)
    assert published.confidence < 1.0
    (evidence,) = published.evidence
    assert (
        article.body[evidence.start : evidence.end]
        == evidence.text
        == ("MOSCOW, Nov 20 (Agency) -")
    )


@pytest.mark.parametrize(
    ("first", "fetched", "value"),
    [
        ("TOKYO, Nov. 20, 2005 (Agency) - Talks began.", None, "2005-11-20"),
        ("TOKYO, Dec 31 (Agency) - Talks began.", "2006-01-02", "2005-12-31"),
        ("TOKYO, Jan 2 (Agency) - Talks began.", "2006-01-01", "2006-01-02"),
        ("TOKYO, Nov 20 (Agency) - Talks began.", None, None),
        ("Talks began in Tokyo on Nov 20.", "2006-01-01", None),
    ],
)
def test_dateline_published(first: str, fetched: str | None, value: str | None) -> None:
    published = dateline_published([first], fetched)
    assert (published.value if published else None) == value


def test_published_line_with_zone() -> None:
    article = extract(text_document("published_line.txt"))
    published = article.published
    assert published is not None
    assert published.value == "2011-03-03T14:20:00+01:00"
    assert published.granularity is Granularity.TIME
    assert published.provenance is Provenance.EXPLICIT


def test_published_line_document_parts() -> None:
    article = extract(text_document("published_line.txt"))
    assert article.captions == ("Workers lay the first rails on the square outside the town hall",)
    assert [(h.text, h.before) for h in article.headings] == [("Funding questions", 2)]
    assert article.paragraphs[0].startswith("The city council voted on Wednesday")
    assert not any("Follow us" in p for p in article.paragraphs)


def test_caption_without_credit_and_related_block() -> None:
    article = extract(text_document("caption_no_credit.txt"))
    assert article.captions == (
        "The crew celebrate on the beach after landing near the harbour wall",
    )
    assert [(r.title, r.date) for r in article.related] == [
        ("Club rowing records", "1998-08-12"),
        ("Channel swim marks anniversary", "2009-07-03"),
    ]
    assert len(article.paragraphs) == 3
    assert not any("Read more" in p or "Copyright" in p for p in article.paragraphs)


def test_hard_wrapped_paragraphs_are_joined() -> None:
    article = extract(text_document("hard_wrapped.txt"))
    assert len(article.paragraphs) == 2
    assert "cutting off several villages" in article.paragraphs[0]
    published = article.published
    assert published is not None and published.value == "2013-05-07T14:05:00+00:00"


def test_split_lines_offsets_point_into_the_text() -> None:
    text = (FIXTURES / "hard_wrapped.txt").read_text(encoding="utf-8")
    for line in split_lines(text):
        assert text[line.start : line.end] == line.raw
        assert line.text == " ".join(line.raw.split())


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("World\n\nTalks resume in Tokyo\n\nThe talks resumed on Monday after a pause.\n",
         ["section", "title", "paragraph"]),
        ("CNN\nTalks resume in Tokyo\nThe talks resumed on Monday after a long pause.\n",
         ["junk", "title", "paragraph"]),
        ("Talks resume in Tokyo\nBy Ann Lee and Bo Chen\nThe talks resumed on Monday here.\n",
         ["title", "byline", "paragraph"]),
        ("Talks resume\nPhoto: Agency\nThe talks resumed on Monday after a pause.\n",
         ["title", "photo_credit", "paragraph"]),
        ("Talks resume\nThe talks resumed on Monday after a pause.\n\nSee also: Old talks\n",
         ["title", "paragraph", "teaser"]),
        ("Talks resume\nThe talks resumed on Monday after a pause.\n\nSign up for our newsletter\n",
         ["title", "paragraph", "junk"]),
    ],
)  # fmt: skip
def test_classify_small_layouts(text: str, kinds: list[str]) -> None:
    assert [x.kind.value for x in classify_lines(text)] == kinds


def test_every_label_names_its_rule() -> None:
    text = (FIXTURES / "caption_no_credit.txt").read_text(encoding="utf-8")
    labels = classify_lines(text)
    assert all(x.rule for x in labels)
    assert {x.kind for x in labels} >= {LineKind.TITLE, LineKind.CAPTION, LineKind.TEASER}


@pytest.mark.parametrize(
    ("body", "paragraphs"),
    [
        (b"First line.\nSecond line.\n", ("First line.", "Second line.")),
        (
            b"One block\nwrapped here.\n\nSecond block.",
            ("One block wrapped here.", "Second block."),
        ),
        (b"  Spaced   out.  \n\n\n", ("Spaced out.",)),
        (b"", ()),
    ],
)
def test_prestructured_paragraphs(body: bytes, paragraphs: tuple[str, ...]) -> None:
    document = Document("a.jsonl", 1, body, "text/plain", hints=(("prestructured", "1"),))
    assert extract(document).paragraphs == paragraphs


def test_prestructured_takes_fields_from_hints() -> None:
    hints = (
        ("author", "Ann Lee"),
        ("prestructured", "1"),
        ("published", "2014-02-08T10:00:00+04:00"),
        ("section", "World"),
        ("title", "Talks resume"),
    )
    document = Document("a.jsonl", 3, b"The talks resumed.", "text/plain", hints=hints)
    article = extract(document)
    assert (article.title, article.byline, article.section) == ("Talks resume", "Ann Lee", "World")
    published = article.published
    assert published is not None
    assert published.provenance is Provenance.METADATA
    assert published.value == "2014-02-08T10:00:00+04:00"


def test_text_dump_falls_back_to_hints() -> None:
    hints = (("published", "2014-02"), ("title", "From the feed"))
    document = Document("d.txt", 0, b"Talks resumed on Monday after a pause.", "text/plain",
                        hints=hints)  # fmt: skip
    article = extract(document)
    assert article.title == "From the feed"
    published = article.published
    assert published is not None
    assert (published.granularity, published.earliest, published.latest) == (
        Granularity.MONTH, "2014-02-01", "2014-02-28",
    )  # fmt: skip


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_classifier_labels_every_line(text: str) -> None:
    labels = classify_lines(text)
    assert len(labels) == len(split_lines(text))
    for item in labels:
        assert text[item.line.start : item.line.end] == item.line.raw
        assert item.line.text.strip()

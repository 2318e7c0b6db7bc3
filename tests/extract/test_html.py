"""HTML pages and fragments through `extract`."""

from __future__ import annotations

import time

import pytest

from storyline.errors import RecordError
from storyline.extract import ExtractOptions, extract
from storyline.model import Document, Granularity, Provenance
from tests.extract._docs import html_document

_SENTENCES = (
    "The regional council met on Tuesday to discuss the new harbour plan for the town.",
    "Members argued for three hours about the cost of dredging the old shipping channel.",
    "A vote on the final budget is expected before the end of the month, officials said.",
    "Local fishermen welcomed the plan but asked for compensation during the works.",
)


def _page(
    head: str = "",
    article: str = "",
    *,
    lang: str = "en",
    before: str = "",
    after: str = "",
) -> str:
    body = article or "".join(f"<p>{s}</p>" for s in _SENTENCES)
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>{head}</head>"
        f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>{before}"
        f"<article>{body}</article>{after}<footer>Contact us</footer></body></html>"
    )


_FULL_HEAD = (
    "<title>Harbour plan debated | Coast Gazette</title>"
    "<meta property='og:title' content='Harbour plan debated'>"
    "<meta property='og:site_name' content='Coast Gazette'>"
    "<meta name='author' content='Ann Lee'>"
    "<meta property='article:section' content='Local'>"
    "<meta property='article:published_time' content='2019-05-06T08:30:00+02:00'>"
    "<link rel='canonical' href='https://gazette.example/local/harbour-plan'>"
)


def test_full_page_metadata() -> None:
    article = extract(html_document(_page(_FULL_HEAD), url="https://gazette.example/?id=7"))
    assert article.title == "Harbour plan debated"
    assert article.byline == "Ann Lee"
    assert article.section == "Local"
    assert article.url == "https://gazette.example/local/harbour-plan"
    assert article.language == "en"
    assert article.paragraphs == _SENTENCES


def test_published_takes_time_from_metadata_that_agrees() -> None:
    published = extract(html_document(_page(_FULL_HEAD))).published
    assert published is not None
    assert published.provenance is Provenance.METADATA
    assert published.granularity is Granularity.TIME
    assert published.value == "2019-05-06T08:30:00+02:00"
    (evidence,) = published.evidence
    assert evidence.text_of == "raw" and evidence.text == "2019-05-06T08:30:00+02:00"


def test_published_from_json_ld() -> None:
    head = (
        '<script type=\'application/ld+json\'>{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "Harbour plan debated", '
        '"datePublished": "2018-03-04T10:00:00Z", "articleSection": "Coast"}'
        "</script>"
    )
    article = extract(html_document(_page(head)))
    published = article.published
    assert published is not None and published.value == "2018-03-04T10:00:00+00:00"
    assert article.section == "Coast"


@pytest.mark.parametrize("mode", ["fast", "extensive"])
def test_published_from_visible_date(mode: str) -> None:
    article_html = "<p class='date'>Published on 12 April 2017</p>" + "".join(
        f"<p>{s}</p>" for s in _SENTENCES
    )
    options = ExtractOptions(date_search=mode)  # type: ignore[arg-type]
    published = extract(html_document(_page(article=article_html)), options).published
    if mode == "extensive":
        assert published is not None and published.value == "2017-04-12"
        assert published.granularity is Granularity.DAY
    else:
        assert published is None or published.value == "2017-04-12"


def test_no_date_anywhere() -> None:
    assert extract(html_document(_page())).published is None


def test_fetch_time_caps_the_date() -> None:
    head = "<meta property='article:published_time' content='2030-01-01T00:00:00Z'>"
    article = extract(html_document(_page(head), fetched="2019-05-07T00:00:00Z"))
    assert article.published is None or article.published.earliest <= "2019-05-08"


def test_hints_fill_what_the_page_lacks() -> None:
    hints = (
        ("author", "Bo Chen"),
        ("published", "2014-02-08T10:00:00Z"),
        ("section", "World"),
        ("title", "From the feed"),
    )
    article = extract(html_document(_page(), hints=hints))
    assert (article.title, article.byline, article.section) == ("From the feed", "Bo Chen", "World")
    published = article.published
    assert published is not None and published.provenance is Provenance.METADATA
    assert published.value == "2014-02-08T10:00:00+00:00"


def test_page_values_beat_hints() -> None:
    hints = (("author", "Bo Chen"), ("title", "From the feed"))
    article = extract(html_document(_page(_FULL_HEAD), hints=hints))
    assert (article.title, article.byline) == ("Harbour plan debated", "Ann Lee")


def test_subheadings_are_headings_not_paragraphs() -> None:
    body = (
        f"<h1>Harbour plan debated</h1><p>{_SENTENCES[0]}</p><p>{_SENTENCES[1]}</p>"
        f"<h2>What comes next</h2><p>{_SENTENCES[2]}</p><p>{_SENTENCES[3]}</p>"
    )
    article = extract(html_document(_page(_FULL_HEAD, article=body)))
    assert [(h.text, h.before) for h in article.headings] == [("What comes next", 2)]
    assert article.paragraphs == _SENTENCES


def test_teasers_and_promotions_are_dropped() -> None:
    body = (
        f"<p>{_SENTENCES[0]}</p><p>Read more: Another harbour story</p><p>{_SENTENCES[1]}</p>"
        f"<p>{_SENTENCES[2]}</p><p>Sign up for our daily newsletter</p><p>{_SENTENCES[3]}</p>"
        "<p>© 2019 Coast Gazette. All rights reserved.</p>"
    )
    assert extract(html_document(_page(article=body))).paragraphs == _SENTENCES


def test_list_items_and_line_breaks_become_paragraphs() -> None:
    body = (
        f"<p>{_SENTENCES[0]}</p><ul><li>First point of the plan</li><li>Second point</li></ul>"
        f"<p>{_SENTENCES[1]}<br>{_SENTENCES[2]}</p>"
    )
    paragraphs = extract(html_document(_page(article=body))).paragraphs
    assert paragraphs == (
        _SENTENCES[0], "First point of the plan", "Second point", _SENTENCES[1], _SENTENCES[2],
    )  # fmt: skip


def test_captions() -> None:
    figure = (
        "<figure><img src='a.jpg'><figcaption>The harbour at dawn, seen from the pier"
        "</figcaption></figure>"
    )
    body = (
        "".join(f"<p>{s}</p>" for s in _SENTENCES[:2])
        + figure
        + "".join(f"<p>{s}</p>" for s in _SENTENCES[2:])
    )
    document = html_document(_page(article=body))
    assert extract(document).captions == ("The harbour at dawn, seen from the pier",)
    assert extract(document, ExtractOptions(include_captions=False)).captions == ()


@pytest.mark.parametrize(
    ("fragment", "paragraphs"),
    [
        ("<p>Putin arrived in Tokyo.</p><p>He brought business leaders.</p>",
         ("Putin arrived in Tokyo.", "He brought business leaders.")),
        ("<div>Short <b>fragment</b> text.</div>", ("Short fragment text.",)),
        ("Just words from a feed summary", ("Just words from a feed summary",)),
        ("<p>One</p><!-- a comment --><script>var x = 1;</script><p>Two</p>", ("One", "Two")),
    ],
)  # fmt: skip
def test_fragments_give_paragraphs(fragment: str, paragraphs: tuple[str, ...]) -> None:
    assert extract(html_document(fragment)).paragraphs == paragraphs


def test_page_without_article_text_gives_no_paragraphs() -> None:
    links = "".join(f"<li><a href='/s/{i}'>Section {i}</a></li>" for i in range(200))
    page = (
        "<html><head><title>Index</title></head><body><header><nav><ul>"
        f"{links}</ul></nav></header><footer><p>About us</p></footer></body></html>"
    )
    assert extract(html_document(page)).paragraphs == ()


@pytest.mark.parametrize("content", [b"", b"   \n  "])
def test_empty_html_gives_empty_article(content: bytes) -> None:
    article = extract(html_document(content.decode()))
    assert article.paragraphs == () and article.published is None


@pytest.mark.parametrize("tag", ["div", "span", "table", "blockquote"])
def test_deep_nesting_is_quick_and_safe(tag: str) -> None:
    page = "<html><body>" + f"<{tag}>" * 100_000 + "deep text" + f"</{tag}>" * 100_000
    start = time.perf_counter()
    try:
        article = extract(html_document(page + "</body></html>"))
    except RecordError:
        pass
    else:
        assert isinstance(article.paragraphs, tuple)
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize(
    ("lang", "meta", "text", "expected"),
    [
        ("de-DE", "", "", "de"),
        ("", "<meta http-equiv='content-language' content='fr'>", "", "fr"),
        ("", "", "Der Rat hat am Dienstag über den Hafen gesprochen und die Kosten sind "
         "noch nicht klar, aber die Fischer sind für den Plan.", "de"),
    ],
)  # fmt: skip
def test_language(lang: str, meta: str, text: str, expected: str) -> None:
    article_html = f"<p>{text}</p>" * 4 if text else ""
    article = extract(html_document(_page(meta, article=article_html, lang=lang)))
    assert article.language == expected


def test_latin1_page_with_declared_charset() -> None:
    body = "<p>Caf\xe9 cr\xe8me au port.</p>" + "".join(f"<p>{s}</p>" for s in _SENTENCES)
    html = _page(article=body).replace("charset='utf-8'", "charset='iso-8859-1'")
    document = Document("p.html", 0, html.encode("latin-1"), "text/html")
    assert extract(document).paragraphs[0] == "Café crème au port."


def test_site_name_is_cut_from_title() -> None:
    head = (
        "<title>Harbour plan debated - Coast Gazette</title>"
        "<meta property='og:site_name' content='Coast Gazette'>"
    )
    assert extract(html_document(_page(head))).title == "Harbour plan debated"


def test_a_record_date_beats_a_year_guessed_from_a_fragment() -> None:
    fragment = (
        "<p>The 1956 declaration promised two islands after a peace treaty was signed, "
        "and both governments referred to it again in talks held in the city.</p>"
    )
    hints = (("published", "2016-12-16T12:15:00+00:00"),)
    article = extract(html_document(fragment, hints=hints))
    assert article.published is not None
    assert article.published.value.startswith("2016-12-16")
    assert article.published.provenance.value == "metadata"

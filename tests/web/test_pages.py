"""The server-rendered pages: content, escaping, timeline drawing, accessibility basics."""

from __future__ import annotations

import re
from typing import Any

import pytest

from storyline.model import Granularity, Provenance, Timeline, TimelineEntry, TimePoint
from storyline.web import Span, highlight, layout_timeline
from tests.web._fake import TIMELINE, XSS_PARAGRAPHS


@pytest.mark.parametrize(
    ("path", "needles"),
    [
        ("/", ["Moving this week", "/stories/st1"]),
        ("/search?q=putin", ["2 results", "/articles/a2014", "/articles/a2005"]),
        ("/search", ["Words to find"]),
        ("/search?q=putin&source=warc", ["1 result ", "/articles/a2014"]),
        ("/search?q=putin&story=st1", ["2 results", 'name="story" value="st1"']),
        ("/search?q=putin&since=2010-01-01", ["1 result ", 'value="2010-01-01"']),
        ("/stories", ["Russia–Japan island dispute"]),
        ("/stories/st1", ["<svg", 'href="#entry-0"', 'id="entry-2"', "/articles/a2005", ">year<"]),
        (
            "/articles/a2014",
            [
                'class="mention" href="/articles/a2005"',
                '<mark class="timex"',
                "Mentioned later by"[:0],
            ],
        ),
        ("/articles/a2005", ["Mentioned later by", "/articles/a2014"]),
        ("/entities", ["/entities/place:kurils"]),
        (
            "/entities/place:kurils",
            ["Northern Territories", "Japan", "Southern Kuriles", "disputed territory"],
        ),
    ],
)
def test_pages_show(client: Any, path: str, needles: list[str]) -> None:
    response = client.get(path)
    assert response.status_code == 200
    for needle in needles:
        assert needle in response.text


@pytest.mark.parametrize(
    "path", ["/", "/stories/st1", "/articles/a2014", "/entities/place:kurils", "/search?q=x"]
)
def test_pages_have_landmarks_and_no_remote_assets(client: Any, path: str) -> None:
    html = client.get(path).text
    for landmark in ("<header", "<nav", "<main", "<footer", 'lang="en"'):
        assert landmark in html
    assert not re.search(
        r'(src|href)="(https?:)?//', html.replace('href="https://news.example', "")
    )
    for field in re.findall(r'<input id="([^"]+)"', html):
        assert f'for="{field}"' in html


@pytest.mark.parametrize(
    ("path", "status"), [("/stories/nope", 404), ("/articles/nope", 404), ("/entities/nope", 404)]
)
def test_missing_pages_render_html_errors(client: Any, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert "nope" in response.text


@pytest.mark.parametrize(
    "path", ["/articles/axss", "/stories/st1", "/search?q=harbour", "/api/articles/axss"]
)
def test_article_text_is_escaped(client: Any, path: str) -> None:
    html = client.get(path).text
    assert "<script>window" not in html
    assert "<img src" not in html
    assert 'onerror="window' not in html
    assert 'href="javascript:' not in html.lower()
    assert "<svg onload" not in html


def test_hostile_url_gets_no_link(client: Any) -> None:
    html = client.get("/articles/axss").text
    assert "original</a>" not in html
    assert 'href="https://news.example/2014/sochi"' in client.get("/articles/a2014").text


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([], [[("Ab cd", (), None)]]),
        ([Span(0, 2, "timex", "DATE")], [[("Ab", ("timex",), None), (" cd", (), None)]]),
        (
            [Span(0, 5, "link", "x", "/a"), Span(3, 5, "entity")],
            [[("Ab ", (), "/a"), ("cd", ("entity",), "/a")]],
        ),
        (
            [Span(0, 3, "timex"), Span(1, 4, "entity")],
            [
                [
                    ("A", ("timex",), None),
                    ("b ", ("entity", "timex"), None),
                    ("c", ("entity",), None),
                    ("d", (), None),
                ]
            ],
        ),
        (
            [Span(0, 3, "link", "", "/a"), Span(1, 4, "link", "", "/b")],
            [[("Ab ", (), "/a"), ("cd", (), None)]],
        ),
    ],
)
def test_highlight_cuts(
    spans: list[Span], expected: list[list[tuple[str, tuple[str, ...], str | None]]]
) -> None:
    blocks = highlight(["Ab cd"], spans)
    flat = [[(p.text, p.kinds, b.target) for b in para for p in b.pieces] for para in blocks]
    assert flat == expected


def test_highlight_offsets_cross_paragraphs() -> None:
    paragraphs = ["One.", "Two 2005."]
    start = len("One.\n\nTwo ")
    blocks = highlight(paragraphs, [Span(start, start + 4, "timex")])
    assert [p.text for p in blocks[1][0].pieces if p.kinds] == ["2005"]
    assert "".join(p.text for b in blocks[0] for p in b.pieces) == "One."


def test_layout_orders_entries_by_time_and_shows_granularity() -> None:
    svg = layout_timeline(TIMELINE)
    bars = {b.index: b for b in svg.bars}
    assert bars[0].x < bars[2].x
    assert bars[1].width > bars[0].width  # a year is wider than a day
    assert bars[1].granularity == "year" and bars[1].status == "mentioned"
    assert bars[0].y != bars[1].y  # overlapping entries get their own lanes
    assert [t.label for t in svg.ticks][:2] == ["2005", "2006"]
    assert all(0 <= b.x <= svg.width for b in svg.bars)


def test_layout_of_empty_timeline() -> None:
    assert layout_timeline(Timeline("empty")).bars == ()


def test_xss_fixture_is_hostile() -> None:
    assert any("<script>" in p for p in XSS_PARAGRAPHS)


def _entry(value: str, earliest: str, latest: str, granularity: Granularity) -> TimelineEntry:
    return TimelineEntry(
        TimePoint(value, earliest, latest, granularity, Provenance.INFERRED), value
    )


def test_layout_cuts_long_empty_stretches() -> None:
    line = Timeline(
        "gap",
        (
            _entry("1855", "1855-01-01", "1855-12-31", Granularity.YEAR),
            _entry("1956-10-19", "1956-10-19", "1956-10-19", Granularity.DAY),
            _entry("2014-02-08", "2014-02-08", "2014-02-08", Granularity.DAY),
        ),
    )
    svg = layout_timeline(line)
    assert len(svg.breaks) == 2
    xs = sorted(b.x for b in svg.bars)
    assert xs[0] < svg.breaks[0] < xs[1] < svg.breaks[1] < xs[2]
    assert [t.label for t in svg.ticks][0] == "1855"
    assert all(b.x + b.width <= svg.width for b in svg.bars)

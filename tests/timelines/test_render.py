"""Timeline exports: every format parses, escapes its text and keeps the granularity."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser

import pytest

from storyline.errors import UsageError
from storyline.model import Evidence, Timeline, TimelineEntry, TimePoint
from storyline.timelines import FORMATS, point_from_value, render

HOSTILE = '<script>alert("x")</script> & <img src=x onerror=y>'


def _point(value: str) -> TimePoint:
    point = point_from_value(value)
    assert point is not None
    return point


TIMELINE = Timeline(
    title="Islands & <talks>",
    story="story-1",
    entries=(
        TimelineEntry(_point("2009"), "A visit as premier.", None, "e1", ("a",), 1, "mentioned"),
        TimelineEntry(
            _point("2014-02-08"),
            HOSTILE,
            Evidence(HOSTILE, 10, 60, "b"),
            "e2",
            ("b", "c"),
            1,
        ),
        TimelineEntry(_point("2014-FA"), "A planned visit.", None, "e3", ("b",), 1, "planned"),
    ),
)


class _Tags(HTMLParser):
    """Collect the tag and attribute names of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.add(tag)
        self.attributes.update(name for name, _ in attrs)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_every_entry(fmt: str) -> None:
    text = render(TIMELINE, fmt)
    assert "A visit as premier." in text
    assert "A planned visit." in text


def test_json_round_trips_the_model_shape() -> None:
    data = json.loads(render(TIMELINE, "json"))
    assert data == json.loads(json.dumps(TIMELINE.to_dict()))
    assert [e["time"]["value"] for e in data["entries"]] == ["2009", "2014-02-08", "2014-FA"]


def test_csv_has_a_header_and_one_row_per_entry() -> None:
    rows = list(csv.DictReader(io.StringIO(render(TIMELINE, "csv"))))
    assert len(rows) == 3
    assert rows[0]["date"] == "2009"
    assert rows[0]["granularity"] == "year"
    assert rows[1]["summary"] == HOSTILE
    assert rows[1]["sources"] == "b c"
    assert rows[1]["evidence_article"] == "b"
    assert rows[2]["status"] == "planned"


def test_html_is_self_contained_and_escaped() -> None:
    page = render(TIMELINE, "html")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page
    assert "<img" not in page
    assert "&lt;script&gt;" in page
    tags = _Tags()
    tags.feed(page)
    assert tags.names <= {"html", "head", "meta", "title", "style", "body", "h1", "ol", "li",
                          "span", "div", "blockquote"}  # fmt: skip
    assert not tags.attributes & {"src", "href"}
    assert "@import" not in page and "url(" not in page
    assert "Islands &amp; &lt;talks&gt;" in page
    assert "autumn 2014" in page


def test_timelinejs_shape() -> None:
    data = json.loads(render(TIMELINE, "timelinejs"))
    starts = [e["start_date"] for e in data["events"]]
    assert [{k: v for k, v in s.items() if k != "display_date"} for s in starts] == [
        {"year": "2009"},
        {"year": "2014", "month": "2", "day": "8"},
        {"year": "2014", "month": "9"},
    ]
    assert starts[2]["display_date"] == "autumn 2014"
    assert all({"headline", "text"} <= set(e["text"]) for e in data["events"])
    assert "<script" not in json.dumps(data)
    assert data["title"]["text"]["headline"] == "Islands &amp; &lt;talks&gt;"


def test_markdown_reads_in_a_terminal() -> None:
    lines = render(TIMELINE, "markdown").splitlines()
    assert lines[0] == "# Islands & <talks>"
    assert "- **2009** *(mentioned)* A visit as premier." in lines
    assert "- **autumn 2014** *(planned)* A planned visit." in lines


def test_empty_timeline_renders() -> None:
    empty = Timeline("Nothing")
    for fmt in FORMATS:
        assert render(empty, fmt)


@pytest.mark.parametrize("fmt", ["pdf", "", "JSON"])
def test_unknown_format_is_a_usage_error(fmt: str) -> None:
    with pytest.raises(UsageError, match="choose one of json, markdown"):
        render(TIMELINE, fmt)

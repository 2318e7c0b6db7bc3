"""JSON Lines exports and JSON documents: field detection, mapping, broken lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storyline.ingest import IngestOptions
from tests.ingest.builders import read_all

NEWS_PLEASE = {
    "authors": ["Ann Lee", "Bo Chan"],
    "date_download": "2020-06-02 08:00:00",
    "date_publish": "2020-06-01 10:00:00",
    "description": "Volunteers restored the lighthouse.",
    "language": "en",
    "maintext": "The lighthouse was restored.\nIt opens in summer.",
    "title": "Lighthouse restored",
    "url": "https://portmere.example/lighthouse",
}


def _write(tmp_path: Path, lines: list[str], name: str = "export.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_news_please_record(tmp_path: Path) -> None:
    path = _write(tmp_path, [json.dumps(NEWS_PLEASE)])
    [doc], errors = read_all([path])
    assert errors == []
    assert (doc.uri, doc.record, doc.content_type, doc.charset) == (
        str(path),
        1,
        "text/plain",
        "utf-8",
    )
    assert doc.content == b"The lighthouse was restored.\nIt opens in summer."
    assert doc.url == "https://portmere.example/lighthouse"
    assert doc.fetched == "2020-06-02T08:00:00"
    assert dict(doc.hints) == {
        "author": "Ann Lee, Bo Chan",
        "language": "en",
        "prestructured": "1",
        "published": "2020-06-01T10:00:00",
        "title": "Lighthouse restored",
    }


@pytest.mark.parametrize(
    ("record", "content", "content_type", "hints"),
    [
        (
            {"headline": "H", "body": "B", "pubDate": "Tue, 14 May 2019 09:00:00 GMT"},
            b"B",
            "text/plain",
            {"title": "H", "published": "2019-05-14T09:00:00+00:00", "prestructured": "1"},
        ),
        (
            {"Title": "T", "Text": "X", "Published_At": 1400000000, "Byline": "By Jo"},
            b"X",
            "text/plain",
            {"title": "T", "published": "2014-05-13T16:53:20+00:00", "author": "By Jo"},
        ),
        (
            {"title": "T", "html": "<html><p>H</p></html>", "text": "plain", "date": "2014-02"},
            b"<html><p>H</p></html>",
            "text/html",
            {"title": "T", "published": "2014-02"},
        ),
        (
            {"raw_html": "<p>R</p>", "date": "March 3, 2014", "published_at_ms": 1},
            b"<p>R</p>",
            "text/html",
            {"published": "2014-03-03"},
        ),
        (
            {"content": "<p>One</p>\n<p>Two</p>", "author": {"name": "Kim"}},
            b"<p>One</p>\n<p>Two</p>",
            "text/html",
            {"author": "Kim"},
        ),
        (
            {"article": ["First paragraph.", "Second paragraph."], "category": ["A", "B"]},
            b"First paragraph.\nSecond paragraph.",
            "text/plain",
            {"section": "A, B", "prestructured": "1"},
        ),
        (
            {"description": "Only a summary", "link": "https://x.example/a"},
            b"Only a summary",
            "text/plain",
            {"prestructured": "1"},
        ),
        (
            {"text": "Dated in ms", "published": 1400000000000},
            b"Dated in ms",
            "text/plain",
            {"published": "2014-05-13T16:53:20+00:00", "prestructured": "1"},
        ),
    ],
)
def test_common_export_field_names(
    tmp_path: Path,
    record: dict[str, Any],
    content: bytes,
    content_type: str,
    hints: dict[str, str],
) -> None:
    path = _write(tmp_path, [json.dumps(record)])
    [doc], errors = read_all([path])
    assert errors == []
    assert (doc.content, doc.content_type) == (content, content_type)
    assert {k: v for k, v in doc.hints if k != "prestructured" or "prestructured" in hints} == hints


def test_field_mapping_overrides_detection_with_dotted_paths(tmp_path: Path) -> None:
    record = {"text": "not this", "payload": {"story": "This one."}, "meta": {"when": "2001-09-09"}}
    path = _write(tmp_path, [json.dumps(record)])
    fields = (("body", "payload.story"), ("published", "meta.when"))
    [doc], errors = read_all([path], IngestOptions(fields=fields))
    assert errors == []
    assert doc.content == b"This one."
    assert doc.hint("published") == "2001-09-09"


@pytest.mark.parametrize(
    ("bad_line", "words"),
    [
        ('{"title": "broken", "maintext": ', "not valid JSON"),
        ('["a", "list"]', "a JSON list, not an object"),
        ('{"title": "no text at all"}', "no article text"),
        ("[" * 100_000 + "]" * 100_000, "not valid JSON"),
        ('{"text": "\\ud800 lone surrogate"}', ""),
    ],
)
def test_a_broken_line_is_an_error_naming_it_and_the_rest_goes_on(
    tmp_path: Path, bad_line: str, words: str
) -> None:
    good = [json.dumps({"title": f"T{i}", "text": f"Body {i}"}) for i in range(3)]
    path = _write(tmp_path, [good[0], "", bad_line, good[1], good[2]])
    documents, errors = read_all([path])
    if not words:  # a valid line after all
        assert errors == [] and len(documents) == 4
        return
    assert [d.record for d in documents] == [1, 4, 5]
    [error] = errors
    assert (error.source, error.record) == (str(path), 3)
    assert words in error.reason


def test_an_overlong_line_is_skipped_and_the_next_line_read(tmp_path: Path) -> None:
    long_line = json.dumps({"text": "x" * 50_000})
    path = _write(
        tmp_path, [json.dumps({"text": "short"}), long_line, json.dumps({"text": "after"})]
    )
    documents, errors = read_all([path], IngestOptions(max_record_bytes=10_000))
    assert [(d.record, d.content) for d in documents] == [(1, b"short"), (3, b"after")]
    [error] = errors
    assert error.record == 2 and "max_record_bytes" in error.reason


def test_bom_crlf_and_windows_1252_lines(tmp_path: Path) -> None:
    path = tmp_path / "windows.jsonl"
    first = json.dumps({"text": "Caf\u00e9"}, ensure_ascii=False).encode("utf-8")
    second = json.dumps({"text": "Na\u00efve"}, ensure_ascii=False).encode("cp1252")
    path.write_bytes(b"\xef\xbb\xbf" + first + b"\r\n" + second + b"\r\n")
    documents, errors = read_all([path])
    assert errors == []
    assert [d.content.decode("utf-8") for d in documents] == ["Caf\u00e9", "Na\u00efve"]


@pytest.mark.parametrize(
    ("text", "records"),
    [
        (json.dumps([{"text": "a"}, {"text": "b"}]), [1, 2]),
        (json.dumps({"title": "Pretty", "text": "printed"}, indent=2), [1]),
        ('[\n  {"text": "a"},\n  {"text": "b"}\n]', [1, 2]),
    ],
)
def test_json_documents_are_read_whole(tmp_path: Path, text: str, records: list[int]) -> None:
    (tmp_path / "export.json").write_text(text)
    documents, errors = read_all([tmp_path / "export.json"])
    assert errors == []
    assert [d.record for d in documents] == records


def test_json_array_errors(tmp_path: Path) -> None:
    (tmp_path / "mixed.json").write_text(json.dumps([{"text": "a"}, 7, {"title": "no text"}]))
    (tmp_path / "big.json").write_text(json.dumps([{"text": "x" * 5000}] * 10))
    (tmp_path / "broken.json").write_text('[{"text": "a"}, {"te')
    options = IngestOptions(max_record_bytes=20_000)
    documents, errors = read_all([tmp_path], options)
    assert [(d.uri, d.record) for d in documents] == [(str(tmp_path / "mixed.json"), 1)]
    assert [(e.source, e.record) for e in errors] == [
        (str(tmp_path / "big.json"), None),
        (str(tmp_path / "broken.json"), None),
        (str(tmp_path / "mixed.json"), 2),
        (str(tmp_path / "mixed.json"), 3),
    ]
    assert "JSON Lines" in errors[0].reason

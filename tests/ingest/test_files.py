"""Single files, folders, standard input, encodings, options and counters."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from storyline.errors import UsageError
from storyline.ingest import IngestOptions, IngestStats, iter_documents
from tests.ingest.builders import page, pages_warc, read_all, repeated_gzip


def test_html_file_is_one_document_with_its_bytes_untouched(tmp_path: Path) -> None:
    raw = page("Pier reopens", head='<meta charset="ISO-8859-1">')
    (tmp_path / "pier.html").write_bytes(raw)
    documents, errors = read_all([tmp_path / "pier.html"])
    assert errors == []
    [doc] = documents
    assert (doc.uri, doc.record, doc.content_type, doc.charset) == (
        str(tmp_path / "pier.html"),
        0,
        "text/html",
        "iso-8859-1",
    )
    assert doc.content == raw


@pytest.mark.parametrize(
    ("name", "data", "content_type", "charset"),
    [
        ("dump.txt", b"Putin arrives in Japan\n\nThe president landed...\n", "text/plain", None),
        ("bom.txt", b"\xef\xbb\xbfA title\n\nA body.\n", "text/plain", "utf-8"),
        ("fragment.html", b"Only a line of text, no tags.", "text/html", None),
        ("no-extension", page("Sniffed"), "text/html", None),
        ("page.txt", page("Named as text"), "text/html", None),
        ("cp1252.txt", "Caf\u00e9 \u201cnews\u201d\n".encode("cp1252"), "text/plain", None),
        (
            "sjis.txt",
            "\u6771\u4eac\u306e\u30cb\u30e5\u30fc\u30b9\n".encode("shift_jis"),
            "text/plain",
            None,
        ),
        (
            "sjis.html",
            '<meta charset="shift_jis"><p>\u6771\u4eac</p>'.encode("shift_jis"),
            "text/html",
            "shift_jis",
        ),
        (
            "utf16.html",
            "<html><body><p>Text</p></body></html>".encode("utf-16"),
            "text/html",
            "utf-16",
        ),
    ],
)
def test_single_file_formats_and_encodings(
    tmp_path: Path, name: str, data: bytes, content_type: str, charset: str | None
) -> None:
    (tmp_path / name).write_bytes(data)
    documents, errors = read_all([tmp_path / name])
    assert errors == []
    assert [(d.content, d.content_type, d.charset) for d in documents] == [
        (data, content_type, charset)
    ]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\n", "empty file (blank)"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
            "not a news format (binary data)",
        ),
    ],
)
def test_files_without_news_are_errors_naming_the_file(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    (tmp_path / "bad.html").write_bytes(data)
    documents, errors = read_all([tmp_path / "bad.html"])
    assert documents == []
    assert [(e.source, e.record, e.reason) for e in errors] == [
        (str(tmp_path / "bad.html"), None, reason)
    ]


def test_missing_path_is_an_error_and_the_rest_goes_on(tmp_path: Path) -> None:
    (tmp_path / "ok.html").write_bytes(page("Fine"))
    documents, errors = read_all([tmp_path / "missing.html", tmp_path / "ok.html"])
    assert [(e.source, e.record, e.reason) for e in errors] == [
        (str(tmp_path / "missing.html"), None, "no such file or directory")
    ]
    assert [d.uri for d in documents] == [str(tmp_path / "ok.html")]


def test_folders_are_read_recursively_in_name_order_skipping_hidden(tmp_path: Path) -> None:
    for relative in ["b.html", "a/z.html", "a/b/c.txt", "c.html", ".git/x.html", "a/.hidden"]:
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(page(relative))
    (tmp_path / "link").symlink_to(tmp_path / "a", target_is_directory=True)
    documents, errors = read_all([tmp_path])
    assert errors == []
    names = [Path(d.uri).relative_to(tmp_path).as_posix() for d in documents]
    assert names == ["a/b/c.txt", "a/z.html", "b.html", "c.html"]


def test_a_broken_link_in_a_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "gone.html").symlink_to(tmp_path / "nowhere.html")
    (tmp_path / "ok.html").write_bytes(page("Fine"))
    documents, errors = read_all([tmp_path])
    assert [e.source for e in errors] == [str(tmp_path / "gone.html")]
    assert len(documents) == 1


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize(
    ("data", "uris", "content_type"),
    [
        (page("Piped"), ["-"], "text/html"),
        (b'{"title": "a", "text": "b"}\n{"title": "c", "text": "d"}\n', ["-", "-"], "text/plain"),
        (repeated_gzip(b"<html><p>Zipped up</p>", b" ", 1), ["-"], "text/html"),
        (pages_warc(2), ["-", "-"], "text/html"),
    ],
)
def test_stdin_is_sniffed_like_a_file(
    monkeypatch: pytest.MonkeyPatch, data: bytes, uris: list[str], content_type: str
) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    documents, errors = read_all(["-"])
    assert errors == []
    assert [d.uri for d in documents] == uris
    assert {d.content_type for d in documents} == {content_type}


def test_stdin_missing_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    documents, errors = read_all(["-"])
    assert documents == []
    assert [(e.source, e.reason) for e in errors] == [("-", "standard input is not available")]


def test_forced_format_overrides_sniffing_but_not_containers(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_bytes(page("Read as text"))
    (tmp_path / "page.html.gz").write_bytes(repeated_gzip(page("Zipped"), b" ", 1))
    documents, errors = read_all([tmp_path], IngestOptions(format="text"))
    assert errors == []
    assert [d.content_type for d in documents] == ["text/plain", "text/plain"]


def test_a_file_over_max_record_bytes_is_skipped_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "big.html").write_bytes(page("Big", paragraphs=200))
    (tmp_path / "small.html").write_bytes(page("Small", paragraphs=1))
    documents, errors = read_all([tmp_path], IngestOptions(max_record_bytes=5_000))
    assert [d.uri for d in documents] == [str(tmp_path / "small.html")]
    [error] = errors
    assert (error.source, error.record) == (str(tmp_path / "big.html"), 0)
    assert "max_record_bytes" in error.reason


def test_html_nested_100000_deep_passes_through_as_bytes(tmp_path: Path) -> None:
    deep = b"<div>" * 100_000 + b"text" + b"</div>" * 100_000
    (tmp_path / "deep.html").write_bytes(deep)
    documents, errors = read_all([tmp_path / "deep.html"])
    assert errors == []
    assert [d.content for d in documents] == [deep]


def test_stats_count_files_bytes_and_skipped_records(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(page("A"))
    (tmp_path / "b.txt").write_bytes(b"Some text\n")
    stats = IngestStats()
    documents = list(iter_documents([str(tmp_path)], stats=stats))
    assert len(documents) == 2
    expected = (tmp_path / "a.html").stat().st_size + (tmp_path / "b.txt").stat().st_size
    assert (stats.files, stats.bytes_read, stats.skipped_records) == (2, expected, 0)


@pytest.mark.parametrize(
    "options",
    [
        {"format": "pdf"},
        {"fields": (("bdy", "content"),)},
        {"fields": (("body", ""),)},
        {"max_record_bytes": 0},
        {"max_members": -1},
    ],
)
def test_bad_options_are_usage_errors(options: dict[str, object]) -> None:
    with pytest.raises(UsageError):
        IngestOptions(**options)  # type: ignore[arg-type]

"""Sniffing formats from content, breaking ties by name, reading declared charsets."""

from __future__ import annotations

import gzip

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.ingest import sniff_format
from storyline.ingest._sniff import (
    declared_charset,
    parse_content_type,
    resolve_format,
    text_charset,
)
from tests.ingest.builders import page, pages_warc, tar_bytes, zip_bytes

ALL_FORMATS = {"warc", "rss", "jsonl", "html", "text", "gzip", "zip", "tar", "binary"}


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (gzip.compress(b"<html></html>"), "gzip"),
        (zip_bytes({"a.html": b"<p>x</p>"}), "zip"),
        (b"PK\x05\x06" + b"\0" * 18, "zip"),
        (tar_bytes({"a.html": b"<p>x</p>"}), "tar"),
        (pages_warc(1, compress=False), "warc"),
        (b"filedesc://crawl.arc 0.0.0.0 20050101000000 text/plain 76\n", "warc"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "rss"),
        (b"<rss version='2.0'><channel><item>", "rss"),
        (b'<?xml version="1.0"?><!-- made by hand --><feed xmlns="x">', "rss"),
        (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', "rss"),
        (b"\xef\xbb\xbf<?xml version='1.0'?><rss>", "rss"),
        (b'<?xml version="1.0"?><urlset><url/></urlset>', "rss"),
        (b'<?xml version="1.0"?><!DOCTYPE html><html xmlns="x">', "html"),
        (b"<!DOCTYPE html><html><body>", "html"),
        (b"  \n<html lang='en'><head>", "html"),
        (b"<!-- saved page -->\n<div><p>Some text</p></div>", "html"),
        (b"<p>A fragment.</p><p>Another.</p>", "html"),
        (b"Saved from the web\n\n<html><body><p>x</p></body></html>", "html"),
        (b'{"title": "a", "text": "b"}\n{"title": "c"}\n', "jsonl"),
        (b'{"title": "broken\n{"title": "fine"}\n', "jsonl"),
        (b'{"text": "' + b"x" * 70_000, "jsonl"),
        (b'[{"title": "a"}, {"title": "b"}]', "jsonl"),
        (b'{\n  "title": "pretty",\n  "text": "printed"\n}\n', "jsonl"),
        (b"{{Infobox}} is wiki markup\nand more prose\n", "text"),
        (b"[an error occurred while processing this directive]\nBBC News\n", "text"),
        (b"[Reuters] Markets fell on Monday.\n", "text"),
        (b"[\n  [1, 2],\n  {}\n]", "jsonl"),
        (b"Putin arrives in Japan\n\nRussian President Vladimir Putin...", "text"),
        (b"Caf\xe9 owners cheered \x93loudly\x94 on Tuesday.\n", "text"),
        ("東京で会談が行われた。\n".encode("shift_jis"), "text"),
        ("<html><body>Text</body></html>".encode("utf-16"), "html"),
        ("Plain words in UTF-16".encode("utf-16"), "text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),
        (bytes(range(256)) * 4, "binary"),
        (b"", "text"),
    ],
)
def test_sniff_format(head: bytes, expected: str) -> None:
    assert sniff_format(head) == expected


@given(st.binary(max_size=2048))
def test_sniff_format_names_a_known_format_for_any_bytes(head: bytes) -> None:
    assert sniff_format(head) in ALL_FORMATS


@pytest.mark.parametrize(
    ("sniffed", "name", "expected"),
    [
        ("text", "fragment.html", "html"),
        ("text", "FRAGMENT.HTM", "html"),
        ("text", "notes.txt", "text"),
        ("html", "notes.txt", "html"),
        ("jsonl", "page.html", "jsonl"),
    ],
)
def test_resolve_format_breaks_ties_by_name_only(sniffed: str, name: str, expected: str) -> None:
    assert resolve_format(sniffed, name) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<html><head><meta charset="Shift_JIS">', "shift_jis"),
        (b"<meta charset=utf-8>", "utf-8"),
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
            "windows-1252",
        ),
        (b"<?xml version='1.0' encoding='ISO-8859-1'?><html>", "iso-8859-1"),
        (b"\xef\xbb\xbf<html><meta charset='latin-1'>", "utf-8"),
        (b"\xff\xfe<\x00h\x00", "utf-16"),
        (page("No charset"), None),
    ],
)
def test_declared_charset(head: bytes, expected: str | None) -> None:
    assert declared_charset(head) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [(b"\xef\xbb\xbfText", "utf-8"), (b"\xfe\xff\x00T", "utf-16"), (b"Text", None)],
)
def test_text_charset_comes_from_the_byte_order_mark(head: bytes, expected: str | None) -> None:
    assert text_charset(head) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("text/html; charset=UTF-8", ("text/html", "utf-8")),
        ('Text/HTML;charset="ISO-8859-1"', ("text/html", "iso-8859-1")),
        ("application/pdf", ("application/pdf", None)),
        ("", (None, None)),
        (None, (None, None)),
    ],
)
def test_parse_content_type(value: str | None, expected: tuple[str | None, str | None]) -> None:
    assert parse_content_type(value) == expected

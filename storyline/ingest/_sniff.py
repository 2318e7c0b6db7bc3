"""Recognise a news format from the first bytes of a file, never from its name."""

from __future__ import annotations

import json
import re

# How much of a file is looked at to decide its format.  64 KiB holds the XML prolog and
# first element of any feed and the first JSONL record of typical exports.
SNIFF_BYTES = 64 * 1024

# Share of control bytes above which content is binary rather than text in some encoding.
# Legacy single-byte and Shift-JIS text stays far below 1%; images and executables far above.
_BINARY_SHARE = 0.05

_FEED = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML = re.compile(rb"<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_TAG = re.compile(rb"</?(p|div|span|a|br|h[1-6]|article|section|table|meta|title)[\s>/]", re.I)
_JSON_ARRAY = re.compile(rb"\[\s*(\{|\]\s*$)")
_CONTROL = bytes(set(range(32)) - {9, 10, 12, 13, 27})


def sniff_format(head: bytes) -> str:
    """Name the format of content starting with ``head``.

    Returns:
        One of ``"gzip"``, ``"zip"``, ``"tar"``, ``"warc"``, ``"rss"``, ``"jsonl"``,
        ``"json"``, ``"html"``, ``"text"``, ``"binary"`` or ``"empty"``.
    """
    if not head:
        return "empty"
    if head[:2] == b"\x1f\x8b":
        return "gzip"
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return "zip"
    if len(head) > 262 and head[257:262] == b"ustar":
        return "tar"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"WARC/"):
        return "warc"
    if _is_binary(head):
        return "binary"
    if stripped[:1] == b"{" and _first_line_is_json(stripped):
        return "jsonl"
    if _JSON_ARRAY.match(stripped):
        return "json"
    window = stripped[:4096]
    if _FEED.search(window) and not _HTML.search(window):
        return "rss"
    if _HTML.search(window) or len(_TAG.findall(stripped[:SNIFF_BYTES])) >= 3:
        return "html"
    return "text"


def _is_binary(head: bytes) -> bool:
    sample = head[:8192]
    if b"\x00" in sample and not _looks_utf16(sample):
        return True
    control = len(sample) - len(sample.translate(None, _CONTROL))
    return control / max(1, len(sample)) > _BINARY_SHARE


def _looks_utf16(sample: bytes) -> bool:
    return sample[:2] in (b"\xff\xfe", b"\xfe\xff")


def _first_line_is_json(data: bytes) -> bool:
    line = data.split(b"\n", 1)[0]
    if len(line) >= SNIFF_BYTES - 1:
        # A first record longer than the sniff window: trust the opening brace.
        return True
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False

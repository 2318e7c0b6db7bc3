"""Tell a source's format from its first bytes, and find the charset a page declares."""

from __future__ import annotations

import json
import re

SNIFF_BYTES = 64 * 1024
"""How much of a source is looked at to tell its format.  64 KiB holds the prolog of any
feed, the head of an HTML page and several JSONL lines, and costs nothing to buffer."""

_GZIP_MAGIC = b"\x1f\x8b"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")  # a local file header; an empty archive
_TAR_MAGIC_AT = 257  # POSIX ustar headers carry "ustar" at this offset of the first block
_ARC_MAGIC = b"filedesc://"  # the older ARC format, which warcio converts to WARC
_WARC_MAGICS = (b"WARC/", _ARC_MAGIC)
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_MAX_CONTROL_SHARE = 0.01
"""Share of control bytes (not tab, newlines, form feed or escape) above which a source
is binary.  Text in any 8-bit or multibyte charset (Windows-1252, Shift-JIS, UTF-8) has
none; compressed or image data has about 11%.  1% leaves room for a few stray bytes."""

_JSON_PROBE_LINES = 5
"""Complete lines tried as JSON before deciding a source starting with ``{`` is not JSON
Lines; more than one, so that a broken first line does not hide a good file."""

_MARKUP_TAGS = re.compile(
    rb"<(?:p|div|br|a|span|h[1-6]|article|section|table|img|meta|link|script|li|ul|title)\b"
)
_MIN_TAGS_FOR_HTML = 10
"""Known HTML tags in the head that make a source HTML although it does not start with a
tag (a fragment after some text).  Prose that quotes markup rarely has ten."""

_LEADING_MARKUP = re.compile(
    rb"\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!doctype[^>]*>\s*)*<([a-z][\w:.-]*)", re.DOTALL
)
_FEED_ROOTS = frozenset({b"rss", b"feed", b"rdf:rdf", b"rdf"})
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body")
_JSON_KEY = re.compile(rb'^\s*"[^"\n]*"\s*:', re.MULTILINE)
_JSON_ARRAY_START = re.compile(rb'\[\s*(?:[\[{\]"]|-?\d|true|false|null)')

_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9][a-z0-9._:-]*)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([a-z0-9._:-]+)""", re.IGNORECASE)
_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HTML_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml")


def sniff_format(head: bytes) -> str:
    """Tell the format of a source from its first bytes (64 KiB are plenty).

    Args:
        head: the first bytes of the source.

    Returns:
        one of ``warc``, ``rss`` (any RSS, Atom or RDF feed, and other XML), ``jsonl``
        (JSON Lines or a JSON document), ``html``, ``text``, the containers ``gzip``,
        ``zip`` and ``tar``, or ``binary`` for anything that is not a news format.

    Example::

        >>> sniff_format(b"<?xml version='1.0'?><rss version='2.0'>")
        'rss'
    """
    if head.startswith(_GZIP_MAGIC):
        return "gzip"
    if head.startswith(_ZIP_MAGICS):
        return "zip"
    if head[_TAR_MAGIC_AT : _TAR_MAGIC_AT + 5] == b"ustar":
        return "tar"
    if head.startswith(_WARC_MAGICS):
        return "warc"
    if head.startswith(_UTF16_BOMS):
        inner = _sniff_text(head.decode("utf-16", "ignore").encode("utf-8"))
        return inner if inner in ("html", "rss") else "text"
    if _is_binary(head):
        return "binary"
    return _sniff_text(head.removeprefix(_UTF8_BOM))


def is_arc(head: bytes) -> bool:
    """Say whether a crawl is in the old ARC format rather than WARC."""
    return head.startswith(_ARC_MAGIC)


def _is_binary(head: bytes) -> bool:
    sample = head[:SNIFF_BYTES]
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > _MAX_CONTROL_SHARE


def _sniff_text(head: bytes) -> str:
    lowered = head.lower()
    start = lowered.lstrip()[:1]
    if start == b"{" and _looks_like_json(head):
        return "jsonl"
    if start == b"[" and _JSON_ARRAY_START.match(lowered.lstrip()):
        return "jsonl"
    root = _LEADING_MARKUP.match(lowered)
    if root is not None:
        name = root.group(1)
        if name in _FEED_ROOTS or name.endswith(b":rdf"):
            return "rss"
        if lowered.lstrip().startswith(b"<?xml") and name != b"html":
            return "rss"  # XML that is not a page: the feed reader names its root
        return "html"
    if any(marker in lowered for marker in _HTML_MARKERS):
        return "html"
    if len(_MARKUP_TAGS.findall(lowered)) >= _MIN_TAGS_FOR_HTML:
        return "html"
    return "text"


def _looks_like_json(head: bytes) -> bool:
    lines = head.splitlines(keepends=True)
    complete = [line for line in lines if line.endswith(b"\n") and line.strip()]
    if not complete:
        return True  # one long line starting with "{": JSON Lines, read with a size cap
    for line in complete[:_JSON_PROBE_LINES]:
        if _parses_as_object(line):
            return True
    return complete[0].strip() == b"{" and _JSON_KEY.search(head) is not None


def _parses_as_object(line: bytes) -> bool:
    try:
        value = json.loads(line.removeprefix(_UTF8_BOM))
    except (ValueError, RecursionError):
        return False
    return isinstance(value, dict)


def resolve_format(sniffed: str, name: str) -> str:
    """Break a tie with the file name: plain text named ``.html`` is an HTML fragment."""
    if sniffed == "text" and name.lower().endswith(_HTML_EXTENSIONS):
        return "html"
    return sniffed


def declared_charset(head: bytes) -> str | None:
    """Return the charset a page declares: its byte-order mark, XML declaration or meta tag."""
    if head.startswith(_UTF8_BOM):
        return "utf-8"
    if head.startswith(_UTF16_BOMS):
        return "utf-16"
    found = _XML_ENCODING.match(head) or _META_CHARSET.search(head[:SNIFF_BYTES])
    if found is None:
        return None
    return found.group(1).decode("ascii").lower()


def text_charset(head: bytes) -> str | None:
    """Return the charset a plain-text source shows by its byte-order mark, if any."""
    if head.startswith(_UTF8_BOM):
        return "utf-8"
    if head.startswith(_UTF16_BOMS):
        return "utf-16"
    return None


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """Split an HTTP ``Content-Type`` value into a lower-case MIME type and charset."""
    if not value:
        return None, None
    mime = value.split(";", 1)[0].strip().lower() or None
    found = _CHARSET_PARAM.search(value)
    return mime, (found.group(1).lower() if found else None)

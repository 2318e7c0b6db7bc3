"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one document per item or entry."""

from __future__ import annotations

import datetime as dt
import email.utils
from collections.abc import Iterator

from dateutil import parser as date_parser
from lxml import etree

from storyline.errors import RecordError
from storyline.model import Document

_ATOM = "{http://www.w3.org/2005/Atom}"
_RSS1 = "{http://purl.org/rss/1.0/}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC = "{http://purl.org/dc/elements/1.1/}"

# Feeds may not fetch anything, expand entities or build huge trees: a feed is data.
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, recover=True, remove_comments=True
)


def iter_feed(uri: str, content: bytes) -> Iterator[Document | RecordError]:
    """Yield a document for each item of the RSS/RDF/Atom feed ``content``."""
    try:
        root = etree.fromstring(content, _PARSER)
    except etree.XMLSyntaxError as exc:
        yield RecordError(uri, None, f"not a readable RSS or Atom feed ({exc})")
        return
    if root is None:
        yield RecordError(uri, None, "not a readable RSS or Atom feed (no root element)")
        return
    entries = root.findall(f".//{_ATOM}entry") or root.findall(".//item")
    entries = entries or root.findall(f".//{_RSS1}item")
    if not entries:
        yield RecordError(uri, None, "a feed with no items or entries")
    for index, entry in enumerate(entries):
        yield _entry_document(uri, index, entry)


def _text(entry: etree._Element, *tags: str) -> str | None:
    for tag in tags:
        node = entry.find(tag)
        if node is not None:
            value = "".join(node.itertext()).strip()
            if value:
                return value
    return None


def _link(entry: etree._Element) -> str | None:
    for node in entry.findall(f"{_ATOM}link"):
        if node.get("rel", "alternate") == "alternate" and node.get("href"):
            return str(node.get("href")).strip()
    return _text(entry, "link", f"{_RSS1}link", "guid")


def _entry_document(uri: str, index: int, entry: etree._Element) -> Document | RecordError:
    body = _text(entry, _CONTENT, f"{_ATOM}content", "description", f"{_RSS1}description")
    body = body or _text(entry, f"{_ATOM}summary")
    title = _text(entry, "title", f"{_ATOM}title", f"{_RSS1}title")
    if not body and not title:
        return RecordError(uri, index, "feed entry has neither content nor title")
    hints = {
        "title": title,
        "published": _date(
            _text(entry, "pubDate", f"{_DC}date", f"{_ATOM}published", f"{_ATOM}updated")
        ),
        "author": _text(entry, "author", f"{_DC}creator", f"{_ATOM}author/{_ATOM}name"),
        "section": _text(entry, "category") or _category(entry),
    }
    return Document(
        uri=uri,
        record=index,
        content=(body or "").encode("utf-8"),
        content_type="text/html",
        url=_link(entry),
        charset="utf-8",
        hints=tuple(sorted((k, v) for k, v in hints.items() if v)),
    )


def _category(entry: etree._Element) -> str | None:
    node = entry.find(f"{_ATOM}category")
    return None if node is None else node.get("term")


def parse_date(value: str | None) -> str | None:
    """Parse an RFC 822, RFC 3339 or loosely written date into ISO 8601, or ``None``."""
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        parsed = date_parser.parse(value, default=dt.datetime(1, 1, 1))
    except (ValueError, OverflowError):
        return None
    return parsed.isoformat() if parsed.year > 1 else None


_date = parse_date

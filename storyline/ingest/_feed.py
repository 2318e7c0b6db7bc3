"""RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom feeds, parsed incrementally with lxml."""

from __future__ import annotations

import copy
import html
from collections.abc import Iterator

from lxml import etree

from storyline.errors import RecordError
from storyline.ingest._context import Context, Item, too_large
from storyline.ingest._dates import to_iso
from storyline.ingest._streams import Readable
from storyline.model import Document

_ATOM = "http://www.w3.org/2005/Atom"
_ATOM03 = "http://purl.org/atom/ns#"
_RSS1 = "http://purl.org/rss/1.0/"
_RSS090 = "http://my.netscape.com/rdf/simple/0.9/"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_CONTENT = "http://purl.org/rss/1.0/modules/content/"
_DC = "http://purl.org/dc/elements/1.1/"
_XHTML = "http://www.w3.org/1999/xhtml"

# Children in these namespaces are known by their local name alone ("title", "link").
_PLAIN_NAMESPACES = frozenset({"", _ATOM, _ATOM03, _RSS1, _RSS090})
_ROOTS = frozenset({"rss", f"{{{_RDF}}}RDF", f"{{{_ATOM}}}feed", f"{{{_ATOM03}}}feed"})
_ENTRIES = frozenset(
    {"item", f"{{{_RSS1}}}item", f"{{{_RSS090}}}item", f"{{{_ATOM}}}entry", f"{{{_ATOM03}}}entry"}
)
_LANGUAGES = frozenset({"language", f"{{{_DC}}}language"})

# Where each hint comes from, best first: RSS names, then Dublin Core, then Atom's.
_DATE_FIELDS = ("pubDate", f"{{{_DC}}}date", "published", "issued", "updated", "modified")
_BODY_FIELDS = (f"{{{_CONTENT}}}encoded", "content")
_SUMMARY_FIELDS = ("description", "summary", f"{{{_DC}}}description")
_AUTHOR_FIELDS = ("author", f"{{{_DC}}}creator")
_SECTION_FIELDS = ("category", f"{{{_DC}}}subject")


def iter_feed(uri: str, stream: Readable, context: Context) -> Iterator[Item]:
    """Yield one HTML document per feed item or entry (``record`` = 0-based entry index).

    The content is the entry's full text (``content:encoded``, Atom ``content``) or else
    its summary; link, title, date, author and category become the URL and hints.  The
    feed is parsed incrementally without entities, network or DTDs, each entry freed
    once read, so memory stays flat however long the feed is.
    """
    parser = etree.iterparse(
        stream,
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
    )
    index = 0
    limit = context.options.max_record_bytes
    language: str | None = None
    try:
        for event, element in parser:
            if event == "start":
                if element.getparent() is None and element.tag not in _ROOTS:
                    yield RecordError(uri, None, _not_a_feed(element.tag))
                    return
                continue
            if element.tag in _LANGUAGES and language is None:
                language = _text(element) or None
            elif element.tag in _ENTRIES:
                context.cursor.record = index
                document = _entry_document(uri, index, element, language)
                if document is None:
                    context.stats.skipped_records += 1
                elif len(document.content) > limit:
                    yield RecordError(uri, index, f"entry {too_large(limit)}")
                else:
                    yield document
                index += 1
                _free(element)
    except etree.XMLSyntaxError as exc:
        reason = f"feed is not well-formed XML ({_syntax_message(exc)})"
        yield RecordError(uri, index if index else None, reason)


def _syntax_message(exc: etree.XMLSyntaxError) -> str:
    """Return libxml2's complaint with its place; the exception's own can be vaguer."""
    entry = exc.error_log.last_error
    if entry is None:
        return str(exc)
    return f"{entry.message.strip()}, line {entry.line}, column {entry.column}"


def _not_a_feed(tag: object) -> str:
    name = etree.QName(tag).localname if isinstance(tag, str) else "?"
    return (
        f"XML whose root is <{name}> is not an RSS, Atom or RDF feed; "
        "pass a format (--format) if it is something else"
    )


def _free(element: etree._Element) -> None:
    """Drop an entry read to the end, and the entries before it, from the tree."""
    element.clear(keep_tail=True)
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


def _entry_document(
    uri: str, index: int, entry: etree._Element, language: str | None
) -> Document | None:
    fields = _children(entry)
    content = _first_html(fields, _BODY_FIELDS) or _first_html(fields, _SUMMARY_FIELDS)
    if not content:
        return None
    hints = {
        "title": _first_text(fields, ("title",)),
        "published": _first_date(fields),
        "author": _author(fields),
        "section": _section(fields),
        "language": language,
    }
    return Document(
        uri=uri,
        record=index,
        content=content.encode("utf-8"),
        content_type="text/html",
        url=_link(fields),
        charset="utf-8",
        hints=tuple(sorted((k, v) for k, v in hints.items() if v)),
    )


def _children(entry: etree._Element) -> dict[str, list[etree._Element]]:
    """Group an entry's child elements by name (local name for the core namespaces)."""
    fields: dict[str, list[etree._Element]] = {}
    for child in entry:
        if not isinstance(child.tag, str):
            continue
        qname = etree.QName(child)
        key = qname.localname if (qname.namespace or "") in _PLAIN_NAMESPACES else child.tag
        fields.setdefault(key, []).append(child)
    return fields


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _first_text(fields: dict[str, list[etree._Element]], names: tuple[str, ...]) -> str | None:
    for name in names:
        for element in fields.get(name, ()):
            text = _text(element)
            if text:
                return text
    return None


def _first_date(fields: dict[str, list[etree._Element]]) -> str | None:
    for name in _DATE_FIELDS:
        for element in fields.get(name, ()):
            value = to_iso(_text(element))
            if value:
                return value
    return None


def _first_html(fields: dict[str, list[etree._Element]], names: tuple[str, ...]) -> str | None:
    for name in names:
        for element in fields.get(name, ()):
            markup = _as_html(element)
            if markup.strip():
                return markup
    return None


def _as_html(element: etree._Element) -> str:
    """Return an entry's content or summary as HTML, whatever Atom ``type`` it has."""
    if element.get("src"):
        return ""  # Atom content stored elsewhere: nothing here to read
    kind = (element.get("type") or "html").lower()
    if kind == "xhtml":
        return "".join(_xhtml_markup(child) for child in element)
    text = "".join(element.itertext())
    if kind in ("text", "text/plain"):
        paragraphs = (p.strip() for p in text.split("\n\n"))
        return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p)
    return text.strip()


def _xhtml_markup(element: etree._Element) -> str:
    """Serialise Atom XHTML content: the children of its wrapping ``div``, as HTML."""
    if not isinstance(element.tag, str):
        return ""
    wrapper = copy.deepcopy(element)  # a root of its own: no namespaces inherited
    for node in wrapper.iter():
        if isinstance(node.tag, str):
            node.tag = etree.QName(node).localname
    etree.cleanup_namespaces(wrapper)
    parts = [html.escape(wrapper.text or "", quote=False)]
    parts.extend(
        etree.tostring(child, encoding="unicode", method="html", with_tail=True)
        for child in wrapper
    )
    return "".join(parts)


def _link(fields: dict[str, list[etree._Element]]) -> str | None:
    for element in fields.get("link", ()):
        href = element.get("href")
        if href is None:
            text = _text(element)  # RSS: the address is the element's text
            if text:
                return text
        elif (element.get("rel") or "alternate") == "alternate":
            return str(href).strip()
    for element in fields.get("guid", ()):
        if (element.get("isPermaLink") or "true") == "true" and _text(element).startswith("http"):
            return _text(element)
    return None


def _author(fields: dict[str, list[etree._Element]]) -> str | None:
    for name in _AUTHOR_FIELDS:
        for element in fields.get(name, ()):
            names = [_text(child) for child in element if etree.QName(child).localname == "name"]
            value = names[0] if names else _text(element)
            if value:
                return _rss_author(value)
    return None


def _rss_author(value: str) -> str:
    """Turn RSS's ``jane@example.com (Jane Doe)`` into ``Jane Doe``."""
    if "@" in value and value.endswith(")") and "(" in value:
        return value[value.index("(") + 1 : -1].strip() or value
    return value


def _section(fields: dict[str, list[etree._Element]]) -> str | None:
    for name in _SECTION_FIELDS:
        for element in fields.get(name, ()):
            value = str(element.get("label") or element.get("term") or _text(element))
            if value.strip():
                return value.strip()
    return None

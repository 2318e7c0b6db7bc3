"""Extract an article from HTML: trafilatura for the body, our own reading of its tree.

The page is parsed once.  Metadata and the date are read from that tree, then
trafilatura (on its own copy) finds the main content, and we walk the content tree it
returns to keep paragraphs, sub-headings and list items apart.  Furniture that survives
(teasers, sign-up prompts, credits) is dropped with the same rules as for text dumps.
HTML fragments, such as feed entries, where trafilatura finds nothing still give their
block texts.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

import trafilatura
from htmldate.utils import load_html
from lxml import etree
from lxml.html import HtmlElement

from storyline.errors import RecordError
from storyline.extract._boilerplate import match_boilerplate
from storyline.extract._html_meta import PageMeta, find_published, read_metadata
from storyline.extract._language import guess_language, normalize_language_tag
from storyline.extract._text import hint_published
from storyline.model import Article, Document, Heading

logger = logging.getLogger(__name__)

_FULL_PAGE = re.compile(r"<(?:html|body|head)[\s>]", re.IGNORECASE)
# Where to look for <html>/<body>: pages may open with long comments or scripts.
_FULL_PAGE_PROBE_CHARS = 10_000
# A page whose visible text is this short is a stub or a fragment; when trafilatura
# finds no main content in it, its block texts are the article.
_SHORT_PAGE_CHARS = 1_000
_BLOCK_TAGS = frozenset(
    "p div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 blockquote pre table tr td th section "
    "article header footer aside figure figcaption br hr main address".split()
)
_SKIP_TAGS = frozenset("script style noscript template iframe svg head title button".split())
_TOKEN = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?。！？]")
# Share of an unpunctuated text that must be link text to call the page a link list;
# set by judgement (a menu is all links), it only acts on text without any sentence.
_LINK_LIST_SHARE = 0.9
_TITLE_SUFFIX = re.compile(r"^(?P<title>.+?)\s+[|\-–—:·•]\s+(?P<site>[^|\-–—:·•]+)$")


@dataclass(frozen=True, slots=True)
class Blocks:
    """The body of an article as paragraphs with sub-headings between them."""

    paragraphs: tuple[str, ...]
    headings: tuple[Heading, ...]


def extract_html(
    document: Document, text: str, date_search: Literal["fast", "extensive"], captions: bool
) -> Article:
    """Extract the article of an HTML page or fragment.

    Raises:
        RecordError: the markup cannot be parsed at all.
    """
    tree = _parse(document, text)
    if tree is None:
        return Article(
            title=_hint(document, "title"),
            paragraphs=(),
            byline=_hint(document, "author"),
            section=_hint(document, "section"),
            language=normalize_language_tag(document.hint("language")),
            url=document.url,
            published=hint_published(document),
        )
    meta = read_metadata(tree, document.url)
    title = _strip_site(meta.title, meta.sitename) or _hint(document, "title")
    # A date the record itself carries (a feed entry, a JSONL export) describes the
    # article; a date found in the text of a fragment is only a guess (a year mentioned).
    published = hint_published(document) or find_published(
        tree, meta, text, date_search, document.fetched
    )
    # htmldate reads dates in comments, so the tree keeps them until here; the body
    # extractor expects a tree without them, as trafilatura's own parser makes it.
    etree.strip_elements(tree, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    blocks = _main_blocks(document, tree, meta, title)
    if blocks.paragraphs and _is_link_list(blocks.paragraphs, tree):
        blocks = Blocks((), ())
    elif not blocks.paragraphs and _is_small(text, tree):
        blocks = Blocks(tuple(_drop_furniture(block_texts(tree), meta, title)), ())
    language = (
        meta.language
        or normalize_language_tag(document.hint("language"))
        or guess_language(" ".join(blocks.paragraphs[:20]))
    )
    return Article(
        title=title,
        paragraphs=blocks.paragraphs,
        captions=_captions(tree, blocks.paragraphs) if captions else (),
        headings=blocks.headings,
        byline=meta.byline or _hint(document, "author"),
        section=meta.section or _hint(document, "section"),
        language=language,
        url=meta.url or document.url,
        published=published,
    )


def _hint(document: Document, key: str) -> str | None:
    value = document.hint(key)
    return " ".join(value.split()) or None if value else None


def _strip_site(title: str | None, sitename: str | None) -> str | None:
    """Drop a trailing " | Site name" or " - Site name" from a page title."""
    if not title or not sitename:
        return title
    match = _TITLE_SUFFIX.match(title)
    if match is not None and _key(match.group("site")) == _key(sitename):
        return match.group("title")
    return title


def _parse(document: Document, text: str) -> HtmlElement | None:
    """Parse the page (comments kept, as htmldate parses), wrapping a fragment first."""
    if not text.strip():
        return None
    if _FULL_PAGE.search(text, 0, _FULL_PAGE_PROBE_CHARS) is None:
        text = f"<html><body>{text}</body></html>"
    try:
        tree = load_html(text)
    except (ValueError, etree.LxmlError) as exc:
        raise RecordError(document.uri, document.record, f"unparsable HTML ({exc})") from exc
    if tree is None:
        raise RecordError(document.uri, document.record, "unparsable HTML: no document tree")
    return tree


def _is_link_list(paragraphs: tuple[str, ...], tree: HtmlElement) -> bool:
    """Whether the "article" is only the page's link texts (an index or navigation page).

    Articles have sentences; only when no paragraph has sentence punctuation are the
    page's links counted, and the text is rejected when links cover nearly all of it.
    """
    if any(_SENTENCE_END.search(p) for p in paragraphs):
        return False
    words = Counter(w for p in paragraphs for w in _TOKEN.findall(p.lower()))
    linked: Counter[str] = Counter()
    for anchor in tree.iter("a"):
        linked.update(_TOKEN.findall(anchor.text_content().lower()))
    covered = sum(min(n, linked[w]) for w, n in words.items())
    return covered >= _LINK_LIST_SHARE * sum(words.values())


def _is_small(text: str, tree: HtmlElement) -> bool:
    if _FULL_PAGE.search(text, 0, _FULL_PAGE_PROBE_CHARS) is None:
        return True
    return len(" ".join(block_texts(tree))) <= _SHORT_PAGE_CHARS


def _main_blocks(
    document: Document, tree: HtmlElement, meta: PageMeta, title: str | None
) -> Blocks:
    """Run trafilatura on the tree and read its content tree into blocks."""
    try:
        # fast=True skips trafilatura's fallback extractors: on the extraction benchmark
        # it scored higher (F1 0.962 against 0.959) and took a third less time.  Re-run
        # benchmarks/extraction.py after changing these.  Comments are not article text.
        result = trafilatura.bare_extraction(
            tree,
            url=meta.url,
            fast=True,
            include_comments=False,
            include_tables=True,
            with_metadata=False,
        )
    except (ValueError, TypeError, etree.LxmlError, RecursionError) as exc:
        raise RecordError(document.uri, document.record, f"HTML extraction failed ({exc})") from exc
    body = getattr(result, "body", None)
    if body is None:
        return Blocks((), ())
    return read_blocks(body, meta, title)


def read_blocks(body: etree._Element, meta: PageMeta, title: str | None) -> Blocks:
    """Turn trafilatura's content tree into paragraphs and sub-headings."""
    paragraphs: list[str] = []
    headings: list[Heading] = []
    title_key = _key(title)

    def add(texts: list[str]) -> None:
        paragraphs.extend(_drop_furniture(texts, meta, title))

    add(_segments_of_text(body.text))
    for child in body:
        tag = child.tag
        if tag == "head":
            text = " ".join(_segments(child))
            if text and not (title_key and _key(text) == title_key):
                headings.append(Heading(text, before=len(paragraphs)))
        elif tag == "list":
            add([" ".join(_segments(item)) for item in child.iterfind("item")])
        elif tag == "table":
            add([_row_text(row) for row in child.iter("row")])
        elif tag != "graphic":
            add(_segments(child))
        add(_segments_of_text(child.tail))
    return Blocks(tuple(paragraphs), tuple(headings))


def _row_text(row: etree._Element) -> str:
    cells = [" ".join(_segments(cell)) for cell in row]
    return " | ".join(c for c in cells if c)


def _segments_of_text(text: str | None) -> list[str]:
    cleaned = " ".join((text or "").split())
    return [cleaned] if cleaned else []


def _segments(element: etree._Element) -> list[str]:
    """The text of ``element``, split where it has line breaks (``<lb/>``)."""
    segments: list[str] = []
    current: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if event == "start":
            if node.tag == "lb":
                segments.append("".join(current))
                current = []
            elif node.text:
                current.append(node.text)
        elif node is not element and node.tail:
            current.append(node.tail)
    segments.append("".join(current))
    return [s for s in (" ".join(x.split()) for x in segments) if s]


def _key(text: str | None) -> str:
    return " ".join(_TOKEN.findall(text.lower())) if text else ""


def _drop_furniture(texts: list[str], meta: PageMeta, title: str | None) -> list[str]:
    """Drop teasers, promotions, credits, the site name and a repeated title."""
    title_key, site_key = _key(title), _key(meta.sitename)
    kept = []
    for text in texts:
        if not text or match_boilerplate(text) is not None:
            continue
        key = _key(text)
        if key and key in (title_key, site_key):
            continue
        kept.append(text)
    return kept


def block_texts(tree: HtmlElement) -> list[str]:
    """The text of every block element, in order: a fallback for fragments."""
    texts: list[str] = []
    current: list[str] = []
    skipping = 0
    for event, node in etree.iterwalk(tree, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if skipping or tag in _SKIP_TAGS:
                skipping += 1
                continue
            if tag in _BLOCK_TAGS:
                texts.append("".join(current))
                current = []
            if node.text and tag:  # comments and processing instructions have no tag
                current.append(node.text)
            continue
        if skipping:
            skipping -= 1
            if skipping:
                continue
        elif tag in _BLOCK_TAGS:
            texts.append("".join(current))
            current = []
        if node.tail and node is not tree:
            current.append(node.tail)
    texts.append("".join(current))
    return [t for t in (" ".join(x.split()) for x in texts) if t]


def _captions(tree: HtmlElement, paragraphs: tuple[str, ...]) -> tuple[str, ...]:
    """Figure captions of the page that are not already body text."""
    seen = {_key(p) for p in paragraphs}
    captions: list[str] = []
    for figcaption in tree.iterfind(".//figcaption"):
        text = " ".join(" ".join(figcaption.itertext()).split())
        key = _key(text)
        if key and key not in seen:
            seen.add(key)
            captions.append(text)
    return tuple(captions)

"""The extract stage: turn a `Document` into a clean, dated `Article`.

HTML goes through trafilatura (body) and htmldate (day), plain-text dumps through our own
line classifier, and clean bodies from JSONL exports are split into paragraphs as they
are.  `extract` is a pure function of its arguments, safe in a process pool or in Spark.

Example::

    from storyline.extract import extract
    from storyline.model import Document

    page = Document("page.html", 0, b"<html><body><p>Talks resumed.</p></body></html>",
                    "text/html")
    article = extract(page)
    print(article.paragraphs)
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Literal

from storyline.extract._decode import decode
from storyline.extract._html import extract_html
from storyline.extract._text import extract_prestructured, extract_text_dump
from storyline.model import Article, Document

__all__ = ["ExtractOptions", "decode", "extract"]

logger = logging.getLogger(__name__)

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/xml", "text/xml"})


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """How to extract articles.

    Attributes:
        date_search: how hard to look for a publication date in HTML: ``"fast"`` reads
            markup only, ``"extensive"`` also searches the page text (htmldate's modes).
        include_captions: keep figure captions in `Article.captions`.
    """

    date_search: Literal["fast", "extensive"] = "extensive"
    include_captions: bool = True


def extract(document: Document, options: ExtractOptions = ExtractOptions()) -> Article:
    """Extract the article of one document.

    Dispatches on ``document.content_type``: HTML pages and fragments; plain text that
    the source marked ``prestructured`` (an already clean body); other plain text, read
    as a dump of a news page.  A document with no article text gives an `Article` with
    no paragraphs; the caller decides what to do with it.

    Args:
        document: the raw record.
        options: extraction settings.

    Returns:
        The article, with ``id`` left empty for the store to assign.

    Raises:
        RecordError: the document cannot be parsed at all.
    """
    text = decode(document)
    kind = document.content_type.split(";", 1)[0].strip().lower()
    if kind in _HTML_TYPES or (kind != "text/plain" and _looks_like_html(text)):
        return extract_html(document, text, options.date_search, options.include_captions)
    if document.hint("prestructured") == "1":
        article = extract_prestructured(document, text)
    else:
        article = extract_text_dump(document, text)
    if not options.include_captions and article.captions:
        return replace(article, captions=())
    return article


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head

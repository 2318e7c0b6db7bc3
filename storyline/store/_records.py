"""Conversions between model objects and rows of the SQLite store."""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from collections.abc import Sequence
from typing import Any

from storyline.errors import RecordError
from storyline.model import Article, Document

COMPRESSION_LEVEL = 6
"""zlib level for raw documents.  On the 181 pages of the extraction benchmark (174 KB of
HTML each on average), level 6 keeps 19.7% of the bytes at 60 MB/s, level 9 19.6% at
37 MB/s, level 1 23.5% at 163 MB/s: 6 is as small as 9 at 1.6 times its speed."""

INSERT_DOCUMENT = (
    "INSERT INTO documents (id, content, size, content_type, charset, url, fetched, hints)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
UPSERT_SOURCE = (
    "INSERT INTO sources (uri, record, document_id, article_id, url, fetched,"
    " content_type, charset, hints) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (uri, record) DO UPDATE SET document_id = excluded.document_id,"
    " article_id = excluded.article_id, url = excluded.url, fetched = excluded.fetched,"
    " content_type = excluded.content_type, charset = excluded.charset,"
    " hints = excluded.hints"
)
INSERT_ARTICLE = (
    "INSERT INTO articles (id, document_id, title, published_value, published_earliest,"
    " published_latest, language, duplicate_of, minhash, data, body)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
ARTICLE_COLUMNS = "seq, id, document_id, duplicate_of, data, body"
"""The columns `article_from_row` reads, in order."""
DOCUMENT_COLUMNS = (
    "s.uri, s.record, d.content, s.content_type, s.url, s.fetched, s.charset, s.hints"
)
"""The columns `document_from_row` reads, in order, from ``sources AS s`` joined with
``documents AS d``."""

_SURROGATE = re.compile("[\ud800-\udfff]")
_PARAGRAPH_BREAK = len("\n\n")


def document_id_of(content: bytes) -> str:
    """Return the id of a raw document: 32 hex digits of the SHA-256 of its bytes."""
    return hashlib.sha256(content).hexdigest()[:32]


def document_values(document_id: str, document: Document) -> tuple[Any, ...]:
    """Return the values of `INSERT_DOCUMENT` for ``document``."""
    return (
        document_id,
        zlib.compress(document.content, COMPRESSION_LEVEL),
        len(document.content),
        document.content_type,
        document.charset,
        document.url,
        document.fetched,
        _dump_hints(document.hints),
    )


def check_record(document: Document) -> None:
    """Raise `RecordError` unless every text field of ``document`` can be stored exactly.

    Lone surrogates (left by undecodable file names) cannot be encoded as UTF-8.
    """
    fields = (document.uri, document.content_type, document.url, document.fetched)
    texts = [*fields, document.charset, *(text for pair in document.hints for text in pair)]
    if not all(text is None or is_valid(text) for text in texts):
        raise RecordError(
            ascii(document.uri),
            document.record,
            "the record's name or metadata is not valid Unicode; rename the file",
        )


def source_values(document_id: str, document: Document, article_id: str | None) -> tuple[Any, ...]:
    """Return the values of `UPSERT_SOURCE` for the record that brought ``document``."""
    return (
        document.uri,
        document.record,
        document_id,
        article_id,
        document.url,
        document.fetched,
        document.content_type,
        document.charset,
        _dump_hints(document.hints),
    )


def document_from_row(row: Sequence[Any]) -> Document:
    """Rebuild a `Document` from a row of `DOCUMENT_COLUMNS`."""
    uri, record, content, content_type, url, fetched, charset, hints = row
    return Document(
        uri=uri,
        record=record,
        content=zlib.decompress(content),
        content_type=content_type,
        url=url,
        fetched=fetched,
        charset=charset,
        hints=_load_hints(hints),
    )


def article_values(article: Article, minhash: bytes) -> tuple[Any, ...]:
    """Return the values of `INSERT_ARTICLE` for ``article`` (id and links already set).

    Lone surrogates, which cannot be stored as text, become U+FFFD.
    """
    data = article.to_dict()
    del data["sources"]
    paragraphs = data.pop("paragraphs")
    data["paragraph_lengths"] = [len(paragraph) for paragraph in paragraphs]
    published = article.published
    return (
        article.id,
        article.document_id,
        _valid_text(article.title),
        published.value if published else None,
        published.earliest if published else None,
        published.latest if published else None,
        article.language,
        article.duplicate_of,
        minhash,
        _valid_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"))),
        _valid_text(article.body),
    )


def article_from_row(row: Sequence[Any], sources: list[dict[str, Any]]) -> Article:
    """Rebuild an `Article` from a row of `ARTICLE_COLUMNS` and its sources."""
    _seq, article_id, document_id, duplicate_of, data, body = row
    fields = json.loads(data)
    paragraphs, start = [], 0
    for length in fields.pop("paragraph_lengths"):
        paragraphs.append(body[start : start + length])
        start += length + _PARAGRAPH_BREAK
    fields.update(
        id=article_id,
        document_id=document_id,
        duplicate_of=duplicate_of,
        paragraphs=paragraphs,
        sources=sources,
    )
    return Article.from_dict(fields)


def is_valid(text: str) -> bool:
    """Return whether ``text`` can be stored as UTF-8 (it has no lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _valid_text(text: str | None) -> str | None:
    if text is None or is_valid(text):
        return text
    return _SURROGATE.sub("\ufffd", text)


def _dump_hints(hints: tuple[tuple[str, str], ...]) -> str:
    if not hints:
        return "[]"
    return json.dumps([list(pair) for pair in hints], ensure_ascii=False, separators=(",", ":"))


def _load_hints(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((str(key), str(value)) for key, value in json.loads(text))

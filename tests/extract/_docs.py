"""Builders of test documents for the extract stage."""

from __future__ import annotations

from pathlib import Path

from storyline.model import Document

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def text_document(name: str, *, fetched: str | None = None, url: str | None = None) -> Document:
    """A plain-text `Document` made from ``fixtures/<name>``."""
    path = FIXTURES / name
    return Document(str(path), 0, path.read_bytes(), "text/plain", url=url, fetched=fetched)


def html_document(
    html: str,
    *,
    hints: tuple[tuple[str, str], ...] = (),
    url: str | None = None,
    fetched: str | None = None,
) -> Document:
    """An HTML `Document` from a string, UTF-8 encoded."""
    return Document(
        "page.html", 0, html.encode("utf-8"), "text/html", url=url, fetched=fetched, hints=hints
    )

"""Split an article body into paragraphs of marked-up pieces for the article page.

The result is plain data; the template escapes every piece of text, so nothing from an
article ever reaches the page as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """An annotated stretch of the body: a time expression, an entity or a mention link.

    Args:
        start: offset of the first character in the body.
        end: offset just past the last character.
        kind: ``timex``, ``entity`` or ``link``.
        label: a short explanation shown as a tooltip (a TIMEX3 value, an entity kind).
        target: where a ``link`` or ``entity`` points (a page path), if anywhere.
    """

    start: int
    end: int
    kind: str
    label: str = ""
    target: str | None = None


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text with the marks covering it (``kinds``, ``label``)."""

    text: str
    kinds: tuple[str, ...] = ()
    label: str = ""


@dataclass(frozen=True, slots=True)
class Block:
    """Pieces that render together: plain runs, or a mention link wrapping its pieces."""

    pieces: tuple[Piece, ...]
    target: str | None = None
    label: str = ""


def highlight(paragraphs: Sequence[str], spans: Sequence[Span]) -> list[list[Block]]:
    """Cut each paragraph into blocks of pieces marked by the spans that cover them.

    Offsets are into the body (paragraphs joined by blank lines).  Mention links never
    overlap in the output: the first one to start wins.  Time expressions and entities
    may overlap each other and links; a piece carries every mark that covers it.

    Args:
        paragraphs: the article's paragraphs.
        spans: annotations with body offsets, in any order.

    Returns:
        One list of blocks per paragraph.
    """
    links = _non_overlapping([s for s in spans if s.kind == "link"])
    marks = [s for s in spans if s.kind != "link" and s.end > s.start]
    out: list[list[Block]] = []
    offset = 0
    for paragraph in paragraphs:
        end = offset + len(paragraph)
        out.append(_paragraph_blocks(paragraph, offset, end, links, marks))
        offset = end + 2
    return out


def _non_overlapping(links: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in sorted(links, key=lambda s: (s.start, -s.end)):
        if span.end > span.start and (not kept or span.start >= kept[-1].end):
            kept.append(span)
    return kept


def _paragraph_blocks(
    text: str, start: int, end: int, links: list[Span], marks: list[Span]
) -> list[Block]:
    blocks: list[Block] = []
    cursor = start
    for link in links:
        low, high = max(link.start, start), min(link.end, end)
        if low >= high:
            continue
        if low > cursor:
            blocks.append(Block(_pieces(text, start, cursor, low, marks)))
        blocks.append(Block(_pieces(text, start, low, high, marks), link.target, link.label))
        cursor = high
    if cursor < end:
        blocks.append(Block(_pieces(text, start, cursor, end, marks)))
    return blocks


def _pieces(text: str, base: int, low: int, high: int, marks: list[Span]) -> tuple[Piece, ...]:
    inside = [m for m in marks if m.start < high and m.end > low]
    cuts = sorted(
        {low, high, *(min(max(m.start, low), high) for m in inside)}
        | {min(max(m.end, low), high) for m in inside}
    )
    pieces: list[Piece] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in inside if m.start <= a and m.end >= b]
        kinds = tuple(sorted({m.kind for m in covering}))
        label = "; ".join(m.label for m in covering if m.label)
        pieces.append(Piece(text[a - base : b - base], kinds, label))
    return tuple(pieces)

"""Sentence splitting and the time each sentence speaks about."""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.model import Timex
from storyline.time._calendar import parse_anchor
from storyline.time._tense import sentence_tense
from storyline.time._types import SentenceTime

# A sentence ends at ., ! or ? (with closing quotes or brackets) before white space, or
# at a line break.
_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s)|\n")
_PARAGRAPH = re.compile(r"\n[^\S\n]*\n")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sen rep gov gen col lt sgt capt st jr sr inc corp co ltd bros no "
    "vs etc jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur "
    "thurs fri sat sun u.s a.m p.m u.n e.g i.e".split()
)
_LAST_WORD = re.compile(r"([\w.]+)[.!?]*[\"'\u201d\u2019)\]]*$")
_NEXT_START = re.compile(r"\s*[\"'\u201c\u2018(\[]*[A-Z0-9]")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` offsets of the sentences of ``text``, blanks trimmed.

    A period after a known abbreviation ("Mr.", "Nov.", "U.S.") or a single capital
    letter ("J. Smith") does not end a sentence; a line break always does.

    Example:
        >>> split_sentences("Mr. Abe came. He left.")
        [(0, 13), (14, 22)]
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        if match.group() != "\n" and not _is_sentence_end(text, start, match):
            continue
        _add_span(text, start, end, spans)
        start = end
    _add_span(text, start, len(text), spans)
    return spans


def _is_sentence_end(text: str, start: int, match: re.Match[str]) -> bool:
    if "." not in match.group():
        return True
    word = _LAST_WORD.search(text, start, match.end())
    if word is not None:
        token = word.group(1).lower().rstrip(".")
        if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            return False
    return bool(_NEXT_START.match(text, match.end()))


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _is_datable(timex: Timex) -> bool:
    """Return whether a time expression names a point in time (not a span or a set)."""
    if timex.type not in ("DATE", "TIME"):
        return False
    return timex.value[:1].isdigit() or timex.value == "PRESENT_REF"


def sentence_times(
    text: str, timexes: Sequence[Timex], anchor: str | None
) -> tuple[SentenceTime, ...]:
    """Give each sentence of ``text`` the time it speaks about.

    A sentence with a dated time expression takes the first one (``"own"``; "now" is
    the anchor).  A past-tense sentence without one continues the time of the sentence
    before it in the same paragraph (``"previous"``), as a narrative does; any other
    sentence takes the publication date (``"anchor"``), or ``None`` without one.

    Args:
        text: the text the time expressions were found in.
        timexes: the output of `tag` for ``text``.
        anchor: the publication date (ISO date or datetime), or ``None``.

    Example:
        >>> text = "Putin visited Japan in 2005. He met Koizumi. Ties are warm."
        >>> [s.time for s in sentence_times(text, tag(text, "2014-02-08"), "2014-02-08")]
        ['2005', '2005', '2014-02-08']
    """
    parsed = parse_anchor(anchor)
    anchor_day = parsed[0].isoformat() if parsed else None
    ordered = sorted(timexes, key=lambda t: t.start)
    out: list[SentenceTime] = []
    previous: str | None = None
    cursor = 0
    last_end = 0
    for start, end in split_sentences(text):
        if _PARAGRAPH.search(text, last_end, start):
            previous = None
        last_end = end
        while cursor < len(ordered) and ordered[cursor].start < start:
            cursor += 1
        own = None
        index = cursor
        while index < len(ordered) and ordered[index].start < end:
            if _is_datable(ordered[index]):
                own = ordered[index]
                break
            index += 1
        tense = sentence_tense(text[start:end])
        if own is not None:
            time = anchor_day if own.value == "PRESENT_REF" else own.value
            out.append(SentenceTime(start, end, time, "own", tense))
            previous = time if own.value != "PRESENT_REF" else None
        elif previous is not None and tense == "past":
            out.append(SentenceTime(start, end, previous, "previous", tense))
        else:
            out.append(SentenceTime(start, end, anchor_day, "anchor", tense))
    return tuple(out)

"""Build articles from plain text: clean bodies from JSONL, and raw text dumps."""

from __future__ import annotations

import re
from datetime import date, timedelta
from urllib.parse import urlsplit

from storyline.extract._datetext import (
    MONTHS,
    find_date,
    parse_short_date,
    timepoint_from_value,
)
from storyline.extract._language import guess_language, normalize_language_tag
from storyline.extract._lines import LabeledLine, LineKind, classify_lines
from storyline.model import (
    Article,
    Document,
    Evidence,
    Heading,
    Provenance,
    RelatedLink,
    TimePoint,
)

# A "Last Updated" stamp dates the latest edit, which for news is nearly always the
# publication day: confident, but not certain.
_STAMP_CONFIDENCE = 0.9
# A dateline's year taken from the fetch date is right unless the page was fetched long
# after publication; a little less sure again.
_DATELINE_FETCHED_CONFIDENCE = 0.8

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.'’ -]{1,30})?),\s*"
    r"(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>[0-3]?\d)(?:,\s*(?P<year>(?:19|20)\d\d))?"
    r"\s*(?:\([^)]{1,40}\))?\s*[-–—]"
)
_BY = re.compile(r"^(?:By|BY|by)\s+")
# Host-name labels that never name the site: "www.", "news.", public suffixes.
_HOST_NOISE = frozenset("www www2 m mobile news edition com net org co uk gov edu int".split())


def extract_prestructured(document: Document, text: str) -> Article:
    """Make an article from an already clean body: paragraphs are lines or blocks."""
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    if len(blocks) > 1:
        paragraphs = tuple(" ".join(b.split()) for b in blocks)
    else:
        paragraphs = tuple(" ".join(line.split()) for line in text.splitlines() if line.strip())
    return Article(
        title=_clean_hint(document.hint("title")),
        paragraphs=paragraphs,
        byline=_clean_hint(document.hint("author")),
        section=_clean_hint(document.hint("section")),
        language=_language(document, paragraphs),
        url=document.url,
        published=hint_published(document),
    )


def extract_text_dump(document: Document, text: str) -> Article:
    """Make an article from a plain-text dump, labelling its lines first."""
    labels = classify_lines(text, _site_names(document.url))
    by_kind = _group(labels)
    published = _stamp_published(by_kind.get(LineKind.DATELINE, []))
    paragraphs: list[str] = []
    headings: list[Heading] = []
    for item in labels:
        if item.kind is LineKind.PARAGRAPH:
            paragraphs.append(item.line.text)
        elif item.kind is LineKind.SUBHEADING:
            headings.append(Heading(item.line.text, before=len(paragraphs)))
    if published is None:
        published = dateline_published(paragraphs, document.fetched)
    if published is None:
        published = hint_published(document)
    reference = date.fromisoformat(published.earliest) if published else _fetched(document)
    return Article(
        title=_first(by_kind, LineKind.TITLE) or _clean_hint(document.hint("title")),
        paragraphs=tuple(paragraphs),
        captions=tuple(x.line.text for x in by_kind.get(LineKind.CAPTION, [])),
        headings=tuple(headings),
        byline=_byline(by_kind) or _clean_hint(document.hint("author")),
        section=_first(by_kind, LineKind.SECTION) or _clean_hint(document.hint("section")),
        language=_language(document, paragraphs),
        url=document.url,
        published=published,
        related=_related(labels, reference),
    )


def _group(labels: list[LabeledLine]) -> dict[LineKind, list[LabeledLine]]:
    groups: dict[LineKind, list[LabeledLine]] = {}
    for item in labels:
        groups.setdefault(item.kind, []).append(item)
    return groups


def _first(by_kind: dict[LineKind, list[LabeledLine]], kind: LineKind) -> str | None:
    items = by_kind.get(kind)
    return items[0].line.text if items else None


def _byline(by_kind: dict[LineKind, list[LabeledLine]]) -> str | None:
    name = _first(by_kind, LineKind.BYLINE)
    return _BY.sub("", name).strip() if name else None


def _stamp_published(stamps: list[LabeledLine]) -> TimePoint | None:
    """Date the article from its first "Last Updated"/"Published" line."""
    for item in stamps:
        found = find_date(item.line.raw)
        if found is None:
            continue
        start = item.line.start + found.start
        end = item.line.start + found.end
        evidence = Evidence(item.line.raw[found.start : found.end], start, end, text_of="raw")
        return found.to_timepoint(Provenance.EXPLICIT, (evidence,), _STAMP_CONFIDENCE)
    return None


def dateline_published(paragraphs: list[str], fetched: str | None) -> TimePoint | None:
    """Date the article from a wire dateline opening its first paragraph.

    "MOSCOW, Nov 20, 2005 (Agency) -" gives 2005-11-20.  Without a year the dateline is
    dated only when the fetch time is known (the latest such day on or before it);
    otherwise it is left to the time stage, which weighs it with other clues.
    """
    if not paragraphs:
        return None
    match = _DATELINE.match(paragraphs[0])
    if match is None or match.group("month").lower() not in MONTHS:
        return None
    month, day = MONTHS[match.group("month").lower()], int(match.group("day"))
    confidence = 1.0
    if match.group("year"):
        year = int(match.group("year"))
    else:
        reference = _parse_day(fetched)
        if reference is None:
            return None
        year = _year_before(month, day, reference)
        confidence = _DATELINE_FETCHED_CONFIDENCE
    try:
        when = date(year, month, day)
    except ValueError:
        return None
    span = match.group(0)
    evidence = Evidence(span, 0, len(span), text_of="body")
    tp = timepoint_from_value(when.isoformat(), Provenance.EXPLICIT, (evidence,))
    if tp is None:
        return None
    return TimePoint(
        tp.value, tp.earliest, tp.latest, tp.granularity, tp.provenance, confidence, tp.evidence
    )


def _year_before(month: int, day: int, reference: date) -> int:
    """The year that puts month/day on or just before ``reference`` (one day of slack)."""
    limit = reference + timedelta(days=1)
    year = limit.year
    if (month, day) > (limit.month, limit.day):
        year -= 1
    return year


def _related(labels: list[LabeledLine], reference: date | None) -> tuple[RelatedLink, ...]:
    links: list[RelatedLink] = []
    for item, after in zip(labels, labels[1:], strict=False):
        if item.kind is LineKind.RELATED_HEADLINE and after.kind is LineKind.RELATED_DATE:
            when = parse_short_date(after.line.text, reference)
            links.append(RelatedLink(item.line.text, when.isoformat() if when else None))
    return tuple(links)


def hint_published(document: Document) -> TimePoint | None:
    """The publication date the source gave beside the content, as METADATA."""
    value = document.hint("published")
    if not value:
        return None
    return timepoint_from_value(value, Provenance.METADATA)


def _language(document: Document, paragraphs: list[str] | tuple[str, ...]) -> str | None:
    declared = normalize_language_tag(document.hint("language"))
    return declared or guess_language(" ".join(paragraphs[:20]))


def _clean_hint(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = " ".join(value.split())
    return cleaned or None


def _site_names(url: str | None) -> frozenset[str]:
    """The site's own name as it may appear in a masthead: "news.bbc.co.uk" → "bbc"."""
    if not url:
        return frozenset()
    host = (urlsplit(url).hostname or "").lower()
    labels = [p for p in host.split(".") if p not in _HOST_NOISE and len(p) >= 3]
    return frozenset(labels[-1:])


def _parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _fetched(document: Document) -> date | None:
    return _parse_day(document.fetched)

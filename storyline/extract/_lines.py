"""Label every line of a plain-text news dump: title, body, captions, furniture.

Text saved from a news page keeps the page's furniture as lines: mastheads, section
names, "Last Updated" stamps, photo captions and credits, teasers, related-coverage
lists, footers.  `classify_lines` gives each line a `LineKind` and the name of the rule
that decided it, in four passes:

1. **patterns**: rules that need only the line itself (`_boilerplate`, dates, bylines,
   related-coverage date lines);
2. **neighbours**: a headline directly above a related-coverage date line is a related
   headline;
3. **header**: before the first sentence, the first headline-shaped line is the title;
   short labels above it are the section or the site's name; then an unpunctuated line
   directly above a photo credit (the title excepted) is its caption;
4. **zones**: between the title and the first full sentence, unpunctuated lines are
   captions; in the body, short unpunctuated lines are sub-headings; after the last
   sentence, what is left is footer.

The features are general (length, terminal punctuation, capitalisation, position,
neighbours), so the rules hold for layouts other than the ones they were written on.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from enum import StrEnum

from storyline.extract._boilerplate import Boilerplate, match_boilerplate
from storyline.extract._datetext import find_date


class LineKind(StrEnum):
    """The role of one line in a text dump."""

    TITLE = "title"
    SECTION = "section"
    BYLINE = "byline"
    DATELINE = "dateline"
    CAPTION = "caption"
    PHOTO_CREDIT = "photo_credit"
    SUBHEADING = "subheading"
    PARAGRAPH = "paragraph"
    TEASER = "teaser"
    RELATED_HEADLINE = "related_headline"
    RELATED_DATE = "related_date"
    JUNK = "junk"


@dataclass(frozen=True, slots=True)
class Line:
    """One logical line: hard-wrapped lines of one paragraph are joined into one.

    ``raw`` is exactly ``text_of_document[start:end]``; ``text`` is ``raw`` with its
    whitespace collapsed.
    """

    text: str
    raw: str
    start: int
    end: int
    blank_before: bool
    blank_after: bool

    @property
    def words(self) -> int:
        """Return the number of whitespace-separated words."""
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class LabeledLine:
    """A line, its kind, and the name of the rule that chose the kind."""

    line: Line
    kind: LineKind
    rule: str


# Tuned on the two seed dumps and the fixtures in tests/extract/fixtures; re-run
# tests/extract after changing any of them.
_HEADLINE_MAX_WORDS = 25  # longer unpunctuated lines are captions or body text
_SECTION_MAX_WORDS = 4  # "Asia-Pacific News", "World", "UK Politics"
_SUBHEADING_MAX_WORDS = 10  # "Support pledges"; longer lines read as sentences
_CAPTION_MAX_WORDS = 40  # photo captions rarely run longer
_SENTENCE_MIN_WORDS = 6  # a full sentence that can open the body
_FOOTER_MAX_WORDS = 15  # longer unpunctuated lines after the body are kept as text
_WRAP_SHARE = 0.6  # share of long lines near the wrap width that marks a wrapped dump
_WRAP_SLACK = 15  # a wrapped line ends within this many characters of the width
_WRAP_MIN_LINE = 40  # shorter lines (headings, last lines) say nothing about wrapping
_WRAP_MAX_WIDTH = 100  # dumps are wrapped at 70-80 columns; longer lines are paragraphs

_TERMINAL = re.compile(r"[.!?…:;]['\"’”»)\]]*$")
_RELATED_DATE = re.compile(
    r"^[0-3]?\d\s+[A-Za-z]{3,9}\.?\s+(?:\d\d|\d{4})\s*\|\s*(?!\d{1,2}[:.]\d\d)\S"
)
# A row of three or more short links separated by bars: "Home | World | Sport | Archive".
_NAV_SEGMENT_MAX_WORDS = 3
_BAR = re.compile(r"\s+\|\s+")
# What may stand beside a date on a time-stamp line: "| 15:20 GMT", ", 9.30am".
_CLOCK_REST = re.compile(
    r"[\s|,\-–—]*(?:\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?|[A-Z]{2,5})?)?[\s|,\-–—]*", re.IGNORECASE
)
_STAMP = re.compile(
    r"^(?:page\s+)?(?:last\s+)?(?:updated|modified|published|posted|first published|"
    r"created|date)\b(?:\s+(?:on|at))?\s*:?",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:By|BY|by)\s+(?P<name>(?:[A-Z][\w.'’-]*|[A-Z]{2,})(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|da|"
    r"and|&|,)){0,8})(?:\s*[,|/-]\s*[\w .'&-]{2,40})?$"
)
_FUNCTION_WORDS = frozenset(
    "a an the to of in on at for with as by from and or but is are was were be has have "
    "will after over into about amid".split()
)
_SITE_WORDS = frozenset("news online world sport sports tv radio live com net org".split())
_ACRONYM = re.compile(r"^[A-Z]{2,4}$")  # BBC, CNN, CNBC; "SPORT" is a section
_OWNER = re.compile(r"^(?:the\s+)?(?P<name>.{2,40}?)\s+is not responsible for\b", re.IGNORECASE)


_SECTION_LABEL = (LineKind.SECTION, "label_above_title")
_MASTHEAD_LABEL = (LineKind.JUNK, "masthead")
_LEAD_CAPTION = (LineKind.CAPTION, "unpunctuated_lead")
_LEAD_TEXT = (LineKind.PARAGRAPH, "lead_text")
_FOOTER = (LineKind.JUNK, "after_body")
_LATE_TEXT = (LineKind.PARAGRAPH, "late_text")


def split_lines(text: str) -> list[Line]:
    """Split ``text`` into non-blank logical lines, joining hard-wrapped paragraphs."""
    physical: list[tuple[int, int]] = []
    position = 0
    for chunk in text.splitlines(keepends=True):
        body = chunk.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            start = position + (len(body) - len(body.lstrip()))
            physical.append((start, start + len(stripped)))
        else:
            physical.append((position, position))
        position += len(chunk)
    width = _wrap_width(physical)
    lines: list[Line] = []
    blank_before = False
    index = 0
    while index < len(physical):
        start, end = physical[index]
        if start == end:
            blank_before = True
            index += 1
            continue
        while width and _continues(physical, index, width):
            index += 1
            end = physical[index][1]
        index += 1
        blank_after = index >= len(physical) or physical[index][0] == physical[index][1]
        raw = text[start:end]
        lines.append(Line(" ".join(raw.split()), raw, start, end, blank_before, blank_after))
        blank_before = False
    return lines


def _wrap_width(physical: list[tuple[int, int]]) -> int:
    """Return the column a hard-wrapped dump was wrapped at, or 0 if it was not."""
    lengths = sorted(e - s for s, e in physical if e - s >= _WRAP_MIN_LINE)
    if len(lengths) < 4:
        return 0
    # The 90th percentile, so that one overlong line (a URL) does not set the width.
    width = lengths[int(len(lengths) * 0.9)]
    if width > _WRAP_MAX_WIDTH:
        return 0
    near = sum(1 for n in lengths if n >= width - _WRAP_SLACK)
    return width if near / len(lengths) >= _WRAP_SHARE else 0


def _continues(physical: list[tuple[int, int]], index: int, width: int) -> bool:
    """Whether physical line ``index + 1`` continues the paragraph of line ``index``."""
    if index + 1 >= len(physical):
        return False
    start, end = physical[index]
    next_start, next_end = physical[index + 1]
    return next_start != next_end and end - start >= width - _WRAP_SLACK


def _is_sentence(line: Line) -> bool:
    return line.words >= _SENTENCE_MIN_WORDS and _TERMINAL.search(line.text) is not None


def _is_headline(line: Line) -> bool:
    text = line.text
    return (
        2 <= line.words <= _HEADLINE_MAX_WORDS
        and not text.endswith(".")
        and (text[0].isupper() or text[0].isdigit() or text[0] in "'\"‘“")
    )


def _is_navigation(line: Line) -> bool:
    """Three or more short bar-separated links with no sentence punctuation."""
    parts = _BAR.split(line.text)
    return (
        len(parts) >= 3
        and all(0 < len(p.split()) <= _NAV_SEGMENT_MAX_WORDS for p in parts)
        and not _TERMINAL.search(line.text)
    )


def _is_label(line: Line) -> bool:
    """A short all-capitalised line without sentence words: a section or a masthead.

    A breadcrumb of two labels ("World News | Asia-Pacific") counts as one label.
    """
    parts = _BAR.split(line.text)
    if len(parts) == 2:
        return all(_is_label(dataclasses.replace(line, text=part)) for part in parts)
    words = line.text.split()
    if not 1 <= len(words) <= _SECTION_MAX_WORDS or _TERMINAL.search(line.text):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w in "&|-" for w in words) and not any(
        w.lower() in _FUNCTION_WORDS for w in words
    )


def _is_site_name(line: Line, site_names: frozenset[str]) -> bool:
    words = line.text.split()
    lowered = line.text.lower()
    if any(name and (lowered == name or lowered.startswith(name + " ")) for name in site_names):
        return True
    return (
        1 <= len(words) <= 3
        and _ACRONYM.match(words[0]) is not None
        and words[0].lower() not in _SITE_WORDS
        and all(w.lower().strip(".") in _SITE_WORDS for w in words[1:])
    )


def _pattern_label(line: Line) -> tuple[LineKind, str] | None:
    """Pass 1: rules that look at the line alone."""
    if _RELATED_DATE.match(line.text):
        return LineKind.RELATED_DATE, "date_and_section"
    found = match_boilerplate(line.text)
    if found is not None:
        kinds = {
            Boilerplate.TEASER: LineKind.TEASER,
            Boilerplate.JUNK: LineKind.JUNK,
            Boilerplate.PHOTO_CREDIT: LineKind.PHOTO_CREDIT,
        }
        return kinds[found.kind], found.rule
    if _is_navigation(line):
        return LineKind.JUNK, "navigation_row"
    date = find_date(line.text) if line.words <= 16 else None
    if date is not None and _STAMP.match(line.text):
        return LineKind.DATELINE, "date_stamp"
    if date is not None and line.words <= 10 and date.end - date.start >= len(line.text) * 0.6:
        return LineKind.DATELINE, "date_only"
    if date is not None and _CLOCK_REST.fullmatch(line.text[: date.start] + line.text[date.end :]):
        return LineKind.DATELINE, "date_and_clock"
    if line.words <= 12 and _BYLINE.match(line.text) and not _TERMINAL.search(line.text):
        return LineKind.BYLINE, "by_name"
    return None


def site_names_in(lines: list[Line]) -> frozenset[str]:
    """Names the text gives its own site: "The BBC is not responsible for …" → "bbc"."""
    names = set()
    for line in lines:
        match = _OWNER.match(line.text)
        if match is not None:
            names.add(match.group("name").lower())
    return frozenset(names)


def classify_lines(text: str, site_names: frozenset[str] = frozenset()) -> list[LabeledLine]:
    """Label each logical line of a plain-text news dump.

    Args:
        text: the decoded dump.
        site_names: lower-case names of the publishing site (from its web address), whose
            masthead lines are dropped; names the text itself gives are added.

    Returns:
        One `LabeledLine` per non-blank logical line, in order.

    Example::

        labels = classify_lines("World\\n\\nTalks resume in Tokyo\\n\\nThe talks resumed on "
                                "Monday after a long pause.\\n")
        assert [x.kind.value for x in labels] == ["section", "title", "paragraph"]
    """
    lines = split_lines(text)
    names = site_names | site_names_in(lines)
    labels: list[tuple[LineKind, str] | None] = [_pattern_label(line) for line in lines]
    _label_neighbours(lines, labels, LineKind.RELATED_DATE)
    body_start = _label_header(lines, labels, names)
    _label_neighbours(lines, labels, LineKind.PHOTO_CREDIT)
    _label_zones(lines, labels, body_start)
    return [
        LabeledLine(line, *(label or (LineKind.PARAGRAPH, "default")))
        for line, label in zip(lines, labels, strict=True)
    ]


def _label_neighbours(
    lines: list[Line], labels: list[tuple[LineKind, str] | None], kind: LineKind
) -> None:
    """Pass 2: related headlines above their date lines, or captions above credits."""
    for i in range(1, len(lines)):
        above, label = lines[i - 1], labels[i]
        if label is None or label[0] is not kind or labels[i - 1] is not None:
            continue
        if above.blank_after:
            continue
        if kind is LineKind.RELATED_DATE and _is_headline(above):
            labels[i - 1] = (LineKind.RELATED_HEADLINE, "headline_above_date")
        elif (
            kind is LineKind.PHOTO_CREDIT
            and above.words <= _CAPTION_MAX_WORDS
            and not _is_sentence(above)
        ):
            labels[i - 1] = (LineKind.CAPTION, "above_photo_credit")


def _label_header(
    lines: list[Line], labels: list[tuple[LineKind, str] | None], names: frozenset[str]
) -> int:
    """Pass 3: site name, section and title; return the index after the title.

    Of several short labels above the title, the one nearest the title is the section and
    the others are mastheads ("Pacific Wire | World service" above "Asia").  A headline-like
    line followed by a label and then another headline is a masthead too ("The Northern
    Courier" above "World News | Asia-Pacific" above the real title).
    """
    candidates = [i for i, label in enumerate(labels) if label is None]
    header_labels: list[int] = []
    for position, i in enumerate(candidates):
        line = lines[i]
        if _is_sentence(line) and line.words > _HEADLINE_MAX_WORDS // 2:
            _name_labels(labels, header_labels)
            return i
        if _is_site_name(line, names):
            labels[i] = (LineKind.JUNK, "site_name")
            continue
        later = [lines[j] for j in candidates[position + 1 : position + 3]]
        has_title_below = bool(later) and _is_headline(later[0])
        if _is_label(line) and has_title_below:
            header_labels.append(i)
            continue
        if _is_headline(line) and len(later) == 2 and _is_label(later[0]):
            if _is_headline(later[1]) and not _is_label(later[1]):
                labels[i] = (LineKind.JUNK, "masthead_above_section")
                continue
        _name_labels(labels, header_labels)
        if _is_headline(line):
            labels[i] = (LineKind.TITLE, "first_headline")
            return i + 1
        return i
    _name_labels(labels, header_labels)
    return len(lines)


def _name_labels(labels: list[tuple[LineKind, str] | None], header_labels: list[int]) -> None:
    """Make the last header label the section and the ones above it mastheads."""
    if any(x is not None and x[0] is LineKind.SECTION for x in labels):
        for i in header_labels:
            labels[i] = _MASTHEAD_LABEL
        return
    for i in header_labels[:-1]:
        labels[i] = _MASTHEAD_LABEL
    if header_labels:
        labels[header_labels[-1]] = _SECTION_LABEL
    header_labels.clear()


def _label_zones(
    lines: list[Line], labels: list[tuple[LineKind, str] | None], body_start: int
) -> None:
    """Pass 4: lead captions, body paragraphs and sub-headings, footer junk."""
    sentences = [i for i in range(body_start, len(lines)) if _is_body_text(lines[i], labels[i])]
    if not sentences:
        for i in range(body_start, len(lines)):
            if labels[i] is None:
                labels[i] = (LineKind.PARAGRAPH, "only_text")
        return
    first, last = sentences[0], sentences[-1]
    for i in range(body_start, len(lines)):
        if labels[i] is not None:
            continue
        line = lines[i]
        if i < first:
            caption = line.words <= _CAPTION_MAX_WORDS and not _TERMINAL.search(line.text)
            labels[i] = _LEAD_CAPTION if caption else _LEAD_TEXT
        elif i > last:
            footer = line.words <= _FOOTER_MAX_WORDS and not _TERMINAL.search(line.text)
            labels[i] = _FOOTER if footer else _LATE_TEXT
        elif _is_subheading(line):
            labels[i] = (LineKind.SUBHEADING, "short_unpunctuated")
        else:
            labels[i] = (LineKind.PARAGRAPH, "body_text")


def _is_body_text(line: Line, label: tuple[LineKind, str] | None) -> bool:
    return label is None and _is_sentence(line)


def _is_subheading(line: Line) -> bool:
    text = line.text
    return (
        line.words <= _SUBHEADING_MAX_WORDS
        and not _TERMINAL.search(text)
        and (text[0].isupper() or text[0].isdigit())
    )

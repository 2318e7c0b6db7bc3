"""Lay out a story's timeline as an SVG drawing: event time on the axis.

The layout is plain numbers and strings; the template draws it and escapes every text.
Each entry is a bar from its earliest to its latest possible date, so the width shows
how precisely the date is known (a day is a dot, a year a long bar), and the label says
the granularity.  Long empty stretches of time (a treaty in 1855, then nothing until
1945) are cut out of the axis and marked with a break, so the busy decades stay wide.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date

from storyline.model import Timeline

# Drawing size in SVG user units; the page scales it to the screen width.  Picked so
# that a 30-year story keeps entries a year apart visibly separate at 1000 units.
WIDTH = 1000
MARGIN = 40
ROW_HEIGHT = 26
AXIS_HEIGHT = 40
# Shortest bar drawn, in user units, so day-precise entries stay clickable.
MIN_BAR = 8
# Rough label width per character (12px sans-serif), used to keep labels from colliding.
CHAR_WIDTH = 6.5
# Days of padding around entries, and the empty stretch (days, and share of the whole
# span) past which the axis is broken.  10 years and 10% cut both empty stretches of the
# demo story (1855-1945, 1956-1991) while keeping the 2-3 year pauses of a modern story
# on the axis; re-check the story page screenshots after changing them.
PAD_DAYS = 180
GAP_DAYS = 3650
GAP_SHARE = 0.1
# Width given to each axis break.
BREAK_WIDTH = 36


@dataclass(frozen=True, slots=True)
class Bar:
    """One timeline entry as drawn: position, size, text and where clicking leads."""

    index: int
    x: float
    y: float
    width: float
    label: str
    when: str
    granularity: str
    status: str
    href: str
    text_x: float
    text_anchor: str


@dataclass(frozen=True, slots=True)
class Tick:
    """A year mark on the axis."""

    x: float
    label: str


@dataclass(frozen=True, slots=True)
class SvgTimeline:
    """Everything the template needs to draw a timeline; ``breaks`` are cut-out gaps."""

    width: int
    height: int
    axis_y: float
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    breaks: tuple[float, ...] = ()


@dataclass(frozen=True, slots=True)
class _Axis:
    """A piecewise-linear map from day ordinals to x, skipping the cut-out gaps."""

    segments: tuple[tuple[int, int], ...]
    offsets: tuple[float, ...]
    scale: float

    def x(self, day: int) -> float:
        i = max(0, bisect_right([s[0] for s in self.segments], day) - 1)
        start, end = self.segments[i]
        return MARGIN + self.offsets[i] + (min(max(day, start), end) - start) * self.scale


def _ordinal(value: str) -> int | None:
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def _axis(spans: list[tuple[int, int, int]], width: int) -> _Axis:
    ranges = sorted((low - PAD_DAYS, high + PAD_DAYS) for _, low, high in spans)
    whole = ranges[-1][1] - ranges[0][0]
    gap = max(GAP_DAYS, GAP_SHARE * whole)
    segments: list[list[int]] = []
    for low, high in ranges:
        if segments and low - segments[-1][1] <= gap:
            segments[-1][1] = max(segments[-1][1], high)
        else:
            segments.append([low, high])
    total = sum(high - low for low, high in segments)
    room = width - 2 * MARGIN - BREAK_WIDTH * (len(segments) - 1)
    scale = room / max(1, total)
    offsets, done = [], 0.0
    for n, (low, high) in enumerate(segments):
        offsets.append(done + n * BREAK_WIDTH)
        done += (high - low) * scale
    return _Axis(tuple((a, b) for a, b in segments), tuple(offsets), scale)


def layout_timeline(timeline: Timeline, *, width: int = WIDTH) -> SvgTimeline:
    """Place each entry of ``timeline`` on a time axis, one lane per overlap.

    Args:
        timeline: the entries to draw (entries without usable dates are left out).
        width: drawing width in user units.

    Returns:
        The layout; entry ``i`` links to ``#entry-i`` on the same page.
    """
    spans = []
    for i, entry in enumerate(timeline.entries):
        low, high = _ordinal(entry.time.earliest), _ordinal(entry.time.latest)
        if low is not None and high is not None:
            spans.append((i, low, max(low, high)))
    if not spans:
        return SvgTimeline(width, AXIS_HEIGHT + MARGIN, float(MARGIN), (), ())
    axis = _axis(spans, width)
    lanes: list[float] = []
    bars = []
    for i, low, high in sorted(spans, key=lambda s: (s[1], s[2])):
        bar, left, right = _bar(timeline, i, axis.x(low), axis.x(high + 1), width)
        lane = next((n for n, free in enumerate(lanes) if free <= left), len(lanes))
        if lane == len(lanes):
            lanes.append(right)
        lanes[lane] = right
        bars.append(replace(bar, y=AXIS_HEIGHT + lane * ROW_HEIGHT))
    height = AXIS_HEIGHT + len(lanes) * ROW_HEIGHT + MARGIN
    breaks = tuple(MARGIN + axis.offsets[n] - BREAK_WIDTH / 2 for n in range(1, len(axis.segments)))
    return SvgTimeline(width, height, height - MARGIN / 2, tuple(bars), _ticks(axis), breaks)


def _bar(
    timeline: Timeline, i: int, x: float, x_end: float, width: int
) -> tuple[Bar, float, float]:
    """Return entry ``i``'s bar (at y 0) and the left and right edges of bar and text."""
    entry = timeline.entries[i]
    bar_width = max(MIN_BAR, x_end - x)
    label = _short(entry.summary)
    text_width = len(f"{entry.time.value} · {label}") * CHAR_WIDTH
    # Labels that would run off the right edge end at their bar instead.
    anchor_end = x + text_width > width - MARGIN / 2
    left = min(x, x + bar_width - text_width) if anchor_end else x
    right = max(x + bar_width, left + text_width) + 12
    bar = Bar(
        index=i,
        x=x,
        y=0.0,
        width=bar_width,
        label=label,
        when=entry.time.value,
        granularity=entry.time.granularity.value,
        status=entry.status,
        href=f"#entry-{i}",
        text_x=x + bar_width if anchor_end else x,
        text_anchor="end" if anchor_end else "start",
    )
    return bar, left, right


def _ticks(axis: _Axis) -> tuple[Tick, ...]:
    years = sum(high - low for low, high in axis.segments) / 365.25
    step = next((s for s in (1, 2, 5, 10, 20, 50, 100) if years / s <= 12), 200)
    ticks = []
    for low, high in axis.segments:
        first, last = date.fromordinal(low).year + 1, date.fromordinal(high).year
        marks = [y for y in range(first, last + 1) if y % step == 0]
        if not marks and first <= last:
            marks = [first]  # a short stretch still says where it is
        ticks += [Tick(axis.x(date(y, 1, 1).toordinal()), str(y)) for y in marks]
    return tuple(ticks)


def _short(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

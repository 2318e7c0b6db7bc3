"""Timeline exports: JSON, Markdown, self-contained HTML, CSV and TimelineJS JSON."""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Callable
from typing import Any

from storyline.errors import UsageError
from storyline.model import Timeline, TimelineEntry
from storyline.timelines._points import label, start_parts

FORMATS = ("json", "markdown", "html", "csv", "timelinejs")
"""The export formats `render` knows, in the order the command line lists them."""

_CSV_HEADER = (
    "date",
    "earliest",
    "latest",
    "granularity",
    "status",
    "summary",
    "event",
    "sources",
    "independent_sources",
    "evidence_article",
    "evidence_start",
    "evidence_end",
    "evidence_text",
)

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.5em}
ol{list-style:none;padding:0;border-left:3px solid #bbb}
li{margin:0 0 1.2em;padding-left:1em;position:relative}
li:before{content:"";position:absolute;left:-8px;top:.45em;width:13px;height:13px;
border-radius:50%;background:#47a}
li.mentioned:before{background:#aaa}li.planned:before{background:#fff;border:2px solid #47a}
.when{font-weight:600}.status{font-size:.8em;color:#666;margin-left:.5em}
.meta{font-size:.85em;color:#555}blockquote{margin:.3em 0;color:#444;font-style:italic}
"""


def _sources_text(entry: TimelineEntry) -> str:
    names = ", ".join(entry.sources) or "no source"
    return f"{names} ({entry.independent_sources} independent)"


def _json(timeline: Timeline) -> str:
    return json.dumps(timeline.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _markdown(timeline: Timeline) -> str:
    lines = [f"# {timeline.title}", ""]
    if timeline.story:
        lines += [f"Story `{timeline.story}`", ""]
    for entry in timeline.entries:
        status = "" if entry.status == "reported" else f" *({entry.status})*"
        lines.append(f"- **{label(entry.time)}**{status} {entry.summary}")
        lines.append(f"  - sources: {_sources_text(entry)}")
        if entry.evidence and " ".join(entry.evidence.text.split()) != entry.summary:
            lines.append(f'  - evidence: "{" ".join(entry.evidence.text.split())}"')
    if not timeline.entries:
        lines.append("_No dated entries._")
    return "\n".join(lines) + "\n"


def _html_entry(entry: TimelineEntry) -> str:
    e = html.escape
    status = "" if entry.status == "reported" else f'<span class="status">{e(entry.status)}</span>'
    parts = [
        f'<li class="{e(entry.status)}"><span class="when">{e(label(entry.time))}</span>{status}',
        f"<div>{e(entry.summary)}</div>",
    ]
    if entry.evidence and " ".join(entry.evidence.text.split()) != entry.summary:
        parts.append(f"<blockquote>{e(entry.evidence.text)}</blockquote>")
    parts.append(f'<div class="meta">sources: {e(_sources_text(entry))}</div></li>')
    return "\n".join(parts)


def _html(timeline: Timeline) -> str:
    title = html.escape(timeline.title)
    items = "\n".join(_html_entry(entry) for entry in timeline.entries)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{_CSS}</style></head>\n"
        f"<body><h1>{title}</h1>\n<ol>\n{items}\n</ol>\n</body></html>\n"
    )


def _csv(timeline: Timeline) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(_CSV_HEADER)
    for entry in timeline.entries:
        evidence = entry.evidence
        writer.writerow(
            (
                entry.time.value,
                entry.time.earliest,
                entry.time.latest,
                entry.time.granularity.value,
                entry.status,
                entry.summary,
                entry.event or "",
                " ".join(entry.sources),
                entry.independent_sources,
                (evidence.article_id or "") if evidence else "",
                evidence.start if evidence else "",
                evidence.end if evidence else "",
                " ".join(evidence.text.split()) if evidence else "",
            )
        )
    return buffer.getvalue()


def _timelinejs_event(entry: TimelineEntry) -> dict[str, Any]:
    e = html.escape
    text = e(entry.summary)
    if entry.sources:
        text += f"<br><small>sources: {e(_sources_text(entry))}</small>"
    event: dict[str, Any] = {
        "start_date": {**start_parts(entry.time), "display_date": label(entry.time)},
        "text": {"headline": e(label(entry.time)), "text": text},
        "group": entry.status,
    }
    if entry.event:
        event["unique_id"] = entry.event
    return event


def _timelinejs(timeline: Timeline) -> str:
    data = {
        "title": {"text": {"headline": html.escape(timeline.title), "text": ""}},
        "events": [_timelinejs_event(entry) for entry in timeline.entries],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_RENDERERS: dict[str, Callable[[Timeline], str]] = {
    "json": _json,
    "markdown": _markdown,
    "html": _html,
    "csv": _csv,
    "timelinejs": _timelinejs,
}


def render(timeline: Timeline, fmt: str) -> str:
    """Write a timeline in one of `FORMATS`.

    ``html`` is one self-contained page (inline CSS, no external asset, all text
    escaped); ``timelinejs`` follows the TimelineJS3 JSON shape; ``csv`` starts with a
    header row; ``markdown`` reads well in a terminal.

    Raises:
        UsageError: ``fmt`` is not one of `FORMATS`.

    Example:
        >>> print(render(timeline, "markdown"))
    """
    renderer = _RENDERERS.get(fmt)
    if renderer is None:
        raise UsageError(f"unknown timeline format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return renderer(timeline)

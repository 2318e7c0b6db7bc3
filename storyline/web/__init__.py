"""The web UI's page helpers, templates and static assets.

`highlight` cuts an article body into marked-up pieces and `layout_timeline` places a
timeline's entries on an SVG time axis; both return plain data that the Jinja templates
in ``templates/`` render with autoescaping.  Routes live in `storyline.api`.
"""

from __future__ import annotations

from pathlib import Path

from storyline.web._highlight import Block, Piece, Span, highlight
from storyline.web._svg import Bar, SvgTimeline, Tick, layout_timeline

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
"""Folder of the Jinja templates."""
STATIC_DIR = Path(__file__).resolve().parent / "static"
"""Folder of the stylesheet and script served under ``/static``."""

__all__ = [
    "STATIC_DIR",
    "TEMPLATES_DIR",
    "Bar",
    "Block",
    "Piece",
    "Span",
    "SvgTimeline",
    "Tick",
    "highlight",
    "layout_timeline",
]

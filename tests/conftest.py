"""Fixtures shared by every test package."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """Return a path under ``../shared``, skipping the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared seeds and data sit beside the project root")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    """The folder of seed articles, ``../shared/seeds``."""
    return shared_path("seeds")


def seed_lines(name: str) -> list[str]:
    """Return the non-blank lines of a seed file, stripped, so that tests can name a line
    by its place instead of copying the seed's words into the project."""
    text = shared_path("seeds", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def related_pairs(lines: list[str]) -> list[tuple[str, str]]:
    """Return ``(headline, "dd Mon yy | Section")`` pairs of a related-coverage block."""
    stamp = re.compile(r"^\d\d\s[A-Z][a-z]{2}\s\d\d\s*\|")
    return [(lines[i - 1], line) for i, line in enumerate(lines) if i and stamp.match(line)]

"""Fixtures shared by every test package."""

from __future__ import annotations

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

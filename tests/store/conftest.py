"""Fixtures for the store tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from storyline.store import SQLiteStore


@pytest.fixture
def store() -> Iterator[SQLiteStore]:
    """A fresh in-memory store."""
    with SQLiteStore(":memory:") as fresh:
        yield fresh

"""The analysis run leaves the interpreter's cycle collector as it found it."""

from __future__ import annotations

import gc

import pytest

from storyline import analysis
from storyline.store import SQLiteStore


def test_an_analysis_run_collects_rarely_and_restores_the_collector() -> None:
    store = SQLiteStore(":memory:")
    seen = []

    def pending() -> list[str]:
        seen.append(gc.get_threshold())
        return []

    store.unanalysed_articles = pending  # type: ignore[method-assign]
    before = gc.get_threshold()
    analysis.analyse(store)
    assert seen == [analysis.COLLECTOR_THRESHOLDS]
    assert gc.get_threshold() == before


def test_the_collector_is_restored_when_a_run_fails() -> None:
    store = SQLiteStore(":memory:")

    def fail() -> list[str]:
        raise RuntimeError("disk gone")

    store.unanalysed_articles = fail  # type: ignore[method-assign]
    before = gc.get_threshold()
    with pytest.raises(RuntimeError):
        analysis.analyse(store)
    assert gc.get_threshold() == before

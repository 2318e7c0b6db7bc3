"""Each event's story profile is stored, so a run reads the signals of new events only,
and threading comes out the same as when every profile is worked out again."""

from __future__ import annotations

from pathlib import Path

import pytest

import storyline
from storyline.analysis import StoryStep

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def _stories(lib: storyline.Library) -> dict[str, tuple[str, ...]]:
    return {s.id: tuple(sorted(s.events)) for s in lib.stories()}


def _ingest_in_two(path: Path, *, forget_profiles: bool) -> dict[str, tuple[str, ...]]:
    with storyline.open(str(path)) as lib:
        lib.ingest([str(CORPUS / "text"), str(CORPUS / "html")])
        if forget_profiles:
            lib.store._conn.execute("DELETE FROM event_profiles")
        lib.ingest([str(CORPUS / "jsonl"), str(CORPUS / "feeds")])
        return _stories(lib)


def test_stored_profiles_thread_events_as_recomputed_ones_do(tmp_path: Path) -> None:
    kept = _ingest_in_two(tmp_path / "kept.db", forget_profiles=False)
    again = _ingest_in_two(tmp_path / "again.db", forget_profiles=True)
    assert kept == again and len(kept) > 2


def test_a_run_reads_the_signals_of_its_new_events_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with storyline.open(str(tmp_path / "store.db")) as lib:
        lib.ingest([str(CORPUS / "text"), str(CORPUS / "html")])
        stored = [e.id for e in lib.events() if not e.mentioned_only]
        profiles = lib.store.get_event_profiles(stored)
        assert set(profiles) == set(stored)
        read: list[str] = []
        real = StoryStep._signals

        def counting(self: StoryStep, event: storyline.model.Event) -> list[object]:
            read.append(event.id)
            return real(self, event)  # type: ignore[return-value]

        monkeypatch.setattr(StoryStep, "_signals", counting)
        lib.ingest([str(CORPUS / "jsonl")])
        assert read and len(read) < len(stored)

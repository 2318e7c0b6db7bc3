"""A large ingest is analysed in passes of `ANALYSIS_BATCH` articles, in publication
order, so that what one pass holds in memory stays bounded."""

from __future__ import annotations

from pathlib import Path

import pytest

import storyline
import storyline.analysis as analysis

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def test_an_ingest_is_analysed_in_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analysis, "ANALYSIS_BATCH", 8)
    passes: list[list[str]] = []
    real = analysis._analyse_batch

    def counting(store, pending, previous):  # type: ignore[no-untyped-def]
        passes.append(list(pending))
        return real(store, pending, previous)

    monkeypatch.setattr(analysis, "_analyse_batch", counting)
    with storyline.open(str(tmp_path / "store.db")) as lib:
        lib.ingest([str(CORPUS)])
        every = [a.id for a in lib.articles()]
        assert lib.store.unanalysed_articles() == []
        report = lib.last_analysis
        assert report is not None and report.articles == len(every)
        stories = list(lib.stories())
    assert [len(p) for p in passes[:-1]] == [8] * (len(passes) - 1) and len(passes) > 2
    seen = [a for p in passes for a in p]
    assert len(seen) == len(set(seen)) and set(seen) == set(every)
    assert len(stories) > 2


def test_pending_articles_in_publication_order(tmp_path: Path) -> None:
    with storyline.open(str(tmp_path / "store.db")) as lib:
        lib.ingest([str(CORPUS)], analyse_after=False)
        ordered = lib.store.unanalysed_articles(by_publication=True)
        assert ordered == [a.id for a in lib.articles()]
        assert sorted(ordered) == sorted(lib.store.unanalysed_articles())

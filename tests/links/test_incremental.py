"""A run scores again only the mentions it can have changed; the rest keep their links,
and the archive ends with the links a full re-resolution gives."""

from __future__ import annotations

from pathlib import Path

import pytest

import storyline
from storyline.analysis import LinkStep
from storyline.store import SQLiteStore

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"

# Three ingests that each add coverage earlier mentions may point at.
BATCHES = [
    [CORPUS / "text"],
    [CORPUS / "html"],
    [CORPUS / "jsonl", CORPUS / "feeds", CORPUS / "warc"],
]


def _links(store: SQLiteStore) -> dict[str, list[dict[str, object]]]:
    return {
        article: [link.to_dict() for link in links]
        for article, links in store.links_by_article().items()
    }


def _mentioned(store: SQLiteStore) -> dict[str, object]:
    return {e.id: e.to_dict() for e in store.iter_events() if e.mentioned_only}


def test_incremental_runs_end_with_the_links_of_a_full_resolution(tmp_path: Path) -> None:
    with storyline.open(str(tmp_path / "store.db")) as lib:
        for batch in BATCHES:
            lib.ingest([str(path) for path in batch])
        store = lib.store
        links, mentioned = _links(store), _mentioned(store)
        assert sum(len(v) for v in links.values()) > 10
        LinkStep(store).resolve()  # every stored mention scored again
        assert _links(store) == links
        assert _mentioned(store) == mentioned


def test_mentions_untouched_by_a_run_are_not_scored_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storyline.analysis._links as links_module

    scored: list[str] = []
    real = links_module.resolve_mentions

    def counting(mentions, index):  # type: ignore[no-untyped-def]
        scored.extend(m.article_id for m in mentions[:1])
        return real(mentions, index)

    with storyline.open(str(tmp_path / "store.db")) as lib:
        lib.ingest([str(CORPUS / "text"), str(CORPUS / "html")])
        before = len(lib.store.links_by_article())
        monkeypatch.setattr(links_module, "resolve_mentions", counting)
        late = tmp_path / "late.jsonl"
        late.write_text(
            '{"title": "Abe hosts Putin at Nagato hot spring", "date_publish": "2016-12-15", '
            '"maintext": "Prime Minister Shinzo Abe welcomed President Vladimir Putin to '
            "his home town of Nagato on Thursday for two days of talks on the disputed "
            "islands, ten years after the two sides last held a summit in Japan. Abe said "
            'he hoped to agree on joint economic activity on the islands."}\n',
            "utf-8",
        )
        lib.ingest([str(late)])
    assert before > 3
    assert 0 < len(scored) < before

"""An analysis run stores only the entities it changed, and the store ends up holding
exactly the state a full write would have held."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from pathlib import Path

import pytest

import storyline
from storyline.analysis import EntityStep
from storyline.entities import ResolverState
from storyline.store import SQLiteStore

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def _rows(state: ResolverState) -> Counter[tuple[str, object]]:
    rows: Counter[tuple[str, object]] = Counter()
    for name in ("entities", "aliases", "roles", "contexts"):
        rows.update((name, row) for row in getattr(state, name))
    return rows


def _step_over_pending(store: SQLiteStore) -> EntityStep:
    step = EntityStep(store)
    pending = set(store.unanalysed_articles())
    for article in store.iter_articles():
        if article.id in pending:
            step.add(article)
    step.save()
    return step


def test_a_second_run_leaves_the_store_equal_to_a_full_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with storyline.open(str(tmp_path / "store.db")) as lib:
        lib.ingest([str(CORPUS / "html"), str(CORPUS / "text")])
        lib.ingest([str(CORPUS / "jsonl"), str(CORPUS / "feeds")], analyse_after=False)
        store = lib.store
        before = store.get_resolver_state()
        written: list[int] = []
        update = store.update_resolver_state

        def counting(state: ResolverState, ids: Collection[str]) -> None:
            written.append(len(ids))
            update(state, ids)

        monkeypatch.setattr(store, "update_resolver_state", counting)
        step = _step_over_pending(store)
        assert _rows(store.get_resolver_state()) == _rows(step.resolver.export_state())
        # Far from every entity was rewritten: the run touched what it saw.
        assert len(written) == 1 and 0 < written[0] < len(before.entities)


def test_a_merge_removes_the_absorbed_entity_rows(tmp_path: Path) -> None:
    first = tmp_path / "first.txt"
    first.write_text("Tokyo spoke of the Northern Territories.\n", "utf-8")
    second = tmp_path / "second.txt"
    second.write_text("Moscow sent troops to the Southern Kuriles.\n", "utf-8")
    third = tmp_path / "third.txt"
    third.write_text(
        "The dispute is over the islands, which Japan calls the Northern Territories"
        " and Russia the Southern Kuriles.\n",
        "utf-8",
    )
    with storyline.open(str(tmp_path / "store.db")) as lib:
        lib.ingest([str(first), str(second)])
        lib.ingest([str(third)], analyse_after=False)
        step = _step_over_pending(lib.store)
        stored = lib.store.get_resolver_state()
        assert _rows(stored) == _rows(step.resolver.export_state())
        ids = {row.id for row in stored.entities}
        assert step.resolver.merged
        assert not set(step.resolver.merged) & ids
        assert not {row.entity_id for row in stored.contexts} & set(step.resolver.merged)

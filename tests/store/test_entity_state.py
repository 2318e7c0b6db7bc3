"""Entity state in the store: partial updates, per-entity companion counts."""

from __future__ import annotations

from storyline.entities import AliasRow, ContextRow, EntityRow, ResolverState, RoleRow
from storyline.store import SQLiteStore


def _state(ids: list[str], version: int) -> ResolverState:
    return ResolverState(
        tuple(EntityRow(i, f"Name {i} v{version}", "PERSON", version) for i in ids),
        tuple(AliasRow(i, f"alias {i} v{version}") for i in ids),
        tuple(RoleRow(i, "minister", None, None, "minister", 0, 8) for i in ids[:3]),
        tuple(ContextRow(i, ids[0], version) for i in ids[1:]),
    )


def test_update_replaces_only_the_named_entities(store: SQLiteStore) -> None:
    everyone = [f"person:p{n:04d}" for n in range(1200)]
    store.put_resolver_state(_state(everyone, 1))
    # More ids than one IN (...) list takes, and one entity that is gone (merged away).
    changed = everyone[1:701]
    gone = everyone[701]
    update = _state([everyone[0], *changed], 2)
    update = ResolverState(
        update.entities[1:], update.aliases[1:], update.roles[1:], update.contexts
    )
    store.update_resolver_state(update, [*changed, gone])
    state = store.get_resolver_state()
    names = {row.id: row.name for row in state.entities}
    assert len(names) == 1199 and gone not in names
    assert names[everyone[1]].endswith("v2") and names[everyone[900]].endswith("v1")
    assert names[everyone[0]].endswith("v1")
    aliases = [row.name for row in state.aliases if row.entity_id == everyone[1]]
    assert aliases == [f"alias {everyone[1]} v2"]
    assert store.entity_contexts(everyone[5]) == {everyone[0]: 2}
    assert store.entity_contexts(everyone[900]) == {everyone[0]: 1}
    assert gone not in store.context_referrers(everyone[0])
    assert len(store.context_referrers(everyone[0])) == 1198


def test_state_without_contexts(store: SQLiteStore) -> None:
    store.put_resolver_state(_state(["place:a", "place:b"], 1))
    assert store.get_resolver_state(contexts=False).contexts == ()
    assert len(store.get_resolver_state().contexts) == 1

"""When the resolver merges two entities, nothing stored points at the absorbed one:
events' participants and places, stories' entities, clustering signals and event
mentions all name the entity it merged into, whether the merge came in the run that
stored them or in a later one."""

from __future__ import annotations

from pathlib import Path

import pytest

import storyline
from storyline.store import SQLiteStore

TEXTS = {
    "first.txt": "Tokyo spoke of the Northern Territories.\n",
    "second.txt": (
        "Moscow sent troops to the Southern Kuriles.\n\n"
        "Soviet troops had seized the Southern Kuriles in August 1945.\n"
    ),
    "third.txt": (
        "The dispute is over the islands, which Japan calls the Northern Territories"
        " and Russia the Southern Kuriles.\n"
    ),
}
MERGED = "place:southern-kuriles"
KEPT = "place:northern-territories"


def _references(store: SQLiteStore) -> dict[str, set[str]]:
    """Every entity id each kind of stored record refers to."""
    found: dict[str, set[str]] = {"events": set(), "stories": set(), "signals": set()}
    found["mentions"] = set()
    for event in store.iter_events():
        found["events"].update(event.who, event.where)
    for story in store.iter_stories():
        found["stories"].update(story.entities)
    ids = [article.id for article in store.iter_articles()]
    for signal in store.get_signals(ids).values():
        found["signals"].update(signal["entities"])
    for _, mention in store.iter_event_mentions():
        found["mentions"].update(mention["participants"])
        if mention["place"]:
            found["mentions"].add(mention["place"])
    return found


@pytest.mark.parametrize("runs", [1, 2], ids=["one run", "merge in a later run"])
def test_no_stored_record_names_a_merged_entity(tmp_path: Path, runs: int) -> None:
    paths = []
    for name, text in TEXTS.items():
        path = tmp_path / name
        path.write_text(text, "utf-8")
        paths.append(str(path))
    with storyline.open(str(tmp_path / "store.db")) as lib:
        if runs == 1:
            lib.ingest(paths)
        else:
            lib.ingest(paths[:2])
            assert MERGED in _references(lib.store)["events"]  # before the merge
            lib.ingest(paths[2:])
        store = lib.store
        entities = set(store.entity_kinds())
        assert MERGED not in entities and KEPT in entities
        for kind, ids in _references(store).items():
            assert ids <= entities, f"{kind} name entities that are gone: {ids - entities}"
        # The merged entity is a place: it stays among the events' places.
        moscow = next(e for e in store.iter_events() if e.title.startswith("Moscow"))
        assert KEPT in moscow.where and KEPT not in moscow.who

"""The entity points of ``../shared/seeds/EXPECTED.md``, checked on the raw seed texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.entities import ArticleEntities, Entity, EntityResolver, extract_entities
from tests.conftest import shared_path

Archive = tuple[EntityResolver, dict[str, ArticleEntities], dict[str, dict[str, str]]]
"""The resolver, each seed's local entities, and each seed's local → canonical ids."""

BBC = ("004_8d72a45c9b085ab1.txt", "2005-11-20")
CNBC = ("000_0ee64a50e8cb1b23.txt", "2014-02-08")


@pytest.fixture(scope="module")
def archive() -> Archive:
    """Both seeds resolved in date order: the resolver, local entities and id maps."""
    seeds = shared_path("seeds")
    resolver = EntityResolver()
    articles: dict[str, ArticleEntities] = {}
    mappings: dict[str, dict[str, str]] = {}
    for name, date in (BBC, CNBC):
        text = Path(seeds, name).read_text(encoding="utf-8")
        articles[name] = extract_entities(text, date=date)
        mappings[name] = resolver.add(name, articles[name])
    return resolver, articles, mappings


def _ids_of(archive_: Archive, written: str) -> set[str]:
    """Return the canonical ids of every mention written ``written`` in either seed."""
    _, articles, mappings = archive_
    found: set[str] = set()
    for name, article in articles.items():
        for local in article.entities:
            if any(article.mentions[i].text == written for i in local.mentions):
                found.add(mappings[name][local.id])
    return found


def _entity(resolver: EntityResolver, entity_id: str) -> Entity:
    entity = resolver.entity(entity_id)
    assert entity is not None
    return entity


@pytest.mark.parametrize(
    ("forms", "name"),
    [
        (("Putin", "Vladimir Putin"), "Vladimir Putin"),
        (("Shinzo Abe", "Abe"), "Shinzo Abe"),
        (("Junichiro Koizumi", "Koizumi"), "Junichiro Koizumi"),
        (("Xi Jinping",), "Xi Jinping"),
        (("Barack Obama",), "Barack Obama"),
    ],
)
def test_one_entity_per_person(archive: Archive, forms: tuple[str, ...], name: str) -> None:
    ids = set().union(*(_ids_of(archive, form) for form in forms))
    assert len(ids) == 1
    entity = _entity(archive[0], ids.pop())
    assert (entity.name, entity.kind) == (name, "PERSON")


def test_putin_written_three_ways(archive: Archive) -> None:
    _, articles, _ = archive
    putin = [e for a in articles.values() for e in a.entities if e.name == "Vladimir Putin"]
    forms = {form for entity in putin for form in entity.forms}
    assert {"Putin", "Mr Putin", "Russian President Vladimir Putin"} <= forms


def test_islands_are_one_entity_with_viewpoint_aliases(archive: Archive) -> None:
    resolver, articles, _ = archive
    ids = _ids_of(archive, "Kuril Islands") | _ids_of(archive, "Southern Kuriles")
    ids |= _ids_of(archive, "Northern Territories")
    assert len(ids) == 1
    entity = _entity(resolver, ids.pop())
    sided = {(a.name, a.viewpoint) for a in entity.aliases}
    expected = {
        ("Kuril Islands", None),
        ("Southern Kuriles", "Russia"),
        ("Northern Territories", "Japan"),
    }
    assert expected <= sided
    descriptions = {d.text for a in articles.values() for e in a.entities for d in e.descriptions}
    assert {"four Pacific islands", "four small islands"} <= descriptions


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("Japan", "PLACE"),
        ("Russia", "PLACE"),
        ("Tokyo", "PLACE"),
        ("Moscow", "PLACE"),
        ("Sochi", "PLACE"),
        ("Hokkaido", "PLACE"),
        ("Busan", "PLACE"),
        ("China", "PLACE"),
        ("Beijing", "PLACE"),
        ("South Korea", "PLACE"),
        ("Apec", "ORG"),
        ("Group of Eight", "ORG"),
        ("World Trade Organisation", "ORG"),
        ("UN Security Council", "ORG"),
    ],
)
def test_places_and_organisations(archive: Archive, written: str, kind: str) -> None:
    ids = _ids_of(archive, written)
    assert len(ids) == 1
    assert _entity(archive[0], ids.pop()).kind == kind


def test_g8_and_wto_spellings_share_entities(archive: Archive) -> None:
    resolver = archive[0]
    assert resolver.registry.lookup("G8") == resolver.registry.lookup("Group of Eight")
    assert resolver.registry.lookup("WTO") == resolver.registry.lookup("World Trade Organisation")


def test_putin_roles_change_with_time(archive: Archive) -> None:
    resolver = archive[0]
    (putin_id,) = _ids_of(archive, "Vladimir Putin")
    spans = _entity(resolver, putin_id).roles

    def role_at(year: str) -> str:
        return next(s.role for s in spans if (s.start or "")[:4] <= year <= (s.end or "")[:4])

    assert role_at("2005").startswith("president")
    assert role_at("2009").startswith("prime minister")
    assert role_at("2014").startswith("president")


def test_capitals_standing_for_governments_are_flagged(archive: Archive) -> None:
    _, articles, _ = archive
    bbc = articles[BBC[0]]
    flagged = {(bbc.mentions[m.mention].text, m.reading) for m in bbc.metonymies}
    assert flagged == {("Tokyo", "government of Japan"), ("Moscow", "government of Russia")}

"""`storyline entities`, `storyline alias …` and the entities of `show --json`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import json_lines, run

BBC = "004_8d72a45c9b085ab1.txt"
CNBC = "000_0ee64a50e8cb1b23.txt"

ARTICLE = """Harbour bridge opens in Valparaiso

Valparaiso, 3 March 2021

Chilean President Sebastian Pinera opened the new harbour bridge in Valparaiso on Monday.
Mr Pinera said the bridge, known as El Arco in Chile, would carry 20,000 cars a day.
"""


def entities_by_name(db: str) -> dict[str, dict[str, Any]]:
    result = run("entities", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    return {e["name"]: e for e in json_lines(result.output)}


def test_entities_json_shape(seeds_db: str) -> None:
    rows = json_lines(run("entities", "--db", seeds_db, "--json").output)
    assert rows
    for row in rows:
        assert set(row) >= {"id", "name", "kind", "aliases", "roles", "articles"}
        for alias in row["aliases"]:
            assert set(alias) == {"name", "viewpoint", "valid_from", "valid_to"}
        for role in row["roles"]:
            assert set(role) >= {"role", "from", "to", "evidence"}
    counts = [row["articles"] for row in rows]
    assert counts == sorted(counts, reverse=True)


@pytest.mark.parametrize(
    "name", ["Vladimir Putin", "Shinzo Abe", "Junichiro Koizumi", "Xi Jinping", "Barack Obama"]
)
def test_seed_people_are_one_entity_each(seeds_db: str, name: str) -> None:
    people = [e for e in entities_by_name(seeds_db).values() if e["kind"] == "PERSON"]
    surname = name.split()[-1]
    holders = [p for p in people if any(surname in a["name"] for a in p["aliases"])]
    assert [p["name"] for p in holders] == [name]


def test_putin_spans_both_articles_with_roles(seeds_db: str) -> None:
    putin = entities_by_name(seeds_db)["Vladimir Putin"]
    assert putin["articles"] == 2
    roles = {r["role"] for r in putin["roles"]}
    assert "president of Russia" in roles
    assert any("prime minister" in r for r in roles)


def test_disputed_islands_are_one_entity_with_viewpoints(seeds_db: str) -> None:
    found = entities_by_name(seeds_db)
    islands = [e for e in found.values() if any("Kuril" in a["name"] for a in e["aliases"])]
    assert len(islands) == 1
    views = {a["name"]: a["viewpoint"] for a in islands[0]["aliases"]}
    assert views["Southern Kuriles"] == "Russia"
    assert views["Northern Territories"] == "Japan"


@pytest.mark.parametrize(
    ("name", "kind"),
    [("Sochi", "PLACE"), ("Hokkaido", "PLACE"), ("Busan", "PLACE"), ("Beijing", "PLACE")],
)
def test_seed_places(seeds_db: str, name: str, kind: str) -> None:
    assert entities_by_name(seeds_db)[name]["kind"] == kind


def test_show_json_has_entity_mentions(seeds_db: str) -> None:
    ids = [a["id"] for a in json_lines(run("articles", "--db", seeds_db, "--json").output)]
    shown = json_lines(run("show", ids[0], "--db", seeds_db, "--json").output)[0]
    body = "\n\n".join(shown["paragraphs"])
    assert shown["entities"]
    for mention in shown["entities"]:
        assert body[mention["start"] : mention["end"]] == mention["text"]
        assert mention["kind"] in {"PERSON", "ORG", "PLACE", "EVENT", "OTHER"}
    assert any(m["entity_id"] == "person:vladimir-putin" for m in shown["entities"])


@pytest.fixture
def bridge_db(tmp_path: Path) -> str:
    path = tmp_path / "bridge.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "bridge.db")
    assert run("ingest", str(path), "--db", db, "-q").exit_code == 0
    return db


def aliases_of(db: str, name: str) -> dict[str, str | None]:
    entity = entities_by_name(db)[name]
    return {a["name"]: a["viewpoint"] for a in entity["aliases"]}


def test_alias_add_survives_rebuild(bridge_db: str) -> None:
    result = run("alias", "add", "Valparaiso", "Valpo", "--viewpoint", "Chile", "--db", bridge_db)
    assert result.exit_code == 0, result.output
    assert aliases_of(bridge_db, "Valparaiso")["Valpo"] == "Chile"
    assert run("rebuild", "--db", bridge_db).exit_code == 0
    assert aliases_of(bridge_db, "Valparaiso")["Valpo"] == "Chile"


def test_alias_for_unknown_entity_waits_for_it(tmp_path: Path) -> None:
    db = str(tmp_path / "early.db")
    result = run("alias", "add", "Valparaiso", "Valpo", "--db", db)
    assert result.exit_code == 0
    assert "no entity called" in result.output
    path = tmp_path / "bridge.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert run("ingest", str(path), "--db", db, "-q").exit_code == 0
    assert "Valpo" in aliases_of(db, "Valparaiso")


@pytest.mark.parametrize("fmt", ["csv", "yaml"])
def test_alias_export_import_round_trip(bridge_db: str, tmp_path: Path, fmt: str) -> None:
    run("alias", "add", "Valparaiso", "Valpo", "--viewpoint", "Chile", "--db", bridge_db)
    exported = run("alias", "export", "--format", fmt, "--db", bridge_db).output
    assert "Valpo" in exported
    file = tmp_path / f"aliases.{fmt}"
    file.write_text(exported, encoding="utf-8")
    other = str(tmp_path / "other.db")
    source = tmp_path / "bridge.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    assert run("ingest", str(source), "--db", other, "-q").exit_code == 0
    result = run("alias", "import", str(file), "--db", other)
    assert result.exit_code == 0, result.output
    assert aliases_of(other, "Valparaiso")["Valpo"] == "Chile"


def test_alias_import_reports_bad_rows_and_keeps_good_ones(bridge_db: str, tmp_path: Path) -> None:
    file = tmp_path / "aliases.csv"
    file.write_text("canonical,name,viewpoint\nValparaiso,Valpo,\n,Nameless,\n", encoding="utf-8")
    result = run("alias", "import", str(file), "--db", bridge_db)
    assert result.exit_code == 1
    assert "record 3" in result.output and "needs both" in result.output
    assert "Valpo" in aliases_of(bridge_db, "Valparaiso")


def test_alias_import_missing_column_is_a_clear_error(bridge_db: str, tmp_path: Path) -> None:
    file = tmp_path / "aliases.csv"
    file.write_text("who,what\nA,B\n", encoding="utf-8")
    result = run("alias", "import", str(file), "--db", bridge_db)
    assert result.exit_code == 1
    assert "missing column(s) canonical, name" in result.output
    assert "Traceback" not in result.output


def _event_places(db: str) -> dict[str, set[str]]:
    events = json_lines(run("events", "--db", db, "--json").output)
    return {e["title"]: {*e["where"], *e["who"]} for e in events if not e["mentioned_only"]}


def test_an_alias_merges_the_entity_that_name_made(tmp_path: Path) -> None:
    # Two reports name the islands differently, so the archive holds two entities, until
    # the user says one name is the other's: then one entity remains, for the stored
    # events too, and a rebuild ends the same way.
    texts = {
        "tokyo.txt": "Tokyo spoke of the Northern Territories.\n",
        "moscow.txt": "Moscow sent troops to the Southern Kuriles.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "islands.db")
    paths = [str(tmp_path / name) for name in texts]
    assert run("ingest", *paths, "--db", db, "-q").exit_code == 0
    assert {"Northern Territories", "Southern Kuriles"} <= set(entities_by_name(db))
    result = run(
        "alias",
        "add",
        "Northern Territories",
        "Southern Kuriles",
        "--viewpoint",
        "Russia",
        "--db",
        db,
    )
    assert result.exit_code == 0, result.output
    for step in ("alias", "rebuild"):
        if step == "rebuild":
            assert run("rebuild", "--db", db).exit_code == 0
        names = entities_by_name(db)
        assert "Southern Kuriles" not in names, step
        assert aliases_of(db, "Northern Territories")["Southern Kuriles"] == "Russia"
        moscow = _event_places(db)["Moscow sent troops to the Southern Kuriles."]
        assert "place:northern-territories" in moscow and "place:southern-kuriles" not in moscow

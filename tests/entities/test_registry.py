"""Tests for `AliasRegistry`: lookups with viewpoint and validity, CSV and JSON."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.entities import Alias, AliasRegistry, normalize_key
from storyline.errors import RecordError
from storyline.model import Evidence

ISLANDS = "place:kuril-islands"


def _registry() -> AliasRegistry:
    registry = AliasRegistry()
    registry.add(ISLANDS, Alias("Kuril Islands"))
    registry.add(ISLANDS, Alias("Southern Kuriles", "Russia"))
    registry.add(ISLANDS, Alias("Northern Territories", "Japan", evidence=Evidence("x", 0, 1)))
    registry.add("place:myanmar", Alias("Burma", valid_to="1989-06"))
    registry.add("place:myanmar", Alias("Myanmar", valid_from="1989-06"))
    registry.add("person:george-bush", Alias("Bush"))
    registry.add("person:laura-bush", Alias("Bush"))
    return registry


@pytest.mark.parametrize(
    ("name", "kwargs", "expected"),
    [
        ("Northern Territories", {}, ("place:kuril-islands",)),
        ("northern  territories", {}, ("place:kuril-islands",)),
        ("Burma", {"date": "1980"}, ("place:myanmar",)),
        ("Burma", {"date": "1989-06-18"}, ("place:myanmar",)),
        ("Burma", {"date": "2005-11-20"}, ()),
        ("Myanmar", {"date": "1975"}, ()),
        ("Myanmar", {}, ("place:myanmar",)),
        ("Bush", {}, ("person:george-bush", "person:laura-bush")),
        ("Atlantis", {}, ()),
    ],
)
def test_lookup(name: str, kwargs: dict[str, str], expected: tuple[str, ...]) -> None:
    assert _registry().lookup(name, **kwargs) == expected


@pytest.mark.parametrize(
    ("viewpoint", "expected"),
    [("Japan", "Northern Territories"), ("Russia", "Southern Kuriles"), (None, "Kuril Islands")],
)
def test_name_for_a_viewpoint(viewpoint: str | None, expected: str) -> None:
    assert _registry().name_for(ISLANDS, viewpoint=viewpoint) == expected


def test_add_is_idempotent_and_keeps_evidence() -> None:
    registry = AliasRegistry()
    assert registry.add("org:wto", Alias("WTO"))
    assert not registry.add("org:wto", Alias("WTO"))
    evidence = Evidence("WTO", 3, 6, "a1")
    assert not registry.add("org:wto", Alias("WTO", evidence=evidence))
    assert registry.aliases("org:wto") == (Alias("WTO", evidence=evidence),)
    assert len(registry) == 1


def test_remove_and_move() -> None:
    registry = _registry()
    assert registry.remove("person:laura-bush", "Bush") == 1
    assert registry.lookup("Bush") == ("person:george-bush",)
    registry.move("place:myanmar", "place:burma")
    assert registry.lookup("Myanmar") == ("place:burma",)
    assert registry.aliases("place:myanmar") == ()


@pytest.mark.parametrize("form", ["rows", "csv", "json"])
def test_round_trips(form: str) -> None:
    registry = _registry()
    if form == "rows":
        copy = AliasRegistry.from_rows(registry.rows())
    elif form == "json":
        copy = AliasRegistry.from_json(registry.to_json())
    else:
        stream = io.StringIO()
        registry.write_csv(stream)
        copy = AliasRegistry()
        assert copy.load_csv(io.StringIO(stream.getvalue())) == len(registry)
    assert copy.rows() == registry.rows()


def test_loads_a_user_alias_file() -> None:
    text = "entity_id,name,viewpoint\nplace:kuril-islands,Chishima Islands,Japan\n"
    registry = AliasRegistry()
    assert registry.load_csv(io.StringIO(text)) == 1
    assert registry.lookup("Chishima Islands", viewpoint="Japan") == ("place:kuril-islands",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name\nKurils\n", r"missing column\(s\) entity_id"),
        ("entity_id,name\nplace:x,\n", r"mine.csv \(record 2\)"),
        ("entity_id,name,valid_from\nplace:x,X,20th century\n", "is not a date"),
        ("entity_id,name,evidence_start\nplace:x,X,ten\n", "is not a character offset"),
    ],
)
def test_bad_alias_files_name_the_problem(text: str, message: str) -> None:
    with pytest.raises(RecordError, match=message):
        AliasRegistry().load_csv(io.StringIO(text), source="mine.csv")


@given(st.text(max_size=40))
def test_normalize_key_is_idempotent(name: str) -> None:
    key = normalize_key(name)
    assert normalize_key(key) == key

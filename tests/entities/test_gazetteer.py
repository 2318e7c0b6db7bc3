"""Tests for the gazetteer file and its parser."""

from __future__ import annotations

from importlib import resources

import pytest

from storyline.entities import default_gazetteer, parse_gazetteer


def test_shipped_file_is_well_formed() -> None:
    text = resources.files("storyline.entities").joinpath("gazetteer.tsv").read_text("utf-8")
    names: list[str] = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, kind, canonical, _ = line.split("\t")
        assert kind in {"PLACE", "ORG", "EVENT", "DEMONYM", "GIVEN"}, line
        assert (kind == "GIVEN") == (canonical == ""), line
        names.append(name)
    assert len(names) == len(set(names)), "a name is listed twice"


@pytest.mark.parametrize(
    ("name", "kind", "canonical", "relation", "of"),
    [
        ("Tokyo", "PLACE", "Tokyo", "capital", "Japan"),
        ("G8", "ORG", "Group of Eight", "", ""),
        ("U.S.", "PLACE", "United States", "country", ""),
        ("WWII", "EVENT", "World War II", "", ""),
        ("Calif.", "PLACE", "California", "state", "United States"),
    ],
)
def test_lookups(name: str, kind: str, canonical: str, relation: str, of: str) -> None:
    entry = default_gazetteer().lookup(name)
    assert entry is not None
    assert (entry.kind, entry.canonical, entry.relation, entry.of) == (
        kind,
        canonical,
        relation,
        of,
    )


def test_demonyms_given_names_and_spellings() -> None:
    gaz = default_gazetteer()
    assert gaz.demonym("Russian") == "Russia"
    assert gaz.is_given_name("Vladimir") and not gaz.is_given_name("Putin")
    assert gaz.country_of_capital("Moscow") == "Russia"
    assert gaz.country_of_capital("Sochi") is None
    assert set(gaz.spellings_of("Group of Eight")) == {"G8", "G-8", "Group of Eight"}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("Tokyo\tPLACE\tTokyo", "expected 4 tab-separated columns"),
        ("Tokyo\tCITY\tTokyo\t", "unknown kind 'CITY'"),
    ],
)
def test_parser_rejects_bad_rows(line: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_gazetteer(["# a comment", "", line])

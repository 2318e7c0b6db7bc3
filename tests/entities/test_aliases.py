"""Tests for `learn_aliases`."""

from __future__ import annotations

import pytest

from storyline.entities import learn_aliases


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The chain, off the coast of Hokkaido, is known as the Southern Kuriles in Russia "
            "and as the Northern Territories in Japan.",
            [
                ("The chain", "Southern Kuriles", "Russia", "known_as"),
                ("The chain", "Northern Territories", "Japan", "known_as"),
            ],
        ),
        (
            "The strait is also known as the Tatar Strait.",
            [("The strait", "Tatar Strait", None, "known_as")],
        ),
        (
            "The group is known as Hamas by the Palestinians.",
            [("The group", "Hamas", "Palestine", "known_as")],
        ),
        ("Burma, also called Myanmar, voted.", [("Burma", "Myanmar", None, "also_called")]),
        ("Kiev, formerly known as Kyiv, grew.", [("Kiev", "Kyiv", None, "formerly")]),
        (
            "Talks on the islands, which Japan calls the Northern Territories, failed.",
            [("the islands", "Northern Territories", "Japan", "called_by")],
        ),
        ("The Group of Eight (G8) met.", [("Group of Eight", "G8", None, "acronym")]),
        (
            "The Asia-Pacific Economic Cooperation (Apec) forum opened.",
            [("Asia-Pacific Economic Cooperation", "Apec", None, "acronym")],
        ),
        (
            "The ECB (European Central Bank) said so.",
            [("European Central Bank", "ECB", None, "acronym")],
        ),
        (
            "Japan's ruling Liberal Democratic Party (LDP) won.",
            [("Liberal Democratic Party", "LDP", None, "acronym")],
        ),
        ("Abe (right) met Putin.", []),
        ("Nothing is stated here.", []),
    ],
)
def test_learns_stated_aliases(text: str, expected: list[tuple[str, str, str | None, str]]) -> None:
    found = [(f.name, f.alias, f.viewpoint, f.relation) for f in learn_aliases(text)]
    assert found == expected


def test_offsets_and_evidence_point_at_the_text() -> None:
    text = "Envoys of the Group of Eight (G8) met. The chain is known as the Kurils in Russia."
    for fact in learn_aliases(text):
        assert text[fact.name_start :].startswith(fact.name)
        assert text[fact.alias_start :].startswith(fact.alias)
        assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text

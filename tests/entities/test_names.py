"""Tests for the personal-name rules: which written names may be one person."""

from __future__ import annotations

import pytest

from storyline.entities import EntityResolver, extract_entities
from storyline.entities._gazetteer import default_gazetteer
from storyline.entities._names import family_first, names_agree, surname_keys


@pytest.mark.parametrize(
    "name",
    [
        "Xi Jinping",
        "Hu Jintao",
        "Wen Jiabao",
        "Deng Xiaoping",
        "Hun Sen",
        "Moon Jae-in",
        "Ban Ki-moon",
        "Tsai Ing-wen",
        "Kim Jong-un",
    ],  # fmt: skip
)
def test_family_first_names(name: str) -> None:
    words = name.split()
    assert family_first(words, default_gazetteer())
    assert names_agree([words[0]], words, default_gazetteer())
    assert words[0].lower() in surname_keys(words, default_gazetteer())


@pytest.mark.parametrize(
    "name",
    # Runs of a flat text that look like names: a town and the next sentence's first
    # word, two towns, a name and a verb.
    ["Harlow Portions", "Harlow Tripoli", "Harlow Tries", "Harlow Some", "Vladimir Putin"],
)
def test_a_word_after_a_name_does_not_make_it_family_first(name: str) -> None:
    words = name.split()
    assert not family_first(words, default_gazetteer())
    assert not names_agree([words[0]], words, default_gazetteer())
    assert surname_keys(words, default_gazetteer()) == (words[-1].lower(),)


def test_a_town_is_not_taken_by_a_run_that_opens_with_it() -> None:
    resolver = EntityResolver()
    for n, text in enumerate(
        (
            "Rebels held the port of Harlow Portions of the town were shelled.",
            "Fighting in Harlow went on for a week.",
        )
    ):
        article = extract_entities(text, date="2011-03-01")
        mapping = resolver.add(f"a{n}", article)
        if n == 1:
            town = next(e for e in article.entities if e.name == "Harlow")
            entity = resolver.entity(mapping[town.id])
            assert entity is not None and entity.name == "Harlow"


def test_a_lone_word_prefers_the_name_it_ends_to_the_run_it_opens() -> None:
    # In one article a word alone is a surname before it is a first name: the flat
    # text's run "Harlow Tries" does not take "Harlow" from "Tom Harlow".
    article = extract_entities(
        "Harlow Tries to cope with the flood. Mayor Tom Harlow spoke on Monday. Harlow said "
        "the river would fall.",
        date="2011-03-01",
    )
    mayor = next(e for e in article.entities if e.name == "Tom Harlow")
    assert "Harlow" in mayor.forms


def test_a_first_name_used_alone_joins_its_person_in_the_same_article() -> None:
    article = extract_entities(
        "Wolf Blitzer asked the minister about the vote. Thanks, Wolf, she said.",
        date="2011-03-01",
    )
    anchor = next(e for e in article.entities if e.name == "Wolf Blitzer")
    assert "Wolf" in anchor.forms

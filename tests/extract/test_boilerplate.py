"""Furniture lines shared by the text and HTML paths."""

from __future__ import annotations

import pytest

from storyline.extract._boilerplate import Boilerplate, match_boilerplate


@pytest.mark.parametrize(
    ("line", "kind", "rule"),
    [
        ("(Read more: Talks resume in Tokyo)", Boilerplate.TEASER, "teaser"),
        ("READ MORE: Markets fall again", Boilerplate.TEASER, "teaser"),
        ("Related: Ten facts about islands", Boilerplate.TEASER, "teaser"),
        ("See also: Earlier coverage", Boilerplate.TEASER, "teaser"),
        ("Follow us on Twitter: @SomeDesk", Boilerplate.JUNK, "promotion"),
        ("watch One-Minute World News", Boilerplate.JUNK, "promotion"),
        ("Sign up for our newsletter", Boilerplate.JUNK, "promotion"),
        ("Get the day's top headlines delivered to your inbox.", Boilerplate.JUNK, "promotion"),
        ("[an error occurred while processing this directive]", Boilerplate.JUNK, "server_error"),
        ("The Daily is not responsible for the content of external internet sites",
         Boilerplate.JUNK, "legal"),
        ("© 2019 Example Media", Boilerplate.JUNK, "legal"),
        ("Copyright 2011 Example Media. All rights reserved.", Boilerplate.JUNK, "legal"),
        ("https://example.com/story/123", Boilerplate.JUNK, "bare_url"),
        ("___", Boilerplate.JUNK, "no_words"),
        ("Advertisement", Boilerplate.JUNK, "interface_words"),
        ("Sasha Mordovets | Getty Images", Boilerplate.PHOTO_CREDIT, "photo_credit"),
        ("Jane Roe / AFP", Boilerplate.PHOTO_CREDIT, "photo_credit"),
        ("Photo: Agency", Boilerplate.PHOTO_CREDIT, "photo_credit"),
    ],
)  # fmt: skip
def test_furniture(line: str, kind: Boilerplate, rule: str) -> None:
    found = match_boilerplate(line)
    assert found is not None
    assert (found.kind, found.rule) == (kind, rule)


@pytest.mark.parametrize(
    "line",
    [
        "The Russian president flew into Tokyo on Sunday for two days of talks.",
        "Watch closely: the market opened lower and then recovered by noon, traders said.",
        "The photo agency said it would appeal against the ruling on Monday.",
        "Support pledges",
        "14 Jan 05 | Asia-Pacific",
        "Subscribers in the region rose by a tenth last year, the company reported today "
        "in a statement that also covered its plans for expansion into new markets abroad "
        "and for the closure of two older plants in the north.",
        "",
    ],
)
def test_article_text_is_not_furniture(line: str) -> None:
    assert match_boilerplate(line) is None

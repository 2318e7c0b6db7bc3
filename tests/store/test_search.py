"""Full-text search: ranking, snippets, malformed queries, consistency of the index."""

from __future__ import annotations

import pytest

from storyline.errors import StorylineError
from storyline.store import SQLiteStore
from tests.store.corpus import STRIKE_ANALYSIS, STRIKE_REPORT, article, document, numbered

FERRY = (
    "The ferry to the northern islands will run twice a day from June, the harbour "
    "office said, after a new pier was finished ahead of schedule.",
    "Tickets go on sale next week.",
)
LIBRARY = (
    "The town council voted to build a new library near the old market square.",
    "A ferry ticket office will move into the old building, which the library leaves.",
)


@pytest.fixture
def filled(store: SQLiteStore) -> SQLiteStore:
    """A store holding four short articles; the search index is written on first use."""
    for name, paragraphs, title in [
        ("strike.html", STRIKE_REPORT, "Dockers strike at Velmora"),
        ("analysis.html", STRIKE_ANALYSIS, "Why the port stands still"),
        ("ferry.html", FERRY, "Island ferry doubles its crossings"),
        ("library.html", LIBRARY, "Council approves new library"),
    ]:
        store.put(document(name, name), article(paragraphs, title))
    return store


def _titles(store: SQLiteStore, query: str) -> list[str | None]:
    return [hit.article.title for hit in store.search(query)]


@pytest.mark.parametrize(
    ("query", "best"),
    [
        ("library", "Council approves new library"),
        ("ferry", "Island ferry doubles its crossings"),
        ("islands", "Island ferry doubles its crossings"),
        ("harbour board union", "Dockers strike at Velmora"),
        ('"night-shift pay"', "Dockers strike at Velmora"),
        ("title:port", "Why the port stands still"),
        ("mediat*", "Dockers strike at Velmora"),
        ("grain NOT walked", "Why the port stands still"),
    ],
)
def test_best_match(filled: SQLiteStore, query: str, best: str) -> None:
    assert _titles(filled, query)[0] == best


TITLED = article(
    ("The council met on Monday to discuss the harbour budget.",), "Zeppelin show returns"
)
MENTIONED = article(
    (
        "A zeppelin was seen over the harbour on Monday, and the zeppelin club said the "
        "council had approved its landing field for the summer.",
    ),
    "Council notes",
)


@pytest.mark.parametrize(
    ("weight", "best"), [(None, "Zeppelin show returns"), (1.0, "Council notes")]
)
def test_title_match_outranks_mentions_in_passing(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch, weight: float | None, best: str
) -> None:
    if weight is not None:
        monkeypatch.setattr("storyline.store._search.TITLE_WEIGHT", weight)
    for index in range(10):  # enough other articles for "zeppelin" to be a rare word
        store.put(*numbered(index))
    store.put(document("titled.html"), TITLED)
    store.put(document("mentioned.html"), MENTIONED)
    assert _titles(store, "zeppelin") == sorted(
        ["Zeppelin show returns", "Council notes"], key=lambda title: title != best
    )


def test_hits_are_ranked_best_first_with_snippets(filled: SQLiteStore) -> None:
    hits = filled.search("ferry")
    assert [hit.rank for hit in hits] == sorted(hit.rank for hit in hits)
    assert hits[0].rank < 0
    assert "[ferry]" in hits[-1].snippet.casefold()
    assert hits[0].article.sources[0].uri == "ferry.html"


def test_snippet_is_one_bounded_line(store: SQLiteStore) -> None:
    store.put(document("s.html"), article(STRIKE_REPORT[:2], "Strike"))
    snippet = store.search("loading union")[0].snippet
    assert "[loading]" in snippet and "[union]" in snippet
    assert "\n" not in snippet
    assert len(snippet.split()) <= 16


@pytest.mark.parametrize(
    "query",
    [
        "U.S.-Japan",
        '"unbalanced',
        "strike AND",
        "nosuchcolumn:strike",
        "(((",
        "NEAR(",
        "*",
        "ferry)",
        "-ferry",
        "ferry + ",
        "'",
    ],
)
def test_malformed_query_does_not_crash(filled: SQLiteStore, query: str) -> None:
    hits = filled.search(query)
    assert isinstance(hits, list)


@pytest.mark.parametrize(
    ("query", "best"),
    [
        ("harbour-board", "Dockers strike at Velmora"),
        ("Velmora's dockers", "Why the port stands still"),
        ("ferry)", "Island ferry doubles its crossings"),
    ],
)
def test_malformed_query_falls_back_to_plain_words(
    filled: SQLiteStore, query: str, best: str
) -> None:
    assert _titles(filled, query)[0] == best


@pytest.mark.parametrize(("query", "limit"), [("", 20), ("   ", 20), ("ferry", 0), ("ferry", -1)])
def test_nothing_to_search_gives_nothing(filled: SQLiteStore, query: str, limit: int) -> None:
    assert filled.search(query, limit=limit) == []


def test_no_match_gives_nothing(filled: SQLiteStore) -> None:
    assert filled.search("zeppelin") == []


def test_limit_is_respected(store: SQLiteStore) -> None:
    for index in range(30):
        store.put(*numbered(index))
    word = store.get_article(store.put(*numbered(0)).article_id or "")
    assert word is not None
    query = word.paragraphs[0].split()[1]
    assert 0 < len(store.search(query, limit=3)) <= 3


def test_search_sees_puts_not_yet_committed(store: SQLiteStore) -> None:
    store.put(document("f.html"), article(FERRY, "Ferry"))
    assert _titles(store, "pier") == ["Ferry"]
    store.put(document("l.html"), article(LIBRARY, "Library"))
    assert _titles(store, "council") == ["Library"]


def test_duplicates_are_indexed_once_and_index_is_consistent(store: SQLiteStore) -> None:
    for name in ("a.html", "b.html", "c.html"):
        store.put(document(name, name), article(FERRY, "Ferry"))
    for index in range(1200):  # more than one batch of the index
        store.put(*numbered(index))
    store.commit()
    assert _titles(store, "pier") == ["Ferry"]
    check = "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)"
    store._conn.execute(check)  # raises if the index disagrees with the articles


def test_unsearchable_query_raises_a_storyline_error(
    filled: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("storyline.store._search.quote_terms", lambda query: "(((")
    with pytest.raises(StorylineError, match="cannot search for"):
        filled.search("U.S.-Japan")


def _similar_titles(store: SQLiteStore, terms: list[str]) -> list[str | None]:
    found = store.similar_articles(terms)
    titles = {a.id: a.title for a in store.iter_articles()}
    return [titles[i] for i in found]


def test_similar_articles_hold_two_of_the_terms(filled: SQLiteStore) -> None:
    # "ferry" alone is in two articles; with "pier" only the ferry report holds a pair.
    assert _similar_titles(filled, ["ferry", "pier", "zebra"]) == [
        "Island ferry doubles its crossings"
    ]
    assert _similar_titles(filled, ["ferry", "library"]) == ["Council approves new library"]
    assert _similar_titles(filled, ["ferry"]) == []


@pytest.mark.parametrize("terms", [['say "cheese', "AND"], ["*", "("], ["", " "]])
def test_similar_articles_read_no_term_as_query_syntax(
    filled: SQLiteStore, terms: list[str]
) -> None:
    assert filled.similar_articles(terms) == []

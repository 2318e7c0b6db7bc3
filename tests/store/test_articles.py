"""Reading articles back: publication order, date filters, stats."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import UsageError
from storyline.model import Granularity, Provenance, TimePoint
from storyline.store import SQLiteStore
from tests.store.corpus import article, day, document, random_paragraphs, span

DATES: dict[str, TimePoint | None] = {
    "undated-first": None,
    "day-2014-02-08": day("2014-02-08"),
    "datetime-2005-11-20": TimePoint(
        "2005-11-20T05:36:00+00:00",
        "2005-11-20",
        "2005-11-20",
        Granularity.TIME,
        Provenance.METADATA,
    ),
    "month-2014-02": span("2014-02", "2014-02-01", "2014-02-28", Granularity.MONTH),
    "year-2005": span("2005", "2005-01-01", "2005-12-31", Granularity.YEAR),
    "day-2005-11-20": day("2005-11-20"),
    "undated-second": None,
    "day-2014-02-08-again": day("2014-02-08"),
}


@pytest.fixture
def dated(store: SQLiteStore) -> SQLiteStore:
    """A store with articles of every precision, put in the order of `DATES`."""
    for seed, (title, published) in enumerate(DATES.items()):
        store.put(
            document(f"{title}.html", title), article(random_paragraphs(seed), title, published)
        )
    return store


def _titles(store: SQLiteStore, since: str | None = None, until: str | None = None) -> list[str]:
    return [a.title or "" for a in store.iter_articles(since=since, until=until)]


def test_articles_come_in_publication_order_undated_last(dated: SQLiteStore) -> None:
    assert _titles(dated) == [
        "year-2005",
        "day-2005-11-20",
        "datetime-2005-11-20",
        "month-2014-02",
        "day-2014-02-08",
        "day-2014-02-08-again",
        "undated-first",
        "undated-second",
    ]


def test_chosen_articles_come_by_date_then_id(dated: SQLiteStore) -> None:
    every = list(dated.iter_articles())
    chosen = {a.id for a in every[::2]} | {every[-1].id} | {every[5].id}
    found = [a.id for a in dated.iter_articles_of(sorted(chosen, reverse=True))]
    # Publication order as `iter_articles` gives it, ties (one date) in id order.
    rank = {a.published: n for n, a in reversed(list(enumerate(every)))}
    expected = sorted((a for a in every if a.id in chosen), key=lambda a: (rank[a.published], a.id))
    assert found == [a.id for a in expected]
    assert list(dated.iter_articles_of([])) == []
    assert [a.title for a in dated.iter_articles_of([every[3].id, "no-such-id"])] == [
        every[3].title
    ]


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        ("2014-01-01", None, ["month-2014-02", "day-2014-02-08", "day-2014-02-08-again"]),
        ("2014-02-09", None, ["month-2014-02"]),
        (None, "2005-11-19", ["year-2005"]),
        ("2005-11-20", "2005-11-20", ["year-2005", "day-2005-11-20", "datetime-2005-11-20"]),
        ("2005-11", "2005-11", ["year-2005", "day-2005-11-20", "datetime-2005-11-20"]),
        ("2005", "2005", ["year-2005", "day-2005-11-20", "datetime-2005-11-20"]),
        (
            "2014-02-08T10:00:00",
            "2014-02-08 23:00",
            ["month-2014-02", "day-2014-02-08", "day-2014-02-08-again"],
        ),
        ("2006-01-01", "2013-12-31", []),
        ("2015", None, []),
    ],
)
def test_date_filters_keep_articles_that_may_fall_inside(
    dated: SQLiteStore, since: str | None, until: str | None, expected: list[str]
) -> None:
    assert _titles(dated, since, until) == expected


@pytest.mark.parametrize("bad", ["last tuesday", "2014-13-01", "2014-02-30", "14-02-08", ""])
def test_bad_date_bound_is_a_usage_error(dated: SQLiteStore, bad: str) -> None:
    with pytest.raises(UsageError, match="expects a date"):
        dated.iter_articles(since=bad)
    with pytest.raises(UsageError, match="until expects"):
        dated.iter_articles(until=bad)


def test_leap_day_bound(dated: SQLiteStore) -> None:
    assert _titles(dated, "2016-02", "2016-02-29") == []


def test_articles_carry_their_sources(dated: SQLiteStore) -> None:
    dated.put(document("copy.html", "copy"), article(random_paragraphs(1), "copy", None))
    first = next(a for a in dated.iter_articles() if a.title == "day-2014-02-08")
    assert [s.uri for s in first.sources] == ["day-2014-02-08.html", "copy.html"]


def test_iteration_streams_past_one_batch(store: SQLiteStore) -> None:
    for index in range(600):
        store.put(document(f"{index}.html", str(index)), article((f"Note number {index}.",)))
    found = list(store.iter_articles())
    assert [a.paragraphs[0] for a in found] == [f"Note number {i}." for i in range(600)]
    assert all(len(a.sources) == 1 for a in found)


def test_stats_count_everything(dated: SQLiteStore) -> None:
    dated.put(document("copy.html", "copy"), article(random_paragraphs(1), "copy", None))
    dated.put(document("empty.html", "empty"), None)
    assert dated.stats() == {
        "documents": 10,
        "sources": 10,
        "articles": 8,
        "exact_duplicates": 1,
        "near_duplicate_groups": 0,
        "near_duplicates": 0,
        "undated": 2,
    }


def test_a_batch_is_read_in_one_order_whatever_order_it_was_stored_in(
    store: SQLiteStore, tmp_path: Path
) -> None:
    other = SQLiteStore(tmp_path / "other.db")
    items = list(DATES.items())
    for target, order in ((store, items), (other, items[::-1])):
        for title, published in order:
            seed = list(DATES).index(title)
            target.put(
                document(f"{title}.html", title), article(random_paragraphs(seed), title, published)
            )
    ids = [a.id for a in store.iter_articles()]
    assert [a.id for a in store.iter_articles_of(ids)] == [
        a.id for a in other.iter_articles_of(ids)
    ]
    other.close()

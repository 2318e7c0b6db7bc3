"""Signals: terms, names, event days and their JSON form."""

from __future__ import annotations

import pytest

from storyline.events import Signal, Vocabulary, article_signal, count_terms, event_day, name_keys
from storyline.model import Article, Granularity, Provenance, TimePoint, Timex


def _day(value: str) -> TimePoint:
    return TimePoint(value, value, value, Granularity.DAY, Provenance.METADATA)


def _timex(value: str, kind: str = "DATE") -> Timex:
    return Timex(value, 0, len(value), kind, value)


@pytest.mark.parametrize(
    ("values", "published", "expected"),
    [
        ((), "2014-02-10", "2014-02-10"),
        (("2014-02-08", "2014-02-08", "2014-02-09"), "2014-02-10", "2014-02-08"),
        (("2005-11-18", "2013-04"), "2005-11-20", "2005-11-18"),
        (("2001-03-25",), "2014-02-10", "2014-02-10"),  # a far past day is not the news day
        (("2014-02-12",), "2014-02-10", "2014-02-10"),  # nor a planned one
        # A tie goes to the day up to publication, not to the plan of the day after.
        (("1991-04-18", "1991-04-19"), "1991-04-18", "1991-04-18"),
        (("2014-02-08", "2014-02-09"), "2014-02-10", "2014-02-09"),
        (("2010-11-01",), None, None),  # an undated text's named days are not its news
        ((), None, None),
    ],
)
def test_event_day_prefers_recent_named_days(
    values: tuple[str, ...], published: str | None, expected: str | None
) -> None:
    assert event_day([_timex(v) for v in values], published) == expected


def test_event_day_ignores_durations() -> None:
    assert event_day([Timex("13 months", 0, 9, "DURATION", "P13M")], "2014-02-10") == "2014-02-10"


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("The miners were rescued from the mine", ("miner", "rescued", "mine"), ("the", "were")),
        ("Talks on the islands said Monday", ("talk", "island"), ("said", "monday", "on")),
        # Tokenised corpora write brackets as Treebank escapes and split "didn't".
        (
            "LONDON -LRB- Reuters -RRB- - Talks did n't end",
            ("london", "talk"),
            ("lrb", "rrb", "n't"),
        ),
    ],
)
def test_count_terms_drops_stop_words(
    text: str, present: tuple[str, ...], absent: tuple[str, ...]
) -> None:
    counts = count_terms(text)
    assert all(term in counts for term in present)
    assert not any(term in counts for term in absent)


def test_name_keys_ranks_repeated_names_first() -> None:
    text = "The Kremlin said. Vladimir Putin met Shinzo Abe. Putin left. Then Vladimir Putin spoke."
    keys = name_keys(text)
    assert keys[0] == "vladimir putin"
    assert "shinzo abe" in keys and "kremlin" in keys
    assert not any(key.startswith(("the ", "then ")) for key in keys)


def test_name_keys_skip_treebank_brackets() -> None:
    keys = name_keys("LONDON -LRB- Reuters -RRB- Barack Obama said. -LRB- Shinzo Abe -RRB-")
    assert set(keys) == {"london", "barack obama", "shinzo abe"}


def test_article_signal_reads_title_time_and_duplicates() -> None:
    article = Article(
        "Quake hits Chile",
        ("A strong quake hit central Chile on Saturday.", "Rescue teams reached Talca."),
        id="a1",
        published=_day("2010-02-28"),
        duplicate_of="a0",
    )
    signal = article_signal(article, timexes=[_timex("2010-02-27")], entities=("place:chile",))
    assert signal.title_terms == ("quake", "hits", "chile")
    assert signal.event_time == "2010-02-27" and signal.published == "2010-02-28"
    assert signal.entities == ("place:chile",) and signal.duplicate_of == "a0"
    assert dict(signal.terms)["quake"] > dict(signal.terms)["talca"]


def test_article_signal_falls_back_on_names() -> None:
    article = Article(None, ("Angela Merkel met Emmanuel Macron in Berlin.",), id="a2")
    assert "angela merkel" in article_signal(article).entities


def test_vocabulary_keeps_distinctive_terms() -> None:
    vocabulary = Vocabulary()
    for _ in range(50):
        vocabulary.add(["government", "official"])
    vocabulary.add(["eclipse"])
    words = " ".join(["government official"] * 60 + ["eclipse"] * 2 + [f"w{i}x" for i in range(90)])
    article = Article(None, (words,), id="a3")
    kept = dict(article_signal(article, vocabulary=vocabulary).terms)
    assert "eclipse" in kept
    assert vocabulary.idf("eclipse") > vocabulary.idf("government")


def test_signal_round_trips_through_json() -> None:
    signal = Signal(
        "a1", "2014-02-08", "2014-02-07", (("putin", 1.6931),), ("visit",), ("p:1",), "a0"
    )
    assert Signal.from_dict(signal.to_dict()) == signal
    coarse = Signal("a2", period=("2013-08-01", "2014-01-29"))
    assert Signal.from_dict(coarse.to_dict()) == coarse
    # Signals stored before periods existed, or with a damaged one, read as undated.
    assert Signal.from_dict({"article_id": "a3"}).period is None
    assert Signal.from_dict({"article_id": "a3", "period": ["2013-02-30", "x"]}).period is None


def _inferred(value: str, earliest: str, latest: str) -> TimePoint:
    return TimePoint(value, earliest, latest, Granularity.DAY, Provenance.INFERRED, 0.3)


@pytest.mark.parametrize(
    ("point", "day"),
    [
        (_inferred("2014-02-08", "2014-02-05", "2014-02-10"), "2014-02-08"),
        # A most likely day inside two years of doubt is a guess, not the article's day.
        (_inferred("1966-12-31", "1965-11-17", "1968-02-14"), None),
        (
            TimePoint(
                "2014-02", "2014-02-01", "2014-02-28", Granularity.MONTH, Provenance.EXPLICIT
            ),
            None,
        ),
        (
            TimePoint(
                "2014-02-08T10:30",
                "2014-02-08",
                "2014-02-08",
                Granularity.TIME,
                Provenance.EXPLICIT,
            ),
            "2014-02-08",
        ),
    ],
)
def test_article_signal_dates_only_by_a_precise_publication_day(
    point: TimePoint, day: str | None
) -> None:
    article = Article(None, ("Talks resumed in Tokyo.",), id="a4", published=point)
    signal = article_signal(article)
    assert signal.published == day and signal.event_time == day
    # Without a day, the interval the date lies in is kept for coarse comparisons.
    expected = None if day else (point.earliest, point.latest)
    assert signal.period == expected

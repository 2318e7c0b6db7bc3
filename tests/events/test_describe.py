"""Event records: title, agreed time, kind, where and who."""

from __future__ import annotations

import pytest

from storyline.events import Signal, agreed_time, describe_event, event_kind
from storyline.model import Article, Event, Granularity


@pytest.mark.parametrize(
    ("texts", "kind"),
    [
        (["Leaders meet for G20 summit in Seoul"], "summit"),
        (["Putin arrives in Tokyo for a three-day visit"], "visit"),
        (["Both sides sign a peace treaty"], "agreement"),
        (["Gunmen attack hotel, killing 12"], "attack"),
        (["Strong quake hits Chile"], "disaster"),
        (["Voters head to the polls in the election"], "election"),
        (["Thousands protest in Cairo"], "protest"),
        (["Jury reaches verdict in trial of doctor"], "trial"),
        (["Total eclipse darkens skies"], "disaster"),
        (["Prices of apples stay flat"], "other"),
    ],
)
def test_event_kind_from_cue_words(texts: list[str], kind: str) -> None:
    assert event_kind(texts) == kind


@pytest.mark.parametrize(
    ("days", "value", "confidence"),
    [
        (("2010-11-01", "2010-11-01", "2010-11-02"), "2010-11-01", 0.667),
        (("2010-11-02", "2010-11-01"), "2010-11-01", 0.5),  # ties go to the earlier day
        ((None, "2005-11-21"), "2005-11-21", 1.0),
    ],
)
def test_agreed_time_is_the_majority_day(
    days: tuple[str | None, ...], value: str, confidence: float
) -> None:
    signals = [Signal(f"a{i}", published=d, event_time=d) for i, d in enumerate(days)]
    point = agreed_time(signals)
    assert point is not None and point.value == value
    assert point.granularity is Granularity.DAY and point.confidence == confidence


def test_agreed_time_none_without_days() -> None:
    assert agreed_time([Signal("a1")]) is None


def test_describe_event_fills_every_field() -> None:
    articles = [
        Article("Medvedev visits disputed island", ("Medvedev landed on Kunashir.",), id="b"),
        Article("Sports results", ("Medvedev visit island Kunashir Tokyo protest.",), id="a"),
        Article(None, ("A copy.",), id="c", duplicate_of="b"),
    ]
    terms = (("medvedev", 2.0), ("visit", 1.5), ("disputed", 1.0), ("island", 1.5))
    signals = [
        Signal("b", "2010-11-01", "2010-11-01", terms, ("medvedev",), ("p:medvedev", "g:kunashir")),
        Signal("a", "2010-11-02", "2010-11-01", terms[:1], (), ("p:medvedev", "g:tokyo")),
        Signal("c", "2010-11-01", "2010-11-01", terms, (), ("x:other",), duplicate_of="b"),
    ]
    kinds = {"g:kunashir": "place", "g:tokyo": "place", "p:medvedev": "person"}
    event = describe_event("ev-1", articles, signals, entity_kinds=kinds)
    assert event.title == "Medvedev visits disputed island"
    assert event.evidence[0].article_id == "b" and event.evidence[0].text_of == "title"
    assert event.time is not None and event.time.value == "2010-11-01"
    assert event.kind == "visit"
    assert event.who == ("p:medvedev",)
    assert set(event.where) == {"g:kunashir", "g:tokyo"} and "x:other" not in event.where
    assert event.articles == ("a", "b", "c")
    assert event.reported == ("2010-11-01", "2010-11-02")
    assert event.to_dict()["reported"] == {"first": "2010-11-01", "last": "2010-11-02"}
    assert Event.from_dict(event.to_dict()) == event


def test_describe_event_without_titles_uses_a_lead_sentence() -> None:
    article = Article(None, ("Rescuers pulled the last miner out. Crowds cheered.",), id="a")
    event = describe_event("ev-2", [article], [Signal("a")])
    assert event.title == "Rescuers pulled the last miner out."
    assert event.time is None and event.kind == "disaster"
    assert event.reported is None and event.to_dict()["reported"] is None

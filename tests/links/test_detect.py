"""Mention detection on small self-written texts."""

from __future__ import annotations

import pytest

from storyline.entities import extract_entities
from storyline.links import find_event_mentions
from storyline.model import Article, EventMention, Granularity, Provenance, TimePoint
from storyline.time import sentence_times, tag

ANCHOR = "2014-02-08"


def _published(day: str) -> TimePoint:
    return TimePoint(day, day, day, Granularity.DAY, Provenance.METADATA)


def _mentions(text: str, anchor: str | None = ANCHOR) -> tuple[EventMention, ...]:
    article = Article(
        title=None,
        paragraphs=(text,),
        id="a1",
        published=_published(anchor) if anchor else None,
    )
    timexes = tag(text, anchor)
    sentences = sentence_times(text, timexes, anchor)
    entities = extract_entities(text, date=anchor)
    return find_event_mentions(article, timexes=timexes, sentences=sentences, entities=entities)


@pytest.mark.parametrize(
    ("text", "value", "kind", "tense"),
    [
        ("The minister made an official visit to Japan in 2005.", "2005", "visit", "past"),
        ("Troops seized the islands in August 1945.", "1945-08", "attack", "past"),
        (
            "The two sides agreed in Moscow last April to revive talks.",
            "2013-04",
            "agreement",
            "past",
        ),
        ("He will attend a summit in Sochi in June.", "2014-06", "summit", "future"),
        ("The president agreed to visit Japan in the autumn.", "2014-FA", "visit", "future"),
        ("Plants closed after the 2011 earthquake.", "2011", "disaster", "past"),
        ("Voters went to the polls in the 2012 election.", "2012", "election", "past"),
    ],
)
def test_finds_mention(text: str, value: str, kind: str, tense: str) -> None:
    (mention,) = _mentions(text)
    assert (mention.time.value, mention.kind, mention.tense) == (value, kind, tense)
    assert mention.time.evidence[0].text in text


@pytest.mark.parametrize(
    "text",
    [
        "The minister arrived in Tokyo on Saturday for talks.",  # the article's own news
        "Talks began yesterday in Tokyo.",  # own news, one day before publication
        "The economy grew in 2005.",  # no word naming a happening
        "Exports have risen for 18 months.",  # a duration, not a date
        "Officials met in February to prepare.",  # the publication month itself
        "Officials said the leak could be stopped in August.",  # a guess, not a plan
        "The company was ordered to hand over documents by June 3.",  # a deadline
    ],
)
def test_ignores_non_mentions(text: str) -> None:
    assert _mentions(text) == ()


def test_one_mention_per_clause() -> None:
    text = "Putin made an official visit to Japan in 2005, and visited again in 2009."
    found = _mentions(text)
    assert [m.time.value for m in found] == ["2005", "2009"]
    assert text[found[1].start : found[1].end].strip().startswith("and visited")
    assert all(m.text in text for m in found)


def test_a_time_written_twice_keeps_its_whole_sentence() -> None:
    # "1956, the year ..." names one time: the mention is the sentence, not a clause
    text = "No boat had been seized there since 1956, the year the two states made peace."
    (mention,) = _mentions(text)
    assert mention.time.value == "1956"
    assert mention.text.endswith("made peace.")


def test_participants_and_place_come_from_entities() -> None:
    (mention,) = _mentions("Russian President Vladimir Putin visited Tokyo in 2005.")
    assert "vladimir putin" in mention.participants
    assert mention.place is not None and "tokyo" in mention.place


def test_entity_ids_replace_keys() -> None:
    text = "Vladimir Putin visited Tokyo in 2005."
    entities = extract_entities(text, date=ANCHOR)
    ids = {e.id: f"canon-{e.id}" for e in entities.entities}
    article = Article(title=None, paragraphs=(text,), id="a1", published=_published(ANCHOR))
    timexes = tag(text, ANCHOR)
    (mention,) = find_event_mentions(
        article,
        timexes=timexes,
        sentences=sentence_times(text, timexes, ANCHOR),
        entities=entities,
        entity_ids=ids,
    )
    assert mention.participants and all(p.startswith("canon-") for p in mention.participants)


def test_explicit_years_are_explicit_and_relative_inferred() -> None:
    explicit, relative = _mentions(
        "They signed a treaty in 2001. Leaders met again last April in Moscow."
    )
    assert explicit.time.provenance is Provenance.EXPLICIT
    assert relative.time.provenance is Provenance.INFERRED
    assert relative.time.granularity is Granularity.MONTH


def test_undated_article_keeps_explicit_years_only() -> None:
    found = _mentions("He visited Japan in 2005. They met again last April.", anchor=None)
    assert [m.time.value for m in found] == ["2005"]


def test_possessive_date_after_by_is_a_mention() -> None:
    (mention,) = _mentions("Buildings weakened by last week's quake collapsed.")
    assert (mention.kind, mention.time.granularity) == ("disaster", Granularity.WEEK)


def test_yearless_past_date_moves_back_a_year() -> None:
    (mention,) = _mentions("April 21: the rig burned after an explosion.", anchor="2010-11-08")
    assert mention.time.value == "2010-04-21"
    assert mention.tense == "past"


def test_coordinated_month_takes_the_written_year() -> None:
    found = _mentions("Soviet troops seized the islands in August and September 1945.")
    assert [m.time.value for m in found] == ["1945-08", "1945-09"]


def test_undated_article_tense_comes_from_the_clause() -> None:
    text = "The leaders agreed to speed up talks, on the basis of the 1956 declaration."
    (mention,) = _mentions(text, anchor=None)
    assert (mention.time.value, mention.tense) == ("1956", "past")

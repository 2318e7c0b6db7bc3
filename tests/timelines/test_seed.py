"""The seed story's timeline (../shared/seeds/EXPECTED.md, last section) from the real
seed articles, with the events and links the earlier stages are expected to find built
by hand from the seeds' own dated sentences."""

from __future__ import annotations

import dataclasses

import pytest

import storyline
from storyline.model import (
    Article,
    Event,
    Evidence,
    MentionLink,
    Provenance,
    Story,
    Timeline,
    TimePoint,
    Timex,
)
from storyline.time import SentenceTime, sentence_times, tag
from storyline.timelines import FORMATS, point_from_value, render, story_timeline
from tests.conftest import shared_path

SEED_OLD = "004_8d72a45c9b085ab1.txt"
SEED_NEW = "000_0ee64a50e8cb1b23.txt"
# What the CNBC article mentions, by the value the time stage gives the sentence.
MENTIONED = ("1945-08", "2009", "2013-04", "2014-06", "2014-FA")
EXPECTED_ORDER = [
    "1945-08",
    "2000-09-04",
    "2000-09-05",
    "2002-02-08",
    "2004-09-02",
    "2005-01-14",
    "2005-11",
    "2005-11-18",
    "2009",
    "2013-04",
    "2014-02-08",
    "2014-06",
    "2014-FA",
]


def _point(value: str, provenance: Provenance = Provenance.EXPLICIT) -> TimePoint:
    point = point_from_value(value, provenance)
    assert point is not None
    return point


def _load() -> tuple[Article, Article]:
    lib = storyline.open(":memory:")
    lib.ingest([shared_path("seeds", SEED_OLD), shared_path("seeds", SEED_NEW)])
    articles = list(lib.articles())
    old = next(a for a in articles if a.published and a.published.earliest.startswith("2005"))
    new = next(a for a in articles if a.id != old.id)
    # The publication date the time stage infers for the undated article.
    return old, dataclasses.replace(new, published=_point("2014-02-08", Provenance.INFERRED))


_TIMEXES: dict[str, tuple[Timex, ...]] = {}


def _dated(article: Article, anchor: str) -> tuple[SentenceTime, ...]:
    _TIMEXES[article.id] = tag(article.body, anchor)
    return sentence_times(article.body, _TIMEXES[article.id], anchor)


def _sentence(article: Article, times: tuple[SentenceTime, ...], value: str) -> SentenceTime:
    """Return the first sentence holding a time expression of value ``value``."""
    spans = [x.start for x in _TIMEXES[article.id] if x.value == value]
    found = [t for t in times if any(t.start <= at < t.end for at in spans)]
    assert found, f"no sentence of {article.id} names {value}"
    return found[0]


def _caption_evidence(article: Article, value: str) -> Evidence:
    """Return the caption naming ``value`` as evidence in the raw seed text."""
    raw = shared_path("seeds", SEED_OLD).read_text(encoding="utf-8")
    anchor = "2005-11-20"
    caption = next(c for c in article.captions if any(x.value == value for x in tag(c, anchor)))
    start = raw.index(caption)
    return Evidence(caption, start, start + len(caption), article.id, "raw")


def _mention(
    article: Article, item: SentenceTime, event: str, cover: tuple[str, ...] = ()
) -> MentionLink:
    text = article.body[item.start : item.end]
    return MentionLink(article.id, item.start, item.end, text, event, cover, 0.9)


def _story() -> tuple[Timeline, Article, Article]:
    old, new = _load()
    old_times, new_times = _dated(old, "2005-11-20"), _dated(new, "2014-02-08")
    events = [
        Event("visit-2005", "Official visit", _point("2005-11"), "visit",
              articles=(old.id,), mentioned_by=(new.id,)),
        Event("sochi", "Talks in Sochi", _point("2014-02-08"), "talks", articles=(new.id,)),
    ]  # fmt: skip
    events.append(
        Event("apec", "Apec summit", _point("2005-11-18"), "summit", mentioned_only=True,
              mentioned_by=(old.id,), evidence=(_caption_evidence(old, "2005-11-18"),))
    )  # fmt: skip
    links = [_mention(new, _sentence(new, new_times, "2005"), "visit-2005", (old.id,))]
    for value in MENTIONED:
        events.append(Event(f"m-{value}", value, _point(value), mentioned_only=True,
                            mentioned_by=(new.id,)))  # fmt: skip
        links.append(_mention(new, _sentence(new, new_times, value), f"m-{value}"))
    for related in old.related:
        assert related.date is not None
        links.append(MentionLink(old.id, 0, 0, related.title, "", (), 0.8, "related",
                                 _point(related.date)))  # fmt: skip
    story = Story("russia-japan", "Russia and Japan", events=tuple(e.id for e in events))
    by_id = {old.id: old, new.id: new}
    timeline = story_timeline(
        story, events, articles=by_id, links=links, sentence_times={old.id: old_times}
    )
    return timeline, old, new


@pytest.fixture(scope="module")
def seed_story() -> tuple[Timeline, Article, Article]:
    return _story()


def test_seed_timeline_runs_from_1945_to_2014(
    seed_story: tuple[Timeline, Article, Article],
) -> None:
    timeline, _, _ = seed_story
    assert [e.time.value for e in timeline.entries] == EXPECTED_ORDER


def test_seed_timeline_statuses_and_sources(seed_story: tuple[Timeline, Article, Article]) -> None:
    timeline, old, new = seed_story
    by_value = {e.time.value: e for e in timeline.entries}
    assert by_value["2005-11"].status == "reported"
    assert by_value["2005-11"].sources == (old.id,)
    assert by_value["2014-02-08"].sources == (new.id,)
    assert by_value["2014-06"].status == "planned"
    assert by_value["2014-FA"].status == "planned"
    for value in ("1945-08", "2009", "2013-04"):
        assert by_value[value].status == "mentioned"
        assert by_value[value].sources == (new.id,)


def test_seed_entries_carry_their_evidence_sentence(
    seed_story: tuple[Timeline, Article, Article],
) -> None:
    timeline, old, new = seed_story
    bodies = {old.id: old.body, new.id: new.body}
    for entry in timeline.entries:
        evidence = entry.evidence
        assert evidence is not None and evidence.article_id in bodies
        if evidence.end > evidence.start and evidence.text_of == "body":
            assert bodies[evidence.article_id][evidence.start : evidence.end] == evidence.text
    visit = next(e for e in timeline.entries if e.time.value == "2005-11")
    assert visit.evidence is not None and visit.evidence.article_id == old.id


@pytest.mark.parametrize("fmt", FORMATS)
def test_seed_timeline_renders(seed_story: tuple[Timeline, Article, Article], fmt: str) -> None:
    text = render(seed_story[0], fmt)
    assert "1945" in text and "2014" in text

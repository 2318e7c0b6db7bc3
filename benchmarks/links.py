"""Links benchmark: mention detection and mention links on hand-labelled T17 sentences.

For each T17 topic in ``benchmarks/data/links_dev.csv`` the script groups the topic's
articles by publication day into events (a day's articles report what happened that day
or up to two days before), indexes them with `EventIndex`, runs `find_event_mentions` and
`resolve_mentions` on the labelled articles, and scores the result against the labels.

Scoring (per labelled date expression, see ``benchmarks/README.md``):

* detection: a candidate is predicted a mention when a detected mention takes its time
  from that date expression; precision and recall against ``is_mention``.
* links: a link counts when it points to an archive event with coverage.  It is correct
  when the candidate is a mention whose labelled date is a day ``d`` and the linked
  articles include one published on ``d`` .. ``d+2``.  Recall is over labelled
  day-level mentions that have such coverage in the topic.  Links on non-mentions count
  as wrong; mentions labelled only to a month, season or year are left out of both.

Run: ``.venv/bin/python benchmarks/links.py``
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import format_table  # noqa: E402
from links_candidates import load_topic, topics  # noqa: E402

from storyline.entities import extract_entities, find_mentions  # noqa: E402
from storyline.links import (  # noqa: E402
    MIN_SCORE,
    EventIndex,
    find_event_mentions,
    resolve_mentions,
    value_interval,
)
from storyline.model import (  # noqa: E402
    Article,
    Event,
    EventMention,
    Granularity,
    MentionLink,
    Provenance,
    TimePoint,
)
from storyline.time import sentence_times, split_sentences, tag  # noqa: E402

LABELS = Path(__file__).resolve().parent / "data" / "links_dev.csv"
COVERAGE_DAYS = 2
"""Articles published up to this many days after a happening count as its coverage."""
LEAD_SENTENCES = 3
"""Sentences of each article that describe a day event (the lead carries the news)."""


@dataclass(frozen=True, slots=True)
class Label:
    """One labelled date expression of `links_dev.csv`."""

    topic: str
    article: str
    timex: tuple[int, int]
    is_mention: bool
    date: str


def read_labels() -> list[Label]:
    """Read the labels file."""
    with LABELS.open(encoding="utf-8") as handle:
        return [
            Label(
                row["topic"],
                row["article"],
                (int(row["timex_start"]), int(row["timex_end"])),
                row["is_mention"] == "1",
                row["date"],
            )
            for row in csv.DictReader(handle)
        ]


def _lead(body: str) -> str:
    spans = split_sentences(body)[:LEAD_SENTENCES]
    return body[spans[0][0] : spans[-1][1]] if spans else ""


def day_events(topic: str, articles: list[Article]) -> EventIndex:
    """Group a topic's articles by publication day into events, indexed."""
    by_day: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        if article.published:
            by_day[article.published.earliest].append(article)
    index = EventIndex()
    for day, members in sorted(by_day.items()):
        before = (dt.date.fromisoformat(day) - dt.timedelta(days=COVERAGE_DAYS)).isoformat()
        point = TimePoint(day, before, day, Granularity.DAY, Provenance.METADATA)
        leads = [_lead(a.body) for a in members]
        participants = {m.entity_key for lead in leads for m in find_mentions(lead)}
        event = Event(
            f"{topic}:{day}", f"{topic} {day}", time=point, articles=tuple(a.id for a in members)
        )
        index.add(event, participants=participants, text=" ".join(leads))
    return index


def detect(article: Article, clock: list[float]) -> tuple[EventMention, ...]:
    """Run the time, entity and links stages on one article; add the links stage's
    seconds to ``clock[0]``."""
    day = article.published.earliest if article.published else None
    timexes = tag(article.body, day)
    sentences = sentence_times(article.body, timexes, day)
    entities = extract_entities(article.body, date=day)
    start = time.perf_counter()
    found = find_event_mentions(article, timexes=timexes, sentences=sentences, entities=entities)
    clock[0] += time.perf_counter() - start
    return found


def _coverage(label: Label, published: dict[str, str]) -> set[str] | None:
    """Return the topic articles covering a day-level label, or ``None`` when not day-level."""
    interval = value_interval(label.date) if label.date else None
    if interval is None or interval[2] is not Granularity.DAY:
        return None
    first = interval[0]
    last = first + dt.timedelta(days=COVERAGE_DAYS)
    return {a for a, day in published.items() if first.isoformat() <= day <= last.isoformat()}


@dataclass
class Tally:
    """Counts for the scores."""

    det_tp: int = 0
    det_fp: int = 0
    det_fn: int = 0
    link_tp: int = 0
    link_fp: int = 0
    link_gold: int = 0
    coarse: int = 0
    verbose: bool = False


def _find(mentions: dict[tuple[str, int, int], MentionLink], label: Label) -> MentionLink | None:
    """Return the link from the label's date expression, or from the clause holding it."""
    exact = mentions.get((label.article, *label.timex))
    if exact is not None:
        return exact
    start, end = label.timex
    for (article, _, _), link in mentions.items():
        if article == label.article and link.start <= start and end <= link.end:
            return link
    return None


def score_topic(
    labels: list[Label],
    mentions: dict[tuple[str, int, int], MentionLink],
    published: dict[str, str],
    tally: Tally,
) -> None:
    """Add one topic's results to ``tally``."""
    for label in labels:
        link = _find(mentions, label)
        if link is not None and label.is_mention:
            tally.det_tp += 1
        elif link is not None:
            tally.det_fp += 1
        elif label.is_mention:
            tally.det_fn += 1
        coverage = _coverage(label, published) if label.is_mention else set()
        if coverage is None:
            tally.coarse += 1
            continue
        tally.link_gold += 1 if coverage else 0
        if link is None or not link.articles:
            if tally.verbose and coverage:
                print("FN", label, link and (link.score, link.reasons))
            continue
        hit = bool(coverage & set(link.articles))
        tally.link_tp += hit
        tally.link_fp += not hit
        if tally.verbose:
            print("TP" if hit else "FP", label, link.event, f"{link.score:.2f}", link.reasons)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def main() -> None:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-score", type=float, default=MIN_SCORE, help="link threshold")
    parser.add_argument("--verbose", action="store_true", help="print each scored label")
    args = parser.parse_args()
    labels = read_labels()
    by_topic: dict[str, list[Label]] = defaultdict(list)
    for label in labels:
        by_topic[label.topic].append(label)
    tally = Tally(verbose=args.verbose)
    detect_seconds = resolve_seconds = 0.0
    own_clock = [0.0]
    articles_done = mentions_done = 0
    for folder in topics():
        if folder.name not in by_topic:
            continue
        articles = load_topic(folder)
        published = {a.id: a.published.earliest for a in articles if a.published}
        index = day_events(folder.name, articles)
        wanted = {label.article for label in by_topic[folder.name]}
        start = time.perf_counter()
        found = [m for a in articles if a.id in wanted for m in detect(a, own_clock)]
        detect_seconds += time.perf_counter() - start
        start = time.perf_counter()
        links, _ = resolve_mentions(found, index, min_score=args.min_score)
        resolve_seconds += time.perf_counter() - start
        articles_done += len(wanted)
        mentions_done += len(found)
        keyed = {}
        for mention, link in zip(found, links, strict=True):
            evidence = mention.time.evidence[0]
            keyed[(mention.article_id, evidence.start, evidence.end)] = link
        score_topic(by_topic[folder.name], keyed, published, tally)
    rows = [
        [
            "mention detection",
            _ratio(tally.det_tp, tally.det_tp + tally.det_fp),
            _ratio(tally.det_tp, tally.det_tp + tally.det_fn),
            tally.det_tp + tally.det_fn,
        ],
        [
            "links (day-level)",
            _ratio(tally.link_tp, tally.link_tp + tally.link_fp),
            _ratio(tally.link_tp, tally.link_gold),
            tally.link_gold,
        ],
    ]
    print(
        f"T17 links development set: {len(labels)} labelled date expressions, "
        f"{sum(lb.is_mention for lb in labels)} mentions ({tally.coarse} left out of link "
        "scores: month/season/year-level)"
    )
    print(format_table(["task", "precision", "recall", "gold"], rows))
    print(
        f"mention detection alone: {articles_done / own_clock[0]:.0f} articles/s; "
        f"with the time and entity stages: {articles_done / detect_seconds:.1f} articles/s; "
        f"resolution: "
        f"{mentions_done / max(resolve_seconds, 1e-9):.0f} mentions/s over {mentions_done} mentions"
    )


if __name__ == "__main__":
    main()

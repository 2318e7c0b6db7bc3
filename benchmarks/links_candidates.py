"""Propose T17 sentences that may mention an earlier or planned happening, for labelling.

A candidate is a date expression (day, month, season or year) in a T17 article whose
interval lies outside the article's own news (more than two days before, or after, its
``dct`` date), with the sentence around it.  The proposal is wider than what the links
stage detects (no trigger word is required) so that recall measured on the labels is not
biased towards the detector.  A seeded sample is printed for a person to read and label;
``benchmarks/data/links_dev.csv`` keeps only ids, offsets and labels, never the text.

Offsets are into the body built by `article_body` (the T17 text with its Penn Treebank
escapes and token spacing undone), the same body ``benchmarks/links.py`` uses.

Run: ``.venv/bin/python benchmarks/links_candidates.py [--per-topic 14] [--seed 17]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import data_dir  # noqa: E402

from storyline.links import value_interval  # noqa: E402
from storyline.model import Article, Granularity, Provenance, TimePoint, Timex  # noqa: E402
from storyline.time import SentenceTime, sentence_times, tag  # noqa: E402

_PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "``": '"', "''": '"'}
_SPACE_BEFORE = re.compile(r" (?=[,.;:!?%)\]]|'s\b|n't\b|'re\b|'ve\b|'ll\b|'d\b)")
_SPACE_AFTER = re.compile(r"(?<=[(\[$]) ")
OWN_NEWS_DAYS = 2
"""Same window as the links stage's own-news test."""


def article_body(text: str) -> str:
    """Return the T17 token stream as plain text (the body all offsets refer to)."""
    for escape, char in _PTB.items():
        text = text.replace(escape, char)
    text = _SPACE_AFTER.sub("", _SPACE_BEFORE.sub("", text))
    return re.sub(r" {2,}", " ", text).strip()


def topics() -> list[Path]:
    """Return the T17 topic folders that have articles, sorted by name."""
    root = data_dir("t17")
    return sorted(p for p in root.iterdir() if (p / "articles.json").is_file())


def load_topic(folder: Path) -> list[Article]:
    """Read one T17 folder as `Article`s dated (metadata) from their ``dct``."""
    records = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
    articles = []
    for record in records:
        day = record["dct"][:10]
        articles.append(
            Article(
                title=None,
                paragraphs=(article_body(record["text"]),),
                id=str(record["uid"]),
                published=TimePoint(day, day, day, Granularity.DAY, Provenance.METADATA),
            )
        )
    return articles


@dataclass(frozen=True, slots=True)
class Candidate:
    """One proposed date expression and its sentence (offsets into `article_body`)."""

    topic: str
    article: str
    sentence_start: int
    sentence_end: int
    timex_start: int
    timex_end: int
    value: str
    published: str


def _outside_own_news(value: str, day: dt.date) -> bool:
    interval = value_interval(value)
    if interval is None:
        return False
    first, last, _ = interval
    return last < day - dt.timedelta(days=OWN_NEWS_DAYS) or first > day + dt.timedelta(days=1)


def propose(topic: str, article: Article) -> list[Candidate]:
    """Return the candidates of one article."""
    day = article.published.earliest if article.published else None
    if day is None:
        return []
    body = article.body
    timexes: tuple[Timex, ...] = tuple(tag(body, day))
    sentences: tuple[SentenceTime, ...] = tuple(sentence_times(body, timexes, day))
    found = []
    for timex in timexes:
        if timex.type != "DATE" or not _outside_own_news(timex.value, dt.date.fromisoformat(day)):
            continue
        sentence = next((s for s in sentences if s.start <= timex.start < s.end), None)
        if sentence is None or sentence.end - sentence.start > 400:
            continue
        found.append(
            Candidate(
                topic,
                article.id,
                sentence.start,
                sentence.end,
                timex.start,
                timex.end,
                timex.value,
                day,
            )
        )
    return found


def main() -> None:
    """Print a seeded sample of candidates, one block per candidate, for labelling."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-topic", type=int, default=14, help="candidates per topic")
    parser.add_argument("--seed", type=int, default=17, help="sampling seed")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for folder in topics():
        articles = load_topic(folder)
        rng.shuffle(articles)
        pool: list[Candidate] = []
        bodies = {}
        for article in articles[:60]:
            pool.extend(propose(folder.name, article))
            bodies[article.id] = article.body
        for cand in rng.sample(pool, min(args.per_topic, len(pool))):
            body = bodies[cand.article]
            sentence = body[cand.sentence_start : cand.sentence_end].replace("\n", " ")
            print(
                f"{cand.topic},{cand.article},{cand.sentence_start},{cand.sentence_end},"
                f"{cand.timex_start},{cand.timex_end},{cand.value},{cand.published}"
            )
            print(f"    [{body[cand.timex_start : cand.timex_end]}] {sentence}")


if __name__ == "__main__":
    main()

"""A synthetic news stream, built at run time by recombining sentences of the T17 articles.

Nothing is written to disk: the T17 texts are read from ``../shared/data/t17`` and every
synthetic article is made in memory when the stream asks for it.  The stream imitates a
busy wire: ``per_day`` articles a day, grouped into happenings ("events") of a few
articles each; every article of an event takes most of its sentences from one T17
article (its *template*) and a few from anywhere, and a small share are syndicated
copies of an earlier article of the same event.

Usage::

    .venv/bin/python benchmarks/synthetic.py --articles 1000   # print a sample and the rate

From Python::

    from benchmarks.synthetic import iter_articles, iter_labelled
    for article in iter_articles(100_000):
        ...
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import data_dir  # noqa: E402
from storyline.model import Article, Granularity, Provenance, TimePoint  # noqa: E402

_SPLIT = re.compile(r"(?<=[.!?]) (?=[A-Z`'])")
_TIDY = (("-LRB- ", "("), (" -RRB-", ")"), ("`` ", '"'), (" ''", '"'), (" ,", ","), (" .", "."))

# Stream shape: EMM handles about 100,000 articles a day across languages; a single
# English archive sees a few thousand.  1,000 a day makes 1M articles span ~2.7 years,
# so the online index really has to forget old events.
PER_DAY = 1000
MEAN_EVENT_SIZE = 5
SHARE_COPIES = 0.03


@dataclass(frozen=True, slots=True)
class Pool:
    """The sentences the stream recombines: one tuple of sentences per T17 article."""

    templates: tuple[tuple[str, ...], ...]
    sentences: tuple[str, ...]


def load_pool(root: Path | None = None) -> Pool:
    """Read the T17 articles and split them into sentences (exits when data is absent)."""
    folder = root or data_dir("t17")
    templates: list[tuple[str, ...]] = []
    for path in sorted(folder.glob("*/articles.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            text = item.get("text") or ""
            for old, new in _TIDY:
                text = text.replace(old, new)
            sentences = tuple(s for s in _SPLIT.split(text) if len(s) > 30)
            if len(sentences) >= 4:
                templates.append(sentences)
    if not templates:
        raise SystemExit(f"no T17 articles under {folder}")
    return Pool(tuple(templates), tuple(s for t in templates for s in t))


def iter_labelled(
    count: int, *, seed: int = 0, per_day: int = PER_DAY, pool: Pool | None = None
) -> Iterator[tuple[Article, int]]:
    """Yield ``count`` synthetic articles with the number of the event each reports.

    Args:
        count: how many articles.
        seed: the random seed (the same seed gives the same stream).
        per_day: articles per day.
        pool: the sentence pool (read from T17 when omitted).
    """
    rng = random.Random(seed)
    pool = pool or load_pool()
    made = 0
    event = 0
    day = date(2000, 1, 1)
    while made < count:
        batch: list[tuple[int, tuple[str, ...]]] = []
        while len(batch) < per_day:
            size = 1 + int(rng.expovariate(1 / (MEAN_EVENT_SIZE - 1)))
            template = pool.templates[rng.randrange(len(pool.templates))]
            batch.extend((event, template) for _ in range(size))
            event += 1
        rng.shuffle(batch)
        stamp = _day_point(day)
        firsts: dict[int, str] = {}
        for label, template in batch[: count - made]:
            article = _compose(rng, pool, template, f"syn-{made:07d}", stamp, firsts.get(label))
            firsts.setdefault(label, article.id)
            made += 1
            yield article, label
        day += timedelta(days=1)


def iter_articles(count: int, *, seed: int = 0, per_day: int = PER_DAY) -> Iterator[Article]:
    """Yield ``count`` synthetic `Article`s (see `iter_labelled`)."""
    for article, _ in iter_labelled(count, seed=seed, per_day=per_day):
        yield article


def _day_point(day: date) -> TimePoint:
    text = day.isoformat()
    return TimePoint(text, text, text, Granularity.DAY, Provenance.METADATA)


def _compose(
    rng: random.Random,
    pool: Pool,
    template: tuple[str, ...],
    article_id: str,
    published: TimePoint,
    first: str | None,
) -> Article:
    own = rng.sample(template, min(len(template), rng.randint(4, 7)))
    noise = [pool.sentences[rng.randrange(len(pool.sentences))] for _ in range(rng.randint(1, 3))]
    body = own + noise
    rng.shuffle(body)
    title = " ".join(own[0].split()[:12])
    copy = first if first is not None and rng.random() < SHARE_COPIES else None
    return Article(
        title=title,
        paragraphs=tuple(body),
        id=article_id,
        published=published,
        duplicate_of=copy,
    )


def main() -> None:
    """Print a sample of the stream and how fast it is made."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    pool = load_pool()
    start = time.perf_counter()
    last: Article | None = None
    for article, _ in iter_labelled(args.articles, pool=pool):
        last = article
    elapsed = time.perf_counter() - start
    print(f"{len(pool.templates)} templates, {len(pool.sentences)} sentences")
    print(f"{args.articles} articles in {elapsed:.1f}s ({args.articles / elapsed:,.0f}/s)")
    if last is not None:
        print(f"last: {last.id} {last.published.value if last.published else '?'} {last.title}")


if __name__ == "__main__":
    main()

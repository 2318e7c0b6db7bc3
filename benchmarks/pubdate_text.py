"""Publication-date inference benchmark on Timeline17 articles (dates hidden).

Each article of ``../shared/data/t17/*/articles.json`` becomes an `Article` with its
(detokenised) text and no date, dated in the steps the pipeline runs, and the answer is
compared with the article's ``dct``.  Two modes:

- ``text``: what ingestion does, the text alone and the shipped calendar of dated
  happenings (`storyline.time.date_from_text`);
- ``archive``: then, for the articles still undated, what the analysis does: the other
  articles of the same folder act as a dated archive, turned into `KnownDate` facts by
  `known_dates_from_articles` (leave one out: an article never sees its own date), and
  matched with the pipeline's guards (`storyline.time.date_from_coverage`).

Reported per mode, over the articles that got an answer: the share with the right year,
within 7 days, exact; calibration (truth inside ``earliest..latest``); and the share of
"unknown" answers over all articles; then articles per second.  The folders held out for
independent evaluation are skipped even if present.

Usage::

    .venv/bin/python benchmarks/pubdate_text.py [--limit 600] [--seed 13] [--mode both]
    .venv/bin/python benchmarks/pubdate_text.py --limit 0     # every article
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from storyline.model import Article, Granularity, Provenance, TimePoint  # noqa: E402
from storyline.time import (  # noqa: E402
    KnownDate,
    date_from_coverage,
    date_from_text,
    known_dates_from_articles,
)

DATA = ROOT.parent / "shared" / "data" / "t17"
HELD_OUT = frozenset({"SyrianCrisis_bbc", "SyrianCrisis_reuters", "IraqWar_guardian"})

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}


def detokenise(text: str) -> str:
    """Undo PTB tokenisation well enough for the tagger: brackets, quotes, spacing."""
    for token, char in _BRACKETS.items():
        text = text.replace(token, char)
    text = text.replace("``", '"').replace("''", '"')
    text = re.sub(r" ([.,;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$]) ", r"\1", text)
    return re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)


@dataclass
class Scores:
    """Counts for one mode."""

    total: int = 0
    answered: int = 0
    year: int = 0
    week: int = 0
    exact: int = 0
    inside: int = 0
    seconds: float = 0.0
    widths: list[int] = field(default_factory=list)

    def add(self, truth: dt.date, point: TimePoint | None) -> None:
        """Score one answer against the true date."""
        self.total += 1
        if point is None:
            return
        self.answered += 1
        self.year += point.value[:4] == f"{truth.year:04d}"
        if point.granularity == Granularity.DAY:
            guess = dt.date.fromisoformat(point.value[:10])
            self.week += abs((guess - truth).days) <= 7
            self.exact += guess == truth
        self.inside += point.earliest <= truth.isoformat() <= point.latest
        earliest, latest = (dt.date.fromisoformat(d) for d in (point.earliest, point.latest))
        self.widths.append((latest - earliest).days + 1)

    def report(self, name: str) -> str:
        """Return this mode's lines."""
        answered = max(self.answered, 1)
        widths = sorted(self.widths) or [0]
        return (
            f"{name}: {self.total} articles, answered {self.answered} "
            f"(unknown {1 - self.answered / max(self.total, 1):.1%})\n"
            f"  of answered: right year {self.year / answered:.1%}, within 7 days "
            f"{self.week / answered:.1%}, exact {self.exact / answered:.1%}, "
            f"calibration {self.inside / answered:.1%}, "
            f"median interval {widths[len(widths) // 2]} days\n"
            f"  of all:      right year {self.year / max(self.total, 1):.1%}, within 7 days "
            f"{self.week / max(self.total, 1):.1%}\n"
            f"  speed {self.total / max(self.seconds, 1e-9):.0f} articles/s on one core"
        )


def load(folders: list[Path]) -> dict[str, list[tuple[Article, dt.date]]]:
    """Return each folder's articles (no date) with their true dates."""
    out: dict[str, list[tuple[Article, dt.date]]] = {}
    for folder in folders:
        rows = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
        items = []
        for row in rows:
            text = detokenise(row.get("text") or "")
            if not text.strip() or not row.get("dct"):
                continue
            article = Article(title=None, paragraphs=(text,), id=str(row["uid"]))
            items.append((article, dt.date.fromisoformat(row["dct"])))
        out[folder.name] = items
    return out


def dated(article: Article, day: dt.date) -> Article:
    """Return a copy of ``article`` carrying its true date (for the archive)."""
    point = TimePoint(day.isoformat(), day.isoformat(), day.isoformat(), Granularity.DAY,
                      Provenance.METADATA)  # fmt: skip
    return Article(title=None, paragraphs=article.paragraphs, id=article.id, published=point)


def run(limit: int, seed: int, modes: list[str]) -> None:
    """Score the chosen modes on a seeded sample (or everything with ``limit`` 0)."""
    folders = sorted(
        p.parent for p in DATA.glob("*/articles.json") if p.parent.name not in HELD_OUT
    )
    data = load(folders)
    pairs = [(name, article, day) for name, items in data.items() for article, day in items]
    if limit:
        pairs = random.Random(seed).sample(pairs, min(limit, len(pairs)))
    archive: dict[str, tuple[KnownDate, ...]] = {}
    if "archive" in modes:
        began = time.perf_counter()
        for name, items in data.items():
            archive[name] = known_dates_from_articles(dated(a, d) for a, d in items)
        print(f"archive facts built in {time.perf_counter() - began:.1f} s")
    for mode in modes:
        scores = Scores()
        for name, article, day in pairs:
            known = [k for k in archive.get(name, ()) if k.article_id != article.id]
            began = time.perf_counter()
            point = date_from_text(article)
            if point is None and mode == "archive":
                point = date_from_coverage(article, known)
            scores.seconds += time.perf_counter() - began
            scores.add(day, point)
        print(scores.report(mode))


def main() -> int:
    """Parse options and run."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=600, help="sample size; 0 = all")
    parser.add_argument("--seed", type=int, default=13, help="sample seed")
    parser.add_argument("--mode", choices=("text", "archive", "both"), default="both")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"{DATA} is absent: the t17 data sits in ../shared/data", file=sys.stderr)
        return 1
    modes = ["text", "archive"] if args.mode == "both" else [args.mode]
    run(args.limit, args.seed, modes)
    return 0


if __name__ == "__main__":
    sys.exit(main())

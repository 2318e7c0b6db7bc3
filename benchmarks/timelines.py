"""Benchmark: timeline summarisation on Timeline17 (T17), date F1 and AR-1/AR-2 F1.

For each reference timeline, `storyline.timelines.summarise_articles` gets the topic's
articles (``published`` from the record's ``dct``), the reference's number of days and
its mean number of sentences per day, and the reference's first and last day (the
protocol of Gholipour Ghalandari & Ifrim, ACL 2020).  Scores come from
``benchmarks/_tlscore.py``.

Run: ``.venv/bin/python benchmarks/timelines.py [--topic NAME] [--no-range] [--scale]``

``--no-range`` leaves the day range open (the engine's own default window), and
``--scale`` also times one timeline over all topics' articles together.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import data_dir, format_table  # noqa: E402
from _tlscore import Scores, score  # noqa: E402

from storyline.model import Article, Granularity, Provenance, TimePoint  # noqa: E402
from storyline.timelines import summarise_articles  # noqa: E402

# Penn Treebank escapes of the T17 texts, turned back into the characters they stand for.
_PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "``": '"', "''": '"'}
_SENTENCE_GAP = re.compile(r"\s{2,}")


def _clean(text: str) -> str:
    for escape, char in _PTB.items():
        text = text.replace(escape, char)
    return text.strip()


def load_articles(folder: Path) -> list[Article]:
    """Read a T17 folder's ``articles.json`` as `Article`s dated from ``dct``."""
    records = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
    articles = []
    for record in records:
        day = record["dct"][:10]
        published = TimePoint(day, day, day, Granularity.DAY, Provenance.METADATA)
        articles.append(
            Article(
                title=None,
                paragraphs=(_clean(record["text"]),),
                id=record["uid"],
                published=published,
            )
        )
    return articles


def load_reference(path: Path) -> dict[str, list[str]]:
    """Read a ``*.timeline.json`` as ``{day: [sentences]}``."""
    out: dict[str, list[str]] = defaultdict(list)
    for entry in json.loads(path.read_text(encoding="utf-8")):
        pieces = [p for p in _SENTENCE_GAP.split(entry["text"].strip()) if p.strip()]
        out[entry["date"][:10]].extend(_clean(p) for p in pieces)
    return dict(out)


def run_one(articles: list[Article], reference: dict[str, list[str]], use_range: bool) -> Scores:
    """Summarise one topic for one reference timeline and score it."""
    days = sorted(reference)
    per_day = max(1, round(sum(len(v) for v in reference.values()) / len(days)))
    timeline = summarise_articles(
        articles,
        dates=len(days),
        sentences_per_date=per_day,
        start=days[0] if use_range else None,
        end=days[-1] if use_range else None,
    )
    system = {e.time.value[:10]: [e.summary] for e in timeline.entries}
    return score(system, reference)


def _scale(root: Path) -> None:
    """Time one 100-day, 2-sentence timeline over all the T17 articles at once."""
    folders = sorted(p for p in root.iterdir() if (p / "articles.json").is_file())
    articles = [a for folder in folders for a in load_articles(folder)]
    started = time.perf_counter()
    timeline = summarise_articles(articles, dates=100, sentences_per_date=2)
    seconds = time.perf_counter() - started
    print(
        f"scale: {len(articles)} articles -> {len(timeline.entries)} dates in {seconds:.1f} s "
        f"({len(articles) / seconds:.0f} articles/s)"
    )


def main() -> None:
    """Score every T17 timeline that has articles and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topic", help="only folders whose name contains this")
    parser.add_argument(
        "--no-range", action="store_true", help="do not pass the reference's first/last day"
    )
    parser.add_argument(
        "--scale",
        action="store_true",
        help="also time one timeline over every topic's articles together",
    )
    options = parser.parse_args()
    root = data_dir("t17")
    if options.scale:
        _scale(root)
    rows: list[list[object]] = []
    totals = [0.0, 0.0, 0.0, 0.0]
    for folder in sorted(p for p in root.iterdir() if (p / "articles.json").is_file()):
        if options.topic and options.topic not in folder.name:
            continue
        articles = load_articles(folder)
        for path in sorted(folder.glob("*.timeline.json")):
            reference = load_reference(path)
            started = time.perf_counter()
            result = run_one(articles, reference, not options.no_range)
            seconds = time.perf_counter() - started
            rows.append(
                [
                    folder.name,
                    len(articles),
                    len(reference),
                    result.date_f1,
                    result.ar1,
                    result.ar2,
                    seconds,
                ]
            )
            for i, value in enumerate((result.date_f1, result.ar1, result.ar2, seconds)):
                totals[i] += value
    if not rows:
        raise SystemExit("no T17 folder with articles.json matched")
    count = len(rows)
    rows.append(["mean", "", "", *(t / count for t in totals)])
    print(format_table(["topic", "articles", "dates", "date-F1", "AR-1", "AR-2", "s/topic"], rows))


if __name__ == "__main__":
    main()

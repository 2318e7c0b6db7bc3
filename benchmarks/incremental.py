"""Incremental ingest benchmark: what one more small batch costs in a grown archive.

A monitoring team ingests a few articles at a time into an archive that keeps growing;
each ingest runs the archive-wide stages (entities, events, stories, links) over the new
articles.  This builds an archive from the T17 articles (``../shared/data/t17``, all but
the last few, as JSONL with their publication dates), then times ingesting the next
articles one at a time, each a separate `storyline.open` as a separate command would be,
and reports the seconds per one-article ingest against the size of the archive.

With ``--synthetic N`` the archive is N articles of the synthetic stream instead
(``benchmarks/synthetic.py``: T17 sentences recombined, a busy wire of 1,000
articles a day), for archives larger than T17.  With ``--undated`` the timed articles
come without a date, so each ingest also dates them from the archive's coverage.

With ``--halves`` it checks instead that ingesting in parts ends where one ingest does:
the articles go in as one ingest, as two (earlier half, then later half) and as two the
other way round (later half first, as when an older crawl arrives late), and the last
store is then rebuilt (`storyline rebuild`); it reports the adjusted Rand index of each
run's events and stories against the one ingest's.

Usage::

    .venv/bin/python benchmarks/incremental.py [--limit N] [--probes 3] [--synthetic N]
                                               [--undated] [--halves]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import data_dir, format_table, peak_rss_mb  # noqa: E402
from storyline.model import Article  # noqa: E402


def _t17_articles() -> list[Article]:
    from benchmarks.clustering import load_t17

    return [article for article, _, _ in load_t17()]


def _synthetic_articles(count: int) -> list[Article]:
    from benchmarks.synthetic import iter_articles

    return list(iter_articles(count))


def _write(path: Path, articles: list[Article], *, dated: bool = True) -> None:
    with path.open("w", encoding="utf-8") as out:
        for article in articles:
            published = article.published.value if dated and article.published else None
            record = {
                "title": article.title or article.body[:80],
                "maintext": article.body,
                "date_publish": published,
            }
            out.write(json.dumps(record) + "\n")


_Partitions = tuple[dict[str, str], dict[str, str]]
"""Article id -> event id, and article id -> story id."""


def _partitions(db: str) -> _Partitions:
    """Article id -> event id, and article id -> story id, of the store ``db``."""
    import storyline

    with storyline.open(db) as lib:
        events = {a: e.id for e in lib.events() if not e.mentioned_only for a in e.articles}
        stories = {a: s.id for s in lib.stories() for a in s.articles}
    return events, stories


def _agreement(one: _Partitions, other: _Partitions) -> list[str]:
    """Events and stories of ``other``, with their adjusted Rand index against ``one``."""
    from benchmarks.clustering import adjusted_rand

    cells = []
    for mine, theirs in zip(one, other, strict=True):
        ids = sorted(mine.keys() & theirs.keys())
        agreement = adjusted_rand([mine[i] for i in ids], [theirs[i] for i in ids])
        cells.extend([f"{len(set(theirs.values())):,}", f"{agreement:.3f}"])
    return cells


def run_halves(articles: list[Article], source: str) -> None:
    """Compare one ingest with two-part ingests in date order and in reverse."""
    import storyline

    half = len(articles) // 2
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        early, late = str(folder / "early.jsonl"), str(folder / "late.jsonl")
        _write(Path(early), articles[:half])
        _write(Path(late), articles[half:])
        runs = {"one ingest": [[early, late]], "early, then late": [[early], [late]]}
        runs["late, then early"] = [[late], [early]]
        found: dict[str, _Partitions] = {}
        stores: dict[str, str] = {}
        for name, parts in runs.items():
            db = stores[name] = str(folder / f"{len(found)}.db")
            seconds = []
            for paths in parts:
                start = time.perf_counter()
                with storyline.open(db) as lib:
                    lib.ingest(paths)
                seconds.append(time.perf_counter() - start)
            found[name] = _partitions(db)
            agreement = _agreement(found["one ingest"], found[name])
            rows.append([name, *agreement, " + ".join(f"{s:.1f}" for s in seconds)])
        # The later-first store, the one furthest from one ingest, is rebuilt.
        last = stores["late, then early"]
        start = time.perf_counter()
        with storyline.open(last) as lib:
            lib.rebuild()
        spent = time.perf_counter() - start
        rebuilt = _agreement(found["one ingest"], _partitions(last))
        rows.append(["late, then early, then rebuild", *rebuilt, f"{spent:.1f}"])
    print(f"\n## {len(articles):,} {source} articles in one ingest and in two halves\n")
    headers = ["ingests", "events", "events ARI", "stories", "stories ARI", "seconds"]
    print(format_table(headers, rows))


def main() -> int:
    """Build the archive, then time one-article ingests into it."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="archive size (default: all)")
    parser.add_argument("--probes", type=int, default=3, help="one-article ingests to time")
    parser.add_argument(
        "--synthetic", type=int, default=None, help="archive of N synthetic articles instead"
    )
    parser.add_argument("--undated", action="store_true", help="time articles that carry no date")
    parser.add_argument(
        "--halves", action="store_true", help="compare one ingest with two halves, both ways"
    )
    args = parser.parse_args()
    if not data_dir("t17").is_dir():
        print("../shared/data/t17 is absent: the T17 data sits in ../shared/data", file=sys.stderr)
        return 1
    import storyline

    if args.synthetic:
        articles = _synthetic_articles(args.synthetic + args.probes)
        source = "synthetic"
    else:
        articles = _t17_articles()
        source = "T17"
    if args.halves:
        run_halves(articles[: args.limit or len(articles)], source)
        return 0
    size = min(args.limit or len(articles), len(articles) - args.probes)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _write(folder / "archive.jsonl", articles[:size])
        start = time.perf_counter()
        with storyline.open(str(folder / "store.db")) as lib:
            lib.ingest([str(folder / "archive.jsonl")])
        built = time.perf_counter() - start
        times = []
        for index in range(args.probes):
            one = folder / f"one-{index}.jsonl"
            _write(one, [articles[size + index]], dated=not args.undated)
            start = time.perf_counter()
            with storyline.open(str(folder / "store.db")) as lib:
                lib.ingest([str(one)])
            times.append(time.perf_counter() - start)
    rows = [
        [
            f"{size:,}",
            f"{built:,.1f}",
            f"{size / built:,.1f}",
            f"{min(times):.2f}",
            f"{sum(times) / len(times):.2f}",
            f"{peak_rss_mb():,.0f}",
        ]
    ]
    kind = "undated article" if args.undated else "article"
    print(f"\n## One more {kind} into an archive of {source} articles\n")
    headers = ["archive", "build s", "build articles/s", "best s", "mean s", "peak RSS MiB"]
    print(format_table(headers, rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())

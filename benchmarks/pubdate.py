"""Publication-date benchmark: storyline's ``published`` day against htmldate, same run.

Data: ``../shared/data/pubdate`` (1000 gold items over 999 saved pages).  Scoring follows
that folder's README: one calendar day per page, exact string match; no output is a
false negative, a wrong day a false positive; precision, recall, accuracy (= TP / all)
and F1 over all items.  Both sides get the page only, without its address.

storyline gets the raw bytes (it decodes them itself); htmldate gets the page decoded as
upstream does it (UTF-8, else charset_normalizer, else the bytes) and is called as
``find_date(html, original_date=True, extensive_search=True)``.  Both are warmed up on
a synthetic page first; each call is timed on its own.

Usage::

    .venv/bin/python benchmarks/pubdate.py [--limit N] [--mode extensive|fast]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import data_dir, format_table, peak_rss_mb, quiet_libraries  # noqa: E402
from charset_normalizer import from_bytes  # noqa: E402
from htmldate import find_date  # noqa: E402

from storyline.extract import ExtractOptions, extract  # noqa: E402
from storyline.model import Document, Granularity  # noqa: E402

_WARMUP_PAGE = (
    "<html><head><title>Warm-up</title></head><body><p>Publié le 3 mars 2019.</p>"
    "<p>Am 5. März 2019 veröffentlicht.</p><p>Posted on March 6, 2019</p></body></html>"
)


@dataclass(frozen=True)
class Outcome:
    """Counts of one side."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    seconds: float = 0.0

    def add(self, predicted: str | None, gold: str | None, seconds: float) -> Outcome:
        """Return the counts with one more page."""
        if not predicted:
            return Outcome(self.tp, self.fp, self.fn + 1, self.seconds + seconds)
        if predicted == gold:
            return Outcome(self.tp + 1, self.fp, self.fn, self.seconds + seconds)
        return Outcome(self.tp, self.fp + 1, self.fn, self.seconds + seconds)

    def row(self, name: str, total: int) -> list[object]:
        """A table row: precision, recall, accuracy, F1, pages/s."""
        returned = self.tp + self.fp
        precision = self.tp / returned if returned else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0
        speed = total / self.seconds if self.seconds else 0.0
        return [name, self.tp, self.fp, self.fn, precision, recall, self.tp / total, f1,
                f"{speed:.1f}"]  # fmt: skip


def upstream_decode(raw: bytes) -> str | bytes:
    """Decode as htmldate's evaluation does: UTF-8, then a guess, else the bytes."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(raw).best()
        return str(best) if best is not None else raw


def storyline_day(raw: bytes, mode: Literal["fast", "extensive"]) -> str | None:
    """The publication day storyline finds in a page, or None."""
    article = extract(Document("page", 0, raw, "text/html"), ExtractOptions(date_search=mode))
    published = article.published
    if published is None or published.granularity not in (Granularity.DAY, Granularity.TIME):
        return None
    return published.earliest


def main() -> None:
    """Score both sides over the gold list and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N items")
    parser.add_argument("--mode", choices=["extensive", "fast"], default="extensive")
    args = parser.parse_args()
    quiet_libraries("trafilatura", "htmldate", "charset_normalizer")
    mode = cast(Literal["fast", "extensive"], args.mode)
    folder = data_dir("pubdate")
    items = [json.loads(line) for line in (folder / "gold.jsonl").read_text().splitlines()]
    items = items[: args.limit] if args.limit else items
    extensive = mode == "extensive"
    storyline_day(_WARMUP_PAGE.encode(), mode)
    find_date(_WARMUP_PAGE, original_date=True, extensive_search=extensive)
    ours, theirs = Outcome(), Outcome()
    for item in items:
        raw = gzip.decompress((folder / item["file"]).read_bytes())
        start = time.perf_counter()
        day = storyline_day(raw, mode)
        middle = time.perf_counter()
        reference = find_date(upstream_decode(raw), original_date=True, extensive_search=extensive)
        end = time.perf_counter()
        ours = ours.add(day, item["date"], middle - start)
        theirs = theirs.add(reference, item["date"], end - middle)
    headers = ["extractor", "TP", "FP", "FN", "precision", "recall", "accuracy", "F1",
               "pages/s"]  # fmt: skip
    rows = [ours.row(f"storyline ({mode})", len(items)),
            theirs.row(f"htmldate ({mode})", len(items))]  # fmt: skip
    print(format_table(headers, rows))
    print()
    print(f"items: {len(items)}, peak RSS: {peak_rss_mb():.0f} MiB")
    print(f"accuracy storyline - htmldate: {(ours.tp - theirs.tp) / len(items):+.3f} (target >= 0)")
    print("storyline's pages/s include its whole extraction (body, metadata, language).")


if __name__ == "__main__":
    main()

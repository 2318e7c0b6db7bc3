"""Article-body benchmark: storyline's extract against trafilatura.extract, same run.

Data: ``../shared/data/extraction`` (181 news pages with gold article bodies).  Scoring
follows that folder's README: 4-token shingles per document, per-document precision and
recall, corpus precision and recall as means, F1 as the harmonic mean of the two means,
accuracy as the share of exact token-sequence matches.  storyline's body is its
paragraphs joined with newlines; trafilatura is called directly with default settings.

Each page is handed to both sides in turn and each call is timed on its own.  Before
timing, each library is warmed up on a small synthetic page (never a benchmark page),
so one-off loading (dateparser's locale tables, regex compilation) is not charged to
either side; the figures are steady-state throughput.

Usage::

    .venv/bin/python benchmarks/extraction.py [--limit N] [--workers N] [--bootstrap N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import trafilatura  # noqa: E402
from _common import data_dir, format_table, peak_rss_mb, quiet_libraries  # noqa: E402

from storyline.extract import ExtractOptions, extract  # noqa: E402
from storyline.model import Document  # noqa: E402

_TOKEN = re.compile(r"\w+")
_WARMUP_PAGE = (
    "<html lang='en'><head><title>Warm-up</title>"
    "<meta property='article:published_time' content='2019-03-04T10:00:00Z'></head>"
    "<body><article><h1>Warm-up page</h1><p>Publié le 3 mars 2019, mis à jour le "
    "4 mars.</p><p>Am 5. März 2019 wurde es fortgesetzt, und so weiter im Text.</p>"
    "<p>This paragraph is long enough to look like article text to the extractor, "
    "with several sentences. It talks about nothing at all. Really nothing.</p>"
    "</article></body></html>"
)


@dataclass(frozen=True)
class Row:
    """One page's output and timing on both sides."""

    key: str
    ours: str
    ours_s: float
    theirs: str
    theirs_s: float


def tokens(text: str) -> list[str]:
    """Maximal runs of word characters, case kept."""
    return _TOKEN.findall(text)


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """The multiset of 4-token windows; 1 to 3 tokens make one shingle; none make none."""
    toks = tokens(text)
    if not toks:
        return Counter()
    if len(toks) < 4:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + 4]) for i in range(len(toks) - 3))


def document_scores(gold: str, prediction: str) -> tuple[float | None, float | None, bool]:
    """Per-document (precision or None, recall or None, exact match) as the README says.

    Precision is None when the prediction has no shingle; recall is None when the gold
    has none (those documents do not enter the corresponding mean).
    """
    g, p = shingles(gold), shingles(prediction)
    tp = sum(min(count, p[s]) for s, count in g.items() if s in p)
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    exact = tokens(gold) == tokens(prediction)
    if fp == 0 and fn == 0:
        precision: float | None = 1.0
        recall: float | None = 1.0
    else:
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
    return (precision if p else None), (recall if g else None), exact


def corpus_scores(per_doc: Sequence[tuple[float | None, float | None, bool]]) -> dict[str, float]:
    """Mean precision, mean recall, F1 of the means, accuracy."""
    precisions = [p for p, _, _ in per_doc if p is not None]
    recalls = [r for _, r, _ in per_doc if r is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(1 for _, _, e in per_doc if e) / len(per_doc) if per_doc else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "accuracy": accuracy}


def bootstrap_f1_sd(
    per_doc: Sequence[tuple[float | None, float | None, bool]], rounds: int
) -> float:
    """Standard deviation of F1 over ``rounds`` resamples of the documents."""
    if rounds <= 0:
        return 0.0
    rng = random.Random(0)
    values = []
    for _ in range(rounds):
        sample = [per_doc[rng.randrange(len(per_doc))] for _ in per_doc]
        values.append(corpus_scores(sample)["f1"])
    mean = sum(values) / len(values)
    return float((sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5)


def warm_up() -> None:
    """Run both sides once on a synthetic page so one-off loading is not timed."""
    document = Document("warm-up", 0, _WARMUP_PAGE.encode(), "text/html")
    extract(document, ExtractOptions())
    trafilatura.extract(_WARMUP_PAGE)


def _init_worker() -> None:
    quiet_libraries("trafilatura", "htmldate", "charset_normalizer")
    warm_up()


def run_page(item: tuple[str, bytes]) -> Row:
    """Extract one page with both sides, timing each call."""
    key, html = item
    document = Document(key, 0, html, "text/html")
    start = time.perf_counter()
    article = extract(document, ExtractOptions())
    ours = "\n".join(article.paragraphs)
    middle = time.perf_counter()
    theirs = trafilatura.extract(html.decode("utf-8")) or ""
    end = time.perf_counter()
    return Row(key, ours, middle - start, theirs, end - middle)


def load_pages(folder: Path, limit: int | None) -> tuple[dict[str, str], list[tuple[str, bytes]]]:
    """Gold bodies and page bytes, in a stable order."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[:limit] if limit else sorted(truth)
    gold = {k: truth[k]["articleBody"] for k in keys}
    pages = [(k, gzip.decompress((folder / "html" / f"{k}.html.gz").read_bytes())) for k in keys]
    return gold, pages


def run_all(pages: list[tuple[str, bytes]], workers: int) -> list[Row]:
    """Run every page, in this process or in a pool of warmed-up workers."""
    if workers <= 1:
        warm_up()
        return [run_page(p) for p in pages]
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_init_worker) as pool:
        return list(pool.imap(run_page, pages, chunksize=4))


def report(gold: dict[str, str], rows: Iterable[Row], workers: int, rounds: int) -> str:
    """The results table, with throughput per side and the ratios the targets use."""
    rows = list(rows)
    table = []
    results = {}
    for side in ("storyline", "trafilatura"):
        outputs = [
            (r.ours, r.ours_s) if side == "storyline" else (r.theirs, r.theirs_s) for r in rows
        ]
        per_doc = [
            document_scores(gold[r.key], out) for r, (out, _) in zip(rows, outputs, strict=True)
        ]
        scores = corpus_scores(per_doc)
        seconds = sum(s for _, s in outputs)
        docs_per_s = len(rows) * max(1, workers) / seconds if seconds else 0.0
        results[side] = (scores, docs_per_s)
        table.append([
            side, scores["precision"], scores["recall"], scores["f1"],
            bootstrap_f1_sd(per_doc, rounds), scores["accuracy"], f"{docs_per_s:.1f}",
        ])  # fmt: skip
    ours, theirs = results["storyline"], results["trafilatura"]
    headers = ["extractor", "precision", "recall", "F1", "F1 sd", "accuracy", "docs/s"]
    lines = [
        format_table(headers, table),
        "",
        f"pages: {len(rows)}, workers: {workers}, peak RSS: {peak_rss_mb():.0f} MiB",
        f"F1 storyline - trafilatura: {ours[0]['f1'] - theirs[0]['f1']:+.4f} (target >= 0)",
        f"throughput storyline / trafilatura: {ours[1] / theirs[1]:.2f} (target >= 0.90)",
    ]
    return "\n".join(lines)


def main() -> None:
    """Parse options, run both extractors over the pages and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    parser.add_argument("--workers", type=int, default=1, help="worker processes")
    parser.add_argument(
        "--bootstrap", type=int, default=1000, help="resamples for the F1 standard deviation"
    )
    args = parser.parse_args()
    quiet_libraries("trafilatura", "htmldate", "charset_normalizer")
    gold, pages = load_pages(data_dir("extraction"), args.limit)
    rows = run_all(pages, args.workers)
    print(report(gold, rows, args.workers, args.bootstrap))


if __name__ == "__main__":
    main()

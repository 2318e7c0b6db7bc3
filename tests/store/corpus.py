"""Documents and articles built in code for the store tests (all text written here)."""

from __future__ import annotations

import random

from storyline.model import Article, Document, Granularity, Provenance, TimePoint

# A made-up report, long enough (about 230 words) to behave like a short wire story.
STRIKE_REPORT = (
    "Dock workers at the port of Velmora walked off the job on Monday morning, halting "
    "the loading of grain ships for the first time in eleven years.",
    "The union that represents about four thousand workers said the strike would last "
    "until the harbour board agreed to restore night-shift pay that was cut in March.",
    "Harbour board chairman Ilse Marrow told reporters that the board had offered a "
    "partial increase last week and that the union had rejected it without a vote.",
    "Shipping agents said at least nine vessels were waiting at anchor outside the "
    "breakwater, and that several cargoes of wheat bound for the northern islands "
    "would be delayed by several days if the dispute dragged on.",
    "Farmers in the river valley, who rely on the port to reach overseas buyers, warned "
    "that silos were already close to full after a record harvest this autumn.",
    "The regional transport minister, Oskar Fell, urged both sides to return to talks "
    "and said his office was ready to appoint a mediator if asked.",
    "Union organisers planned a march through the old town on Wednesday, ending at the "
    "offices of the harbour board near the fish market.",
)

# Another made-up report on the same strike, written independently of the first.
STRIKE_ANALYSIS = (
    "A walkout by Velmora's dockers has left grain piling up in the river valley, where "
    "growers say a bumper crop now has nowhere to go.",
    "The stoppage began on Monday after months of friction over pay for work done "
    "after dark, which the harbour board trimmed in the spring to cut costs.",
    "Economists at the chamber of commerce estimate that each idle day costs the "
    "region more than two million in lost exports and extra storage.",
    "Board officials insist their recent offer was generous, while union leaders call "
    "it an insult and say members are prepared to stay out for weeks.",
    "Past disputes at the port, in the eighties and again a decade ago, ended only "
    "after the national government stepped in with a subsidy for night work.",
    "For now, ships keep arriving and dropping anchor beyond the breakwater, their "
    "crews watching the empty cranes on the quay.",
)


def _vocabulary(size: int = 3000) -> tuple[str, ...]:
    rng = random.Random(1)
    lengths = (1, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11)
    letters = "abcdefghijklmnopqrstuvwxyz"
    return tuple("".join(rng.choices(letters, k=rng.choice(lengths))) for _ in range(size))


# Made-up words used with Zipf-like frequencies, as words are in real text: zlib and the
# full-text index then work about as hard as on real pages (zlib speed measured within 5%
# of that on the extraction benchmark's pages).
VOCABULARY = _vocabulary()
_WEIGHTS = tuple(1 / rank for rank in range(1, len(VOCABULARY) + 1))


def words(rng: random.Random, count: int) -> str:
    """Return ``count`` made-up words drawn from a seeded generator."""
    return " ".join(rng.choices(VOCABULARY, _WEIGHTS, k=count))


def random_paragraphs(seed: int, count: int = 8, length: int = 68) -> tuple[str, ...]:
    """Return ``count`` paragraphs of ``length`` made-up words each (about 3 KB for 8)."""
    rng = random.Random(seed)
    return tuple(words(rng, length).capitalize() + "." for _ in range(count))


def day(value: str) -> TimePoint:
    """Return a day-precise publication date."""
    return TimePoint(value, value, value, Granularity.DAY, Provenance.METADATA)


def span(value: str, earliest: str, latest: str, granularity: Granularity) -> TimePoint:
    """Return a publication date known only to a month, a year, a season."""
    return TimePoint(value, earliest, latest, granularity, Provenance.INFERRED, 0.5)


def document(uri: str, content: bytes | str = b"<html></html>", record: int = 0) -> Document:
    """Return an HTML document read from ``uri``."""
    raw = content.encode("utf-8") if isinstance(content, str) else content
    return Document(uri=uri, record=record, content=raw, content_type="text/html")


def article(
    paragraphs: tuple[str, ...],
    title: str | None = "A headline",
    published: TimePoint | None = None,
) -> Article:
    """Return an article with the given text."""
    return Article(title=title, paragraphs=paragraphs, published=published, language="en")


def numbered(index: int, seed: int = 0) -> tuple[Document, Article]:
    """Return the ``index``-th of a family of distinct 3 KB articles and their documents."""
    paragraphs = random_paragraphs(seed * 1_000_003 + index)
    html = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    month = index % 12 + 1
    return (
        document(f"corpus/{index:05d}.html", f"<html><body>{html}</body></html>"),
        article(paragraphs, f"Report {index}", day(f"2014-{month:02d}-{index % 28 + 1:02d}")),
    )

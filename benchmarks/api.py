"""Latency of the HTTP API under concurrent clients, on a large synthetic store.

Builds (once, then reuses) a store of N synthetic articles written straight through the
store: the T17-sentence stream of `benchmarks/synthetic.py` (as in the clustering scale
benchmark) when ``../shared/data/t17`` is here, else made-up words.  Its events become
stories of about 240 articles each, written directly, so that the API layer is measured
without waiting for the analysis stages.  Then it starts ``storyline.api.serve`` on
127.0.0.1 in a subprocess and runs C concurrent clients for S seconds (a bounded loop
that stops by itself), each cycling through three requests: a search (``/api/search``),
a story page (``/stories/{id}``) and a timeline (``/api/stories/{id}/timeline``).

Run::

    .venv/bin/python benchmarks/api.py                       # 100,000 articles, 20 x 60 s
    .venv/bin/python benchmarks/api.py --articles 5000 --seconds 10

Target: p95 < 150 ms for each request kind, zero errors.  No shared data is needed.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import random
import re
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import ROOT, format_table  # noqa: E402
from storyline.model import (  # noqa: E402
    Article,
    Document,
    Event,
    Granularity,
    Provenance,
    Story,
    TimePoint,
)
from storyline.store import SQLiteStore  # noqa: E402

# Shape of the synthetic archive: 20 articles an event and 12 events a story give
# 100,000 articles in 5,000 events and ~417 stories, close to the demo corpus's ratios
# (a story of a dozen events, a few reports each) scaled up.
ARTICLES_PER_EVENT = 20
EVENTS_PER_STORY = 12
WORDS_PER_ARTICLE = 120
TARGET_P95_MS = 150.0
VOCABULARY = 5000
PLACES = ("Tokyo", "Moscow", "Kunashir", "Iturup", "Sochi", "Nagato", "Paris", "Suez")
PEOPLE = ("Putin", "Abe", "Koizumi", "Medvedev", "Kan", "Mori", "Yeltsin", "Hosokawa")


def _words(rng: random.Random) -> list[str]:
    syllables = ("ka", "ri", "to", "mo", "su", "na", "be", "lo", "vi", "de", "ra", "shi")
    words: set[str] = set()
    while len(words) < VOCABULARY:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def _day(ordinal: int) -> TimePoint:
    value = time.strftime("%Y-%m-%d", time.gmtime((ordinal - 719163) * 86400))
    return TimePoint(value, value, value, Granularity.DAY, Provenance.METADATA)


def iter_synthetic(total: int, seed: int = 7) -> Iterator[tuple[Document, Article, int]]:
    """Yield ``total`` synthetic documents and articles with the event number of each."""
    rng = random.Random(seed)
    vocabulary = _words(rng)
    first_day = 730120  # 2000-01-01 as a proleptic ordinal
    for number in range(total):
        event = number // ARTICLES_PER_EVENT
        rng_event = random.Random(event)
        person, place = rng_event.choice(PEOPLE), rng_event.choice(PLACES)
        topic = rng_event.sample(vocabulary, 8)
        body_words = [
            rng.choice(topic) if rng.random() < 0.3 else rng.choice(vocabulary)
            for _ in range(WORDS_PER_ARTICLE)
        ]
        sentences = [
            " ".join(body_words[i : i + 15]).capitalize() + "."
            for i in range(0, WORDS_PER_ARTICLE, 15)
        ]
        paragraphs = (
            f"{person} arrived in {place} for talks.",
            " ".join(sentences[:4]),
            " ".join(sentences[4:]),
        )
        title = f"{person} in {place}: {' '.join(topic[:3])} ({number})"
        published = _day(first_day + event * 2 + rng.randint(0, 1))
        content = "\n\n".join((title, *paragraphs)).encode()
        document = Document(f"synthetic/{number // 1000}.jsonl", number, content, "text/plain")
        yield document, Article(title=title, paragraphs=paragraphs, published=published), event


@dataclass(frozen=True, slots=True)
class Stream:
    """Where the synthetic articles come from, and how to group and query them."""

    name: str
    items: Iterator[tuple[Document, Article, int]]
    events_per_story: int
    queries: tuple[str, ...]


# Queries for the T17-based stream: its topics' names and common news words, so that
# some match a few hundred articles and some tens of thousands.
T17_QUERIES = (
    "oil",
    "spill",
    "protest",
    "president",
    "earthquake",
    "police",
    "government",
    "bank",
    "syria",
    "egypt",
    "libya",
    "haiti",
    "flu",
    "vaccine",
    "jackson",
    "rebels",
    "killed",
    "minister",
    "oil AND gulf",
    '"prime minister"',
)


def pick_stream(total: int) -> Stream:
    """Use `benchmarks.synthetic` (T17 sentences, as the clustering scale benchmark does)
    when its data is here, else this file's own made-up-word generator."""
    try:
        from benchmarks.synthetic import iter_labelled, load_pool

        pool = load_pool()
    except (ImportError, SystemExit) as exc:
        print(f"T17 stream unavailable ({exc}); using made-up words", file=sys.stderr)
        vocabulary = _words(random.Random(7))
        queries = (*(p.lower() for p in PEOPLE), *random.Random(11).sample(vocabulary, 40))
        return Stream(
            "made-up", iter_synthetic(total), EVENTS_PER_STORY, (*queries, "talks AND tokyo")
        )

    def items() -> Iterator[tuple[Document, Article, int]]:
        for number, (article, event) in enumerate(iter_labelled(total, pool=pool)):
            content = "\n\n".join((article.title or "", *article.paragraphs)).encode()
            document = Document(f"synthetic/{number // 1000}.jsonl", number, content, "text/plain")
            yield document, article, event

    # Events there average 5 articles: 48 a story gives ~240-article stories, as above.
    return Stream("t17", items(), 48, T17_QUERIES)


def build_store(path: Path, stream: Stream) -> list[str]:
    """Write a stream's articles, their events and stories into a new store at ``path``."""
    store = SQLiteStore(str(path))
    members: dict[int, list[str]] = {}
    days: dict[int, TimePoint] = {}
    for done, (document, article, event) in enumerate(stream.items, 1):
        result = store.put(document, article)
        if result.article_id is not None and result.article_id not in members.get(event, ()):
            members.setdefault(event, []).append(result.article_id)
            days[event] = article.published or days.get(event, _day(730120))
        if done % 10_000 == 0:
            store.commit()
            print(f"  {done:,} articles stored", file=sys.stderr)
    store.commit()
    story_ids = _put_structure(store, members, days, stream.events_per_story)
    store.search(stream.queries[0], limit=1)  # build the full-text index before timing anything
    store.commit()
    store.close()
    return story_ids


def _put_structure(
    store: SQLiteStore, members: dict[int, list[str]], days: dict[int, TimePoint], per_story: int
) -> list[str]:
    stories: list[Story] = []
    events: list[tuple[Event, str | None]] = []
    for first in range(0, max(members, default=-1) + 1, per_story):
        numbers = [n for n in range(first, first + per_story) if n in members]
        if not numbers:
            continue
        story_id = f"st-{first // per_story:06d}"
        story_events = []
        for n in numbers:
            event = Event(f"ev-{n:06d}", f"Event {n}", days[n], "talks", articles=tuple(members[n]))
            events.append((event, story_id))
            story_events.append(event)
        articles = tuple(dict.fromkeys(a for e in story_events for a in e.articles))
        start, end = story_events[0].time, story_events[-1].time
        stories.append(
            Story(
                story_id,
                f"Story {first // per_story}",
                tuple(e.id for e in story_events),
                start.value if start else None,
                end.value if end else None,
                articles,
            )
        )
    store.put_events(events)
    store.put_stories(stories)
    return [s.id for s in stories]


def open_or_build(path: Path, stream: Stream, total: int) -> list[str]:
    """Reuse the store at ``path`` if it was built from the same stream, else build it."""
    stamp = path.with_name(path.name + ".built")
    wanted = f"{stream.name} {total}"
    if path.exists() and stamp.exists() and stamp.read_text() == wanted:
        store = SQLiteStore(str(path))
        try:
            return [s.id for s in store.iter_stories()]
        finally:
            store.close()
    for suffix in ("", "-wal", "-shm", ".built"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    print(f"building a store of {total:,} {stream.name} articles at {path}", file=sys.stderr)
    start = time.perf_counter()
    story_ids = build_store(path, stream)
    stamp.write_text(wanted)
    print(f"  built in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return story_ids


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(db: Path, workers: int = 1) -> tuple[subprocess.Popen[bytes], str]:
    """Run ``storyline.api.serve`` on a free 127.0.0.1 port; return it and its address."""
    port = _free_port()
    code = (
        "from pathlib import Path; from storyline.api import serve; "
        f"serve(Path({str(db)!r}), port={port}, workers={workers})"
    )
    server = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with status {server.returncode}")
        try:
            if httpx.get(base + "/api/stories?limit=1", timeout=5).status_code == 200:
                return server, base
        except httpx.TransportError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not answer within 60 s")


Samples = dict[str, list[float]]


async def _client(
    base: str,
    story_ids: list[str],
    pick: Callable[[random.Random], str],
    until: float,
    seed: int,
    samples: Samples,
    errors: dict[str, int],
) -> None:
    rng = random.Random(seed)
    kinds = ["search", "story page", "timeline JSON"]
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        turn = seed
        while time.monotonic() < until:
            kind = kinds[turn % 3]
            turn += 1
            story = rng.choice(story_ids) if story_ids else "none"
            path = {
                "search": f"/api/search?q={pick(rng)}&limit=20",
                "story page": f"/stories/{story}",
                "timeline JSON": f"/api/stories/{story}/timeline",
            }[kind]
            start = time.perf_counter()
            try:
                response = await client.get(path)
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            samples[kind].append((time.perf_counter() - start) * 1000)
            if not ok:
                errors[kind] = errors.get(kind, 0) + 1


async def load(
    base: str,
    story_ids: list[str],
    pick: Callable[[random.Random], str],
    clients: int,
    seconds: float,
) -> tuple[Samples, dict[str, int]]:
    """Run ``clients`` concurrent clients for ``seconds``; return latencies and errors.

    ``pick`` gives each search's query from the client's random generator.
    """
    samples: Samples = {"search": [], "story page": [], "timeline JSON": []}
    errors: dict[str, int] = {}
    until = time.monotonic() + seconds
    await asyncio.gather(
        *(_client(base, story_ids, pick, until, n, samples, errors) for n in range(clients))
    )
    return samples, errors


_QUERY_WORD = re.compile(r"[a-z]{4,}")


def fresh_queries(db: Path, seed: int = 5) -> Iterator[str]:
    """Yield search queries never asked before: words of the store's titles, one or two
    at a time, in random order, so that no search can be answered from a cache."""
    store = SQLiteStore(str(db))
    try:
        words = sorted(
            {w for a in itertools.islice(store.iter_articles(), 30_000)
             for w in _QUERY_WORD.findall((a.title or "").lower())}
        )  # fmt: skip
    finally:
        store.close()
    rng = random.Random(seed)
    seen: set[str] = set()
    while True:
        query = " ".join(rng.sample(words, 1 if rng.random() < 0.7 else 2))
        if query not in seen:
            seen.add(query)
            yield query


# Warm-up passes when the server runs several processes: each request of a pass opens a
# new connection, which any process may take, so after 5 passes a story page is cold in
# a given process of two with odds of 1 in 32.
WARM_UP_PASSES = 5


def warm_up(base: str, story_ids: list[str], workers: int = 1) -> list[float]:
    """Open every story page, one at a time; return the first pass's latencies in ms.

    A server in steady state has the story views people open in its cache; this pass
    puts every story there so the timed run measures that state, and its own figures
    say what a first visit costs.  With several server processes every process needs
    its own warm cache, so the pages are opened again over new connections.
    """
    latencies = []
    passes = 1 if workers == 1 else WARM_UP_PASSES
    headers = {} if workers == 1 else {"Connection": "close"}
    with httpx.Client(base_url=base, timeout=60, headers=headers) as client:
        for turn in range(passes):
            for story in story_ids:
                start = time.perf_counter()
                client.get(f"/stories/{story}").raise_for_status()
                if turn == 0:
                    latencies.append((time.perf_counter() - start) * 1000)
    return latencies


def _percentile(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> None:
    """Parse options, build or reuse the store, serve it, load it and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000, help="store size (100,000)")
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients (20)")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to load (60)")
    parser.add_argument(
        "--cold", action="store_true", help="skip the warm-up pass (measure a cold cache)"
    )
    parser.add_argument(
        "--fresh-queries",
        action="store_true",
        help="never repeat a search query (measures ranking, not the result cache)",
    )
    parser.add_argument("--workers", type=int, default=1, help="server processes (1)")
    parser.add_argument("--db", type=Path, help="store file (default benchmarks/out/api-N.db)")
    args = parser.parse_args()
    stream = pick_stream(args.articles)
    db = args.db or ROOT / "benchmarks" / "out" / f"api-{stream.name}-{args.articles}.db"
    db.parent.mkdir(parents=True, exist_ok=True)
    story_ids = open_or_build(db, stream, args.articles)
    server, base = start_server(db, args.workers)
    try:
        cold = [] if args.cold else warm_up(base, story_ids, args.workers)
        if args.fresh_queries:
            fresh = fresh_queries(db)
            pick: Callable[[random.Random], str] = lambda _rng: next(fresh)  # noqa: E731
        else:
            queries = list(stream.queries)
            pick = lambda rng: rng.choice(queries)  # noqa: E731
        samples, errors = asyncio.run(load(base, story_ids, pick, args.clients, args.seconds))
    finally:
        server.terminate()
        server.wait(10)
    rows = []
    for kind, values in samples.items():
        p95 = _percentile(values, 95)
        verdict = "✔" if p95 < TARGET_P95_MS and not errors.get(kind) else "✘"
        rows.append(
            (
                kind,
                len(values),
                f"{_percentile(values, 50):.1f}",
                f"{p95:.1f}",
                errors.get(kind, 0),
                f"{len(values) / args.seconds:.1f}",
                verdict,
            )
        )
    print(
        f"# API latency: {args.articles:,} {stream.name} articles, {len(story_ids)} stories, "
        f"{args.clients} clients x {args.seconds:.0f} s on 127.0.0.1, "
        f"{args.workers} server process{'es' if args.workers > 1 else ''}, "
        + ("every search query new" if args.fresh_queries else "searches from a fixed list")
    )
    if cold:
        print(
            f"first visit of each story page, one client: p50 {_percentile(cold, 50):.1f} ms,"
            f" p95 {_percentile(cold, 95):.1f} ms ({len(cold)} stories)"
        )
    else:
        print("no warm-up pass: story views were built during the timed run")
    print(
        format_table(
            [
                "request",
                "requests",
                "p50 ms",
                "p95 ms",
                "errors",
                "req/s",
                f"p95 < {TARGET_P95_MS:.0f}",
            ],
            rows,
        )
    )


if __name__ == "__main__":
    main()

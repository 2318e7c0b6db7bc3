"""The Python API: a `Library` is an archive of news backed by a store.

Example::

    import storyline

    with storyline.open("news.db") as library:
        report = library.ingest(["crawl.warc.gz", "feeds/"])
        print(report.articles_new, "new articles")
        for hit in library.search("Kuril islands"):
            print(hit.article.title)

The command line, the HTTP API and the web UI are thin shells over this class.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Literal

from storyline.analysis import AnalysisReport, EntityStep, analyse, anchor_of
from storyline.entities import Alias, AliasRegistry, Entity, EntityInfo, role_spans
from storyline.errors import RecordError, StorylineError, UsageError
from storyline.extract import ExtractOptions, extract
from storyline.ingest import IngestOptions, IngestStats, iter_documents
from storyline.model import (
    Article,
    Document,
    Event,
    IngestReport,
    MentionLink,
    Story,
    Timeline,
    Timex,
)
from storyline.settings import Settings
from storyline.store import PutOutcome, SearchHit, SQLiteStore
from storyline.time import SentenceTime, infer_published, sentence_times, tag

logger = logging.getLogger(__name__)

ProgressCallback = Callable[["IngestProgress"], None]

# Documents handed to a worker process at once: large enough to amortise pickling, small
# enough that a crash loses little and the progress bar moves.  Chosen by timing the
# ingest benchmark with 16, 64 and 256 (64 was within 3% of the best).
_CHUNK = 64

# Outcomes after which the article (and so its time expressions) was newly stored.
_STORED = (PutOutcome.NEW, PutOutcome.NEAR_DUPLICATE)


@dataclass(slots=True)
class IngestProgress:
    """Running counts of one ingest, passed to the progress callback."""

    documents: int = 0
    bytes_read: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def count(self, key: str) -> None:
        """Add one to the counter ``key``."""
        self.counts[key] = self.counts.get(key, 0) + 1

    def report(self, skipped_records: int) -> IngestReport:
        """Freeze the counts into an `IngestReport`."""
        c = self.counts
        return IngestReport(
            documents=self.documents,
            articles_new=c.get(PutOutcome.NEW.value, 0),
            duplicates=c.get(PutOutcome.DUPLICATE.value, 0),
            near_duplicates=c.get(PutOutcome.NEAR_DUPLICATE.value, 0),
            unchanged=c.get(PutOutcome.UNCHANGED.value, 0),
            skipped=skipped_records + c.get(PutOutcome.NO_ARTICLE.value, 0),
            failed=len(self.problems),
            problems=tuple(self.problems),
            notices=tuple(self.notices),
        )


Extracted = tuple[Document, Article | None, tuple[Timex, ...], RecordError | None]


def date_and_tag(article: Article) -> tuple[Article, tuple[Timex, ...]]:
    """Run the time stage on a fresh article: infer a missing date, tag time expressions.

    Time expressions are anchored to the publication date (explicit, metadata or
    inferred); without one they stay unanchored (``XXXX-11-20``).
    """
    if article.published is None and article.paragraphs:
        # Inference reads the unanchored tagging; reuse it unless a day was found.
        unanchored = tag(article.body, None)
        published = infer_published(article, timexes=unanchored)
        article = dataclasses.replace(article, published=published)
        if anchor_of(published) is None:
            return article, unanchored
    return article, tag(article.body, anchor_of(article.published))


def extract_safely(document: Document, options: ExtractOptions) -> Extracted:
    """Extract and date one document, turning any failure into a `RecordError` for it.

    A bulk ingest of hostile input must not stop at one page that trips a parser, so every
    exception is caught here; unexpected ones are logged with their traceback.
    """
    try:
        article, timexes = date_and_tag(extract(document, options))
        return document, article, timexes, None
    except RecordError as exc:
        return document, None, (), exc
    except Exception as exc:  # noqa: BLE001 - reported per record, see docstring
        logger.debug("extraction failed for %s", document.uri, exc_info=True)
        reason = f"extraction failed ({type(exc).__name__}: {exc})"
        return document, None, (), RecordError(document.uri, document.record, reason)


def _extract_chunk(chunk: list[Document], options: ExtractOptions) -> list[Extracted]:
    return [extract_safely(doc, options) for doc in chunk]


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class Library:
    """An archive of news articles kept in a store.

    Args:
        store: where everything is kept.
        settings: options for ingesting (workers, batch size, limits).
    """

    def __init__(self, store: SQLiteStore, settings: Settings | None = None) -> None:
        self.store = store
        self.settings = settings or Settings()
        self.last_analysis: AnalysisReport | None = None

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Commit and close the store."""
        self.store.close()

    def ingest(
        self,
        paths: Iterable[str | Path],
        options: IngestOptions | None = None,
        progress: ProgressCallback | None = None,
        *,
        analyse_after: bool = True,
    ) -> IngestReport:
        """Read every document under ``paths``, extract articles and store them.

        Bad records are reported in the returned report and skipped; the rest goes on.
        Records already stored are not extracted again, so a rerun after a crash resumes.

        Args:
            paths: files, folders, archives, or ``"-"`` for standard input.
            options: how to read the sources; built from the settings when omitted.
            progress: called after each stored document with the running counts.
            analyse_after: run the archive-wide stages (entities, events, stories,
                links) over the new articles once they are stored; `last_analysis`
                then says what they did.
        """
        settings = self.settings
        options = options or IngestOptions(
            max_record_bytes=settings.max_record_bytes,
            max_inflated_bytes=settings.max_inflated_bytes,
        )
        extract_options = ExtractOptions(date_search=_date_search(settings.date_search))
        stats = IngestStats()
        state = IngestProgress()
        fresh = self._iter_fresh(iter_documents([str(p) for p in paths], options, stats), state)
        for document, article, timexes, error in self._extract_all(fresh, extract_options):
            state.documents += 1
            state.bytes_read = stats.bytes_read
            try:
                result = self.store.put(document, article if error is None else None)
                outcome = result.outcome
                if outcome in _STORED and result.article_id is not None:
                    self.store.put_timexes(result.article_id, timexes)
            except RecordError as exc:
                state.problems.append(str(exc))
                continue
            if error is not None:
                state.problems.append(str(error))
            else:
                state.count(outcome.value)
                if outcome is PutOutcome.NO_ARTICLE:
                    where = f"{document.uri} (record {document.record})"
                    state.notices.append(f"{where}: no article text found")
            if state.documents % settings.commit_every == 0:
                self.store.commit()
            if progress is not None:
                progress(state)
        self.store.commit()
        if analyse_after:
            self.last_analysis = self.analyse()
        return state.report(stats.skipped_records)

    def _iter_fresh(
        self, items: Iterator[Document | RecordError], state: IngestProgress
    ) -> Iterator[Document]:
        """Yield documents not yet stored; note bad records and already-stored ones."""
        for item in items:
            if isinstance(item, RecordError):
                state.problems.append(str(item))
            elif self.store.has_record(item.uri, item.record, item.content):
                state.documents += 1
                state.count(PutOutcome.UNCHANGED.value)
            else:
                yield item

    def _extract_all(
        self, documents: Iterator[Document], options: ExtractOptions
    ) -> Iterator[Extracted]:
        workers = max(1, self.settings.workers)
        if workers == 1:
            for document in documents:
                yield extract_safely(document, options)
            return
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            pending = []
            for chunk in _chunks(documents, _CHUNK):
                pending.append(pool.submit(_extract_chunk, chunk, options))
                # Keep a bounded number of chunks in flight so memory stays flat.
                while len(pending) > 2 * workers:
                    yield from pending.pop(0).result()
            for future in pending:
                yield from future.result()

    def articles(self, since: str | None = None, until: str | None = None) -> Iterator[Article]:
        """Yield stored articles in publication order, optionally within a date range."""
        return self.store.iter_articles(since=since, until=until)

    def get(self, article_id: str) -> Article | None:
        """Return the article ``article_id`` with all its sources, or ``None``."""
        return self.store.get_article(article_id)

    def timexes(self, article_id: str) -> tuple[Timex, ...]:
        """Return the time expressions of an article's body, in text order."""
        return self.store.get_timexes(article_id)

    def sentences(self, article: Article) -> tuple[SentenceTime, ...]:
        """Return each sentence of an article's body with the time it speaks about."""
        timexes = self.timexes(article.id)
        return sentence_times(article.body, timexes, anchor_of(article.published))

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Return the articles best matching ``query``, best first (BM25)."""
        return self.store.search(query, limit=limit)

    def stats(self) -> dict[str, int]:
        """Return counts of what the store holds."""
        return self.store.stats()

    # -- analysis ----------------------------------------------------------------------

    def analyse(self) -> AnalysisReport:
        """Run the archive-wide stages over every article not analysed yet."""
        return analyse(self.store)

    def rebuild(self) -> AnalysisReport:
        """Recompute everything derived from the stored articles; corrections survive."""
        self.store.clear_analysis()
        return analyse(self.store)

    # -- events, stories, links, timelines ----------------------------------------------

    def events(self, *, story: str | None = None, limit: int | None = None) -> Iterator[Event]:
        """Yield events in order of event time, optionally those of one story."""
        return itertools.islice(self.store.iter_events(story), limit)

    def event(self, event_id: str) -> Event | None:
        """Return the event ``event_id`` or ``None``."""
        return self.store.get_event(event_id)

    def stories(self, *, limit: int | None = None, sort: str = "activity") -> Iterator[Story]:
        """Yield stories, most recent activity first, or most articles first (``"size"``)."""
        return itertools.islice(self.store.iter_stories(sort), limit)

    def story(self, story_id: str) -> Story | None:
        """Return the story ``story_id`` or ``None``."""
        return self.store.get_story(story_id)

    def story_of_article(self, article_id: str) -> Story | None:
        """Return the story an article belongs to (through its event), or ``None``."""
        for event_id in self.store.events_of_article(article_id):
            story_id = self.store.story_of_event(event_id)
            if story_id is not None:
                return self.store.get_story(story_id)
        return None

    def links(self, article_id: str) -> list[MentionLink]:
        """Return the mention links from an article, in text order."""
        return self.store.get_links(article_id)

    def backlinks(self, article_id: str) -> list[MentionLink]:
        """Return the links from other articles to the coverage this article is part of."""
        return self.store.get_backlinks(article_id)

    def timeline(self, story_id: str) -> Timeline:
        """Return the timeline of a story: its events in order of event time.

        Raises:
            StorylineError: if there is no such story.
        """
        from storyline.timelines import story_timeline

        story = self.store.get_story(story_id)
        if story is None:
            raise StorylineError(
                f"no story with id {story_id!r}; list ids with 'storyline stories'"
            )
        events = list(self.store.iter_events(story_id))
        article_ids = {a for e in events for a in (*e.articles, *e.mentioned_by)}
        articles = {a.id: a for i in sorted(article_ids) if (a := self.get(i)) is not None}
        links = [link for a in sorted(article_ids) for link in self.store.get_links(a)]
        return story_timeline(story, events, articles=articles, links=links)

    def query_timeline(
        self,
        query: str,
        *,
        dates: int = 10,
        sentences_per_date: int = 1,
        limit: int = 1000,
    ) -> Timeline:
        """Return a timeline summarising the articles that best match ``query``."""
        from storyline.timelines import summarise_articles

        hits = self.search(query, limit=limit)
        articles = [h.article for h in hits if h.article.published is not None]
        return summarise_articles(
            articles, dates=dates, sentences_per_date=sentences_per_date, query=query
        )

    def articles_timeline(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        dates: int = 10,
        sentences_per_date: int = 1,
    ) -> Timeline:
        """Return a timeline summarising every dated article (optionally within dates).

        This is the mode for one topic's articles: ingest them into a store of their
        own and ask for the number of dates and sentences per date wanted; ``since``
        and ``until`` also bound the dates the timeline may choose.
        """
        from storyline.timelines import summarise_articles

        articles = [a for a in self.articles(since=since, until=until) if a.published is not None]
        return summarise_articles(
            articles,
            dates=dates,
            sentences_per_date=sentences_per_date,
            start=since,
            end=until,
        )

    def entity_timeline(self, entity_id: str) -> Timeline:
        """Return the timeline of the events an entity takes part in.

        Raises:
            StorylineError: if there is no such entity.
        """
        from storyline.timelines import entity_timeline

        info = self.entity(entity_id)
        if info is None:
            raise StorylineError(
                f"no entity with id {entity_id!r}; list ids with 'storyline entities'"
            )
        events = [e for e in self.store.iter_events() if entity_id in (*e.who, *e.where)]
        article_ids = sorted({a for e in events for a in e.articles})
        articles = {a.id: a for i in article_ids if (a := self.get(i)) is not None}
        return entity_timeline(entity_id, events, articles=articles, title=info.entity.name)

    @staticmethod
    def render_timeline(timeline: Timeline, fmt: str) -> str:
        """Write ``timeline`` in one of `storyline.timelines.FORMATS`."""
        from storyline.timelines import render

        return render(timeline, fmt)

    # -- entities ----------------------------------------------------------------------

    def entities(
        self, *, kind: str | None = None, limit: int | None = None
    ) -> Iterator[EntityInfo]:
        """Yield canonical entities, most reported first."""
        for count, row in enumerate(self.store.iter_entity_rows(kind)):
            if limit is not None and count >= limit:
                return
            info = self.entity(row.id)
            if info is not None:
                yield info

    def entity(self, entity_id: str) -> EntityInfo | None:
        """Return the entity ``entity_id`` with its aliases and roles, or ``None``."""
        found = self.store.get_entity_rows(entity_id)
        if found is None:
            return None
        row, aliases, roles = found
        entity = Entity(
            row.id,
            row.name,
            row.kind,
            tuple(Alias(a.name, a.viewpoint, a.valid_from, a.valid_to) for a in aliases),
            role_spans(roles),
        )
        return EntityInfo(entity, row.articles, row.first_seen, row.last_seen)

    def entity_mentions(self, article_id: str) -> list[dict[str, object]]:
        """Return the entity mentions of an article: text, offsets, entity id, kind."""
        return [m.to_dict() for m in self.store.get_entity_mentions(article_id)]

    def add_alias(
        self,
        canonical: str,
        alias: str,
        viewpoint: str | None = None,
        *,
        valid_from: str | None = None,
        valid_to: str | None = None,
    ) -> bool:
        """Record a user alias of the entity ``canonical`` (an id or one of its names).

        The alias is kept as a correction, so it survives every rebuild.  Returns whether
        the entity is already known (if not, the alias waits until it appears).
        """
        if not canonical.strip() or not alias.strip():
            raise UsageError("an alias needs both a canonical entity and a name")
        data = {
            "canonical": canonical.strip(),
            "alias": alias.strip(),
            "viewpoint": viewpoint,
            "valid_from": valid_from,
            "valid_to": valid_to,
        }
        self.store.add_correction("alias", data)
        step = EntityStep(self.store)
        step.save()
        self.store.commit()
        return canonical.strip() not in step.pending

    def aliases(self) -> AliasRegistry:
        """Return every alias the archive knows (learned and user-added)."""
        return AliasRegistry(self.store.get_resolver_state().aliases)


def _date_search(value: str) -> Literal["fast", "extensive"]:
    return "fast" if value == "fast" else "extensive"


def open(path: str | Path = "storyline.db", settings: Settings | None = None) -> Library:  # noqa: A001
    """Open (or create) the archive stored at ``path``; ``":memory:"`` keeps it in memory."""
    return Library(SQLiteStore(str(path)), settings)

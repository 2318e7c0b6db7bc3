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
import logging
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Literal

from storyline._views import ArchiveViews
from storyline.analysis import (
    AnalysisReport,
    analyse,
    anchor_of,
)
from storyline.errors import RecordError
from storyline.extract import ExtractOptions, extract
from storyline.ingest import IngestOptions, IngestStats, iter_documents
from storyline.model import (
    Article,
    Document,
    IngestReport,
    Timex,
)
from storyline.settings import Settings
from storyline.store import PutOutcome, SQLiteStore
from storyline.time import SentenceTime, date_from_text, sentence_times, tag

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
        published = date_from_text(article, timexes=unanchored)
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


class Library(ArchiveViews):
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

    def timexes(self, article_id: str) -> tuple[Timex, ...]:
        """Return the time expressions of an article's body, in text order."""
        return self.store.get_timexes(article_id)

    def sentences(self, article: Article) -> tuple[SentenceTime, ...]:
        """Return each sentence of an article's body with the time it speaks about."""
        timexes = self.timexes(article.id)
        return sentence_times(article.body, timexes, anchor_of(article.published))

    def stats(self) -> dict[str, int]:
        """Return counts of what the store holds."""
        return self.store.stats()

    # -- analysis ----------------------------------------------------------------------

    def analyse(self) -> AnalysisReport:
        """Run the archive-wide stages over every article not analysed yet."""
        return analyse(self.store)

    def rebuild(self) -> AnalysisReport:
        """Recompute everything derived from the stored articles; corrections survive."""
        previous = {story.id: story.events for story in self.store.iter_stories()}
        self.store.clear_analysis()
        return analyse(self.store, previous_stories=previous)


def _date_search(value: str) -> Literal["fast", "extensive"]:
    return "fast" if value == "fast" else "extensive"


def open(path: str | Path = "storyline.db", settings: Settings | None = None) -> Library:  # noqa: A001
    """Open (or create) the archive stored at ``path``; ``":memory:"`` keeps it in memory."""
    return Library(SQLiteStore(str(path)), settings)

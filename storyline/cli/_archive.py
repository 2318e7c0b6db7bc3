"""Archive commands: ingest, articles, show, search, stats."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Iterator
from typing import Any

import click

from storyline.cli._common import (
    CONTEXT,
    cli,
    db_option,
    echo_json,
    handle_errors,
    json_option,
    open_library,
)
from storyline.errors import StorylineError, UsageError
from storyline.ingest import FORMATS, IngestOptions
from storyline.library import IngestProgress
from storyline.model import Article, IngestReport
from storyline.settings import Settings
from storyline.store.sqlite import date_bound


def _parse_fields(values: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    pairs = []
    for value in values:
        ours, sep, theirs = value.partition("=")
        if not sep or not ours or not theirs:
            raise UsageError(f"--field expects OURS=THEIRS (e.g. body=content), got {value!r}")
        pairs.append((ours.strip(), theirs.strip()))
    return tuple(pairs)


@cli.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@click.option(
    "--format",
    "format_",
    type=click.Choice(FORMATS),
    help="Read every input as this format instead of sniffing it.",
)
@click.option(
    "--field",
    "fields",
    multiple=True,
    metavar="OURS=THEIRS",
    help="JSONL field mapping, e.g. --field body=content --field published=pub_date.",
)
@click.option("--workers", type=int, default=None, help=Settings.help_of("workers"))
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary on stderr.")
@json_option
@handle_errors
def ingest(
    paths: tuple[str, ...],
    db: str | None,
    format_: str | None,
    fields: tuple[str, ...],
    workers: int | None,
    quiet: bool,
    as_json: bool,
) -> None:
    """Read news files into the store: HTML, WARC(.gz), RSS/Atom, JSONL, text, archives.

    Folders are read recursively, formats are sniffed from the content, '-' reads stdin.
    Bad records are reported with file, record and reason, and skipped. Exit code 1 when
    any record failed.

    Example: storyline ingest crawl.warc.gz feeds/ export.jsonl --db news.db
    """
    with open_library(db, workers=workers) as lib:
        options = IngestOptions(
            format=format_,
            fields=_parse_fields(fields),
            max_record_bytes=lib.settings.max_record_bytes,
            max_inflated_bytes=lib.settings.max_inflated_bytes,
        )
        with _progress_bar(quiet) as progress:
            report = lib.ingest(paths, options, progress=progress)
    for problem in report.problems:
        click.echo(f"failed: {problem}", err=True)
    if not quiet:
        for notice in report.notices:
            click.echo(f"skipped: {notice}", err=True)
    if as_json:
        echo_json(_report_dict(report))
    elif not quiet:
        click.echo(_report_line(report), err=True)
    if report.failed:
        sys.exit(1)


def _report_dict(report: IngestReport) -> dict[str, Any]:
    return {
        "documents": report.documents,
        "articles_new": report.articles_new,
        "duplicates": report.duplicates,
        "near_duplicates": report.near_duplicates,
        "unchanged": report.unchanged,
        "skipped": report.skipped,
        "failed": report.failed,
        "problems": list(report.problems),
        "notices": list(report.notices),
    }


def _report_line(report: IngestReport) -> str:
    return (
        f"{report.documents} documents: {report.articles_new} new articles, "
        f"{report.duplicates} exact duplicates, {report.near_duplicates} near duplicates, "
        f"{report.unchanged} unchanged, {report.skipped} skipped, {report.failed} failed"
    )


class _progress_bar:  # noqa: N801 - used as a context manager like a function
    """A rich progress display on stderr, or nothing when quiet or not on a terminal."""

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> Callable[[IngestProgress], None] | None:
        if not self.enabled:
            return None
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task("ingesting", total=None)
        return self.update

    def update(self, state: IngestProgress) -> None:
        """Show the running counts."""
        if state.documents % 25 == 0:
            new = state.counts.get("new", 0)
            text = f"{state.documents} documents, {new} new articles, {len(state.problems)} failed"
            self._progress.update(self._task, description=text)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


@cli.command(context_settings=CONTEXT)
@db_option
@click.option("--since", metavar="DATE", help="Only articles published on or after DATE.")
@click.option("--until", metavar="DATE", help="Only articles published on or before DATE.")
@click.option("--limit", type=int, default=None, help="Print at most this many articles.")
@json_option
@handle_errors
def articles(
    db: str | None, since: str | None, until: str | None, limit: int | None, as_json: bool
) -> None:
    """List stored articles in publication order (undated last).

    Example: storyline articles --since 2005-01-01 --until 2005-12-31 --json
    """
    since, until = _check_date(since, "--since"), _check_date(until, "--until")
    with open_library(db) as lib:
        for index, article in enumerate(lib.articles(since=since, until=until)):
            if limit is not None and index >= limit:
                break
            _print_article_row(article, as_json)


def _check_date(value: str | None, flag: str) -> str | None:
    """Accept a year, a month or a day (``2005``, ``2005-11``, ``2005-11-20``).

    Checked here, with the store's own rule, only so that the message names the flag.
    """
    date_bound(value, flag, last=False)
    return value


def _print_article_row(article: Article, as_json: bool) -> None:
    if as_json:
        echo_json(article.to_dict())
        return
    date = article.published.value[:10] if article.published else "undated"
    click.echo(f"{article.id}  {date:<10}  {article.title or '(no title)'}")


@cli.command(context_settings=CONTEXT)
@click.argument("article_id")
@db_option
@json_option
@handle_errors
def show(article_id: str, db: str | None, as_json: bool) -> None:
    """Show one article: its metadata, clean text and sources.

    With --json the object also has "timexes" (text, start, end, type, value, mod:
    offsets into the paragraphs joined by blank lines), "sentences" (start, end, time)
    "entities" (text, start, end, entity_id, kind), "links" (sentences of this article
    about other happenings, with the event and its coverage) and "mentioned_by" (links
    from other articles to this one).

    Example: storyline show 3f2a9c0d1e4b5a6c --json
    """
    with open_library(db) as lib:
        article = lib.get(article_id)
        if article is None:
            raise StorylineError(
                f"no article with id {article_id!r}; list ids with 'storyline articles'"
            )
        if as_json:
            data = article.to_dict()
            data["timexes"] = [t.to_dict() for t in lib.timexes(article.id)]
            data["sentences"] = [dataclasses.asdict(s) for s in lib.sentences(article)]
            data["entities"] = lib.entity_mentions(article.id)
            data["links"] = [link.to_dict() for link in lib.links(article.id)]
            data["mentioned_by"] = [link.to_dict() for link in lib.backlinks(article.id)]
            echo_json(data)
            return
        for line in _describe(article):
            click.echo(line)


def _describe(article: Article) -> Iterator[str]:
    yield article.title or "(no title)"
    published = article.published
    if published:
        yield f"published: {published.value} ({published.provenance.value})"
    for label, value in (("section", article.section), ("byline", article.byline)):
        if value:
            yield f"{label}: {value}"
    for source in article.sources:
        yield f"source: {source.uri} (record {source.record})" + (
            f" {source.url}" if source.url else ""
        )
    if article.duplicate_of:
        yield f"near duplicate of: {article.duplicate_of}"
    yield ""
    heads = {h.before: h.text for h in article.headings}
    for index, paragraph in enumerate(article.paragraphs):
        if index in heads:
            yield f"## {heads[index]}\n"
        yield paragraph + "\n"
    for caption in article.captions:
        yield f"[caption] {caption}"
    for link in article.related:
        yield f"[related] {link.date or '????-??-??'}  {link.title}"


@cli.command(context_settings=CONTEXT)
@click.argument("query")
@db_option
@click.option("--limit", type=int, default=20, show_default=True, help="Most results to print.")
@json_option
@handle_errors
def search(query: str, db: str | None, limit: int, as_json: bool) -> None:
    """Full-text search over titles and bodies, best matches first (BM25).

    Example: storyline search "Kuril islands" --limit 5
    """
    with open_library(db) as lib:
        for hit in lib.search(query, limit=limit):
            if as_json:
                data = hit.article.to_dict()
                data["rank"] = hit.rank
                data["snippet"] = hit.snippet
                echo_json(data)
            else:
                _print_article_row(hit.article, False)
                click.echo(f"    {hit.snippet}")


@cli.command(context_settings=CONTEXT)
@db_option
@json_option
@handle_errors
def stats(db: str | None, as_json: bool) -> None:
    """Print counts of documents, sources, articles and duplicates in the store.

    Example: storyline stats --db news.db
    """
    with open_library(db) as lib:
        counts = lib.stats()
    if as_json:
        echo_json(counts)
        return
    width = max(len(k) for k in counts) if counts else 0
    for key, value in counts.items():
        click.echo(f"{key.replace('_', ' '):<{width}}  {value}")

"""Analysis commands: entities and aliases, and rebuilding what the stages derive."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
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
from storyline.entities import KINDS, EntityInfo
from storyline.errors import RecordError, StorylineError, UsageError
from storyline.events import most_mentioned
from storyline.model import Event, Story
from storyline.timelines import FORMATS, label


@cli.command(context_settings=CONTEXT)
@db_option
@click.option("--kind", type=click.Choice(KINDS), help="Only entities of this kind.")
@click.option("--limit", type=int, default=None, help="Print at most this many entities.")
@json_option
@handle_errors
def entities(db: str | None, kind: str | None, limit: int | None, as_json: bool) -> None:
    """List canonical entities, most reported first, with aliases and roles.

    With --json each line has id, name, kind, aliases (name, viewpoint, valid_from,
    valid_to), roles (role, from, to, evidence) and articles (how many mention it).

    Example: storyline entities --kind PERSON --limit 20
    """
    with open_library(db) as lib:
        for info in lib.entities(kind=kind, limit=limit):
            if as_json:
                echo_json(info.to_dict())
            else:
                click.echo(_entity_line(info))


def _entity_line(info: EntityInfo) -> str:
    entity = info.entity
    names = sorted({a.name for a in entity.aliases if a.name != entity.name})
    line = f"{entity.id}  {entity.kind:<6}  {info.articles:>5}  {entity.name}"
    if names:
        line += f"  (also: {', '.join(names[:6])})"
    return line


@cli.group(context_settings=CONTEXT)
def alias() -> None:
    """Add, import and export entity aliases (kept through every rebuild).

    Example: storyline alias add "Kuril Islands" "Northern Territories" --viewpoint Japan
    """


@alias.command("add", context_settings=CONTEXT)
@click.argument("canonical")
@click.argument("name")
@click.option("--viewpoint", help="Who uses this name: a language, a country or a side.")
@click.option("--from", "valid_from", metavar="DATE", help="First date the name is valid.")
@click.option("--to", "valid_to", metavar="DATE", help="Last date the name is valid.")
@db_option
@handle_errors
def alias_add(
    canonical: str,
    name: str,
    viewpoint: str | None,
    valid_from: str | None,
    valid_to: str | None,
    db: str | None,
) -> None:
    """Say that NAME is another name of CANONICAL (an entity id or one of its names).

    Example: storyline alias add "Kuril Islands" "Southern Kuriles" --viewpoint Russia
    """
    with open_library(db) as lib:
        known = lib.add_alias(canonical, name, viewpoint, valid_from=valid_from, valid_to=valid_to)
    if not known:
        click.echo(
            f"note: no entity called {canonical!r} yet; the alias applies once one appears",
            err=True,
        )


ALIAS_COLUMNS = ("canonical", "name", "viewpoint", "valid_from", "valid_to")
_CSV_SYNONYMS = {"entity_id": "canonical", "entity": "canonical", "alias": "name"}


@alias.command("import", context_settings=CONTEXT)
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@db_option
@handle_errors
def alias_import(file: str, db: str | None) -> None:
    """Add the aliases of a CSV or YAML file (columns canonical, name, viewpoint, ...).

    CSV needs a header row with at least canonical and name; YAML is a list of
    mappings with the same keys. Bad rows are reported by line and skipped.

    Example: storyline alias import aliases.csv
    """
    rows, problems = read_alias_file(Path(file))
    with open_library(db) as lib:
        for row in rows:
            lib.add_alias(
                row["canonical"],
                row["name"],
                row.get("viewpoint"),
                valid_from=row.get("valid_from"),
                valid_to=row.get("valid_to"),
            )
    for problem in problems:
        click.echo(f"failed: {problem}", err=True)
    click.echo(f"imported {len(rows)} aliases from {file}", err=True)
    if problems:
        sys.exit(1)


def read_alias_file(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """Read user aliases from CSV or YAML; return good rows and one message per bad row."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() in (".yaml", ".yml"):
        items, first_line = _yaml_rows(path, text), 1
    else:
        reader = csv.DictReader(io.StringIO(text))
        if reader.fieldnames and "canonical" not in reader.fieldnames:
            # The registry's own CSV names the canonical entity by its id.
            reader.fieldnames = [_CSV_SYNONYMS.get(f, f) for f in reader.fieldnames]
        missing = {"canonical", "name"} - set(reader.fieldnames or ())
        if missing:
            raise RecordError(str(path), None, f"missing column(s) {', '.join(sorted(missing))}")
        items, first_line = list(reader), 2
    rows, problems = [], []
    for number, item in enumerate(items, start=first_line):
        clean = {k: (str(v).strip() or None) for k, v in item.items() if k and v is not None}
        if not clean.get("canonical") or not clean.get("name"):
            problems.append(f"{path} (record {number}): needs both canonical and name")
            continue
        rows.append(clean)
    return rows, problems


def _yaml_rows(path: Path, text: str) -> list[dict[str, Any]]:
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RecordError(str(path), None, f"not valid YAML ({exc})") from None
    if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
        raise RecordError(str(path), None, "expected a list of mappings")
    return data


@alias.command("export", context_settings=CONTEXT)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("csv", "yaml")),
    default="csv",
    show_default=True,
    help="Output format.",
)
@db_option
@handle_errors
def alias_export(fmt: str, db: str | None) -> None:
    """Print every alias (learned and user-added) with its viewpoint and validity.

    The output can be edited and read back with 'storyline alias import'.

    Example: storyline alias export --format yaml > aliases.yaml
    """
    with open_library(db) as lib:
        rows = [
            {
                "canonical": row.entity_id,
                "name": row.name,
                "viewpoint": row.viewpoint,
                "valid_from": row.valid_from,
                "valid_to": row.valid_to,
            }
            for row in lib.aliases().rows()
        ]
    if fmt == "yaml":
        import yaml

        click.echo(yaml.safe_dump(rows, allow_unicode=True, sort_keys=False), nl=False)
        return
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=ALIAS_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    click.echo(out.getvalue(), nl=False)


@cli.command(context_settings=CONTEXT)
@db_option
@json_option
@handle_errors
def rebuild(db: str | None, as_json: bool) -> None:
    """Recompute entities, events, stories and links from the stored articles.

    User corrections (aliases, story merges and splits, date fixes) are kept and applied
    again. Story and event ids are kept where the new groups overlap the old ones.

    Example: storyline rebuild --db news.db
    """
    with open_library(db) as lib:
        report = lib.rebuild()
    data = {
        "articles": report.articles,
        "entities": report.entities,
        "events": report.events,
        "stories": report.stories,
        "links": report.links,
    }
    if as_json:
        echo_json(data)
    else:
        click.echo(", ".join(f"{v} {k}" for k, v in data.items()), err=True)


def _event_line(event: Event) -> str:
    when = label(event.time) if event.time else "undated"
    flag = " (mentioned only)" if event.mentioned_only else ""
    if event.reported and event.reported[0] != event.reported[1]:
        flag += f" (reported {event.reported[0]} … {event.reported[1]})"
    return f"{event.id}  {when:<10}  {event.kind:<9}  {len(event.articles):>3}  {event.title}{flag}"


@cli.command(context_settings=CONTEXT)
@db_option
@click.option("--story", "story_id", metavar="ID", help="Only the events of this story.")
@click.option("--limit", type=int, default=None, help="Print at most this many events.")
@json_option
@handle_errors
def events(db: str | None, story_id: str | None, limit: int | None, as_json: bool) -> None:
    """List events (real-world happenings) in order of event time.

    With --json each line has id, title, time, kind, where, who (entity ids), articles,
    mentioned_by, mentioned_only, evidence and reported (the first and last day its
    articles were published).

    Example: storyline events --story st-3f2a9c0d --json
    """
    with open_library(db) as lib:
        for event in lib.events(story=story_id, limit=limit):
            click.echo(
                json.dumps(event.to_dict(), ensure_ascii=False) if as_json else _event_line(event)
            )


def _story_dict(story: Story) -> dict[str, Any]:
    return story.to_dict()


@cli.command(context_settings=CONTEXT)
@db_option
@click.option("--limit", type=int, default=None, help="Print at most this many stories.")
@click.option(
    "--sort",
    type=click.Choice(("activity", "size")),
    default="activity",
    show_default=True,
    help="Most recent activity first, or most articles first.",
)
@json_option
@handle_errors
def stories(db: str | None, limit: int | None, sort: str, as_json: bool) -> None:
    """List stories, most recent activity first (or largest first with --sort size).

    With --json each line has id, title, span (start, end), events, articles, entities
    and history (merges and splits).

    Example: storyline stories --limit 10
    """
    with open_library(db) as lib:
        for story in lib.stories(limit=limit, sort=sort):
            if as_json:
                echo_json(_story_dict(story))
            else:
                span = f"{story.start or '?'} … {story.end or '?'}"
                click.echo(
                    f"{story.id}  {span:<25}  {len(story.events):>3} events"
                    f"  {len(story.articles):>4} articles  {story.title}"
                )


class _StoryGroup(click.Group):
    """``storyline story ID`` shows a story; ``storyline story merge|split`` corrects one."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and not args[0].startswith("-") and args[0] not in self.commands:
            args = ["show", *args]
        return super().parse_args(ctx, args)


@cli.group(cls=_StoryGroup, context_settings=CONTEXT)
def story() -> None:
    """Show one story, or merge and split stories (kept through every rebuild).

    Example: storyline story st-3f2a9c0d
    """


@story.command("show", context_settings=CONTEXT)
@click.argument("story_id")
@db_option
@click.option(
    "--mentioned",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    help="Show this many of the happenings its articles only mention (those most "
    "articles mention); 0 shows them all.",
)
@json_option
@handle_errors
def story_show(story_id: str, db: str | None, mentioned: int, as_json: bool) -> None:
    """Print a readable summary of a story: its span, entities, the events its articles
    report, the earlier or later happenings they mention, and its history.

    Example: storyline story show st-3f2a9c0d
    """
    with open_library(db) as lib:
        found = lib.story(story_id)
        if found is None:
            raise StorylineError(
                f"no story with id {story_id!r}; list ids with 'storyline stories'"
            )
        if as_json:
            echo_json(_story_dict(found))
            return
        click.echo(found.title)
        click.echo(
            f"{found.start or '?'} … {found.end or '?'}: {len(found.events)} events, "
            f"{len(found.articles)} articles"
        )
        names = [e.entity.name for i in found.entities[:12] if (e := lib.entity(i)) is not None]
        if names:
            click.echo("who and where: " + ", ".join(names))
        events = list(lib.events(story=found.id))
        reported = [e for e in events if not e.mentioned_only]
        recalled = [e for e in events if e.mentioned_only]
        click.echo(f"\nreported ({len(reported)}):")
        for event in reported:
            click.echo("  " + _event_line(event))
        if recalled:
            shown = most_mentioned(recalled, mentioned or len(recalled))
            click.echo(f"\nmentioned only ({len(recalled)}):")
            for event in shown:
                click.echo("  " + _event_line(event))
            if len(shown) < len(recalled):
                click.echo(
                    f"… {len(recalled) - len(shown)} more: storyline story {found.id} --mentioned 0"
                )
        for change in found.history:
            click.echo(
                f"history: {change.at} {change.action} by {change.by} {' '.join(change.stories)}"
            )


@story.command("merge", context_settings=CONTEXT)
@click.argument("story_a")
@click.argument("story_b")
@db_option
@handle_errors
def story_merge(story_a: str, story_b: str, db: str | None) -> None:
    """Merge story B into story A (A keeps its id).

    Example: storyline story merge st-3f2a9c0d st-77b1e2aa
    """
    with open_library(db) as lib:
        merged = lib.merge_stories(story_a, story_b)
    click.echo(f"{merged.id}: {len(merged.events)} events", err=True)


@story.command("split", context_settings=CONTEXT)
@click.argument("story_id")
@click.option(
    "--events",
    "event_ids",
    required=True,
    metavar="ID,ID,...",
    help="The events to move into a new story (comma-separated).",
)
@db_option
@handle_errors
def story_split(story_id: str, event_ids: str, db: str | None) -> None:
    """Move some events of a story into a new story of their own.

    Example: storyline story split st-3f2a9c0d --events ev-1a2b3c,ev-4d5e6f
    """
    chosen = [e.strip() for e in event_ids.split(",") if e.strip()]
    with open_library(db) as lib:
        new = lib.split_story(story_id, chosen)
    click.echo(f"{new.id}: {len(new.events)} events split from {story_id}", err=True)


@cli.command(context_settings=CONTEXT)
@click.argument("article_id")
@db_option
@json_option
@handle_errors
def links(article_id: str, db: str | None, as_json: bool) -> None:
    """Show the mention links of an article: sentences about past or planned happenings,
    with the event each refers to and the archive's coverage of it.

    With --json each line has source (article, start, end, text), event, articles, score,
    kind (mention or related), time and reasons.

    Example: storyline links 5e2e3961db30e75f --json
    """
    with open_library(db) as lib:
        if lib.get(article_id) is None:
            raise StorylineError(
                f"no article with id {article_id!r}; list ids with 'storyline articles'"
            )
        for link in lib.links(article_id):
            if as_json:
                echo_json(link.to_dict())
                continue
            when = label(link.time) if link.time else "?"
            click.echo(f"[{when}] {link.text}")
            click.echo(f"    -> {link.event or '(no event)'} ({link.kind}, {link.score:.2f})")
            for article_id in link.articles:
                target = lib.get(article_id)
                date = target.published.value[:10] if target and target.published else "undated"
                title = (target.title if target else None) or "(no title)"
                click.echo(f"       {article_id}  {date}  {title}")
            if not link.articles:
                click.echo("       no coverage in the archive")


@cli.command(context_settings=CONTEXT)
@click.argument("story_id", required=False)
@click.option("--query", metavar="Q", help="Timeline of the articles best matching Q.")
@click.option("--entity", "entity_id", metavar="ID", help="Timeline of one entity's events.")
@click.option(
    "--all", "all_articles", is_flag=True, help="Timeline summarising every dated article."
)
@click.option("--since", metavar="DATE", help="With --all: only articles and dates from DATE.")
@click.option("--until", metavar="DATE", help="With --all: only articles and dates up to DATE.")
@click.option("--dates", type=int, default=None, help="How many dates (query/--all timelines).")
@click.option(
    "--mentioned",
    type=click.IntRange(min=0),
    default=0,
    help="With a story: only this many of the happenings its articles only mention, those "
    "most articles mention (default 0: all).",
)
@click.option(
    "--sentences-per-date",
    type=int,
    default=1,
    show_default=True,
    help="Sentences per date (query/--all timelines).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="markdown",
    show_default=True,
    help="Output format.",
)
@db_option
@handle_errors
def timeline(
    story_id: str | None,
    query: str | None,
    entity_id: str | None,
    all_articles: bool,
    since: str | None,
    until: str | None,
    dates: int | None,
    mentioned: int,
    sentences_per_date: int,
    fmt: str,
    db: str | None,
) -> None:
    """Print a timeline ordered by when things happened, for a story, a query, an entity,
    or every dated article of the store (--all, e.g. one topic's articles).

    Example: storyline timeline st-3f2a9c0d --format html > story.html
    """
    chosen = [x for x in (story_id, query, entity_id, all_articles or None) if x]
    if len(chosen) != 1:
        raise UsageError("give exactly one of STORY_ID, --query, --entity or --all")
    if dates is not None and dates < 1 or sentences_per_date < 1:
        raise UsageError("--dates and --sentences-per-date must be at least 1")
    with open_library(db) as lib:
        if story_id:
            result = lib.timeline(story_id, mentioned=mentioned or None)
        elif entity_id:
            result = lib.entity_timeline(entity_id)
        elif query:
            result = lib.query_timeline(
                query, dates=dates or 10, sentences_per_date=sentences_per_date
            )
        else:
            result = lib.articles_timeline(
                since=since, until=until, dates=dates or 10, sentences_per_date=sentences_per_date
            )
        click.echo(lib.render_timeline(result, fmt), nl=False)

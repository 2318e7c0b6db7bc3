"""Analysis commands: entities and aliases, and rebuilding what the stages derive."""

from __future__ import annotations

import csv
import io
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
from storyline.errors import RecordError


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

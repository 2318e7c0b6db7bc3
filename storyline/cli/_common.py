"""Shared pieces of the command line: the root group, options, errors, JSON output.

Exit codes: 0 success, 1 some records failed or an error a user can fix, 2 bad usage.
Data goes to stdout, messages and progress to stderr.
"""

from __future__ import annotations

import functools
import json
import logging
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from storyline import library as library_module
from storyline.errors import StorylineError, UsageError
from storyline.library import Library
from storyline.settings import load_settings

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def echo_json(data: Any) -> None:
    """Write one JSON object as one line of stdout."""
    click.echo(json.dumps(data, ensure_ascii=False, sort_keys=False))


def db_option(func: F) -> F:
    """Add ``--db FILE`` (default ``$STORYLINE_DB`` or ``./storyline.db``)."""
    return click.option(
        "--db",
        "db",
        metavar="FILE",
        default=None,
        help="SQLite store to use [default: $STORYLINE_DB or ./storyline.db].",
    )(func)


def json_option(func: F) -> F:
    """Add ``--json``: one JSON object per line instead of a human-readable table."""
    return click.option("--json", "as_json", is_flag=True, help="Print one JSON object per line.")(
        func
    )


def open_library(db: str | None, **overrides: Any) -> Library:
    """Open the library named by ``--db`` and the settings."""
    settings = load_settings(db=db, **overrides)
    return library_module.open(settings.db, settings)


def handle_errors(func: F) -> F:
    """Turn `StorylineError` into ``Error: …`` and exit code 1 (2 for usage errors)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except UsageError as exc:
            raise click.UsageError(str(exc)) from None
        except StorylineError as exc:
            if click.get_current_context().find_root().params.get("debug"):
                raise
            raise click.ClickException(str(exc)) from None

    return wrapper  # type: ignore[return-value]


@click.group(context_settings=CONTEXT)
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.version_option(package_name="storyline")
def cli(debug: bool) -> None:
    """Turn piles of raw news into dated articles, events, stories and timelines.

    Example: storyline ingest crawl.warc.gz feeds/ --db news.db
    """
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def main() -> None:
    """Run the command line (the ``storyline`` console script)."""
    cli(prog_name="storyline")

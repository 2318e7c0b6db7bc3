"""Time commands: tag text, annotate TimeML for evaluation."""

from __future__ import annotations

from typing import Any

import click

from storyline.cli._common import CONTEXT, cli, echo_json, handle_errors
from storyline.errors import UsageError


@cli.group(context_settings=CONTEXT)
def time() -> None:
    """Time expressions: tag text, or annotate TimeML files for evaluation.

    Example: echo "He arrived on Saturday." | storyline time tag --anchor 2014-02-10
    """


@time.command("tag", context_settings=CONTEXT)
@click.argument("source", type=click.File("r", encoding="utf-8", errors="replace"), default="-")
@click.option(
    "--anchor",
    metavar="DATE",
    help="Publication date that relative expressions are resolved against.",
)
@handle_errors
def time_tag(source: Any, anchor: str | None) -> None:
    """Print one JSON object per time expression found in FILE (or stdin).

    Each object has text, start, end (character offsets), type, value and mod.

    Example: storyline time tag --anchor 2005-11-20 article.txt
    """
    from storyline.time import tag

    anchor = _check_anchor(anchor)
    for timex in tag(source.read(), anchor):
        echo_json(timex.to_dict())


def _check_anchor(value: str | None) -> str | None:
    import datetime as dt

    if value is None:
        return None
    try:
        if len(value) > 10:
            return dt.datetime.fromisoformat(value).isoformat()
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(
            f"--anchor expects a date like 2014-02-08 or 2014-02-08T10:00, got {value!r}"
        ) from None


@time.command("timeml", context_settings=CONTEXT)
@click.argument("in_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("out_dir", type=click.Path(file_okay=False))
@handle_errors
def time_timeml(in_dir: str, out_dir: str) -> None:
    """Add TIMEX3 tags to TempEval-3 input files, for any TimeML scorer.

    Reads every *.tml and *.TE3input file of IN_DIR (TimeML with the DCT and the raw TEXT)
    and writes the same file into OUT_DIR with <TIMEX3> tags inside <TEXT>; the text itself
    is unchanged. The '.TE3input' suffix is dropped from output names.

    Example: storyline time timeml te3-input/ te3-output/
    """
    from pathlib import Path

    from storyline.time import annotate_timeml_dir

    count = annotate_timeml_dir(Path(in_dir), Path(out_dir))
    click.echo(f"annotated {count} files into {out_dir}", err=True)

"""``storyline serve``: the HTTP API and the web UI."""

from __future__ import annotations

import os
from pathlib import Path

import click

from storyline.cli._common import CONTEXT, cli, db_option, handle_errors
from storyline.errors import MissingExtraError, UsageError
from storyline.settings import load_settings


@cli.command(context_settings=CONTEXT)
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
@click.option(
    "--workers",
    type=int,
    default=1,
    show_default=True,
    help="Server processes; one per core serves more readers at once.",
)
@handle_errors
def serve(db: str | None, host: str, port: int, workers: int) -> None:
    """Serve the web UI and the HTTP API (OpenAPI docs at /docs).

    Writes (POST /api/ingest, POST /api/corrections) need the token in $STORYLINE_TOKEN,
    sent as 'Authorization: Bearer TOKEN'; without it the server is read-only. It
    listens on 127.0.0.1 unless told otherwise.

    Example: storyline serve --db news.db --port 8000 --workers 2
    """
    if not 0 < port < 65536:
        raise UsageError(f"--port must be between 1 and 65535, got {port}")
    if workers < 1:
        raise UsageError(f"--workers must be at least 1, got {workers}")
    try:
        from storyline.api import serve as run_server
    except ImportError as exc:
        raise MissingExtraError(exc.name or "fastapi", "web") from None
    settings = load_settings(db=db)
    token = os.environ.get("STORYLINE_TOKEN") or None
    click.echo(f"serving {settings.db} on http://{host}:{port}/", err=True)
    run_server(Path(settings.db), host=host, port=port, token=token, workers=workers)

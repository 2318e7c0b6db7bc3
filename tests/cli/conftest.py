"""Helpers to run the command line in-process and as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from storyline.cli import cli


def run(*args: str, input: str | bytes | None = None) -> Result:
    """Run ``storyline ARGS`` in-process and return click's result."""
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def json_lines(text: str) -> list[dict[str, Any]]:
    """Parse one JSON object per non-empty line."""
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def run_process(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m storyline ARGS`` as a separate process."""
    return subprocess.run(
        [sys.executable, "-m", "storyline", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
        check=False,
    )


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """A folder with one article in each of HTML, text and JSONL, written here."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    paragraphs = "".join(
        f"<p>The harbour authority of Portmere said on Tuesday that ferry number {i} would "
        f"resume its crossing to the islands after repairs to the pier were finished.</p>"
        for i in range(1, 6)
    )
    (folder / "ferry.html").write_text(
        "<!doctype html><html lang='en'><head><title>Ferries resume</title>"
        "<meta property='article:published_time' content='2019-05-14T09:00:00Z'></head>"
        f"<body><nav>Home | World</nav><article><h1>Ferries resume</h1>{paragraphs}"
        "</article><footer>Copyright Portmere Post</footer></body></html>",
        encoding="utf-8",
    )
    (folder / "dump.txt").write_text(
        "Local News\n\nCouncil approves new library\n\n"
        "The town council of Portmere voted on Monday to build a new public library "
        "near the old market square, ending a debate that lasted three years.\n\n"
        "Construction is expected to begin next spring and to cost about four million "
        "pounds, the council said in a statement.\n",
        encoding="utf-8",
    )
    record = {
        "title": "Lighthouse restored",
        "maintext": "The lighthouse at Portmere point was restored by volunteers.\n"
        "It will open to visitors in the summer, the trust that owns it said.",
        "date_publish": "2020-06-01 10:00:00",
        "url": "https://portmere.example/lighthouse",
        "language": "en",
    }
    (folder / "export.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return folder


SEED_BBC = "004_8d72a45c9b085ab1.txt"
SEED_CNBC = "000_0ee64a50e8cb1b23.txt"


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store holding the two seed articles, shared by the tests of one module."""
    from tests.conftest import shared_path

    seeds = shared_path("seeds")
    db = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    result = run("ingest", str(seeds / SEED_BBC), str(seeds / SEED_CNBC), "--db", db, "-q")
    assert result.exit_code == 0, result.output
    return db

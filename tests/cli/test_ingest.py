"""`storyline ingest` end to end: formats, idempotency, bad input, crash and resume."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.cli.conftest import json_lines, run, run_process
from tests.ingest.broken_corpus import write_broken_corpus


def test_ingest_reads_every_format_and_lists_articles(small_corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    result = run("ingest", str(small_corpus), "--db", db, "--quiet")
    assert result.exit_code == 0, result.output
    rows = json_lines(run("articles", "--db", db, "--json").output)
    assert {r["title"] for r in rows} == {
        "Ferries resume",
        "Council approves new library",
        "Lighthouse restored",
    }
    keys = {"id", "title", "section", "byline", "language", "published", "paragraphs"}
    keys |= {"captions", "related", "sources", "duplicate_of"}
    for row in rows:
        assert keys <= row.keys()
        assert row["sources"] and {"uri", "record"} <= row["sources"][0].keys()
    dated = {r["title"]: r["published"] for r in rows}
    assert dated["Lighthouse restored"]["value"].startswith("2020-06-01")
    assert dated["Lighthouse restored"]["provenance"] == "metadata"
    assert dated["Ferries resume"]["value"].startswith("2019-05-14")


def test_ingest_twice_changes_nothing(small_corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    run("ingest", str(small_corpus), "--db", db, "-q")
    before = run("stats", "--db", db, "--json").output
    again = run("ingest", str(small_corpus), "--db", db, "--json", "-q")
    assert again.exit_code == 0
    assert json_lines(again.output)[0]["unchanged"] == 3
    assert run("stats", "--db", db, "--json").output == before


def test_since_and_until_filter_by_publication_date(small_corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    run("ingest", str(small_corpus), "--db", db, "-q")
    rows = json_lines(run("articles", "--db", db, "--json", "--since", "2020-01-01").output)
    assert [r["title"] for r in rows] == ["Lighthouse restored"]
    rows = json_lines(run("articles", "--db", db, "--json", "--until", "2019-12-31").output)
    assert [r["title"] for r in rows] == ["Ferries resume"]


def test_bad_input_is_reported_and_the_rest_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    broken = write_broken_corpus(folder)
    db = str(tmp_path / "b.db")
    result = run_process("ingest", str(folder), "--db", db, "--json")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    report = json_lines(result.stdout)[0]
    problems = "\n".join(report["problems"] + report["notices"])
    for name, what in broken.items():
        if what != "good":
            assert name in problems, f"{name} ({what}) not reported:\n{problems}"
    titles = {r["title"] for r in json_lines(run("articles", "--db", db, "--json").output)}
    good = [name for name, what in broken.items() if what == "good"]
    assert len(titles) >= len(good)


def test_show_search_and_stats(small_corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    run("ingest", str(small_corpus), "--db", db, "-q")
    hits = json_lines(run("search", "library council", "--db", db, "--json").output)
    assert hits[0]["title"] == "Council approves new library"
    shown = json_lines(run("show", hits[0]["id"], "--db", db, "--json").output)[0]
    assert shown["paragraphs"][0].startswith("The town council of Portmere")
    assert "articles" in run("stats", "--db", db).output


def test_unknown_article_is_a_clear_error(tmp_path: Path) -> None:
    result = run_process("show", "nope", "--db", str(tmp_path / "e.db"))
    assert result.returncode == 1
    assert result.stderr.startswith("Error: no article with id 'nope'")


def test_bad_usage_exits_2(tmp_path: Path) -> None:
    result = run_process("articles", "--since", "last tuesday", "--db", str(tmp_path / "e.db"))
    assert result.returncode == 2
    assert "--since expects a date" in result.stderr
    assert run_process("ingest", "--no-such-flag", "x").returncode == 2


def test_missing_path_is_reported_not_raised(tmp_path: Path) -> None:
    result = run_process("ingest", str(tmp_path / "absent.html"), "--db", str(tmp_path / "m.db"))
    assert result.returncode == 1
    assert "absent.html" in result.stderr
    assert "Traceback" not in result.stderr


def _write_many(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        (folder / f"note-{i:04d}.txt").write_text(
            f"Harbour notes number {i}\n\n"
            f"The harbour master logged vessel {i} arriving at berth {i % 17} with a cargo "
            f"of {i * 3} crates of apples and {i * 7} sacks of grain on a windy morning.\n\n"
            f"Dock workers said unloading vessel {i} took {i % 9 + 1} hours in total.\n",
            encoding="utf-8",
        )


def _count(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(sql).fetchone()[0])


def test_sigkill_midway_then_rerun_completes(tmp_path: Path) -> None:
    corpus = tmp_path / "many"
    _write_many(corpus, 400)
    db = tmp_path / "k.db"
    env = dict(os.environ, STORYLINE_COMMIT_EVERY="10")
    cmd = [sys.executable, "-m", "storyline", "ingest", str(corpus), "--db", str(db), "-q"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            time.sleep(0.05)
            if db.exists() and _count_quietly(db) >= 50:
                break
        assert proc.poll() is None, "ingest finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    partial = _count_quietly(db)
    assert 0 < partial < 400
    result = run_process("ingest", str(corpus), "--db", str(db), "--json", "-q")
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = json_lines(run("articles", "--db", str(db), "--json").output)
    assert len(rows) == 400
    assert len({r["id"] for r in rows}) == 400
    assert sorted(len(r["sources"]) for r in rows) == [1] * 400


def _count_quietly(db: Path) -> int:
    try:
        return _count(db, "SELECT count(*) FROM sources")
    except sqlite3.Error:
        return 0


def test_an_edited_file_is_read_again(tmp_path: Path) -> None:
    page = tmp_path / "note.txt"
    db = str(tmp_path / "e.db")
    text = "Harbour notes\n\nThe harbour master logged {} vessels arriving on a windy morning.\n"
    page.write_text(text.format("seven"))
    run("ingest", str(page), "--db", db, "-q")
    page.write_text(text.format("twelve"))
    report = json_lines(run("ingest", str(page), "--db", db, "--json", "-q").output)[0]
    assert report["unchanged"] == 0
    hits = json_lines(run("search", "twelve", "--db", db, "--json").output)
    assert [h["title"] for h in hits] == ["Harbour notes"]


def test_stdin_is_ingested_each_time_with_new_text(tmp_path: Path) -> None:
    db = str(tmp_path / "stdin.db")
    body = "Ferry news\n\nThe ferry to the {} island resumed service on Tuesday after repairs.\n"
    for island in ("northern", "southern"):
        assert run("ingest", "-", "--db", db, "-q", input=body.format(island)).exit_code == 0
    assert len(json_lines(run("articles", "--db", db, "--json").output)) == 2

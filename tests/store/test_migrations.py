"""Opening stores: migrations, upgrades, and files that are not storyline stores."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from storyline.errors import StoreError
from storyline.store import PutOutcome, SQLiteStore, _migrations
from storyline.store._migrations import (
    MIGRATIONS,
    applied_migrations,
    execute_all,
    migrate,
    quote_identifier,
)
from tests.store.corpus import numbered


def m900_notes(conn: sqlite3.Connection) -> None:
    """A later stage's migration, as it would be appended to the list."""
    execute_all(
        conn,
        (
            "CREATE TABLE notes (article_id TEXT REFERENCES articles (id), value TEXT)",
            "CREATE INDEX notes_value ON notes (value)",
        ),
    )


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {name for (name,) in rows}


def test_new_store_records_every_migration(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    SQLiteStore(path).close()
    with sqlite3.connect(path) as conn:
        assert applied_migrations(conn) == [m.__name__ for m in MIGRATIONS]
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA application_id").fetchone()[0] == _migrations.APPLICATION_ID
    assert {"documents", "sources", "articles", "dedup_bands", "migrations"} <= _tables(path)


def test_old_store_is_upgraded_and_keeps_its_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    with SQLiteStore(path) as old:
        old.put(*numbered(1))
    monkeypatch.setattr(_migrations, "MIGRATIONS", (*MIGRATIONS, m900_notes))
    with SQLiteStore(path) as upgraded:
        assert upgraded.put(*numbered(1)).outcome is PutOutcome.UNCHANGED
        assert upgraded.stats()["articles"] == 1
    assert "notes" in _tables(path)
    with sqlite3.connect(path) as conn:
        assert applied_migrations(conn)[-1] == "m900_notes"
        again = migrate(conn, str(path))
    assert again == []


def test_store_from_a_newer_storyline_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "newer.db"
    monkeypatch.setattr(_migrations, "MIGRATIONS", (*MIGRATIONS, m900_notes))
    SQLiteStore(path).close()
    monkeypatch.undo()
    with pytest.raises(StoreError, match="newer storyline.*m900_notes.*upgrade"):
        SQLiteStore(path)


def test_failed_migration_leaves_the_store_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def m901_broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        conn.execute("THIS IS NOT SQL")

    path = tmp_path / "broken.db"
    SQLiteStore(path).close()
    monkeypatch.setattr(_migrations, "MIGRATIONS", (*MIGRATIONS, m901_broken))
    with pytest.raises(StoreError, match="cannot open"):
        SQLiteStore(path)
    assert "half_done" not in _tables(path)
    monkeypatch.undo()
    SQLiteStore(path).close()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"This is a plain text file, not a database at all.\n" * 20, "not a SQLite database"),
        (b"SQLite format 3\x00" + b"\xff" * 200, "not a SQLite database"),
    ],
)
def test_file_that_is_not_a_database(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=message):
        SQLiteStore(path)
    assert path.read_bytes() == content


def test_other_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (name TEXT)")
    conn.close()
    with pytest.raises(StoreError, match="not a storyline store"):
        SQLiteStore(path)
    assert _tables(path) == {"customers"}


def test_empty_file_becomes_a_store(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    with SQLiteStore(path) as store:
        assert store.stats()["articles"] == 0


def test_missing_folder_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open"):
        SQLiteStore(tmp_path / "no" / "such" / "folder.db")


def test_migrations_are_named_in_order() -> None:
    names = [m.__name__ for m in MIGRATIONS]
    assert all(re.fullmatch(r"m\d{3}_[a-z0-9_]+", name) for name in names)
    assert names == sorted(names)
    assert len(set(names)) == len(names)


@pytest.mark.parametrize(
    ("name", "quoted"),
    [("articles", '"articles"'), ('odd"name', '"odd""name"'), ("with space", '"with space"')],
)
def test_quote_identifier(name: str, quoted: str) -> None:
    assert quote_identifier(name) == quoted
    with sqlite3.connect(":memory:") as conn:
        conn.execute(f"CREATE TABLE {quoted} (x)")
        assert conn.execute("SELECT name FROM sqlite_master").fetchone()[0] == name
    conn.close()


@pytest.mark.parametrize("bad", ["", "nul\x00byte"])
def test_quote_identifier_refuses_unusable_names(bad: str) -> None:
    with pytest.raises(ValueError, match="identifier"):
        quote_identifier(bad)

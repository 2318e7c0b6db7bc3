"""Library access from handlers: missing methods, the read cache, server defaults."""

from __future__ import annotations

import inspect
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.api import create_app, serve
from storyline.api._access import LibraryAccess, Unavailable
from storyline.api._paging import decode_cursor, encode_cursor


class Counter:
    """A library with one counting method and one generator."""

    def __init__(self) -> None:
        self.calls = 0

    def story(self, story_id: str) -> str:
        self.calls += 1
        return f"{story_id}:{self.calls}"

    def stories(self) -> Iterator[int]:
        yield from range(5)


def test_cached_reuses_until_invalidated() -> None:
    library = Counter()
    access = LibraryAccess(library)
    assert access.cached("story", "a") == "a:1"
    assert access.cached("story", "a") == "a:1"
    assert access.cached("story", "b") == "b:2"
    access.invalidate()
    assert access.cached("story", "a") == "a:3"


def test_cache_expires() -> None:
    access = LibraryAccess(Counter(), cache_seconds=0.0)
    assert access.cached("story", "a") != access.cached("story", "a")


@pytest.mark.parametrize(("name", "expected"), [("stories", [0, 1, 2, 3, 4]), ("story", "x:1")])
def test_call_drains_iterators(name: str, expected: object) -> None:
    access = LibraryAccess(Counter())
    args = () if name == "stories" else ("x",)
    assert access.call(name, *args) == expected


def test_missing_method() -> None:
    access = LibraryAccess(Counter())
    assert not access.has("timeline")
    with pytest.raises(Unavailable, match="timeline"):
        access.call("timeline", "x")
    assert access.optional("timeline", "x", default=[]) == []
    assert access.take("stories", 2) == [0, 1]


@pytest.mark.parametrize("offset", [0, 1, 49, 123456])
def test_cursor_round_trip(offset: int) -> None:
    assert decode_cursor(encode_cursor(offset)) == offset


def test_server_defaults_to_localhost() -> None:
    parameters = inspect.signature(serve).parameters
    assert parameters["host"].default == "127.0.0.1"
    assert parameters["token"].default is None
    app_parameters = inspect.signature(create_app).parameters
    assert app_parameters["token"].default is None


def test_reads_use_per_thread_readers_and_writes_the_main_library() -> None:
    main = Counter()
    opened: list[Counter] = []

    def open_reader() -> Counter:
        opened.append(Counter())
        return opened[-1]

    access = LibraryAccess(main, open_reader=open_reader)
    assert access.call("story", "a") == "a:1"
    assert access.call("story", "b") == "b:2"
    assert len(opened) == 1 and main.calls == 0
    worker = threading.Thread(target=access.call, args=("story", "c"))
    worker.start()
    worker.join()
    assert len(opened) == 2
    closed: list[int] = []
    for reader in opened:
        reader.close = lambda: closed.append(1)  # type: ignore[method-assign]
    access.close()
    assert len(closed) == 2


def test_writes_never_go_to_readers() -> None:
    class Writer(Counter):
        def add_alias(self, canonical: str, alias: str) -> bool:
            self.calls += 1
            return True

    main, reader = Writer(), Writer()
    access = LibraryAccess(main, open_reader=lambda: reader)
    assert access.call("add_alias", "x", "y") is True
    assert (main.calls, reader.calls) == (1, 0)


def test_search_results_follow_a_write_from_another_process(tmp_path: Path) -> None:
    import storyline
    from storyline.api._routes import SearchFilters, run_search

    db = tmp_path / "a.db"
    first = tmp_path / "first.txt"
    first.write_text("Walrus sighted\n\nA walrus was seen on the beach at Hel.\n")
    with storyline.open(db) as writer:
        writer.ingest([first], analyse_after=False)
    with storyline.open(db) as library:
        access = LibraryAccess(library, open_reader=lambda: storyline.open(db))
        try:
            assert len(run_search(access, "walrus", SearchFilters(), 10)) == 1
            assert len(run_search(access, "walrus", SearchFilters(), 10)) == 1  # cached
            second = tmp_path / "second.txt"
            second.write_text("Second walrus\n\nAnother walrus swam past Gdynia.\n")
            # Another process (here: another connection) writes to the same file.
            with storyline.open(db) as writer:
                writer.ingest([second], analyse_after=False)
            assert len(run_search(access, "walrus", SearchFilters(), 10)) == 2
        finally:
            access.close()


@pytest.mark.parametrize(
    ("options", "message"),
    [(["--workers", "0"], "--workers must be at least 1"), (["--port", "0"], "--port must be")],
)
def test_serve_refuses_bad_options(options: list[str], message: str, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from storyline.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "x.db"), *options])
    assert result.exit_code == 2, result.output
    assert message in result.output

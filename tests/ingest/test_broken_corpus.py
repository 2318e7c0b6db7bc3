"""The hostile-input corpus: every bad file is reported, every good record still read."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from storyline.ingest import IngestOptions, IngestStats
from tests.ingest.broken_corpus import GOOD, write_broken_corpus
from tests.ingest.builders import read_all, write_huge_line

# Bad files that hold good records too, and how many of those must come through.
_GOOD_RECORDS_INSIDE = {
    "truncated.warc.gz": 2,
    "export.jsonl": 3,
    "traversal.zip": 1,
    "cut.xml": 1,
}
# Bad files that are passed on as bytes: ingest has nothing to object to.
_PASSED_ON = {"deep.html"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("broken")
    return folder, write_broken_corpus(folder, huge_line_bytes=4 * 2**20)


def test_every_bad_file_is_reported_by_name_and_record(
    corpus: tuple[Path, dict[str, str]],
) -> None:
    folder, files = corpus
    documents, errors = read_all([folder], IngestOptions(max_record_bytes=2 * 2**20))
    reported = {Path(e.source.split("!")[0]).name for e in errors}
    bad = {name for name, what in files.items() if what != GOOD} - _PASSED_ON
    assert reported == bad
    for error in errors:
        assert error.reason
        assert str(error).startswith(str(folder))


def test_every_good_record_is_still_read(corpus: tuple[Path, dict[str, str]]) -> None:
    folder, files = corpus
    stats = IngestStats()
    documents, _ = read_all([folder], IngestOptions(max_record_bytes=2 * 2**20), stats)
    found: dict[str, int] = {}
    for doc in documents:
        name = Path(doc.uri.split("!")[0]).name
        found[name] = found.get(name, 0) + 1
    expected = {name: 1 for name, what in files.items() if what == GOOD}
    expected |= _GOOD_RECORDS_INSIDE | {name: 1 for name in _PASSED_ON}
    assert found == expected
    assert stats.files == len(files) + 1  # the zip member read (refused ones are not)


@pytest.mark.parametrize(
    ("name", "start"),
    [("huge.txt", b""), ("huge.jsonl", b'{"text": "'), ("huge.html", b"<html><body><p>")],
)
def test_a_50_mb_single_line_is_refused_in_bounded_memory(
    tmp_path: Path, name: str, start: bytes
) -> None:
    limit = 2**20
    write_huge_line(tmp_path / name, 50 * 2**20, start)
    (tmp_path / "small.html").write_bytes(b"<html><p>Small</p></html>")
    tracemalloc.start()
    try:
        documents, errors = read_all([tmp_path], IngestOptions(max_record_bytes=limit))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [Path(d.uri).name for d in documents] == ["small.html"]
    [error] = errors
    assert Path(error.source).name == name
    assert error.record in (0, 1)
    assert "max_record_bytes" in error.reason
    assert peak < 3 * limit

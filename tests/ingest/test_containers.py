"""gzip, zip, tar and tar.gz containers: members, nesting, traversal, bombs, damage."""

from __future__ import annotations

import gzip
import io
import json
import sys
import tarfile
from pathlib import Path

import pytest

from storyline.ingest import IngestOptions, IngestStats
from tests.ingest.builders import (
    page,
    pages_warc,
    read_all,
    repeated_gzip,
    tar_bomb_gzip,
    tar_bytes,
    zip_bytes,
)

JSONL = b'{"title": "One", "text": "First"}\n{"title": "Two", "text": "Second"}\n'


def _numbered_lines(count: int) -> bytes:
    return b"".join(
        json.dumps({"text": f"Line {i * 7919 % 10007}"}).encode() + b"\n" for i in range(count)
    )


@pytest.mark.parametrize(
    ("name", "data", "records", "content_type"),
    [
        ("page.html.gz", gzip.compress(page("Zipped")), [0], "text/html"),
        ("export.jsonl.gz", gzip.compress(JSONL), [1, 2], "text/plain"),
        ("dump.txt.gz", gzip.compress(b"A title\n\nA body.\n"), [0], "text/plain"),
        ("double.gz", gzip.compress(gzip.compress(page("Twice"))), [0], "text/html"),
        ("members.gz", gzip.compress(b"<html><p>") + gzip.compress(b"Two</p>"), [0], "text/html"),
    ],
)
def test_a_gzip_stream_is_read_as_what_it_holds(
    tmp_path: Path, name: str, data: bytes, records: list[int], content_type: str
) -> None:
    (tmp_path / name).write_bytes(data)
    documents, errors = read_all([tmp_path / name])
    assert errors == []
    assert [(d.uri, d.record, d.content_type) for d in documents] == [
        (str(tmp_path / name), r, content_type) for r in records
    ]


def test_gzip_content_comes_out_whole(tmp_path: Path) -> None:
    (tmp_path / "members.gz").write_bytes(gzip.compress(b"<p>One") + gzip.compress(b"Two</p>"))
    [doc], _ = read_all([tmp_path / "members.gz"])
    assert doc.content == b"<p>OneTwo</p>"


def test_zip_and_tar_members_are_named_archive_bang_member(tmp_path: Path) -> None:
    members = {"news/a.html": page("A"), "news/b.jsonl": JSONL, "notes.txt": b"Text\n"}
    (tmp_path / "bundle.zip").write_bytes(zip_bytes(members))
    (tmp_path / "bundle.tar").write_bytes(tar_bytes(members))
    (tmp_path / "bundle.tgz").write_bytes(gzip.compress(tar_bytes(members)))
    stats = IngestStats()
    documents, errors = read_all([tmp_path], stats=stats)
    assert errors == []
    found = [(d.uri[len(str(tmp_path)) + 1 :], d.record) for d in documents]
    expected = [("news/a.html", 0), ("news/b.jsonl", 1), ("news/b.jsonl", 2), ("notes.txt", 0)]
    assert found == [
        (f"{archive}!{member}", record)
        for archive in ("bundle.tar", "bundle.tgz", "bundle.zip")
        for member, record in expected
    ]
    assert stats.files == 3 + 9


def test_nested_containers(tmp_path: Path) -> None:
    inner_zip = zip_bytes({"deep/page.html": page("Deep"), "crawl.warc.gz": pages_warc(2)})
    middle = gzip.compress(tar_bytes({"inner.zip": inner_zip}))
    (tmp_path / "outer.zip").write_bytes(zip_bytes({"middle.tar.gz": middle}))
    documents, errors = read_all([tmp_path / "outer.zip"])
    assert errors == []
    base = f"{tmp_path / 'outer.zip'}!middle.tar.gz!inner.zip!"
    assert [d.uri for d in documents] == [  # members in archive order
        base + "deep/page.html",
        base + "crawl.warc.gz",
        base + "crawl.warc.gz",
    ]
    assert [d.url for d in documents[1:]] == ["https://a.example/0", "https://a.example/1"]


def test_a_zip_on_stdin_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = io.BytesIO(zip_bytes({"a.html": page("A"), "b.html": page("B")}))

    monkeypatch.setattr(sys, "stdin", Stdin())
    documents, errors = read_all(["-"])
    assert errors == []
    assert [d.uri for d in documents] == ["-!a.html", "-!b.html"]


@pytest.mark.parametrize(
    "name",
    ["../../evil.html", "/etc/evil.html", "a/../../evil.html", "..\\evil.html", "C:/evil.html"],
)
@pytest.mark.parametrize("kind", ["zip", "tar"])
def test_member_names_that_escape_are_refused(tmp_path: Path, name: str, kind: str) -> None:
    members = {"good.html": page("Good"), name: page("Evil")}
    data = zip_bytes(members) if kind == "zip" else tar_bytes(members)
    (tmp_path / f"a.{kind}").write_bytes(data)
    documents, errors = read_all([tmp_path / f"a.{kind}"])
    assert [d.uri for d in documents] == [f"{tmp_path / f'a.{kind}'}!good.html"]
    [error] = errors
    assert error.source == f"{tmp_path / f'a.{kind}'}!{name}"
    assert "path traversal" in error.reason


def test_links_in_a_tar_are_skipped_and_counted(tmp_path: Path) -> None:
    (tmp_path / "links.tar").write_bytes(
        tar_bytes({"page.html": page("P")}, links={"link.html": "page.html"})
    )
    stats = IngestStats()
    documents, errors = read_all([tmp_path / "links.tar"], stats=stats)
    assert (len(documents), errors, stats.skipped_records) == (1, [], 1)


def test_max_members_stops_an_archive(tmp_path: Path) -> None:
    members = {f"{i:02}.html": page(f"P{i}") for i in range(10)}
    (tmp_path / "many.zip").write_bytes(zip_bytes(members))
    (tmp_path / "many.tar").write_bytes(tar_bytes(members))
    documents, errors = read_all([tmp_path], IngestOptions(max_members=4))
    assert len(documents) == 8
    assert [(Path(e.source).name, "max_members" in e.reason) for e in errors] == [
        ("many.tar", True),
        ("many.zip", True),
    ]


def test_gzip_bomb_of_zeros_is_binary_after_a_glance(tmp_path: Path) -> None:
    (tmp_path / "zeros.gz").write_bytes(repeated_gzip(b"", b"\0", 1024))  # 1 GiB inflated
    documents, errors = read_all([tmp_path / "zeros.gz"])
    assert documents == []
    assert [e.reason for e in errors] == ["not a news format (binary data)"]


def test_gzip_bomb_page_stops_at_max_record_bytes(tmp_path: Path) -> None:
    (tmp_path / "bomb.html.gz").write_bytes(repeated_gzip(b"<html><p>", b" ", 1024))
    documents, errors = read_all([tmp_path / "bomb.html.gz"])
    assert documents == []
    [error] = errors
    assert "max_record_bytes" in error.reason


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bomb.tar.gz", tar_bomb_gzip("zeros.bin", 1024)),
        ("bomb.jsonl.gz", repeated_gzip(b"", b'{"text": "x"}\n', 1024)),
        ("bomb.zip", zip_bytes({"lines.jsonl": b'{"text": "x"}\n' * 300_000, "z.html": page("Z")})),
    ],
)
def test_max_inflated_bytes_stops_a_bomb(tmp_path: Path, name: str, data: bytes) -> None:
    (tmp_path / name).write_bytes(data)
    (tmp_path / "zz-after.html").write_bytes(page("After"))
    documents, errors = read_all([tmp_path], IngestOptions(max_inflated_bytes=256 * 1024))
    assert documents[-1].uri == str(tmp_path / "zz-after.html")
    assert len(documents) < 20_000
    bomb_errors = [e for e in errors if "max_inflated_bytes" in e.reason]
    assert len(bomb_errors) == 1
    assert bomb_errors[0].source.startswith(str(tmp_path / name))


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("cut.html.gz", gzip.compress(page("Cut", 50) * 20)[:500], "truncated"),
        ("cut.jsonl.gz", gzip.compress(_numbered_lines(5000))[:9000], "truncated"),
        ("corrupt.gz", b"\x1f\x8b\x08\x00" + b"\xff" * 100, "corrupt"),
        ("cut.zip", zip_bytes({"a.html": page("A")})[:100], "zip"),
        ("cut.tar", tar_bytes({"a.html": page("A", 50)})[:1500], "tar"),
    ],
)
def test_damaged_containers_are_errors(tmp_path: Path, name: str, data: bytes, words: str) -> None:
    (tmp_path / name).write_bytes(data)
    documents, errors = read_all([tmp_path / name])
    assert errors, documents
    assert errors[-1].source.startswith(str(tmp_path / name))
    assert words in errors[-1].reason


def test_truncated_jsonl_gz_names_the_line_it_stopped_at(tmp_path: Path) -> None:
    compressed = gzip.compress(_numbered_lines(5000))
    (tmp_path / "cut.jsonl.gz").write_bytes(compressed[: len(compressed) // 2])
    documents, errors = read_all([tmp_path / "cut.jsonl.gz"])
    [error] = errors
    assert [d.record for d in documents] == list(range(1, len(documents) + 1))
    assert len(documents) > 100
    assert error.record == len(documents) + 1
    assert error.reason == "compressed data ends early (truncated file)"


def test_archives_nested_too_deep_are_refused(tmp_path: Path) -> None:
    data = page("Deep inside")
    for _ in range(12):
        data = gzip.compress(data)
    (tmp_path / "onion.gz").write_bytes(data)
    documents, errors = read_all([tmp_path / "onion.gz"])
    assert documents == []
    assert [("nested more than" in e.reason) for e in errors] == [True]


def test_an_encrypted_zip_member_is_reported(tmp_path: Path) -> None:
    data = bytearray(zip_bytes({"plain.html": page("Plain"), "secret.html": b"hidden"}))
    # Mark the second member encrypted in its central directory entry (flags at +8).
    entry = data.rindex(b"PK\x01\x02")
    data[entry + 8] |= 0x1
    (tmp_path / "locked.zip").write_bytes(bytes(data))
    documents, errors = read_all([tmp_path / "locked.zip"])
    assert [Path(d.uri).name for d in documents] == ["locked.zip!plain.html"]
    assert [(Path(e.source).name, e.reason) for e in errors] == [
        ("locked.zip!secret.html", "encrypted member; skipped")
    ]


def test_tar_member_types_are_checked(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        folder = tarfile.TarInfo("folder")
        folder.type = tarfile.DIRTYPE
        archive.addfile(folder)
        fifo = tarfile.TarInfo("pipe")
        fifo.type = tarfile.FIFOTYPE
        archive.addfile(fifo)
    (tmp_path / "odd.tar").write_bytes(buffer.getvalue())
    stats = IngestStats()
    documents, errors = read_all([tmp_path / "odd.tar"], stats=stats)
    assert (documents, errors, stats.skipped_records) == ([], [], 1)

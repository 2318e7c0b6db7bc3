"""The ingest readers: every format, containers, stdin, and hostile input."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from storyline.errors import RecordError
from storyline.ingest import IngestOptions, IngestStats, iter_documents, sniff_format
from storyline.model import Document
from tests.ingest.broken_corpus import good_html, warc_bytes, write_broken_corpus, write_huge_line

RSS = b"""<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Portmere Post</title>
<item><title>Pier reopens</title><link>https://post.example/pier</link>
<pubDate>Tue, 14 May 2019 09:00:00 +0000</pubDate><category>Local</category>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>The pier reopened on Tuesday.</p>]]></content:encoded></item>
<item><title>Library vote</title><link>https://post.example/library</link>
<description>&lt;p&gt;The council voted for a library.&lt;/p&gt;</description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Storm warning</title><link rel="alternate" href="https://wire.example/storm"/>
<published>2020-01-02T03:04:05Z</published><author><name>Ann Lee</name></author>
<content type="html">&lt;p&gt;A storm is due.&lt;/p&gt;</content></entry></feed>"""


def collect(paths: list[str], **options: object) -> tuple[list[Document], list[RecordError]]:
    docs: list[Document] = []
    errors: list[RecordError] = []
    for item in iter_documents(paths, IngestOptions(**options)):  # type: ignore[arg-type]
        (errors if isinstance(item, RecordError) else docs).append(item)
    return docs, errors


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"", "empty"),
        (b"\x1f\x8b\x08\x00", "gzip"),
        (b"PK\x03\x04rest", "zip"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo", "warc"),
        (b"<?xml version='1.0'?><rss version='2.0'>", "rss"),
        (b"<feed xmlns='http://www.w3.org/2005/Atom'>", "rss"),
        (b"<!DOCTYPE html><html><body>", "html"),
        (b'{"title": "x"}\n{"title": "y"}\n', "jsonl"),
        (b'[{"title": "x"}]', "json"),
        (b"[an error occurred while processing]\nBBC News\n", "text"),
        (b"Plain words on a line.\nAnd another.\n", "text"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_sniff_format(head: bytes, kind: str) -> None:
    assert sniff_format(head) == kind


def test_html_file_and_folder(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "page.htm").write_bytes(good_html("One"))
    (tmp_path / "a.txt").write_bytes(b"<meta charset='windows-1252'>" + good_html("Two"))
    docs, errors = collect([str(tmp_path)])
    assert not errors
    assert [d.content_type for d in docs] == ["text/html", "text/html"]
    assert docs[0].uri.endswith("a.txt") and docs[0].charset == "windows-1252"
    assert docs[1].record == 0


def test_warc_keeps_html_responses_and_counts_the_rest(tmp_path: Path) -> None:
    crawl = warc_bytes({"https://a.example/1": good_html("One"), "https://a.example/2": b"x"})
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(crawl)
    stats = IngestStats()
    items = list(iter_documents([str(path)], stats=stats))
    assert all(isinstance(d, Document) for d in items)
    assert [d.url for d in items if isinstance(d, Document)] == [
        "https://a.example/1",
        "https://a.example/2",
    ]
    offsets = [d.record for d in items if isinstance(d, Document)]
    assert offsets[0] == 0 and offsets[1] > 0
    assert items[0].fetched  # type: ignore[union-attr]


def test_feeds_become_one_document_per_entry(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_bytes(RSS)
    (tmp_path / "wire.atom").write_bytes(ATOM)
    docs, errors = collect([str(tmp_path)])
    assert not errors
    pier, library, storm = docs
    assert pier.url == "https://post.example/pier" and pier.record == 0
    assert pier.content == b"<p>The pier reopened on Tuesday.</p>"
    assert pier.hint("published") == "2019-05-14T09:00:00+00:00"
    assert pier.hint("section") == "Local"
    assert library.content == b"<p>The council voted for a library.</p>"
    assert storm.hint("author") == "Ann Lee" and storm.url == "https://wire.example/storm"


def test_jsonl_detects_fields_and_reports_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": "A", "maintext": "Body A.", "date_publish": "2019-05-14 09:00:00"}),
        "{oops",
        json.dumps({"headline": "B", "html": "<p>Body B.</p>", "link": "https://b.example"}),
        json.dumps({"title": "C", "summary_only": "nothing"}),
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(lines) + "\n")
    docs, errors = collect([str(path)])
    assert [d.record for d in docs] == [1, 3]
    assert docs[0].content_type == "text/plain" and docs[0].hint("prestructured") == "1"
    assert docs[0].hint("published") == "2019-05-14T09:00:00"
    assert docs[1].content_type == "text/html" and docs[1].url == "https://b.example"
    assert [(e.record, e.source) for e in errors] == [(2, str(path)), (4, str(path))]
    assert "--field body=" in errors[1].reason


def test_field_mapping_overrides_detection(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text(json.dumps({"txt": "The body.", "hed": "Title"}) + "\n")
    docs, errors = collect([str(path)], fields=(("body", "txt"), ("title", "hed")))
    assert not errors and docs[0].content == b"The body." and docs[0].hint("title") == "Title"


def test_nested_containers(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("z/page.html", good_html("Zipped"))
    tar_path = tmp_path / "bundle.tar.gz"
    with tarfile.open(tar_path, "w:gz") as tar:
        for name, data in (("a.html", good_html("Tarred")), ("inner.zip", inner.getvalue())):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    (tmp_path / "single.html.gz").write_bytes(gzip.compress(good_html("Gzipped")))
    docs, errors = collect([str(tmp_path)])
    assert not errors
    assert sorted(d.uri.removeprefix(f"{tmp_path}/") for d in docs) == [
        "bundle.tar.gz!a.html",
        "bundle.tar.gz!inner.zip!z/page.html",
        "single.html.gz",
    ]


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        buffer = io.BytesIO(good_html("Piped"))

    monkeypatch.setattr("sys.stdin", FakeStdin)
    docs, errors = collect(["-"])
    assert not errors and docs[0].uri == "-" and b"Piped" in docs[0].content


def test_missing_path_is_an_error_item(tmp_path: Path) -> None:
    docs, errors = collect([str(tmp_path / "nope.html")])
    assert not docs and errors[0].reason == "no such file or directory"


def test_broken_corpus_reports_each_bad_file_and_keeps_the_good(tmp_path: Path) -> None:
    broken = write_broken_corpus(tmp_path)
    docs, errors = collect([str(tmp_path)], max_record_bytes=8 * 2**20)
    reported = "\n".join(str(e) for e in errors)
    for name in ("truncated.gz", "truncated.warc.gz", "garbage.html", "empty.html"):
        assert name in reported, f"{name} ({broken[name]}) not reported"
    for name in ("export.jsonl (record 2)", "traversal.zip!../../evil.html", "bomb.gz"):
        assert name in reported
    uris = {d.uri.split("/")[-1] for d in docs}
    assert {"good.html", "windows-1252.txt", "shift-jis.html", "deep.html"} <= uris
    assert "traversal.zip!inside.html" in uris
    assert sum(1 for d in docs if d.uri.endswith("truncated.warc.gz")) >= 1
    assert sum(1 for d in docs if d.uri.endswith("export.jsonl")) == 3


def test_a_huge_single_line_file_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    write_huge_line(path, 50 * 2**20)
    limit = 2 * 2**20
    tracemalloc.start()
    try:
        docs, errors = collect([str(path)], max_record_bytes=limit)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert not docs and "record limit" in errors[0].reason
    assert peak < 3 * limit


def test_gzip_bomb_stops_at_the_inflate_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    line = json.dumps({"title": "t", "maintext": "x" * 1000}) + "\n"
    path.write_bytes(gzip.compress(line.encode() * 20_000))
    docs, errors = collect([str(path)], max_inflated_bytes=2 * 2**20)
    assert errors and "compression bomb" in errors[-1].reason
    assert 0 < len(docs) < 20_000

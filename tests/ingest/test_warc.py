"""WARC and WARC.gz crawls: which records become documents, offsets, damage."""

from __future__ import annotations

import gzip
import io
import re
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.warcwriter import WARCWriter

from storyline.ingest import IngestOptions, IngestStats
from storyline.model import Document
from tests.ingest.builders import Record, page, pages_warc, read_all, warc_bytes

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))


def _crawl() -> list[Record]:
    return [
        Record("https://a.example/page", page("A page"), content_type="text/html; charset=UTF-8"),
        Record("https://a.example/logo.png", PNG, content_type="image/png"),
        Record("https://a.example/report.pdf", b"%PDF-1.4", content_type="application/pdf"),
        Record("https://a.example/gone", page("Gone"), status="404 Not Found"),
        Record("https://a.example/moved", page("Moved"), status="301 Moved Permanently"),
        Record("https://a.example/bare", page("No content type"), content_type=None),
        Record("https://a.example/bare.png", PNG, content_type=None),
        Record("https://a.example/xhtml", page("XHTML"), content_type="application/xhtml+xml"),
        Record("https://a.example/res", page("A resource"), kind="resource"),
        Record("https://a.example/res.txt", b"text", kind="resource", content_type="text/plain"),
        Record("https://a.example/meta", b"via: crawler", kind="metadata", content_type=None),
        Record("https://a.example/page", b"GET /page HTTP/1.1\r\nHost: a\r\n\r\n", kind="request"),
    ]


@pytest.mark.parametrize("compress", [True, False])
def test_only_html_pages_become_documents_the_rest_is_counted(
    tmp_path: Path, compress: bool
) -> None:
    (tmp_path / "crawl.warc").write_bytes(warc_bytes(_crawl(), compress=compress))
    stats = IngestStats()
    documents, errors = read_all([tmp_path / "crawl.warc"], stats=stats)
    assert errors == []
    assert [d.url for d in documents] == [
        "https://a.example/page",
        "https://a.example/bare",
        "https://a.example/xhtml",
        "https://a.example/res",
    ]
    assert {d.content_type for d in documents} == {"text/html"}
    assert documents[0].charset == "utf-8"
    assert documents[0].content == page("A page")
    assert stats.skipped_records == 8


@pytest.mark.parametrize("compress", [True, False])
def test_record_is_the_byte_offset_of_the_record_in_the_file(
    tmp_path: Path, compress: bool
) -> None:
    data = warc_bytes(_crawl(), compress=compress)
    (tmp_path / "crawl.warc.gz").write_bytes(data)
    documents, _ = read_all([tmp_path / "crawl.warc.gz"])
    for doc in documents:
        # Reading from the offset alone must give this very record.
        record = next(iter(ArchiveIterator(io.BytesIO(data[doc.record :]))))
        assert record.rec_headers.get_header("WARC-Target-URI") == doc.url
        assert record.content_stream().read() == doc.content


def test_fetched_is_the_warc_date(tmp_path: Path) -> None:
    (tmp_path / "c.warc.gz").write_bytes(pages_warc(1))
    [doc], _ = read_all([tmp_path / "c.warc.gz"])
    assert doc.fetched is not None and doc.fetched.startswith("20")
    assert doc.fetched.endswith("Z")


def test_cc_news_style_warc_1_0_gzip_per_record(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True, warc_version="WARC/1.0")
    writer.write_record(writer.create_warcinfo_record("CC-NEWS-1.warc.gz", {"software": "x"}))
    (tmp_path / "CC-NEWS-1.warc.gz").write_bytes(
        buffer.getvalue()
        + warc_bytes(
            [Record(f"https://news.example/{i}", page(f"Story {i}")) for i in range(3)],
            version="WARC/1.0",
        )
    )
    stats = IngestStats()
    documents, errors = read_all([tmp_path / "CC-NEWS-1.warc.gz"], stats=stats)
    assert errors == []
    assert [d.url for d in documents] == [f"https://news.example/{i}" for i in range(3)]
    assert stats.skipped_records == 1  # the warcinfo record


@pytest.mark.parametrize("compress", [True, False])
@pytest.mark.parametrize("cut", [200, 600, 1500])
def test_truncated_warc_yields_records_before_then_one_error(
    tmp_path: Path, compress: bool, cut: int, capsys: pytest.CaptureFixture[str]
) -> None:
    data = pages_warc(4, compress=compress)
    starts = [doc.record for doc in read_all_bytes(tmp_path, data)]
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) - cut])
    documents, errors = read_all([tmp_path / "cut.warc.gz"])
    assert [d.record for d in documents] == starts[: len(documents)]
    assert documents
    [error] = errors
    assert error.source == str(tmp_path / "cut.warc.gz")
    assert error.record in starts[len(documents) :]
    assert "WARC" in error.reason
    assert capsys.readouterr().err == ""


def read_all_bytes(tmp_path: Path, data: bytes) -> list[Document]:
    (tmp_path / "whole.warc").write_bytes(data)
    documents, errors = read_all([tmp_path / "whole.warc"])
    assert errors == []
    return documents


def test_oversized_payload_is_an_error_and_the_next_record_is_read(tmp_path: Path) -> None:
    records = [
        Record("https://a.example/big", page("Big", paragraphs=300)),
        Record("https://a.example/small", page("Small", paragraphs=1)),
    ]
    (tmp_path / "c.warc.gz").write_bytes(warc_bytes(records))
    documents, errors = read_all([tmp_path / "c.warc.gz"], IngestOptions(max_record_bytes=10_000))
    assert [d.url for d in documents] == ["https://a.example/small"]
    [error] = errors
    assert error.record == 0 and "max_record_bytes" in error.reason


def test_warc_gzipped_as_one_stream_is_reported_with_advice(tmp_path: Path) -> None:
    whole = gzip.compress(pages_warc(3, compress=False))
    (tmp_path / "one-stream.warc.gz").write_bytes(whole)
    documents, errors = read_all([tmp_path / "one-stream.warc.gz"])
    assert len(documents) <= 1
    [error] = errors
    assert "warcio recompress" in error.reason


def test_garbage_after_the_last_record_is_reported(
    tmp_path: Path,
) -> None:
    data = pages_warc(2, compress=False)
    (tmp_path / "tail.warc").write_bytes(data + b"this is not a record\r\n" * 3)
    documents, errors = read_all([tmp_path / "tail.warc"])
    assert len(documents) == 2
    [error] = errors
    assert error.record == len(data)


def test_a_wrong_content_length_is_reported_and_logged_not_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    data = pages_warc(3, compress=False)
    length = re.search(rb"Content-Length: (\d+)", data)
    assert length is not None
    shorter = str(int(length.group(1)) - 20).encode()
    broken = data[: length.start(1)] + shorter + data[length.end(1) :]
    (tmp_path / "lying.warc").write_bytes(broken)
    documents, errors = read_all([tmp_path / "lying.warc"])
    assert [d.url for d in documents] == ["https://a.example/1", "https://a.example/2"]
    [error] = errors
    assert error.record == 0 and "Content-Length" in error.reason
    assert capsys.readouterr().err == ""
    assert any("Content-Length" in r.getMessage() for r in caplog.records)


def test_forced_warc_format_on_a_page_is_an_error_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_bytes(page("Not a crawl"))
    documents, errors = read_all([tmp_path / "page.html"], IngestOptions(format="warc"))
    assert documents == []
    assert len(errors) == 1 and errors[0].source == str(tmp_path / "page.html")


def _arc_record(header: bytes, body: bytes) -> bytes:
    return header + b" " + str(len(body)).encode() + b"\n" + body + b"\n"


def test_old_arc_files_are_read_too(tmp_path: Path) -> None:
    fields = b"1 0 Example\nURL IP-address Archive-date Content-type Archive-length\n"
    described = _arc_record(b"filedesc://old.arc 0.0.0.0 20050101000000 text/plain", fields)
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page("Old crawl")
    header = b"http://a.example/old 127.0.0.1 20050102030405 text/html"
    (tmp_path / "old.arc").write_bytes(described + _arc_record(header, http))
    documents, errors = read_all([tmp_path / "old.arc"])
    assert errors == []
    [doc] = documents
    assert (doc.url, doc.record, doc.content) == (
        "http://a.example/old",
        len(described),
        page("Old crawl"),
    )
    assert doc.fetched is not None and doc.fetched.startswith("2005-01-02")

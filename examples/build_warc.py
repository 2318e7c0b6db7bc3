"""Build the example crawl, ``examples/corpus/warc/crawl.warc.gz``, from ``warc_pages/``.

The crawl imitates what a news crawler writes: a ``warcinfo`` record, then for each page
a ``request`` and a ``response`` record with HTTP headers, plus records a reader must
skip (an image response and a ``metadata`` record).  The output is deterministic: every
``WARC-Date`` is fixed and every ``WARC-Record-ID`` is derived from the target URI, so
running the script again gives a byte-identical file (with the same zlib).

Usage::

    .venv/bin/python examples/build_warc.py                  # rewrite the committed crawl
    .venv/bin/python examples/build_warc.py --out /tmp/c.warc.gz
"""

from __future__ import annotations

import argparse
import struct
import uuid
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from io import BytesIO
from pathlib import Path
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

EXAMPLES = Path(__file__).resolve().parent
PAGES_DIR = EXAMPLES / "warc_pages"
DEFAULT_OUT = EXAMPLES / "corpus" / "warc" / "crawl.warc.gz"

CRAWLER = "storyline-example-crawler/1.0 (+https://storyline.example/crawler)"
CRAWL_START = "2022-04-01T00:00:00Z"


@dataclass(frozen=True, slots=True)
class Page:
    """One crawled HTML page: its file in ``warc_pages/``, address and fetch details."""

    file: str
    url: str
    fetched: str
    last_modified: str | None = None


PAGES: tuple[Page, ...] = (
    Page(
        "2006-fisherman-shot.html",
        "https://news.example/2006/08/16/japanese-fisherman-shot-habomai",
        "2022-04-01T08:14:03Z",
        "Wed, 16 Aug 2006 12:31:00 GMT",
    ),
    Page(
        "2009-putin-aso-tokyo.html",
        "https://news.example/2009/05/12/putin-aso-tokyo-talks",
        "2022-04-01T08:14:09Z",
    ),
    Page(
        "2010-medvedev-kunashir.html",
        "https://news.example/2010/11/01/medvedev-kunashir",
        "2022-04-01T08:14:17Z",
        "Mon, 01 Nov 2010 09:45:00 GMT",
    ),
    Page(
        "2014-sochi-abe-putin.html",
        "https://news.example/2014/02/08/abe-putin-sochi-talks",
        "2022-04-01T08:14:26Z",
        "Sat, 08 Feb 2014 15:10:00 GMT",
    ),
)

IMAGE_URL = "https://news.example/images/medvedev-kunashir.png"
IMAGE_FETCHED = "2022-04-01T08:14:18Z"


def record_id(kind: str, url: str) -> str:
    """Return a WARC-Record-ID that depends only on the record type and target URI."""
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{kind} {url}')}>"


def http_date(warc_date: str) -> str:
    """Turn a WARC date (``2022-04-01T08:14:03Z``) into an HTTP ``Date`` header value."""
    moment = datetime.strptime(warc_date, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return format_datetime(moment, usegmt=True)


def tiny_png() -> bytes:
    """Return a valid 1x1 grey PNG, built byte by byte so it needs no binary file."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80", 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _write(
    writer: Any,
    url: str,
    kind: str,
    date: str,
    payload: bytes,
    *,
    http_headers: Any = None,
    warc_content_type: str = "",
    warc_headers: dict[str, str] | None = None,
) -> None:
    """Write one record whose id and date are fixed, never drawn from the clock."""
    headers = {"WARC-Record-ID": record_id(kind, url), "WARC-Date": date}
    headers.update(warc_headers or {})
    record = writer.create_warc_record(
        url,
        kind,
        payload=BytesIO(payload),
        length=len(payload),
        warc_content_type=warc_content_type,
        warc_headers_dict=headers,
        http_headers=http_headers,
    )
    writer.write_record(record)


def write_warcinfo(writer: Any) -> None:
    """Write the leading ``warcinfo`` record describing the crawl."""
    fields = (
        "software: storyline examples/build_warc.py\r\n"
        "format: WARC File Format 1.0\r\n"
        f"http-header-user-agent: {CRAWLER}\r\n"
        "description: Example crawl of invented news sites for the storyline demo\r\n"
        "robots: obey\r\n"
    ).encode()
    _write(
        writer,
        "",
        "warcinfo",
        CRAWL_START,
        fields,
        warc_content_type="application/warc-fields",
        warc_headers={
            "WARC-Record-ID": record_id("warcinfo", "crawl.warc.gz"),
            "WARC-Filename": "crawl.warc.gz",
        },
    )


def write_exchange(writer: Any, url: str, fetched: str, body: bytes, headers: list[Any]) -> None:
    """Write a ``request`` record and the ``response`` record that answered it."""
    host, _, path = url.removeprefix("https://").partition("/")
    request = StatusAndHeaders(
        f"GET /{path} HTTP/1.1",
        [("Host", host), ("User-Agent", CRAWLER), ("Accept", "*/*"), ("Connection", "close")],
        is_http_request=True,
    )
    _write(
        writer,
        url,
        "request",
        fetched,
        b"",
        http_headers=request,
        warc_headers={"WARC-Concurrent-To": record_id("response", url)},
    )
    response_headers = [("Date", http_date(fetched)), ("Server", "nginx"), *headers]
    response_headers.append(("Content-Length", str(len(body))))
    response = StatusAndHeaders("200 OK", response_headers, protocol="HTTP/1.1")
    _write(writer, url, "response", fetched, body, http_headers=response)


def write_page(writer: Any, page: Page, pages_dir: Path) -> None:
    """Write the request and response records of one HTML page."""
    headers: list[tuple[str, str]] = [("Content-Type", "text/html; charset=utf-8")]
    if page.last_modified:
        headers.append(("Last-Modified", page.last_modified))
    body = (pages_dir / page.file).read_bytes()
    write_exchange(writer, page.url, page.fetched, body, headers)


def write_skippable(writer: Any) -> None:
    """Write an image response and a ``metadata`` record, neither of them an article."""
    image_headers = [("Content-Type", "image/png"), ("Cache-Control", "max-age=86400")]
    write_exchange(writer, IMAGE_URL, IMAGE_FETCHED, tiny_png(), image_headers)
    page = PAGES[2]
    outlinks = (
        "via: https://news.example/asia\r\n"
        "hopsFromSeed: L\r\n"
        f"outlink: {IMAGE_URL} E =IMG\r\n"
        "outlink: https://news.example/asia/kurils-explained L a/@href\r\n"
    ).encode()
    _write(
        writer,
        page.url,
        "metadata",
        page.fetched,
        outlinks,
        warc_content_type="application/warc-fields",
        warc_headers={"WARC-Concurrent-To": record_id("response", page.url)},
    )


def build_warc(out: Path, pages_dir: Path = PAGES_DIR) -> None:
    """Write the example crawl to ``out`` (gzip-compressed, one member per record).

    Args:
        out: the file to write; its folder must exist.
        pages_dir: the folder holding the HTML files named in `PAGES`.
    """
    with out.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        write_warcinfo(writer)
        for index, page in enumerate(PAGES):
            write_page(writer, page, pages_dir)
            if index == 2:
                write_skippable(writer)


def main(argv: list[str] | None = None) -> None:
    """Parse the command line and build the crawl."""
    parser = argparse.ArgumentParser(description="Build the example WARC crawl.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output .warc.gz file")
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    build_warc(args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()

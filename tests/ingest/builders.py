"""Build ingest inputs in code: news pages, WARCs, feeds, archives, bombs."""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.errors import RecordError
from storyline.ingest import IngestOptions, IngestStats, iter_documents
from storyline.model import Document

PARAGRAPH = (
    "The ferry between Portmere and the outer islands resumed service on Tuesday after "
    "storm damage to the pier was repaired, the harbour authority said in a statement."
)


def page(title: str, paragraphs: int = 4, head: str = "") -> bytes:
    """Return a small, valid news page titled ``title``."""
    body = "".join(f"<p>{PARAGRAPH} Part {i} of {title}.</p>" for i in range(paragraphs))
    return (
        f"<!doctype html><html><head>{head}<title>{title}</title></head><body><article>"
        f"<h1>{title}</h1>{body}</article></body></html>"
    ).encode()


@dataclass(frozen=True)
class Record:
    """One WARC record to write."""

    url: str
    payload: bytes = b""
    kind: str = "response"
    content_type: str | None = "text/html"
    status: str = "200 OK"


def warc_bytes(records: list[Record], compress: bool = True, version: str = "WARC/1.1") -> bytes:
    """Return a WARC (one gzip member per record when ``compress``) holding ``records``."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress, warc_version=version)
    for spec in records:
        http = None
        if spec.kind == "response":
            fields = [("Content-Type", spec.content_type)] if spec.content_type else []
            http = StatusAndHeaders(spec.status, fields, protocol="HTTP/1.1")
        record = writer.create_warc_record(
            spec.url,
            spec.kind,
            payload=io.BytesIO(spec.payload),
            http_headers=http,
            warc_content_type=spec.content_type or "" if http is None else "",
        )
        writer.write_record(record)
        record.raw_stream.close()  # warcio spools payloads to temporary files
    return buffer.getvalue()


def pages_warc(count: int, compress: bool = True) -> bytes:
    """Return a WARC with ``count`` HTML responses at ``https://a.example/<i>``."""
    return warc_bytes(
        [Record(f"https://a.example/{i}", page(f"Crawl page {i}")) for i in range(count)],
        compress=compress,
    )


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """Return a zip archive (deflated) holding ``members``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def tar_bytes(members: dict[str, bytes], links: dict[str, str] | None = None) -> bytes:
    """Return an uncompressed tar archive of ``members`` and symbolic ``links``."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        for name, target in (links or {}).items():
            info = tarfile.TarInfo(name)
            info.type = tarfile.SYMTYPE
            info.linkname = target
            archive.addfile(info)
    return buffer.getvalue()


def repeated_gzip(prefix: bytes, filler: bytes, megabytes: int, suffix: bytes = b"") -> bytes:
    """Return gzip data inflating to ``prefix``, ``megabytes`` MiB of ``filler``, ``suffix``.

    Built from concatenated gzip members (one compressed MiB repeated), so a gigabyte
    takes a millisecond to build and about a megabyte to store.
    """
    block = (filler * (2**20 // len(filler) + 1))[: 2**20]
    member = gzip.compress(block, compresslevel=9)
    parts = [gzip.compress(prefix), member * megabytes]
    if suffix:
        parts.append(gzip.compress(suffix))
    return b"".join(parts)


def tar_bomb_gzip(name: str, megabytes: int) -> bytes:
    """Return a ``.tar.gz`` whose one member is ``megabytes`` MiB of zeros."""
    header = tarfile.TarInfo(name)
    header.size = megabytes * 2**20
    end = b"\0" * (2 * tarfile.BLOCKSIZE)
    return repeated_gzip(header.tobuf(format=tarfile.USTAR_FORMAT), b"\0", megabytes, end)


def write_huge_line(path: Path, size: int, start: bytes = b"") -> None:
    """Write one line of about ``size`` bytes (no newline), never holding it in memory."""
    chunk = b"word " * 20_000
    with path.open("wb") as handle:
        handle.write(start)
        written = len(start)
        while written < size:
            handle.write(chunk)
            written += len(chunk)


def read_all(
    paths: list[str] | list[Path],
    options: IngestOptions | None = None,
    stats: IngestStats | None = None,
) -> tuple[list[Document], list[RecordError]]:
    """Run `iter_documents` to the end; return its documents and its errors apart."""
    documents: list[Document] = []
    errors: list[RecordError] = []
    for item in iter_documents(paths, options, stats):
        if isinstance(item, RecordError):
            errors.append(item)
        else:
            documents.append(item)
    return documents, errors

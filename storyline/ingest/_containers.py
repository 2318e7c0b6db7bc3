"""Containers: a gzip stream, zip and tar archives; their members are read like files."""

from __future__ import annotations

import gzip
import io
import os
import re
import tarfile
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from typing import IO

from storyline.errors import RecordError
from storyline.ingest._context import Context, Item, SourceReader
from storyline.ingest._sniff import SNIFF_BYTES, is_arc, sniff_format
from storyline.ingest._streams import CHUNK_BYTES, Readable, replay
from storyline.ingest._warc import iter_warc

_SPOOL_MEMORY = 16 * 2**20
"""A zip read from a stream (stdin, another archive) must be seekable, so it is copied to a
spooled temporary file first; up to this size it stays in memory."""

_DRIVE = re.compile(r"^[A-Za-z]:")
_GZIP_SUFFIXES = {".tgz": ".tar", ".gz": "", ".gzip": ""}


def is_unsafe_member_name(name: str) -> bool:
    """Say whether an archive member's name could escape a folder (``../x``, ``/etc/x``)."""
    normal = name.replace("\\", "/")
    if normal.startswith("/") or _DRIVE.match(normal):
        return True
    return ".." in normal.split("/")


def iter_gzip(
    uri: str,
    head: bytes,
    stream: io.BufferedReader,
    context: Context,
    name: str,
    read: SourceReader,
) -> Iterator[Item]:
    """Yield what one gzip stream holds, sniffed from its inflated first bytes.

    A gzipped WARC goes to warcio whole, so record offsets stay offsets in the compressed
    file; anything else is inflated here, charged to the inflate budget.
    """
    inner_head = zlib.decompressobj(wbits=31).decompress(head, SNIFF_BYTES)
    if sniff_format(inner_head) == "warc":
        yield from iter_warc(uri, stream, context, is_arc(inner_head))
        return
    inflated = gzip.GzipFile(fileobj=stream, mode="rb")
    metered = replay(b"", inflated, context.budget.charge)
    yield from read(uri, metered, context.nested(), _inner_name(name))


def _inner_name(name: str) -> str:
    lowered = name.lower()
    for suffix, replacement in _GZIP_SUFFIXES.items():
        if lowered.endswith(suffix):
            return name[: -len(suffix)] + replacement
    return name


def iter_zip(
    uri: str, stream: Readable, context: Context, path: str | None, read: SourceReader
) -> Iterator[Item]:
    """Yield what every member of a zip archive holds, members named ``uri!member``."""
    if path is not None:
        context.stats.bytes_read += max(0, os.path.getsize(path) - SNIFF_BYTES)
        with zipfile.ZipFile(path) as archive:
            yield from _iter_zip_members(uri, archive, context, read)
        return
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL_MEMORY) as spool:
        if not _copy_bounded(stream, spool, context.budget.limit):
            yield RecordError(
                uri, None, "zip archive in a stream is larger than max_inflated_bytes; skipped"
            )
            return
        with zipfile.ZipFile(spool) as archive:
            yield from _iter_zip_members(uri, archive, context, read)


def _copy_bounded(stream: Readable, target: IO[bytes], limit: int) -> bool:
    copied = 0
    while chunk := stream.read(CHUNK_BYTES):
        copied += len(chunk)
        if copied > limit:
            return False
        target.write(chunk)
    target.seek(0)
    return True


def _iter_zip_members(
    uri: str, archive: zipfile.ZipFile, context: Context, read: SourceReader
) -> Iterator[Item]:
    for index, info in enumerate(archive.infolist()):
        if context.budget.spent:
            return
        if index >= context.options.max_members:
            yield _too_many_members(uri, context.options.max_members)
            return
        if info.is_dir():
            continue
        member_uri = f"{uri}!{info.filename}"
        problem = _member_problem(info.filename) or (
            "encrypted member; skipped" if info.flag_bits & 0x1 else None
        )
        if problem is not None:
            yield RecordError(member_uri, None, problem)
            continue
        context.stats.files += 1
        try:
            with archive.open(info) as member:
                metered = replay(b"", member, context.budget.charge)
                yield from read(member_uri, metered, context.nested(), info.filename)
        except NotImplementedError as exc:  # a compression method zipfile lacks
            yield RecordError(member_uri, None, f"cannot unpack member ({exc})")


def iter_tar(
    uri: str, stream: io.BufferedReader, context: Context, read: SourceReader
) -> Iterator[Item]:
    """Yield what every regular file of a tar archive holds, streaming it once."""
    with tarfile.open(fileobj=stream, mode="r|") as archive:
        for index, member in enumerate(archive):
            if context.budget.spent:
                return
            if index >= context.options.max_members:
                yield _too_many_members(uri, context.options.max_members)
                return
            if member.isdir():
                continue
            member_uri = f"{uri}!{member.name}"
            problem = _member_problem(member.name)
            if problem is not None:
                yield RecordError(member_uri, None, problem)
                continue
            handle = archive.extractfile(member) if member.isfile() else None
            if handle is None:  # links, devices, fifos: nothing to read
                context.stats.skipped_records += 1
                continue
            context.stats.files += 1
            yield from read(member_uri, handle, context.nested(), member.name)


def _member_problem(name: str) -> str | None:
    if is_unsafe_member_name(name):
        return "suspicious member name (path traversal); skipped"
    return None


def _too_many_members(uri: str, limit: int) -> RecordError:
    return RecordError(
        uri, None, f"more than max_members ({limit:,}) members; the rest were skipped"
    )

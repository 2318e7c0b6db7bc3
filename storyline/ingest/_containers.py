"""gzip, zip and tar containers: each member is sniffed and read like a file."""

from __future__ import annotations

import gzip
import shutil
import tarfile
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import IO, TYPE_CHECKING, cast

from storyline.errors import RecordError
from storyline.ingest._streams import Capped, Readable, Rewound, TooLarge
from storyline.model import Document

if TYPE_CHECKING:
    from storyline.ingest import _Reader

# A zip needs random access: a non-seekable zip (stdin, a zip inside a tar) is spooled to a
# temporary file, in memory below this size.
_SPOOL_IN_MEMORY = 32 * 2**20


def is_unsafe_member(name: str) -> bool:
    """Return whether an archive member name escapes its folder (``../``, absolute)."""
    path = PurePosixPath(name.replace("\\", "/"))
    return path.is_absolute() or ".." in path.parts or (len(name) > 1 and name[1] == ":")


def iter_gzip(
    uri: str, stream: Readable, reader: _Reader, depth: int
) -> Iterator[Document | RecordError]:
    """Read a gzip stream; a WARC.gz goes to the WARC reader whole (per-record gzip)."""
    head = stream.read(4096)
    try:
        peek = zlib.decompressobj(31).decompress(head, 64)
    except zlib.error as exc:
        yield RecordError(uri, None, f"damaged gzip data ({exc})")
        return
    rewound = Rewound(head, stream)
    if peek.lstrip().startswith(b"WARC/"):
        skipped = [0]
        from storyline.ingest._warc import iter_warc

        yield from iter_warc(uri, rewound, reader.options.max_record_bytes, skipped)
        reader.stats.skipped_records += skipped[0]
        return
    inflated = Capped(gzip.GzipFile(fileobj=cast(IO[bytes], rewound)), _limit(reader))
    try:
        yield from reader.stream(uri, inflated, depth + 1)
    except zlib.error as exc:
        yield RecordError(uri, None, f"damaged gzip data ({exc})")


def _limit(reader: _Reader) -> int:
    return reader.options.max_inflated_bytes


def iter_zip(
    uri: str, stream: Readable, reader: _Reader, depth: int
) -> Iterator[Document | RecordError]:
    """Read each member of a zip archive."""
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY) as spool:
        shutil.copyfileobj(cast(IO[bytes], stream), spool)
        spool.seek(0)
        try:
            archive = zipfile.ZipFile(spool)
        except (zipfile.BadZipFile, OSError) as exc:
            yield RecordError(uri, None, f"damaged zip archive ({exc})")
            return
        with archive:
            yield from _zip_members(uri, archive, reader, depth)


def _zip_members(
    uri: str, archive: zipfile.ZipFile, reader: _Reader, depth: int
) -> Iterator[Document | RecordError]:
    total = 0
    for count, info in enumerate(archive.infolist()):
        name = f"{uri}!{info.filename}"
        if count >= reader.options.max_members:
            yield RecordError(uri, None, f"more than {reader.options.max_members} members")
            return
        if info.is_dir():
            continue
        if is_unsafe_member(info.filename):
            yield RecordError(name, None, "unsafe member name (path traversal); skipped")
            continue
        total += info.file_size
        if total > reader.options.max_inflated_bytes:
            yield RecordError(name, None, str(TooLarge(reader.options.max_inflated_bytes)))
            return
        try:
            with archive.open(info) as member:
                yield from reader.stream(name, Capped(member, _limit(reader)), depth + 1)
        except (zipfile.BadZipFile, zlib.error, RuntimeError) as exc:
            yield RecordError(name, None, f"damaged zip member ({exc})")


def iter_tar(
    uri: str, stream: Readable, reader: _Reader, depth: int
) -> Iterator[Document | RecordError]:
    """Read each member of a tar archive, streaming (no seeking)."""
    try:
        archive = tarfile.open(fileobj=cast(IO[bytes], stream), mode="r|*")
    except tarfile.TarError as exc:
        yield RecordError(uri, None, f"damaged tar archive ({exc})")
        return
    count = 0
    try:
        for info in archive:
            count += 1
            name = f"{uri}!{info.name}"
            if count > reader.options.max_members:
                yield RecordError(uri, None, f"more than {reader.options.max_members} members")
                return
            if not info.isfile():
                continue
            if is_unsafe_member(info.name):
                yield RecordError(name, None, "unsafe member name (path traversal); skipped")
                continue
            member = archive.extractfile(info)
            if member is not None:
                yield from reader.stream(name, Capped(member, _limit(reader)), depth + 1)
    except tarfile.TarError as exc:
        yield RecordError(uri, None, f"damaged tar archive ({exc})")
    finally:
        archive.close()

"""A folder of broken and hostile inputs, generated on demand, mixed with good files."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

GOOD_PARAGRAPH = (
    "The ferry between Portmere and the outer islands resumed service on Tuesday after "
    "storm damage to the pier was repaired, the harbour authority said in a statement."
)


def good_html(title: str) -> bytes:
    """Return a small, valid news page."""
    body = "".join(f"<p>{GOOD_PARAGRAPH} Part {i} of {title}.</p>" for i in range(4))
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{body}</article></body></html>"
    ).encode()


def warc_bytes(pages: dict[str, bytes]) -> bytes:
    """Return a gzipped WARC with one HTML response record per page."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, payload in pages.items():
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=headers
        )
        writer.write_record(record)
        record.raw_stream.close()  # warcio spools the payload to a temp file
    return buffer.getvalue()


def write_broken_corpus(folder: Path) -> dict[str, str]:
    """Write broken inputs and some good ones into ``folder``.

    Returns:
        file name -> what is wrong with it (``"good"`` for the good files).
    """
    files: dict[str, str] = {}

    def put(name: str, data: bytes, what: str) -> None:
        (folder / name).write_bytes(data)
        files[name] = what

    put("good.html", good_html("Ferry service resumes"), "good")
    put("truncated.gz", gzip.compress(good_html("Cut short") * 50)[:300], "truncated gzip")
    crawl = warc_bytes({f"https://a.example/{i}": good_html(f"Crawl page {i}") for i in range(3)})
    put("truncated.warc.gz", crawl[: len(crawl) - 200], "truncated WARC.gz")
    put("garbage.html", bytes(range(256)) * 64, "binary garbage named .html")
    put("empty.html", b"", "empty file")
    cp1252 = "Caf\xe9 owners in Portmere cheered on Tuesday as the ferry returned. " * 5
    put("windows-1252.txt", f"Ferry returns\n\n{cp1252}\n".encode("cp1252"), "good")
    sjis = "東京で会談が行われた。両首脳は島の問題について話し合った。" * 5
    put("shift-jis.html", f"<html><body><p>{sjis}</p></body></html>".encode("shift_jis"), "good")
    put("deep.html", b"<div>" * 100_000 + b"text" + b"</div>" * 100_000, "HTML nested 100,000 deep")
    lines = [json.dumps({"title": f"Record {i}", "maintext": GOOD_PARAGRAPH}) for i in range(3)]
    lines.insert(1, '{"title": "broken", "maintext": ')
    put("export.jsonl", ("\n".join(lines) + "\n").encode(), "JSONL with one broken line")
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("inside.html", good_html("Zipped page"))
        archive.writestr("../../evil.html", good_html("Evil page"))
    put("traversal.zip", zipped.getvalue(), "zip with a path-traversal member")
    bomb = b"<html><body><p>" + b" " * (64 * 2**20)
    put("bomb.gz", gzip.compress(bomb, compresslevel=9), "gzip bomb")
    return files


def write_huge_line(path: Path, size: int) -> None:
    """Write a single line of ``size`` bytes without holding it in memory."""
    chunk = b"word " * 20_000
    with path.open("wb") as handle:
        written = 0
        while written < size:
            handle.write(chunk)
            written += len(chunk)

"""A folder of broken and hostile inputs with a few good files mixed in, built on demand.

`write_broken_corpus` is shared by the ingest tests and the command-line tests: every
file it names as broken must be reported (by file name) and every good one read.
"""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

from tests.ingest.builders import (
    PARAGRAPH,
    page,
    pages_warc,
    repeated_gzip,
    tar_bytes,
    write_huge_line,
    zip_bytes,
)

GOOD = "good"

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"

_CP1252_TEXT = (
    "Caf\u00e9 owners in Portmere cheered on Tuesday \u2013 the \u201cferry\u201d was back "
    "after eleven days, and the na\u00efve hope of a quick fix had come true."
)
_SHIFT_JIS_TEXT = (
    "\u6771\u4eac\u3067\u4e21\u56fd\u306e\u9996\u8133\u304c\u4f1a\u8ac7\u3057\u305f\u3002"
    "\u5cf6\u306e\u554f\u984c\u306b\u3064\u3044\u3066\u9577\u304f\u8a71\u3057\u5408\u3063"
    "\u305f\u3068\u3001\u653f\u5e9c\u306e\u62c5\u5f53\u8005\u304c\u8a9e\u3063\u305f\u3002"
)


def write_broken_corpus(folder: Path, huge_line_bytes: int = 50 * 2**20) -> dict[str, str]:
    """Write broken inputs and some good ones into ``folder``.

    Args:
        folder: an existing, empty folder.
        huge_line_bytes: the size of the single-line file (50 MB, as hostile input is).

    Returns:
        file name -> what is wrong with it, ``"good"`` for the files that must be read.
    """
    files: dict[str, str] = {}

    def put(name: str, data: bytes, what: str) -> None:
        (folder / name).write_bytes(data)
        files[name] = what

    put("good.html", page("Ferry service resumes"), GOOD)
    put("windows-1252.html", _cp1252_page(), GOOD)
    put("shift-jis.html", _shift_jis_page(), GOOD)
    squeezed = gzip.compress(page("Cut short", 40))
    put("truncated.html.gz", squeezed[: len(squeezed) // 2], "truncated gzip")
    crawl = pages_warc(3)
    put("truncated.warc.gz", crawl[: len(crawl) - 200], "truncated WARC.gz")
    put("garbage.html", _png_like(), "binary garbage named .html")
    put("empty.html", b"", "empty file")
    put("deep.html", b"<div>" * 100_000 + b"</div>" * 100_000, "HTML nested 100,000 deep")
    put("export.jsonl", _jsonl_with_broken_line(), "JSONL with one broken line (line 2)")
    put("traversal.zip", _traversal_zip(), "zip with a ../../evil.html member")
    put("absolute.tar", tar_bytes({"/etc/evil.html": page("Absolute")}), "tar member /etc/...")
    bomb = repeated_gzip(b"<html><body><p>", b" ", 1024)  # 1 GiB of spaces in ~1 MiB
    put("bomb.html.gz", bomb, "gzip bomb (1 GiB of spaces)")
    put("cut.xml", _cut_feed(), "RSS feed cut off inside its second item")
    put("sitemap.xml", b'<?xml version="1.0"?><urlset><url/></urlset>', "XML that is no feed")
    write_huge_line(folder / "huge-line.txt", huge_line_bytes)
    files["huge-line.txt"] = "a single line larger than max_record_bytes"
    return files


def _cp1252_page() -> bytes:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    text = "".join(f"<p>{_CP1252_TEXT} ({i})</p>" for i in range(4))
    markup = (
        f"<html><head>{head}<title>Caf\u00e9s cheer the ferry</title></head>"
        f"<body><article><h1>Caf\u00e9s cheer the ferry</h1>{text}</article></body></html>"
    )
    return markup.encode("cp1252")


def _shift_jis_page() -> bytes:
    title = "\u65e5\u9732\u9996\u8133\u4f1a\u8ac7"
    text = "".join(f"<p>{_SHIFT_JIS_TEXT}{_SHIFT_JIS_TEXT}</p>" for _ in range(4))
    markup = (
        f'<html><head><meta charset="shift_jis"><title>{title}</title></head>'
        f"<body><article><h1>{title}</h1>{text}</article></body></html>"
    )
    return markup.encode("shift_jis")


def _png_like() -> bytes:
    noise = random.Random(7).randbytes(16 * 1024)
    return _PNG_SIGNATURE + noise


def _jsonl_with_broken_line() -> bytes:
    lines = [
        json.dumps({"title": f"Harbour report {i}", "maintext": f"{PARAGRAPH} ({i})"})
        for i in range(3)
    ]
    lines.insert(1, '{"title": "Broken", "maintext": ')
    return ("\n".join(lines) + "\n").encode()


def _traversal_zip() -> bytes:
    return zip_bytes({"inside.html": page("Zipped page"), "../../evil.html": page("Evil page")})


def _cut_feed() -> bytes:
    items = "".join(
        f"<item><title>Item {i}</title><link>https://feed.example/{i}</link>"
        f"<description>{PARAGRAPH}</description></item>"
        for i in range(3)
    )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>{items}'
    cut = feed.index("<item>", feed.index("<item>") + 1) + 30
    return feed[:cut].encode()

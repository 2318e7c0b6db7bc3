"""Checks on the bundled example corpus in ``examples/``.

The corpus is data, not code, so these tests guard its promises: enough articles of each
kind, every record named in ``examples/manifest.csv`` really there, duplicates that are
duplicates, undated articles that carry no date, and a WARC that the build script
reproduces byte for byte.
"""

from __future__ import annotations

import csv
import gzip
import html
import importlib.util
import json
import re
import sys
from collections.abc import Iterator
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any
from xml.etree import ElementTree

import pytest
from warcio.archiveiterator import ArchiveIterator

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
CORPUS = EXAMPLES / "corpus"
SEEDS = ROOT.parent / "shared" / "seeds"

RSS_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
ATOM = "{http://www.w3.org/2005/Atom}"
AGENCY_TAG = re.compile(r"^[A-Z]+ \(Pacific Wire\) - ")
LONG_LINE_WORDS = 15
"""Lines of a text dump at least this long are body text: the longest junk line in the
corpus (a licence footer) has 13 words, the shortest body paragraph 20."""


def read_manifest() -> list[dict[str, str]]:
    """Return the rows of ``examples/manifest.csv``."""
    with (EXAMPLES / "manifest.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


MANIFEST = read_manifest()


def row_key(row: dict[str, str]) -> str:
    """Return how ``duplicate_of`` names a row: ``file`` or ``file#record``."""
    return row["file"] if row["record"] == "0" else f"{row['file']}#{row['record']}"


BODY_CONTAINER = re.compile(r"body|story-text")
"""Matches the class or id of the element holding an article's paragraphs in every
template the corpus uses (``article-body``, ``story-text``, ``wd-body``, ``story-body``)."""


class _ParagraphCollector(HTMLParser):
    """Collect the text of ``<p>`` elements, and separately of those in the body ``div``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.body: list[str] = []
        self._parts: list[str] | None = None
        self._divs = 0
        self._body_at: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "div":
            self._divs += 1
            names = " ".join(v or "" for k, v in attrs if k in {"class", "id"})
            if self._body_at is None and BODY_CONTAINER.search(names):
                self._body_at = self._divs
        elif tag == "p":
            self._parts = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "div":
            if self._body_at == self._divs:
                self._body_at = None
            self._divs -= 1
        elif tag == "p" and self._parts is not None:
            text = " ".join("".join(self._parts).split())
            self.paragraphs.append(text)
            if self._body_at is not None:
                self.body.append(text)
            self._parts = None

    def handle_data(self, data: str) -> None:
        if self._parts is not None:
            self._parts.append(data)


def html_paragraphs(markup: str) -> list[str]:
    """Return the paragraphs of the body ``div`` in ``markup``, else every ``<p>``."""
    collector = _ParagraphCollector()
    collector.feed(markup)
    collector.close()
    return collector.body or collector.paragraphs


def iter_warc_responses() -> Iterator[tuple[str, str, bytes]]:
    """Yield ``(uri, http content type, payload)`` for each response in the crawl."""
    with (CORPUS / "warc" / "crawl.warc.gz").open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type == "response":
                uri = record.rec_headers.get_header("WARC-Target-URI")
                ctype = record.http_headers.get_header("Content-Type")
                yield uri, ctype, record.content_stream().read()


def record_text(row: dict[str, str]) -> str:
    """Return the raw text of the record a manifest row names (markup included)."""
    path = CORPUS / row["file"]
    record = row["record"]
    if path.suffix == ".jsonl":
        line = path.read_text(encoding="utf-8").splitlines()[int(record) - 1]
        data: dict[str, Any] = json.loads(line)
        return "\n".join(f"<p>{html.escape(p)}</p>" for p in data["maintext"].split("\n"))
    if path.suffix == ".xml":
        items = ElementTree.parse(path).getroot().iter("item")
        return next(i.findtext(RSS_CONTENT) or "" for i in items if i.findtext("link") == record)
    if path.suffix == ".atom":
        entries = ElementTree.parse(path).getroot().iter(f"{ATOM}entry")
        return next(e.findtext(f"{ATOM}content") or "" for e in entries if _href(e) == record)
    if path.name.endswith(".warc.gz"):
        return next(p.decode("utf-8") for uri, _, p in iter_warc_responses() if uri == record)
    raw = path.read_bytes()
    return raw.decode("cp1252") if b"windows-1252" in raw[:400] else raw.decode("utf-8")


def _href(entry: ElementTree.Element) -> str | None:
    link = entry.find(f"{ATOM}link")
    return None if link is None else link.get("href")


def body_paragraphs(row: dict[str, str]) -> list[str]:
    """Return the article paragraphs of a row (for a text dump: its long lines)."""
    if row["file"].endswith(".txt"):
        lines = record_text(row).splitlines()
        return [line for line in lines if len(line.split()) >= LONG_LINE_WORDS]
    return html_paragraphs(record_text(row))


def load_build_warc() -> ModuleType:
    """Import ``examples/build_warc.py`` (``examples`` is not a package)."""
    spec = importlib.util.spec_from_file_location("build_warc", EXAMPLES / "build_warc.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the class is created
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def originals(kind: str) -> list[dict[str, str]]:
    """Return the manifest rows of ``kind`` that are not copies of another row."""
    return [r for r in MANIFEST if r["kind"] == kind and not r["duplicate_of"]]


@pytest.mark.parametrize(("kind", "minimum"), [("main", 16), ("other", 6)])
def test_enough_original_articles(kind: str, minimum: int) -> None:
    assert len(originals(kind)) >= minimum


def test_manifest_values_are_well_formed() -> None:
    keys = {row_key(r) for r in MANIFEST}
    assert len(keys) == len(MANIFEST), "two manifest rows name the same record"
    for row in MANIFEST:
        assert row["kind"] in {"main", "other"}, row
        date.fromisoformat(row["true_date"])
        assert row["date"] in {"", row["true_date"]}, row
        assert (row["copy"] == "") == (row["duplicate_of"] == ""), row
        assert row["copy"] in {"", "exact", "near"}, row


def test_main_story_spans_decades_and_other_topics_are_spread() -> None:
    main_years = sorted(int(r["true_date"][:4]) for r in originals("main"))
    assert main_years[-1] - main_years[0] >= 10
    other_years = sorted(int(r["true_date"][:4]) for r in originals("other"))
    gaps = [b - a for a, b in zip(other_years, other_years[1:], strict=False)]
    assert all(2 <= gap <= 3 for gap in gaps), other_years


@pytest.mark.parametrize("row", MANIFEST, ids=row_key)
def test_every_manifest_record_exists(row: dict[str, str]) -> None:
    assert (CORPUS / row["file"]).is_file()
    paragraphs = body_paragraphs(row)
    assert len(paragraphs) >= 4
    assert 120 <= len(" ".join(paragraphs).split()) <= 350


@pytest.mark.parametrize("row", [r for r in MANIFEST if r["duplicate_of"]], ids=row_key)
def test_duplicates_match_their_original(row: dict[str, str]) -> None:
    by_key = {row_key(r): r for r in MANIFEST}
    original = by_key[row["duplicate_of"]]
    assert not original["duplicate_of"], "a copy must point at the original"
    assert original["true_date"] == row["true_date"]
    copy = body_paragraphs(row)
    copy = [AGENCY_TAG.sub("", p) for p in copy]
    source = body_paragraphs(original)
    if row["copy"] == "exact":
        assert copy == source
        assert row["title"] == original["title"]
    else:
        assert row["title"] != original["title"]
        assert AGENCY_TAG.match(body_paragraphs(row)[0])
        changed = set(copy).symmetric_difference(source)
        assert 1 <= len(changed) <= 2, changed


def test_at_least_two_articles_have_exact_and_near_copies() -> None:
    copies: dict[str, set[str]] = {}
    for row in MANIFEST:
        if row["duplicate_of"]:
            copies.setdefault(row["duplicate_of"], set()).add(row["copy"])
    assert sum(kinds == {"exact", "near"} for kinds in copies.values()) >= 2


@pytest.mark.parametrize("row", [r for r in MANIFEST if not r["date"]], ids=row_key)
def test_undated_articles_carry_no_date(row: dict[str, str]) -> None:
    text = (CORPUS / row["file"]).read_text(encoding="utf-8")
    assert row["true_date"][:4] not in text
    assert "Last Updated" not in text
    assert "published_time" not in text


def test_at_least_two_undated_text_dumps() -> None:
    undated = [r for r in MANIFEST if not r["date"] and r["file"].startswith("text/")]
    assert len(undated) >= 2


def test_windows_1252_page_is_not_utf8() -> None:
    raw = (CORPUS / "html" / "2010-copiapo-rescue.html").read_bytes()
    assert b'charset=windows-1252"' in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert "Sebastián Piñera" in raw.decode("cp1252")


def test_jsonl_lines_parse_as_news_please_records() -> None:
    lines = (CORPUS / "jsonl" / "export.jsonl").read_text(encoding="utf-8").splitlines()
    assert 4 <= len(lines) <= 5
    for line in lines:
        record = json.loads(line)
        assert {"title", "maintext", "date_publish", "authors", "url", "language"} <= set(record)
        datetime.strptime(record["date_publish"], "%Y-%m-%d %H:%M:%S")
        assert isinstance(record["authors"], list)
        assert record["url"].split("/")[2].endswith(".example")


def test_feeds_have_the_promised_entries() -> None:
    rss = ElementTree.parse(CORPUS / "feeds" / "russia-japan.xml").getroot()
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    items = list(rss.iter("item"))
    assert 3 <= len(items) <= 4
    assert all(item.findtext(RSS_CONTENT) for item in items)
    atom = ElementTree.parse(CORPUS / "feeds" / "world.atom").getroot()
    assert len(list(atom.iter(f"{ATOM}entry"))) == 2


def test_warc_holds_pages_and_records_to_skip() -> None:
    with (CORPUS / "warc" / "crawl.warc.gz").open("rb") as stream:
        types = [record.rec_type for record in ArchiveIterator(stream)]
    assert types[0] == "warcinfo"
    assert types.count("metadata") == 1
    responses = list(iter_warc_responses())
    assert types.count("request") == len(responses)
    kinds = sorted(ctype.split(";")[0] for _, ctype, _ in responses)
    assert kinds.count("image/png") == 1
    assert kinds.count("text/html") == len(list((EXAMPLES / "warc_pages").glob("*.html")))


def test_warc_rebuild_is_byte_identical(tmp_path: Path) -> None:
    out = tmp_path / "crawl.warc.gz"
    load_build_warc().build_warc(out)
    committed = (CORPUS / "warc" / "crawl.warc.gz").read_bytes()
    rebuilt = out.read_bytes()
    assert gzip.decompress(rebuilt) == gzip.decompress(committed), "WARC content changed"
    assert rebuilt == committed, "same records, different gzip bytes: another zlib?"


def _shingles(text: str, size: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def test_corpus_shares_no_passage_with_the_seed_articles() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is absent: the shared seeds sit beside the project root")
    seed_shingles: set[tuple[str, ...]] = set()
    for seed in SEEDS.glob("*.txt"):
        seed_shingles |= _shingles(seed.read_text(encoding="utf-8", errors="replace"))
    for row in MANIFEST:
        overlap = _shingles(record_text(row)) & seed_shingles
        assert not overlap, (row_key(row), sorted(overlap)[:3])

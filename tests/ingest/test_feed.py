"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one document per entry, hints, hostile XML."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import RecordError
from storyline.ingest import IngestOptions, IngestStats
from storyline.model import Document
from tests.ingest.builders import read_all

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel><title>Portmere Post</title><language>en-gb</language>
<item><title>Pier reopens</title>
  <atom:link href="https://post.example/feed" rel="self"/>
  <link>https://post.example/pier</link>
  <pubDate>Tue, 14 May 2019 09:00:00 +0100</pubDate>
  <category>Local</category><author>desk@post.example (Ann Lee)</author>
  <description>Short summary.</description>
  <content:encoded><![CDATA[<p>The pier reopened on Tuesday.</p>]]></content:encoded></item>
<item><title>Library vote</title><guid isPermaLink="true">https://post.example/library</guid>
  <dc:creator>Bo Chan</dc:creator><dc:date>2019-05-15T10:30:00Z</dc:date>
  <description>&lt;p&gt;The council voted for a library.&lt;/p&gt;</description></item>
<item><title>Only a title</title><link>https://post.example/empty</link></item>
<item><title>Odd date</title><pubDate>sometime soon</pubDate>
  <description>Text without a known date.</description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Storm warning</title>
  <link rel="enclosure" href="https://wire.example/storm.mp3"/>
  <link rel="alternate" href="https://wire.example/storm"/>
  <published>2020-01-02T03:04:05Z</published><updated>2020-01-03T00:00:00Z</updated>
  <author><name>Ann Lee</name></author><category term="weather" label="Weather"/>
  <summary>A short one.</summary>
  <content type="html">&lt;p&gt;A storm is due.&lt;/p&gt;</content></entry>
<entry><title>Plain</title><link href="https://wire.example/plain"/>
  <updated>2020-02-01</updated>
  <content type="text">First paragraph &amp; more.

Second &lt;paragraph&gt;.</content></entry>
<entry><title>Inline</title><link href="https://wire.example/inline"/>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Inline <b>XHTML</b>.</p></div>
  </content></entry>
<entry><title>Summary only</title><link href="https://wire.example/summary"/>
  <content src="https://wire.example/elsewhere"/>
  <summary type="html">&lt;p&gt;Just the summary.&lt;/p&gt;</summary></entry>
</feed>"""

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://rdf.example/"><title>RDF news</title>
  <dc:language>fr</dc:language></channel>
<item rdf:about="https://rdf.example/1"><title>Premier</title>
  <link>https://rdf.example/1</link><description>Le texte.</description>
  <dc:date>2004-06-01</dc:date><dc:subject>Politique</dc:subject></item>
</rdf:RDF>"""


def _read(
    tmp_path: Path, data: bytes, name: str = "feed.xml"
) -> tuple[list[Document], list[RecordError], IngestStats]:
    (tmp_path / name).write_bytes(data)
    stats = IngestStats()
    documents, errors = read_all([tmp_path / name], stats=stats)
    return documents, errors, stats


def test_rss_items_become_documents_with_hints(tmp_path: Path) -> None:
    documents, errors, stats = _read(tmp_path, RSS)
    assert errors == []
    assert [d.record for d in documents] == [0, 1, 3]
    pier, library, odd = documents
    assert pier.content == b"<p>The pier reopened on Tuesday.</p>"
    assert (pier.content_type, pier.charset) == ("text/html", "utf-8")
    assert pier.url == "https://post.example/pier"
    assert dict(pier.hints) == {
        "title": "Pier reopens",
        "published": "2019-05-14T09:00:00+01:00",
        "section": "Local",
        "author": "Ann Lee",
        "language": "en-gb",
    }
    assert library.content == b"<p>The council voted for a library.</p>"
    assert library.url == "https://post.example/library"
    assert library.hint("author") == "Bo Chan"
    assert library.hint("published") == "2019-05-15T10:30:00+00:00"
    assert odd.hint("published") is None
    assert stats.skipped_records == 1  # the item with only a title


def test_atom_entries_with_every_content_type(tmp_path: Path) -> None:
    documents, errors, _ = _read(tmp_path, ATOM, "wire.atom")
    assert errors == []
    storm, plain, inline, summary = documents
    assert storm.content == b"<p>A storm is due.</p>"
    assert storm.url == "https://wire.example/storm"
    assert dict(storm.hints) == {
        "title": "Storm warning",
        "published": "2020-01-02T03:04:05+00:00",
        "author": "Ann Lee",
        "section": "Weather",
    }
    assert plain.content == b"<p>First paragraph &amp; more.</p><p>Second &lt;paragraph&gt;.</p>"
    assert plain.hint("published") == "2020-02-01"
    assert inline.content == b"<p>Inline <b>XHTML</b>.</p>"
    assert summary.content == b"<p>Just the summary.</p>"


def test_rdf_feed(tmp_path: Path) -> None:
    documents, errors, _ = _read(tmp_path, RDF)
    assert errors == []
    [doc] = documents
    assert doc.url == "https://rdf.example/1"
    assert dict(doc.hints) == {
        "title": "Premier",
        "published": "2004-06-01",
        "section": "Politique",
        "language": "fr",
    }


@pytest.mark.parametrize(
    ("data", "documents_expected", "record", "words"),
    [
        (RSS[: RSS.index(b"<item><title>Only")] + b"<item><ti", 2, 2, "not well-formed"),
        (b'<?xml version="1.0"?><urlset><url/></urlset>', 0, None, "<urlset> is not"),
        (
            b"<rss><channel><item><title>&nbsp;</title></item></channel></rss>",
            0,
            None,
            "'nbsp' not defined, line 1",
        ),
    ],
)
def test_bad_feeds_give_the_entries_before_then_an_error(
    tmp_path: Path, data: bytes, documents_expected: int, record: int | None, words: str
) -> None:
    documents, errors, _ = _read(tmp_path, data)
    assert len(documents) == documents_expected
    [error] = errors
    assert (error.source, error.record) == (str(tmp_path / "feed.xml"), record)
    assert words in error.reason


def test_entities_are_not_expanded_and_nothing_is_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    data = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{laughs}'
        f'<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<rss><channel><item><title>&l9;</title><description>&xxe; text</description>"
        "</item></channel></rss>"
    ).encode()
    documents, errors, _ = _read(tmp_path, data)
    for doc in documents:
        assert b"TOP SECRET" not in doc.content
        assert len(doc.content) < 1000
        assert "lollol" not in (doc.hint("title") or "")
    assert len(documents) + len(errors) == 1


def test_a_long_feed_is_streamed_entry_by_entry(tmp_path: Path) -> None:
    items = b"".join(
        b"<item><title>T%d</title><description>Body %d</description></item>" % (i, i)
        for i in range(5000)
    )
    documents, errors, _ = _read(tmp_path, b"<rss><channel>" + items + b"</channel></rss>")
    assert errors == []
    assert [d.record for d in documents] == list(range(5000))
    assert documents[-1].content == b"Body 4999"


def test_an_entry_over_max_record_bytes_is_skipped_with_a_reason(tmp_path: Path) -> None:
    big = b"<item><title>Big</title><description>" + b"word " * 5000 + b"</description></item>"
    small = b"<item><title>Small</title><description>Short.</description></item>"
    (tmp_path / "feed.xml").write_bytes(b"<rss><channel>" + big + small + b"</channel></rss>")
    documents, errors = read_all([tmp_path / "feed.xml"], IngestOptions(max_record_bytes=10_000))
    assert [d.hint("title") for d in documents] == ["Small"]
    [error] = errors
    assert error.record == 0 and "max_record_bytes" in error.reason

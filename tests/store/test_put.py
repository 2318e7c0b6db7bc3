"""Putting documents and articles: outcomes, idempotency, sources, documents round trip."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.errors import RecordError
from storyline.model import Article, Document
from storyline.store import PutOutcome, SQLiteStore, open_store
from storyline.store import __all__ as exported
from tests.store.corpus import STRIKE_ANALYSIS, STRIKE_REPORT, article, document, numbered

REPORT = article(STRIKE_REPORT, "Dockers strike at Velmora")
SAME_WORDS = article(
    tuple(p.upper().replace(",", "").replace(".", " .") for p in STRIKE_REPORT), "Other title"
)
ANALYSIS = article(STRIKE_ANALYSIS, "Why the port stands still")
EMPTY = article((" ", "— … !"), "Only punctuation")


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (REPORT, ANALYSIS, PutOutcome.NEW),
        (REPORT, REPORT, PutOutcome.DUPLICATE),
        (REPORT, SAME_WORDS, PutOutcome.DUPLICATE),
        (REPORT, EMPTY, PutOutcome.NO_ARTICLE),
        (REPORT, None, PutOutcome.NO_ARTICLE),
    ],
)
def test_second_put_outcome(
    store: SQLiteStore, first: Article, second: Article | None, expected: PutOutcome
) -> None:
    assert store.put(document("a.html", "one"), first).outcome is PutOutcome.NEW
    result = store.put(document("b.html", "two"), second)
    assert result.outcome is expected
    if expected is PutOutcome.DUPLICATE:
        assert result.article_id == store.put(document("a.html", "one"), first).article_id
    if expected is PutOutcome.NO_ARTICLE:
        assert result.article_id is None
        assert store.has_record("b.html", 0)


def test_same_record_again_is_unchanged_and_changes_nothing(store: SQLiteStore) -> None:
    first = store.put(document("a.html", "one"), REPORT)
    before = store.stats()
    again = store.put(document("a.html", "one"), ANALYSIS)
    assert again.outcome is PutOutcome.UNCHANGED
    assert again.article_id == first.article_id
    assert store.stats() == before


def test_duplicate_keeps_one_article_with_every_source(store: SQLiteStore) -> None:
    ids = {store.put(document(f"{n}.html", str(n)), REPORT).article_id for n in range(3)}
    assert len(ids) == 1
    stored = store.get_article(ids.pop() or "")
    assert stored is not None
    assert [s.uri for s in stored.sources] == ["0.html", "1.html", "2.html"]
    assert stored.title == REPORT.title
    stats = store.stats()
    assert (stats["articles"], stats["sources"], stats["exact_duplicates"]) == (1, 3, 2)


def test_ingesting_twice_is_idempotent(tmp_path: Path) -> None:
    corpus = [numbered(i) for i in range(40)] + [(document("dup.html", "x"), REPORT)] * 2
    path = tmp_path / "twice.db"
    with open_store(path) as store:
        first = [store.put(doc, art).outcome for doc, art in corpus]
    with open_store(path) as store:
        counts = store.stats()
        second = [store.put(doc, art).outcome for doc, art in corpus]
        assert store.stats() == counts
    assert first.count(PutOutcome.NEW) == 41
    assert set(second) == {PutOutcome.UNCHANGED}


def test_record_put_again_with_new_bytes_points_at_new_article(store: SQLiteStore) -> None:
    old = store.put(document("feed.xml", "v1", record=3), REPORT)
    new = store.put(document("feed.xml", "v2", record=3), ANALYSIS)
    assert new.outcome is PutOutcome.NEW
    assert new.article_id != old.article_id
    article_now = store.get_article(new.article_id or "")
    assert article_now is not None
    assert [s.record for s in article_now.sources] == [3]
    assert [d.content for d in store.iter_documents()] == [b"v2"]


def test_stored_article_round_trips(store: SQLiteStore) -> None:
    full = Article.from_dict(
        {
            "title": "Dockers strike",
            "paragraphs": ["First\n\nparagraph with a blank line inside.", "", "Third."],
            "captions": ["Cranes stand idle."],
            "headings": [{"text": "Background", "before": 1}],
            "byline": "By A. Writer",
            "section": "Business",
            "language": "en",
            "url": "https://example.org/strike",
            "related": [{"title": "Earlier strike", "date": "2004-05-01", "url": None}],
            "published": {
                "value": "2014-02-08",
                "earliest": "2014-02-08",
                "latest": "2014-02-08",
                "provenance": "explicit",
                "evidence": [{"text": "Feb 8", "start": 0, "end": 5}],
            },
        }
    )
    doc = dataclasses.replace(document("s.html"), url="https://example.org/s", fetched="2014")
    result = store.put(doc, dataclasses.replace(full, id="ignored", duplicate_of="ignored"))
    got = store.get_article(result.article_id or "")
    assert got is not None
    expected = dataclasses.replace(
        full,
        id=result.article_id or "",
        duplicate_of=None,
        document_id=got.document_id,
        sources=(got.sources[0],),
    )
    assert got == expected
    assert got.sources[0].to_dict() == {
        "uri": "s.html",
        "record": 0,
        "url": "https://example.org/s",
        "fetched": "2014",
    }
    assert len(got.document_id) == 32


def test_unknown_article_is_none(store: SQLiteStore) -> None:
    assert store.get_article("0123456789abcdef") is None


def test_lone_surrogates_in_article_text_are_replaced(store: SQLiteStore) -> None:
    broken = article(("Harbour news \udc8e from the quay, told in full.",), "Quay \ud800")
    result = store.put(document("s.html"), broken)
    got = store.get_article(result.article_id or "")
    assert got is not None
    assert got.paragraphs == ("Harbour news \ufffd from the quay, told in full.",)
    assert got.title == "Quay \ufffd"


def test_undecodable_record_name_is_a_record_error_and_leaves_nothing(
    store: SQLiteStore,
) -> None:
    with pytest.raises(RecordError, match="not valid Unicode"):
        store.put(document("bad-\udcff.html"), REPORT)
    assert store.stats()["articles"] == 0
    assert store.put(document("good.html"), REPORT).outcome is PutOutcome.NEW


def test_documents_keep_each_records_metadata(store: SQLiteStore) -> None:
    first = Document("a.warc", 10, b"same", "text/html", "https://a", "2020", "utf-8")
    second = Document("b.jsonl", 2, b"same", "application/json", None, None, None, (("k", "v"),))
    store.put(first, None)
    store.put(second, None)
    assert list(store.iter_documents()) == [first, second]
    assert store.stats()["documents"] == 1


_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)


@settings(max_examples=60, deadline=None)
@given(
    contents=st.lists(st.binary(max_size=2000), min_size=1, max_size=5),
    uri=_text,
    record=st.integers(min_value=-(2**63), max_value=2**63 - 1),
    url=st.none() | _text,
    hints=st.lists(st.tuples(_text, _text), max_size=3).map(tuple),
)
def test_documents_round_trip_byte_for_byte(
    contents: list[bytes],
    uri: str,
    record: int,
    url: str | None,
    hints: tuple[tuple[str, str], ...],
) -> None:
    documents = [
        Document(f"{uri}#{n}", record, content, "application/octet-stream", url, None, None, hints)
        for n, content in enumerate(contents)
    ]
    with SQLiteStore(":memory:") as store:
        for doc in documents:
            store.put(doc, None)
        assert list(store.iter_documents()) == documents


def test_failed_put_rolls_back_to_the_last_commit(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.put(*numbered(1))
    store.commit()
    committed = store.stats()
    store.put(*numbered(2))

    def fail(*args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("storyline.store._dedup.add_bands", fail)
    with pytest.raises(RuntimeError):
        store.put(*numbered(3))
    assert store.stats() == committed
    assert [hit.article.title for hit in store.search("report")] == ["Report 1"]
    monkeypatch.undo()
    outcomes = [store.put(*numbered(n)).outcome for n in (1, 2, 3)]
    assert outcomes == [PutOutcome.UNCHANGED, PutOutcome.NEW, PutOutcome.NEW]
    store.commit()
    assert store.stats()["articles"] == 3


def test_close_commits_and_twice_is_harmless(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    store = SQLiteStore(path)
    store.put(*numbered(7))
    store.close()
    store.close()
    with SQLiteStore(path) as again:
        assert again.stats()["articles"] == 1
        assert repr(again) == f"SQLiteStore({str(path)!r})"


def test_public_names_are_sorted() -> None:
    assert list(exported) == sorted(exported)
    assert {"Store", "SQLiteStore", "PutOutcome", "PutResult", "SearchHit", "open_store"} == set(
        exported
    )

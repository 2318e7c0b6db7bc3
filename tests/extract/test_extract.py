"""The public entry points: dispatch, errors, purity, picklability."""

from __future__ import annotations

import pickle

import pytest

import storyline.extract
import storyline.extract._html as html_module
from storyline.errors import RecordError
from storyline.extract import ExtractOptions, decode, extract
from storyline.model import Article, Document
from tests.extract._docs import text_document

_HTML = b"<html><body><article><p>Talks resumed in Tokyo on Monday after a pause.</p>" \
    b"<p>Both sides said progress was slow but steady.</p></article></body></html>"  # fmt: skip


def test_public_names_sorted() -> None:
    assert storyline.extract.__all__ == sorted(storyline.extract.__all__)
    assert set(storyline.extract.__all__) == {"ExtractOptions", "decode", "extract"}


@pytest.mark.parametrize(
    ("content_type", "content"),
    [
        ("text/html", _HTML),
        ("text/html; charset=utf-8", _HTML),
        ("application/xhtml+xml", _HTML),
        ("application/octet-stream", _HTML),
    ],
)
def test_html_dispatch(content_type: str, content: bytes) -> None:
    article = extract(Document("a", 0, content, content_type))
    assert article.paragraphs == (
        "Talks resumed in Tokyo on Monday after a pause.",
        "Both sides said progress was slow but steady.",
    )


def test_plain_text_is_never_read_as_html() -> None:
    article = extract(Document("a.txt", 0, b"<p>Tags in a text file stay text.</p>", "text/plain"))
    assert article.paragraphs == ("<p>Tags in a text file stay text.</p>",)


def test_article_fields_left_for_later_stages() -> None:
    article = extract(text_document("published_line.txt"))
    assert (article.id, article.sources, article.duplicate_of, article.document_id) == (
        "", (), None, "",
    )  # fmt: skip


def test_results_are_picklable_and_deterministic() -> None:
    document = text_document("caption_no_credit.txt")
    options = ExtractOptions(date_search="fast", include_captions=False)
    first = extract(document, options)
    again = pickle.loads(pickle.dumps(extract(pickle.loads(pickle.dumps(document)), options)))
    assert first == again
    assert first.captions == ()
    assert Article.from_dict(first.to_dict()) == first


def test_unparsable_html_is_a_record_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_module, "load_html", lambda text: None)
    with pytest.raises(RecordError) as caught:
        extract(Document("bad.html", 7, b"<html><body>x</body></html>", "text/html"))
    assert caught.value.record == 7 and "unparsable HTML" in str(caught.value)
    assert pickle.loads(pickle.dumps(caught.value)).record == 7


def test_decode_is_public() -> None:
    assert decode(Document("a", 0, "Ünïcode".encode(), "text/plain")) == "Ünïcode"


@pytest.mark.parametrize(
    "content",
    [b"\x00\x01\x02binary\xff\xfe", b"\xff" * 50, b"<" * 1000, b"<html>" + b"<p>" * 5000],
)
def test_hostile_bytes_do_not_crash(content: bytes) -> None:
    for content_type in ("text/html", "text/plain"):
        try:
            article = extract(Document("x", 0, content, content_type))
        except RecordError:
            continue
        assert isinstance(article.paragraphs, tuple)

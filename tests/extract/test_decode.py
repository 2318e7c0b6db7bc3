"""Bytes to text: byte-order marks, declarations, UTF-8, guesses, never an error."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.extract import decode
from storyline.extract._decode import decode_bytes
from storyline.model import Document

_TEXT = "<p>Café “crème” in Москва</p>"


@pytest.mark.parametrize(
    ("content", "declared", "expected"),
    [
        (_TEXT.encode("utf-8"), None, _TEXT),
        (_TEXT.encode("utf-8"), "iso-8859-1", _TEXT),
        (b"\xef\xbb\xbf" + _TEXT.encode("utf-8"), "cp1251", _TEXT),
        (_TEXT.encode("utf-16"), None, _TEXT),
        (_TEXT.encode("utf-16-le"), None, _TEXT),
        (_TEXT.encode("utf-16-be"), "utf-16-be", _TEXT),
        ("caf\xe9 “x”".encode("cp1252"), "iso-8859-1", "café “x”"),
        ("Привет, мир".encode("koi8-r"), "koi8-r", "Привет, мир"),
        (b"<meta charset='windows-1251'>" + "Привет".encode("cp1251"), None,
         "<meta charset='windows-1251'>Привет"),
        (b"plain ascii", "no-such-charset", "plain ascii"),
        (b"", None, ""),
    ],
)  # fmt: skip
def test_decode_bytes(content: bytes, declared: str | None, expected: str) -> None:
    assert decode_bytes(content, declared) == expected


def test_decode_uses_document_charset() -> None:
    document = Document("a.html", 0, "Żółw".encode("iso-8859-2"), "text/html", charset="iso-8859-2")
    assert decode(document) == "Żółw"


def test_undecodable_bytes_are_replaced() -> None:
    text = decode_bytes(b"\xff\xfe\xfd" * 3 + b"\x80abc\xc3")
    assert isinstance(text, str) and text


@given(st.binary(max_size=300), st.sampled_from([None, "utf-8", "latin-1", "bogus", "utf-16"]))
def test_decode_never_raises(content: bytes, declared: str | None) -> None:
    assert isinstance(decode_bytes(content, declared), str)

"""Dates from feeds and exports turned into ISO 8601, never invented."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.ingest._dates import epoch_to_iso, to_iso


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sat, 08 Feb 2014 10:05:00 +0000", "2014-02-08T10:05:00+00:00"),
        ("Sat, 08 Feb 2014 10:05:00 GMT", "2014-02-08T10:05:00+00:00"),
        ("Sun, 20 Nov 2005 05:36:00 -0500", "2005-11-20T05:36:00-05:00"),
        ("2014-02-08T10:05:00Z", "2014-02-08T10:05:00+00:00"),
        ("2014-02-08T10:05:00.250+09:00", "2014-02-08T10:05:00.250000+09:00"),
        ("2020-06-01 10:00:00", "2020-06-01T10:00:00"),
        ("2014-02-08", "2014-02-08"),
        ("2014-02", "2014-02"),
        ("2014", "2014"),
        ("March 3, 2014", "2014-03-03"),
        ("3 March 2014 14:20", "2014-03-03T14:20:00"),
        ("  2014-02-08  ", "2014-02-08"),
        ("2014-13", None),
        ("2014-02-30", None),
        ("March 2014", None),
        ("sometime soon", None),
        ("", None),
        ("x" * 500, None),
    ],
)
def test_to_iso(text: str, expected: str | None) -> None:
    assert to_iso(text) == expected


@given(st.text(max_size=80))
def test_to_iso_never_raises(text: str) -> None:
    value = to_iso(text)
    assert value is None or value[:4].isdigit()


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1400000000, "2014-05-13T16:53:20+00:00"),
        (1400000000000, "2014-05-13T16:53:20+00:00"),
        (0, None),
        (-5, None),
        (1e20, None),
    ],
)
def test_epoch_to_iso(number: float, expected: str | None) -> None:
    assert epoch_to_iso(number) == expected

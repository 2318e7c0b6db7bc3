"""Calendar helpers: values, anchors, year choice, number words."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.time import is_timex_value
from storyline.time._calendar import parse_anchor, pick_year, season_year, shift
from storyline.time._lexicon import parse_number


@pytest.mark.parametrize(
    ("kind", "value", "ok"),
    [
        ("DATE", "2014-02-08", True),
        ("DATE", "2014-02-30", False),
        ("DATE", "2014-13", False),
        ("DATE", "2014-FA", True),
        ("DATE", "2013-W11", True),
        ("DATE", "2013-W54", False),
        ("DATE", "1989-W43-WE", True),
        ("DATE", "XXXX-WXX-6", True),
        ("DATE", "XXXX-11-20", True),
        ("DATE", "XXXX-02-30", False),
        ("DATE", "199", True),
        ("DATE", "PRESENT_REF", True),
        ("TIME", "2013-03-22TMO", True),
        ("TIME", "2005-11-20T05:36", True),
        ("TIME", "2005-11-20T25:36", False),
        ("DURATION", "P13M", True),
        ("DURATION", "PT1M30S", True),
        ("DURATION", "P2Y6M", True),
        ("DURATION", "PXY", True),
        ("DURATION", "P", False),
        ("DURATION", "2014", False),
        ("SET", "P1Y", True),
        ("SET", "XXXX-WXX-1", True),
        ("EVENT", "2014", False),
    ],
)
def test_is_timex_value(kind: str, value: str, ok: bool) -> None:
    assert is_timex_value(kind, value) is ok


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("2014-02-08", (dt.date(2014, 2, 8), None)),
        ("2014-02-08T10:30:00Z", (dt.date(2014, 2, 8), (10, 30))),
        ("1998-02-06T22:19:00", (dt.date(1998, 2, 6), (22, 19))),
        ("2014-02-30", None),
        ("0001-01-01", None),
        ("yesterday", None),
        (None, None),
    ],
)
def test_parse_anchor(text: str | None, parsed: object) -> None:
    assert parse_anchor(text) == parsed


@pytest.mark.parametrize(
    ("month", "day", "direction", "year"),
    [
        (4, None, "past", 2013),
        (6, None, "future", 2014),
        (1, None, "past", 2014),
        (12, None, None, 2013),
        (7, None, None, 2014),
        (8, None, None, 2013),
        (11, 20, None, 2013),
        (3, 1, None, 2014),
        (2, 9, "past", 2013),
    ],
)
def test_pick_year(month: int, day: int | None, direction: str | None, year: int) -> None:
    assert pick_year(dt.date(2014, 2, 8), month, day, direction) == year  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("season", "direction", "year"),
    [("FA", None, 2014), ("FA", "past", 2013), ("SU", "future", 2014), ("WI", None, 2013)],
)
def test_season_year(season: str, direction: str | None, year: int) -> None:
    assert season_year(dt.date(2014, 2, 8), season, direction) == year  # type: ignore[arg-type]


def test_shift_clamps_and_guards() -> None:
    assert shift(dt.date(2014, 1, 31), "M", 1) == dt.date(2014, 2, 28)
    assert shift(dt.date(2014, 2, 8), "Q", -5) == dt.date(2012, 11, 8)
    assert shift(dt.date(1, 1, 1), "Y", -1) is None
    assert shift(dt.date(9999, 12, 31), "D", 1) is None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("13", 13.0),
        ("twenty-four", 24.0),
        ("a hundred", 100.0),
        ("two thousand", 2000.0),
        ("one and a half", 1.5),
        ("2 1/2", 2.5),
        ("several", None),
        ("", None),
    ],
)
def test_parse_number(text: str, number: float | None) -> None:
    assert parse_number(text) == number

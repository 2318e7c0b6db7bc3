"""Dates written in text lines and metadata values."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.extract._datetext import (
    find_date,
    find_day_month,
    parse_short_date,
    resolve_year,
    timepoint_from_value,
)
from storyline.model import Granularity, Provenance


@pytest.mark.parametrize(
    ("text", "day", "time", "offset"),
    [
        ("Last Updated: Sunday, 20 November 2005, 05:36 GMT", "2005-11-20", (5, 36, 0), 0),
        ("Page last updated at 10:05 GMT, Sunday, 20 November 2005", "2005-11-20", (10, 5, 0), 0),
        ("Published: Nov. 20, 2005 5:36 PM EST", "2005-11-20", (17, 36, 0), -300),
        ("Posted March 3rd, 2014 at 9:15 a.m.", "2014-03-03", (9, 15, 0), None),
        ("2005-11-20T05:36:00+05:30", "2005-11-20", (5, 36, 0), 330),
        ("UPDATED: Tue., Nov. 19, 2019", "2019-11-19", None, None),
        ("12:00 am JST on 1 January 2010", "2010-01-01", (0, 0, 0), 540),
        ("On 31 February 2010 nothing happened", None, None, None),
        ("In 125 November 2005", None, None, None),
        ("No date here", None, None, None),
    ],
)
def test_find_date(
    text: str, day: str | None, time: tuple[int, int, int] | None, offset: int | None
) -> None:
    found = find_date(text)
    if day is None:
        assert found is None
        return
    assert found is not None
    assert (found.day.isoformat(), found.time, found.utc_offset) == (day, time, offset)
    assert found.start < found.end <= len(text)


def test_found_date_span_covers_the_date() -> None:
    text = "Last Updated: Sunday, 20 November 2005, 05:36 GMT"
    found = find_date(text)
    assert found is not None
    assert text[found.start : found.end] == "Sunday, 20 November 2005, 05:36 GMT"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MOSCOW, Nov 20 (Agency) -", (11, 20)),
        ("TOKYO, 3 March -", (3, 3)),
        ("Tokyo on Monday", None),
    ],
)
def test_find_day_month(text: str, expected: tuple[int, int] | None) -> None:
    found = find_day_month(text)
    assert (found[:2] if found else None) == expected


@pytest.mark.parametrize(
    ("two_digits", "reference", "year"),
    [
        (5, date(2005, 11, 20), 2005),
        (0, date(2005, 11, 20), 2000),
        (6, date(2005, 11, 20), 2006),
        (7, date(2005, 11, 20), 1907),
        (99, date(2005, 11, 20), 1999),
        (99, date(2100, 1, 1), 2099),
        (5, None, 2005),
        (68, None, 2068),
        (69, None, 1969),
    ],
)
def test_resolve_year(two_digits: int, reference: date | None, year: int) -> None:
    assert resolve_year(two_digits, reference) == year


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("14 Jan 05 | Asia-Pacific", date(2005, 11, 20), "2005-01-14"),
        ("04 Sep 00 | Asia-Pacific", date(2005, 11, 20), "2000-09-04"),
        ("08 Feb 2002 | Europe", None, "2002-02-08"),
        ("31 Feb 05 | Asia", None, None),
        ("Asia-Pacific 14 Jan 05", None, None),
    ],
)
def test_parse_short_date(text: str, reference: date | None, expected: str | None) -> None:
    parsed = parse_short_date(text, reference)
    assert (parsed.isoformat() if parsed else None) == expected


@pytest.mark.parametrize(
    ("value", "granularity", "tp_value", "earliest", "latest"),
    [
        ("2014", Granularity.YEAR, "2014", "2014-01-01", "2014-12-31"),
        ("2014-02", Granularity.MONTH, "2014-02", "2014-02-01", "2014-02-28"),
        ("2016-02", Granularity.MONTH, "2016-02", "2016-02-01", "2016-02-29"),
        ("2014-12", Granularity.MONTH, "2014-12", "2014-12-01", "2014-12-31"),
        ("2014-02-08", Granularity.DAY, "2014-02-08", "2014-02-08", "2014-02-08"),
        ("2014-02-08T10:00:00Z", Granularity.TIME, "2014-02-08T10:00:00+00:00", "2014-02-08",
         "2014-02-08"),
        ("2014-02-08 10:00", Granularity.TIME, "2014-02-08T10:00:00", "2014-02-08",
         "2014-02-08"),
        ("Sat, 08 Feb 2014 10:00:00 +0400", Granularity.TIME, "2014-02-08T10:00:00+04:00",
         "2014-02-08", "2014-02-08"),
        ("20140208", Granularity.DAY, "2014-02-08", "2014-02-08", "2014-02-08"),
    ],
)  # fmt: skip
def test_timepoint_from_value(
    value: str, granularity: Granularity, tp_value: str, earliest: str, latest: str
) -> None:
    tp = timepoint_from_value(value, Provenance.METADATA)
    assert tp is not None
    assert (tp.granularity, tp.value, tp.earliest, tp.latest) == (
        granularity, tp_value, earliest, latest,
    )  # fmt: skip
    assert tp.provenance is Provenance.METADATA


@pytest.mark.parametrize("value", ["", "soon", "2014-13", "99999999"])
def test_timepoint_from_unreadable_value(value: str) -> None:
    assert timepoint_from_value(value, Provenance.METADATA) is None


@given(st.text(max_size=200))
def test_date_readers_never_raise(text: str) -> None:
    found = find_date(text)
    if found is not None:
        assert 0 <= found.start < found.end <= len(text)
    timepoint_from_value(text, Provenance.METADATA)
    parse_short_date(text, None)

"""TIMEX3 values as time points: bounds, order and labels."""

from __future__ import annotations

import pytest

from storyline.model import Granularity
from storyline.timelines import label, point_from_value, sort_key


@pytest.mark.parametrize(
    ("value", "earliest", "latest", "granularity"),
    [
        ("2014-02-08", "2014-02-08", "2014-02-08", Granularity.DAY),
        ("2005-11-20T05:36:00+00:00", "2005-11-20", "2005-11-20", Granularity.TIME),
        ("1945-08", "1945-08-01", "1945-08-31", Granularity.MONTH),
        ("2012-02", "2012-02-01", "2012-02-29", Granularity.MONTH),
        ("2009", "2009-01-01", "2009-12-31", Granularity.YEAR),
        ("2014-FA", "2014-09-01", "2014-11-30", Granularity.SEASON),
        ("2013-WI", "2013-12-01", "2014-02-28", Granularity.SEASON),
        ("2014-Q2", "2014-04-01", "2014-06-30", Granularity.QUARTER),
        ("2014-W06", "2014-02-03", "2014-02-09", Granularity.WEEK),
        ("199", "1990-01-01", "1999-12-31", Granularity.DECADE),
        ("19", "1900-01-01", "1999-12-31", Granularity.CENTURY),
    ],
)
def test_bounds(value: str, earliest: str, latest: str, granularity: Granularity) -> None:
    point = point_from_value(value)
    assert point is not None
    assert (point.earliest, point.latest, point.granularity) == (earliest, latest, granularity)


@pytest.mark.parametrize("value", ["P13M", "PAST_REF", "2014-13", "2014-02-30", "XXXX-11-20", ""])
def test_values_that_name_no_date(value: str) -> None:
    assert point_from_value(value) is None


def test_wider_intervals_sort_before_what_they_contain() -> None:
    values = ["2009-03-02", "2009-03", "2010", "2009", "2008-12-31", "2009-SP", "2009-01-01"]
    points = [point_from_value(v) for v in values]
    ordered = sorted((p for p in points if p), key=sort_key)
    assert [p.value for p in ordered] == [
        "2008-12-31",
        "2009",
        "2009-01-01",
        "2009-SP",
        "2009-03",
        "2009-03-02",
        "2010",
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2009", "2009"),
        ("2013-04", "2013-04"),
        ("2014-FA", "autumn 2014"),
        ("2005-11-20T05:36:00+00:00", "2005-11-20"),
        ("199", "1990s"),
    ],
)
def test_label_keeps_the_granularity(value: str, expected: str) -> None:
    point = point_from_value(value)
    assert point is not None
    assert label(point) == expected

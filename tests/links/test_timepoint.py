"""TIMEX3 values as calendar intervals."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.links import time_point, value_interval
from storyline.model import Granularity

D = dt.date


@pytest.mark.parametrize(
    ("value", "first", "last", "granularity"),
    [
        ("2005", D(2005, 1, 1), D(2005, 12, 31), Granularity.YEAR),
        ("2014-02", D(2014, 2, 1), D(2014, 2, 28), Granularity.MONTH),
        ("2012-02", D(2012, 2, 1), D(2012, 2, 29), Granularity.MONTH),
        ("2005-11-20", D(2005, 11, 20), D(2005, 11, 20), Granularity.DAY),
        ("2005-11-20T05:36", D(2005, 11, 20), D(2005, 11, 20), Granularity.DAY),
        ("2014-FA", D(2014, 9, 1), D(2014, 11, 30), Granularity.SEASON),
        ("2015-WI", D(2015, 12, 1), D(2016, 2, 29), Granularity.SEASON),
        ("2010-Q2", D(2010, 4, 1), D(2010, 6, 30), Granularity.QUARTER),
        ("2010-W02", D(2010, 1, 11), D(2010, 1, 17), Granularity.WEEK),
        ("199", D(1990, 1, 1), D(1999, 12, 31), Granularity.DECADE),
        ("19", D(1900, 1, 1), D(1999, 12, 31), Granularity.CENTURY),
    ],
)
def test_value_interval(value: str, first: D, last: D, granularity: Granularity) -> None:
    assert value_interval(value) == (first, last, granularity)


@pytest.mark.parametrize("value", ["XXXX-04", "PAST_REF", "P13M", "2014-13", "2014-02-30", ""])
def test_value_interval_rejects(value: str) -> None:
    assert value_interval(value) is None
    assert time_point(value) is None


def test_time_point_keeps_value_and_bounds() -> None:
    point = time_point("2013-04")
    assert point is not None
    assert (point.value, point.earliest, point.latest) == ("2013-04", "2013-04-01", "2013-04-30")

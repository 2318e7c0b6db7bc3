"""Tagging time grows linearly with the length of the text."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator

import pytest

from storyline.time import tag

# A paragraph dense in time expressions and in near misses, repeated to length.
PARAGRAPH = (
    "The foreign minister said on Saturday that she would travel to Seoul in the autumn, "
    "after four rounds of talks in the last 13 months. The treaty was signed in August "
    "1951; ministers met again in 2005, during the 2000-2008 talks, and once more in "
    "2009. Trade, now worth around $4bn a year, may treble over the next 20 years, "
    "officials said Tuesday at 3 p.m. GMT. Profit fell 12% in the third quarter "
    "from a year earlier. The 24-year-old man, 1,945 people and Flight 2005 are not dates. "
    "Now, the talks go on.\n\n"
)


@pytest.fixture(autouse=True)
def _no_collector() -> Iterator[None]:
    """Keep the garbage collector's pauses out of the timings."""
    gc.collect()
    gc.disable()
    yield
    gc.enable()


def _seconds(text: str) -> float:
    began = time.perf_counter()
    tag(text, "2014-02-08")
    return time.perf_counter() - began


def _ratio(size: int, repeats: int = 5) -> float:
    """Best time on twice the text over best time on the text, measured in turns so that
    a slow spell of the machine falls on both sides alike."""
    unit = PARAGRAPH * (size // len(PARAGRAPH) + 1)
    small, large = unit[:size], (unit + unit)[: 2 * size]
    _seconds(small[:20_000])  # warm the caches
    small_times, large_times = [], []
    for _ in range(repeats):
        small_times.append(_seconds(small))
        large_times.append(_seconds(large))
    return min(large_times) / min(small_times)


def test_double_text_takes_about_double_time() -> None:
    assert _ratio(250_000) <= 2.5


@pytest.mark.slow
def test_five_megabytes_is_linear() -> None:
    assert _ratio(5_000_000, repeats=1) <= 2.5

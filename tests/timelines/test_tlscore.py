"""The benchmark's timeline scorer: date F1 and alignment-based ROUGE on hand examples."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from _tlscore import (  # type: ignore[import-not-found, unused-ignore]  # noqa: E402
    align,
    alignment_rouge,
    date_f1,
    score,
)

REFERENCE = {
    "2010-04-20": ["rig explodes in the gulf"],
    "2010-07-15": ["cap stops the leak"],
}


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        (["2010-04-20", "2010-07-15"], 1.0),
        (["2010-04-20"], 2 / 3),
        (["2010-04-21", "2010-07-16"], 0.0),
        ([], 0.0),
    ],
)
def test_date_f1(system: list[str], expected: float) -> None:
    assert date_f1(system, list(REFERENCE)) == pytest.approx(expected)


def test_identical_timelines_score_one() -> None:
    result = score(REFERENCE, REFERENCE)
    assert (result.date_f1, result.ar1, result.ar2) == pytest.approx((1.0, 1.0, 1.0))


def test_a_day_off_halves_the_matches() -> None:
    system = {"2010-04-21": ["rig explodes in the gulf"], "2010-07-15": ["cap stops the leak"]}
    # 5 of 9 tokens match at weight 1/2, 4 at weight 1: (2.5 + 4) / 9 both ways.
    assert alignment_rouge(system, REFERENCE, 1) == pytest.approx(6.5 / 9)


def test_alignment_prefers_content_over_a_small_date_gap() -> None:
    system = {"2010-07-13": ["rig explodes in the gulf"]}
    assert align(system, REFERENCE) == {"2010-07-13": "2010-04-20"}


def test_many_system_days_may_share_one_reference_day() -> None:
    system = {"2010-04-20": ["rig explodes"], "2010-04-22": ["in the gulf"]}
    assert set(align(system, REFERENCE).values()) == {"2010-04-20"}


def test_unrelated_text_scores_zero() -> None:
    system = {"2010-04-20": ["football results tonight"]}
    assert score(system, REFERENCE).ar2 == 0.0

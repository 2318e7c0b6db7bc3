"""The rule index: trying rules only at trigger words finds what a full scan finds."""

from __future__ import annotations

import re

import pytest

import storyline.time as time_stage
from storyline.time._tagger import RULES, iter_matches, iter_matches_full_scan
from tests.conftest import SHARED
from tests.time.test_tag import CASES, NOTHING

SELF_WRITTEN = "\n".join([case[0] for case in CASES] + NOTHING) + (
    " In the '80s and the 'nineties, '05 and Mondays, THE THIRD QUARTER of 1998, "
    "year-end, year-earlier results, fiscal 1999, the fall of 1989, Christmas Eve, "
    "the year 2005, Nov. 12-13, 12-13 November, Easter Monday, the 1988 quarter."
)


def _matches(text: str, full: bool) -> set[tuple[int, int, int]]:
    found = iter_matches_full_scan(text) if full else iter_matches(text)
    return {(rule, m.start(), m.end()) for rule, m in found}


def test_trigger_words_find_every_match() -> None:
    assert _matches(SELF_WRITTEN, True) == _matches(SELF_WRITTEN, False)


def test_trigger_words_on_timebank() -> None:
    folder = SHARED / "data" / "tempeval3" / "TBAQ-cleaned" / "TimeBank"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent: the shared data sits beside the project root")
    for path in sorted(folder.glob("*.tml"))[:60]:
        text = re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8"))
        missing = _matches(text, True) - _matches(text, False)
        assert not missing, (path.name, [(RULES[r][0], text[a:b]) for r, a, b in missing])


def test_public_names_are_sorted_and_exported() -> None:
    assert time_stage.__all__ == sorted(time_stage.__all__)
    for name in time_stage.__all__:
        assert getattr(time_stage, name) is not None

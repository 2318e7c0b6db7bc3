"""Property tests: the tagger never crashes and always gives well-formed values."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.time import is_timex_value, sentence_times, tag

# An independent statement of what a TIMEX3 value may look like (not the package's own).
DATE_VALUE = re.compile(
    r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF|"
    r"(?:\d{2,4}|XXXX|\d{2}XX|\d{3}X)"
    r"(?:-(?:0[1-9]|1[0-2]|XX)(?:-(?:0[1-9]|[12]\d|3[01]|XX))?"
    r"|-W(?:0[1-9]|[1-4]\d|5[0-3]|XX)(?:-(?:[1-7]|WE))?"
    r"|-Q[1-4X]|-H[12X]|-(?:SP|SU|FA|WI))?"
    r"(?:T(?:(?:[01]\d|2[0-4])(?::[0-5]\d){0,2}|MO|AF|EV|NI|DT))?)$"
)
DURATION_VALUE = re.compile(r"^P(?:(?:\d+|X)(?:Y|M|W|D|Q|E|C|L|WE))*(?:T(?:(?:\d+|X)[HMS])+)?$")

WORDS = (
    "on in the last next this that Saturday Friday May March June 2005 1945 2000-2008 "
    "20 November Nov. 18 a an two three 13 months years weeks days ago later earlier "
    "every each per year quarter third autumn fall summer winter now recently today "
    "yesterday tomorrow tonight morning evening 3 p.m. 05:36 GMT noon midnight early "
    "late mid- about more than nearly the 1990s 19th century fiscal 60-year decade "
    "will said was , . $9bn weekly 31 February 13th month 99999 Mondays 11/20/2005"
).split()

sentences = st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join)
anchors = st.one_of(
    st.none(),
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["2014-02-08", "0001-01-01", "9999-12-31", "bad", "2014-02-08T23:59"]),
)


def _check(text: str, anchor: str | None) -> None:
    timexes = tag(text, anchor)
    previous_end = -1
    for timex in timexes:
        assert text[timex.start : timex.end] == timex.text
        assert timex.start >= previous_end, "time expressions overlap"
        previous_end = timex.end
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")
        pattern = (
            DURATION_VALUE if timex.value.startswith("P") and timex.type != "DATE" else DATE_VALUE
        )
        assert pattern.match(timex.value), (timex, text)
        assert is_timex_value(timex.type, timex.value)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences, anchors)
def test_word_salad_is_safe(text: str, anchor: str | None) -> None:
    _check(text, anchor)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), anchors)
def test_any_text_is_safe(text: str, anchor: str | None) -> None:
    _check(text, anchor)


@settings(max_examples=100, deadline=None)
@given(sentences, anchors)
def test_sentence_times_cover_sentences(text: str, anchor: str | None) -> None:
    for item in sentence_times(text, tag(text, anchor), anchor):
        assert 0 <= item.start < item.end <= len(text)
        assert item.source in ("own", "previous", "anchor")
        assert item.tense in ("past", "present", "future")

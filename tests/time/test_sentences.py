"""Sentence splitting and the time of each sentence."""

from __future__ import annotations

import pytest

from storyline.time import sentence_times, split_sentences, tag


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Mr. Abe came. He left.", ["Mr. Abe came.", "He left."]),
        ("It rose 3.5 percent. Then it fell!", ["It rose 3.5 percent.", "Then it fell!"]),
        (
            "He met J. Smith in the U.S. on Nov. 20. Talks ended.",
            ["He met J. Smith in the U.S. on Nov. 20.", "Talks ended."],
        ),
        ('"We will go," he said. It ended.', ['"We will go," he said.', "It ended."]),
        ("Headline\nFirst line of text.", ["Headline", "First line of text."]),
        ("  ", []),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


TEXT = (
    "Putin made an official visit to Japan in 2005. He met Koizumi in Tokyo. "
    "Relations are warm now.\n\n"
    "He signed a deal. The two leaders will meet in June."
)


def test_sentence_times() -> None:
    anchor = "2014-02-08"
    times = sentence_times(TEXT, tag(TEXT, anchor), anchor)
    assert [(t.time, t.source, t.tense) for t in times] == [
        ("2005", "own", "past"),
        ("2005", "previous", "past"),
        ("2014-02-08", "own", "present"),
        ("2014-02-08", "anchor", "past"),
        ("2014-06", "own", "future"),
    ]
    assert TEXT[times[1].start : times[1].end] == "He met Koizumi in Tokyo."


def test_sentence_times_without_anchor() -> None:
    times = sentence_times("It rained. It will rain.", (), None)
    assert [(t.time, t.source, t.tense) for t in times] == [
        (None, "anchor", "past"),
        (None, "anchor", "future"),
    ]

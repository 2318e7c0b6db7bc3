"""Article identity and near duplicates: normalisation, MinHash, LSH, grouping."""

from __future__ import annotations

import random
import statistics
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.store import PutOutcome, SQLiteStore, _dedup
from tests.store.corpus import STRIKE_ANALYSIS, STRIKE_REPORT, article, document, words

BODY = "\n\n".join(STRIKE_REPORT)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin  ARRIVES in\nJapan — at last!", "putin arrives in japan at last"),
        ("“Quoted,” he said.", "quoted he said"),
        ("U.S.-Japan talks", "usjapan talks"),
        ("Straße", "strasse"),
        ("ﬁne ＡＢＣ", "fine abc"),
        ("e\u0301te\u0301", "été"),
        ("e.\u0301", "é"),
        ("tab\tand\u00a0space\u2003", "tab and space"),
        ("Путин, «острова»!", "путин острова"),
        ("कहा। उन्होंने", "कहा उन्होंने"),
        ("word\U0001d400 and \U00010100 sign", "worda and sign"),
        (" ... ", ""),
    ],
)
def test_normalize_text(text: str, expected: str) -> None:
    assert _dedup.normalize_text(text) == expected


@given(st.text())
def test_normalize_text_is_stable(text: str) -> None:
    once = _dedup.normalize_text(text)
    assert _dedup.normalize_text(once) == once
    assert "  " not in once and once == once.strip()


@given(st.text(st.characters(max_codepoint=127)))
def test_ascii_shortcut_gives_the_general_result(text: str) -> None:
    folded = text.casefold()
    assert _dedup.normalize_text(text) == _dedup._strip_punctuation(folded)


def _reference_shingle_hashes(normalized: str) -> list[int]:
    """The same hashes as `_dedup._shingle_hashes`, one shingle at a time."""
    tokens = normalized.split(" ")
    count = max(1, len(tokens) - _dedup.SHINGLE_WORDS + 1)
    hashes = []
    for index in range(count):
        shingle = " ".join(tokens[index : index + _dedup.SHINGLE_WORDS]) + " "
        value = sum(
            byte * pow(_dedup._BASE, position, 2**64)
            for position, byte in enumerate(shingle.encode("utf-8"), start=1)
        )
        value %= 2**64
        hashes.append((value ^ (value >> 32)) & 0xFFFFFFFF)
    return hashes


@pytest.mark.parametrize(
    "text",
    ["one", "one two three four", "one two three four five", BODY, "Это наш город, друзья!"],
)
def test_vectorised_shingle_hashes_match_reference(text: str) -> None:
    normalized = _dedup.normalize_text(text)
    assert _dedup._shingle_hashes(normalized).tolist() == _reference_shingle_hashes(normalized)


@pytest.mark.parametrize("word", ["lorem", "x" * 300_000])
def test_long_bodies_are_fingerprinted_from_their_start(word: str) -> None:
    long_text = " ".join([word] * (600_000 // len(word) + 2))
    same_start = long_text + " with a different ending"
    first, second = (_dedup.fingerprint_of(text) for text in (long_text, same_start))
    assert _dedup.similarity(first.signature, second.signature) == 1.0
    assert len(_dedup._shingle_hashes(long_text)) <= _dedup.MAX_FINGERPRINT_BYTES // 5


def _shingles(normalized: str) -> set[str]:
    tokens = normalized.split(" ")
    return {" ".join(tokens[i : i + 5]) for i in range(max(1, len(tokens) - 4))}


def test_similarity_estimates_are_unbiased() -> None:
    rng = random.Random(11)
    errors = []
    for _ in range(300):
        base = words(rng, rng.randint(150, 400)).split()
        edited = list(base)
        for _ in range(rng.randint(2, 20)):
            edited[rng.randrange(len(edited))] = words(rng, 1)
        first, second = " ".join(base), " ".join(edited)
        exact = len(_shingles(first) & _shingles(second)) / len(
            _shingles(first) | _shingles(second)
        )
        estimate = _dedup.similarity(
            _dedup.fingerprint_of(first).signature, _dedup.fingerprint_of(second).signature
        )
        errors.append(estimate - exact)
    # With 128 permutations one estimate errs by at most 0.044 (one standard error at
    # J=0.5); the mean of 300 must sit far closer to zero if the hashing is sound.
    assert abs(statistics.fmean(errors)) < 0.01
    assert statistics.pstdev(errors) < 0.05


def test_band_keys_follow_band_contents() -> None:
    first = _dedup.fingerprint_of(_dedup.normalize_text(BODY))
    changed = first.signature.copy()
    changed[5] += np.uint32(1)  # band 1 holds values 4..7
    keys = _dedup.band_keys(changed)
    assert len(keys) == _dedup.BANDS
    assert [a == b for a, b in zip(first.keys, keys, strict=True)] == [
        band != 1 for band in range(_dedup.BANDS)
    ]
    assert all(-(2**63) <= key < 2**63 for key in keys)


def _copy(
    paragraphs: tuple[str, ...], prefix: str = "", extra: str = "", drop_last: bool = False
) -> tuple[str, ...]:
    body = list(paragraphs[:-1] if drop_last else paragraphs)
    body[0] = prefix + body[0]
    if extra:
        body.append(extra)
    return tuple(body)


EXTRA = "A spokesman for the shipping agents declined to comment on Monday evening."
NEAR_COPIES = {
    "agency tag": _copy(STRIKE_REPORT, prefix="VELMORA (Harbour Wire) - "),
    "extra sentence": _copy(STRIKE_REPORT, extra=EXTRA),
    "tag and extra sentence": _copy(STRIKE_REPORT, prefix="(Harbour Wire) ", extra=EXTRA),
    "other last line": _copy(STRIKE_REPORT, drop_last=True, extra=EXTRA),
    "edited words": tuple(
        p.replace("Monday", "Tuesday").replace("nine", "ten").replace("several", "some")
        for p in STRIKE_REPORT
    ),
}
NOT_COPIES = {
    "same happening, other report": STRIKE_ANALYSIS,
    "same first half only": STRIKE_REPORT[:3] + STRIKE_ANALYSIS[3:],
    "unrelated": tuple(words(random.Random(5), 40) for _ in range(6)),
}


@pytest.mark.parametrize("name", sorted(NEAR_COPIES))
def test_syndicated_copy_is_a_near_duplicate(store: SQLiteStore, name: str) -> None:
    first = store.put(document("wire.html", "a"), article(STRIKE_REPORT, "Dockers strike"))
    copy = article(NEAR_COPIES[name], "Port of Velmora at a standstill as workers walk out")
    result = store.put(document("paper.html", "b"), copy)
    assert result.outcome is PutOutcome.NEAR_DUPLICATE
    assert result.duplicate_of == first.article_id
    stored = store.get_article(result.article_id or "")
    assert stored is not None and stored.duplicate_of == first.article_id


@pytest.mark.parametrize("name", sorted(NOT_COPIES))
def test_different_article_is_not_a_near_duplicate(store: SQLiteStore, name: str) -> None:
    store.put(document("wire.html", "a"), article(STRIKE_REPORT, "Dockers strike"))
    result = store.put(document("other.html", "b"), article(NOT_COPIES[name], "Dockers strike"))
    assert result.outcome is PutOutcome.NEW
    assert result.duplicate_of is None


def test_group_keeps_its_first_article(store: SQLiteStore) -> None:
    first = store.put(document("1.html", "1"), article(STRIKE_REPORT))
    second = store.put(document("2.html", "2"), article(NEAR_COPIES["extra sentence"]))
    # Closer to the second copy than to the first, yet grouped under the first.
    third_text = NEAR_COPIES["extra sentence"] + ("The march was later postponed.",)
    third = store.put(document("3.html", "3"), article(third_text))
    assert [second.duplicate_of, third.duplicate_of] == [first.article_id] * 2
    assert store.put(document("4.html", "4"), article(third_text)).duplicate_of == (
        first.article_id
    )
    stats = store.stats()
    assert (stats["near_duplicate_groups"], stats["near_duplicates"]) == (1, 2)
    assert stats["exact_duplicates"] == 1


def test_short_texts_that_differ_are_not_grouped(store: SQLiteStore) -> None:
    store.put(document("1.html", "1"), article(("Shares in Velmora Grain rose 3 percent.",)))
    result = store.put(
        document("2.html", "2"), article(("Shares in Velmora Grain fell 3 percent.",))
    )
    assert result.outcome is PutOutcome.NEW


def test_a_group_stored_in_any_order_settles_on_one_first_article(tmp_path: Path) -> None:
    texts = [STRIKE_REPORT, NEAR_COPIES["extra sentence"], NEAR_COPIES["edited words"]]
    firsts: set[str] = set()
    for n, order in enumerate(([0, 1, 2], [2, 1, 0], [1, 2, 0])):
        with SQLiteStore(str(tmp_path / f"{n}.db")) as store:
            ids = [
                store.put(document(f"{i}.html", str(i)), article(texts[i])).article_id
                for i in order
            ]
            store.settle_duplicates(store.unanalysed_articles())
            stored = [store.get_article(a or "") for a in ids]
            firsts |= {a.duplicate_of or a.id for a in stored if a is not None}
    assert len(firsts) == 1


def test_a_group_with_an_analysed_article_keeps_its_first_article(store: SQLiteStore) -> None:
    first = store.put(document("1.html", "1"), article(NEAR_COPIES["edited words"]))
    store.mark_analysed([first.article_id or ""])
    second = store.put(document("2.html", "2"), article(STRIKE_REPORT))
    assert store.settle_duplicates(store.unanalysed_articles()) == 0
    stored = store.get_article(second.article_id or "")
    assert stored is not None and stored.duplicate_of == first.article_id

"""A tiny language guesser: writing system first, then counts of common words.

It tells apart about fifteen languages frequent in news, which is all the pipeline needs
to pick a tokenizer or skip a language it does not handle.  Pages usually declare their
language, and a declaration is always preferred to this guess.
"""

from __future__ import annotations

import re
from collections import Counter

# Very frequent short function words; a word listed for two languages counts for both.
# The lists were written from general knowledge of each language, not from any corpus
# of this project.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to in is that for it was on with as by at from are this be have has "
        "not but an they which were their said would will been who its".split()
    ),
    "de": frozenset(
        "der die das und ist nicht mit den von sich des auf für dem ein eine auch als "
        "wird im zu bei nach wie noch sind aus einer werden hat".split()
    ),
    "fr": frozenset(
        "le la les et des est un une du en que qui dans pour pas sur au par avec ce "
        "il elle sont mais plus ont été aux cette ses".split()
    ),
    "es": frozenset(
        "el la los las y de que en un una es por con para del se no al su lo como más "
        "pero sus fue ha este esta entre".split()
    ),
    "it": frozenset(
        "il lo la gli le di che e è un una per non con del della sono si nel al dei "
        "delle anche come ha più ma alla".split()
    ),
    "pt": frozenset(
        "o a os as de que e do da em um uma para com não no na se por mais dos das "
        "foi ao como mas são ele ela".split()
    ),
    "nl": frozenset(
        "de het een en van is dat op te in niet zijn voor met die aan er ook als maar "
        "bij om door werd heeft wordt nog".split()
    ),
    "sv": frozenset(
        "och att det som en på är av för med till den har inte om ett var de men från "
        "sig så kan vid eller efter".split()
    ),
    "pl": frozenset(
        "i w na z że nie się do jest to o jak po od przez dla za ale są jego jej tym "
        "czy także oraz już".split()
    ),
    "ru": frozenset(
        "и в не на что с по как это он она из за о к для от его но так же были было "
        "уже который также".split()
    ),
    "uk": frozenset(
        "і в не на що з по як це він вона із за про до для від його але та також були "
        "було вже який".split()
    ),
    "tr": frozenset(
        "ve bir bu da de için ile olarak daha çok olan gibi en ama değil sonra kadar "
        "ise mi ne her".split()
    ),
}

_WORD = re.compile(r"[^\W\d_]+")

# Guessing from fewer words than this is a coin toss; below it we say "unknown".
_MIN_WORDS = 5
# How many words to look at: a few hundred settle the vote, more only costs time.
_MAX_WORDS = 400


def _script_language(text: str) -> str | None:
    """Return a language fixed by the writing system, if the text has one."""
    sample = text[:2000]
    if not sample or max(sample) < "\u0370":
        return None  # Latin script only (most news): nothing below is counted but "other"
    counts: Counter[str] = Counter()
    for char in sample:
        code = ord(char)
        if 0x3040 <= code <= 0x30FF:
            counts["ja"] += 1
        elif 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF:
            counts["ko"] += 1
        elif 0x4E00 <= code <= 0x9FFF:
            counts["han"] += 1
        elif 0x0600 <= code <= 0x06FF:
            counts["ar"] += 1
        elif 0x0590 <= code <= 0x05FF:
            counts["he"] += 1
        elif 0x0370 <= code <= 0x03FF:
            counts["el"] += 1
        elif 0x0E00 <= code <= 0x0E7F:
            counts["th"] += 1
        elif 0x0900 <= code <= 0x097F:
            counts["hi"] += 1
        elif char.isalpha():
            counts["other"] += 1
    if not counts:
        return None
    if counts["ja"]:
        # Japanese text mixes kana with Han characters; kana alone decide it.
        return "ja"
    top, n = counts.most_common(1)[0]
    if top == "other" or n < 10:
        return None
    return "zh" if top == "han" else top


def guess_language(text: str) -> str | None:
    """Guess the ISO 639-1 code of ``text``, or ``None`` when unsure.

    Example::

        assert guess_language("The talks were held in Tokyo on Sunday and it was cold.") == "en"
    """
    by_script = _script_language(text)
    if by_script is not None:
        return by_script
    words = [w.lower() for w in _WORD.findall(text[:20000])[:_MAX_WORDS]]
    if len(words) < _MIN_WORDS:
        return None
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    # Require that common words make up a visible share of the text, so that a list of
    # names or numbers is not labelled.
    if scores[best] < max(2, len(words) // 20):
        return None
    return best


def normalize_language_tag(tag: str | None) -> str | None:
    """Return the primary subtag of a BCP 47 / locale tag: ``"en-GB"`` → ``"en"``."""
    if not tag:
        return None
    primary = re.split(r"[-_\s,;]", tag.strip(), maxsplit=1)[0].lower()
    if not (2 <= len(primary) <= 3) or not primary.isalpha():
        return None
    return primary

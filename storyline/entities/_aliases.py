"""Learning aliases from the way texts introduce them.

Patterns (each a regular expression over one sentence part):

* ``S is/are (also) known as A [in V] [and (as) B [in W]]`` - ``known_as``, with the
  place after "in"/"by" as the viewpoint ("the Southern Kuriles in Russia");
* ``X, also called / also known as / dubbed / nicknamed Y`` - ``also_called``;
* ``X, formerly (known as / called) Y`` - ``formerly``;
* ``..., which/what V calls Y`` - ``called_by``, with ``V`` as the viewpoint;
* ``Long Name (ACR)`` and ``ACR (Long Name)`` - ``acronym``, when the letters of the
  acronym are the initials of the long name's words ("Group of Eight (G8)": number
  words count as digits).

The subject ``S`` of "known as" is the sentence's opening noun phrase with any
comma-enclosed aside removed ("The chain, off Hokkaido, is known as ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from storyline.entities._gazetteer import Gazetteer, default_gazetteer
from storyline.entities._lexicon import NUMBER_WORDS
from storyline.entities._types import AliasFact, AliasRelation
from storyline.model import Evidence

_WORD = r"[A-Z][\w'’.&-]*"
# Words of one name are on one line.
_NAME = rf"{_WORD}(?:[ \t]+(?:(?:of|for|de)[ \t]+(?:the[ \t]+)?)?{_WORD})*"
_VIEW = rf"(?:\s+(?:in|by)\s+(?:the\s+)?(?P<{{v}}>{_NAME}))?"
_KNOWN_AS = re.compile(
    r"\b(?:is|are|was|were)\s+(?:also\s+|widely\s+|commonly\s+|sometimes\s+)?known\s+as\s+"
    rf"(?:the\s+)?(?P<a>{_NAME}){_VIEW.format(v='va')}"
    rf"(?:,?\s+(?:and|or)\s+(?:as\s+)?(?:the\s+)?(?P<b>{_NAME}){_VIEW.format(v='vb')})?"
)
_ALSO_CALLED = re.compile(
    rf"(?P<s>{_NAME}),\s+(?:also\s+(?:called|known\s+as)|dubbed|nicknamed|"
    rf"(?:better|commonly)\s+known\s+as)\s+(?:the\s+)?(?P<a>{_NAME})"
)
_ALSO_CALLED_HINT = re.compile(r"also called|known as|dubbed|nicknamed")
_FORMERLY = re.compile(
    rf"(?P<s>{_NAME}),?\s+\(?formerly\s+(?:known\s+as\s+|called\s+)?(?:the\s+)?(?P<a>{_NAME})"
)
_CALLED_BY = re.compile(
    rf"(?P<s>(?:the\s+|The\s+)?[\w'’-]+(?:\s+[\w'’-]+){{0,3}}),\s+(?:which|what)\s+"
    rf"(?:the\s+)?(?P<v>{_NAME})\s+calls?\s+(?:(?:the|its)\s+)?(?P<a>{_NAME})"
    # "… which Japan calls A and Russia (calls) B": a second viewpoint's name.
    rf"(?:,?\s+and\s+(?:the\s+)?(?P<w>{_NAME})\s+(?:calls?\s+)?(?:(?:the|its)\s+)?(?P<b>{_NAME}))?"
)
_CALLED_BY_HINT = re.compile(r"\b(?:which|what)\b[^.]{0,60}\bcalls?\b")
_PARENTHESISED = re.compile(r"\s\((?P<acr>[A-Z][A-Za-z0-9.&-]{1,9})\)")
_NAME_AT_END = re.compile(rf"(?P<long>{_NAME})$")
# How far before "(ACR)" the long name may start, in characters.
_LONG_NAME_REACH = 120
_ACRONYM_BEFORE = re.compile(rf"\b(?P<acr>[A-Z][A-Z0-9.&-]{{1,9}})\s+\((?P<long>{_NAME})\)")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z\"“(])|\n")
_LAST_DETERMINER = re.compile(
    r"\b(?:the|these|those|The|These|Those)\b(?!.*\b(?:the|these|those)\b)"
)
_ASIDE = re.compile(r",[^,]{1,60},")
_DESCRIPTION_TAIL = re.compile(
    r"\s+(?:of|off|near|in|at|(?:north|south)?(?:east|west)?(?:ern)?\s+of)\b.*$", re.DOTALL
)
_NAME_END = re.compile(r"(?<=[a-z]{2})\.\s+")
_FUNCTION_WORDS = frozenset("of the and for de".split())
# The longest subject, in words, read as the name of the thing a "known as" describes.
_MAX_SUBJECT_WORDS = 6


def learn_aliases(text: str, gazetteer: Gazetteer | None = None) -> tuple[AliasFact, ...]:
    """Return the aliases ``text`` states, in text order.

    Example:
        >>> facts = learn_aliases("The Group of Eight (G8) met in Sochi.")
        >>> [(f.name, f.alias, f.relation) for f in facts]
        [('Group of Eight', 'G8', 'acronym')]
    """
    gaz = gazetteer or default_gazetteer()
    facts: list[AliasFact] = []
    if "known as" in text:
        facts.extend(_known_as(text, gaz))
    if _ALSO_CALLED_HINT.search(text):
        facts.extend(_simple(text, _ALSO_CALLED, "also_called"))
    if "formerly" in text:
        facts.extend(_simple(text, _FORMERLY, "formerly"))
    if _CALLED_BY_HINT.search(text):
        facts.extend(_called_by(text, gaz))
    if "(" in text:
        facts.extend(_acronyms(text))
    facts.sort(key=lambda f: (f.evidence.start, f.alias_start))
    return tuple(facts)


def _known_as(text: str, gaz: Gazetteer) -> Iterator[AliasFact]:
    for match in _KNOWN_AS.finditer(text):
        subject = _subject_before(text, match.start())
        if subject is None:
            continue
        name, name_start = subject
        evidence = _evidence(text, name_start, match.end())
        for alias, view in (("a", "va"), ("b", "vb")):
            if match.group(alias) is None:
                continue
            viewpoint = _viewpoint(match.group(view), gaz) if match.group(view) else None
            yield AliasFact(
                name,
                name_start,
                _clean(match.group(alias)),
                match.start(alias),
                viewpoint,
                "known_as",
                evidence,
            )


def _subject_before(text: str, verb: int) -> tuple[str, int] | None:
    """Return the subject phrase that ends just before ``verb``, with its offset."""
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, 0, verb)]
    start = breaks[-1] if breaks else 0
    phrase = text[start:verb]
    phrase = _ASIDE.sub(lambda m: " " * len(m.group()), phrase).rstrip(" ,")
    stripped = phrase.lstrip()
    offset = start + len(phrase) - len(stripped)
    if not stripped or len(stripped.split()) > _MAX_SUBJECT_WORDS or "," in stripped:
        return None
    return stripped, offset


def _simple(text: str, pattern: re.Pattern[str], relation: AliasRelation) -> Iterator[AliasFact]:
    for match in pattern.finditer(text):
        yield AliasFact(
            _clean(match.group("s")),
            match.start("s"),
            _clean(match.group("a")),
            match.start("a"),
            None,
            relation,
            _evidence(text, match.start(), match.end()),
        )


def _called_by(text: str, gaz: Gazetteer) -> Iterator[AliasFact]:
    for match in _CALLED_BY.finditer(text):
        subject, subject_start = match.group("s"), match.start("s")
        article = _LAST_DETERMINER.search(subject)
        if article is not None:
            subject, subject_start = subject[article.start() :], subject_start + article.start()
        # "islands north of Hokkaido": the description ends where its place phrase starts.
        subject = _DESCRIPTION_TAIL.sub("", subject) if subject[:1].islower() else subject
        for alias, view in (("a", "v"), ("b", "w")):
            if match.group(alias) is None:
                continue
            yield AliasFact(
                subject,
                subject_start,
                _clean(match.group(alias)),
                match.start(alias),
                _viewpoint(match.group(view), gaz),
                "called_by",
                _evidence(text, match.start(), match.end()),
            )


def _acronyms(text: str) -> Iterator[AliasFact]:
    for match in _PARENTHESISED.finditer(text):
        low = max(0, match.start() - _LONG_NAME_REACH)
        before = _NAME_AT_END.search(text, low, match.start())
        if before is not None:
            yield from _acronym_fact(text, before.group("long"), before.start(), match, match.end())
    for match in _ACRONYM_BEFORE.finditer(text):
        yield from _acronym_fact(text, match.group("long"), match.start("long"), match, match.end())


def _acronym_fact(
    text: str, long_text: str, long_at: int, match: re.Match[str], end: int
) -> Iterator[AliasFact]:
    acronym = match.group("acr").rstrip(".")
    found = _matching_tail(long_text, acronym)
    if found is None:
        return
    long_name, skipped = found
    long_start = long_at + skipped
    evidence = _evidence(text, min(long_start, match.start("acr")), end)
    yield AliasFact(long_name, long_start, acronym, match.start("acr"), None, "acronym", evidence)


def _matching_tail(long_name: str, acronym: str) -> tuple[str, int] | None:
    """Return the tail of ``long_name`` whose initials spell ``acronym``, and its offset."""
    letters = acronym.replace(".", "").replace("-", "").upper()
    words = long_name.split()
    for first in range(len(words)):
        if words[first].lower() in _FUNCTION_WORDS:
            continue
        initials = "".join(_initial(w) for w in words[first:] if w.lower() not in _FUNCTION_WORDS)
        if initials == letters:
            skipped = len(" ".join(words[:first])) + (1 if first else 0)
            return " ".join(words[first:]), skipped
        if len(initials) < len(letters):
            break
    return None


def _initial(word: str) -> str:
    number = NUMBER_WORDS.get(word.lower())
    if number is not None:
        return number
    parts = [p for p in word.split("-") if p]
    return "".join(p[0].upper() for p in parts)


def _viewpoint(name: str, gaz: Gazetteer) -> str:
    """Return the canonical place a viewpoint phrase names ("the Japanese" → Japan)."""
    cleaned = _clean(name)
    entry = gaz.lookup(cleaned)
    if entry is not None:
        return entry.canonical
    singular = cleaned[:-1] if cleaned.endswith("s") else cleaned
    return gaz.demonym(cleaned) or gaz.demonym(singular) or cleaned


def _clean(name: str) -> str:
    """Strip a sentence's closing period from a name, keeping initialisms ("U.S.")."""
    # A name never runs past the end of its sentence ("Japan. The Soviet Union").
    name = _NAME_END.split(name.strip(), maxsplit=1)[0]
    if name.endswith(".") and not (len(name) > 2 and name[-3] == "."):
        name = name[:-1]
    return name


def _evidence(text: str, start: int, end: int) -> Evidence:
    return Evidence(text=text[start:end], start=start, end=end)

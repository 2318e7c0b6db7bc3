"""The per-text state of a mention scan: tokens, vocabulary, headlines, span helpers."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.entities._cues import fold, is_possessive
from storyline.entities._gazetteer import Gazetteer
from storyline.entities._text import Tokens, crude_stem, is_capitalised, normalize_key
from storyline.entities._types import DemonymLink, Kind, Mention

# A line counts as a headline when at least this share of its longer words are
# capitalised (title case) or all capitals.  0.8 keeps ordinary sentences full of
# names out and catches ECB+ headlines; re-run benchmarks/entities.py after a change.
_HEADLINE_SHARE = 0.8
_HEADLINE_MIN_WORDS = 3


@dataclass(frozen=True, slots=True)
class Context:
    """What a scan knows about the whole text while it reads one run."""

    tokens: Tokens
    gazetteer: Gazetteer
    lower_stems: frozenset[str]
    inner_capitals: frozenset[str]
    headline: tuple[bool, ...]
    titled: frozenset[str] = frozenset()


def build_context(tokens: Tokens, gazetteer: Gazetteer) -> Context:
    """Collect what the scan needs about the whole text: vocabulary and headlines.

    ``lower_stems`` are the stems of the words the text writes in lower case;
    ``inner_capitals`` the words it capitalises inside sentences outside headlines;
    ``titled`` the words it writes with a capital and then lower case ("Obama", so that
    "OBAMA" is the name shouted, no acronym).
    """
    headline = headlines(tokens)
    lower: set[str] = set()
    inner: set[str] = set()
    titled: set[str] = set()
    for word, opens, heading in zip(tokens.words, tokens.starts_sentence, headline, strict=True):
        if word[:1].islower():
            lower.add(word)
            continue
        if not opens and not heading:
            inner.add(fold(word))
        if word[1:2].islower():
            titled.add(fold(word))
    stems = frozenset(crude_stem(w) for w in lower)
    return Context(tokens, gazetteer, stems, frozenset(inner), headline, frozenset(titled))


def headlines(tokens: Tokens) -> tuple[bool, ...]:
    """Mark the tokens of lines written in title case or in capitals.

    A line that ends like a sentence (a full stop, question or exclamation mark) is
    never a headline, however many names it holds.
    """
    flags = [False] * len(tokens)
    line_start = 0
    for i in range(1, len(tokens) + 1):
        if i == len(tokens) or "\n" in tokens.gaps[i]:
            tail = tokens.gaps[i] if i < len(tokens) else tokens.text[tokens.ends[i - 1] :]
            words = [w for w in tokens.words[line_start:i] if len(w) > 3 and w.isalpha()]
            capital = sum(1 for w in words if is_capitalised(w))
            if (
                len(words) >= _HEADLINE_MIN_WORDS
                and capital >= _HEADLINE_SHARE * len(words)
                and not tail.lstrip(" \"'”’)").startswith((".", "!", "?"))
            ):
                flags[line_start:i] = [True] * (i - line_start)
            line_start = i
    return tuple(flags)


def span_text(ctx: Context, first: int, last: int) -> str:
    """Return the text of tokens ``first..last`` without a final possessive."""
    text = ctx.tokens.text[ctx.tokens.starts[first] : ctx.tokens.ends[last]]
    if is_possessive(text):
        text = text[:-2]
    return text


def make_mention(ctx: Context, first: int, last: int, kind: Kind, canonical: str | None) -> Mention:
    """Return the mention of tokens ``first..last``, keyed by ``canonical`` when known."""
    text = span_text(ctx, first, last)
    start = ctx.tokens.starts[first]
    key = normalize_key(canonical if canonical is not None else text)
    return Mention(text, start, start + len(text), kind, key)


def with_cue(mention: Mention, role: str | None, cue: str | None) -> Mention:
    """Return ``mention`` with its title cue and the role that cue gives."""
    return Mention(
        mention.text, mention.start, mention.end, mention.kind, mention.entity_key, role, cue
    )


def make_demonym(ctx: Context, first: int, last: int, place: str) -> DemonymLink:
    """Return the demonym link of tokens ``first..last`` to ``place``."""
    text = span_text(ctx, first, last)
    start = ctx.tokens.starts[first]
    return DemonymLink(text, start, start + len(text), normalize_key(place))

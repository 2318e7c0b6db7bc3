"""Finding entity mentions: capitalised runs, cues, gazetteer and kind rules.

The steps, each a small function below:

1. `tokenize` the text; mark sentence starts and headline lines (title case or capitals).
2. Decide per token whether it may be part of a name (`_may_start_name`): a capital
   letter, not a month or weekday, and - at a sentence start or in a headline - not a
   word the text also uses in lower case nor a function word, unless it is a known
   name, a cue or a given name.
3. Join candidate tokens into runs across single spaces, name particles ("bin", "de")
   and "of" after a head word ("Group of Eight", "Bank of Japan").
4. Read each run (`_read_run`): a whole gazetteer name; hyphenated pairs of places
   ("Russia-Japan"); a name with a kind cue word; else a title cue followed by a name
   ("Russian President Vladimir Putin"), then a kind from given names, context words
   and the run's shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from storyline.entities._cues import Cue, fold, is_possessive, parse_cue
from storyline.entities._gazetteer import Gazetteer
from storyline.entities._lexicon import (
    DAYS,
    EVENT_SUFFIXES,
    HONORIFICS,
    MONTHS,
    NAME_SUFFIXES,
    NOT_CURRENT,
    NUMBER_WORDS,
    ORG_PREFIXES,
    ORG_SUFFIXES,
    PARTICLES,
    PLACE_PREFIXES,
    PLACE_PREPOSITIONS,
    PLACE_SUFFIXES,
    REPORTING_VERBS,
    SHORT_DAYS,
    SINGLE_TITLES,
    STOPWORDS,
    TIME_ZONES,
    TITLE_SECONDS,
    TITLE_WORDS,
    TOWARDS_WORDS,
)
from storyline.entities._names import family_first
from storyline.entities._scan import (
    Context,
    build_context,
    make_demonym,
    make_mention,
    span_text,
    with_cue,
)
from storyline.entities._text import (
    crude_stem,
    is_acronym,
    is_capitalised,
    is_joining_gap,
    normalize_key,
    tokenize,
)
from storyline.entities._types import DemonymLink, Kind, Mention

# Head words after which "of" continues a name ("Republic of Korea", "Battle of Britain").
_OF_HEADS = (
    ORG_SUFFIXES
    | ORG_PREFIXES
    | PLACE_SUFFIXES
    | PLACE_PREFIXES
    | EVENT_SUFFIXES
    | TITLE_WORDS
    | frozenset(
        "group republic kingdom battle treaty isle duke duchess earl states federation "
        "emirate commonwealth tour people's".split()
    )
)
# Words that start a place's name ("Southern Kuriles", "East Timor").
_DIRECTIONS = frozenset(
    "north south east west northern southern eastern western central upper lower greater".split()
)
_EVENT_HEADS = frozenset("battle siege hurricane typhoon cyclone storm".split())
# Function words that a capital inside a sentence does not make a name ("Funeral Of X").
_FUNCTION_WORDS = frozenset("of the and for to in on at a an with by from or as".split())
# Pronouns capitalised inside a sentence: page furniture run into the text ("... for
# lawyers Our new research tools ..."), a quotation or a slogan, never a name.  ("US",
# "IT" and "ME" are names; "us", "it" and "me" are left out.)
_PRONOUNS = frozenset("we our ours you your yours my they their theirs he his she her".split())
# ... and these, unless in capitals ("IT", "IS"): "Getty Images It was ...", "SPAIN This
# is ...", "the film This Is It".
_POINTERS = frozenset("it its this that these those there here is are was were be".split())
# Words that open a clause, capitalised or shouted inside flat text or a reader's comment
# ("Reply How could ...", "IF THEY ..."), never a name.
_CLAUSE_WORDS = frozenset(
    "if how why what when where whether not no yes ok okay so but yet then than because"
    " although though unless while".split()
)
# Words that describe rather than name: alone they are no name ("NEW:", a live report's
# marker; "Western leaders"; "Muslim voters"; "state TV"), though they open many names
# ("New York", "Western Sahara", "Muslim Brotherhood").
_DESCRIBING_WORDS = frozenset(
    "new old western eastern northern southern persian world tv muslim muslims islamic"
    " islamist islamists christian christians jewish catholic catholics protestant"
    " protestants sunni sunnis shiite shiites shia hindu hindus buddhist buddhists coptic"
    " copts orthodox evangelical evangelicals".split()
)
# "I'm", "I’ve", "I'd", "I'll": no name, though "I'll" shares a key with "Ill." (Illinois).
_I_CONTRACTION = re.compile(r"I['\u2019](?:m|ve|d|ll|s)$")
# Longest run read as one name; longer capitalised runs are headlines or lists.
_MAX_RUN = 8
# After a capitalised name, this lower-case word makes a named event ("G8 summit").
_EVENT_AFTER = frozenset({"summit"})


@dataclass(frozen=True, slots=True)
class Scan:
    """The mentions and demonym links found in one text."""

    mentions: tuple[Mention, ...]
    demonyms: tuple[DemonymLink, ...]


def scan_text(text: str, gazetteer: Gazetteer) -> Scan:
    """Find the mentions and demonyms of ``text`` (see the module docstring)."""
    ctx = build_context(tokenize(text), gazetteer)
    candidates = [_may_start_name(ctx, i) for i in range(len(ctx.tokens))]
    _mark_known_names(ctx, candidates)
    _unmark_page_phrases(ctx, candidates)
    mentions: list[Mention] = []
    demonyms: list[DemonymLink] = []
    for first, last in _runs(ctx, candidates):
        _read_run(ctx, first, last, mentions, demonyms)
    mentions.extend(_event_phrases(ctx, mentions))
    unique_mentions: dict[tuple[int, int], Mention] = {}
    for mention in mentions:
        unique_mentions.setdefault((mention.start, mention.end), mention)
    unique_demonyms: dict[int, DemonymLink] = {}
    for demonym in demonyms:
        unique_demonyms.setdefault(demonym.start, demonym)
    ordered = sorted(unique_mentions.values(), key=lambda m: (m.start, -m.end))
    return Scan(tuple(ordered), tuple(sorted(unique_demonyms.values(), key=lambda d: d.start)))


def _may_start_name(ctx: Context, i: int) -> bool:
    """Tell whether token ``i`` may be part of a name."""
    word = ctx.tokens.words[i]
    if not is_capitalised(word) or word == "I" or _I_CONTRACTION.match(word):
        return False
    low = fold(word)
    if low in DAYS or (low in MONTHS and _is_date_word(ctx, i)):
        return False
    if (low in TIME_ZONES and word.isupper()) or (low in SHORT_DAYS and _opens_date(ctx, i)):
        return False
    if low in _CLAUSE_WORDS and not _numbered(ctx, i):
        return False
    if _shouted_word(ctx, i, word, low) or _clock_suffix(ctx, i):
        return False
    if _ADVERB.search(low) and ctx.gazetteer.lookup(word) is None:
        return False  # "Reply Actually, ..." where a comment thread runs into the text
    if low in _LEAD_WORDS and not word.isupper() and not _follows_capital(ctx, i):
        return False  # a comment's "Reply", "Hi", "Dear", "Watch" ("Apple Watch" is one)
    if low in _PAGE_WORDS:
        return False
    opens = i > 0 and fold(ctx.tokens.words[i - 1]) in _PAGE_WORDS  # "RETWEET Looking"
    if not (ctx.tokens.starts_sentence[i] or ctx.headline[i] or opens):
        return not _common_inside_sentence(ctx, i, word, low)
    if _is_known_word(ctx, word, low, acronyms=not ctx.headline[i]) or _opens_title(ctx, i):
        return True
    if low in STOPWORDS or crude_stem(low) in ctx.lower_stems:
        return False
    if len(low) > 5 and low.endswith("ing"):
        return False  # a verb opening the sentence: "Pushing Gaddafi's troops back ..."
    if ctx.headline[i]:
        # A headline capitalises every word: keep the names the body also capitalises.
        return low in ctx.inner_capitals
    return low in ctx.inner_capitals or _next_is_capitalised(ctx, i)


def _common_inside_sentence(ctx: Context, i: int, word: str, low: str) -> bool:
    """Tell whether token ``i``, inside a sentence, is a common word that no name starts
    with there: a function word, a pronoun, or a word a flat text ran in from a comment
    (`_LONE_WORDS`), unless it goes on from a name ("USA Today")."""
    if low in _FUNCTION_WORDS or low in _PRONOUNS:
        return True
    if word.isupper():
        return False
    if low in _POINTERS:
        return True
    return low in _LONE_WORDS and (low in _CLAUSE_LINKS or not _follows_capital(ctx, i))


# Adverbs by their ending ("Actually", "Unfortunately", "Obviously"), long enough that
# no given name ("Sally", "Beverly", "Dudley") is among them.
_ADVERB = re.compile(
    r"^[a-z]{3,}(?:ally|ately|ously|ently|antly|ibly|ably|fully|ively|edly|ingly)$"
)


# Common words that start no name in the middle of a sentence, where a flat text ran a
# comment into the next ("| Reply Since you ask", "#news After Gadhafi fell"); numbers
# and "New" or "Will" may end or be a name ("Group of Eight", "Will").
_LONE_WORDS = (
    STOPWORDS
    - frozenset(NUMBER_WORDS)
    - frozenset("first second third new old will may mr mrs ms".split())
)

# Of those, the verbs and the words of time that open a clause, which go on no name
# either ("Egypt After Mubarak", "Health Secretary Did"); see also `_CLAUSE_WORDS`.
_CLAUSE_LINKS = frozenset(
    "after before during since until did does do has have had is are was were could should"
    " would can must might".split()
)


def _clock_suffix(ctx: Context, i: int) -> bool:
    """Tell whether token ``i`` is the "PM" or "AM" of a clock time ("2:47 PM"), no
    prime minister."""
    words = ctx.tokens.words
    return i > 0 and fold(words[i]) in ("am", "pm") and words[i - 1].isdigit()


def _shouted_word(ctx: Context, i: int, word: str, low: str) -> bool:
    """Tell whether token ``i`` is a common word written in capitals ("It is ALL about
    the oil", a comment's "THIS IS"): a function word or one the text also writes in
    lower case, no known name ("US", "WHO"), and of two letters only beside another word
    in capitals ("IS fighters" are the Islamic State's)."""
    if len(word) < 2 or not word.isupper() or ctx.gazetteer.lookup(word) is not None:
        return False
    if low not in STOPWORDS and crude_stem(low) not in ctx.lower_stems:
        return False
    words = ctx.tokens.words
    beside = (words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else "")
    return len(word) > 2 or any(len(w) > 1 and w.isalpha() and w.isupper() for w in beside)


# A web page's own words that an extractor left in its text: a sharing button, whose
# next word opens a sentence, and the legal pages of its footer.  No names, in any case.
_PAGE_WORDS = frozenset({"retweet"})


def _by_first_word(phrases: Iterable[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The word tuples of ``phrases``, listed under their first word."""
    found: dict[str, tuple[tuple[str, ...], ...]] = {}
    for phrase in phrases:
        words = tuple(phrase.split())
        found[words[0]] = (*found.get(words[0], ()), words)
    return found


_PAGE_PHRASES = _by_first_word(
    (
        "terms of service",
        "terms of use",
        "terms and conditions",
        "privacy policy",
        "cookie policy",
        "rules of conduct",
        "community guidelines",
        "user agreement",
    )
)


def _unmark_page_phrases(ctx: Context, candidates: list[bool]) -> None:
    """Take the words of a page's footer phrases ("Terms of Service") out of names."""
    words = ctx.tokens.words
    for i, word in enumerate(words):
        if not candidates[i]:
            continue  # a phrase written in lower case was no name anyway
        for phrase in _PAGE_PHRASES.get(fold(word), ()):
            end = i + len(phrase)
            if tuple(fold(w) for w in words[i:end]) == phrase:
                candidates[i:end] = [False] * len(phrase)


def _mark_known_names(ctx: Context, candidates: list[bool]) -> None:
    """Make every word of a multi-word gazetteer name a candidate ("Middle East")."""
    words, gaz = ctx.tokens.words, ctx.gazetteer
    for i, word in enumerate(words):
        if candidates[i] or fold(word) not in gaz.openers:
            continue
        for last in range(min(len(words) - 1, i + gaz.max_words - 1), i, -1):
            # "al Qaeda" is a name, "the gulf of mexico" in lower case names nothing.
            if gaz.lookup(span_text(ctx, i, last)) is not None and any(
                is_capitalised(w) for w in words[i : last + 1]
            ):
                candidates[i : last + 1] = [True] * (last + 1 - i)
                break


def _is_known_word(ctx: Context, word: str, low: str, *, acronyms: bool) -> bool:
    """Tell whether ``word`` is a cue, a known name or (outside headlines) an acronym."""
    gaz = ctx.gazetteer
    return (
        low in SINGLE_TITLES
        or low in HONORIFICS
        or gaz.lookup(word) is not None
        or gaz.demonym(word) is not None
        or gaz.is_given_name(word)
        or (acronyms and is_acronym(word))
    )


def _opens_title(ctx: Context, i: int) -> bool:
    """Tell whether token ``i`` opens a title of several words ("Prime Minister")."""
    seconds = TITLE_SECONDS.get(fold(ctx.tokens.words[i]), frozenset())
    return i + 1 < len(ctx.tokens) and fold(ctx.tokens.words[i + 1]) in seconds


def _follows_capital(ctx: Context, i: int) -> bool:
    """Tell whether token ``i`` goes on from a capitalised word ("USA Today")."""
    words = ctx.tokens.words
    return (
        i > 0
        and is_capitalised(words[i - 1])
        and is_joining_gap(words[i - 1], ctx.tokens.gaps[i])
        and not _clock_suffix(ctx, i - 1)
        and fold(words[i - 1]) not in _LEAD_WORDS  # "| Reply Some people ..."
    )


def _next_is_capitalised(ctx: Context, i: int) -> bool:
    words = ctx.tokens.words
    return (
        i + 1 < len(words)
        and is_capitalised(words[i + 1])
        and is_joining_gap(words[i], ctx.tokens.gaps[i + 1])
    )


def _is_date_word(ctx: Context, i: int) -> bool:
    """Tell whether a month name is a date word (always, except "May" the name)."""
    words = ctx.tokens.words
    if fold(words[i]) != "may":
        return True
    after = words[i + 1] if i + 1 < len(words) else ""
    before = fold(words[i - 1]) if i else ""
    return after[:1].isdigit() or before in {"in", "since", "until", "by", "early", "late"}


def _turns_to_capitals(word: str, following: str) -> bool:
    """Tell whether a run turns from a capitalised word to a word in capitals, as a
    byline runs into its dateline ("By Jane Doe WASHINGTON"); "Shell PLC" goes on."""
    return (
        len(following) > 2
        and following.isalpha()
        and following.isupper()
        and not word.isupper()
        and fold(following) not in ORG_SUFFIXES
        and fold(following) not in NAME_SUFFIXES  # "Anthony LaCalamita III"
    )


def _numbered(ctx: Context, i: int) -> bool:
    """Tell whether a number follows token ``i`` ("Juror No. 2", "No 10 Downing Street")."""
    return _following_word(ctx, i)[:1].isdigit()


def _opens_date(ctx: Context, i: int) -> bool:
    """Tell whether a date follows token ``i`` ("Thu Jun 3", "Mon, 21 June")."""
    word = _following_word(ctx, i)
    return word[:1].isdigit() or fold(word).rstrip(".") in MONTHS


def _following_word(ctx: Context, i: int) -> str:
    """The word after token ``i`` (tokens are words: "Mon, 21 June" has "21" after "Mon"),
    or "" at the end."""
    words = ctx.tokens.words
    return words[i + 1] if i + 1 < len(words) else ""


def _runs(ctx: Context, candidates: list[bool]) -> Iterator[tuple[int, int]]:
    """Yield ``(first, last)`` token indexes (inclusive) of candidate runs."""
    words = ctx.tokens.words
    i = 0
    while i < len(words):
        if not candidates[i]:
            i += 1
            continue
        last = i
        while last - i < _MAX_RUN and not is_possessive(words[last]):
            if last > i and fold(words[last]) == "staff" and fold(words[last - 1]) != "of":
                break  # a byline's "the CNN Wire Staff", not "Chief of Staff Rahm Emanuel"
            step = _join_step(ctx, candidates, i, last)
            if not step:
                break
            last += step
        yield i, last
        i = last + 1


def _join_step(ctx: Context, candidates: list[bool], first: int, last: int) -> int:
    """Return how many tokens to add to run ``first..last`` (0 to stop)."""
    words, gaps = ctx.tokens.words, ctx.tokens.gaps
    nxt = last + 1
    if nxt >= len(words) or not is_joining_gap(words[last], gaps[nxt]):
        return 0
    if candidates[nxt] and not ctx.tokens.starts_sentence[nxt]:
        return 0 if _turns_to_capitals(words[last], words[nxt]) else 1
    connector = words[nxt]
    width = 2 if connector == "of" and nxt + 1 < len(words) and words[nxt + 1] == "the" else 1
    after = nxt + width
    if after >= len(words) or not candidates[after] or gaps[after] != " ":
        return 0
    if any(gaps[k] != " " for k in range(nxt, after)):
        return 0
    if connector in PARTICLES:
        return 1 + width
    if connector in {"of", "for"} and fold(words[last]) in _OF_HEADS:
        return 1 + width
    if connector in {"and", "of", "for"}:
        # A known name that runs on past the connector ("Food and Drug Administration"),
        # from any word of the run ("U.S. Centers for Disease Control and Prevention").
        gaz = ctx.gazetteer
        for start in range(first, last + 1):
            if fold(words[start]) not in gaz.openers:
                continue
            for end in range(min(len(words) - 1, start + gaz.max_words - 1), after - 1, -1):
                if gaz.lookup(" ".join(words[start : end + 1])) is not None:
                    return end - last
    return 0


def _read_run(
    ctx: Context,
    first: int,
    last: int,
    mentions: list[Mention],
    demonyms: list[DemonymLink],
) -> None:
    """Turn run ``first..last`` into mentions and demonym links."""
    words = ctx.tokens.words
    gaz = ctx.gazetteer
    if _read_compound(ctx, first, last, mentions, demonyms):
        return
    text = span_text(ctx, first, last)
    place = gaz.demonym(text)
    if place is None and last > first and fold(words[last]).endswith("s"):
        place = gaz.demonym(words[last])  # a people: "Cuban Americans", "Ordinary Egyptians"
    if place is not None:
        demonyms.append(make_demonym(ctx, first, last, place))
        return
    entry = gaz.lookup(text)
    if entry is not None:
        if first == last and _common_word_as_acronym(ctx, words[first]):
            return  # "Who said it?" is no WHO
        mentions.append(make_mention(ctx, first, last, entry.kind, entry.canonical))
        return
    if first == last and (fold(words[first]) in _DESCRIBING_WORDS or len(text.strip(".")) < 2):
        return  # "Western leaders"; the "U" of "U . S."
    if first == last and "-" in words[first] and _split_hyphenated(ctx, first, mentions):
        return
    if last > first and _split_places(ctx, first, last, mentions):
        return
    kind = _kind_from_words([fold(w) for w in words[first : last + 1]])
    # "South Korean President Moon Jae-in": a title after a people's name, no place.
    if kind is not None and not (kind == "PLACE" and _cue_prefix(ctx, first, last)[1]):
        mentions.append(make_mention(ctx, first, last, kind, None))
        return
    _read_named_run(ctx, first, last, mentions, demonyms)


def _common_word_as_acronym(ctx: Context, word: str) -> bool:
    """Tell whether ``word`` is a common word not written in capitals whose key only an
    acronym of the gazetteer shares ("Who", "WHO")."""
    return (
        not word.isupper() and fold(word) in STOPWORDS and ctx.gazetteer.written_in_capitals(word)
    )


def _read_named_run(
    ctx: Context,
    first: int,
    last: int,
    mentions: list[Mention],
    demonyms: list[DemonymLink],
) -> None:
    """Read a run that may open with a title cue and name a person or other thing."""
    words = ctx.tokens.words
    start, cue = _cue_prefix(ctx, first, last)
    if cue is None:
        inner = _inner_cue(ctx, first, last)
        if inner is not None:
            title, start, cue = inner
            known = ctx.gazetteer.lookup(span_text(ctx, first, title - 1))
            if known is not None:  # "BP" of "BP Chief Operating Officer Doug Suttles"
                mentions.append(make_mention(ctx, first, title - 1, known.kind, known.canonical))
    if cue is None:
        lead = _lead_in(ctx, first, last, mentions, demonyms)
        if lead != first:
            if lead <= last:
                _read_run(ctx, lead, last, mentions, demonyms)
            return
    if cue is not None:
        _cue_extras(ctx, first, cue, mentions, demonyms)
    if start <= last and not is_capitalised(words[start]):
        # A title of a place or body, no person: "Director of the Petroleum Extension
        # Service", "the Secretary of the Navy".
        while start <= last and not is_capitalised(words[start]):
            start += 1
        if start <= last:
            _read_run(ctx, start, last, mentions, demonyms)
        return
    if start > last:
        return
    behind = _cue_behind(ctx, first, cue)
    if behind is not None:
        cue_first, back_cue = behind
        _cue_extras(ctx, cue_first, back_cue, mentions, demonyms)
        cue = _merge_cues(cue, back_cue)
        first = min(first, cue_first)
    if cue is None and _opens_with_demonym(ctx, start, last):
        demonyms.append(make_demonym(ctx, start, start, ctx.gazetteer.demonym(words[start]) or ""))
        start += 1
        entry = ctx.gazetteer.lookup(span_text(ctx, start, last))
        if entry is not None:  # "Danish UN": the United Nations
            mentions.append(make_mention(ctx, start, last, entry.kind, entry.canonical))
            return
    kind = _kind_of_name(ctx, start, last, cue)
    cue_text = span_text(ctx, first, start - 1) if start > first else None
    role = cue.role if cue is not None else None
    mention = make_mention(ctx, start, last, kind, None)
    mentions.append(with_cue(mention, role, cue_text))


def _lead_in(
    ctx: Context, first: int, last: int, mentions: list[Mention], demonyms: list[DemonymLink]
) -> int:
    """Where a run's name starts after words that lead into it without belonging to
    it (``first`` when none do), reading a known name among them.  Four cases, where a
    headline or comment ran into the text:

    - a common word, an adverb, a verb's "-ing" or a known name before a given name
      ("Finally Thad Allen", "Asking Tony Hayward", "Guardian Tony Hayward");
    - a word opening a question or a letter ("Can Obama ...", "Dear Obama");
    - shouted words before a name the text also writes in title case ("I SAY OBAMA");
    - a name before a title and the same name again ("Obama President Obama").
    """
    words, gaz = ctx.tokens.words, ctx.gazetteer
    given = gaz.is_given_name
    if last > first and given(words[first + 1]) and not given(words[first]):
        low = fold(words[first])
        known = gaz.lookup(words[first])
        if known is not None and known.kind in ("ORG", "PLACE"):
            mentions.append(make_mention(ctx, first, first, known.kind, known.canonical))
            return first + 1
        common = low in STOPWORDS or crude_stem(low) in ctx.lower_stems
        if known is None and (common or (len(low) > 4 and low.endswith(("ly", "ing")))):
            return first + 1
    # A question's "Can Obama fix it?", a comment's "REPLY HI JAMES", run into the text.
    lead = first
    while lead < last and fold(words[lead]) in _LEAD_WORDS:
        lead += 1
    if lead > first:
        return lead
    if last > first and all(w.isupper() for w in words[first : last + 1]):
        # A comment's "I SAY OBAMA", where the text writes "Obama".
        for start in range(first, last + 1):
            if fold(words[start]) in ctx.titled or gaz.lookup(words[start]) is not None:
                return start if start > first and fold(words[start]) in ctx.titled else first
    for title in range(first + 1, last):
        if fold(words[last]) != fold(words[title - 1]):
            continue
        if parse_cue(words[title:last], gaz) is not None:
            _read_run(ctx, first, title - 1, mentions, demonyms)
            return title
    return first


def _inner_cue(ctx: Context, first: int, last: int) -> tuple[int, int, Cue] | None:
    """Find a title inside a run, after the department or company it belongs to, before a
    personal name ("Interior Secretary Ken Salazar", "BP Chief Operating Officer Doug
    Suttles"): the title's first token, the name's first token and a cue whose role is
    the words before the name."""
    words, gaz = ctx.tokens.words, ctx.gazetteer
    for start in range(max(first + 1, last - 2), last):
        if not gaz.is_given_name(words[start]):
            continue
        for title in range(first, start):
            cue = parse_cue(words[title:start], gaz)
            if cue is None:
                continue
            if cue.role is not None:
                owner = " ".join(fold(w).rstrip(".") for w in words[first:title])
                cue = Cue(f"{owner} {cue.role}".strip(), True, cue.country)
            return title, start, cue
    return None


def _opens_with_demonym(ctx: Context, start: int, last: int) -> bool:
    """Tell whether the run opens with a demonym before a known name ("Chinese New Year")."""
    if start >= last or ctx.gazetteer.demonym(ctx.tokens.words[start]) is None:
        return False
    rest = span_text(ctx, start + 1, last)
    return ctx.gazetteer.lookup(rest) is not None or ctx.gazetteer.is_given_name(
        ctx.tokens.words[start + 1]
    )


# Titles that, written with a capital inside a run, open a name ("Star Wars", "Star
# Tribune") rather than title a person ("pop star Madonna" keeps its cue).
_NAME_OPENING_TITLES = frozenset({"star"})


def _cue_prefix(ctx: Context, first: int, last: int) -> tuple[int, Cue | None]:
    """Return where the name starts after the longest title cue, and the cue."""
    words = ctx.tokens.words
    if fold(words[first]) in _NAME_OPENING_TITLES:
        return first, None
    for end in range(last, first - 1, -1):
        cue = parse_cue(words[first : end + 1], ctx.gazetteer)
        if cue is not None:
            return end + 1, cue
    return first, None


def _cue_behind(ctx: Context, start: int, cue: Cue | None) -> tuple[int, Cue] | None:
    """Find a cue written just before the run ("prime minister", "Japan's")."""
    words, gaps = ctx.tokens.words, ctx.tokens.gaps
    if start == 0 or gaps[start] != " ":
        return None
    previous = fold(words[start - 1])
    if cue is None and previous not in TITLE_WORDS and previous not in HONORIFICS:
        return None
    if _clock_suffix(ctx, start - 1):
        return None
    if (
        cue is not None
        and previous not in NOT_CURRENT
        and not (is_possessive(words[start - 1]) or ctx.gazetteer.demonym(words[start - 1]))
    ):
        return None
    low = start
    while low > 0 and start - low < 5 and gaps[low] == " " and not words[low - 1].isdigit():
        low -= 1
        if ctx.tokens.starts_sentence[low]:
            break
    for begin in range(low, start):
        window = words[begin:start]
        if cue is not None:
            if begin != start - 1:
                continue
            if fold(window[0]) in NOT_CURRENT:
                return begin, Cue(None, True, past=True)
            entry = ctx.gazetteer.lookup(window[0])
            place = ctx.gazetteer.demonym(window[0])
            if (entry is not None and is_possessive(window[0])) or place is not None:
                country = entry.canonical if entry is not None else place
                return begin, Cue(None, True, country)
            continue
        found = parse_cue(window, ctx.gazetteer)
        if found is not None:
            return begin, found
    return None


def _merge_cues(cue: Cue | None, back: Cue) -> Cue:
    if cue is None:
        return back
    role = None if back.past else cue.role
    if role is not None and back.country and " of " not in role:
        role = f"{role} of {back.country}"
    return Cue(role, True, back.country or cue.country)


def _cue_extras(
    ctx: Context,
    first: int,
    cue: Cue,
    mentions: list[Mention],
    demonyms: list[DemonymLink],
) -> None:
    """Record the place and demonym named inside a cue ("U.S. President")."""
    if cue.place is not None:
        a, b = cue.place
        entry = ctx.gazetteer.lookup(span_text(ctx, first + a, first + b))
        if entry is not None:
            mentions.append(make_mention(ctx, first + a, first + b, entry.kind, entry.canonical))
    if cue.demonym is not None:
        index, place = cue.demonym
        demonyms.append(make_demonym(ctx, first + index, first + index, place))


def _kind_from_words(folded: list[str]) -> Kind | None:
    """Return the kind that the run's head or opening word gives, if any."""
    opener = folded[0]
    connectors = [i for i, w in enumerate(folded) if w in ("of", "for") and i > 0]
    head = folded[connectors[0] - 1] if connectors else folded[-1]
    if len(folded) > 1 and opener in _EVENT_HEADS:
        return "EVENT"
    if head in ORG_SUFFIXES or (len(folded) > 1 and opener in ORG_PREFIXES):
        return "ORG"
    if head in EVENT_SUFFIXES:
        return "EVENT"
    if head in PLACE_SUFFIXES:
        return "PLACE"
    if len(folded) > 1 and (opener in PLACE_PREFIXES or opener in _DIRECTIONS):
        return "PLACE"
    return None


# Words that open a question or clause before a name and are never part of one (not
# "Will", "May": Will Smith, Theresa May).
_LEAD_WORDS = frozenset(
    "can could should would does did do is are was were has have had why how what"
    " whether if but and or so dear reply hi hey hello sorry thanks thank please"
    " congratulations go ask watch join follow click end quote unquote".split()
)
# Prefixes before a capital inside a surname ("MacArthur", "VanderBilt", "FitzGerald").
_NAME_PREFIXES = frozenset({"mac", "van", "von", "fitz", "vander", "della"})
# Last words of product names, no surnames ("MacBook Pro", "AirPods Max").
_MODEL_WORDS = frozenset("pro max plus mini ultra lite air edition series".split())


def _kind_of_name(ctx: Context, start: int, last: int, cue: Cue | None) -> Kind:
    """Guess the kind of the name in tokens ``start..last``."""
    words = ctx.tokens.words
    gaz = ctx.gazetteer
    if cue is not None and cue.person:
        return "PERSON"
    entry = gaz.lookup(span_text(ctx, start, last))
    if entry is not None:
        return entry.kind
    size = last - start + 1
    if size == 1 and is_acronym(words[start]) and not ctx.headline[start]:
        word = words[start]
        if not (len(word) > 3 and word.isalpha() and fold(word) in ctx.titled):
            return "ORG"  # "OBAMA" where the text also writes "Obama" is no acronym
    if 2 <= size <= 4 and gaz.is_given_name(words[start]):
        return "PERSON"
    before = fold(words[start - 1]) if start else ""
    if before in PLACE_PREPOSITIONS and ctx.tokens.gaps[start] == " " and not _owns(ctx, last):
        # "flew to Sochi", "sent troops to Sochi"; not "resistant to Tamiflu"
        if before != "to" or any(
            fold(w) in TOWARDS_WORDS for w in words[max(0, start - 3) : start - 1]
        ):
            return "PLACE"
    if (
        2 <= size <= 3
        and before != "the"  # "the Exxon Valdez", "the Deepwater Horizon": a thing
        and all(_is_name_shaped(w) for w in words[start : last + 1])
        and gaz.demonym(words[start]) is None  # "British Petroleum"
        and fold(words[start]) not in _REGION_WORDS  # "Pacific Wire", "Asia Ledger"
        and crude_stem(fold(words[last])) not in ctx.lower_stems  # "Privacy Policy"
        and (  # "Red Dead Redemption", though "Ban Ki-moon" is a name written family first
            crude_stem(fold(words[start])) not in ctx.lower_stems
            or family_first(words[start : last + 1], gaz)
        )
        and fold(words[last]) not in _MODEL_WORDS
    ):
        return "PERSON"
    after = fold(words[last + 1]) if last + 1 < len(words) else ""
    if size >= 2 and after in REPORTING_VERBS:
        return "PERSON"
    return "OTHER"


# Seas and world regions, which open names of things named after them ("Pacific Wire",
# "Asia Ledger") but no person's; towns and countries do ("Paris Hilton", "Chad Smith").
_REGION_WORDS = frozenset(
    "pacific atlantic arctic antarctic asia africa europe eurasia oceania baltic"
    " mediterranean caribbean balkan balkans nordic scandinavia siberia sahara".split()
)


def _owns(ctx: Context, last: int) -> bool:
    """Tell whether the name ending at token ``last`` owns what follows ("from Bernie
    Sanders's camp", or "Sanders 's camp" in tokenised text): then a preposition before
    it tells nothing of its kind."""
    words = ctx.tokens.words
    if is_possessive(words[last]):
        return True
    after = last + 1
    if after >= len(words) or words[after] != "s":
        return False
    return ctx.tokens.gaps[after].strip() in ("'", "\u2019")


def _is_name_shaped(word: str) -> bool:
    """Tell whether ``word`` looks like part of a personal name ("LaRue", "C", "O'Neil"):
    not a capital inside a word past a name's prefix ("AirPods", "YouTube"; "MacArthur",
    "DeShawn" and "McCain" are names)."""
    if len(word) == 1:
        return word.isupper()
    if word in PARTICLES:
        return True
    if not (word[:1].isupper() and any(c.islower() for c in word)):
        return False
    inner = next((i for i, c in enumerate(word[1:], 1) if c.isupper()), None)
    return (
        inner is None
        or inner <= 2
        or word[:inner].lower() in _NAME_PREFIXES
        or not word[inner - 1].isalpha()
    )


def _read_compound(
    ctx: Context, first: int, last: int, mentions: list[Mention], demonyms: list[DemonymLink]
) -> bool:
    """Read a run ending in a compound adjective ("London-based", "NATO-led", "New
    York-based", "Russian-made"): the name before the hyphen is the mention (or a
    people's name, a demonym link); the compound is no name of its own."""
    word = ctx.tokens.words[last]
    head, dash, tail = word.rpartition("-")
    if not dash or not head or tail not in _COMPOUND_TAILS:
        return False
    start = ctx.tokens.starts[first]
    end = ctx.tokens.starts[last] + len(head)
    text = ctx.tokens.text[start:end]
    place = ctx.gazetteer.demonym(text)
    if place is not None:
        demonyms.append(DemonymLink(text, start, end, normalize_key(place)))
        return True
    entry = ctx.gazetteer.lookup(text)
    kind: Kind = entry.kind if entry is not None else "OTHER"
    key = normalize_key(entry.canonical if entry is not None else text)
    mentions.append(Mention(text, start, end, kind, key))
    return True


# The second halves of compound adjectives after a name ("London-based").
_COMPOUND_TAILS = frozenset(
    "based led backed born made owned run funded controlled held style era bound sponsored"
    " allied linked affiliated friendly speaking dominated occupied brokered built flagged"
    " registered listed headquartered educated trained supported inspired".split()
)


def _split_hyphenated(ctx: Context, index: int, mentions: list[Mention]) -> bool:
    """Split "Russia-Japan" into its places when every part is a known name."""
    word = ctx.tokens.words[index]
    parts = word.split("-")
    entries = [ctx.gazetteer.lookup(p) for p in parts]
    if len(parts) < 2 or any(e is None for e in entries):
        return False
    offset = ctx.tokens.starts[index]
    for part, entry in zip(parts, entries, strict=True):
        assert entry is not None
        end = offset + len(part)
        key = normalize_key(entry.canonical)
        mentions.append(Mention(part, offset, end, entry.kind, key))
        offset = end + 1
    return True


def _split_places(ctx: Context, first: int, last: int, mentions: list[Mention]) -> bool:
    """Split a run that is a list of known names ("Africa Europe Middle East"), or a
    country run into an acronym the gazetteer does not know ("Algeria BP")."""
    pieces: list[tuple[int, int]] = []
    i = first
    while i <= last:
        for end in range(min(last, i + ctx.gazetteer.max_words - 1), i - 1, -1):
            if ctx.gazetteer.lookup(span_text(ctx, i, end)) is not None:
                pieces.append((i, end))
                i = end + 1
                break
        else:
            if not _acronym_after_country(ctx, pieces, i, last):
                return False
            pieces.append((i, i))
            i += 1
    if len(pieces) < 2:
        return False
    for a, b in pieces:
        entry = ctx.gazetteer.lookup(span_text(ctx, a, b))
        if entry is None:
            mentions.append(make_mention(ctx, a, b, "ORG", None))
        else:
            mentions.append(make_mention(ctx, a, b, entry.kind, entry.canonical))
    return True


# Letters that make a channel or station of the place before them ("Libya TV").
_MEDIA_LETTERS = frozenset({"tv", "fm", "am"})


def _acronym_after_country(ctx: Context, pieces: list[tuple[int, int]], i: int, last: int) -> bool:
    """Tell whether token ``i``, the run's last, is an acronym after a country alone
    ("Algeria BP"), which no name is written as."""
    word = ctx.tokens.words[i]
    return (
        i == last
        and len(pieces) == 1
        and ctx.gazetteer.is_country(span_text(ctx, *pieces[0]))
        and word.isalpha()
        and word.isupper()
        and is_acronym(word)
        and fold(word) not in _MEDIA_LETTERS
    )


def _event_phrases(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """Add "<name> summit" events around ORG or PLACE mentions ("Apec summit")."""
    text = ctx.tokens.text
    found: list[Mention] = []
    for mention in mentions:
        if mention.kind not in ("ORG", "PLACE"):
            continue
        rest = text[mention.end : mention.end + 12]
        for word in _EVENT_AFTER:
            if rest.startswith(f" {word}") and not rest[len(word) + 1 : len(word) + 2].isalpha():
                end = mention.end + 1 + len(word)
                name = text[mention.start : end]
                key = f"{mention.entity_key} {word}"
                found.append(Mention(name, mention.start, end, "EVENT", key))
    return found

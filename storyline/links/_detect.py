"""Find sentences and clauses that refer to happenings at a time other than the article's news."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storyline.entities import ArticleEntities
from storyline.links._lexicon import FUTURE_RE, HEDGE_RE, KIND_OF, LIMIT_RE, MODAL_RE, TRIGGER_RE
from storyline.links._timepoint import time_point
from storyline.model import Article, EventMention, Evidence, Provenance, TimePoint, Timex
from storyline.time import SentenceTime

logger = logging.getLogger(__name__)

OWN_NEWS_BEFORE = dt.timedelta(days=2)
"""A time expression reaching this close before the publication date is the article's own
news ("yesterday", "on Tuesday"), not a mention.  Two days keeps "on Monday" in a Wednesday
paper as own news; chosen on the T17 candidates, re-run ``benchmarks/links.py``."""

OWN_NEWS_AFTER = dt.timedelta(days=1)
"""Likewise after the publication date ("tomorrow" is still today's news)."""

_CLAUSE_BREAK = re.compile(r"[;:,]\s|\s+but\s|\s+—\s")
_WRITTEN_YEAR = re.compile(r"\b\d{4}\b")
_COORDINATION = re.compile(r"^\s*(and|or|to|-|–)\s*$")
_UNANCHORED = re.compile(r"^XXXX-(\d\d|SP|SU|FA|WI)(?:-(\d\d))?$")
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True, slots=True)
class _Context:
    article: Article
    body: str
    anchor: dt.date | None
    entities: ArticleEntities | None
    entity_ids: Mapping[str, str]


def _anchor_of(article: Article) -> dt.date | None:
    if article.published is None:
        return None
    try:
        return dt.date.fromisoformat(article.published.earliest[:10])
    except ValueError:
        return None


def _anchored(value: str, anchor: dt.date | None, future: bool) -> str | None:
    """Give an unanchored value (``XXXX-04``) the year its tense points to."""
    if not value.startswith("XXXX"):
        return value
    match = _UNANCHORED.match(value)
    if match is None or anchor is None:
        return None
    part = match[1]
    month = _SEASON_START.get(part) or int(part)
    year = anchor.year
    if future and month < anchor.month:
        year += 1
    elif not future and month > anchor.month:
        year -= 1
    return f"{year:04d}{value[4:]}"


def _is_own_news(point: TimePoint, anchor: dt.date | None) -> bool:
    if anchor is None:
        return False
    first = (anchor - OWN_NEWS_BEFORE).isoformat()
    last = (anchor + OWN_NEWS_AFTER).isoformat()
    return point.earliest <= last and first <= point.latest


def _clause(text: str, start: int, end: int, position: int) -> tuple[int, int]:
    """Return the clause of sentence ``text[start:end]`` around ``position``, separators out."""
    left, right = start, end
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        if match.end() <= position:
            left = match.end()
        elif match.start() > position:
            right = match.start()
            break
    return left, right


def _trigger(body: str, start: int, end: int, near: int) -> re.Match[str] | None:
    found = list(TRIGGER_RE.finditer(body, start, end))
    if not found:
        return None
    return min(found, key=lambda m: abs(m.start() - near))


def _participants(ctx: _Context, start: int, end: int) -> tuple[tuple[str, ...], str | None]:
    if ctx.entities is None:
        return (), None
    found: list[str] = []
    place: str | None = None
    for index, mention in enumerate(ctx.entities.mentions):
        if mention.start < start or mention.end > end:
            continue
        local = ctx.entities.entity_of(index)
        key = ctx.entity_ids.get(local.id, local.key) if local else mention.entity_key
        if key and key not in found:
            found.append(key)
            if place is None and mention.kind == "PLACE":
                place = key
    return tuple(found), place


def _tense_year(value: str, anchor: dt.date | None, text: str, future: bool) -> str:
    """Move a date written without its year ("April 21") to the year its tense implies."""
    if anchor is None or _WRITTEN_YEAR.search(text) or not re.match(r"^\d{4}-\d\d", value):
        return value
    year = int(value[:4])
    # Only backwards: the tagger reads yearless dates forwards, and past-tense clauses
    # ("April 21: the rig burned") are the ones it gets wrong.
    if not future and value[:7] > anchor.isoformat()[:7]:
        year -= 1
    return f"{year:04d}{value[4:]}"


def _is_limit(body: str, timex: Timex) -> bool:
    """Return whether the date is a deadline ("by June 3", "until August")."""
    # "weakened by last week's quake": a possessive date names the happening itself.
    limit = LIMIT_RE.search(body[max(0, timex.start - 12) : timex.start])
    possessive = body.startswith(("'s", "’s"), timex.end) or timex.text.endswith("'s")
    return limit is not None and not possessive


def _shared_year(body: str, timex: Timex, following: Timex | None) -> str:
    """Give "August" in "August and September 1945" the year written after it."""
    if following is None or _WRITTEN_YEAR.search(timex.text):
        return timex.value
    between = body[timex.end : following.start]
    if not _COORDINATION.match(between) or not _WRITTEN_YEAR.search(following.text):
        return timex.value
    if not re.match(r"^(\d{4}|XXXX)-\d\d", timex.value) or not following.value[:4].isdigit():
        return timex.value
    return following.value[:4] + timex.value[4:]


def _mention_time(
    ctx: _Context, timex: Timex, sentence: SentenceTime, following: Timex | None
) -> tuple[TimePoint, bool] | None:
    """Return the mention's time and whether it is planned, or ``None`` when not a mention."""
    if timex.type != "DATE" or _is_limit(ctx.body, timex):
        return None
    clause = _clause(ctx.body, sentence.start, sentence.end, timex.start)
    # The clause, not the sentence, says whether this date is planned: "agreed on
    # Wednesday to speed up talks on the basis of the 1956 declaration".
    future_cue = FUTURE_RE.search(ctx.body, *clause) is not None or (
        sentence.tense == "future" and not _WRITTEN_YEAR.search(timex.text)
    )
    value = _anchored(_shared_year(ctx.body, timex, following), ctx.anchor, future_cue)
    if value is None:
        return None
    value = _tense_year(value, ctx.anchor, timex.text, future_cue)
    explicit = _WRITTEN_YEAR.search(timex.text) is not None
    evidence = Evidence(timex.text, timex.start, timex.end, ctx.article.id or None)
    point = time_point(
        value,
        provenance=Provenance.EXPLICIT if explicit else Provenance.INFERRED,
        # Explicit years are as good as the tagger; anchored relative ones less so.
        confidence=0.9 if explicit else 0.7,
        evidence=(evidence,),
    )
    if point is None or _is_own_news(point, ctx.anchor):
        return None
    planned = point.earliest > ctx.anchor.isoformat() if ctx.anchor else future_cue
    if (HEDGE_RE if planned else MODAL_RE).search(ctx.body, *clause):
        return None
    return point, planned


_BETWEEN = re.compile(r",?\s+(?:and|then|before|after|while)\s+")


def _split_point(body: str, low: int, high: int, default: int, *, after: bool = False) -> int:
    """Where the text between two dates of one clause divides them ("… and …")."""
    found = list(_BETWEEN.finditer(body, low, high))
    if not found:
        return default
    return found[-1].end() if after else found[-1].start()


def _mentions_in(
    ctx: _Context, sentence: SentenceTime, timexes: Sequence[Timex]
) -> list[EventMention]:
    inside = [t for t in timexes if sentence.start <= t.start and t.end <= sentence.end]
    dates = [t for t in inside if t.type == "DATE"]
    found: list[EventMention] = []
    seen: set[str] = set()
    for position, timex in enumerate(dates):
        following = dates[position + 1] if position + 1 < len(dates) else None
        start, end = (
            (sentence.start, sentence.end)
            if len({date.value for date in dates}) == 1  # one time, maybe written twice
            else _clause(ctx.body, sentence.start, sentence.end, timex.start)
        )
        # "visited in 2005 and returned in 2009": two happenings, one clause each.
        if (
            following is not None
            and following.start < end
            and following.value != timex.value  # "since 1956, the year ...": one time
            and not _COORDINATION.match(ctx.body[timex.end : following.start])
        ):
            end = _split_point(ctx.body, timex.end, following.start, end)
        previous = dates[position - 1] if position else None
        if (
            previous is not None
            and previous.end > start
            and previous.value != timex.value
            and not _COORDINATION.match(ctx.body[previous.end : timex.start])
        ):
            start = _split_point(ctx.body, previous.end, timex.start, start, after=True)
        trigger = _trigger(ctx.body, start, end, timex.start)
        if trigger is None:
            continue
        timed = _mention_time(ctx, timex, sentence, following)
        if timed is None or timed[0].value in seen:
            continue
        seen.add(timed[0].value)
        point, planned = timed
        participants, place = _participants(ctx, sentence.start, sentence.end)
        found.append(
            EventMention(
                article_id=ctx.article.id,
                start=start,
                end=end,
                text=ctx.body[start:end].strip(" ,;:"),
                time=point,
                kind=KIND_OF[trigger[0].lower()],
                tense="future" if planned else "past",
                trigger=trigger[0],
                participants=participants,
                place=place,
            )
        )
    return found


def find_event_mentions(
    article: Article,
    *,
    timexes: Sequence[Timex],
    sentences: Sequence[SentenceTime],
    entities: ArticleEntities | None = None,
    entity_ids: Mapping[str, str] | None = None,
) -> tuple[EventMention, ...]:
    """Return the clauses of ``article`` that refer to a past or planned happening.

    A clause is a mention when it holds a date expression that lies outside the article's
    own news (a few days around its publication date) and a word that names a happening
    ("visit", "seized", "earthquake").  Unanchored dates ("last April" in an undated
    article) are placed with the article's (possibly inferred) publication date.

    Args:
        article: the article; offsets are into ``article.body``.
        timexes: the article body's time expressions (`storyline.time.tag`).
        sentences: the body's sentences (`storyline.time.sentence_times`).
        entities: the body's entities (`storyline.entities.extract_entities`), if known.
        entity_ids: local entity id → canonical id; unmapped entities use their key.

    Returns:
        The mentions in text order, each with kind, tense, participants and `TimePoint`.

    Example:
        >>> from storyline.time import tag, sentence_times
        >>> text = "He made an official visit to Japan in 2005."
        >>> art = Article(title=None, paragraphs=(text,), id="a1")
        >>> tx = tag(text, "2014-02-08")
        >>> [m.time.value for m in find_event_mentions(
        ...     art, timexes=tx, sentences=sentence_times(text, tx, "2014-02-08"))]
        ['2005']
    """
    ctx = _Context(article, article.body, _anchor_of(article), entities, entity_ids or {})
    mentions: list[EventMention] = []
    for sentence in sentences:
        mentions.extend(_mentions_in(ctx, sentence, timexes))
    logger.debug("%s: %d event mentions", article.id, len(mentions))
    return tuple(mentions)

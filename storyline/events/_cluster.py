"""Online event clustering: each article joins the most similar recent event or starts one.

The method follows Miranda et al. (2018): sparse TF-IDF vectors with document
frequencies learnt online, a cluster centroid per event, a similarity that mixes body,
title, entity and time agreement, and a threshold that lets the data decide how many
events there are.  Candidate events come from an inverted index over the terms and
entities of *recent* events only (events idle for ``window_days`` leave the index and
free their vectors), so the cost of one article stays flat however large the archive.
"""

from __future__ import annotations

import hashlib
import logging
import math
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from operator import mul
from types import MappingProxyType

from storyline.events._signal import Signal, parse_day
from storyline.events._text import heaviest_first, heaviest_keys

logger = logging.getLogger(__name__)

# An article's query: (term, TF-IDF weight, IDF) for each of its terms.
_Query = list[tuple[str, float, float]]


@dataclass(frozen=True, slots=True)
class ClusterConfig:
    """Settings of `EventClusterer`.

    The weights and threshold were chosen by a grid search on the ECB+ *train* topics
    (``benchmarks/clustering.py --part ecb --tune``) and checked on the demo corpus;
    the time settings by reading the T17 streams (follow-up coverage of one happening
    rarely runs beyond ten days).  Re-run the clustering benchmark after any change.

    Args:
        min_similarity: the least combined similarity for an article to join an event.
        body_weight: weight of the body TF-IDF cosine.
        title_weight: weight of the title TF-IDF cosine (dropped when a side has none).
        entity_weight: weight of the entity overlap (dropped when a side has none).
        day_tolerance: days between event times that cost nothing.
        max_gap_days: beyond this many days apart, an article never joins an event.
        window_days: an event that got no article for this many days leaves the index.
        undated_factor: the similarity factor when only one of article and event has a
            time, a day or a coarse period: an undated report may be about another
            time (0.6 keeps the example corpus's undated report of the 2018 Singapore
            talks out of the 2013 Moscow talks, told in the same words).
        undated_margin: an article with no time at all joins its most similar event
            without the undated factor when that event is at least this many times as
            similar as any other candidate: nothing else competes for it.  On the ECB+
            train topics through the whole pipeline (``--part ecb-pipeline``) B3 F1
            0.881 -> 0.886 (1.5 gives the same, 2.5 0.876); undated reports of a dated
            happening otherwise stayed apart from it.
        query_terms: how many of the article's best terms look up candidates.
        max_candidates: how many candidates are scored in full.
        max_posting: index entries shared by more active events than this are not looked
            up (they are too common to find the right event, and slow; 50 costs nothing
            on ECB+ and keeps the synthetic stream fast).
        prefix: the start of every event id.
    """

    min_similarity: float = 0.17
    body_weight: float = 0.6
    title_weight: float = 0.1
    entity_weight: float = 0.2
    day_tolerance: int = 2
    max_gap_days: int = 10
    window_days: int = 10
    undated_factor: float = 0.6
    undated_margin: float = 2.0
    query_terms: int = 12
    max_candidates: int = 8
    max_posting: int = 50
    prefix: str = "ev-"


class _Cluster:
    """The running state of one recent event."""

    __slots__ = (
        "chi",
        "clo",
        "core",
        "ent",
        "first",
        "hi",
        "id",
        "last",
        "lo",
        "n",
        "norm2",
        "terms",
        "title",
        "tnorm2",
    )

    def __init__(self, event_id: str, first: str) -> None:
        self.id = event_id
        self.first = first
        self.terms: dict[str, float] = {}
        self.title: dict[str, float] = {}
        self.ent: dict[str, int] = {}
        self.core: frozenset[str] = frozenset()
        self.norm2 = 0.0
        self.tnorm2 = 0.0
        self.n = 0
        self.lo: int | None = None
        self.hi: int | None = None
        self.last: int | None = None
        # The hull of its articles' days and coarse periods (see `Signal.period`).
        self.clo: int | None = None
        self.chi: int | None = None


CORE_REFRESH = 16
"""Events with more articles than this refresh their core entities every this many."""

MAX_EVENT_TERMS = 2000
"""An event's centroid keeps at most twice this many terms; past that it is cut back to
its heaviest `MAX_EVENT_TERMS` (and entities likewise).  A long-running event of
thousands of articles otherwise gathers tens of thousands of terms whose tail weighs
almost nothing in a cosine but costs memory and slows core refreshes.  The cut also takes
the dropped terms out of the index, so an article whose rarest words were among them no
longer finds the event: at 1,000 the T17 stream's largest events lost their late articles
to new events (story B3 F1 0.908 -> 0.856, order stability 0.953 -> 0.756); at 2,000 and
above the T17 figures are unchanged."""


def event_id_for(first_article: str, prefix: str = "ev-") -> str:
    """Return the deterministic id of an event started by ``first_article``."""
    return prefix + hashlib.sha1(first_article.encode("utf-8")).hexdigest()[:12]


class EventClusterer:
    """Cluster a stream of article `Signal`s into events, online and deterministically.

    Example:
        >>> from storyline.events import Signal
        >>> clusterer = EventClusterer()
        >>> a = clusterer.add(Signal("a1", terms=(("quake", 2.0), ("chile", 1.0))))
        >>> b = clusterer.add(Signal("a2", terms=(("quake", 1.0), ("chile", 2.0))))
        >>> a == b
        True
    """

    def __init__(self, config: ClusterConfig | None = None) -> None:
        self.config = config or ClusterConfig()
        self._df: dict[str, int] = {}
        self._documents = 0
        self._active: dict[str, _Cluster] = {}
        self._postings: dict[str, set[str]] = {}
        self._assigned: dict[str, str] = {}
        self._clock: int | None = None
        self._logs: list[float] = [0.0, math.log(2)]  # log(1 + i): IDF without calling log
        # Originals whose syndicated copy came first: original id -> the copy's event.
        self._awaited: dict[str, str] = {}

    # -- public ----------------------------------------------------------------------

    def add(self, signal: Signal) -> str:
        """Put one article into the best recent event, or start a new event.

        Returns:
            The id of the event the article joined or started.
        """
        known = self._assigned.get(signal.article_id)
        if known is not None:
            return known
        day = _day_of(signal)
        span = _span(signal, day)
        self._advance(day)
        original = self._assigned.get(signal.duplicate_of) if signal.duplicate_of else None
        if original is not None:
            # A syndicated copy joins its original's event and counts once.
            self._assigned[signal.article_id] = original
            return original
        if signal.duplicate_of:
            # The copy came before its original: cluster it, and let the original follow.
            cluster = self._best(signal, day, span)
        else:
            awaited = self._awaited.pop(signal.article_id, None)
            cluster = self._active.get(awaited) if awaited else None
            if cluster is None:
                cluster = self._best(signal, day, span)
        if cluster is None:
            cluster = self._start(signal)
        self._absorb(cluster, signal, day, span)
        if signal.duplicate_of:
            self._awaited[signal.duplicate_of] = cluster.id
        return cluster.id

    def restore(
        self,
        event_id: str,
        signals: Sequence[Signal],
        *,
        advance: bool = True,
        count: bool = True,
    ) -> None:
        """Re-seed the state of event ``event_id`` from its stored article signals.

        With ``advance`` the clock moves on to the event's last day, so that events idle
        since then leave the index; without, an old event is put back beside the
        current ones.  Without ``count`` the articles do not enter the document
        frequencies (given by `learn_frequencies` instead).
        """
        ordered = _in_time_order(signals)
        if not ordered:
            return
        cluster = self._active.get(event_id) or _Cluster(event_id, ordered[0].article_id)
        self._active[event_id] = cluster
        for signal in ordered:
            day = _day_of(signal)
            if signal.duplicate_of and signal.duplicate_of in self._assigned:
                self._assigned[signal.article_id] = event_id
                continue
            self._absorb(cluster, signal, day, _span(signal, day), count=count)
        if advance:
            self._advance(cluster.last)

    def learn_frequencies(self, counts: Mapping[str, int], documents: int = 0) -> None:
        """Add document frequencies counted elsewhere (by earlier runs over the archive):
        ``counts`` of articles per term, over ``documents`` articles.  Give each term's
        count before an article holding it is added or restored, as the weights of an
        event's terms are set when they enter it."""
        df = self._df
        for term, n in counts.items():
            df[term] = df.get(term, 0) + n
        self._documents += documents
        self._grow_logs()

    def frequencies(self) -> Mapping[str, int]:
        """How many of the articles counted hold each term (a read-only view)."""
        return MappingProxyType(self._df)

    @property
    def documents(self) -> int:
        """How many articles the document frequencies count."""
        return self._documents

    def reopen(self, event_id: str, signals: Sequence[Signal]) -> None:
        """Bring back an event that left the index, from its articles' signals.

        For an article whose date is unknown, which may report a happening of any time:
        the caller finds candidate events by their words (the store's full-text index)
        and reopens those that have left.  Unlike `restore`, the articles are not
        counted again in the document frequencies (this clusterer has seen them).
        """
        if event_id in self._active or not signals:
            return
        ordered = _in_time_order(signals)
        members = {s.article_id for s in ordered}
        cluster = _Cluster(event_id, ordered[0].article_id)
        self._active[event_id] = cluster
        for signal in ordered:
            if signal.duplicate_of in members:
                continue  # a syndicated copy counts once, as when it joined
            day = _day_of(signal)
            self._absorb(cluster, signal, day, _span(signal, day), count=False)

    def reconsider(self, event_id: str, signals: Sequence[Signal]) -> None:
        """Take event ``event_id`` apart and place each of its articles (``signals``)
        again, as `add` would, among the events as they stand now.

        For a small event of undated reports: each was compared, when it came, with the
        events of that moment, and one that came before most reports of its happening
        found none yet.  So each joins only an event with more articles than this one
        had (two lone reports agreeing in words are no such coverage), and an event
        whose time it cannot confirm only at the undated factor (no clear winner
        without it, see `ClusterConfig.undated_margin`); else it joins or starts the
        event its fellows start again (which keeps its id when the article it started
        from starts it again).  Syndicated copies follow their originals.
        """
        cluster = self._active.get(event_id)
        if cluster is not None:
            self._retire(cluster)
        ordered = _in_time_order(signals)
        members = {s.article_id for s in ordered}
        size = sum(1 for s in ordered if s.duplicate_of not in members)
        for signal in ordered:
            self._assigned.pop(signal.article_id, None)
        copies = []
        started: set[str] = set()
        for signal in ordered:
            if signal.duplicate_of in members:
                copies.append(signal)
                continue
            day = _day_of(signal)
            span = _span(signal, day)
            found = self._best(signal, day, span, margin=False, larger_than=size, unless=started)
            if found is None:
                found = self._start(signal)
                started.add(found.id)
            self._absorb(found, signal, day, span, count=False)
        for signal in copies:
            original = self._assigned.get(signal.duplicate_of or "")
            if original is not None:
                self._assigned[signal.article_id] = original

    def divide(self, event_id: str, parts: Sequence[Sequence[Signal]]) -> list[str]:
        """Replace event ``event_id`` by ``parts`` of its articles (see `divide_event`).

        The part holding the article the event's id was made from keeps the id (else
        the part holding the article it started from, else the largest); each other
        part takes the id its earliest article would have started (the next article's
        when an open event has that id).  Every part is open to new articles.  Returns
        the parts' ids, in the order of ``parts``.
        """
        cluster = self._active.get(event_id)
        founder = cluster.first if cluster is not None else None
        if cluster is not None:
            self._retire(cluster)
        prefix = self.config.prefix

        def claim(i: int) -> tuple[bool, bool, int, int]:
            members = {s.article_id for s in parts[i]}
            made_from = any(event_id_for(a, prefix) == event_id for a in members)
            return made_from, founder in members, len(members), -i

        keep = max(range(len(parts)), key=claim)
        ids = []
        for i, part in enumerate(parts):
            ordered = _in_time_order(part)
            part_id = event_id
            if i != keep:
                # The id its earliest article would start, unless an open event has it.
                own = (event_id_for(s.article_id, prefix) for s in ordered)
                free = (e for e in own if e not in self._active)
                part_id = next(free, event_id_for(f"{event_id}/{i}", prefix))
            self.reopen(part_id, ordered)
            # Syndicated copies are not absorbed again; they follow their originals.
            self._assigned.update((s.article_id, part_id) for s in ordered)
            ids.append(part_id)
        return ids

    def is_open(self, event_id: str) -> bool:
        """Whether event ``event_id`` is in the index of recent events."""
        return event_id in self._active

    def event_of(self, article_id: str) -> str | None:
        """The event this clusterer put ``article_id`` in, if it has seen it."""
        return self._assigned.get(article_id)

    def key_terms(self, signal: Signal, count: int) -> list[str]:
        """The ``count`` terms of ``signal`` with the highest TF-IDF, heaviest first, for
        looking up other coverage: terms this clusterer has seen come before those it
        has not (a word no earlier article used is the rarest, and finds nothing)."""
        idf, df = self._idf, self._df
        rows = [(t, w * idf(t), 0) for t, w in signal.terms if t in df]
        ranked = [t for t, _, _ in heaviest_first(rows)]
        if len(ranked) < count:
            unseen = [(t, w, 0) for t, w in signal.terms if t not in df]
            ranked.extend(t for t, _, _ in heaviest_first(unseen))
        return ranked[:count]

    def assignments(self) -> dict[str, str]:
        """Return article id → event id for every article seen."""
        return dict(self._assigned)

    @property
    def active_events(self) -> int:
        """The number of events still open to new articles."""
        return len(self._active)

    # -- internals -------------------------------------------------------------------

    def _grow_logs(self) -> None:
        """Keep the table of ``log(1 + i)`` two entries past the document count."""
        while len(self._logs) <= self._documents + 1:
            self._logs.append(math.log(1 + len(self._logs)))

    def _idf(self, term: str) -> float:
        # A term's document frequency never exceeds the document count, and `_absorb`
        # keeps the table two entries past that count.
        return self._logs[self._documents + 1] - self._logs[self._df.get(term, 0)]

    def _advance(self, day: int | None) -> None:
        if day is None or (self._clock is not None and day <= self._clock):
            return
        self._clock = day
        horizon = day - self.config.window_days
        stale = [c for c in self._active.values() if c.last is not None and c.last < horizon]
        for cluster in stale:
            self._retire(cluster)

    def _start(self, signal: Signal) -> _Cluster:
        """The event ``signal`` starts (still open when it started one before)."""
        event_id = event_id_for(signal.article_id, self.config.prefix)
        cluster = self._active.get(event_id) or _Cluster(event_id, signal.article_id)
        self._active[event_id] = cluster
        return cluster

    def _retire(self, cluster: _Cluster) -> None:
        for key in (*cluster.terms, *("@" + e for e in cluster.ent)):
            posting = self._postings.get(key)
            if posting is not None:
                posting.discard(cluster.id)
                if not posting:
                    del self._postings[key]
        del self._active[cluster.id]

    def _candidates(self, query: _Query, entities: Sequence[str]) -> list[_Cluster]:
        config = self.config
        best = heaviest_first(query)
        keys = [t for t, _, _ in best[: config.query_terms]] + ["@" + e for e in entities[:8]]
        postings = [self._postings.get(key) for key in keys]
        votes = Counter(  # counted in C
            chain.from_iterable(p for p in postings if p and len(p) <= config.max_posting)
        )
        return [self._active[event_id] for event_id in heaviest_keys(votes, config.max_candidates)]

    def _best(
        self,
        signal: Signal,
        day: int | None,
        span: tuple[int, int] | None,
        *,
        margin: bool = True,
        larger_than: int = 0,
        unless: Collection[str] = (),
    ) -> _Cluster | None:
        """The event ``signal`` joins, if any: the most similar one, scaled by time
        agreement, above `min_similarity` (with ``margin``, for an article with no time,
        a clear winner unscaled, see `_clear_winner`).  Events with at most
        ``larger_than`` articles are passed over, except those named in ``unless``."""
        logs, df = self._logs, self._df
        most = logs[self._documents + 1]
        query = [(t, w * idf, idf) for t, w in signal.terms if (idf := most - logs[df.get(t, 0)])]
        if not query and not signal.entities:
            return None
        qnorm = math.sqrt(sum(q * q for _, q, _ in query))
        weights = {t: q * idf for t, q, idf in query}
        title = {t: (most - logs[df.get(t, 0)]) ** 2 for t in signal.title_terms}
        tnorm2 = sum(title.values())
        entities = signal.entities
        mine = frozenset(entities[:10])
        config = self.config
        chosen: _Cluster | None = None
        top = config.min_similarity
        timeless = margin and day is None and span is None
        similar: list[tuple[float, _Cluster]] = []
        for cluster in self._candidates(query, entities):
            if cluster.n <= larger_than and cluster.id not in unless:
                continue
            # The weighted mean of the parts both sides have, scaled by time agreement.
            factor = _time_factor(day, span, cluster, config)
            if factor <= 0.0:
                continue
            total = config.body_weight
            mass = total * _body_cosine(weights, qnorm, cluster)
            if title and cluster.tnorm2 > 0:
                total += config.title_weight
                mass += config.title_weight * _title_cosine(title, tnorm2, cluster)
            if entities and cluster.ent:
                total += config.entity_weight
                mass += config.entity_weight * _entity_overlap(mine, cluster)
            similarity = mass / total if total else 0.0
            if timeless:
                similar.append((similarity, cluster))
            score = factor * similarity
            if score >= top and (chosen is None or score > top or cluster.id < chosen.id):
                chosen, top = cluster, score
        if similar:
            return _clear_winner(similar, config) or chosen
        return chosen

    def _prune(self, cluster: _Cluster) -> None:
        """Cut an event's terms, title terms and entities back to their heaviest."""
        for key, counts in (("", cluster.terms), ("@", cluster.ent)):
            for dropped in _heaviest(counts, MAX_EVENT_TERMS):
                del counts[dropped]
                posting = self._postings.get(key + dropped)
                if posting is not None:
                    posting.discard(cluster.id)
                    if not posting:
                        del self._postings[key + dropped]
        for dropped in _heaviest(cluster.title, MAX_EVENT_TERMS):
            del cluster.title[dropped]
        idf = self._idf
        cluster.norm2 = sum((m * idf(t)) ** 2 for t, m in cluster.terms.items())
        cluster.tnorm2 = sum((m * idf(t)) ** 2 for t, m in cluster.title.items())

    def _absorb(
        self,
        cluster: _Cluster,
        signal: Signal,
        day: int | None,
        span: tuple[int, int] | None,
        *,
        count: bool = True,
    ) -> None:
        """Add one article to ``cluster``; with ``count`` (an article new to this
        clusterer) its terms enter the document frequencies too."""
        self._assigned[signal.article_id] = cluster.id
        terms, postings = cluster.terms, self._postings
        logs, df_get = self._logs, self._df.get
        top = logs[self._documents + 1]  # `_idf`, inlined: this loop is the hot path
        title, tnorm2 = cluster.title, cluster.tnorm2
        for term in signal.title_terms:
            was = title.get(term, 0.0)
            title[term] = was + 1.0
            idf = top - logs[df_get(term, 0)]
            tnorm2 += ((was + 1.0) ** 2 - was * was) * idf * idf
        cluster.tnorm2 = tnorm2
        norm2 = cluster.norm2
        df = self._df
        for term, weight in signal.terms:
            seen = df_get(term, 0)
            if count:
                df[term] = seen + 1  # the IDF below is the one before this article
            idf = top - logs[seen]
            old = terms.get(term)
            if old is None:
                # New to the event: index it (a term the event has is indexed already).
                terms[term] = weight
                norm2 += weight * weight * idf * idf
                posting = postings.get(term)
                if posting is None:
                    postings[term] = {cluster.id}
                else:
                    posting.add(cluster.id)
            else:
                terms[term] = old + weight
                norm2 += ((old + weight) ** 2 - old * old) * idf * idf
        cluster.norm2 = norm2
        ent = cluster.ent
        for entity in signal.entities:
            mentions = ent.get(entity)
            if mentions is None:
                ent[entity] = 1
                postings.setdefault("@" + entity, set()).add(cluster.id)
            else:
                ent[entity] = mentions + 1
        cluster.n += 1
        if cluster.n <= CORE_REFRESH or cluster.n % CORE_REFRESH == 0:
            # The core of a large event barely moves with one more article; refreshing
            # it every time made the cost per article grow with the event's size.
            cluster.core = _core_entities(cluster)
        if day is not None:
            cluster.lo = day if cluster.lo is None else min(cluster.lo, day)
            cluster.hi = day if cluster.hi is None else max(cluster.hi, day)
            cluster.last = day if cluster.last is None else max(cluster.last, day)
        if span is not None:
            cluster.clo = span[0] if cluster.clo is None else min(cluster.clo, span[0])
            cluster.chi = span[1] if cluster.chi is None else max(cluster.chi, span[1])
        if count:
            self._documents += 1
        self._grow_logs()
        if len(terms) > 2 * MAX_EVENT_TERMS or len(cluster.ent) > 2 * MAX_EVENT_TERMS:
            self._prune(cluster)  # after the counts above, so its IDFs include this article


def _heaviest(counts: Mapping[str, float], keep: int) -> list[str]:
    """The keys of ``counts`` past its ``keep`` heaviest (ties broken by key)."""
    return heaviest_keys(counts)[keep:]


def _body_cosine(weights: dict[str, float], qnorm: float, cluster: _Cluster) -> float:
    """Cosine of the article's TF-IDF vector and the event's centroid.

    ``weights`` maps each query term to its TF-IDF weight times IDF (the centroid keeps
    raw masses); the shared terms are found by a set intersection and summed, in C.
    """
    if cluster.norm2 <= 0 or qnorm <= 0:
        return 0.0
    terms = cluster.terms
    shared = weights.keys() & terms.keys()
    dot: float = sum(map(mul, map(weights.__getitem__, shared), map(terms.__getitem__, shared)))
    return dot / (qnorm * math.sqrt(cluster.norm2))


_ZEROS = repeat(0.0)


def _title_cosine(title: dict[str, float], norm2: float, cluster: _Cluster) -> float:
    """Cosine of the article's title and the event's titles; ``title`` maps each title
    term to its squared IDF, ``norm2`` is their sum."""
    if not norm2:
        return 0.0
    dot: float = sum(map(mul, title.values(), map(cluster.title.get, title, _ZEROS)))
    return dot / math.sqrt(norm2 * cluster.tnorm2)


def _ordinal(text: str | None) -> int | None:
    day = parse_day(text)
    return day.toordinal() if day is not None else None


def _day_of(signal: Signal) -> int | None:
    """The day an article's news happened (its event day, else its publication day)."""
    return _ordinal(signal.event_time or signal.published)


def _in_time_order(signals: Sequence[Signal]) -> list[Signal]:
    """``signals`` by day (undated first), then by article id."""
    return sorted(signals, key=lambda s: (s.event_time or s.published or "", s.article_id))


def _span(signal: Signal, day: int | None) -> tuple[int, int] | None:
    """The days an article's news lies between: its event day, else its coarse period."""
    if day is not None:
        return day, day
    if signal.period is None:
        return None
    first, last = _ordinal(signal.period[0]), _ordinal(signal.period[1])
    return (first, last) if first is not None and last is not None else None


def _clear_winner(similar: list[tuple[float, _Cluster]], config: ClusterConfig) -> _Cluster | None:
    """The most similar event when it is similar enough and `undated_margin` times as
    similar as the next; else ``None``."""
    ranked = sorted(similar, key=lambda pair: (-pair[0], pair[1].id))
    best, cluster = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
    if best >= config.min_similarity and best >= config.undated_margin * runner_up:
        return cluster
    return None


def _time_factor(
    day: int | None, span: tuple[int, int] | None, cluster: _Cluster, config: ClusterConfig
) -> float:
    """How far time agreement lets an article join ``cluster`` (1 = fully, 0 = never).

    Days are compared when both sides have them; otherwise the article's day or coarse
    period is compared with the hull of the event's, so reports from different years
    stay apart even when neither knows its day.
    """
    if day is not None and cluster.lo is not None and cluster.hi is not None:
        gap = max(0, cluster.lo - day, day - cluster.hi)
    elif span is not None and cluster.clo is not None and cluster.chi is not None:
        gap = max(0, cluster.clo - span[1], span[0] - cluster.chi)
    elif span is None and cluster.clo is None:
        return 1.0
    else:
        # One side has no time: it may still be the same happening, on firmer text evidence.
        return config.undated_factor
    if gap <= config.day_tolerance:
        return 1.0
    if gap > config.max_gap_days:
        return 0.0
    return 1.0 - 0.5 * (gap - config.day_tolerance) / (config.max_gap_days - config.day_tolerance)


def _core_entities(cluster: _Cluster) -> frozenset[str]:
    """The entities at least a third of the event's articles name (at most ten)."""
    need = max(1, cluster.n // 3)
    core = [e for e, n in cluster.ent.items() if n >= need]
    if len(core) > 10:
        core = sorted(core, key=lambda e: (-cluster.ent[e], e))[:10]
    return frozenset(core)


def _entity_overlap(mine: frozenset[str], cluster: _Cluster) -> float:
    """Dice overlap between the article's top entities and the event's core entities."""
    core = cluster.core
    if not mine or not core:
        return 0.0
    return 2.0 * len(mine & core) / (len(mine) + len(core))

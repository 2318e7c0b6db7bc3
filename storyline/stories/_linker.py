"""Online story linking: an event joins the story whose core entities and topic it shares."""

from __future__ import annotations

import hashlib
import heapq
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import mul

from storyline.events import Signal, count_terms, heaviest_keys
from storyline.model import Event

# An event profile ready for scoring: (key, weight, IDF) for each entity or term.
_Vector = list[tuple[str, float, float]]


FOLD_MARGIN = 0.1
"""How far (a share of each bar) the evidence must move before `StoryLinker.consolidate`
undoes the last fold of a story, or folds one that stood alone: on a store of 400 T17
articles, one more unrelated article had folded a thread on car makers into a flu story
(topic cosine 0.0998 before, 0.1002 after, against a bar of 0.1)."""


@dataclass(frozen=True, slots=True)
class StoryConfig:
    """Settings of `StoryLinker`.

    The thresholds were chosen by a grid on the T17 stream (``benchmarks/clustering.py
    --part t17 --tune``; 0.08 / 0.25 / 0.15 gave B-cubed P 0.975, R 0.649 and the best
    order stability) and checked on the demo corpus's Russia–Japan story, whose
    weakest true link scores about 0.17 and strongest false one about 0.10; re-run both
    after a change.  The fold of small stories (8 events, 0.05, topic 0.1) was chosen
    on the same stream: it took B-cubed F1 from 0.77 to 0.91 and order stability from
    0.89 to 0.95; folding stories of 40 events merged two topics (precision 0.76).
    The merge threshold (0.2, was 0.25) was chosen with `merge_support` on the same
    stream: the stories of nine arrival orders agree at ARI 0.953 at 0.18, 0.935 at 0.25;
    at 0.16 unrelated topics merge in some orders (least ARI 0.36).

    Args:
        min_similarity: the least combined similarity for an event to join a story.
        merge_similarity: the least similarity for two stories to be merged into one.
        min_topic: the least topic (term) cosine for any join or merge: shared names
            alone ("Paris") do not make one story.
        entity_weight: weight of the IDF-weighted cosine of entity profiles.
        topic_weight: weight of the IDF-weighted cosine of term profiles.
        event_entities: how many of an event's entities represent it.
        event_terms: how many of an event's terms represent it.
        max_candidates: how many candidate stories are scored in full.
        max_posting: index entries shared by more stories than this are not looked up.
        small_story: stories of at most this many events are folded into a larger one
            by `StoryLinker.consolidate` when similar enough.
        small_story_articles: ... and of at most this many articles: a story of few
            events that many reports cover (a revolt told day by day as one event) is a
            main story, not a leftover thread, and folding it at the low bar below
            joined unrelated topics in some arrival orders.  On the T17 stream over
            nine arrival orders (``--part t17``): B-cubed F1 0.860 -> 0.885 on
            average, agreement between orders (ARI) 0.840 -> 0.880; 20 gave 0.881 /
            0.848, 80 the same as 40.
        merge_support: when two stories are weighed for a merge, a key counts only if
            at least this many events of each story carry it (a story of fewer events
            is compared whole).  One off-topic event that joined a large story brings
            its words and names along; against the summed profile they lifted the
            story towards that topic's own story, which the two then merged in some
            arrival orders (the T17 stream's flu story into the oil spill's).  Over
            the nine arrival orders of ``--part t17``, with ``merge_similarity`` 0.2:
            agreement between orders (ARI) 0.880 -> 0.952 on average (least 0.740 ->
            0.945), B-cubed F1 over the other orders 0.885 -> 0.915 (0.908 in date
            order either way); 3 gave ARI 0.931 and B-cubed F1 0.910.
        absorb_similarity: the least similarity for such a fold.
        absorb_topic: the least topic cosine for such a fold.
        prefix: the start of every story id.
    """

    min_similarity: float = 0.08
    merge_similarity: float = 0.2
    min_topic: float = 0.15
    entity_weight: float = 0.55
    topic_weight: float = 0.45
    event_entities: int = 12
    event_terms: int = 60
    max_candidates: int = 24
    max_posting: int = 5000
    small_story: int = 8
    small_story_articles: int = 40
    merge_support: int = 2
    absorb_similarity: float = 0.05
    absorb_topic: float = 0.1
    prefix: str = "st-"


class _Thread:
    __slots__ = (
        "articles",
        "carried",
        "core_at",
        "core_enorm2",
        "core_tnorm2",
        "ent",
        "enorm2",
        "id",
        "n",
        "terms",
        "tnorm2",
    )

    def __init__(self, story_id: str) -> None:
        self.id = story_id
        self.ent: dict[str, float] = {}
        self.terms: dict[str, float] = {}
        self.enorm2 = 0.0
        self.tnorm2 = 0.0
        # How many of the story's events carry each key ("@" before an entity), and the
        # squared norms of the profiles cut to the keys `StoryConfig.merge_support`
        # events carry (its core, which merges weigh), summed afresh when the linker
        # had seen ``core_at`` events.
        self.carried: dict[str, int] = {}
        self.core_enorm2 = 0.0
        self.core_tnorm2 = 0.0
        self.core_at = 0
        self.n = 0
        self.articles = 0

    def grow(self, tag: str, delta: float, core: float) -> None:
        """Add to the squared norms of the entity (``tag`` "@") or term profile, whole
        and cut to the core."""
        if tag:
            self.enorm2 += delta
            self.core_enorm2 += core
        else:
            self.tnorm2 += delta
            self.core_tnorm2 += core


CORE_NORMS_REFRESH = 0.1
"""A story's core norms are summed afresh when the linker has seen this share more events
than when they last were (see `StoryLinker._norms`)."""


def _core_growth(old: float, weight: float, before: int, after: int, support: int) -> float:
    """How much a key's squared mass in a core grows when its mass goes from ``old`` to
    ``old + weight`` and the events carrying it from ``before`` to ``after``: the whole
    mass once it enters the core, the difference while it stays."""
    new = (old + weight) ** 2 if after >= support else 0.0
    return new - old * old if before >= support else new


def story_id_for(first_event: str, prefix: str = "st-") -> str:
    """Return the deterministic id of a story started by ``first_event``."""
    return prefix + hashlib.sha1(first_event.encode("utf-8")).hexdigest()[:12]


Profile = tuple[dict[str, float], dict[str, float]]
"""An event's entity and term profiles (`event_profile`)."""


def _with_members(event: Event, profile: Profile) -> Profile:
    """The profile with the event's own participants and places added (a copy)."""
    ent, terms = dict(profile[0]), profile[1]
    for entity in (*event.who, *event.where):
        ent.setdefault(entity, 0.5)
    return ent, terms


MENTION_TERMS = 1
"""Words a mentioned happening must share with its mentioner's event when it names none of
its entities (`mention_fits`).  On the T17 store one word took 188 of the 2,131
mentioned-only events out of stories, most of them page furniture (read on a sample of
40: about one in five was background of the story, such as a past attempt to kill
Mubarak); two words took 402, with much of the oil spill's own background (the mud first
pumped into the well)."""


def mention_fits(event: Event, profile: Profile) -> bool:
    """Whether a mentioned-only ``event`` belongs with the reported event whose
    `event_profile` is ``profile`` (that of the article mentioning it): it names one of
    its entities or shares `MENTION_TERMS` of its words.  A page's furniture (a radio
    listing beside a report on the flu, recalling when Chopin and George Sand met) is no
    part of the report's story; such an event is kept, in no story."""
    ent, terms = profile
    names = (*event.who, *event.where)
    if any(key in ent for key in names):
        return True
    # The words of its text and of its names ("person:ryutaro-hashimoto": "hashimoto"),
    # as an event's profile holds the words of its names among its terms.
    text = " ".join(evidence.text for evidence in event.evidence) or event.title
    words = " ".join((text, *(key.partition(":")[2].replace("-", " ") for key in names)))
    return len(count_terms(words).keys() & terms.keys()) >= MENTION_TERMS


def event_profile(signals: Sequence[Signal], *, entities: int = 12, terms: int = 60) -> Profile:
    """Return an event's entity and term profiles: shares of its original articles."""
    originals = [s for s in signals if not s.duplicate_of] or list(signals)
    count = max(1, len(originals))
    ent: dict[str, float] = {}
    mass: dict[str, float] = {}
    for signal in originals:
        for rank, entity in enumerate(dict.fromkeys(signal.entities)):
            # Earlier (more mentioned) entities weigh more inside one article.
            ent[entity] = ent.get(entity, 0.0) + 1.0 / (1.0 + 0.1 * rank)
        for term, weight in signal.terms:
            mass[term] = mass.get(term, 0.0) + weight
    top_ent = sorted(ent.items(), key=lambda kv: (-kv[1], kv[0]))[:entities]
    top_terms = sorted(mass.items(), key=lambda kv: (-kv[1], kv[0]))[:terms]
    return ({e: w / count for e, w in top_ent}, {t: w / count for t, w in top_terms})


class StoryLinker:
    """Thread events into stories, online: weeks or years apart, by shared core entities and topic.

    Example:
        >>> from storyline.events import Signal
        >>> from storyline.model import Event
        >>> linker = StoryLinker()
        >>> s1 = Signal("a1", terms=(("islands", 2.0),), entities=("russia", "japan"))
        >>> s2 = Signal("a2", terms=(("islands", 1.0),), entities=("japan", "russia"))
        >>> linker.add(Event("e1", "t"), [s1]) == linker.add(Event("e2", "t"), [s2])
        True
    """

    def __init__(self, config: StoryConfig | None = None) -> None:
        self.config = config or StoryConfig()
        self._stories: dict[str, _Thread] = {}
        self._postings: dict[str, set[str]] = {}
        self._df: dict[str, int] = {}
        self._events = 0
        self._idf_cache: dict[str, float] = {}
        self._idf_at = 0
        self._assigned: dict[str, str] = {}
        self._merged: dict[str, str] = {}

    def add(self, event: Event, signals: Sequence[Signal]) -> str:
        """Put ``event`` into the best-matching story or start a new one; return the story id."""
        return self.add_profiled(event, self.profile(signals))

    def profile(self, signals: Sequence[Signal]) -> Profile:
        """The part of an event's profile that comes from its articles (`event_profile`
        at this linker's sizes); it can be stored and given back to `add_profiled` or
        `restore_profiled` instead of the signals."""
        config = self.config
        return event_profile(signals, entities=config.event_entities, terms=config.event_terms)

    def add_profiled(self, event: Event, profile: Profile) -> str:
        """`add`, with the event's articles given by their `profile`."""
        known = self._assigned.get(event.id)
        if known is not None:
            return self._resolve(known)
        ent, terms = _with_members(event, profile)
        thread = self._best(ent, terms)
        if thread is None:
            story_id = story_id_for(event.id, self.config.prefix)
            thread = self._stories.get(story_id) or _Thread(story_id)
            self._stories[story_id] = thread
        self._absorb(thread, event, ent, terms)
        if thread.n & (thread.n - 1) == 0 or thread.n % 64 == 0:
            # Check at 1, 2, 4, 8… events (and every 64): enough to catch two stories that
            # grew apart on the same topic, without rescoring big stories every time.
            thread = self._merge_similar(thread)
        return thread.id

    def restore(self, story_id: str, events: Sequence[tuple[Event, Sequence[Signal]]]) -> None:
        """Re-seed story ``story_id`` from its stored events and their signals."""
        self.restore_profiled(story_id, [(e, self.profile(signals)) for e, signals in events])

    def restore_profiled(self, story_id: str, events: Sequence[tuple[Event, Profile]]) -> None:
        """`restore`, with each event's articles given by their `profile`."""
        thread = self._stories.get(story_id) or _Thread(story_id)
        self._stories[story_id] = thread
        for event, profile in sorted(events, key=lambda ep: ep[0].id):
            ent, terms = _with_members(event, profile)
            self._absorb(thread, event, ent, terms)

    def assignments(self) -> dict[str, str]:
        """Return event id → story id for every event seen."""
        return {event: self._resolve(story) for event, story in self._assigned.items()}

    def merged(self) -> dict[str, str]:
        """Return story id → the story it was merged into, for stories the engine merged."""
        return {story: self._resolve(story) for story in self._merged}

    def _resolve(self, story_id: str) -> str:
        while story_id in self._merged:
            story_id = self._merged[story_id]
        return story_id

    def consolidate(self, previous: Mapping[str, str] | None = None) -> int:
        """Fold each small story into the larger story it resembles most.

        A story of at most ``small_story`` events (and ``small_story_articles``
        articles) is what is left of a thread whose events never reached its main
        story's threshold one by one; against the whole
        main story (whose profile now holds the thread's vocabulary) a lower bar,
        ``absorb_similarity`` and ``absorb_topic``, suffices.  Into another small story
        a thread folds only at the bar an event joins a story at: in a crawl of
        unrelated pages every story is small, and the low bar had gathered a blog's
        posts, a company's troubles and a singer's feud into one.  Folding changes the
        stories it joins: a caller that goes on adding events keeps the assignments from
        before (`assignments`) and starts a new linker from them.

        Args:
            previous: story id -> the story it was folded into by the last fold of these
                stories (itself when it stood alone).  A story keeps that choice unless
                the evidence moved past `FOLD_MARGIN`: one more unrelated article shifts
                every weight a little, and a story near a bar had flipped.

        Returns:
            How many stories were folded.
        """
        small = sorted(
            (t for t in self._stories.values() if self._small(t)), key=lambda t: (t.n, t.id)
        )
        folded = 0
        for thread in small:
            if thread.id not in self._stories:
                continue
            was = previous.get(thread.id) if previous else None
            target = self._fold_target(thread, 1.0)
            if target is not None and was == thread.id:
                # It stood alone: it folds only where it would at bars raised by the margin.
                higher = self._fold_target(thread, 1.0 + FOLD_MARGIN)
                target = target if higher is target else None
            elif target is None and was is not None and was != thread.id:
                kept = self._fold_target(thread, 1.0 - FOLD_MARGIN)
                target = kept if kept is not None and kept.id == was else None
            if target is not None and target.n > thread.n:
                self._join(target, thread)
                folded += 1
        return folded

    def _fold_target(self, thread: _Thread, scale: float) -> _Thread | None:
        """The story `consolidate` folds ``thread`` into, its bars times ``scale``."""
        config = self.config
        # A main story at the low bar; else another thread at the bar an event joins a
        # story at (and the low bar, where a caller set it higher).  Asked in that
        # order, not "the closest, then its bar": a small and a large story scoring
        # alike (0.0925 and 0.0926) had made the fold flip with one more unrelated
        # article.
        target = self._closest(
            thread, config.absorb_similarity * scale, config.absorb_topic * scale, large=True
        )
        if target is None:
            least = max(config.absorb_similarity, config.min_similarity) * scale
            topic = max(config.absorb_topic, config.min_topic) * scale
            target = self._closest(thread, least, topic)
        return target

    def _small(self, thread: _Thread) -> bool:
        """Whether ``thread`` is a small story (`StoryConfig.small_story`)."""
        config = self.config
        return thread.n <= config.small_story and thread.articles <= config.small_story_articles

    def _closest(
        self,
        thread: _Thread,
        least: float,
        least_topic: float,
        *,
        core: bool = False,
        large: bool = False,
    ) -> _Thread | None:
        """The other story most similar to ``thread`` scoring at least ``least``; with
        ``core``, each story is weighed on its core (`StoryConfig.merge_support`); with
        ``large``, only stories that are not small count."""
        config = self.config
        # The heaviest first, ties in insertion order (as a stable sort would give).
        top_ent = heapq.nlargest(config.event_entities, thread.ent, key=thread.ent.__getitem__)
        top_terms = heapq.nlargest(8, thread.terms, key=thread.terms.__getitem__)
        votes: Counter[str] = Counter()
        for key in ["@" + e for e in top_ent] + top_terms:
            posting = self._postings.get(key)
            if posting is not None and len(posting) <= config.max_posting:
                votes.update(posting)
        votes.pop(thread.id, None)
        ranked = heaviest_keys(votes, config.max_candidates)
        best: tuple[float, str] | None = None
        # The story's own weights once, for every candidate.
        need = self._need(thread, core)
        ent, terms = self._weighted(thread, "@", need), self._weighted(thread, "", need)
        enorm2, tnorm2 = self._norms(thread, need)
        for story_id in ranked:
            other = self._stories[story_id]
            if large and self._small(other):
                continue
            other_need = self._need(other, core)
            other_enorm2, other_tnorm2 = self._norms(other, other_need)
            topic = _shared_cosine(terms, other, "", other_need, tnorm2 * other_tnorm2)
            if topic < least_topic:
                continue
            score = config.entity_weight * _shared_cosine(
                ent, other, "@", other_need, enorm2 * other_enorm2
            )
            score += config.topic_weight * topic
            if score >= least and (best is None or score > best[0]):
                best = (score, story_id)
        return self._stories[best[1]] if best is not None else None

    def _need(self, thread: _Thread, core: bool) -> int:
        """How many of ``thread``'s events must carry a key for it to count."""
        support = self.config.merge_support
        return support if core and thread.n >= support else 1

    def _merge_similar(self, thread: _Thread) -> _Thread:
        config = self.config
        while True:
            other = self._closest(thread, config.merge_similarity, config.min_topic, core=True)
            if other is None:
                return thread
            big, small = sorted((thread, other), key=lambda t: (-t.n, t.id))
            self._join(big, small)
            thread = big

    def _norms(self, thread: _Thread, need: int) -> tuple[float, float]:
        """The squared norms of ``thread``'s entity and term profiles, whole (``need``
        1) or cut to its core.

        Both are kept as events come, each key at its IDF of the time.  A core's are
        summed afresh once the linker has seen `CORE_NORMS_REFRESH` more events than when they
        last were: kept only as events came, the frequent keys of a core weighed as when
        they were rare, and the T17 stream's stories fell to B-cubed F1 0.82 (``--part
        t17``); summed afresh every time, linking took twice as long.
        """
        if need == 1:
            return thread.enorm2, thread.tnorm2
        if self._events > thread.core_at * (1 + CORE_NORMS_REFRESH):
            idf, carried = self._idf, thread.carried

            def norm2(tag: str, profile: dict[str, float]) -> float:
                return math.fsum(
                    (weight * idf(tag + key)) ** 2
                    for key, weight in profile.items()
                    if carried[tag + key] >= need
                )

            thread.core_enorm2 = norm2("@", thread.ent)
            thread.core_tnorm2 = norm2("", thread.terms)
            thread.core_at = self._events
        return thread.core_enorm2, thread.core_tnorm2

    def _weighted(self, thread: _Thread, tag: str, need: int = 1) -> dict[str, float]:
        """A story's entity (``tag`` "@") or term profile with each weight times its
        key's squared IDF, cut to the keys at least ``need`` of its events carry."""
        idf, carried = self._idf, thread.carried
        profile = thread.ent if tag else thread.terms
        return {
            key: weight * idf(tag + key) ** 2
            for key, weight in profile.items()
            if need == 1 or carried[tag + key] >= need
        }

    def _join(self, big: _Thread, small: _Thread) -> None:
        support = self.config.merge_support
        for tag, source, target in (("@", small.ent, big.ent), ("", small.terms, big.terms)):
            for key, weight in source.items():
                tagged = tag + key
                old = target.get(key, 0.0)
                target[key] = old + weight
                before = big.carried.get(tagged, 0)
                after = before + small.carried[tagged]
                big.carried[tagged] = after
                idf2 = self._idf(tagged) ** 2
                big.grow(
                    tag,
                    ((old + weight) ** 2 - old * old) * idf2,
                    _core_growth(old, weight, before, after, support) * idf2,
                )
                posting = self._postings[tagged]
                posting.discard(small.id)
                posting.add(big.id)
        big.n += small.n
        big.articles += small.articles
        del self._stories[small.id]
        self._merged[small.id] = big.id

    # -- internals -------------------------------------------------------------------

    def _idf(self, key: str) -> float:
        # Weights change only when an event is absorbed, which counts one more event:
        # between two, each key's weight is worked out once (folding scores many pairs).
        if self._idf_at != self._events:
            self._idf_cache.clear()
            self._idf_at = self._events
        value = self._idf_cache.get(key)
        if value is None:
            value = math.log((2 + self._events) / (1 + self._df.get(key, 0)))
            self._idf_cache[key] = value
        return value

    def _vector(self, profile: dict[str, float], tag: str) -> tuple[_Vector, float]:
        vector = [(key, weight, self._idf(tag + key)) for key, weight in profile.items()]
        return vector, math.sqrt(sum((w * idf) ** 2 for _, w, idf in vector))

    def _best(self, ent: dict[str, float], terms: dict[str, float]) -> _Thread | None:
        config = self.config
        keys = ["@" + e for e in ent] + sorted(terms, key=lambda t: -terms[t])[:8]
        votes: Counter[str] = Counter()
        for key in keys:
            posting = self._postings.get(key)
            if posting is not None and len(posting) <= config.max_posting:
                votes.update(posting)
        ranked = heaviest_keys(votes, config.max_candidates)
        evec, enorm = self._vector(ent, "@")
        tvec, tnorm = self._vector(terms, "")
        chosen: _Thread | None = None
        top = config.min_similarity
        for story_id in ranked:
            thread = self._stories[story_id]
            topic = _cosine(tvec, tnorm, thread.terms, thread.tnorm2)
            if topic < config.min_topic:
                continue
            score = config.entity_weight * _cosine(evec, enorm, thread.ent, thread.enorm2)
            score += config.topic_weight * topic
            if score >= top and (chosen is None or score > top or story_id < chosen.id):
                chosen, top = thread, score
        return chosen

    def _absorb(
        self, thread: _Thread, event: Event, ent: dict[str, float], terms: dict[str, float]
    ) -> None:
        self._assigned[event.id] = thread.id
        self._events += 1
        support = self.config.merge_support
        for key, weight, store, tag in (
            *((e, w, thread.ent, "@") for e, w in ent.items()),
            *((t, w, thread.terms, "") for t, w in terms.items()),
        ):
            tagged = tag + key
            self._df[tagged] = self._df.get(tagged, 0) + 1
            old = store.get(key, 0.0)
            store[key] = old + weight
            carried = thread.carried.get(tagged, 0) + 1
            thread.carried[tagged] = carried
            idf2 = self._idf(tagged) ** 2
            thread.grow(
                tag,
                ((old + weight) ** 2 - old * old) * idf2,
                _core_growth(old, weight, carried - 1, carried, support) * idf2,
            )
            self._postings.setdefault(tagged, set()).add(thread.id)
        thread.n += 1
        thread.articles += len(event.articles)


def _shared_cosine(
    weighted: dict[str, float], other: _Thread, tag: str, need: int, norm2: float
) -> float:
    """The cosine of two stories' entity (``tag`` "@") or term profiles: ``weighted``
    from `StoryLinker._weighted`, ``other``'s raw and cut to the keys at least ``need`` of
    its events carry, ``norm2`` the product of their squared norms.  Summed exactly
    (`math.fsum`), so the order of the shared keys does not matter."""
    if norm2 <= 0:
        return 0.0
    profile = other.ent if tag else other.terms
    shared = weighted.keys() & profile.keys()
    if need > 1:
        carried = other.carried
        shared = {key for key in shared if carried[tag + key] >= need}
    dot = math.fsum(map(mul, map(weighted.__getitem__, shared), map(profile.__getitem__, shared)))
    return dot / math.sqrt(norm2)


def _cosine(mine: _Vector, norm: float, theirs: dict[str, float], norm2: float) -> float:
    if norm2 <= 0 or norm <= 0:
        return 0.0
    dot = 0.0
    for key, weight, idf in mine:
        mass = theirs.get(key)
        if mass is not None:
            dot += weight * mass * idf * idf
    return dot / (norm * math.sqrt(norm2))

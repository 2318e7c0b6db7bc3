"""Events and stories steps of the analysis: clustering, threading, corrections."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from storyline.entities import renamed_ids
from storyline.events import (
    EventClusterer,
    Signal,
    article_signal,
    describe_event,
    finish_run,
    parse_day,
)
from storyline.model import (
    Article,
    Event,
    Story,
    StoryChange,
    Timex,
)
from storyline.store import SQLiteStore
from storyline.stories import (
    Correction,
    Profile,
    StoryLinker,
    apply_corrections,
    build_story,
    mention_fits,
    stable_ids,
)

logger = logging.getLogger(__name__)


SIMILAR_ARTICLES = 10
"""How many stored articles an undated article looks up by its words (`EventStep`)."""

KEY_TERMS = 5
"""How many of an undated article's heaviest terms make up that lookup."""


class EventStep:
    """Cluster new articles into events, restoring the recent events from the store.

    The clusterer only compares an article with recent events.  An article whose day is
    unknown may report a happening of any time, so it first looks up the stored articles
    that share its key words and brings their events back into the comparison, whether
    they left the clusterer's index earlier in this run or belong to an earlier run.
    """

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store
        self.clusterer = EventClusterer()
        self.signals: dict[str, Signal] = {}
        self.touched: dict[str, None] = {}
        self.members: dict[str, list[str]] = defaultdict(list)
        self.stored: set[str] = set()  # the archive's events this run restored
        self._restored: tuple[dt.date, dt.date] | None = None
        # Document frequencies start from the archive's (`learn_frequencies`): a term's
        # stored count is read when a run first meets it, and the run adds its own.
        self._stored_df: dict[str, int] = {}
        self._stored_documents = store.cluster_frequencies([""]).get("", 0)
        self.clusterer.learn_frequencies({}, self._stored_documents)

    def _learn(self, signals: Iterable[Signal]) -> None:
        """Give the clusterer the stored counts of the terms of ``signals`` it lacks."""
        if not self._stored_documents:
            return  # nothing stored yet (a first ingest, a rebuild): nothing to read
        known = self._stored_df
        new = {
            t for s in signals for t in (*(t for t, _ in s.terms), *s.title_terms) if t not in known
        }
        if not new:
            return
        counts = self.store.cluster_frequencies(new)
        self._stored_df.update((term, counts.get(term, 0)) for term in new)
        self.clusterer.learn_frequencies(counts)

    def _restore_around(self, day: str) -> None:
        """Bring back the stored events whose time lies near ``day``, each once.

        Articles come in date order, so the stored events come back as the run reaches
        their days, as they were made in one ingest: an article older than stored news
        (a late crawl) meets the events of its own days, not those of later news that
        would crowd the index.  The clock is left to the articles.
        """
        at = parse_day(day)
        if at is None:
            return
        config = self.clusterer.config
        low = at - dt.timedelta(days=config.window_days + config.max_gap_days)
        high = at + dt.timedelta(days=config.max_gap_days)
        if self._restored is None:
            missing = [(low, high)]
            self._restored = (low, high)
        else:
            first, last = self._restored
            missing = [(a, b) for a, b in ((low, first), (last, high)) if a < b]
            self._restored = (min(first, low), max(last, high))
        for a, b in missing:
            for event in self.store.iter_events_active_between(a.isoformat(), b.isoformat()):
                self._restore_event(event)

    def _restore_event(self, event: Event) -> None:
        if event.id in self.members:
            return  # this run knows it already
        stored = self.store.get_signals(list(event.articles))
        signals = [Signal.from_dict(stored[a]) for a in event.articles if a in stored]
        self._learn(signals)
        # Stored articles are in the stored frequencies already.
        self.clusterer.restore(event.id, signals, advance=False, count=False)
        self.signals.update((s.article_id, s) for s in signals)
        self.members[event.id].extend(s.article_id for s in signals)
        self.stored.add(event.id)

    def add(self, article: Article, timexes: Sequence[Timex], entities: Sequence[str]) -> str:
        """Put one article into an event; return the event's id."""
        signal = article_signal(article, timexes=timexes, entities=entities)
        self.signals[article.id] = signal
        self.store.put_signals([(article.id, signal.to_dict())])
        self._learn([signal])
        original = signal.duplicate_of
        if original and self.clusterer.event_of(original) is None:
            # A syndicated copy of a stored article joins its original's event.
            self._restore_events_of(original)
        day = signal.event_time or signal.published
        if day:
            self._restore_around(day)
        else:
            self._reopen_similar(signal)
        event_id = self.clusterer.add(signal)
        self.touched[event_id] = None
        self.members[event_id].append(article.id)
        return event_id

    def _reopen_similar(self, signal: Signal) -> None:
        """Bring back the events of the stored articles most like ``signal``'s."""
        clusterer = self.clusterer
        terms = clusterer.key_terms(signal, KEY_TERMS)
        for found in self.store.similar_articles(terms, SIMILAR_ARTICLES):
            if found == signal.article_id:
                continue
            event_id = clusterer.event_of(found)
            if event_id is not None:
                if not clusterer.is_open(event_id):
                    members = self.members.get(event_id, ())
                    clusterer.reopen(event_id, [self.signals[a] for a in members])
                continue
            self._restore_events_of(found)

    def _restore_events_of(self, article_id: str) -> list[str]:
        """Bring back the stored events that ``article_id`` reports; return their ids."""
        found = []
        for stored_id in self.store.events_of_article(article_id):
            event = self.store.get_event(stored_id)
            if event is not None and event.articles and not event.mentioned_only:
                self._restore_event(event)
                found.append(stored_id)
        return found

    def rename(self, renamed: Mapping[str, str], articles: Sequence[str]) -> None:
        """Follow entity merges: ``articles`` name entities that ``renamed`` maps to
        others.  Their signals (of this run and stored) are rewritten and their events
        described again, so that no event keeps naming an entity that is gone."""
        stored = self.store.get_signals([a for a in articles if a not in self.signals])
        rewritten = []
        for article_id in articles:
            signal = self.signals.get(article_id)
            if signal is None and article_id in stored:
                signal = Signal.from_dict(stored[article_id])
            if signal is None:
                continue
            entities = renamed_ids(signal.entities, renamed)
            if entities != signal.entities:
                signal = dataclasses.replace(signal, entities=entities)
                rewritten.append((article_id, signal.to_dict()))
            self.signals[article_id] = signal
        self.store.put_signals(rewritten)
        for article_id in articles:
            event_id = self.clusterer.event_of(article_id)
            found = [event_id] if event_id is not None else self._restore_events_of(article_id)
            self.touched.update(dict.fromkeys(found))

    def save(self) -> list[Event]:
        """Describe and store every event that gained articles; return them.

        An event's articles are its `members`: those restored with it (whose signals
        were read then) and those this run added.  An event found to hold two
        happenings is divided first, and small events of undated reports placed again
        (`finish_run`)."""
        self._finish()
        stored = self._stored_df
        changes = {
            term: change
            for term, count in self.clusterer.frequencies().items()
            if (change := count - stored.get(term, 0))
        }
        if documents := self.clusterer.documents - self._stored_documents:
            changes[""] = documents
        self.store.add_cluster_frequencies(changes)
        kinds = self.store.entity_kinds()
        events = []
        for event_id in self.touched:
            ids = sorted(set(self.members[event_id]))
            articles = [a for i in ids if (a := self.store.get_article(i)) is not None]
            signals = [self.signals[i] for i in ids]
            events.append(describe_event(event_id, articles, signals, entity_kinds=kinds))
        return events

    def _finish(self) -> None:
        """Place this run's small events of undated reports again and divide the events
        holding two happenings (`finish_run`); the events that changed count as touched."""
        members = {
            event_id: [self.signals[a] for a in dict.fromkeys(articles)]
            for event_id, articles in self.members.items()
        }
        changed = finish_run(self.clusterer, members, self.touched, self.stored)
        for event_id, signals in changed.items():
            self.members[event_id] = [s.article_id for s in signals]
            if signals:
                self.touched[event_id] = None
            else:
                self.touched.pop(event_id, None)  # never stored: a run's own event, now empty
        if changed:
            logger.info("end of run: %d events changed", len(changed))


class StoryStep:
    """Thread events into stories, re-apply the user's corrections, store the stories."""

    def __init__(self, store: SQLiteStore, signals: Mapping[str, Signal] | None = None) -> None:
        """``signals``: article signals the caller holds already (the events step's),
        so that they are not read from the store again."""
        self.store = store
        self._known = signals or {}
        self.linker = StoryLinker()
        self.events: dict[str, Event] = {e.id: e for e in store.iter_events()}
        # Each event's story as stored (folded, corrected) and its thread, the linker's
        # own story for it before folding: the linker resumes from the threads.
        self.stored: dict[str, str] = {}
        self.threads: dict[str, str] = {}
        reported: dict[str, str] = {}  # the threads of events with articles
        for event_id, (story_id, thread_id) in store.event_stories().items():
            if story_id is None:
                continue
            self.stored[event_id] = story_id
            self.threads[event_id] = thread = thread_id or story_id
            if not self.events[event_id].mentioned_only:
                reported[event_id] = thread
        cached = store.get_event_profiles(list(reported))
        self._fresh: dict[str, Profile] = {}
        self._merged: dict[str, str] = {}  # stories merged while this run added events
        self._profiles = {e: self._profile(self.events[e], cached.get(e)) for e in reported}
        self.linker = self._resumed(reported)

    def _resumed(self, threads: Mapping[str, str]) -> StoryLinker:
        """A linker holding the events of ``threads`` (event id -> thread id), restored
        from the events' profiles in the order one run adds events (by time), so that
        its weights are summed as that run's were."""
        linker = StoryLinker()
        for event in sorted((self.events[e] for e in threads), key=_event_order):
            linker.restore_profiled(threads[event.id], [(event, self._profiles[event.id])])
        return linker

    def _signals(self, event: Event) -> list[Signal]:
        known = self._known
        missing = [a for a in event.articles if a not in known]
        read = {a: Signal.from_dict(d) for a, d in self.store.get_signals(missing).items()}
        return [s for a in event.articles if (s := known.get(a) or read.get(a)) is not None]

    def _sizes(self) -> list[int]:
        """The linker's profile sizes, stored with each profile (JSON keeps lists)."""
        config = self.linker.config
        return [config.event_entities, config.event_terms]

    def _profile(self, event: Event, cached: dict[str, Any] | None) -> Profile:
        """The event's profile: stored when it was made at the linker's sizes, else
        worked out from its articles' signals (and stored at the end of the run)."""
        if cached is not None and cached.get("sizes") == self._sizes():
            return dict(cached["ent"]), dict(cached["terms"])
        profile = self.linker.profile(self._signals(event))
        self._fresh[event.id] = profile
        return profile

    def save(
        self,
        reported: Sequence[Event],
        mentioned: Sequence[Event],
        previous: Mapping[str, Collection[str]] | None = None,
    ) -> list[Story]:
        """Place new events in stories, then store every event and changed story.

        Args:
            reported: events that gained articles in this run.
            mentioned: every mentioned-only event (they join the story of the article
                that mentions them).
            previous: story id → event ids before a rebuild, so that ids are kept.
        """
        for event in sorted(reported, key=_event_order):
            self.events[event.id] = event
            self._profiles[event.id] = profile = self._profile(event, None)
            self.linker.add_profiled(event, profile)
        sizes = self._sizes()
        self.store.put_event_profiles(
            (e, {"sizes": sizes, "ent": ent, "terms": terms})
            for e, (ent, terms) in self._fresh.items()
        )
        threads = self.linker.assignments()
        # Folding is a view over every thread, worked out again each run from the
        # threads as they stand, so that ingesting in parts folds what one ingest folds
        # (folding only stored, already folded stories would snowball).  It is worked
        # out on the threads restored as the next run will restore them, not on the
        # linker this run grew (whose weights were summed as events came): otherwise
        # the next run, even of one unrelated article, folds otherwise.
        self._merged = self.linker.merged()
        self.linker = self._resumed(threads)
        # Each thread's story as the last run folded it: kept unless the evidence moved.
        self.linker.consolidate({self.threads[e]: s for e, s in self.stored.items()})
        # Mentioned-only events are made anew by every run; those that come out as
        # stored need no writing.
        stale = {e: self.events.pop(e) for e in list(self.events) if self.events[e].mentioned_only}
        renewed = {e.id for e in mentioned if stale.get(e.id) != e}
        corrections = [Correction.from_dict(c.data) for c in self.store.iter_corrections("story")]
        mapping, history = apply_corrections(self.linker.assignments(), corrections)
        if previous:
            rename = _kept_names(mapping, previous)
            mapping = {e: rename[s] for e, s in mapping.items()}
            history = {rename.get(s, s): changes for s, changes in history.items()}
            # A thread that stands as a story takes the story's kept id too, so that
            # the next run's fold arrives at the same ids.
            threads = {e: rename.get(t, t) for e, t in threads.items()}
        apart: list[Event] = []
        for event in mentioned:
            # A mentioned-only event belongs to the story of the article mentioning it,
            # when it speaks of that story's names or words.
            self.events[event.id] = event
            story_id = self._story_of_mentioner(event, mapping)
            if story_id is not None:
                mapping[event.id] = story_id
            elif event.id in renewed or self.stored.get(event.id) is not None:
                apart.append(event)
        self.store.put_events((event, None) for event in apart)
        stories = self._store(mapping, history, {e.id for e in reported} | renewed)
        self.store.put_event_threads((e, t) for e, t in threads.items() if self.threads.get(e) != t)
        return stories

    def _engine_history(self, at: str) -> dict[str, list[StoryChange]]:
        """What the engine did to each story: kept entries, new stories and merges."""
        history: dict[str, list[StoryChange]] = defaultdict(list)
        known = set(self.stored.values())
        for story_id in known:
            story = self.store.get_story(story_id)
            if story is not None:
                history[story_id] = [h for h in story.history if h.by == "engine"]
        for story_id in set(self.linker.assignments().values()) - known:
            history[story_id].append(StoryChange("created", at))
        # Merges while this run added events, then those of the fold.
        folded = self.linker.merged()
        merged = {old: folded.get(new, new) for old, new in self._merged.items()}
        for old, new in sorted({**merged, **folded}.items()):
            if old in known:
                history[new].append(StoryChange("merged", at, "engine", (old,)))
        return history

    def _story_of_mentioner(self, event: Event, mapping: Mapping[str, str]) -> str | None:
        """The story of the first event of a mentioning article that ``event`` fits
        (`mention_fits`), if any."""
        for article_id in event.mentioned_by:
            for event_id in self.store.events_of_article(article_id):
                profile = self._profiles.get(event_id)
                if event_id in mapping and profile is not None and mention_fits(event, profile):
                    return mapping[event_id]
        return None

    def _store(
        self,
        mapping: Mapping[str, str],
        history: Mapping[str, Sequence[StoryChange]],
        touched: set[str],
    ) -> list[Story]:
        members: dict[str, list[Event]] = defaultdict(list)
        for event_id, story_id in mapping.items():
            if event_id in self.events:
                members[story_id].append(self.events[event_id])
        changed = {
            story_id
            for event_id, story_id in mapping.items()
            if event_id in touched or self.stored.get(event_id) != story_id
        } | set(history)
        changed |= {self.stored[e] for e in self.stored if mapping.get(e) != self.stored[e]}
        self.store.put_events(
            (self.events[e], s)
            for e, s in mapping.items()
            if e in self.events and (e in touched or self.stored.get(e) != s)
        )
        at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        engine = self._engine_history(at)
        stories = [
            build_story(s, members[s], history=(*engine.get(s, ()), *history.get(s, ())))
            for s in sorted(changed)
            if members.get(s)
        ]
        self.store.delete_stories(s for s in changed if not members.get(s))
        self.store.put_stories(stories)
        return stories


def _event_order(event: Event) -> tuple[str, str]:
    return (event.time.earliest if event.time else "9999", event.id)


def _kept_names(
    mapping: Mapping[str, str], previous: Mapping[str, Collection[str]]
) -> dict[str, str]:
    """New story id → the id of the story it overlaps most from before a rebuild."""
    members: dict[str, list[str]] = defaultdict(list)
    for event_id, story_id in mapping.items():
        members[story_id].append(event_id)
    order = sorted(members)
    names = stable_ids(previous, [members[s] for s in order], prefix="st-")
    return dict(zip(order, names, strict=True))

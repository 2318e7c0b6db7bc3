"""The archive keeps how many articles hold each clustering term, run after run."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import storyline
from storyline.store import SQLiteStore
from storyline.store._migrations import m006_cluster_frequencies

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def _from_signals(store: SQLiteStore, skip: frozenset[str] = frozenset()) -> Counter[str]:
    """Articles per term (the empty term: articles) over the stored signals of articles
    that are not copies of another, leaving out ``skip``."""
    counts: Counter[str] = Counter()
    for article_id, data in store._conn.execute("SELECT article_id, data FROM signals"):
        signal = json.loads(data)
        if article_id not in skip and not signal.get("duplicate_of"):
            counts[""] += 1
            counts.update(term for term, _ in signal["terms"])
    return counts


def _stored(store: SQLiteStore) -> Counter[str]:
    return Counter(dict(store._conn.execute("SELECT term, n FROM cluster_df")))


def test_frequencies_add_up_over_runs_and_match_a_rebuild(tmp_path: Path) -> None:
    with storyline.open(str(tmp_path / "store.db")) as lib:
        lib.ingest([str(CORPUS / "html"), str(CORPUS / "text")])
        first = _stored(lib.store)
        assert first == _from_signals(lib.store) and first[""] > 0
        seen = frozenset(a.id for a in lib.store.iter_articles())
        lib.ingest([str(CORPUS / "jsonl"), str(CORPUS / "feeds")])
        # The second run adds the counts of its own articles (a copy of an article
        # stored earlier counts once, with its original).
        assert _stored(lib.store) == first + _from_signals(lib.store, skip=seen)
        lib.rebuild()
        rebuilt = _stored(lib.store)
    with storyline.open(str(tmp_path / "one.db")) as lib:
        lib.ingest([str(CORPUS / name) for name in ("html", "text", "jsonl", "feeds")])
        assert rebuilt == _stored(lib.store)


def test_the_migration_counts_the_signals_of_an_older_store(tmp_path: Path) -> None:
    with storyline.open(str(tmp_path / "store.db")) as lib:
        lib.ingest([str(CORPUS / "text")])
        conn = lib.store._conn
        before = _stored(lib.store)
        conn.execute("DROP TABLE cluster_df")
        m006_cluster_frequencies(conn)
        assert _stored(lib.store) == before

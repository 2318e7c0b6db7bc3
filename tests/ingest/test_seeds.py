"""The seed articles (plain-text dumps in ../shared/seeds) come through as text documents."""

from __future__ import annotations

from pathlib import Path

from storyline.ingest import sniff_format
from tests.ingest.builders import read_all


def test_each_seed_is_one_plain_text_document(seeds_dir: Path) -> None:
    seeds = sorted(seeds_dir.glob("*.txt"))
    assert seeds, f"no seed articles in {seeds_dir}"
    documents, errors = read_all([str(p) for p in seeds])
    assert errors == []
    assert [(d.uri, d.record, d.content_type) for d in documents] == [
        (str(p), 0, "text/plain") for p in seeds
    ]
    for seed, doc in zip(seeds, documents, strict=True):
        assert doc.content == seed.read_bytes()
        assert sniff_format(doc.content[:65536]) == "text"

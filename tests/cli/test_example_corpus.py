"""The bundled example corpus comes out as its manifest says (what `make demo` shows)."""

from __future__ import annotations

import csv
from pathlib import Path

from tests.cli.conftest import json_lines, run

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_example_corpus_ingests_cleanly(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    result = run("ingest", str(EXAMPLES / "corpus"), "--db", db, "--json", "-q")
    assert result.exit_code == 0, result.output
    assert json_lines(result.output)[-1]["failed"] == 0
    with (EXAMPLES / "manifest.csv").open(encoding="utf-8") as handle:
        manifest = list(csv.DictReader(handle))
    rows = json_lines(run("articles", "--db", db, "--json").output)
    titles = {r["title"] for r in rows}
    originals = [m for m in manifest if not m["duplicate_of"]]
    for item in originals:
        assert item["title"] in titles, f"{item['file']}: title not extracted"
    by_title = {r["title"]: r for r in rows}
    for row in rows:
        assert " | " not in (row["title"] or ""), row["title"]
    for item in originals:
        published = by_title[item["title"]]["published"]
        if not item["date"] and published is not None:
            # An inferred date must say so and its interval must hold the true date.
            assert published["provenance"] == "inferred", item["file"]
            assert published["earliest"] <= item["true_date"] <= published["latest"], item["file"]
    for item in originals:
        if item["date"]:
            published = by_title[item["title"]]["published"]
            assert published and published["value"][:10] == item["date"], item["file"]
    counts = json_lines(run("stats", "--db", db, "--json").output)[0]
    exact = sum(1 for m in manifest if m["copy"] == "exact")
    near = sum(1 for m in manifest if m["copy"] == "near")
    assert (counts["exact_duplicates"], counts["near_duplicates"]) == (exact, near)

"""The seed articles' extraction expectations (../shared/seeds/EXPECTED.md), end to end."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import json_lines, run
from tests.conftest import related_pairs, seed_lines

BBC = "004_8d72a45c9b085ab1.txt"
CNBC = "000_0ee64a50e8cb1b23.txt"


@pytest.fixture
def seed_articles(seeds_dir: Path, tmp_path: Path) -> dict[str, dict[str, Any]]:
    db = str(tmp_path / "seeds.db")
    for name in (BBC, CNBC):
        result = run("ingest", str(seeds_dir / name), "--db", db, "-q")
        assert result.exit_code == 0, result.output
    rows = json_lines(run("articles", "--db", db, "--json").output)
    return {Path(r["sources"][0]["uri"]).name: r for r in rows}


def body(article: dict[str, Any]) -> str:
    return "\n".join(article["paragraphs"])


def test_bbc_title_date_captions_heading(seed_articles: dict[str, dict[str, Any]]) -> None:
    bbc = seed_articles[BBC]
    assert bbc["title"] == "Putin visits Japan to boost ties"
    published = bbc["published"]
    assert published["provenance"] == "explicit"
    assert published["value"].startswith("2005-11-20T05:36")
    assert published["evidence"] and "20 November 2005" in published["evidence"][0]["text"]
    lines = seed_lines(BBC)
    assert bbc["captions"] == lines[5:7]
    assert [h["text"] for h in bbc["headings"]] == ["Support pledges"]
    assert bbc["paragraphs"][0] == lines[7]


def test_bbc_related_coverage(seed_articles: dict[str, dict[str, Any]]) -> None:
    related = seed_articles[BBC]["related"]
    assert [r["date"] for r in related] == [
        "2005-01-14",
        "2004-09-02",
        "2002-02-08",
        "2000-09-05",
        "2000-09-04",
    ]
    assert [r["title"] for r in related] == [h for h, _ in related_pairs(seed_lines(BBC))]


def test_bbc_junk_is_not_body(seed_articles: dict[str, dict[str, Any]]) -> None:
    lines = seed_lines(BBC)
    related = [line for pair in related_pairs(lines) for line in pair]
    # Header lines, title and captions, the related block, the footer and the region row.
    for junk in [*lines[:7], *related, lines[-2], lines[-1], "Support pledges"]:
        assert junk not in body(seed_articles[BBC]), junk


def test_cnbc_title_section_and_no_date(seed_articles: dict[str, dict[str, Any]]) -> None:
    cnbc = seed_articles[CNBC]
    assert cnbc["title"] == "Putin to visit Japan as relations with Tokyo thaw"
    assert cnbc["section"] == "Asia-Pacific News"
    assert cnbc["published"] is None or cnbc["published"]["provenance"] == "inferred"
    lines = seed_lines(CNBC)
    assert cnbc["paragraphs"][0] == lines[4]
    assert cnbc["paragraphs"][-1] == lines[-2]


@pytest.mark.parametrize(
    "junk",
    ["Getty Images", "Read more", "Follow us on Twitter", "Asia-Pacific News"],
)
def test_cnbc_junk_is_not_body(seed_articles: dict[str, dict[str, Any]], junk: str) -> None:
    assert junk not in body(seed_articles[CNBC])
    assert "Vladimir Putin" not in seed_articles[CNBC]["paragraphs"]


def test_show_gives_time_expressions_and_sentence_times(seeds_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "seeds.db")
    run("ingest", str(seeds_dir / BBC), "--db", db, "-q")
    article_id = json_lines(run("articles", "--db", db, "--json").output)[0]["id"]
    shown = json_lines(run("show", article_id, "--db", db, "--json").output)[0]
    text = "\n\n".join(shown["paragraphs"])
    values = {(t["text"], t["value"]) for t in shown["timexes"]}
    assert ("60-year", "P60Y") in values
    for timex in shown["timexes"]:
        assert text[timex["start"] : timex["end"]] == timex["text"]
    assert shown["sentences"] and {"start", "end", "time"} <= shown["sentences"][0].keys()
    assert shown["sentences"][0]["time"] == "2005-11-20"


def test_undated_article_is_never_given_a_wrong_date(seeds_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "seeds.db")
    run("ingest", str(seeds_dir / CNBC), "--db", db, "-q")
    published = json_lines(run("articles", "--db", db, "--json").output)[0]["published"]
    if published is not None:
        assert published["provenance"] == "inferred" and published["evidence"]
        assert published["earliest"] <= "2014-02-08" <= published["latest"]

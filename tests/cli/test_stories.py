"""Events, stories, mention links and timelines through the command line.

The seed acceptance story (../shared/seeds/EXPECTED.md) and the demo corpus's
multi-year story, end to end: ingest, then read what the analysis stages made.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import json_lines, run
from tests.conftest import ROOT
from tests.store.corpus import STRIKE_REPORT

BBC = "004_8d72a45c9b085ab1.txt"
CNBC = "000_0ee64a50e8cb1b23.txt"
EXAMPLES = ROOT / "examples"


def articles_by_file(db: str) -> dict[str, dict[str, Any]]:
    rows = json_lines(run("articles", "--db", db, "--json").output)
    return {Path(s["uri"]).name: r for r in rows for s in r["sources"]}


def stories(db: str) -> list[dict[str, Any]]:
    result = run("stories", "--db", db, "--json", "--sort", "size")
    assert result.exit_code == 0, result.output
    return json_lines(result.output)


def test_both_seeds_land_in_one_story(seeds_db: str) -> None:
    by_file = articles_by_file(seeds_db)
    wanted = {by_file[BBC]["id"], by_file[CNBC]["id"]}
    holding = [s for s in stories(seeds_db) if wanted & set(s["articles"])]
    assert len(holding) == 1
    assert wanted <= set(holding[0]["articles"])
    assert set(holding[0]) >= {"id", "title", "span", "events", "articles", "entities"}


def test_each_seed_reports_its_own_event(seeds_db: str) -> None:
    by_file = articles_by_file(seeds_db)
    events = json_lines(run("events", "--db", seeds_db, "--json").output)
    reporting = {a: [e for e in events if a in e["articles"]] for a in (BBC, CNBC)}
    bbc_events = [e for e in events if by_file[BBC]["id"] in e["articles"]]
    cnbc_events = [e for e in events if by_file[CNBC]["id"] in e["articles"]]
    assert len(bbc_events) == len(cnbc_events) == 1, reporting
    assert bbc_events[0]["id"] != cnbc_events[0]["id"]
    assert bbc_events[0]["time"]["value"].startswith("2005-11")
    assert bbc_events[0]["kind"] == "visit"
    # The days its reports came out: the report itself, last updated on 20 November 2005.
    assert bbc_events[0]["reported"] == {"first": "2005-11-20", "last": "2005-11-20"}
    assert all(e["reported"] is None for e in events if e["mentioned_only"])


def test_the_2005_visit_mention_links_to_the_bbc_report(seeds_db: str) -> None:
    by_file = articles_by_file(seeds_db)
    result = run("links", by_file[CNBC]["id"], "--db", seeds_db, "--json")
    assert result.exit_code == 0, result.output
    links = json_lines(result.output)
    to_bbc = [link for link in links if by_file[BBC]["id"] in link["articles"]]
    assert len(to_bbc) == 1
    link = to_bbc[0]
    body = "\n\n".join(by_file[CNBC]["paragraphs"])
    source = link["source"]
    assert body[source["start"] : source["end"]] == source["text"]
    assert "2005" in source["text"] and "visit" in source["text"]
    assert link["kind"] == "mention" and link["score"] > 0


def test_show_json_has_links_and_backlinks(seeds_db: str) -> None:
    by_file = articles_by_file(seeds_db)
    cnbc = json_lines(run("show", by_file[CNBC]["id"], "--db", seeds_db, "--json").output)[0]
    assert any(by_file[BBC]["id"] in link["articles"] for link in cnbc["links"])
    bbc = json_lines(run("show", by_file[BBC]["id"], "--db", seeds_db, "--json").output)[0]
    assert any(b["source"]["article"] == by_file[CNBC]["id"] for b in bbc["mentioned_by"])


def test_seed_story_timeline_runs_from_1945(seeds_db: str) -> None:
    story = stories(seeds_db)[0]
    result = run("timeline", story["id"], "--db", seeds_db, "--format", "json")
    assert result.exit_code == 0, result.output
    entries = json.loads(result.output)["entries"]
    values = [e["time"]["value"] for e in entries]
    assert values[0] == "1945-08"
    expected_values = ("2000-09-04", "2005-01-14", "2005-11-18", "2009", "2011", "2013-04")
    for expected in (*expected_values, "2014-02-08"):
        assert expected in values
    status = {e["time"]["value"]: e["status"] for e in entries}
    assert status["2014-06"] == status["2014-FA"] == "planned"
    assert values[-1] == "2014-FA"
    assert any(v.startswith("2005-11") for v in values)
    earliest = [e["time"]["earliest"] for e in entries]
    assert earliest == sorted(earliest)
    assert all(e["evidence"] or e["status"] != "reported" for e in entries)


@pytest.mark.parametrize("fmt", ["json", "markdown", "html", "csv", "timelinejs"])
def test_timeline_formats(seeds_db: str, fmt: str) -> None:
    story = stories(seeds_db)[0]
    result = run("timeline", story["id"], "--db", seeds_db, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert "1945" in result.output


def test_timeline_needs_exactly_one_subject(seeds_db: str) -> None:
    result = run("timeline", "--db", seeds_db)
    assert result.exit_code == 2
    assert "exactly one of" in result.output


def test_unknown_story_is_a_clear_error(seeds_db: str) -> None:
    result = run("story", "st-nope", "--db", seeds_db)
    assert result.exit_code == 1
    assert "no story with id 'st-nope'" in result.output


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("demo") / "demo.db")
    result = run("ingest", str(EXAMPLES / "corpus"), "--db", db, "-q")
    assert result.exit_code == 0, result.output
    return db


def manifest_rows(db: str) -> dict[str, dict[str, str]]:
    """The manifest's row of each stored article, by article id."""
    rows = json_lines(run("articles", "--db", db, "--json").output)
    by_source = {(s["uri"], str(s["record"])): r["id"] for r in rows for s in r["sources"]}
    by_url = {s["url"]: r["id"] for r in rows for s in r["sources"] if s["url"]}
    found: dict[str, dict[str, str]] = {}
    with (EXAMPLES / "manifest.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            uri = str(EXAMPLES / "corpus" / row["file"])
            article = by_url.get(row["record"]) or by_source.get((uri, row["record"]))
            assert article is not None, row
            found[article] = row
    return found


def manifest_groups(db: str) -> dict[str, set[str]]:
    """Article ids of the manifest's main story and of its unrelated articles."""
    groups: dict[str, set[str]] = {"main": set(), "other": set()}
    for article, row in manifest_rows(db).items():
        groups[row["kind"]].add(article)
    return groups


def test_demo_corpus_events_hold_one_happening_each(demo_db: str) -> None:
    # Reports of one day's happening share an event (copies included); reports of
    # different days never do, even when one of them is undated and their words agree
    # (the undated 2018 Singapore talks against the 2013 Moscow talks).
    rows = manifest_rows(demo_db)
    events = json_lines(run("events", "--db", demo_db, "--json").output)
    event_of = {a: e["id"] for e in events if not e["mentioned_only"] for a in e["articles"]}
    by_day: dict[str, set[str]] = {}
    for article, row in rows.items():
        by_day.setdefault(row["true_date"], set()).add(event_of[article])
    assert all(len(found) == 1 for found in by_day.values()), by_day
    assert len({e for found in by_day.values() for e in found}) == len(by_day)


def test_the_main_story_is_whole_when_the_corpus_arrives_file_by_file(tmp_path: Path) -> None:
    # A monitoring team ingests what arrives: each file is its own ingest and analysis.
    # A small story left alone by one run must not be folded into the main story by a
    # later run merely because the main story grew.
    db = str(tmp_path / "file-by-file.db")
    for path in sorted(p for p in (EXAMPLES / "corpus").rglob("*") if p.is_file()):
        assert run("ingest", str(path), "--db", db, "-q").exit_code == 0
    groups = manifest_groups(db)
    main = max(stories(db), key=lambda s: len(groups["main"] & set(s["articles"])))
    assert groups["main"] <= set(main["articles"])
    assert not groups["other"] & set(main["articles"])


def test_demo_corpus_main_story_is_whole(demo_db: str) -> None:
    groups = manifest_groups(demo_db)
    main = stories(demo_db)[0]
    assert groups["main"] <= set(main["articles"])
    assert not groups["other"] & set(main["articles"])
    assert main["span"]["start"] <= "1956-10-19" and main["span"]["end"] >= "2022"


def test_story_summary_puts_reported_events_before_the_happenings_they_mention(
    demo_db: str,
) -> None:
    main = stories(demo_db)[0]
    events = json_lines(run("events", "--story", main["id"], "--db", demo_db, "--json").output)
    reported = [e["id"] for e in events if not e["mentioned_only"]]
    mentioned = [e for e in events if e["mentioned_only"]]
    assert reported and len(mentioned) > 3
    result = run("story", main["id"], "--db", demo_db, "--mentioned", "3")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    shown = [line.split()[0] for line in lines if line.startswith("  ")]
    assert shown[: len(reported)] == reported
    assert len(shown) == len(reported) + 3
    # The ones most articles mention, those known to a season or finer first.
    coarse = {"century", "decade", "year", None}
    rank = {
        e["id"]: (((e["time"] or {}).get("granularity") in coarse), -len(e["mentioned_by"]))
        for e in mentioned
    }
    kept = [rank[i] for i in shown[len(reported) :]]
    left = [r for i, r in rank.items() if i not in shown]
    assert max(kept) <= min(left)
    assert f"{len(mentioned) - 3} more" in result.output
    everything = run("story", main["id"], "--db", demo_db, "--mentioned", "0")
    assert len([x for x in everything.output.splitlines() if x.startswith("  ")]) == len(events)


def test_a_story_timeline_can_keep_only_the_most_mentioned_happenings(demo_db: str) -> None:
    main = stories(demo_db)[0]

    def entries(*extra: str) -> list[dict[str, Any]]:
        args = ("timeline", main["id"], "--db", demo_db, "--format", "json", *extra)
        result = run(*args)
        assert result.exit_code == 0, result.output
        return list(json.loads(result.output)["entries"])

    events = json_lines(run("events", "--story", main["id"], "--db", demo_db, "--json").output)
    only = {e["id"] for e in events if e["mentioned_only"]}

    def recalled(rows: list[dict[str, Any]]) -> set[str]:
        return {e["event"] for e in rows if e["event"] in only}

    every, few = entries(), entries("--mentioned", "3")
    assert len(recalled(every)) > 3 and len(recalled(few)) == 3
    assert [e for e in every if e["event"] not in only] == [
        e for e in few if e["event"] not in only
    ]
    assert entries("--mentioned", "0") == every


def test_split_and_merge_survive_rebuild(tmp_path: Path, demo_db: str) -> None:
    db = str(tmp_path / "copy.db")
    assert run("ingest", str(EXAMPLES / "corpus"), "--db", db, "-q").exit_code == 0
    main = stories(db)[0]
    reported = [
        e["id"]
        for e in json_lines(run("events", "--story", main["id"], "--db", db, "--json").output)
        if not e["mentioned_only"]
    ]
    moved = reported[:2]
    result = run("story", "split", main["id"], "--events", ",".join(moved), "--db", db)
    assert result.exit_code == 0, result.output
    before = {s["id"]: set(s["events"]) for s in stories(db)}
    new_id = next(s for s, events in before.items() if set(moved) <= events)
    assert new_id != main["id"]
    assert run("rebuild", "--db", db).exit_code == 0
    after = {s["id"]: set(s["events"]) for s in stories(db)}
    assert set(moved) <= after[new_id]
    assert main["id"] in after and not set(moved) & after[main["id"]]
    assert run("story", "merge", main["id"], new_id, "--db", db).exit_code == 0
    assert run("rebuild", "--db", db).exit_code == 0
    final = {s["id"]: set(s["events"]) for s in stories(db)}
    assert set(moved) <= final[main["id"]] and new_id not in final


def test_rebuild_gives_the_same_assignments(demo_db: str, tmp_path: Path) -> None:
    def snapshot(db: str) -> dict[str, tuple[str, ...]]:
        return {s["id"]: tuple(sorted(s["articles"])) for s in stories(db)}

    db = str(tmp_path / "again.db")
    assert run("ingest", str(EXAMPLES / "corpus"), "--db", db, "-q").exit_code == 0
    before = snapshot(db)
    assert run("rebuild", "--db", db).exit_code == 0
    assert snapshot(db) == before


def test_one_batch_gives_the_same_originals_and_events_in_any_file_order(tmp_path: Path) -> None:
    wire = "Dockers strike in Velmora\n\n" + "\n\n".join(STRIKE_REPORT) + "\n"
    paper = wire.replace("Dockers strike in Velmora", "Velmora port at a standstill") + (
        "\nThe union said talks would resume on Friday.\n"
    )
    (tmp_path / "wire.txt").write_text(wire, encoding="utf-8")
    (tmp_path / "paper.txt").write_text(paper, encoding="utf-8")
    seen = []
    for n, names in enumerate((["wire.txt", "paper.txt"], ["paper.txt", "wire.txt"])):
        db = str(tmp_path / f"{n}.db")
        files = [str(tmp_path / name) for name in names]
        assert run("ingest", *files, "--db", db, "-q").exit_code == 0
        rows = json_lines(run("articles", "--db", db, "--json").output)
        originals = {
            Path(s["uri"]).name: r["duplicate_of"] is None for r in rows for s in r["sources"]
        }
        events = json_lines(run("events", "--db", db, "--json").output)
        seen.append((originals, [e["id"] for e in events]))
    assert sum(seen[0][0].values()) == 1
    assert seen[0] == seen[1]

"""Round 43, the part of tests/test_r43_trends.py that needs exporters/common.py, reviewing.py
and db/stats.py too: "At a glance", the Dimensions' note and `review` say why no move is named
when there is too little writing, and say what a move of the period's own identity or drift
rests on as "Moved most" does; a report by year compares whole calendar years.

The clock is fixed (conftest: today is Friday 20 Nov 2026)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CLI
from peerjournal.summary import POLARITIES, dimension_trend
from test_r43_trends import (
    DRIFT,
    LEARNED,
    PEER,
    SINCE,
    Add,
    flat,
    ok,
    report_json,
    summary_json,
    write_slide,
)

TOO_LITTLE = "too little writing to compare the earlier weeks with the later: the first week"


def export_md(cli: CLI, tmp_path: Path, *args: str) -> str:
    path = tmp_path / "summary.md"
    ok(cli("export", "--yes", "-o", str(path), "--force", *args))
    return path.read_text(encoding="utf-8")


def glance(md: str) -> str:
    return flat(md.split("## At a glance", 1)[1].split("\n## ", 1)[0])


def test_the_glance_says_there_is_too_little_writing_to_compare(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Was: "Peer drift rose from 0.0 to 36.8 per 100 words" from 63 words; and, with the
    halves alone mended, "too few to show a trend (it needs 2 entries in each half: the first
    week holds 2, the last 2 weeks 2)", which they do."""
    write_slide(add)
    md = export_md(cli, tmp_path, "--since", SINCE)
    said = glance(md)
    assert f"Only 4 entries in 3 weeks: {TOO_LITTLE} with entries holds " in said
    assert "(a comparison needs 300 in each); the numbers are in the table below." in said
    assert "it needs 2 entries in each half" not in md
    assert f"No arrows: {TOO_LITTLE}" in flat(md)
    summary = summary_json(cli, tmp_path, "--since", SINCE)
    assert summary["dimensions"]  # (the json `review` reads)
    review = flat(ok(cli("review", str(tmp_path / "summary.json"))).stdout)
    assert f"{TOO_LITTLE} with entries holds " in review and "rose from" not in review


def test_an_older_summary_s_arrows_from_little_writing_are_not_shown(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """A summary exported before this round gave thin halves arrows: `review` opens it and
    shows them as this version does, none, as it does for weeks of one entry each."""
    write_slide(add)
    summary = summary_json(cli, tmp_path, "--since", SINCE)
    for row in summary["dimensions"]:
        for polarity in POLARITIES:
            old = dimension_trend(summary["periods"], row["id"], polarity, singles=True).halves
            row[f"{polarity}_direction"] = old.direction if old else None
    assert any(row["drift_direction"] == "up" for row in summary["dimensions"])
    path = tmp_path / "older.json"
    path.write_text(json.dumps(summary), encoding="utf-8")
    out = ok(cli("review", str(path))).stdout
    dims = out.split("\nDimensions", 1)[1].split("Peer identity markers", 1)[0]
    assert "rising" not in dims and "falling" not in dims and "steady" not in dims
    assert f"Only 4 entries in 3 weeks: {TOO_LITTLE}" in flat(out)  # its glance says why


def test_peer_identity_rising_on_learned_words_says_so_as_moved_most_does(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Was: "Peer identity rose from 0.0 to 21.6 per 100 words" with no word that none of
    it is a phrase of the tool's own, which "Moved most" said of its dimension."""
    write_slide(add, times=9, first=DRIFT, later=LEARNED)
    said = glance(export_md(cli, tmp_path, "--since", SINCE))
    caveat = ("none of the phrases counted for it is one of the tool's own markers, so this "
              "rests on words learned from example entries.")
    line = next(s for s in said.split("- ") if s.startswith("Peer identity rose from 0.0 to "))
    assert line.rstrip().endswith(f"; {caveat}"), said
    # the same caveat, in the same words, as its dimension's "Moved most" gives it
    moved = next((s for s in said.split("- ") if s.startswith("Moved most:")), "")
    assert "(identity)" not in moved or moved.rstrip().endswith(caveat)


# -- by year: whole calendar years -------------------------------------------------------------


def by_year(cli: CLI, add: Add) -> None:
    """2014 and 2016: peer entries; 2025: drift (one in January, which as many days before
    this year so far as it holds left out); 2026: peer."""
    for day, text in (("2014-05-01", PEER), ("2016-02-01", PEER), ("2016-12-30", PEER),
                      ("2025-01-20", DRIFT), ("2025-12-31", DRIFT), ("2026-03-01", PEER)):
        add(" ".join([text] * 8), "--date", day)


def test_a_report_by_year_compares_with_the_calendar_years_before(cli: CLI, add: Add) -> None:
    """Was: the ten years to today against as many days before them, from 26 Jan 2007;
    this year so far against 25 Jan - 31 Dec 2025, which left out two weeks of 2025."""
    by_year(cli, add)
    report = report_json(cli, "--by", "year")
    previous = report["previous"]
    assert (previous["since"], previous["until"]) == ("2007-01-01", "2016-12-31")
    assert previous["entries"] == 3
    text = flat(ok(cli("report", "--by", "year")).stdout)
    assert "What changed vs 2007–2016, the window before" in text
    this_year = report_json(cli, "--by", "year", "--since", "2026-01-01")
    assert (this_year["previous"]["since"], this_year["previous"]["until"]) == (
        "2025-01-01", "2025-12-31")
    assert this_year["previous"]["entries"] == 2
    assert "What changed vs 2025, the window before" in flat(
        ok(cli("report", "--by", "year", "--since", "2026-01-01")).stdout)
    # weeks and months keep theirs
    assert report_json(cli, "--since", "2026-01-01")["previous"]["since"] == "2025-02-11"


def test_by_year_the_markers_compared_are_the_years_before(cli: CLI, add: Add) -> None:
    """`report -d`'s markers count the same window before as its numbers: 2025's, as a
    report of 2025 counts them."""
    by_year(cli, add)
    detail = report_json(cli, "--by", "year", "--since", "2026-01-01", "-d", "advice")
    before = {m["marker"]: m["previous"] for m in detail["dimension"]["markers"] if m["previous"]}
    of_2025 = report_json(cli, "--since", "2025-01-01", "--until", "2025-12-31", "-d", "advice")
    counted = {m["marker"]: m["count"] for m in of_2025["dimension"]["markers"] if m["count"]}
    assert before and before == counted

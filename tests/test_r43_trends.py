"""Round 43: a report or a mentor summary names no move from too little writing; a report by
year says how often a sparse journal's entries came in words that are true.

The rule the report already kept for "What changed" (two windows are compared only when each
holds `min_window_words`, 300 scored words) now decides the halves of one window too (the
Dimensions' trend words and arrows, `summary.halves`, which "At a glance" reads): one place,
`trends.enough_writing`. The clock is fixed (conftest: today is Friday 20 Nov 2026)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.summary import (
    POLARITIES,
    dimension_trend,
    halves,
    learned_caveat,
    too_little_writing,
)
from peerjournal.trends import (
    THRESHOLDS,
    Totals,
    comparable,
    enough_writing,
    previous_window,
)

Add = Callable[..., int]
# ~45 words, identity markers; ~34 words, drift markers (as tests/test_r42_report_year.py's)
PEER = ("I sat with Sam at the drop-in and we talked about his week. I shared a little of my own "
        "recovery story and he told me what he hopes for next. We made a plan together, his plan, "
        "and he chose what to try first.")
DRIFT = ("I told him he needs to take his meds and be compliant with the care plan. I documented "
         "his presentation and risk for the team and advised him what to do about his symptoms.")
# identity evidence from words learned from example entries alone: no curated identity marker
LEARNED = ("The weather was grey. His brother rang him about music and the football, and about "
           "his family and his dog and the new flat he likes.")
# two entries in the week of 2 Nov, one in each of the next two: halves of 2 entries each
DAYS = ("2026-11-02", "2026-11-03", "2026-11-10", "2026-11-17")
SINCE = "2026-11-02"


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    return result


def flat(text: str) -> str:
    return " ".join(text.split())


def write_slide(add: Add, times: int = 1, first: str = PEER, later: str = DRIFT) -> None:
    """`first` in the week of 2 Nov (twice), `later` in each of the two weeks after, each
    text `times` over: a slide from identity into drift."""
    for day, text in zip(DAYS, (first, first, later, later), strict=True):
        add(" ".join([text] * times), "--date", day)


def report_json(cli: CLI, *args: str) -> dict[str, Any]:
    return json.loads(ok(cli("report", "--json", *args)).stdout)


def summary_json(cli: CLI, tmp_path: Path, *args: str) -> dict[str, Any]:
    path = tmp_path / "summary.json"
    ok(cli("export", "--yes", "-f", "json", "-o", str(path), "--force", *args))
    return json.loads(path.read_text(encoding="utf-8"))


def directions(rows: dict[str, Any] | list[dict[str, Any]]) -> set[str | None]:
    """Every direction given: of `report --json`'s trend, or of a summary's dimensions."""
    if isinstance(rows, dict):
        return {way for dim in rows.values() for way in dim.values()}
    return {row[f"{p}_direction"] for row in rows for p in POLARITIES}


# -- one place decides -------------------------------------------------------------------------


def test_one_rule_decides_whether_writing_can_be_compared() -> None:
    need = THRESHOLDS.min_window_words
    assert need == 300
    assert enough_writing(need) and not enough_writing(need - 1)
    assert comparable(Totals(words=need)) and not comparable(Totals(words=need - 1))


def test_halves_name_no_move_unless_each_half_holds_the_words_two_windows_need() -> None:
    series, entries = [0.0, 0.0, 20.0, 24.0], [2, 1, 1, 1]  # halves: 2+1 entries against 1+1
    short = halves(series, entries, [100, 50, 150, 149])
    assert short is None
    assert too_little_writing("week", entries, [100, 50, 150, 149]) == (
        "too little writing to compare the earlier weeks with the later: the first 2 weeks "
        "with entries hold 150 scored words, the last 2 weeks 299 (a comparison needs 300 in "
        "each).")
    enough = halves(series, entries, [200, 100, 150, 150])
    assert enough is not None and enough.direction == "up"
    assert too_little_writing("week", entries, [200, 100, 150, 150]) is None
    # one period in the first half: "the first week … holds"
    assert too_little_writing("month", [2, 1, 1], [40, 20, 20]) == (
        "too little writing to compare the earlier months with the later: the first month "
        "with entries holds 40 scored words, the last 2 months 40 (a comparison needs 300 in "
        "each).")
    # the exports before round 43 weighed any writing (`review` checks old files so), and a
    # summary from before periods gave their words weighs their entries, as before
    old = halves(series, entries, [100, 50, 150, 149], singles=True)
    assert old is not None and old.direction == "up"
    assert halves(series, entries) is not None
    assert too_little_writing("week", entries, None) is None


def test_too_few_entries_are_said_before_too_little_writing() -> None:
    # periods of one entry each, and a half of one entry: the reasons said till now
    assert too_little_writing("week", [1, 1, 1], [10, 10, 10]) is None
    assert too_little_writing("week", [1, 2, 1], [10, 10, 10]) is None  # 1 entry against 3
    assert too_little_writing("week", [1, 1], [10, 10]) is None


# -- the report --------------------------------------------------------------------------------


def test_a_report_of_a_few_short_entries_gives_no_trend_words_and_says_why(
    cli: CLI, add: Add
) -> None:
    """Was: "Clinical language: identity 0.00 steady, drift 12.70 rising" from 63 words."""
    write_slide(add)
    report = report_json(cli, "--since", SINCE)
    assert directions(report["trend"]["dimensions"]) == {None}
    words = [p["words"] for p in report["periods"] if p["entries"]]
    assert report["trend"]["too_few"] == (
        "too little writing to compare the earlier weeks with the later: the first week with "
        f"entries holds {words[0]} scored words, the last 2 weeks {words[1] + words[2]} (a "
        "comparison needs 300 in each).")
    text = flat(ok(cli("report", "--since", SINCE)).stdout)  # (plain: the trend in words)
    assert "No trend words: too little writing to compare the earlier weeks with the later" in text
    assert not re.search(r"\b(rising|falling|steady)\b", text), text
    assert "rising or falling:" not in text  # (round 46: the heading names the halves)


def test_the_same_slide_written_at_length_shows_its_trend(cli: CLI, add: Add) -> None:
    write_slide(add, times=5)
    report = report_json(cli, "--since", SINCE)
    words = [p["words"] for p in report["periods"] if p["entries"]]
    assert words[0] >= 300 and words[1] + words[2] >= 300
    assert report["trend"]["too_few"] is None
    assert report["trend"]["dimensions"]["advice"]["drift_direction"] == "up"
    text = flat(ok(cli("report", "--since", SINCE)).stdout)
    assert re.search(r"rising or falling: the last 2 weeks with entries against the first "
                     r"[A-Z]", text), text
    assert "rising" in text.split("rising or falling:", 1)[1]


# -- the mentor summary --------------------------------------------------------------------------


def test_a_summary_of_a_few_short_entries_names_no_move(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Was: "Peer drift rose from 0.0 to 36.8 per 100 words" and arrows on nine dimensions
    from four entries of 63 words in all."""
    write_slide(add)
    summary = summary_json(cli, tmp_path, "--since", SINCE)
    assert directions(summary["dimensions"]) == {None}
    md = tmp_path / "summary.md"
    ok(cli("export", "--yes", "--since", SINCE, "-o", str(md)))
    text = md.read_text(encoding="utf-8")
    glance = flat(text.split("## At a glance", 1)[1].split("\n## ", 1)[0])
    assert not re.search(r"\b(rose|fell)\b", glance) and "Moved most" not in glance, glance
    table = text.split("## Dimensions", 1)[1].split("\n## ", 1)[0]
    assert "↑" not in table and "↓" not in table and "→ steady" not in table


def test_a_summary_written_at_length_keeps_its_arrows(cli: CLI, add: Add, tmp_path: Path) -> None:
    write_slide(add, times=5)
    summary = summary_json(cli, tmp_path, "--since", SINCE)
    advice = next(row for row in summary["dimensions"] if row["id"] == "advice")
    assert advice["drift_direction"] == "up"


def test_an_older_summary_with_arrows_from_little_writing_still_opens_in_review(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """A summary exported before this round gave thin halves their arrows: `review` reads it
    as before (its directions are the ones an export then gave), not as a changed file."""
    write_slide(add)
    summary = summary_json(cli, tmp_path, "--since", SINCE)
    given = 0
    for row in summary["dimensions"]:
        for polarity in POLARITIES:
            old = dimension_trend(summary["periods"], row["id"], polarity, singles=True).halves
            row[f"{polarity}_direction"] = old.direction if old else None
            given += old is not None
    assert given  # (the file now holds what an export before round 43 wrote)
    path = tmp_path / "older.json"
    path.write_text(json.dumps(summary), encoding="utf-8")
    result = ok(cli("review", str(path)))
    assert "changed after it was exported" not in result.stdout + result.stderr


def test_a_move_resting_on_learned_words_alone_says_so(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """"Peer identity rose" from words learned from example entries, no curated marker: the
    caveat "Moved most" gives a dimension so, given of the period's own identity too."""
    write_slide(add, times=9, first=DRIFT, later=LEARNED)
    summary = summary_json(cli, tmp_path, "--since", SINCE)
    assert sum(row["curated"]["identity"] for row in summary["dimensions"]) == 0
    assert summary["totals"]["identity"] > 0
    none_curated = ("; none of the phrases counted for it is one of the tool's own markers, so "
                    "this rests on words learned from example entries")
    assert learned_caveat(summary, "identity") == none_curated
    story = next(row for row in summary["dimensions"] if row["id"] == "story")
    assert story["identity"] > 0 and learned_caveat(summary, "identity", story) == none_curated
    # drift counted the tool's own markers ("compliant", "risk") too: not "none of them"
    assert sum(row["curated"]["drift"] for row in summary["dimensions"]) > 0
    assert not learned_caveat(summary, "drift").startswith("; none")
    # a summary from before round 39 does not say what its numbers rest on
    for row in summary["dimensions"]:
        del row["curated"]
    assert learned_caveat(summary, "identity") == ""


def test_most_of_a_number_resting_on_learned_words_is_said_with_its_curated_count() -> None:
    """One curated phrase (weight at most 3 in a lexicon not known to be the shipped one)
    against 9 per 100 of 300 words: 27, most of it learned."""
    summary: dict[str, Any] = {
        "periods": [{"entries": 2, "words": 300}],
        "totals": {"identity": 9.0, "drift": 0.0},
        "dimensions": [
            {"id": "story", "identity": 9.0, "drift": 0.0,
             "curated": {"identity": 1, "drift": 0}},
            {"id": "voice", "identity": 0.0, "drift": 0.0,
             "curated": {"identity": 0, "drift": 0}},
        ],
    }
    expected = ("; most of what counts for it is words learned from example entries, which the "
                "marker list does not show: only 1 phrase of the tool's own markers counted")
    assert learned_caveat(summary, "identity") == expected
    assert learned_caveat(summary, "identity", summary["dimensions"][0]) == expected
    summary["dimensions"][0]["curated"]["identity"] = 5  # 5 x 3 = 15 of 27: not most
    assert learned_caveat(summary, "identity") == ""


# -- by year: the window before is whole calendar years ------------------------------------------


@pytest.mark.parametrize(
    ("since", "until", "before"),
    [
        # the default report by year: the ten calendar years up to this one, against the ten
        # before (as many days reached back to 26 Jan 2007)
        (date(2017, 1, 1), date(2026, 12, 7), (date(2007, 1, 1), date(2016, 12, 31))),
        # this year so far: last year, not 25 Jan - 31 Dec
        (date(2026, 1, 1), date(2026, 11, 20), (date(2025, 1, 1), date(2025, 12, 31))),
        # whole years: as whole months give them
        (date(2023, 1, 1), date(2025, 12, 31), (date(2020, 1, 1), date(2022, 12, 31))),
        # a window starting inside a year: its first days go with the years before, so the
        # two windows still meet
        (date(2023, 3, 1), date(2026, 11, 20), (date(2019, 1, 1), date(2023, 2, 28))),
        # clipped at year 1, not an error
        (date(3, 3, 1), date(9, 12, 7), (date.min, date(3, 2, 28))),
    ],
)
def test_by_year_the_window_before_is_as_many_calendar_years(
    since: date, until: date, before: tuple[date, date]
) -> None:
    assert previous_window(since, until, "year") == before
    if (since.month, since.day, until.month, until.day) == (1, 1, 12, 31):
        assert previous_window(since, until) == before  # (whole months: the same)


def test_weeks_and_months_keep_their_window_before() -> None:
    for by in (None, "week", "month"):
        assert previous_window(date(2026, 8, 31), date(2026, 11, 20), by) == (
            date(2026, 6, 10), date(2026, 8, 30))
        assert previous_window(date(2026, 10, 1), date(2026, 10, 31), by) == (
            date(2026, 9, 1), date(2026, 9, 30))


def test_a_window_before_of_whole_years_is_named_by_its_years(cli: CLI, add: Add) -> None:
    add(PEER, "--date", "2024-06-01")
    add(DRIFT, "--date", "2025-06-01")
    text = flat(ok(cli("report", "--since", "2025-01-01", "--until", "2025-12-31",
                       "--by", "month")).stdout)
    assert "What changed vs 2024, the window before" in text
    detail = flat(ok(cli("report", "--since", "2025-01-01", "--until", "2025-12-31",
                         "-d", "advice")).stdout)
    assert "the window before (2024):" in detail
    # dates where it is not whole years
    text = flat(ok(cli("report", "--since", "2025-02-01", "--until", "2025-12-31")).stdout)
    assert "What changed vs 1 Mar 2024 – 31 Jan 2025, the window before" in text


# -- the rhythm of a sparse journal --------------------------------------------------------------


@pytest.fixture
def sparse(add: Add) -> None:
    """Four entries over seven and a half years."""
    for day in ("2019-05-05", "2021-09-09", "2023-09-09", "2026-03-03"):
        add(PEER, "--date", day)


def rhythm(cli: CLI, *args: str) -> str:
    text = ok(cli("report", *args)).stdout
    return flat(text.split("\nRhythm", 1)[1].split("Self-care", 1)[0])


def test_a_sparse_journal_s_rhythm_is_said_per_year_not_as_0_0_a_week(
    cli: CLI, sparse: None
) -> None:
    """Was: "4 entries since you started on 5 May 2019 (0.0 a week)", and "4 entries in 884
    weeks"."""
    assert rhythm(cli, "--by", "year").startswith(
        "4 entries since you started on 5 May 2019 (fewer than one a year) · ")
    assert rhythm(cli, "--by", "year", "--since", "2010-01-01").startswith(
        "4 entries in 17 years (fewer than one a year) · ")
    assert rhythm(cli, "--by", "month", "--since", "2025-06-01").startswith(
        "1 entry in 77 weeks (fewer than one a year) · ")
    assert rhythm(cli, "--since", "2026-02-02").startswith(
        "1 entry in 42 weeks (fewer than one a month) · ")


def test_a_few_entries_a_year_are_said_as_about_so_many_a_year(cli: CLI, add: Add) -> None:
    for year in range(2017, 2027):
        for month in ("03", "09"):
            add(PEER, "--date", f"{year}-{month}-10")
    text = rhythm(cli, "--by", "year", "--since", "2015-01-01")
    assert text.startswith("20 entries in 12 years (about 2 a year) · ")
    assert "0.0" not in text
    # a rate that shows as one keeps its weekly words: 1 entry in these 12 weeks
    assert rhythm(cli).startswith("0.1 entries a week · ")

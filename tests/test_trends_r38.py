"""Round 38: periods of one entry each are no trend, in the report, the alerts, the mentor
summary and review alike (`summary.one_entry_each`).

Was: a see-saw of single entries, one a week, read "identity 2.10 rising" in `report` and
"↑" in the summary; a round-37 patch to the summary alone would have made the two disagree.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from peerjournal.summary import (
    dimension_trend,
    dimension_trends,
    halves,
    one_entry_each,
    too_few_per_period,
)
from peerjournal.trends import ReportRow, build_report

PEER = "I shared my own story and we worked out together what she wanted."
ADVICE = "I told him he should take his meds and comply with the plan."
# one entry a week, see-sawing: the defect's journal (today is Friday 20 Nov 2026)
SEESAW = (("2026-10-19", PEER), ("2026-10-27", ADVICE), ("2026-11-03", PEER),
          ("2026-11-10", ADVICE), ("2026-11-17", ADVICE))
TREND_WORDS = ("rising", "falling", "steady")
SINGLE = "too few entries per week to show a trend: each of the 5 weeks with entries holds only 1"


# -- the rule ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("entries", "expected"), [
    ([1, 1, 1], True),
    ([0, 1, 0, 1, 1], True),  # empty periods are not compared
    ([1, 2, 1], False),
    ([], False),
    ([0, 0], False),
])
def test_one_entry_each(entries: list[int], expected: bool) -> None:
    assert one_entry_each(entries) is expected


def test_halves_give_no_direction_over_single_entries_unless_asked_as_before() -> None:
    series, single = [1.0, 1.0, 6.0, 6.0], [1, 1, 1, 1]
    assert halves(series, single) is None
    old = halves(series, single, singles=True)  # as exports before round 38 did
    assert old is not None and old.direction == "up"
    two = halves(series, [1, 1, 2, 1])
    assert two is not None and two.direction == "up"


def test_the_reason_is_given_only_when_it_is_the_reason() -> None:
    assert too_few_per_period("week", [1, 1, 0, 1]) == (
        "too few entries per week to show a trend: each of the 3 weeks with entries holds "
        "only 1 entry; months (--by month) may hold more.")
    assert too_few_per_period("month", [1, 1, 1]) == (
        "too few entries per month to show a trend: each of the 3 months with entries holds "
        "only 1 entry.")
    assert too_few_per_period("week", [1, 1]) is None  # too few weeks: that reason comes first
    assert too_few_per_period("week", [1, 2, 1]) is None


def _periods(entries: list[int], values: list[float]) -> list[dict[str, Any]]:
    return [{"entries": n, "words": 200 * n, "dimensions": {"story": {"identity": v, "drift": 0.0}}}
            for n, v in zip(entries, values, strict=True)]


def test_the_summary_dimensions_have_no_direction_over_single_entries() -> None:
    single = _periods([1, 1, 1, 1], [1.0, 6.0, 1.0, 6.0])
    row = dimension_trends(single, {"story": "Recovery story"})[0]
    assert row["identity_direction"] is None and row["identity"] == pytest.approx(3.5)
    doubled = _periods([2, 2, 2, 2], [1.0, 1.0, 6.0, 6.0])
    assert dimension_trend(doubled, "story", "identity").halves is not None


# -- the alert --------------------------------------------------------------------------------

TODAY = date(2026, 11, 20)


def _weekly(drifts: list[float], per_week: int) -> list[ReportRow]:
    monday = TODAY - timedelta(days=TODAY.weekday())
    rows = []
    for k, d in enumerate(drifts):
        for j in range(per_week):
            score = {"identity": 2.0, "drift": d, "words": 200, "hits": [],
                     "dimensions": {"advice": {"identity": 0.0, "drift": d}}}
            day = monday - timedelta(weeks=len(drifts) - 1 - k) + timedelta(days=j)
            rows.append(ReportRow(id=10 * k + j + 1, date=day, drift=score))
    return rows


def _alerts(rows: list[ReportRow]) -> list[str]:
    report = build_report(rows, since=TODAY - timedelta(weeks=8), until=TODAY, by="week",
                          today=TODAY)
    return [str(a) for a in report["alerts"]]


def test_a_rise_over_single_entries_is_said_to_be_no_trend() -> None:
    drifts = [2.5, 2.0, 3.0, 4.0, 3.5, 5.0]
    single = [a for a in _alerts(_weekly(drifts, 1)) if a.startswith("Drift markers")]
    assert single == [
        "Drift markers were higher than the week before in 3 of the last 4 weeks you wrote in "
        "(from 19 Oct to 20 Nov 2026; the week of 16 Nov is only part of a week), but each of "
        "those weeks holds only 1 entry: too few entries per week to show a trend. Worth a look "
        "in the table?"]
    two = [a for a in _alerts(_weekly(drifts, 2)) if a.startswith("Drift markers")]
    assert len(two) == 1 and two[0].startswith("Drift markers rose in 3 of the last 4 weeks")


def test_single_short_entries_that_do_not_rise_say_nothing() -> None:
    rows = _weekly([2.0, 3.0, 2.0, 3.0, 2.0], 1)
    assert not [a for a in _alerts(rows) if a.startswith("Drift markers")]


# -- report and summary agree -----------------------------------------------------------------


def _seesaw(
    add: Callable[..., int], extra: tuple[tuple[str, str], ...] = (), times: int = 1
) -> None:
    """The see-saw, and `extra` entries; each text `times` over (a trend's halves need 300
    scored words each: round 43)."""
    for day, text in (*SEESAW, *extra):
        add(" ".join([text] * times), "--date", day)


def _dimensions(out: str) -> str:
    return out.split("\nDimensions", 1)[1].split("\n\n", 1)[0]


def test_the_report_says_too_few_per_week_and_no_trend_word(cli, add) -> None:
    _seesaw(add)
    dims = _dimensions(cli("report").stdout)
    assert f"No trend words: {SINGLE} entry; months (--by month) may hold more." in (
        " ".join(dims.split()))
    assert not any(f" {w}" in dims for w in TREND_WORDS), dims


def test_the_report_by_month_says_it_per_month(cli, add) -> None:
    for day in ("2026-07-08", "2026-08-12", "2026-09-09", "2026-10-14", "2026-11-11"):
        add(PEER if day[6] in "79" else ADVICE, "--date", day)
    out = cli("report", "--since", "2026-07-01", "--by", "month").stdout
    dims = " ".join(_dimensions(out).split())
    assert ("No trend words: too few entries per month to show a trend: each of the 5 months "
            "with entries holds only 1 entry.") in dims
    assert not any(f" {w}" in dims for w in TREND_WORDS), dims


def test_a_second_entry_in_a_week_brings_the_trend_words_back(cli, add) -> None:
    _seesaw(add, (("2026-11-18", ADVICE),), times=8)
    dims = _dimensions(cli("report").stdout)
    assert "No trend words" not in dims and any(f" {w}" in dims for w in TREND_WORDS), dims


def _export(cli, tmp_path: Path, fmt: str = "json") -> Path:
    path = tmp_path / f"s.{fmt}"
    result = cli("export", "--yes", "-f", fmt, "--since", "2026-10-19", "-o", str(path))
    assert result.exit_code == 0, result.stderr
    return path


def test_the_summary_gives_no_direction_where_the_report_gives_no_word(cli, add, tmp_path) -> None:
    _seesaw(add)
    summary = json.loads(_export(cli, tmp_path).read_text(encoding="utf-8"))
    assert summary["dimensions"]
    for row in summary["dimensions"]:
        assert row["identity_direction"] is None and row["drift_direction"] is None, row
    review = cli("review", str(tmp_path / "s.json"))
    assert review.exit_code == 0, review.stderr


# -- review: old summaries and new ones -------------------------------------------------------


def _as_before_round_38(summary: dict[str, Any]) -> dict[str, Any]:
    """`summary` with the directions an export before round 38 gave single-entry periods."""
    old = json.loads(json.dumps(summary))
    for row in old["dimensions"]:
        for polarity in ("identity", "drift"):
            found = dimension_trend(old["periods"], row["id"], polarity, singles=True).halves
            row[f"{polarity}_direction"] = found.direction if found else None
    return old


def test_review_reads_a_summary_from_before_round_38(cli, add, tmp_path) -> None:
    """Needs the reviewing.py patch (/tmp/r38/trends-patches/reviewing_one_entry_each.diff)."""
    _seesaw(add)
    old = _as_before_round_38(json.loads(_export(cli, tmp_path).read_text(encoding="utf-8")))
    assert any(row["drift_direction"] in ("up", "down") for row in old["dimensions"])
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    result = cli("review", str(path))
    assert result.exit_code == 0, result.stderr


def test_review_refuses_an_old_direction_the_numbers_contradict(cli, add, tmp_path) -> None:
    _seesaw(add)
    old = _as_before_round_38(json.loads(_export(cli, tmp_path).read_text(encoding="utf-8")))
    row = next(r for r in old["dimensions"] if r["drift_direction"] in ("up", "down"))
    row["drift_direction"] = {"up": "down", "down": "up"}[row["drift_direction"]]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    result = cli("review", str(path))
    assert result.exit_code != 0 and "drift_direction" in result.stderr, result.stderr


def test_the_exported_words_say_why_there_are_no_arrows(cli, add, tmp_path) -> None:
    """The summary gives the reason the report gives, in the words `review` says it: the
    mentor reads it and has no `--by` (the final review)."""
    _seesaw(add)
    md = " ".join(_export(cli, tmp_path, "md").read_text(encoding="utf-8").split())
    month = "a summary by month (ask the writer for one) may hold more"
    assert f"No arrows: {SINGLE} entry; {month}." in md
    assert f"Only 5 entries in 5 weeks: {SINGLE} entry; {month}; " in md


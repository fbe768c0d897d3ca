"""Dates through the commands, and the report's rhythm and filter line (QA round: dates).

Today is Friday 2026-11-20 (conftest's fixed clock).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CLI
from peerjournal.dates import EARLIEST, LATEST
from peerjournal.trends import (
    ReportRow,
    build_report,
    periods,
    previous_window,
    resolve_window,
    week_streaks,
)

TODAY = date(2026, 11, 20)
ENTRY = "We walked to the housing office together and I shared my own story."


def report_json(cli: CLI, *args: str) -> dict[str, Any]:
    result = cli("report", "--json", *args)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def import_days(cli: CLI, tmp_path: Path, days: list[date]) -> None:
    records = [{"date": d.isoformat(), "experience": ENTRY} for d in days]
    path = tmp_path / "entries.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    result = cli("import", str(path))
    assert result.exit_code == 0, result.stderr


def one_line_error(result: Any, *words: str) -> None:
    assert result.exit_code == 1, (result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr and "Unexpected error" not in result.stderr
    message = result.stderr.strip()
    assert "\n" not in message, message
    for word in words:
        assert word in message, message


# -- 1. numeric dates are day/month/year in every command ----------------------------------


def test_write_reads_numeric_dates_day_first(cli: CLI) -> None:
    for typed, stored in (("01/11/2026", "2026-11-01"), ("13/11/2026", "2026-11-13")):
        result = cli("write", "-x", ENTRY, "-d", typed, "--json")
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["date"] == stored


def test_a_month_first_date_is_refused_with_the_iso_form(cli: CLI) -> None:
    one_line_error(cli("write", "-x", ENTRY, "-d", "11/13/2026"), "2026-11-13", "day/month/year")


def test_report_and_export_windows_read_day_first(cli: CLI, add: Callable[..., int]) -> None:
    add(ENTRY, "--date", "2026-03-10")  # inside 4 March - 13 April, outside 3 - 13 April
    data = report_json(cli, "--since", "03/04/2026", "--until", "13/04/2026")
    assert (data["since"], data["until"], data["totals"]["entries"]) == (
        "2026-04-03",
        "2026-04-13",
        0,
    )
    result = cli("export", "-y", "-f", "json", "--since", "03/04/2026", "--until", "13/04/2026",
                 "-o", "-")
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert (summary["period"]["since"], summary["period"]["until"]) == ("2026-04-03", "2026-04-13")
    assert summary["entries"]["total"] == 0


# -- 2. out of range: one line, exit 1 -----------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("report", "--since", "0001-01-01"),
        ("report", "--until", "1899-12-31"),
        ("export", "-y", "-f", "json", "--since", "0001-01-01", "-o", "-"),
        ("supervision", "prep", "--since", "0001-01-01"),
        ("write", "-x", "Old note", "-d", "0001-01-01"),
        ("list", "--since", "0001-01-01"),
    ],
)
def test_dates_out_of_range_are_a_one_line_error(cli: CLI, args: tuple[str, ...]) -> None:
    one_line_error(cli(*args), "Date out of range", "1 Jan 1900")


def test_the_far_ends_of_the_range_do_not_crash(cli: CLI, add: Callable[..., int]) -> None:
    add(ENTRY, "--date", "2026-11-19")
    data = report_json(cli, "--until", "9999-12-31")  # "no end": up to today
    assert (data["until"], data["totals"]["entries"]) == ("2026-11-20", 1)
    data = report_json(cli, "--since", "1900-01-01", "--until", "9999-12-31", "--by", "month")
    assert (data["since"], data["until"], data["totals"]["entries"]) == (
        "1900-01-01",
        "2026-11-20",
        1,
    )
    result = cli("export", "-y", "-f", "json", "--until", "9999-12-31", "-o", "-")
    assert result.exit_code == 0, result.stderr
    result = cli("supervision", "prep", "--since", "1900-01-01", "--json")
    assert result.exit_code == 0, result.stderr


def test_a_report_cannot_start_in_the_future(cli: CLI) -> None:
    one_line_error(cli("report", "--since", "2026-12-01"), "in the future")


@pytest.mark.parametrize("blank", ["", "  "])
def test_an_empty_report_date_is_an_error(cli: CLI, add: Callable[..., int], blank: str) -> None:
    add(ENTRY)
    one_line_error(cli("report", "--since", blank), "Empty date")
    one_line_error(cli("report", "--until", blank), "Empty date")


def test_windows_near_the_ends_of_the_calendar() -> None:
    assert previous_window(EARLIEST, LATEST)[0] == date.min  # clipped, not an OverflowError
    assert previous_window(date.min, date.min) == (date.min, date.min)
    for by in ("week", "month"):
        spans = periods(date(9999, 12, 1), LATEST, by)
        assert spans[-1][1] == LATEST
    rows = [ReportRow(id=1, date=LATEST, drift={"identity": 1.0, "drift": 0.0, "words": 10})]
    for by in ("week", "month"):
        report = build_report(rows, since=date(9999, 12, 1), until=LATEST, by=by, today=LATEST)
        assert report["totals"]["entries"] == 1


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(day=st.dates(min_value=EARLIEST, max_value=LATEST), form=st.sampled_from(["%d/%m/%Y",
       "%Y-%m-%d", "%d %b %Y"]))
def test_any_date_that_parses_goes_through_the_report(cli: CLI, day: date, form: str) -> None:
    """A date the parser accepts never crashes a report: as --until it is clipped to today,
    as --since it is the window's start (or, after today, a one-line error)."""
    text = day.strftime(form) if day.year >= 1000 else day.isoformat()
    data = report_json(cli, "--until", text)
    assert data["until"] == min(day, TODAY).isoformat()
    result = cli("report", "--json", "--by", "month", "--since", text)
    if day > TODAY:
        one_line_error(result, "in the future")
    else:
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["since"] == day.isoformat()


@settings(max_examples=200, deadline=None)
@given(
    since=st.dates(min_value=EARLIEST, max_value=LATEST)
    | st.dates(min_value=date(9999, 9, 1), max_value=LATEST),
    length=st.integers(0, 400),
    by=st.sampled_from(["week", "month"]),
    today=st.dates(min_value=EARLIEST, max_value=LATEST),
    weeks_back=st.sets(st.integers(0, 120), max_size=60),
)
def test_any_window_in_range_builds_a_consistent_report(
    since: date, length: int, by: str, today: date, weeks_back: set[int]
) -> None:
    """No overflow at either end of the calendar, and the current streak is never longer
    than the longest, whichever window, entries (weekly, reaching back past the previous
    window) and today."""
    until = since + timedelta(days=min(length, (LATEST - since).days))
    days = {until - timedelta(weeks=n) for n in weeks_back if (until - EARLIEST).days >= 7 * n}
    rows = [ReportRow(id=n, date=day) for n, day in enumerate(sorted(days), 1)]
    report = build_report(rows, since=since, until=until, by=by, today=today)
    rhythm = report["rhythm"]
    assert rhythm["current_streak_weeks"] <= rhythm["longest_streak_weeks"]
    assert report["periods"][-1]["end"] == until.isoformat()


# -- 3. streaks over the whole journal -----------------------------------------------------


def weekly(weeks: int, last: date = TODAY - timedelta(days=1)) -> list[date]:
    return [last - timedelta(weeks=i) for i in range(weeks)]


def test_forty_weeks_in_a_row_is_a_forty_week_streak(cli: CLI, tmp_path: Path) -> None:
    import_days(cli, tmp_path, weekly(40))
    for args in ((), ("--since", "2 weeks ago"), ("--by", "month"), ("--since", "1 year ago")):
        rhythm = report_json(cli, *args)["rhythm"]
        assert (rhythm["current_streak_weeks"], rhythm["longest_streak_weeks"]) == (40, 40), args
    assert "streak 40 weeks (longest 40)" in cli("report").stdout


def test_the_longest_streak_is_the_journal_s_longest_up_to_the_window_end(
    cli: CLI, tmp_path: Path
) -> None:
    # 30 weeks in a row ending 20 weeks ago, a gap, then the last 5 weeks.
    import_days(cli, tmp_path, weekly(5) + weekly(30, TODAY - timedelta(weeks=20)))
    rhythm = report_json(cli)["rhythm"]
    assert (rhythm["current_streak_weeks"], rhythm["longest_streak_weeks"]) == (5, 30)
    # A window ending in the past counts both as of its end.
    rhythm = report_json(cli, "--until", (TODAY - timedelta(weeks=25)).isoformat())["rhythm"]
    assert rhythm["as_of"] == (TODAY - timedelta(weeks=25)).isoformat()
    assert (rhythm["current_streak_weeks"], rhythm["longest_streak_weeks"]) == (25, 25)


def test_streaks_follow_the_report_filters(cli: CLI, add: Callable[..., int]) -> None:
    for i, day in enumerate(weekly(6)):
        add(ENTRY, "--date", day.isoformat(), "--setting", "ward" if i % 2 else "community")
    assert report_json(cli)["rhythm"]["current_streak_weeks"] == 6
    rhythm = report_json(cli, "--setting", "community")["rhythm"]
    assert (rhythm["current_streak_weeks"], rhythm["longest_streak_weeks"]) == (1, 1)


@settings(max_examples=300, deadline=None)
@given(
    st.sets(st.integers(0, 80), max_size=40),
    st.integers(0, 90),
)
def test_the_current_streak_is_never_longer_than_the_longest(
    offsets: set[int], last: int
) -> None:
    monday = date(2026, 11, 16)
    weeks = {monday - timedelta(weeks=n) for n in offsets}
    current, longest = week_streaks(weeks, monday - timedelta(weeks=last))
    assert 0 <= current <= longest
    # The current run is the run of weeks ending at that week (or the one before).
    cursor = monday - timedelta(weeks=last)
    if cursor not in weeks:
        cursor -= timedelta(weeks=1)
    expected = 0
    while cursor in weeks:
        expected, cursor = expected + 1, cursor - timedelta(weeks=1)
    assert current == expected


# -- 4. the last entry's age is counted from today -----------------------------------------


def test_last_entry_in_a_past_window_is_named_by_its_date(
    cli: CLI, add: Callable[..., int]
) -> None:
    add(ENTRY, "--date", "2026-11-12")
    rhythm = report_json(cli, "--until", "2026-11-15")["rhythm"]
    assert rhythm["last_entry"] == "2026-11-12" and rhythm["days_since_last"] == 8
    assert rhythm["reaches_today"] is False and rhythm["as_of"] == "2026-11-15"
    text = cli("report", "--until", "2026-11-15").stdout
    assert "last entry 12 Nov 2026" in text and "days ago" not in text
    assert "streaks as of 15 Nov 2026" in text
    assert "last entry 8 days ago" in cli("report").stdout


def test_no_gap_alert_for_a_window_that_ends_in_the_past(
    cli: CLI, add: Callable[..., int]
) -> None:
    add(ENTRY, "--date", "2026-09-01")
    add(ENTRY, "--date", "2026-11-19")
    past = report_json(cli, "--since", "2026-08-31", "--until", "2026-10-31")
    assert not any("since your last entry" in a for a in past["alerts"])
    assert past["rhythm"]["days_since_last"] == (TODAY - date(2026, 9, 1)).days


def test_gap_alert_counts_from_today() -> None:
    start, end = resolve_window(None, None, TODAY)
    rows = [ReportRow(id=1, date=TODAY - timedelta(days=20))]
    report = build_report(rows, since=start, until=end, by="week", today=TODAY)
    assert any("20 days since your last entry" in a for a in report["alerts"])


# -- 5. the filter line reads as text ------------------------------------------------------


def test_filter_line_is_natural_text(cli: CLI, add: Callable[..., int]) -> None:
    add(ENTRY, "--date", "2026-11-10", "-s", "crisis", "-t", "first-meeting", "-t", "ward")
    text = cli("report", "--since", "2026-11-01", "-s", "crisis", "-t", "first-meeting").stdout
    assert "Only entries with setting “crisis”, tagged #first-meeting" in text
    assert "[" not in text.split("\n")[1]
    text = cli("report", "-t", "first-meeting", "-t", "ward").stdout
    assert "Only entries tagged #first-meeting and #ward" in text
    assert "Only entries" not in cli("report").stdout

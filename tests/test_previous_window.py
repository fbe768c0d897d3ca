"""The window a report compares with: whole calendar months before a window of whole months
(October against September), else as many days just before it."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CLI
from peerjournal.trends import previous_window


@pytest.mark.parametrize(
    ("since", "until", "before"),
    [
        # one month: the month before, however long it is
        ("2026-10-01", "2026-10-31", ("2026-09-01", "2026-09-30")),
        ("2026-12-01", "2026-12-31", ("2026-11-01", "2026-11-30")),
        ("2026-01-01", "2026-01-31", ("2025-12-01", "2025-12-31")),
        ("2026-03-01", "2026-03-31", ("2026-02-01", "2026-02-28")),
        ("2028-03-01", "2028-03-31", ("2028-02-01", "2028-02-29")),  # a leap year
        ("2100-03-01", "2100-03-31", ("2100-02-01", "2100-02-28")),  # not one
        ("2026-02-01", "2026-02-28", ("2026-01-01", "2026-01-31")),
        # several months: as many months before
        ("2026-07-01", "2026-09-30", ("2026-04-01", "2026-06-30")),
        ("2026-09-01", "2026-10-31", ("2026-07-01", "2026-08-31")),
        ("2026-02-01", "2026-04-30", ("2025-11-01", "2026-01-31")),
        ("2026-01-01", "2026-12-31", ("2025-01-01", "2025-12-31")),
        # not whole months: as many days
        ("2026-08-31", "2026-11-20", ("2026-06-10", "2026-08-30")),
        ("2026-10-01", "2026-10-29", ("2026-09-02", "2026-09-30")),
        ("2026-10-02", "2026-10-31", ("2026-09-02", "2026-10-01")),
        ("2026-10-01", "2026-10-01", ("2026-09-30", "2026-09-30")),
    ],
)
def test_the_window_before(since: str, until: str, before: tuple[str, str]) -> None:
    start, end = previous_window(date.fromisoformat(since), date.fromisoformat(until))
    assert (start.isoformat(), end.isoformat()) == before


def test_months_before_year_1_are_clipped_not_an_error() -> None:
    assert previous_window(date(1, 1, 1), date(1, 1, 31)) == (date.min, date.min)
    assert previous_window(date(1, 2, 1), date(1, 3, 31)) == (date.min, date(1, 1, 31))
    assert previous_window(date(1, 1, 1), date(9999, 12, 31)) == (date.min, date.min)
    assert previous_window(date(9999, 12, 1), date.max) == (date(9999, 11, 1), date(9999, 11, 30))


def _month_start(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def _whole_months(since: date, until: date) -> int:
    """How many months [since, until] spans when it is whole months, else 0 (written apart from
    the code under test: by walking the month ends)."""
    if since.day != 1:
        return 0
    count, start = 0, since
    while start <= until:
        end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        count += 1
        if end == until:
            return count
        start = end + timedelta(days=1)
    return 0


days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 30))
month_indexes = st.integers(min_value=12, max_value=9999 * 12 + 10)


@st.composite
def windows(draw: st.DrawFn) -> tuple[date, date]:
    """Any window, or one of whole months (most windows drawn at random are not)."""
    if draw(st.booleans()):
        first = draw(month_indexes)
        last = draw(st.integers(min_value=first, max_value=min(first + 40, 9999 * 12 + 10)))
        return _month_start(first), _month_start(last + 1) - timedelta(days=1)
    since, until = sorted((draw(days), draw(days)))
    return since, until


@settings(max_examples=300, deadline=None)
@given(window=windows())
def test_the_window_before_ends_the_day_before_and_is_as_many_months_or_days(
    window: tuple[date, date],
) -> None:
    since, until = window
    start, end = previous_window(since, until)
    assert start <= end < since or since == date.min == start == end  # never overlaps
    if since > date.min:
        assert end == since - timedelta(days=1)
    months = _whole_months(since, until)
    clipped = start == date.min
    if months and not clipped:
        assert _whole_months(start, end) == months
    elif not clipped:
        assert (end - start).days == (until - since).days


# -- what the writer sees -----------------------------------------------------------------


@pytest.fixture
def late_summer(add: Callable[..., int]) -> None:
    """An entry on 31 Aug and one in September, none in October."""
    add("I sat with Sam at the drop-in and listened.", "--date", "2026-08-31")
    add("We planned the group together.", "--date", "2026-09-15")


def test_a_report_over_october_compares_with_september(cli: CLI, late_summer: None) -> None:
    """Was: "the window before" of October was 31 Aug to 30 Sep, the same number of days."""
    result = cli("report", "--json", "--since", "2026-10-01", "--until", "2026-10-31")
    assert result.exit_code == 0, result.stderr
    previous = json.loads(result.stdout)["previous"]
    assert (previous["since"], previous["until"], previous["entries"]) == (
        "2026-09-01", "2026-09-30", 1)


def test_what_changed_in_october_is_against_september(
    cli: CLI, add: Callable[..., int], late_summer: None
) -> None:
    add("I told her she should take her meds.", "--date", "2026-10-12")
    result = cli("report", "--since", "2026-10-01", "--until", "2026-10-31", "--by", "month")
    assert result.exit_code == 0, result.stderr
    assert "What changed vs 1 Sep 2026 – 30 Sep 2026" in " ".join(result.stdout.split())


def test_a_summary_of_october_names_september(cli: CLI, late_summer: None) -> None:
    result = cli("export", "--yes", "-f", "json", "--since", "2026-10-01", "--until", "2026-10-31")
    assert result.exit_code == 0, result.stderr
    alerts = [a["message"] for a in json.loads(result.stdout)["alerts"]]
    assert any(
        a.startswith("No entries from 1 Oct to 31 Oct 2026, after 1 entry from 1 Sep to 30 Sep")
        for a in alerts
    ), alerts


def test_a_window_of_days_still_compares_with_as_many_days(cli: CLI, late_summer: None) -> None:
    result = cli("report", "--json", "--since", "2026-10-01", "--until", "2026-11-20")
    assert result.exit_code == 0, result.stderr
    previous = json.loads(result.stdout)["previous"]
    assert (previous["since"], previous["until"], previous["entries"]) == (
        "2026-08-11", "2026-09-30", 2)

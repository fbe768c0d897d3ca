"""Round 28: "past fortnight" (and "past week", "past month", "past year") is the days up to
today; "next fortnight" is not read, as no period ahead is; "this fortnight" points to "past
fortnight"; the --since and --until help names "last fortnight"."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest

from conftest import CLI, without_kept_draft
from peerjournal.dates import parse_bound, period

Add = Callable[..., int]
TODAY = date(2026, 11, 20)  # a Friday (FIXED_NOW)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("past fortnight", date(2026, 11, 7)),  # 14 days, today the 14th
        ("the past fortnight", None),  # not a form: "the" is not read before any period
        ("Past  Fortnight", date(2026, 11, 7)),
        ("past week", date(2026, 11, 14)),
        ("past month", date(2026, 10, 21)),
        ("past year", date(2025, 11, 21)),
    ],
)
def test_past_periods_end_today(text: str, first: date | None) -> None:
    assert period(text, TODAY) == ((first, TODAY) if first else None)


def test_past_month_at_a_month_end_and_past_year_from_a_leap_day() -> None:
    assert period("past month", date(2026, 3, 31)) == (date(2026, 3, 1), date(2026, 3, 31))
    assert period("past year", date(2028, 2, 29)) == (date(2027, 3, 1), date(2028, 2, 29))


def test_list_since_past_fortnight_is_the_last_fourteen_days(cli: CLI, add: Add) -> None:
    ids = {day: add(f"Shift on {day}.", "--date", day) for day in ("2026-11-06", "2026-11-07")}
    today = add("Shift today.")
    result = cli("list", "--since", "past fortnight", "--until", "past fortnight", "--json")
    assert result.exit_code == 0, result.stderr
    assert [e["id"] for e in json.loads(result.stdout)] == [today, ids["2026-11-07"]]


def test_a_one_day_option_refuses_past_fortnight_with_its_first_day(cli: CLI) -> None:
    result = cli("write", "--experience", "A shift.", "--date", "past fortnight")
    assert result.exit_code == 1 and result.stdout == ""
    assert without_kept_draft(result.stderr) == (
        "peerjournal: 'past fortnight' is a period, not one day. Give one day, such as "
        "'7 Nov 2026' or 2026-11-07.\n"
    )


@pytest.mark.parametrize("text", ["next fortnight", "next week"])
def test_no_period_ahead_is_read(cli: CLI, text: str) -> None:
    result = cli("list", "--since", text)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"peerjournal: Could not read the date '{text}'. Use today,")
    assert len(result.stderr.splitlines()) == 1


def test_this_fortnight_points_to_past_fortnight(cli: CLI) -> None:
    result = cli("report", "--since", "this fortnight")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        "peerjournal: 'this fortnight' is no calendar period: a fortnight has no set first day. "
        "Use 'past fortnight' (the last 14 days), 'last fortnight' (the two weeks before this "
        "one) or 'this week'.\n"
    )
    assert parse_bound("a fortnight ago", TODAY) == date(2026, 11, 6)  # still read


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    "command", [("list",), ("search",), ("report",), ("supervision", "prep")], ids=" ".join
)
def test_since_help_names_last_fortnight(cli: CLI, command: tuple[str, ...]) -> None:
    shown = flat(cli(*command, "--help").stdout)
    assert "'last friday', 'last fortnight' or 'last month' (its first day)," in shown
    if command != ("supervision", "prep"):
        assert "('last fortnight' or 'last month': its last day)" in shown


def test_export_since_help_names_last_fortnight(cli: CLI) -> None:
    assert "'last fortnight' or 'last month' (its first day)" in flat(
        cli("export", "--help").stdout
    )

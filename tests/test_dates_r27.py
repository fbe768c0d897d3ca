"""Round 27: one week and month arithmetic (`dates.period_start` / `period_end`, used by the
--since periods, the recent weeks of export and prep, and the report's periods alike); the
--since / --until errors name the periods by construction (`UnreadableDate.naming`), not by
rewriting another message; and `search handover -tired`, which the parser reads as -t ired,
says what to type to leave the word out when no entry has that tag (or setting, or when
"-nurse" is no --limit)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import CLI
from peerjournal import dates, trends
from peerjournal.dates import (
    ACCEPTED_FORMS,
    BOUND_FORMS,
    LATEST,
    parse_bound,
    parse_date,
    period,
    period_end,
    period_start,
    recent_weeks,
)
from peerjournal.errors import PeerJournalError

Add = Callable[..., int]
TODAY = date(2026, 11, 20)  # a Friday
SEE = " See 'peerjournal search --help'.\n"


# -- 1. one week and month arithmetic ----------------------------------------------------------


def test_weeks_still_start_on_monday_everywhere() -> None:
    monday, sunday = date(2026, 11, 16), date(2026, 11, 22)
    for day in (monday + timedelta(days=n) for n in range(7)):
        assert (period_start(day, "week"), period_end(day, "week")) == (monday, sunday)
    assert period("this week", TODAY) == (monday, sunday)
    assert period("last week", TODAY) == (date(2026, 11, 9), date(2026, 11, 15))
    assert recent_weeks(TODAY) == (date(2026, 10, 26), TODAY)  # 4 weeks, from a Monday
    assert trends.periods(date(2026, 11, 18), date(2026, 11, 24), "week") == [
        (date(2026, 11, 18), sunday), (date(2026, 11, 23), date(2026, 11, 24))]


def test_the_report_and_the_dates_share_one_period_start() -> None:
    """Was: trends.period_start and next_period_start beside the same sums in dates.period."""
    assert trends.period_start is dates.period_start
    assert not hasattr(trends, "next_period_start")


@pytest.mark.parametrize(
    ("day", "first", "last"),
    [(date(2028, 2, 14), date(2028, 2, 1), date(2028, 2, 29)),
     (date(2026, 2, 28), date(2026, 2, 1), date(2026, 2, 28)),
     (date(2026, 12, 31), date(2026, 12, 1), date(2026, 12, 31)),
     (LATEST, date(9999, 12, 1), LATEST)],
)
def test_a_month_runs_from_its_first_to_its_last_day(day: date, first: date, last: date) -> None:
    assert (period_start(day, "month"), period_end(day, "month")) == (first, last)


def test_the_last_week_of_all_ends_on_the_last_day_there_is() -> None:
    """27 Dec 9999 is a Monday; its Sunday would be past date.max."""
    assert period_end(date(9999, 12, 29), "week") == LATEST
    assert trends.periods(date(9999, 12, 20), LATEST, "week") == [
        (date(9999, 12, 20), date(9999, 12, 26)), (date(9999, 12, 27), LATEST)]
    assert period("this week", date(9999, 12, 29)) == (date(9999, 12, 27), LATEST)


def test_last_month_and_last_week_cross_a_year() -> None:
    assert period("last month", date(2027, 1, 2)) == (date(2026, 12, 1), date(2026, 12, 31))
    assert period("last week", date(2027, 1, 2)) == (date(2026, 12, 21), date(2026, 12, 27))
    with pytest.raises(PeerJournalError, match="out of range: 'last month'"):
        period("last month", date(1900, 1, 15))


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=LATEST), st.sampled_from(trends.PERIODS)
)
def test_a_period_holds_its_days_and_the_next_one_starts_the_day_after(day: date, by: str) -> None:
    start, end = period_start(day, by), period_end(day, by)
    assert start <= day <= end and period_end(start, by) == end
    assert start.weekday() == 0 if by == "week" else start.day == 1
    if end < LATEST:
        following = end + timedelta(days=1)
        assert period_start(following, by) == following


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=LATEST),
    st.integers(min_value=0, max_value=120),
    st.sampled_from(trends.PERIODS),
)
def test_the_report_periods_cover_the_window_without_gaps(since: date, days: int, by: str) -> None:
    until = since + timedelta(days=min(days, (LATEST - since).days))
    spans = trends.periods(since, until, by)
    assert spans[0][0] == since and spans[-1][1] == until
    for (_, end), (start, _) in pairwise(spans):
        assert start == end + timedelta(days=1) == period_start(start, by)


# -- 2. --since and --until errors name the periods by construction ------------------------


@pytest.mark.parametrize("typed", ["whenever", "", "13/13/2026", "12:30", "31 Feb 2026"])
def test_a_bound_error_names_the_periods_and_a_day_error_does_not(typed: str) -> None:
    with pytest.raises(PeerJournalError) as day:
        parse_date(typed, TODAY)
    with pytest.raises(PeerJournalError) as bound:
        parse_bound(typed, TODAY)
    assert day.value.message.endswith(f" Use {ACCEPTED_FORMS}.")
    said = day.value.message.removesuffix(f" Use {ACCEPTED_FORMS}.")
    assert bound.value.message == f"{said} Use {BOUND_FORMS}."
    assert "a period ('last month'" in BOUND_FORMS and "period" not in ACCEPTED_FORMS


def test_a_bound_error_with_its_own_advice_is_left_as_it_is() -> None:
    with pytest.raises(PeerJournalError) as bound:
        parse_bound("a few days ago", TODAY)
    assert bound.value.message == (
        "Could not read the date 'a few days ago': 'a few' is not an exact number. Give one, "
        "such as '3 days ago'."
    )


def test_a_month_that_is_not_one_names_the_periods_in_since(cli: CLI) -> None:
    """Was: --since 2025-13 named the forms of one day only (the period's error came before
    the message was rewritten)."""
    result = cli("list", "--since", "2025-13")
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: Could not read the date '2025-13': there is no month 13. Use "
        f"{BOUND_FORMS}.\n"
    )


def test_an_unreadable_since_reads_the_same_at_the_command_line(cli: CLI) -> None:
    result = cli("report", "--until", "whenever")
    assert result.exit_code == 1
    assert result.stderr == (
        "peerjournal: Could not read the date 'whenever'. Use today, yesterday, 'last night', "
        "'N days ago', 'N weeks ago', 'N months ago', a weekday ('friday', 'last friday'), a "
        "period ('last month', 'this week', 'last year', 2025-11, 'Nov 2025', 2025), or a date "
        "such as 2026-11-20, 20/11/2026 (day/month/year) or '20 Nov 2026'.\n"
    )


# -- 3. search handover -tired -----------------------------------------------------------------


@pytest.fixture
def journal(add: Add) -> dict[str, int]:
    return {
        "tired": add("Handover ran late and I felt tired after it.", "-t", "night"),
        "calm": add("Handover went calmly today.", "-t", "day", "-s", "ward"),
    }


def test_a_word_to_leave_out_read_as_a_tag_says_what_to_type(
    cli: CLI, journal: dict[str, int]
) -> None:
    result = cli("search", "handover", "-tired")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        "peerjournal: '-tired' is read as --tag ired, a tag no entry has: to leave a word "
        f"out, put the query in quotes, as in `peerjournal search 'handover -tired'`.{SEE}"
    )
    [hit] = json.loads(cli("search", "handover -tired", "--json").stdout)  # as suggested
    assert hit["id"] == journal["calm"]


def test_a_word_read_as_a_setting_says_so_too(cli: CLI, journal: dict[str, int]) -> None:
    result = cli("search", "handover", "-sleepy")
    assert result.exit_code == 2
    assert result.stderr == (
        "peerjournal: '-sleepy' is read as --setting leepy, a setting no entry has: to leave "
        "a word out, put the query in quotes, as in `peerjournal search 'handover -sleepy'`."
        f"{SEE}"
    )


def test_a_word_read_as_a_limit_is_left_out(cli: CLI, journal: dict[str, int]) -> None:
    """(Round 35: "-nurse", -n urse, is no number, so it is a word to leave out.)"""
    result = cli("search", "handover", "-nurse", "--json")
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)) == 2


def test_the_other_options_and_the_journal_go_into_the_command(
    cli: CLI, journal: dict[str, int], tmp_path: Path
) -> None:
    result = cli("search", "-tired", "handover", "--json", "-n", "3", "-t", "day")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        "peerjournal: '-tired' is read as --tag ired, a tag no entry has: a query that starts "
        f"with '-' goes after --, as in `peerjournal search --json -n 3 -t day -- "
        f"'-tired handover'`.{SEE}"
    )
    db = tmp_path / "other.db"
    cli("--db", str(db), "write", "-x", "A note.")
    other = cli("--db", str(db), "search", "handover", "-tired")
    assert f"as in `peerjournal --db {db} search 'handover -tired'`." in other.stderr


@pytest.mark.parametrize(
    "typed", [["-t", "ired"], ["--tag", "ired"], ["--tag=ired"]], ids=" ".join
)
def test_a_tag_typed_apart_is_still_a_tag(
    cli: CLI, journal: dict[str, int], typed: list[str]
) -> None:
    result = cli("search", "handover", *typed)
    assert result.exit_code == 0
    assert result.stderr == (
        "Nothing found for 'handover': no entry is tagged ired (`peerjournal tags` lists the "
        "tags).\n"
    )


def test_an_attached_value_that_names_a_tag_or_setting_is_the_filter(
    cli: CLI, journal: dict[str, int]
) -> None:
    for typed in (["-tday"], ["-sward"], ["-tnight", "-n1"]):
        hits = json.loads(cli("search", "handover", *typed, "--json").stdout)
        expected = journal["tired"] if typed[0] == "-tnight" else journal["calm"]
        assert [hit["id"] for hit in hits] == [expected]


def test_a_limit_that_is_no_word_keeps_its_own_error(cli: CLI, journal: dict[str, int]) -> None:
    result = cli("search", "handover", "-n-1")
    assert result.exit_code == 2
    assert result.stderr == (
        "peerjournal: Invalid value for '--limit' / '-n': '-1': give a whole number, 0 or "
        f"more.{SEE}"
    )

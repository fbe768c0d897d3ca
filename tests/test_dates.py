"""Dates as people type them, relative to a fixed Friday (2026-11-20)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerjournal.dates import (
    ACCEPTED_FORMS,
    EARLIEST,
    LATEST,
    check_range,
    numeric_date,
    parse_date,
    parse_past_date,
)
from peerjournal.errors import PeerJournalError

TODAY = date(2026, 11, 20)  # a Friday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", TODAY),
        ("  Today ", TODAY),
        ("yesterday", date(2026, 11, 19)),
        ("3 days ago", date(2026, 11, 17)),
        ("1 day ago", date(2026, 11, 19)),
        ("a day ago", date(2026, 11, 19)),
        ("2 weeks ago", date(2026, 11, 6)),
        ("2  WEEKS   ago", date(2026, 11, 6)),
        ("1 month ago", date(2026, 10, 20)),
        ("a year ago", date(2025, 11, 20)),
        ("monday", date(2026, 11, 16)),
        ("Wed", date(2026, 11, 18)),
        ("thursday", date(2026, 11, 19)),
        ("friday", date(2026, 11, 13)),  # the most recent Friday, never today itself
        ("last friday", date(2026, 11, 13)),
        ("last Saturday", date(2026, 11, 14)),
        ("sun", date(2026, 11, 15)),
        ("2026-11-01", date(2026, 11, 1)),
        ("2024-02-29", date(2024, 2, 29)),
        ("20 Nov 2026", TODAY),
        ("November 3, 2025", date(2025, 11, 3)),
        ("3 March", date(2026, 3, 3)),
        ("2026/10/05", date(2026, 10, 5)),
    ],
)
def test_accepted_forms(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(
    "text",
    ["", "   ", "soon", "the day before", "2026-02-30", "32 Nov 2026", "next week", "monthly",
     "fried", "sunshine", "99999 years ago", "mon day"],
)
def test_unreadable_dates_name_the_accepted_forms(text: str) -> None:
    with pytest.raises(PeerJournalError) as caught:
        parse_date(text, TODAY)
    message = caught.value.message
    assert "\n" not in message
    assert (
        ("Use today" in message and "yesterday" in message)
        or "out of range" in message
        or "has no day" in message  # "2026-02-30": Feb 2026 has no day 30
        or "Empty date" in message
    )


def test_future_dates_are_refused_for_experiences() -> None:
    assert parse_past_date("today", TODAY) == TODAY
    with pytest.raises(PeerJournalError, match="in the future"):
        parse_past_date("2026-11-21", TODAY)
    with pytest.raises(PeerJournalError, match="in the future"):
        parse_past_date("1 Dec 2026", TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomorrow", date(2026, 11, 21)),
        ("next friday", date(2026, 11, 27)),  # TODAY is a Friday: the coming one, not today
        ("Next Mon", date(2026, 11, 23)),
        ("in 3 days", date(2026, 11, 23)),
        ("in a week", date(2026, 11, 27)),
        ("in 2 months", date(2027, 1, 20)),
    ],
)
def test_dates_ahead_are_read_and_refused_as_future_where_a_past_date_is_wanted(
    text: str, expected: date
) -> None:
    # `supervision done --date tomorrow` said "Could not read the date": it is readable, and
    # ahead; a yearless reading ("a year ago tomorrow") is never tried for it
    assert parse_date(text, TODAY) == expected
    with pytest.raises(PeerJournalError, match=f"{expected.isoformat()} is in the future"):
        parse_past_date(text, TODAY)


NEW_YEAR = date(2027, 1, 2)


@pytest.mark.parametrize("text", ["30/12", "30.12", "30 Dec", "Dec 30", "30th december"])
def test_a_day_and_month_without_a_year_is_the_most_recent_one(text: str) -> None:
    # Writing on 2 January about a shift on 30 December: it used to be "2027-12-30 is in
    # the future". A weekday name already meant the most recent one; so does a day and month.
    assert parse_past_date(text, NEW_YEAR) == date(2026, 12, 30)
    assert parse_past_date(text, date(2027, 12, 30)) == date(2027, 12, 30)  # today itself


@pytest.mark.parametrize("text", ["30/12/2027", "30/12/27", "2027-12-30", "30 Dec 2027"])
def test_a_future_date_with_its_year_is_still_refused(text: str) -> None:
    with pytest.raises(PeerJournalError, match="2027-12-30 is in the future"):
        parse_past_date(text, NEW_YEAR)


def test_a_29_february_without_a_year_that_is_ahead_is_refused() -> None:
    with pytest.raises(PeerJournalError, match="in the future"):
        parse_past_date("29/2", date(2028, 1, 5))  # 2027 has no 29 February


def test_write_date_without_a_year_after_new_year(cli: Any, monkeypatch: pytest.MonkeyPatch
                                                  ) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", "2027-01-02T09:00:00+00:00")
    result = cli("write", "-x", "The night shift before New Year.", "--date", "30/12",
                 "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["date"] == "2026-12-30"


@pytest.mark.parametrize("command", [["list", "--json"], ["report", "--json"],
                                     ["export", "--format", "json", "--yes", "--output", "-"]])
def test_every_command_reads_a_day_and_month_without_a_year_alike(
    cli: Any, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    """Before, write read "30/12" on 2 January as last December while list, report and export
    read it as this December: an empty list, or "in the future"."""
    monkeypatch.setenv("PEERJOURNAL_NOW", "2027-01-02T09:00:00+00:00")
    assert cli("write", "-x", "The night shift before New Year.", "--date", "30/12").exit_code == 0
    result = cli(*command, "--since", "30/12", "--until", "31/12")
    assert result.exit_code == 0, result.stderr
    assert "2026-12-30" in result.stdout and "2027-12" not in result.stdout


def test_accepted_forms_text_mentions_relative_and_iso() -> None:
    for word in ("today", "yesterday", "days ago", "weeks ago", "friday", "2026-11-20"):
        assert word in ACCEPTED_FORMS


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_parser_never_crashes(text: str) -> None:
    """Arbitrary text is either a date or a PeerJournalError, never another exception."""
    try:
        value = parse_date(text, TODAY)
    except PeerJournalError as exc:
        assert exc.message
    else:
        assert isinstance(value, date)


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
def test_iso_dates_round_trip(day: date) -> None:
    assert parse_past_date(day.isoformat(), TODAY) == day


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=5000))
def test_days_ago_counts_back(n: int) -> None:
    assert (TODAY - parse_date(f"{n} days ago", TODAY)).days == n


# -- numbers are day/month/year, everywhere ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01/11/2026", date(2026, 11, 1)),  # was read month-first: 11 January
        ("1/11/2026", date(2026, 11, 1)),
        ("13/11/2026", date(2026, 11, 13)),
        ("03/04/2026", date(2026, 4, 3)),
        ("01.11.2026", date(2026, 11, 1)),
        ("01-11-2026", date(2026, 11, 1)),
        ("1 11 2026", date(2026, 11, 1)),
        ("3/4", date(2026, 4, 3)),  # no year: this year
        ("1/11/26", date(2026, 11, 1)),  # two-digit years: within 50 years of today
        ("1/11/80", date(1980, 11, 1)),
        ("2026-11-01", date(2026, 11, 1)),  # a year first: year-month-day
        ("2026/11/01", date(2026, 11, 1)),
        ("2026.11.01", date(2026, 11, 1)),
        ("20261101", date(2026, 11, 1)),
        ("01/11/2026 18:30", date(2026, 11, 1)),  # a numeric date inside other text, too
        ("sunday 01/11/2026", date(2026, 11, 1)),
        ("2026-11-01T18:30:00-05:00", date(2026, 11, 1)),
        ("1 Nov 2026", date(2026, 11, 1)),
        ("Nov 1, 2026", date(2026, 11, 1)),
        ("1900-01-01", date(1900, 1, 1)),
    ],
)
def test_numeric_dates_are_day_first_unless_the_year_comes_first(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        # never silently swapped into month/day/year
        ("11/13/2026", "day/month/year: for 13 Nov 2026 write 2026-11-13"),
        ("12/25/2026", "for 25 Dec 2026 write 2026-12-25"),
        # no year typed: the hint names the most recent such day, as the date is read
        ("12/25", "for 25 Dec 2025 write 2025-12-25"),
        ("11/19", "for 19 Nov 2026 write 2026-11-19"),
        ("13/13/2026", "no month 13"),
        ("2026-13-01", "no month 13"),
        ("31/02/2026", "Feb 2026 has no day 31"),
        ("29/02/2026", "Feb 2026 has no day 29"),
        ("5", "day/month/year"),
        ("2026", "a period, not one day. Give one day, such as '1 Jan 2026' or 2026-01-01"),
        ("2026-11", "such as '1 Nov 2026' or 2026-11-01"),
        ("11/2026", "a period, not one day. Give one day, such as '1 Nov 2026' or 2026-11-01"),
        ("1/11/026", "day/month/year"),
        ("01/11/2026 - 02/11/2026", "day/month/year"),
        ("fri 01/11/2026 and 02/11/2026", "Use today"),
    ],
)
def test_impossible_numeric_dates_say_how_they_are_read(text: str, hint: str) -> None:
    with pytest.raises(PeerJournalError) as caught:
        parse_date(text, TODAY)
    assert hint in caught.value.message and "\n" not in caught.value.message


@pytest.mark.parametrize(
    "text",
    ["0001-01-01", "1899-12-31", "31/12/1899", "1 Jan 0001", "1 Jan 1850", "10000-01-01",
     "200 years ago", "99999 years ago", "99999 days ago"],
)
def test_dates_outside_1900_to_9999_are_one_out_of_range_error(text: str) -> None:
    with pytest.raises(PeerJournalError) as caught:
        parse_date(text, TODAY)
    message = caught.value.message
    assert message.startswith("Date out of range") and "\n" not in message
    assert "1 Jan 1900" in message and "31 Dec 9999" in message


def test_the_range_ends_are_dates() -> None:
    assert parse_date("1900-01-01", TODAY) == EARLIEST
    assert parse_date("9999-12-31", TODAY) == LATEST == date.max
    assert check_range(EARLIEST, "x") == EARLIEST
    with pytest.raises(PeerJournalError, match="out of range"):
        check_range(date(1899, 12, 31), "1899-12-31")


@pytest.mark.parametrize("text", ["", " ", "\t \n"])
def test_an_empty_date_is_always_the_same_error(text: str) -> None:
    with pytest.raises(PeerJournalError, match=r"^Empty date"):
        parse_date(text, TODAY)


in_range = st.dates(min_value=EARLIEST, max_value=LATEST)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@settings(max_examples=300, deadline=None)
@given(in_range, st.sampled_from("/.- "))
def test_every_numeric_form_of_a_date_reads_back_as_that_date(day: date, sep: str) -> None:
    """Day-first for every d/m/y, whatever the day and month: never swapped."""
    forms = [
        sep.join((str(day.day), str(day.month), str(day.year))),
        sep.join((f"{day.day:02}", f"{day.month:02}", f"{day.year:04}")),
        sep.join((f"{day.year:04}", f"{day.month:02}", f"{day.day:02}")),
        day.isoformat(),
        day.strftime("%Y%m%d"),
        f"{day.day} {MONTHS[day.month - 1]} {day.year:04}",
    ]
    for text in forms:
        assert parse_date(text, TODAY) == day, text


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1)))
def test_a_month_that_is_not_one_is_never_swapped_in(day: date) -> None:
    """"M/D/Y" with a day over 12 is an error, not that day read as the month."""
    if day.day <= 12:
        return
    with pytest.raises(PeerJournalError, match=f"write {day.isoformat()}"):
        parse_date(f"{day.month}/{day.day}/{day.year}", TODAY)


@settings(max_examples=100, deadline=None)
@given(st.dates(max_value=date(1899, 12, 31)))
def test_iso_dates_before_1900_are_out_of_range(day: date) -> None:
    with pytest.raises(PeerJournalError, match=r"^Date out of range"):
        parse_date(day.isoformat(), TODAY)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="0123456789/.- :aJnNovTtdy", max_size=24)
    | st.from_regex(r"\A[0-9]{1,6}[/.\- ][0-9]{1,2}([/.\- ][0-9]{1,6})?\Z")
)
def test_whatever_is_read_is_in_range_and_errors_are_one_line(text: str) -> None:
    try:
        value = parse_date(text, TODAY)
    except PeerJournalError as exc:
        assert exc.message and "\n" not in exc.message
    else:
        assert EARLIEST <= value <= LATEST


def test_numeric_date_is_the_shared_rule_for_stamps_read_elsewhere() -> None:
    assert numeric_date("01/11/2026", TODAY) == date(2026, 11, 1)
    assert numeric_date("2026-11-01", TODAY) == date(2026, 11, 1)
    assert numeric_date("1 Nov 2026", TODAY) is None
    assert numeric_date("", TODAY) is None
    with pytest.raises(PeerJournalError, match="2026-11-13"):
        numeric_date("11/13/2026", TODAY)
    with pytest.raises(PeerJournalError, match="out of range"):
        numeric_date("01/01/0001", TODAY)


# -- a date needs a day and a month; a weekday beside one must be its own --------------------


@pytest.mark.parametrize(
    ("text", "why", "hint"),
    [
        # dateutil used to fill the day in from today ("Nov 2026" was 20 Nov 2026): a month
        # alone is now a period (test_qa4_r26.py)
        ("3rd", "it names no month", "such as '3 Nov 2026'"),  # was this month's 3rd
        ("10am", "it names no date", "Use today"),  # was today
        ("23:30", "it names no date", "Use today"),
        ("friday 10am", "it names no date", "Use today"),  # was the coming Friday
    ],
)
def test_a_date_without_a_day_or_month_is_refused_not_filled_in(
    text: str, why: str, hint: str
) -> None:
    with pytest.raises(PeerJournalError) as caught:
        parse_date(text, TODAY)
    assert f"Could not read the date {text!r}: {why}." in caught.value.message
    assert hint in caught.value.message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Tuesday 16 Nov 2026", "16 Nov 2026 is a Monday, not a Tuesday"),
        ("Tue 16 Nov", "16 Nov 2026 is a Monday, not a Tuesday"),
        ("sat 01/11/2026", "1 Nov 2026 is a Sunday, not a Saturday"),
        ("16 November 2026, Friday", "16 Nov 2026 is a Monday, not a Friday"),
    ],
)
def test_a_weekday_that_is_not_the_dates_own_is_refused(text: str, message: str) -> None:
    with pytest.raises(PeerJournalError, match=message):
        parse_date(text, TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Monday 16 Nov 2026", date(2026, 11, 16)),
        ("Mon, 16 November", date(2026, 11, 16)),
        ("Fri 20 Nov", TODAY),
        ("Nov 20th", TODAY),
        ("20 Nov 2026 10pm", TODAY),
        ("Dec 30", date(2026, 12, 30)),  # a day and month without a year are still fine
        ("1 Jan", date(2026, 1, 1)),
    ],
)
def test_full_dates_with_a_weekday_or_a_time_still_read(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


def test_on_the_first_of_january_a_month_alone_is_still_refused() -> None:
    """The second reading's default must differ in day and month whatever today is."""
    for today in (date(2027, 1, 1), date(2027, 1, 31), date(2027, 3, 1), date(2028, 2, 29)):
        with pytest.raises(PeerJournalError, match="it names no day"):
            parse_date("November of 2026", today)
        with pytest.raises(PeerJournalError, match="is a period, not one day"):
            parse_date("Nov 2026", today)
        assert parse_date("5 Nov 2026", today) == date(2026, 11, 5)


@pytest.mark.parametrize("command", [["list"], ["report"], ["search", "sam"]])
def test_every_command_reads_a_month_for_a_since_date(cli: Any, command: list[str]) -> None:
    """Was refused ("it names no day"); before that, dateutil read it as 20 Nov 2026."""
    result = cli(*command, "--since", "Nov 2026", "--json")
    assert result.exit_code == 0, result.stderr


def test_write_refuses_a_month_as_the_entrys_date_and_stores_nothing(cli: Any) -> None:
    result = cli("write", "-x", "A shift in November.", "--date", "November")
    assert result.exit_code == 1 and "'November' is a period, not one day" in result.stderr
    assert json.loads(cli("list", "--json").stdout) == []

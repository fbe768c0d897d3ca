"""Dates as people type them, relative to a fixed Friday (2026-11-20)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerjournal.dates import ACCEPTED_FORMS, parse_date, parse_past_date
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
    assert ("Use today" in message and "yesterday" in message) or "out of range" in message


def test_future_dates_are_refused_for_experiences() -> None:
    assert parse_past_date("today", TODAY) == TODAY
    with pytest.raises(PeerJournalError, match="in the future"):
        parse_past_date("2026-11-21", TODAY)
    with pytest.raises(PeerJournalError, match="in the future"):
        parse_past_date("1 Dec 2026", TODAY)


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

"""Dates as people type them: today, yesterday, 3 days ago, last friday, ISO …"""

from __future__ import annotations

import re
from datetime import date, timedelta

from peerjournal.errors import PeerJournalError

ACCEPTED_FORMS = (
    "today, yesterday, 'N days ago', 'N weeks ago', a weekday ('friday', 'last friday'), "
    "or a date such as 2026-11-20 or '20 Nov 2026'"
)

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_AGO = re.compile(r"^(\d{1,5}|a|an|one)\s+(day|week|month|year)s?\s+ago$")
# Whole weekday names or their usual abbreviations only: "monthly" or "fried" is not a weekday.
_WEEKDAY = re.compile(
    r"^(?:last\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\.?$"
)


def parse_date(text: str, today: date) -> date:
    """Parse a user-typed date relative to `today`; raise PeerJournalError naming the forms."""
    raw = " ".join(text.strip().lower().split())
    if not raw:
        raise PeerJournalError(f"Empty date. Use {ACCEPTED_FORMS}.")
    if raw == "today":
        return today
    if raw == "yesterday":
        return today - timedelta(days=1)
    if m := _AGO.match(raw):
        n = 1 if m.group(1) in ("a", "an", "one") else int(m.group(1))
        return _ago(today, n, m.group(2), text)
    if m := _WEEKDAY.match(raw):
        for index, name in enumerate(_WEEKDAYS):
            if name.startswith(m.group(1)[:3]):
                # The most recent such day, never today itself: "friday" on a Friday is a week ago.
                back = (today.weekday() - index) % 7 or 7
                return today - timedelta(days=back)
    return _free_form(text, today)


def _ago(today: date, n: int, unit: str, text: str) -> date:
    from dateutil.relativedelta import relativedelta

    try:
        return today - relativedelta(**{unit + "s": n})
    except (OverflowError, ValueError):
        raise PeerJournalError(f"Date out of range: {text!r}.") from None


def _free_form(text: str, today: date) -> date:
    from datetime import datetime

    from dateutil import parser

    try:
        default = datetime(today.year, today.month, today.day)
        return parser.parse(text, default=default).date()
    except (ValueError, OverflowError, parser.ParserError):
        raise PeerJournalError(f"Could not read the date {text!r}. Use {ACCEPTED_FORMS}.") from None


def parse_past_date(text: str, today: date) -> date:
    """A date an experience happened on: never in the future."""
    value = parse_date(text, today)
    if value > today:
        raise PeerJournalError(
            f"The date {value.isoformat()} is in the future; "
            "an entry records something that happened."
        )
    return value

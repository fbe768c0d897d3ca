"""Dates as people type them: today, last night, two days ago, last friday, ISO …

Every date a user types goes through `parse_date` (and `parse_past_date` for the day an
experience happened), so one set of rules holds for every command:

* Numbers alone are read **day/month/year** ("01/11/2026" is 1 November 2026), always, unless
  they start with a four-digit year (2026-11-01, 2026/11/01: year-month-day, as ISO 8601).
  A reading that is not a real date is an error, never swapped into another order
  ("11/13/2026" is refused with a hint to write 2026-11-13; it is not quietly read as
  13 November, which would make "11/12/2026" mean 11 December without a word).
* A month written as a word is never ambiguous: "1 Nov 2026", "Nov 1, 2026".
* Dates from `EARLIEST` to `LATEST` (1 Jan 1900 to 31 Dec 9999) only: anything else is a
  one-line "out of range" error wherever it is typed, so no later date arithmetic overflows.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime, time, timedelta, timezone
from typing import NamedTuple

from peerjournal.errors import PeerJournalError
from peerjournal.textsafe import quoted

# The forms every date option reads, and the periods that --since and --until read besides
# (a period from its first day or to its last), named in the errors of each.
_DAY_FORMS = (
    "today, yesterday, 'last night', 'N days ago', 'N weeks ago', 'N months ago', a weekday "
    "('friday', 'last friday')"
)
_DATE_FORMS = "a date such as 2026-11-20, 20/11/2026 (day/month/year) or '20 Nov 2026'"
ACCEPTED_FORMS = f"{_DAY_FORMS}, or {_DATE_FORMS}"
BOUND_FORMS = (
    f"{_DAY_FORMS}, a period ('last month', 'this week', 'last year', 2025-11, 'Nov 2025', "
    f"2025), or {_DATE_FORMS}"
)
EARLIEST = date(1900, 1, 1)
LATEST = date(9999, 12, 31)

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Days back from today, by name. A time of day names its day: "this morning" and "tonight" are
# today, "last night" and "yesterday evening" yesterday; the time itself is not kept.
_DAYS_BACK = {"today": 0, "tonight": 0, "yesterday": 1, "tomorrow": -1}
_TIME_OF_DAY = re.compile(
    r"^(today|this|yesterday|last|tomorrow)\s+(?:morning|afternoon|evening|night)$"
)
_DAY_OF = {"this": "today", "last": "yesterday"}
# A weekday's time of day names the weekday ("friday night", "last sat morning")
_WEEKDAY_TIME = re.compile(r"^(.+?)\s+(?:morning|afternoon|evening|night)$")
# How many, in "N days ago" and "in N days": digits or words up to twelve ("a couple of" is 2).
_NUMBER_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
)
_COUNTS = {"a": 1, "an": 1, "a couple": 2, "a couple of": 2, "couple of": 2, "couple": 2} | {
    word: n for n, word in enumerate(_NUMBER_WORDS, 1)
}
# Read only to say that they are not a number: "a few days ago" could be any of several dates.
_VAGUE = ("a few", "few", "several", "some")
_AMOUNT = r"(\d+|" + "|".join(sorted([*_COUNTS, *_VAGUE], key=len, reverse=True)) + ")"
# A fortnight is two weeks, as "a fortnight ago" says in UK English ("fortnight ago": one).
_UNIT = r"(day|week|fortnight|month|year)(s?)"
_AGO = re.compile(rf"^(?:{_AMOUNT}\s+)?{_UNIT}\s+ago$")
# Dates ahead ("in 2 weeks", "next friday", "tomorrow") are read too, so that a command that
# wants a past date can say the date is in the future rather than that it cannot be read.
_AHEAD = re.compile(rf"^in\s+{_AMOUNT}\s+{_UNIT}$")
# Whole weekday names or their usual abbreviations only: "monthly" or "fried" is not a weekday.
_WEEKDAY = re.compile(
    r"^(?:(last|next|this)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\.?$"
)
# Only digits and separators: read here, never by dateutil (whose order depends on the values).
_ALL_NUMERIC = re.compile(r"^[0-9 /.\-]+$")
_NUMERIC = re.compile(r"^([0-9]{1,6})([/.\- ])([0-9]{1,2})(?:\2([0-9]{1,6}))?$")
_COMPACT = re.compile(r"^([0-9]{4})([0-9]{2})([0-9]{2})$")  # 20261120, ISO 8601's basic form
# A numeric date inside other text ("01/11/2026 18:30", "fri 01/11/2026"); not part of a time.
_NUMERIC_TOKEN = re.compile(
    r"(?<![0-9:])([0-9]{1,6})([/.\-])([0-9]{1,2})(?:\2([0-9]{1,6}))?(?![0-9:])"
)
# A number that could be a year ("1 Jan 0001": dateutil reads a year below 100 as this century's).
_LONG_NUMBER = re.compile(r"(?<![0-9])[0-9]{3,}(?![0-9])")


class UnreadableDate(PeerJournalError):
    """A date that cannot be read: `said` (why, in a sentence), then the forms that can be.
    Those are ACCEPTED_FORMS unless the caller reads periods too (`parse_bound`), which it
    says with `reading_periods`. `meant` is a slip put right (`_meant`), asked about only
    where it would be taken: one that reads only as a period where periods are read, one
    after today where such a date is (`ahead`: --until), since elsewhere either is refused."""

    def __init__(
        self, said: str, forms: str = ACCEPTED_FORMS, *, meant: Meant | None = None,
        periods: bool = False, ahead: bool = False,
    ) -> None:
        shown = meant is not None and (periods or not meant.period) and (ahead or not meant.ahead)
        asked = f"{said[:-1]}; did you mean {meant.text!r}?" if meant and shown else said
        super().__init__(f"{asked} Use {forms}.")
        self.said, self.meant = said, meant

    def reading_periods(self, forms: str, *, ahead: bool = False) -> UnreadableDate:
        """The same error for a caller that reads periods too, naming `forms` as the ones to
        use (and taking a date after today, if `ahead`)."""
        return UnreadableDate(self.said, forms, meant=self.meant, periods=True, ahead=ahead)


class Meant(NamedTuple):
    """A date slip put right (`_meant`); `period` if it reads as a period, not one day;
    `ahead` if it is a day after today ("tomorrow")."""

    text: str
    period: bool
    ahead: bool = False


def parse_date(text: str, today: date) -> date:
    """Parse a user-typed date relative to `today`; raise PeerJournalError naming the forms.

    The result is always within [EARLIEST, LATEST]. A period ("last month", 2025-11, "Nov 2025") is
    no one day: an error that says so, with its first day as an example (`parse_bound` reads
    periods, for --since and --until).
    """
    raw = _spoken_form(text)
    if not raw:
        raise UnreadableDate("Empty date.")
    if span := period(text, today):
        raise PeerJournalError(
            f"{quoted(text.strip())} is a period, not one day. Give one day, such as "
            f"{spoken(span[0])!r} or {span[0].isoformat()}."
        )
    return _relative(raw, today, text) or numeric_date(text, today) or _free_form(text, today)


def _spoken_form(text: str) -> str:
    return " ".join(text.strip().lower().split())


def _relative(raw: str, today: date, text: str) -> date | None:
    """A date given relative to today ("last night", "3 days ago", "friday"), else None."""
    if m := _TIME_OF_DAY.match(raw):
        raw = _DAY_OF.get(m.group(1), m.group(1))
    elif (m := _WEEKDAY_TIME.match(raw)) and _WEEKDAY.match(m.group(1)):
        raw = m.group(1)
    if raw in _DAYS_BACK:
        return _days_back(today, _DAYS_BACK[raw], text)
    if m := _AGO.match(raw) or _AHEAD.match(raw):
        amount, unit, ago = m.group(1), m.group(2), raw.endswith("ago")
        if amount in _VAGUE or not (amount or not m.group(3)):  # "a few days", "days ago"
            example = f"'3 {unit}s ago'" if ago else f"'in 3 {unit}s'"
            why = f"{amount!r} is not an exact number" if amount else "it gives no number"
            raise _unreadable(text, why, hint=f"Give one, such as {example}")
        amount = amount or "a"  # "fortnight ago"
        if amount.isdigit() and len(amount) > 7:  # more days than EARLIEST to LATEST holds
            raise out_of_range(text)
        n, unit = _in_weeks(int(amount) if amount.isdigit() else _COUNTS[amount], unit)
        return _ago(today, n if ago else -n, unit, text)
    if m := _WEEKDAY.match(raw):
        for index, name in enumerate(_WEEKDAYS):
            if name.startswith(m.group(2)[:3]):
                # The most recent such day, never today itself: "friday" on a Friday is a week
                # ago; "next friday" is the coming one, never today either.
                if m.group(1) == "next":
                    return _days_back(today, -((index - today.weekday()) % 7 or 7), text)
                if m.group(1) == "this":  # that day of this week (from Monday): today too
                    return _days_back(today, today.weekday() - index, text)
                back = (today.weekday() - index) % 7 or 7
                return _days_back(today, back, text)
    return None


def numeric_date(text: str, today: date) -> date | None:
    """`text` read by the numeric rule when it is numbers alone ("01/11/2026", "2026-11-01",
    "20261101"), else None; a PeerJournalError when it is numbers but not a date in range.

    For callers that read the date part of a longer stamp themselves (jrnl imports).
    """
    raw = " ".join(text.split())
    if not raw or not _ALL_NUMERIC.match(raw):
        return None
    return _numeric_only(raw, text, today)


def check_range(value: date, text: str) -> date:
    """`value`, if it is within [EARLIEST, LATEST]; else the one "out of range" error."""
    if not EARLIEST <= value <= LATEST:
        raise out_of_range(text)
    return value


def out_of_range(text: str) -> PeerJournalError:
    return PeerJournalError(
        f"Date out of range: {quoted(text.strip())}. Use a date from 1 Jan {EARLIEST.year} "
        f"to 31 Dec {LATEST.year}."
    )


def _in_weeks(n: int, unit: str) -> tuple[int, str]:
    """`n` fortnights as 2n weeks; any other unit as it is."""
    return (2 * n, "week") if unit == "fortnight" else (n, unit)


def _days_back(today: date, n: int, text: str) -> date:
    """`n` days before `today` (after it, for a negative `n`)."""
    try:
        return check_range(today - timedelta(days=n), text)
    except OverflowError:
        raise out_of_range(text) from None


def _ago(today: date, n: int, unit: str, text: str) -> date:
    """`n` units before `today` (after it, for a negative `n`)."""
    from dateutil.relativedelta import relativedelta

    try:
        value = today - relativedelta(**{unit + "s": n})
    except (OverflowError, ValueError):
        raise out_of_range(text) from None
    return check_range(value, text)


def _unreadable(text: str, why: str = "", *, hint: str = "") -> PeerJournalError:
    """The error for a date that cannot be read: `why`, and `hint` or else the forms that can
    (after a did-you-mean for a slip in a word: `_meant`). Without a hint, a slip put right
    that reads as a date says more than `why`, and `why` is left out: it is of the text as
    typed ("on friday": "it names no date"), and untrue of what was meant."""
    meant = None if hint else _meant(text)
    reason = f": {why}" if why and meant is None else ""
    said = f"Could not read the date {quoted(text.strip())}{reason}."
    if hint:
        return PeerJournalError(f"{said} {hint}.")
    return UnreadableDate(said, meant=meant)


# The words of the dates read by name, for a slip in one ("yesterdya", "tomorow", "fridya",
# "las week")
_DATE_WORDS = (
    *_DAYS_BACK, "this", "last", "next", "ago", "couple", "fortnight", "fortnights",
    "day", "days", "week", "weeks", "month", "months", "year", "years",
    "morning", "afternoon", "evening", "night", *_NUMBER_WORDS, *_WEEKDAYS,
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december",
)


# Short words dates are written with besides (abbreviations, "the 3rd"): never a slip
_SHORT_WORDS = frozenset(
    {"the", "and", "sept"} | {day[:3] for day in _WEEKDAYS} | {month.lower() for month in _MONTHS}
)
# Words shortened as in a text message ("2 wks ago", "yday"): not read, but asked about
_SHORTENED = {
    "wk": "week", "wks": "weeks", "yr": "year", "yrs": "years", "mth": "month",
    "mths": "months", "mnth": "month", "mnths": "months", "yday": "yesterday",
    "yest": "yesterday", "tmrw": "tomorrow", "tmw": "tomorrow", "2day": "today",
    "nite": "night", "tonite": "tonight", "2nite": "tonight", "prev": "last", "previous": "last",
}


def _put_right(word: str) -> str:
    """`word`, or the one of `_DATE_WORDS` it is a slip for: a letter wrong, missing or
    swapped in a word of 4 letters or more ("tomorow"), or a letter missing from one of 4
    ("las", "lst": a closer match only, as a 3-letter word is easily another)."""
    import difflib

    if word in _SHORTENED:
        return _SHORTENED[word]
    if not word.isalpha() or word in _DATE_WORDS or word in _SHORT_WORDS or len(word) < 3:
        return word
    cutoff = 0.75 if len(word) >= 4 else 0.85
    return next(iter(difflib.get_close_matches(word, _DATE_WORDS, n=1, cutoff=cutoff)), word)


# What a tired writer adds to a date: the option's own word ("since last week", "on friday"),
# a full stop ("today."), or a count without its "ago" ("2 weeks"). All of them at once: what
# is meant must read in one step, as `_meant` is asked again of what it reads.
_SAID_AGAIN = re.compile(r"^(?:(?:since|from|until|till|to|on)\s+)+")
_NO_AGO = re.compile(rf"^{_AMOUNT}\s+{_UNIT}$")


def _meant(text: str) -> Meant | None:
    """`text` put right, when that makes a date or a period that can be read; else None: each
    word that is a slip for one of `_DATE_WORDS` (`_put_right`), less an option's word or a
    full stop typed with it, a count given its "ago". Whether the command takes it (a period,
    a date after today) is for `UnreadableDate` to say."""
    typed = _spoken_form(text)
    meant = _SAID_AGAIN.sub("", " ".join(_put_right(word) for word in typed.split()))
    meant = meant.rstrip(".!?,; ")
    meant = f"{meant} ago" if _NO_AGO.match(meant) else meant
    if meant in ("", typed):
        return None
    today = date.today()
    try:
        return Meant(meant, period=False, ahead=parse_recent_date(meant, today) > today)
    except PeerJournalError as exc:
        return Meant(meant, period=True) if str(exc).startswith(f"{meant!r} is a period") else None


def _numeric_only(raw: str, text: str, today: date) -> date:
    if m := _COMPACT.match(raw):
        return _ymd(int(m.group(1)), int(m.group(2)), int(m.group(3)), text, year_first=True)
    if m := _NUMERIC.match(raw):
        return _from_parts(m.group(1), m.group(3), m.group(4), text, today)
    raise _unreadable(text)


def _from_parts(first: str, second: str, third: str | None, text: str, today: date) -> date:
    """The date of "first/second[/third]" (any one separator): D/M/Y, D/M, or Y-M-D."""
    if len(first) >= 3:  # a year first: year-month-day
        if third is None or len(third) > 2:
            raise _unreadable(text)
        return _ymd(int(first), int(second), int(third), text, year_first=True)
    day, month = int(first), int(second)
    if third is None:
        year = today.year
    elif len(third) == 2:
        year = _century(int(third), today)
    elif len(third) >= 4:
        year = int(third)
    else:  # "1/11/026"
        raise _unreadable(text)
    return _ymd(year, month, day, text, year_first=False, yearless=today if third is None else None)


def _century(yy: int, today: date) -> int:
    """A two-digit year: the one within 50 years of today's (as dateutil reads them)."""
    year = today.year // 100 * 100 + yy
    if year > today.year + 49:
        year -= 100
    elif year < today.year - 50:
        year += 100
    return year


def _ymd(
    year: int, month: int, day: int, text: str, *, year_first: bool, yearless: date | None = None
) -> date:
    """The date, or why there is none. `yearless`: today, when the year was not typed."""
    if not EARLIEST.year <= year <= LATEST.year:
        raise out_of_range(text)
    if not 1 <= month <= 12:
        hint = ""
        if not year_first and 1 <= day <= 12:  # maybe month/day/year: say how to write that
            try:
                meant = date(year, day, month)
                if yearless is not None and meant > yearless:  # the most recent, as read
                    meant = meant.replace(year=year - 1)
            except ValueError:
                pass
            else:
                hint = (
                    f"Numbers are read as day/month/year: for {spoken(meant)} write "
                    f"{meant.isoformat()} or '{spoken(meant)}'"
                )
        raise _unreadable(text, f"there is no month {month}", hint=hint)
    try:
        value = date(year, month, day)
    except ValueError:
        raise _unreadable(text, f"{_MONTHS[month - 1]} {year} has no day {day}") from None
    return check_range(value, text)


def spoken(day: date, year: bool = True, weekday: bool = False) -> str:
    """"3 Nov 2026" (or "3 Nov", or "Tue 3 Nov 2026"), in English whatever the locale."""
    text = f"{day.day} {_MONTHS[day.month - 1]}"
    if weekday:
        text = f"{_WEEKDAYS[day.weekday()][:3].capitalize()} {text}"
    return f"{text} {day.year}" if year else text


def _free_form(text: str, today: date) -> date:
    """Dates with words in them, through dateutil; a numeric date inside keeps our order."""
    from datetime import datetime

    from dateutil import parser

    tokens = list(_NUMERIC_TOKEN.finditer(text))
    if len(tokens) > 1:
        raise _unreadable(text)
    expected = None
    if tokens:
        first, _, second, third = tokens[0].groups()
        expected = _from_parts(first, second, third, text, today)
    year_first = expected is not None and len(tokens[0].group(1)) >= 3

    def read(default: datetime) -> date:
        with warnings.catch_warnings():  # "1 Nov 2026 XYZ": no multi-line warning on stderr
            warnings.simplefilter("ignore")
            return parser.parse(
                text, default=default, dayfirst=not year_first, yearfirst=year_first
            ).date()

    try:
        value = read(datetime(today.year, today.month, today.day))
        # dateutil fills a missing day or month from the default ("Nov 2026" is today's day
        # of November, "friday 10am" the coming Friday): read again with another default,
        # and refuse what changes. Jan and Mar have 31 days, so any typed day fits them.
        other = read(
            datetime(today.year, 3 if today.month == 1 else 1, 2 if today.day == 1 else 1)
        )
    except (ValueError, OverflowError, parser.ParserError) as exc:
        raise _unreadable(text, _no_such_day(exc, text, today)) from None
    if expected is not None and value != expected:
        raise _unreadable(text)
    no_day, no_month = value.day != other.day, value.month != other.month
    if no_day or no_month:
        hint = _missing_hint(_latest_such_day(text, value, today) if no_month else value,
                             no_day, no_month)
        raise _unreadable(text, _MISSING[no_day, no_month], hint=hint)
    _check_weekday(text, value)
    if any(
        int(n) < 100 and value.year % 100 == int(n) for n in _LONG_NUMBER.findall(text)
    ):  # "0001" read as 2001
        raise out_of_range(text)
    return check_range(value, text)


# A number of one or two digits, where "31 Feb 2026" or "Feb 30th" names its day
_DAY_NUMBER = re.compile(r"(?<!\d)(\d\d?)(?:st|nd|rd|th)?(?!\d)", re.IGNORECASE)


def _no_such_day(exc: Exception, text: str, today: date) -> str:
    """Why a date with a month name is no date, when dateutil found a day the month does not
    have ("31 Feb 2026", "29 Feb 2025"): said as a numeric date's is ("Feb 2026 has no day
    31"). Empty for any other failure (the generic message).

    The month and year are dateutil's reading of the text with that day made the 1st."""
    if not str(exc).startswith("day is out of range for month"):
        return ""
    late = [m for m in _DAY_NUMBER.finditer(text) if int(m.group(1)) >= 29]  # (all have 28)
    for match in sorted(late, key=lambda m: int(m.group(1)) > 31):  # as dateutil: 32 is a year
        first = _first_of_month(text[: match.start()] + "1" + text[match.end() :], today)
        if first is not None:
            return f"{_MONTHS[first.month - 1]} {first.year} has no day {match.group(1)}"
    return ""


def _first_of_month(text: str, today: date) -> date | None:
    """The 1st of a month that `text` names with its day 1 (the year this one when it names
    none); None when it cannot be read or names no month."""
    from datetime import datetime

    from dateutil import parser

    read = set()
    for month in (1, 3):  # a month filled in from the default is not the text's
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                read.add(parser.parse(text, default=datetime(today.year, month, 1), dayfirst=True))
        except (ValueError, OverflowError):  # (ParserError is a ValueError)
            return None
    value = read.pop().date()
    return value if not read and value.day == 1 else None


_MISSING = {
    (True, False): "it names no day",
    (False, True): "it names no month",
    (True, True): "it names no date",
}
# A weekday named beside a date ("Tue 17 Nov"): whole names or the usual abbreviations.
_WEEKDAY_WORD = re.compile(
    r"(?<![a-z])(monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)(?![a-z])"
)


def _missing_hint(value: date, no_day: bool, no_month: bool) -> str:
    """How to give the day or month that is missing ("" for both: the forms are named)."""
    if no_day and no_month:
        return ""
    shown = f"{1 if no_day else value.day} {_MONTHS[value.month - 1]} {value.year}"
    return f"Give the {'day' if no_day else 'month'} too, such as {shown!r}"


def _latest_such_day(text: str, value: date, today: date) -> date:
    """The most recent day up to `today` numbered as `value` is ("28th" on 2 Dec 2026: 28
    Nov 2026), on the weekday `text` names if one of the last 14 months has it ("sat 28th"):
    every command reads a date as one past (`parse_recent_date`), so the hint that gives
    the month names that one, not `value`, the number in this month that may be ahead."""
    months = (today.year * 12 + today.month - 1 - back for back in range(15))
    days = [day for day in (_day_in(n // 12, n % 12 + 1, value.day) for n in months)
            if day is not None and day <= today]
    on_it = [day for day in days if day.weekday() in _named_weekdays(text)]
    return (on_it or days or [value])[0]


def _day_in(year: int, month: int, day: int) -> date | None:
    """That day of that month; None when the month has no such day (or the year is out of
    the calendar's range)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _named_weekdays(text: str) -> list[int]:
    """The weekdays (Monday 0) `text` names beside a date ("Tue 17 Nov"), in its order."""
    return [next(i for i, day in enumerate(_WEEKDAYS) if day.startswith(match.group(1)[:3]))
            for match in _WEEKDAY_WORD.finditer(text.lower())]


def _check_weekday(text: str, value: date) -> None:
    """A weekday typed beside a date must be that date's: dateutil ignores it otherwise, so
    "Tuesday 16 Nov 2026" (a Monday) would be read without a word about the slip."""
    for named in _named_weekdays(text):
        if named != value.weekday():
            raise _unreadable(
                text,
                f"{spoken(value)} is a {_WEEKDAYS[value.weekday()].capitalize()}, "
                f"not a {_WEEKDAYS[named].capitalize()}",
                hint=f"Write {value.isoformat()} or '{spoken(value)}' alone",
            )


def parse_recent_date(text: str, today: date) -> date:
    """`parse_date`, except that a day and month typed without a year mean the most recent such
    day, as a weekday name does: on 2 January 2027, "30/12" and "30 Dec" are 30 December 2026,
    not a date eleven months ahead. Every command reads a date so (a journal is of the past)."""
    value = parse_date(text, today)
    if value > today and _relative(_spoken_form(text), today, text) is None:
        return _last_year(text, today, value) or value
    return value


HAPPENED = "an entry records something that happened"


def parse_past_date(text: str, today: date, why: str = HAPPENED) -> date:
    """A date something happened on: `parse_recent_date`, never in the future (`why` says
    so in the error)."""
    value = parse_recent_date(text, today)
    if value > today:
        raise PeerJournalError(f"The date {value.isoformat()} is in the future; {why}.")
    return value


# A time of day after a date ("2026-11-20 14:00", "2026-11-20T14:00:00+01:00", "yesterday at
# 2pm", "20/11/2026 2pm"): minutes or am/pm make it a time (a number alone is part of the date),
# and a zone may follow (Z, UTC, +01:00, +0100). "T" only right after the date's last digit.
# (Patterns, compiled when first used: only `--date` of `write` and `supervision done` reads
# a time.)
_TIME_AFTER = (
    r"(?:(?<=\d)t|\s+at\s+|\s+)(\d{1,2})(?::(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(am|pm)?\s*"
    r"(z|utc|[+-]\d{2}(?::?\d{2})?)?$"
)
_A_TIME = r"\d:\d|\d\s*[ap]\.?m\b|\bat\s+\d|\b(?:noon|midday|midnight|o'?clock)\b"


def parse_past_moment(
    text: str, now: datetime, why: str = HAPPENED
) -> tuple[date, datetime | None]:
    """The day something happened on (`parse_past_date`) and, when a time of day follows the
    date ("2026-11-20 14:00", "yesterday at 2pm"), that moment in local time, as `now` is
    (one given with a zone, "…T14:00+01:00", is that moment seen here; its day is the local
    one). Never after `now`; a time that cannot be read is refused, never dropped."""
    raw = _spoken_form(text)
    m = re.search(_TIME_AFTER, raw)
    if m is None or not (m.group(2) or m.group(4)) or m.start() == 0:
        if _names_a_time(raw):
            raise PeerJournalError(
                f"Could not read the time in {quoted(text.strip())}. Give it after the date "
                f"as 14:00 or 2pm, such as {_time_after_day(text, now, why)}."
            )
        return parse_past_date(text, now.date(), why), None
    day = parse_past_date(raw[: m.start()], now.date(), why)
    at = _local_moment(day, _clock_time(m, text), m.group(5))
    if at > now:
        raise PeerJournalError(
            f"{spoken(local_day(at))} at {at:%H:%M} is still to come; {why}."
        )
    return local_day(at), at


def _time_after_day(text: str, now: datetime, why: str) -> str:
    """How to type `text`, a time given before its day ("6pm yesterday", "14:00 on friday"),
    the day first: "'yesterday 6pm'", if that reads; else examples."""
    if parts := _time_first(text):
        moved = f"{parts[1]} {parts[0]}"
        try:
            parse_past_moment(moved, now, why)
        except PeerJournalError:
            pass
        else:
            return repr(moved)
    return "'2026-11-20 14:00' or 'yesterday 2pm'"


def _clock_time(m: re.Match[str], text: str) -> time:
    """The time of day `_TIME_AFTER` matched in `text`, or why it is none ("25:00")."""
    hour, minute, second = int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
    half = m.group(4)
    if (half and not 1 <= hour <= 12) or hour > 23 or minute > 59 or second > 59:
        raise PeerJournalError(
            f"Could not read the time in {quoted(text.strip())}: use 00:00 to 23:59, or 1 to "
            "12 with am or pm."
        )
    if half:
        hour = hour % 12 + (12 if half == "pm" else 0)
    return time(hour, minute, second)


def _local_moment(day: date, at: time, zone: str | None) -> datetime:
    """`day` at `at`, in local time, or in `zone` ("z", "utc", "+01:00") seen in local time."""
    if zone is None:
        return datetime.combine(day, at).astimezone()
    offset = timedelta(0)
    if zone[0] in "+-":
        digits = zone[1:].replace(":", "")
        offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
        offset = -offset if zone[0] == "-" else offset
    return datetime.combine(day, at, timezone(offset)).astimezone()


def _names_a_time(raw: str) -> bool:
    """Whether `raw` holds what reads as a time of day, where `_TIME_AFTER` read none ("14:00
    yesterday", "1 Nov 2026 at 9", "noon"): refused, as dateutil would drop it."""
    return bool(re.search(_A_TIME, raw))


def dated_note(
    value: date, today: date, typed: str | None = None, at: datetime | None = None
) -> str | None:
    """What to say on saving an entry dated `value` (`typed` so, if typed; at the time of
    day `at`, when one was given: `parse_past_moment`): nothing for today with no time,
    unless the numbers typed read as another past date month first; else the date, so that a
    slip shows ("12/06/2026" is 12 June: the entry is then far down `list`), and how to give
    the other reading when there is one ("… for Sun 6 Dec 2026 give 2026-12-06")."""
    day_typed = typed if typed is None or at is None else _date_part(typed)
    other = _month_first(day_typed, today) if day_typed is not None else None
    clock = "" if at is None else f" at {at:%H:%M}"
    if other is None or other == value:
        return None if value == today and at is None else (
            f"Dated {spoken(value, weekday=True)}{clock}."
        )
    give = other.isoformat() if at is None else quoted(f"{other.isoformat()} {at:%H:%M}")
    return (
        f"Dated {spoken(value, weekday=True)}{clock}: {quoted(day_typed or '')} is read as "
        f"day/month/year; for {spoken(other, weekday=True)} give {give}."
    )


def _date_part(typed: str) -> str:
    """`typed` without the time of day after its date ("12/06/2026 18:00": "12/06/2026")."""
    raw = _spoken_form(typed)
    m = re.search(_TIME_AFTER, raw)
    return raw[: m.start()] if m is not None and m.start() > 0 else typed


# A time of day typed before the date ("6pm yesterday", "14:00 on friday", "at 9", "noon"),
# which `parse_past_moment` refuses: read to name its day (`day_of_timed`) and the form
# that reads, the day first (`_time_after_day`)
_TIME_FIRST = re.compile(
    r"^(?:at\s+)?(?:\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?"
    r"|\d{1,2}\s*o'?clock|noon|midday|midnight)(?![\w:])|^at\s+\d{1,2}(?![\w:])"
)


def day_of_timed(text: str) -> str | None:
    """The date part of `text` when it names a time of day too ("2026-11-20 18:00":
    "2026-11-20"; "6pm yesterday": "yesterday"; a time alone, "14:00": "today"), else None:
    for what takes a day only and refuses a time rather than drop it (a `date:` line,
    --since and --until), to name the day it would be."""
    if not _names_a_time(_spoken_form(text)):
        return None
    if clock := _time_first(text):
        return clock[1]
    return _date_part(text)


def _time_first(text: str) -> tuple[str, str] | None:
    """A time typed before the day in `text` and that day, as typed ("6pm Yesterday": "6pm",
    "Yesterday"; "at 14:00": "14:00", "today"), else None."""
    typed = " ".join(text.split())  # (matched lower-cased: the same length)
    if not (m := _TIME_FIRST.match(typed.lower())):
        return None
    day = re.sub(r"^[\s,]*(?:on\s+)?", "", typed[m.end():], flags=re.IGNORECASE)
    return re.sub(r"^at\s+", "", typed[: m.end()], flags=re.IGNORECASE), day or "today"


def _month_first(typed: str, today: date) -> date | None:
    """The past date numbers typed day first ("12/06/2026") name when read month first (6
    Dec 2026), or None: not such numbers, or no such past date."""
    m = _NUMERIC.match(" ".join(typed.split()))
    if m is None or len(m.group(1)) > 2:  # (a year first: no other order)
        return None
    first, sep, second, third = m.groups()
    swapped = f"{second}{sep}{first}" + (f"{sep}{third}" if third is not None else "")
    try:
        return parse_past_date(swapped, today)
    except PeerJournalError:
        return None


def _last_year(text: str, today: date, value: date) -> date | None:
    """`value` a year earlier when `text` gave no year (so the year came from `today`), if
    that is not in the future; else None."""
    try:
        # Read again as if today were four years back (a leap year when today's is): a date
        # whose year follows that was typed without one.
        moved = parse_date(text, today.replace(year=today.year - 4))
        if moved != value.replace(year=value.year - 4):
            return None
        earlier = value.replace(year=value.year - 1)
    except (ValueError, PeerJournalError):  # 29 Feb, or a year out of range
        return None
    return earlier if earlier <= today else None


# Calendar periods: weeks run Monday to Sunday (ISO 8601), as the report's do.
def period_start(day: date, by: str) -> date:
    """The first day of the week (`by` "week": its Monday), calendar month ("month") or
    calendar year ("year") `day` is in."""
    if by == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(month=1, day=1) if by == "year" else day.replace(day=1)


def period_end(day: date, by: str) -> date:
    """The last day of the week (its Sunday), calendar month or calendar year `day` is in;
    LATEST (date.max) at the latest, which the last week's Sunday is past."""
    if by == "week":
        monday = period_start(day, by)
        return LATEST if monday > LATEST - timedelta(days=6) else monday + timedelta(days=6)
    if by == "year":
        return day.replace(month=12, day=31)
    import calendar

    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


# No period ahead ("next week", "next fortnight") is read: a period bounds entries, of days
# up to today
_PERIOD_WORD = re.compile(r"^(this|last|past)\s+(week|fortnight|month|year)$")
_YEAR_MONTH = re.compile(r"^([0-9]{4})[-/.]([0-9]{1,2})$")  # 2025-11, 2025/11
# 11/2025, 11-2025: the month as delete and restore read it (`options._dated`), so that the
# `list` they point to reads it too; 0-2025 and 50-2020 are then "no month 0" (50), not unread.
_MONTH_OF_YEAR = re.compile(r"^([0-9]{1,2})[-/.]([0-9]{4})$")
_YEAR = re.compile(r"^[0-9]{4}$")
# A month in words, with a four-digit year or none ("Nov 2025", "november", "Sept. 2025"): read
# here, never by dateutil, which filled the missing day in from today's.
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?,?(?:\s+([0-9]{4}))?$")
_MONTH_WORDS = {
    word: n
    for n, name in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"),
        1,
    )
    for word in (name, name[:3])
} | {"sept": 9}


def period(text: str, today: date) -> tuple[date, date] | None:
    """The first and last day of the calendar period `text` names ("last month", "this week",
    "last fortnight", "last year", "2025-11", "11/2025", "Nov 2025", "2025"), or of the days up
    to today ("past fortnight"), else None. A month named without a year is the most recent
    one: this year's if it has begun, else last year's."""
    raw = _spoken_form(text)
    if (m := _MONTH_YEAR.match(raw)) and m.group(1) in _MONTH_WORDS:
        month = _MONTH_WORDS[m.group(1)]
        if m.group(2):
            return _month(int(m.group(2)), month, text)
        return _month(today.year - (month > today.month), month, text)
    if m := _PERIOD_WORD.match(raw):
        which, unit = m.groups()
        if which == "past":
            return _past(today, unit, text)
        back = which == "last"
        if unit == "year":
            return _year(today.year - int(back), text)
        if unit == "fortnight":
            return _last_fortnight(today, text, back)
        first = period_start(today, unit)
        if back:  # the period before: the one the day before this one's first day is in
            first = period_start(_days_back(first, 1, text), unit)
        return first, period_end(first, unit)
    if _YEAR.match(raw):
        return _year(int(raw), text)
    if m := _YEAR_MONTH.match(raw):
        return _month(int(m.group(1)), int(m.group(2)), text)
    if m := _MONTH_OF_YEAR.match(raw):
        return _month(int(m.group(2)), int(m.group(1)), text)
    return None


def _past(today: date, unit: str, text: str) -> tuple[date, date]:
    """"past week" (fortnight, month, year): the days up to today, today among them, from the
    day after the one a week (…) ago. "past fortnight" is the last 14 days, where "last
    fortnight" is the two calendar weeks before this one."""
    n, unit = _in_weeks(1, unit)
    return _days_back(_ago(today, n, unit, text), -1, text), today


def _last_fortnight(today: date, text: str, back: bool) -> tuple[date, date]:
    """"last fortnight": the two whole weeks before this one, Monday to Sunday, as "last
    week" is the one before it (so `--since "last fortnight"` covers at least the last 14
    days). A fortnight has no first day of its own, so "this fortnight" is refused."""
    if not back:
        raise PeerJournalError(
            f"{quoted(text.strip())} is no calendar period: a fortnight has no set first "
            "day. Use 'past fortnight' (the last 14 days), 'last fortnight' (the two weeks "
            "before this one) or 'this week'."
        )
    monday = period_start(today, "week")
    return _days_back(monday, 14, text), _days_back(monday, 1, text)


def _year(year: int, text: str) -> tuple[date, date]:
    if not EARLIEST.year <= year <= LATEST.year:
        raise out_of_range(text)
    return date(year, 1, 1), date(year, 12, 31)


def _month(year: int, month: int, text: str) -> tuple[date, date]:
    if not 1 <= month <= 12:
        raise _unreadable(text, f"there is no month {month}")
    first = _year(year, text)[0].replace(month=month)
    return first, period_end(first, "month")


RECENT_WEEKS = 4  # "the last 4 weeks" of export and supervision prep


def recent_weeks(today: date, weeks: int = RECENT_WEEKS) -> tuple[date, date]:
    """"The last `weeks` weeks" up to `today`: this week, from its Monday, and the whole weeks
    before it (the report's weeks). What export and supervision prep cover by default, so
    that the summary brought to supervision is of the period prep went over."""
    return period_start(today, "week") - timedelta(weeks=weeks - 1), today


def parse_bound(text: str, today: date, *, until: bool = False) -> date:
    """A --since date (an --until one, if `until`): a period gives its first day (its last, but
    never after today: entries are of days up to today); any other date is read as
    `parse_recent_date` reads it, its errors naming the periods too."""
    try:
        if span := period(text, today):
            return min(span[1], today) if until else span[0]
        return parse_recent_date(text, today)
    except UnreadableDate as exc:  # (--until takes a day after today; --since refuses it)
        raise exc.reading_periods(BOUND_FORMS, ahead=until) from None


def local_day(moment: datetime) -> date:
    """The day `moment` falls on here, as "today" is (one without a zone is local time); its
    own day where the local zone cannot hold it (a stamp at the calendar's first or last hour:
    `astimezone` overflows)."""
    if moment.tzinfo is None:
        return moment.date()
    try:
        return moment.astimezone().date()
    except (OverflowError, OSError, ValueError):
        return moment.date()

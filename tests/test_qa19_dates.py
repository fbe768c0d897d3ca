"""Dates as a tired writer types them at the end of a shift (QA round 19).

"last night", "this morning", "yesterday evening", "two days ago", "a couple of days ago" were
all "Could not read the date". Today is Friday 2026-11-20 (conftest's fixed clock, 18:30).
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from conftest import CLI
from peerjournal.dates import parse_date, parse_past_date, parse_recent_date
from peerjournal.db.store import Store
from peerjournal.errors import PeerJournalError

TODAY = date(2026, 11, 20)  # a Friday
YESTERDAY = date(2026, 11, 19)
ENTRY = "I sat with Sam after the night shift and we talked about his week."


# -- a time of day names its day ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("this morning", TODAY),
        ("this afternoon", TODAY),
        ("this evening", TODAY),
        ("tonight", TODAY),
        ("Tonight", TODAY),
        ("today morning", TODAY),
        ("last night", YESTERDAY),
        ("Last  Night ", YESTERDAY),
        ("last evening", YESTERDAY),
        ("yesterday morning", YESTERDAY),
        ("yesterday afternoon", YESTERDAY),
        ("yesterday evening", YESTERDAY),
        ("yesterday night", YESTERDAY),
    ],
)
def test_a_time_of_day_is_the_day_it_falls_on(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected
    assert parse_recent_date(text, TODAY) == expected
    assert parse_past_date(text, TODAY) == expected


def test_last_night_on_new_years_day_is_new_years_eve() -> None:
    assert parse_past_date("last night", date(2027, 1, 1)) == date(2026, 12, 31)
    assert parse_past_date("this morning", date(2027, 1, 1)) == date(2027, 1, 1)


@pytest.mark.parametrize("text", ["tomorrow morning", "tomorrow night"])
def test_tomorrow_at_a_time_of_day_is_read_and_refused_as_future(text: str) -> None:
    assert parse_date(text, TODAY) == date(2026, 11, 21)
    with pytest.raises(PeerJournalError, match="2026-11-21 is in the future"):
        parse_past_date(text, TODAY)


@pytest.mark.parametrize(
    "text", ["last", "this", "night", "morning", "this week night", "last nights", "tonight 2"]
)
def test_a_time_of_day_alone_or_garbled_is_still_refused(text: str) -> None:
    with pytest.raises(PeerJournalError, match="Could not read the date"):
        parse_date(text, TODAY)


# -- numbers as words -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("one day ago", YESTERDAY),
        ("two days ago", date(2026, 11, 18)),
        ("Three Days Ago", date(2026, 11, 17)),
        ("twelve days ago", date(2026, 11, 8)),
        ("a couple of days ago", date(2026, 11, 18)),
        ("a couple days ago", date(2026, 11, 18)),
        ("couple of days ago", date(2026, 11, 18)),
        ("two weeks ago", date(2026, 11, 6)),
        ("a couple of weeks ago", date(2026, 11, 6)),
        ("six months ago", date(2026, 5, 20)),
        ("eleven months ago", date(2025, 12, 20)),
        ("two years ago", date(2024, 11, 20)),
        ("3 days ago", date(2026, 11, 17)),  # digits as before
        ("a week ago", date(2026, 11, 13)),
    ],
)
def test_number_words_count_back(text: str, expected: date) -> None:
    assert parse_past_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in two days", date(2026, 11, 22)),
        ("in a couple of weeks", date(2026, 12, 4)),
        ("in twelve months", date(2027, 11, 20)),
    ],
)
def test_number_words_ahead_are_read_and_refused_as_future(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected
    with pytest.raises(PeerJournalError, match=f"{expected.isoformat()} is in the future"):
        parse_past_date(text, TODAY)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a few days ago", "'a few' is not an exact number. Give one, such as '3 days ago'."),
        ("few weeks ago", "'few' is not an exact number. Give one, such as '3 weeks ago'."),
        ("several months ago", "'several' is not an exact number. Give one, such as '3 months"),
        ("some days ago", "'some' is not an exact number"),
        ("in a few days", "'a few' is not an exact number. Give one, such as 'in 3 days'."),
    ],
)
def test_a_vague_amount_is_refused_with_what_to_write(text: str, message: str) -> None:
    with pytest.raises(PeerJournalError) as caught:
        parse_date(text, TODAY)
    assert caught.value.message.startswith(f"Could not read the date {text!r}: ")
    assert message in caught.value.message and "\n" not in caught.value.message


@pytest.mark.parametrize("text", ["thirteen days ago", "twenty days ago", "a dozen days ago"])
def test_number_words_past_twelve_are_refused_with_the_accepted_forms(text: str) -> None:
    with pytest.raises(PeerJournalError, match="'N days ago'"):
        parse_date(text, TODAY)


# -- a weekday is the most recent one before today --------------------------------------------


def test_a_weekday_named_on_that_weekday_is_a_week_ago_as_documented() -> None:
    # The rule is kept (README: the most recent such day, never today): "friday" on a Friday
    # is the Friday before, the same as "last friday"; "today" is today.
    assert parse_past_date("friday", TODAY) == date(2026, 11, 13)
    assert parse_past_date("last friday", TODAY) == date(2026, 11, 13)
    assert parse_past_date("thursday", TODAY) == YESTERDAY
    assert parse_past_date("last thursday", TODAY) == YESTERDAY


# -- through the commands -------------------------------------------------------------------


def stored_dates(store: Store) -> list[str]:
    return [row[0] for row in store.conn.execute("SELECT date FROM entry ORDER BY id")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last night", "2026-11-19"),
        ("this morning", "2026-11-20"),
        ("tonight", "2026-11-20"),
        ("yesterday evening", "2026-11-19"),
        ("two days ago", "2026-11-18"),
        ("a couple of days ago", "2026-11-18"),
        ("friday", "2026-11-13"),  # on a Friday: the one before
    ],
)
def test_write_stores_the_day_the_writer_means(
    cli: CLI, store: Store, text: str, expected: str
) -> None:
    result = cli("write", "-x", ENTRY, "--date", text, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["date"] == expected
    assert stored_dates(store) == [expected]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("a few days ago", "'a few' is not an exact number. Give one, such as '3 days ago'."),
        ("in two days", "The date 2026-11-22 is in the future"),
        ("tomorrow night", "The date 2026-11-21 is in the future"),
    ],
)
def test_write_refuses_a_vague_or_future_date_and_stores_nothing(
    cli: CLI, store: Store, text: str, words: str
) -> None:
    result = cli("write", "-x", ENTRY, "--date", text)
    assert result.exit_code == 1 and result.stdout == ""
    message = result.stderr.strip()
    assert words in message and "\n" not in message and "Traceback" not in message
    assert stored_dates(store) == []


def test_list_report_and_supervision_read_the_same_phrases(cli: CLI, store: Store) -> None:
    for day in ("2026-11-10", "2026-11-18", "2026-11-19"):
        assert cli("write", "-x", ENTRY, "--date", day).exit_code == 0
    listed = cli("list", "--since", "two days ago", "--json")
    assert listed.exit_code == 0, listed.stderr
    assert sorted(e["date"] for e in json.loads(listed.stdout)) == ["2026-11-18", "2026-11-19"]
    listed = cli("list", "--since", "last night", "--until", "yesterday evening", "--json")
    assert [e["date"] for e in json.loads(listed.stdout)] == ["2026-11-19"]
    report = cli("report", "--since", "a couple of weeks ago", "--json")
    assert report.exit_code == 0, report.stderr
    data = json.loads(report.stdout)
    assert (data["since"], data["totals"]["entries"]) == ("2026-11-06", 3)
    done = cli("supervision", "done", "--date", "this afternoon", "--json")
    assert done.exit_code == 0, done.stderr
    assert json.loads(done.stdout)["date"] == "2026-11-20"
    rows = store.conn.execute("SELECT date FROM supervision").fetchall()
    assert rows == [("2026-11-20",)]

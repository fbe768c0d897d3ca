"""Round 26, qa4 findings: a month in words as a --since/--until period (#2), a period refused
as one day without "Could not read" (#11), report's Dimensions saying why it has no words
(#5), and a CSV export naming only the options it leaves out (#6). Today is 20 Nov 2026."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from conftest import CLI, without_kept_draft
from peerjournal.dates import parse_bound, parse_date, period

Add = Callable[..., int]
TODAY = date(2026, 11, 20)
DAYS = ("2025-12-31", "2026-10-31", "2026-11-01", "2026-11-19")


def _dates(cli: CLI, *args: str) -> list[str]:
    result = cli("list", *args, "--json")
    assert result.exit_code == 0, result.stderr
    return sorted(entry["date"] for entry in json.loads(result.stdout))


# -- #2: a month in words is a period for --since and --until ----------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("Nov 2026", ["2026-11-01", "2026-11-19"]), ("November 2026", ["2026-11-01", "2026-11-19"]),
     ("october 2026", ["2026-10-31"]), ("Oct. 2026", ["2026-10-31"]),
     ("november", ["2026-11-01", "2026-11-19"]), ("Dec", ["2025-12-31"])],
)
def test_a_month_in_words_is_its_whole_month_for_since_and_until(
    cli: CLI, add: Add, typed: str, expected: list[str]
) -> None:
    """Was: "Could not read the date 'Nov 2026': it names no day. Give the day too, such as
    '1 Nov 2026'", which for --until kept only the month's first day."""
    for day in DAYS:
        add(f"A shift on {day}.", "--date", day)
    assert _dates(cli, "--since", typed, "--until", typed) == expected


def test_a_month_without_a_year_is_the_most_recent_one() -> None:
    assert period("November", TODAY) == (date(2026, 11, 1), date(2026, 11, 30))
    assert period("dec", TODAY) == (date(2025, 12, 1), date(2025, 12, 31))
    assert period("January", TODAY) == (date(2026, 1, 1), date(2026, 1, 31))
    assert parse_bound("Nov 2026", TODAY, until=True) == TODAY  # never after today
    assert parse_bound("Sept 2025", TODAY, until=True) == date(2025, 9, 30)
    assert period("Nov 20", TODAY) is None and period("Monday", TODAY) is None


def test_one_day_options_refuse_a_month_in_words_as_a_period(cli: CLI) -> None:
    result = cli("write", "-x", "A shift in November.", "--date", "Nov 2026")
    assert (result.exit_code, without_kept_draft(result.stderr)) == (
        1, "peerjournal: 'Nov 2026' is a period, not one day. Give one day, such as "
           "'1 Nov 2026' or 2026-11-01.\n")
    assert json.loads(cli("list", "--json").stdout) == []
    assert parse_date("20 Nov 2026", TODAY) == TODAY  # a day in it still reads


# -- #11: a period as one day is read, then refused --------------------------------------------


def test_a_period_as_one_day_says_what_it_is_not_that_it_could_not_be_read(cli: CLI) -> None:
    """Was: "Could not read the date '2025-11': it is a period, not one day." (it was read)."""
    result = cli("write", "-x", "a test entry", "-d", "2025-11")
    assert (result.exit_code, without_kept_draft(result.stderr)) == (
        1, "peerjournal: '2025-11' is a period, not one day. Give one day, such as "
           "'1 Nov 2025' or 2025-11-01.\n")


# -- #5: report's Dimensions says why it names no direction ------------------------------------


def _dimensions(cli: CLI, *args: str) -> str:
    result = cli("report", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout.split("\nDimensions", 1)[1].split("\n\n", 1)[0]


def test_report_dimensions_with_too_few_entries_say_so_once(cli: CLI) -> None:
    """Was: "which way each went" in the heading, then no word and no reason (round 46: the
    heading says what its words compare)."""
    for day in ("2026-11-17", "2026-11-18"):
        assert cli("write", "-x", "I shared my own story.", "--date", day).exit_code == 0
    dims = _dimensions(cli, "--since", "this week")
    assert "which way" not in dims and "Recovery story: identity " in dims
    assert not any(word in dims for word in ("rising", "falling", "steady")), dims
    assert " ".join(dims.split()).count(
        "No trend words: too few entries to show a trend (it needs 3 weeks with entries; only 1 "
        "has any).") == 1, dims


def test_report_dimensions_with_directions_give_no_such_line(cli: CLI) -> None:
    for day, text in (("2026-10-20", "I told him he should take his meds."),
                      ("2026-10-28", "I shared my own story and we laughed."),
                      ("2026-11-04", "I told her to comply with the treatment plan."),
                      ("2026-11-12", "We sat together; I shared my story of recovery."),
                      ("2026-11-18", "I shared my own story; she chose what to do next."),
                      # a second entry in a week: one entry a week has no trend words (r37)
                      ("2026-11-19", "I shared my own story; she chose what to do next.")):
        # (12 times over: each half holds the 300 scored words a trend needs, round 43)
        assert cli("write", "-x", " ".join([text] * 12), "--date", day).exit_code == 0
    dims = _dimensions(cli)
    # (round 46: the heading names the halves its words compare)
    assert "rising or falling: the last" in dims and "too few" not in dims


# -- #6: the CSV names only the options it was given -------------------------------------------


def test_csv_names_only_the_options_given(cli: CLI, add: Add, tmp_path: Path) -> None:
    """Was: "--note, --from and --with-check are left out" whichever was given (one alone:
    tests/test_namecheck_r26.py)."""
    add("I shared my story.", "--share")
    result = cli("export", "--yes", "-f", "csv", "-o", str(tmp_path / "s.csv"),
                 "--note", "Hard week", "--from", "Morgan")
    assert result.exit_code == 0, result.stderr
    assert ("The CSV holds the numbers only: --note and --from are left out; use md, html, pdf "
            "or json to send them.") in " ".join(result.stderr.split())


def test_a_search_for_words_in_no_entry_does_not_suggest_dropping_filters(cli: CLI) -> None:
    """Was: "Nothing found for 'zzzq': try without --since", though no entry holds it."""
    assert cli("write", "-x", "We talked about housing.", "--date", "2026-11-02").exit_code == 0
    nowhere = cli("search", "zzzq", "--since", "2026-11-16")
    assert nowhere.exit_code == 0 and nowhere.stdout == ""
    assert nowhere.stderr.strip() == "Nothing found for 'zzzq' in any entry."
    elsewhere = cli("search", "housing", "--since", "2026-11-16")
    assert elsewhere.stderr.strip() == "Nothing found for 'housing': try without --since."


def test_a_list_with_dates_alone_that_finds_nothing_says_when_the_entries_are(
    cli: CLI,
) -> None:
    for day in ("2026-10-01", "2026-11-02"):
        assert cli("write", "-x", "We talked.", "--date", day).exit_code == 0
    result = cli("list", "--since", "2025", "--until", "2025")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr.strip() == (
        "No entries match: none from 1 Jan 2025 to 31 Dec 2025; your entries run from 1 "
        "Oct 2026 to 2 Nov 2026."
    )
    assert "none up to 1 Jan 2026;" in cli("list", "--until", "2026-01-01").stderr

"""Round 47: `write --date` keeps a time of day given after the date.

`supervision done --date "2026-11-20 14:00"` keeps its time, and prep splits the day there;
`write --date "2026-11-20 18:00"` dropped its time without a word, so an entry backdated to
the evening counted as written when it was saved. Now the time given is the entry's
`created_at` (local time), the confirmation says it, a time still to come is refused, and a
date with no time is dated as before. `edit --date` refuses a time rather than drop it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from peerjournal import paths

CLI = Callable[..., Any]
NOW = "2026-12-07T20:00:00+00:00"  # a Monday evening


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch, zone: Callable[[str], None]) -> None:
    zone("UTC")
    monkeypatch.setenv("PEERJOURNAL_NOW", NOW)


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    return result


def refused(result: Any) -> str:
    """The one-line error of a refused command (no traceback)."""
    assert result.exit_code != 0
    assert "Traceback" not in result.stderr
    return str(result.stderr)


def rows() -> list[tuple[int, str, str, str]]:
    """The journal's entries as stored: ID, date, created_at, updated_at."""
    db = Path(paths.db_path())
    if not db.exists():
        return []
    with sqlite3.connect(db) as conn:
        return list(conn.execute("SELECT id, date, created_at, updated_at FROM entry ORDER BY id"))


def write(cli: CLI, text: str, when: str, *extra: str) -> Any:
    return cli("write", "-x", text, "--date", when, *extra)


def test_an_entry_backdated_to_the_evening_counts_after_that_days_supervision(cli: CLI) -> None:
    ok(cli("supervision", "done", "--date", "2026-11-20 14:00"))
    morning = ok(write(cli, "Morning: I told him he should rest.", "2026-11-20 10:00"))
    evening = ok(write(cli, "Evening: I sat with Sam and listened.", "2026-11-20 18:00"))
    assert "Dated Fri 20 Nov 2026 at 10:00." in morning.stderr
    assert "Dated Fri 20 Nov 2026 at 18:00." in evening.stderr
    assert rows() == [
        (1, "2026-11-20", "2026-11-20T10:00:00+00:00", "2026-12-07T20:00:00+00:00"),
        (2, "2026-11-20", "2026-11-20T18:00:00+00:00", "2026-12-07T20:00:00+00:00"),
    ]
    data = json.loads(ok(cli("supervision", "prep", "--json")).stdout)
    assert (data["entries"], data["left_out_before_supervision"],
            data["after_supervision_that_day"]) == (1, 1, 1)


def test_a_date_without_a_time_is_dated_as_before(cli: CLI) -> None:
    """Stamped when it is saved: on the supervision's day, it counts after the supervision."""
    ok(cli("supervision", "done", "--date", "2026-11-20 14:00"))
    result = ok(write(cli, "I sat with Sam and listened.", "2026-11-20"))
    assert "Dated Fri 20 Nov 2026." in result.stderr and " at " not in result.stderr
    assert rows() == [(1, "2026-11-20", "2026-12-07T20:00:00+00:00",
                       "2026-12-07T20:00:00+00:00")]
    assert json.loads(ok(cli("supervision", "prep", "--json")).stdout)["entries"] == 1


@pytest.mark.parametrize(
    ("when", "day", "stamp"),
    [
        ("yesterday 18:00", "2026-12-06", "2026-12-06T18:00:00+00:00"),
        ("yesterday at 6pm", "2026-12-06", "2026-12-06T18:00:00+00:00"),
        ("20/11/2026 2pm", "2026-11-20", "2026-11-20T14:00:00+00:00"),
        ("2026-11-20T18:30", "2026-11-20", "2026-11-20T18:30:00+00:00"),
        ("today 09:15", "2026-12-07", "2026-12-07T09:15:00+00:00"),
    ],
)
def test_time_forms_are_kept(cli: CLI, when: str, day: str, stamp: str) -> None:
    result = ok(write(cli, "I sat with Sam and listened.", when))
    assert rows() == [(1, day, stamp, "2026-12-07T20:00:00+00:00")]
    assert f" at {stamp[11:16]}." in result.stderr  # today's too: the time given is said


def test_the_time_is_local_and_a_zone_given_is_seen_in_local_time(
    cli: CLI, zone: Callable[[str], None]
) -> None:
    zone("Europe/Berlin")  # UTC+1 in November
    ok(write(cli, "Evening: I sat with Sam.", "2026-11-20 18:00"))
    late = ok(write(cli, "Late: we talked.", "2026-11-20T22:30Z"))  # 23:30 in Berlin
    assert "Dated Fri 20 Nov 2026 at 23:30." in late.stderr
    assert [r[2] for r in rows()] == ["2026-11-20T18:00:00+01:00", "2026-11-20T23:30:00+01:00"]


@pytest.mark.parametrize(
    ("when", "said"),
    [
        ("today 23:00", "7 Dec 2026 at 23:00 is still to come; an entry records something"),
        ("2026-11-20 25:00", "Could not read the time in '2026-11-20 25:00': use 00:00 to 23:59"),
        ("14:00 yesterday", "Could not read the time in '14:00 yesterday'. Give it after the"),
    ],
)
def test_a_time_to_come_or_unreadable_is_refused_in_one_line(
    cli: CLI, when: str, said: str
) -> None:
    error = refused(write(cli, "Private words about Sam.", when))
    assert said in error
    assert len(error.strip().splitlines()) == 1
    assert "Private words" not in error
    assert rows() == []  # nothing saved (the words are kept as a draft, as for any bad --date)


def test_the_same_backdated_command_run_again_is_not_saved_twice(cli: CLI) -> None:
    ok(write(cli, "Evening: I sat with Sam.", "yesterday 18:00"))
    again = ok(write(cli, "Evening: I sat with Sam.", "yesterday 18:00"))
    assert "Entry 1 already holds this text, written yesterday at 18:00" in again.stderr
    assert len(rows()) == 1
    other = ok(write(cli, "Evening: I sat with Sam.", "yesterday 19:00", "--again"))
    assert other.stdout.strip() == "2" and len(rows()) == 2


def test_json_gives_the_time_as_created_at(cli: CLI) -> None:
    data = json.loads(ok(write(cli, "I sat with Sam.", "2026-11-20 18:00", "--json")).stdout)
    assert (data["date"], data["created_at"]) == ("2026-11-20", "2026-11-20T18:00:00+00:00")


def test_month_first_reading_is_given_with_the_time(cli: CLI) -> None:
    result = ok(write(cli, "I sat with Sam.", "12/06/2026 18:00"))
    assert ("Dated Fri 12 Jun 2026 at 18:00: '12/06/2026' is read as day/month/year; for Sun "
            "6 Dec 2026 give '2026-12-06 18:00'.") in result.stderr


def test_write_resume_keeps_the_time_given_with_it(cli: CLI) -> None:
    refused(write(cli, "Evening: I sat with Sam.", "today 23:00"))  # kept as draft 1
    resumed = ok(cli("write", "--resume", "--draft", "1", "--date", "yesterday 07:30",
                     input="y\n"))
    assert "Dated Sun 6 Dec 2026 at 07:30." in resumed.stderr
    assert rows() == [(1, "2026-12-06", "2026-12-06T07:30:00+00:00",
                       "2026-12-07T20:00:00+00:00")]


def test_edit_refuses_a_time_and_changes_a_day(cli: CLI) -> None:
    ok(write(cli, "I sat with Sam.", "2026-11-20 18:00"))
    error = refused(cli("edit", "1", "--date", "2026-11-19 09:00"))
    assert ("`edit --date` changes the day only, not the time '2026-11-19 09:00' gives: give "
            "--date 2026-11-19 (the entry keeps the time it was written).") in error
    assert rows()[0][1:3] == ("2026-11-20", "2026-11-20T18:00:00+00:00")  # unchanged
    moved = ok(cli("edit", "1", "--date", "2026-11-19"))
    assert "Dated Thu 19 Nov 2026." in moved.stderr
    assert rows()[0][1:3] == ("2026-11-19", "2026-11-20T18:00:00+00:00")

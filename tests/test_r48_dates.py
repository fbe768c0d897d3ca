"""Round 48: one rule for a time of day given with a new entry's date, and a day always named.

* A `date:` line with a time (a file for `write --from-file`, piped text, the editor's
  template) was refused while `write --date` with the same time kept it as `created_at`: a
  new entry now keeps it either way (`edit` still refuses one: it cannot change the time).
* `supervision undo` asked "Remove the supervision on 19 Nov 2026 (#1, recorded 19 Nov 2026
  14:00)?" for a time given to `done --date`, which was not when it was recorded.
* `--since "6pm yesterday"` was refused without the day it would be (the day first was):
  a time typed before its day names the day too, and `write --date "6pm yesterday"` says
  the form that reads ('yesterday 6pm').
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from test_r47_wdate import NOW, clock, ok, rows  # noqa: F401  (clock: the same fixed clock)
from test_r47_wdate2 import refused

CLI = Callable[..., Any]
TEXT = "I sat with Sam at the drop-in and listened."
FILE = "date: {}\n\n## Experience\n" + TEXT + "\n"
EVENING = "2026-11-20T18:00:00+00:00"


def entry_file(tmp_path: Path, when: str) -> Path:
    path = tmp_path / "entry.md"
    path.write_text(FILE.format(when), encoding="utf-8")
    return path


# -- 1. a `date:` line's time, as --date's ------------------------------------------------


def test_a_files_date_line_keeps_its_time_as_write_date_does(cli: CLI, tmp_path: Path) -> None:
    by_line = ok(cli("write", "--from-file", str(entry_file(tmp_path, "2026-11-20 18:00"))))
    by_option = ok(cli("write", "-x", TEXT, "--date", "2026-11-20 18:00", "--again"))
    assert "Dated Fri 20 Nov 2026 at 18:00." in by_line.stderr
    assert "Dated Fri 20 Nov 2026 at 18:00." in by_option.stderr
    assert rows() == [(1, "2026-11-20", EVENING, NOW), (2, "2026-11-20", EVENING, NOW)]


def test_piped_text_keeps_its_date_lines_time(cli: CLI) -> None:
    ok(cli("write", "--stdin", input=FILE.format("yesterday 6pm")))
    assert rows() == [(1, "2026-12-06", "2026-12-06T18:00:00+00:00", NOW)]


def test_the_editors_date_line_keeps_its_time(cli: CLI, edits: Callable[..., None]) -> None:
    edits(("date: 2026-12-07", "date: 2026-11-20 18:00"),
          ("## Experience\n", f"## Experience\n{TEXT}\n"))
    saved = ok(cli("write", "--editor"))
    assert "Dated Fri 20 Nov 2026 at 18:00." in saved.stderr
    assert rows() == [(1, "2026-11-20", EVENING, NOW)]


def test_the_time_counts_after_that_days_supervision_as_write_date_s(
    cli: CLI, tmp_path: Path
) -> None:
    ok(cli("supervision", "done", "--date", "2026-11-20 14:00"))
    ok(cli("write", "--from-file", str(entry_file(tmp_path, "2026-11-20 10:00"))))
    ok(cli("write", "--from-file", str(entry_file(tmp_path, "2026-11-20 18:00")), "--again"))
    data = json.loads(ok(cli("supervision", "prep", "--json")).stdout)
    assert (data["entries"], data["left_out_before_supervision"]) == (1, 1)


def test_write_date_replaces_the_date_line_and_its_time(cli: CLI, tmp_path: Path) -> None:
    ok(cli("write", "--from-file", str(entry_file(tmp_path, "2026-11-20 18:00")),
           "--date", "2026-11-19"))
    assert rows() == [(1, "2026-11-19", NOW, NOW)]


def test_a_date_lines_time_still_to_come_is_refused_and_the_words_kept(
    cli: CLI, isolated: Path
) -> None:
    error = refused(cli("write", "--stdin", input=FILE.format("today 21:00")))
    assert error.startswith(
        "peerjournal: 7 Dec 2026 at 21:00 is still to come; an entry records something that "
        "happened. Your words are kept as draft 1"
    )
    assert rows() == []
    [kept] = (isolated / "drafts").rglob("*.md")
    assert TEXT in kept.read_text(encoding="utf-8")


def test_edits_date_line_still_refuses_a_time(cli: CLI, edits: Callable[..., None]) -> None:
    ok(cli("write", "-x", TEXT, "--date", "2026-11-20 18:00"))
    edits(("date: 2026-11-20", "date: 2026-11-19 09:00"))
    assert "takes a day, not a time of day" in refused(cli("edit", "1"))
    assert rows() == [(1, "2026-11-20", EVENING, NOW)]


# -- 2. a supervision's time is not said to be when it was recorded -----------------------


def test_undo_says_a_given_time_is_what_prep_counts_from(cli: CLI) -> None:
    ok(cli("supervision", "done", "--date", "2026-11-19 14:00"))
    asked = cli("supervision", "undo", input="n\n")
    assert "Remove the supervision on 19 Nov 2026 (#1, prep counts from 14:00)? [y/N]" in (
        asked.stderr)
    assert "recorded" not in asked.stderr


def test_undo_says_when_one_of_an_earlier_day_was_recorded(cli: CLI) -> None:
    ok(cli("supervision", "done", "--date", "2026-11-19"))
    asked = cli("supervision", "undo", input="n\n")
    assert "Remove the supervision on 19 Nov 2026 (#1, recorded 7 Dec 2026 20:00)?" in (
        asked.stderr)


# -- 3. --since and --until name the day of a time typed before it -------------------------


@pytest.mark.parametrize(("option", "typed", "day"), [
    ("--since", "6pm yesterday", "2026-12-06"),
    ("--since", "noon yesterday", "2026-12-06"),
    ("--until", "14:00 on 20 Nov 2026", "2026-11-20"),
    ("--since", "at 9:30, friday", "2026-12-04"),
    ("--since", "14:00", "2026-12-07"),
])
def test_a_time_before_its_day_is_refused_with_the_day(
    cli: CLI, option: str, typed: str, day: str
) -> None:
    result = cli("list", option, typed)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"peerjournal: {option} takes a day, not a time of day ('{typed}'): give {option} "
        f"{day}; entries are picked by the day they happened on.\n"
    )


def test_a_timestamp_copied_from_json_gives_the_day_of_a_command_that_works(cli: CLI) -> None:
    ok(cli("write", "-x", TEXT, "--date", "2026-11-20 18:00"))
    stamp = json.loads(ok(cli("show", "1", "--json")).stdout)["created_at"]
    error = refused(cli("search", "Sam", "--since", stamp))
    assert "give --since 2026-11-20;" in error
    found = json.loads(ok(cli("search", "Sam", "--since", "2026-11-20", "--json")).stdout)
    assert [hit["id"] for hit in found] == [1]


def test_a_since_whose_day_is_after_today_says_so(cli: CLI) -> None:
    error = refused(cli("report", "--since", "2026-12-08T09:00:00+00:00"))
    assert error == (
        "peerjournal: --since takes a day, not a time of day ('2026-12-08T09:00:00+00:00'), and "
        "its day, 2026-12-08, is in the future: entries are of days up to today."
    )


def test_write_date_with_the_time_first_says_the_form_that_reads(cli: CLI) -> None:
    error = refused(cli("write", "-x", TEXT, "--date", "6pm Yesterday"))
    assert error.startswith(
        "peerjournal: Could not read the time in '6pm Yesterday'. Give it after the date as "
        "14:00 or 2pm, such as 'Yesterday 6pm'."
    )
    ok(cli("write", "--resume", "--date", "Yesterday 6pm", input="y\n"))
    assert rows() == [(1, "2026-12-06", "2026-12-06T18:00:00+00:00", NOW)]


def test_a_kept_draft_resumed_keeps_its_date_lines_time(
    cli: CLI, edits: Callable[..., None]
) -> None:
    refused(cli("write", "--stdin", input=FILE.format("today 21:00")))
    edits(("date: today 21:00", "date: today 19:00"))
    saved = ok(cli("write", "--resume", "--editor"))
    assert "Dated Mon 7 Dec 2026 at 19:00." in saved.stderr
    assert rows() == [(1, "2026-12-07", "2026-12-07T19:00:00+00:00", NOW)]

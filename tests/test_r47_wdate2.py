"""Round 47: a time of day is never dropped silently from a `date:` line or --since/--until.

`write --date "2026-11-20 18:00"` keeps its time (test_r47_wdate.py). A `date:` line with a time
(a file for `write --from-file`, the editor's template, `edit`'s editor) was read as its day, the
time dropped: "Dated Fri 20 Nov 2026." and the entry stamped when it was saved. It is refused in
one line now, nothing saved and the words kept, as `edit --date` refuses a time. `list --since
"2026-11-20 18:00"` (and --until, report, export, prep) dropped the time too: entries are picked
by the day they happened on, so a time is refused, with the day to give instead.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from test_r47_wdate import NOW, clock, ok, rows  # noqa: F401  (clock: the same fixed clock)

CLI = Callable[..., Any]
FILE = "date: {}\n\n## Experience\nI sat with Sam and listened.\n"


def refused(result: Any) -> str:
    """The one-line error of a refused command: no traceback, no journal text."""
    assert result.exit_code == 1, result.stderr
    assert "Traceback" not in result.stderr and "listened" not in result.stderr
    return " ".join(str(result.stderr).split())


def entry_file(tmp_path: Path, when: str) -> Path:
    path = tmp_path / "entry.md"
    path.write_text(FILE.format(when), encoding="utf-8")
    return path


def drafts(home: Path) -> list[Path]:
    folder = home / "drafts"
    return sorted(p for p in folder.rglob("*.md") if p.is_file()) if folder.is_dir() else []


def test_a_file_dated_with_a_time_keeps_it_as_write_date_does(cli: CLI, tmp_path: Path) -> None:
    """Round 48: a new entry's `date:` line keeps its time (test_r48_dates.py)."""
    saved = ok(cli("write", "--from-file", str(entry_file(tmp_path, "2026-11-20 18:00"))))
    assert "Dated Fri 20 Nov 2026 at 18:00." in saved.stderr
    assert rows() == [(1, "2026-11-20", "2026-11-20T18:00:00+00:00", NOW)]


def test_the_time_refused_is_kept_by_write_date(cli: CLI, tmp_path: Path) -> None:
    """The way the refusal gives: --date replaces the file's `date:` line, and keeps a time."""
    path = entry_file(tmp_path, "2026-11-20 18:00")
    saved = ok(cli("write", "--from-file", str(path), "--date", "2026-11-20 18:00"))
    assert "Dated Fri 20 Nov 2026 at 18:00." in saved.stderr
    assert rows() == [(1, "2026-11-20", "2026-11-20T18:00:00+00:00", NOW)]


@pytest.mark.parametrize("when", ["2026-11-20", "20 Nov 2026", "yesterday"])
def test_a_file_dated_with_a_day_is_saved_as_before(
    cli: CLI, tmp_path: Path, when: str
) -> None:
    saved = ok(cli("write", "--from-file", str(entry_file(tmp_path, when))))
    day = "2026-12-06" if when == "yesterday" else "2026-11-20"
    assert rows() == [(1, day, NOW, NOW)]
    assert "Dated" in saved.stderr and " at " not in saved.stderr.split("Dated")[1][:30]


@pytest.mark.parametrize("when", ["14:00 yesterday", "20 Nov 2026 at 9"])
def test_a_time_that_cannot_be_read_is_refused(cli: CLI, tmp_path: Path, when: str) -> None:
    error = refused(cli("write", "--from-file", str(entry_file(tmp_path, when))))
    assert error.startswith(f"peerjournal: Could not read the time in '{when}'.")
    assert rows() == []


def test_piped_text_dated_with_a_time_still_to_come_is_kept_as_a_draft(
    cli: CLI, isolated: Path
) -> None:
    result = cli("write", "--from-file", "-", input=FILE.format("2026-12-07 21:00"))
    error = refused(result)
    assert error.startswith("peerjournal: 7 Dec 2026 at 21:00 is still to come")
    [kept] = drafts(isolated)
    assert "listened" in kept.read_text(encoding="utf-8")
    assert rows() == []


def test_edits_date_line_with_a_time_is_refused_as_edit_date_is(
    cli: CLI, isolated: Path, edits: Callable[..., None]
) -> None:
    ok(cli("write", "-x", "I sat with Sam and listened.", "--date", "2026-11-20 18:00"))
    edits(("date: 2026-11-20", "date: 2026-11-19 09:00"))
    error = refused(cli("edit", "1"))
    assert error.startswith(
        "peerjournal: The `date:` line takes a day, not a time of day ('2026-11-19 09:00'): put "
        "`date: 2026-11-19`."
    )
    assert rows() == [(1, "2026-11-20", "2026-11-20T18:00:00+00:00", NOW)]  # unchanged
    assert len(drafts(isolated)) == 1  # the edit kept, to fix and save


def test_edits_date_line_changed_to_another_day_keeps_the_time_written(
    cli: CLI, edits: Callable[..., None]
) -> None:
    ok(cli("write", "-x", "I sat with Sam and listened.", "--date", "2026-11-20 18:00"))
    edits(("date: 2026-11-20", "date: 2026-11-19"))
    ok(cli("edit", "1"))
    assert rows()[0][1:3] == ("2026-11-19", "2026-11-20T18:00:00+00:00")


def since_refused(option: str, typed: str, day: str | None) -> str:
    give = f": give {option} {day}" if day else ""
    return (f"peerjournal: {option} takes a day, not a time of day ('{typed}'){give}; entries are "
            "picked by the day they happened on.")


@pytest.mark.parametrize(("command", "option", "typed", "day"), [
    (["list"], "--since", "2026-11-20 18:00", "2026-11-20"),
    (["list"], "--until", "yesterday 6pm", "2026-12-06"),
    (["list"], "--since", "14:00 yesterday", "2026-12-06"),
    (["search", "Sam"], "--since", "2026-11-20T18:00", "2026-11-20"),
    (["report"], "--since", "2026-11-20 18:00", "2026-11-20"),
    (["report"], "--until", "2026-11-20 at 9", "2026-11-20"),
    (["supervision", "prep"], "--since", "2026-11-20 2pm", "2026-11-20"),
])
def test_since_and_until_refuse_a_time(
    cli: CLI, command: list[str], option: str, typed: str, day: str | None
) -> None:
    ok(cli("write", "-x", "I sat with Sam and listened.", "--date", "2026-11-20"))
    result = cli(*command, option, typed)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == since_refused(option, typed, day) + "\n"


def test_export_refuses_a_time_and_writes_nothing(cli: CLI, tmp_path: Path) -> None:
    ok(cli("write", "-x", "I sat with Sam and listened.", "--date", "2026-11-20"))
    out = tmp_path / "out.json"
    result = cli("export", "--since", "2026-11-20 18:00", "-o", str(out))
    assert result.exit_code == 1 and not out.exists()
    assert result.stderr == since_refused("--since", "2026-11-20 18:00", "2026-11-20") + "\n"


@pytest.mark.parametrize("typed", ["2026-11-20", "20 Nov", "last month", "3 weeks ago",
                                   "last night", "friday"])
def test_since_without_a_time_reads_as_before(cli: CLI, typed: str) -> None:
    ok(cli("write", "-x", "I sat with Sam and listened.", "--date", "2026-11-20"))
    ok(cli("list", "--since", typed, "--json"))
    listed = json.loads(ok(cli("list", "--since", "2026-11-20", "--json")).stdout)
    assert [e["id"] for e in listed] == [1]


@pytest.mark.parametrize(("when", "given"), [
    ("6pm yesterday", "'yesterday 6pm'"), ("18:00", "'today 18:00'"),
    ("noon", "'2026-11-20 14:00' or 'yesterday 2pm'"),
])
def test_a_refused_time_never_suggests_a_command_that_fails(
    cli: CLI, tmp_path: Path, when: str, given: str
) -> None:
    """QA (qa_last_b): "put … A new entry takes a time from `write --date '6pm yesterday'`",
    which `write --date` refuses too: the form it takes is said instead (round 48: the time
    after the day, when that reads)."""
    error = refused(cli("write", "--from-file", str(entry_file(tmp_path, when))))
    assert error.startswith(f"peerjournal: Could not read the time in '{when}'. Give it after "
                            f"the date as 14:00 or 2pm, such as {given}")
    if " or " not in given:
        ok(cli("write", "--from-file", str(entry_file(tmp_path, given.strip("'")))))

"""Round 35 fixes: an entry dated tomorrow (written where the date is ahead), a tag with bytes
that are not UTF-8, a tag stored as another word, the date a write used, `where` with a
journal path that is a folder, and `report -t` naming the tag no entry has.

Today is 2026-11-20 (conftest's FIXED_NOW); tomorrow, 2026-11-21, is today at UTC+14."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from peerjournal.dates import dated_note
from peerjournal.db.store import Store
from peerjournal.entry import retagged_note

CLI = Callable[..., Any]

KIRITIMATI = {  # written at 1 am on the 21st where clocks are 14 hours ahead of UTC
    "date": "2026-11-21", "experience": "Written in Kiritimati.",
    "created_at": "2026-11-21T01:00:00+14:00", "updated_at": "2026-11-21T01:00:00+14:00",
}
HERE = {"date": "2026-11-20", "experience": "Written here."}


def _imported(cli: CLI, *records: dict[str, Any]) -> Any:
    return cli("import", "-", input=json.dumps(list(records)))


def _dates(store: Store) -> list[str]:
    return [row[0] for row in store.conn.execute("SELECT date FROM entry ORDER BY id")]


# -- 1. an entry dated tomorrow ------------------------------------------------------------


def test_a_backup_with_an_entry_dated_tomorrow_is_imported_with_a_note(
    cli: CLI, store: Store
) -> None:
    """Was: "record 1: the date 2026-11-21 is in the future … Nothing was imported." (exit 1),
    until the clock caught up; its created_at was also called "a clock set wrong?"."""
    result = _imported(cli, KIRITIMATI, HERE)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[1:] == [
        "Note: 1 entry is dated 2026-11-21, after today here (written where the date was "
        "already tomorrow?): imported as dated."
    ]
    assert _dates(store) == ["2026-11-21", "2026-11-20"]


def test_a_backup_dated_two_days_ahead_is_still_refused(cli: CLI, store: Store) -> None:
    result = _imported(cli, HERE, {**KIRITIMATI, "date": "2026-11-22"})
    assert result.exit_code == 1
    assert "record 2: the date 2026-11-22 is in the future" in result.stderr
    assert "Nothing was imported." in result.stderr
    assert _dates(store) == []


def test_an_entry_dated_tomorrow_can_be_edited_but_not_given_that_date(
    cli: CLI, store: Store, edits: Callable[..., None]
) -> None:
    """Was: `edit 1 -f …` refused, "The date 2026-11-21 is in the future", though the date was
    not changed; the date is checked only when the edit changes it."""
    assert _imported(cli, KIRITIMATI).exit_code == 0
    flagged = cli("edit", "1", "-f", "added feeling")
    assert flagged.exit_code == 0, flagged.stderr
    edits(("Written in Kiritimati.", "Edited in the editor."))
    edited = cli("edit", "1")
    assert edited.exit_code == 0, edited.stderr
    entry = store.get(1)
    assert (entry.date, entry.feelings, entry.experience) == (
        date(2026, 11, 21), "added feeling", "Edited in the editor."
    )
    moved = cli("edit", "1", "-d", "tomorrow")  # a date typed now: a typo guard, as for write
    assert moved.exit_code == 1
    assert "The date 2026-11-21 is in the future" in moved.stderr
    refused = cli("write", "-x", "Typed tomorrow.", "-d", "tomorrow")
    assert refused.exit_code == 1 and "is in the future" in refused.stderr


def test_report_says_it_leaves_out_an_entry_dated_tomorrow(cli: CLI) -> None:
    """Was: counted 1 entry of 2 and said nothing of the other."""
    earlier = {"date": "2026-11-18", "experience": "Written before."}
    assert _imported(cli, KIRITIMATI, HERE, earlier).exit_code == 0
    result = cli("report")
    assert result.exit_code == 0, result.stderr
    assert "2 entries, " in result.stdout
    assert result.stderr.splitlines() == [
        "1 entry is dated after today (21 Nov 2026: written where the date was already "
        "tomorrow?) and is left out: a report ends today."
    ]
    assert cli("report", "--until", "yesterday").stderr == ""  # a window it would miss anyway


# -- 2. and 3. tags ------------------------------------------------------------------------


def test_a_tag_with_bytes_that_are_not_utf8_is_refused_and_the_entry_kept(
    cli: CLI, store: Store, isolated: Path
) -> None:
    """Was: `-t $'caf\\xe9'` stored the tag "caf"; `-s` with the same byte was refused."""
    # (round 36: the byte is read as Windows-1252, as piped text is, and said so)
    result = cli("write", "-x", "Coffee with Lo.", "-t", "caf\udce9")
    assert result.exit_code == 0, result.stderr
    assert "not UTF-8: it was read as Windows-1252" in result.stderr
    assert store.get(1).tags == ["café"]
    assert not list((isolated / "drafts").glob("kept-*.json"))


def test_a_tag_stored_as_another_word_is_said(cli: CLI, store: Store) -> None:
    """Was: `-t "ana's"` stored as ana-s without a word. Case and spaces ('Late Shift':
    late-shift, as the help says) are not worth one."""
    result = cli("write", "-x", "Shift with Ana.", "-t", "ana's", "-t", "Late Shift")
    assert result.exit_code == 0, result.stderr
    assert 'Tag "ana\'s" is stored as ana-s: a tag keeps letters, digits and _-/+. only.' in (
        result.stderr.splitlines()
    )
    assert store.get(1).tags == ["ana-s", "late-shift"]
    plain = cli("write", "-x", "Another shift.", "-t", "#Late Shift")
    assert plain.exit_code == 0 and "stored as" not in plain.stderr


def test_retagged_note_names_each_tag_changed() -> None:
    assert retagged_note(["Late Shift", "#Handover"]) is None
    assert retagged_note(["handover., ana's"]) == (
        'Tags "handover." and "ana\'s" are stored as handover and ana-s: a tag keeps '
        "letters, digits and _-/+. only."
    )


# -- 4. the date a write used --------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "said", "stored"),
    [
        ("today", None, "2026-11-20"),
        ("yesterday", "Dated Thu 19 Nov 2026.", "2026-11-19"),
        # both readings are past dates: which was taken, and how to give the other
        ("10/11/2026", "Dated Tue 10 Nov 2026: '10/11/2026' is read as day/month/year; for "
                       "Sun 11 Oct 2026 give 2026-10-11.", "2026-11-10"),
        ("12/06/2026", "Dated Fri 12 Jun 2026.", "2026-06-12"),  # 6 Dec: not yet
        ("2026-06-12", "Dated Fri 12 Jun 2026.", "2026-06-12"),
    ],
)
def test_write_says_the_date_it_used_when_not_today(
    cli: CLI, store: Store, typed: str, said: str | None, stored: str
) -> None:
    """Was: `-d 12/06/2026` stored 12 June silently, far down `list`."""
    result = cli("write", "-x", "Met Di at the drop-in.", "-d", typed)
    assert result.exit_code == 0, result.stderr
    dated = [line for line in result.stderr.splitlines() if line.startswith("Dated ")]
    assert dated == ([said] if said else [])
    assert _dates(store) == [stored]


def test_dated_note_reads_a_date_without_a_year_as_the_most_recent() -> None:
    today = date(2026, 12, 6)
    assert dated_note(date(2026, 6, 12), today, "12/06") == (
        "Dated Fri 12 Jun 2026: '12/06' is read as day/month/year; for Sun 6 Dec 2026 give "
        "2026-12-06."
    )
    assert dated_note(today, today, "6/12") == (  # today, but maybe meant 12 June
        "Dated Sun 6 Dec 2026: '6/12' is read as day/month/year; for Fri 12 Jun 2026 give "
        "2026-06-12."
    )
    assert dated_note(date(2026, 6, 6), today, "6/6/2026") == "Dated Sat 6 Jun 2026."


# -- 5. where, with a journal path that is a folder ----------------------------------------


def test_where_says_when_the_journal_path_is_a_folder(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: the folder printed as the database, no warning, exit 0."""
    folder = tmp_path / "notes"
    folder.mkdir()
    result = cli("--db", str(folder), "where")
    assert result.exit_code == 4  # r36: as every command that opens the journal (was 1)
    assert f"database  {folder}" in result.stdout  # the paths still answer
    assert result.stderr == (
        f"The journal path {folder} is a folder, not a file; --db should name the journal "
        "file.\n"
    )
    monkeypatch.setenv("PEERJOURNAL_DB", str(folder))
    from_env = cli("where")
    assert from_env.exit_code == 4 and "; PEERJOURNAL_DB should name" in from_env.stderr
    assert cli("--db", str(folder / "journal.db"), "where").exit_code == 0


# -- 6. report -t with a tag no entry has --------------------------------------------------


def test_report_names_the_tag_no_entry_has_as_list_does(cli: CLI) -> None:
    """Was: "No entries match these filters at any date. Try fewer filters." """
    assert cli("write", "-x", "Group with Sam.", "-t", "group", "-s", "ward").exit_code == 0
    assert cli("write", "-x", "Walk with Jo.", "-t", "walk").exit_code == 0
    for command in ("report", "list"):
        result = cli(command, "-t", "nosuch")
        assert result.exit_code == 0
        assert result.stderr == (
            "No entries match: no entry is tagged nosuch (`peerjournal tags` lists the tags).\n"
        )
    together = cli("report", "-t", "group", "-t", "walk")
    assert together.stderr == "No entries match: no entry is tagged both group and walk.\n"
    walk_on_ward = cli("report", "-t", "walk", "-s", "ward")
    assert walk_on_ward.stderr == "No entries match: try fewer of --tag and --setting.\n"

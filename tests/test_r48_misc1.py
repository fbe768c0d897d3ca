"""Round 48 (fix_misc1): a repeat told whatever --date says, the month a day needs named in
the past, edit's last line, joined and split words in search's hints, drafts on a fixed
clock, UTF-16 imports said, and a journal file that cannot be read."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import sys
from datetime import date
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.dates import parse_date
from peerjournal.db import engine
from peerjournal.errors import PeerJournalError

TEXT = "cant sleep after the shift, kept thinking about the call"


def _at(monkeypatch: pytest.MonkeyPatch, clock: str) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", clock)


def _said(result: object) -> str:
    return " ".join(result.stderr.split())  # type: ignore[attr-defined]


def _dates(cli: CLI) -> list[str]:
    return [e["date"] for e in json.loads(cli("list", "--json").stdout)]


# -- 1. the same text again within the hour, with --date: the first entry's date to put right


def test_the_same_text_again_with_another_date_is_not_saved_twice(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    _at(monkeypatch, "2026-12-06T00:40:00+00:00")
    assert cli("write", "-x", TEXT).stdout == "1\n"
    result = cli("write", "-x", TEXT, "--date", "last night")
    assert result.exit_code == 0 and result.stdout == "1\n"
    said = _said(result)
    assert ("Entry 1 already holds this text, written today at 00:40 and dated Sun 6 Dec 2026: "
            "it is not saved again") in said
    assert "`peerjournal edit 1 --date 2026-12-05` dates it Sat 5 Dec 2026 instead" in said
    assert _dates(cli) == ["2026-12-06"]
    assert cli("edit", "1", "--date", "2026-12-05").exit_code == 0  # (the hint, followed)
    assert _dates(cli) == ["2026-12-05"]


def test_again_saves_the_text_with_another_date_as_a_second_entry(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    _at(monkeypatch, "2026-12-06T00:40:00+00:00")
    cli("write", "-x", TEXT)
    result = cli("write", "-x", TEXT, "--date", "last night", "--again")
    assert result.stdout == "2\n" and "already holds" not in result.stderr
    assert _dates(cli) == ["2026-12-06", "2026-12-05"]


def test_the_same_text_with_another_date_hours_later_is_another_entry(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    _at(monkeypatch, "2026-12-06T09:00:00+00:00")
    cli("write", "-x", TEXT)
    _at(monkeypatch, "2026-12-06T10:30:00+00:00")
    result = cli("write", "-x", TEXT, "--date", "yesterday")
    assert result.stdout == "2\n" and "already holds" not in result.stderr


# -- 2. a day with no month: the hint names the most recent one, never one ahead -------------


def test_a_day_without_its_month_is_given_one_in_the_past(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("write", "-x", "A note.", "--date", "2026-11-02")
    _at(monkeypatch, "2026-12-02T18:10:00+00:00")
    for command in (("edit", "1", "--date", "sat 28th"), ("list", "--since", "28th")):
        result = cli(*command)
        assert result.exit_code != 0
        assert "it names no month. Give the month too, such as '28 Nov 2026'" in _said(result)
    assert cli("edit", "1", "--date", "28 Nov 2026").exit_code == 0  # (the hint, followed)
    assert _dates(cli) == ["2026-11-28"]


@pytest.mark.parametrize(("typed", "hint"), [
    ("31st", "'31 Oct 2026'"),  # (November has no 31st)
    ("2nd", "'2 Dec 2026'"),  # (today)
    ("wed 30th", "'30 Sep 2026'"),  # (the last 30th that was a Wednesday)
])
def test_the_month_hint_is_the_latest_such_day(typed: str, hint: str) -> None:
    with pytest.raises(PeerJournalError, match=f"such as {hint}"):
        parse_date(typed, date(2026, 12, 2))


# -- 3. edit's last line: short and true, and an old one still read ---------------------------


def test_edit_s_last_line_names_the_entry_and_when_it_was_written(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("write", "-x", "A note.")
    shown = tmp_path / "shown.md"
    script = tmp_path / "copying_editor.py"
    script.write_text(f"import shutil, sys; shutil.copy(sys.argv[-1], {str(shown)!r})\n")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    assert cli("edit", "1").exit_code == 0
    last = shown.read_text(encoding="utf-8").rstrip().splitlines()[-1]
    assert re.fullmatch(
        r"<!-- peerjournal: editing entry 1 \(written 20 Nov 2026 18:30\); keep this line, it "
        r"tells your edit from another entry's: 2026-11-20T18:30:00\+00:00 [0-9a-f]{16} -->",
        last), last
    assert "unsaved" not in last


def test_an_edit_kept_with_the_line_of_an_older_version_is_continued(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("write", "-x", "A note.")
    created = json.loads(cli("show", "1", "--json").stdout)["created_at"]
    kept = isolated / "drafts" / "edits" / "entry-1-20261120-183000.md"
    kept.parent.mkdir(parents=True)
    kept.write_text(
        "## Experience\nA note, put right.\n\n<!-- peerjournal: unsaved changes to the entry "
        f"created {created} (how they are told from another entry with its ID: leave this "
        "line as it is) -->\n", encoding="utf-8")
    script = tmp_path / "editor.py"
    script.write_text("import sys\n"
                      "t = open(sys.argv[-1]).read().replace('right.', 'right, twice.')\n"
                      "open(sys.argv[-1], 'w').write(t)\n", encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    assert "You have unsaved changes to entry 1 from 2026-11-20 18:30" in _said(result)
    assert json.loads(cli("show", "1", "--json").stdout)["experience"] == (
        "A note, put right, twice.")


# -- 4. search: two typed words an entry has as one, and one word it has as two ---------------


@pytest.mark.parametrize(("written", "typed", "near", "again"), [
    ("Told him about gamstop and the bank block.", "gam stop", "gamstop", "gamstop"),
    ("Told him about gamstop and the bank block.", "gam stop bank", "gamstop", "gamstop bank"),
    ("We did a check in at the door.", "checkin", "check in", "check in"),
])
def test_search_suggests_the_words_joined_or_split(
    cli: CLI, written: str, typed: str, near: str, again: str
) -> None:
    cli("write", "-x", written)
    said = _said(cli("search", typed))
    assert f"did you mean '{near}' (`peerjournal search {again}`)?" in said
    assert cli("search", *again.split()).stdout.startswith("#1 ")


# -- 5. drafts on a fixed clock ---------------------------------------------------------------


def test_drafts_lists_a_kept_draft_on_the_app_s_clock(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("write", "--stdin", input=b"a\x00b")
    assert cli("drafts").stdout.startswith("  1  2026-11-20 18:30  just now  ")
    [row] = json.loads(cli("drafts", "--json").stdout)
    assert (row["modified"], row["age"]) == ("2026-11-20T18:30:00+00:00", "just now")
    _at(monkeypatch, "2026-11-21T09:00:00+00:00")  # (its age: how long ago its file changed)
    path = Path(row["path"])
    os.utime(path, (path.stat().st_atime, path.stat().st_mtime - 3 * 3600))
    assert cli("drafts").stdout.startswith("  1  2026-11-20 18:30  3 hours ago  ")


# -- 6. import of UTF-16 ----------------------------------------------------------------------


def test_import_says_a_file_was_read_as_utf_16(cli: CLI, tmp_path: Path) -> None:
    file = tmp_path / "notes.json"
    records = [{"date": "2026-11-01", "experience": "Café talk with a peer."}]
    file.write_bytes(json.dumps(records, ensure_ascii=False).encode("utf-16"))
    note = (f"{file} is not UTF-8: it was read as UTF-16, as its byte order mark says, so its "
            "letters are kept; check them in the imported entries.")
    result = cli("import", str(file), "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["notes"] == [note]
    assert note in _said(result)
    assert json.loads(cli("show", "1", "--json").stdout)["experience"].startswith("Café")


# -- 7. a journal file that cannot be read ----------------------------------------------------


def test_a_journal_file_its_permissions_keep_closed_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(chmod 000 as a user that is not root: os.access says no, as it does then)"""
    journal = tmp_path / "journal.db"
    unable = sqlite3.OperationalError("unable to open database file")
    assert "check that the folder exists" in engine.describe_error(journal, unable)
    journal.write_bytes(b"")
    allowed = engine.os.access
    monkeypatch.setattr(engine.os, "access", lambda path, mode, **kw: Path(path) != journal and (
        allowed(path, mode, **kw)))
    said = engine.describe_error(journal, unable)
    assert said == (f"Cannot open the journal at {journal}: the file's permissions do not let "
                    f"you read and write it (make them so: `chmod u+rw {journal}`).")

"""Text that is not UTF-8 (bytes another program wrote), round 28: `--tag` and `--setting`
filter beside a stored tag or setting holding such bytes; the people list and supervision
records read with U+FFFD and say how to correct them, while an export refuses a people list
it cannot read as written; `edit` does not tell the writer to edit the entry being edited."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, not_utf8_warning

Add = Callable[..., int]
WARD = "CAST(X'77617264ff' AS TEXT)"  # "ward" and a byte that is not UTF-8 after it


def damage(isolated: Path, sql: str, *params: Any) -> None:
    with sqlite3.connect(isolated / "journal.db") as conn:
        conn.execute(sql, params)


def found(cli: CLI, *args: str) -> tuple[list[int], str]:
    result = cli("list", "--json", "--limit", "0", *args)
    assert result.exit_code == 0, result.stderr
    return [e["id"] for e in json.loads(result.stdout)], result.stderr


# -- --tag and --setting -------------------------------------------------------------------


@pytest.fixture
def wards(add: Add, isolated: Path) -> list[int]:
    """Three entries: the first's tag "ward" and the second's setting "ward" hold a byte
    that is not UTF-8 after the word."""
    ids = [add("One.", "-s", "ward", "-t", "ward,calm"), add("Two.", "-s", "ward", "-t", "ward"),
           add("Three.", "-s", "crisis", "-t", "other")]
    damage(isolated, f"UPDATE entry_tag SET tag = {WARD} WHERE entry_id = ? AND tag = 'ward'",
           ids[0])
    damage(isolated, f"UPDATE entry SET setting = {WARD} WHERE id = ?", ids[1])
    return ids


def test_a_tag_filter_reads_past_a_stored_tag_that_is_not_utf8(cli: CLI,
                                                             wards: list[int]) -> None:
    one, two, three = wards
    # (its setting is the damaged one)
    assert found(cli, "--tag", "ward") == ([two], not_utf8_warning(two))
    assert found(cli, "--tag", "calm") == ([one], not_utf8_warning(one))
    assert found(cli, "--tag", "other") == ([three], "")


def test_a_setting_filter_reads_past_a_stored_setting_that_is_not_utf8(
    cli: CLI, wards: list[int]
) -> None:
    one, two, three = wards
    # (its tag is the damaged one)
    assert found(cli, "--setting", "ward") == ([one], not_utf8_warning(one))
    assert found(cli, "--setting", "WARD\ufffd") == ([two], not_utf8_warning(two))
    assert found(cli, "--setting", "crisis") == ([three], "")


def test_search_and_report_filter_the_same_way(cli: CLI, wards: list[int]) -> None:
    hits = cli("search", "--json", "One", "--tag", "calm")
    assert hits.exit_code == 0 and hits.stderr == not_utf8_warning(wards[0])
    assert [h["id"] for h in json.loads(hits.stdout)] == [wards[0]]
    report = cli("report", "--json", "--setting", "ward")  # (reads no tags: nothing to tell)
    assert report.exit_code == 0 and report.stderr == ""
    shown = cli("show", str(wards[1]))
    assert shown.exit_code == 0 and "ward\ufffd" in shown.stdout


# -- the people list -------------------------------------------------------------------------

PEOPLE_TOLD = (
    "'Mari\ufffd' on the people list holds text that is not UTF-8 (written by another "
    "program?), shown with U+FFFD marks in its place: correct it with `peerjournal people "
    "remove NAME` (the name as shown) and `peerjournal people add NAME` (--alias TEXT for an "
    "alias).\n"
)
PEOPLE_REFUSED = (
    "peerjournal: The people list holds text that is not UTF-8 (written by another program?), "
    "so not every name on it can be replaced: correct it first (`peerjournal people list` "
    "shows how).\n"
)


@pytest.fixture
def maria(cli: CLI, add: Add, isolated: Path) -> int:
    """An entry naming Maria, listed as a person whose stored name then lost its last letter
    to a byte that is not UTF-8; Sam listed as well."""
    entry = add("I sat with Maria today.", "--share")
    for name in ("Maria", "Sam"):
        assert cli("people", "add", name).exit_code == 0
    damage(isolated, "UPDATE person SET name = CAST(X'4d617269ff' AS TEXT) WHERE name = 'Maria'")
    return entry


def test_people_list_shows_the_name_and_how_to_correct_it(cli: CLI, maria: int) -> None:
    result = cli("people", "list", "--json")
    assert result.exit_code == 0 and result.stderr == PEOPLE_TOLD
    assert [p["name"] for p in json.loads(result.stdout)] == ["Mari\ufffd", "Sam"]


def test_an_export_refuses_a_people_list_it_cannot_read(cli: CLI, maria: int,
                                                        tmp_path: Path) -> None:
    out = tmp_path / "summary.md"
    result = cli("export", "--yes", "-o", str(out))
    assert (result.exit_code, result.stderr) == (1, PEOPLE_REFUSED)
    assert not out.exists()


def test_the_people_commands_correct_the_name(cli: CLI, maria: int, tmp_path: Path,
                                              isolated: Path) -> None:
    removed = cli("people", "remove", "Mari\ufffd")
    assert removed.exit_code == 0 and removed.stderr.startswith(PEOPLE_TOLD)
    assert cli("people", "add", "Maria").exit_code == 0
    with sqlite3.connect(isolated / "journal.db") as conn:
        names = [n for (n,) in conn.execute("SELECT name FROM person ORDER BY name")]
    assert names == ["Maria", "Sam"]
    out = tmp_path / "summary.md"
    assert cli("export", "--yes", "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "[person]" in text and "Maria" not in text


def test_a_damaged_alias_is_corrected_by_giving_it_again(cli: CLI, add: Add,
                                                         isolated: Path) -> None:
    assert cli("people", "add", "Robert", "--alias", "R.").exit_code == 0
    damage(isolated, "UPDATE person SET alias = CAST(X'52ff' AS TEXT)")
    listed = cli("people", "list", "--json")
    assert listed.exit_code == 0 and "'Robert' on the people list holds" in listed.stderr
    assert json.loads(listed.stdout)[0]["alias"] == "R\ufffd"
    assert cli("export", "--yes", "-o", str(isolated / "s.md")).stderr == PEOPLE_REFUSED
    assert cli("people", "add", "Robert", "--alias", "R.").exit_code == 0
    listed = cli("people", "list", "--json")
    assert listed.stderr == "" and json.loads(listed.stdout)[0]["alias"] == "R."


def test_a_full_backup_keeps_the_name_as_read(cli: CLI, maria: int) -> None:
    backup = cli("export", "--full", "--format", "json")
    assert backup.exit_code == 0 and PEOPLE_TOLD in backup.stderr
    people = json.loads(backup.stdout)["people"]
    assert [p["name"] for p in people] == ["Mari\ufffd", "Sam"]


# -- supervision ------------------------------------------------------------------------------


def test_a_supervision_note_that_is_not_utf8_reads_with_its_remedy(cli: CLI,
                                                                   isolated: Path) -> None:
    assert cli("supervision", "done", "--note", "good talk").exit_code == 0
    damage(isolated, "UPDATE supervision SET note = CAST(X'676f6f64ff' AS TEXT)")
    history = cli("supervision", "history", "--json")
    assert history.exit_code == 0
    assert history.stderr == (
        "Supervision 1 holds text that is not UTF-8 (written by another program?), shown "
        "with U+FFFD marks in its place: correct it by removing the record (`peerjournal "
        "supervision undo 1`) and recording it again (`peerjournal supervision done` with its "
        "--date and --note).\n")
    assert [s["note"] for s in json.loads(history.stdout)["supervisions"]] == ["good\ufffd"]
    assert cli("supervision", "undo", "1", "--yes").exit_code == 0
    assert cli("supervision", "history", "--json").stderr == ""


def test_a_damaged_supervision_date_is_one_line(cli: CLI, isolated: Path) -> None:
    assert cli("supervision", "done").exit_code == 0
    damage(isolated, "UPDATE supervision SET date = CAST(X'32303236ff' AS TEXT)")
    history = cli("supervision", "history")
    assert history.exit_code == 4 and "Traceback" not in history.stderr
    assert history.stderr.splitlines()[-1].startswith(
        "peerjournal: Supervision 1 in the journal is damaged: its date cannot be read.")


# -- edit --------------------------------------------------------------------------------------


def test_edit_does_not_tell_to_edit_the_entry_it_edits(
    cli: CLI, add: Add, isolated: Path, edits: Callable[..., None]
) -> None:
    entry = add("First draft.")
    damage(isolated, "UPDATE entry SET experience = CAST(X'4669727374ff' AS TEXT) WHERE id = ?",
           entry)
    edits(("First\ufffd", "First, corrected."))
    result = cli("edit", str(entry))
    assert (result.exit_code, result.stderr) == (0, f"Updated entry {entry}.\n")
    with sqlite3.connect(isolated / "journal.db") as conn:
        (stored,) = conn.execute("SELECT CAST(experience AS BLOB) FROM entry WHERE id = ?",
                                 (entry,)).fetchone()
    assert stored.decode() == "First, corrected."
    assert found(cli) == ([entry], "")


def test_removing_one_of_two_damaged_spellings_does_not_say_the_other_replaces_it(
    cli: CLI, isolated: Path
) -> None:
    """QA: with two rows both read as "Priya\ufffd", removing one said the other "still
    replaces" the name, while exports refuse until both are put right."""
    for name in ("Priyaa", "Priyab"):
        assert cli("people", "add", name).exit_code == 0
    damage(isolated, "UPDATE person SET name = CAST(X'5072697961ff' AS TEXT)"
                     " WHERE name = 'Priyaa'")
    damage(isolated, "UPDATE person SET name = CAST(X'5072697961fe' AS TEXT)"
                     " WHERE name = 'Priyab'")
    removed = cli("people", "remove", "Priya\ufffd", "--json")
    assert removed.exit_code == 0
    assert json.loads(removed.stdout)["still_replaced_by"] == []
    assert "on the people list holds text that is not UTF-8" in removed.stderr

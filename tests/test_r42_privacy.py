"""Round 42, a shared office computer: an editor's recovery files are named, listed and removed
with their draft; `trash --empty` names the copies an upgrade kept; peerjournal promises what it
does, not where the file lives; `people add` without the shell's history; removed names and
notes are wiped from the file on any SQLite build."""

from __future__ import annotations

import json
import sqlite3
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI

WORDS = "Mo Blackwood cried in the car park."


def said(result: Any) -> str:
    return " ".join(result.stderr.split())


def use_editor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, body: str) -> None:
    """$EDITOR: a Python script, `body`, with `path` the file it is given."""
    script = tmp_path / f"editor{len(list(tmp_path.glob('editor*')))}.py"
    script.write_text("import os, signal, sys\npath = sys.argv[-1]\n" + textwrap.dedent(body),
                      encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")


# vim killed by a closed terminal: its swap file beside the file, holding the words typed
VIM_HUNG_UP = f"""
    folder, name = os.path.split(path)
    with open(os.path.join(folder, "." + name + ".swp"), "w") as swap:
        swap.write("b0VIM 9.0 {WORDS}")
    os.kill(os.getpid(), signal.SIGHUP)
"""
# nano killed so: the text in NAME.save
NANO_HUNG_UP = f"""
    with open(path + ".save", "w") as save:
        save.write(open(path).read() + "{WORDS}")
    os.kill(os.getpid(), signal.SIGHUP)
"""


def holding_words(home: Path) -> list[str]:
    return sorted(str(p.relative_to(home)) for p in home.rglob("*")
                  if p.is_file() and b"Blackwood" in p.read_bytes())


def test_an_interrupted_write_editor_names_vims_recovery_file_and_keeps_the_draft(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_editor(monkeypatch, tmp_path, VIM_HUNG_UP)
    result = cli("write", "--editor")
    assert result.exit_code == 130
    [draft] = (isolated / "drafts").glob("*.md")
    swap = draft.with_name(f".{draft.name}.swp")
    message = said(result)
    assert "Nothing was typed" not in message
    assert (f"The editor left a recovery file beside {draft} that may hold words you typed and "
            f"did not save: {swap}.") in message
    assert f"vim offers to recover them (or `vim -r {draft}`)" in message
    assert "`peerjournal drafts --discard 1` discards it with the draft." in message
    # listed, never forgotten; --discard-empty leaves it
    listed = cli("drafts")
    assert "(words only in the editor's recovery file)" in listed.stdout
    assert f"Draft 1: The editor left a recovery file beside {draft}" in said(listed)
    assert json.loads(cli("drafts", "--json").stdout)[0]["recovery"] == [str(swap)]
    assert "No draft to discard." in cli("drafts", "--discard-empty").stderr
    assert swap.exists()
    # discarded with its draft
    assert cli("drafts", "--discard", "1", "--yes").exit_code == 0
    assert holding_words(isolated) == [] and not draft.exists()


def test_nanos_save_file_is_named_as_plain_text(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_editor(monkeypatch, tmp_path, NANO_HUNG_UP)
    result = cli("write", "--editor")
    assert result.exit_code == 130
    [draft] = (isolated / "drafts").glob("*.md")
    assert f"may hold words you typed and did not save: {draft}.save." in said(result)
    assert ("Open it to copy them back (`peerjournal write --resume` opens the draft again); "
            "`peerjournal drafts --discard 1` discards it with the draft.") in said(result)


def test_an_editor_stopped_without_a_recovery_file_still_says_nothing_was_typed(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_editor(monkeypatch, tmp_path, "os.kill(os.getpid(), signal.SIGHUP)\n")
    result = cli("write", "--editor")
    assert result.exit_code == 130
    assert "Nothing was typed, so no draft was kept." in said(result)
    assert not list((isolated / "drafts").iterdir())


def test_saving_the_draft_removes_the_editors_side_files_and_only_those(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_editor(monkeypatch, tmp_path, VIM_HUNG_UP)
    cli("write", "--editor")
    [draft] = (isolated / "drafts").glob("*.md")
    folder = draft.parent
    sides = [folder / f".{draft.name}.swo", folder / f"{draft.name}~",
             folder / f"#{draft.name}#", folder / f"{draft.name}.save.1"]
    for side in sides:
        side.write_text(WORDS)
    (folder / f".#{draft.name}").symlink_to("user@host.1234")  # emacs's lock: a dangling link
    others = [folder / "notes.txt.swp", folder / f".{draft.name}.swp.txt", tmp_path / "x.md~"]
    for other in others:
        other.write_text("not peerjournal's")
    use_editor(monkeypatch, tmp_path, f"""
        text = open(path).read().replace("## Experience\\n", "## Experience\\n{WORDS}\\n", 1)
        open(path, "w").write(text)
    """)
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert sorted(folder.iterdir()) == sorted(others[:2])
    assert others[2].exists()


def test_an_interrupted_edit_keeps_its_recovery_file_and_trash_empty_destroys_it(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("write", "-x", "Kai talked about his brother.").exit_code == 0
    use_editor(monkeypatch, tmp_path, VIM_HUNG_UP)
    result = cli("edit", "1")
    assert result.exit_code == 130
    [kept] = (isolated / "drafts" / "edits").glob("*.md")
    assert f"The editor left a recovery file beside {kept}" in said(result)
    assert "`peerjournal edit 1` opens the edit again and vim offers to recover them" in said(
        result)
    assert holding_words(isolated) == [f"drafts/edits/.{kept.name}.swp"]
    assert cli("delete", "1").exit_code == 0
    emptied = cli("trash", "--empty", "--yes")
    assert "Destroyed 1 entry, and 1 unsaved edit of it." in said(emptied)
    assert holding_words(isolated) == []


def test_drafts_names_a_recovery_file_whose_draft_is_gone(cli: CLI, isolated: Path) -> None:
    folder = isolated / "drafts" / "edits"
    folder.mkdir(parents=True)
    orphan = folder / ".entry-1-20261101-100000.md.swp"
    orphan.write_text(WORDS)
    result = cli("drafts")
    assert "There are no unfinished drafts." in said(result)
    assert (f"An editor's recovery file is left in the drafts folder with no draft: {orphan}. It "
            "may hold words never saved") in said(result)
    assert orphan.exists()


# -- trash --empty and the copies an upgrade kept ---------------------------------------------


def test_trash_empty_names_the_copy_an_upgrade_kept(cli: CLI, isolated: Path) -> None:
    assert cli("write", "-x", WORDS).exit_code == 0
    copy = isolated / "journal.db.backup-20261201T080000"
    copy.write_bytes((isolated / "journal.db").read_bytes())
    assert cli("delete", "1").exit_code == 0
    result = cli("trash", "--empty", "--yes")
    assert result.exit_code == 0
    assert said(result) == (
        f"Destroyed 1 entry. A copy of the journal kept by an upgrade may still hold it: {copy}; "
        "deleting it (once you are happy with this version of peerjournal) removes that text "
        "for good."
    )
    assert copy.exists()


def test_trash_empty_without_upgrade_copies_says_only_what_it_did(cli: CLI) -> None:
    assert cli("write", "-x", WORDS).exit_code == 0
    cli("delete", "1")
    assert said(cli("trash", "--empty", "--yes")) == "Destroyed 1 entry."


# -- what is promised ---------------------------------------------------------------------------


def test_the_promise_is_about_what_peerjournal_does(cli: CLI, isolated: Path) -> None:
    first = said(cli("write", "-x", WORDS))
    assert "on this computer only" not in first
    assert ("peerjournal never sends anything anywhere (a synced or shared folder is copied by "
            "its own program).") in first
    shown = " ".join(cli("--help").stdout.split())
    assert "Private: peerjournal never sends anything anywhere." in shown
    assert "nothing leaves this machine" not in shown


# -- people add, out of the shell's history ----------------------------------------------------


def names(cli: CLI) -> list[str]:
    return [p["name"] for p in json.loads(cli("people", "list", "--json").stdout)]


def test_people_add_reads_names_from_stdin(cli: CLI) -> None:
    result = cli("people", "add", "-", input="Maria Lopez\n\n  Bo Lin \n")
    assert result.exit_code == 0, result.stderr
    assert "Added Maria Lopez" in said(result) and "Added Bo Lin" in said(result)
    assert names(cli) == ["Bo Lin", "Maria Lopez"]
    listed = cli("people", "add", "-", "--json", input="Zed Quill\n")
    assert json.loads(listed.stdout) == [{"name": "Zed Quill", "alias": None, "added": True}]


def test_people_add_from_stdin_refuses_one_alias_for_several_and_adds_nobody(cli: CLI) -> None:
    result = cli("people", "add", "-", "--alias", "M.", input="Maria Lopez\nBo Lin\n")
    assert result.exit_code == 1
    assert "--alias is for one name, and 2 came in" in said(result)
    assert names(cli) == []
    assert "No name came in on standard input" in said(cli("people", "add", "-", input="\n"))


def test_people_add_without_a_name_asks_at_a_terminal_only(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    monkeypatch.setattr("builtins.input", lambda: "Maria Lopez")
    result = cli("people", "add")
    assert result.exit_code == 0
    assert "it stays out of your shell's history" in result.stderr
    assert names(cli) == ["Maria Lopez"]


def test_people_add_without_a_name_and_no_terminal_says_how(cli: CLI) -> None:
    result = cli("people", "add", input="")
    assert result.exit_code == 2
    assert "`-` to read names from standard input" in said(result)


def test_people_add_help_mentions_the_shells_history(cli: CLI) -> None:
    shown = " ".join(cli("people", "add", "--help").stdout.split())
    assert "A name typed on the command line is kept in your shell's history" in shown


# -- removed names and notes wiped on an SQLite built without SECURE_DELETE -------------------


def test_removed_names_and_notes_leave_no_trace_without_secure_delete(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = sqlite3.connect

    def without_secure_delete(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = real(*args, **kwargs)
        conn.execute("PRAGMA secure_delete = OFF")  # (sqlite.org's default build)
        return conn

    monkeypatch.setattr(sqlite3, "connect", without_secure_delete)
    assert cli("people", "add", "Zephyrina Quillfeather").exit_code == 0
    assert cli("write", "-x", "A calm day.").exit_code == 0
    assert cli("supervision", "done", "--note", "talked about section 136").exit_code == 0
    assert cli("people", "remove", "Zephyrina Quillfeather").exit_code == 0
    assert cli("supervision", "undo", "--yes").exit_code == 0
    data = b"".join(p.read_bytes() for p in isolated.glob("journal.db*"))
    assert b"Zephyrina" not in data and b"section 136" not in data


# -- Windows-1252 read the same way everywhere --------------------------------------------------


def test_text_read_as_windows_1252_is_said_in_the_shared_words() -> None:
    from peerjournal.cli.editor import read_as_windows_1252
    from peerjournal.textsafe import read_as_1252

    told: list[str] = []
    assert read_as_windows_1252(b"caf\xe9", "notes.txt", told.append) == "café"
    assert told == [read_as_1252("notes.txt", "check them in the entry")]

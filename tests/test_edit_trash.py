"""edit (flags and editor), delete, restore, trash, trash --empty."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import test_write
from conftest import CLI
from test_write import Editor

Add = Callable[..., int]
editor = test_write.editor  # the fake $EDITOR fixture


def show(cli: CLI, entry_id: int) -> dict[str, Any]:
    result = cli("show", str(entry_id), "--json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@pytest.fixture
def entry(add: Add) -> int:
    return add("We met at the library.", "--feelings", "Nervous.", "--tag", "library",
               "--setting", "community", "--date", "yesterday")


# -- edit with flags ----------------------------------------------------------------------------


def test_edit_flags_change_only_those_parts(cli: CLI, entry: int) -> None:
    before = show(cli, entry)
    result = cli("edit", str(entry), "--feelings", "Nervous, then at ease.", "--tag", "Books",
                 "--tag", "library", "--date", "3 days ago", "--mode", "in-action")
    assert result.exit_code == 0, result.stderr
    assert f"Updated entry {entry}" in result.stderr and result.stdout == ""
    after = show(cli, entry)
    assert after["feelings"] == "Nervous, then at ease."
    assert after["tags"] == ["books", "library"]
    assert (after["date"], after["mode"]) == ("2026-11-17", "in-action")
    assert after["experience"] == before["experience"]
    assert after["setting"] == before["setting"]


def test_edit_json_and_search_index_follow(cli: CLI, entry: int) -> None:
    result = cli("edit", str(entry), "-x", "We met at the museum.", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["experience"] == "We met at the museum."
    assert json.loads(cli("search", "museum", "--json").stdout)[0]["id"] == entry
    assert json.loads(cli("search", "library", "--json").stdout) == []


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["-x", "   "], "experience is empty"),
        (["--date", "tomorrow"], "in the future"),
        (["--date", "2027-01-01"], "in the future"),
        (["--mode", "later"], "on-action or in-action"),
    ],
)
def test_bad_edits_change_nothing(cli: CLI, entry: int, flags: list[str], message: str) -> None:
    before = show(cli, entry)
    result = cli("edit", str(entry), *flags)
    assert result.exit_code == 1 and message in result.stderr
    assert show(cli, entry) == before


# -- edit in the editor -------------------------------------------------------------------------


def test_editor_edit_saves_the_changes(cli: CLI, entry: int, editor: Editor) -> None:
    editor(("We met at the library.", "We met at the library, then walked."),
           ("setting: community", "setting: housing"))
    result = cli("edit", str(entry))
    assert result.exit_code == 0, result.stderr
    after = show(cli, entry)
    assert after["experience"] == "We met at the library, then walked."
    assert after["setting"] == "housing"
    assert after["feelings"] == "Nervous." and after["tags"] == ["library"]


def test_editor_unchanged_says_no_changes(cli: CLI, entry: int, editor: Editor,
                                          isolated: Path) -> None:
    before = show(cli, entry)
    editor()
    result = cli("edit", str(entry))
    assert result.exit_code == 0 and f"Entry {entry} is unchanged." in result.stderr
    assert show(cli, entry) == before
    assert not list((isolated / "drafts").rglob("*.md"))


def test_editor_that_only_touches_whitespace_or_comments_changes_nothing(
    cli: CLI, entry: int, editor: Editor
) -> None:
    before = show(cli, entry)
    editor(("We met at the library.\n", "We met at the library.   \n\n\n"),
           ("<!-- peerjournal entry.", "<!--\n   peerjournal   entry."))
    # (words typed into a comment, at its start too, are refused as typed: test_comment_words)
    result = cli("edit", str(entry))
    assert result.exit_code == 0 and f"Entry {entry} is unchanged." in result.stderr
    assert show(cli, entry) == before


def test_editor_failing_changes_nothing_and_keeps_the_edit(cli: CLI, entry: int,
                                                           editor: Editor, isolated: Path) -> None:
    before = show(cli, entry)
    editor(("We met at the library.", "A rewrite I want to keep."), exit_code=1)
    result = cli("edit", str(entry))
    assert result.exit_code == 1
    [kept] = list((isolated / "drafts").rglob("*.md"))
    assert result.stderr == (
        "peerjournal: The editor exited with status 1; nothing was saved. Your edit is kept "
        f"in {kept} (`peerjournal edit {entry}` continues it).\n"
    )
    assert show(cli, entry) == before
    assert "A rewrite I want to keep." in kept.read_text(encoding="utf-8")


def test_editor_edit_that_empties_the_experience_changes_nothing(
    cli: CLI, entry: int, editor: Editor, isolated: Path
) -> None:
    before = show(cli, entry)
    editor(("We met at the library.", ""))
    result = cli("edit", str(entry))
    assert result.exit_code == 1 and "experience is empty" in result.stderr
    assert "edit is kept" in result.stderr
    assert show(cli, entry) == before


def test_an_edit_made_elsewhere_while_the_editor_is_open_is_not_overwritten(
    cli: CLI, entry: int, tmp_path: Path, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `edit 1` open in the editor while `edit 1 --experience …` runs in another terminal: the
    # editor's save used to undo that change without a word
    test_write.editor_script(
        tmp_path,
        monkeypatch,
        "import sqlite3, sys\n"
        f"db = sqlite3.connect({str(isolated / 'journal.db')!r})\n"
        "db.execute(\"UPDATE entry SET experience = 'Changed in another terminal.', \"\n"
        "           \"updated_at = '2030-01-01T00:00:00+00:00' WHERE id = ?\", "
        f"({entry},))\n"
        "db.commit()\n"
        "path = sys.argv[1]\n"
        "text = open(path, encoding='utf-8').read()\n"
        "open(path, 'w', encoding='utf-8').write(text.replace('We met at the library.', "
        "'My rewrite in the editor.'))\n",
    )
    result = cli("edit", str(entry))
    assert result.exit_code == 1
    assert "changed elsewhere" in result.stderr and "edit is kept" in result.stderr
    assert show(cli, entry)["experience"] == "Changed in another terminal."
    [kept] = list((isolated / "drafts").rglob("*.md"))
    assert "My rewrite in the editor." in kept.read_text(encoding="utf-8")


@pytest.mark.parametrize("exit_code", [0, 1])
def test_an_editor_that_empties_the_file_keeps_no_empty_edit(
    cli: CLI, entry: int, isolated: Path, monkeypatch: pytest.MonkeyPatch, editor: Editor,
    exit_code: int,
) -> None:
    before = show(cli, entry)
    monkeypatch.setenv("EDITOR", "truncate -s 0")
    if exit_code:
        monkeypatch.setenv("EDITOR", "sh -c 'truncate -s 0 \"$1\"; exit 1' editor")
    result = cli("edit", str(entry))
    assert result.exit_code == 1
    if exit_code:  # said once: not "nothing was saved. Nothing changed."
        assert result.stderr == "peerjournal: The editor exited with status 1; nothing was saved.\n"
    else:
        assert result.stderr.endswith(" Nothing changed.\n")
    assert "kept" not in result.stderr and show(cli, entry) == before
    assert list((isolated / "drafts").rglob("*.md")) == []
    # the next edit opens the stored entry again, not the emptied file
    editor(("We met at the library.", "We met at the park."))
    result = cli("edit", str(entry))
    assert result.exit_code == 0, result.stderr
    assert "unsaved changes" not in result.stderr
    assert show(cli, entry)["experience"] == "We met at the park."


def test_editor_edit_keeps_text_that_looks_like_markdown(cli: CLI, add: Add,
                                                         editor: Editor) -> None:
    text = "Notes from the call:\n## not a section\n### nor a question\n<!-- kept -->"
    entry_id = add(text, "--prompts", "gibbs")
    cli("edit", str(entry_id), "--self-care", "tea")  # answers and texts survive flag edits
    editor(("tea", "tea and a walk"))
    result = cli("edit", str(entry_id))
    assert result.exit_code == 0, result.stderr
    after = show(cli, entry_id)
    assert after["experience"] == text
    assert after["self_care"] == "tea and a walk"


def test_editor_edit_of_an_entry_from_an_unknown_prompt_set(cli: CLI, tmp_path: Path,
                                                             editor: Editor) -> None:
    source = tmp_path / "old.txt"
    source.write_text("[2025-03-01 09:00] Title line\nBody about @work.\n", encoding="utf-8")
    assert cli("import", str(source)).exit_code == 0
    editor(("Body about @work.", "Body about @work, edited."))
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    after = show(cli, 1)
    assert after["experience"] == "Title line\nBody about @work, edited."
    assert after["prompt_set"] == "jrnl" and after["tags"] == ["work"]


# -- delete, restore, trash -------------------------------------------------------------------


def live_ids(cli: CLI) -> list[int]:
    return [e["id"] for e in json.loads(cli("list", "--json").stdout)]


def test_delete_moves_to_the_trash_and_restore_brings_it_back(cli: CLI, entry: int,
                                                              add: Add) -> None:
    other = add("Another day.")
    result = cli("delete", str(entry))
    assert result.exit_code == 0 and "trash" in result.stderr
    assert live_ids(cli) == [other]
    assert cli("show", str(entry)).exit_code == 3
    trash = json.loads(cli("trash", "--json").stdout)
    assert [e["id"] for e in trash] == [entry] and trash[0]["deleted_at"]
    assert "We met at the library" in cli("trash").stdout
    assert cli("restore", str(entry)).exit_code == 0
    assert sorted(live_ids(cli)) == sorted([entry, other])
    assert json.loads(cli("trash", "--json").stdout) == []


def test_delete_twice_and_restore_live_are_done_already(cli: CLI, entry: int) -> None:
    """(round 44: a repeat exits 0, saying so, as `share` twice does; was exit 3)"""
    restore = cli("restore", str(entry))
    assert restore.exit_code == 0
    assert f"Entry {entry} is already in the journal, not in the trash" in restore.stderr
    cli("delete", str(entry))
    again = cli("delete", str(entry))
    assert again.exit_code == 0
    assert f"Entry {entry} is already in the trash (`peerjournal restore {entry}`" in again.stderr
    missing = cli("delete", "99")
    assert missing.exit_code == 3 and "No entry 99" in missing.stderr


@pytest.mark.parametrize("command", [["show"], ["edit", "--feelings", "Calmer."]])
def test_a_trashed_entry_says_it_is_in_the_trash(cli: CLI, entry: int,
                                                 command: list[str]) -> None:
    cli("delete", str(entry))
    result = cli(*command, str(entry))
    assert result.exit_code == 3
    assert f"Entry {entry} is in the trash: `peerjournal restore {entry}` brings it back." in (
        result.stderr
    )
    assert cli("restore", str(entry)).exit_code == 0
    assert show(cli, entry)["feelings"] == "Nervous."  # the edit of a trashed entry: no change


def test_empty_trash_with_yes_destroys_only_the_trash(cli: CLI, entry: int, add: Add,
                                                      isolated: Path) -> None:
    keep = add("Keep me.", "--tag", "library")
    cli("delete", str(entry))
    result = cli("trash", "--empty", "--yes")
    assert result.exit_code == 0 and "Destroyed 1 entry." in result.stderr
    assert live_ids(cli) == [keep]
    assert cli("restore", str(entry)).exit_code == 3
    assert json.loads(cli("search", "library", "--json").stdout) == []
    with sqlite3.connect(isolated / "journal.db") as conn:
        assert conn.execute("SELECT count(*) FROM entry_tag").fetchone() == (1,)


def test_empty_trash_asks_first(cli: CLI, entry: int) -> None:
    cli("delete", str(entry))
    declined = cli("trash", "--empty", input="n\n")
    assert declined.exit_code == 1
    assert "for good?" in declined.stderr and "Nothing destroyed" in declined.stderr
    assert [e["id"] for e in json.loads(cli("trash", "--json").stdout)] == [entry]
    confirmed = cli("trash", "--empty", input="y\n")
    assert confirmed.exit_code == 0 and "Destroyed 1" in confirmed.stderr
    assert json.loads(cli("trash", "--json").stdout) == []


def test_empty_trash_when_empty(cli: CLI) -> None:
    result = cli("trash", "--empty")
    assert result.exit_code == 0 and "already empty" in result.stderr
    assert "trash is empty" in cli("trash").stderr


def test_a_setting_typed_over_two_lines_stays_editable(cli: CLI, add: Add,
                                                       editor: Editor) -> None:
    entry_id = add("A visit.", "--setting", "community\nhousing team")
    assert show(cli, entry_id)["setting"] == "community housing team"
    editor(("A visit.", "A home visit."))
    assert cli("edit", str(entry_id)).exit_code == 0
    assert show(cli, entry_id)["experience"] == "A home visit."


def test_edit_tag_empty_removes_every_tag(cli: CLI, entry: int) -> None:
    # There was no way to remove the last tag without the editor: --tag '' was "not usable".
    result = cli("edit", str(entry), "--tag", "")
    assert result.exit_code == 0, result.stderr
    assert show(cli, entry)["tags"] == []
    assert cli("edit", str(entry), "--tag", "", "--tag", "Night").exit_code == 0
    assert show(cli, entry)["tags"] == ["night"]
    assert "library" not in cli("tags").stdout

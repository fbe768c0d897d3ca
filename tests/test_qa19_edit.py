"""Round 19: edit, trash and import, as a writer meets them.

1. `edit` in the editor refuses words typed into one of the template's comments (they were
   dropped without a sign) and keeps the edit, as `write --editor` does.
2. `trash` on a narrow terminal keeps some of the experience beside when it was trashed.
3. Ctrl-C at a [y/N] question ends the question's line before "Interrupted.".
4. A backup restored after an entry was deleted does not bring it back as a second copy.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, GUIDE

Add = Callable[..., int]

# -- 1. words typed into a comment while editing ------------------------------------------------

WORDS = "He cried on the bench and I stayed with him."
STORED = "We met at the library."


def kept_edits(home: Path) -> list[Path]:
    folder = home / "drafts" / "edits"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def experience(cli: CLI, entry_id: int) -> str:
    result = cli("show", str(entry_id), "--json")
    assert result.exit_code == 0, result.stderr
    text: str = json.loads(result.stdout)["experience"]
    return text


def test_edit_refuses_words_typed_inside_a_guidance_comment_and_keeps_them(
    cli: CLI, add: Add, edits: Any, isolated: Path
) -> None:
    # Before: the words were ignored, the edit read as "No changes." and the file was deleted.
    entry_id = add(STORED)
    edits((GUIDE, f"{GUIDE}\n{WORDS}"))
    result = cli("edit", str(entry_id))
    assert result.exit_code == 1
    [kept] = kept_edits(isolated)
    assert result.stderr == (
        "peerjournal: Line 12: some of your text is inside a <!-- … --> comment, where it is "
        "ignored: move it below the comment's -->. Nothing was saved. Your edit is kept in "
        f"{kept} (`peerjournal edit {entry_id}` continues it).\n"
    )
    assert kept.read_text(encoding="utf-8").split("\n")[11] == WORDS
    assert experience(cli, entry_id) == STORED
    edits()  # continued and closed unchanged: refused again, still kept
    again = cli("edit", str(entry_id))
    assert again.exit_code == 1 and "Line 12: some of your text" in again.stderr
    assert kept_edits(isolated) == [kept]
    edits((f"\n{WORDS}", ""), (STORED, f"{STORED} {WORDS}"))  # moved below the comment
    saved = cli("edit", str(entry_id))
    assert saved.exit_code == 0, saved.stderr
    assert experience(cli, entry_id) == f"{STORED} {WORDS}"
    assert kept_edits(isolated) == []


def test_edit_refuses_words_in_a_comment_beside_other_changes(
    cli: CLI, add: Add, edits: Any, isolated: Path
) -> None:
    entry_id = add(STORED)
    edits((GUIDE, f"{GUIDE} and he cried"), (STORED, "We met at the museum."))
    result = cli("edit", str(entry_id))
    assert result.exit_code == 1 and "Line 11: some of your text" in result.stderr
    assert experience(cli, entry_id) == STORED  # not saved without the words
    assert len(kept_edits(isolated)) == 1


def test_tidying_the_guidance_away_in_edit_is_still_an_edit(
    cli: CLI, add: Add, edits: Any, isolated: Path
) -> None:
    entry_id = add(STORED)
    edits((f"     - Walk through it: {GUIDE}\n", ""), (STORED, "We met at the museum."))
    result = cli("edit", str(entry_id))
    assert result.exit_code == 0, result.stderr
    assert experience(cli, entry_id) == "We met at the museum."
    assert kept_edits(isolated) == []


# -- 2. the trash on a narrow terminal ----------------------------------------------------------

LONG = "The housing panel was cancelled again today and Dee was furious about it."


# r36: at 60 columns the table would leave out the setting and tag: a block instead (was True)
@pytest.mark.parametrize(("columns", "table"), [("100", True), ("60", False), ("40", False)])
def test_trash_keeps_some_of_the_experience_on_a_narrow_terminal(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch, columns: str, table: bool
) -> None:
    # Before, at 60 columns: one "Trashed" column holding "2026-11-20  …": no text at all.
    gone = add(LONG, "--setting", "housing", "--tag", "panel")
    assert cli("delete", str(gone)).exit_code == 0
    monkeypatch.setenv("COLUMNS", columns)
    result = cli("trash")
    assert result.exit_code == 0, result.stderr
    lines = [line.rstrip() for line in result.stdout.splitlines() if line.strip()]
    assert all(len(line) <= int(columns) for line in lines)
    if table:
        heading = lines[0].split()
        assert heading[heading.index("Drift"):] == ["Drift", "Trashed", "Experience"]
        row = lines[2].split()
        assert row[:2] == [str(gone), "2026-11-20"] and "2026-11-20" in row[2:]
        assert "The housing" in lines[2]
    else:  # a block: the entry, then when it was trashed and what it says
        assert lines[0].split()[:2] == [str(gone), "2026-11-20"]
        assert lines[1] == "  housing  #panel"  # r36: its setting and tag, not left out
        assert " ".join(" ".join(lines[2:]).split()).startswith(
            "trashed 2026-11-20 The housing panel")


# -- 3. Ctrl-C at a [y/N] question --------------------------------------------------------------


@pytest.fixture
def ctrl_c(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(prompt: str = "") -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(builtins, "input", interrupted)


def test_ctrl_c_at_empty_the_trash_ends_the_question_line(
    cli: CLI, add: Add, ctrl_c: None
) -> None:
    assert cli("delete", str(add(STORED))).exit_code == 0
    result = cli("trash", "--empty")
    assert result.exit_code == 130
    assert result.stderr == "Destroy 1 entry for good? [y/N] \npeerjournal: Interrupted.\n"
    assert len(json.loads(cli("trash", "--json").stdout)) == 1  # nothing destroyed


def test_ctrl_c_at_supervision_undo_ends_the_question_line(cli: CLI, ctrl_c: None) -> None:
    assert cli("supervision", "done", "--note", "Handovers").exit_code == 0
    result = cli("supervision", "undo")
    assert result.exit_code == 130
    question, message = result.stderr.split("\n")[:2]
    assert question.startswith("Remove ") and question.endswith("? [y/N] ")
    assert message == "peerjournal: Interrupted."
    assert len(json.loads(cli("supervision", "history", "--json").stdout)["supervisions"]) == 1


# -- 4. restoring a backup after deleting an entry ----------------------------------------------


def test_a_backup_does_not_bring_back_a_trashed_entry_as_a_second_copy(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    kept_id = add("We walked to the housing office together.")
    gone_id = add(STORED)
    backup = tmp_path / "backup.json"
    assert cli("export", "--full", "-o", str(backup)).exit_code == 0
    assert cli("delete", str(gone_id)).exit_code == 0
    dry = cli("import", "--dry-run", str(backup))
    assert dry.exit_code == 0, dry.stderr
    assert dry.stderr == (
        "Would import no entries (peerjournal backup). 1 entry already in the journal would "
        f"be skipped. 1 entry in the trash would be skipped: `peerjournal restore {gone_id}` "
        "brings it back. Nothing was changed (--dry-run).\n"
    )
    result = cli("import", str(backup))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1] == (
        "Imported no entries (peerjournal backup). Skipped 1 entry already in the journal. "
        f"Skipped 1 entry in the trash: `peerjournal restore {gone_id}` brings it back."
    )
    assert [e["id"] for e in json.loads(cli("list", "--json").stdout)] == [kept_id]
    assert [e["id"] for e in json.loads(cli("trash", "--json").stdout)] == [gone_id]
    assert cli("restore", str(gone_id)).exit_code == 0  # the hint works: one copy of each
    listed = json.loads(cli("list", "--json").stdout)
    assert sorted(e["experience"] for e in listed) == sorted(
        [STORED, "We walked to the housing office together."])


def test_several_trashed_entries_are_named_and_new_ones_still_import(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    ids = [add(f"Entry number {n}.") for n in range(1, 4)]
    backup = tmp_path / "backup.json"
    assert cli("export", "--full", "-o", str(backup)).exit_code == 0
    for entry_id in ids:
        assert cli("delete", str(entry_id)).exit_code == 0
    assert cli("trash", "--empty", "--yes").exit_code == 0  # destroyed: these come back
    assert cli("import", str(backup)).exit_code == 0
    for entry_id in ids[:2]:
        assert cli("delete", str(entry_id)).exit_code == 0
    dry = cli("import", "--dry-run", str(backup))
    assert ("1 entry already in the journal would be skipped. 2 entries in the trash would be "
            "skipped: `peerjournal restore ID` brings one back (IDs 1–2).") in dry.stderr
    result = cli("import", str(backup))
    assert "Skipped 2 entries in the trash: `peerjournal restore ID` brings one back " \
        "(IDs 1–2)." in result.stderr
    assert len(json.loads(cli("list", "--json").stdout)) == 1
    assert len(json.loads(cli("trash", "--json").stdout)) == 2


# -- 5. options given while an editor edit of the entry is kept ---------------------------------


def test_options_are_refused_while_an_earlier_edit_is_kept_and_fresh_drops_it(
    cli: CLI, add: Add, edits: Any, isolated: Path
) -> None:
    # Before: `edit ID --feelings …` was saved, and continuing the kept edit later put the
    # old feelings back without a word.
    entry_id = add(STORED)
    edits(("date: 2026-11-20", "date: 2027-11-20"), (STORED, "We met at the museum."))
    assert cli("edit", str(entry_id)).exit_code == 1  # a date in the future: kept
    [kept] = kept_edits(isolated)
    result = cli("edit", str(entry_id), "--feelings", "Calm by the end.")
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: Entry {entry_id} has unsaved changes from an earlier edit (kept in "
        f"{kept}), which would undo this change once saved: continue them with "
        f"`peerjournal edit {entry_id}`, or add --fresh to drop them and make this change. "
        "Nothing changed.\n"
    )
    assert json.loads(cli("show", str(entry_id), "--json").stdout)["feelings"] == ""
    assert kept_edits(isolated) == [kept]
    bad = cli("edit", str(entry_id), "--feelings", "Calm.", "--date", "tomorrow", "--fresh")
    assert bad.exit_code == 1 and kept_edits(isolated) == [kept]  # nothing saved: still kept
    result = cli("edit", str(entry_id), "--feelings", "Calm by the end.", "--fresh")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        f"Discarded the unsaved changes to entry {entry_id}.\nUpdated entry {entry_id}.\n")
    assert kept_edits(isolated) == []
    edits((STORED, "We met at the park."))  # the next editor edit starts from the stored entry
    assert cli("edit", str(entry_id)).exit_code == 0
    stored = json.loads(cli("show", str(entry_id), "--json").stdout)
    assert (stored["experience"], stored["feelings"]) == ("We met at the park.",
                                                          "Calm by the end.")


# -- 6. emptying the trash leaves no kept edit of what it destroyed -----------------------------


def test_emptying_the_trash_discards_the_unsaved_edits_of_what_it_destroyed(
    cli: CLI, add: Add, edits: Any, isolated: Path
) -> None:
    # Before: the edit kept after a failed save still held the destroyed entry's words.
    gone, kept_id = add(STORED), add("We walked to the housing office.")
    for entry_id, words in ((gone, STORED), (kept_id, "We walked to the housing office.")):
        edits(("date: 2026-11-20", "date: 2027-11-20"), (words, f"{words} Private words."))
        assert cli("edit", str(entry_id)).exit_code == 1
    assert len(kept_edits(isolated)) == 2
    assert cli("delete", str(gone)).exit_code == 0
    result = cli("trash", "--empty", "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "Destroyed 1 entry, and 1 unsaved edit of it.\n"
    [left] = kept_edits(isolated)
    assert left.name.startswith(f"entry-{kept_id}-")  # another entry's edit is left alone
    held = [f.read_text(encoding="utf-8") for f in (isolated / "drafts").rglob("*.md")]
    assert not any(STORED in text for text in held)


# -- 7. the prompts: line in edit ---------------------------------------------------------------


def test_edit_refuses_a_changed_prompt_set_rather_than_ignore_it(
    cli: CLI, add: Add, edits: Any, isolated: Path
) -> None:
    # Before: "Updated entry 1." and the entry still had the 'boud' set (and its new text was
    # saved with the change silently dropped).
    entry_id = add(STORED)
    edits(("prompts: boud", "prompts: gibbs"), (STORED, "We met at the museum."))
    result = cli("edit", str(entry_id))
    assert result.exit_code == 1
    [kept] = kept_edits(isolated)
    assert result.stderr == (
        "peerjournal: An entry's prompt set cannot be changed (prompts: gibbs): put back "
        f"`prompts: boud`. Nothing was saved. Your edit is kept in {kept} "
        f"(`peerjournal edit {entry_id}` continues it).\n"
    )
    assert experience(cli, entry_id) == STORED
    edits(("prompts: gibbs\n", ""))  # the line removed: the entry keeps its set
    assert cli("edit", str(entry_id)).exit_code == 0
    stored = json.loads(cli("show", str(entry_id), "--json").stdout)
    assert (stored["experience"], stored["prompt_set"]) == ("We met at the museum.", "boud")

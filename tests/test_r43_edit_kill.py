"""Round 43, an `edit` killed (kill -9, a dead battery) after it wrote the entry for the editor
and before the editor saved: the kept edit it leaves holds the entry as stored, no change. It
was continued as "unsaved changes", listed by `drafts`, and refused every option edit of the
entry until --fresh, for ever (QA r43). Now it is discarded, quietly, where it is found: by
`edit ID`, options and several IDs (compared with the entry as stored), and by `drafts` (by the
check `for_entry` notes of the text as shown, the entry not being read there). One with an
editor's recovery file beside it, one open in another terminal, or one changed by a byte is
kept as before."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import CLI
from test_r42_privacy import said, use_editor

ENTRY = "Kai talked about his brother and the long wait."
OTHER = "The ward round ran late again."
KEPT_NAME = "entry-1-20261120-183000.md"
# the line `for_entry` writes: the entry's creation time and the check of the text as shown
NOTE = re.compile(r"<!-- peerjournal: editing entry 1 \([^)]*\); keep this line, it tells "
                  r"your edit from another entry's: (\S+) ([0-9a-f]{16}) -->")
# as versions before round 43 wrote it: no check of the text as shown
BEFORE_43 = ("<!-- peerjournal: unsaved changes to the entry created {} (how they are told from "
             "another entry with its ID: leave this line as it is) -->")


def _entries(cli: CLI) -> None:
    for text in (ENTRY, OTHER):
        assert cli("write", "-x", text, "-s", "ward").exit_code == 0


def _as_shown(cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Entry 1 as `edit 1` writes it for the editor (copied by an editor that changes nothing)."""
    copy = tmp_path / "as_shown.md"
    use_editor(monkeypatch, tmp_path, f"import shutil; shutil.copy(path, {str(copy)!r})\n")
    assert cli("edit", "1").exit_code == 0
    return copy.read_text(encoding="utf-8")


def _left_by_a_killed_edit(
    cli: CLI, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, older: bool = False
) -> Path:
    """The file an `edit 1` killed before its editor saved leaves (`older`: as a version before
    round 43 wrote it, without the check)."""
    _entries(cli)
    text = _as_shown(cli, tmp_path, monkeypatch)
    assert NOTE.search(text)
    kept = home / "drafts" / "edits" / KEPT_NAME
    kept.parent.mkdir(parents=True, exist_ok=True)
    older_text = NOTE.sub(lambda m: BEFORE_43.format(m[1]), text)
    kept.write_text(older_text if older else text, encoding="utf-8")
    return kept


def test_an_edit_killed_before_its_editor_saved_leaves_nothing_in_the_way(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    """The QA's run: a real `edit 1`, killed with its editor (SIGKILL to the process group)."""
    _entries(cli)
    started = tmp_path / "editor-started"
    editor = tmp_path / "slow_editor.py"
    editor.write_text(f"import pathlib, time\npathlib.Path({str(started)!r}).touch()\n"
                      "time.sleep(60)\n", encoding="utf-8")
    env = {**os.environ, "EDITOR": f"{sys.executable} {editor}"}
    edit = subprocess.Popen([sys.executable, "-m", "peerjournal", "edit", "1"], env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not started.exists():
            assert edit.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
    finally:
        os.killpg(edit.pid, signal.SIGKILL)
        edit.wait()
    [kept] = (isolated / "drafts" / "edits").glob("*.md")
    result = cli("edit", "1", "-t", "extra")
    assert result.exit_code == 0, result.stderr
    assert said(result) == "Updated entry 1."
    assert not kept.exists()
    assert json.loads(cli("show", "1", "--json").stdout)["tags"] == ["extra"]
    assert cli("drafts").stderr.startswith("There are no unfinished drafts.")


def test_drafts_discards_an_untouched_edit_quietly(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = _left_by_a_killed_edit(cli, isolated, tmp_path, monkeypatch)
    listed = cli("drafts")
    assert listed.exit_code == 0
    assert listed.stdout == "" and said(listed) == "There are no unfinished drafts."
    assert not kept.exists()
    assert list(kept.parent.iterdir()) == []  # (its lock file too)
    assert json.loads(cli("drafts", "--json").stdout) == []


@pytest.mark.parametrize("older", [False, True], ids=["checked", "before-r43"])
def test_edit_starts_from_the_stored_entry_over_an_untouched_edit(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, older: bool
) -> None:
    kept = _left_by_a_killed_edit(cli, isolated, tmp_path, monkeypatch, older)
    use_editor(monkeypatch, tmp_path, "pass\n")  # (closed without a change)
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    assert "unsaved changes" not in said(result).lower()
    assert said(result).startswith("Entry 1 is unchanged.")
    assert not kept.exists() and list(kept.parent.glob("*.md")) == []


@pytest.mark.parametrize("older", [False, True], ids=["checked", "before-r43"])
def test_options_are_not_refused_over_an_untouched_edit(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, older: bool
) -> None:
    kept = _left_by_a_killed_edit(cli, isolated, tmp_path, monkeypatch, older)
    result = cli("edit", "1", "-s", "home")
    assert result.exit_code == 0, result.stderr
    assert said(result) == "Updated entry 1."
    assert not kept.exists()


def test_several_ids_are_not_refused_over_an_untouched_edit(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = _left_by_a_killed_edit(cli, isolated, tmp_path, monkeypatch, older=True)
    result = cli("edit", "1", "2", "-s", "home")
    assert result.exit_code == 0, result.stderr
    assert said(result).startswith("Updated entries 1 and 2.")
    assert not kept.exists()
    shown = json.loads(cli("list", "--json").stdout)
    assert {entry["setting"] for entry in shown} == {"home"}


def test_an_edit_before_r43_is_listed_until_edit_compares_it_with_the_entry(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`drafts` does not read the journal: an untouched edit written without the check is told
    only by `edit ID`, which does."""
    kept = _left_by_a_killed_edit(cli, isolated, tmp_path, monkeypatch, older=True)
    assert "edit of 1" in cli("drafts").stdout and kept.exists()


def test_an_edit_changed_by_a_word_is_kept_and_continued(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = _left_by_a_killed_edit(cli, isolated, tmp_path, monkeypatch)
    kept.write_text(kept.read_text(encoding="utf-8").replace(ENTRY, ENTRY + " Typed."),
                    encoding="utf-8")
    assert "edit of 1" in cli("drafts").stdout and kept.exists()
    refused = cli("edit", "1", "-s", "home")
    assert refused.exit_code == 1
    assert f"Entry 1 has unsaved changes from an earlier edit (kept in {kept})" in said(refused)
    use_editor(monkeypatch, tmp_path, "pass\n")
    continued = cli("edit", "1")
    assert "You have unsaved changes to entry 1" in said(continued)
    assert kept.exists()


def test_words_typed_below_the_line_that_notes_the_entry_are_kept(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check is of the text above that line: what is below it is a change too (a newline
    more, as editors end a file, is none)."""
    kept = _left_by_a_killed_edit(cli, isolated, tmp_path, monkeypatch)
    text = kept.read_text(encoding="utf-8")
    kept.write_text(text + "\n", encoding="utf-8")
    assert cli("drafts").stdout == "" and not kept.exists()
    kept.write_text(text + "A thought typed at the very end.\n", encoding="utf-8")
    assert "edit of 1" in cli("drafts").stdout and kept.exists()


def test_an_untouched_edit_with_an_editors_recovery_file_is_kept(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """vim killed with it: the words typed are in its swap file, not in the edit."""
    kept = _left_by_a_killed_edit(cli, isolated, tmp_path, monkeypatch)
    swap = kept.with_name(f".{kept.name}.swp")
    swap.write_text("b0VIM 9.0 words typed and never saved", encoding="utf-8")
    listed = cli("drafts")
    assert "edit of 1" in listed.stdout and kept.exists()
    refused = cli("edit", "1", "-s", "home")
    assert refused.exit_code == 1 and kept.exists() and swap.exists()


def test_an_untouched_edit_open_in_another_terminal_is_left_alone(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Just written for an editor another `edit 1` has open: untouched as yet, not left over."""
    from peerjournal.drafts import Draft

    kept = _left_by_a_killed_edit(cli, isolated, tmp_path, monkeypatch)
    other = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, sys, time; f = open(sys.argv[1], 'a'); "
         "fcntl.flock(f, fcntl.LOCK_EX); print('held', flush=True); time.sleep(60)",
         str(kept.with_name(f".{kept.name}.lock"))],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert other.stdout is not None and other.stdout.readline() == "held\n"
        assert Draft(kept).in_use()
        listed = cli("drafts")
        assert "edit of 1 (open in another terminal)" in listed.stdout
        assert kept.exists()
    finally:
        other.kill()
        other.wait()


def test_the_check_is_no_word_typed_into_a_comment(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit kept with the check of the entry as it was then, continued once the entry has
    changed: its check differs from today's, and that is no word typed into a comment."""
    kept = _left_by_a_killed_edit(cli, isolated, tmp_path, monkeypatch)
    then = NOTE.sub(lambda m: m[0].replace(m[2], "0123456789abcdef"),
                    kept.read_text(encoding="utf-8").replace(ENTRY, ENTRY + " Typed."))
    kept.write_text(then, encoding="utf-8")
    use_editor(monkeypatch, tmp_path, """
        text = open(path).read().replace("Typed.", "Typed, and saved.", 1)
        open(path, "w").write(text)
    """)
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    assert "Updated entry 1." in said(result)
    assert json.loads(cli("show", "1", "--json").stdout)["experience"].endswith(
        "Typed, and saved.")

"""Writing after a long shift, round 23 (QA findings 1-4, 8, 9): piped text with a NUL byte is
kept as a draft, an entry once saved is never reported as failed, a text option given twice is
refused, an editor with no terminal keeps --json clean, Ctrl-D at "Save this entry?" keeps a
draft, a half-typed setting or tag line is kept, and a draft missing optional fields reads."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, CTRL_C, CTRL_D, SRC
from peerjournal.db.store import Store
from peerjournal.errors import DatabaseError
from test_write import drafts, entries

DAMAGED = "The journal at journal.db is damaged (database disk image is malformed)."


# -- piped text with a NUL byte (finding 1) -----------------------------------------------------


@pytest.mark.parametrize("args", [(), ("--stdin",)])
def test_piped_text_with_a_nul_byte_is_kept_as_a_draft_without_it(
    cli: CLI, isolated: Path, edits: Any, args: tuple[str, ...]
) -> None:
    result = cli("write", *args, "-s", "housing", input=b"My long shift note \x00 with a nul\n")
    assert result.exit_code == 1
    [draft] = drafts(isolated)
    assert "NUL bytes (is it a binary file?): they are left out." in result.stderr
    assert "Your words are kept as draft " in result.stderr
    assert "My long shift note  with a nul" in draft.read_text(encoding="utf-8")
    assert entries(cli) == []
    edits()  # the editor changes nothing: the draft is saved as it is
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert (entry["experience"], entry["setting"]) == ("My long shift note  with a nul", "housing")
    assert drafts(isolated) == []


def test_piped_text_neither_utf8_nor_free_of_nul_is_kept_resumable(
    cli: CLI, isolated: Path, edits: Any
) -> None:
    result = cli("write", input=b"Hello \xff world \x00 nul\n")
    assert result.exit_code == 1
    assert "kept as \ufffd, and its NUL bytes are left out." in result.stderr
    edits()
    result = cli("write", "--resume")  # a NUL left in the draft was refused here
    assert result.exit_code == 0, result.stderr
    assert entries(cli)[0]["experience"] == "Hello \ufffd world  nul"


def test_a_file_with_a_nul_byte_is_still_refused_and_left_where_it_is(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    note = tmp_path / "note.md"
    note.write_bytes(b"A visit.\x00\n")
    result = cli("write", "--from-file", str(note))
    assert result.exit_code == 1 and "NUL" in result.stderr
    assert drafts(isolated) == [] and note.read_bytes() == b"A visit.\x00\n"


# -- a damaged page met after the entry is saved (finding 3) -----------------------------------


def _damaged_reads(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    """Store reads `names` fail as on a damaged page the insert did not touch."""

    def damaged(*args: Any, **kwargs: Any) -> Any:
        raise DatabaseError(DAMAGED)

    for name in names:
        monkeypatch.setattr(Store, name, damaged)


def test_an_entry_saved_on_a_damaged_journal_is_reported_saved(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patched:
        _damaged_reads(patched, "list")
        result = cli("write", "-x", "About my shift today.")
        assert result.exit_code == 0, result.stderr
    assert result.stdout == "1\n"
    assert "damaged" not in result.stderr and "first entry" not in result.stderr
    assert "Drift" in result.stderr  # the one-line summary still follows
    assert [e["experience"] for e in entries(cli)] == ["About my shift today."]
    assert drafts(isolated) == []


def test_with_json_an_entry_that_cannot_be_read_back_gives_its_id(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patched:
        _damaged_reads(patched, "list", "get")
        result = cli("write", "--json", "-x", "About my shift today.")
        assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {"id": 1, "already": False}
    assert "Entry 1 is saved, but it could not be read back" in result.stderr
    assert len(entries(cli)) == 1 and drafts(isolated) == []


# -- a text option given twice (finding 2) ------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "named"),
    [("-x", "--experience"), ("-f", "--feelings"), ("-e", "--evaluation"),
     ("--self-care", "--self-care"), ("-s", "--setting")],
)
def test_a_text_option_given_twice_is_refused_and_nothing_is_saved(
    cli: CLI, isolated: Path, option: str, named: str
) -> None:
    extra = () if option == "-x" else ("-x", "What happened.")
    result = cli("write", *extra, option, "FIRST text", option, "SECOND text")
    assert result.exit_code == 2
    assert result.stderr == (
        f"peerjournal: {named} was given twice; give it once, with the whole text in quotes. "
        "Nothing was saved.\n"
    )
    assert entries(cli) == [] and drafts(isolated) == []


def test_edit_with_a_text_option_given_twice_changes_nothing(cli: CLI, add: Any) -> None:
    add("The first words.")
    result = cli("edit", "1", "--experience", "FIRST", "--experience", "SECOND")
    assert result.exit_code == 2
    assert "--experience was given twice; give it once" in result.stderr
    assert "The entry is unchanged." in result.stderr
    assert entries(cli)[0]["experience"] == "The first words."


def test_the_help_still_shows_one_text_per_option(cli: CLI) -> None:
    for command in ("write", "edit"):
        shown = cli(command, "--help").stdout
        assert "-x, --experience TEXT" in shown and "--self-care TEXT" in shown
        assert "-s, --setting SETTING" in shown


# -- an editor with no terminal (finding 4) -----------------------------------------------------

NOISY_EDITOR = """
import sys
print("\\x1b[?1049hEDITOR SCREEN")  # what a terminal editor draws, on its stdout
path = sys.argv[-1]
text = open(path, encoding="utf-8").read()
open(path, "w", encoding="utf-8").write(text.replace({old}, {new}, 1))
"""


def _run_without_a_terminal(tmp_path: Path, old: str, new: str, *args: str) -> Any:
    script = tmp_path / "noisy_editor.py"
    script.write_text(NOISY_EDITOR.format(old=repr(old), new=repr(new)), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": SRC, "EDITOR": f"{sys.executable} {script}"}
    return subprocess.run(
        [sys.executable, "-m", "peerjournal", *args], env=env, stdin=subprocess.DEVNULL,
        capture_output=True, text=True, timeout=120,
    )


def test_with_no_terminal_the_editor_draws_on_stderr_and_json_stays_clean(
    cli: CLI, add: Any, tmp_path: Path
) -> None:
    add("The first words.")
    done = _run_without_a_terminal(tmp_path, "The first words.", "Better words.",
                                   "edit", "1", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["experience"] == "Better words."
    assert "EDITOR SCREEN" in done.stderr


def test_write_editor_with_no_terminal_prints_only_the_id(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    done = _run_without_a_terminal(tmp_path, "## Experience\n", "## Experience\nWe sat.\n",
                                   "write", "--editor")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "1\n"
    assert entries(cli)[0]["experience"].startswith("We sat.")


# -- Ctrl-D at "Save this entry?" (finding 8) ---------------------------------------------------


def test_ctrl_d_at_the_save_question_keeps_a_draft(
    cli: CLI, isolated: Path, keys: Any
) -> None:
    keys("", "We sat together.", "", "", "", "", "", "", "", CTRL_D)
    result = cli("write")
    assert result.exit_code == 1
    [_draft] = drafts(isolated)
    assert "No answer to 'Save this entry?' (end of input), so it was not saved." in result.stderr
    assert "Your words are kept as draft 1: `peerjournal write --resume --draft 1`." in (
        result.stderr
    )
    assert entries(cli) == []
    keys("y")
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert entries(cli)[0]["experience"] == "We sat together."
    assert drafts(isolated) == []


# -- a half-typed setting or tags line (finding 9) ----------------------------------------------


def _ctrl_c_after(monkeypatch: pytest.MonkeyPatch, lines: list[str], half_typed: str) -> None:
    """The terminal gives `lines`, then Ctrl-C with `half_typed` on the line (as readline
    keeps it)."""
    from peerjournal.cli import guided

    script = iter([*lines, None])

    def read(self: guided.LineReader, prompt: str, show: Any) -> str:
        line = next(script)
        if line is None:
            self.interrupted = half_typed
            raise KeyboardInterrupt
        return line

    monkeypatch.setattr(guided.LineReader, "read", read)


def _kept(isolated: Path) -> dict[str, Any]:
    [draft] = drafts(isolated)
    entry: dict[str, Any] = json.loads(draft.read_text(encoding="utf-8"))["entry"]
    return entry


def test_a_half_typed_setting_is_kept_and_resume_offers_it(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None, keys: Any
) -> None:
    with monkeypatch.context() as patched:
        _ctrl_c_after(patched, [], "inpatient ward thre")
        result = cli("write")
    assert result.exit_code == 130
    assert "Nothing was typed" not in result.stderr
    assert _kept(isolated)["setting"] == "inpatient ward thre"
    listed = cli("drafts").stdout
    assert "inpatient ward thre" in listed and "(empty)" not in listed
    assert cli("drafts", "--discard-empty").stderr == "No draft to discard.\n"
    keys(CTRL_C)  # stopped again before typing a word: the draft is still kept
    assert cli("write", "--resume").exit_code == 130
    assert _kept(isolated)["setting"] == "inpatient ward thre"
    keys("inpatient ward three", "We sat.", *[""] * 8)
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert "Setting (continuing your draft:)\ninpatient ward thre\n" in result.stderr
    assert "anything typed replaces it" in result.stderr
    assert entries(cli)[0]["setting"] == "inpatient ward three"


def test_a_half_typed_tags_line_is_kept_as_tags(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None, keys: Any
) -> None:
    with monkeypatch.context() as patched:
        _ctrl_c_after(patched, ["", "We sat.", "", "", "", "", ""], "night, hous")
        assert cli("write").exit_code == 130
    assert _kept(isolated)["tags"] == ["hous", "night"]
    keys("", "", "")  # Enter keeps the tags; no self-care; save
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert "Tags (continuing your draft:)\nnight, hous\n" in result.stderr  # (as typed: r30)
    assert entries(cli)[0]["tags"] == ["hous", "night"]



# -- a draft missing optional fields (finding 9) ------------------------------------------------


def test_a_draft_with_only_an_experience_reads_and_resumes(
    cli: CLI, isolated: Path, keys: Any
) -> None:
    folder = isolated / "drafts"
    folder.mkdir(parents=True)
    (folder / "20261120-120000.json").write_text(
        '{"entry": {"experience": "GOOD draft text"}, "done": []}', encoding="utf-8"
    )
    result = cli("drafts")
    assert "GOOD draft text" in result.stdout and "cannot be read" not in result.stdout
    keys(*[""] * 10)
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert (entry["experience"], entry["date"]) == ("GOOD draft text", "2026-11-20")
    assert drafts(isolated) == []


def test_a_saved_entry_whose_draft_cannot_be_removed_is_still_saved(
    cli: CLI, isolated: Path, keys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal.drafts import Draft

    keys("", "We sat together.", "", "", "", "", "", "", "", "n")
    assert cli("write").exit_code == 1  # kept as a draft
    [draft] = drafts(isolated)

    def read_only(self: Draft) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Draft, "discard", read_only)
    keys("y")
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "1\n"
    assert f"Entry 1 is saved, but its draft {draft} could not be removed" in result.stderr
    assert len(entries(cli)) == 1

"""Round 34 (QA qa_writer.md F2, F6, F7, F8, F15): `edit` continues an edit its editor cut
short, reads Windows-1252 as `write --editor` does, and refuses text piped in for the editor
(left unread, with a note, for options); `drafts --discard` names each draft it asks about and
refuses one open in another terminal, which the list marks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, SRC
from peerjournal.cli.drafts_list import ask_discard, discarded, named, refuse_open
from peerjournal.drafts import Draft, everything
from peerjournal.errors import PeerJournalError
from test_drift_cli import one_line_error
from test_editor_drafts_r29 import use_editor

EXPERIENCE = "We walked to the housing office with Sam."


def _entry(cli: CLI, entry_id: int = 1) -> dict[str, Any]:
    result = cli("show", str(entry_id), "--json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _written(cli: CLI) -> None:
    assert cli("write", "-x", EXPERIENCE, "-f", "proud").exit_code == 0


def _edits(home: Path) -> list[Path]:
    return sorted((home / "drafts" / "edits").glob("*.md"))


def _new_entry_drafts(home: Path) -> list[Path]:
    folder = home / "drafts"
    return sorted(p for p in folder.glob("*") if p.is_file()) if folder.is_dir() else []


CUT_SHORT = """
open(path, "w", encoding="utf-8").write({text!r})
os.kill(os.getpid(), signal.SIGKILL)
"""
FINISHING = """
text = open(path, encoding="utf-8").read()
open(path, "w", encoding="utf-8").write(text.replace("Half wri", "Half written, now whole."))
"""


# -- F2: an edit the editor cut short is continued by `edit ID`, as the message says -----------


def test_an_edit_cut_short_by_a_killed_editor_is_continued_by_the_next_edit(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: the next `edit 1` called it another entry's ("of a journal this one replaced?"),
    moved it to a new-entry draft (saved, a second entry) and opened the stored entry."""
    _written(cli)
    use_editor(monkeypatch, tmp_path, CUT_SHORT.format(text="## Experience\nHalf wri"))
    killed = cli("edit", "1")
    one_line_error(killed, 1, "stopped (SIGKILL)", "`peerjournal edit 1` continues it")
    [kept] = _edits(isolated)
    assert "Half wri" in kept.read_text(encoding="utf-8")

    use_editor(monkeypatch, tmp_path, FINISHING)
    again = cli("edit", "1")
    assert again.exit_code == 0, again.stderr
    assert "continuing them" in again.stderr and "not to this one" not in again.stderr
    assert _entry(cli)["experience"] == "Half written, now whole."
    assert _edits(isolated) == [] and _new_entry_drafts(isolated) == []


def test_a_kept_edit_cut_short_again_keeps_both_as_the_entrys(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The editor killed while continuing a kept edit: what it left and the edit as it was are
    both kept, and both still the entry's (options refuse them, none is set aside)."""
    _written(cli)
    use_editor(monkeypatch, tmp_path, CUT_SHORT.format(text="## Experience\nHalf wri"))
    cli("edit", "1")
    use_editor(monkeypatch, tmp_path, CUT_SHORT.format(text="## Experience\nOther half"))
    twice = cli("edit", "1")
    assert twice.exit_code == 1 and "What the editor left is kept in" in twice.stderr
    assert len(_edits(isolated)) == 2
    refused = cli("edit", "1", "-t", "later")
    one_line_error(refused, 1, "has unsaved changes from an earlier edit")
    assert "not to this one" not in refused.stderr
    assert len(_edits(isolated)) == 2 and _new_entry_drafts(isolated) == []
    assert _entry(cli)["experience"] == EXPERIENCE


# -- F7: Windows-1252 from the editor, read as `write --editor` reads it ----------------------

CP1252 = """
text = open(path, encoding="utf-8").read()
open(path, "wb").write(text.replace("We walked", "We walked to the caf\\u00e9 and", 1)
                       .encode("cp1252"))
"""


def test_edit_reads_windows_1252_from_the_editor_with_the_note(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: "is not UTF-8 text …; it may be Latin-1 or Windows-1252", exit 1, every time."""
    _written(cli)
    use_editor(monkeypatch, tmp_path, CP1252)
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    assert "it was read as Windows-1252 (Latin-1), so letters such as é are kept" in result.stderr
    assert _entry(cli)["experience"] == "We walked to the café and to the housing office with Sam."
    assert _edits(isolated) == []


def test_edit_still_refuses_bytes_that_are_not_windows_1252_and_keeps_them(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cyrillic in KOI8-R (runs of bytes past ASCII) is not guessed at: refused, kept."""
    _written(cli)
    use_editor(monkeypatch, tmp_path, """
text = open(path, encoding="utf-8").read()
open(path, "wb").write(text.replace("We walked", "\\u041c\\u044b \\u0448\\u043b\\u0438", 1)
                       .encode("koi8-r"))
""")
    result = cli("edit", "1")
    one_line_error(result, 1, "is not UTF-8 text", "`peerjournal edit 1` continues it")
    assert len(_edits(isolated)) == 1 and _entry(cli)["experience"] == EXPERIENCE


# -- F15: text piped in ------------------------------------------------------------------------


def test_text_piped_to_edit_for_the_editor_is_refused_before_it_opens(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: vim took the pipe as keystrokes, failed, and left a .swp of the entry's text."""
    _written(cli)
    ran = tmp_path / "ran"
    use_editor(monkeypatch, tmp_path, f"open({str(ran)!r}, 'w').close()\n")
    result = cli("edit", "1", input="Some new text here.\n")
    error = one_line_error(result, 2, "Text was piped in", "entry 1 is unchanged", "-x TEXT")
    assert "Some new text" not in error
    assert not ran.exists() and _entry(cli)["experience"] == EXPERIENCE
    assert _edits(isolated) == []


def test_an_empty_pipe_still_opens_the_editor(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A windowed editor run with nothing on stdin (`< /dev/null`, an empty pipe) is usable."""
    _written(cli)
    use_editor(monkeypatch, tmp_path, """
text = open(path, encoding="utf-8").read()
open(path, "w", encoding="utf-8").write(text.replace("We walked", "We ran", 1))
""")
    result = cli("edit", "1", input="")
    assert result.exit_code == 0, result.stderr
    assert _entry(cli)["experience"] == "We ran to the housing office with Sam."


def test_text_piped_to_edit_with_options_is_left_unread_and_said_so(cli: CLI) -> None:
    """Was: "Updated entry 1." and the piped text silently dropped."""
    _written(cli)
    result = cli("edit", "1", "-f", "calm", input="New experience text.\n")
    assert result.exit_code == 0, result.stderr
    said = result.stderr.splitlines()
    assert said[:2] == [
        "Text piped in is not read: give the new text as an option (-x TEXT replaces the "
        "experience, -f the feelings).",
        "Updated entry 1.",
    ]
    # (the replaced words are kept, and said so without a terminal too: r35 QA)
    assert len(said) == 3 and said[2].startswith("Replaced the feelings (")
    entry = _entry(cli)
    assert (entry["experience"], entry["feelings"]) == (EXPERIENCE, "calm")


def _shell(script: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sh", "-c", script], cwd=cwd, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": SRC, "PJ": f"{sys.executable} -m peerjournal", **env},
    )


def test_a_shell_loop_feeding_ids_on_stdin_edits_each_entry(
    cli: CLI, tmp_path: Path
) -> None:
    """Options: stdin is not read, so the loop keeps every line (real pipes and files)."""
    for n in range(3):
        assert cli("write", "-x", f"Entry {n} about the ward.").exit_code == 0
    (tmp_path / "ids").write_text("1\n2\n3\n", encoding="utf-8")
    loop = 'while read id; do $PJ edit "$id" -t {tag} || exit 9; done'
    by_file = _shell(loop.format(tag="file") + " < ids", tmp_path)
    assert by_file.returncode == 0, by_file.stderr
    by_pipe = _shell("cat ids | " + loop.format(tag="pipe"), tmp_path)
    assert by_pipe.returncode == 0, by_pipe.stderr
    assert by_pipe.stderr.count("Updated entry") == 3
    assert [e["tags"] for e in json.loads(cli("list", "--json").stdout)] == [["pipe"]] * 3


def test_a_real_pipe_to_edit_for_the_editor_is_refused(tmp_path: Path) -> None:
    script = tmp_path / "ed.py"
    script.write_text(f"open({str(tmp_path / 'ran')!r}, 'w').close()\n", encoding="utf-8")
    made = _shell('$PJ write -x "A calm shift." < /dev/null', tmp_path)
    assert made.returncode == 0, made.stderr
    result = _shell("printf 'ggdG:wq\\n' | $PJ edit 1", tmp_path,
                    EDITOR=f"{sys.executable} {script}")
    assert result.returncode == 2 and "Text was piped in" in result.stderr
    assert not (tmp_path / "ran").exists()


# -- F8, F6: `drafts --discard` names what it discards, and leaves an open draft alone ---------


class _Asked:
    """Stands in for the AppContext `ask_discard` asks with: records what it said and asked."""

    def __init__(self, reply: bool) -> None:
        self.reply = reply
        self.said: list[str] = []
        self.asked: list[str] = []

    def say(self, message: str) -> None:
        self.said.append(message)

    def confirm(self, question: str) -> bool:
        self.asked.append(question)
        return self.reply


def _two_drafts(cli: CLI, isolated: Path) -> list[Draft]:
    for words in ("draft B feelings", "draft A feelings"):
        assert cli("write", "-f", words, input="").exit_code == 1  # kept as a quick draft
    return everything(isolated / "drafts")


def test_the_discard_question_names_the_draft_by_kind_start_and_first_words(
    cli: CLI, isolated: Path
) -> None:
    """Was: "Discard draft 2 and the text in it?" (numbers shift when a draft is kept)."""
    found = _two_drafts(cli, isolated)
    asked = _Asked(reply=False)
    assert ask_discard(asked, found, [found[1]]) is False  # type: ignore[arg-type]
    [question] = asked.asked
    assert question.startswith("Discard draft 2 (quick, started 2026-11-20 18:30: \"")
    assert question.endswith('") and the text in it?')
    assert found[1].first_words() in question  # the second (older) one: draft B or A
    assert asked.said == []


def test_several_drafts_are_each_named_before_the_question(cli: CLI, isolated: Path) -> None:
    found = _two_drafts(cli, isolated)
    asked = _Asked(reply=True)
    assert ask_discard(asked, found, found) is True  # type: ignore[arg-type]
    assert asked.asked == ["Discard these 2 drafts and the text in them?"]
    assert [line.split("(")[0] for line in asked.said] == ["  draft 1 ", "  draft 2 "]
    assert all("draft" in line and "feelings" in line for line in asked.said)
    line = discarded(found, found)
    assert line.startswith("Discarded 2 drafts: draft 1 (quick, started ")
    assert discarded(found, [found[0]]).startswith("Discarded draft 1 (quick, started ")


def test_a_long_first_line_is_named_by_a_short_excerpt(cli: CLI, isolated: Path) -> None:
    cli("write", "-f", "word " * 40, input="")
    [draft] = everything(isolated / "drafts")
    name = named(1, draft)
    assert len(name) < 90 and name.endswith('…")')


def test_discarding_a_draft_open_in_another_terminal_is_refused(
    cli: CLI, isolated: Path
) -> None:
    """Was: "Discarded 1 draft.", and the session in the other terminal wrote it back."""
    found = _two_drafts(cli, isolated)
    other = Draft(found[1].path)
    other.hold()  # another session holds it
    try:
        with pytest.raises(PeerJournalError) as refused:
            refuse_open(found, [found[0], found[1]])
        message = refused.value.message
        assert message.startswith("Draft 2 (quick, started ") and "\n" not in message
        assert "open in another terminal" in message and message.endswith("Nothing discarded.")
        assert "feelings" not in message  # no journal text in an error
        refuse_open(found, [found[0]])  # the other one: nothing to refuse
        listed = cli("drafts")
        assert listed.exit_code == 0, listed.stderr
        lines = listed.stdout.splitlines()
        assert "(open in another terminal)" in lines[1] and "open" not in lines[0]
    finally:
        other.release()
    assert "open in another terminal" not in cli("drafts").stdout

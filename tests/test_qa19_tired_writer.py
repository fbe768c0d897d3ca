"""Round 19: a tired writer at the end of a shift, in a real terminal. A closed terminal, a
crashed editor, a full disk, Ctrl-C at the self-care line and a dumb terminal: every typed
word is still in the draft afterwards, and the message says what happened and what to do."""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, CTRL_C, SRC, Keys


def drafts(home: Path) -> list[Path]:
    folder = home / "drafts"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def kept_entry(home: Path) -> dict[str, Any]:
    [draft] = drafts(home)
    entry: dict[str, Any] = json.loads(draft.read_text(encoding="utf-8"))["entry"]
    return entry


# -- a closed terminal ---------------------------------------------------------------------


def _hangup_in_the_child() -> None:
    """The child's own terminal, with SIGHUP ignored: only the terminal going away (reads
    that return nothing) tells it, as happens before the shell's SIGHUP arrives."""
    import fcntl
    import termios

    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_closing_the_terminal_mid_line_keeps_the_words_on_that_line(
    isolated: Path, journal_template: Path
) -> None:
    """Readline read the closed terminal as Ctrl-D and then as an empty line, throwing the
    line being typed away: the draft kept the setting but not "We sat"."""
    isolated.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(journal_template, isolated / "journal.db")
    controller, terminal = os.openpty()
    env = {**os.environ, "PYTHONPATH": SRC, "TERM": "xterm"}
    process = subprocess.Popen(
        [sys.executable, "-m", "peerjournal", "write"],
        stdin=terminal, stdout=terminal, stderr=terminal, env=env, close_fds=True,
        preexec_fn=_hangup_in_the_child,
    )
    os.close(terminal)
    shown = b""

    def read_for(seconds: float, until: bytes = b"") -> None:
        nonlocal shown
        end = time.monotonic() + seconds
        while time.monotonic() < end and not (until and until in shown):
            if select.select([controller], [], [], 0.05)[0]:
                try:
                    shown += os.read(controller, 65536)
                except OSError:
                    return

    def reading_a_line() -> bool:  # readline holds the terminal in non-canonical mode
        import termios

        return not termios.tcgetattr(controller)[3] & termios.ICANON

    try:
        read_for(20.0, until=b"Enter to skip):")
        os.write(controller, b"crisis\r")
        read_for(20.0, until=b"Ctrl-C keeps a draft.)")
        end = time.monotonic() + 20  # typed once readline reads the line: not to the kernel
        while not reading_a_line() and time.monotonic() < end:
            read_for(0.05)
        read_for(0.5)  # (the terminal is key-by-key all session since r45: give readline time)
        os.write(controller, b"We sat")
        read_for(20.0, until=b"We sat")
    finally:
        os.close(controller)  # the window is closed
    try:
        assert process.wait(timeout=60) == 130, shown.decode("utf-8", "replace")[-600:]
    finally:
        if process.poll() is None:
            process.kill()
    entry = kept_entry(isolated)
    assert (entry["setting"], entry["experience"]) == ("crisis", "We sat")


SECOND_HANGUP = textwrap.dedent(
    """
    import os, signal, time
    from peerjournal import launcher
    launcher._stop_on_termination()
    try:
        os.kill(os.getpid(), signal.SIGHUP)  # the shell's
    except KeyboardInterrupt:
        os.kill(os.getpid(), signal.SIGHUP)  # the kernel's, while the draft is being kept
        time.sleep(0.1)
        print("draft kept")
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")
def test_the_second_sighup_of_a_closed_terminal_does_not_end_the_process() -> None:
    """A closed terminal sends SIGHUP twice (the shell's, then the kernel's as the shell
    exits); the second ended the process at once, before the draft was written."""
    done = subprocess.run([sys.executable, "-c", SECOND_HANGUP],
                          env={**os.environ, "PYTHONPATH": SRC},
                          capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, "draft kept\n", "")


@pytest.fixture
def sighup_restored() -> Iterator[None]:
    previous = signal.getsignal(signal.SIGHUP)
    yield
    signal.signal(signal.SIGHUP, previous)


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")
def test_the_key_reader_ends_the_line_when_the_terminal_goes_and_then_interrupts(
    sighup_restored: None,
) -> None:
    from peerjournal.cli import guided

    read_end, write_end = os.pipe()
    os.close(write_end)  # nothing more will ever come: the terminal has gone
    keys = guided._Utf8Keys(lambda byte: 1, read_end, hangs_up=True)
    try:
        with pytest.raises(KeyboardInterrupt), keys.reading():
            assert keys.callback(None) == ord("\n")  # the line typed so far is returned
        # the SIGHUP that follows must not interrupt the saving of the draft
        assert signal.getsignal(signal.SIGHUP) == signal.SIG_IGN
    finally:
        os.close(read_end)


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")
def test_a_terminal_gone_before_the_line_is_read_is_an_interrupt_not_an_io_error(
    monkeypatch: pytest.MonkeyPatch, sighup_restored: None
) -> None:
    """input() found stdin no longer a terminal, read it itself and got EIO: the writer's
    session ended with "peerjournal: Input/output error" (exit 1)."""
    import builtins
    import errno

    from peerjournal.cli import guided

    def gone(prompt: str = "") -> str:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(builtins, "input", gone)
    with pytest.raises(KeyboardInterrupt):
        guided.LineReader().read("", lambda text: None)
    assert signal.getsignal(signal.SIGHUP) == signal.SIG_IGN


# -- an editor that empties a draft ----------------------------------------------------------


EMPTYING_EDITOR = "import sys\nopen(sys.argv[-1], 'w').close()\nsys.exit(int(sys.argv[1]))\n"


@pytest.mark.parametrize("status", [0, 1])
def test_an_editor_that_empties_a_resumed_draft_does_not_throw_its_text_away(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, status: int
) -> None:
    """An editor killed while saving (or on a full disk) leaves an empty file: the draft,
    with every word written before, was discarded as "left empty"."""
    note = "The phone line was busy all night and I stayed on with Jo."
    # piped, dated in the future: kept as an editor draft
    assert cli("write", input=f"date: 2099-01-01\n\n{note}\n").exit_code == 1
    [draft] = drafts(isolated)
    before = draft.read_text(encoding="utf-8")
    editor = tmp_path / "emptying.py"
    editor.write_text(EMPTYING_EDITOR, encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor} {status}")
    result = cli("write", "--resume")
    assert result.exit_code == 1
    what = "left the draft empty" if status == 0 else "exited with status 1"
    assert result.stderr.splitlines()[-1] == (
        f"peerjournal: The editor {what}; nothing was saved. The text it held before is back "
        f"in {draft}: `peerjournal write --resume --draft 1` opens it again (`peerjournal "
        "drafts --discard 1` if you meant to throw it away)."
    )
    assert drafts(isolated) == [draft]
    assert draft.read_text(encoding="utf-8") == before
    assert cli("list", "--json").stdout.strip() == "[]"


@pytest.mark.parametrize("status", [0, 1])
def test_an_editor_that_empties_a_kept_edit_puts_its_text_back(
    cli: CLI, add: Callable[..., int], edits: Any, isolated: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, status: int,
) -> None:
    """`edit ID` continuing unsaved changes kept from an earlier edit, in an editor that then
    left the file empty: the changes were thrown away with "The experience is empty"."""
    entry_id = add("We met at the library.")
    edits(("date: 2026-11-20", "date: 2027-11-20"), ("library", "museum and talked for hours"))
    assert cli("edit", str(entry_id)).exit_code == 1  # a date in the future: the edit is kept
    [kept] = (isolated / "drafts" / "edits").iterdir()
    before = kept.read_bytes()
    editor = tmp_path / "emptying.py"
    editor.write_text(EMPTYING_EDITOR, encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor} {status}")
    result = cli("edit", str(entry_id))
    assert result.exit_code == 1
    what = (
        "left your unsaved changes empty; the entry is unchanged" if status == 0
        else "exited with status 1; nothing was saved"
    )
    assert result.stderr.splitlines()[-1] == (
        f"peerjournal: The editor {what}. The text it held before is back in {kept}: "
        f"`peerjournal edit {entry_id}` opens it again (`peerjournal edit {entry_id} --fresh` "
        "if you meant to throw it away)."
    )
    assert kept.read_bytes() == before
    shown = json.loads(cli("show", str(entry_id), "--json").stdout)
    assert shown["experience"] == "We met at the library."


def test_a_full_disk_before_the_editor_opens_says_what_could_not_be_written(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, edits: Any
) -> None:
    import errno

    from peerjournal import drafts as drafts_module

    def full(path: Path, text: str) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(drafts_module, "write_atomic", full)
    edits(("<!--", "never run"))
    result = cli("write", "--editor")
    assert result.exit_code == 4  # the journal's folder cannot be written, as for `edit`
    assert result.stderr == (
        f"peerjournal: The draft cannot be written to {isolated / 'drafts'} "
        "(No space left on device), so the editor was not opened; nothing was typed yet. "
        "Free some space and try again.\n"
    )
    assert drafts(isolated) == []


# -- Ctrl-C on the self-care line ------------------------------------------------------------


def test_ctrl_c_on_the_self_care_line_keeps_its_words_and_resume_carries_them_on(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    """Ctrl-C at "Self-care:" with a note half typed said "Your draft is kept" but the
    note was gone."""
    from peerjournal.cli import guided

    real_read = guided.LineReader.read
    script = iter(["We filled in the form.", "", "", "", "", "", None])

    def read(self: guided.LineReader, prompt: str, show: Any) -> str:
        line = next(script)
        if line is None:
            self.interrupted = "A long walk by the river"
            raise KeyboardInterrupt
        return line

    monkeypatch.setattr(guided.LineReader, "read", read)
    result = cli("write", "-s", "housing", "-t", "forms")
    assert result.exit_code == 130
    assert kept_entry(isolated)["self_care"] == "A long walk by the river"
    monkeypatch.setattr(guided.LineReader, "read", real_read)
    answers = iter([" with the dog.", "y"])  # (a space: a new word)
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert "Self-care (continuing your draft:)\nA long walk by the river\n" in result.stderr
    entry = json.loads(cli("show", "1", "--json").stdout)
    assert entry["self_care"] == "A long walk by the river with the dog."
    assert entry["experience"] == "We filled in the form."
    assert drafts(isolated) == []


def test_enter_keeps_a_self_care_note_carried_over(
    cli: CLI, isolated: Path, keys: Any
) -> None:
    keys("We sat.", "", "", "", "", "", CTRL_C)
    assert cli("write", "-s", "ward", "-t", "x").exit_code == 130
    draft = drafts(isolated)[0]
    data = json.loads(draft.read_text(encoding="utf-8"))
    data["entry"]["self_care"] = "Tea with Ali"  # as a Ctrl-C mid-line leaves it
    draft.write_text(json.dumps(data), encoding="utf-8")
    keys("", "y")
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert json.loads(cli("show", "1", "--json").stdout)["self_care"] == "Tea with Ali"


def test_ctrl_c_with_nothing_on_the_self_care_line_keeps_none(
    cli: CLI, isolated: Path, keys: Keys
) -> None:
    keys("We sat.", "", "", "", "", "", CTRL_C)
    assert cli("write", "-s", "ward", "-t", "x").exit_code == 130
    assert kept_entry(isolated)["self_care"] == ""


# -- a dumb terminal -------------------------------------------------------------------------


@pytest.mark.parametrize(("term", "cut"), [("dumb", True), ("", True), ("xterm", False)])
def test_on_a_dumb_terminal_a_long_prompt_is_shown_whole_above_the_answer(
    monkeypatch: pytest.MonkeyPatch, term: str, cut: bool
) -> None:
    """Readline scrolls a dumb terminal's line sideways: at 40 columns the setting prompt
    showed only "<xt line; Enter to skip):"."""
    import builtins

    from peerjournal.cli import guided

    monkeypatch.setenv("TERM", term)
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setattr(guided._Utf8Keys, "installed", None)
    asked: list[str] = []
    monkeypatch.setattr(builtins, "input", lambda prompt="": asked.append(prompt) or "ward")
    shown: list[str] = []
    prompt = "Setting (community, inpatient, crisis; Enter to skip): "
    assert guided.LineReader(readline=True).read("\n" + prompt, shown.append) == "ward"
    # (round 32: wider than the terminal, it is broken between words on any terminal, so
    # the line beside the answer is short; `cut` is what a dumb terminal did before that)
    assert (shown, asked) == (["\nSetting (community, inpatient, crisis;\n"], ["Enter to skip): "])
    shown.clear()
    asked.clear()
    assert guided.LineReader(readline=True).read("Save? [Y/n] ", shown.append) == "ward"
    assert (shown, asked) == ([], ["Save? [Y/n] "])  # a short prompt stays beside the answer


# -- the drafts list on an 80-column terminal ------------------------------------------------


def test_each_draft_is_listed_on_one_line_of_the_terminal(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each row was 103 characters: on an 80-column terminal every draft took two lines."""
    note = "At handover the team called Sam non-compliant and I asked what had happened."
    assert cli("write", input=f"## Experiense\n{note}\n").exit_code == 1  # kept as a draft
    monkeypatch.setenv("COLUMNS", "80")
    [line] = cli("drafts").stdout.splitlines()
    # (columns two spaces apart since round 30: more of the words fit)
    # (round 41: cut after a whole word, not "non-co…", read aloud as a syllable)
    assert len(line) <= 80 and line.endswith("At handover the team called Sam…")
    monkeypatch.delenv("COLUMNS")  # not a terminal (a pipe): the words as before
    [line] = cli("drafts").stdout.splitlines()
    assert line.endswith("At handover the team called Sam non-compliant and…")


# -- SIGTERM or SIGHUP while the editor is open ----------------------------------------------


def test_stopped_while_the_editor_is_open_keeps_no_blank_template(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The blank template was kept as a draft, listed as "(empty)", and the message said
    "Your text is kept in …" of a file with no text in it."""
    from peerjournal.cli import editor

    def terminal_closed(path: Path, retry: str = "") -> str:
        raise KeyboardInterrupt  # SIGHUP, as the launcher turns it

    monkeypatch.setattr(editor, "run_editor", terminal_closed)
    result = cli("write", "--editor")
    assert result.exit_code == 130
    assert result.stderr == "peerjournal: Interrupted. Nothing was typed, so no draft was kept.\n"
    assert drafts(isolated) == []


def test_stopped_while_the_editor_is_open_still_keeps_what_was_written(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal.cli import editor

    def saved_then_closed(path: Path, retry: str = "") -> str:
        path.write_text(path.read_text(encoding="utf-8").replace(
            "## Feelings", "We sat outside.\n\n## Feelings"), encoding="utf-8")
        raise KeyboardInterrupt

    monkeypatch.setattr(editor, "run_editor", saved_then_closed)
    result = cli("write", "--editor")
    assert result.exit_code == 130
    [draft] = drafts(isolated)
    assert result.stderr == (
        "peerjournal: Interrupted. Your words are kept as draft 1: `peerjournal write --resume "
        "--draft 1`.\n"
    )
    assert "We sat outside." in draft.read_text(encoding="utf-8")


def test_a_draft_saved_in_latin1_is_put_back_byte_for_byte(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("write", input="## Experiense\nA note.\n").exit_code == 1  # kept as a draft
    [draft] = drafts(isolated)
    latin = draft.read_bytes() + "Caf\u00e9 with Zo\u00eb.\n".encode("latin-1")
    draft.write_bytes(latin)  # an editor that saved in its own encoding
    editor = tmp_path / "emptying.py"
    editor.write_text(EMPTYING_EDITOR, encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor} 0")
    result = cli("write", "--resume")
    assert result.exit_code == 1 and "The text it held before is back" in result.stderr
    assert draft.read_bytes() == latin

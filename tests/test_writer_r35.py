"""Round 35, the writer's words (fix-writer):

1. Lines piped slowly after the answer to "Save this entry?" are waited for (standard input is
   read to its end) and added to the evaluation, the entry not saved: none is lost.
2. `write --resume < /dev/null` on a draft for the editor does not open the editor: stdin that
   is no terminal answers "Save this entry?", and none came; the draft is left as it was. The
   editor asked for (--editor) with a pipe or a file at its end is not opened either.
3. The warning of a draft that cannot be saved, when a pause in typing saves it, is printed on
   a line of its own, the line being typed drawn again below it, and kept.
4. A line saved at a pause and then erased (Ctrl-U) leaves the draft at the next pause.
5. The `iconv … | peerjournal write` of a draft kept from text not UTF-8 saves it with the
   options it was given (-s, --tag, --mode, --share).
6. `while read id; do peerjournal edit $id; done < ids.txt` is refused alike for every ID
   (vi no longer opens on the last), saying how to give the editor the terminal (`<
   /dev/tty`, which then edits each in turn).
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import test_guided_r33
from conftest import CLI, SRC
from test_guided_r33 import Terminal, on_a_terminal  # noqa: F401 (a fixture)
from test_write import drafts, entries

PJ = [sys.executable, "-m", "peerjournal"]


def _env(**more: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": SRC, **more}


def _kept_quick_entry(cli: CLI) -> None:
    """A quick entry kept as a draft (its date in the future), for `write --resume`."""
    assert cli("write", "-x", "We sat together at the bench.", "-d", "2030-01-01").exit_code == 1


def _kept_entry(home: Path) -> dict[str, object]:
    [draft] = drafts(home)
    entry: dict[str, object] = json.loads(draft.read_text(encoding="utf-8"))["entry"]
    return entry


# -- 1. a slow pipe after the answer -----------------------------------------------------------


def _resumed_slowly(pieces: list[tuple[float, bytes]]) -> subprocess.Popen[bytes]:
    """`write --resume -d today`, each piece written to its stdin after its pause."""
    process = subprocess.Popen([*PJ, "write", "--resume", "-d", "today"], env=_env(),
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert process.stdin is not None
    for pause, data in pieces:
        time.sleep(pause)
        process.stdin.write(data)
        process.stdin.flush()
    return process


def _until_said(process: subprocess.Popen[bytes], words: bytes) -> bytes:
    """What `process` wrote to stderr, read until it says `words` (60 s at most)."""
    import select

    assert process.stderr is not None
    said = b""
    end = time.monotonic() + 60
    while words not in b" ".join(said.split()) and time.monotonic() < end:
        if select.select([process.stderr], [], [], 0.1)[0]:
            said += os.read(process.stderr.fileno(), 65536)
    return said


def test_a_line_piped_a_while_after_the_answer_is_waited_for_and_kept(
    cli: CLI, isolated: Path
) -> None:
    """Was: `(echo y; sleep 1; echo "one more line") | write --resume` saved the entry without
    the line, which was never read."""
    _kept_quick_entry(cli)
    process = _resumed_slowly([(0.5, b"y\n")])
    waiting = _until_said(process, b"Waiting for the end of standard input")
    assert process.stdin is not None and process.poll() is None
    process.stdin.write(b"one more line\n")
    _, err = process.communicate(timeout=60)  # (stdin closed: its end)
    stderr = " ".join((waiting + err).decode().split())
    assert process.returncode == 1, stderr
    assert "Waiting for the end of standard input: what comes in after your answer is added " \
        "to your evaluation" in stderr
    assert "More came in after the answer to 'Save this entry?' (1 line), so the entry was " \
        "not saved: that is added to the end of your evaluation." in stderr
    assert entries(cli) == []
    assert _kept_entry(isolated)["evaluation"] == "one more line"


def test_answers_piped_slowly_after_the_answer_still_save_it(cli: CLI, isolated: Path) -> None:
    _kept_quick_entry(cli)
    process = _resumed_slowly([(0.3, b"y\n"), (0.8, b"\nyes\n")])
    _, err = process.communicate(timeout=60)  # (stdin closed: its end)
    assert process.returncode == 0, err.decode()
    assert [e["experience"] for e in entries(cli)] == ["We sat together at the bench."]
    assert drafts(isolated) == []


def test_ctrl_c_while_the_rest_is_waited_for_keeps_what_came(cli: CLI, isolated: Path) -> None:
    _kept_quick_entry(cli)
    process = _resumed_slowly([(0.3, b"y\n"), (0.5, b"A line that came.\n")])
    assert process.stderr is not None
    time.sleep(2)  # (the pipe still open: waited on)
    assert process.poll() is None
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    stderr = " ".join(err.decode().split())
    assert process.returncode == 130, stderr
    assert "Interrupted while the rest of standard input was read, so the entry was not " \
        "saved; what came in after the answer (1 line) is added to the end of your " \
        "evaluation." in stderr
    assert "Traceback" not in stderr
    assert entries(cli) == []
    assert _kept_entry(isolated)["evaluation"] == "A line that came."


# -- 2. no editor without a terminal ---------------------------------------------------------


@pytest.fixture
def editor_ran(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """$EDITOR: a script that leaves a file behind when it runs; returns that file."""
    ran = tmp_path / "editor-ran"
    script = tmp_path / "editor.py"
    script.write_text(f"open({str(ran)!r}, 'w').close()\n", encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    return ran


def _editor_draft(home: Path) -> Path:
    """An editor draft, as `write --editor` keeps one that could not be saved."""
    folder = home / "drafts"
    folder.mkdir(parents=True, exist_ok=True)
    draft = folder / "20250101-120000.md"
    draft.write_text("## Experience\nWe talked for an hour.\n", encoding="utf-8")
    return draft


@pytest.mark.parametrize("stdin", [subprocess.DEVNULL, "empty pipe"], ids=["null", "pipe"])
def test_resume_of_an_editor_draft_with_no_answer_piped_does_not_open_the_editor(
    isolated: Path, editor_ran: Path, stdin: int | str
) -> None:
    """Was: the editor opened on /dev/null (vi: "Input is not from a terminal"). Without a
    terminal, stdin answers "Save this entry?", as for a guided draft; none came."""
    draft = _editor_draft(isolated)
    if stdin == "empty pipe":
        result = subprocess.run([*PJ, "write", "--resume"], env=_env(), input="",
                                capture_output=True, text=True, timeout=60, check=False)
    else:
        result = subprocess.run([*PJ, "write", "--resume"], env=_env(), stdin=stdin,
                                capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "peerjournal: No answer to 'Save this entry?' came in on standard input, which is not "
        f"a terminal your editor could use, so the draft {draft} was left as it was: "
        "`peerjournal write --resume`, in a terminal, opens it, `echo y | peerjournal write "
        "--resume` saves it as it is."
    )
    assert not editor_ran.exists()
    assert draft.read_text(encoding="utf-8") == "## Experience\nWe talked for an hour.\n"
    # the yes it names saves it
    saved = subprocess.run([*PJ, "write", "--resume"], env=_env(), input="y\n",
                           capture_output=True, text=True, timeout=60, check=False)
    assert saved.returncode == 0, saved.stderr
    assert not editor_ran.exists() and not draft.exists()


def test_a_yes_piped_slowly_saves_an_editor_draft_as_it_is(
    isolated: Path, editor_ran: Path
) -> None:
    """`(sleep 1; echo y) | write --resume`: the reply is waited for, as a guided draft's."""
    draft = _editor_draft(isolated)
    process = subprocess.Popen([*PJ, "write", "--resume"], env=_env(), stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdin is not None
    time.sleep(1.5)
    process.stdin.write(b"y\n")
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err.decode()
    assert out == b"1\n" and not draft.exists() and not editor_ran.exists()


@pytest.mark.parametrize("resume", [False, True], ids=["new", "resume"])
def test_editor_asked_for_with_a_pipe_at_its_end_is_not_opened(
    isolated: Path, editor_ran: Path, resume: bool
) -> None:
    """(--editor on /dev/null still runs it: an editor that needs no keyboard, round 23.)"""
    draft = _editor_draft(isolated) if resume else None
    args = ["write", "--resume", "--editor"] if resume else ["write", "--editor"]
    result = subprocess.run([*PJ, *args], env=_env(), input="", capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 1
    error = result.stderr.splitlines()[-1]
    assert "your editor, which needs a terminal as its keyboard, and standard input is a " \
        "pipe or a file" in error
    assert not editor_ran.exists()
    if draft is None:
        assert drafts(isolated) == [] and "nothing was saved" in error
    else:
        assert draft.exists() and "`peerjournal write --resume --editor`, in a terminal" in error


# -- 3, 4. a line saved when typing pauses -------------------------------------------------------

FULL_DISK = """
import errno, os, runpy, sys
from peerjournal import drafts
from peerjournal.cli import guided
guided._Utf8Keys.PAUSE = 0.5
real, full = drafts.write_atomic, sys.argv[1] + ".full"
def write_atomic(path, text):
    if os.path.exists(full):
        raise OSError(errno.ENOSPC, "No space left on device")
    real(path, text)
drafts.write_atomic = write_atomic
sys.argv = ["peerjournal", "write"]
runpy.run_module("peerjournal", run_name="__main__")
"""


@pytest.fixture
def a_disk_that_fills(
    isolated: Path, journal_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Terminal, Path]]:
    """`write` on a terminal whose draft cannot be written while the file returned exists."""
    monkeypatch.setattr(test_guided_r33, "COUNTING", FULL_DISK)
    for session in test_guided_r33._on_a_terminal(isolated, journal_template, tmp_path):
        yield session, Path(f"{session.count}.full")


def test_a_full_disk_at_a_pause_is_said_on_a_line_of_its_own(
    a_disk_that_fills: tuple[Terminal, Path],
) -> None:
    """Was: "half a liThe draft cannot be saved …", in the middle of the line being typed."""
    session, full = a_disk_that_fills
    session.type(b"We sat together.\r")
    assert session.read(10, lambda: session.experience() == "We sat together.")
    full.touch()
    session.type(b"half a li")
    assert session.read(10, lambda: b"carry on: your text is kept in memory." in session.shown)
    session.read(0.5)
    shown = session.shown.decode(errors="replace")
    after = shown[shown.index("half a li"):]
    assert re.match(r"half a li\r?\n+The draft cannot be saved in\s", after), after
    # the prompt's line drawn again below the warning, with what was typed on it
    assert "half a li" in after[after.index("kept in memory."):]
    session.type(b"ne.\r")
    full.unlink()
    session.type(b"\r")  # the end of the experience: saved, with the line whole
    assert session.read(10, lambda: session.experience() == "We sat together.\nhalf a line.")


def test_a_line_saved_at_a_pause_then_erased_leaves_the_draft(
    on_a_terminal: Terminal,  # noqa: F811
) -> None:
    """Was: the erased words stayed in the draft until the next line was ended."""
    on_a_terminal.type(b"We sat together.\r")
    assert on_a_terminal.read(10, lambda: on_a_terminal.experience() == "We sat together.")
    on_a_terminal.type(b"words I took back")
    both = "We sat together.\nwords I took back"
    assert on_a_terminal.read(10, lambda: on_a_terminal.experience() == both)
    on_a_terminal.type(b"\x15")  # Ctrl-U: the line erased
    assert on_a_terminal.read(10, lambda: on_a_terminal.experience() == "We sat together.")
    on_a_terminal.type(b"kept")
    assert on_a_terminal.read(10, lambda: on_a_terminal.experience().endswith("\nkept"))
    on_a_terminal.type(b"\x7f" * 4)  # erased with Backspace
    assert on_a_terminal.read(10, lambda: on_a_terminal.experience() == "We sat together.")


def test_the_only_line_typed_erased_leaves_no_draft(
    on_a_terminal: Terminal,  # noqa: F811
) -> None:
    folder = on_a_terminal.home / "drafts"
    on_a_terminal.type(b"words I took back")
    assert on_a_terminal.read(10, lambda: on_a_terminal.experience() == "words I took back")
    on_a_terminal.type(b"\x15")
    assert on_a_terminal.read(10, lambda: not list(folder.glob("*.json")))
    on_a_terminal.type(b"Typed again.\r")
    assert on_a_terminal.read(10, lambda: folder.exists() and bool(list(folder.glob("*.json")))
                              and on_a_terminal.experience() == "Typed again.")


# -- 5. the iconv hint carries the options -----------------------------------------------------

RUSSIAN = "Сегодня был трудный день на смене, мы долго говорили о его опыте.\n"
OPTIONS = ("-s", "inpatient", "-t", "handover,night", "--mode", "in-action", "--share")


def test_text_not_utf8_converted_as_the_error_says_is_saved_with_its_options(
    cli: CLI, isolated: Path
) -> None:
    """Was: `iconv … | peerjournal write` saved it with no setting, tags, mode or sharing."""
    result = cli("write", *OPTIONS, input=RUSSIAN.encode("cp1251"))
    assert result.exit_code == 1
    assert "| peerjournal write` saves it (with the options you gave, kept in the draft)." \
        in result.stderr
    [original] = (isolated / "drafts" / "originals").iterdir()
    converted = original.read_bytes().decode("cp1251").encode("utf-8")  # what iconv pipes
    saved = cli("write", input=converted)
    assert saved.exit_code == 0, saved.stderr
    [entry] = entries(cli)
    shown = json.loads(cli("show", str(entry["id"]), "--json").stdout)
    assert (shown["experience"], shown["setting"], shown["tags"], shown["mode"],
            shown["shared"]) == (RUSSIAN.strip(), "inpatient", ["handover", "night"],
                                 "in-action", True)
    assert drafts(isolated) == [] and not (isolated / "drafts" / "originals").exists()


def test_options_given_with_the_converted_text_win_over_those_kept(
    cli: CLI, isolated: Path
) -> None:
    assert cli("write", *OPTIONS, input=RUSSIAN.encode("cp1251")).exit_code == 1
    saved = cli("write", "-s", "community", input=RUSSIAN.encode("utf-8"))
    assert saved.exit_code == 0, saved.stderr
    [entry] = entries(cli)
    assert (entry["setting"], entry["tags"]) == ("community", ["handover", "night"])


def test_without_options_the_hint_says_none(cli: CLI) -> None:
    result = cli("write", input=RUSSIAN.encode("cp1251"))
    assert result.exit_code == 1
    assert "| peerjournal write` saves it." in result.stderr
    assert "with the options" not in result.stderr


# -- 6. edit in a loop over IDs ------------------------------------------------------------------

LOOP_HINT = (
    "In a loop that reads IDs (`while read id`), give the editor the terminal: `peerjournal "
    'edit "$id" < /dev/tty`; from a script, give the new text as an option (-x TEXT replaces '
    "the experience, -f the feelings)."
)


@pytest.mark.parametrize("feed", ["< ids", "cat ids |"], ids=["file", "pipe"])
def test_edit_in_a_loop_over_ids_is_refused_alike_for_each(
    cli: CLI, tmp_path: Path, editor_ran: Path, feed: str
) -> None:
    """Was: refused for each ID but the last, on which vi opened, its keyboard the loop's
    file (at its end)."""
    for n in range(3):
        assert cli("write", "-x", f"Entry {n} about the ward.").exit_code == 0
    (tmp_path / "ids").write_text("1\n2\n3\n", encoding="utf-8")
    loop = 'while read id; do $PJ edit "$id"; echo "status $?"; done'
    script = f"{loop} < ids" if feed == "< ids" else f"cat ids | {loop}"
    result = subprocess.run(["sh", "-c", script], cwd=tmp_path, capture_output=True, text=True,
                            timeout=120, env=_env(PJ=" ".join(PJ)), check=False)
    assert result.stdout.split("\n")[:3] == ["status 2"] * 3, result.stderr
    errors = result.stderr.splitlines()
    assert len(errors) == 3 and all(e.endswith(LOOP_HINT) for e in errors), errors
    assert errors[2].startswith(
        "peerjournal: `peerjournal edit 3` opens the entry in your editor, which takes "
        "standard input as its keyboard, and that is a pipe or a file: entry 3 is unchanged."
    )
    assert not editor_ran.exists()
    assert [e["experience"] for e in entries(cli)] == [
        f"Entry {n} about the ward." for n in (2, 1, 0)
    ]


def test_edit_from_an_empty_file_does_not_open_the_editor(
    cli: CLI, tmp_path: Path, editor_ran: Path
) -> None:
    assert cli("write", "-x", "A calm shift.").exit_code == 0
    (tmp_path / "empty").write_text("", encoding="utf-8")
    with (tmp_path / "empty").open() as empty:
        result = subprocess.run([*PJ, "edit", "1"], env=_env(), stdin=empty,
                                capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert result.stderr.endswith(LOOP_HINT + "\n") and not editor_ran.exists()


def test_the_loop_the_error_names_edits_each_entry_on_a_terminal(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`peerjournal edit "$id" < /dev/tty`, as the error says: each entry opened in turn."""
    if not hasattr(os, "openpty"):
        pytest.skip("needs a pseudo-terminal")
    import select

    from test_qa16_writer_terminal import _controlling_terminal

    for n in range(3):
        assert cli("write", "-x", f"Entry {n} about the ward.").exit_code == 0
    (tmp_path / "ids").write_text("1\n3\n", encoding="utf-8")
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import os, sys\npath = sys.argv[-1]\nassert os.isatty(0)\n"
        "text = open(path, encoding='utf-8').read()\n"
        "open(path, 'w', encoding='utf-8').write(text.replace('about', 'after', 1))\n",
        encoding="utf-8",
    )
    controller, terminal = os.openpty()
    loop = subprocess.Popen(
        ["sh", "-c", 'while read id; do $PJ edit "$id" < /dev/tty || exit 9; done < ids'],
        cwd=tmp_path, stdin=terminal, stdout=terminal, stderr=terminal, close_fds=True,
        env=_env(PJ=" ".join(PJ), EDITOR=f"{sys.executable} {editor}"),
        preexec_fn=_controlling_terminal,
    )
    os.close(terminal)
    shown = b""
    try:
        end = time.monotonic() + 120
        while loop.poll() is None and time.monotonic() < end:
            if select.select([controller], [], [], 0.1)[0]:
                try:
                    shown += os.read(controller, 65536)
                except OSError:
                    break
        assert loop.wait(timeout=30) == 0, shown.decode(errors="replace")
    finally:
        if loop.poll() is None:
            loop.kill()
        os.close(controller)
    assert [e["experience"] for e in entries(cli)] == [
        "Entry 2 after the ward.", "Entry 1 about the ward.", "Entry 0 after the ward."
    ]

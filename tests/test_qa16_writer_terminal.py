"""The guided write on a real terminal (a pseudo-terminal), where the terminal's own line
reading applies: what a writer pastes or types with the arrow keys reaches the entry intact."""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SRC

pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
# every key a guided boud write asks for after the experience: feelings, its question,
# evaluation, its question, tags, self-care; then the answer to "Save this entry?"
REST = [*[b"\r"] * 6, b"y\r"]


def _controlling_terminal() -> None:  # in the child: Ctrl-C on the terminal interrupts it
    import fcntl
    import termios

    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def _write_on_a_terminal(
    keys: list[bytes], stdout: Path | None = None, exit_code: int = 0, *options: str
) -> str:
    """Run `peerjournal write` on a pseudo-terminal, typing each chunk of `keys` after a pause;
    returns everything the terminal showed. With `stdout`, stdout is redirected to that file
    (`peerjournal write > FILE`) while stdin and stderr stay on the terminal."""
    controller, terminal = os.openpty()
    env = {**os.environ, "PYTHONPATH": SRC, "TERM": "xterm"}
    with open(stdout or os.devnull, "wb") as redirected:
        process = subprocess.Popen(
            [sys.executable, "-m", "peerjournal", "write", *options],
            stdin=terminal, stdout=redirected if stdout else terminal, stderr=terminal,
            env=env, close_fds=True, preexec_fn=_controlling_terminal,
        )
    os.close(terminal)
    shown = b""

    def read_for(seconds: float, until: bytes = b"") -> None:
        nonlocal shown
        end = time.monotonic() + seconds
        while time.monotonic() < end and not (until and until in shown):
            ready, _, _ = select.select([controller], [], [], 0.05)
            if ready:
                try:
                    shown += os.read(controller, 65536)
                except OSError:  # the program has exited
                    return

    try:
        read_for(20.0, until=b"Enter to skip):" if keys else b"")  # the first prompt
        for chunk in keys:
            for start in range(0, len(chunk), 1000):  # as a terminal delivers a paste
                os.write(controller, chunk[start : start + 1000])
            read_for(0.25)
        process.wait(timeout=60)
        read_for(0.2)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(controller)
    assert process.returncode == exit_code, shown.decode("utf-8", "replace")[-2000:]
    return shown.decode("utf-8", "replace")


def _stored(home: Path) -> dict[str, object]:
    import sqlite3

    with sqlite3.connect(home / "journal.db") as conn:
        experience, feelings = conn.execute("SELECT experience, feelings FROM entry").fetchone()
    return {"experience": experience, "feelings": feelings}


def test_a_long_pasted_paragraph_and_the_arrow_keys_reach_the_entry_intact(
    isolated: Path, journal_template: Path,
) -> None:
    isolated.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(journal_template, isolated / "journal.db")  # no migration in the child
    # One pasted paragraph of 6,000 characters used to be cut at 4,095 by the terminal;
    # the left arrow typed "\x1b[D" into the entry instead of moving the cursor.
    paragraph = " ".join(f"w{n:04d}" for n in range(1000))
    keys = [
        b"\r",  # setting: skipped
        paragraph.encode() + b"\r\rA second paragraph.\r",  # pasted at once
        b"We sat\x1b[D\x1b[Dtogether\r",  # two left arrows, then more typing
        b"\r",  # a blank line ends the experience
        *[b"\r"] * 6,  # feelings, its question, evaluation, its question, tags, self-care
        b"y\r",
    ]
    shown = _write_on_a_terminal(keys)
    assert "Save this entry?" in shown
    entry = _stored(isolated)
    assert entry["experience"] == (
        f"{paragraph}\n\nA second paragraph.\nWe stogetherat"
    )
    assert entry["feelings"] == ""
    assert json.dumps(entry).count("\\u001b") == 0


@pytest.fixture
def journal(isolated: Path, journal_template: Path) -> Path:
    isolated.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(journal_template, isolated / "journal.db")  # no migration in the child
    return isolated


def _drafts(home: Path) -> list[Path]:
    return list((home / "drafts").glob("*.json")) if (home / "drafts").is_dir() else []


def test_bytes_that_are_not_utf8_typed_at_a_prompt_are_kept_as_replacement_characters(
    journal: Path,
) -> None:
    # readline (in a UTF-8 locale) dropped a byte that does not start a UTF-8 character, and
    # at times the byte after it: "caf\xe9 ok" was saved as "caf ok", "\xe9t\xe9" as "t\ufffd".
    keys = [
        b"\r",
        b"caf\xe9 ok, na\xefve, end\xc3\r",
        b"\xe9t\xe9 here \xf0\x9fb, x\x80y, caf\xc3\xa9 \xf0\x9f\x98\x80\r",
        b"ab\xff\x1b[D\x1b[Dz\r",  # the arrow keys move over the \ufffd as one character
        b"\r",
        *REST,
    ]
    shown = _write_on_a_terminal(keys)
    assert "kept as \ufffd" in shown
    assert _stored(journal)["experience"] == (
        "caf\ufffd ok, na\ufffdve, end\ufffd\n"
        "\ufffdt\ufffd here \ufffdb, x\ufffdy, caf\u00e9 \U0001f600\n"
        "azb\ufffd"
    )


def test_with_stdout_redirected_a_long_line_is_read_whole_and_stdout_gets_only_the_id(
    journal: Path, tmp_path: Path
) -> None:
    # `peerjournal write > log.txt`: Python reads without readline when stdout is not a
    # terminal, and the terminal cut a line at 4,095 characters.
    paragraph = " ".join(f"w{n:04d}" for n in range(1000))
    log = tmp_path / "log.txt"
    keys = [b"housing\r", paragraph.encode() + b"\r", b"We sat\x1b[D\x1b[Dtogether\r", b"\r", *REST]
    shown = _write_on_a_terminal(keys, stdout=log)
    assert log.read_text(encoding="utf-8") == "1\n"
    assert "Setting (" in shown and "Save this entry? [Y/n]" in shown  # prompts on the terminal
    entry = _stored(journal)
    assert entry["experience"] == f"{paragraph}\nWe stogetherat"


def test_ctrl_c_with_stdout_redirected_keeps_the_draft_and_says_so_on_a_line_of_its_own(
    journal: Path, tmp_path: Path
) -> None:
    log = tmp_path / "log.txt"
    keys = [b"\r", b"We talked about the ward.\r", b"half a line", b"\x03"]
    shown = _write_on_a_terminal(keys, stdout=log, exit_code=130)
    assert log.read_text(encoding="utf-8") == ""
    assert "half a line\r\npeerjournal: Interrupted. Your words are kept as draft " in shown
    [draft] = _drafts(journal)
    assert json.loads(draft.read_text(encoding="utf-8"))["entry"]["experience"] == (
        "We talked about the ward.\nhalf a line"  # the line Ctrl-C ended is kept too
    )


def test_with_stdout_redirected_the_editor_draws_on_the_terminal(
    journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `write --editor > id.txt` gave the editor the file as its screen: vim drew into it
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import os, sys\n"
        "print('drawn on the screen')\n"
        "with open(sys.argv[-1], 'a', encoding='utf-8') as f:\n"
        "    f.write(f'\\n## Experience\\nScreen is a terminal: {os.isatty(1)}.\\n')\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    log = tmp_path / "id.txt"
    shown = _write_on_a_terminal([], log, 0, "--editor")
    assert log.read_text(encoding="utf-8") == "1\n"
    assert "drawn on the screen" in shown
    assert _stored(journal)["experience"] == "Screen is a terminal: True."


def test_a_long_run_of_latin1_accents_is_kept_and_the_session_goes_on(journal: Path) -> None:
    # 300 "é" in a row (a Latin-1 paste): readline was told "end of input" halfway, so the
    # session ended with "No experience written" and every word of the line was lost.
    keys = [b"\r", b"start " + b"\xe9" * 300 + b" end\r", b"after\r", b"\r", *REST]
    shown = _write_on_a_terminal(keys)
    assert "Traceback" not in shown
    assert _stored(journal)["experience"] == "start " + "\ufffd" * 300 + " end\nafter"

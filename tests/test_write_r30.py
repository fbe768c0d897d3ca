"""Round 30 (a tired writer): Ctrl-C or Ctrl-\\ while typing into `write --stdin` keeps what was
typed; the command named after a failure continues the right draft; -f is not a file."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, SRC
from test_editor_drafts_r29 import drafts, experiences, said

# -- 1. Ctrl-C or Ctrl-\ while typing into `write --stdin` -----------------------------------


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("option", ["--stdin", "--from-file=-"])
@pytest.mark.parametrize("key", [b"\x03", b"\x1c"], ids=["ctrl-c", "ctrl-backslash"])
def test_ctrl_c_while_typing_into_stdin_keeps_what_was_typed(
    isolated: Path, key: bytes, option: str
) -> None:
    """Before: both lines were lost ("Interrupted.", exit 130, no draft); with Ctrl-\\ the
    process ended at once (exit 131) without a word."""
    import pty

    env = {**os.environ, "PYTHONPATH": SRC, "TERM": "xterm"}
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover (the child)
        os.execve(sys.executable, [sys.executable, "-m", "peerjournal", "write", option], env)
    seen = b""

    def read_until(text: bytes, seconds: float = 60) -> None:
        nonlocal seen
        end = time.monotonic() + seconds
        while text not in seen and time.monotonic() < end:
            if select.select([fd], [], [], 0.1)[0]:
                try:
                    seen += os.read(fd, 4096)
                except OSError:
                    break

    try:
        read_until(b"of its own.")
        os.write(fd, b"Typed into stdin.\r")
        read_until(b"stdin.\r\n")
        os.write(fd, b"Second line half")
        read_until(b"half")
        time.sleep(0.3)
        os.write(fd, key)
        _, status = os.waitpid(pid, 0)
        read_until(b"--resume", 5)
    finally:
        os.close(fd)
    shown = "".join(seen.decode("utf-8", "replace").split())  # (wrapped at the terminal's width)
    assert os.waitstatus_to_exitcode(status) == 130, shown
    [kept] = drafts(isolated)
    assert kept.read_text(encoding="utf-8") == "Typed into stdin.\nSecond line half"
    message = (
        "half\npeerjournal: Interrupted. Your words are kept as draft 1: "
        "`peerjournal write --resume --draft 1`."
    )
    assert "".join(message.split()) in shown


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="FIONREAD on a pipe")
def test_sigterm_while_text_is_piped_in_keeps_what_came_in(isolated: Path) -> None:
    """`slow-program | peerjournal write`, stopped before the program ended: what it had
    written was read all at once at the end, and lost."""
    import fcntl
    import signal
    import struct
    import termios

    env = {**os.environ, "PYTHONPATH": SRC}
    process = subprocess.Popen(
        [sys.executable, "-m", "peerjournal", "write"], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )
    assert process.stdin is not None
    try:
        process.stdin.write(b"The first half of a long note\n")
        process.stdin.flush()
        end = time.monotonic() + 60
        waiting = 1
        while waiting and time.monotonic() < end:  # until peerjournal has read it
            time.sleep(0.05)
            found = fcntl.ioctl(process.stdin.fileno(), termios.FIONREAD, struct.pack("i", 0))
            waiting = struct.unpack("i", found)[0]
        time.sleep(0.2)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 130, stderr
    [kept] = drafts(isolated)
    assert kept.read_text(encoding="utf-8") == "The first half of a long note\n"
    assert " ".join(stderr.decode().split()) == (
        "peerjournal: Interrupted. Your words are kept as draft 1: `peerjournal write --resume "
        "--draft 1`."
    )


# -- 2. the command named after a failed editor resume continues that draft ------------------


@pytest.mark.parametrize(
    "content, said_after",
    [
        (b"## Experiance\nTypo heading words.\n", "Your words are kept as draft 2: {resume}."),
        (b"Nul\x00 inside words.\n", "Your words are kept as draft 2: {resume}."),
        (b"Caf\xe9 words.\n", "Your words are kept as draft 2: {resume}."),  # read as cp1252
        # 0x81: not cp1252 (r37: then the ways out, should it not be made text)
        (b"Caf\x81 words.\n", "save it as UTF-8 and run {resume}. `peerjournal drafts --discard "
         "2` discards it; `peerjournal write --resume --draft 1` continues another."),
    ],
    ids=["heading", "nul", "latin-1", "not-text"],
)
def test_a_failed_resume_of_draft_2_names_draft_2(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, content: bytes, said_after: str
) -> None:
    """Before: "(`peerjournal write --resume`)", which continues draft 1, not this one."""
    # (kept second, draft 2, and made the older: a draft keeps the number it was kept with,
    # so draft 2 is not the one `write --resume` picks - round 46)
    for words in ("Newer words.", "Older words."):
        assert cli("write", "--date", "yesterdya", input=words).exit_code == 1
    older, newer = sorted(drafts(isolated), key=lambda p: "Newer" in p.read_text("utf-8"))
    older.write_bytes(content)
    os.utime(older, (time.time() - 120, time.time() - 120))
    monkeypatch.setenv("EDITOR", "true")  # leaves the file as it is
    result = cli("write", "--resume", "--draft", "2")
    assert result.exit_code == 1
    resume = "`peerjournal write --resume --draft 2`"
    assert said(result).endswith(said_after.format(kept=older, resume=resume)), said(result)
    assert older.read_bytes() == content and newer.exists()


# -- 4. -f is --feelings, not a file --------------------------------------------------------


@pytest.mark.parametrize(
    "args, flag",
    [
        (["-x", "Quiet shift", "-f", "shift.md"], "-f is --feelings"),
        (["-f", "shift.md"], "-f is --feelings"),
        (["-x", "shift.md"], "-x is --experience"),
        (["-x", "Quiet shift", "-e", "shift.md"], "-e is --evaluation"),
    ],
)
def test_a_file_name_given_to_a_text_option_is_refused(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    args: list[str], flag: str,
) -> None:
    """Before: `-x "Quiet shift" -f notes.md` saved the feelings "notes.md" (exit 0), and
    `-f shift.md` alone said only "The experience is empty"."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "shift.md").write_text("We sat together on the ward.\n", encoding="utf-8")
    result = cli("write", *args)
    assert result.exit_code == 2
    assert result.stderr == (
        f"peerjournal: {flag}, given the text itself; to read the entry from shift.md, use "
        "--from-file shift.md. Nothing was saved.\n"
    )
    assert drafts(isolated) == [] and not (isolated / "journal.db").exists()
    assert cli("write", "--from-file", "shift.md").exit_code == 0
    assert experiences(cli) == ["We sat together on the ward."]


def test_a_text_option_that_only_looks_like_a_file_name_is_text(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli("write", "-x", "Quiet shift", "-f", "tired.md").exit_code == 0
    [entry] = json.loads(cli("list", "--json").stdout)
    assert entry["feelings"] == "tired.md"


# -- 6. a draft kept after a bad --date ----------------------------------------------------


@pytest.mark.parametrize("piped", [False, True], ids=["quick", "piped"])
def test_a_draft_kept_after_a_bad_date_says_to_give_the_date_again(
    cli: CLI, isolated: Path, piped: bool
) -> None:
    """Before: only the hint's `--date DATE` said so; `write --resume` alone saved the entry
    dated today."""
    args = ["--date", "31/02"] if piped else ["-x", "Night shift.", "--date", "31/02"]
    result = cli("write", *args, input="Night shift.\n" if piped else None)
    assert result.exit_code == 1
    [_kept] = drafts(isolated)
    assert said(result).endswith(
        "Your words are kept as draft 1: "
        "`peerjournal write --resume --draft 1 --date DATE`. Give --date again: the draft does not "
        "keep it."
    ), said(result)
    result = cli("write", "--mode", "x", "-x", "Night shift.")  # no --date: nothing said of it
    assert result.exit_code == 1 and said(result).endswith("--resume --draft 2 --mode MODE`.")


# -- 5. `edit ID`: a damaged journal, an entry deleted meanwhile ----------------------------


def _editor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, body: str) -> Path:
    """$EDITOR: a Python script, `body`, with `path` the file it is given; returns the file
    it marks when it runs."""
    ran = tmp_path / "editor-ran"
    script = tmp_path / "editor.py"
    script.write_text(
        "import pathlib, subprocess, sys\npath = sys.argv[-1]\n"
        f"pathlib.Path({str(ran)!r}).touch()\n{body}", encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    return ran


def test_edit_on_a_damaged_journal_is_refused_before_the_editor_opens(
    cli: CLI, add: Any, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: the editor opened, the writer made the edit, and only then was it refused."""
    from test_damaged_journal_r29 import garbage, journal, root_page

    path = journal(add, isolated, entries=4)
    garbage(path, root_page(path, "entry_fts_data"))
    ran = _editor(monkeypatch, tmp_path, "")
    result = cli("edit", "3")
    assert result.exit_code == 4
    assert said(result).startswith(f"peerjournal: The journal at {path} is damaged")
    assert said(result).count("is damaged") == 1
    assert not ran.exists() and drafts(isolated) == []


def test_an_entry_deleted_while_it_is_edited_names_restore(
    cli: CLI, add: Any, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: "No entry 1 in the journal … `peerjournal edit 1` continues it", which fails
    until the entry is restored."""
    entry_id = add("We sat in the garden.")
    _editor(monkeypatch, tmp_path, (
        "text = open(path, encoding='utf-8').read()\n"
        "open(path, 'w', encoding='utf-8').write(text.replace('garden.', 'garden, edited.'))\n"
        "subprocess.run([sys.executable, '-m', 'peerjournal', 'delete', "
        f"'{entry_id}'], check=True, env={{**__import__('os').environ, 'PYTHONPATH': {SRC!r}}})\n"
    ))
    result = cli("edit", str(entry_id))
    assert result.exit_code == 3
    [kept] = list((isolated / "drafts" / "edits").glob("*.md"))
    assert said(result) == (
        f"peerjournal: Entry {entry_id} is in the trash: `peerjournal restore {entry_id}` "
        f"brings it back. Nothing changed; your edit is kept in {kept} (`peerjournal edit "
        f"{entry_id}` continues it)."
    )
    assert cli("restore", str(entry_id)).exit_code == 0
    # saved as it is (`:wq`; round 32: closed without saving, `:q!`, it stays kept)
    monkeypatch.setenv("EDITOR", "touch")
    assert cli("edit", str(entry_id)).exit_code == 0
    assert experiences(cli) == ["We sat in the garden, edited."]


# -- 3. a disk that fills during a guided write, then Ctrl-C ----------------------------------


def test_a_draft_behind_the_printed_entry_is_not_said_to_hold_the_text(
    cli: CLI, isolated: Path, keys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: "… so your entry is printed on stdout … Your text is kept in X (`peerjournal
    write --resume`)", X lacking the last line."""
    import errno

    from conftest import CTRL_C
    from peerjournal.cli import guided

    real = guided.save_json
    calls: list[object] = []

    def filling(*args: Any, **kwargs: Any) -> None:
        calls.append(args)
        if len(calls) > 1:  # the disk is full after the first line is saved
            raise OSError(errno.ENOSPC, "No space left on device")
        real(*args, **kwargs)

    monkeypatch.setattr(guided, "save_json", filling)
    keys("", "First line saved.", "Second line on a full disk.", CTRL_C)
    result = cli("write")
    assert result.exit_code == 130
    [draft] = drafts(isolated)
    assert json.loads(draft.read_text("utf-8"))["entry"]["experience"] == "First line saved."
    assert "First line saved.\nSecond line on a full disk." in result.stdout
    message = said(result)
    assert "so your entry is printed on stdout" in message
    assert "Your words are kept as draft " not in message and "--resume" not in message
    assert message.endswith(
        f"The draft {draft} holds your text only up to the last line that could be saved."
    )

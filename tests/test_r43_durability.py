"""Round 43 (an unreliable laptop: kill -9, a battery gone, a full disk).

1. Text typed at a terminal into `write --stdin` (or `--from-file -`) is kept in a draft as it
   is typed: every line ended with Enter, and the line being typed once the writer pauses.
   Before, it was in memory only until Ctrl-D or Ctrl-C: kill -9 lost every line (12 of 12).
2. A save that fails on a full disk lets go of the journal before the entry is kept: the
   failed transaction's -wal file had taken the room the draft needed, so the entry went to
   stdout alone.
4. Text piped in is kept in a draft from the moment it has all come in until it is saved: a
   `write` killed during the save kept nothing.
"""

from __future__ import annotations

import errno
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import CLI, SRC
from test_editor_drafts_r29 import drafts, experiences, said

FIRST = "We walked to the housing office."
SECOND = "Second line typed."
PROMPT = b"of its own."  # the end of "Reading the entry from the terminal: … its own."


def _gnu_readline() -> bool:
    try:
        import readline
    except ImportError:
        return False
    return "GNU readline" in (readline.__doc__ or "")


needs_pty = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")


class _Terminal:
    """`peerjournal ARGS` at a pseudo-terminal: keys typed, the screen read."""

    def __init__(self, *args: str) -> None:
        import pty

        env = {**os.environ, "PYTHONPATH": SRC, "TERM": "xterm"}
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # pragma: no cover (the child)
            os.execve(sys.executable, [sys.executable, "-m", "peerjournal", *args], env)
        self.seen = b""
        self.status: int | None = None

    def read_until(self, text: bytes, seconds: float = 60) -> None:
        """Read the screen until `text` is on it, or `seconds` have passed (0: what is there)."""
        end = time.monotonic() + seconds
        while text not in self.seen:
            if select.select([self.fd], [], [], 0.1 if seconds else 0)[0]:
                try:
                    self.seen += os.read(self.fd, 65536)
                except OSError:
                    return
            elif time.monotonic() >= end:
                return

    def type(self, keys: bytes, echo: bytes) -> None:
        """Type `keys` (a paste: in pieces, reading the screen between them, as a terminal
        never blocks on its own echo), then wait for `echo` on the screen."""
        for start in range(0, len(keys), 512):
            os.write(self.fd, keys[start:start + 512])
            self.read_until(b"\0", 0)
        self.read_until(echo)

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        self.wait(0)

    def wait(self, seconds: float = 120) -> int:
        """Its exit code, the screen read meanwhile (killed after `seconds`)."""
        end = time.monotonic() + seconds
        while self.status is None:
            if time.monotonic() > end:
                os.kill(self.pid, signal.SIGKILL)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
            else:
                self.read_until(b"\0", 0.05)
        return self.status

    def close(self) -> None:
        if self.status is None:
            self.kill()
        os.close(self.fd)


@contextmanager
def terminal(*args: str) -> Iterator[_Terminal]:
    session = _Terminal(*args)
    try:
        yield session
    finally:
        session.close()


def _draft_holding(home: Path, text: str, seconds: float = 60) -> Path:
    """The draft that holds `text` (waited for: saved as it is typed)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        for path in drafts(home):
            try:
                if text in path.read_text(encoding="utf-8"):
                    return path
            except OSError:  # (replaced as it was read)
                continue
        time.sleep(0.05)
    raise AssertionError(f"no draft holds {text!r}: {[p.read_text() for p in drafts(home)]}")


# -- 1. typed at a terminal: kept as it is typed ----------------------------------------------


@needs_pty
@pytest.mark.parametrize("option", ["--stdin", "--from-file=-"])
def test_lines_typed_into_stdin_are_kept_when_the_process_is_killed(
    cli: CLI, isolated: Path, option: str
) -> None:
    with terminal("write", option, "-s", "ward", "-t", "night") as term:
        term.read_until(PROMPT)
        term.type(f"{FIRST}\r".encode(), b"office.\r\n")
        term.type(f"{SECOND}\r".encode(), b"typed.\r\n")
        kept = _draft_holding(isolated, SECOND)
        term.kill()  # (kill -9: nothing of peerjournal's runs after it)
    assert drafts(isolated) == [kept]
    assert kept.name.startswith("kept-") and kept.suffix == ".md"
    text = kept.read_text(encoding="utf-8")
    assert text.endswith(f"\n{FIRST}\n{SECOND}\n")
    assert '{"setting": "ward", "tags": ["night"]}' in text.splitlines()[0]  # (`with_options`)
    [listed] = json.loads(cli("drafts", "--json").stdout)
    assert listed["first_words"].startswith(FIRST)
    # `write --resume` knows it: a yes saves it as it is, with the options given
    resumed = cli("write", "--resume", input="y\n")
    assert resumed.exit_code == 0, resumed.stderr
    [entry] = json.loads(cli("list", "--json").stdout)
    assert entry["experience"] == f"{FIRST}\n{SECOND}"
    assert (entry["setting"], entry["tags"]) == ("ward", ["night"])
    assert drafts(isolated) == []


@needs_pty
@pytest.mark.skipif(not _gnu_readline(), reason="a pause is seen through GNU readline")
def test_a_line_half_typed_is_kept_once_the_writer_pauses(isolated: Path) -> None:
    with terminal("write", "--stdin") as term:
        term.read_until(PROMPT)
        term.type(f"{FIRST}\r".encode(), b"office.\r\n")
        term.type(b"Half a line", b"line")
        kept = _draft_holding(isolated, "Half a line")  # (after a second without a key)
        term.kill()
    assert kept.read_text(encoding="utf-8") == f"{FIRST}\nHalf a line"  # as Ctrl-C keeps it


@needs_pty
def test_a_paste_is_kept_whole_and_the_entry_saved_leaves_no_draft(
    cli: CLI, isolated: Path
) -> None:
    lines = [f"Pasted line {n} about the ward round." for n in range(200)]
    with terminal("write", "--stdin") as term:
        term.read_until(PROMPT)
        term.type("".join(f"{line}\r" for line in lines).encode(), lines[-1].encode())
        kept = _draft_holding(isolated, lines[-1])  # (a paste's lines: saved together)
        assert kept.read_text(encoding="utf-8") == "".join(f"{line}\n" for line in lines)
        os.write(term.fd, b"\x04")  # Ctrl-D on a line of its own: saved
        assert term.wait() == 0, term.seen.decode("utf-8", "replace")
    assert experiences(cli) == ["\n".join(lines)]
    assert list((isolated / "drafts").iterdir()) == []  # (nor a lock file left)


# -- 4. piped: kept from the moment it has come in ---------------------------------------------


def _kill_9_in_the_save(*args: str, text: bytes) -> subprocess.CompletedProcess[bytes]:
    """`peerjournal ARGS`, `text` piped in, killed (SIGKILL) as the entry is being added."""
    code = (
        "import os, signal, sys\n"
        "from peerjournal.db.store import Store\n"
        "Store.add_entry = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)\n"
        "sys.argv[0] = 'peerjournal'\n"
        "from peerjournal.launcher import main\n"
        "main()\n"
    )
    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.run([sys.executable, "-c", code, *args], input=text, env=env,
                          capture_output=True, timeout=120)


@pytest.mark.parametrize("option", ["--stdin", "--from-file=-"])
def test_piped_text_is_kept_when_write_is_killed_during_the_save(
    cli: CLI, isolated: Path, option: str
) -> None:
    """Before: no entry and no draft (QA: 2 of 30 kills, taken between the reading and the
    commit)."""
    killed = _kill_9_in_the_save("write", option, "-s", "ward", text=f"{FIRST}\n".encode())
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    [kept] = drafts(isolated)
    assert kept.read_text(encoding="utf-8").endswith(f"\n{FIRST}\n")
    resumed = cli("write", "--resume", input="y\n")
    assert resumed.exit_code == 0, resumed.stderr
    assert experiences(cli) == [FIRST]
    assert drafts(isolated) == []


def test_piped_text_is_in_a_draft_while_it_is_saved_and_gone_once_it_is(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal.db.store import Store

    seen: list[list[str]] = []
    real = Store.add_entry

    def add_entry(self: Store, *args: object, **kwargs: object) -> int:
        seen.append([p.read_text(encoding="utf-8") for p in drafts(isolated)])
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "add_entry", add_entry)
    result = cli("write", "--stdin", "-s", "ward", input=f"{FIRST}\n")
    assert result.exit_code == 0, result.stderr
    [[held]] = seen
    assert held.endswith(f"\n{FIRST}\n") and '"setting": "ward"' in held
    assert list((isolated / "drafts").iterdir()) == []
    assert experiences(cli) == [FIRST]


def test_piped_text_that_is_no_entry_leaves_no_draft(cli: CLI, isolated: Path) -> None:
    """A backup piped to `write` by mistake is refused, and not kept (as before)."""
    result = cli("write", "--stdin", input='[{"experience": "x"}]\n')
    assert result.exit_code == 1
    assert "holds JSON" in said(result)
    assert drafts(isolated) == []


def test_piped_text_refused_is_kept_in_one_draft(cli: CLI, isolated: Path) -> None:
    result = cli("write", "--stdin", input="## Experiance\nA typo in the heading.\n")
    assert result.exit_code == 1
    [kept] = drafts(isolated)
    assert "Your words are kept as draft " in said(result)
    assert kept.read_text(encoding="utf-8") == "## Experiance\nA typo in the heading.\n"


# -- 2. a full disk ---------------------------------------------------------------------------


def _full_disk(
    monkeypatch: pytest.MonkeyPatch, home: Path, refuse: Callable[[Path], bool]
) -> list[bool]:
    """The disk fills as the entry is added (the failed transaction's -wal took the room):
    the save fails as SQLite's does, and a draft `refuse`d (given its path) cannot be written.
    Returns, for each time the entry was added, whether the journal's -wal was there."""
    from peerjournal import drafts as drafts_module
    from peerjournal.db.store import Store
    from peerjournal.errors import DatabaseError

    opened: list[bool] = []
    wal = home / "journal.db-wal"

    def add_entry(self: Store, *args: object, **kwargs: object) -> int:
        opened.append(wal.exists())
        raise DatabaseError(f"The disk holding {self.path} is full; nothing was saved.")

    real_write = drafts_module.write_atomic

    def write_atomic(path: Path, text: str | bytes) -> None:
        if refuse(path):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_write(path, text)

    monkeypatch.setattr(Store, "add_entry", add_entry)
    monkeypatch.setattr(drafts_module, "write_atomic", write_atomic)  # (`save_json`'s too)
    return opened


def test_a_save_that_fails_on_a_full_disk_lets_go_of_the_journal_before_keeping_the_entry(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: "The draft could not be written … (No space left on device), so your entry is
    printed on stdout", with the room free again once `write` had ended."""
    assert cli("write", "-x", "The first entry.").exit_code == 0
    wal = isolated / "journal.db-wal"
    opened = _full_disk(monkeypatch, isolated, lambda _: wal.exists())
    result = cli("write", "-x", FIRST, "-s", "ward")
    assert opened == [True]  # (the journal was open, its -wal there, as the save failed)
    assert result.exit_code == 4
    assert result.stdout == ""  # not printed: kept
    [kept] = drafts(isolated)
    assert said(result) == (
        f"peerjournal: The disk holding {isolated / 'journal.db'} is full; nothing was saved. "
        f"Your words are kept as draft 1: `peerjournal write --resume --draft 1`."
    )
    assert FIRST in kept.read_text(encoding="utf-8")


def test_piped_text_on_a_full_disk_stays_in_the_draft_it_came_in_as(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No room even for the draft a failed save keeps (JSON): the text piped in is in a draft
    already, and that one is named; nothing is printed."""
    with monkeypatch.context() as patched:
        _full_disk(patched, isolated, lambda path: path.suffix == ".json")
        result = cli("write", "--stdin", "-s", "ward", input=f"{FIRST}\n")
    assert result.exit_code == 4
    assert result.stdout == ""
    [kept] = drafts(isolated)
    assert kept.suffix == ".md"
    assert "Your words are kept as draft 1: `peerjournal write --resume --draft 1`." in said(
        result
    )
    resumed = cli("write", "--resume", input="y\n")  # (room made)
    assert resumed.exit_code == 0, resumed.stderr
    [entry] = json.loads(cli("list", "--json").stdout)
    assert (entry["experience"], entry["setting"]) == (FIRST, "ward")


def test_piped_text_a_failed_save_keeps_is_kept_as_before(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With room for it, the entry a failed save keeps is the quick draft it was (JSON), and
    the draft the text came in as is gone: one draft, not two."""
    _full_disk(monkeypatch, isolated, lambda _: False)
    result = cli("write", "--stdin", "-s", "ward", input=f"{FIRST}\n")
    assert result.exit_code == 4
    [kept] = drafts(isolated)
    assert kept.suffix == ".json" and kept.name.startswith("kept-")
    assert "Your words are kept as draft " in said(result)


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or os.geteuid() != 0 or not shutil.which("mount"),
    reason="mounts a small tmpfs (root, Linux)",
)
def test_a_nearly_full_disk_keeps_the_entry_as_a_draft(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA's case on a real 2 MB disk: 300 KB free, a 32 KB entry piped in."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"tmpfs cannot be mounted here: {mounted.stderr.decode().strip()}")
    try:
        home = disk / "h"
        monkeypatch.setenv("PEERJOURNAL_HOME", str(home))
        for n in range(20):
            assert cli("write", "-x", f"Entry {n} of the ward round.").exit_code == 0
        stat = os.statvfs(disk)
        (disk / "filler").write_bytes(b"\0" * (stat.f_bavail * stat.f_frsize - 300 * 1024))
        text = "We sat with the ward team and talked about the wren. " * 600 + "\n"
        result = cli("write", "--stdin", "-s", "ward", input=text)
        assert result.exit_code == 4, said(result)
        assert result.stdout == ""
        [_kept] = drafts(home)
        assert "Your words are kept as draft " in said(result)
        (disk / "filler").unlink()
        assert cli("write", "--resume", input="y\n").exit_code == 0
        assert experiences(cli)[0] == text.strip()
    finally:
        subprocess.run(["umount", str(disk)], check=False)
        if os.path.ismount(disk):
            subprocess.run(["umount", "-l", str(disk)], check=False)

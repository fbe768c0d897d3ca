"""Round 43, the guided write for a blind writer (screen reader and braille display):

1. TERM=dumb: readline scrolled a line wider than the terminal sideways, drawing it again
   from a "<" with spaces and backspaces each time the typing reached the edge; a screen
   reader read every redraw aloud. Now each key is echoed as typed, and the terminal wraps.
2. "back" to the setting: its line was typed in again to edit while the message said "type
   another", so "inpatient" and "crisis" were saved as "inpatientcrisis". Now the line starts
   empty, what it holds is said, Enter keeps it, what is typed replaces it, and the Up arrow
   brings it back to edit.
3. "Save this entry?": the review shows the first words of each part; "r" reads the whole
   entry, each answer under its question, and asks again.
4. A NUL between two words of a paste is a space ("ok\\0nul": "ok nul"), as
   `textsafe.without_nul` makes it; not "oknul".
"""

from __future__ import annotations

import fcntl
import json
import os
import select
import shutil
import sqlite3
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CLI, SRC, Keys
from peerjournal.replies import reads_it_all
from peerjournal.textsafe import without_nul
from test_qa16_writer_terminal import _controlling_terminal
from test_writer_input import _read_all

AFTER = ["", "", "", "", "", ""]  # feelings to self-care, then "Save this entry?"
# what each blank line after the experience brings on (`_Terminal.finish`)
NEXT = [b"2/3", b"If one feeling", b"3/3", b"Appropriation", b"Tags, separated", b"Self-care:",
        b"Save this entry?"]
LONG = ("We walked to the housing office together and I shared a bit of my own story "
        "about the waiting lists.")  # (wider than 40 columns, twice over)
on_a_terminal = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")


def _said(stderr: str) -> str:
    return " ".join(stderr.split())


def _entry(cli: CLI) -> dict[str, object]:
    result = cli("show", "1", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    return dict(data.get("entry", data))


# -- on a real terminal --------------------------------------------------------------------


class _Terminal:
    """`peerjournal write` on a pseudo-terminal of `columns` columns, with TERM=`term`."""

    LIMIT = 90.0  # seconds for the whole session: then its process group is killed

    def __init__(self, home: Path, template: Path, term: str, columns: int) -> None:
        home.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template, home / "journal.db")  # no migration in the child
        self.controller, terminal = os.openpty()
        self.resize(columns, terminal)
        env = {**os.environ, "PYTHONPATH": SRC, "TERM": term}
        env.pop("COLUMNS", None)  # (the terminal's width, as a writer's terminal gives it)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "peerjournal", "write"], stdin=terminal, stdout=terminal,
            stderr=terminal, env=env, close_fds=True, preexec_fn=_controlling_terminal,
        )
        os.close(terminal)
        self.shown = b""
        self.deadline = time.monotonic() + self.LIMIT

    def resize(self, columns: int, fd: int | None = None) -> None:
        """The terminal made `columns` wide (the program told by SIGWINCH)."""
        size = struct.pack("HHHH", 24, columns, 0, 0)
        fcntl.ioctl(self.controller if fd is None else fd, termios.TIOCSWINSZ, size)

    def until(self, text: bytes, seconds: float = 30) -> bool:
        """Read what is shown until `text` is (never past the session's LIMIT)."""
        end = min(time.monotonic() + seconds, self.deadline)
        while time.monotonic() < end and text not in self.shown:
            if select.select([self.controller], [], [], 0.02)[0]:
                try:
                    self.shown += os.read(self.controller, 65536)
                except OSError:  # exited
                    break
        return text in self.shown

    def settle(self, seconds: float) -> None:
        """Read what is shown for `seconds`."""
        self.until(b"\0", seconds)

    def keys(self, typed: bytes) -> None:
        """`typed` a key at a time, as a writer types."""
        for key in typed:
            os.write(self.controller, bytes([key]))
            time.sleep(0.003)

    def paste(self, text: bytes) -> None:
        os.write(self.controller, text)

    def answer(self, line: bytes, then: bytes) -> None:
        """`line` typed, then Enter once `then` is shown (the next prompt)."""
        self.keys(line + b"\r")
        assert self.until(then), self.shown.decode(errors="replace")[-1500:]

    def finish(self) -> int:
        """The experience ended (a blank line) and the rest of the questions skipped, each
        once it is asked (two Enters that come together are a paragraph break in a paste),
        then the entry saved."""
        for asked in NEXT:
            self.answer(b"", asked)
        self.keys(b"y\r")
        return self.process.wait(timeout=60)

    def close(self) -> None:
        import signal

        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)  # (its own session: setsid)
        self.process.wait(timeout=30)
        os.close(self.controller)


@pytest.fixture
def on_terminal(isolated: Path, journal_template: Path) -> Iterator[Callable[..., _Terminal]]:
    sessions: list[_Terminal] = []

    def start(term: str = "dumb", columns: int = 40) -> _Terminal:
        sessions.append(_Terminal(isolated, journal_template, term, columns))
        assert sessions[-1].until(b"Enter to skip):")
        return sessions[-1]

    yield start
    for session in sessions:
        session.close()


def _stored(home: Path) -> tuple[str, str]:
    with sqlite3.connect(home / "journal.db") as conn:
        setting, experience = conn.execute("SELECT setting, experience FROM entry").fetchone()
    return setting, experience


def _redraws(shown: bytes) -> list[bytes]:
    """What a screen reader reads besides the typing: readline's sideways scrolling ("\\r<",
    spaces and backspaces) and carriage returns that do not end a line."""
    import re

    return re.findall(rb"\r<|\x08|\r(?!\n)", shown)


@on_a_terminal
def test_on_a_dumb_terminal_a_line_wider_than_it_is_echoed_as_typed_never_drawn_again(
    on_terminal: Callable[..., _Terminal], isolated: Path
) -> None:
    session = on_terminal("dumb", 40)
    session.answer(b"ward", b"(A blank line ends it")
    start = len(session.shown)
    session.keys(LONG.encode() + b"\r")
    assert session.until(b"waiting lists.\r\n")
    typed = session.shown[start:]
    assert _redraws(typed) == [] and LONG.encode() in typed
    assert session.finish() == 0
    assert _stored(isolated) == ("ward", LONG)
    # the answer beside its prompt, as on any terminal (it went on a line of its own)
    assert b"Enter to skip): ward" in session.shown


@on_a_terminal
def test_on_a_dumb_terminal_resized_while_a_line_is_typed_it_is_not_scrolled_after(
    on_terminal: Callable[..., _Terminal], isolated: Path
) -> None:
    session = on_terminal("dumb", 40)
    session.answer(b"", b"(A blank line ends it")
    half = len(LONG) // 3
    session.keys(LONG[:half].encode())
    assert session.until(LONG[:half].encode())
    session.resize(30)  # readline measures the screen again, and draws the line again; so
    session.settle(0.5)  # it does with the next key, told again that it is wide
    session.keys(LONG[half].encode())
    session.settle(0.3)
    start = len(session.shown)
    session.keys(LONG[half + 1:].encode() + b"\r")
    assert session.until(b"waiting lists.\r\n")
    assert _redraws(session.shown[start:]) == []
    assert session.finish() == 0
    assert _stored(isolated) == ("", LONG)


@on_a_terminal
@pytest.mark.parametrize(("typed", "setting"), [
    (b"crisis", "crisis"),  # replaces it (was "inpatientcrisis")
    (b"", "inpatient"),  # Enter keeps it
    (b"\x1b[A ward", "inpatient ward"),  # the Up arrow brings it back to edit
])
def test_on_a_terminal_gone_back_to_the_setting_typing_replaces_it_and_up_edits_it(
    on_terminal: Callable[..., _Terminal], isolated: Path, typed: bytes, setting: str
) -> None:
    session = on_terminal("dumb", 80)
    session.answer(b"inpatient", b"(A blank line ends it")
    time.sleep(0.3)
    session.answer(b"back", b"the Up arrow edits it): ")
    shown = session.shown.decode(errors="replace")
    assert "Setting (gone back to, it holds:)\r\ninpatient\r\n" in shown
    session.answer(typed, b"(A blank line ends it")
    session.keys(b"We sat together.\r")
    assert session.until(b"together.\r\n")
    assert session.finish() == 0
    assert _stored(isolated) == (setting, "We sat together.")


@on_a_terminal
def test_on_a_terminal_a_nul_between_two_pasted_words_is_a_space(
    on_terminal: Callable[..., _Terminal], isolated: Path
) -> None:
    session = on_terminal("xterm", 80)
    session.answer(b"", b"(A blank line ends it")
    session.paste(b"We met\0today at the\0\0office, a\0nd ok\0\r")  # (the last: then Enter)
    assert session.until(b"and ok\r\n")
    assert session.finish() == 0
    assert _stored(isolated) == ("", "We met today at the office, and ok")


# -- the key reader's NULs, as without_nul ------------------------------------------------------


@pytest.mark.parametrize(("data", "handed"), [
    (b"ok\0nul\r", b"ok nul\r"),  # between two words: a space (was "oknul")
    (b"ok\0\0nul\r", b"ok nul\r"),  # a run of them: one
    (b"a\0nul\r", b"anul\r"),  # not after a word of two characters: left out
    (b"ok\0n\r", b"okn\r"),
    ("caf\u00e9\0na\u00efve\r".encode(), "caf\u00e9 na\u00efve\r".encode()),
    (b"\0ok\r", b"ok\r"),  # at the start of a pasted line: left out (round 43)
    (b"ok\0", b"ok\x04"),  # nothing behind it: a Ctrl-D
])
def test_a_pasted_nul_reaches_readline_as_without_nul_keeps_it(data: bytes, handed: bytes) -> None:
    assert _read_all(data) == handed


def _as_without_nul(data: bytes) -> bytes:
    decoded = data.decode("utf-8", "replace")
    if decoded.endswith("\0"):  # (the last, with nothing behind it: a Ctrl-D)
        return without_nul(decoded[:-1]).encode() + b"\x04"
    return without_nul(decoded).encode()


@settings(max_examples=300)
@given(st.lists(st.sampled_from([b"a", b"b", b"1", b"_", b" ", b"\0", b"\r", b"\xc3", b"\xa9",
                                 b"\xe9", "\u00e9".encode()]), max_size=14).map(b"".join))
def test_every_paste_reaches_readline_as_without_nul_reads_it(data: bytes) -> None:
    assert _read_all(data) == _as_without_nul(data)


# -- back to the setting (no readline: the terminal reads the line) ------------------------


def test_back_to_the_setting_says_what_it_holds_and_what_is_typed_replaces_it(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys("inpatient", "back", "crisis", "We sat.", "", *AFTER, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "Setting (gone back to, it holds:)\ninpatient\n" in result.stderr
    assert "anything typed replaces it" in result.stderr
    assert "your line is below" not in result.stderr and "type another" not in result.stderr
    assert _entry(cli)["setting"] == "crisis"


def test_back_to_the_setting_then_enter_keeps_it(cli: CLI, keys: Callable[..., Keys]) -> None:
    keys("inpatient", "back", "", "We sat.", "", *AFTER, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert _entry(cli)["setting"] == "inpatient"


def test_back_at_the_setting_gone_back_to_is_not_added_to_it(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    """Was: "communityback" (typed after the line given back to edit)."""
    keys("community", "back", "back", "", "We sat.", "", *AFTER, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "there is no question before this one" in result.stderr
    assert _entry(cli)["setting"] == "community"


def test_back_to_the_tags_says_them_and_what_is_typed_replaces_them(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys("", "We sat.", "", "", "", "", "", "advocacy, housing", "back", "peer", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "Tags (gone back to, it holds:)\nadvocacy, housing\n" in result.stderr
    assert _entry(cli)["tags"] == ["peer"]


# -- the whole entry read at "Save this entry?" ------------------------------------------------


def test_r_at_save_this_entry_reads_the_whole_entry_then_asks_again(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys("community", LONG, "He told me he was scared of the forms.", "",
         "Nervous, then proud.", "", "", "I will ask him.", "", "Keep asking, not telling.",
         "", "advocacy", "A walk", "r", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    review, _, rest = result.stderr.partition("(r: read all) Save this entry? [Y/n]")
    assert "He told me" not in review  # (the review: a line a part, its first words)
    whole, _, after = rest.partition("(r: read all) Save this entry? [Y/n]")
    assert "The whole entry\nDate: 2026-11-20\nSetting: community\n" in whole
    assert f"Experience\n{LONG}\nHe told me he was scared of the forms.\n" in whole
    # each answer under its question
    assert "will you do differently?\nKeep asking, not telling.\n" in whole
    assert "Self-care\nA walk\n" in whole and "Please answer" not in whole
    assert _entry(cli)["evaluation"] == "I will ask him."  # (r is not added to it)
    assert "Please answer" not in after


def test_r_piped_in_is_asked_again_as_before(cli: CLI) -> None:
    """Piped in, nobody hears the entry: "Save this entry?" offers no r, and r is asked
    again as any letter is."""
    assert cli("write", "-x", "We sat.", "-p", "nosuch").exit_code == 3  # kept as a draft
    result = cli("write", "--resume", input="r\ny\n")
    assert result.exit_code == 0, result.stderr
    assert "(r: read all)" not in result.stderr and "The whole entry" not in result.stderr
    assert "Please answer y (save) or n" in result.stderr


@pytest.mark.parametrize(("line", "reads"), [
    ("r", True), ("R.", True), ("read it all", True), ("Read it back, please", True),
    ("read", True), ("I read it", False), ("reading", False), ("rr", False), ("y", False),
])
def test_what_asks_for_the_whole_entry(line: str, reads: bool) -> None:
    assert reads_it_all(line) is reads


# -- a resumed draft says what it kept before the question it asks ------------------------------


def test_resumed_at_a_later_part_it_says_what_the_parts_before_hold(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    """Was: straight to "2/3 Feelings", nothing said of the experience kept (qa_access 13)."""
    keys("ward", "We sat.", "He was scared.", "", "Calm.", "", "Keep going.", "", "q")
    assert cli("write").exit_code == 1
    keys("", "", "", "", "y")
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert "Kept from before: Setting: ward; Experience: 5 words; Feelings: 3 words." in _said(
        result.stderr)


def test_resumed_it_names_only_the_parts_that_hold_words(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys("ward", "q")
    assert cli("write").exit_code == 1
    keys("We sat.", "", "", "", "", "q")  # (feelings skipped: not named)
    result = cli("write", "--resume")
    assert "Kept from before: Setting: ward." in _said(result.stderr)
    keys("", "", "", "y")
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert "Kept from before: Setting: ward; Experience: 2 words." in _said(result.stderr)


def test_a_new_entry_with_its_setting_given_says_nothing_was_kept(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys("We sat.", "", *AFTER, "y")
    result = cli("write", "-s", "ward")
    assert result.exit_code == 0, result.stderr
    assert "Kept from before" not in result.stderr
